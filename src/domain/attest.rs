//! Who decided what, so that no one can quietly claim or rewrite it (issue 23).
//!
//! Two things are kept here, both pure so that `cargo test` checks them:
//! - **Signed decisions.** Each submission, gatekeeping decision and recorded outcome may carry
//!   its author's signature (`Signed`) over a canonical text (`decision_payload`): the case id,
//!   the act, who, when, the SHA-256 of the exact answers decided on, and what was written with
//!   it. The browser's Web Crypto signs and checks the text (ECDSA P-256); `judge` decides, from
//!   what that check found and the key the team's server registered for the person, whether the
//!   decision counts, and says why not in plain words.
//! - **A history that cannot be quietly rewritten.** Each entry of the trail carries the hash of
//!   the one before it (`prev`), and a merge entry the hash of the other side's last entry too
//!   (`merged`). `check_history` finds every entry whose links no longer hold: one removed,
//!   reordered, altered or duplicated shows up in the entries after it.

use miniserde::{Deserialize, Serialize, json};
use sha2::{Digest, Sha256};

use super::audit::{Role, User};
use super::case::{AuditEvent, Case, Decision, GatekeepingDecision, RecordedOutcome, Submission};
use super::choice::Choice;

/// The roles an administrator gives in CouchDB's `_users` (or the organisation's sign-in).
pub const ROLE_OFFICER: &str = "psc-officer";
pub const ROLE_SPO: &str = "psc-spo";
pub const ROLE_TRAINER: &str = "psc-trainer";

/// The person the team's server says is signed in, with the role its administrator gave: a
/// senior probation officer's role first, then a court officer's, then a trainer's. An account
/// given none of them is a court officer here (it cannot gatekeep).
pub fn user_from_server(name: &str, roles: &[String]) -> User {
    let has = |role: &str| roles.iter().any(|r| r == role);
    let role = if has(ROLE_SPO) {
        Role::Spo
    } else if has(ROLE_OFFICER) || !has(ROLE_TRAINER) {
        Role::CourtOfficer
    } else {
        Role::Trainer
    };
    User {
        name: name.to_string(),
        role,
    }
}

/// `prev` of an entry recorded before histories were linked (schema version 5). Such entries
/// may only come first; the first linked entry after them holds a hash of them all.
pub const LEGACY: &str = "before-linking";

/// Where every linked history starts.
const GENESIS: &str = "psc-history-v1";

pub const WHAT_JOINED: &str = "Brought together the histories of two versions of this case";

/// A person's signature, and what this device found when it checked it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Signed {
    /// The person's account on the team's server (CouchDB `/_session` name).
    pub account: String,
    /// Which of their keys: `key_id` of the public key registered for them.
    pub key: String,
    /// `answers_digest` of the case as decided.
    pub answers: String,
    /// The signature over `decision_payload` (or `entry_payload`), base64.
    pub value: String,
    /// Set by this device only, never taken from another: `true` once the signature verified
    /// against the person's registered key and they held the role the act needs.
    pub verified: bool,
    /// Why it does not count, once checked and found wanting (empty otherwise).
    pub problem: String,
}

/// The same signature whatever each device found when it checked it: two devices' copies of
/// one decision are one decision (merging histories and decisions relies on it).
impl PartialEq for Signed {
    fn eq(&self, other: &Self) -> bool {
        (&self.account, &self.key, &self.answers, &self.value)
            == (&other.account, &other.key, &other.answers, &other.value)
    }
}

impl Signed {
    /// Waiting for its author's signature: what a decision holds when it is made, with the
    /// answers it was made on. Without team sync it stays so: stated on this device.
    pub fn waiting(answers: String) -> Signed {
        Signed {
            answers,
            ..Default::default()
        }
    }

    /// Made on this device and not signed (no team sync, or not yet): it counts as it always
    /// did, as the person said on this device. A device that takes it from the team finds it
    /// not signed.
    pub fn stated(&self) -> bool {
        self.value.is_empty() && self.problem.is_empty() && !self.verified
    }

    /// Whether the decision counts, and why not: signed but not yet checked does not count.
    pub fn standing(&self) -> Result<(), String> {
        if self.verified || self.stated() {
            Ok(())
        } else if self.problem.is_empty() {
            Err("it has not been checked against the team's keys yet".into())
        } else {
            Err(self.problem.clone())
        }
    }

