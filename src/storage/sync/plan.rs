//! What one round of replication should do, decided without the network or the browser (and
//! tested with `cargo test`, down to three devices and a server that loses answers): which
//! cases to send, the revision each gets, and what to do with each version the team's server
//! sends back.
//!
//! Each case shared with the team is one document on the server, under a random id. Every
//! version of it, deletions and closed branches included, is a `Sealed` envelope, sealed with
//! the team's key and bound to its document and revision, so the server can neither read nor
//! forge one. The envelope carries the case's lineage (the versions it replaces, and a count
//! that only rises), because the revision tree the server presents cannot be trusted: a device
//! takes a version only if its sealed lineage holds the version the device has, and refuses an
//! older one offered as current.

use miniserde::{Deserialize, Serialize, json};

use super::revs::{Rev, Revisions};

/// How many earlier versions an envelope names. A device further behind than this sees the
/// team's version as a conflict for a person to settle, never as a silent replacement.
pub const LINEAGE: usize = 16;

/// Sealed envelopes are padded to a multiple of this many bytes, so their size says little
/// about the case.
pub const PAD_STEP: usize = 4096;

/// What a version of a team document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The case as it stood.
    Case,
    /// The case deleted for the whole team.
    Deleted,
    /// A branch closed when a person settled a conflict (the settled version names it too).
    Closed,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::Case => "case",
            Kind::Deleted => "deleted",
            Kind::Closed => "closed",
        }
    }
}

/// A version's place in the case's lineage: the count (one more than the highest count it
/// replaces) and the versions it replaces, newest first (its parent, a version it settled, then
/// theirs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lineage {
    pub count: u64,
    pub after: Vec<Rev>,
}

impl Lineage {
    /// Whether `rev` is one of the versions this one replaces.
    pub fn replaces(&self, rev: &Rev) -> bool {
        self.after.contains(rev)
    }

    /// The lineage of a version made after `parent` (and settling `merged`, if given).
    fn next(parent: Option<&Held>, merged: Option<&Other>) -> Lineage {
        let mut after: Vec<Rev> = Vec::new();
        if let Some(p) = parent {
            after.push(p.team.clone());
        }
        if let Some(m) = merged {
            after.push(m.rev.clone());
        }
        let mut older: Vec<Rev> = parent.map(|p| p.after.clone()).unwrap_or_default();
        older.sort_by(|a, b| b.cmp(a));
        for rev in older {
            if !after.contains(&rev) {
                after.push(rev);
            }
        }
        after.truncate(LINEAGE);
        let count = parent
            .map(|p| p.count)
            .into_iter()
            .chain(merged.map(|m| m.count))
            .max()
            .unwrap_or(0)
            + 1;
        Lineage { count, after }
    }
}

/// What a sealed team document holds, once opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub kind: Kind,
    pub lineage: Lineage,
    /// The case's text (for `Kind::Case`).
    pub case: Option<String>,
    /// Who made this version, and when (as the device's user and clock said).
    pub by: String,
    pub at: String,
}

#[derive(Serialize, Deserialize)]
struct SealedJson {
    psc: u64,
    kind: String,
    count: u64,
    after: Vec<String>,
    case: Option<String>,
    by: String,
    at: String,
}

/// The envelope format this app writes and reads.
const ENVELOPE: u64 = 2;

impl Sealed {
    /// As sealed: JSON, padded with spaces to the next multiple of `PAD_STEP` bytes.
    pub fn encode(&self) -> String {
        let mut text = json::to_string(&SealedJson {
            psc: ENVELOPE,
            kind: self.kind.word().into(),
            count: self.lineage.count,
            after: self.lineage.after.iter().map(Rev::to_string).collect(),
            case: self.case.clone(),
            by: self.by.clone(),
            at: self.at.clone(),
        });
        let padded = text.len().div_ceil(PAD_STEP).max(1) * PAD_STEP;
        text.extend(std::iter::repeat_n(' ', padded - text.len()));
        text
    }

    /// Reads an opened envelope; `None` for anything this app does not write (a case, a
    /// deletion or a closing must each be whole).
    pub fn decode(text: &str) -> Option<Sealed> {
        let raw: SealedJson = json::from_str(text.trim_end()).ok()?;
        let kind = match raw.kind.as_str() {
            "case" => Kind::Case,
            "deleted" => Kind::Deleted,
            "closed" => Kind::Closed,
            _ => return None,
        };
        let after: Vec<Rev> = raw
            .after
            .iter()
            .map(|r| Rev::parse(r))
            .collect::<Option<_>>()?;
        let whole = raw.psc == ENVELOPE
            && raw.count >= 1
            && after.len() <= LINEAGE
            && (kind == Kind::Case) == raw.case.is_some()
            && (kind == Kind::Case || !after.is_empty());
        whole.then_some(Sealed {
            kind,
            lineage: Lineage {
                count: raw.count,
                after,
            },
            case: raw.case,
            by: raw.by,
            at: raw.at,
        })
    }
}

