//! Curfew schedule arithmetic against the statutory limits of Sentencing Act 2020, Schedule 9,
//! paragraph 9, as amended by the Police, Crime, Sentencing and Courts Act 2022, s.150 (in force
//! 28 June 2022).
//!
//! - Convicted on or after 28 June 2022: at most 20 hours in any day, within 2 years of the start.
//! - Convicted before: at most 16 hours in any day, within 12 months.
//! - Always: at least 2 hours on each curfew day, and at most 112 hours in any period of 7 days
//!   beginning with the day of the week on which the requirement first takes effect. Those are fixed
//!   weeks counted from the start day, not a sliding window.
//! - "A day" is read both ways, and either breach blocks: each window counted whole on the day
//!   it starts (19:00 to 07:00 is 12 hours on its start day), and each calendar day from
//!   midnight to midnight (which catches a night running into a long next day).
//! - Where offences were convicted either side of the change, the stricter limits apply.
//! - A period of months follows the corresponding-date rule: N months beginning with a day end
//!   the day before the same date N months later or, where that month has no such date, on the
//!   last day of that month (12 months from 29 February 2024 end on 28 February 2025).

use chrono::{Datelike, Days, NaiveDate, NaiveTime};

use super::case::{Case, Day, LengthUnit, Offence};
use super::choice::Choice;
use super::inputs::{parse_time, parse_whole_number};

pub const MINUTES_PER_DAY: u32 = 24 * 60;
const MINUTES_PER_WEEK: u32 = 7 * MINUTES_PER_DAY;
pub const MIN_DAILY_MINUTES: u32 = 2 * 60;
pub const MAX_WEEKLY_MINUTES: u32 = 112 * 60;

/// The day the amended limits took effect.
pub fn commencement() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 6, 28).expect("valid date")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Regime {
    /// Convicted before 28 June 2022: 16 hours a day, 12 months.
    Before2022,
    /// Convicted on or after 28 June 2022: 20 hours a day, 2 years.
    From2022,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub regime: Regime,
    /// Offences were convicted either side of 28 June 2022; the stricter limits apply.
    pub mixed: bool,
}

impl Limits {
    pub fn max_daily_minutes(self) -> u32 {
        match self.regime {
            Regime::Before2022 => 16 * 60,
            Regime::From2022 => 20 * 60,
        }
    }
    pub fn max_months(self) -> u32 {
        match self.regime {
            Regime::Before2022 => 12,
            Regime::From2022 => 24,
        }
    }
    pub fn describe(self) -> String {
        let base = match self.regime {
            Regime::Before2022 => {
                "Convicted before 28 June 2022: at most 16 hours in any day, and the curfew must end within 12 months of the start"
            }
            Regime::From2022 => {
                "Convicted on or after 28 June 2022: at most 20 hours in any day, and the curfew must end within 2 years of the start"
            }
        };
        let mixed = if self.mixed {
            ". The offences were convicted either side of 28 June 2022, so the stricter limits apply"
        } else {
            ""
        };
        format!(
            "{base}{mixed}. Always at least 2 hours on each curfew day and at most 112 hours in each 7-day period from the start day."
        )
    }
}

/// A conviction date that can be right: recorded, not in the future, not before its offence.
pub fn possible_conviction_date(offence: &Offence, today: NaiveDate) -> Option<NaiveDate> {
    let convicted = offence.conviction_date.date()?;
    let committed = offence.offence_date.date();
    (convicted <= today && committed.is_none_or(|c| c <= convicted)).then_some(convicted)
}

/// Which limits apply, or the offences whose conviction date is missing or cannot be right (a
/// typo such as 2032 for 2021 must not choose the limits).
pub fn limits_for(offences: &[Offence], today: NaiveDate) -> Result<Limits, Vec<u32>> {
    let missing: Vec<u32> = offences
        .iter()
        .filter(|o| possible_conviction_date(o, today).is_none())
        .map(|o| o.id)
        .collect();
    if offences.is_empty() || !missing.is_empty() {
        return Err(missing);
    }
    let before = offences
        .iter()
        .filter_map(|o| o.conviction_date.date())
        .filter(|d| *d < commencement())
        .count();
    let regime = if before > 0 {
        Regime::Before2022
    } else {
        Regime::From2022
    };
    Ok(Limits {
        regime,
        mixed: before > 0 && before < offences.len(),
    })
}

