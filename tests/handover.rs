//! Handing cases between devices: an export imports as the same cases, every damaged or foreign
//! file is refused with a plain reason, older exports are migrated, and no text makes import
//! panic or slips a changed case past the checksum. Every person here is invented.

mod common;

use std::sync::OnceLock;

use common::*;
use miniserde::json::{self, Array, Number, Object, Value};
use presentence_checks::domain::Case;
use presentence_checks::domain::case::*;
use presentence_checks::domain::handover::{
    self, FORMAT, FORMAT_VERSION, ImportError, Incoming, MAX_BYTES, compare, export, export_values,
    import, receive,
};
use presentence_checks::domain::rules::gatekeeping_status;
use presentence_checks::storage::codec::SCHEMA_VERSION;
use proptest::prelude::*;

const BY: &str = "Casey Officer (court officer)";
const AT: &str = "2026-11-23T12:00:00";
const SPO: &str = "Morgan Senior (senior probation officer)";

fn spo() -> presentence_checks::domain::audit::User {
    presentence_checks::domain::audit::User {
        name: "Morgan Senior".into(),
        role: presentence_checks::domain::audit::Role::Spo,
    }
}

// ---------------------------------------------------------------------------------------------
// Building files by hand, the way `handover::export` writes them
// ---------------------------------------------------------------------------------------------

/// An export file holding `cases` (as JSON values) with a correct checksum.
fn file_with(cases: &[Value], schema_version: u64) -> String {
    let mut list = Array::new();
    list.extend(cases.iter().cloned());
    export_values(Value::Array(list), schema_version, BY, AT)
}

fn to_value(case: &Case) -> Value {
    json::from_str(&json::to_string(case)).unwrap()
}

fn object(value: &mut Value) -> &mut Object {
    match value {
        Value::Object(o) => o,
        other => panic!("not an object: {}", json::to_string(other)),
    }
}

/// A valid file of one case, after `edit` has changed the case's JSON; the checksum is correct,
/// so whatever import refuses it for is the edit itself.
fn edited(case: &Case, edit: impl FnOnce(&mut Object)) -> String {
    let mut value = to_value(case);
    edit(object(&mut value));
    file_with(&[value], u64::from(SCHEMA_VERSION))
}

fn text(s: &str) -> Value {
    Value::String(s.into())
}

fn two_cases() -> Vec<Case> {
    let mut second = lives_alone();
    second.id = "alex-example".into();
    vec![every_field_filled(), second]
}

#[test]
fn the_test_helper_writes_what_export_writes() {
    let cases = two_cases();
    let values: Vec<Value> = cases.iter().map(to_value).collect();
    assert_eq!(
        file_with(&values, u64::from(SCHEMA_VERSION)),
        export(&cases, BY, AT)
    );
}

// ---------------------------------------------------------------------------------------------
// Round trip
// ---------------------------------------------------------------------------------------------

#[test]
fn an_export_imports_as_the_same_cases() {
    let cases = two_cases();
    assert_ne!(cases[0].id, cases[1].id);
    let file = export(&cases, BY, AT);
    assert_eq!(
        import(&file),
        Ok(Incoming {
            cases,
            exported_by: BY.into(),
            exported_at: AT.into(),
        })
    );
}

#[test]
fn export_says_what_it_is() {
    let file: Value = json::from_str(&export(&two_cases(), BY, AT)).unwrap();
    let Value::Object(file) = file else {
        panic!("not an object")
    };
    assert!(matches!(file.get("format"), Some(Value::String(f)) if f == FORMAT));
    assert!(
        matches!(file.get("format_version"), Some(Value::Number(Number::U64(v))) if *v == FORMAT_VERSION)
    );
    assert!(
        matches!(file.get("schema_version"), Some(Value::Number(Number::U64(v))) if *v == u64::from(SCHEMA_VERSION))
    );
    assert!(
        matches!(file.get("checksum"), Some(Value::String(c)) if c.starts_with("sha256:") && c.len() == 7 + 64)
    );
    assert!(matches!(file.get("cases"), Some(Value::Array(a)) if a.len() == 2));
}

// ---------------------------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------------------------

