//! What the court sees: the report paragraph (with copy to clipboard) and the printable record of
//! the whole case.

use leptos::prelude::*;

use crate::domain::case::Case;
use crate::domain::inputs::{long_date, long_stamp};
use crate::domain::report::{court_paragraph, for_clipboard};
use crate::domain::schedule::hours_text;
use crate::ui::components::page::{BackLink, PageHeading, dynamic, on_click, status_line};
use crate::ui::pages::case_handle;
use crate::ui::pages::check_answers::every_answer;
use crate::ui::pages::gatekeeping::past_steps;
use crate::ui::pages::history::event_view;
use crate::ui::pages::outcome::{AdviceList, Blockers};
use crate::ui::state::{CaseHandle, now_stamp, use_store};

/// The paragraph as the rules and the case say it now.
fn paragraph(handle: CaseHandle) -> String {
    handle.assessment.with(|a| {
        a.as_ref()
            .map(|a| handle.with(|c| court_paragraph(c, a)))
            .unwrap_or_default()
    })
}

#[component]
pub fn ReportPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let copied = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let copy = on_click(move || {
        copied.set(false);
        failed.set(false);
        // Without bidirectional controls: pasted into a report, they would reorder its text.
        let text = for_clipboard(&paragraph(handle));
        let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
        leptos::task::spawn_local(async move {
            let done = match clipboard {
                Some(c) => wasm_bindgen_futures::JsFuture::from(c.write_text(&text))
                    .await
                    .is_ok(),
                None => false,
            };
            copied.set(done);
            failed.set(!done);
        });
    });
    view! {
        <BackLink href=Signal::derive(move || handle.href("")) text="Back to task list".to_string()/>
        <PageHeading title="Paragraph for the court report".to_string() caption=Signal::derive(move || handle.with(Case::display_name))/>
        <p class="govuk-body">"What was checked, with whom, when and what came back, in words the report can carry. It changes as the case changes, and never calls a curfew suitable while checks are outstanding. Read it through before you use it."</p>
        <div class="govuk-inset-text app-pre-line" id="court-paragraph">{move || paragraph(handle)}</div>
        <button type="button" class="govuk-button" on:click=copy>"Copy the paragraph"</button>
        {status_line(copied, "Copied. Paste it into the report.")}
        {status_line(failed, "The browser did not allow copying. Select the paragraph and copy it yourself.")}
        <p class="govuk-body"><a class="govuk-link" href=handle.href("print")>"Printable record of the whole case"</a></p>
    }
}

/// Curfew hours as computed: each day of the week, and the busiest 7-day period.
fn schedule_hours(handle: CaseHandle) -> Option<String> {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    handle.assessment.with(|a| {
        let s = a.as_ref()?.schedule.as_ref()?;
        let days: Vec<String> = DAYS
            .iter()
            .zip(s.weekday_minutes)
            .filter(|(_, m)| *m > 0)
            .map(|(d, m)| format!("{d} {}", hours_text(m)))
            .collect();
        let busiest = s
            .busiest_period
            .map(|(from, m)| {
                format!(
                    " Busiest 7-day period, from {}: {}.",
                    long_date(from),
                    hours_text(m)
                )
            })
            .unwrap_or_default();
        (!days.is_empty()).then(|| format!("Computed curfew hours: {}.{busiest}", days.join(", ")))
    })
}

/// The whole case for printing (A4): every check with dates, agencies, outcomes and sources,
/// consent, the schedule and its hours, the outcome, gatekeeping and the history. The person's
/// name and the hearing date head every printed page.
#[component]
pub fn PrintPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let store = use_store();
    let running = move || {
        handle.with(|c| {
            let date = c
                .hearing
                .date
                .date()
                .map(long_date)
                .unwrap_or_else(|| "date not recorded".into());
            // The CRN, where it reads as one, tells two people of the same name apart on paper.
            let crn = crate::domain::identifiers::crn(&c.person.crn)
                .map(|crn| format!(" (CRN {crn})"))
                .unwrap_or_default();
            format!("{}{crn}: hearing on {date}", c.display_name())
        })
    };
    let print = on_click(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let produced = format!("Printed {} by {}.", long_stamp(&now_stamp()), store.who());
    view! {
        <div class="app-no-print">
            <BackLink href=Signal::derive(move || handle.href("")) text="Back to task list".to_string()/>
        </div>
        // A layout table: its header row repeats at the top of every printed page.
        <table class="app-print-frame" role="presentation">
            <thead><tr><td><p class="govuk-body-s app-print-running">{running}</p></td></tr></thead>
            <tbody><tr><td>
                <PageHeading title="Record of pre-sentence checks".to_string() caption=Signal::derive(move || handle.with(Case::display_name))/>
                <p class="govuk-body">{produced}</p>
                <button type="button" class="govuk-button app-no-print" on:click=print>"Print this record"</button>
                <h2 class="govuk-heading-l">"Paragraph for the court report"</h2>
                <p class="govuk-body app-pre-line">{move || paragraph(handle)}</p>
                <Blockers handle=handle/>
                <AdviceList handle=handle/>
                <h2 class="govuk-heading-l">"Every check and answer"</h2>
                {every_answer(handle, false)}
                {move || schedule_hours(handle).map(|t| view! { <p class="govuk-body">{t}</p> })}
                {dynamic(move || crate::ui::components::form::render(handle.with(past_steps), RwSignal::new(Vec::new())))}
                <h2 class="govuk-heading-l">"History of changes"</h2>
                <ol class="govuk-list app-timeline" reversed>
                    {move || handle.with(|c| c.events.clone()).into_iter().rev().map(event_view).collect_view()}
                </ol>
            </td></tr></tbody>
        </table>
    }
}
