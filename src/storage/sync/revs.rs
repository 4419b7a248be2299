//! CouchDB's revision trees: what its replication protocol keeps of each document, so that two
//! devices that changed one case while apart both keep their version (a conflict), and every
//! device and the server agree, without talking, which version wins until a person settles it.
//!
//! A revision is named `N-hash`: `N` counts the edits since the document was made, and the hash
//! tells apart two edits of the same parent. A document's tree holds every revision known here;
//! its leaves are the versions still standing (a deleted leaf is a deletion). The rules are
//! CouchDB's own, so the server, PouchDB and this app pick the same winner:
//! <https://docs.couchdb.org/en/stable/replication/conflicts.html>.

use std::collections::BTreeMap;
use std::fmt;

/// One revision's name: its generation and its hash (`3-9f2c...`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rev {
    pub generation: u64,
    pub hash: String,
}

impl Rev {
    /// Reads `N-hash`, as CouchDB writes it: `N` at least 1, and a hash of letters and digits.
    pub fn parse(text: &str) -> Option<Rev> {
        let (generation, hash) = text.split_once('-')?;
        let generation: u64 = generation.parse().ok().filter(|g| *g >= 1)?;
        let plain = !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_alphanumeric());
        plain.then(|| Rev {
            generation,
            hash: hash.to_string(),
        })
    }

    /// The revision an edit of `parent` makes (the first one if there is no parent).
    pub fn after(parent: Option<&Rev>, hash: &str) -> Rev {
        Rev {
            generation: parent.map_or(1, |p| p.generation + 1),
            hash: hash.to_string(),
        }
    }
}

impl fmt::Display for Rev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.generation, self.hash)
    }
}

/// A path of revisions, as the protocol's `_revisions` field sends it: the newest
/// generation (`start`) and the hashes from the newest back to the oldest known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revisions {
    pub start: u64,
    pub ids: Vec<String>,
}

impl Revisions {
    /// The revisions on this path, newest first; `None` if a generation would fall below 1 or
    /// a hash is not plain letters and digits.
    pub fn revs(&self) -> Option<Vec<Rev>> {
        if self.ids.is_empty() || (self.ids.len() as u64) > self.start {
            return None;
        }
        self.ids
            .iter()
            .enumerate()
            .map(|(i, hash)| Rev::parse(&format!("{}-{hash}", self.start - i as u64)))
            .collect()
    }
}

/// What is known of one revision: the one it edited (unknown at the far end of a path whose
/// older revisions were never sent), and whether it deleted the document.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Node {
    parent: Option<Rev>,
    deleted: bool,
}

/// Why a path cannot go into a tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathError {
    Empty,
    /// Generations that do not fall by one at each step back.
    NotConsecutive,
    /// A revision already known with another parent: two histories under one name.
    OtherParent(Rev),
}

/// Every revision of one document known here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RevTree {
    nodes: BTreeMap<Rev, Node>,
}

impl RevTree {
    /// Adds a path, newest revision first, each the edit of the next; `deleted` says whether
    /// the newest deleted the document. Answers whether anything was new.
    pub fn insert(&mut self, path: &[Rev], deleted: bool) -> Result<bool, PathError> {
        let newest = path.first().ok_or(PathError::Empty)?;
        let consecutive = path
            .iter()
            .enumerate()
            .all(|(i, r)| newest.generation.checked_sub(i as u64) == Some(r.generation));
        if !consecutive || path.last().is_some_and(|r| r.generation == 0) {
            return Err(PathError::NotConsecutive);
        }
        // Checked before anything changes, so a refused path leaves the tree as it was.
        for (i, rev) in path.iter().enumerate() {
            let parent = path.get(i + 1);
            if let (Some(known), Some(parent)) = (self.nodes.get(rev), parent)
                && known.parent.as_ref().is_some_and(|p| p != parent)
            {
                return Err(PathError::OtherParent(rev.clone()));
            }
        }
        let mut changed = false;
        for (i, rev) in path.iter().enumerate() {
            let parent = path.get(i + 1).cloned();
            // Whether a revision is a deletion is part of it: said when it is first known.
            let node = self.nodes.entry(rev.clone()).or_insert_with(|| {
                changed = true;
                Node {
                    parent: None,
                    deleted: i == 0 && deleted,
                }
            });
            if node.parent.is_none() && parent.is_some() {
                node.parent = parent;
                changed = true;
            }
        }
        Ok(changed)
    }

    /// Adds a path as the protocol sends it.
    pub fn insert_revisions(
        &mut self,
        revisions: &Revisions,
        deleted: bool,
    ) -> Result<bool, PathError> {
        let path = revisions.revs().ok_or(PathError::NotConsecutive)?;
        self.insert(&path, deleted)
    }

    pub fn contains(&self, rev: &Rev) -> bool {
        self.nodes.contains_key(rev)
    }

