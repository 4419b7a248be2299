//! When enquiry replies are due: the default from the hearing date and report type, a typed due
//! date winning, bank holidays, which replies are awaited, late or due before the hearing, the
//! CHASE advice, the bank-holiday list as typed, and working-day arithmetic as a property.

mod common;

use chrono::{Datelike, NaiveDate, Weekday};
use common::*;
use presentence_checks::domain::Case;
use presentence_checks::domain::case::*;
use presentence_checks::domain::deadlines::{
    Awaited, awaited, default_due, due_before_hearing, due_date, overdue, parse_holidays,
};
use presentence_checks::domain::inputs::DateParts;
use presentence_checks::domain::rules::assess_with_holidays;
use presentence_checks::domain::workdays::{add_working_days, is_working_day};
use proptest::prelude::*;

fn day(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

/// Christmas Day and the substitute Boxing Day of 2026 (26 December is a Saturday).
fn christmas() -> Vec<NaiveDate> {
    vec![day(2026, 12, 25), day(2026, 12, 28)]
}

fn with_hearing(hearing: DateParts, report: Option<ReportType>) -> Case {
    let mut case = lives_alone();
    case.hearing.date = hearing;
    case.hearing.report_type = report;
    case
}

#[test]
fn the_dates_used_here_fall_on_the_days_the_comments_say() {
    assert_eq!(today().weekday(), Weekday::Mon);
    assert_eq!(day(2026, 11, 28).weekday(), Weekday::Sat);
    assert_eq!(day(2026, 12, 21).weekday(), Weekday::Mon);
    assert_eq!(day(2026, 12, 25).weekday(), Weekday::Fri);
    assert_eq!(day(2026, 12, 28).weekday(), Weekday::Mon);
}

#[test]
fn default_due_follows_the_hearing_and_report_type() {
    use ReportType::*;
    type Row = (
        &'static str,
        DateParts,
        Option<ReportType>,
        Vec<NaiveDate>,
        Option<NaiveDate>,
    );
    #[rustfmt::skip]
    let table: Vec<Row> = vec![
        ("oral: the hearing day", d(2026, 11, 30), Some(Oral), vec![], Some(day(2026, 11, 30))),
        ("oral on a Saturday: moves to Monday", d(2026, 11, 28), Some(Oral), vec![], Some(day(2026, 11, 30))),
        ("oral on Christmas Day, no holidays entered: that Friday", d(2026, 12, 25), Some(Oral), vec![], Some(day(2026, 12, 25))),
        ("oral on Christmas Day, holidays entered: past the weekend and the substitute day", d(2026, 12, 25), Some(Oral), christmas(), Some(day(2026, 12, 29))),
        // Monday 30 November + 5 working days = Monday 7 December; the working day before.
        ("fast delivery: the working day before 5 working days after", d(2026, 11, 30), Some(FastDelivery), vec![], Some(day(2026, 12, 4))),
        // Friday 27 November + 5 = Friday 4 December; the day before.
        ("fast delivery from a Friday", d(2026, 11, 27), Some(FastDelivery), vec![], Some(day(2026, 12, 3))),
        // Monday 23 November + 15 = Monday 14 December; the working day before.
        ("standard delivery: the working day before 15 working days after", d(2026, 11, 23), Some(StandardDelivery), vec![], Some(day(2026, 12, 11))),
        ("standard delivery from 30 November", d(2026, 11, 30), Some(StandardDelivery), vec![], Some(day(2026, 12, 18))),
        // 21 December + 5 = 28 December (only weekends skipped); the day before is the 25th.
        ("fast delivery over Christmas, no holidays entered", d(2026, 12, 21), Some(FastDelivery), vec![], Some(day(2026, 12, 25))),
        // 22, 23, 24, 29, 30 December: due the 30th; the working day before is the 29th.
        ("fast delivery over Christmas, holidays entered", d(2026, 12, 21), Some(FastDelivery), christmas(), Some(day(2026, 12, 29))),
        // 21, 22, 23, 24, 29 December: due the 29th; the working day before skips back over
        // the 28th, the weekend and the 25th to Thursday 24 December.
        ("fast delivery: the working day before skips holidays too", d(2026, 12, 18), Some(FastDelivery), christmas(), Some(day(2026, 12, 24))),
        // 15 working days from 21 December land on Monday 11 January; the day before is the 8th.
        ("standard delivery over Christmas, no holidays entered", d(2026, 12, 21), Some(StandardDelivery), vec![], Some(day(2027, 1, 8))),
        ("standard delivery over Christmas, holidays entered", d(2026, 12, 21), Some(StandardDelivery), christmas(), Some(day(2027, 1, 12))),
        ("no hearing date", DateParts::default(), Some(FastDelivery), vec![], None),
        ("a hearing date not typed in full", DateParts { day: "30".into(), month: "11".into(), year: String::new() }, Some(Oral), vec![], None),
        ("a hearing date that is not real", d(2026, 11, 30).with_day("31"), Some(Oral), vec![], None),
        ("no report type", d(2026, 11, 30), None, vec![], None),
    ];
    for (what, hearing, report, holidays, expected) in table {
        let case = with_hearing(hearing, report);
        assert_eq!(default_due(&case, &holidays), expected, "{what}");
        // With nothing typed, the due date is the default, marked as such.
        assert_eq!(
            due_date(&DateParts::default(), &case, &holidays),
            expected.map(|d| (d, true)),
            "{what}: due_date with nothing typed"
        );
    }
}

/// `DateParts` with its day box changed.
trait WithDay {
    fn with_day(self, day: &str) -> DateParts;
}

impl WithDay for DateParts {
    fn with_day(mut self, day: &str) -> DateParts {
        self.day = day.into();
        self
    }
}

#[test]
fn a_typed_due_date_wins_over_the_default() {
    let fast = with_hearing(d(2026, 11, 30), Some(ReportType::FastDelivery));
    let no_hearing = with_hearing(DateParts::default(), None);
    type Row<'a> = (
        &'static str,
        DateParts,
        &'a Case,
        Vec<NaiveDate>,
        Option<(NaiveDate, bool)>,
    );
    #[rustfmt::skip]
    let table: Vec<Row> = vec![
        ("typed, earlier than the default", d(2026, 11, 25), &fast, vec![], Some((day(2026, 11, 25), false))),
        ("typed, later than the default", d(2026, 12, 18), &fast, vec![], Some((day(2026, 12, 18), false))),
        ("typed on a bank holiday: kept as typed", d(2026, 12, 25), &fast, vec![day(2026, 12, 25)], Some((day(2026, 12, 25), false))),
        ("typed with no hearing date or report type", d(2026, 11, 20), &no_hearing, vec![], Some((day(2026, 11, 20), false))),
        ("nothing typed: the default", DateParts::default(), &fast, vec![], Some((day(2026, 12, 4), true))),
        ("nothing typed and no default", DateParts::default(), &no_hearing, vec![], None),
        // A mistyped date is treated as missing (the page shows what is wrong with it).
        ("typed but not a real date: the default", d(2026, 2, 1).with_day("31"), &fast, vec![], Some((day(2026, 12, 4), true))),
    ];
    for (what, typed, case, holidays, expected) in table {
        assert_eq!(due_date(&typed, case, &holidays), expected, "{what}");
    }
}