#[test]
fn refusals_table() {
    let good = export(&[every_field_filled()], BY, AT);
    let name = "Dan Sample".to_string();
    let bad = |why: &str| ImportError::BadCase(1, name.clone(), why.into());

    let mut same_id = lives_alone();
    same_id.id = "every-field".into();
    same_id.person.name = "Alex Example".into();

    let mut shared_place_id = lives_alone();
    let second = shared_place_id.add_place();
    shared_place_id.place_mut(second).unwrap().address_line_1 = "9 Copy Lane".into();
    let first_id = shared_place_id.places[0].id;
    shared_place_id.places[1].id = first_id;

    let mut id_above_next = lives_alone();
    id_above_next.places[0].id = id_above_next.next_id + 1;

    let mut no_reference = lives_alone();
    no_reference.id = "  ".into();
    let mut draft_reference = lives_alone();
    draft_reference.id = "new".into();

    let (checksum_at, _) = good.match_indices("sha256:").next().expect("a checksum");
    let mut other_checksum = good.clone();
    let digit = checksum_at + "sha256:".len();
    let flipped = if &good[digit..digit + 1] == "0" {
        "1"
    } else {
        "0"
    };
    other_checksum.replace_range(digit..digit + 1, flipped);

    // (name, file, the refusal, words its sentence must hold)
    let rows: Vec<(&str, String, ImportError, &str)> = vec![
        (
            "not JSON",
            "hello".into(),
            ImportError::NotJson,
            "not in the JSON format this app exports",
        ),
        (
            "an empty file",
            String::new(),
            ImportError::NotJson,
            "not in the JSON format",
        ),
        (
            "cut short",
            good[..good.len() / 2].to_string(),
            ImportError::NotJson,
            "not in the JSON format",
        ),
        (
            "JSON, but someone else's object",
            "{\"a\":1}".into(),
            ImportError::NotACaseFile,
            "does not say it holds pre-sentence checks",
        ),
        (
            "JSON, but a list",
            "[1,2]".into(),
            ImportError::NotACaseFile,
            "not a case file from this app",
        ),
        (
            "our format, but no cases list",
            format!("{{\"format\":\"{FORMAT}\",\"format_version\":1}}"),
            ImportError::NotACaseFile,
            "not a case file from this app",
        ),
        (
            "wrong format version",
            good.replacen("\"format_version\":1,", "\"format_version\":2,", 1),
            ImportError::WrongFormatVersion(2),
            "format version 2, which this version of the app cannot read (it reads version 1)",
        ),
        (
            "a name changed inside the file",
            good.replacen("\"name\":\"Dan Sample\"", "\"name\":\"Dan Sampel\"", 1),
            ImportError::ChecksumMismatch,
            "checksum does not match",
        ),
        (
            "the checksum changed",
            other_checksum,
            ImportError::ChecksumMismatch,
            "changed or damaged since it was exported",
        ),
        (
            "the checksum removed",
            good.replacen("\"checksum\":", "\"checksun\":", 1),
            ImportError::ChecksumMismatch,
            "checksum does not match",
        ),
        (
            "too large",
            "x".repeat(MAX_BYTES + 1),
            ImportError::TooLarge(MAX_BYTES + 1),
            "too large",
        ),
        (
            "no cases",
            export(&[], BY, AT),
            ImportError::NoCases,
            "holds no cases",
        ),
        (
            "a case without its revision",
            edited(&every_field_filled(), |c| {
                c.remove("revision");
            }),
            bad("\"revision\" is missing"),
            "\"revision\" is missing",
        ),
        (
            "a case without a nested answer",
            edited(&every_field_filled(), |c| {
                let person = object(c.get_mut("person").unwrap());
                person.remove("date_of_birth");
            }),
            bad("\"person, date of birth\" is missing"),
            "\"person, date of birth\" is missing",
        ),
        (
            "revision as text",
            edited(&every_field_filled(), |c| {
                c.insert("revision".into(), text("17"));
            }),
            bad("\"revision\" holds the wrong kind of value"),
            "\"revision\" holds the wrong kind of value",
        ),
        (
            "a town as a number",
            edited(&every_field_filled(), |c| {
                let Some(Value::Array(places)) = c.get_mut("places") else {
                    panic!("places")
                };
                object(&mut places[0]).insert("town".into(), Value::Number(Number::U64(5)));
            }),
            bad("\"places 1, town\" holds the wrong kind of value"),
            "\"places 1, town\" holds the wrong kind of value",
        ),
        (
            "an answer that is not an option",
            edited(&every_field_filled(), |c| {
                let police = object(c.get_mut("police").unwrap());
                police.insert("outcome".into(), text("maybe"));
            }),
            bad("one of its answers is not an option this app knows"),
            "not an option this app knows",
        ),
        (
            "a number where a case should be",
            file_with(&[Value::Number(Number::U64(1))], u64::from(SCHEMA_VERSION)),
            ImportError::BadCase(
                1,
                "not a case".into(),
                "the case itself holds the wrong kind of value".into(),
            ),
            "Case 1 in the file (not a case) cannot be imported",
        ),
        (
            "two cases with the same reference",
            export(&[every_field_filled(), same_id], BY, AT),
            ImportError::BadCase(
                2,
                "Alex Example".into(),
                "another case in the file has the same reference".into(),
            ),
            "Case 2 in the file (Alex Example) cannot be imported: another case in the file has the same reference",
        ),
        (
            "two places with the same number",
            export(&[shared_place_id], BY, AT),
            ImportError::BadCase(
                1,
                "Alex Example".into(),
                "two of its entries share a number, so they could be mixed up".into(),
            ),
            "share a number",
        ),
        (
            "an entry numbered above the case's counter",
            export(&[id_above_next], BY, AT),
            ImportError::BadCase(
                1,
                "Alex Example".into(),
                "two of its entries share a number, so they could be mixed up".into(),
            ),
            "share a number",
        ),
        (
            "a case with no reference",
            export(&[no_reference], BY, AT),
            ImportError::BadCase(1, "Alex Example".into(), "it has no reference".into()),
            "it has no reference",
        ),
        (
            "a case under the draft's reference",
            export(&[draft_reference], BY, AT),
            ImportError::BadCase(1, "Alex Example".into(), "it has no reference".into()),
            "it has no reference",
        ),
        (
            "cases from a newer version of the app",
            good.replacen(
                &format!("\"schema_version\":{SCHEMA_VERSION},"),
                &format!("\"schema_version\":{},", SCHEMA_VERSION + 1),
                1,
            ),
            ImportError::NewerCases(u64::from(SCHEMA_VERSION) + 1),
            "exported by a newer version of this app",
        ),
    ];
    for (name, file, expected, words) in rows {
        assert_ne!(file, good, "{name}: the row must change the file");
        let got = import(&file);
        assert_eq!(got, Err(expected), "{name}");
        let sentence = got.unwrap_err().to_string();
        assert!(sentence.contains(words), "{name}: {sentence}");
        // A plain sentence: a capital first, no code or JSON in it, on one line.
        assert!(
            sentence.starts_with(|c: char| c.is_ascii_uppercase()),
            "{name}: {sentence}"
        );
        for code in ["{", "}", "Err", "Value", "Some(", "None", "\n", "_"] {
            assert!(!sentence.contains(code), "{name}: {code:?} in {sentence}");
        }
    }
}

