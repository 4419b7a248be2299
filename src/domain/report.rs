//! The paragraph for the court report: which enquiries were made, with whom, when, and what came
//! back; each adult's attitude and consent; the proposed schedule in words; the outcome. All the
//! wording is here, for review.
//!
//! It never says a curfew is suitable unless the rules allow it: while checks are outstanding it
//! names them and recommends an adjournment instead; where something found rules a curfew out
//! (consent refused, a victim at the address), it says so and that a curfew is not suitable.
//!
//! Typed text is shown without bidirectional controls, and inside an isolate where it holds
//! right-to-left letters; `for_clipboard` gives the text to paste, with no controls at all.

use super::case::*;
use super::choice::Choice;
use super::inputs::{long_date, parse_time, spoken_time};
use super::rules::{Assessment, BlockerKind, OutcomeState, Section};
use super::schedule::parse_window;
use super::terms::{curfew_length, days_phrase};
use super::text::{is_bidi_control, join_and, without_bidi_controls};

/// The whole paragraph, as sentences separated by spaces, in parts separated by blank lines.
pub fn court_paragraph(case: &Case, assessment: &Assessment) -> String {
    match without_controls(case) {
        Some(clean) => paragraph(&clean, assessment),
        None => paragraph(case, assessment),
    }
}

/// The paragraph as it goes into the report: no bidirectional control at all (not even the
/// isolates that keep right-to-left names in place on screen).
pub fn for_clipboard(paragraph: &str) -> String {
    without_bidi_controls(paragraph)
}

/// A copy of the case with every bidirectional control taken out of its text, or `None` when
/// it has none: a control typed into a name must not reverse the sentence after it.
pub(super) fn without_controls(case: &Case) -> Option<Case> {
    let json = miniserde::json::to_string(case);
    if !json.chars().any(is_bidi_control) {
        return None;
    }
    miniserde::json::from_str(&without_bidi_controls(&json)).ok()
}

