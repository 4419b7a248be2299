//! Team sync's pure pieces: CouchDB's revision trees (every device picks the same winner, keeps
//! every conflict, and knows what it is missing) and the history of a case changed on two
//! devices while apart (every event from both, once each, in time order).

mod common;

use presentence_checks::domain::audit::merge_histories;
use presentence_checks::domain::case::{AuditEvent, Change};
use presentence_checks::storage::sync::revs::{Rev, RevTree};
use proptest::prelude::*;

/// A document's history of edits: each edit names the earlier edit it changed (by index), or
/// none for the first; the last of a branch may be a deletion.
fn edits() -> impl Strategy<Value = Vec<(Option<usize>, u8, bool)>> {
    proptest::collection::vec(
        (
            any::<Option<prop::sample::Index>>(),
            0u8..16,
            prop::bool::weighted(0.15),
        ),
        1..24,
    )
    .prop_map(|raw| {
        raw.into_iter()
            .enumerate()
            .map(|(i, (parent, hash, deleted))| {
                (
                    if i == 0 {
                        None
                    } else {
                        parent.map(|p| p.index(i))
                    },
                    hash,
                    deleted,
                )
            })
            .collect()
    })
}

/// Every revision of those edits, and the path from each back to its first revision.
fn revisions(edits: &[(Option<usize>, u8, bool)]) -> Vec<(Vec<Rev>, bool)> {
    let mut revs: Vec<Rev> = Vec::new();
    for (i, (parent, hash, _)) in edits.iter().enumerate() {
        // The edit's index in the hash keeps every revision's name distinct.
        revs.push(Rev::after(
            parent.map(|p| &revs[p]),
            &format!("{hash:x}i{i}"),
        ));
    }
    (0..edits.len())
        .map(|i| {
            let mut path = vec![revs[i].clone()];
            let mut at = i;
            while let Some(p) = edits[at].0 {
                path.push(revs[p].clone());
                at = p;
            }
            (path, edits[i].2)
        })
        .collect()
}

fn tree_of(paths: &[(Vec<Rev>, bool)]) -> RevTree {
    let mut tree = RevTree::default();
    for (path, deleted) in paths {
        tree.insert(path, *deleted).unwrap();
    }
    tree
}

proptest! {
    #[test]
    fn every_device_agrees_whatever_order_the_revisions_arrive_in(
        edits in edits(),
        order in Just(()).prop_perturb(|_, mut rng| rng.random::<u64>()),
    ) {
        let paths = revisions(&edits);
        let leaves_only: Vec<_> = paths.iter().filter(|(p, _)| {
            !paths.iter().any(|(q, _)| q.len() > 1 && q[1] == p[0])
        }).cloned().collect();
        // Another device hears of the same revisions in another order, some only as part of a
        // longer path.
        let mut shuffled = leaves_only.clone();
        let n = shuffled.len();
        for i in (1..n).rev() {
            shuffled.swap(i, (order as usize).wrapping_mul(i + 7) % (i + 1));
        }
        let here = tree_of(&paths);
        let there = tree_of(&shuffled);
        let all: Vec<Rev> = paths.iter().map(|(p, _)| p[0].clone()).collect();
        prop_assert!(there.missing(&all).is_empty(), "every revision is known");
        prop_assert_eq!(here.leaves(), there.leaves());
        prop_assert_eq!(here.winner(), there.winner());
        prop_assert_eq!(here.conflicts(), there.conflicts());
    }

    #[test]
    fn the_winner_and_conflicts_are_the_versions_still_standing(edits in edits()) {
        let paths = revisions(&edits);
        let tree = tree_of(&paths);
        let leaves = tree.leaves();
        let (winner, winner_deleted) = tree.winner().unwrap();
        prop_assert!(leaves.contains(&(winner.clone(), winner_deleted)));
        // A version still standing wins over every deletion.
        if leaves.iter().any(|(_, deleted)| !deleted) {
            prop_assert!(!winner_deleted);
        }
        for rev in tree.conflicts() {
            prop_assert!(leaves.contains(&(rev.clone(), false)));
            prop_assert!(rev != winner);
        }
        // No edited revision is a leaf.
        for (path, _) in &paths {
            for older in &path[1..] {
                prop_assert!(!leaves.iter().any(|(leaf, _)| leaf == older));
            }
        }
    }

    #[test]
    fn a_device_knows_what_it_is_missing_and_can_send_each_path(edits in edits(), known in 0usize..24) {
        let paths = revisions(&edits);
        let known = known.min(paths.len());
        let partial = tree_of(&paths[..known]);
        let everything = tree_of(&paths);
        let all: Vec<Rev> = paths.iter().map(|(p, _)| p[0].clone()).collect();
        let missing = partial.missing(&all);
        for rev in &all {
            prop_assert_eq!(missing.contains(rev), !partial.contains(rev));
        }
        prop_assert!(everything.missing(&all).is_empty());
        // Each revision's path as sent rebuilds the same tree, and sending it twice adds nothing.
        let mut rebuilt = RevTree::default();
        for (path, deleted) in &paths {
            let sent = everything.revisions(&path[0]).unwrap();
            prop_assert_eq!(sent.revs().unwrap(), path.clone());
            rebuilt.insert_revisions(&sent, *deleted).unwrap();
            prop_assert!(!rebuilt.insert_revisions(&sent, *deleted).unwrap());
        }
        prop_assert_eq!(rebuilt, everything);
    }
}

