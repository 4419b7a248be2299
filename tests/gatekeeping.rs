//! Gatekeeping by a senior probation officer (recommendation 5): when it is required, the
//! officer's submission and the SPO's decision step by step, which changes revoke an endorsement,
//! and the audit trail each step leaves. Every person here is invented.

mod common;

use common::*;
use presentence_checks::domain::audit::{self, differences, events_between};
use presentence_checks::domain::case::*;
use presentence_checks::domain::gatekeeping::{self, WHAT_ENDORSED, WHAT_RETURNED, WHAT_SUBMITTED};
use presentence_checks::domain::rules::{GatekeepingStatus, gatekeeping_status};
use presentence_checks::domain::{Case, assess};

const OFFICER: &str = "Casey Officer (court officer)";
const SPO: &str = "Morgan Senior (senior probation officer)";

fn spo() -> presentence_checks::domain::audit::User {
    presentence_checks::domain::audit::User {
        name: "Morgan Senior".into(),
        role: presentence_checks::domain::audit::Role::Spo,
    }
}

/// The message of the GATEKEEPING_NOT_ENDORSED blocker, if it stands.
fn not_endorsed(case: &Case) -> Option<String> {
    assess(case, today())
        .blockers
        .into_iter()
        .find(|b| b.code == "GATEKEEPING_NOT_ENDORSED")
        .map(|b| b.message)
}

fn whats(case: &Case) -> Vec<&str> {
    case.events.iter().map(|e| e.what.as_str()).collect()
}

/// The four workflow flags, in a form that reads well in a failed assertion.
#[derive(Debug, PartialEq)]
struct Flags {
    awaiting: bool,
    returned: bool,
    endorsed: bool,
    revoked: bool,
}

fn flags(case: &Case) -> Flags {
    let GatekeepingStatus {
        awaiting,
        returned,
        endorsed,
        revoked,
        ..
    } = gatekeeping_status(case);
    Flags {
        awaiting,
        returned,
        endorsed,
        revoked,
    }
}

const NOTHING_YET: Flags = Flags {
    awaiting: false,
    returned: false,
    endorsed: false,
    revoked: false,
};
const AWAITING: Flags = Flags {
    awaiting: true,
    ..NOTHING_YET
};
const RETURNED: Flags = Flags {
    returned: true,
    ..NOTHING_YET
};
const ENDORSED: Flags = Flags {
    endorsed: true,
    ..NOTHING_YET
};
const REVOKED: Flags = Flags {
    revoked: true,
    ..NOTHING_YET
};

