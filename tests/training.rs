//! Training scenarios: every built-in file loads and validates; played right through the domain
//! API each ends as it says; a file missing any required part is refused with its message; and
//! the debrief names each mistake planted in a run. Every person here is fictional.

use chrono::NaiveDate;
use presentence_checks::domain::assess;
use presentence_checks::training::debrief::{Mark, debrief};
use presentence_checks::training::model::{play_right, record_right};
use presentence_checks::training::run::{Ask, How, Run};
use presentence_checks::training::scenario::{Expected, Who, parse};
use presentence_checks::training::{BUILT_IN, load};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

#[test]
fn every_built_in_scenario_loads_and_ends_as_it_says_when_played_right() {
    let mut ids = Vec::new();
    for text in BUILT_IN {
        let s = load(text, today()).unwrap_or_else(|e| panic!("{:#?}", e.0));
        let (run, case) = play_right(&s, today());
        let a = assess(&case, run.today());
        match s.expected {
            Expected::Suitable => assert!(a.can_record_suitable(), "{}: {:#?}", s.id, a.blockers),
            Expected::NotSuitable | Expected::Adjourn => {
                assert!(!a.can_record_suitable(), "{}", s.id)
            }
        }
        // Played right, the debrief finds nothing missed or wrong.
        let d = debrief(&s, &run, &case);
        assert_eq!(
            d.mistakes().collect::<Vec<_>>(),
            Vec::<&_>::new(),
            "{}",
            s.id
        );
        assert!(!ids.contains(&s.id), "two scenarios share the id {}", s.id);
        ids.push(s.id);
    }
}

/// The example scenario, as a file.
fn partners_home() -> &'static str {
    BUILT_IN[0]
}

#[test]
fn a_file_missing_any_required_part_is_refused_with_its_message() {
    // (what is taken out, a line of the file that starts it, and what the refusal says)
    let table: &[(&str, &str, &str)] = &[
        ("the police reply", "[police]", "'police'"),
        ("the person", "[person]", "'person'"),
        ("the risk of serious harm", "[risk]", "'risk'"),
        ("the curfew", "[curfew]", "'curfew'"),
        (
            "the truth about children",
            "[child_contact]",
            "'child_contact'",
        ),
        ("the expected outcome", "expected = ", "'expected'"),
        ("the hearing day", "hearing_day = ", "'hearing_day'"),
    ];
    for (what, starts, says) in table {
        let text = without(partners_home(), starts);
        let refused = load(&text, today()).expect_err(what);
        let message = refused.0.join(" ");
        assert!(
            message.contains("missing") && message.contains(says),
            "{what}: {message}"
        );
    }
}

/// The file without the line starting `starts`, or without the whole `[table]` it starts (with
/// the tables inside it).
fn without(text: &str, starts: &str) -> String {
    let name = starts.trim_matches(|c| c == '[' || c == ']');
    let inside = |t: &str| t.trim_start_matches('[').starts_with(&format!("{name}."));
    let mut out = Vec::new();
    let mut skipping = false;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with(starts) {
            skipping = starts.starts_with('[');
            continue;
        }
        if skipping && t.starts_with('[') && !inside(t) {
            skipping = false;
        }
        if !skipping {
            out.push(line);
        }
    }
    out.join("\n")
}

/// Loads the example scenario with `from` replaced by `to`, and checks that it is refused with a
/// message that names the line `to` is on and says `says` (which quotes the value).
fn refused_on_its_line(from: &str, to: &str, says: &str) {
    assert!(partners_home().contains(from), "{from}");
    let text = partners_home().replacen(from, to, 1);
    let line = text
        .lines()
        .position(|l| l.contains(to.lines().next().unwrap()))
        .unwrap()
        + 1;
    let refused = load(&text, today()).expect_err(to);
    let expected = format!("Line {line}: ");
    assert!(
        refused
            .0
            .iter()
            .any(|m| m.starts_with(&expected) && m.contains(says)),
        "{to}: expected \"{expected}…{says}…\" in {:#?}",
        refused.0
    );
}

