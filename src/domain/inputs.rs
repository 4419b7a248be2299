//! Values kept exactly as the officer typed them, with the parsing that turns them into typed
//! values. Storing the raw text means a half-typed or mistyped date is never thrown away: the rules
//! treat it as missing and the page shows what is wrong with it.

use chrono::{Datelike, NaiveDate, NaiveTime};
use miniserde::{Deserialize, Serialize};

/// A GOV.UK date input: three boxes, kept as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

/// Why a typed date cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    MissingDay,
    MissingMonth,
    MissingYear,
    NotReal,
}

impl DateParts {
    pub fn from_date(date: NaiveDate) -> Self {
        DateParts {
            day: date.day().to_string(),
            month: date.month().to_string(),
            year: date.year().to_string(),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.day.trim().is_empty() && self.month.trim().is_empty() && self.year.trim().is_empty()
    }

    /// `Ok(None)` when all three boxes are empty.
    pub fn parse(&self) -> Result<Option<NaiveDate>, DateProblem> {
        if self.is_blank() {
            return Ok(None);
        }
        let (d, m, y) = (self.day.trim(), self.month.trim(), self.year.trim());
        if d.is_empty() {
            return Err(DateProblem::MissingDay);
        }
        if m.is_empty() {
            return Err(DateProblem::MissingMonth);
        }
        if y.is_empty() {
            return Err(DateProblem::MissingYear);
        }
        let number = |s: &str| -> Option<u32> {
            (s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit())).then(|| s.parse().ok())?
        };
        let (Some(d), Some(m), Some(y)) = (number(d), number(m), number(y)) else {
            return Err(DateProblem::NotReal);
        };
        if !(1900..=2200).contains(&y) {
            return Err(DateProblem::NotReal);
        }
        NaiveDate::from_ymd_opt(y as i32, m, d)
            .map(Some)
            .ok_or(DateProblem::NotReal)
    }

    /// The date if it was typed in full and is real; otherwise `None`.
    pub fn date(&self) -> Option<NaiveDate> {
        self.parse().ok().flatten()
    }
}

/// Reads a 24-hour time such as `19:00`, `7:30` or `1900`.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let t = text.trim().replace('.', ":");
    let (h, m) = match t.split_once(':') {
        Some((h, m)) => (h.to_string(), m.to_string()),
        // Four digits, "1900". Bytes are sliced, so only ASCII: "🕖" is four bytes too.
        None if t.len() == 4 && t.is_ascii() => (t[..2].to_string(), t[2..].to_string()),
        None => return None,
    };
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    if !(h.chars().all(|c| c.is_ascii_digit()) && m.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Reads a whole number typed into a box, allowing surrounding spaces.
pub fn parse_whole_number(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || t.len() > 6 || !t.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// "2026-11-03", as dates are kept in settings and training runs. Written and read by hand:
/// chrono's formatting would add to the download.
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// "3 November 2026", the GOV.UK date style.
pub fn long_date(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// "7pm", "7:30am", "midnight", "midday": times as a court report writes them.
pub fn spoken_time(time: NaiveTime) -> String {
    use chrono::Timelike;
    let (h, m) = (time.hour(), time.minute());
    match (h, m) {
        (0, 0) => "midnight".into(),
        (12, 0) => "midday".into(),
        _ => {
            let suffix = if h < 12 { "am" } else { "pm" };
            let h12 = match h % 12 {
                0 => 12,
                x => x,
            };
            if m == 0 {
                format!("{h12}{suffix}")
            } else {
                format!("{h12}:{m:02}{suffix}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(d: &str, m: &str, y: &str) -> DateParts {
        DateParts {
            day: d.into(),
            month: m.into(),
            year: y.into(),
        }
    }

    #[test]
    fn dates_parse_as_govuk_forms_expect() {
        let table = [
            (parts("", "", ""), Ok(None)),
            (
                parts("3", "11", "2026"),
                Ok(NaiveDate::from_ymd_opt(2026, 11, 3)),
            ),
            (
                parts(" 03 ", "11", "2026"),
                Ok(NaiveDate::from_ymd_opt(2026, 11, 3)),
            ),
            (parts("", "11", "2026"), Err(DateProblem::MissingDay)),
            (parts("3", "", "2026"), Err(DateProblem::MissingMonth)),
            (parts("3", "11", ""), Err(DateProblem::MissingYear)),
            (parts("31", "2", "2026"), Err(DateProblem::NotReal)),
            (parts("x", "2", "2026"), Err(DateProblem::NotReal)),
            (parts("1", "1", "26"), Err(DateProblem::NotReal)),
            (parts("-1", "1", "2026"), Err(DateProblem::NotReal)),
        ];
        for (input, expected) in table {
            assert_eq!(input.parse(), expected, "{input:?}");
        }
    }

    #[test]
    fn times_parse_in_24_hour_forms() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_time("19:00"), t(19, 0));
        assert_eq!(parse_time("7:30"), t(7, 30));
        assert_eq!(parse_time("0700"), t(7, 0));
        assert_eq!(parse_time("19.15"), t(19, 15));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("7pm"), None);
        assert_eq!(parse_time(""), None);
    }

    #[test]
    fn spoken_times_read_naturally() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(spoken_time(t(19, 0)), "7pm");
        assert_eq!(spoken_time(t(7, 30)), "7:30am");
        assert_eq!(spoken_time(t(0, 0)), "midnight");
        assert_eq!(spoken_time(t(12, 0)), "midday");
        assert_eq!(spoken_time(t(12, 30)), "12:30pm");
    }
}

/// A stored time stamp ("2026-11-23T14:05:09") as people read it: "23 November 2026 at 14:05".
pub fn long_stamp(stamp: &str) -> String {
    let (date, time) = stamp.split_once('T').unwrap_or((stamp, ""));
    // Read by hand: chrono's format parser would add to the download.
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let day = match (
        parts.next().flatten(),
        parts.next().flatten(),
        parts.next().flatten(),
    ) {
        (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d),
        _ => None,
    };
    match (day, time.get(..5)) {
        (Some(d), Some(t)) => format!("{} at {t}", long_date(d)),
        // Time stamps are written by this app, so a date without a time is unusual but readable.
        (Some(d), None) => long_date(d),
        _ => stamp.to_string(),
    }
}
