//! The curfew schedule, checked against the statutory limits as the officer types.

use leptos::prelude::*;

use crate::content::schedule as text;
use crate::domain::case::{Case, Clash, CurfewWindow, Day, LengthUnit};
use crate::domain::choice::Choice;
use crate::domain::inputs::long_date;
use crate::domain::rules::Section;
use crate::domain::schedule::hours_text;
use crate::domain::validate;
use crate::ui::components::fields::*;
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{SectionForm, dynamic, focus_later};
use crate::ui::pages::case_handle;
use crate::ui::part::Part;
use crate::ui::state::CaseHandle;

const WINDOWS: fn(&Case) -> &Vec<CurfewWindow> = |c| &c.schedule.windows;

#[component]
pub fn SchedulePage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let errors: PageErrors = RwSignal::new(Vec::new());
    let root = Part::root(handle);
    let validate = handle.check(validate::schedule);
    let places = Memo::new(move |_| {
        handle.with(|c| {
            c.places
                .iter()
                .map(|p| Opt {
                    key: p.id.to_string(),
                    label: p.short_address(),
                    hint: None,
                })
                .collect::<Vec<_>>()
        })
    });
    let r = root.clone();
    let window = move |id: u32| {
        let w = r.item(WINDOWS, |c| &mut c.schedule.windows, id);
        let n = r.position(WINDOWS, id);
        let n2 = n.clone();
        let p = format!("window-{id}");
        let place = w.field(
            |w| w.place_id.map(|p| p.to_string()).unwrap_or_default(),
            |w, v: String| w.place_id = v.parse().ok(),
        );
        vec![Item::Group {
            id: format!("{p}-heading"),
            title: Signal::derive(move || format!("Curfew period {}", n())),
            items: vec![
                Item::when(
                    move || places.with(|p| p.len() > 1),
                    vec![
                        Item::radios(format!("{p}-place"), text::PLACE, Vec::new(), place)
                            .options(places.into()),
                    ],
                ),
                Item::text(
                    format!("{p}-from"),
                    text::FROM,
                    w.field(|w| w.from.clone(), |w, v| w.from = v),
                )
                .hint(text::FROM_HINT)
                .width("govuk-input--width-5"),
                Item::text(
                    format!("{p}-to"),
                    text::TO,
                    w.field(|w| w.to.clone(), |w, v| w.to = v),
                )
                .hint(text::TO_HINT)
                .width("govuk-input--width-5"),
                Item::checks(
                    format!("{p}-days"),
                    text::DAYS,
                    opts::<Day>(),
                    w.choices(|w| &w.days, |w, v| w.days = v),
                ),
                Item::button_live(
                    None,
                    move || format!("Remove curfew period {}", n2()),
                    move || {
                        handle.update(|c| c.schedule.windows.retain(|x| x.id != id));
                        focus_later("add-window".into());
                    },
                ),
            ],
        }]
    };
    // Most curfews start on the day of sentence: one press writes the hearing date in (the
    // button stays, so focus is not lost). Any other date is typed as usual.
    let hearing_day = move || handle.with(|c| c.hearing.date.date());
    let items = vec![
        Item::date(
            "start",
            text::START,
            root.field(|c| c.schedule.start.clone(), |c, v| c.schedule.start = v),
        ),
        Item::when(
            move || hearing_day().is_some(),
            vec![Item::button_live(
                Some("start-at-hearing"),
                move || {
                    hearing_day()
                        .map(|d| format!("{}{}", text::START_AT_HEARING, long_date(d)))
                        .unwrap_or_default()
                },
                move || {
                    handle.update(|c| {
                        if let Some(d) = c.hearing.date.date() {
                            c.schedule.start = crate::domain::inputs::DateParts::from_date(d);
                        }
                    })
                },
            )],
        ),
        Item::text(
            "length",
            text::LENGTH,
            root.field(|c| c.schedule.length.clone(), |c, v| c.schedule.length = v),
        )
        .numeric(),
        Item::radios(
            "length-unit",
            text::LENGTH_UNIT,
            opts::<LengthUnit>(),
            root.choice(
                |c| c.schedule.length_unit,
                |c, v| c.schedule.length_unit = v,
            ),
        )
        .inline(),
        Item::text(
            "order-months",
            text::ORDER_MONTHS,
            root.field(
                |c| c.schedule.order_months.clone(),
                |c, v| c.schedule.order_months = v,
            ),
        )
        .hint(text::ORDER_MONTHS_HINT)
        .numeric(),
        Item::h2(text::WINDOWS),
        Item::Hint(text::WINDOWS_HINT.into()),
        Item::list(root.ids(WINDOWS), window),
        Item::button(Some("add-window"), text::ADD_WINDOW, move || {
            let mut id = 0;
            handle.update(|c| {
                id = c.add_window();
                if let Some(w) = c.schedule.windows.iter_mut().find(|w| w.id == id) {
                    w.days = Day::all().to_vec();
                }
            });
            // A single address is chosen for the period already, so start at its hours.
            let first = if handle.with(|c| c.places.len() > 1) {
                "place"
            } else {
                "from"
            };
            focus_later(format!("window-{id}-{first}"));
        }),
        Item::View(ViewFn::from(
            move || view! { <ScheduleCheck handle=handle/> },
        )),
        Item::checks(
            "clashes",
            text::CLASHES,
            opts::<Clash>(),
            root.choices(|c| &c.schedule.clashes, |c, v| c.schedule.clashes = v),
        )
        .hint(text::CLASHES_HINT),
        Item::area(
            "clash-details",
            text::CLASH_DETAILS,
            root.field(
                |c| c.schedule.clash_details.clone(),
                |c, v| c.schedule.clash_details = v,
            ),
        )
        .rows(2),
    ];
    view! {
        <SectionForm handle=handle title=text::TITLE errors=errors validate=validate>
            {render(items, errors)}
        </SectionForm>
    }
}

