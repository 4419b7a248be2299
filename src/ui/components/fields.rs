//! GOV.UK Design System form fields, each bound to a value signal and a change callback.
//! Every field shows its own error, taken from the page's one list of errors.

use leptos::prelude::*;

use crate::domain::choice::Choice;
use crate::domain::inputs::DateParts;
use crate::domain::validate::FieldError;
use crate::ui::components::page::dynamic;

/// The page's validation errors, in field order.
pub type PageErrors = RwSignal<Vec<FieldError>>;

/// The first error for a field (or, for a date, any of its three boxes).
pub fn error_for(errors: PageErrors, field: impl Into<String>) -> Signal<Option<String>> {
    let field = field.into();
    Signal::derive(move || {
        errors.with(|list| {
            list.iter()
                .find(|e| {
                    e.field == field
                        || e.field
                            .strip_prefix(field.as_str())
                            .is_some_and(|rest| matches!(rest, "-day" | "-month" | "-year"))
                })
                .map(|e| e.message.clone())
        })
    })
}

#[derive(Clone, Debug, PartialEq)]
pub struct Opt {
    pub key: String,
    pub label: String,
    pub hint: Option<String>,
}

pub fn opts<T: Choice>() -> Vec<Opt> {
    T::all()
        .iter()
        .map(|c| Opt {
            key: c.key().into(),
            label: c.label().into(),
            hint: c.hint().map(Into::into),
        })
        .collect()
}

pub fn yes_no() -> Vec<Opt> {
    vec![
        Opt {
            key: "yes".into(),
            label: "Yes".into(),
            hint: None,
        },
        Opt {
            key: "no".into(),
            label: "No".into(),
            hint: None,
        },
    ]
}

/// `aria-describedby` for a question: its hint and, while it shows one, its error message.
fn describe(
    id: &str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + use<> {
    let id = id.to_string();
    move || described_by(has_hint, &id, error.with(Option::is_some))
}

fn described_by(hint: bool, id: &str, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[component]
pub fn ErrorMessage(id: String, error: Signal<Option<String>>) -> impl IntoView {
    dynamic(move || {
        error
            .get()
            .map(|message| {
                view! {
                    <p id=format!("{id}-error") class="govuk-error-message">
                        <span class="govuk-visually-hidden">"Error: "</span>
                        {message}
                    </p>
                }
            })
            .into_any()
    })
}

fn group_class(error: Signal<Option<String>>) -> impl Fn() -> &'static str {
    move || {
        if error.with(Option::is_some) {
            "govuk-form-group govuk-form-group--error"
        } else {
            "govuk-form-group"
        }
    }
}

/// The frame of a question answered in one box: label, hint and error message above it.
#[component]
fn Labelled(
    id: String,
    label: String,
    hint: Option<String>,
    error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=group_class(error)>
            <label class="govuk-label govuk-label--s" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <div id=format!("{id}-hint") class="govuk-hint">{h}</div> })}
            <ErrorMessage id=id.clone() error=error/>
            {children()}
        </div>
    }
}

/// The frame of a question answered with several inputs: a fieldset whose legend asks it, with
/// its hint and error message. `role="group"` is for date inputs, as GOV.UK marks them up.
#[component]
fn Grouped(
    id: String,
    legend: String,
    size: &'static str,
    hint: Option<String>,
    error: Signal<Option<String>>,
    #[prop(optional)] date: bool,
    children: Children,
) -> impl IntoView {
    let described = describe(&id, hint.is_some(), error);
    let size = if size.is_empty() { "s" } else { size };
    view! {
        <div class=group_class(error)>
            <fieldset class="govuk-fieldset" role=date.then_some("group") aria-describedby=described>
                <legend class=format!("govuk-fieldset__legend govuk-fieldset__legend--{size}")>{legend}</legend>
                {hint.map(|h| view! { <div id=format!("{id}-hint") class="govuk-hint">{h}</div> })}
                <ErrorMessage id=id.clone() error=error/>
                {children()}
            </fieldset>
        </div>
    }
}

#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    value: Signal<String>,
    set: Callback<String>,
    errors: PageErrors,
    /// A GOV.UK width class such as `govuk-input--width-10`; full width when absent.
    #[prop(optional)]
    width: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] numeric: bool,
    /// A passphrase: typed characters are hidden.
    #[prop(optional)]
    password: bool,
) -> impl IntoView {
    let error = error_for(errors, id.clone());
    let hint = hint.filter(|h| !h.is_empty());
    let describe = describe(&id, hint.is_some(), error);
    let class = move || {
        let err = if error.with(Option::is_some) {
            " govuk-input--error"
        } else {
            ""
        };
        format!("govuk-input {width}{err}")
    };
    view! {
        <Labelled id=id.clone() label=label hint=hint error=error>
            <input
                class=class
                id=id.clone()
                name=id.clone()
                type=if password { "password" } else { "text" }
                spellcheck="false"
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                inputmode=numeric.then_some("numeric")
                aria-describedby=describe
                prop:value=value
                on:input:target=move |ev| set.run(ev.target().value())
            />
        </Labelled>
    }
}

