//! What one round of replication should do, decided without the network or the browser (and
//! tested with `cargo test`): which cases to send, the revision each gets, and what to do with
//! each version the team's server sends back.
//!
//! Each case shared with the team is one document on the server, under a random id, sealed with
//! the team's key. This device remembers, per case, a `Record`: the document's id, the local
//! revision it last sent or took, and the team revision that was. A case whose local revision
//! has moved on since has changes waiting to be sent.

use sha2::{Digest, Sha256};

use super::revs::{Rev, Revisions};

/// What this device knows of one case shared with the team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The team document's id (random: it says nothing about the case).
    pub doc: String,
    /// The case's local revision when it was last sent or taken.
    pub local: u64,
    /// The team revision that local revision is.
    pub team: Rev,
    /// Another version of the case on the team's server, made on another device while this one
    /// had changes of its own: both are kept until a person settles it.
    pub conflict: Option<Rev>,
}

impl Record {
    /// As kept on the device: `doc local team [conflict]`.
    pub fn encode(&self) -> String {
        let mut text = format!("{} {} {}", self.doc, self.local, self.team);
        if let Some(other) = &self.conflict {
            text.push(' ');
            text.push_str(&other.to_string());
        }
        text
    }

    pub fn decode(text: &str) -> Option<Record> {
        let mut parts = text.split(' ');
        let doc = parts.next().filter(|d| plain_id(d))?.to_string();
        let local = parts.next()?.parse().ok()?;
        let team = Rev::parse(parts.next()?)?;
        let conflict = match parts.next() {
            Some(rev) => Some(Rev::parse(rev)?),
            None => None,
        };
        parts.next().is_none().then_some(Record {
            doc,
            local,
            team,
            conflict,
        })
    }
}

/// A team document id as this app makes them: 32 lowercase hex digits.
pub fn plain_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Cases with changes waiting to be sent: never sent, or changed here since.
pub fn waiting(index: &[(String, u64)], record: impl Fn(&str) -> Option<Record>) -> Vec<&str> {
    index
        .iter()
        .filter(|(id, revision)| record(id).is_none_or(|r| r.local != *revision))
        .map(|(id, _)| id.as_str())
        .collect()
}

/// The team revision a change gets: the next generation after the one it edits, named by a hash
/// of its parent and its content. The same change sent twice (its answer lost on the way) gets
/// the same name, so the server keeps one copy, not two versions in conflict.
pub fn next_rev(parent: Option<&Rev>, content: &str) -> Rev {
    let mut hasher = Sha256::new();
    hasher.update(parent.map(Rev::to_string).unwrap_or_default());
    hasher.update(b"\n");
    hasher.update(content);
    let hash: String = hasher.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Rev::after(parent, &hash)
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

/// What to do with a version of a case that the team's server has and this device may not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// This device has it already.
    Have,
    /// A case new to this device, or a later version of the one here with nothing changed here
    /// since: store it.
    Take,
    /// Another version made while this device changed the case too (or a case with this id that
    /// was never shared from here): keep both, for a person to settle.
    Conflict,
}