    /// Forgets any verdict that came with it: every device judges for itself.
    pub fn unchecked(&mut self) {
        self.verified = false;
        self.problem.clear();
    }
}

/// Whether a name on a decision or history entry is proved, as every page and the printed
/// record say it after the name.
pub fn standing_text(signed: Option<&Signed>) -> String {
    match signed {
        Some(s) if s.verified => "signature verified against the team's keys".into(),
        Some(s) if !s.problem.is_empty() => format!("not verified: {}", s.problem),
        Some(s) if !s.value.is_empty() => "signed, not yet checked against the team's keys".into(),
        _ => "only stated on the device where it was recorded".into(),
    }
}

/// What was decided, as it is signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    Submitted,
    Endorsed,
    Returned,
    Outcome(Decision),
    /// A history entry: any member of the team may record one.
    Recorded,
}

impl Act {
    pub fn key(self) -> String {
        match self {
            Act::Submitted => "submitted".into(),
            Act::Endorsed => "endorsed".into(),
            Act::Returned => "returned".into(),
            Act::Outcome(d) => format!("outcome:{}", d.key()),
            Act::Recorded => "entry".into(),
        }
    }

    /// The server roles any one of which lets a person do this.
    pub fn roles(self) -> &'static [&'static str] {
        match self {
            Act::Endorsed | Act::Returned => &[ROLE_SPO],
            Act::Submitted | Act::Outcome(_) => &[ROLE_OFFICER, ROLE_SPO],
            Act::Recorded => &[ROLE_OFFICER, ROLE_SPO, ROLE_TRAINER],
        }
    }

    /// As it reads after "is not" in a refusal.
    pub fn role_text(self) -> &'static str {
        match self {
            Act::Endorsed | Act::Returned => "a senior probation officer",
            Act::Submitted | Act::Outcome(_) => "a court officer or senior probation officer",
            Act::Recorded => "a member of the team",
        }
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let mut hex = String::with_capacity(64);
    for byte in Sha256::digest(bytes) {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// SHA-256 of every answer in the case (what `Case::content_fingerprint` covers): the exact
/// answers a decision was made on.
pub fn answers_digest(case: &Case) -> String {
    sha256_hex(json::to_string(&case.content()).as_bytes())
}

/// The text a decision's signature covers. A JSON array of strings, each field in its place:
/// the same decision always gives the same bytes, and no two decisions share them.
pub fn decision_payload(
    case_id: &str,
    act: Act,
    account: &str,
    at: &str,
    answers: &str,
    said: &[&str],
) -> String {
    let mut fields: Vec<String> = vec![
        "psc-decision-v1".into(),
        case_id.into(),
        act.key(),
        account.into(),
        at.into(),
        answers.into(),
    ];
    fields.extend(said.iter().map(|s| s.to_string()));
    json::to_string(&fields)
}

impl Submission {
    pub fn payload(&self, case_id: &str, signed: &Signed) -> String {
        decision_payload(
            case_id,
            Act::Submitted,
            &signed.account,
            &self.at,
            &signed.answers,
            &[&self.by, &self.note],
        )
    }
}

impl GatekeepingDecision {
    pub fn act(&self) -> Act {
        if self.endorsed {
            Act::Endorsed
        } else {
            Act::Returned
        }
    }

    pub fn payload(&self, case_id: &str, signed: &Signed) -> String {
        let mut said = vec![
            self.by.as_str(),
            self.fingerprint.as_str(),
            self.comments.as_str(),
        ];
        for c in &self.section_comments {
            said.push(&c.section);
            said.push(&c.comment);
        }
        decision_payload(
            case_id,
            self.act(),
            &signed.account,
            &self.at,
            &signed.answers,
            &said,
        )
    }
}

impl RecordedOutcome {
    pub fn payload(&self, case_id: &str, signed: &Signed) -> String {
        decision_payload(
            case_id,
            Act::Outcome(self.decision),
            &signed.account,
            &self.recorded_at,
            &signed.answers,
            &[&self.rationale],
        )
    }
}

/// A person's public key as the team's server holds it (their key document).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KeyRecord {
    pub account: String,
    /// The server roles the key document names (the server refuses one naming a role its
    /// user does not hold).
    pub roles: Vec<String>,
    /// The public key, SPKI, base64.
    pub public_key: String,
    /// When an administrator revoked it (the member left the team); empty while it stands.
    pub revoked: String,
}

