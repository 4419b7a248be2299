//! The audit trail: who recorded what, when, with each answer before and after.
//!
//! Events are only ever appended to a case (`Case::append_event`); nothing edits or removes one
//! except deleting the whole case. Changes to answers are found by comparing two versions of the
//! case field by field, so every answer is covered without listing them here.

use miniserde::json::{self, Number, Value};

use super::attest::Signed;
use super::case::*;
use super::choice::{Choice, choice};
use super::rules::gatekeeping_status;

choice!(Role {
    CourtOfficer("court_officer", "Court officer"),
    Spo("spo", "Senior probation officer or qualified probation officer", "Gatekeeps cases: endorses them or returns them with comments"),
    Trainer("trainer", "Trainer"),
});

/// Whoever uses this device, as they said once. A view, not security: the device's own login
/// decides who can open the app.
#[derive(Clone, Debug, PartialEq, miniserde::Serialize, miniserde::Deserialize)]
pub struct User {
    pub name: String,
    pub role: Role,
}

impl Role {
    /// As it follows a name in the audit trail.
    fn in_trail(self) -> &'static str {
        match self {
            Role::CourtOfficer => "court officer",
            Role::Spo => "senior probation officer",
            Role::Trainer => "trainer",
        }
    }
}

impl User {
    /// As stored: the JSON `miniserde` writes for a `User`, written here by hand because the
    /// first page a new device shows stores it, and the JSON writer would otherwise come into
    /// that page's download (issue 20). Read back with `miniserde` (tested).
    pub fn to_json(&self) -> String {
        use crate::domain::choice::Choice;
        let mut name = String::with_capacity(self.name.len() + 2);
        name.push('"');
        for c in self.name.chars() {
            match c {
                '"' => name.push_str("\\\""),
                '\\' => name.push_str("\\\\"),
                c if (c as u32) < 0x20 => name.push_str(&format!("\\u{:04x}", c as u32)),
                c => name.push(c),
            }
        }
        name.push('"');
        format!(r#"{{"name":{name},"role":"{}"}}"#, self.role.key())
    }

    /// How the user is named in the audit trail and on decisions.
    pub fn describe(&self) -> String {
        format!("{} ({})", self.name.trim(), self.role.in_trail())
    }
}

/// The name in a `User::describe` text ("Casey Officer (court officer)" gives "Casey Officer").
pub fn name_in(described: &str) -> &str {
    Role::all()
        .iter()
        .find_map(|r| described.strip_suffix(&format!(" ({})", r.in_trail())))
        .unwrap_or(described)
        .trim()
}

pub const WHAT_CHANGED: &str = "Changed answers";
pub const WHAT_CREATED: &str = "Created the case";
pub const WHAT_REVOKED: &str =
    "Endorsement revoked: the case changed after the senior probation officer endorsed it";

impl Case {
    /// Adds an event at the end of the trail: the only way the trail grows.
    pub fn append_event(&mut self, at: &str, by: &str, what: &str, changes: Vec<Change>) {
        self.events.push(AuditEvent {
            at: at.into(),
            by: by.into(),
            what: what.into(),
            changes,
            ..Default::default()
        });
    }
}

/// The history of a case changed on two devices while they were apart: every event from either,
/// once each (the history they shared appears in both), in time order. Each side's own order is
/// kept; two events of the same second from different sides go in a fixed order, so every
/// device merges the same histories the same way.
pub fn merge_histories(ours: &[AuditEvent], theirs: &[AuditEvent]) -> Vec<AuditEvent> {
    // One entry is the same entry on both sides whether or not one side has its signature yet
    // (a linked entry is known by its hash, which the signature does not change); the signed
    // copy is kept.
    let key = |e: &AuditEvent| {
        let mut bare = e.clone();
        bare.signed = None;
        bare
    };
    let our_keys: Vec<AuditEvent> = ours.iter().map(key).collect();
    let mut ours: Vec<AuditEvent> = ours.to_vec();
    // Theirs that ours does not hold: matched one for one, so an event that happened twice
    // is kept twice.
    let mut matched = vec![false; ours.len()];
    let only_theirs: Vec<&AuditEvent> = theirs
        .iter()
        .filter(|event| {
            let bare = key(event);
            let twin = (0..ours.len()).find(|&i| !matched[i] && our_keys[i] == bare);
            if let Some(i) = twin {
                matched[i] = true;
                if ours[i].signed.is_none() {
                    ours[i].signed.clone_from(&event.signed);
                }
            }
            twin.is_none()
        })
        .collect();
    let order = |e: &AuditEvent| {
        (
            e.at.clone(),
            e.by.clone(),
            e.what.clone(),
            format!("{:?}", e.changes),
        )
    };
    let mut merged = Vec::with_capacity(ours.len() + only_theirs.len());
    let (mut a, mut b) = (ours.iter().peekable(), only_theirs.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if order(x) <= order(y) => a.next(),
            (Some(_), Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, Some(_)) => b.next(),
            (None, None) => break,
        };
        merged.extend(next.cloned());
    }
    merged
}

