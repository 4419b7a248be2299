//! Rec 6 and Sch 9 paras 10(2) and 33: each adult resident's informed consent, and a main
//! occupier's who lives elsewhere. 16 and 17 year olds' views may be recorded too.

use leptos::prelude::*;

use crate::content::consent as text;
use crate::domain::case::{Case, ConsentDecision, ConsentSubject, ContactMethod, Told};
use crate::domain::choice::Choice;
use crate::domain::rules::Section;
use crate::domain::terms::{consent_terms, hours_at};
use crate::domain::validate;
use crate::ui::components::fields::*;
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{BackLink, PageHeading, SectionForm, Warning};
use crate::ui::pages::case_handle;
use crate::ui::part::Part;
use crate::ui::state::CaseHandle;

/// One person on the consent list.
#[derive(Clone, PartialEq)]
struct Row {
    label: String,
    path: String,
    status: &'static str,
    optional: bool,
}

fn rows(case: &Case, handle: &CaseHandle) -> Vec<(String, Vec<Row>, Option<String>)> {
    let assessment = handle.assessment.get_untracked();
    let status_of = |path: &str| -> &'static str {
        let Some(a) = assessment.as_ref() else {
            return "Not started";
        };
        match a.blockers_in(Section::Consent).find(|b| b.path == path) {
            None => "Consent given",
            Some(b) if b.code == "CONSENT_REFUSED" => "Refused or withdrawn",
            Some(b) if b.code == "CONSENT_FOR_OTHER_TERMS" => "Ask again",
            Some(_) => "Not complete",
        }
    };
    case.places
        .iter()
        .map(|p| {
            let mut list: Vec<Row> = p
                .consent_subjects()
                .into_iter()
                .map(|who| {
                    let path = format!("consent/{}/{}", p.id, who.slug());
                    let role = match who {
                        ConsentSubject::Resident(id) => p.resident(id).map(|r| format!("{}, {}", r.relationship.trim(), r.age.trim())).unwrap_or_default(),
                        ConsentSubject::OccupierElsewhere => format!("main occupier, {}", p.occupier_elsewhere.role.trim()),
                    };
                    let status = status_of(&path);
                    let status = if status == "Not complete" && p.consent(who).is_some_and(|c| c.is_blank()) { "Not started" } else { status };
                    Row { label: format!("{} ({role})", p.subject_name(who)), path, status, optional: false }
                })
                .collect();
            list.extend(p.residents.iter().filter(|r| matches!(r.age(), Some(16 | 17))).map(|r| Row {
                label: format!("{} ({}, {})", r.display_name(), r.relationship.trim(), r.age.trim()),
                path: format!("consent/{}/{}", p.id, r.id),
                status: if r.consent.is_blank() { "Optional" } else { "Views recorded" },
                optional: true,
            }));
            let note = list.is_empty().then(|| {
                let unknown_ages = p.residents.iter().any(|r| r.age().is_none());
                if unknown_ages {
                    "Record every resident's age on the address page first, so it is clear whose consent is needed.".to_string()
                } else {
                    format!("Nobody else's consent is needed here: {} would live there without other adults, and is the main occupier.", case.display_name())
                }
            });
            (p.short_address(), list, note)
        })
        .collect()
}

