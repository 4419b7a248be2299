//! What a person at a proposed address agrees to: the address and the curfew hours there, in
//! words. A consent records these words when it is given; if the address or the hours change
//! afterwards, the words no longer match and the person must be asked again (rec 6).

use super::case::{Case, ConsentSubject, Day, Place};
use super::choice::Choice;
use super::inputs::{parse_whole_number, spoken_time};
use super::schedule::parse_window;
use super::text::{isolate, join_and};

/// The address, the hours at it and the curfew's length, as a person would be told them: for
/// example "4 Example Close, Northtown, NT4 5CD: 7pm to 7am every day, for 6 months".
pub fn consent_terms(case: &Case, place: &Place) -> String {
    let address = place.full_address();
    // Isolated, so that right-to-left text in the address cannot reorder the hours after it.
    let address = if address.is_empty() {
        "an address not yet recorded".to_string()
    } else {
        isolate(&address)
    };
    let hours = hours_at(case, place.id);
    let hours = if hours.is_empty() {
        "curfew hours not yet set".to_string()
    } else {
        join_and(&hours)
    };
    match curfew_length(case) {
        Some(length) => format!("{address}: {hours}, for {length}"),
        None => format!("{address}: {hours}"),
    }
}

/// Each readable curfew period at one place, in words: "7pm to 7am every day".
pub fn hours_at(case: &Case, place_id: u32) -> Vec<String> {
    // With a single place, a period without a place chosen belongs to it.
    let single = case.places.len() == 1;
    case.schedule
        .windows
        .iter()
        .filter(|w| w.place_id == Some(place_id) || (single && w.place_id.is_none()))
        .filter_map(|w| {
            let p = parse_window(&w.from, &w.to)?;
            (!w.days.is_empty()).then(|| {
                format!(
                    "{} to {} {}",
                    spoken_time(p.start),
                    spoken_time(p.end),
                    days_phrase(&w.days)
                )
            })
        })
        .collect()
}

/// "6 months", "1 week", or `None` until the length and its unit are recorded.
pub fn curfew_length(case: &Case) -> Option<String> {
    let s = &case.schedule;
    let (n, unit) = (parse_whole_number(&s.length)?, s.length_unit?);
    let unit = unit.label().to_ascii_lowercase();
    let unit = if n == 1 {
        unit.trim_end_matches('s').to_string()
    } else {
        unit
    };
    Some(format!("{n} {unit}"))
}

/// "every day", "Monday to Friday", "on Saturdays and Sundays", "on Mondays and Wednesdays".
pub fn days_phrase(days: &[Day]) -> String {
    let all = Day::all();
    let has = |d: &Day| days.contains(d);
    if all.iter().all(has) {
        return "every day".into();
    }
    if days.len() == 5 && all[..5].iter().all(has) {
        return "Monday to Friday".into();
    }
    let names: Vec<String> = all
        .iter()
        .filter(|d| has(d))
        .map(|d| format!("{}s", d.label()))
        .collect();
    format!("on {}", join_and(&names))
}

impl Case {
    /// Records, on each consent whose decision (or its date or time) changed since `before`, the
    /// address and hours in force as it was decided: what the person agreed to.
    pub fn record_consent_terms(&mut self, before: &Case) {
        let decided = |c: &super::case::Consent| {
            (c.decision, c.decision_date.clone(), c.decision_time.clone())
        };
        let mut stamps = Vec::new();
        for place in &self.places {
            let subjects = place
                .residents
                .iter()
                .map(|r| ConsentSubject::Resident(r.id))
                .chain(std::iter::once(ConsentSubject::OccupierElsewhere));
            for who in subjects {
                let Some(now) = place.consent(who) else {
                    continue;
                };
                let was = before.place(place.id).and_then(|p| p.consent(who));
                if now.decision.is_some() && was.map(decided) != Some(decided(now)) {
                    let terms = consent_terms(self, place);
                    if now.given_for != terms {
                        stamps.push((place.id, who, terms));
                    }
                }
            }
        }
        for (place, who, terms) in stamps {
            if let Some(c) = self.place_mut(place).and_then(|p| p.consent_mut(who)) {
                c.given_for = terms;
            }
        }
    }
}