#[test]
fn the_size_is_given_in_megabytes() {
    let sentence = ImportError::TooLarge(12 * 1024 * 1024).to_string();
    assert!(
        sentence.starts_with("The file is too large (12") && sentence.contains("at most 5 MB"),
        "{sentence}"
    );
    // The limit is on the whole text, before it is read.
    let mut padded = export(&[lives_alone()], BY, AT);
    padded.push_str(&" ".repeat(MAX_BYTES));
    assert!(matches!(import(&padded), Err(ImportError::TooLarge(_))));
}

// ---------------------------------------------------------------------------------------------
// Older exports
// ---------------------------------------------------------------------------------------------

/// The case object of the schema version 1 fixture, as version 1 of the app wrote it.
fn v1_case() -> Value {
    let stored: Value = json::from_str(include_str!("fixtures/schema-v1.json")).unwrap();
    let Value::Object(mut stored) = stored else {
        panic!("fixture is not an object")
    };
    stored.remove("case").expect("fixture holds a case")
}

#[test]
fn an_export_of_schema_version_1_imports_after_migration() {
    let case = v1_case();
    let Value::Object(o) = &case else { panic!() };
    assert!(o.get("events").is_none(), "a version 1 case has no trail");
    let incoming = import(&file_with(&[case], 1)).expect("imports");
    assert_eq!(incoming.cases, vec![every_field_filled_as_of(1)]);
    assert_eq!(incoming.exported_by, BY);
    assert_eq!(incoming.exported_at, AT);
}