fn event(at: u32, by: &str, what: &str) -> AuditEvent {
    AuditEvent {
        at: format!(
            "2026-11-{:02}T{:02}:{:02}:00",
            1 + at / 1440,
            at / 60 % 24,
            at % 60
        ),
        by: by.into(),
        what: what.into(),
        changes: vec![Change {
            field: "Court".into(),
            before: String::new(),
            after: format!("{what} at {at}"),
        }],
        ..Default::default()
    }
}

/// A history in time order, from minute `from`: each event a few minutes after the last.
fn history(from: u32, by: &'static str) -> impl Strategy<Value = Vec<AuditEvent>> {
    proptest::collection::vec((0u32..30, 0u8..3), 0..12).prop_map(move |steps| {
        let mut at = from;
        steps
            .into_iter()
            .map(|(gap, what)| {
                at += gap;
                event(
                    at,
                    by,
                    [
                        "Changed answers",
                        "Recorded an enquiry",
                        "Submitted for gatekeeping",
                    ][what as usize],
                )
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn a_history_changed_on_two_devices_keeps_every_event_once_in_time_order(
        shared in history(0, "Casey Officer (court officer)"),
        ours in history(400, "Casey Officer (court officer)"),
        theirs in history(400, "Morgan Senior (senior probation officer)"),
    ) {
        let mine = [shared.clone(), ours.clone()].concat();
        let other = [shared.clone(), theirs.clone()].concat();
        let merged = merge_histories(&mine, &other);
        prop_assert_eq!(merged.len(), shared.len() + ours.len() + theirs.len());
        for e in shared.iter().chain(&ours).chain(&theirs) {
            let expected = shared.iter().chain(&ours).chain(&theirs).filter(|x| *x == e).count();
            prop_assert_eq!(merged.iter().filter(|x| *x == e).count(), expected, "{:?}", e);
        }
        prop_assert!(merged.windows(2).all(|w| w[0].at <= w[1].at), "in time order");
        // The same on the other device, and nothing new when nothing changed.
        prop_assert_eq!(&merge_histories(&other, &mine), &merged);
        prop_assert_eq!(&merge_histories(&mine, &mine), &mine);
        prop_assert_eq!(&merge_histories(&merged, &other), &merged);
    }
}

#[test]
fn an_event_made_twice_is_kept_twice() {
    let twice = event(5, "Casey Officer (court officer)", "Changed answers");
    let ours = vec![twice.clone(), twice.clone()];
    let theirs = vec![twice.clone()];
    assert_eq!(merge_histories(&ours, &theirs), ours);
    assert_eq!(merge_histories(&theirs, &ours), ours);
}

// ---------------------------------------------------------------------------------------------
// Settling a case changed on two devices while apart
// ---------------------------------------------------------------------------------------------

mod settling {
    use presentence_checks::domain::audit::{self, User, settle_versions};
    use presentence_checks::domain::case::*;
    use presentence_checks::domain::rules::gatekeeping_status;
    use presentence_checks::domain::{Case, assess};

    use super::common;

    const OFFICER: &str = "Casey Officer (court officer)";
    const SETTLER: &str = "Casey Officer (court officer)";

    fn spo() -> User {
        User {
            name: "Morgan Senior".into(),
            role: audit::Role::Spo,
        }
    }

    /// A high-risk case, checked and submitted on the officer's device, as both devices had it
    /// when they were last together.
    fn shared() -> Case {
        let mut case = common::lives_alone();
        case.rosh.children = Some(RoshLevel::High);
        case.gatekeeping.draft.note = "Please review.".into();
        case.submit_for_gatekeeping(OFFICER, "2026-11-21T10:00:00")
            .expect("submitted");
        case
    }

    /// The SPO's device: endorsed.
    fn endorsed(mut case: Case) -> Case {
        case.gatekeeping.draft.endorse = Some(true);
        assert_eq!(
            case.decide_gatekeeping(&spo(), "2026-11-21T11:00:00"),
            Ok(true)
        );
        case
    }

    /// The officer's device, meanwhile: the court changed.
    fn edited(mut case: Case) -> Case {
        let before = case.clone();
        case.hearing.court = "Southshire Crown Court".into();
        for event in audit::events_between(&before, &case, "2026-11-21T10:30:00", OFFICER) {
            case.events.push(event);
        }
        case
    }

    fn titles(case: &Case) -> Vec<&str> {
        case.events.iter().map(|e| e.what.as_str()).collect()
    }

    #[test]
    fn an_endorsement_on_one_device_and_an_edit_on_the_other_end_revoked_when_the_edit_is_kept() {
        let (spo_side, officer_side) = (endorsed(shared()), edited(shared()));
        assert!(gatekeeping_status(&spo_side).endorsed);
        let settled = settle_versions(&officer_side, &spo_side, "2026-11-21T12:00:00", SETTLER);
        assert_eq!(settled.hearing.court, "Southshire Crown Court");
        let status = gatekeeping_status(&settled);
        assert!(!status.endorsed && status.revoked, "{status:?}");
        assert!(
            assess(&settled, common::today())
                .blockers
                .iter()
                .any(|b| b.code == "GATEKEEPING_NOT_ENDORSED"),
            "suitable is blocked until the SPO endorses again"
        );
        assert_eq!(
            titles(&settled).last(),
            Some(&audit::WHAT_REVOKED),
            "the revocation is recorded"
        );
    }

    #[test]
    fn keeping_the_endorsed_version_keeps_the_endorsement_and_records_the_dropped_edit() {
        let (spo_side, officer_side) = (endorsed(shared()), edited(shared()));
        let settled = settle_versions(&spo_side, &officer_side, "2026-11-21T12:00:00", SETTLER);
        assert_eq!(settled.hearing.court, spo_side.hearing.court);
        assert!(gatekeeping_status(&settled).endorsed);
        let last = settled.events.last().expect("an event");
        assert_eq!(last.what, audit::WHAT_SETTLED);
        assert!(
            last.changes
                .iter()
                .any(|c| c.before == "Southshire Crown Court" && c.after == spo_side.hearing.court),
            "{:?}",
            last.changes
        );
    }

    #[test]
    fn nothing_of_either_history_or_gatekeeping_is_lost_and_each_event_appears_once() {
        let (spo_side, officer_side) = (endorsed(shared()), edited(shared()));
        for (kept, other) in [(&spo_side, &officer_side), (&officer_side, &spo_side)] {
            let settled = settle_versions(kept, other, "2026-11-21T12:00:00", SETTLER);
            for event in spo_side.events.iter().chain(&officer_side.events) {
                let held = settled.events.iter().filter(|e| *e == event).count();
                let in_both =
                    spo_side.events.contains(event) && officer_side.events.contains(event);
                assert_eq!(held, 1, "{} ({in_both})", event.what);
            }
            let times: Vec<&str> = settled.events.iter().map(|e| e.at.as_str()).collect();
            let mut sorted = times.clone();
            sorted.sort();
            assert_eq!(times, sorted, "in time order");
            assert_eq!(
                settled.gatekeeping.submissions.len(),
                1,
                "the shared submission, once"
            );
            assert_eq!(
                settled.gatekeeping.decisions,
                spo_side.gatekeeping.decisions
            );
        }
    }

    #[test]
    fn the_same_answers_on_both_sides_settle_without_a_dropped_answer() {
        let case = shared();
        let settled = settle_versions(&case, &case, "2026-11-21T12:00:00", SETTLER);
        assert_eq!(settled.events, case.events);
        assert_eq!(settled.gatekeeping, case.gatekeeping);
    }
}
