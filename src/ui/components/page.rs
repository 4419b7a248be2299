//! Pieces every page uses: its heading and title, the error summary, back links and status tags.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::rules::SectionStatus;
use crate::domain::validate::FieldError;
use crate::ui::components::fields::PageErrors;

pub const SERVICE_NAME: &str = "Pre-sentence safeguarding checks";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Moves keyboard focus to an element by id and brings it into view.
pub fn focus_id(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            el.scroll_into_view();
            let _ = el.focus();
        }
    }
}

/// The tab's title for a page headed `title`. No bidirectional controls: a name typed with one
/// would reverse it. In training every title says so, as the banner does.
pub fn tab_title(title: &str) -> String {
    let training = match crate::storage::space() {
        crate::storage::Space::Training => "Training: ",
        crate::storage::Space::Real => "",
    };
    crate::domain::text::without_bidi_controls(&format!("{training}{title} – {SERVICE_NAME}"))
}

/// The page's `<h1>` with an optional caption. It sets the document title (`show_errors` adds
/// "Error:" while the page shows errors) and, as a new page opens, takes focus so screen reader
/// users hear where they are.
#[component]
pub fn PageHeading(
    #[prop(into)] title: Signal<String>,
    #[prop(optional, into)] caption: Option<Signal<String>>,
) -> impl IntoView {
    // After the page is drawn, so the heading exists; unless the address names a field on this
    // page (a link from a blocker), which the router focuses instead.
    set_timeout(
        || {
            let targeted = document()
                .zip(web_sys::window().and_then(|w| w.location().hash().ok()))
                .is_some_and(|(d, hash)| {
                    let id = hash.trim_start_matches('#');
                    !id.is_empty() && d.get_element_by_id(id).is_some()
                });
            if !targeted {
                focus_id("page-heading");
            }
        },
        std::time::Duration::from_millis(0),
    );
    if let Some(doc) = document() {
        doc.set_title(&tab_title(&title.get_untracked()));
    }
    view! {
        {caption.map(|c| view! { <span class="govuk-caption-l">{c}</span> })}
        <h1 class="govuk-heading-l" tabindex="-1" id="page-heading">{title}</h1>
    }
}

/// Shows a page's validation errors (or clears them): the error summary takes focus and the
/// document title starts "Error:", as on GOV.UK. Returns whether the page was free of errors.
pub fn show_errors(errors: PageErrors, found: Vec<FieldError>) -> bool {
    let ok = found.is_empty();
    errors.set(found);
    if let Some(doc) = document() {
        let title = doc.title();
        let plain = title.strip_prefix("Error: ").unwrap_or(&title).to_string();
        doc.set_title(&if ok { plain } else { format!("Error: {plain}") });
    }
    if !ok {
        focus_later("error-summary".into());
    }
    ok
}

/// "There is a problem": links to each field in order. `show_errors` gives it focus.
#[component]
pub fn ErrorSummary(errors: PageErrors) -> impl IntoView {
    dynamic(move || {
        let list = errors.get();
        (!list.is_empty())
            .then(|| {
                let items = list
                    .into_iter()
                    .map(|e| {
                        let field = e.field.clone();
                        view! {
                            <li>
                                <a
                                    href=format!("#{}", e.field)
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        focus_id(&field);
                                    }
                                >
                                    {e.message}
                                </a>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="govuk-error-summary" tabindex="-1" id="error-summary">
                        <div role="alert">
                            <h2 class="govuk-error-summary__title">"There is a problem"</h2>
                            <div class="govuk-error-summary__body">
                                <ul class="govuk-list govuk-error-summary__list">{items}</ul>
                            </div>
                        </div>
                    </div>
                }
            })
            .into_any()
    })
}

#[component]
pub fn BackLink(
    #[prop(into)] href: Signal<String>,
    #[prop(optional, into)] text: Option<String>,
) -> impl IntoView {
    view! { <a href=href class="govuk-back-link">{text.unwrap_or_else(|| "Back".into())}</a> }
}

pub fn status_tag_class(status: SectionStatus) -> &'static str {
    match status {
        // GOV.UK task lists show "Completed" and "Cannot start yet" as plain text, not tags.
        SectionStatus::Completed => "app-status",
        SectionStatus::InProgress => "govuk-tag govuk-tag--light-blue",
        SectionStatus::NotStarted => "govuk-tag govuk-tag--blue",
        SectionStatus::ActionNeeded => "govuk-tag govuk-tag--red",
        SectionStatus::CannotStartYet | SectionStatus::NotNeeded => {
            "app-status govuk-task-list__status--cannot-start-yet"
        }
    }
}

