//! What the case list needs of a case, small enough to keep for thousands of cases: made beside
//! the case whenever it is saved, so the list can search, filter, count and group cases without
//! reading the full cases or running the rules. A summary carries the revision of the case it
//! was made from; one that is missing or older than its case is rebuilt, never trusted.

use chrono::{Days, NaiveDate};
use miniserde::{Deserialize, Serialize};

use super::case::{Case, Decision};
use super::choice::{Choice, choice};
use super::deadlines;
use super::identifiers;
use super::inputs::{iso_date, parse_iso_date};
use super::rules::{Assessment, OutcomeState};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    /// The revision of the case this was made from.
    pub revision: u64,
    pub name: String,
    /// The person's CRN in its written form (as typed, if it is not one), for the search.
    pub crn: String,
    /// The person's PNC ID as `identifiers::pnc_key` gives it (as typed, if it is not one).
    pub pnc: String,
    pub court: String,
    /// The hearing date, "YYYY-MM-DD", or empty.
    pub hearing: String,
    /// The report type's key, or empty.
    pub report_type: String,
    /// Where the case stands (`Stage::key`).
    pub stage: String,
    /// Blockers standing between the case and "suitable".
    pub outstanding: u32,
    pub awaiting_gatekeeping: bool,
    pub returned_by_spo: bool,
    /// When each awaited enquiry reply is due, "YYYY-MM-DD": overdue is worked out against the
    /// day the list is shown, not the day the summary was made.
    pub replies_due: Vec<String>,
}

choice!(
    /// Where a case stands, as the case list shows it.
    Stage {
        ChecksOutstanding("checks_outstanding", "Checks outstanding"),
        ReadyForOutcome("ready", "Ready for outcome"),
        Suitable("suitable", "Suitable recorded"),
        NotSuitable("not_suitable", "Not suitable recorded"),
        NotProposed("not_proposed", "Curfew not proposed"),
        NeedsReview("needs_review", "Outcome needs review"),
    }
);

choice!(
    /// The case list's filters, each with its count.
    Filter {
        ChecksOutstanding("outstanding", "Checks outstanding"),
        AwaitingGatekeeping("awaiting", "Awaiting gatekeeping"),
        Returned("returned", "Returned by the SPO"),
        ReadyForCourt("ready", "Ready for court"),
        OutcomeRecorded("outcome", "Outcome recorded"),
        RepliesOverdue("overdue", "Enquiry replies overdue"),
        PastRetention("retention", "Past the time to keep it"),
    }
);

/// The case list's groups, by hearing day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Today,
    Tomorrow,
    Later,
    Earlier,
    NoDate,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Today,
        Group::Tomorrow,
        Group::Later,
        Group::Earlier,
        Group::NoDate,
    ];
    pub fn title(self) -> &'static str {
        match self {
            Group::Today => "Hearing today",
            Group::Tomorrow => "Hearing tomorrow",
            Group::Later => "Hearing later",
            Group::Earlier => "Hearing earlier",
            Group::NoDate => "Hearing date not recorded",
        }
    }
}

impl Summary {
    /// The summary of a case as it stands, from its assessment.
    pub fn of(case: &Case, assessment: &Assessment, holidays: &[NaiveDate]) -> Summary {
        let stage = match assessment.outcome {
            OutcomeState::Recorded(Decision::Suitable) => Stage::Suitable,
            OutcomeState::Recorded(Decision::NotSuitable) => Stage::NotSuitable,
            OutcomeState::Recorded(Decision::NotProposed) => Stage::NotProposed,
            OutcomeState::SuitableNoLongerValid => Stage::NeedsReview,
            OutcomeState::NotRecorded if assessment.blockers.is_empty() => Stage::ReadyForOutcome,
            OutcomeState::NotRecorded => Stage::ChecksOutstanding,
        };
        Summary {
            id: case.id.clone(),
            revision: case.revision,
            name: case.display_name(),
            crn: identifiers::crn(&case.person.crn).unwrap_or_else(|_| compact(&case.person.crn)),
            pnc: identifiers::pnc_key(&case.person.pnc_id)
                .unwrap_or_else(|| compact(&case.person.pnc_id)),
            court: case.hearing.court.trim().to_string(),
            hearing: case.hearing.date.date().map(iso_date).unwrap_or_default(),
            report_type: case
                .hearing
                .report_type
                .map(|t| t.key().to_string())
                .unwrap_or_default(),
            stage: stage.key().into(),
            outstanding: assessment.blockers.len() as u32,
            awaiting_gatekeeping: assessment.gatekeeping.awaiting,
            returned_by_spo: assessment.gatekeeping.returned,
            replies_due: deadlines::awaited(case, holidays)
                .into_iter()
                .map(|a| iso_date(a.due))
                .collect(),
        }
    }