/// One enquiry listed, as compared: what, agency, due date, whether by default, path.
type Row = (String, String, NaiveDate, bool, String);

fn row(what: &str, agency: &str, due: NaiveDate, by_default: bool, path: &str) -> Row {
    (what.into(), agency.into(), due, by_default, path.into())
}

fn rows(list: &[Awaited]) -> Vec<Row> {
    list.iter()
        .map(|a| row(&a.what, &a.agency, a.due, a.by_default, &a.path))
        .collect()
}

/// Every reply is back (the fixture), then the test's changes on top. The hearing is Monday
/// 30 November 2026, a fast delivery report: the default due date is Friday 4 December.
fn case_with(change: fn(&mut Case)) -> Case {
    let mut case = lives_alone();
    change(&mut case);
    case
}

/// The path of the fixture's one place.
fn place_path(case: &Case) -> String {
    format!("places/{}", case.places[0].id)
}

const POLICE: &str = "Police domestic abuse enquiry";
const CS: &str = "Children's services enquiry";
const CALLOUT: &str = "Police call-out check, Flat 2, 10 Sample Street, NT1 2AB";
const CS_CHECK: &str = "Children's services check, Flat 2, 10 Sample Street, NT1 2AB";

#[test]
fn awaited_overdue_and_due_before_the_hearing() {
    type Expect = fn(&Case) -> (Vec<Row>, Vec<&'static str>, Vec<&'static str>);
    // (what, change, expected: awaited rows, whats overdue, whats due before the hearing)
    type TableRow = (&'static str, fn(&mut Case), Expect);
    let table: Vec<TableRow> = vec![
        (
            "every reply received: nothing awaited",
            |_| {},
            |_| (vec![], vec![], vec![]),
        ),
        (
            "outcomes other than awaiting are not listed, whatever their due date",
            |c| {
                c.police.outcome = Some(PoliceOutcome::NotRequested);
                c.childrens_services[0].enquiry.outcome = Some(CsOutcome::NotRequired);
                c.places[0].police_callout.outcome = None;
                c.places[0].police_callout.due = d(2026, 11, 2);
                c.places[0].cs_check.outcome = Some(CsOutcome::ChildProtectionPlan);
                c.places[0].cs_check.due = d(2026, 11, 2);
            },
            |_| (vec![], vec![], vec![]),
        ),
        (
            "police awaited, due typed before today: overdue",
            |c| c.police.outcome = Some(PoliceOutcome::Awaiting),
            |_| {
                (
                    vec![row(
                        POLICE,
                        "Northshire Police",
                        day(2026, 11, 20),
                        false,
                        "police",
                    )],
                    vec![POLICE],
                    vec![],
                )
            },
        ),
        (
            "police awaited, nothing typed: the default, after the hearing",
            |c| {
                c.police.outcome = Some(PoliceOutcome::Awaiting);
                c.police.due = DateParts::default();
            },
            |_| {
                (
                    vec![row(
                        POLICE,
                        "Northshire Police",
                        day(2026, 12, 4),
                        true,
                        "police",
                    )],
                    vec![],
                    vec![],
                )
            },
        ),
        (
            "due today: not overdue, but due before the hearing",
            |c| {
                c.police.outcome = Some(PoliceOutcome::Awaiting);
                c.police.due = d(2026, 11, 23);
            },
            |_| {
                (
                    vec![row(
                        POLICE,
                        "Northshire Police",
                        day(2026, 11, 23),
                        false,
                        "police",
                    )],
                    vec![],
                    vec![POLICE],
                )
            },
        ),
        (
            "due on the hearing day: due before the hearing; the day after: not",
            |c| {
                c.police.outcome = Some(PoliceOutcome::Awaiting);
                c.police.due = d(2026, 11, 30);
                c.childrens_services[0].enquiry.outcome = Some(CsOutcome::Awaiting);
                c.childrens_services[0].enquiry.due = d(2026, 12, 1);
            },
            |_| {
                (
                    vec![
                        row(
                            POLICE,
                            "Northshire Police",
                            day(2026, 11, 30),
                            false,
                            "police",
                        ),
                        row(
                            CS,
                            "Northshire Council",
                            day(2026, 12, 1),
                            false,
                            "childrens-services",
                        ),
                    ],
                    vec![],
                    vec![POLICE],
                )
            },
        ),
        (
            "all four awaited: sorted by due date, agency trimmed, replies received left out",
            |c| {
                c.police.outcome = Some(PoliceOutcome::Awaiting);
                c.police.due = d(2026, 11, 27);
                c.childrens_services[0].enquiry.outcome = Some(CsOutcome::Awaiting);
                c.childrens_services[0].enquiry.agency = "  Southshire Council \n".into();
                c.childrens_services[0].enquiry.due = d(2026, 11, 19);
                // A second children's services enquiry, answered: not listed.
                let second = c.add_cs_enquiry();
                let second = c
                    .childrens_services
                    .iter_mut()
                    .find(|e| e.id == second)
                    .unwrap();
                second.enquiry = returned_cs(CsOutcome::NotKnown);
                second.enquiry.due = d(2026, 11, 2);
                let p = &mut c.places[0];
                p.police_callout.outcome = Some(PoliceOutcome::Awaiting);
                p.police_callout.due = DateParts::default();
                p.cs_check.outcome = Some(CsOutcome::Awaiting);
                p.cs_check.due = d(2026, 11, 23);
            },
            |c| {
                (
                    vec![
                        row(
                            CS,
                            "Southshire Council",
                            day(2026, 11, 19),
                            false,
                            "childrens-services",
                        ),
                        row(
                            CS_CHECK,
                            "Northshire Council",
                            day(2026, 11, 23),
                            false,
                            &place_path(c),
                        ),
                        row(
                            POLICE,
                            "Northshire Police",
                            day(2026, 11, 27),
                            false,
                            "police",
                        ),
                        row(
                            CALLOUT,
                            "Northshire Police",
                            day(2026, 12, 4),
                            true,
                            &place_path(c),
                        ),
                    ],
                    vec![CS],
                    vec![CS_CHECK, POLICE],
                )
            },
        ),
        (
            "equal due dates keep the module's order: police, children's services, then places",
            |c| {
                c.police.outcome = Some(PoliceOutcome::Awaiting);
                c.police.due = DateParts::default();
                c.childrens_services[0].enquiry.outcome = Some(CsOutcome::Awaiting);
                c.childrens_services[0].enquiry.due = DateParts::default();
                c.places[0].police_callout.outcome = Some(PoliceOutcome::Awaiting);
                c.places[0].police_callout.due = DateParts::default();
                c.places[0].cs_check.outcome = Some(CsOutcome::Awaiting);
                c.places[0].cs_check.due = DateParts::default();
            },
            |c| {
                (
                    vec![
                        row(
                            POLICE,
                            "Northshire Police",
                            day(2026, 12, 4),
                            true,
                            "police",
                        ),
                        row(
                            CS,
                            "Northshire Council",
                            day(2026, 12, 4),
                            true,
                            "childrens-services",
                        ),
                        row(
                            CALLOUT,
                            "Northshire Police",
                            day(2026, 12, 4),
                            true,
                            &place_path(c),
                        ),
                        row(
                            CS_CHECK,
                            "Northshire Council",
                            day(2026, 12, 4),
                            true,
                            &place_path(c),
                        ),
                    ],
                    vec![],
                    vec![],
                )
            },
        ),
        (
            "an oral report: the default is the hearing day, so due before the hearing",
            |c| {
                c.hearing.report_type = Some(ReportType::Oral);
                c.places[0].cs_check.outcome = Some(CsOutcome::Awaiting);
                c.places[0].cs_check.due = DateParts::default();
            },
            |c| {
                (
                    vec![row(
                        CS_CHECK,
                        "Northshire Council",
                        day(2026, 11, 30),
                        true,
                        &place_path(c),
                    )],
                    vec![],
                    vec![CS_CHECK],
                )
            },
        ),
        (
            "a place with no address or agency yet",
            |c| {
                let p = &mut c.places[0];
                p.address_line_1.clear();
                p.postcode.clear();
                p.police_callout.outcome = Some(PoliceOutcome::Awaiting);
                p.police_callout.agency.clear();
                p.police_callout.due = d(2026, 11, 16);
            },
            |c| {
                (
                    vec![row(
                        "Police call-out check, Address not yet recorded",
                        "",
                        day(2026, 11, 16),
                        false,
                        &place_path(c),
                    )],
                    vec!["Police call-out check, Address not yet recorded"],
                    vec![],
                )
            },
        ),
        (
            "no hearing date: typed due dates still count, nothing is due before the hearing",
            |c| {
                c.hearing.date = DateParts::default();
                c.police.outcome = Some(PoliceOutcome::Awaiting);
                c.police.due = d(2026, 11, 20);
                c.childrens_services[0].enquiry.outcome = Some(CsOutcome::Awaiting);
                c.childrens_services[0].enquiry.due = d(2026, 11, 25);
                // No typed date and no default: no due date can be worked out, so not listed.
                c.places[0].cs_check.outcome = Some(CsOutcome::Awaiting);
                c.places[0].cs_check.due = DateParts::default();
            },
            |_| {
                (
                    vec![
                        row(
                            POLICE,
                            "Northshire Police",
                            day(2026, 11, 20),
                            false,
                            "police",
                        ),
                        row(
                            CS,
                            "Northshire Council",
                            day(2026, 11, 25),
                            false,
                            "childrens-services",
                        ),
                    ],
                    vec![POLICE],
                    vec![],
                )
            },
        ),
        (
            "a hearing already past: overdue only, nothing still due before it",
            |c| {
                c.hearing.date = d(2026, 11, 20);
                c.police.outcome = Some(PoliceOutcome::Awaiting);
                c.police.due = d(2026, 11, 19);
                c.childrens_services[0].enquiry.outcome = Some(CsOutcome::Awaiting);
                c.childrens_services[0].enquiry.due = d(2026, 11, 24);
            },
            |_| {
                (
                    vec![
                        row(
                            POLICE,
                            "Northshire Police",
                            day(2026, 11, 19),
                            false,
                            "police",
                        ),
                        row(
                            CS,
                            "Northshire Council",
                            day(2026, 11, 24),
                            false,
                            "childrens-services",
                        ),
                    ],
                    vec![POLICE],
                    vec![],
                )
            },
        ),
    ];
    for (what, change, expect) in table {
        let case = case_with(change);
        let (expected, late, before) = expect(&case);
        let list = awaited(&case, &[]);
        assert_eq!(rows(&list), expected, "{what}: awaited");
        let whats = |l: Vec<Awaited>| l.into_iter().map(|a| a.what).collect::<Vec<_>>();
        assert_eq!(whats(overdue(&case, today(), &[])), late, "{what}: overdue");
        assert_eq!(
            whats(due_before_hearing(&case, today(), &[])),
            before,
            "{what}: due before the hearing"
        );
        // Each list is the awaited list filtered, in the same order.
        for a in overdue(&case, today(), &[]) {
            assert!(a.due < today(), "{what}: {a:?}");
        }
    }
}

#[test]
fn bank_holidays_move_the_default_due_dates_listed() {
    // Hearing Monday 21 December, fast delivery; the police enquiry awaited with nothing typed.
    let mut case = lives_alone();
    case.hearing.date = d(2026, 12, 21);
    case.police.outcome = Some(PoliceOutcome::Awaiting);
    case.police.due = DateParts::default();
    let due = |h: &[NaiveDate]| awaited(&case, h).iter().map(|a| a.due).collect::<Vec<_>>();
    assert_eq!(due(&[]), vec![day(2026, 12, 25)]);
    assert_eq!(due(&christmas()), vec![day(2026, 12, 29)]);
    // On Tuesday 29 December the reply is late without the holidays, and not yet with them.
    let late = |h: &[NaiveDate]| overdue(&case, day(2026, 12, 29), h).len();
    assert_eq!(late(&[]), 1);
    assert_eq!(late(&christmas()), 0);
}

fn chases(case: &Case, holidays: &[NaiveDate]) -> Vec<(String, String)> {
    assess_with_holidays(case, today(), holidays)
        .advice
        .into_iter()
        .filter(|a| a.code == "CHASE")
        .map(|a| (a.message, a.path))
        .collect()
}

#[test]
fn chase_advice_uses_the_default_due_date_when_none_is_typed() {
    let awaiting_police = |hearing: DateParts, typed: DateParts| {
        let mut case = lives_alone();
        case.hearing.date = hearing;
        case.police.outcome = Some(PoliceOutcome::Awaiting);
        case.police.due = typed;
        case
    };
    let police_chase = |date: &str| {
        vec![(
            format!("The police domestic abuse enquiry was due on {date}. Chase it."),
            "police".to_string(),
        )]
    };
    let none: Vec<(String, String)> = Vec::new();
    // (what, hearing, typed due, holidays, expected CHASE advice)
    type Row = (
        &'static str,
        DateParts,
        DateParts,
        Vec<NaiveDate>,
        Vec<(String, String)>,
    );
    #[rustfmt::skip]
    let table: Vec<Row> = vec![
        // Monday 9 November + 5 = Monday 16th; the working day before is Friday 13th.
        ("default before today: chase", d(2026, 11, 9), DateParts::default(), vec![], police_chase("13 November 2026")),
        // Monday 30 November: the default is Friday 4 December.
        ("default after today: no chase", d(2026, 11, 30), DateParts::default(), vec![], none.clone()),
        // Monday 16 November + 5 = Monday 23rd; the working day before is Friday 20th.
        ("default the Friday before today: chase", d(2026, 11, 16), DateParts::default(), vec![], police_chase("20 November 2026")),
        // With Wednesday 18 November a holiday: + 5 = Tuesday 24th; the day before is today.
        ("a bank holiday moves the default to today: no chase", d(2026, 11, 16), DateParts::default(), vec![day(2026, 11, 18)], none.clone()),
        // A holiday after the default changes nothing.
        ("a bank holiday after the default: still chase", d(2026, 11, 16), DateParts::default(), vec![day(2026, 11, 25)], police_chase("20 November 2026")),
        ("a typed date after today wins over an early default", d(2026, 11, 9), d(2026, 11, 30), vec![], none.clone()),
        ("a typed date before today wins over a later default", d(2026, 11, 30), d(2026, 11, 20), vec![], police_chase("20 November 2026")),
        ("no hearing date and nothing typed: no due date, no chase", DateParts::default(), DateParts::default(), vec![], none.clone()),
    ];
    for (what, hearing, typed, holidays, expected) in table {
        let case = awaiting_police(hearing, typed);
        assert_eq!(chases(&case, &holidays), expected, "{what}");
    }
}

#[test]
fn chase_advice_for_each_kind_of_enquiry_with_default_due_dates() {
    // Hearing Monday 9 November, fast delivery: every default is Friday 13 November.
    let mut case = lives_alone();
    case.hearing.date = d(2026, 11, 9);
    case.police.outcome = Some(PoliceOutcome::Awaiting);
    case.police.due = DateParts::default();
    case.childrens_services[0].enquiry.outcome = Some(CsOutcome::Awaiting);
    case.childrens_services[0].enquiry.due = DateParts::default();
    let p = &mut case.places[0];
    p.police_callout.outcome = Some(PoliceOutcome::Awaiting);
    p.police_callout.due = DateParts::default();
    p.cs_check.outcome = Some(CsOutcome::Awaiting);
    p.cs_check.due = DateParts::default();
    let place = format!("places/{}", case.places[0].id);
    let expected = vec![
        ("The police domestic abuse enquiry was due on 13 November 2026. Chase it.".to_string(), "police".to_string()),
        ("The children's services enquiry to Northshire Council was due on 13 November 2026. Chase it.".to_string(), "childrens-services".to_string()),
        ("Flat 2, 10 Sample Street, NT1 2AB: the police call-out check was due on 13 November 2026. Chase it.".to_string(), place.clone()),
        ("Flat 2, 10 Sample Street, NT1 2AB: the children's services check was due on 13 November 2026. Chase it.".to_string(), place),
    ];
    assert_eq!(chases(&case, &[]), expected);
    // Every one of them is in the overdue list too.
    assert_eq!(overdue(&case, today(), &[]).len(), 4);
    // Replies received: no chase.
    assert_eq!(chases(&lives_alone(), &[]), Vec::<(String, String)>::new());
}

#[test]
fn bank_holidays_are_read_one_a_line() {
    type Row = (&'static str, &'static str, Result<Vec<NaiveDate>, String>);
    #[rustfmt::skip]
    let table: Vec<Row> = vec![
        ("spaces", "25 12 2026", Ok(vec![day(2026, 12, 25)])),
        ("slashes", "25/12/2026", Ok(vec![day(2026, 12, 25)])),
        ("leading zeros and spaces around", "  01/05/2027  ", Ok(vec![day(2027, 5, 1)])),
        ("nothing", "", Ok(vec![])),
        ("blank lines only", "\n   \n\t\n", Ok(vec![])),
        ("blank lines ignored", "\n25 12 2026\n\n   \n28/12/2026\n", Ok(vec![day(2026, 12, 25), day(2026, 12, 28)])),
        ("Windows line endings", "25/12/2026\r\n28/12/2026\r\n", Ok(vec![day(2026, 12, 25), day(2026, 12, 28)])),
        ("sorted, duplicates removed", "1 1 2027\n28/12/2026\n25 12 2026\n25/12/2026\n28 12 2026", Ok(vec![day(2026, 12, 25), day(2026, 12, 28), day(2027, 1, 1)])),
        ("29 February in a leap year", "29 2 2028", Ok(vec![day(2028, 2, 29)])),
        ("not a real date: refused with that line's text", "25 12 2026\n31 2 2026\n28 12 2026", Err("31 2 2026".into())),
        ("refused with the line trimmed", "   31 2 2026   ", Err("31 2 2026".into())),
        ("29 February in a year that is not a leap year", "29/2/2027", Err("29/2/2027".into())),
        ("a month 13", "1 13 2026", Err("1 13 2026".into())),
        ("a day 0", "0 12 2026", Err("0 12 2026".into())),
        ("words", "Christmas", Err("Christmas".into())),
        ("words after good lines", "25 12 2026\nChristmas", Err("Christmas".into())),
        ("two-digit year", "25/12/26", Err("25/12/26".into())),
        ("two-digit year with spaces", "25 12 26", Err("25 12 26".into())),
        ("only day and month", "25 12", Err("25 12".into())),
        ("two dates on one line", "25 12 2026 28 12 2026", Err("25 12 2026 28 12 2026".into())),
        ("the first bad line is the one named", "Boxing Day\n31 2 2026", Err("Boxing Day".into())),
        ("words around a date are not half-read", "Christmas Day 25 12 2026", Err("Christmas Day 25 12 2026".into())),
        ("a year far beyond any hearing", "25 12 20266", Err("25 12 20266".into())),
    ];
    for (what, text, expected) in table {
        assert_eq!(parse_holidays(text), expected, "{what}: {text:?}");
    }
}

/// Weekdays in `(from, to]`, counted one by one.
fn weekdays_after(from: NaiveDate, to: NaiveDate, holidays: &[NaiveDate]) -> u32 {
    from.iter_days()
        .skip(1)
        .take_while(|d| *d <= to)
        .filter(|d| is_working_day(*d, holidays))
        .count() as u32
}

fn weekday(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Any date a date box accepts (years 1900 to 2200).
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let first = day(1900, 1, 1);
    let days = (day(2200, 12, 31) - first).num_days();
    (0..=days).prop_map(move |n| first + chrono::Duration::days(n))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn adding_working_days_lands_on_a_weekday_n_weekdays_on(date in any_date(), n in 0u32..60) {
        let result = add_working_days(date, n, &[]);
        prop_assert!(weekday(result), "{} + {} = {}", date, n, result);
        prop_assert!(result >= date, "{} + {} = {}", date, n, result);
        if n > 0 {
            prop_assert_eq!(weekdays_after(date, result, &[]), n, "{} + {} = {}", date, n, result);
        } else {
            // n = 0: the date itself if a weekday, otherwise the next weekday.
            prop_assert!(date.iter_days().take_while(|d| *d < result).all(|d| !weekday(d)));
        }
    }

    #[test]
    fn adding_working_days_skips_the_bank_holidays_given(
        date in any_date(),
        n in 0u32..60,
        offsets in proptest::collection::vec(0i64..100, 0..10),
    ) {
        let holidays: Vec<NaiveDate> =
            offsets.iter().map(|o| date + chrono::Duration::days(*o)).collect();
        let result = add_working_days(date, n, &holidays);
        prop_assert!(is_working_day(result, &holidays), "{} + {} = {}", date, n, result);
        prop_assert!(result >= date);
        if n > 0 {
            prop_assert_eq!(weekdays_after(date, result, &holidays), n);
        } else {
            prop_assert!(
                date.iter_days().take_while(|d| *d < result).all(|d| !is_working_day(d, &holidays))
            );
        }
    }
}

#[test]
fn an_address_checks_wait_only_while_a_curfew_is_considered() {
    let mut case = lives_alone();
    case.places[0].police_callout.outcome = Some(PoliceOutcome::Awaiting);
    case.places[0].police_callout.due = d(2026, 11, 20);
    assert_eq!(overdue(&case, today(), &[]).len(), 1);
    // With no curfew considered the rules do not chase it, and neither does the list.
    case.hearing.curfew_considered = Some(false);
    assert!(overdue(&case, today(), &[]).is_empty());
}
