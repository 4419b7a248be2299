//! The case list's summaries: made from a case and its assessment, they give the same answers
//! as the full case would, so the list can search, filter, count and group a thousand cases
//! without reading them. Every person here is fictional.

mod common;

use chrono::{Days, NaiveDate};
use common::*;
use presentence_checks::domain::case::*;
use presentence_checks::domain::choice::Choice;
use presentence_checks::domain::summary::{Filter, Group, Summary, find};
use presentence_checks::domain::{Case, assess, deadlines, retention};

const RETENTION_DAYS: u32 = 30;

/// A thousand varied cases: three kinds of household, hearing dates from two months ago to two
/// months ahead, some without one, outcomes recorded or not, some submitted or returned, some
/// with replies awaited past their due date.
fn caseload() -> Vec<Case> {
    let courts = [
        "Northshire Magistrates' Court",
        "Southshire Crown Court",
        "Eastshire Youth Court",
    ];
    (0..1000u32)
        .map(|i| {
            let mut case = match i % 3 {
                0 => lives_alone(),
                1 => partners_home_checked(),
                _ => like_the_review(),
            };
            case.id = format!("case{i:04}");
            case.revision = u64::from(i % 7);
            case.person.name = format!("Person {i} Example");
            case.hearing.court = courts[(i % 3) as usize].into();
            let offset = i64::from(i % 121) - 60;
            case.hearing.date = if i % 17 == 0 {
                Default::default()
            } else {
                presentence_checks::domain::inputs::DateParts::from_date(
                    today()
                        .checked_add_signed(chrono::Duration::days(offset))
                        .unwrap(),
                )
            };
            if i % 5 == 0 {
                case.police.outcome = Some(PoliceOutcome::Awaiting);
                case.police.received = Default::default();
                case.police.due = d(2026, 11, 1 + (i % 28));
            }
            if i % 4 == 1 {
                case.outcome.recorded = Some(RecordedOutcome {
                    decision: [
                        Decision::Suitable,
                        Decision::NotSuitable,
                        Decision::NotProposed,
                    ][(i % 3) as usize],
                    rationale: "Recorded".into(),
                    recorded_at: "2026-11-20T10:00:00".into(),
                    signed: None,
                });
            }
            if i % 11 == 0 {
                case.gatekeeping.submissions.push(Submission {
                    by: "Casey Officer (court officer)".into(),
                    at: "2026-11-20T10:00:00".into(),
                    note: "Please review".into(),
                    signed: None,
                });
                if i % 22 == 0 {
                    case.gatekeeping.decisions.push(GatekeepingDecision {
                        endorsed: false,
                        by: "Morgan Senior (senior probation officer)".into(),
                        at: "2026-11-21T10:00:00".into(),
                        comments: "Speak to the partner privately".into(),
                        fingerprint: String::new(),
                        section_comments: Vec::new(),
                        signed: None,
                    });
                }
            }
            case
        })
        .collect()
}

fn summaries(cases: &[Case]) -> Vec<Summary> {
    cases
        .iter()
        .map(|c| Summary::of(c, &assess(c, today()), &[]))
        .collect()
}

/// What each filter means, worked out from the full case and the rules, not from a summary.
fn holds(case: &Case, filter: Filter) -> bool {
    let a = assess(case, today());
    let recorded = case.outcome.recorded.as_ref().map(|r| r.decision);
    match filter {
        Filter::ChecksOutstanding => !a.blockers.is_empty(),
        Filter::AwaitingGatekeeping => case.awaiting_gatekeeping(),
        Filter::Returned => case.returned_by_gatekeeping(),
        Filter::ReadyForCourt => {
            a.blockers.is_empty()
                || matches!(
                    recorded,
                    Some(Decision::NotSuitable | Decision::NotProposed)
                )
        }
        Filter::OutcomeRecorded => matches!(
            a.outcome,
            presentence_checks::domain::rules::OutcomeState::Recorded(_)
        ),
        Filter::RepliesOverdue => !deadlines::overdue(case, today(), &[]).is_empty(),
        Filter::PastRetention => {
            retention::past_retention(std::slice::from_ref(case), today(), RETENTION_DAYS).len()
                == 1
        }
    }
}