/// A key's id: the first 16 bytes of the SHA-256 of its public key, in hex.
pub fn key_id(public_key: &str) -> String {
    sha256_hex(public_key.as_bytes())[..32].to_string()
}

/// What a device knows when it judges one signed decision.
pub struct Judged<'a> {
    pub act: Act,
    /// The person the decision names (its `by`).
    pub named: &'a str,
    /// When the decision says it was made.
    pub at: &'a str,
    /// The key registered on the team's server for the account that signed, if any.
    pub key: Option<&'a KeyRecord>,
    /// Whether Web Crypto verified the signature over the payload with that key.
    pub signature_valid: bool,
    /// Whether the case's outcome is recorded: a member who has left the team still stands
    /// behind what they decided before it was, but not behind anything not yet acted on.
    pub outcome_recorded: bool,
}

/// Whether a signed decision counts, and if not why, as a sentence's end ("The endorsement
/// could not be verified: …").
pub fn judge(signed: &Signed, j: &Judged) -> Result<(), String> {
    let Judged {
        act,
        named,
        at,
        key,
        signature_valid,
        outcome_recorded,
    } = *j;
    let account = signed.account.trim();
    if account.is_empty() || signed.value.is_empty() {
        return Err("it was not signed by anyone signed in to the team's server".into());
    }
    if !same_person(named, account) {
        return Err(format!(
            "it names {} but was signed by {account}",
            super::audit::name_in(named)
        ));
    }
    let Some(key) = key.filter(|k| k.account == account) else {
        return Err(format!(
            "no key is registered for {account} on the team's server"
        ));
    };
    if key_id(&key.public_key) != signed.key {
        return Err(format!(
            "it was signed with a key that is not {account}'s registered key"
        ));
    }
    if !signature_valid {
        return Err(
            "the signature does not match the decision: it was changed after it was signed".into(),
        );
    }
    let signed_after_leaving = at >= key.revoked.as_str();
    if !key.revoked.is_empty() && (signed_after_leaving || !outcome_recorded) {
        return Err(format!(
            "{account} has left the team: their key was revoked on {}",
            day_of(&key.revoked)
        ));
    }
    if !act.roles().iter().any(|r| key.roles.iter().any(|k| k == r)) {
        return Err(format!(
            "{account} is not {} on the team's server",
            act.role_text()
        ));
    }
    Ok(())
}

/// The day of a time stamp ("2026-12-06T09:30:00Z" gives "6 December 2026").
fn day_of(at: &str) -> String {
    at.get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map_or_else(|| at.to_string(), super::inputs::long_date)
}

/// Whether a decision's `by` ("Sam Spo (senior probation officer)") names an account.
fn same_person(named: &str, account: &str) -> bool {
    super::audit::name_in(named).eq_ignore_ascii_case(account.trim())
}

// ----- The linked history -----

/// The bytes an entry's hash covers: everything in it but its signature, which signs this hash
/// (and may be added after later entries were linked to it).
fn entry_bytes(e: &AuditEvent) -> String {
    let mut fields: Vec<&str> = vec![GENESIS, &e.prev, &e.merged, &e.at, &e.by, &e.what];
    for c in &e.changes {
        fields.extend([c.field.as_str(), &c.before, &c.after]);
    }
    json::to_string(&fields)
}

pub fn entry_hash(e: &AuditEvent) -> String {
    sha256_hex(entry_bytes(e).as_bytes())
}

/// The text an entry's signature covers.
pub fn entry_payload(e: &AuditEvent) -> String {
    format!("psc-entry-v1:{}", entry_hash(e))
}

/// What the first linked entry points back to: a hash over every entry before it (all from
/// before linking), or where every history starts.
fn start_of(earlier: &[AuditEvent]) -> String {
    earlier.iter().fold(sha256_hex(GENESIS.as_bytes()), |h, e| {
        sha256_hex(format!("{h}{}", entry_hash(e)).as_bytes())
    })
}

fn linked(e: &AuditEvent) -> bool {
    !e.prev.is_empty() && e.prev != LEGACY
}

/// The hash a new entry at the end would point back to.
pub fn head(events: &[AuditEvent]) -> String {
    match events.last() {
        Some(last) if linked(last) => entry_hash(last),
        _ => start_of(events),
    }
}

