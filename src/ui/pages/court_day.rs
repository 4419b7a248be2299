//! "The day at court": today's and the next working day's hearings, by court, each with what is
//! still outstanding, the replies awaited, and for an oral report the words to ask for more time
//! (see `domain::court_day`).

use leptos::prelude::*;

use crate::content::court_day as text;
use crate::domain::choice::Choice;
use crate::domain::court_day::{CourtList, Listed, day_at_court};
use crate::domain::inputs::long_date;
use crate::ui::components::page::{BackLink, PageHeading, dynamic};
use crate::ui::pages::enquiries::summary_list;
use crate::ui::state::use_store;

fn listed_card(l: Listed) -> impl IntoView {
    let href = format!("/cases/{}", l.case_id);
    let report = l.report.map(|r| r.label()).unwrap_or(text::NO_REPORT_TYPE);
    let outstanding = if l.outstanding.is_empty() {
        text::NOTHING_OUTSTANDING.to_string()
    } else {
        l.outstanding.join("\n")
    };
    let awaited = if l.awaited.is_empty() {
        text::NO_REPLIES_AWAITED.to_string()
    } else {
        l.awaited
            .iter()
            .map(|a| {
                let agency = if a.agency.is_empty() {
                    String::new()
                } else {
                    format!(", {}", a.agency)
                };
                format!("{}{agency}: due {}", a.what, long_date(a.due))
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let rows = vec![
        (text::REPORT, report.to_string()),
        (text::OUTSTANDING, outstanding),
        (text::AWAITED, awaited),
    ];
    let adjourn = l.adjournment.map(|words| {
        view! {
            <h4 class="govuk-heading-s">{text::ADJOURN_HEADING}</h4>
            <div class="govuk-inset-text">{words}</div>
        }
    });
    view! {
        <div class="govuk-summary-card">
            <div class="govuk-summary-card__title-wrapper">
                <h4 class="govuk-summary-card__title"><a class="govuk-link" href=href>{l.name}</a></h4>
            </div>
            <div class="govuk-summary-card__content">
                {summary_list(rows, "")}
                {adjourn}
            </div>
        </div>
    }
}

#[component]
pub fn CourtDayPage() -> impl IntoView {
    let store = use_store();
    let lists = dynamic(move || {
        let today = store.today.get();
        let lists: Vec<CourtList> = store.holidays.with(|h| {
            store.cases.with(|cases| {
                let shown: Vec<&crate::domain::Case> =
                    cases.iter().filter(|c| store.shows(c)).collect();
                day_at_court(&shown, today, h)
            })
        });
        let mut days: Vec<(chrono::NaiveDate, Vec<CourtList>)> = Vec::new();
        for list in lists {
            match days.iter_mut().find(|(d, _)| *d == list.date) {
                Some((_, l)) => l.push(list),
                None => days.push((list.date, vec![list])),
            }
        }
        if days.is_empty() {
            return view! { <p class="govuk-body">{text::NONE}</p> }.into_any();
        }
        days.into_iter()
            .map(|(date, courts)| {
                let when = if date == today {
                    text::TODAY
                } else {
                    text::NEXT_DAY
                };
                view! {
                    <h2 class="govuk-heading-m">{format!("{when}: {}", long_date(date))}</h2>
                    {courts.into_iter().map(|c| view! {
                        <h3 class="govuk-heading-s">{c.court}</h3>
                        {c.cases.into_iter().map(listed_card).collect_view()}
                    }).collect_view()}
                }
            })
            .collect_view()
            .into_any()
    });
    view! {
        <BackLink href="/".to_string() text="Back to cases".to_string()/>
        <PageHeading title=text::TITLE.to_string()/>
        <p class="govuk-body">{text::INTRO}</p>
        {lists}
    }
}