/// A text box that also offers a list to pick from (`<input list>` with a `<datalist>`: the
/// browser's own accessible suggestions), while anything may still be typed. Used for an
/// enquiry's agency, from the team's directory. Apart from `TextInput` so that the first
/// download, which has `TextInput` for the case list's search, carries none of it.
#[component]
pub fn PickInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    choices: Vec<String>,
    value: Signal<String>,
    set: Callback<String>,
    errors: PageErrors,
    #[prop(optional)] width: &'static str,
) -> impl IntoView {
    let error = error_for(errors, id.clone());
    let hint = hint.filter(|h| !h.is_empty());
    let describe = describe(&id, hint.is_some(), error);
    let list = format!("{id}-choices");
    let class = move || {
        let err = if error.with(Option::is_some) {
            " govuk-input--error"
        } else {
            ""
        };
        format!("govuk-input {width}{err}")
    };
    let options = choices
        .into_iter()
        .map(|c| view! { <option value=c></option> })
        .collect_view();
    view! {
        <Labelled id=id.clone() label=label hint=hint error=error>
            <input
                class=class
                id=id.clone()
                name=id.clone()
                type="text"
                spellcheck="false"
                autocomplete="off"
                list=list.clone()
                aria-describedby=describe
                prop:value=value
                on:input:target=move |ev| set.run(ev.target().value())
            />
            <datalist id=list>{options}</datalist>
        </Labelled>
    }
}

#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    value: Signal<String>,
    set: Callback<String>,
    errors: PageErrors,
    #[prop(default = 4)] rows: u32,
) -> impl IntoView {
    let error = error_for(errors, id.clone());
    let hint = hint.filter(|h| !h.is_empty());
    let describe = describe(&id, hint.is_some(), error);
    let class = move || {
        if error.with(Option::is_some) {
            "govuk-textarea govuk-textarea--error"
        } else {
            "govuk-textarea"
        }
    };
    view! {
        <Labelled id=id.clone() label=label hint=hint error=error>
            <textarea
                class=class
                id=id.clone()
                name=id.clone()
                rows=rows
                aria-describedby=describe
                prop:value=value
                on:input:target=move |ev| set.run(ev.target().value())
            ></textarea>
        </Labelled>
    }
}

#[component]
pub fn DateInput(
    #[prop(into)] id: String,
    #[prop(into)] legend: String,
    #[prop(into)] hint: String,
    value: Signal<DateParts>,
    set: Callback<DateParts>,
    errors: PageErrors,
) -> impl IntoView {
    let error = error_for(errors, id.clone());
    let base = id.clone();
    let part = move |which: &'static str| {
        let field_id = format!("{base}-{which}");
        let (label, width) = match which {
            "day" => ("Day", "govuk-input--width-2"),
            "month" => ("Month", "govuk-input--width-2"),
            _ => ("Year", "govuk-input--width-4"),
        };
        let class = move || {
            let err = if error.with(Option::is_some) {
                " govuk-input--error"
            } else {
                ""
            };
            format!("govuk-input govuk-date-input__input {width}{err}")
        };
        let current = move || {
            value.with(|d| match which {
                "day" => d.day.clone(),
                "month" => d.month.clone(),
                _ => d.year.clone(),
            })
        };
        view! {
            <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for=field_id.clone()>{label}</label>
                    <input
                        class=class
                        id=field_id.clone()
                        name=field_id
                        type="text"
                        inputmode="numeric"
                        prop:value=current
                        on:input:target=move |ev| {
                            let mut d = value.get_untracked();
                            let typed = ev.target().value();
                            match which {
                                "day" => d.day = typed,
                                "month" => d.month = typed,
                                _ => d.year = typed,
                            }
                            set.run(d);
                        }
                    />
                </div>
            </div>
        }
    };
    view! {
        <Grouped id=id.clone() legend=legend size="s" hint=Some(hint) error=error date=true>
            <div class="govuk-date-input" id=id.clone()>
                {part("day")}
                {part("month")}
                {part("year")}
            </div>
        </Grouped>
    }
}

