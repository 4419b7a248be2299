//! Pages described as data. A page builds a list of `Item`s (questions, headings, repeated
//! groups) and `render` turns it into GOV.UK markup.
//!
//! Why: every `view!` block compiles to its own types and rendering code, so forms written out
//! by hand grow the WebAssembly with every question. Rendering all pages through this one
//! function keeps the download small, and keeps each page's questions readable as a plain list.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::inputs::DateParts;
use crate::ui::components::fields::*;
use crate::ui::components::page::{clicked, dynamic};

#[derive(Clone)]
pub enum Item {
    /// `<h2>`/`<h3>` with an optional id, so blocker links can point at it.
    Heading {
        level: u8,
        text: Signal<String>,
        id: Option<String>,
    },
    Para(Signal<String>),
    Hint(String),
    /// GOV.UK inset text.
    Inset(Signal<String>),
    Text {
        id: String,
        label: String,
        hint: Option<String>,
        width: &'static str,
        numeric: bool,
        password: bool,
        value: Signal<String>,
        set: Callback<String>,
    },
    Area {
        id: String,
        label: String,
        hint: Option<String>,
        rows: u32,
        value: Signal<String>,
        set: Callback<String>,
    },
    Date {
        id: String,
        legend: String,
        hint: Option<String>,
        value: Signal<DateParts>,
        set: Callback<DateParts>,
    },
    Radios {
        id: String,
        legend: String,
        hint: Option<String>,
        options: Signal<Vec<Opt>>,
        inline: bool,
        size: &'static str,
        value: Signal<String>,
        set: Callback<String>,
        /// Questions revealed beneath an option when it is chosen.
        reveal: Vec<(String, Vec<Item>)>,
    },
    Checks {
        id: String,
        legend: String,
        hint: Option<String>,
        options: Vec<Opt>,
        value: Signal<Vec<String>>,
        set: Callback<Vec<String>>,
    },
    Confirm {
        id: String,
        label: String,
        value: Signal<bool>,
        set: Callback<bool>,
    },
    /// Items shown only while `when` is true.
    When {
        when: Memo<bool>,
        items: Vec<Item>,
    },
    /// A repeated group: one block of items per id, for example one per offence.
    List {
        ids: Memo<Vec<u32>>,
        item: Arc<dyn Fn(u32) -> Vec<Item> + Send + Sync>,
    },
    /// A repeated group (an offence, a resident) set off by a rule on its left. It is a named
    /// region, so its questions can be told apart from the next group's.
    Group {
        id: String,
        title: Signal<String>,
        items: Vec<Item>,
    },
    /// A named part of a page with an `<h2>`, such as one of an address's own checks.
    Region {
        id: String,
        title: String,
        items: Vec<Item>,
    },
    /// Items kept together, such as a question and its follow-ups.
    Block(Vec<Item>),
    /// Follow-up questions, set in beneath the question they follow as GOV.UK reveals are.
    FollowUp(Vec<Item>),
    Button {
        id: Option<String>,
        text: Signal<String>,
        on_click: Callback<()>,
        class: &'static str,
    },
    /// Anything else, rendered as given.
    View(ViewFn),
}

// The page passes closures of many types. Boxing them first and wrapping them here means the
// reactive wrappers below are compiled once, not once per page closure: a large saving in the
// size of the download.

/// A memo, so dependants rerun only when the value changes, not on every keystroke.
fn memo<T: Clone + PartialEq + Send + Sync + 'static>(
    f: Arc<dyn Fn() -> T + Send + Sync>,
) -> Memo<T> {
    Memo::new(move |_| f())
}

fn derived(f: Arc<dyn Fn() -> String + Send + Sync>) -> Signal<String> {
    Signal::derive(move || f())
}

fn callback(f: Arc<dyn Fn() + Send + Sync>) -> Callback<()> {
    Callback::new(move |_| f())
}

