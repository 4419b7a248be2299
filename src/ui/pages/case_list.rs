//! The list of cases on this device, soonest hearing first.

use leptos::prelude::*;

use crate::content::list as text;
use crate::domain::case::{Case, Decision};
use crate::domain::inputs::long_date;
use crate::domain::rules::OutcomeState;
use crate::domain::{assess, deadlines};
use crate::storage;
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{PageHeading, dynamic};
use crate::ui::download::download;
use crate::ui::state::use_store;

/// One row of the list, worked out from the case and the rules.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    name: String,
    hearing: Option<chrono::NaiveDate>,
    court: String,
    status: &'static str,
    tag: &'static str,
    outstanding: usize,
    /// Enquiry replies past their due date, and those due by the hearing.
    late: usize,
    soon: usize,
}

fn row(case: &Case, today: chrono::NaiveDate, holidays: &[chrono::NaiveDate]) -> Row {
    let a = assess(case, today);
    let (status, tag) = match a.outcome {
        OutcomeState::Recorded(Decision::Suitable) => {
            ("Suitable recorded", "govuk-tag govuk-tag--green")
        }
        OutcomeState::Recorded(Decision::NotSuitable) => {
            ("Not suitable recorded", "govuk-tag govuk-tag--orange")
        }
        OutcomeState::Recorded(Decision::NotProposed) => {
            ("Curfew not proposed", "govuk-tag govuk-tag--grey")
        }
        OutcomeState::SuitableNoLongerValid => ("Outcome needs review", "govuk-tag govuk-tag--red"),
        OutcomeState::NotRecorded if a.outstanding() == 0 => {
            ("Ready for outcome", "govuk-tag govuk-tag--turquoise")
        }
        OutcomeState::NotRecorded => ("Checks outstanding", "govuk-tag govuk-tag--blue"),
    };
    Row {
        id: case.id.clone(),
        name: case.display_name(),
        hearing: case.hearing.date.date(),
        court: case.hearing.court.clone(),
        status,
        tag,
        outstanding: a.outstanding(),
        late: deadlines::overdue(case, today, holidays).len(),
        soon: deadlines::due_before_hearing(case, today, holidays).len(),
    }
}

fn replies_text(n: usize, when: &str) -> String {
    if n == 1 {
        format!("1 enquiry reply {when}")
    } else {
        format!("{n} enquiry replies {when}")
    }
}

fn outstanding_text(n: usize) -> String {
    match n {
        0 => "No checks outstanding".into(),
        1 => "1 check outstanding".into(),
        n => format!("{n} checks outstanding"),
    }
}

