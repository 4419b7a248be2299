//! Signed decisions and the linked history (issue 23): what a signature covers, which histories
//! still hold together, whether a signed decision counts, and the rules' blocker when an
//! endorsement cannot be verified. Every person here is invented.

mod common;

use common::*;
use presentence_checks::domain::attest::{
    self, Act, HistoryCheck, Judged, KeyRecord, LEGACY, ROLE_OFFICER, ROLE_SPO, Signed,
    check_history, judge, missing_entries,
};
use presentence_checks::domain::audit::{Role, User};
use presentence_checks::domain::case::*;
use presentence_checks::domain::{Case, assess};
use proptest::prelude::*;

const OFFICER: &str = "casey.officer (court officer)";
const SPO: &str = "morgan.senior (senior probation officer)";

/// A high-risk, fully checked case, submitted and endorsed as the pages do it.
fn endorsed_case() -> Case {
    let mut case = lives_alone();
    case.rosh.children = Some(RoshLevel::High);
    case.gatekeeping.draft.note = "Please review.".into();
    case.submit_for_gatekeeping(OFFICER, "2026-11-21T10:00:00")
        .unwrap();
    case.gatekeeping.draft.endorse = Some(true);
    let spo = User {
        name: "morgan.senior".into(),
        role: Role::Spo,
    };
    assert_eq!(
        case.decide_gatekeeping(&spo, "2026-11-21T11:00:00"),
        Ok(true)
    );
    case
}

/// The endorsement signed by `account`, with this device's verdict.
fn sign_endorsement(case: &mut Case, account: &str, verdict: Result<(), &str>) {
    let answers = attest::answers_digest(case);
    let d = case.gatekeeping.decisions.last_mut().unwrap();
    d.signed = Some(Signed {
        account: account.into(),
        key: "k".into(),
        answers,
        value: "sig".into(),
        verified: verdict.is_ok(),
        problem: verdict.err().unwrap_or_default().into(),
    });
}

fn codes(case: &Case) -> Vec<&'static str> {
    assess(case, today())
        .blockers
        .iter()
        .map(|b| b.code)
        .collect()
}

// ----- Canonical payloads -----

type Edit = fn(&mut Case);

#[test]
fn the_same_decision_always_signs_the_same_bytes() {
    let case = endorsed_case();
    let d = case.gatekeeping.decisions.last().unwrap();
    let signed = Signed {
        account: "morgan.senior".into(),
        answers: attest::answers_digest(&case),
        ..Default::default()
    };
    let first = d.payload(&case.id, &signed);
    // A copy, read back from its stored form, signs the same bytes.
    let copy: Case = miniserde::json::from_str(&miniserde::json::to_string(&case)).unwrap();
    let again = copy
        .gatekeeping
        .decisions
        .last()
        .unwrap()
        .payload(&copy.id, &signed);
    assert_eq!(first, again);
    // This device's verdict is not part of what was signed.
    let checked = Signed {
        verified: true,
        problem: "anything".into(),
        ..signed.clone()
    };
    assert_eq!(d.payload(&case.id, &checked), first);
    assert_eq!(attest::answers_digest(&case), attest::answers_digest(&copy));
}