impl Case {
    /// Links every entry added since the last save to the one before it. Called before each
    /// save, so an entry is linked on the device that recorded it.
    pub fn link_history(&mut self) {
        self.link_history_from(0);
    }

    /// Links the entries from `start` on that are not linked yet: those just recorded.
    pub fn link_history_from(&mut self, start: usize) {
        for i in start..self.events.len() {
            if self.events[i].prev.is_empty() {
                self.events[i].prev = head(&self.events[..i]);
            }
        }
    }

    /// Records that two versions' histories were brought together: the entry points back to
    /// the last entry of both, so the history stays one chain. Nothing is added when one
    /// history already holds the other's last entry.
    pub fn join_histories(
        &mut self,
        ours: &[AuditEvent],
        theirs: &[AuditEvent],
        at: &str,
        by: &str,
    ) {
        let (Some(a), Some(b)) = (ours.last(), theirs.last()) else {
            return;
        };
        if !linked(a) || !linked(b) {
            return;
        }
        let (ha, hb) = (entry_hash(a), entry_hash(b));
        let holds = |events: &[AuditEvent], h: &str| events.iter().any(|e| entry_hash(e) == h);
        if holds(ours, &hb) || holds(theirs, &ha) {
            return;
        }
        self.events.push(AuditEvent {
            at: at.into(),
            by: by.into(),
            what: WHAT_JOINED.into(),
            changes: Vec::new(),
            prev: ha,
            merged: hb,
            signed: None,
        });
    }
}

/// What `check_history` found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HistoryCheck {
    /// Entries (numbered from 1, as shown) whose links no longer hold.
    pub broken: Vec<usize>,
    /// How many entries come from before histories were linked.
    pub legacy: usize,
}

impl HistoryCheck {
    pub fn intact(&self) -> bool {
        self.broken.is_empty()
    }
}

/// Checks every link of a history. An entry is broken when it points back to an entry that is
/// not before it, when it is a second copy of an entry, when an entry from before linking comes
/// after a linked one, or when no later entry points back to it although it is not the last
/// (a fork never brought together, or the entry after it removed or altered).
pub fn check_history(events: &[AuditEvent]) -> HistoryCheck {
    let legacy = events.iter().take_while(|e| e.prev == LEGACY).count();
    let start = start_of(&events[..legacy]);
    let hashes: Vec<String> = events.iter().map(entry_hash).collect();
    let mut broken = Vec::new();
    let mut pointed_to = vec![false; events.len()];
    for (i, e) in events.iter().enumerate().skip(legacy) {
        let earlier = |h: &str| (legacy..i).find(|&j| hashes[j] == h);
        let mut ok = linked(e) && !hashes[legacy..i].contains(&hashes[i]);
        if ok {
            let back = if i == legacy && e.prev == start {
                None
            } else {
                earlier(&e.prev)
            };
            match back {
                Some(j) => pointed_to[j] = true,
                None => ok = i == legacy && e.prev == start,
            }
        }
        if ok && !e.merged.is_empty() {
            match earlier(&e.merged) {
                Some(j) => pointed_to[j] = true,
                None => ok = false,
            }
        }
        if !ok {
            broken.push(i + 1);
        }
    }
    for (j, pointed) in pointed_to.iter().enumerate().skip(legacy) {
        if !pointed && j + 1 < events.len() && !broken.contains(&(j + 1)) {
            broken.push(j + 1);
        }
    }
    broken.sort_unstable();
    HistoryCheck { broken, legacy }
}

/// Entries of a history this device held (`known`) that a newer version no longer holds as
/// they were: removed or altered outside the app. Numbered from 1, as shown.
pub fn missing_entries(known: &[AuditEvent], newer: &[AuditEvent]) -> Vec<usize> {
    let hashes: Vec<String> = newer.iter().map(entry_hash).collect();
    known
        .iter()
        .enumerate()
        .filter(|(_, e)| linked(e) && !hashes.contains(&entry_hash(e)))
        .map(|(i, _)| i + 1)
        .collect()
}

// ----- What is signed on a case -----

/// Where on a case a signature sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Submission(usize),
    Decision(usize),
    /// The recorded outcome.
    Outcome,
    /// A "suitable" set aside when it stopped standing.
    Lapsed,
    Entry(usize),
}