#[test]
fn a_version_1_case_is_not_read_as_the_current_version() {
    // Without migration the same case lacks fields the current version needs.
    let got = import(&file_with(&[v1_case()], u64::from(SCHEMA_VERSION)));
    assert!(
        matches!(&got, Err(ImportError::BadCase(1, name, why)) if name == "Dan Sample" && why.ends_with("is missing")),
        "{got:?}"
    );
}

/// A case stored under version 1 with two decisions (say, returned then endorsed) loads on a
/// device running version 2 with no submissions. Exported from there, it must import elsewhere.
#[test]
fn a_migrated_case_with_two_decisions_moves_between_devices() {
    let mut case = every_field_filled_as_of(1);
    case.gatekeeping.decisions.push(GatekeepingDecision {
        endorsed: true,
        by: SPO.into(),
        at: "2026-11-20T09:00:00".into(),
        comments: String::new(),
        fingerprint: case.content_fingerprint(),
        section_comments: Vec::new(),
        signed: None,
    });
    let file = export(std::slice::from_ref(&case), BY, AT);
    assert_eq!(import(&file).map(|i| i.cases), Ok(vec![case.clone()]));
    // The same, as version 1 of the app would have exported it.
    let mut value = to_value(&case);
    object(&mut value).remove("events");
    assert_eq!(
        import(&file_with(&[value], 1)).map(|i| i.cases),
        Ok(vec![case])
    );
}

// ---------------------------------------------------------------------------------------------
// A case already on this device
// ---------------------------------------------------------------------------------------------

#[test]
fn compare_lists_the_answers_that_differ_and_the_history() {
    let ours = every_field_filled();
    assert_eq!(compare(&ours, &ours.clone()), Vec::<Change>::new());

    // Bookkeeping alone is no difference.
    let mut later = ours.clone();
    later.revision += 4;
    later.updated_at = "2026-11-24T08:00:00".into();
    assert_eq!(compare(&ours, &later), Vec::<Change>::new());

    let mut theirs = ours.clone();
    theirs.revision = 20;
    theirs.person.name = "Dan Other".into();
    theirs.places[0].town = "Southtown".into();
    theirs.append_event(AT, BY, "Changed answers", Vec::new());
    theirs.append_event(AT, BY, "Changed answers", Vec::new());
    let ch = |field: &str, before: &str, after: &str| Change {
        field: field.into(),
        before: before.into(),
        after: after.into(),
    };
    assert_eq!(
        compare(&ours, &theirs),
        vec![
            ch("Person, name", "Dan Sample", "Dan Other"),
            ch("Places 1, town", "Northtown", "Southtown"),
            ch("Entries in the history", "1", "3"),
        ]
    );
    // Only the history differs.
    let mut longer = ours.clone();
    longer.append_event(AT, BY, "Printed the report", Vec::new());
    assert_eq!(
        compare(&ours, &longer),
        vec![ch("Entries in the history", "1", "2")]
    );
}

#[test]
fn receive_files_the_case_under_a_reference_above_both_revisions() {
    let case = every_field_filled();
    assert_eq!(case.revision, 17);
    let what = "Imported from a file exported by Casey Officer (court officer)";
    let at = "2026-11-24T09:00:00";
    for (name, id, revision_here, expected) in [
        ("newer here", "every-field", 30, 31),
        ("older here", "every-field", 3, 18),
        ("the same here", "every-field", 17, 18),
        ("not on this device", "every-field", 0, 18),
        ("a copy under a new reference", "copy-1", 30, 31),
    ] {
        let got = receive(case.clone(), id, revision_here, what, at, BY);
        assert_eq!(got.id, id, "{name}");
        assert_eq!(got.revision, expected, "{name}");
        assert!(got.revision > case.revision.max(revision_here), "{name}");
        assert_eq!(got.updated_at, at, "{name}");
        assert_eq!(got.events.len(), case.events.len() + 1, "{name}");
        assert_eq!(got.events[..case.events.len()], case.events[..], "{name}");
        // Linked to the entry before it, on this device.
        let last = got.events.last().unwrap();
        assert_eq!(
            last.prev,
            presentence_checks::domain::attest::entry_hash(&got.events[got.events.len() - 2]),
            "{name}"
        );
        assert_eq!(
            got.events.last(),
            Some(&AuditEvent {
                at: at.into(),
                by: BY.into(),
                what: what.into(),
                changes: Vec::new(),
                prev: last.prev.clone(),
                ..Default::default()
            }),
            "{name}"
        );
        // Nothing else changes.
        let mut back = got.clone();
        back.id = case.id.clone();
        back.revision = case.revision;
        back.updated_at = case.updated_at.clone();
        back.events.pop();
        assert_eq!(back, case, "{name}");
    }
}

