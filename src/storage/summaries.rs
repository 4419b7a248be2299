//! Which summary the case list may use for each stored case: one made today, with today's bank
//! holidays, from the case's present revision, and nothing older. A summary that will not do is
//! made again from its case (in memory, or read for the purpose). Plain logic, tested natively
//! (`tests/storage.rs`); `ui::state` holds one of these and follows what it says.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::Case;
use crate::domain::summary::Summary;

/// Summaries made on one day with one list of bank holidays, by case id; each carries the
/// revision of the case it was made from.
#[derive(Default)]
pub struct Summaries {
    today: Option<NaiveDate>,
    holidays: Vec<NaiveDate>,
    by_id: HashMap<String, Summary>,
}

/// What the case list can show now, and what must happen for the rest.
#[derive(Debug, Default, PartialEq)]
pub struct Listing {
    /// The summaries to list, in the order of the index.
    pub shown: Vec<Summary>,
    /// Made now from cases in memory: to be stored for next time.
    pub made: Vec<Summary>,
    /// Stored cases, not in memory, whose stored summary will not do: to be read and summarised.
    pub unread: Vec<String>,
    /// Some case in memory must be summarised, and the rules are not here to do it.
    pub wants_rules: bool,
}

impl Listing {
    /// Whether every case shown has its summary.
    pub fn complete(&self) -> bool {
        self.unread.is_empty() && !self.wants_rules
    }
}

impl Summaries {
    /// Starts from the stored summaries (case id, stored text) made on `today` with these bank
    /// holidays; each is still checked against its case's revision before it is used.
    pub fn trusting(
        stored: &[(String, String)],
        today: NaiveDate,
        holidays: &[NaiveDate],
    ) -> Summaries {
        Summaries {
            today: Some(today),
            holidays: holidays.to_vec(),
            by_id: stored
                .iter()
                .filter_map(|(id, text)| {
                    super::decode_summary(text, today, holidays).map(|s| (id.clone(), s))
                })
                .collect(),
        }
    }

    /// Starts afresh when the day or the bank holidays change: both change what a summary says.
    pub fn for_day(&mut self, today: NaiveDate, holidays: &[NaiveDate]) {
        if self.today != Some(today) || self.holidays != holidays {
            *self = Summaries {
                today: Some(today),
                holidays: holidays.to_vec(),
                by_id: HashMap::new(),
            };
        }
    }

    /// The summary of case `id` at `revision`, if one is kept.
    pub fn of(&self, id: &str, revision: u64) -> Option<&Summary> {
        self.by_id.get(id).filter(|s| s.revision == revision)
    }

    /// Keeps summaries made on `today` (none, if the day has moved on since).
    pub fn keep(&mut self, today: NaiveDate, made: &[Summary]) {
        if self.today == Some(today) {
            for s in made {
                self.by_id.insert(s.id.clone(), s.clone());
            }
        }
    }

    pub fn forget(&mut self, id: &str) {
        self.by_id.remove(id);
    }

    /// For each stored case in `index` (id, revision as last known): a case in memory is
    /// summarised as it is now, made again only if it changed (and shown only if `shows` says);
    /// any other by its kept summary of that revision, or it is to be read.
    pub fn listing(
        &mut self,
        index: &[(String, u64)],
        in_memory: &[Case],
        shows: impl Fn(&Case) -> bool,
        summarize: Option<impl Fn(&Case) -> Summary>,
    ) -> Listing {
        let mut listing = Listing {
            shown: Vec::with_capacity(index.len()),
            ..Listing::default()
        };
        for (id, revision) in index {
            let Some(case) = in_memory.iter().find(|c| c.id == *id) else {
                match self.of(id, *revision) {
                    Some(summary) => listing.shown.push(summary.clone()),
                    None => listing.unread.push(id.clone()),
                }
                continue;
            };
            if !shows(case) {
                continue;
            }
            if let Some(summary) = self.of(id, case.revision) {
                listing.shown.push(summary.clone());
            } else if let Some(summarize) = &summarize {
                let made = summarize(case);
                self.by_id.insert(id.clone(), made.clone());
                listing.made.push(made.clone());
                listing.shown.push(made);
            } else {
                listing.wants_rules = true;
            }
        }
        listing
    }

    /// One case's summary as it is now, made only if it changed since it was last made.
    pub fn summary_of(
        &mut self,
        case: &Case,
        today: NaiveDate,
        summarize: impl Fn(&Case) -> Summary,
    ) -> Summary {
        if let Some(kept) = self
            .of(&case.id, case.revision)
            .filter(|_| self.today == Some(today))
        {
            return kept.clone();
        }
        let made = summarize(case);
        self.keep(today, std::slice::from_ref(&made));
        made
    }
}