#[test]
fn any_changed_answer_or_detail_changes_the_bytes() {
    let case = endorsed_case();
    let digest = attest::answers_digest(&case);
    let changes: Vec<(&str, Edit)> = vec![
        ("the person's name", |c| c.person.name.push('x')),
        ("the court", |c| {
            c.hearing.court = "Elsewhere Magistrates' Court".into()
        }),
        ("a police reply", |c| c.police.summary.push('.')),
        ("the place", |c| c.places.clear()),
        ("the risk to children", |c| {
            c.rosh.children = Some(RoshLevel::VeryHigh)
        }),
        ("an offence", |c| c.offences[0].description.push('!')),
    ];
    for (what, change) in changes {
        let mut changed = case.clone();
        change(&mut changed);
        assert_ne!(attest::answers_digest(&changed), digest, "{what}");
    }
    // Bookkeeping, gatekeeping and the history are not answers.
    let mut same = case.clone();
    same.revision += 3;
    same.updated_at = "2026-12-01T09:00:00".into();
    same.append_event("2026-12-01T09:00:00", OFFICER, "Looked", Vec::new());
    assert_eq!(attest::answers_digest(&same), digest);

    let d = case.gatekeeping.decisions.last().unwrap().clone();
    let signed = Signed {
        account: "morgan.senior".into(),
        answers: digest.clone(),
        ..Default::default()
    };
    let base = d.payload(&case.id, &signed);
    let variants: Vec<(&str, String)> = vec![
        ("another case", d.payload("PSC-OTHER", &signed)),
        (
            "another signer",
            d.payload(
                &case.id,
                &Signed {
                    account: "someone.else".into(),
                    ..signed.clone()
                },
            ),
        ),
        (
            "other answers",
            d.payload(
                &case.id,
                &Signed {
                    answers: "00".repeat(32),
                    ..signed.clone()
                },
            ),
        ),
        (
            "returned, not endorsed",
            GatekeepingDecision {
                endorsed: false,
                ..d.clone()
            }
            .payload(&case.id, &signed),
        ),
        (
            "another time",
            GatekeepingDecision {
                at: "2026-11-21T11:00:01".into(),
                ..d.clone()
            }
            .payload(&case.id, &signed),
        ),
        (
            "a comment",
            GatekeepingDecision {
                comments: "Fine.".into(),
                ..d.clone()
            }
            .payload(&case.id, &signed),
        ),
        (
            "a name",
            GatekeepingDecision {
                by: SPO.replace("morgan", "morgana"),
                ..d.clone()
            }
            .payload(&case.id, &signed),
        ),
    ];
    for (what, payload) in variants {
        assert_ne!(payload, base, "{what}");
    }
    // Fields cannot run into each other: moving text from one to the next changes the bytes.
    let a = attest::decision_payload("A", Act::Submitted, "ab", "c", "d", &["e"]);
    let b = attest::decision_payload("A", Act::Submitted, "a", "bc", "d", &["e"]);
    assert_ne!(a, b);
    let outcome = RecordedOutcome {
        decision: Decision::Suitable,
        rationale: "All checked.".into(),
        recorded_at: "2026-11-22T09:00:00".into(),
        signed: None,
    };
    let not = RecordedOutcome {
        decision: Decision::NotSuitable,
        ..outcome.clone()
    };
    assert_ne!(
        outcome.payload(&case.id, &signed),
        not.payload(&case.id, &signed)
    );
}

// ----- The linked history -----

fn entry(minute: u32, what: &str) -> AuditEvent {
    AuditEvent {
        at: format!("2026-11-21T10:{minute:02}:00"),
        by: OFFICER.into(),
        what: what.into(),
        changes: vec![Change {
            field: "Note".into(),
            before: String::new(),
            after: format!("{what} {minute}"),
        }],
        ..Default::default()
    }
}

/// A case whose history holds `n` entries, linked as a save links them.
fn linked(n: u32) -> Vec<AuditEvent> {
    let mut case = Case::default();
    for i in 0..n {
        case.events.push(entry(i, "Changed answers"));
        case.link_history();
    }
    case.events
}

fn broken(events: &[AuditEvent]) -> Vec<usize> {
    check_history(events).broken
}

#[test]
fn histories_that_hold_together_and_ones_that_do_not() {
    let five = linked(5);
    let mut table: Vec<(&str, Vec<AuditEvent>, Vec<usize>)> = vec![
        ("as saved", five.clone(), vec![]),
        ("empty", vec![], vec![]),
        ("one entry", linked(1), vec![]),
    ];
    let mut removed = five.clone();
    removed.remove(2);
    table.push(("the third removed", removed, vec![2, 3]));
    let mut first_removed = five.clone();
    first_removed.remove(0);
    table.push(("the first removed", first_removed, vec![1]));
    let mut swapped = five.clone();
    swapped.swap(1, 2);
    table.push(("two swapped", swapped, vec![2, 3]));
    let mut altered = five.clone();
    altered[1].changes[0].after = "Something else".into();
    table.push(("the second altered", altered, vec![2, 3]));
    let mut renamed = five.clone();
    renamed[3].by = SPO.into();
    table.push(("an author changed", renamed, vec![4, 5]));
    let mut doubled = five.clone();
    doubled.insert(3, five[2].clone());
    table.push(("an entry duplicated", doubled, vec![4]));
    let mut unlinked = five.clone();
    unlinked[2].prev.clear();
    table.push(("a link cleared", unlinked, vec![2, 3, 4]));
    let mut as_legacy = five.clone();
    as_legacy[4].prev = LEGACY.into();
    table.push((
        "marked as from before linking, after linked ones",
        as_legacy,
        vec![4, 5],
    ));

    for (name, events, expected) in table {
        assert_eq!(broken(&events), expected, "{name}");
    }
}