/// Shorthands used by the pages.
impl Item {
    pub fn h2(text: impl Into<String>) -> Item {
        Item::Heading {
            level: 2,
            text: Signal::stored(text.into()),
            id: None,
        }
    }
    pub fn h2_id(text: impl Into<String>, id: &str) -> Item {
        Item::Heading {
            level: 2,
            text: Signal::stored(text.into()),
            id: Some(id.into()),
        }
    }
    pub fn h3(text: impl Into<String>) -> Item {
        Item::Heading {
            level: 3,
            text: Signal::stored(text.into()),
            id: None,
        }
    }
    pub fn para(text: impl Into<String>) -> Item {
        Item::Para(Signal::stored(text.into()))
    }
    pub fn text(
        id: impl Into<String>,
        label: impl Into<String>,
        (value, set): (Signal<String>, Callback<String>),
    ) -> Item {
        Item::Text {
            id: id.into(),
            label: label.into(),
            hint: None,
            width: "",
            numeric: false,
            password: false,
            value,
            set,
        }
    }
    pub fn area(
        id: impl Into<String>,
        label: impl Into<String>,
        (value, set): (Signal<String>, Callback<String>),
    ) -> Item {
        Item::Area {
            id: id.into(),
            label: label.into(),
            hint: None,
            rows: 3,
            value,
            set,
        }
    }
    pub fn date(
        id: impl Into<String>,
        legend: impl Into<String>,
        (value, set): (Signal<DateParts>, Callback<DateParts>),
    ) -> Item {
        Item::Date {
            id: id.into(),
            legend: legend.into(),
            hint: None,
            value,
            set,
        }
    }
    pub fn radios(
        id: impl Into<String>,
        legend: impl Into<String>,
        options: Vec<Opt>,
        (value, set): (Signal<String>, Callback<String>),
    ) -> Item {
        Item::Radios {
            id: id.into(),
            legend: legend.into(),
            hint: None,
            options: Signal::stored(options),
            inline: false,
            size: "s",
            value,
            set,
            reveal: Vec::new(),
        }
    }
    pub fn yes_no(
        id: impl Into<String>,
        legend: impl Into<String>,
        binding: (Signal<String>, Callback<String>),
    ) -> Item {
        Item::radios(id, legend, yes_no(), binding).inline()
    }
    pub fn checks(
        id: impl Into<String>,
        legend: impl Into<String>,
        options: Vec<Opt>,
        (value, set): (Signal<Vec<String>>, Callback<Vec<String>>),
    ) -> Item {
        Item::Checks {
            id: id.into(),
            legend: legend.into(),
            hint: None,
            options,
            value,
            set,
        }
    }
    pub fn when(when: impl Fn() -> bool + Send + Sync + 'static, items: Vec<Item>) -> Item {
        Item::When {
            when: memo(Arc::new(when)),
            items,
        }
    }
    pub fn list(
        ids: impl Fn() -> Vec<u32> + Send + Sync + 'static,
        item: impl Fn(u32) -> Vec<Item> + Send + Sync + 'static,
    ) -> Item {
        Item::List {
            ids: memo(Arc::new(ids)),
            item: Arc::new(item),
        }
    }
    /// A secondary button with fixed text.
    pub fn button(
        id: Option<&str>,
        text: impl Into<String>,
        on_click: impl Fn() + Send + Sync + 'static,
    ) -> Item {
        Item::button_with(id, Signal::stored(text.into()), on_click)
    }
    /// A secondary button whose text changes, such as "Remove offence 2".
    pub fn button_live(
        id: Option<&str>,
        text: impl Fn() -> String + Send + Sync + 'static,
        on_click: impl Fn() + Send + Sync + 'static,
    ) -> Item {
        Item::button_with(id, derived(Arc::new(text)), on_click)
    }
    fn button_with(
        id: Option<&str>,
        text: Signal<String>,
        on_click: impl Fn() + Send + Sync + 'static,
    ) -> Item {
        Item::Button {
            id: id.map(Into::into),
            text,
            on_click: callback(Arc::new(on_click)),
            class: "govuk-button govuk-button--secondary",
        }
    }

    /// Adds a hint to a question.
    pub fn hint(mut self, text: impl Into<String>) -> Item {
        let text = Some(text.into());
        match &mut self {
            Item::Text { hint, .. }
            | Item::Area { hint, .. }
            | Item::Date { hint, .. }
            | Item::Radios { hint, .. }
            | Item::Checks { hint, .. } => *hint = text,
            _ => {}
        }
        self
    }
    /// Sets a text box's GOV.UK width class.
    pub fn width(mut self, class: &'static str) -> Item {
        if let Item::Text { width, .. } = &mut self {
            *width = class;
        }
        self
    }
    /// A button that destroys something (red).
    pub fn warning(mut self) -> Item {
        if let Item::Button { class, .. } = &mut self {
            *class = "govuk-button govuk-button--warning";
        }
        self
    }
    /// A passphrase box: what is typed is hidden.
    pub fn password(mut self) -> Item {
        if let Item::Text { password, .. } = &mut self {
            *password = true;
        }
        self
    }
    pub fn numeric(mut self) -> Item {
        if let Item::Text { numeric, width, .. } = &mut self {
            *numeric = true;
            if width.is_empty() {
                *width = "govuk-input--width-4";
            }
        }
        self
    }
    pub fn rows(mut self, n: u32) -> Item {
        if let Item::Area { rows, .. } = &mut self {
            *rows = n;
        }
        self
    }
    /// Lays radios side by side (for short answers such as yes and no).
    pub fn inline(mut self) -> Item {
        if let Item::Radios { inline, .. } = &mut self {
            *inline = true;
        }
        self
    }
    /// Legend size: "s", "m" or "l".
    pub fn size(mut self, s: &'static str) -> Item {
        if let Item::Radios { size, .. } = &mut self {
            *size = s;
        }
        self
    }
    /// Questions revealed beneath the option `key` when it is chosen. The options then stack:
    /// GOV.UK does not reveal questions under inline radios, where they push the next option
    /// aside.
    pub fn reveal(mut self, key: &str, items: Vec<Item>) -> Item {
        if let Item::Radios { reveal, inline, .. } = &mut self {
            reveal.push((key.to_string(), items));
            *inline = false;
        }
        self
    }
    /// Options that change as the case changes (for example, the residents to choose from).
    pub fn options(mut self, list: Signal<Vec<Opt>>) -> Item {
        if let Item::Radios { options, .. } = &mut self {
            *options = list;
        }
        self
    }
}

