//! Handing cases between devices: one JSON file with a format version and a SHA-256 checksum.
//!
//! Import checks everything before anything is stored, and explains each refusal in plain words.
//! Deciding what to do with a case that is already on the device is the caller's (the user's)
//! choice: nothing here overwrites anything.

use std::fmt;

use miniserde::json::{self, Number, Value};
use sha2::{Digest, Sha256};

use super::audit::differences;
use super::case::*;
use super::format::{SCHEMA_VERSION, migrate};

pub const FORMAT: &str = "pre-sentence-safeguarding-checks";
pub const FORMAT_VERSION: u64 = 1;
/// Far more than a thousand cases with long audit trails; a larger file is not one of ours.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// Why a file was refused. Each reads as a sentence for the person importing it.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    TooLarge(usize),
    NotJson,
    NotACaseFile,
    WrongFormatVersion(u64),
    NewerCases(u64),
    ChecksumMismatch,
    NoCases,
    /// A case that cannot be read: its position, name and what is wrong.
    BadCase(usize, String, String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge(n) => write!(
                f,
                "The file is too large ({} MB). A case file from this app is at most 5 MB",
                // Whole megabytes, rounded up: formatting fractions would add to the download.
                n.div_ceil(1_048_576)
            ),
            ImportError::NotJson => f.write_str(
                "The file is not a case file: it is not in the JSON format this app exports",
            ),
            ImportError::NotACaseFile => f.write_str(
                "The file is not a case file from this app: it does not say it holds pre-sentence checks",
            ),
            ImportError::WrongFormatVersion(v) => write!(
                f,
                "The file is in format version {v}, which this version of the app cannot read (it reads version {FORMAT_VERSION})"
            ),
            ImportError::NewerCases(v) => write!(
                f,
                "The file was exported by a newer version of this app (case format {v}). Update the app on this device, then import it again"
            ),
            ImportError::ChecksumMismatch => f.write_str(
                "The file has been changed or damaged since it was exported: its checksum does not match its contents. Ask for it to be exported again",
            ),
            ImportError::NoCases => f.write_str("The file holds no cases"),
            ImportError::BadCase(n, name, why) => {
                write!(f, "Case {n} in the file ({name}) cannot be imported: {why}")
            }
        }
    }
}

/// What an import found: the cases, and who exported them when.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub cases: Vec<Case>,
    pub exported_by: String,
    pub exported_at: String,
}

/// The export file for these cases.
pub fn export(cases: &[Case], by: &str, at: &str) -> String {
    let list: Value = json::from_str(&json::to_string(&cases.to_vec())).unwrap_or(Value::Null);
    export_values(list, u64::from(SCHEMA_VERSION), by, at)
}

/// An export file of cases given as JSON (`list`, an array), written in `schema_version`'s form.
/// Tests use it to build files an older or a tampered app might have written.
pub fn export_values(list: Value, schema_version: u64, by: &str, at: &str) -> String {
    let canonical = json::to_string(&list);
    format!(
        "{{\"format\":{},\"format_version\":{FORMAT_VERSION},\"schema_version\":{schema_version},\"exported_by\":{},\"exported_at\":{},\"checksum\":{},\"cases\":{canonical}}}",
        json::to_string(FORMAT),
        json::to_string(by),
        json::to_string(at),
        json::to_string(&checksum(&canonical)),
    )
}

/// "sha256:" and the hex digest of the cases as written in their canonical form.
fn checksum(canonical: &str) -> String {
    let digest = Sha256::digest(canonical.as_bytes());
    let mut hex = String::from("sha256:");
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// Reads and checks an export file completely. Nothing is stored here.
pub fn import(text: &str) -> Result<Incoming, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    let file: Value = json::from_str(text).map_err(|_| ImportError::NotJson)?;
    let Value::Object(file) = file else {
        return Err(ImportError::NotACaseFile);
    };
    let text_of = |key: &str| match file.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    };
    if text_of("format").as_deref() != Some(FORMAT) {
        return Err(ImportError::NotACaseFile);
    }
    match file.get("format_version").map(whole_number) {
        Some(Some(FORMAT_VERSION)) => {}
        Some(Some(other)) => return Err(ImportError::WrongFormatVersion(other)),
        _ => return Err(ImportError::NotACaseFile),
    }
    let Some(Value::Array(list)) = file.get("cases") else {
        return Err(ImportError::NotACaseFile);
    };
    let canonical = json::to_string(&Value::Array(list.clone()));
    if text_of("checksum") != Some(checksum(&canonical)) {
        return Err(ImportError::ChecksumMismatch);
    }
    let Some(schema) = file.get("schema_version").and_then(whole_number) else {
        return Err(ImportError::NotACaseFile);
    };
    if schema > u64::from(SCHEMA_VERSION) {
        return Err(ImportError::NewerCases(schema));
    }
    if list.is_empty() {
        return Err(ImportError::NoCases);
    }
    let template: Value = json::from_str(&json::to_string(&template())).unwrap_or(Value::Null);
    let mut cases: Vec<Case> = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let mut item = item.clone();
        let name = match &item {
            Value::Object(o) => match o.get("person") {
                Some(Value::Object(p)) => match p.get("name") {
                    Some(Value::String(n)) if !n.trim().is_empty() => n.trim().to_string(),
                    _ => "no name".into(),
                },
                _ => "no name".into(),
            },
            _ => "not a case".into(),
        };
        let bad = |why: String| ImportError::BadCase(i + 1, name.clone(), why);
        migrate(schema as u32, &mut item);
        let case: Case = json::from_str(&json::to_string(&item)).map_err(|_| {
            bad(first_problem(&template, &item, "")
                .unwrap_or_else(|| "one of its answers is not an option this app knows".into()))
        })?;
        if let Some(why) = impossible(&case) {
            return Err(bad(why));
        }
        if cases.iter().any(|c| c.id == case.id) {
            return Err(bad("another case in the file has the same reference".into()));
        }
        cases.push(case);
    }
    Ok(Incoming {
        cases,
        exported_by: text_of("exported_by").unwrap_or_default(),
        exported_at: text_of("exported_at").unwrap_or_default(),
    })
}