    /// Of these revisions, those not known here (what `_revs_diff` answers).
    pub fn missing<'a>(&self, revs: impl IntoIterator<Item = &'a Rev>) -> Vec<Rev> {
        revs.into_iter()
            .filter(|r| !self.contains(r))
            .cloned()
            .collect()
    }

    /// The versions still standing or deleted last: each revision no other revision edited,
    /// with whether it is a deletion.
    pub fn leaves(&self) -> Vec<(Rev, bool)> {
        let parents: std::collections::BTreeSet<&Rev> = self
            .nodes
            .values()
            .filter_map(|n| n.parent.as_ref())
            .collect();
        self.nodes
            .iter()
            .filter(|(rev, _)| !parents.contains(rev))
            .map(|(rev, node)| (rev.clone(), node.deleted))
            .collect()
    }

    /// The revision every copy shows: of the leaves, one not deleted before one deleted, then
    /// the highest generation, then the highest hash (CouchDB's rule).
    pub fn winner(&self) -> Option<(Rev, bool)> {
        self.leaves()
            .into_iter()
            .max_by(|(a, a_deleted), (b, b_deleted)| {
                (!a_deleted, a.generation, &a.hash).cmp(&(!b_deleted, b.generation, &b.hash))
            })
    }

    /// The other versions still standing: each a conflict, until a person keeps one.
    pub fn conflicts(&self) -> Vec<Rev> {
        let winner = self.winner().map(|(rev, _)| rev);
        self.leaves()
            .into_iter()
            .filter(|(rev, deleted)| !deleted && Some(rev) != winner.as_ref())
            .map(|(rev, _)| rev)
            .collect()
    }

    /// The path from `rev` back to the oldest revision known, as `_revisions` sends it.
    pub fn revisions(&self, rev: &Rev) -> Option<Revisions> {
        let mut ids = vec![rev.hash.clone()];
        let mut at = self.nodes.get(rev)?;
        while let Some(parent) = &at.parent {
            ids.push(parent.hash.clone());
            match self.nodes.get(parent) {
                Some(node) => at = node,
                None => break,
            }
        }
        Some(Revisions {
            start: rev.generation,
            ids,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rev(text: &str) -> Rev {
        Rev::parse(text).unwrap()
    }

    fn path(texts: &[&str]) -> Vec<Rev> {
        texts.iter().map(|t| rev(t)).collect()
    }

    #[test]
    fn names_are_read_as_couchdb_writes_them() {
        assert_eq!(rev("3-abc").generation, 3);
        assert_eq!(rev("3-abc").to_string(), "3-abc");
        for bad in ["", "3", "-abc", "0-abc", "x-abc", "3-", "3-a b", "3-a-b"] {
            assert_eq!(Rev::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_same_winner_as_couchdb() {
        // The paths known (each with whether its newest revision is a deletion), the winner,
        // and the conflicts.
        type Case<'a> = (&'a [(&'a [&'a str], bool)], &'a str, &'a [&'a str]);
        let cases: &[Case] = &[
            // One line of edits: the newest.
            (&[(&["2-b", "1-a"], false)], "2-b", &[]),
            // Two edits of one parent: the higher hash wins, the other is a conflict.
            (
                &[(&["2-b", "1-a"], false), (&["2-c", "1-a"], false)],
                "2-c",
                &["2-b"],
            ),
            // A longer branch wins over a higher hash.
            (
                &[(&["3-a", "2-a", "1-a"], false), (&["2-z", "1-a"], false)],
                "3-a",
                &["2-z"],
            ),
            // A branch still standing wins over a longer one that was deleted.
            (
                &[(&["3-a", "2-a", "1-a"], true), (&["2-z", "1-a"], false)],
                "2-z",
                &[],
            ),
        ];
        for (paths, winner, conflicts) in cases {
            let mut tree = RevTree::default();
            for (p, deleted) in *paths {
                tree.insert(&path(p), *deleted).unwrap();
            }
            assert_eq!(tree.winner().unwrap().0, rev(winner), "{paths:?}");
            assert_eq!(tree.conflicts(), path(conflicts), "{paths:?}");
        }
    }

    #[test]
    fn a_refused_path_changes_nothing() {
        let mut tree = RevTree::default();
        tree.insert(&path(&["2-b", "1-a"]), false).unwrap();
        let before = tree.clone();
        assert_eq!(tree.insert(&[], false), Err(PathError::Empty));
        assert_eq!(
            tree.insert(&path(&["3-c", "1-a"]), false),
            Err(PathError::NotConsecutive)
        );
        assert_eq!(
            tree.insert(&path(&["3-c", "2-b", "1-x"]), false),
            Err(PathError::OtherParent(rev("2-b")))
        );
        assert_eq!(tree, before);
    }

    #[test]
    fn a_path_sent_without_its_oldest_revisions_joins_them_later() {
        let mut tree = RevTree::default();
        tree.insert(&path(&["3-c", "2-b"]), false).unwrap();
        assert_eq!(tree.missing(&path(&["1-a", "2-b"])), path(&["1-a"]));
        assert!(tree.insert(&path(&["2-b", "1-a"]), false).unwrap());
        assert_eq!(
            tree.revisions(&rev("3-c")),
            Some(Revisions {
                start: 3,
                ids: vec!["c".into(), "b".into(), "a".into()]
            })
        );
        assert!(
            !tree.insert(&path(&["3-c", "2-b", "1-a"]), false).unwrap(),
            "nothing new"
        );
    }

    #[test]
    fn revisions_as_sent_are_checked() {
        let sent = Revisions {
            start: 2,
            ids: vec!["b".into(), "a".into()],
        };
        assert_eq!(sent.revs(), Some(path(&["2-b", "1-a"])));
        let too_long = Revisions {
            start: 1,
            ids: vec!["b".into(), "a".into()],
        };
        assert_eq!(too_long.revs(), None);
    }
}
