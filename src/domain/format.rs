//! The stored and exported format of a case: its version and how older versions are brought up
//! to date. Both the storage module and the import of case files use it.

use miniserde::json::{self, Value};

/// The version written by this release. Version 2 added the audit trail and gatekeeping
/// submissions, drafts and section comments; version 3 the address and hours each consent was
/// given for, and a "suitable" set aside when it stopped standing; version 4 the identifiers
/// agencies trace a person by (CRN, PNC ID, other names, addresses) and the dates of birth of
/// the people at each address; version 5 signatures on decisions and the linked history
/// (`attest`).
pub const SCHEMA_VERSION: u32 = 5;

/// Brings a stored case (as JSON) written in `version` up to the current version, oldest step
/// first. A step only adds what its version introduced, so nothing recorded is lost.
pub fn migrate(version: u32, case: &mut Value) {
    if version < 2 {
        // Version 2: the audit trail, submissions, drafts and comments per section.
        let empty = || Value::Array(Default::default());
        if let Value::Object(case) = case {
            case.entry("events".into()).or_insert_with(empty);
            if let Some(Value::Object(g)) = case.get_mut("gatekeeping") {
                g.entry("submissions".into()).or_insert_with(empty);
                g.entry("draft".into()).or_insert_with(|| {
                    json::from_str(&json::to_string(
                        &<super::case::GatekeepingDraft as Default>::default(),
                    ))
                    .unwrap_or(Value::Null)
                });
                if let Some(Value::Array(decisions)) = g.get_mut("decisions") {
                    for d in decisions.iter_mut() {
                        if let Value::Object(d) = d {
                            d.entry("section_comments".into()).or_insert_with(empty);
                        }
                    }
                }
            }
        }
    }
    if version < 3 {
        // Version 3: what each consent was given for. Not known for older consents, so left
        // empty: the rules then ask for consent again, as they must (rec 6).
        let Value::Object(case) = case else { return };
        if let Some(Value::Array(places)) = case.get_mut("places") {
            for place in places.iter_mut() {
                let Value::Object(place) = place else {
                    continue;
                };
                let add = |holder: &mut Value| {
                    if let Value::Object(holder) = holder {
                        if let Some(Value::Object(c)) = holder.get_mut("consent") {
                            c.entry("given_for".into())
                                .or_insert_with(|| Value::String(String::new()));
                        }
                    }
                };
                if let Some(Value::Array(residents)) = place.get_mut("residents") {
                    residents.iter_mut().for_each(add);
                }
                if let Some(elsewhere) = place.get_mut("occupier_elsewhere") {
                    add(elsewhere);
                }
            }
        }
        if let Some(Value::Object(outcome)) = case.get_mut("outcome") {
            outcome.entry("lapsed".into()).or_insert(Value::Null);
        }
    }
    if version < 4 {
        // Version 4: identifiers and dates of birth, not recorded before: left empty.
        let Value::Object(case) = case else { return };
        let blank = |fields: &[&str]| {
            let mut object = miniserde::json::Object::new();
            for field in fields {
                object.insert((*field).into(), Value::String(String::new()));
            }
            Value::Object(object)
        };
        let date = || blank(&["day", "month", "year"]);
        if let Some(Value::Object(person)) = case.get_mut("person") {
            for field in ["crn", "pnc_id", "other_names", "previous_addresses"] {
                person
                    .entry(field.into())
                    .or_insert_with(|| Value::String(String::new()));
            }
            person
                .entry("address".into())
                .or_insert_with(|| blank(&["line_1", "line_2", "town", "postcode"]));
        }
        if let Some(Value::Array(places)) = case.get_mut("places") {
            for place in places.iter_mut() {
                let Value::Object(place) = place else {
                    continue;
                };
                for people in ["residents", "visiting_children"] {
                    if let Some(Value::Array(people)) = place.get_mut(people) {
                        for one in people.iter_mut() {
                            if let Value::Object(one) = one {
                                one.entry("date_of_birth".into()).or_insert_with(date);
                            }
                        }
                    }
                }
            }
        }
    }
    if version < 5 {
        // Version 5: entries recorded before histories were linked are marked so; the first
        // entry linked after them holds a hash of them all. Nothing was signed before.
        let Value::Object(case) = case else { return };
        if let Some(Value::Array(events)) = case.get_mut("events") {
            for event in events.iter_mut() {
                if let Value::Object(event) = event {
                    event.insert("prev".into(), Value::String(super::attest::LEGACY.into()));
                    event
                        .entry("merged".into())
                        .or_insert_with(|| Value::String(String::new()));
                }
            }
        }
    }
}