/// The version of a case this device holds, as the team knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Held {
    /// The case's local revision when it was last sent or taken.
    pub local: u64,
    /// The team revision that local revision is.
    pub team: Rev,
    pub count: u64,
    /// What that version replaces (its sealed lineage).
    pub after: Vec<Rev>,
}

/// Another version of a case, by its revision and count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Other {
    pub rev: Rev,
    pub count: u64,
}

/// A version this device sent whose arrival the server has not yet confirmed (its answer may
/// have been lost on the way): the case's local revision then, and the revision sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sent {
    pub local: u64,
    pub rev: Rev,
    /// It settled the conflict noted in `merge` (a person settled it before it was sent).
    pub merged: bool,
}

/// What this device knows of one case shared with the team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The team document's id (random: it says nothing about the case).
    pub doc: String,
    /// The version held here, once the team has it (`None` for a case sent but not yet
    /// confirmed, or a case here with the id of a team case it was never shared as).
    pub held: Option<Held>,
    /// Another version of the case on the team's server, made on another device while this one
    /// had changes of its own: both are kept until a person settles it.
    pub conflict: Option<Other>,
    pub sent: Option<Sent>,
    /// A conflict a person settled here: the next version sent replaces it too, and its branch
    /// is closed.
    pub merge: Option<Other>,
}

fn none_or<T>(value: &Option<T>, write: impl Fn(&T) -> String) -> String {
    value.as_ref().map_or_else(|| "-".to_string(), write)
}

fn other_text(o: &Other) -> String {
    format!("{}/{}", o.rev, o.count)
}

fn other_from(text: &str) -> Option<Option<Other>> {
    if text == "-" {
        return Some(None);
    }
    let (rev, count) = text.split_once('/')?;
    Some(Some(Other {
        rev: Rev::parse(rev)?,
        count: count.parse().ok()?,
    }))
}

impl Record {
    /// What a device knows of a team document it has just met: nothing yet.
    pub fn new(doc: &str) -> Record {
        Record {
            doc: doc.to_string(),
            held: None,
            conflict: None,
            sent: None,
            merge: None,
        }
    }

    /// As kept on the device: `doc held conflict sent merge`, each `-` when there is none.
    pub fn encode(&self) -> String {
        let held = none_or(&self.held, |h| {
            let after: Vec<String> = h.after.iter().map(Rev::to_string).collect();
            format!("{}/{}/{}/{}", h.local, h.team, h.count, after.join(","))
        });
        let sent = none_or(&self.sent, |s| {
            format!("{}/{}/{}", s.local, s.rev, if s.merged { "m" } else { "-" })
        });
        format!(
            "{} {held} {} {sent} {}",
            self.doc,
            none_or(&self.conflict, other_text),
            none_or(&self.merge, other_text)
        )
    }

    pub fn decode(text: &str) -> Option<Record> {
        let parts: Vec<&str> = text.split(' ').collect();
        let [doc, held, conflict, sent, merge] = parts[..] else {
            return None;
        };
        let held = match held {
            "-" => None,
            _ => {
                let mut bits = held.split('/');
                let local = bits.next()?.parse().ok()?;
                let team = Rev::parse(bits.next()?)?;
                let count = bits.next()?.parse().ok()?;
                let after = match bits.next()? {
                    "" => Vec::new(),
                    list => list.split(',').map(Rev::parse).collect::<Option<_>>()?,
                };
                bits.next().is_none().then_some(())?;
                Some(Held {
                    local,
                    team,
                    count,
                    after,
                })
            }
        };
        let sent = match sent {
            "-" => None,
            _ => {
                let mut bits = sent.split('/');
                let local = bits.next()?.parse().ok()?;
                let rev = Rev::parse(bits.next()?)?;
                let merged = match bits.next()? {
                    "m" => true,
                    "-" => false,
                    _ => return None,
                };
                bits.next().is_none().then_some(())?;
                Some(Sent { local, rev, merged })
            }
        };
        plain_id(doc).then_some(())?;
        Some(Record {
            doc: doc.to_string(),
            held,
            conflict: other_from(conflict)?,
            sent,
            merge: other_from(merge)?,
        })
    }

