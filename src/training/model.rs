//! The model answer: a scenario played right through with the ordinary domain API. Every
//! enquiry is sent on the first day and recorded as it comes back; everyone at the address is
//! asked directly and privately; the hours proposed keep within the law. A scenario is only
//! accepted if playing it this way ends as the scenario says it should (`check_outcome`).

use chrono::NaiveDate;

use super::run::{Ask, How, Run};
use super::scenario::{Answer, Expected, HoursScript, ReplyScript, Scenario, Who};
use crate::domain::Case;
use crate::domain::case::*;
use crate::domain::choice::Choice;
use crate::domain::inputs::DateParts;
use crate::domain::rules::{Assessment, BlockerKind, assess};

/// Plays the scenario right, from `today`: the run and the case at the end (the hearing day for
/// a scenario that should end in an adjournment; the day the last reply arrives otherwise).
pub fn play_right(s: &Scenario, today: NaiveDate) -> (Run, Case) {
    let (mut run, mut case) = Run::start("model", "model", "Model answer", "", s, today, "");
    for ask in Ask::all(s) {
        run.request(ask);
    }
    let last_reply = Ask::all(s)
        .into_iter()
        .filter_map(|a| run.reply_day(a, s))
        .max()
        .unwrap_or(0);
    let end = match s.expected {
        Expected::Adjourn => s.hearing_day,
        _ => last_reply,
    };
    while run.day < end {
        run.next_day();
    }
    for place in 0..s.places.len() {
        for (who, _, _) in s.adults(place) {
            run.ask(s, place, who, How::Privately);
        }
    }
    record_right(s, &run, &mut case);
    (run, case)
}