    pub fn stage(&self) -> Stage {
        Stage::from_key(&self.stage).unwrap_or(Stage::ChecksOutstanding)
    }
    pub fn hearing_date(&self) -> Option<NaiveDate> {
        parse_iso_date(&self.hearing)
    }
    /// Awaited replies already past their due date on `today`.
    pub fn overdue(&self, today: NaiveDate) -> usize {
        self.due_dates().filter(|d| *d < today).count()
    }
    /// Awaited replies due from `today` up to the hearing.
    pub fn due_before_hearing(&self, today: NaiveDate) -> usize {
        let hearing = self.hearing_date();
        self.due_dates()
            .filter(|d| *d >= today && hearing.is_some_and(|h| *d <= h))
            .count()
    }
    fn due_dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.replies_due.iter().filter_map(|d| parse_iso_date(d))
    }

    pub fn group(&self, today: NaiveDate) -> Group {
        match self.hearing_date() {
            None => Group::NoDate,
            Some(d) if d == today => Group::Today,
            Some(d) if Some(d) == today.succ_opt() => Group::Tomorrow,
            Some(d) if d > today => Group::Later,
            Some(_) => Group::Earlier,
        }
    }

    /// Whether the case is under `filter` on `today`.
    pub fn is(&self, filter: Filter, today: NaiveDate, retention_days: u32) -> bool {
        match filter {
            Filter::ChecksOutstanding => self.outstanding > 0,
            Filter::AwaitingGatekeeping => self.awaiting_gatekeeping,
            Filter::Returned => self.returned_by_spo,
            // The court can be told: every check is done, or "not suitable" (or "not proposed")
            // is recorded, which needs no further check.
            Filter::ReadyForCourt => {
                self.outstanding == 0
                    || matches!(self.stage(), Stage::NotSuitable | Stage::NotProposed)
            }
            Filter::OutcomeRecorded => matches!(
                self.stage(),
                Stage::Suitable | Stage::NotSuitable | Stage::NotProposed
            ),
            Filter::RepliesOverdue => self.overdue(today) > 0,
            Filter::PastRetention => {
                let cutoff = today.checked_sub_days(Days::new(u64::from(retention_days)));
                matches!((self.hearing_date(), cutoff), (Some(h), Some(c)) if h < c)
            }
        }
    }

    /// Whether every word searched for appears in the name, the court, the reference, the CRN
    /// or the PNC ID (ASCII case-blind, as names are matched elsewhere), or is the person's CRN
    /// or PNC ID typed in another of its forms.
    pub fn found_by(&self, search: &Search) -> bool {
        let haystack = format!(
            "{} {} {} {} {}",
            self.name, self.court, self.id, self.crn, self.pnc
        )
        .to_ascii_lowercase();
        search.words.iter().all(|word| {
            haystack.contains(&word.text)
                || word.crn.as_deref().is_some_and(|crn| crn == self.crn)
                || word.pnc.as_deref().is_some_and(|pnc| pnc == self.pnc)
        })
    }
}

/// What was typed in the case list's search, read once for every case it is tried on.
pub struct Search {
    words: Vec<Word>,
}

struct Word {
    /// Lower case, as the haystack is.
    text: String,
    crn: Option<String>,
    pnc: Option<String>,
}

impl Search {
    pub fn new(typed: &str) -> Search {
        let words = typed
            .split_whitespace()
            .map(|word| Word {
                text: word.to_ascii_lowercase(),
                crn: identifiers::crn(word).ok(),
                pnc: identifiers::pnc_key(word),
            })
            .collect();
        Search { words }
    }
}

/// Text with its spaces taken out, in capitals: an identifier as typed, for searching.
fn compact(typed: &str) -> String {
    typed
        .split_whitespace()
        .collect::<String>()
        .to_ascii_uppercase()
}

/// The cases a search and a set of filters give (every chosen filter must hold), soonest
/// hearing first within their groups, and the count each filter would give with the search.
pub struct Found<'a> {
    pub groups: Vec<(Group, Vec<&'a Summary>)>,
    pub counts: Vec<(Filter, usize)>,
    pub total: usize,
}

pub fn find<'a>(
    summaries: &'a [Summary],
    search: &str,
    filters: &[Filter],
    today: NaiveDate,
    retention_days: u32,
) -> Found<'a> {
    let search = Search::new(search);
    let searched: Vec<&Summary> = summaries.iter().filter(|s| s.found_by(&search)).collect();
    let counts = Filter::all()
        .iter()
        .map(|f| {
            let n = searched
                .iter()
                .filter(|s| s.is(*f, today, retention_days))
                .count();
            (*f, n)
        })
        .collect();
    let mut chosen: Vec<&Summary> = searched
        .into_iter()
        .filter(|s| filters.iter().all(|f| s.is(*f, today, retention_days)))
        .collect();
    chosen.sort_by(|a, b| {
        (a.group(today), sort_key(a, today), &a.name).cmp(&(
            b.group(today),
            sort_key(b, today),
            &b.name,
        ))
    });
    let total = chosen.len();
    let groups = Group::ALL
        .iter()
        .map(|g| {
            let list: Vec<&Summary> = chosen
                .iter()
                .copied()
                .filter(|s| s.group(today) == *g)
                .collect();
            (*g, list)
        })
        .filter(|(_, list)| !list.is_empty())
        .collect();
    Found {
        groups,
        counts,
        total,
    }
}

/// Soonest first for hearings to come; the most recent first for those past.
fn sort_key(s: &Summary, today: NaiveDate) -> i64 {
    match s.hearing_date() {
        Some(d) if d >= today => (d - today).num_days(),
        Some(d) => (today - d).num_days(),
        None => 0,
    }
}