/// One signed (or signable) thing on a case.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub target: Target,
    /// What it records.
    pub act: Act,
    /// Who it says made it (as `User::describe` writes).
    pub named: String,
    pub at: String,
    pub signed: Option<Signed>,
}

/// Every submission, gatekeeping decision, outcome and history entry of a case.
pub fn items(case: &Case) -> Vec<Item> {
    let g = &case.gatekeeping;
    let mut all = Vec::new();
    for (i, s) in g.submissions.iter().enumerate() {
        all.push(Item {
            target: Target::Submission(i),
            act: Act::Submitted,
            named: s.by.clone(),
            at: s.at.clone(),
            signed: s.signed.clone(),
        });
    }
    for (i, d) in g.decisions.iter().enumerate() {
        all.push(Item {
            target: Target::Decision(i),
            act: d.act(),
            named: d.by.clone(),
            at: d.at.clone(),
            signed: d.signed.clone(),
        });
    }
    let outcomes = [
        (Target::Outcome, &case.outcome.recorded),
        (Target::Lapsed, &case.outcome.lapsed),
    ];
    for (target, outcome) in outcomes {
        if let Some(r) = outcome {
            // An outcome names no one itself: its entry in the history does.
            let named = case
                .events
                .iter()
                .rev()
                .find(|e| e.what == super::WHAT_OUTCOME && e.at == r.recorded_at)
                .map(|e| e.by.clone())
                .unwrap_or_default();
            all.push(Item {
                target,
                act: Act::Outcome(r.decision),
                named,
                at: r.recorded_at.clone(),
                signed: r.signed.clone(),
            });
        }
    }
    for (i, e) in case.events.iter().enumerate() {
        all.push(Item {
            target: Target::Entry(i),
            act: Act::Recorded,
            named: e.by.clone(),
            at: e.at.clone(),
            signed: e.signed.clone(),
        });
    }
    all
}

/// The text the signature at `target` covers, signed as `signed` says.
pub fn payload(case: &Case, target: Target, signed: &Signed) -> Option<String> {
    let g = &case.gatekeeping;
    Some(match target {
        Target::Submission(i) => g.submissions.get(i)?.payload(&case.id, signed),
        Target::Decision(i) => g.decisions.get(i)?.payload(&case.id, signed),
        Target::Outcome => case.outcome.recorded.as_ref()?.payload(&case.id, signed),
        Target::Lapsed => case.outcome.lapsed.as_ref()?.payload(&case.id, signed),
        Target::Entry(i) => entry_payload(case.events.get(i)?),
    })
}

/// The signature at `target`, to set.
pub fn signature_mut(case: &mut Case, target: Target) -> Option<&mut Option<Signed>> {
    let g = &mut case.gatekeeping;
    Some(match target {
        Target::Submission(i) => &mut g.submissions.get_mut(i)?.signed,
        Target::Decision(i) => &mut g.decisions.get_mut(i)?.signed,
        Target::Outcome => &mut case.outcome.recorded.as_mut()?.signed,
        Target::Lapsed => &mut case.outcome.lapsed.as_mut()?.signed,
        Target::Entry(i) => &mut case.events.get_mut(i)?.signed,
    })
}

/// What `account` has yet to sign with key `key`: each decision they made on this device, and
/// each history entry they recorded once it is linked. Each comes with the signature to
/// complete (everything but its value) and the text to sign.
pub fn to_sign(case: &Case, account: &str, key: &str) -> Vec<(Target, Signed, String)> {
    items(case)
        .into_iter()
        .filter(|item| same_person(&item.named, account))
        .filter_map(|item| {
            let answers = match (item.act, &item.signed) {
                (Act::Recorded, None) => {
                    let Target::Entry(i) = item.target else {
                        return None;
                    };
                    if !linked(&case.events[i]) {
                        return None;
                    }
                    String::new()
                }
                (Act::Recorded, Some(_)) => return None,
                (_, Some(s)) if s.stated() && s.account.is_empty() => s.answers.clone(),
                _ => return None,
            };
            let signed = Signed {
                account: account.to_string(),
                key: key.to_string(),
                answers,
                ..Default::default()
            };
            let text = payload(case, item.target, &signed)?;
            Some((item.target, signed, text))
        })
        .collect()
}
