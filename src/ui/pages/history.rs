//! The audit trail of a case, newest first: when, who, what, and each answer before and after.
//! Read only: entries are never edited or removed except with the whole case.

use leptos::prelude::*;

use crate::domain::attest::standing_text;
use crate::domain::audit::{WHAT_CHANGED, WHAT_CREATED, WHAT_SETTLED};
use crate::domain::case::{AuditEvent, Case};
use crate::domain::inputs::long_stamp;
use crate::domain::text::isolate;
use crate::ui::components::page::{BackLink, PageHeading, dynamic};
use crate::ui::pages::case_handle;

pub(crate) fn blank(v: &str) -> String {
    if v.is_empty() {
        "(blank)".into()
    } else {
        v.into()
    }
}

/// One entry: its heading and, for changed answers, each one before and after.
pub(crate) fn event_view(e: AuditEvent) -> impl IntoView {
    // Notes and comments of a submission or decision are new text, not a before and after.
    let answers = [WHAT_CHANGED, WHAT_CREATED, WHAT_SETTLED].contains(&e.what.as_str());
    let changes = (!e.changes.is_empty()).then(|| {
        let rows = e
            .changes
            .into_iter()
            .map(|c| {
                let value = if answers {
                    format!(
                        "Before: {}\nAfter: {}",
                        isolate(&blank(&c.before)),
                        isolate(&blank(&c.after))
                    )
                } else {
                    isolate(&c.after)
                };
                view! {
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{c.field}</dt>
                        <dd class="govuk-summary-list__value app-pre-line">{value}</dd>
                    </div>
                }
            })
            .collect_view();
        view! { <dl class="govuk-summary-list govuk-summary-list--no-border">{rows}</dl> }
    });
    view! {
        <li class="app-event">
            <h2 class="govuk-heading-s">{e.what}</h2>
            <p class="govuk-body-s">{format!("{}, by {} ({})", long_stamp(&e.at), isolate(&e.by), standing_text(e.signed.as_ref()))}</p>
            {changes}
        </li>
    }
}

#[component]
pub fn HistoryPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    view! {
        <BackLink href=Signal::derive(move || handle.href("")) text="Back to task list".to_string()/>
        <PageHeading title="History of changes".to_string() caption=Signal::derive(move || handle.with(Case::display_name))/>
        <p class="govuk-body">"Every recorded answer, submission, decision and outcome, newest first. Entries cannot be changed or removed; they are deleted only with the whole case."</p>
        {dynamic(move || {
            let events = handle.with(|c| c.events.clone());
            if events.is_empty() {
                return view! { <p class="govuk-body">"Nothing has been recorded yet."</p> }.into_any();
            }
            view! {
                <ol class="govuk-list app-timeline" reversed>
                    {events.into_iter().rev().map(event_view).collect_view()}
                </ol>
            }
            .into_any()
        })}
    }
}