#[test]
fn every_filter_gives_the_cases_and_count_the_full_cases_would() {
    let cases = caseload();
    let list = summaries(&cases);
    let found = find(&list, "", &[], today(), RETENTION_DAYS);
    assert_eq!(found.total, 1000);
    for filter in Filter::all() {
        let expected: Vec<&str> = cases
            .iter()
            .filter(|c| holds(c, *filter))
            .map(|c| c.id.as_str())
            .collect();
        let count = found.counts.iter().find(|(f, _)| f == filter).unwrap().1;
        assert_eq!(count, expected.len(), "{filter:?}");
        assert!(
            count > 0 && count < 1000,
            "{filter:?} should pick some cases, not all: {count}"
        );
        let mut shown: Vec<&str> = find(&list, "", &[*filter], today(), RETENTION_DAYS)
            .groups
            .iter()
            .flat_map(|(_, l)| l.iter().map(|s| s.id.as_str()))
            .collect();
        shown.sort();
        assert_eq!(shown, expected, "{filter:?}");
    }
    // Two filters together: both must hold.
    let both = find(
        &list,
        "",
        &[Filter::ChecksOutstanding, Filter::RepliesOverdue],
        today(),
        RETENTION_DAYS,
    );
    let expected = cases
        .iter()
        .filter(|c| holds(c, Filter::ChecksOutstanding) && holds(c, Filter::RepliesOverdue))
        .count();
    assert_eq!(both.total, expected);
}

/// The ids of the cases a search finds, in the order the list shows them.
fn found_ids(list: &[Summary], search: &str) -> Vec<String> {
    find(list, search, &[], today(), RETENTION_DAYS)
        .groups
        .iter()
        .flat_map(|(_, l)| l.iter().map(|s| s.id.clone()))
        .collect()
}

#[test]
fn search_finds_by_name_court_or_reference_as_typed() {
    let cases = caseload();
    let list = summaries(&cases);
    let ids = |search: &str| found_ids(&list, search);
    // Every word typed must appear: "42" also finds Person 420 and Person 142.
    let found = ids("Person 42 Example");
    assert!(found.contains(&"case0042".to_string()));
    assert!(found.iter().all(|id| {
        cases
            .iter()
            .any(|c| &c.id == id && c.person.name.contains("42"))
    }));
    assert_eq!(
        found.len(),
        cases
            .iter()
            .filter(|c| c.person.name.contains("42"))
            .count()
    );
    assert_eq!(
        ids("person 999 EXAMPLE"),
        vec!["case0999".to_string()],
        "case-blind"
    );
    assert_eq!(ids("case0999"), vec!["case0999".to_string()]);
    assert_eq!(ids("southshire").len(), 333);
    // Words can come from different places: the court, the name and the reference.
    let all_of =
        |c: &Case| format!("{} {} {}", c.person.name, c.hearing.court, c.id).to_ascii_lowercase();
    assert_eq!(
        ids("southshire person 7").len(),
        cases
            .iter()
            .filter(|c| c.hearing.court.starts_with("South") && all_of(c).contains('7'))
            .count()
    );
    assert!(ids("nobody of that name").is_empty());
    // Counts follow the search.
    let found = find(&list, "eastshire", &[], today(), RETENTION_DAYS);
    let awaiting = found
        .counts
        .iter()
        .find(|(f, _)| *f == Filter::AwaitingGatekeeping)
        .unwrap()
        .1;
    assert_eq!(
        awaiting,
        cases
            .iter()
            .filter(|c| c.hearing.court.starts_with("East") && c.awaiting_gatekeeping())
            .count()
    );
}

