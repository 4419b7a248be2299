//! What the court sees: the report paragraph (with copy to clipboard), the printable record of
//! the whole case, and the enquiries to chase today across every case.

use leptos::prelude::*;

use crate::domain::case::Case;
use crate::domain::deadlines::overdue;
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
            format!("{}: hearing on {date}", c.display_name())
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

/// Every overdue enquiry across the cases on this device, the longest overdue first.
#[component]
pub fn ChasePage() -> impl IntoView {
    let store = use_store();
    let list = dynamic(move || {
        let mut late: Vec<(chrono::NaiveDate, String, String, String, String)> =
            store.holidays.with(|h| {
                store.cases.with(|cases| {
                    cases
                        .iter()
                        .filter(|c| store.shows(c))
                        .flat_map(|c| {
                            overdue(c, store.today.get(), h).into_iter().map(|a| {
                                let agency = if a.agency.is_empty() {
                                    "agency not recorded".into()
                                } else {
                                    a.agency
                                };
                                (
                                    a.due,
                                    format!("/cases/{}/{}", c.id, a.path),
                                    c.display_name(),
                                    a.what,
                                    agency,
                                )
                            })
                        })
                        .collect()
                })
            });
        late.sort_by(|a, b| a.0.cmp(&b.0));
        if late.is_empty() {
            return view! { <p class="govuk-body">"No enquiry is overdue."</p> }.into_any();
        }
        let items = late
            .into_iter()
            .map(|(due, href, name, what, agency)| view! {
                <li class="app-queue-item">
                    <a class="govuk-link govuk-!-font-weight-bold" href=href>{name}</a>
                    <p class="govuk-body-s">{format!("{what}, {agency}. Due {}.", long_date(due))}</p>
                </li>
            })
            .collect_view();
        view! { <ul class="govuk-list" aria-label="Overdue enquiries">{items}</ul> }.into_any()
    });
    view! {
        <BackLink href="/".to_string() text="Back to cases".to_string()/>
        <PageHeading title="Enquiries to chase today".to_string()/>
        <p class="govuk-body">"Every enquiry still waiting for a reply after its due date, across all cases on this device, the longest overdue first. A due date left blank is the working day before the report is due (the hearing day for an oral report); bank holidays can be entered on \"Data on this device\"."</p>
        {list}
    }
}
