//! The day at court (issue 22, item 5): which hearings are listed, in what order, and when the
//! words asking for an adjournment are offered. Every person here is fictional.

mod common;

use chrono::NaiveDate;
use common::*;
use presentence_checks::domain::case::*;
use presentence_checks::domain::court_day::day_at_court;

fn on(
    mut case: Case,
    id: &str,
    name: &str,
    court: &str,
    date: NaiveDate,
    report: ReportType,
) -> Case {
    case.id = id.into();
    case.person.name = name.into();
    case.hearing.court = court.into();
    case.hearing.date = presentence_checks::domain::inputs::DateParts::from_date(date);
    case.hearing.report_type = Some(report);
    case
}

#[test]
fn today_and_the_next_working_day_by_court_then_name_with_adjournment_words_for_oral_reports() {
    // A Friday: the next working day is Monday.
    let friday = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let monday = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let oral = ReportType::Oral;
    let cases = [
        // Nothing asked yet, oral report today: the words to ask for more time.
        on(
            like_the_review(),
            "a",
            "Zed Example",
            "Northshire Magistrates' Court",
            friday,
            oral,
        ),
        // Every check done, oral today: nothing to adjourn for.
        on(
            lives_alone(),
            "b",
            "Ann Example",
            "northshire magistrates' court",
            friday,
            oral,
        ),
        // Written report on Monday: listed, no adjournment words.
        on(
            like_the_review(),
            "c",
            "Bo Example",
            "Northshire Crown Court",
            monday,
            ReportType::FastDelivery,
        ),
        // Saturday and next week: not listed.
        on(
            like_the_review(),
            "d",
            "Cy Example",
            "Northshire Crown Court",
            friday.succ_opt().unwrap(),
            oral,
        ),
        on(
            like_the_review(),
            "e",
            "Di Example",
            "Northshire Crown Court",
            monday.succ_opt().unwrap(),
            oral,
        ),
    ];
    let refs: Vec<&Case> = cases.iter().collect();
    let lists = day_at_court(&refs, friday, &[]);
    let shown: Vec<(NaiveDate, Vec<&str>)> = lists
        .iter()
        .map(|l| (l.date, l.cases.iter().map(|c| c.case_id.as_str()).collect()))
        .collect();
    assert_eq!(shown, vec![(friday, vec!["b", "a"]), (monday, vec!["c"])]);
    let zed = &lists[0].cases[1];
    let words = zed
        .adjournment
        .as_deref()
        .expect("words to ask for an adjournment");
    assert!(
        words.starts_with("These checks are still outstanding: "),
        "{words}"
    );
    assert!(words.contains("the police domestic abuse enquiry"));
    assert!(
        words.ends_with("I recommend that the case is adjourned so that they can be completed.")
    );
    assert!(
        zed.outstanding.contains(&"Police domestic abuse enquiry"),
        "{:?}",
        zed.outstanding
    );
    assert_eq!(lists[0].cases[0].adjournment, None, "every check is done");
    assert!(
        lists[0].cases[0]
            .outstanding
            .iter()
            .all(|s| *s == "Outcome"),
        "{:?}",
        lists[0].cases[0].outstanding
    );
    assert_eq!(
        lists[1].cases[0].adjournment, None,
        "a written report is not given on the day"
    );
}

#[test]
fn a_finding_that_rules_the_curfew_out_is_no_reason_to_adjourn() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut case = on(
        like_the_review(),
        "f",
        "Eve Example",
        "Court",
        today,
        ReportType::Oral,
    );
    case.places[0].victim_lives_there = answered(true, &[Source::Police]);
    let lists = day_at_court(&[&case], today, &[]);
    assert_eq!(lists[0].cases[0].adjournment, None);
}