/// The GOV.UK notification banner: a titled region (its title "Important", say) around what
/// the page must say before anything else.
#[component]
pub fn NotificationBanner(
    id: &'static str,
    title: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="govuk-notification-banner" role="region" aria-labelledby=id>
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id=id>{title}</h2>
            </div>
            <div class="govuk-notification-banner__content">{children()}</div>
        </div>
    }
}

/// The warning text pattern: "!" icon and bold text.
#[component]
pub fn Warning(children: Children) -> impl IntoView {
    view! {
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">"Warning"</span>
                {children()}
            </strong>
        </div>
    }
}

/// A navigation callback, taken while the page is built (contexts are not reachable from inside
/// an event handler).
pub fn navigator() -> Callback<String> {
    let router = crate::ui::router::use_router();
    Callback::new(move |path: String| crate::ui::router::navigate(router, &path))
}

/// The frame of a section page: back link, error summary, heading with the person's name, and a
/// form whose submit button validates the page and, when it passes, goes on to `next`.
#[component]
pub fn SectionForm(
    handle: crate::ui::state::CaseHandle,
    #[prop(into)] title: String,
    errors: PageErrors,
    /// Validates the page; an empty list lets the officer go on.
    validate: Box<dyn Fn() -> Vec<crate::domain::validate::FieldError> + Send + Sync>,
    #[prop(optional, into)] intro: Option<String>,
    /// Where to go after a valid submit, below `/cases/:id/`; the task list when empty.
    #[prop(optional)]
    next: String,
    /// Where the back link goes, below `/cases/:id/`; the task list when empty.
    #[prop(optional)]
    back: String,
    #[prop(optional, into)] button: Option<String>,
    children: Children,
) -> impl IntoView {
    let go = navigator();
    let back_text = if back.is_empty() {
        "Back to task list"
    } else {
        "Back"
    };
    let back_href = Signal::derive(move || handle.href(&back));
    let submit = on_submit(move || {
        if show_errors(errors, validate()) {
            go.run(handle.href(&next));
        }
    });
    view! {
        <BackLink href=back_href text=back_text.to_string()/>
        <ErrorSummary errors=errors/>
        <PageHeading title=title caption=Signal::derive(move || handle.with(|c| c.display_name()))/>
        {intro.map(|i| view! { <p class="govuk-body">{i}</p> })}
        <form novalidate on:submit=submit>
            {children()}
            <button type="submit" class="govuk-button">{button.unwrap_or_else(|| "Save and continue".into())}</button>
        </form>
    }
}

/// A part of a page that is redrawn when what it reads changes. Every such part goes through
/// this one wrapper so that the code that redraws them is compiled once, not once per part:
/// that keeps the download small.
pub fn dynamic(draw: impl Fn() -> AnyView + Send + Sync + 'static) -> impl IntoView {
    redraw(std::sync::Arc::new(draw))
}

fn redraw(draw: std::sync::Arc<dyn Fn() -> AnyView + Send + Sync>) -> impl IntoView {
    move || draw()
}

/// Moves focus once the page has redrawn: to a newly added group's first question, or to the
/// "add" button after a group is removed, so keyboard users are not left on nothing.
pub fn focus_later(id: String) {
    set_timeout(move || focus_id(&id), std::time::Duration::from_millis(0));
}

// Every button's and form's handler goes through one of these two closures. The wasm build
// erases each handler's type, and compiles the erasing code once per type: sharing one type
// keeps that code to one copy instead of one per button.

/// A click handler that runs `action`.
pub fn on_click(
    action: impl Fn() + Send + Sync + 'static,
) -> impl Fn(leptos::ev::MouseEvent) + Copy + 'static {
    clicked(Callback::new(move |_: ()| action()))
}

pub fn clicked(action: Callback<()>) -> impl Fn(leptos::ev::MouseEvent) + Copy + 'static {
    move |_| action.run(())
}

/// A form's submit handler: stops the browser's own submission, then runs `action`.
pub fn on_submit(
    action: impl Fn() + Send + Sync + 'static,
) -> impl Fn(leptos::ev::SubmitEvent) + Copy + 'static {
    submitted(Callback::new(move |_: ()| action()))
}

fn submitted(action: Callback<()>) -> impl Fn(leptos::ev::SubmitEvent) + Copy + 'static {
    move |ev| {
        ev.prevent_default();
        action.run(());
    }
}

/// A short status line ("Saved.", "Checking the passphrase…") shown while `show` is true and
/// announced by screen readers.
pub fn status_line(show: RwSignal<bool>, text: &'static str) -> impl IntoView {
    dynamic(move || {
        show.get()
            .then(|| view! { <p class="govuk-body" role="status">{text}</p> })
            .into_any()
    })
}
