//! The list of cases on this device, soonest hearing first.

use leptos::prelude::*;

use crate::content::list as text;
use crate::domain::assess;
use crate::domain::case::{Case, Decision};
use crate::domain::inputs::long_date;
use crate::domain::rules::OutcomeState;
use crate::ui::components::page::{PageHeading, dynamic};
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
}

fn row(case: &Case, today: chrono::NaiveDate) -> Row {
    let a = assess(case, today);
    let (status, tag) = match a.outcome {
        OutcomeState::Recorded(Decision::Suitable) => ("Suitable recorded", "govuk-tag govuk-tag--green"),
        OutcomeState::Recorded(Decision::NotSuitable) => ("Not suitable recorded", "govuk-tag govuk-tag--orange"),
        OutcomeState::Recorded(Decision::NotProposed) => ("Curfew not proposed", "govuk-tag govuk-tag--grey"),
        OutcomeState::SuitableNoLongerValid => ("Outcome needs review", "govuk-tag govuk-tag--red"),
        OutcomeState::NotRecorded if a.outstanding() == 0 => ("Ready for outcome", "govuk-tag govuk-tag--turquoise"),
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
    let rows = Memo::new(move |_| {
        let mut rows: Vec<Row> = store.cases.with(|cases| cases.iter().map(|c| row(c, store.today)).collect());
        // Soonest hearing first; cases without a hearing date last.
        rows.sort_by(|a, b| (a.hearing.is_none(), a.hearing, &a.name).cmp(&(b.hearing.is_none(), b.hearing, &b.name)));
        rows
    });
    let unreadable = dynamic(move || {
        let list = store.unreadable.get();
        (!list.is_empty()).then(|| {
            let n = list.len();
            view! {
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">"Warning"</span>
                        {format!("{n} stored {} could not be read. {} been kept on this device, untouched.", if n == 1 { "case" } else { "cases" }, if n == 1 { "It has" } else { "They have" })}
                    </strong>
                </div>
                <ul class="govuk-list govuk-list--bullet">
                    {list.into_iter().map(|u| view! { <li>{format!("{}: {}", u.key, u.reason)}</li> }).collect_view()}
                </ul>
            }
        })
        .into_any()
    });
    let draft_started = move || store.draft.with(|d| !d.person.name.trim().is_empty());
    view! {
        <PageHeading title=text::TITLE.to_string()/>
        {unreadable}
        <a href="/cases/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">
            {Signal::derive(move || if draft_started() { "Continue the new case you started".to_string() } else { text::CREATE.to_string() })}
        </a>
        {dynamic(move || {
            let rows = rows.get();
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