/// The live check of the hours against the limits.
#[component]
fn ScheduleCheck(handle: CaseHandle) -> impl IntoView {
    dynamic(move || {
        handle.assessment.with(|a| {
            let a = a.as_ref()?;
            let report = a.schedule.clone()?;
            let limits = report
                .limits
                .map(|l| l.describe())
                .unwrap_or_else(|| "Record the date of conviction of every offence on the hearing page to see which limits apply.".into());
            let days = Day::all()
                .iter()
                .zip(report.weekday_minutes)
                .map(|(d, m)| view! { <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{d.label()}</th><td class="govuk-table__cell govuk-table__cell--numeric">{hours_text(m)}</td></tr> })
                .collect_view();
            let mut facts = vec![("Most in any one day".to_string(), hours_text(report.longest_day_minutes()))];
            if let Some((first, m)) = report.busiest_period {
                facts.push(("Most in a 7-day period from the start day".into(), format!("{} (the 7 days from {})", hours_text(m), long_date(first))));
            }
            if let Some(last) = report.last_day {
                facts.push(("Last day of the curfew".into(), long_date(last)));
            }
            if let Some(order) = report.order_last_day {
                facts.push(("Last day of the order".into(), long_date(order)));
            }
            let facts = facts
                .into_iter()
                .map(|(k, v)| view! { <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{k}</dt><dd class="govuk-summary-list__value">{v}</dd></div> })
                .collect_view();
            let problems: Vec<String> = a
                .blockers_in(Section::Schedule)
                .map(|b| b.message.clone())
                .chain(a.advice.iter().filter(|x| x.path == Section::Schedule.slug()).map(|x| x.message.clone()))
                .collect();
            let problems = (!problems.is_empty()).then(|| {
                view! {
                    <div class="govuk-inset-text app-problems">
                        <h3 class="govuk-heading-s">"Still to resolve"</h3>
                        <ul class="govuk-list govuk-list--bullet">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                }
            });
            Some(view! {
                <section class="app-schedule-check" aria-labelledby="schedule-check">
                    <h2 class="govuk-heading-m" id="schedule-check">"Hours against the limits"</h2>
                    <p class="govuk-body">{limits}</p>
                    <table class="govuk-table">
                        <caption class="govuk-table__caption govuk-table__caption--s">"Curfew hours counted on each day of the week"</caption>
                        <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">"Day"</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">"Hours"</th></tr></thead>
                        <tbody class="govuk-table__body">{days}</tbody>
                    </table>
                    <dl class="govuk-summary-list">{facts}</dl>
                    {problems}
                </section>
            })
        })
        .into_any()
    })
}