#[test]
fn every_refused_date_names_its_line_quotes_it_and_says_what_is_wrong() {
    // The example's offence: committed 170 days before the first day, convicted 3 days before.
    let table: &[(&str, &str, &str)] = &[
        // A date that does not exist is not called a date in the wrong form.
        (
            "conviction_date = -3",
            "conviction_date = \"2026-02-30\"",
            "Offence 1: the date of conviction, \"2026-02-30\", is not a date that exists",
        ),
        (
            "date_of_birth = \"1996-02-03\"",
            "date_of_birth = \"1996-13-03\"",
            "The date of birth, \"1996-13-03\", is not a date that exists",
        ),
        (
            "date_of_birth = \"1996-02-03\"",
            "date_of_birth = \"3 February 1996\"",
            "The date of birth, \"3 February 1996\", is not a date. Write a whole number of days",
        ),
        // TOML's own unquoted date.
        (
            "conviction_date = -3",
            "conviction_date = 2026-05-10",
            "\"2026-05-10\" is not a date here. Write a whole number of days",
        ),
        // In the future for the trainee, written either way.
        (
            "conviction_date = -3",
            "conviction_date = \"2027-01-04\"",
            "Offence 1: the date of conviction, \"2027-01-04\", is after the scenario's first day (30 November 2026)",
        ),
        (
            "conviction_date = -3",
            "conviction_date = 4",
            "Offence 1: the date of conviction, 4, is after the scenario's first day",
        ),
        (
            "offence_date = -170",
            "offence_date = \"2027-06-01\"",
            "Offence 1: the date of the offence, \"2027-06-01\", is after the scenario's first day",
        ),
        (
            "date_of_birth = \"1996-02-03\"",
            "date_of_birth = \"2030-02-03\"",
            "The date of birth, \"2030-02-03\", is after the scenario's first day",
        ),
        // Before the offence, in the same form or mixed.
        (
            "conviction_date = -3",
            "conviction_date = -200",
            "Offence 1: the date of conviction, -200, is before the date of the offence, -170",
        ),
        (
            "conviction_date = -3",
            "conviction_date = \"2020-01-01\"",
            "Offence 1: the date of conviction, \"2020-01-01\", is before the date of the offence, -170",
        ),
    ];
    for (from, to, says) in table {
        refused_on_its_line(from, to, says);
    }
}

#[test]
fn values_a_trainer_might_mistype_are_refused_with_a_message_each() {
    let table: &[(&str, &str, &str)] = &[
        (
            "outcome = \"da_held\"",
            "outcome = \"da-held\"",
            "the outcome \"da-held\" is not one of",
        ),
        (
            "report_type = \"fast\"",
            "report_type = \"quick\"",
            "The report type \"quick\"",
        ),
        (
            "tenure = \"social_rented\"",
            "tenure = \"council\"",
            "the tenure \"council\"",
        ),
        (
            "main_occupier = \"Tess Example\"",
            "main_occupier = \"Tess Sample\"",
            "the main occupier \"Tess Sample\"",
        ),
        (
            "known_adult = \"medium\"",
            "known_adult = \"moderate\"",
            "The risk to a known adult, \"moderate\"",
        ),
        (
            "consent = \"refused\"",
            "consent = \"no\"",
            "\"no\", is not one of: given, refused, none",
        ),
        (
            "from = \"19:00\"",
            "from = \"7pm\"",
            "not two different 24-hour times",
        ),
        (
            "id = \"partners-home\"",
            "id = \"Partner's home\"",
            "The id \"Partner's home\" must be lower-case",
        ),
        (
            "postcode = \"NT4 5CD\"",
            "postcod = \"NT4 5CD\"",
            "unknown field 'postcod'",
        ),
    ];
    for (from, to, says) in table {
        refused_on_its_line(from, to, says);
    }
    // Not TOML at all, and too large.
    assert!(load("this is not a scenario", today()).is_err());
    assert!(load(&"#".repeat(300_000), today()).unwrap_err().0[0].contains("too large"));
    // The model answer must end as the file says.
    let text =
        partners_home().replacen("expected = \"not_suitable\"", "expected = \"suitable\"", 1);
    let refused = load(&text, today()).unwrap_err();
    assert!(
        refused.0[0].contains("should end with a curfew found suitable"),
        "{:#?}",
        refused.0
    );
}

