//! A run's own page: the scenario's clock, the enquiries sent and the replies that have come
//! back, and asking each person at the address (through the person, or directly; with them
//! there, or privately). What the trainee learns they record on the ordinary case pages: nothing
//! here fills the case in.

use leptos::prelude::*;

use super::{available, run_by_id, save_run, set_clock};
use crate::content::training as text;
use crate::domain::case::{CsOutcome, PoliceOutcome};
use crate::domain::choice::Choice;
use crate::domain::inputs::long_date;
use crate::training::run::{Ask, How, Run};
use crate::training::scenario::Answer;
use crate::ui::components::fields::{Opt, PageErrors};
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{BackLink, PageHeading, dynamic, on_click};
use crate::ui::state::use_store;

fn outcome_label(key: &str) -> &'static str {
    PoliceOutcome::from_key(key)
        .map(|o| o.label())
        .or_else(|| CsOutcome::from_key(key).map(|o| o.label()))
        .unwrap_or("")
}

fn consent_words(a: &Answer) -> &'static str {
    match a.consent.as_str() {
        "given" => "They agree to the curfew.",
        "refused" => "They do not agree to the curfew.",
        _ => "They do not give a decision.",
    }
}

#[component]
pub fn RunPage(id: String) -> impl IntoView {
    let store = use_store();
    let Some(first) = run_by_id(store, &id) else {
        return view! {
            <BackLink href="/training".to_string() text="Back to training".to_string()/>
            <PageHeading title="Practice run not found".to_string()/>
            <p class="govuk-body">{crate::content::training::RUN_NOT_FOUND}</p>
        }
        .into_any();
    };
    let Some(scenario) = crate::training::scenario::parse(&first.source)
        .ok()
        .or_else(|| {
            available()
                .into_iter()
                .find(|a| a.scenario.id == first.scenario)
                .map(|a| a.scenario)
        })
    else {
        return view! { <PageHeading title="This scenario can no longer be read".to_string()/> }
            .into_any();
    };
    set_clock(store, &first);
    let run = RwSignal::new(first);
    let s = StoredValue::new(scenario);
    let change = move |f: Box<dyn FnOnce(&mut Run)>| {
        run.update(|r| {
            f(r);
            save_run(r);
            set_clock(store, r);
        });
    };
    let next_day = on_click(move || change(Box::new(|r| r.next_day())));
    let clock = move || {
        run.with(|r| {
            s.with_value(|s| {
                let hearing = r.hearing_date(s);
                let when = if r.day < s.hearing_day {
                    format!(
                        "The hearing is on working day {}: {}.",
                        s.hearing_day,
                        long_date(hearing)
                    )
                } else if r.day == s.hearing_day {
                    format!("Today is the hearing: {}.", long_date(hearing))
                } else {
                    format!(
                        "The hearing was on working day {}: {}.",
                        s.hearing_day,
                        long_date(hearing)
                    )
                };
                (
                    format!("Working day {}: {}", r.day, long_date(r.today())),
                    when,
                )
            })
        })
    };
    let case_link = run.with_untracked(|r| format!("/cases/{}", r.case_id));
    let enquiries = dynamic(move || {
        let rows = s.with_value(|s| Ask::all(s))
            .into_iter()
            .map(|ask| {
                let (what, status, reply, sent) = run.with(|r| {
                    s.with_value(|s| {
                        let what = ask.describe(s);
                        let script = ask.reply(s).cloned();
                        match (r.requested(ask), script) {
                            (None, _) | (_, None) => (what, "Not sent".to_string(), None, false),
                            (Some(day), Some(script)) if r.arrived(ask, s) => {
                                let got = r.reply_day(ask, s).map(|d| long_date(r.date(d))).unwrap_or_default();
                                let summary = script.summary.trim();
                                let reply = format!(
                                    "Reply from {}, received {got}: {}.{}",
                                    script.agency,
                                    outcome_label(&script.outcome),
                                    if summary.is_empty() { String::new() } else { format!(" {summary}") }
                                );
                                (what, format!("Sent {}; reply received", long_date(r.date(day))), Some(reply), true)
                            }
                            (Some(day), _) => (what, format!("Sent {}; awaiting a reply", long_date(r.date(day))), None, true),
                        }
                    })
                });
                let send = on_click(move || change(Box::new(move |r| r.request(ask))));
                let label = what.clone();
                view! {
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{capital(&what)}</dt>
                        <dd class="govuk-summary-list__value">
                            <p class="govuk-body">{status}</p>
                            {reply.map(|r| view! { <p class="govuk-body app-reply">{r}</p> })}
                        </dd>
                        <dd class="govuk-summary-list__actions">
                            {(!sent).then(|| view! {
                                <button type="button" class="govuk-button govuk-button--secondary" on:click=send>
                                    "Send"<span class="govuk-visually-hidden">{format!(" {label}")}</span>
                                </button>
                            })}
                        </dd>
                    </div>
                }
            })
            .collect_view();
        view! { <dl class="govuk-summary-list">{rows}</dl> }.into_any()
    });
    let person = s.with_value(|s| s.person.name.clone());
    let people = s.with_value(|s| {
        (0..s.places.len())
            .flat_map(|i| {
                s.adults(i)
                    .into_iter()
                    .map(move |(who, name, _)| (i, who, name.to_string()))
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    });
    let conversations = people
        .into_iter()
        .enumerate()
        .map(|(n, (place, who, name))| {
            let how = RwSignal::new(String::new());
            let errors: PageErrors = RwSignal::new(Vec::new());
            let field = format!("how-{n}");
            let options = vec![
                Opt { key: "through".into(), label: format!("Through {person}"), hint: None },
                Opt { key: "present".into(), label: format!("Directly, with {person} there"), hint: None },
                Opt { key: "private".into(), label: "Directly and privately".into(), hint: Some(format!("Without {person} there or listening")) },
            ];
            let question = Item::radios(field.clone(), format!("How do you ask {name}?"), options, (how.into(), Callback::new(move |v| how.set(v))));
            let asked_name = name.clone();
            let ask = on_click(move || {
                let chosen = match how.get_untracked().as_str() {
                    "through" => How::ThroughThePerson,
                    "present" => How::WithThePersonPresent,
                    "private" => How::Privately,
                    _ => {
                        errors.set(vec![crate::domain::validate::FieldError {
                            field: field.clone(),
                            message: format!("Select how you ask {asked_name}"),
                        }]);
                        return;
                    }
                };
                errors.set(Vec::new());
                change(Box::new(move |r| {
                    s.with_value(|s| {
                        r.ask(s, place, who, chosen);
                    })
                }));
            });
            let key = who_key(who);
            let heard = move || {
                run.with(|r| {
                    s.with_value(|s| {
                        let answers = s.adults(place).into_iter().find(|(w, _, _)| *w == who).map(|(_, _, a)| a.clone());
                        r.contacts_with(place, who)
                            .map(|c| {
                                let (how, a) = match (c.direct, c.private, &answers) {
                                    (false, _, Some(a)) => (format!("through {}", s.person.name), a.through_the_person.clone()),
                                    (true, false, Some(a)) => (format!("with {} there", s.person.name), a.with_the_person_present.clone()),
                                    (true, true, Some(a)) => ("privately".to_string(), a.privately.clone()),
                                    _ => (String::new(), Answer { says: String::new(), consent: String::new(), fear: false }),
                                };
                                let fear = if a.fear { " They seem frightened." } else { "" };
                                view! {
                                    <li>
                                        <p class="govuk-body-s">{format!("Working day {}, asked {how}:", c.day)}</p>
                                        <p class="govuk-body app-reply">{format!("\u{201c}{}\u{201d} {}{fear}", a.says.trim(), consent_words(&a))}</p>
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                })
            };
            view! {
                <section class="app-repeat" aria-labelledby=format!("person-{key}-{place}")>
                    <h3 class="govuk-heading-s" id=format!("person-{key}-{place}")>{name.clone()}</h3>
                    {render(vec![question], errors)}
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=ask>"Ask"<span class="govuk-visually-hidden">{format!(" {name}")}</span></button>
                    <ul class="govuk-list">{heard}</ul>
                </section>
            }
        })
        .collect_view();
    let title = s.with_value(|s| s.title.clone());
    let id_for_debrief = run.with_untracked(|r| r.id.clone());
    view! {
        <BackLink href="/training".to_string() text="Back to training".to_string()/>
        <PageHeading title=title caption="Training run".to_string()/>
        <div class="govuk-inset-text" role="status" id="scenario-clock">
            <p class="govuk-body govuk-!-font-weight-bold">{move || clock().0}</p>
            <p class="govuk-body">{move || clock().1}</p>
        </div>
        <button type="button" class="govuk-button govuk-button--secondary" on:click=next_day>{text::NEXT_DAY}</button>
        <p class="govuk-body">{text::RECORD_ON_PAGES}" "<a class="govuk-link" href=case_link>"Open the case"</a></p>
        <h2 class="govuk-heading-m">"Enquiries"</h2>
        <p class="govuk-body">{text::ENQUIRIES_HINT}</p>
        {enquiries}
        <h2 class="govuk-heading-m">"People at the address"</h2>
        <p class="govuk-body">{text::PEOPLE_HINT}</p>
        {conversations}
        <p class="govuk-body"><a class="govuk-link" href=format!("/training/runs/{id_for_debrief}/debrief")>"Debrief"</a></p>
    }
    .into_any()
}

fn who_key(who: crate::training::scenario::Who) -> String {
    match who {
        crate::training::scenario::Who::Resident(i) => format!("r{i}"),
        crate::training::scenario::Who::Manager => "m".into(),
    }
}

fn capital(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => std::iter::once(f.to_ascii_uppercase()).chain(c).collect(),
        None => String::new(),
    }
}