    /// The case's local revision the team has (none if the team has no version from here).
    pub fn local(&self) -> Option<u64> {
        self.held.as_ref().map(|h| h.local)
    }

    /// The version sent is on the server: it is what this device holds now.
    pub fn acknowledge(&mut self) {
        if let Some(sent) = self.sent.take() {
            let merged = if sent.merged { self.merge.take() } else { None };
            let lineage = Lineage::next(self.held.as_ref(), merged.as_ref());
            self.held = Some(Held {
                local: sent.local,
                team: sent.rev,
                count: lineage.count,
                after: lineage.after,
            });
        }
    }

    /// Whether the version sent arrived, as the server says: if so it is held here; if not,
    /// it is forgotten, and the case sent again.
    pub fn confirm(&mut self, arrived: bool) {
        if arrived {
            self.acknowledge();
        } else {
            self.sent = None;
        }
    }

    /// Whether the case is held back from the team until a person settles it: a case here
    /// with the id of a team case it was never shared as.
    pub fn held_back(&self) -> bool {
        self.held.is_none() && self.sent.is_none() && self.conflict.is_some()
    }

    /// A person settled the conflict here (the settled case is saved next): the next version
    /// sent replaces the other version too, and closes its branch.
    pub fn settle(&mut self) {
        if let Some(other) = self.conflict.take() {
            self.merge = Some(other);
        }
    }

    /// Whether `rev` is a version this device already has, or holds as the other version.
    pub fn knows(&self, rev: &Rev) -> bool {
        self.held.as_ref().is_some_and(|h| h.team == *rev)
            || self.conflict.as_ref().is_some_and(|c| c.rev == *rev)
    }
}

/// A team document id as this app makes them: 32 lowercase hex digits.
pub fn plain_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Cases with changes waiting to be sent: never sent, changed here since, or sent without the
/// server confirming it yet.
pub fn waiting(index: &[(String, u64)], record: impl Fn(&str) -> Option<Record>) -> Vec<&str> {
    index
        .iter()
        .filter(|(id, revision)| record(id).is_none_or(|r| r.local() != Some(*revision)))
        .map(|(id, _)| id.as_str())
        .collect()
}

/// A version to send, before its revision is named. The revision's hash is a keyed hash (the
/// team's, made in `team.js`) of `message()`: the same change sent twice, its answer lost on
/// the way, gets the same revision, so the server keeps one copy and the device knows it for
/// its own; and the server, without the key, cannot test a guess at a case against it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub parent: Option<Rev>,
    pub kind: Kind,
    pub lineage: Lineage,
    pub case: Option<String>,
}

impl Draft {
    /// The case as it now stands here, after the version the team has (and settling the
    /// version a person chose between, if any).
    pub fn edit(record: Option<&Record>, case: String) -> Draft {
        let held = record.and_then(|r| r.held.as_ref());
        let merge = record.and_then(|r| r.merge.as_ref());
        Draft {
            // A case here never shared as the team's: it follows the team's version it settled.
            parent: held
                .map(|h| h.team.clone())
                .or(merge.map(|m| m.rev.clone())),
            kind: Kind::Case,
            lineage: Lineage::next(held, merge),
            case: Some(case),
        }
    }

    /// Deletes the case for the whole team: a deletion after the version held here, and the
    /// closing of the other version's branch if there is one (settled or not), so that no
    /// version of it is left standing from here. Nothing while the team has no version from
    /// here.
    pub fn deletion(record: &Record) -> Vec<Draft> {
        let Some(held) = &record.held else {
            return Vec::new();
        };
        let other = record.merge.as_ref().or(record.conflict.as_ref());
        let mut drafts = vec![Draft {
            parent: Some(held.team.clone()),
            kind: Kind::Deleted,
            lineage: Lineage::next(Some(held), other),
            case: None,
        }];
        drafts.extend(other.map(Draft::closing));
        drafts
    }

    /// Closes the branch of a version a person settled against.
    pub fn closing(other: &Other) -> Draft {
        Draft {
            parent: Some(other.rev.clone()),
            kind: Kind::Closed,
            lineage: Lineage {
                count: other.count + 1,
                after: vec![other.rev.clone()],
            },
            case: None,
        }
    }