fn fields(errors: &[presentence_checks::domain::validate::FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

/// A fully checked case that must be gatekept: high risk of serious harm to children.
fn high_risk_case() -> Case {
    let mut case = lives_alone();
    case.rosh.children = Some(RoshLevel::High);
    case
}

/// Submits and endorses `case` through the same steps the pages use.
fn endorse(case: &mut Case) {
    case.gatekeeping.draft.note = "Please review.".into();
    case.submit_for_gatekeeping(OFFICER, "2026-11-21T10:00:00")
        .expect("submitted");
    case.gatekeeping.draft.endorse = Some(true);
    assert_eq!(
        case.decide_gatekeeping(&spo(), "2026-11-21T11:00:00"),
        Ok(true)
    );
    assert_eq!(flags(case), ENDORSED);
}

// ---------------------------------------------------------------------------------------------
// When gatekeeping is required
// ---------------------------------------------------------------------------------------------

#[test]
fn when_gatekeeping_is_required() {
    // (name, starting case, change, the one reason expected, or None when not required)
    type Row = (
        &'static str,
        fn() -> Case,
        fn(&mut Case),
        Option<&'static str>,
    );
    let rows: Vec<Row> = vec![
        (
            "high RoSH to children",
            lives_alone,
            |c| c.rosh.children = Some(RoshLevel::High),
            Some("Risk of serious harm is high or very high to children"),
        ),
        (
            "very high RoSH to a known adult",
            lives_alone,
            |c| c.rosh.known_adult = Some(RoshLevel::VeryHigh),
            Some("Risk of serious harm is high or very high to a known adult"),
        ),
        (
            "high RoSH in two domains names both",
            lives_alone,
            |c| {
                c.rosh.children = Some(RoshLevel::High);
                c.rosh.staff = Some(RoshLevel::VeryHigh);
            },
            Some("Risk of serious harm is high or very high to children and staff"),
        ),
        (
            "medium RoSH everywhere",
            lives_alone,
            |c| {
                c.rosh = Rosh {
                    children: Some(RoshLevel::Medium),
                    public: Some(RoshLevel::Medium),
                    known_adult: Some(RoshLevel::Medium),
                    staff: Some(RoshLevel::Medium),
                }
            },
            None,
        ),
        (
            "police hold DA information on the person",
            lives_alone,
            |c| c.police.outcome = Some(PoliceOutcome::DaInformationHeld),
            Some("Police hold domestic abuse information"),
        ),
        (
            "police hold DA information on a place's call-outs",
            lives_alone,
            |c| c.places[0].police_callout.outcome = Some(PoliceOutcome::DaInformationHeld),
            Some("Police hold domestic abuse information"),
        ),
        (
            "police hold information that is not DA",
            lives_alone,
            |c| c.police.outcome = Some(PoliceOutcome::InformationNotDa),
            None,
        ),
        (
            "children's services: open child protection plan",
            lives_alone,
            |c| c.childrens_services[0].enquiry.outcome = Some(CsOutcome::ChildProtectionPlan),
            Some("Children's services have open or current involvement"),
        ),
        (
            "children's services: early help at a place",
            lives_alone,
            |c| c.places[0].cs_check.outcome = Some(CsOutcome::EarlyHelpOrOther),
            Some("Children's services have open or current involvement"),
        ),
        (
            "children's services: previously known, now closed",
            lives_alone,
            |c| c.childrens_services[0].enquiry.outcome = Some(CsOutcome::PreviouslyKnown),
            None,
        ),
        (
            "children's services: still awaiting a reply",
            lives_alone,
            |c| c.childrens_services[0].enquiry.outcome = Some(CsOutcome::Awaiting),
            None,
        ),
        (
            "an order protects someone",
            lives_alone,
            |c| {
                c.orders_recorded = Some(true);
                let id = c.add_order();
                let o = c.orders.iter_mut().find(|o| o.id == id).unwrap();
                o.kind = Some(OrderKind::Restraining);
                o.protects = "Jordan Elsewhere".into();
            },
            Some("An order protects someone connected with the person"),
        ),
        (
            "orders answered yes but none listed",
            lives_alone,
            |c| c.orders_recorded = Some(true),
            None,
        ),
        (
            "an order left in the list after the answer became no",
            lives_alone,
            |c| {
                c.add_order();
                c.orders_recorded = Some(false);
            },
            None,
        ),
        (
            "a resident's fear or pressure noted",
            partners_home_checked,
            |c| {
                let r = c.places[0]
                    .residents
                    .iter_mut()
                    .find(|r| r.name == "Sam Sample")
                    .unwrap();
                r.consent.fear_or_pressure = Some(true);
                r.consent.fear_details = "Looked at him before answering.".into();
            },
            Some("A resident showed signs of fear or pressure"),
        ),
        (
            "a main occupier elsewhere shows fear or pressure",
            lives_alone,
            |c| c.places[0].occupier_elsewhere.consent.fear_or_pressure = Some(true),
            Some("A resident showed signs of fear or pressure"),
        ),
        ("lives alone, as is", lives_alone, |_| {}, None),
        (
            "partner's home, checked, as is",
            partners_home_checked,
            |_| {},
            None,
        ),
        (
            "the officer asked",
            lives_alone,
            |c| c.gatekeeping.requested_by_officer = true,
            Some("The officer asked for gatekeeping"),
        ),
        (
            "the officer asked, but a rule requires it anyway",
            lives_alone,
            |c| {
                c.gatekeeping.requested_by_officer = true;
                c.police.outcome = Some(PoliceOutcome::DaInformationHeld);
            },
            Some("Police hold domestic abuse information"),
        ),
    ];
    for (name, base, change, reason) in rows {
        let mut case = base();
        change(&mut case);
        let status = gatekeeping_status(&case);
        assert_eq!(status.required, reason.is_some(), "{name}: {status:?}");
        let expected: Vec<String> = reason.iter().map(|r| r.to_string()).collect();
        assert_eq!(status.reasons, expected, "{name}");
        assert_eq!(
            status.requested_by_officer, case.gatekeeping.requested_by_officer,
            "{name}"
        );
        // Required and not endorsed: "suitable" is blocked, and the blocker says why.
        let blocker = not_endorsed(&case);
        match reason {
            Some(reason) => {
                let message = blocker.unwrap_or_else(|| panic!("{name}: no blocker"));
                assert_eq!(
                    message,
                    format!(
                        "A senior probation officer must endorse this case before a curfew is found suitable: {}.",
                        reason.to_ascii_lowercase()
                    ),
                    "{name}"
                );
            }
            None => assert_eq!(blocker, None, "{name}"),
        }
    }
}

#[test]
fn several_reasons_are_all_listed_in_the_blocker() {
    let mut case = lives_alone();
    case.rosh.public = Some(RoshLevel::High);
    case.police.outcome = Some(PoliceOutcome::DaInformationHeld);
    case.gatekeeping.requested_by_officer = true;
    let status = gatekeeping_status(&case);
    assert_eq!(
        status.reasons,
        vec![
            "Risk of serious harm is high or very high to the public",
            "Police hold domestic abuse information",
        ]
    );
    assert_eq!(
        not_endorsed(&case).as_deref(),
        Some(
            "A senior probation officer must endorse this case before a curfew is found suitable: risk of serious harm is high or very high to the public; police hold domestic abuse information."
        )
    );
}

// ---------------------------------------------------------------------------------------------
// The workflow, step by step
// ---------------------------------------------------------------------------------------------

#[test]
fn submit_return_resubmit_endorse_then_revoke() {
    let mut case = high_risk_case();
    assert_eq!(flags(&case), NOTHING_YET);
    assert!(whats(&case).is_empty());

    // 1. No note: refused, nothing recorded.
    case.gatekeeping.draft.note = "   ".into();
    let errors = case
        .submit_for_gatekeeping(OFFICER, "2026-11-20T09:00:00")
        .unwrap_err();
    assert_eq!(fields(&errors), ["note"]);
    assert_eq!(
        errors[0].message,
        "Enter a note for the senior probation officer"
    );
    assert_eq!(flags(&case), NOTHING_YET);
    assert!(case.gatekeeping.submissions.is_empty());
    assert!(whats(&case).is_empty());

    // 2. With a note: in the queue, the note kept (trimmed) and the draft cleared.
    case.gatekeeping.draft.note = "  High risk to children; please review.  ".into();
    assert_eq!(
        case.submit_for_gatekeeping(OFFICER, "2026-11-20T09:05:00"),
        Ok(())
    );
    assert_eq!(flags(&case), AWAITING);
    assert_eq!(case.gatekeeping.draft.note, "");
    assert_eq!(
        case.gatekeeping.submissions,
        vec![Submission {
            by: OFFICER.into(),
            at: "2026-11-20T09:05:00".into(),
            note: "High risk to children; please review.".into(),
            // Waiting for a signature, with the answers it was submitted on.
            signed: Some(presentence_checks::domain::attest::Signed::waiting(
                presentence_checks::domain::attest::answers_digest(&case)
            )),
        }]
    );
    assert_eq!(
        case.events.last(),
        Some(&AuditEvent {
            at: "2026-11-20T09:05:00".into(),
            by: OFFICER.into(),
            what: WHAT_SUBMITTED.into(),
            changes: vec![Change {
                field: "Note".into(),
                before: String::new(),
                after: "High risk to children; please review.".into(),
            }],
            ..Default::default()
        })
    );
    let message = not_endorsed(&case).expect("blocked while awaiting");
    assert!(
        message.starts_with("The case is awaiting gatekeeping: a senior probation officer must endorse it before a curfew is found suitable: risk of serious harm"),
        "{message}"
    );

    // 3. Submitting twice is refused.
    case.gatekeeping.draft.note = "Again".into();
    let errors = case
        .submit_for_gatekeeping(OFFICER, "2026-11-20T09:06:00")
        .unwrap_err();
    assert_eq!(fields(&errors), ["note"]);
    assert!(errors[0].message.contains("already waiting"), "{errors:?}");
    assert_eq!(case.gatekeeping.submissions.len(), 1);
    assert_eq!(
        case.gatekeeping.draft.note, "Again",
        "the typed note is kept"
    );
    case.gatekeeping.draft.note.clear();

    // 4. The SPO must choose.
    let errors = case
        .decide_gatekeeping(&spo(), "2026-11-20T10:00:00")
        .unwrap_err();
    assert_eq!(fields(&errors), ["decision"]);
    assert!(case.gatekeeping.decisions.is_empty());

    // 5. Returning needs comments: blank ones do not count.
    case.gatekeeping.draft.endorse = Some(false);
    case.gatekeeping.draft.comments = "  ".into();
    case.gatekeeping.draft.section_comments = vec![SectionComment {
        section: "police".into(),
        comment: " ".into(),
    }];
    let errors = case
        .decide_gatekeeping(&spo(), "2026-11-20T10:00:00")
        .unwrap_err();
    assert_eq!(fields(&errors), ["comments"]);
    assert!(case.gatekeeping.decisions.is_empty());
    assert_eq!(flags(&case), AWAITING);

    // 6. Returned with a comment on the consent section.
    case.gatekeeping.draft.section_comments = vec![
        SectionComment {
            section: "consent".into(),
            comment: "  Speak to the landlord directly.  ".into(),
        },
        SectionComment {
            section: "police".into(),
            comment: String::new(),
        },
    ];
    assert_eq!(
        case.decide_gatekeeping(&spo(), "2026-11-20T10:30:00"),
        Ok(false)
    );
    assert_eq!(flags(&case), RETURNED);
    assert_eq!(
        case.returned_comment("consent"),
        Some("Speak to the landlord directly.")
    );
    for other in ["police", "places", "hearing", gatekeeping::GENERAL] {
        assert_eq!(case.returned_comment(other), None, "{other}");
    }
    assert_eq!(
        case.gatekeeping.draft,
        GatekeepingDraft::default(),
        "draft cleared"
    );
    let decision = case.gatekeeping.decisions.last().unwrap();
    assert!(!decision.endorsed);
    assert_eq!(decision.comments, "");
    assert_eq!(
        decision.section_comments,
        vec![SectionComment {
            section: "consent".into(),
            comment: "Speak to the landlord directly.".into(),
        }],
        "blank section comments are dropped, the rest trimmed"
    );
    assert_eq!(
        case.events.last(),
        Some(&AuditEvent {
            at: "2026-11-20T10:30:00".into(),
            by: SPO.into(),
            what: WHAT_RETURNED.into(),
            changes: vec![Change {
                field: "Consent of adult residents".into(),
                before: String::new(),
                after: "Speak to the landlord directly.".into(),
            }],
            ..Default::default()
        })
    );
    let message = not_endorsed(&case).expect("blocked while returned");
    assert!(
        message.starts_with("A senior probation officer returned the case with comments: act on them and submit it again: "),
        "{message}"
    );

    // 7. Nothing waits now, so the SPO cannot decide again.
    case.gatekeeping.draft.endorse = Some(true);
    let errors = case
        .decide_gatekeeping(&spo(), "2026-11-20T10:31:00")
        .unwrap_err();
    assert_eq!(fields(&errors), ["decision"]);
    assert!(errors[0].message.contains("not waiting"), "{errors:?}");
    assert_eq!(case.gatekeeping.decisions.len(), 1);
    case.gatekeeping.draft.endorse = None;

    // 8. The officer acts on the comment (recorded as changed answers, not a revocation: nothing
    // was endorsed) and submits again.
    let before = case.clone();
    case.places[0].assessed_by = Some(AssessedBy::Video);
    let events = events_between(&before, &case, "2026-11-20T14:00:00", OFFICER);
    assert_eq!(
        events.iter().map(|e| e.what.as_str()).collect::<Vec<_>>(),
        [audit::WHAT_CHANGED]
    );
    case.events.extend(events);
    assert_eq!(
        case.returned_comment("consent"),
        Some("Speak to the landlord directly."),
        "still shown until submitted again"
    );
    case.gatekeeping.draft.note = "Spoke to the landlord by video.".into();
    assert_eq!(
        case.submit_for_gatekeeping(OFFICER, "2026-11-20T14:05:00"),
        Ok(())
    );
    assert_eq!(flags(&case), AWAITING);
    assert_eq!(case.returned_comment("consent"), None);

    // 9. Endorsed: the blocker goes and "suitable" may be recorded.
    case.gatekeeping.draft.endorse = Some(true);
    assert_eq!(
        case.decide_gatekeeping(&spo(), "2026-11-20T15:00:00"),
        Ok(true)
    );
    assert_eq!(flags(&case), ENDORSED);
    assert_eq!(not_endorsed(&case), None);
    let a = assess(&case, today());
    assert!(a.blockers.is_empty(), "{:#?}", a.blockers);
    assert!(a.can_record_suitable());
    assert_eq!(
        case.gatekeeping.decisions.last().unwrap().fingerprint,
        case.content_fingerprint()
    );
    assert_eq!(
        case.events.last(),
        Some(&AuditEvent {
            at: "2026-11-20T15:00:00".into(),
            by: SPO.into(),
            what: WHAT_ENDORSED.into(),
            changes: Vec::new(),
            ..Default::default()
        })
    );

    // 10. A changed answer revokes the endorsement; the trail records the change and then the
    // revocation.
    let before = case.clone();
    case.places[0].town = "Southtown".into();
    assert_eq!(flags(&case), REVOKED);
    let message = not_endorsed(&case).expect("blocked again");
    assert!(message.contains("no longer stands"), "{message}");
    assert!(
        message.starts_with("The senior probation officer's endorsement no longer stands because the case has changed since. It must be endorsed again: risk of serious harm"),
        "{message}"
    );
    let events = events_between(&before, &case, "2026-11-21T09:00:00", OFFICER);
    assert_eq!(
        events,
        vec![
            AuditEvent {
                at: "2026-11-21T09:00:00".into(),
                by: OFFICER.into(),
                what: audit::WHAT_CHANGED.into(),
                changes: vec![Change {
                    field: "Places 1, town".into(),
                    before: "Northtown".into(),
                    after: "Southtown".into(),
                }],
                ..Default::default()
            },
            AuditEvent {
                at: "2026-11-21T09:00:00".into(),
                by: OFFICER.into(),
                what: audit::WHAT_REVOKED.into(),
                changes: Vec::new(),
                ..Default::default()
            },
        ]
    );
    case.events.extend(events);
    assert_eq!(
        whats(&case),
        [
            WHAT_SUBMITTED,
            WHAT_RETURNED,
            audit::WHAT_CHANGED,
            WHAT_SUBMITTED,
            WHAT_ENDORSED,
            audit::WHAT_CHANGED,
            audit::WHAT_REVOKED,
        ]
    );

    // 11. A further change records no second revocation: the endorsement was already gone.
    let before = case.clone();
    case.places[0].postcode = "ST1 9ZZ".into();
    let events = events_between(&before, &case, "2026-11-21T09:10:00", OFFICER);
    assert_eq!(
        events.iter().map(|e| e.what.as_str()).collect::<Vec<_>>(),
        [audit::WHAT_CHANGED]
    );

    // 12. Submitted again and endorsed again, the case is clear once more.
    case.gatekeeping.draft.note = "Moved to Southtown.".into();
    assert_eq!(
        case.submit_for_gatekeeping(OFFICER, "2026-11-21T09:30:00"),
        Ok(())
    );
    assert!(gatekeeping_status(&case).awaiting);
    assert!(
        not_endorsed(&case).is_some(),
        "blocked while the new submission waits"
    );
    case.gatekeeping.draft.endorse = Some(true);
    assert_eq!(
        case.decide_gatekeeping(&spo(), "2026-11-21T10:00:00"),
        Ok(true)
    );
    assert_eq!(flags(&case), ENDORSED);
    assert_eq!(not_endorsed(&case), None);
}

#[test]
fn submitting_needs_a_reason_or_the_officers_request() {
    let mut case = lives_alone();
    case.gatekeeping.draft.note = "Please check this one.".into();
    let errors = case
        .submit_for_gatekeeping(OFFICER, "2026-11-20T09:00:00")
        .unwrap_err();
    assert_eq!(fields(&errors), ["requested"]);
    assert!(case.gatekeeping.submissions.is_empty());
    assert!(case.events.is_empty());
    assert_eq!(flags(&case), NOTHING_YET);

    case.gatekeeping.requested_by_officer = true;
    assert_eq!(
        case.submit_for_gatekeeping(OFFICER, "2026-11-20T09:00:00"),
        Ok(())
    );
    assert_eq!(flags(&case), AWAITING);
    assert_eq!(whats(&case), [WHAT_SUBMITTED]);
    // The officer's own request makes the endorsement a blocker like any other reason.
    let message = not_endorsed(&case).unwrap();
    assert!(
        message.ends_with(": the officer asked for gatekeeping."),
        "{message}"
    );
}

#[test]
fn an_endorsement_may_carry_comments() {
    let mut case = high_risk_case();
    case.gatekeeping.draft.note = "Please review.".into();
    case.submit_for_gatekeeping(OFFICER, "2026-11-20T09:00:00")
        .unwrap();
    case.gatekeeping.draft.endorse = Some(true);
    case.gatekeeping.draft.comments = " Agreed; keep the windows as proposed. ".into();
    case.gatekeeping.draft.section_comments = vec![SectionComment {
        section: "schedule".into(),
        comment: "Hours are proportionate.".into(),
    }];
    assert_eq!(
        case.decide_gatekeeping(&spo(), "2026-11-20T10:00:00"),
        Ok(true)
    );
    assert_eq!(flags(&case), ENDORSED);
    assert_eq!(
        case.returned_comment("schedule"),
        None,
        "only a return's comments are shown against sections"
    );
    assert_eq!(
        case.events.last().unwrap().changes,
        vec![
            Change {
                field: "Comments".into(),
                before: String::new(),
                after: "Agreed; keep the windows as proposed.".into(),
            },
            Change {
                field: "Curfew schedule".into(),
                before: String::new(),
                after: "Hours are proportionate.".into(),
            },
        ]
    );
}

#[test]
fn section_titles_for_comments() {
    for (slug, title) in [
        ("hearing", "Hearing, risk and orders"),
        ("child-contact", "Child contact"),
        ("police", "Police domestic abuse enquiry"),
        ("childrens-services", "Children's services enquiry"),
        ("places", "Proposed address and residents"),
        ("consent", "Consent of adult residents"),
        ("schedule", "Curfew schedule"),
        ("outcome", "Outcome"),
        (gatekeeping::GENERAL, "General comments"),
        ("no-such-section", "General comments"),
    ] {
        assert_eq!(gatekeeping::section_title(slug), title, "{slug}");
    }
}

/// A case stored by schema version 1 has its decisions but no submissions (they were added in
/// version 2). Submitting it again must put it in the queue: "A submission newer than the last
/// decision is waiting in the queue" (`Gatekeeping::submissions`).
#[test]
fn a_case_migrated_from_version_1_can_be_submitted_again() {
    let mut case = every_field_filled_as_of(1);
    assert_eq!(case.gatekeeping.decisions.len(), 1);
    assert!(case.gatekeeping.submissions.is_empty());
    assert_eq!(flags(&case), RETURNED);
    case.gatekeeping.draft.note = "Spoke to the landlord again.".into();
    assert_eq!(
        case.submit_for_gatekeeping(OFFICER, "2026-11-24T09:00:00"),
        Ok(())
    );
    assert_eq!(
        flags(&case),
        AWAITING,
        "the submission must wait for the SPO"
    );
    case.gatekeeping.draft.endorse = Some(true);
    assert_eq!(
        case.decide_gatekeeping(&spo(), "2026-11-24T10:00:00"),
        Ok(true)
    );
}

// ---------------------------------------------------------------------------------------------
// Which changes revoke an endorsement
// ---------------------------------------------------------------------------------------------

#[test]
fn which_changes_revoke_an_endorsement() {
    // (name, change, revokes)
    type Row = (&'static str, fn(&mut Case), bool);
    let rows: Vec<Row> = vec![
        // Bookkeeping, the outcome page and gatekeeping itself: the endorsement stands.
        ("revision", |c| c.revision += 3, false),
        (
            "updated at",
            |c| c.updated_at = "2026-11-22T08:00:00".into(),
            false,
        ),
        (
            "created at",
            |c| c.created_at = "2026-11-01T08:00:00".into(),
            false,
        ),
        (
            "outcome selected",
            |c| c.outcome.selected = Some(Decision::Suitable),
            false,
        ),
        (
            "outcome rationale typed",
            |c| c.outcome.rationale = "All checks done and endorsed.".into(),
            false,
        ),
        (
            "outcome recorded",
            |c| {
                c.outcome.recorded = Some(RecordedOutcome {
                    decision: Decision::Suitable,
                    rationale: "All checks done and endorsed.".into(),
                    recorded_at: "2026-11-22T08:00:00".into(),
                    signed: None,
                })
            },
            false,
        ),
        (
            "an audit event appended",
            |c| {
                c.append_event(
                    "2026-11-22T08:00:00",
                    OFFICER,
                    "Printed the report",
                    Vec::new(),
                )
            },
            false,
        ),
        (
            "gatekeeping note being typed",
            |c| c.gatekeeping.draft.note = "Next time...".into(),
            false,
        ),
        (
            "gatekeeping comments being typed",
            |c| {
                c.gatekeeping.draft.endorse = Some(false);
                c.gatekeeping.draft.comments = "Thinking...".into();
                c.gatekeeping.draft.section_comments = vec![SectionComment {
                    section: "places".into(),
                    comment: "Half a thought".into(),
                }];
            },
            false,
        ),
        (
            "officer's request ticked",
            |c| c.gatekeeping.requested_by_officer = true,
            false,
        ),
        // Any answer: the endorsement no longer stands.
        (
            "person's name",
            |c| c.person.name = "Dan Sampel".into(),
            true,
        ),
        (
            "person's date of birth",
            |c| c.person.date_of_birth.day = "13".into(),
            true,
        ),
        (
            "police outcome",
            |c| c.police.outcome = Some(PoliceOutcome::InformationNotDa),
            true,
        ),
        (
            "police summary",
            |c| c.police.summary.push_str(" One more line."),
            true,
        ),
        (
            "a resident's consent withdrawn",
            |c| {
                let r = c.places[0]
                    .residents
                    .iter_mut()
                    .find(|r| r.name == "Sam Sample")
                    .unwrap();
                r.consent.decision = Some(ConsentDecision::Withdrawn);
            },
            true,
        ),
        (
            "a resident no longer told about the equipment",
            |c| {
                c.places[0].residents[0]
                    .consent
                    .told
                    .retain(|t| *t != Told::Equipment)
            },
            true,
        ),
        (
            "curfew window starts later",
            |c| c.schedule.windows[0].from = "20:00".into(),
            true,
        ),
        (
            "curfew window ends earlier",
            |c| c.schedule.windows[0].to = "06:00".into(),
            true,
        ),
        (
            "curfew window loses a day",
            |c| c.schedule.windows[0].days.retain(|d| *d != Day::Sun),
            true,
        ),
        (
            "a place's town",
            |c| c.places[0].town = "Southtown".into(),
            true,
        ),
        (
            // Revoked, though no longer required either: no blocker follows.
            "risk of serious harm lowered",
            |c| c.rosh.children = Some(RoshLevel::Medium),
            true,
        ),
        (
            "an offence added",
            |c| {
                c.add_offence();
            },
            true,
        ),
        (
            "a child contact detail",
            |c| c.child_contact.has_access.details = "Weekends only.".into(),
            true,
        ),
    ];
    let mut endorsed = partners_home_checked();
    endorsed.rosh.children = Some(RoshLevel::High);
    endorse(&mut endorsed);
    assert_eq!(not_endorsed(&endorsed), None);
    for (name, change, revokes) in rows {
        let mut case = endorsed.clone();
        change(&mut case);
        let status = gatekeeping_status(&case);
        assert_eq!(status.revoked, revokes, "{name}: {status:?}");
        assert_eq!(status.endorsed, !revokes, "{name}: {status:?}");
        // Blocked again, unless the change also took away every reason for gatekeeping.
        assert_eq!(
            not_endorsed(&case).is_some_and(|m| m.contains("no longer stands")),
            revokes && status.required,
            "{name}"
        );
        // The trail records the revocation exactly when it happens.
        let events = events_between(&endorsed, &case, "2026-11-22T08:00:00", OFFICER);
        assert_eq!(
            events.iter().any(|e| e.what == audit::WHAT_REVOKED),
            revokes,
            "{name}: {events:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The answers that differ between two versions of a case
// ---------------------------------------------------------------------------------------------

fn ch(field: &str, before: &str, after: &str) -> Change {
    Change {
        field: field.into(),
        before: before.into(),
        after: after.into(),
    }
}

#[test]
fn differences_table() {
    // (name, change to lives_alone(), the changes listed)
    type Row = (&'static str, fn(&mut Case), Vec<Change>);
    let rows: Vec<Row> = vec![
        ("identical", |_| {}, vec![]),
        (
            "one text field",
            |c| c.person.name = "Alex Sample".into(),
            vec![ch("Person, name", "Alex Example", "Alex Sample")],
        ),
        (
            "a text field cleared",
            |c| c.places[0].town.clear(),
            vec![ch("Places 1, town", "Northtown", "")],
        ),
        (
            "a text field filled",
            |c| c.places[0].address_line_2 = "Second floor".into(),
            vec![ch("Places 1, address line 2", "", "Second floor")],
        ),
        (
            "a choice reads as its label",
            |c| c.police.outcome = Some(PoliceOutcome::DaInformationHeld),
            vec![ch(
                "Police, outcome",
                "No information held",
                "Domestic abuse information held",
            )],
        ),
        (
            "a choice unanswered",
            |c| c.rosh.staff = None,
            vec![ch("Rosh, staff", "Low", "")],
        ),
        (
            "yes and no",
            |c| c.hearing.curfew_considered = Some(false),
            vec![ch("Hearing, curfew considered", "Yes", "No")],
        ),
        (
            "a nested yes and no",
            |c| c.child_contact.lives_with.answer = Some(true),
            vec![ch("Child contact, lives with, answer", "No", "Yes")],
        ),
        (
            "a date typed in parts",
            |c| c.person.date_of_birth = d(1991, 5, 6),
            vec![ch("Person, date of birth", "12/4/1990", "6/5/1991")],
        ),
        (
            "a date partly typed",
            |c| {
                c.hearing.date.month.clear();
                c.hearing.date.year.clear();
            },
            vec![ch("Hearing, date", "30/11/2026", "30//")],
        ),
        (
            "a list of choices",
            |c| c.schedule.windows[0].days = vec![Day::Mon, Day::Wed],
            vec![ch(
                "Schedule, windows 1, days",
                "Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday",
                "Monday, Wednesday",
            )],
        ),
        (
            "a second offence",
            |c| {
                let id = c.add_offence();
                let o = c.offences.iter_mut().find(|o| o.id == id).unwrap();
                o.description = "Criminal damage".into();
                o.da_related = Some(false);
            },
            vec![
                ch("Offences 2, da related", "", "No"),
                ch("Offences 2, description", "", "Criminal damage"),
            ],
        ),
        (
            "a place added with a resident",
            |c| {
                let place = c.add_place();
                let resident = c.add_resident(place).unwrap();
                let p = c.place_mut(place).unwrap();
                p.address_line_1 = "7 Other Road".into();
                let r = p.residents.iter_mut().find(|r| r.id == resident).unwrap();
                r.name = "Robin Example".into();
                r.age = "40".into();
            },
            vec![
                ch("Places 2, address line 1", "", "7 Other Road"),
                ch("Places 2, cs check, considered", "", "No"),
                ch("Places 2, police callout, considered", "", "No"),
                ch("Places 2, residents 1, age", "", "40"),
                ch("Places 2, residents 1, name", "", "Robin Example"),
            ],
        ),
        (
            "top-level yes and no",
            |c| c.orders_recorded = Some(true),
            vec![ch("Orders recorded", "No", "Yes")],
        ),
        (
            "bookkeeping: revision, timestamps, ids",
            |c| {
                c.revision = 99;
                c.updated_at = "2026-12-01T00:00:00".into();
                c.created_at = "2026-12-01T00:00:00".into();
                c.id = "renamed".into();
                c.next_id += 10;
            },
            vec![],
        ),
        (
            "bookkeeping: the trail itself",
            |c| {
                c.append_event(
                    "2026-11-22T08:00:00",
                    OFFICER,
                    "Changed answers",
                    vec![ch("Person, name", "a", "b")],
                )
            },
            vec![],
        ),
        (
            "bookkeeping: gatekeeping and the recorded outcome",
            |c| {
                c.gatekeeping.requested_by_officer = true;
                c.gatekeeping.draft.note = "Typing".into();
                c.outcome.recorded = Some(RecordedOutcome {
                    decision: Decision::Suitable,
                    rationale: "Checked".into(),
                    recorded_at: "2026-11-22T08:00:00".into(),
                    signed: None,
                });
            },
            vec![],
        ),
    ];
    let base = lives_alone();
    for (name, change, expected) in rows {
        let mut after = base.clone();
        change(&mut after);
        assert_eq!(differences(&base, &after), expected, "{name}");
        // The other way round, each change swaps its before and after.
        let back: Vec<Change> = expected
            .iter()
            .map(|c| ch(&c.field, &c.after, &c.before))
            .collect();
        let mut got = differences(&after, &base);
        got.sort_by(|a, b| a.field.cmp(&b.field));
        let mut back_sorted = back;
        back_sorted.sort_by(|a, b| a.field.cmp(&b.field));
        assert_eq!(got, back_sorted, "{name}, reversed");
    }
}

/// Free text is recorded as typed, even when it happens to spell a stored option key.
#[test]
fn free_text_is_recorded_as_typed() {
    let base = lives_alone();
    let mut after = base.clone();
    after.police.summary = "awaiting".into();
    after.places[0].address_line_2 = "high".into();
    assert_eq!(
        differences(&base, &after),
        vec![
            ch("Places 1, address line 2", "", "high"),
            ch("Police, summary", "No call-outs recorded.", "awaiting"),
        ]
    );
}