fn paragraph(case: &Case, assessment: &Assessment) -> String {
    let name = case.display_name();
    let mut parts: Vec<String> = Vec::new();
    parts.push(police(case, &name));
    let cs = childrens_services(case);
    if !cs.is_empty() {
        parts.push(cs);
    } else if case.childrens_services_required() {
        parts.push("No children's services enquiry has been made yet.".into());
    }
    if case.curfew_considered() {
        for place in &case.places {
            parts.push(address(place, &name));
            let consents = consent(place);
            if !consents.is_empty() {
                parts.push(consents);
            }
        }
        parts.push(schedule(case));
    }
    parts.push(outcome(case, assessment));
    let sdr = assessment
        .advice
        .iter()
        .find(|a| a.code == "STANDARD_DELIVERY_REPORT");
    // The rules' advice on the type of report, in the report's voice, while no outcome stands
    // (once one does, the paragraph gives the finding instead).
    let finding = matches!(assessment.outcome, OutcomeState::Recorded(_));
    if let Some(sdr) = sdr.filter(|_| !finding) {
        parts.push(sdr.message.replacen(
            "Consider a standard delivery report:",
            "Given the complexity of the case, I recommend a standard delivery report:",
            1,
        ));
    }
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn date(d: &super::inputs::DateParts) -> Option<String> {
    d.date().map(long_date)
}

/// Ends a sentence with a full stop unless it already has closing punctuation.
fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.is_empty() || t.ends_with(['.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

fn agency(e_agency: &str, fallback: &str) -> String {
    let a = e_agency.trim();
    if a.is_empty() {
        fallback.to_string()
    } else {
        a.to_string()
    }
}

fn police(case: &Case, name: &str) -> String {
    let e = &case.police;
    let force = agency(&e.agency, "the police");
    let asked = date(&e.requested)
        .map(|d| format!(" on {d}"))
        .unwrap_or_default();
    let summary = if e.summary.trim().is_empty() {
        String::new()
    } else {
        format!(" {}", sentence(&e.summary))
    };
    match e.outcome {
        None => "No police domestic abuse enquiry has been made yet.".into(),
        Some(PoliceOutcome::NotRequested) => {
            "A police domestic abuse enquiry was not requested.".into()
        }
        Some(PoliceOutcome::Awaiting) => {
            format!("A domestic abuse enquiry was made with {force}{asked}; the reply is awaited.")
        }
        Some(found) => {
            let answered = date(&e.received)
                .map(|d| format!(" and answered on {d}"))
                .unwrap_or_default();
            let finding = match found {
                PoliceOutcome::DaInformationHeld => {
                    format!("{force} hold domestic abuse information about {name}.")
                }
                PoliceOutcome::InformationNotDa => format!(
                    "{force} hold information about {name} that does not relate to domestic abuse."
                ),
                _ => format!("{force} hold no information about {name}."),
            };
            format!(
                "A domestic abuse enquiry was made with {force}{asked}{answered}: {finding}{summary}"
            )
        }
    }
}

/// What children's services said, as a clause.
fn cs_finding(outcome: CsOutcome) -> &'static str {
    match outcome {
        CsOutcome::ChildProtectionPlan => "there is an open child protection plan",
        CsOutcome::ChildInNeedPlan => "there is an open child in need plan",
        CsOutcome::LookedAfter => "a child is looked after",
        CsOutcome::AssessmentOrSection47 => "an assessment or section 47 enquiry is in progress",
        CsOutcome::Proceedings => "there are pre-proceedings or care proceedings",
        CsOutcome::EarlyHelpOrOther => "there is open early help or other involvement",
        CsOutcome::PreviouslyKnown => {
            "the family was known to children's services before, and that involvement is closed"
        }
        _ => "the family is not known to children's services",
    }
}

fn childrens_services(case: &Case) -> String {
    case.childrens_services
        .iter()
        .filter(|c| !c.enquiry.is_blank())
        .map(|c| {
            let e = &c.enquiry;
            let la = agency(&e.agency, "the local authority");
            let about = if c.children_covered.trim().is_empty() { String::new() } else { format!(" about {}", c.children_covered.trim()) };
            let asked = date(&e.requested).map(|d| format!(" on {d}")).unwrap_or_default();
            match e.outcome {
                None | Some(CsOutcome::NotRequested) | Some(CsOutcome::NotRequired) => format!("No children's services enquiry was made with {la}."),
                Some(CsOutcome::Awaiting) => format!("A children's services enquiry was made with {la}{about}{asked}; the reply is awaited."),
                Some(found) => {
                    let answered = date(&e.received).map(|d| format!(" and answered on {d}")).unwrap_or_default();
                    let summary = if e.summary.trim().is_empty() { String::new() } else { format!(" {}", sentence(&e.summary)) };
                    format!("A children's services enquiry was made with {la}{about}{asked}{answered}: {}.{summary}", cs_finding(found))
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_sentence_police(e: &Enquiry<PoliceOutcome>) -> String {
    let force = agency(&e.agency, "the police");
    match e.outcome {
        None | Some(PoliceOutcome::NotRequested) => {
            "Police call-out checks on the address have not been made.".into()
        }
        Some(PoliceOutcome::Awaiting) => format!(
            "Police call-out checks on the address were requested from {force}; the reply is awaited."
        ),
        Some(found) => {
            let when = date(&e.received)
                .map(|d| format!(", answered on {d},"))
                .unwrap_or_default();
            let finding = match found {
                PoliceOutcome::DaInformationHeld => "domestic abuse information",
                PoliceOutcome::InformationNotDa => {
                    "information that does not relate to domestic abuse"
                }
                _ => "no information",
            };
            format!("Police call-out checks on the address with {force}{when} found {finding}.")
        }
    }
}

fn check_sentence_cs(e: &Enquiry<CsOutcome>) -> String {
    let la = agency(&e.agency, "the local authority");
    match e.outcome {
        None | Some(CsOutcome::NotRequested) | Some(CsOutcome::NotRequired) => {
            "Children's services checks on the address have not been made.".into()
        }
        Some(CsOutcome::Awaiting) => format!(
            "Children's services checks on the address were requested from {la}; the reply is awaited."
        ),
        Some(found) => {
            let when = date(&e.received)
                .map(|d| format!(", answered on {d},"))
                .unwrap_or_default();
            format!(
                "Children's services checks on the address with {la}{when} found that {}.",
                cs_finding(found)
            )
        }
    }
}

fn resident_text(r: &Resident) -> String {
    let mut about = Vec::new();
    if !r.relationship.trim().is_empty() {
        about.push(r.relationship.trim().to_string());
    }
    if let Some(age) = r.age() {
        about.push(age.to_string());
    }
    if about.is_empty() {
        r.display_name()
    } else {
        format!("{} ({})", r.display_name(), about.join(", "))
    }
}

fn address(place: &Place, name: &str) -> String {
    let mut s = Vec::new();
    let tenure = place
        .tenure
        .map(|t| format!(" ({})", t.label().to_ascii_lowercase()))
        .unwrap_or_default();
    s.push(format!(
        "The proposed curfew address is {}{tenure}.",
        place.full_address()
    ));
    if place.residents.is_empty() {
        s.push(format!("{name} would live there alone."));
    } else {
        let who: Vec<String> = place.residents.iter().map(resident_text).collect();
        s.push(format!(
            "{} {} there.",
            join_and(&who),
            if who.len() == 1 { "lives" } else { "live" }
        ));
    }
    if rests_on_own_account(&place.household_sources) {
        s.push(format!(
            "Who lives there rests on {name}'s account alone and has not been checked."
        ));
    }
    if !place.visiting_children.is_empty() {
        let who: Vec<String> = place
            .visiting_children
            .iter()
            .map(|c| {
                format!(
                    "{} ({}, {})",
                    c.name.trim(),
                    c.relationship.trim(),
                    c.age.trim()
                )
            })
            .collect();
        s.push(format!(
            "{} {} there.",
            join_and(&who),
            if who.len() == 1 { "visits" } else { "visit" }
        ));
    }
    if let Some(occupier) = place.occupier_name(name) {
        s.push(format!("The main occupier is {occupier}."));
    }
    s.push(check_sentence_police(&place.police_callout));
    s.push(check_sentence_cs(&place.cs_check));
    if place.em_available == Some(true)
        && place.electricity_confirmed == Some(true)
        && place.equipment_agreed == Some(true)
    {
        s.push("Electronic monitoring is available there, the electricity supply is confirmed and the main occupier agrees to the equipment.".into());
    }
    s.join(" ")
}

fn consent(place: &Place) -> String {
    place
        .consent_subjects()
        .into_iter()
        .filter_map(|who| {
            let c = place.consent(who)?;
            let person = match who {
                ConsentSubject::Resident(id) => {
                    place.resident(id).map(resident_text).unwrap_or_default()
                }
                ConsentSubject::OccupierElsewhere => {
                    format!(
                        "{} ({}, the main occupier)",
                        place.subject_name(who),
                        place.occupier_elsewhere.role.trim()
                    )
                }
            };
            if c.contacted_directly != Some(true) {
                return Some(format!("{person} has not yet been spoken to directly."));
            }
            let how = c
                .method
                .map(|m| format!(" {}", m.label().to_ascii_lowercase()))
                .unwrap_or_default();
            let how = match how.as_str() {
                " phone" => " by phone".to_string(),
                " video call" => " by video call".to_string(),
                other => other.to_string(),
            };
            let privately = if c.spoken_privately == Some(true) {
                " and privately"
            } else {
                ""
            };
            let on = date(&c.contact_date)
                .map(|d| format!(" on {d}"))
                .unwrap_or_default();
            let told: Vec<String> = c.told.iter().map(|t| told_phrase(*t)).collect();
            let told = if told.is_empty() {
                String::new()
            } else {
                format!(", was told {},", join_and(&told))
            };
            let when = match (date(&c.decision_date), parse_time(&c.decision_time)) {
                (Some(d), Some(t)) => format!(" on {d} at {}", spoken_time(t)),
                (Some(d), None) => format!(" on {d}"),
                _ => String::new(),
            };
            let agreed_to = if c.given_for.is_empty() {
                String::new()
            } else {
                format!(" to a curfew at {}", c.given_for)
            };
            let decision = match c.decision {
                Some(ConsentDecision::Given) => format!(" and gave consent{when}{agreed_to}."),
                Some(ConsentDecision::Refused) => format!(" and refused consent{when}."),
                Some(ConsentDecision::Withdrawn) => {
                    format!(" and gave consent, then withdrew it{when}.")
                }
                None => " and has not yet given a decision.".to_string(),
            };
            let mut text =
                format!("{person} was spoken to directly{privately}{how}{on}{told}{decision}");
            let words = c.attitude.trim();
            if !words.is_empty() {
                text.push_str(&format!(" In their own words: \u{201c}{words}\u{201d}"));
                // Their own sentence ends inside the quote; otherwise end ours after it.
                if !words.ends_with(['.', '!', '?']) {
                    text.push('.');
                }
            }
            if c.fear_or_pressure == Some(true) {
                text.push_str(&format!(
                    " They showed signs of fear or pressure: {}",
                    sentence(&c.fear_details)
                ));
            }
            Some(text)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn told_phrase(t: Told) -> String {
    match t {
        Told::Hours => "the curfew hours".into(),
        Told::Equipment => "about the tag and the equipment in the home".into(),
        Told::Offending => "the nature of the offending".into(),
        Told::CanWithdraw => "that they can withdraw consent at any time".into(),
    }
}

fn schedule(case: &Case) -> String {
    let s = &case.schedule;
    let windows: Vec<String> = s
        .windows
        .iter()
        .filter_map(|w| {
            let p = parse_window(&w.from, &w.to)?;
            if w.days.is_empty() {
                return None;
            }
            let at = if case.places.len() > 1 {
                w.place_id
                    .and_then(|id| case.place(id))
                    .map(|pl| format!(" at {}", pl.short_address()))
                    .unwrap_or_default()
            } else {
                String::new()
            };
            Some(format!(
                "{} to {} {}{at}",
                spoken_time(p.start),
                spoken_time(p.end),
                days_phrase(&w.days)
            ))
        })
        .collect();
    match (windows.is_empty(), curfew_length(case), date(&s.start)) {
        (false, Some(length), Some(start)) => format!(
            "The proposed curfew is {}, for {length}, starting on {start}.",
            join_and(&windows)
        ),
        _ => "The curfew hours have not yet been set.".into(),
    }
}

fn outcome(case: &Case, assessment: &Assessment) -> String {
    let rationale = case
        .outcome
        .recorded
        .as_ref()
        .map(|r| sentence(&r.rationale))
        .unwrap_or_default();
    let with = |text: &str| {
        if rationale.is_empty() {
            text.to_string()
        } else {
            format!("{text} {rationale}")
        }
    };
    match case.outcome.recorded.as_ref().map(|r| r.decision) {
        Some(Decision::NotSuitable) => return with("In my assessment a curfew is not suitable."),
        Some(Decision::NotProposed) => return with("A curfew is not proposed."),
        _ => {}
    }
    if !assessment.curfew_considered {
        return "A curfew is not being considered.".into();
    }
    // What more time cannot change comes first: with it, an adjournment would not help.
    let found = findings(case);
    if !found.is_empty()
        && assessment
            .blockers
            .iter()
            .any(|b| b.kind == BlockerKind::Finding)
    {
        let at = match case.places.as_slice() {
            [one] => format!(" at {}", one.full_address()),
            _ => String::new(),
        };
        let mut text = format!(
            "{} In my assessment a curfew{at} is not suitable.",
            found
                .iter()
                .map(|f| sentence(&capitalised(f)))
                .collect::<Vec<_>>()
                .join(" ")
        );
        let other: Vec<String> = Section::ALL
            .iter()
            .filter(|s| {
                assessment
                    .blockers_in(**s)
                    .any(|b| b.kind != BlockerKind::Finding)
            })
            .map(|s| outstanding_name(*s).to_string())
            .collect();
        if !other.is_empty() {
            text.push_str(&format!(
                " These checks were also not complete: {}.",
                join_and(&other)
            ));
        }
        return text;
    }
    if let Some(adjourn) = adjournment_words(assessment) {
        return adjourn;
    }
    match case.outcome.recorded.as_ref().map(|r| r.decision) {
        Some(Decision::Suitable) => with("In my assessment a curfew is suitable."),
        _ => "All the required checks are complete; my assessment of the curfew's suitability is not yet recorded.".into(),
    }
}

/// While checks are outstanding, the paragraph's words naming them and asking for an
/// adjournment (the court paragraph says the same; the day at court offers it for an oral report).
pub fn adjournment_words(assessment: &Assessment) -> Option<String> {
    if assessment.can_record_suitable() {
        return None;
    }
    let outstanding: Vec<String> = Section::ALL
        .iter()
        .filter(|s| assessment.blockers_in(**s).next().is_some())
        .map(|s| outstanding_name(*s).to_string())
        .collect();
    Some(format!(
        "These checks are still outstanding: {}. Until they are complete a curfew cannot be assessed as suitable, and I recommend that the case is adjourned so that they can be completed.",
        join_and(&outstanding)
    ))
}

/// What was found that rules a curfew out, in the report's words: refused or withdrawn consent,
/// a victim at the address, an order protecting someone there, no monitoring there.
fn findings(case: &Case) -> Vec<String> {
    let name = case.display_name();
    let mut found = Vec::new();
    for place in &case.places {
        let address = place.full_address();
        for who in place.consent_subjects() {
            let person = place.subject_name(who);
            match place.consent(who).and_then(|c| c.decision) {
                Some(ConsentDecision::Refused) => found.push(format!(
                    "{person} refused consent to the curfew at {address}"
                )),
                Some(ConsentDecision::Withdrawn) => found.push(format!(
                    "{person} gave consent to the curfew at {address}, then withdrew it"
                )),
                _ => {}
            }
        }
        if place.victim_lives_there.answer == Some(true) {
            found.push(format!(
                "a victim or potential victim of {name} lives at {address}"
            ));
        }
        if place.em_available == Some(false) {
            found.push(format!(
                "electronic monitoring is not available at {address}"
            ));
        }
        if place.equipment_agreed == Some(false) {
            found.push(format!(
                "the main occupier of {address} does not agree to the monitoring equipment"
            ));
        }
    }
    for order in case
        .orders
        .iter()
        .filter(|o| super::rules::protects_someone_at_a_place(case, o))
    {
        let kind = order.kind.map(|k| k.label()).unwrap_or("An order");
        let who = order.protects.trim();
        let who = if who.is_empty() { "someone" } else { who };
        found.push(format!(
            "{kind} protects {who}, who lives at or visits the proposed address"
        ));
    }
    found
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        // ASCII only: Unicode case tables would add to the download for one letter.
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

fn outstanding_name(section: Section) -> &'static str {
    match section {
        Section::Hearing => "the risk assessment and hearing details",
        Section::ChildContact => "the child contact questions",
        Section::Police => "the police domestic abuse enquiry",
        Section::ChildrensServices => "the children's services enquiry",
        Section::Places => "checks on the proposed address and its residents",
        Section::Consent => "the consent of adult residents",
        Section::Schedule => "the curfew schedule",
        Section::Outcome => "gatekeeping by a senior probation officer",
    }
}