    /// What the revision's keyed hash is taken over: everything but who and when, so the same
    /// change always has the same name.
    pub fn message(&self) -> String {
        let after: Vec<String> = self.lineage.after.iter().map(Rev::to_string).collect();
        format!(
            "psc revision\n{}\n{}\n{}\n{}",
            self.kind.word(),
            self.lineage.count,
            after.join(","),
            self.case.as_deref().unwrap_or_default()
        )
    }

    /// The revision (named by `hash`, the keyed hash of `message()`) and its envelope.
    pub fn finish(self, hash: &str, by: &str, at: &str) -> (Rev, Sealed) {
        let rev = Rev::after(self.parent.as_ref(), &hash[..hash.len().min(32)]);
        let sealed = Sealed {
            kind: self.kind,
            lineage: self.lineage,
            case: self.case,
            by: by.to_string(),
            at: at.to_string(),
        };
        (rev, sealed)
    }
}

/// The path a sent revision carries (`_revisions`): itself and its parent, enough for the server
/// to place it in the document's tree.
pub fn path_of(rev: &Rev, parent: Option<&Rev>) -> Revisions {
    let mut ids = vec![rev.hash.clone()];
    if let Some(parent) = parent {
        ids.push(parent.hash.clone());
    }
    Revisions {
        start: rev.generation,
        ids,
    }
}

/// What the additional data of a sealed team document says: which document and revision it is.
/// A server that moves one case's sealed text under another document, or gives it back as
/// another revision, hands over something that does not open.
pub fn binding(doc: &str, rev: &Rev) -> String {
    format!("psc team {doc} revision {rev}")
}

/// A version of a team document as it arrived: its revision, whether the server calls it a
/// deletion, and what it held if it opened with the team's key as that document and revision
/// (and, for a case, as the case this document carries).
#[derive(Clone, Debug)]
pub struct Offered<C> {
    pub rev: Rev,
    pub deleted: bool,
    pub opened: Option<(Sealed, Option<C>)>,
}

/// Why a version from the team's server was not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// It did not open with the team's key as what it claims to be.
    Unreadable,
    /// A deletion or closing not sealed with the team's key: made outside the app.
    Unsealed,
    /// An older version of the case offered as the current one.
    Rollback,
}

/// What to do with one team document's new versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step<C> {
    /// What this device knows of the case afterwards (`None`: nothing; it is forgotten).
    pub record: Option<Record>,
    /// Store this case here (as the next local revision).
    pub take: Option<C>,
    /// The case was deleted for the whole team: delete it here.
    pub delete: bool,
    pub refused: Vec<(Rev, Refusal)>,
}