pub const WHAT_SETTLED: &str = "Settled two versions changed on different devices at the same time: the answers below were the other version's, and were not kept";

/// A case changed on two devices while they were apart, settled by a person who kept one
/// version's answers (`kept`). Nothing else of either is lost: the history holds every event of
/// both, and gatekeeping every submission and decision of both, in time order; an event records
/// the other version's answers that were not kept. The rules then decide what stands: an
/// endorsement holds only if the answers kept are the ones the senior probation officer
/// endorsed, so an endorsement on one device and an edit on the other, with the edit kept, end
/// with the endorsement revoked, as on one device.
pub fn settle_versions(kept: &Case, other: &Case, at: &str, by: &str) -> Case {
    let mut settled = kept.clone();
    settled.events = merge_histories(&kept.events, &other.events);
    // The merged history stays one chain: an entry points back to both sides' last entries.
    let merged = settled.events.len();
    settled.join_histories(&kept.events, &other.events, at, by);
    let g = &mut settled.gatekeeping;
    g.submissions = union_in_time(
        &kept.gatekeeping.submissions,
        &other.gatekeeping.submissions,
        |s| &s.at,
        |s| &mut s.signed,
    );
    g.decisions = union_in_time(
        &kept.gatekeeping.decisions,
        &other.gatekeeping.decisions,
        |d| &d.at,
        |d| &mut d.signed,
    );
    g.requested_by_officer |= other.gatekeeping.requested_by_officer;
    // Ids given out on either device are never given out again.
    settled.next_id = kept.next_id.max(other.next_id);
    settled.updated_at = at.into();
    let dropped = differences(other, kept);
    if !dropped.is_empty() {
        settled.append_event(at, by, WHAT_SETTLED, dropped);
    }
    let was_endorsed = gatekeeping_status(kept).endorsed || gatekeeping_status(other).endorsed;
    if was_endorsed && gatekeeping_status(&settled).revoked {
        settled.append_event(at, by, WHAT_REVOKED, Vec::new());
    }
    // Recorded here, so linked here.
    settled.link_history_from(merged);
    settled
}

/// Both lists, each item once (one held by both counts once, whether or not one side has its
/// signature yet: the signed copy is kept), in time order; each side's own order is kept for
/// items of the same time.
fn union_in_time<T: Clone + PartialEq>(
    ours: &[T],
    theirs: &[T],
    at: impl Fn(&T) -> &String,
    signature: impl Fn(&mut T) -> &mut Option<Signed>,
) -> Vec<T> {
    let bare = |item: &T| {
        let mut bare = item.clone();
        *signature(&mut bare) = None;
        bare
    };
    let unsigned = |item: &T| {
        let mut copy = item.clone();
        signature(&mut copy)
            .as_ref()
            .is_none_or(|s| s.value.is_empty())
    };
    let mut all: Vec<T> = ours.to_vec();
    for item in theirs {
        match all.iter_mut().find(|x| bare(x) == bare(item)) {
            Some(twin) if unsigned(twin) && !unsigned(item) => *twin = item.clone(),
            Some(_) => {}
            None => all.push(item.clone()),
        }
    }
    all.sort_by(|a, b| at(a).cmp(at(b)));
    all
}

/// The events that record how `before` became `after`: the answers that changed and, if that
/// change undid an endorsement, the revocation. Gatekeeping steps and outcomes record their own
/// events where they happen.
pub fn events_between(before: &Case, after: &Case, at: &str, by: &str) -> Vec<AuditEvent> {
    let mut events = Vec::new();
    let changes = differences(before, after);
    if !changes.is_empty() {
        events.push(AuditEvent {
            at: at.into(),
            by: by.into(),
            what: WHAT_CHANGED.into(),
            changes,
            ..Default::default()
        });
    }
    if gatekeeping_status(before).endorsed && gatekeeping_status(after).revoked {
        events.push(AuditEvent {
            at: at.into(),
            by: by.into(),
            what: WHAT_REVOKED.into(),
            changes: Vec::new(),
            ..Default::default()
        });
    }
    events
}

/// Every answer that differs between two versions of a case, in a stable order. Bookkeeping
/// (ids, revision, timestamps), the trail itself and gatekeeping are left out.
pub fn differences(before: &Case, after: &Case) -> Vec<Change> {
    let (old, new) = (answers(before), answers(after));
    let mut changes = Vec::new();
    for (field, value) in &new {
        let was = old
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        if was != value {
            changes.push(change(field, was, value));
        }
    }
    for (field, value) in &old {
        if !value.is_empty() && !new.iter().any(|(f, _)| f == field) {
            changes.push(change(field, value, ""));
        }
    }
    changes
}