/// A JSON number that is a whole number, such as a version.
pub fn whole_number(v: &Value) -> Option<u64> {
    match v {
        Value::Number(Number::U64(n)) => Some(*n),
        _ => None,
    }
}

/// A case with one of every list item, to compare an unreadable case against.
fn template() -> Case {
    let mut case = Case::blank("template", "");
    case.add_order();
    case.add_cs_enquiry();
    let place = case.add_place();
    case.add_resident(place);
    case.add_visiting_child(place);
    case.add_window();
    case.append_event("", "", "", vec![<Change as Default>::default()]);
    case.gatekeeping
        .submissions
        .push(<Submission as Default>::default());
    case.gatekeeping.decisions.push(GatekeepingDecision {
        endorsed: false,
        by: String::new(),
        at: String::new(),
        comments: String::new(),
        fingerprint: String::new(),
        section_comments: vec![<SectionComment as Default>::default()],
        signed: None,
    });
    case.gatekeeping
        .draft
        .section_comments
        .push(<SectionComment as Default>::default());
    case
}

/// The first field that is missing, or holds the wrong kind of value, compared with `template`.
fn first_problem(template: &Value, got: &Value, path: &str) -> Option<String> {
    let kind = |v: &Value| match v {
        Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Number(_) => 2,
        Value::String(_) => 3,
        Value::Array(_) => 4,
        Value::Object(_) => 5,
    };
    let at = |p: &str| {
        if p.is_empty() {
            "the case itself".to_string()
        } else {
            format!("\"{p}\"")
        }
    };
    match (template, got) {
        // Optional answers may hold anything readable, or nothing.
        (Value::Null, _) => None,
        (Value::Object(t), Value::Object(g)) => t.iter().find_map(|(key, tv)| {
            let sub = if path.is_empty() {
                key.replace('_', " ")
            } else {
                format!("{path}, {}", key.replace('_', " "))
            };
            match g.get(key) {
                None if !matches!(tv, Value::Null) => Some(format!("{} is missing", at(&sub))),
                None => None,
                Some(gv) => first_problem(tv, gv, &sub),
            }
        }),
        (Value::Array(t), Value::Array(g)) => t.first().and_then(|tv| {
            g.iter()
                .enumerate()
                .find_map(|(i, gv)| first_problem(tv, gv, &format!("{path} {}", i + 1)))
        }),
        (t, g) if kind(t) != kind(g) => Some(format!("{} holds the wrong kind of value", at(path))),
        _ => None,
    }
}

/// Values no version of this app writes.
fn impossible(case: &Case) -> Option<String> {
    // "new" is the id of the unsaved draft on the create page.
    if case.id.trim().is_empty() || case.id == "new" {
        return Some("it has no reference".into());
    }
    let mut ids: Vec<u32> = case.offences.iter().map(|x| x.id).collect();
    ids.extend(case.orders.iter().map(|x| x.id));
    ids.extend(case.childrens_services.iter().map(|x| x.id));
    ids.extend(case.schedule.windows.iter().map(|x| x.id));
    for p in &case.places {
        ids.push(p.id);
        ids.extend(p.residents.iter().map(|x| x.id));
        ids.extend(p.visiting_children.iter().map(|x| x.id));
    }
    let highest = ids.iter().copied().max().unwrap_or(0);
    ids.sort_unstable();
    ids.dedup();
    let total = case.offences.len()
        + case.orders.len()
        + case.childrens_services.len()
        + case.schedule.windows.len()
        + case
            .places
            .iter()
            .map(|p| 1 + p.residents.len() + p.visiting_children.len())
            .sum::<usize>();
    if ids.len() != total || highest > case.next_id {
        return Some("two of its entries share a number, so they could be mixed up".into());
    }
    None
}

/// How a case already on this device differs from the one in the file.
pub fn compare(ours: &Case, theirs: &Case) -> Vec<Change> {
    let mut changes = differences(ours, theirs);
    if ours.events.len() != theirs.events.len() {
        changes.push(Change {
            field: "Entries in the history".into(),
            before: ours.events.len().to_string(),
            after: theirs.events.len().to_string(),
        });
    }
    changes
}

/// A case from the file, made ready to store: under `id`, with a revision above any this device
/// has seen for it, and the import recorded in its trail.
pub fn receive(
    mut case: Case,
    id: &str,
    revision_here: u64,
    what: &str,
    at: &str,
    by: &str,
) -> Case {
    case.id = id.into();
    case.revision = case.revision.max(revision_here) + 1;
    case.updated_at = at.into();
    // What the file says was verified is not taken: this device checks for itself (with team
    // sync, against the team's keys), and until then a signed decision does not count.
    for item in super::attest::items(&case) {
        if let Some(Some(signed)) = super::attest::signature_mut(&mut case, item.target)
            && !signed.value.is_empty()
        {
            signed.unchecked();
        }
    }
    let received = case.events.len();
    case.append_event(at, by, what, Vec::new());
    case.link_history_from(received);
    case
}
