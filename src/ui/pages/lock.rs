//! Passphrase protection: the page that opens a protected device, and the part of "Data on this
//! device" that turns protection on and off.

use leptos::prelude::*;

use crate::content::lock as text;
use crate::domain::validate::FieldError;
use crate::ui::components::fields::PageErrors;
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{
    ErrorSummary, PageHeading, dynamic, on_click, on_submit, show_errors, status_line,
};
use crate::ui::state::{Lock, use_store};

/// A text box bound to a signal of this page (not to a case).
fn typed(value: RwSignal<String>) -> (Signal<String>, Callback<String>) {
    (value.into(), Callback::new(move |v| value.set(v)))
}

fn error(field: &str, message: &str) -> Vec<FieldError> {
    vec![FieldError {
        field: field.into(),
        message: message.into(),
    }]
}

/// Shown instead of every page while the cases are locked.
#[component]
pub fn UnlockPage() -> impl IntoView {
    let store = use_store();
    let errors: PageErrors = RwSignal::new(Vec::new());
    let passphrase = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let submit = on_submit(move || {
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            show_errors(errors, error("passphrase", text::ENTER));
            return;
        }
        working.set(true);
        leptos::task::spawn_local(async move {
            let opened = store.unlock(typed).await;
            working.set(false);
            if opened {
                passphrase.set(String::new());
            } else {
                show_errors(errors, error("passphrase", text::WRONG));
            }
        });
    });
    view! {
        <ErrorSummary errors=errors/>
        <PageHeading title=text::UNLOCK_TITLE.to_string()/>
        <p class="govuk-body">{text::UNLOCK_INTRO}</p>
        <form novalidate on:submit=submit>
            {render(vec![Item::text("passphrase", "Passphrase", typed(passphrase)).password().width("govuk-!-width-one-half")], errors)}
            <button type="submit" class="govuk-button">"Unlock"</button>
            {status_line(working, text::WORKING)}
        </form>
        <h2 class="govuk-heading-m">{text::FORGOTTEN}</h2>
        <p class="govuk-body">{text::FORGOTTEN_HELP}</p>
        <p class="govuk-body"><a class="govuk-link" href="/data/delete-all">"Delete all data on this device"</a></p>
    }
}

/// Turning protection on (with a passphrase typed twice), locking now, and turning it off.
#[component]
pub fn Protection() -> impl IntoView {
    let store = use_store();
    let errors: PageErrors = RwSignal::new(Vec::new());
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let protect = on_submit(move || {
        let (a, b) = (first.get_untracked(), second.get_untracked());
        let problem = if a.chars().count() < crate::storage::lock::MIN_PASSPHRASE_CHARS {
            Some(error("new-passphrase", text::TOO_SHORT))
        } else if a != b {
            Some(error("confirm-passphrase", text::MISMATCH))
        } else {
            None
        };
        if let Some(p) = problem {
            show_errors(errors, p);
            return;
        }
        show_errors(errors, Vec::new());
        working.set(true);
        leptos::task::spawn_local(async move {
            let done = store.protect(a).await;
            working.set(false);
            if done {
                first.set(String::new());
                second.set(String::new());
            } else {
                show_errors(errors, error("new-passphrase", text::NOT_TURNED_ON));
            }
        });
    });
    dynamic(move || {
        if store.lock.get() == Lock::Unlocked {
            return view! {
                <p class="govuk-body" id="protection-state">{text::ON}</p>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=on_click(move || store.lock_now())>"Lock now"</button>
                    <button type="button" class="govuk-button govuk-button--warning" on:click=on_click(move || store.unprotect())>"Turn off passphrase protection"</button>
                </div>
            }
            .into_any();
        }
        view! {
            <p class="govuk-body" id="protection-state">{text::OFF}</p>
            <ErrorSummary errors=errors/>
            <form novalidate on:submit=protect>
                {render(
                    vec![
                        Item::text("new-passphrase", "New passphrase", typed(first)).hint(text::HINT).password().width("govuk-!-width-one-half"),
                        Item::text("confirm-passphrase", "Type the passphrase again", typed(second)).password().width("govuk-!-width-one-half"),
                    ],
                    errors,
                )}
                <button type="submit" class="govuk-button govuk-button--secondary">"Protect with this passphrase"</button>
                {status_line(working, text::WORKING)}
            </form>
        }
        .into_any()
    })
}
