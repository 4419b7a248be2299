//! When each enquiry's reply is due, and which replies are late. A due date the officer typed
//! wins; otherwise it defaults from the hearing date and report type (the working day before the
//! report is due; the hearing day itself for an oral report).

use chrono::NaiveDate;

use super::case::*;
use super::inputs::{DateParts, parse_whole_number};
use super::workdays::default_enquiry_due;

/// One enquiry still waiting for its reply.
#[derive(Clone, Debug, PartialEq)]
pub struct Awaited {
    /// "Police domestic abuse enquiry", "Children's services enquiry"...
    pub what: String,
    pub agency: String,
    pub due: NaiveDate,
    /// The due date is the default, not one the officer typed.
    pub by_default: bool,
    /// Below `/cases/:id/`, the page where the enquiry is recorded.
    pub path: String,
}

/// The default due date of an enquiry in this case, if the hearing date and report type are known.
pub fn default_due(case: &Case, holidays: &[NaiveDate]) -> Option<NaiveDate> {
    Some(default_enquiry_due(
        case.hearing.date.date()?,
        case.hearing.report_type?,
        holidays,
    ))
}

/// The due date of one enquiry: as typed, or the default.
pub fn due_date(
    typed: &DateParts,
    case: &Case,
    holidays: &[NaiveDate],
) -> Option<(NaiveDate, bool)> {
    match typed.date() {
        Some(d) => Some((d, false)),
        None => default_due(case, holidays).map(|d| (d, true)),
    }
}

/// Every enquiry of the case that is requested and waiting for a reply, with its due date.
pub fn awaited(case: &Case, holidays: &[NaiveDate]) -> Vec<Awaited> {
    let mut out = Vec::new();
    let mut add = |waiting: bool, e_due: &DateParts, agency: &str, what: String, path: String| {
        if !waiting {
            return;
        }
        if let Some((due, by_default)) = due_date(e_due, case, holidays) {
            out.push(Awaited {
                what,
                agency: agency.trim().to_string(),
                due,
                by_default,
                path,
            });
        }
    };
    let police = |o: Option<PoliceOutcome>| o == Some(PoliceOutcome::Awaiting);
    let cs = |o: Option<CsOutcome>| o == Some(CsOutcome::Awaiting);
    add(
        police(case.police.outcome),
        &case.police.due,
        &case.police.agency,
        "Police domestic abuse enquiry".into(),
        "police".into(),
    );
    for c in &case.childrens_services {
        add(
            cs(c.enquiry.outcome),
            &c.enquiry.due,
            &c.enquiry.agency,
            "Children's services enquiry".into(),
            "childrens-services".into(),
        );
    }
    // An address's own checks matter only while a curfew is being considered (as in the rules).
    let places: &[Place] = if case.curfew_considered() {
        &case.places
    } else {
        &[]
    };
    for p in places {
        let path = format!("places/{}", p.id);
        add(
            police(p.police_callout.outcome),
            &p.police_callout.due,
            &p.police_callout.agency,
            format!("Police call-out check, {}", p.short_address()),
            path.clone(),
        );
        add(
            cs(p.cs_check.outcome),
            &p.cs_check.due,
            &p.cs_check.agency,
            format!("Children's services check, {}", p.short_address()),
            path,
        );
    }
    out.sort_by_key(|a| a.due);
    out
}

/// Replies due before today: to chase.
pub fn overdue(case: &Case, today: NaiveDate, holidays: &[NaiveDate]) -> Vec<Awaited> {
    awaited(case, holidays)
        .into_iter()
        .filter(|a| a.due < today)
        .collect()
}

/// Replies not yet late but due on or before the hearing.
pub fn due_before_hearing(case: &Case, today: NaiveDate, holidays: &[NaiveDate]) -> Vec<Awaited> {
    let Some(hearing) = case.hearing.date.date() else {
        return Vec::new();
    };
    awaited(case, holidays)
        .into_iter()
        .filter(|a| a.due >= today && a.due <= hearing)
        .collect()
}

/// Bank holidays as the officer typed them, one date a line ("25 12 2026" or "25/12/2026").
/// A line that is not a real date is refused with its text, so nothing is silently dropped.
pub fn parse_holidays(text: &str) -> Result<Vec<NaiveDate>, String> {
    let mut days = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        // Digits and separators only: "Christmas Day 25 12 2026" is refused, not half-read.
        if !line
            .chars()
            .all(|c| c.is_ascii_digit() || " /-.".contains(c))
        {
            return Err(line.to_string());
        }
        let parts: Vec<&str> = line
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .collect();
        let date = match parts.as_slice() {
            [d, m, y] => match (
                parse_whole_number(d),
                parse_whole_number(m),
                parse_whole_number(y),
            ) {
                (Some(d), Some(m), Some(y)) if (2000..=2200).contains(&y) => {
                    NaiveDate::from_ymd_opt(y as i32, m, d)
                }
                _ => None,
            },
            _ => None,
        };
        let date = date.ok_or_else(|| line.to_string())?;
        // Kept in order, each day once, as they are read: a handful of days, and no sorting
        // code in the first download (the case list reads them).
        if let Err(at) = days.binary_search(&date) {
            days.insert(at, date);
        }
    }
    Ok(days)
}
