//! The stored form of a case: every earlier schema version still loads with every field intact,
//! and no stored text, however damaged, makes loading panic.

mod common;

use presentence_checks::domain::Case;
use presentence_checks::storage::codec::{
    DecodeError, SCHEMA_VERSION, decode, encode, stored_revision,
};
use proptest::prelude::*;

/// One fixture per schema version, as that version of the app wrote it. Add a fixture whenever
/// the version goes up; never edit an old one.
const FIXTURES: &[(u32, &str)] = &[
    (1, include_str!("fixtures/schema-v1.json")),
    (2, include_str!("fixtures/schema-v2.json")),
    (3, include_str!("fixtures/schema-v3.json")),
    (4, include_str!("fixtures/schema-v4.json")),
    (5, include_str!("fixtures/schema-v5.json")),
];

#[test]
fn there_is_a_fixture_for_every_schema_version() {
    let versions: Vec<u32> = FIXTURES.iter().map(|(v, _)| *v).collect();
    assert_eq!(versions, (1..=SCHEMA_VERSION).collect::<Vec<_>>());
}

#[test]
fn every_schema_version_loads_with_every_field() {
    // Every field of the fixture case differs from its default, so a field lost in loading
    // would show as a difference here.
    for (version, text) in FIXTURES {
        let expected = common::every_field_filled_as_of(*version);
        assert_ne!(expected, Case::blank(&expected.id, &expected.created_at));
        let loaded = decode(text).unwrap_or_else(|e| panic!("version {version}: {e}"));
        assert_eq!(loaded, expected, "version {version}");
    }
}

#[test]
fn the_current_version_writes_what_its_fixture_holds() {
    let fixture = FIXTURES.last().unwrap().1.trim();
    assert_eq!(encode(&common::every_field_filled()), fixture);
}