/// A window with readable times: minutes from midnight and length in minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedWindow {
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub start_minute: u32,
    pub minutes: u32,
}

impl ParsedWindow {
    /// Minutes before midnight on the day it starts.
    pub fn same_day_minutes(self) -> u32 {
        self.minutes.min(MINUTES_PER_DAY - self.start_minute)
    }
    /// Minutes after midnight, on the next day.
    pub fn next_day_minutes(self) -> u32 {
        self.minutes - self.same_day_minutes()
    }
}

pub fn parse_window(from: &str, to: &str) -> Option<ParsedWindow> {
    use chrono::Timelike;
    let (start, end) = (parse_time(from)?, parse_time(to)?);
    let s = start.hour() * 60 + start.minute();
    let e = end.hour() * 60 + end.minute();
    if s == e {
        return None;
    }
    let minutes = if e > s {
        e - s
    } else {
        MINUTES_PER_DAY - s + e
    };
    Some(ParsedWindow {
        start,
        end,
        start_minute: s,
        minutes,
    })
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScheduleProblem {
    NoStart,
    NoLength,
    NoWindows,
    /// Window number (from 1) with times missing, unreadable or equal.
    WindowTimes(usize),
    WindowNoDays(usize),
    WindowNoPlace(usize),
    /// Two windows (numbers from 1) cover the same time.
    Overlap(usize, usize),
    /// Days of the week whose curfew exceeds the daily limit, counting each window whole on the
    /// day it starts, with the most minutes found.
    OverDaily(Vec<Day>, u32),
    /// Days of the week whose calendar day (midnight to midnight, including the night before
    /// running into it) holds more than the daily limit, with the most minutes found.
    OverDailyCalendar(Vec<Day>, u32),
    /// The curfew starts before the (latest) date of conviction.
    StartBeforeConviction(NaiveDate),
    /// Curfew days with less than 2 hours.
    UnderTwoHours(Vec<Day>),
    /// A 7-day period (its first day) with more than 112 hours, and its minutes.
    OverWeekly(NaiveDate, u32),
    /// The curfew's last day falls after the last day the limits allow.
    TooLong {
        last_day: NaiveDate,
        latest: NaiveDate,
    },
    /// The limits cannot be known until every conviction date is recorded.
    LimitsUnknown,
}

/// Everything the schedule page shows as the officer types, and the rules check.
#[derive(Clone, Debug, PartialEq)]
pub struct ScheduleReport {
    pub limits: Option<Limits>,
    pub start: Option<NaiveDate>,
    /// The last day of the curfew.
    pub last_day: Option<NaiveDate>,
    /// The last day of the order, if its length is known.
    pub order_last_day: Option<NaiveDate>,
    /// Curfew minutes counted on each day of the week, Monday first.
    pub weekday_minutes: [u32; 7],
    /// Most minutes in any one 7-day period from the start day, and that period's first day.
    pub busiest_period: Option<(NaiveDate, u32)>,
    /// The last night's curfew runs past midnight at the end of the last day: when it starts
    /// and when it would end, on the day after.
    pub last_night: Option<(NaiveTime, NaiveTime)>,
    /// The latest last day the statutory limits allow.
    pub latest_last_day: Option<NaiveDate>,
    pub problems: Vec<ScheduleProblem>,
}

impl ScheduleReport {
    pub fn runs_past_order(&self) -> bool {
        matches!((self.last_day, self.order_last_day), (Some(l), Some(o)) if l > o)
    }
    pub fn longest_day_minutes(&self) -> u32 {
        self.weekday_minutes.iter().copied().max().unwrap_or(0)
    }
}

/// The last day of a curfew of `length` units beginning with `start`. Months follow the
/// corresponding-date rule (see the top of this file).
pub fn last_day(start: NaiveDate, length: u32, unit: LengthUnit) -> Option<NaiveDate> {
    if length == 0 {
        return None;
    }
    match unit {
        LengthUnit::Days => start
            .checked_add_days(Days::new(u64::from(length)))?
            .pred_opt(),
        LengthUnit::Weeks => start
            .checked_add_days(Days::new(u64::from(length) * 7))?
            .pred_opt(),
        LengthUnit::Months => {
            let months = start.year() * 12 + start.month0() as i32 + i32::try_from(length).ok()?;
            let (year, month) = (months.div_euclid(12), months.rem_euclid(12) as u32 + 1);
            match NaiveDate::from_ymd_opt(year, month, start.day()) {
                Some(corresponding) => corresponding.pred_opt(),
                // No such date in that month (31 April, 29 February 2025): its last day.
                None => NaiveDate::from_ymd_opt(year, month, 1)?
                    .checked_add_months(chrono::Months::new(1))?
                    .pred_opt(),
            }
        }
    }
}

pub fn check_schedule(case: &Case, today: NaiveDate) -> ScheduleReport {
    let schedule = &case.schedule;
    let limits = limits_for(&case.offences, today).ok();
    let start = schedule.start.date();
    let length = parse_whole_number(&schedule.length);
    let last = match (start, length, schedule.length_unit) {
        (Some(s), Some(n), Some(u)) => last_day(s, n, u),
        _ => None,
    };
    let order_last_day = match (start, parse_whole_number(&schedule.order_months)) {
        (Some(s), Some(m)) => last_day(s, m, LengthUnit::Months),
        _ => None,
    };

    let mut problems = Vec::new();
    if start.is_none() {
        problems.push(ScheduleProblem::NoStart);
    }
    if last.is_none() {
        problems.push(ScheduleProblem::NoLength);
    }
    if schedule.windows.is_empty() {
        problems.push(ScheduleProblem::NoWindows);
    }
    if limits.is_none() {
        problems.push(ScheduleProblem::LimitsUnknown);
    }
    let convicted = case
        .offences
        .iter()
        .filter_map(|o| possible_conviction_date(o, today))
        .max();
    if let (Some(s), Some(c)) = (start, convicted) {
        if s < c {
            problems.push(ScheduleProblem::StartBeforeConviction(c));
        }
    }

    // Windows that can be counted: readable times on at least one day.
    let mut counted: Vec<(usize, ParsedWindow, &[Day])> = Vec::new();
    for (i, w) in schedule.windows.iter().enumerate() {
        let number = i + 1;
        let parsed = parse_window(&w.from, &w.to);
        if parsed.is_none() {
            problems.push(ScheduleProblem::WindowTimes(number));
        }
        if w.days.is_empty() {
            problems.push(ScheduleProblem::WindowNoDays(number));
        }
        let place_known = w.place_id.is_some_and(|id| case.place(id).is_some());
        if !place_known && case.places.len() != 1 {
            problems.push(ScheduleProblem::WindowNoPlace(number));
        }
        if let Some(p) = parsed {
            if !w.days.is_empty() {
                counted.push((number, p, &w.days));
            }
        }
    }

    // Overlaps on the weekly cycle, including a late window running into the next morning.
    for (i, (na, a, days_a)) in counted.iter().enumerate() {
        for (nb, b, days_b) in counted.iter().skip(i + 1) {
            let clash = days_a.iter().any(|da| {
                days_b.iter().any(|db| {
                    let a0 = day_index(*da) * MINUTES_PER_DAY + a.start_minute;
                    let b0 = day_index(*db) * MINUTES_PER_DAY + b.start_minute;
                    (b0 + MINUTES_PER_WEEK - a0) % MINUTES_PER_WEEK < a.minutes
                        || (a0 + MINUTES_PER_WEEK - b0) % MINUTES_PER_WEEK < b.minutes
                })
            });
            if clash {
                problems.push(ScheduleProblem::Overlap(*na, *nb));
            }
        }
    }

    // Each day of the week: minutes of the windows starting that day; of them, the minutes
    // before midnight; and the minutes that run on past midnight into the next day.
    let mut weekday_minutes = [0u32; 7];
    let mut same_day = [0u32; 7];
    let mut into_next_day = [0u32; 7];
    for (_, w, days) in &counted {
        for d in days.iter() {
            let i = day_index(*d) as usize;
            weekday_minutes[i] += w.minutes;
            same_day[i] += w.same_day_minutes();
            into_next_day[i] += w.next_day_minutes();
        }
    }

    let mut busiest_period = None;
    let mut last_night = None;
    let latest_last_day = match (start, limits) {
        (Some(s), Some(l)) => last_day(s, l.max_months(), LengthUnit::Months),
        _ => None,
    };
    if let (Some(start), Some(last)) = (start, last) {
        // Walk the real days so a short curfew is judged only on the days it covers. Cap the walk:
        // a length beyond the limits is reported as too long anyway.
        let cap = last_day(start, 36, LengthUnit::Months).unwrap_or(last);
        let last_counted = last.min(cap);
        let mut over_daily: Vec<Day> = Vec::new();
        let mut over_calendar: Vec<Day> = Vec::new();
        let mut under: Vec<Day> = Vec::new();
        let mut most_daily = 0;
        let mut most_calendar = 0;
        let mut period_start = start;
        let mut period_total = 0u32;
        let mut day = start;
        let mut index = 0u32;
        loop {
            let weekday = Day::from_chrono(day.weekday());
            let minutes = weekday_minutes[day_index(weekday) as usize];
            // Midnight to midnight: today's windows up to midnight, and last night's after it
            // (none before the first day).
            let i = day_index(weekday) as usize;
            let overnight = if day > start {
                into_next_day[(i + 6) % 7]
            } else {
                0
            };
            let calendar = same_day[i] + overnight;
            if let Some(l) = limits {
                if minutes > l.max_daily_minutes() && !over_daily.contains(&weekday) {
                    over_daily.push(weekday);
                    most_daily = most_daily.max(minutes);
                }
                if calendar > l.max_daily_minutes() && !over_calendar.contains(&weekday) {
                    over_calendar.push(weekday);
                    most_calendar = most_calendar.max(calendar);
                }
            }
            if minutes > 0 && minutes < MIN_DAILY_MINUTES && !under.contains(&weekday) {
                under.push(weekday);
            }
            if index % 7 == 0 {
                period_start = day;
                period_total = 0;
            }
            period_total += minutes;
            if busiest_period.is_none_or(|(_, m)| period_total > m) {
                busiest_period = Some((period_start, period_total));
            }
            index += 1;
            match day.succ_opt() {
                Some(next) if next <= last_counted => day = next,
                _ => break,
            }
        }
        over_daily.sort();
        under.sort();
        // A day already over by the first reading is not reported twice.
        over_calendar.retain(|d| !over_daily.contains(d));
        over_calendar.sort();
        if !over_daily.is_empty() {
            problems.push(ScheduleProblem::OverDaily(over_daily, most_daily));
        }
        if !over_calendar.is_empty() {
            problems.push(ScheduleProblem::OverDailyCalendar(
                over_calendar,
                most_calendar,
            ));
        }
        // The last night: a window starting on the last day that runs past its midnight.
        let last_weekday = Day::from_chrono(last.weekday());
        last_night = counted
            .iter()
            .filter(|(_, w, days)| days.contains(&last_weekday) && w.next_day_minutes() > 0)
            .map(|(_, w, _)| (w.start, w.end))
            .next();
        if !under.is_empty() {
            problems.push(ScheduleProblem::UnderTwoHours(under));
        }
        if let Some((first, minutes)) = busiest_period {
            if minutes > MAX_WEEKLY_MINUTES {
                problems.push(ScheduleProblem::OverWeekly(first, minutes));
            }
        }
        if let Some(latest) = latest_last_day {
            if last > latest {
                problems.push(ScheduleProblem::TooLong {
                    last_day: last,
                    latest,
                });
            }
        }
    }

    ScheduleReport {
        limits,
        start,
        last_day: last,
        order_last_day,
        weekday_minutes,
        busiest_period,
        last_night,
        latest_last_day,
        problems,
    }
}

fn day_index(day: Day) -> u32 {
    Day::all().iter().position(|d| *d == day).unwrap_or(0) as u32
}

/// "12 hours", "1 hour 30 minutes".
pub fn hours_text(minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let hours = if h == 1 {
        "1 hour".to_string()
    } else {
        format!("{h} hours")
    };
    match m {
        0 => hours,
        _ if h == 0 => format!("{m} minutes"),
        _ => format!("{hours} {m} minutes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{CurfewWindow, Offence};
    use crate::domain::inputs::DateParts;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        date(2026, 11, 30)
    }

    fn case_with(
        convicted: &[NaiveDate],
        start: NaiveDate,
        length: &str,
        unit: LengthUnit,
        windows: &[(&str, &str, &[Day])],
    ) -> Case {
        let mut case = <Case as Default>::default();
        for (i, c) in convicted.iter().enumerate() {
            case.offences.push(Offence {
                id: i as u32 + 1,
                conviction_date: DateParts::from_date(*c),
                ..<Offence as Default>::default()
            });
        }
        case.add_place();
        case.schedule.start = DateParts::from_date(start);
        case.schedule.length = length.into();
        case.schedule.length_unit = Some(unit);
        for (from, to, days) in windows {
            case.schedule.windows.push(CurfewWindow {
                id: 100,
                place_id: Some(case.places[0].id),
                from: (*from).into(),
                to: (*to).into(),
                days: days.to_vec(),
            });
        }
        case
    }

    const EVERY_DAY: &[Day] = &[
        Day::Mon,
        Day::Tue,
        Day::Wed,
        Day::Thu,
        Day::Fri,
        Day::Sat,
        Day::Sun,
    ];

    #[test]
    fn window_across_midnight_counts_whole_on_its_start_day() {
        let w = parse_window("19:00", "07:00").unwrap();
        assert_eq!(w.minutes, 12 * 60);
        assert_eq!(
            parse_window("07:00", "19:30").unwrap().minutes,
            12 * 60 + 30
        );
        assert_eq!(parse_window("19:00", "19:00"), None);
        assert_eq!(parse_window("19:00", ""), None);
    }

    #[test]
    fn conviction_date_decides_the_limits() {
        let after = Offence {
            conviction_date: DateParts::from_date(date(2022, 6, 28)),
            ..<Offence as Default>::default()
        };
        let before = Offence {
            id: 2,
            conviction_date: DateParts::from_date(date(2022, 6, 27)),
            ..<Offence as Default>::default()
        };
        assert_eq!(
            limits_for(&[after.clone()], today()),
            Ok(Limits {
                regime: Regime::From2022,
                mixed: false
            })
        );
        assert_eq!(
            limits_for(&[before.clone()], today()),
            Ok(Limits {
                regime: Regime::Before2022,
                mixed: false
            })
        );
        assert_eq!(
            limits_for(&[after.clone(), before], today()),
            Ok(Limits {
                regime: Regime::Before2022,
                mixed: true
            })
        );
        let unknown = Offence {
            id: 7,
            ..<Offence as Default>::default()
        };
        assert_eq!(limits_for(&[after, unknown], today()), Err(vec![7]));
        assert_eq!(limits_for(&[], today()), Err(vec![]));
    }

    /// (conviction, window, length, unit, expected problems other than none)
    #[test]
    fn statutory_limits_table() {
        let new = date(2024, 1, 10);
        let old = date(2021, 5, 1);
        let start = date(2026, 12, 7); // a Monday
        type Row<'a> = (
            &'a str,
            NaiveDate,
            (&'a str, &'a str),
            &'a str,
            LengthUnit,
            Vec<&'a str>,
        );
        let rows: Vec<Row> = vec![
            (
                "12 hours a day, 6 months, new law",
                new,
                ("19:00", "07:00"),
                "6",
                LengthUnit::Months,
                vec![],
            ),
            (
                "16 hours a day old law is the most allowed",
                old,
                ("18:00", "10:00"),
                "6",
                LengthUnit::Months,
                vec![],
            ),
            (
                "17 hours a day breaks the old 16-hour limit",
                old,
                ("17:00", "10:00"),
                "6",
                LengthUnit::Months,
                vec!["daily", "weekly"],
            ),
            (
                "17 hours a day is within the new daily limit but breaks 112 a week",
                new,
                ("17:00", "10:00"),
                "6",
                LengthUnit::Months,
                vec!["weekly"],
            ),
            (
                "1 hour a day is under the 2-hour minimum",
                new,
                ("20:00", "21:00"),
                "6",
                LengthUnit::Months,
                vec!["under"],
            ),
            (
                "13 months is too long under the old law",
                old,
                ("19:00", "07:00"),
                "13",
                LengthUnit::Months,
                vec!["long"],
            ),
            (
                "13 months is fine under the new law",
                new,
                ("19:00", "07:00"),
                "13",
                LengthUnit::Months,
                vec![],
            ),
            (
                "2 years exactly is the most under the new law",
                new,
                ("19:00", "07:00"),
                "24",
                LengthUnit::Months,
                vec![],
            ),
            (
                "25 months is too long under the new law",
                new,
                ("19:00", "07:00"),
                "25",
                LengthUnit::Months,
                vec!["long"],
            ),
            (
                "52 weeks is within 12 months",
                old,
                ("19:00", "07:00"),
                "52",
                LengthUnit::Weeks,
                vec![],
            ),
        ];
        for (name, convicted, (from, to), length, unit, expected) in rows {
            let case = case_with(&[convicted], start, length, unit, &[(from, to, EVERY_DAY)]);
            let report = check_schedule(&case, today());
            let mut kinds: Vec<&str> = report
                .problems
                .iter()
                .map(|p| match p {
                    ScheduleProblem::OverDaily(..) => "daily",
                    ScheduleProblem::OverDailyCalendar(..) => "calendar",
                    ScheduleProblem::OverWeekly(..) => "weekly",
                    ScheduleProblem::UnderTwoHours(..) => "under",
                    ScheduleProblem::TooLong { .. } => "long",
                    other => panic!("{name}: unexpected {other:?}"),
                })
                .collect();
            kinds.sort();
            let mut expected = expected;
            expected.sort();
            assert_eq!(kinds, expected, "{name}");
        }
    }

    #[test]
    fn weekly_limit_counts_fixed_periods_from_the_start_day() {
        // 20 hours on Friday, Saturday and Sunday and 13 on Monday to Thursday is
        // 60 + 52 = 112 in every Monday-to-Sunday week: allowed when the curfew starts on Monday.
        // (Thursday night runs 6 hours into Friday: with Friday's 14 before midnight, 20.)
        let start_monday = date(2026, 12, 7);
        let weekend: &[Day] = &[Day::Fri, Day::Sat, Day::Sun];
        let weekdays: &[Day] = &[Day::Mon, Day::Tue, Day::Wed, Day::Thu];
        let windows = [("10:00", "06:00", weekend), ("17:00", "06:00", weekdays)];
        let case = case_with(
            &[date(2024, 1, 1)],
            start_monday,
            "4",
            LengthUnit::Weeks,
            &windows,
        );
        let report = check_schedule(&case, today());
        assert_eq!(report.busiest_period, Some((start_monday, 112 * 60)));
        assert!(report.problems.is_empty(), "{:?}", report.problems);

        // One more hour on Monday: 113 hours in the first fixed week.
        let windows = [
            ("10:00", "06:00", weekend),
            ("16:00", "06:00", &[Day::Mon]),
            ("17:00", "06:00", &weekdays[1..]),
        ];
        let case = case_with(
            &[date(2024, 1, 1)],
            start_monday,
            "4",
            LengthUnit::Weeks,
            &windows,
        );
        let report = check_schedule(&case, today());
        assert!(
            report
                .problems
                .iter()
                .any(|p| matches!(p, ScheduleProblem::OverWeekly(d, 6780) if *d == start_monday)),
            "{:?}",
            report.problems
        );
    }

    #[test]
    fn a_short_curfew_is_judged_only_on_the_days_it_covers() {
        // Starts on a Monday for 3 days; the Sunday window of 1 hour never happens.
        let windows: [(&str, &str, &[Day]); 2] = [
            ("19:00", "07:00", &[Day::Mon, Day::Tue, Day::Wed]),
            ("20:00", "21:00", &[Day::Sun]),
        ];
        let case = case_with(
            &[date(2024, 1, 1)],
            date(2026, 12, 7),
            "3",
            LengthUnit::Days,
            &windows,
        );
        let report = check_schedule(&case, today());
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(report.last_day, Some(date(2026, 12, 9)));
    }

    #[test]
    fn overlapping_windows_are_found_across_midnight() {
        type Windows<'a> = [(&'a str, &'a str, &'a [Day]); 2];
        let table: [(&str, Windows, bool); 3] = [
            (
                "Monday night into Tuesday morning",
                [
                    ("19:00", "07:00", &[Day::Mon]),
                    ("06:00", "09:00", &[Day::Tue]),
                ],
                true,
            ),
            (
                "Sunday night wraps round into Monday",
                [
                    ("19:00", "07:00", &[Day::Sun]),
                    ("06:00", "09:00", &[Day::Mon]),
                ],
                true,
            ),
            (
                "one ends as the other starts",
                [
                    ("19:00", "07:00", &[Day::Mon]),
                    ("07:00", "09:00", &[Day::Tue]),
                ],
                false,
            ),
        ];
        for (name, windows, overlap) in table {
            let case = case_with(
                &[date(2024, 1, 1)],
                date(2026, 12, 7),
                "1",
                LengthUnit::Months,
                &windows,
            );
            assert_eq!(
                check_schedule(&case, today())
                    .problems
                    .contains(&ScheduleProblem::Overlap(1, 2)),
                overlap,
                "{name}"
            );
        }
    }

    #[test]
    fn missing_parts_are_reported() {
        let mut case = <Case as Default>::default();
        let report = check_schedule(&case, today());
        for p in [
            ScheduleProblem::NoStart,
            ScheduleProblem::NoLength,
            ScheduleProblem::NoWindows,
            ScheduleProblem::LimitsUnknown,
        ] {
            assert!(report.problems.contains(&p), "{p:?}");
        }
        case.add_place();
        case.add_place();
        case.add_window();
        let report = check_schedule(&case, today());
        assert!(report.problems.contains(&ScheduleProblem::WindowTimes(1)));
        assert!(report.problems.contains(&ScheduleProblem::WindowNoDays(1)));
        assert!(report.problems.contains(&ScheduleProblem::WindowNoPlace(1)));
    }

    #[test]
    fn order_end_and_lengths() {
        // The corresponding-date rule (more rows in tests/contradictions.rs): no 31 February,
        // so the last day of February.
        assert_eq!(
            last_day(date(2026, 1, 31), 1, LengthUnit::Months),
            Some(date(2026, 2, 28))
        );
        assert_eq!(
            last_day(date(2026, 12, 7), 6, LengthUnit::Months),
            Some(date(2027, 6, 6))
        );
        assert_eq!(
            last_day(date(2026, 12, 7), 2, LengthUnit::Weeks),
            Some(date(2026, 12, 20))
        );
        assert_eq!(last_day(date(2026, 12, 7), 0, LengthUnit::Days), None);
        let mut case = case_with(
            &[date(2024, 1, 1)],
            date(2026, 12, 7),
            "6",
            LengthUnit::Months,
            &[("19:00", "07:00", EVERY_DAY)],
        );
        case.schedule.order_months = "3".into();
        assert!(check_schedule(&case, today()).runs_past_order());
        case.schedule.order_months = "12".into();
        assert!(!check_schedule(&case, today()).runs_past_order());
    }

    #[test]
    fn hours_read_plainly() {
        assert_eq!(hours_text(12 * 60), "12 hours");
        assert_eq!(hours_text(60), "1 hour");
        assert_eq!(hours_text(90), "1 hour 30 minutes");
        assert_eq!(hours_text(30), "30 minutes");
    }
}
