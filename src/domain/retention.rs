//! How long cases are kept: a case whose hearing was more than a set number of days ago is
//! offered for deletion. Personal data about victims and children should not outlive its
//! purpose; the officer decides, the app reminds.

use chrono::{Days, NaiveDate};

use super::case::Case;

pub const DEFAULT_DAYS: u32 = 30;
pub const MAX_DAYS: u32 = 3650;

/// Reads the stored setting; anything unreadable means the default.
pub fn days_from_setting(text: Option<&str>) -> u32 {
    text.and_then(|t| t.trim().parse().ok())
        .filter(|d| (1..=MAX_DAYS).contains(d))
        .unwrap_or(DEFAULT_DAYS)
}

/// Cases whose hearing was more than `days` days before `today`, in the order given.
pub fn past_retention(cases: &[Case], today: NaiveDate, days: u32) -> Vec<&Case> {
    let Some(cutoff) = today.checked_sub_days(Days::new(u64::from(days))) else {
        return Vec::new();
    };
    cases
        .iter()
        .filter(|c| c.hearing.date.date().is_some_and(|d| d < cutoff))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::inputs::DateParts;

    fn case(id: &str, hearing: Option<NaiveDate>) -> Case {
        let mut c = Case::blank(id, "now");
        if let Some(d) = hearing {
            c.hearing.date = DateParts::from_date(d);
        }
        c
    }

    #[test]
    fn cases_heard_more_than_the_set_days_ago_are_offered() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let day = |n: u64| today.checked_sub_days(Days::new(n));
        let cases = vec![
            case("a", day(31)),
            case("b", day(30)),
            case("c", day(400)),
            case("d", None),
            case("e", today.succ_opt()),
        ];
        let ids: Vec<&str> = past_retention(&cases, today, 30)
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "c"]);
        assert!(past_retention(&cases, today, 500).is_empty());
    }

    #[test]
    fn the_setting_is_read_safely() {
        assert_eq!(days_from_setting(None), 30);
        assert_eq!(days_from_setting(Some("90")), 90);
        assert_eq!(days_from_setting(Some("0")), 30);
        assert_eq!(days_from_setting(Some("lots")), 30);
        assert_eq!(days_from_setting(Some("99999")), 30);
    }
}