/// Decides what one team document's new versions (its leaves on the server that this device
/// has not seen) mean here, given what this device knows of the case and the case's stored
/// local revision (`None` if not here). Nothing the server says about the tree is trusted: only
/// the sealed lineage of each version.
pub fn decide<C>(
    doc: &str,
    record: Option<Record>,
    stored: Option<u64>,
    offered: Vec<Offered<C>>,
) -> Step<C> {
    let mut refused = Vec::new();
    let mut record = record;
    // This device's own version, sent but never confirmed: on the server after all (or already
    // replaced there), so it is the version held here.
    if let Some(r) = record.as_mut()
        && let Some(sent) = &r.sent
        && offered.iter().any(|o| match &o.opened {
            Some((sealed, _)) => o.rev == sent.rev || sealed.lineage.replaces(&sent.rev),
            None => false,
        })
    {
        r.acknowledge();
    }
    let held = record.as_ref().and_then(|r| r.held.clone());
    let changed_here = match (&held, stored) {
        (Some(h), Some(s)) => s != h.local,
        (None, Some(_)) => true,
        (_, None) => false,
    };
    let mut closed: Vec<Rev> = Vec::new();
    let mut deleted = false;
    let mut newer: Vec<(Other, Vec<Rev>, Option<C>)> = Vec::new();
    let mut siblings: Vec<Other> = Vec::new();
    for o in offered {
        if record.as_ref().is_some_and(|r| r.knows(&o.rev)) {
            continue;
        }
        let Some((sealed, case)) = o.opened else {
            let why = if o.deleted {
                Refusal::Unsealed
            } else {
                Refusal::Unreadable
            };
            refused.push((o.rev, why));
            continue;
        };
        // The server's deletion flag must say what the sealed version says.
        if o.deleted != (sealed.kind != Kind::Case) {
            refused.push((o.rev, Refusal::Unreadable));
            continue;
        }
        if held.as_ref().is_some_and(|h| h.after.contains(&o.rev)) {
            refused.push((o.rev, Refusal::Rollback));
            continue;
        }
        let after_held = held
            .as_ref()
            .is_none_or(|h| sealed.lineage.replaces(&h.team));
        let other = Other {
            rev: o.rev,
            count: sealed.lineage.count,
        };
        match sealed.kind {
            Kind::Closed => closed.extend(sealed.lineage.after.first().cloned()),
            Kind::Deleted => deleted |= held.is_some() && after_held,
            Kind::Case if after_held => newer.push((other, sealed.lineage.after, case)),
            Kind::Case => siblings.push(other),
        }
    }
    // The newest version that follows this device's: the highest count, then CouchDB's order.
    newer.sort_by(|(a, _, _), (b, _, _)| (b.count, &b.rev).cmp(&(a.count, &a.rev)));
    let mut newer = newer.into_iter();
    let best = newer.next();
    let mut conflict = record.as_ref().and_then(|r| r.conflict.clone());
    conflict = conflict.filter(|c| !closed.contains(&c.rev));
    let mut take = None;
    let mut replaced: Vec<Rev> = Vec::new();
    match best {
        Some((other, after, case)) if !changed_here => {
            conflict = conflict.filter(|c| !after.contains(&c.rev));
            replaced = after.clone();
            let r = record.get_or_insert_with(|| Record::new(doc));
            r.held = Some(Held {
                local: stored.unwrap_or(0) + 1,
                team: other.rev,
                count: other.count,
                after,
            });
            r.sent = None;
            r.merge = None;
            take = case;
        }
        // Changed here too: both kept, for a person to settle.
        Some((other, _, _)) => {
            conflict = conflict.or(Some(other));
        }
        None if deleted && !changed_here => {
            return Step {
                record: None,
                take: None,
                delete: true,
                refused,
            };
        }
        None => {}
    }
    // Any other version still standing is a conflict, unless settled or closed.
    let standing = newer
        .map(|(other, _, _)| other)
        .chain(siblings)
        .filter(|o| !replaced.contains(&o.rev) && !closed.contains(&o.rev));
    for other in standing {
        conflict = conflict.or(Some(other));
    }
    let record = match record {
        Some(mut r) => {
            r.conflict = conflict;
            Some(r)
        }
        // A case here with this id that was never shared from here: held back until settled.
        None => conflict.map(|c| Record {
            conflict: Some(c),
            ..Record::new(doc)
        }),
    };
    Step {
        record,
        take,
        delete: false,
        refused,
    }
}

/// The versions beneath one that did not open (its path of revisions, newest first) worth
/// asking the server for: a version forged on top of genuine ones must not hide them, so the
/// newest genuine one can still be taken. Only versions that could follow what this device
/// holds (a later generation, not one it has, has replaced or holds as the other), and at most
/// `LINEAGE` of them, newest first.
pub fn beneath(path: &Revisions, record: Option<&Record>) -> Vec<Rev> {
    let held = record.and_then(|r| r.held.as_ref());
    path.revs()
        .unwrap_or_default()
        .into_iter()
        .skip(1)
        .take_while(|rev| held.is_none_or(|h| rev.generation > h.team.generation))
        .filter(|rev| {
            record.is_none_or(|r| !r.knows(rev)) && held.is_none_or(|h| !h.after.contains(rev))
        })
        .take(LINEAGE)
        .collect()
}

/// How many documents to ask for at a time: small enough that a broken connection loses little,
/// and the checkpoint moves on often.
pub const BATCH: usize = 50;

#[cfg(test)]
mod tests {
    use super::*;

    fn rev(text: &str) -> Rev {
        Rev::parse(text).unwrap()
    }

    const DOC: &str = "0123456789abcdef0123456789abcdef";

    fn holding(local: u64, team: &str, count: u64, after: &[&str]) -> Record {
        Record {
            doc: DOC.into(),
            held: Some(Held {
                local,
                team: rev(team),
                count,
                after: after.iter().map(|r| rev(r)).collect(),
            }),
            conflict: None,
            sent: None,
            merge: None,
        }
    }

    fn case(at: &str, count: u64, after: &[&str], text: &str) -> Offered<String> {
        version(at, Kind::Case, count, after, Some(text))
    }

    fn version(
        at: &str,
        kind: Kind,
        count: u64,
        after: &[&str],
        text: Option<&str>,
    ) -> Offered<String> {
        Offered {
            rev: rev(at),
            deleted: kind != Kind::Case,
            opened: Some((
                Sealed {
                    kind,
                    lineage: Lineage {
                        count,
                        after: after.iter().map(|r| rev(r)).collect(),
                    },
                    case: text.map(str::to_string),
                    by: "Sam Okafor".into(),
                    at: "2026-12-05T09:00:00Z".into(),
                },
                text.map(str::to_string),
            )),
        }
    }

