//! The agency directory as team sync shares it (issue 22, item 2): each device publishes what it
//! knows of every agency, stamped with when, by whom and on which device it was last added,
//! changed or removed, and takes in every other device's the same way. For each agency the
//! latest stamp wins, on every device alike, so all devices converge whatever order the views
//! arrive in, however often one arrives, and whichever are lost and sent again. A removal is
//! kept as an entry of its own, so that an older copy cannot bring the agency back.
//!
//! A view arriving from the team is taken only as far as the directory page would accept it:
//! an entry whose agency the page would refuse, or that is filed under another agency's name,
//! or stamped from the future, is refused and reported.

use miniserde::{Deserialize, Serialize, json};

use super::choice::Choice;
use super::directory::{Agency, Directory};

/// One agency as a device last knew it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Which agency: its kind and its name as names are matched ("police:northshire police").
    pub key: String,
    /// The agency as last added or changed; `None` once removed.
    pub agency: Option<Agency>,
    /// When, as an RFC 3339 UTC stamp such as `2026-12-05T10:00:00.000Z` (these sort as text).
    pub at: String,
    /// Who made the change, as the device named them.
    pub by: String,
    /// The device it was made on: decides between two changes stamped the same instant.
    pub device: String,
}

impl Entry {
    /// The order in which entries for one agency replace each other: a total order (the stamp,
    /// then the device, then the content), so that every device picks the same one.
    fn rank(&self) -> (&str, &str, String) {
        let content = self
            .agency
            .as_ref()
            .map(json::to_string)
            .unwrap_or_default();
        (&self.at, &self.device, content)
    }
}

/// The key an agency is filed under; `None` for one with no kind or name.
pub fn key(agency: &Agency) -> Option<String> {
    let kind = agency.kind?;
    let name = agency
        .name
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join(" ");
    (!name.is_empty()).then(|| format!("{}:{name}", kind.key()))
}

/// Why an entry from the team was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The agency is not one the directory page would accept (its first problem, in words).
    NotValid(String),
    /// It is filed under a key that is not its own, to replace another agency.
    WrongKey,
    /// Stamped later than the device's clock allows: it would outrank every honest change.
    FromTheFuture,
}

/// A device's view of the shared directory: one entry for each agency ever added, by key.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    pub entries: Vec<Entry>,
}

impl Shared {
    /// Takes in another device's view; returns whether anything here changed.
    pub fn merge(&mut self, other: &Shared) -> bool {
        let mut changed = false;
        for theirs in &other.entries {
            changed |= self.take(theirs.clone());
        }
        changed
    }

    fn take(&mut self, theirs: Entry) -> bool {
        match self.entries.iter().position(|e| e.key >= theirs.key) {
            Some(i) if self.entries[i].key == theirs.key => {
                if theirs.rank() > self.entries[i].rank() {
                    self.entries[i] = theirs;
                    true
                } else {
                    false
                }
            }
            Some(i) => {
                self.entries.insert(i, theirs);
                true
            }
            None => {
                self.entries.push(theirs);
                true
            }
        }
    }

    /// Notes the changes made on this device, from the directory `before` them to `after`:
    /// each agency added or changed, and each removed, stamped `at` by `by` on `device`.
    pub fn record(
        &mut self,
        before: &Directory,
        after: &Directory,
        at: &str,
        by: &str,
        device: &str,
    ) {
        let stamp = |key: String, agency: Option<Agency>| Entry {
            key,
            agency,
            at: at.to_string(),
            by: by.to_string(),
            device: device.to_string(),
        };
        for agency in &after.agencies {
            let Some(k) = key(agency) else { continue };
            let same = before
                .agencies
                .iter()
                .any(|b| key(b).as_deref() == Some(k.as_str()) && b == agency);
            if !same {
                self.take_now(stamp(k, Some(agency.clone())));
            }
        }
        for agency in &before.agencies {
            let Some(k) = key(agency) else { continue };
            if !after
                .agencies
                .iter()
                .any(|a| key(a).as_deref() == Some(k.as_str()))
            {
                self.take_now(stamp(k, None));
            }
        }
    }

    /// A change made here replaces what is known, even if a device with a clock ahead of this
    /// one stamped the agency later: it is the newest the person using this device has seen.
    fn take_now(&mut self, mut entry: Entry) {
        if let Some(known) = self.entries.iter().find(|e| e.key == entry.key)
            && known.at >= entry.at
        {
            entry.at = later_than(&known.at);
        }
        self.take(entry);
    }

    /// The directory this view holds: every agency not removed, in the directory's order.
    pub fn directory(&self) -> Directory {
        let mut directory = <Directory as Default>::default();
        let agencies: Vec<Agency> = self
            .entries
            .iter()
            .filter_map(|e| e.agency.clone())
            .collect();
        directory.merge(&agencies);
        directory
    }

    /// The entries of a view from the team that this device takes (`now` is its clock, as an
    /// RFC 3339 UTC stamp), and those it refuses, with why.
    pub fn checked(self, now: &str) -> (Shared, Vec<(Entry, Refused)>) {
        let limit = a_day_after(now);
        let mut kept = <Shared as Default>::default();
        let mut refused = Vec::new();
        for entry in self.entries {
            let problem = if entry.at > limit {
                Some(Refused::FromTheFuture)
            } else {
                match &entry.agency {
                    Some(agency) => match agency.problems().first() {
                        Some(p) => Some(Refused::NotValid(p.message(agency.send_by))),
                        None if key(agency).as_deref() != Some(entry.key.as_str()) => {
                            Some(Refused::WrongKey)
                        }
                        None => None,
                    },
                    None if entry.key.is_empty() => Some(Refused::WrongKey),
                    None => None,
                }
            };
            match problem {
                Some(p) => refused.push((entry, p)),
                None => {
                    kept.take(entry);
                }
            }
        }
        (kept, refused)
    }
}

/// A stamp just after `at`: the same text with a character appended sorts after it.
fn later_than(at: &str) -> String {
    format!("{at}+")
}

/// The stamp one day after `now` (its date part moved on a day; unreadable stamps are kept).
fn a_day_after(now: &str) -> String {
    let date = now
        .get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    match date.and_then(|d| d.succ_opt()) {
        Some(next) => format!("{}{}", next.format("%Y-%m-%d"), &now[10..]),
        None => now.to_string(),
    }
}