/// Radios. The first input's id is `id`, so the error summary can link to the group. Options
/// listed in `reveal` show their extra questions beneath them when chosen (conditional reveal).
#[component]
pub fn Radios(
    #[prop(into)] id: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] options: Signal<Vec<Opt>>,
    value: Signal<String>,
    set: Callback<String>,
    errors: PageErrors,
    #[prop(optional)] inline: bool,
    /// Legend size: "s" (default), "m" or "l".
    #[prop(optional)]
    size: &'static str,
    #[prop(optional)] reveal: Vec<(String, ViewFn)>,
) -> impl IntoView {
    let error = error_for(errors, id.clone());
    let hint = hint.filter(|h| !h.is_empty());
    let radios_class = if inline {
        "govuk-radios govuk-radios--small govuk-radios--inline"
    } else {
        "govuk-radios govuk-radios--small"
    };
    let reveal = StoredValue::new(reveal);
    let group = id.clone();
    let items = dynamic(move || {
        let group = group.clone();
        options
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, opt)| {
                let input_id = if i == 0 { group.clone() } else { format!("{group}--{}", opt.key) };
                let key = opt.key.clone();
                let checked = {
                    let key = key.clone();
                    move || value.with(|v| *v == key)
                };
                let conditional = reveal.with_value(|r| r.iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone()));
                let conditional_id = format!("conditional-{input_id}");
                let item_hint_id = format!("{input_id}-item-hint");
                let hint_view = opt.hint.clone().map(|h| view! { <div id=item_hint_id.clone() class="govuk-hint govuk-radios__hint">{h}</div> });
                let reveal_view = conditional.map(|f| {
                    let checked = checked.clone();
                    view! {
                        <div
                            class=move || if checked() { "govuk-radios__conditional" } else { "govuk-radios__conditional govuk-radios__conditional--hidden" }
                            id=conditional_id.clone()
                        >
                            {f.run()}
                        </div>
                    }
                });
                let has_reveal = reveal_view.is_some();
                let on_pick = {
                    let key = key.clone();
                    move |_| set.run(key.clone())
                };
                view! {
                    <div class="govuk-radios__item">
                        <input
                            class="govuk-radios__input"
                            id=input_id.clone()
                            name=group.clone()
                            type="radio"
                            value=key.clone()
                            aria-controls=has_reveal.then(|| conditional_id.clone())
                            aria-describedby=opt.hint.is_some().then(|| item_hint_id.clone())
                            prop:checked=checked
                            on:change=on_pick
                        />
                        <label class="govuk-label govuk-radios__label" for=input_id>{opt.label.clone()}</label>
                        {hint_view}
                    </div>
                    {reveal_view}
                }
            })
            .collect_view()
            .into_any()
    });
    view! {
        <Grouped id=id.clone() legend=legend size=size hint=hint error=error>
            <div class=radios_class>{items}</div>
        </Grouped>
    }
}

/// Checkboxes; the first input's id is `id`.
#[component]
pub fn Checkboxes(
    #[prop(into)] id: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    options: Vec<Opt>,
    value: Signal<Vec<String>>,
    set: Callback<Vec<String>>,
    errors: PageErrors,
    #[prop(optional)] size: &'static str,
) -> impl IntoView {
    let error = error_for(errors, id.clone());
    let hint = hint.filter(|h| !h.is_empty());
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, opt)| {
            let input_id = if i == 0 { id.clone() } else { format!("{id}--{}", opt.key) };
            let key = opt.key.clone();
            let checked = {
                let key = key.clone();
                move || value.with(|v| v.contains(&key))
            };
            let toggle = {
                let key = key.clone();
                move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    let mut v = value.get_untracked();
                    v.retain(|k| *k != key);
                    if on {
                        v.push(key.clone());
                    }
                    set.run(v);
                }
            };
            let item_hint_id = format!("{input_id}-item-hint");
            view! {
                <div class="govuk-checkboxes__item">
                    <input
                        class="govuk-checkboxes__input"
                        id=input_id.clone()
                        name=id.clone()
                        type="checkbox"
                        value=key
                        aria-describedby=opt.hint.is_some().then(|| item_hint_id.clone())
                        prop:checked=checked
                        on:change=toggle
                    />
                    <label class="govuk-label govuk-checkboxes__label" for=input_id>{opt.label}</label>
                    {opt.hint.map(|h| view! { <div id=item_hint_id class="govuk-hint govuk-checkboxes__hint">{h}</div> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <Grouped id=id.clone() legend=legend size=size hint=hint error=error>
            <div class="govuk-checkboxes govuk-checkboxes--small">{items}</div>
        </Grouped>
    }
}

/// A single checkbox for a yes/no confirmation such as "I have considered this reply".
#[component]
pub fn Confirm(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: Signal<bool>,
    set: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="govuk-form-group">
            <div class="govuk-checkboxes govuk-checkboxes--small">
                <div class="govuk-checkboxes__item">
                    <input
                        class="govuk-checkboxes__input"
                        id=id.clone()
                        name=id.clone()
                        type="checkbox"
                        prop:checked=value
                        on:change=move |ev| set.run(event_target_checked(&ev))
                    />
                    <label class="govuk-label govuk-checkboxes__label" for=id>{label}</label>
                </div>
            </div>
        </div>
    }
}

pub fn yes_no_key(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}