    fn path(start: u64, ids: &[&str]) -> Revisions {
        Revisions {
            start,
            ids: ids.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn beneath_a_version_that_did_not_open_only_what_could_follow_what_is_held_is_asked_for() {
        let forged = path(4, &["f", "c", "b", "a"]);
        // A device that holds nothing asks for every version beneath, newest first.
        assert_eq!(
            beneath(&forged, None),
            vec![rev("3-c"), rev("2-b"), rev("1-a")]
        );
        // One that holds 2-b asks only for what came after it.
        let held = holding(5, "2-b", 2, &["1-a"]);
        assert_eq!(beneath(&forged, Some(&held)), vec![rev("3-c")]);
        // Nothing it holds as the other version, or has replaced.
        let mut other = holding(5, "2-x", 2, &["3-c", "1-a"]);
        assert_eq!(beneath(&forged, Some(&other)), Vec::new());
        other.held = None;
        other.conflict = Some(Other {
            rev: rev("3-c"),
            count: 3,
        });
        assert_eq!(beneath(&forged, Some(&other)), vec![rev("2-b"), rev("1-a")]);
        // A path that is not whole asks for nothing; a long one for at most LINEAGE.
        assert_eq!(beneath(&path(1, &["f", "e"]), None), Vec::new());
        let hashes: Vec<String> = (0..40).map(|i| format!("{i:x}")).collect();
        let long = Revisions {
            start: 40,
            ids: hashes,
        };
        assert_eq!(beneath(&long, None).len(), LINEAGE);
    }

    #[test]
    fn a_genuine_version_beneath_a_forged_one_is_taken_by_a_device_that_joins() {
        let offered = vec![
            Offered {
                rev: rev("3-f"),
                deleted: false,
                opened: None,
            },
            case("2-b", 2, &["1-a"], "second"),
            case("1-a", 1, &[], "first"),
        ];
        let step = decide(DOC, None, None, offered);
        assert_eq!(step.take.as_deref(), Some("second"));
        assert_eq!(step.refused, vec![(rev("3-f"), Refusal::Unreadable)]);
        let record = step.record.unwrap();
        assert_eq!(record.held.unwrap().team, rev("2-b"));
        assert_eq!(
            record.conflict, None,
            "the older genuine version is not a conflict"
        );
    }

    #[test]
    fn a_record_reads_back_as_written_and_nothing_else_reads() {
        let mut r = holding(7, "3-abc", 3, &["2-aa", "1-a"]);
        assert_eq!(Record::decode(&r.encode()), Some(r.clone()));
        r.conflict = Some(Other {
            rev: rev("3-def"),
            count: 3,
        });
        r.sent = Some(Sent {
            local: 8,
            rev: rev("4-f"),
            merged: true,
        });
        r.merge = Some(Other {
            rev: rev("3-e"),
            count: 4,
        });
        assert_eq!(Record::decode(&r.encode()), Some(r.clone()));
        r.held = None;
        assert_eq!(Record::decode(&r.encode()), Some(r));
        for bad in [
            "",
            "x - - - -",
            "0123456789abcdef0123456789abcdef 1 1-a",
            "0123456789abcdef0123456789abcdef one/1-a/1/ - - -",
            "0123456789abcdef0123456789abcdef 1/1a/1/ - - -",
            "0123456789abcdef0123456789abcdef 1/1-a/1/0-b - - -",
            "0123456789abcdef0123456789abcdef - 2-b - -",
            "0123456789abcdef0123456789abcdef - - - - extra",
        ] {
            assert_eq!(Record::decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn cases_never_sent_changed_since_or_not_yet_confirmed_are_waiting() {
        let index = vec![
            ("a".to_string(), 3),
            ("b".to_string(), 5),
            ("c".to_string(), 1),
            ("d".to_string(), 2),
        ];
        let known = |id: &str| match id {
            "a" => Some(holding(3, "2-x", 2, &[])),
            "b" => Some(holding(4, "2-y", 2, &[])),
            "d" => Some(Record {
                held: None,
                sent: Some(Sent {
                    local: 2,
                    rev: rev("1-s"),
                    merged: false,
                }),
                ..holding(0, "1-a", 1, &[])
            }),
            _ => None,
        };
        assert_eq!(waiting(&index, known), ["b", "c", "d"]);
    }

    #[test]
    fn an_envelope_reads_back_padded_to_its_step_and_nothing_partial_reads() {
        let sealed = Sealed {
            kind: Kind::Case,
            lineage: Lineage {
                count: 3,
                after: vec![rev("2-b"), rev("1-a")],
            },
            case: Some("{\"name\":\"Dan Ellery\"}".into()),
            by: "Sam Okafor".into(),
            at: "2026-12-05T09:00:00Z".into(),
        };
        let text = sealed.encode();
        assert_eq!(text.len(), PAD_STEP);
        assert_eq!(Sealed::decode(&text), Some(sealed.clone()));
        let long = Sealed {
            case: Some("x".repeat(PAD_STEP)),
            ..sealed.clone()
        };
        assert_eq!(long.encode().len(), 2 * PAD_STEP);
        for bad in [
            text.replace("\"psc\":2", "\"psc\":1"),
            text.replace("\"kind\":\"case\"", "\"kind\":\"deleted\""),
            text.replace("\"count\":3", "\"count\":0"),
            Sealed {
                kind: Kind::Closed,
                case: None,
                lineage: Lineage {
                    count: 1,
                    after: vec![],
                },
                ..sealed.clone()
            }
            .encode(),
            "{\"name\":\"Dan Ellery\"}".to_string(),
        ] {
            assert_eq!(Sealed::decode(&bad), None, "{bad}");
        }
    }

    #[test]
    fn the_same_change_gets_the_same_message_and_another_change_another() {
        let ours = holding(4, "2-b", 2, &["1-a"]);
        let edit = Draft::edit(Some(&ours), "case text".into());
        assert_eq!(edit.parent, Some(rev("2-b")));
        assert_eq!(
            edit.lineage,
            Lineage {
                count: 3,
                after: vec![rev("2-b"), rev("1-a")]
            }
        );
        assert_eq!(
            edit.message(),
            Draft::edit(Some(&ours), "case text".into()).message()
        );
        assert_ne!(
            edit.message(),
            Draft::edit(Some(&ours), "case text!".into()).message()
        );
        let other = holding(4, "2-c", 2, &["1-a"]);
        assert_ne!(
            edit.message(),
            Draft::edit(Some(&other), "case text".into()).message()
        );
        let (made, sealed) = edit.finish("0123456789abcdef0123456789abcdef0123", "Sam", "now");
        assert_eq!(made, rev("3-0123456789abcdef0123456789abcdef"));
        assert_eq!(sealed.by, "Sam");
        // Settling: the next version replaces both, and counts past both.
        let mut settling = ours.clone();
        settling.conflict = Some(Other {
            rev: rev("5-z"),
            count: 5,
        });
        settling.settle();
        let merged = Draft::edit(Some(&settling), "settled".into());
        assert_eq!(merged.lineage.count, 6);
        assert!(merged.lineage.replaces(&rev("5-z")) && merged.lineage.replaces(&rev("2-b")));
        let closing = Draft::closing(settling.merge.as_ref().unwrap());
        assert_eq!(
            (closing.kind, closing.parent),
            (Kind::Closed, Some(rev("5-z")))
        );
        // A long lineage keeps the newest.
        let long: Vec<String> = (1..40).rev().map(|g| format!("{g}-a")).collect();
        let long: Vec<&str> = long.iter().map(String::as_str).collect();
        let deep = holding(1, "40-a", 40, &long);
        let next = Draft::edit(Some(&deep), "x".into()).lineage;
        assert_eq!(next.after.len(), LINEAGE);
        assert_eq!(next.after[..2], [rev("40-a"), rev("39-a")]);
    }

    #[test]
    fn a_later_version_is_taken_only_when_it_follows_this_devices() {
        let ours = holding(4, "2-b", 2, &["1-a"]);
        // (stored here, versions) -> (taken, conflict, deleted, refusals)
        let step = decide(
            DOC,
            Some(ours.clone()),
            Some(4),
            vec![case("3-c", 3, &["2-b", "1-a"], "later")],
        );
        assert_eq!(step.take.as_deref(), Some("later"));
        let held = step.record.unwrap().held.unwrap();
        assert_eq!((held.local, held.team, held.count), (5, rev("3-c"), 3));
        // Changed here since: both kept.
        let step = decide(
            DOC,
            Some(ours.clone()),
            Some(5),
            vec![case("3-c", 3, &["2-b"], "later")],
        );
        assert_eq!(step.take, None);
        assert_eq!(step.record.unwrap().conflict.unwrap().rev, rev("3-c"));
        // A version that does not follow this one, whatever the tree says: a conflict.
        let step = decide(
            DOC,
            Some(ours.clone()),
            Some(4),
            vec![case("3-z", 3, &["2-z", "1-a"], "other")],
        );
        assert_eq!(step.take, None);
        assert_eq!(step.record.unwrap().conflict.unwrap().rev, rev("3-z"));
        // An older version offered as current: refused as a rollback; nothing changes.
        let step = decide(
            DOC,
            Some(ours.clone()),
            Some(4),
            vec![case("1-a", 1, &[], "old")],
        );
        assert_eq!(
            (step.take, step.refused),
            (None, vec![(rev("1-a"), Refusal::Rollback)])
        );
        assert_eq!(step.record, Some(ours.clone()));
        // The newest of several that follow it, whichever the server ranks first.
        let step = decide(
            DOC,
            Some(ours.clone()),
            Some(4),
            vec![
                case("9-x", 3, &["2-b"], "low"),
                case("3-y", 4, &["3-x", "2-b"], "high"),
            ],
        );
        assert_eq!(step.take.as_deref(), Some("high"));
        assert_eq!(step.record.unwrap().conflict.unwrap().rev, rev("9-x"));
    }

    #[test]
    fn only_a_sealed_deletion_after_this_devices_version_deletes_the_case() {
        let ours = holding(4, "2-b", 2, &["1-a"]);
        let sealed = version("3-d", Kind::Deleted, 3, &["2-b"], None);
        let step = decide(DOC, Some(ours.clone()), Some(4), vec![sealed.clone()]);
        assert!(step.delete && step.record.is_none());
        // Changed here since: the case stands.
        assert!(!decide(DOC, Some(ours.clone()), Some(5), vec![sealed]).delete);
        // A plain deletion, or one that does not open: refused, the case kept.
        let plain: Offered<String> = Offered {
            rev: rev("3-d"),
            deleted: true,
            opened: None,
        };
        let step = decide(DOC, Some(ours.clone()), Some(4), vec![plain]);
        assert!(!step.delete);
        assert_eq!(step.refused, vec![(rev("3-d"), Refusal::Unsealed)]);
        assert_eq!(step.record, Some(ours.clone()));
        // A sealed case the server marks deleted: refused.
        let mut flipped = case("3-c", 3, &["2-b"], "later");
        flipped.deleted = true;
        let step = decide(DOC, Some(ours), Some(4), vec![flipped]);
        assert_eq!(
            (step.delete, step.refused),
            (false, vec![(rev("3-c"), Refusal::Unreadable)])
        );
    }

    #[test]
    fn a_conflict_settled_elsewhere_is_over_here_and_a_lost_answer_is_recognised() {
        let mut ours = holding(4, "2-b", 2, &["1-a"]);
        ours.conflict = Some(Other {
            rev: rev("2-z"),
            count: 2,
        });
        let settled = case("3-s", 3, &["2-b", "2-z", "1-a"], "settled");
        let closing = version("3-k", Kind::Closed, 3, &["2-z"], None);
        let step = decide(
            DOC,
            Some(ours.clone()),
            Some(4),
            vec![settled, closing.clone()],
        );
        let record = step.record.unwrap();
        assert_eq!(
            (step.take.as_deref(), record.conflict),
            (Some("settled"), None)
        );
        // The closing alone ends it too.
        let step = decide(DOC, Some(ours), Some(4), vec![closing]);
        assert_eq!(step.record.unwrap().conflict, None);
        // Sent, answer lost, seen on the server next round: this device's own, no conflict.
        let mut sent = holding(4, "2-b", 2, &["1-a"]);
        sent.sent = Some(Sent {
            local: 5,
            rev: rev("3-m"),
            merged: false,
        });
        let step = decide(
            DOC,
            Some(sent.clone()),
            Some(5),
            vec![case("3-m", 3, &["2-b", "1-a"], "mine")],
        );
        let record = step.record.unwrap();
        assert_eq!(
            (step.take, record.conflict, record.sent),
            (None, None, None)
        );
        assert_eq!(record.held.unwrap().team, rev("3-m"));
        // Already edited again on another device: still recognised, and that edit taken.
        let step = decide(
            DOC,
            Some(sent),
            Some(5),
            vec![case("4-n", 4, &["3-m", "2-b"], "theirs")],
        );
        assert_eq!(step.take.as_deref(), Some("theirs"));
        assert_eq!(step.record.unwrap().conflict, None);
    }
}