fn endorsed_case() -> Case {
    let mut case = lives_alone();
    case.rosh.children = Some(RoshLevel::High);
    case.gatekeeping.draft.note = "Please review.".into();
    case.submit_for_gatekeeping(BY, "2026-11-21T10:00:00")
        .unwrap();
    case.gatekeeping.draft.endorse = Some(true);
    case.decide_gatekeeping(&spo(), "2026-11-21T11:00:00")
        .unwrap();
    assert!(gatekeeping_status(&case).endorsed);
    case
}

#[test]
fn an_endorsement_survives_the_journey() {
    let case = endorsed_case();
    let incoming = import(&export(std::slice::from_ref(&case), BY, AT)).unwrap();
    let received = receive(
        incoming.cases[0].clone(),
        &case.id,
        case.revision,
        "Imported",
        AT,
        BY,
    );
    let status = gatekeeping_status(&received);
    assert!(status.endorsed && !status.revoked, "{status:?}");
}

/// "Keep both" files the incoming case under a fresh reference. Its answers are those the SPO
/// endorsed, and a reference is bookkeeping (`audit::differences` leaves ids out), so the
/// endorsement should stand; if it did not, the trail would have to record the revocation, and
/// `receive` records none.
#[test]
fn an_endorsement_survives_being_kept_as_a_copy() {
    let case = endorsed_case();
    let incoming = import(&export(std::slice::from_ref(&case), BY, AT)).unwrap();
    let copy = receive(
        incoming.cases[0].clone(),
        "a-fresh-reference",
        0,
        "Imported, as a copy",
        AT,
        BY,
    );
    let status = gatekeeping_status(&copy);
    assert!(status.endorsed && !status.revoked, "{status:?}");
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

fn valid_export() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| export(&two_cases(), BY, AT))
}

fn replace_char(text: &str, at: usize, with: Option<char>) -> String {
    text.chars()
        .enumerate()
        .filter_map(|(i, c)| if i == at { with } else { Some(c) })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn import_never_panics_on_any_text(text in ".{0,300}") {
        let _ = import(&text);
    }

    #[test]
    fn import_never_panics_on_a_damaged_export(
        at in any::<prop::sample::Index>(),
        with in proptest::option::of(any::<char>()),
    ) {
        let good = valid_export();
        let damaged = replace_char(good, at.index(good.chars().count()), with);
        // Accepted only when the damage missed the cases (the exporter's name, say).
        if let Ok(incoming) = import(&damaged) {
            prop_assert_eq!(incoming.cases, two_cases());
        }
    }

    #[test]
    fn a_changed_name_never_passes_the_checksum(name in ".{0,40}") {
        prop_assume!(name != "Dan Sample");
        let good = valid_export();
        let needle = "\"name\":\"Dan Sample\"";
        prop_assert_eq!(good.matches(needle).count(), 1);
        let changed = good.replacen(needle, &format!("\"name\":{}", json::to_string(&name)), 1);
        prop_assert_eq!(import(&changed), Err(ImportError::ChecksumMismatch));
    }

    #[test]
    fn any_other_checksum_is_refused(hex in "[0-9a-f]{64}") {
        let good = valid_export();
        let (start, _) = good.match_indices("\"checksum\":\"sha256:").next().unwrap();
        let from = start + "\"checksum\":\"sha256:".len();
        let real = &good[from..from + 64];
        prop_assume!(hex != real);
        let mut changed = good.to_string();
        changed.replace_range(from..from + 64, &hex);
        prop_assert_eq!(import(&changed), Err(ImportError::ChecksumMismatch));
    }

    /// Whatever a name holds, it survives the journey.
    #[test]
    fn any_name_round_trips(name in ".{0,40}", court in "\\PC{0,20}") {
        let mut case = lives_alone();
        case.person.name = name;
        case.hearing.court = court;
        let incoming = handover::import(&export(std::slice::from_ref(&case), BY, AT));
        prop_assert_eq!(incoming.map(|i| i.cases), Ok(vec![case]));
    }
}