#[component]
pub fn ConsentListPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let errors: PageErrors = RwSignal::new(Vec::new());
    let places = handle
        .case
        .with_untracked(|c| c.as_ref().map(|c| rows(c, &handle)).unwrap_or_default());
    let none = places.is_empty();
    let body = places
        .into_iter()
        .map(|(address, list, note)| {
            let items = list
                .into_iter()
                .map(|r| {
                    let action = if r.optional { "Record views" } else { "Record consent" };
                    let tag = match r.status {
                        "Consent given" | "Views recorded" => "govuk-tag govuk-tag--green",
                        "Refused or withdrawn" => "govuk-tag govuk-tag--red",
                        "Ask again" => "govuk-tag govuk-tag--orange",
                        "Not complete" => "govuk-tag govuk-tag--light-blue",
                        "Optional" => "govuk-tag govuk-tag--grey",
                        _ => "govuk-tag govuk-tag--blue",
                    };
                    view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{r.label.clone()}</dt>
                            <dd class="govuk-summary-list__value"><strong class=tag>{r.status}</strong></dd>
                            <dd class="govuk-summary-list__actions">
                                <a class="govuk-link" href=handle.href(&r.path)>
                                    {action}<span class="govuk-visually-hidden">{format!(" for {}", r.label)}</span>
                                </a>
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <h2 class="govuk-heading-m">{address}</h2>
                {note.map(|n| view! { <p class="govuk-body">{n}</p> })}
                <dl class="govuk-summary-list">{items}</dl>
            }
        })
        .collect_view();
    let validate = Box::new(|| Vec::new());
    view! {
        <SectionForm handle=handle title=text::TITLE errors=errors validate=validate intro=text::INTRO button="Continue">
            {none.then(|| view! { <p class="govuk-body">"Add a proposed address first."</p> })}
            {body}
            <p class="govuk-body">{text::YOUNG_VIEWS}</p>
        </SectionForm>
    }
}