fn change(field: &str, before: &str, after: &str) -> Change {
    Change {
        field: field.into(),
        before: before.into(),
        after: after.into(),
    }
}

/// Each answer of a case as (readable path, readable value), blank answers left out.
fn answers(case: &Case) -> Vec<(String, String)> {
    let mut content = case.clone();
    content.id.clear();
    content.revision = 0;
    content.created_at.clear();
    content.updated_at.clear();
    content.next_id = 0;
    content.events.clear();
    content.gatekeeping = <Gatekeeping as Default>::default();
    content.outcome.recorded = None;
    content.outcome.lapsed = None;
    let value: Value = json::from_str(&json::to_string(&content)).unwrap_or(Value::Null);
    let mut out = Vec::new();
    flatten(&value, "", String::new(), &mut out);
    out
}

/// The fields that hold an option from a fixed list (stored as its key). Only these are shown
/// by label: free text that happens to equal a key ("high") is shown as typed.
const CHOICE_FIELDS: &[&str] = &[
    "report_type",
    "children",
    "public",
    "known_adult",
    "staff",
    "kind",
    "source",
    "sources",
    "outcome",
    "tenure",
    "assessed_by",
    "household_sources",
    "occupier",
    "method",
    "told",
    "decision",
    "length_unit",
    "clashes",
    "days",
    "selected",
];

fn flatten(value: &Value, key: &str, path: String, out: &mut Vec<(String, String)>) {
    let choice = CHOICE_FIELDS.contains(&key);
    let text = match value {
        Value::Object(fields) => {
            if let (Some(Value::String(d)), Some(Value::String(m)), Some(Value::String(y))) =
                (fields.get("day"), fields.get("month"), fields.get("year"))
            {
                // A date typed in three boxes reads as one answer.
                let date = [d, m, y].iter().any(|p| !p.trim().is_empty());
                date.then(|| format!("{}/{}/{}", d.trim(), m.trim(), y.trim()))
            } else {
                for (key, v) in fields.iter().filter(|(k, _)| *k != "id") {
                    // Initialisms keep their capitals in the history.
                    let name = match key.as_str() {
                        "crn" => "CRN".to_string(),
                        "pnc_id" => "PNC ID".to_string(),
                        _ => key.replace('_', " "),
                    };
                    let sub_key = key.as_str();
                    let sub = if path.is_empty() {
                        let mut n = name;
                        n[..1].make_ascii_uppercase();
                        n
                    } else {
                        format!("{path}, {name}")
                    };
                    flatten(v, sub_key, sub, out);
                }
                None
            }
        }
        Value::Array(items) if items.iter().all(|v| matches!(v, Value::String(_))) => {
            let words: Vec<String> = items.iter().map(|v| scalar(v, choice)).collect();
            (!words.is_empty()).then(|| words.join(", "))
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(v, "", format!("{path} {}", i + 1), out);
            }
            None
        }
        Value::Null => None,
        other => Some(scalar(other, choice)).filter(|s| !s.is_empty()),
    };
    if let Some(text) = text {
        out.push((path, text));
    }
}

fn scalar(value: &Value, choice: bool) -> String {
    match value {
        Value::Bool(true) => "Yes".into(),
        Value::Bool(false) => "No".into(),
        Value::String(s) => choice
            .then(|| choice_label(s))
            .flatten()
            .map(str::to_string)
            .unwrap_or_else(|| s.clone()),
        // Cases hold whole numbers only (revisions, ids); fractions are never stored.
        Value::Number(Number::U64(n)) => n.to_string(),
        Value::Number(Number::I64(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The label of a stored option key ("da_held" reads "Domestic abuse information held").
fn choice_label(key: &str) -> Option<&'static str> {
    fn find<C: Choice>(key: &str) -> Option<&'static str> {
        C::from_key(key).map(C::label)
    }
    find::<PoliceOutcome>(key)
        .or_else(|| find::<CsOutcome>(key))
        .or_else(|| find::<RoshLevel>(key))
        .or_else(|| find::<Source>(key))
        .or_else(|| find::<ReportType>(key))
        .or_else(|| find::<OrderKind>(key))
        .or_else(|| find::<Tenure>(key))
        .or_else(|| find::<OccupierKind>(key))
        .or_else(|| find::<AssessedBy>(key))
        .or_else(|| find::<ContactMethod>(key))
        .or_else(|| find::<Told>(key))
        .or_else(|| find::<ConsentDecision>(key))
        .or_else(|| find::<Day>(key))
        .or_else(|| find::<LengthUnit>(key))
        .or_else(|| find::<Clash>(key))
        .or_else(|| find::<Decision>(key))
}