/// Renders a page's items in order. `errors` is the page's one list of validation errors.
pub fn render(items: Vec<Item>, errors: PageErrors) -> AnyView {
    items
        .into_iter()
        .map(|item| render_one(item, errors))
        .collect::<Vec<_>>()
        .into_any()
}

fn render_one(item: Item, errors: PageErrors) -> AnyView {
    match item {
        Item::Heading { level, text, id } => match level {
            2 => view! { <h2 class="govuk-heading-m" id=id>{text}</h2> }.into_any(),
            3 => view! { <h3 class="govuk-heading-s" id=id>{text}</h3> }.into_any(),
            _ => view! { <h4 class="govuk-heading-s" id=id>{text}</h4> }.into_any(),
        },
        Item::Para(text) => view! { <p class="govuk-body">{text}</p> }.into_any(),
        Item::Hint(text) => view! { <p class="govuk-hint">{text}</p> }.into_any(),
        Item::Inset(text) => view! { <div class="govuk-inset-text">{text}</div> }.into_any(),
        Item::Text { id, label, hint, width, numeric, password, value, set } => {
            let autocomplete = if password { "current-password" } else { "" };
            view! {
                <TextInput id=id label=label hint=hint.unwrap_or_default() width=width numeric=numeric password=password autocomplete=autocomplete value=value set=set errors=errors/>
            }
            .into_any()
        }
        Item::Area { id, label, hint, rows, value, set } => {
            view! { <TextArea id=id label=label hint=hint.unwrap_or_default() rows=rows value=value set=set errors=errors/> }.into_any()
        }
        Item::Date { id, legend, hint, value, set } => {
            view! { <DateInput id=id legend=legend hint=hint.unwrap_or_else(|| "For example, 27 3 2026".into()) value=value set=set errors=errors/> }.into_any()
        }
        Item::Radios { id, legend, hint, options, inline, size, value, set, reveal } => {
            let reveal = reveal
                .into_iter()
                .map(|(key, items)| (key, ViewFn::from(move || render(items.clone(), errors))))
                .collect();
            view! {
                <Radios id=id legend=legend hint=hint.unwrap_or_default() options=options inline=inline size=size value=value set=set errors=errors reveal=reveal/>
            }
            .into_any()
        }
        Item::Checks { id, legend, hint, options, value, set } => {
            view! { <Checkboxes id=id legend=legend hint=hint.unwrap_or_default() options=options value=value set=set errors=errors/> }.into_any()
        }
        Item::Confirm { id, label, value, set } => view! { <Confirm id=id label=label value=value set=set/> }.into_any(),
        Item::When { when, items } => {
            let items = StoredValue::new(items);
            dynamic(move || when.get().then(|| render(items.get_value(), errors)).into_any()).into_any()
        }
        // Redrawn whole when an item is added or removed (the ids are a memo, so typing does not
        // redraw it): simpler and smaller than keyed updates, and focus is moved explicitly then.
        Item::List { ids, item } => dynamic(move || ids.get().into_iter().map(|id| render(item(id), errors)).collect::<Vec<_>>().into_any()).into_any(),
        Item::Group { id, title, items } => view! {
            <section class="app-repeat" aria-labelledby=id.clone()>
                <h3 class="govuk-heading-s" id=id.clone()>{title}</h3>
                {render(items, errors)}
            </section>
        }
        .into_any(),
        Item::Region { id, title, items } => view! {
            <section aria-labelledby=id.clone()>
                <h2 class="govuk-heading-m" id=id.clone()>{title}</h2>
                {render(items, errors)}
            </section>
        }
        .into_any(),
        Item::Block(items) => view! { <div class="app-question">{render(items, errors)}</div> }.into_any(),
        Item::FollowUp(items) => view! { <div class="app-follow-up">{render(items, errors)}</div> }.into_any(),
        Item::Button { id, text, on_click: action, class } => view! {
            <div>
                <button type="button" id=id class=class on:click=clicked(action)>
                    {text}
                </button>
            </div>
        }
        .into_any(),
        Item::View(f) => f.run(),
    }
}
