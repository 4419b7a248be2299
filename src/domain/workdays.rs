//! Working days: Monday to Friday, less any bank holidays the officer enters. Used for when
//! reports and enquiry replies are due.

use chrono::{Datelike, NaiveDate, Weekday};

use super::case::ReportType;

pub fn is_working_day(date: NaiveDate, bank_holidays: &[NaiveDate]) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !bank_holidays.contains(&date)
}

/// The date `n` working days after `from` (not counting `from` itself). With `n` = 0, `from` if
/// it is a working day, otherwise the next one.
pub fn add_working_days(from: NaiveDate, n: u32, bank_holidays: &[NaiveDate]) -> NaiveDate {
    let mut day = from;
    if n == 0 {
        while !is_working_day(day, bank_holidays) {
            day = day.succ_opt().unwrap_or(day);
        }
        return day;
    }
    let mut left = n;
    while left > 0 {
        day = match day.succ_opt() {
            Some(next) => next,
            None => return day,
        };
        if is_working_day(day, bank_holidays) {
            left -= 1;
        }
    }
    day
}

/// The working day before `date`.
pub fn previous_working_day(date: NaiveDate, bank_holidays: &[NaiveDate]) -> NaiveDate {
    let mut day = date;
    loop {
        day = match day.pred_opt() {
            Some(prev) => prev,
            None => return day,
        };
        if is_working_day(day, bank_holidays) {
            return day;
        }
    }
}

/// When the report is due: on the day for an oral report; usually within 5 working days for a
/// fast delivery report and 15 for a standard delivery report.
pub fn report_due(
    hearing: NaiveDate,
    report: ReportType,
    bank_holidays: &[NaiveDate],
) -> NaiveDate {
    match report {
        ReportType::Oral => add_working_days(hearing, 0, bank_holidays),
        ReportType::FastDelivery => add_working_days(hearing, 5, bank_holidays),
        ReportType::StandardDelivery => add_working_days(hearing, 15, bank_holidays),
    }
}

/// A sensible default for when an enquiry's reply is due: in time to be considered before the
/// report. For an oral report that is the hearing day itself; otherwise the working day before
/// the report is due. Always editable by the officer.
pub fn default_enquiry_due(
    hearing: NaiveDate,
    report: ReportType,
    bank_holidays: &[NaiveDate],
) -> NaiveDate {
    let due = report_due(hearing, report, bank_holidays);
    match report {
        ReportType::Oral => due,
        _ => previous_working_day(due, bank_holidays),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn working_days_skip_weekends_and_bank_holidays() {
        let christmas = [d(2026, 12, 25), d(2026, 12, 28)];
        let table = [
            // (from, n, holidays?, expected)
            (d(2026, 11, 23), 1, false, d(2026, 11, 24)), // Monday + 1 = Tuesday
            (d(2026, 11, 27), 1, false, d(2026, 11, 30)), // Friday + 1 = Monday
            (d(2026, 11, 28), 1, false, d(2026, 11, 30)), // Saturday + 1 = Monday
            (d(2026, 11, 23), 5, false, d(2026, 11, 30)), // a week
            (d(2026, 11, 23), 15, false, d(2026, 12, 14)),
            (d(2026, 12, 24), 1, true, d(2026, 12, 29)), // over Christmas and the substitute day
            (d(2026, 11, 28), 0, false, d(2026, 11, 30)), // a Saturday hearing moves to Monday
        ];
        for (from, n, holidays, expected) in table {
            let h: &[NaiveDate] = if holidays { &christmas } else { &[] };
            assert_eq!(add_working_days(from, n, h), expected, "{from} + {n}");
        }
        assert_eq!(previous_working_day(d(2026, 11, 30), &[]), d(2026, 11, 27));
        assert_eq!(
            previous_working_day(d(2026, 12, 29), &christmas),
            d(2026, 12, 24)
        );
    }

    #[test]
    fn report_and_enquiry_due_dates_follow_the_report_type() {
        let hearing = d(2026, 11, 23); // a Monday
        assert_eq!(report_due(hearing, ReportType::Oral, &[]), hearing);
        assert_eq!(
            report_due(hearing, ReportType::FastDelivery, &[]),
            d(2026, 11, 30)
        );
        assert_eq!(
            report_due(hearing, ReportType::StandardDelivery, &[]),
            d(2026, 12, 14)
        );
        assert_eq!(default_enquiry_due(hearing, ReportType::Oral, &[]), hearing);
        assert_eq!(
            default_enquiry_due(hearing, ReportType::FastDelivery, &[]),
            d(2026, 11, 27)
        );
        assert_eq!(
            default_enquiry_due(hearing, ReportType::StandardDelivery, &[]),
            d(2026, 12, 11)
        );
    }
}