#[test]
fn entries_from_before_linking_are_held_by_the_first_linked_entry() {
    let mut case = Case::default();
    for i in 0..3 {
        let mut e = entry(i, "Changed answers");
        e.prev = LEGACY.into();
        case.events.push(e);
    }
    case.events.push(entry(10, "Submitted for gatekeeping"));
    case.link_history();
    assert_eq!(
        check_history(&case.events),
        HistoryCheck {
            broken: vec![],
            legacy: 3
        }
    );
    let mut altered = case.events.clone();
    altered[1].changes[0].after = "Rewritten".into();
    assert_eq!(broken(&altered), vec![4], "an old entry altered");
    let mut removed = case.events.clone();
    removed.remove(0);
    assert_eq!(broken(&removed), vec![3], "an old entry removed");
}

#[test]
fn histories_brought_together_stay_one_chain() {
    let shared = linked(2);
    let mut ours = Case {
        events: shared.clone(),
        ..Default::default()
    };
    let mut theirs = ours.clone();
    ours.events.push(entry(5, "Changed answers"));
    ours.link_history();
    theirs
        .events
        .push(entry(6, "Endorsed by a senior probation officer"));
    theirs.events.push(entry(7, "Changed answers"));
    theirs.link_history();

    let mut merged = ours.clone();
    merged.events =
        presentence_checks::domain::audit::merge_histories(&ours.events, &theirs.events);
    // Without the joining entry, two ends: the history forked and was never brought together.
    assert_eq!(broken(&merged.events), vec![3]);
    merged.join_histories(&ours.events, &theirs.events, "2026-11-21T11:00:00", OFFICER);
    let joining = merged.events.last().unwrap();
    assert_eq!(joining.what, attest::WHAT_JOINED);
    assert_eq!(broken(&merged.events), Vec::<usize>::new());
    merged.events.push(entry(30, "Changed answers"));
    merged.link_history();
    assert_eq!(
        broken(&merged.events),
        Vec::<usize>::new(),
        "and it goes on"
    );

    // The joining entry pointing at something that is not there breaks it.
    let mut forged = merged.clone();
    forged.events[5].merged = "0".repeat(64);
    // (The other side's last entry, 5, is then no one's entry before.)
    assert_eq!(broken(&forged.events), vec![5, 6, 7]);
    // One side's entry dropped from the merge shows.
    let mut dropped = merged.clone();
    dropped.events.retain(|e| e.at != "2026-11-21T10:06:00");
    assert!(!check_history(&dropped.events).intact());

    // Nothing to join when one history already holds the other.
    let mut ahead = ours.clone();
    ahead.join_histories(&ours.events, &shared, "2026-11-21T11:00:00", OFFICER);
    assert_eq!(ahead.events, ours.events);
}

#[test]
fn entries_a_device_held_that_a_newer_version_lacks() {
    let five = linked(5);
    let mut newer = five.clone();
    newer.push(entry(20, "Changed answers"));
    let mut case = Case {
        events: newer.clone(),
        ..Default::default()
    };
    case.link_history();
    assert_eq!(missing_entries(&five, &case.events), Vec::<usize>::new());
    // The last entry removed: the rest still hold together, but this device knew it.
    let trimmed = five[..4].to_vec();
    assert_eq!(broken(&trimmed), Vec::<usize>::new());
    assert_eq!(missing_entries(&five, &trimmed), vec![5]);
    let mut altered = five.clone();
    altered[4].what = "Nothing happened".into();
    assert_eq!(missing_entries(&five, &altered), vec![5]);
}

proptest! {
    /// Any single entry removed, altered or duplicated, anywhere but at the very end, is found by
    /// the history itself; at the end, by a device that held it.
    #[test]
    fn any_single_tampering_is_found(n in 2u32..12, at in 0usize..12, how in 0u8..3) {
        let events = linked(n);
        let at = at % events.len();
        let mut tampered = events.clone();
        match how {
            0 => { tampered.remove(at); }
            1 => tampered[at].changes[0].after.push('!'),
            _ => tampered.insert(at + 1, events[at].clone()),
        }
        let found = !check_history(&tampered).intact()
            || !missing_entries(&events, &tampered).is_empty();
        prop_assert!(found);
    }
}

// ----- Whether a signed decision counts -----