#[component]
pub fn CaseListPage() -> impl IntoView {
    let store = use_store();
    let rows = move || {
        let mut rows: Vec<Row> = store.holidays.with(|h| {
            store.cases.with(|cases| {
                cases
                    .iter()
                    .filter(|c| store.shows(c))
                    .map(|c| row(c, store.today.get(), h))
                    .collect()
            })
        });
        // Soonest hearing first; cases without a hearing date last.
        rows.sort_by(|a, b| {
            (a.hearing.is_none(), a.hearing, &a.name).cmp(&(
                b.hearing.is_none(),
                b.hearing,
                &b.name,
            ))
        });
        rows
    };
    let set_aside = view! { <SetAside/> };
    let training = store.training();
    let reminder = dynamic(move || {
        // Training cases are fictional: no reminders to delete them.
        if training {
            return ().into_any();
        }
        let days = store.retention_days.get();
        let n = store.cases.with(|cases| {
            crate::domain::retention::past_retention(cases, store.today.get(), days).len()
        });
        if n == 0 {
            return ().into_any();
        }
        let what = if n == 1 {
            "1 case had its hearing".to_string()
        } else {
            format!("{n} cases had their hearing")
        };
        view! {
            <div class="govuk-inset-text">
                {format!("{what} more than {days} days ago. ")}
                <a class="govuk-link" href="/data#retention">"Check whether you still need them"</a>
            </div>
        }
        .into_any()
    });
    let draft_started = move || store.draft.with(|d| !d.person.name.trim().is_empty());
    view! {
        <PageHeading title=text::TITLE.to_string()/>
        // Practice is one step away for everyone, trainers and trainees first of all.
        {(!training).then(|| view! {
            <p class="govuk-body"><a class="govuk-link" href="/training">{text::PRACTISE}</a></p>
        })}
        {set_aside}
        {reminder}
        <a href="/cases/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">
            {Signal::derive(move || if draft_started() { "Continue the new case you started".to_string() } else { text::CREATE.to_string() })}
        </a>
        <p class="govuk-body">
            {(!training).then(|| view! {
                <a class="govuk-link" href="/export">"Export cases to a file"</a>" · "
                <a class="govuk-link" href="/import">"Import cases from a file"</a>" · "
            })}
            <a class="govuk-link" href="/chase">"Enquiries to chase today"</a>
        </p>
        {dynamic(move || {
            let rows = rows();
            if rows.is_empty() {
                return view! { <p class="govuk-body">{text::EMPTY}</p> }.into_any();
            }
            let items = rows
                .into_iter()
                .map(|r| {
                    let hearing = match r.hearing {
                        Some(d) => format!("Hearing {}", long_date(d)),
                        None => "Hearing date not recorded".to_string(),
                    };
                    let court = if r.court.trim().is_empty() { String::new() } else { format!(", {}", r.court.trim()) };
                    view! {
                        <li class="app-case-list__item">
                            <h3 class="govuk-heading-s app-case-list__name"><a class="govuk-link" href=format!("/cases/{}", r.id)>{r.name}</a></h3>
                            <p class="govuk-body-s app-case-list__hearing">{hearing}{court}</p>
                            <p class="govuk-body-s app-case-list__status">
                                <strong class=r.tag>{r.status}</strong>
                                <br/>
                                {outstanding_text(r.outstanding)}
                                {(r.late > 0).then(|| view! { <br/><strong class="app-late">{replies_text(r.late, "overdue")}</strong> })}
                                {(r.soon > 0).then(|| view! { <br/>{replies_text(r.soon, "due before the hearing")} })}
                            </p>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h2 class="govuk-heading-m">"Cases on this device, soonest hearing first"</h2>
                <ul class="govuk-list app-case-list">{items}</ul>
            }
            .into_any()
        })}
    }
}

/// Stored cases that could not be read: kept exactly as they were, with the choice to download
/// a copy or delete them.
#[component]
fn SetAside() -> impl IntoView {
    let store = use_store();
    let confirming: RwSignal<Option<String>> = RwSignal::new(None);
    dynamic(move || {
        let list = store.quarantined.get();
        if list.is_empty() {
            return ().into_any();
        }
        let n = list.len();
        let heading = if n == 1 {
            "1 stored case could not be read".to_string()
        } else {
            format!("{n} stored cases could not be read")
        };
        let items: Vec<Item> = list
            .into_iter()
            .flat_map(move |q| {
                let name = q.key.rsplit('.').next().unwrap_or_default().to_string();
                let (asked, unasked, file) = (q.key.clone(), q.key.clone(), q.key.clone());
                let (ask, sure) = (q.key.clone(), q.key.clone());
                let file_name = format!("set-aside-case-{name}.json");
                vec![
                    Item::para(format!(
                        "Case {name}. Why: {}. Size: {} characters.",
                        q.reason, q.bytes
                    )),
                    Item::when(
                        move || confirming.get().as_deref() != Some(unasked.as_str()),
                        vec![
                            Item::button(
                                None,
                                format!("Download a copy of case {name}"),
                                move || {
                                    if let Some(text) = storage::quarantined_text(&file) {
                                        let _ = download(&file_name, &text);
                                    }
                                },
                            ),
                            Item::button(None, format!("Delete case {name}"), move || {
                                confirming.set(Some(ask.clone()))
                            })
                            .warning(),
                        ],
                    ),
                    Item::when(
                        move || confirming.get().as_deref() == Some(asked.as_str()),
                        vec![
                            Item::para("Delete it from this device? This cannot be undone."),
                            Item::button(None, format!("Yes, delete case {name}"), move || {
                                store.delete_quarantined(&sure);
                                confirming.set(None);
                            })
                            .warning(),
                            Item::button(None, "Cancel", move || confirming.set(None)),
                        ],
                    ),
                ]
            })
            .collect();
        view! {
            <div class="govuk-notification-banner" role="region" aria-labelledby="set-aside-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="set-aside-title">"Important"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">{heading}</p>
                    <p class="govuk-body">
                        "They have been set aside on this device exactly as they were, so nothing is lost. This can happen if the browser stopped while saving, or if a newer version of this app saved them. Download a copy to keep or to give to your IT support, then delete it here."
                    </p>
                    {render(items, RwSignal::new(Vec::new()))}
                </div>
            </div>
        }
        .into_any()
    })
}