#[component]
pub fn ConsentPage(id: String, place: String, who: String) -> impl IntoView {
    let handle = case_handle(id);
    let place_id: u32 = place.parse().unwrap_or(0);
    let who = ConsentSubject::from_slug(&who);
    let found = handle.case.with_untracked(|c| {
        let p = c.as_ref()?.place(place_id)?;
        let who = who?;
        p.consent(who)?;
        Some((who, p.subject_name(who), p.short_address(), matches!(who, ConsentSubject::Resident(id) if p.resident(id).and_then(|r| r.age()).is_some_and(|a| a < 18))))
    });
    let Some((who, name, address, young)) = found else {
        return view! {
            <BackLink href=Signal::derive(move || handle.href("consent")) text="Back".to_string()/>
            <PageHeading title="Person not found".to_string()/>
            <p class="govuk-body">"This person is not recorded at a proposed address. They may have been removed."</p>
        }
        .into_any();
    };
    let errors: PageErrors = RwSignal::new(Vec::new());
    let consent = Part::root(handle).keyed(
        (place_id, who),
        |c, (p, w)| c.place(p)?.consent(w),
        |c, (p, w)| c.place_mut(p)?.consent_mut(w),
    );
    let decided = consent.clone();
    // Views of 16 and 17 year olds are optional: whatever is recorded is kept, without checks.
    let validate: Box<dyn Fn() -> Vec<validate::FieldError> + Send + Sync> = if young {
        Box::new(|| Vec::new())
    } else {
        Box::new(move || {
            handle
                .case
                .with_untracked(|c| {
                    let c = c.as_ref()?;
                    let p = c.place(place_id)?;
                    Some(validate::consent(
                        p.consent(who)?,
                        &consent_terms(c, p),
                        handle.store.today.get_untracked(),
                    ))
                })
                .unwrap_or_default()
        })
    };
    let title = if young {
        format!("Views of {name}")
    } else {
        format!("Consent of {name}")
    };

    // What the person is asked to agree to now, and whether a consent already given was for
    // something else (then it must be asked again).
    let terms = move || {
        handle.case.with(|c| {
            let c = c.as_ref()?;
            let p = c.place(place_id)?;
            let given = p.consent(who)?;
            let now = consent_terms(c, p);
            let hours_set = !hours_at(c, place_id).is_empty();
            let stale = (given.decision == Some(ConsentDecision::Given) && given.given_for != now)
                .then(|| given.given_for.clone());
            Some((now, hours_set, stale))
        })
    };
    let agreeing = Item::View(ViewFn::from(move || {
        let Some((now, hours_set, stale)) = terms() else {
            return ().into_any();
        };
        let stale = stale.map(|was| {
            let was = if was.is_empty() {
                "not recorded".to_string()
            } else {
                was
            };
            view! {
                <Warning>{text::ASK_AGAIN}</Warning>
                <dl class="govuk-summary-list">
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{text::AGREED_TO}</dt>
                        <dd class="govuk-summary-list__value">{was}</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{text::NOW_PROPOSED}</dt>
                        <dd class="govuk-summary-list__value">{now.clone()}</dd>
                    </div>
                </dl>
                <p class="govuk-body">{text::ASK_AGAIN_HOW}</p>
            }
        });
        let body = if stale.is_some() {
            None
        } else if hours_set {
            Some(view! { <p class="govuk-body">{now}</p> }.into_any())
        } else {
            Some(view! { <p class="govuk-body">{text::NO_HOURS_YET}</p> }.into_any())
        };
        view! {
            <div class="govuk-inset-text" id="consent-terms">
                <h2 class="govuk-heading-s">{text::AGREEING_TO}</h2>
                {body}
                {stale}
            </div>
        }
        .into_any()
    }));
    let today = handle.store.today.get_untracked();
    let items = vec![
        Item::para(address),
        agreeing,
        Item::yes_no(
            "contacted-directly",
            text::CONTACTED,
            consent.yes_no(|c| c.contacted_directly, |c, v| c.contacted_directly = v),
        )
        .reveal(
            "yes",
            vec![
                Item::radios(
                    "method",
                    text::METHOD,
                    opts::<ContactMethod>(),
                    consent.field_with(
                        today,
                        |c, _| c.method.map(|m| m.key().to_string()).unwrap_or_default(),
                        |c, today, key: String| {
                            c.choose_method(ContactMethod::from_key(&key), today)
                        },
                    ),
                ),
                Item::date(
                    "contact-date",
                    text::CONTACT_DATE,
                    consent.field(|c| c.contact_date.clone(), |c, v| c.contact_date = v),
                )
                .hint(text::CONTACT_DATE_HINT),
            ],
        ),
        Item::yes_no(
            "privately",
            text::PRIVATELY,
            consent.yes_no(|c| c.spoken_privately, |c, v| c.spoken_privately = v),
        ),
        Item::checks(
            "told",
            text::TOLD,
            opts::<Told>(),
            consent.choices(|c| &c.told, |c, v| c.told = v),
        )
        .hint(text::TOLD_HINT),
        Item::area(
            "attitude",
            text::ATTITUDE,
            consent.field(|c| c.attitude.clone(), |c, v| c.attitude = v),
        )
        .rows(4),
        Item::yes_no(
            "fear",
            text::FEAR,
            consent.yes_no(|c| c.fear_or_pressure, |c, v| c.fear_or_pressure = v),
        )
        .reveal(
            "yes",
            vec![Item::area(
                "fear-details",
                text::FEAR_DETAILS,
                consent.field(|c| c.fear_details.clone(), |c, v| c.fear_details = v),
            )],
        ),
        Item::radios(
            "decision",
            text::DECISION,
            opts::<ConsentDecision>(),
            consent.field_with(
                today,
                |c, _| c.decision.map(|d| d.key().to_string()).unwrap_or_default(),
                |c, today, key: String| c.choose_decision(ConsentDecision::from_key(&key), today),
            ),
        )
        .size("m"),
        Item::when(
            move || decided.with(|c| c.decision.is_some()),
            vec![
                Item::date(
                    "decision-date",
                    text::DECISION_DATE,
                    consent.field(|c| c.decision_date.clone(), |c, v| c.decision_date = v),
                )
                .hint(text::DECISION_DATE_HINT),
                Item::text(
                    "decision-time",
                    text::DECISION_TIME,
                    consent.field(|c| c.decision_time.clone(), |c, v| c.decision_time = v),
                )
                .hint(text::DECISION_TIME_HINT)
                .width("govuk-input--width-5"),
            ],
        ),
    ];
    view! {
        <SectionForm handle=handle title=title errors=errors validate=validate next="consent".to_string() back="consent".to_string()>
            {render(items, errors)}
        </SectionForm>
    }
    .into_any()
}