#[test]
fn the_debrief_names_each_planted_mistake() {
    let s = parse(partners_home()).unwrap();
    let (mut run, mut case) = Run::start(
        "r1",
        "c1",
        "Trainee One",
        partners_home(),
        &s,
        today(),
        "2026-11-30T09:00:00",
    );
    // The police are never asked; children's services and the address checks are.
    for ask in [Ask::ChildrensServices(0), Ask::Callout(0), Ask::CsCheck(0)] {
        run.request(ask);
    }
    // Tess is asked only through Dean.
    run.ask(&s, 0, Who::Resident(0), How::ThroughThePerson)
        .unwrap();
    for _ in 0..3 {
        run.next_day();
    }
    record_right(&s, &run, &mut case);
    // What the trainee wrote down: the police not requested, Tess's consent as Dean gave it,
    // and 21 hours a day.
    case.police.outcome = Some(presentence_checks::domain::case::PoliceOutcome::NotRequested);
    case.police.not_requested_reason = "Not a domestic abuse offence".into();
    let tess = case.places[0]
        .residents
        .iter()
        .position(|r| r.name == "Tess Example")
        .unwrap();
    case.places[0].residents[tess].consent = presentence_checks::domain::case::Consent {
        contacted_directly: Some(false),
        decision: Some(presentence_checks::domain::case::ConsentDecision::Given),
        ..Default::default()
    };
    case.schedule.windows[0].from = "10:00".into();
    // And "suitable" tried anyway.
    case.outcome.selected = Some(presentence_checks::domain::case::Decision::Suitable);
    case.outcome.rationale = "He says it is fine".into();
    assert!(
        case.record_outcome(run.today(), "2026-12-03T10:00:00", "Trainee One")
            .is_err()
    );

    let d = debrief(&s, &run, &case);
    let said: Vec<String> = d
        .mistakes()
        .map(|p| format!("{:?}: {} [{}]", p.mark, p.what, p.source))
        .collect();
    let has = |mark: Mark, words: &str, source: &str| {
        d.points
            .iter()
            .any(|p| p.mark == mark && p.what.contains(words) && p.source.contains(source))
    };
    assert!(
        has(
            Mark::Missed,
            "The domestic abuse enquiry to Northshire Police was never made",
            "Recommendation 1"
        ),
        "{said:#?}"
    );
    assert!(
        has(
            Mark::Wrong,
            "Tess Example was asked only through Dean Sample, never directly",
            "Recommendation 6"
        ),
        "{said:#?}"
    );
    assert!(
        has(
            Mark::Wrong,
            "Tess Example's consent was recorded as given, but asked privately they refused",
            "Recommendation 6"
        ),
        "{said:#?}"
    );
    assert!(
        has(
            Mark::Wrong,
            "The curfew hours break the statutory limits",
            "Schedule 9, paragraph 9"
        ),
        "{said:#?}"
    );
    assert_eq!(d.suitable_attempts, 1);
    assert!(d.safe, "nothing unsafe was recorded: suitable was refused");
    assert!(d.days.starts_with("3 of 5 working days used"), "{}", d.days);

    // Had "suitable" been recorded, the debrief says it was unsafe.
    let mut unsafe_case = case.clone();
    unsafe_case.outcome.recorded = Some(presentence_checks::domain::case::RecordedOutcome {
        decision: presentence_checks::domain::case::Decision::Suitable,
        rationale: "Recorded".into(),
        recorded_at: "2026-12-03T10:00:00".into(),
        signed: None,
    });
    let d = debrief(&s, &run, &unsafe_case);
    assert!(!d.safe && d.outcome.starts_with("Unsafe"), "{}", d.outcome);
}

#[test]
fn replies_arrive_on_their_scripted_working_day_and_answers_depend_on_how_people_are_asked() {
    let s = parse(partners_home()).unwrap();
    // Friday 27 November 2026: the first day; working days skip the weekend.
    let friday = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let (mut run, _) = Run::start("r", "c", "T", partners_home(), &s, friday, "");
    assert_eq!(
        run.hearing_date(&s),
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    );
    run.request(Ask::Police);
    assert!(!run.arrived(Ask::Police, &s));
    run.next_day(); // Monday
    assert!(!run.arrived(Ask::Police, &s));
    run.request(Ask::Police); // asking again does not restart the clock
    run.next_day(); // Tuesday: two working days after Friday
    assert!(run.arrived(Ask::Police, &s));
    assert_eq!(run.today(), NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
    let through = run
        .ask(&s, 0, Who::Resident(0), How::ThroughThePerson)
        .unwrap()
        .clone();
    let present = run
        .ask(&s, 0, Who::Resident(0), How::WithThePersonPresent)
        .unwrap()
        .clone();
    let alone = run
        .ask(&s, 0, Who::Resident(0), How::Privately)
        .unwrap()
        .clone();
    assert_eq!(
        (
            through.consent.as_str(),
            present.consent.as_str(),
            alone.consent.as_str()
        ),
        ("given", "given", "refused")
    );
    assert!(alone.fear && !present.fear);
    // Children are not asked.
    assert!(run.ask(&s, 0, Who::Resident(1), How::Privately).is_none());
}