#[test]
fn search_finds_a_person_by_crn_or_pnc_id_in_any_form_typed() {
    let mut cases = caseload();
    cases[41].person.crn = "x 123456".into();
    cases[41].person.pnc_id = "2002/0073319Z".into();
    cases[7].person.crn = "D654321".into();
    cases[7].person.pnc_id = "79/163001B".into();
    // Typed but not a PNC ID: still found by what was typed.
    cases[8].person.pnc_id = "pending".into();
    let list = summaries(&cases);
    let ids = |search: &str| found_ids(&list, search);
    let forty_two = vec![cases[41].id.clone()];
    let seven = vec![cases[7].id.clone()];
    for typed in [
        "X123456",
        "x123456",
        "2002/0073319Z",
        "02/73319Z",
        "0273319z",
        "02/0073319Z",
    ] {
        assert_eq!(ids(typed), forty_two, "{typed}");
    }
    for typed in ["d654321", "1979/0163001B", "79/163001b", "79163001B"] {
        assert_eq!(ids(typed), seven, "{typed}");
    }
    assert_eq!(ids("PENDING"), vec![cases[8].id.clone()]);
    // Another person's identifiers, or a check letter that does not match, find nobody.
    assert!(ids("X654321").is_empty());
    assert!(ids("2002/0073319Y").is_empty());
    // With the person's name too.
    assert_eq!(
        ids(&format!("{} 02/73319Z", cases[41].person.name)),
        forty_two
    );
}

#[test]
fn cases_are_grouped_by_hearing_day_soonest_first() {
    let cases = caseload();
    let list = summaries(&cases);
    let found = find(&list, "", &[], today(), RETENTION_DAYS);
    let order: Vec<Group> = found.groups.iter().map(|(g, _)| *g).collect();
    assert_eq!(
        order,
        vec![
            Group::Today,
            Group::Tomorrow,
            Group::Later,
            Group::Earlier,
            Group::NoDate
        ]
    );
    let tomorrow = today().checked_add_days(Days::new(1)).unwrap();
    for (group, list) in &found.groups {
        for s in list {
            let hearing = s.hearing_date();
            let right = match group {
                Group::Today => hearing == Some(today()),
                Group::Tomorrow => hearing == Some(tomorrow),
                Group::Later => hearing.is_some_and(|h| h > tomorrow),
                Group::Earlier => hearing.is_some_and(|h| h < today()),
                Group::NoDate => hearing.is_none(),
            };
            assert!(right, "{} in {group:?}", s.id);
        }
    }
    // Later hearings soonest first; earlier ones most recent first.
    let later: Vec<NaiveDate> = found
        .groups
        .iter()
        .find(|(g, _)| *g == Group::Later)
        .unwrap()
        .1
        .iter()
        .filter_map(|s| s.hearing_date())
        .collect();
    assert!(later.windows(2).all(|w| w[0] <= w[1]));
    let earlier: Vec<NaiveDate> = found
        .groups
        .iter()
        .find(|(g, _)| *g == Group::Earlier)
        .unwrap()
        .1
        .iter()
        .filter_map(|s| s.hearing_date())
        .collect();
    assert!(earlier.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn a_summary_keeps_its_revision_and_survives_storage() {
    let case = partners_home_checked();
    let s = Summary::of(&case, &assess(&case, today()), &[]);
    assert_eq!(s.revision, case.revision);
    let text = miniserde::json::to_string(&s);
    assert!(
        text.len() < 600,
        "a summary stays small: {} bytes",
        text.len()
    );
    assert_eq!(miniserde::json::from_str::<Summary>(&text).unwrap(), s);
    // Overdue is judged on the day the list is shown, not the day the summary was made.
    let mut late = lives_alone();
    late.police.outcome = Some(PoliceOutcome::Awaiting);
    late.police.due = d(2026, 11, 25);
    let s = Summary::of(&late, &assess(&late, today()), &[]);
    assert_eq!(s.overdue(today()), 0);
    assert_eq!(s.overdue(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()), 1);
}