/// Regenerates the fixture for the current version: `cargo test --test storage -- --ignored`.
#[test]
#[ignore]
fn write_current_fixture() {
    let path = format!(
        "{}/tests/fixtures/schema-v{SCHEMA_VERSION}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::write(path, encode(&common::every_field_filled()) + "\n").unwrap();
}

#[test]
fn damaged_records_are_refused_with_a_reason() {
    let good = encode(&common::every_field_filled());
    let table: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("truncated", good[..good.len() / 2].to_string()),
        ("not an object", "[1,2,3]".into()),
        (
            "wrong type",
            good.replacen("\"revision\":17", "\"revision\":\"seventeen\"", 1),
        ),
        ("field missing", good.replacen("\"revision\":17,", "", 1)),
    ];
    for (what, text) in table {
        assert!(
            matches!(decode(&text), Err(DecodeError::Unreadable(_))),
            "{what}"
        );
    }
    let next = SCHEMA_VERSION + 1;
    let newer = good.replacen(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        &format!("\"schema_version\":{next}"),
        1,
    );
    assert_eq!(decode(&newer), Err(DecodeError::NewerVersion(next)));
    assert_eq!(stored_revision(&good), Some(17));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any text at all: decoding returns, never panics.
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        let _ = decode(&text);
        let _ = stored_revision(&text);
    }

    /// A real record with bytes cut, changed or inserted anywhere: decoding returns a case or a
    /// reason, never panics, and a changed record never decodes to the original case silently
    /// unless the change was harmless.
    #[test]
    fn mutated_records_never_panic(cut in 0usize..4000, len in 0usize..40, insert in ".{0,8}") {
        let good = encode(&common::every_field_filled());
        let mut bytes: Vec<char> = good.chars().collect();
        let at = cut.min(bytes.len());
        let end = (at + len).min(bytes.len());
        bytes.splice(at..end, insert.chars());
        let text: String = bytes.into_iter().collect();
        match decode(&text) {
            Ok(case) => prop_assert_eq!(encode(&case).len() > 0, true),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

/// The warning that the device is running out of room comes before it is too late, and not
/// while there is plenty.
#[test]
fn room_running_out() {
    use presentence_checks::storage::{MB, Room};
    let gb = 1024.0 * MB;
    let cases = [
        // (used, allowed, warn?)
        (10.0 * MB, 10.0 * gb, false),
        (9.0 * gb, 10.0 * gb, false),
        (9.1 * gb, 10.0 * gb, true),
        (100.0 * MB, 200.0 * MB, false),
        (151.0 * MB, 200.0 * MB, true),
        (0.0, 40.0 * MB, true),
        (300.0 * MB, 300.0 * MB, true),
    ];
    for (used, allowed, warn) in cases {
        assert_eq!(
            Room { used, allowed }.running_out(),
            warn,
            "{used} of {allowed}"
        );
    }
}

/// A stored summary is used only on the day it was made and with the bank holidays it was made
/// with; otherwise it is made again from its case.
#[test]
fn stored_summaries_hold_only_for_their_day_and_holidays() {
    use chrono::NaiveDate;
    use presentence_checks::domain::summary::Summary;
    use presentence_checks::storage::{decode_summary, encode_summary};
    let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let holidays = [NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()];
    let summary = Summary {
        id: "c1".into(),
        revision: 4,
        name: "Alex Example".into(),
        ..Summary::default()
    };
    let text = encode_summary(&summary, day, &holidays);
    assert_eq!(decode_summary(&text, day, &holidays), Some(summary));
    assert_eq!(
        decode_summary(&text, day.succ_opt().unwrap(), &holidays),
        None
    );
    assert_eq!(decode_summary(&text, day, &[]), None);
    assert_eq!(decode_summary("{\"made_on\":", day, &holidays), None);
}

mod saving {
    use presentence_checks::storage::SaveError;
    use presentence_checks::storage::cases::{Problem, Revisions, WriteQueue, settle};

    #[test]
    fn a_case_is_written_once_at_a_time_and_again_if_it_changed_meanwhile() {
        let mut q = WriteQueue::default();
        assert!(q.start("a"), "nothing is being written: write now");
        assert!(q.start("b"), "another case is written alongside");
        assert!(!q.start("a"), "a write of this case is under way: wait");
        assert!(
            !q.start("a"),
            "changed twice meanwhile: still one more write"
        );
        assert!(q.ended("a"), "it changed meanwhile: write it again");
        assert!(!q.ended("a"), "nothing changed since: done");
        assert!(q.start("a"), "the next change writes at once");
        assert!(!q.ended("b"));
    }

    #[test]
    fn what_a_save_result_tells_the_person() {
        let (mut pending, mut problem) = (Vec::new(), None);
        // Full: the change waits, and the person is told.
        assert_eq!(
            settle(&mut pending, &mut problem, "a", Err(SaveError::Full)),
            None
        );
        assert_eq!(
            settle(&mut pending, &mut problem, "b", Err(SaveError::Full)),
            None
        );
        assert_eq!(pending, ["a", "b"]);
        assert_eq!(problem, Some(Problem::Full));
        // One write works: the next waiting change is tried, and the warning stays until none
        // is left.
        assert_eq!(
            settle(&mut pending, &mut problem, "a", Ok(())),
            Some("b".into())
        );
        assert_eq!(problem, Some(Problem::Full));
        assert_eq!(settle(&mut pending, &mut problem, "b", Ok(())), None);
        assert_eq!(problem, None);
        // Another tab saved a newer version: a conflict for this case, settled only by it.
        settle(
            &mut pending,
            &mut problem,
            "c",
            Err(SaveError::Conflict { stored_revision: 4 }),
        );
        assert_eq!(problem, Some(Problem::Conflict { id: "c".into() }));
        assert!(pending.is_empty(), "a conflict is not retried blindly");
        settle(&mut pending, &mut problem, "d", Ok(()));
        assert_eq!(problem, Some(Problem::Conflict { id: "c".into() }));
        settle(&mut pending, &mut problem, "c", Ok(()));
        assert_eq!(problem, None);
        // Storage switched off: said, and cleared by the next write that works.
        settle(&mut pending, &mut problem, "e", Err(SaveError::Unavailable));
        assert_eq!(problem, Some(Problem::Unavailable));
        assert_eq!(settle(&mut pending, &mut problem, "e", Ok(())), None);
        assert_eq!(problem, None);
    }

    #[test]
    fn revisions_read_never_go_back() {
        let mut r = Revisions::new(vec![("a".into(), 3)]);
        r.read("a", 2);
        assert_eq!(r.get("a"), Some(3), "this tab already wrote a newer one");
        r.read("a", 5);
        assert_eq!(r.get("a"), Some(5));
        r.read("b", 1);
        assert_eq!(r.get("b"), Some(1));
        r.insert("a".into(), 1);
        assert_eq!(
            r.get("a"),
            Some(1),
            "set outright when a conflict is settled"
        );
    }
}

mod summaries {
    use chrono::NaiveDate;
    use presentence_checks::domain::Case;
    use presentence_checks::domain::summary::Summary;
    use presentence_checks::storage::encode_summary;
    use presentence_checks::storage::summaries::Summaries;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn case(id: &str, revision: u64) -> Case {
        let mut case = Case::blank(id, "2026-11-30T09:00:00");
        case.revision = revision;
        case
    }

    /// A stand-in for the rules' summary: says which revision it was made from.
    fn summarize(case: &Case) -> Summary {
        Summary {
            id: case.id.clone(),
            revision: case.revision,
            name: format!("made from revision {}", case.revision),
            ..Summary::default()
        }
    }

    fn stored(id: &str, revision: u64, made_on: NaiveDate) -> (String, String) {
        let summary = Summary {
            id: id.into(),
            revision,
            name: "as stored".into(),
            ..Summary::default()
        };
        (id.into(), encode_summary(&summary, made_on, &[]))
    }

    fn names(shown: &[Summary]) -> Vec<(&str, &str)> {
        shown
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_str()))
            .collect()
    }

    #[test]
    fn the_list_uses_a_stored_summary_only_of_the_present_revision_made_today() {
        let yesterday = day().pred_opt().unwrap();
        let mut cache = Summaries::trusting(
            &[
                stored("a", 3, day()),
                stored("b", 2, day()),
                stored("c", 5, yesterday),
            ],
            day(),
            &[],
        );
        let index = [
            ("a".into(), 3),
            ("b".into(), 3),
            ("c".into(), 5),
            ("d".into(), 1),
        ];
        let listing = cache.listing(&index, &[], |_| true, Some(summarize));
        assert_eq!(names(&listing.shown), [("a", "as stored")]);
        assert_eq!(
            listing.unread,
            ["b", "c", "d"],
            "older than its case, made yesterday, missing: each is read and made again"
        );
        assert!(!listing.complete());
    }

    #[test]
    fn a_case_in_memory_is_summarised_as_it_is_now_and_only_once() {
        let mut cache = Summaries::trusting(&[stored("a", 3, day())], day(), &[]);
        let index = [("a".into(), 3)];
        // Changed on screen since it was stored: made again from memory, not read.
        let listing = cache.listing(&index, &[case("a", 4)], |_| true, Some(summarize));
        assert_eq!(names(&listing.shown), [("a", "made from revision 4")]);
        assert_eq!(listing.made.len(), 1, "to be stored for next time");
        assert!(listing.complete());
        // Asked again with nothing changed: nothing is made.
        let again = cache.listing(&index, &[case("a", 4)], |_| true, Some(summarize));
        assert!(again.made.is_empty());
        // Without the rules it cannot be made: they are asked for.
        let mut fresh = Summaries::default();
        fresh.for_day(day(), &[]);
        let waiting = fresh.listing(
            &index,
            &[case("a", 4)],
            |_| true,
            None::<fn(&Case) -> Summary>,
        );
        assert!(waiting.wants_rules && waiting.shown.is_empty());
    }

    #[test]
    fn a_new_day_or_new_bank_holidays_make_every_summary_again() {
        let mut cache = Summaries::trusting(&[stored("a", 3, day())], day(), &[]);
        let index = [("a".into(), 3)];
        let holiday = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
        cache.for_day(day(), &[holiday]);
        assert_eq!(
            cache.listing(&index, &[], |_| true, Some(summarize)).unread,
            ["a"]
        );
        let mut cache = Summaries::trusting(&[stored("a", 3, day())], day(), &[]);
        cache.for_day(day().succ_opt().unwrap(), &[]);
        assert_eq!(
            cache.listing(&index, &[], |_| true, Some(summarize)).unread,
            ["a"]
        );
        // Summaries made for a day that has since passed are not kept.
        cache.keep(day(), &[summarize(&case("a", 3))]);
        assert_eq!(cache.of("a", 3), None);
    }

    #[test]
    fn only_the_cases_shown_here_are_listed() {
        let mut cache = Summaries::default();
        cache.for_day(day(), &[]);
        let index = [("mine".into(), 1), ("theirs".into(), 1)];
        let cases = [case("mine", 1), case("theirs", 1)];
        let listing = cache.listing(&index, &cases, |c| c.id == "mine", Some(summarize));
        assert_eq!(names(&listing.shown), [("mine", "made from revision 1")]);
        assert!(listing.complete());
    }
}

// Who uses the device is stored as JSON written by hand (`User::to_json`, kept out of the first
// page's download): whatever name is typed, it reads back exactly as the JSON library reads it.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn who_uses_the_device_reads_back_as_typed(name in any::<String>(), role in 0usize..3) {
        use presentence_checks::domain::audit::{Role, User};
        use presentence_checks::domain::choice::Choice;
        let user = User { name, role: Role::all()[role] };
        let read: User = miniserde::json::from_str(&user.to_json()).expect("valid JSON");
        prop_assert_eq!(&read, &user);
    }
}

#[test]
fn who_uses_the_device_is_stored_as_the_json_library_writes_it() {
    use presentence_checks::domain::audit::{Role, User};
    for name in [
        "Olu Officer",
        "Sam \"Sam\" Senior",
        "back\\slash",
        "Zoë Ñandú",
        "",
    ] {
        let user = User {
            name: name.into(),
            role: Role::Spo,
        };
        assert_eq!(user.to_json(), miniserde::json::to_string(&user), "{name}");
    }
}
