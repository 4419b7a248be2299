//! The stored form of a case, kept apart from the browser so it is tested natively.
//!
//! Every record carries `schema_version`. A record from a newer app, or one that cannot be read,
//! is reported, never dropped: the caller keeps the raw text.

use miniserde::json::{self, Value};
use miniserde::{Deserialize, Serialize};

use crate::domain::Case;

// The case format's version and its migrations are domain knowledge (an import checks them
// too): they live in `domain::format`. This module stores and reads cases in that format.
pub use crate::domain::format::{SCHEMA_VERSION, migrate};

#[derive(Serialize)]
struct Stored {
    schema_version: u32,
    case: Case,
}

/// Read first, to learn the version (and, cheaply, the revision and whether the record is sealed)
/// before reading the case itself.
#[derive(Deserialize)]
struct Envelope {
    schema_version: u32,
    /// Sealed records keep their revision here.
    revision: Option<u64>,
    sealed: Option<String>,
}

/// Plain records keep their revision inside the case.
#[derive(Deserialize)]
struct PlainRevision {
    case: RevisionOnly,
}

#[derive(Deserialize)]
struct RevisionOnly {
    revision: u64,
}

fn envelope(text: &str) -> Option<Envelope> {
    json::from_str(text).ok()
}

#[derive(Deserialize)]
struct StoredCurrent {
    case: Case,
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or not a stored case.
    Unreadable(String),
    /// Written by a newer release of the app.
    NewerVersion(u32),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Unreadable(why) => write!(f, "it could not be read: {why}"),
            DecodeError::NewerVersion(v) => {
                write!(
                    f,
                    "it was saved by a newer version of this app (format {v}); this version reads up to format {SCHEMA_VERSION}"
                )
            }
        }
    }
}

pub fn encode(case: &Case) -> String {
    // miniserde serialises owned values only; a case is a few kilobytes, so the clone is cheap.
    json::to_string(&Stored {
        schema_version: SCHEMA_VERSION,
        case: case.clone(),
    })
}

pub fn decode(text: &str) -> Result<Case, DecodeError> {
    let unreadable = || DecodeError::Unreadable("it is not a complete case record".into());
    let version = envelope(text).ok_or_else(unreadable)?.schema_version;
    if version > SCHEMA_VERSION {
        return Err(DecodeError::NewerVersion(version));
    }
    if version == SCHEMA_VERSION {
        let stored: StoredCurrent = json::from_str(text).map_err(|_| unreadable())?;
        return Ok(stored.case);
    }
    // An older record: migrate its JSON, then read it as the current version.
    let Ok(Value::Object(mut record)) = json::from_str::<Value>(text) else {
        return Err(unreadable());
    };
    let mut case = record.remove("case").ok_or_else(unreadable)?;
    migrate(version, &mut case);
    json::from_str(&json::to_string(&case)).map_err(|_| unreadable())
}

/// Why a set-aside record could not be read, told from its envelope alone (the case list shows
/// it without reading any case in full).
pub fn why_set_aside(text: &str) -> String {
    match envelope(text) {
        Some(e) if e.schema_version > SCHEMA_VERSION => {
            DecodeError::NewerVersion(e.schema_version).to_string()
        }
        Some(e) if e.sealed.is_some() => {
            "it is protected with a passphrase, and could not be opened with the one given on this device".into()
        }
        _ => DecodeError::Unreadable("it is not a complete case record".into()).to_string(),
    }
}

/// A case sealed with the passphrase (see `lock.js`): the revision stays readable, so a tab can
/// still tell whether another tab saved a newer version without the key.
#[derive(Serialize)]
struct SealedRecord {
    schema_version: u32,
    revision: u64,
    sealed: String,
}

pub fn encode_sealed(revision: u64, sealed: String) -> String {
    json::to_string(&SealedRecord {
        schema_version: SCHEMA_VERSION,
        revision,
        sealed,
    })
}

/// The sealed part of a sealed record, or `None` for a plain one.
pub fn sealed_part(text: &str) -> Option<String> {
    envelope(text)?.sealed
}

/// The revision of a stored case, plain or sealed, read without reading the rest of it.
pub fn stored_revision(text: &str) -> Option<u64> {
    match envelope(text)?.revision {
        Some(revision) => Some(revision),
        None => json::from_str::<PlainRevision>(text)
            .ok()
            .map(|p| p.case.revision),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_round_trips() {
        let mut case = Case::blank("c1", "2026-11-23T10:00:00");
        case.person.name = "Alex <b>Example</b> \u{202e}".into();
        case.add_place();
        assert_eq!(decode(&encode(&case)), Ok(case));
    }

    #[test]
    fn the_revision_is_read_on_its_own() {
        let mut case = Case::blank("c1", "now");
        case.revision = 41;
        assert_eq!(stored_revision(&encode(&case)), Some(41));
        assert_eq!(stored_revision("{\"case\":{}}"), None);
        assert_eq!(stored_revision("not json"), None);
    }

    #[test]
    fn sealed_records_keep_their_revision_readable() {
        let text = encode_sealed(9, "{\"salt\":\"a\",\"iv\":\"b\",\"data\":\"c\"}".into());
        assert_eq!(stored_revision(&text), Some(9));
        assert_eq!(
            sealed_part(&text).as_deref(),
            Some("{\"salt\":\"a\",\"iv\":\"b\",\"data\":\"c\"}")
        );
        assert!(
            matches!(decode(&text), Err(DecodeError::Unreadable(_))),
            "a sealed record is not read as a plain one"
        );
        assert_eq!(sealed_part(&encode(&Case::blank("c", "now"))), None);
    }

    #[test]
    fn bad_records_are_reported() {
        assert!(matches!(
            decode("{\"schema_version\":1,\"case\":"),
            Err(DecodeError::Unreadable(_))
        ));
        assert!(matches!(decode("null"), Err(DecodeError::Unreadable(_))));
        assert!(matches!(
            decode("{\"schema_version\":1,\"case\":{\"revision\":\"x\"}}"),
            Err(DecodeError::Unreadable(_))
        ));
        assert_eq!(
            decode("{\"schema_version\":9,\"case\":{}}"),
            Err(DecodeError::NewerVersion(9))
        );
    }
}
