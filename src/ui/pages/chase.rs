//! "Enquiries to chase today": one chase to each agency covering every case whose reply to it
//! is overdue, drafted like the enquiries themselves (see `domain::drafts::chases`), and the
//! plain list of every overdue reply.

use leptos::prelude::*;

use crate::content::enquiries as text;
use crate::domain::deadlines::overdue;
use crate::domain::drafts::{self, Chase};
use crate::domain::inputs::long_date;
use crate::ui::components::page::{BackLink, PageHeading, dynamic};
use crate::ui::pages::enquiries::{Letter, letter_card, summary_list};
use crate::ui::state::use_store;

fn rows(chase: &Chase) -> Vec<(&'static str, String)> {
    let send_to = match (&chase.to, &chase.portal) {
        (Some(to), _) => to.clone(),
        (None, Some(portal)) => portal.clone(),
        (None, None) => text::NOT_IN_DIRECTORY.to_string(),
    };
    let cases = chase
        .overdue
        .iter()
        .map(|o| format!("{}: due {}", o.name, long_date(o.due)))
        .collect::<Vec<_>>()
        .join("\n");
    let status = if chase.chased_today {
        text::CHASED_TODAY
    } else {
        text::NOT_CHASED
    };
    vec![
        (text::SEND_TO, send_to),
        (text::CASES, cases),
        (text::STATUS, status.to_string()),
    ]
}

#[component]
pub fn ChasePage() -> impl IntoView {
    let store = use_store();
    let directory = crate::storage::directory::load();
    let officer = store
        .user
        .with_untracked(|u| u.as_ref().map(|u| u.name.clone()).unwrap_or_default());
    let chases = Memo::new(move |_| {
        let today = store.today.get();
        store.holidays.with(|h| {
            store.cases.with(|cases| {
                let shown: Vec<&crate::domain::Case> =
                    cases.iter().filter(|c| store.shows(c)).collect();
                drafts::chases(&shown, &directory, today, h, &officer)
            })
        })
    });
    let printing = RwSignal::new(None::<usize>);
    let copied = RwSignal::new(None::<usize>);
    let record = move |i: usize| {
        let Some(chase) = chases.with_untracked(|c| c.get(i).cloned()) else {
            return;
        };
        for o in &chase.overdue {
            store.act(&o.case_id, |c, by, at| {
                c.record_chase(&chase.agency, &o.reference, at, by)
            });
        }
    };
    let letters = dynamic(move || {
        chases
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, chase)| {
                let title = format!(
                    "{}: {}",
                    drafts::kind_label(chase.kind),
                    if chase.agency.is_empty() {
                        "agency not recorded"
                    } else {
                        &chase.agency
                    }
                );
                let rows = rows(&chase);
                letter_card(
                    Letter {
                        index: i,
                        title,
                        draft: chase.as_draft(),
                        action: text::RECORD_CHASED,
                        act: Callback::new(move |_| record(i)),
                    },
                    summary_list(rows, "app-no-print").into_any(),
                    printing,
                    copied,
                )
            })
            .collect_view()
            .into_any()
    });
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
        late.sort_by_key(|a| a.0);
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
        <div class="app-no-print">
            <BackLink href="/".to_string() text="Back to cases".to_string()/>
            <PageHeading title="Enquiries to chase today".to_string()/>
            <p class="govuk-body">{text::CHASE_INTRO}</p>
        </div>
        {letters}
        <div class="app-no-print">
            <h2 class="govuk-heading-m">{text::EVERY_OVERDUE}</h2>
            <p class="govuk-body">"Every enquiry still waiting for a reply after its due date, across all cases on this device, the longest overdue first. A due date left blank is the working day before the report is due (the hearing day for an oral report); bank holidays can be entered on \"Data on this device\"."</p>
            {list}
        </div>
    }
}