/// Decides about one version the server sent (`path`: it and its ancestors, newest first),
/// given this device's record of that case and the case's stored revision here. `ours_closed`:
/// another device settled a conflict against this device's version (the server holds a
/// deletion after it), so a later version is the case as settled.
pub fn classify(
    record: Option<&Record>,
    stored: Option<u64>,
    path: &[Rev],
    ours_closed: bool,
) -> Incoming {
    let Some(newest) = path.first() else {
        return Incoming::Have;
    };
    let Some(record) = record else {
        return match stored {
            None => Incoming::Take,
            Some(_) => Incoming::Conflict,
        };
    };
    if *newest == record.team || record.conflict.as_ref() == Some(newest) {
        return Incoming::Have;
    }
    let follows_ours = path.contains(&record.team) || ours_closed;
    let unchanged_here = stored.is_none_or(|s| s == record.local);
    if follows_ours && unchanged_here {
        Incoming::Take
    } else {
        Incoming::Conflict
    }
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

    fn record(local: u64, team: &str) -> Record {
        Record {
            doc: "0123456789abcdef0123456789abcdef".into(),
            local,
            team: rev(team),
            conflict: None,
        }
    }

    #[test]
    fn a_record_reads_back_as_written_and_nothing_else_reads() {
        let mut r = record(7, "3-abc");
        assert_eq!(Record::decode(&r.encode()), Some(r.clone()));
        r.conflict = Some(rev("3-def"));
        assert_eq!(Record::decode(&r.encode()), Some(r));
        for bad in [
            "",
            "x 1 1-a",
            "0123456789abcdef0123456789abcdef one 1-a",
            "0123456789abcdef0123456789abcdef 1 1a",
            "0123456789abcdef0123456789abcdef 1 1-a 0-b",
            "0123456789abcdef0123456789abcdef 1 1-a 2-b extra",
        ] {
            assert_eq!(Record::decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn cases_never_sent_or_changed_since_are_waiting() {
        let index = vec![
            ("a".to_string(), 3),
            ("b".to_string(), 5),
            ("c".to_string(), 1),
        ];
        let known = |id: &str| match id {
            "a" => Some(record(3, "2-x")),
            "b" => Some(record(4, "2-y")),
            _ => None,
        };
        assert_eq!(waiting(&index, known), ["b", "c"]);
    }

    #[test]
    fn the_same_change_gets_the_same_revision_and_another_change_another() {
        let parent = rev("2-aa");
        let first = next_rev(Some(&parent), "case text");
        assert_eq!(first.generation, 3);
        assert_eq!(first.hash.len(), 32);
        assert_eq!(first, next_rev(Some(&parent), "case text"));
        assert_ne!(first, next_rev(Some(&parent), "case text!"));
        assert_ne!(first, next_rev(Some(&rev("2-bb")), "case text"));
        assert_eq!(next_rev(None, "case text").generation, 1);
        assert_eq!(
            path_of(&first, Some(&parent)).revs().unwrap(),
            [first.clone(), parent]
        );
    }

    #[test]
    fn each_version_from_the_team_is_taken_kept_or_held_as_a_conflict() {
        let ours = record(4, "2-b");
        let path = |revs: &[&str]| revs.iter().map(|r| rev(r)).collect::<Vec<_>>();
        // (record, stored revision here, the version's path) -> what to do
        let table = [
            (None, None, path(&["1-a"]), Incoming::Take),
            (None, Some(2), path(&["1-a"]), Incoming::Conflict),
            (Some(&ours), Some(4), path(&["2-b", "1-a"]), Incoming::Have),
            (Some(&ours), Some(4), path(&["3-c", "2-b"]), Incoming::Take),
            (Some(&ours), None, path(&["3-c", "2-b"]), Incoming::Take),
            (
                Some(&ours),
                Some(5),
                path(&["3-c", "2-b"]),
                Incoming::Conflict,
            ),
            (
                Some(&ours),
                Some(4),
                path(&["2-z", "1-a"]),
                Incoming::Conflict,
            ),
            (
                Some(&ours),
                Some(4),
                path(&["4-q", "3-p", "2-z"]),
                Incoming::Conflict,
            ),
            (Some(&ours), Some(4), path(&[]), Incoming::Have),
        ];
        for (record, stored, path, expected) in table {
            assert_eq!(classify(record, stored, &path, false), expected, "{path:?}");
        }
        let mut held = ours.clone();
        held.conflict = Some(rev("2-z"));
        assert_eq!(
            classify(Some(&held), Some(4), &path(&["2-z", "1-a"]), false),
            Incoming::Have
        );
        // Settled on another device against this one's version: the settled case is taken,
        // unless this device changed it again since.
        let settled = path(&["3-s", "2-z", "1-a"]);
        assert_eq!(
            classify(Some(&ours), Some(4), &settled, true),
            Incoming::Take
        );
        assert_eq!(
            classify(Some(&ours), Some(5), &settled, true),
            Incoming::Conflict
        );
    }

    #[test]
    fn a_binding_names_the_document_and_revision() {
        let doc = "0123456789abcdef0123456789abcdef";
        assert!(plain_id(doc));
        assert!(!plain_id("psc-team-key"));
        assert_ne!(binding(doc, &rev("1-a")), binding(doc, &rev("2-a")));
        assert_ne!(
            binding(doc, &rev("1-a")),
            binding("fedcba9876543210fedcba9876543210", &rev("1-a"))
        );
    }
}
