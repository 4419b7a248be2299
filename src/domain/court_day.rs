//! The day at court: today's and the next working day's hearings, by court, each with what is
//! still outstanding, the replies awaited and, for an oral report with checks outstanding, the
//! court paragraph's own words asking for an adjournment.

use chrono::NaiveDate;

use super::case::{Case, ReportType};
use super::deadlines::{Awaited, awaited};
use super::report::adjournment_words;
use super::rules::{BlockerKind, Section, assess_with_holidays};
use super::workdays::add_working_days;

/// One case listed on a day.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    pub case_id: String,
    pub name: String,
    pub report: Option<ReportType>,
    /// The sections with something still to do, by title.
    pub outstanding: Vec<&'static str>,
    pub awaited: Vec<Awaited>,
    /// For an oral report that cannot yet say "suitable": the words to ask for more time.
    pub adjournment: Option<String>,
}

/// One court's list on one day.
#[derive(Clone, Debug, PartialEq)]
pub struct CourtList {
    pub date: NaiveDate,
    /// As typed on the cases ("Court not recorded" when blank).
    pub court: String,
    pub cases: Vec<Listed>,
}

/// Today's and the next working day's hearings: by day, then court, then the person's name.
pub fn day_at_court(cases: &[&Case], today: NaiveDate, holidays: &[NaiveDate]) -> Vec<CourtList> {
    let next = add_working_days(today, 1, holidays);
    let mut lists: Vec<CourtList> = Vec::new();
    for case in cases {
        let Some(date) = case
            .hearing
            .date
            .date()
            .filter(|d| *d == today || *d == next)
        else {
            continue;
        };
        let court = case.hearing.court.trim();
        let court = if court.is_empty() {
            "Court not recorded"
        } else {
            court
        };
        let assessment = assess_with_holidays(case, today, holidays);
        let outstanding = Section::ALL
            .iter()
            .filter(|s| assessment.blockers_in(**s).next().is_some())
            .map(|s| s.title())
            .collect();
        let oral = case.hearing.report_type == Some(ReportType::Oral);
        let found = assessment
            .blockers
            .iter()
            .any(|b| b.kind == BlockerKind::Finding);
        let listed = Listed {
            case_id: case.id.clone(),
            name: case.display_name(),
            report: case.hearing.report_type,
            outstanding,
            awaited: awaited(case, holidays),
            // What more time cannot change (a finding) is not a reason to adjourn.
            adjournment: (oral && assessment.curfew_considered && !found)
                .then(|| adjournment_words(&assessment))
                .flatten(),
        };
        let same = |l: &CourtList| l.date == date && l.court.to_lowercase() == court.to_lowercase();
        match lists.iter_mut().find(|l| same(l)) {
            Some(list) => list.cases.push(listed),
            None => lists.push(CourtList {
                date,
                court: court.to_string(),
                cases: vec![listed],
            }),
        }
    }
    for list in &mut lists {
        list.cases.sort_by_key(|l| l.name.to_lowercase());
    }
    lists.sort_by_key(|a| (a.date, a.court.to_lowercase()));
    lists
}