fn key(account: &str, roles: &[&str], revoked: &str) -> KeyRecord {
    KeyRecord {
        account: account.into(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
        public_key: format!("spki-of-{account}"),
        revoked: revoked.into(),
    }
}

#[test]
fn which_signed_endorsements_count() {
    let spo_key = key("morgan.senior", &[ROLE_SPO], "");
    let officer_key = key("casey.officer", &[ROLE_OFFICER], "");
    let left = key("morgan.senior", &[ROLE_SPO], "2026-11-25T09:00:00");
    let spo_as_officer = key("morgan.senior", &[ROLE_OFFICER], "");
    let signed = |account: &str, k: &KeyRecord| Signed {
        account: account.into(),
        key: attest::key_id(&k.public_key),
        value: "sig".into(),
        ..Default::default()
    };
    let good = signed("morgan.senior", &spo_key);
    // (case, signature, what the device knows, the reason it does not count)
    let table: Vec<(&str, Signed, Judged, Option<&str>)> = vec![
        (
            "the SPO's own key",
            good.clone(),
            judged(Some(&spo_key), true, "2026-11-21T11:00:00", false),
            None,
        ),
        (
            "not signed",
            Signed::default(),
            judged(Some(&spo_key), true, "2026-11-21T11:00:00", false),
            Some("it was not signed by anyone signed in to the team's server"),
        ),
        (
            "signed by someone it does not name",
            signed("casey.officer", &officer_key),
            judged(Some(&officer_key), true, "2026-11-21T11:00:00", false),
            Some("it names morgan.senior but was signed by casey.officer"),
        ),
        (
            "no key on the server",
            good.clone(),
            judged(None, true, "2026-11-21T11:00:00", false),
            Some("no key is registered for morgan.senior on the team's server"),
        ),
        (
            "a key that is not theirs",
            Signed {
                key: attest::key_id("spki-of-a-forger"),
                ..good.clone()
            },
            judged(Some(&spo_key), true, "2026-11-21T11:00:00", false),
            Some("it was signed with a key that is not morgan.senior's registered key"),
        ),
        (
            "a signature that does not verify",
            good.clone(),
            judged(Some(&spo_key), false, "2026-11-21T11:00:00", false),
            Some("the signature does not match the decision: it was changed after it was signed"),
        ),
        (
            "the named SPO's key names only the officer role",
            signed("morgan.senior", &spo_as_officer),
            judged(Some(&spo_as_officer), true, "2026-11-21T11:00:00", false),
            Some("morgan.senior is not a senior probation officer on the team's server"),
        ),
        (
            "left the team before the outcome was recorded",
            good.clone(),
            judged(Some(&left), true, "2026-11-21T11:00:00", false),
            Some("morgan.senior has left the team: their key was revoked on 25 November 2026"),
        ),
        (
            "left the team after the outcome was recorded",
            good.clone(),
            judged(Some(&left), true, "2026-11-21T11:00:00", true),
            None,
        ),
        (
            "signed after leaving the team",
            good.clone(),
            judged(Some(&left), true, "2026-11-26T11:00:00", true),
            Some("morgan.senior has left the team: their key was revoked on 25 November 2026"),
        ),
    ];
    for (name, signed, known, expected) in table {
        assert_eq!(judge(&signed, &known).err().as_deref(), expected, "{name}");
    }
    // An officer's key may submit and record outcomes, not endorse.
    let submit = Judged {
        act: Act::Submitted,
        named: OFFICER,
        at: "2026-11-21T10:00:00",
        key: Some(&officer_key),
        signature_valid: true,
        outcome_recorded: false,
    };
    assert_eq!(
        judge(&signed("casey.officer", &officer_key), &submit),
        Ok(())
    );
}

/// What the device knows about an endorsement by the SPO `SPO` names.
fn judged<'a>(key: Option<&'a KeyRecord>, valid: bool, at: &'a str, recorded: bool) -> Judged<'a> {
    Judged {
        act: Act::Endorsed,
        named: SPO,
        at,
        key,
        signature_valid: valid,
        outcome_recorded: recorded,
    }
}

// ----- The rules -----

#[test]
fn an_endorsement_that_could_not_be_verified_blocks_with_its_own_code() {
    let case = endorsed_case();
    // Stated on this device (no team sync): counts, as before.
    assert!(codes(&case).is_empty(), "{:?}", codes(&case));

    let mut verified = case.clone();
    sign_endorsement(&mut verified, "morgan.senior", Ok(()));
    assert!(codes(&verified).is_empty());

    let cases: Vec<(&str, Result<(), &str>, &str)> = vec![
        (
            "not yet checked",
            Err(""),
            "it has not been checked against the team's keys yet",
        ),
        (
            "a key that is not an SPO's",
            Err("casey.officer is not a senior probation officer on the team's server"),
            "casey.officer is not a senior probation officer on the team's server",
        ),
    ];
    for (name, verdict, why) in cases {
        let mut c = case.clone();
        sign_endorsement(&mut c, "morgan.senior", verdict);
        let a = assess(&c, today());
        assert_eq!(codes(&c), vec!["GATEKEEPING_NOT_VERIFIED"], "{name}");
        assert!(
            a.blockers[0].message.starts_with(&format!(
                "The senior probation officer's endorsement could not be verified: {why}. A senior probation officer must endorse the case again: risk of serious harm"
            )),
            "{name}: {}",
            a.blockers[0].message
        );
        assert!(
            a.gatekeeping.awaiting && !a.gatekeeping.endorsed,
            "{name}: back in the queue"
        );
        // Nothing is deleted: the entry stays, marked.
        assert_eq!(c.gatekeeping.decisions.len(), 1);
        // "Suitable" cannot be recorded.
        c.outcome.selected = Some(Decision::Suitable);
        c.outcome.rationale = "All checks done.".into();
        assert!(
            c.record_outcome(today(), "2026-11-22T09:00:00", OFFICER)
                .is_err()
        );
    }

    // Verified, but for other answers than these (a forged fingerprint): blocked too.
    let mut other = case.clone();
    sign_endorsement(&mut other, "morgan.senior", Ok(()));
    other.gatekeeping.decisions[0]
        .signed
        .as_mut()
        .unwrap()
        .answers = "00".repeat(32);
    assert_eq!(codes(&other), vec!["GATEKEEPING_NOT_VERIFIED"]);

    // An SPO endorsing again clears it.
    let mut again = case.clone();
    sign_endorsement(
        &mut again,
        "morgan.senior",
        Err("casey.officer is not a senior probation officer on the team's server"),
    );
    again.gatekeeping.draft.endorse = Some(true);
    let spo = User {
        name: "morgan.senior".into(),
        role: Role::Spo,
    };
    assert_eq!(
        again.decide_gatekeeping(&spo, "2026-11-22T10:00:00"),
        Ok(true)
    );
    assert!(codes(&again).is_empty());
}

// ----- What a person has yet to sign -----

#[test]
fn what_a_person_has_yet_to_sign() {
    let mut case = endorsed_case();
    case.link_history();
    let spo_items = attest::to_sign(&case, "morgan.senior", "k");
    let officer_items = attest::to_sign(&case, "casey.officer", "k");
    // The SPO: the endorsement and its entry. The officer: the submission and every entry of theirs.
    assert!(spo_items.iter().any(|t| t.0 == attest::Target::Decision(0)));
    assert!(
        officer_items
            .iter()
            .any(|t| t.0 == attest::Target::Submission(0))
    );
    assert!(
        !officer_items
            .iter()
            .any(|t| t.0 == attest::Target::Decision(0))
    );
    case.outcome.selected = Some(Decision::Suitable);
    case.outcome.rationale = "All checked; endorsed.".into();
    case.record_outcome(today(), "2026-11-22T09:00:00", OFFICER)
        .unwrap();
    case.link_history();
    let officer_items = attest::to_sign(&case, "casey.officer", "k");
    assert!(
        officer_items.iter().any(|t| t.0 == attest::Target::Outcome),
        "{:?}",
        officer_items.iter().map(|t| t.0).collect::<Vec<_>>()
    );
}

#[test]
fn an_entry_signed_on_one_side_only_is_one_entry_when_histories_are_merged() {
    let shared = linked(3);
    let mut signed = shared.clone();
    signed[1].signed = Some(signed_by("casey.officer"));
    let mut mine = signed.clone();
    mine.push(entry(30, "Changed answers"));
    let mut case = Case {
        events: mine,
        ..Default::default()
    };
    case.link_history();
    let merged = presentence_checks::domain::audit::merge_histories(&shared, &case.events);
    assert_eq!(merged.len(), 4, "each entry once");
    assert!(merged[1].signed.is_some(), "the signed copy is kept");
    assert!(check_history(&merged).intact());
}