/// Whether playing the scenario right ends as it says; the reason when it does not.
pub fn check_outcome(s: &Scenario, today: NaiveDate) -> Result<(), String> {
    let (run, case) = play_right(s, today);
    let a = assess(&case, run.today());
    let still = |a: &Assessment| {
        a.blockers
            .iter()
            .map(|b| b.message.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    match s.expected {
        Expected::Suitable if a.can_record_suitable() => Ok(()),
        Expected::Suitable => Err(format!(
            "Played right, this scenario should end with a curfew found suitable, but the rules still block it: {}",
            still(&a)
        )),
        Expected::NotSuitable => {
            let found = a.blockers.iter().any(|b| b.kind == BlockerKind::Finding);
            let only_findings = a
                .blockers
                .iter()
                .all(|b| b.kind == BlockerKind::Finding || b.code == "GATEKEEPING_NOT_ENDORSED");
            if found && only_findings {
                Ok(())
            } else if !found {
                Err("Played right, this scenario should end with a curfew not suitable, but nothing found rules a curfew out (a refusal given privately, a victim at the address, an order protecting someone there, no monitoring).".into())
            } else {
                Err(format!(
                    "Played right, this scenario leaves checks that more time would complete: {}",
                    still(&a)
                ))
            }
        }
        Expected::Adjourn => {
            let adjourn = a.advice.iter().any(|x| x.code == "ADJOURN");
            if !a.can_record_suitable() && adjourn {
                Ok(())
            } else {
                Err("Played right, this scenario should still have checks outstanding on the hearing day (so the court is asked to adjourn): make a reply arrive after the hearing day.".into())
            }
        }
    }
}

/// Records in the case, as a careful officer would, everything the scenario has told the run so
/// far: replies that have arrived (the others as awaited), the truth about children and the
/// household, and each adult's answer given privately.
pub fn record_right(s: &Scenario, run: &Run, case: &mut Case) {
    let today = run.today();
    let level = |k: &str| RoshLevel::from_key(k);
    case.rosh = Rosh {
        children: level(&s.risk.children),
        public: level(&s.risk.public),
        known_adult: level(&s.risk.known_adult),
        staff: level(&s.risk.staff),
    };
    let police_back = run.arrived(Ask::Police, s);
    case.orders.clear();
    case.orders_recorded = Some(!s.orders.is_empty());
    for o in &s.orders {
        let id = case.add_order();
        if let Some(order) = case.orders.iter_mut().find(|x| x.id == id) {
            order.kind = OrderKind::from_key(&o.kind);
            order.protects = o.protects.clone();
            order.relationship = o.relationship.clone();
            order.lives_at_or_visits_place = Some(o.lives_at_or_visits);
            order.source = Some(if police_back {
                Source::Police
            } else {
                Source::OtherAgency
            });
        }
    }
    for (q, answer) in s.child_contact.answers() {
        *case.child_contact.answer_mut(q) = SourcedAnswer {
            answer: Some(answer),
            sources: vec![Source::Police, Source::ChildrensServices],
            details: String::new(),
        };
    }
    case.police = enquiry(run, s, Ask::Police, &s.police);
    case.childrens_services.clear();
    for (i, cs) in s.childrens_services.iter().enumerate() {
        let id = case.add_cs_enquiry();
        if let Some(e) = case.childrens_services.iter_mut().find(|x| x.id == id) {
            e.children_covered = cs.children.clone();
            e.enquiry = enquiry(run, s, Ask::ChildrensServices(i), &cs.reply);
        }
    }
    case.places.clear();
    case.schedule = Schedule::default();
    for (i, p) in s.places.iter().enumerate() {
        let place_id = case.add_place();
        for _ in &p.residents {
            case.add_resident(place_id);
        }
        for _ in &p.visiting_children {
            case.add_visiting_child(place_id);
        }
        let callout = enquiry(run, s, Ask::Callout(i), &p.police_callout);
        let cs_check = enquiry(run, s, Ask::CsCheck(i), &p.cs_check);
        let Some(place) = case.place_mut(place_id) else {
            continue;
        };
        place.address_line_1 = p.address_line_1.clone();
        place.town = p.town.clone();
        place.postcode = p.postcode.clone();
        place.tenure = Tenure::from_key(&p.tenure);
        place.assessed_by = Some(AssessedBy::HomeVisit);
        for (r, script) in place.residents.iter_mut().zip(&p.residents) {
            r.name = script.name.clone();
            r.age = script.age.to_string();
            r.relationship = script.relationship.clone();
        }
        for (v, script) in place.visiting_children.iter_mut().zip(&p.visiting_children) {
            v.name = script.name.clone();
            v.age = script.age.to_string();
            v.relationship = script.relationship.clone();
        }
        place.household_sources = vec![Source::Resident, Source::OtherAgency];
        let occupier = p.main_occupier.trim();
        if occupier == "the person" {
            place.occupier = Some(OccupierKind::ThePerson);
        } else if let Some(m) = p.manager.as_ref().filter(|m| m.name == occupier) {
            place.occupier = Some(OccupierKind::Elsewhere);
            place.occupier_elsewhere.name = m.name.clone();
            place.occupier_elsewhere.role = m.role.clone();
        } else {
            place.occupier = Some(OccupierKind::Resident);
            place.occupier_resident = place
                .residents
                .iter()
                .find(|r| r.name == occupier)
                .map(|r| r.id);
        }
        place.victim_lives_there = SourcedAnswer {
            answer: Some(p.victim_lives_there),
            sources: vec![Source::Police],
            details: String::new(),
        };
        place.police_callout = callout;
        place.cs_check = cs_check;
        place.em_available = Some(p.monitoring_available);
        place.electricity_confirmed = Some(p.electricity);
        // The main occupier's own private answer decides the equipment.
        let occupier_agrees = match place.occupier {
            Some(OccupierKind::ThePerson) => true,
            _ => s
                .adults(i)
                .iter()
                .find(|(_, name, _)| *name == occupier)
                .is_some_and(|(_, _, a)| a.privately.consent == "given"),
        };
        place.equipment_agreed = Some(occupier_agrees);
    }
    // The hours: lawful ones where the requested hours break the law.
    case.schedule.start = DateParts::from_date(run.hearing_date(s).max(today));
    case.schedule.length = s.curfew.months.to_string();
    case.schedule.length_unit = Some(LengthUnit::Months);
    let hours = s.curfew.lawful.as_ref().unwrap_or(&s.curfew.requested);
    add_hours(case, s, hours);
    // Then each adult, asked privately, told those hours.
    for (i, _) in s.places.iter().enumerate() {
        let place_id = case.places[i].id;
        for (who, name, answers) in s.adults(i) {
            let subject = match who {
                Who::Resident(_) => case.places[i]
                    .residents
                    .iter()
                    .find(|r| r.name == name)
                    .map(|r| ConsentSubject::Resident(r.id)),
                Who::Manager => Some(ConsentSubject::OccupierElsewhere),
            };
            let asked = run.contacts_with(i, who).any(|c| c.private);
            if let (Some(subject), true) = (subject, asked) {
                if let Some(c) = case
                    .place_mut(place_id)
                    .and_then(|p| p.consent_mut(subject))
                {
                    *c = consent_from(&answers.privately, today);
                }
            }
        }
    }
    case.record_consent_terms(&Case::default());
}

/// Adds the curfew periods of a script to the case's schedule.
pub fn add_hours(case: &mut Case, s: &Scenario, hours: &[HoursScript]) {
    for h in hours {
        let place = if h.at.trim().is_empty() {
            0
        } else {
            s.places
                .iter()
                .position(|p| p.address_line_1 == h.at.trim())
                .unwrap_or(0)
        };
        let place_id = case.places.get(place).map(|p| p.id);
        let id = case.add_window();
        if let Some(w) = case.schedule.windows.iter_mut().find(|w| w.id == id) {
            w.place_id = place_id;
            w.from = h.from.clone();
            w.to = h.to.clone();
            w.days = if h.days.is_empty() {
                Day::all().to_vec()
            } else {
                h.days.iter().filter_map(|d| Day::from_key(d)).collect()
            };
        }
    }
}

/// An enquiry as it stands on the run's clock: returned as the agency said, or awaited.
fn enquiry<O: EnquiryOutcome>(
    run: &Run,
    s: &Scenario,
    ask: Ask,
    script: &ReplyScript,
) -> Enquiry<O> {
    let requested = run.requested(ask).map(|d| run.date(d));
    let mut e = Enquiry::<O> {
        agency: script.agency.clone(),
        requested: requested.map(DateParts::from_date).unwrap_or_default(),
        ..Default::default()
    };
    if run.arrived(ask, s) {
        let arrived = run.reply_day(ask, s).map(|d| run.date(d));
        e.received = arrived.map(DateParts::from_date).unwrap_or_default();
        e.outcome = O::from_key(&script.outcome);
        e.summary = script.summary.clone();
        e.considered = true;
    } else {
        e.outcome = O::from_key("awaiting");
    }
    e
}

fn consent_from(a: &Answer, today: NaiveDate) -> Consent {
    Consent {
        contacted_directly: Some(true),
        method: Some(ContactMethod::InPerson),
        contact_date: DateParts::from_date(today),
        spoken_privately: Some(true),
        told: Told::all().to_vec(),
        attitude: a.says.clone(),
        fear_or_pressure: Some(a.fear),
        fear_details: if a.fear {
            a.says.clone()
        } else {
            String::new()
        },
        decision: match a.consent.as_str() {
            "given" => Some(ConsentDecision::Given),
            "refused" => Some(ConsentDecision::Refused),
            _ => None,
        },
        decision_date: DateParts::from_date(today),
        decision_time: "10:00".into(),
        given_for: String::new(),
    }
}
