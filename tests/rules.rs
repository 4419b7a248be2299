//! The rules, blocker by blocker: each appears when its check is missing and clears when it is
//! done. Then a property test: a case missing any required check never allows "suitable".

mod common;

use common::*;
use presentence_checks::domain::case::*;
use presentence_checks::domain::rules::{BlockerKind, OutcomeState, Section, SectionStatus};
use presentence_checks::domain::{Case, assess};
use proptest::prelude::*;

type Mutation = (&'static str, fn(&mut Case), &'static str, Section);

/// Each row takes a fully checked case, undoes one check, and names the blocker that must appear.
fn mutations() -> Vec<Mutation> {
    vec![
        (
            "police enquiry not recorded",
            |c| c.police.outcome = None,
            "POLICE_DA_NOT_RETURNED",
            Section::Police,
        ),
        (
            "police enquiry awaiting reply",
            |c| c.police.outcome = Some(PoliceOutcome::Awaiting),
            "POLICE_DA_NOT_RETURNED",
            Section::Police,
        ),
        (
            "police enquiry not requested",
            |c| c.police.outcome = Some(PoliceOutcome::NotRequested),
            "POLICE_DA_NOT_RETURNED",
            Section::Police,
        ),
        (
            "police reply without a received date",
            |c| c.police.received = Default::default(),
            "POLICE_DA_NOT_RETURNED",
            Section::Police,
        ),
        (
            "child contact unanswered",
            |c| c.child_contact.has_access.answer = None,
            "CHILD_CONTACT_UNANSWERED",
            Section::ChildContact,
        ),
        (
            "child contact without a source",
            |c| c.child_contact.lives_with.sources.clear(),
            "CHILD_CONTACT_NO_SOURCE",
            Section::ChildContact,
        ),
        (
            "child contact on his word alone",
            |c| c.child_contact.lives_with.sources = vec![Source::OwnAccount],
            "OWN_ACCOUNT_ONLY",
            Section::ChildContact,
        ),
        (
            "no children's services enquiry",
            |c| c.childrens_services.clear(),
            "CS_ENQUIRY_NOT_RETURNED",
            Section::ChildrensServices,
        ),
        (
            "children's services awaiting",
            |c| c.childrens_services[0].enquiry.outcome = Some(CsOutcome::Awaiting),
            "CS_ENQUIRY_NOT_RETURNED",
            Section::ChildrensServices,
        ),
        (
            "children's services wrongly not required",
            |c| c.childrens_services[0].enquiry.outcome = Some(CsOutcome::NotRequired),
            "CS_NOT_REQUIRED_INVALID",
            Section::ChildrensServices,
        ),
        (
            "children's services reply not considered",
            |c| c.childrens_services[0].enquiry.considered = false,
            "CS_NOT_CONSIDERED",
            Section::ChildrensServices,
        ),
        (
            "household on his word alone",
            |c| c.places[0].household_sources = vec![Source::OwnAccount],
            "OWN_ACCOUNT_ONLY",
            Section::Places,
        ),
        (
            "household not confirmed",
            |c| c.places[0].household_sources.clear(),
            "HOUSEHOLD_NOT_CONFIRMED",
            Section::Places,
        ),
        (
            "no victim on his word alone",
            |c| c.places[0].victim_lives_there.sources = vec![Source::OwnAccount],
            "VICTIM_ANSWER_NOT_FROM_POLICE",
            Section::Places,
        ),
        (
            "victim question unanswered",
            |c| c.places[0].victim_lives_there.answer = None,
            "VICTIM_QUESTION_UNANSWERED",
            Section::Places,
        ),
        (
            "victim lives there",
            |c| c.places[0].victim_lives_there.answer = Some(true),
            "VICTIM_LIVES_THERE",
            Section::Places,
        ),
        (
            "RoSH not assessed",
            |c| c.rosh.staff = Some(RoshLevel::NotAssessed),
            "ROSH_NOT_ASSESSED",
            Section::Hearing,
        ),
        (
            "RoSH unanswered",
            |c| c.rosh.children = None,
            "ROSH_NOT_ASSESSED",
            Section::Hearing,
        ),
        (
            "no proposed place",
            |c| c.places.clear(),
            "NO_PLACE",
            Section::Places,
        ),
        (
            "no main occupier",
            |c| c.places[0].occupier = None,
            "NO_MAIN_OCCUPIER",
            Section::Places,
        ),
        (
            "occupier elsewhere, unnamed",
            |c| c.places[0].occupier = Some(OccupierKind::Elsewhere),
            "NO_MAIN_OCCUPIER",
            Section::Places,
        ),
        (
            "place police check awaiting",
            |c| c.places[0].police_callout.outcome = Some(PoliceOutcome::Awaiting),
            "PLACE_CHECK_NOT_RETURNED",
            Section::Places,
        ),
        (
            "place children's services check not requested",
            |c| c.places[0].cs_check.outcome = Some(CsOutcome::NotRequested),
            "PLACE_CHECK_NOT_RETURNED",
            Section::Places,
        ),
        (
            "place children's services check marked not required",
            |c| c.places[0].cs_check.outcome = Some(CsOutcome::NotRequired),
            "PLACE_CHECK_NOT_RETURNED",
            Section::Places,
        ),
        (
            "adult resident not yet asked",
            |c| {
                c.add_resident(c.places[0].id);
                let r = c.places[0].residents.last_mut().unwrap();
                r.name = "Pat Lodger".into();
                r.age = "40".into();
            },
            "CONSENT_INCOMPLETE",
            Section::Consent,
        ),
        (
            "resident without an age",
            |c| {
                c.add_resident(c.places[0].id);
            },
            "RESIDENT_AGE_MISSING",
            Section::Places,
        ),
        (
            "landlord elsewhere has not consented",
            |c| {
                let p = &mut c.places[0];
                p.occupier = Some(OccupierKind::Elsewhere);
                p.occupier_elsewhere.name = "Northshire Homes".into();
            },
            "CONSENT_INCOMPLETE",
            Section::Consent,
        ),
        (
            "order protects someone at the place",
            |c| {
                c.orders_recorded = Some(true);
                let id = c.add_order();
                let o = c.orders.iter_mut().find(|o| o.id == id).unwrap();
                o.kind = Some(OrderKind::NonMolestation);
                o.protects = "Jamie Other".into();
                o.lives_at_or_visits_place = Some(true);
            },
            "ORDER_PROTECTS_PERSON_AT_PLACE",
            Section::Hearing,
        ),
        (
            "order place question unanswered",
            |c| {
                c.orders_recorded = Some(true);
                let id = c.add_order();
                let o = c.orders.iter_mut().find(|o| o.id == id).unwrap();
                o.kind = Some(OrderKind::Restraining);
                o.protects = "Jamie Other".into();
            },
            "ORDER_PLACE_UNANSWERED",
            Section::Hearing,
        ),
        (
            "orders not recorded",
            |c| c.orders_recorded = None,
            "ORDERS_NOT_RECORDED",
            Section::Hearing,
        ),
        (
            "monitoring not available",
            |c| c.places[0].em_available = Some(false),
            "EM_NOT_AVAILABLE",
            Section::Places,
        ),
        (
            "electricity unconfirmed",
            |c| c.places[0].electricity_confirmed = None,
            "ELECTRICITY_NOT_CONFIRMED",
            Section::Places,
        ),
        (
            "equipment not agreed",
            |c| c.places[0].equipment_agreed = Some(false),
            "EQUIPMENT_NOT_AGREED",
            Section::Places,
        ),
        (
            "no schedule start",
            |c| c.schedule.start = Default::default(),
            "SCHEDULE_MISSING",
            Section::Schedule,
        ),
        (
            "no curfew hours",
            |c| c.schedule.windows.clear(),
            "SCHEDULE_MISSING",
            Section::Schedule,
        ),
        (
            "21 hours a day",
            |c| {
                c.schedule.windows[0].from = "10:00".into();
            },
            "SCHEDULE_OVER_DAILY_LIMIT",
            Section::Schedule,
        ),
        (
            "1 hour a day",
            |c| {
                c.schedule.windows[0].from = "06:00".into();
            },
            "SCHEDULE_UNDER_MINIMUM",
            Section::Schedule,
        ),
        (
            "17 hours a day is over 112 a week",
            |c| {
                c.schedule.windows[0].from = "14:00".into();
            },
            "SCHEDULE_OVER_WEEKLY_LIMIT",
            Section::Schedule,
        ),
        (
            "30 months",
            |c| c.schedule.length = "30".into(),
            "SCHEDULE_TOO_LONG",
            Section::Schedule,
        ),
        (
            "old law: 13 months",
            |c| {
                c.offences[0].offence_date = d(2022, 1, 5);
                c.offences[0].conviction_date = d(2022, 6, 27);
                c.schedule.length = "13".into();
            },
            "SCHEDULE_TOO_LONG",
            Section::Schedule,
        ),
        (
            "conviction date missing",
            |c| c.offences[0].conviction_date = Default::default(),
            "CONVICTION_DATE_MISSING",
            Section::Hearing,
        ),
        (
            "high RoSH needs gatekeeping",
            |c| c.rosh.known_adult = Some(RoshLevel::High),
            "GATEKEEPING_NOT_ENDORSED",
            Section::Outcome,
        ),
        (
            "hearing details missing",
            |c| c.hearing.court.clear(),
            "HEARING_INCOMPLETE",
            Section::Hearing,
        ),
    ]
}

#[test]
fn the_checked_cases_allow_suitable() {
    for case in [lives_alone(), partners_home_checked()] {
        let a = assess(&case, today());
        assert!(a.blockers.is_empty(), "{}: {:#?}", case.id, a.blockers);
        assert!(a.can_record_suitable());
        assert!(!a.gatekeeping.required, "{:?}", a.gatekeeping.reasons);
        for (section, status) in &a.sections {
            if *section != Section::Outcome {
                assert_eq!(
                    *status,
                    SectionStatus::Completed,
                    "{}: {section:?}",
                    case.id
                );
            }
        }
    }
}

#[test]
fn each_blocker_appears_and_clears() {
    for base in [lives_alone(), partners_home_checked()] {
        for (name, mutate, code, section) in mutations() {
            let mut case = base.clone();
            mutate(&mut case);
            let a = assess(&case, today());
            let found = a.blockers.iter().find(|b| b.code == code);
            let Some(found) = found else {
                panic!(
                    "{}: {name}: expected {code}, got {:#?}",
                    base.id, a.blockers
                )
            };
            assert_eq!(found.section, section, "{name}");
            assert!(
                !found.source.is_empty() && !found.message.is_empty(),
                "{name}"
            );
            assert!(
                found.path.starts_with(section.slug()),
                "{name}: {}",
                found.path
            );
            assert!(!a.can_record_suitable(), "{name}");
            // Putting the check back clears it.
            assert!(assess(&base, today()).blockers.is_empty());
        }
    }
}

#[test]
fn the_review_case_is_blocked_for_each_missed_check() {
    let a = assess(&like_the_review(), today());
    assert!(!a.can_record_suitable());
    for code in [
        "POLICE_DA_NOT_RETURNED",
        "CS_ENQUIRY_NOT_RETURNED",
        "PLACE_CHECK_NOT_RETURNED",
        "CONSENT_INCOMPLETE",
        "OWN_ACCOUNT_ONLY",
        "VICTIM_ANSWER_NOT_FROM_POLICE",
        "SCHEDULE_MISSING",
    ] {
        assert!(a.has(code), "missing {code}: {:#?}", a.blockers);
    }
    let consent = a
        .blockers
        .iter()
        .find(|b| b.code == "CONSENT_INCOMPLETE")
        .unwrap();
    assert_eq!(
        consent.message,
        "Tess Example at 4 Example Close, NT4 5CD: not yet contacted directly; not spoken to privately; not yet told the curfew hours, the tag and the monitoring equipment in the home, the nature of the offending, within disclosure rules and that they can withdraw consent at any time; their attitude to the curfew is not recorded; not recorded whether they showed any fear or pressure; consent not recorded."
    );
    // The children are not asked for consent.
    assert_eq!(
        a.blockers
            .iter()
            .filter(|b| b.code == "CONSENT_INCOMPLETE")
            .count(),
        1
    );
    // Hearing is today and checks are outstanding: adjourn.
    assert!(a.advice.iter().any(|x| x.code == "ADJOURN"));
    assert_eq!(a.status(Section::Police), SectionStatus::NotStarted);
    assert_eq!(a.status(Section::ChildContact), SectionStatus::ActionNeeded);
}

#[test]
fn refused_consent_blocks_and_asks_for_not_suitable() {
    let mut case = partners_home_checked();
    case.places[0].residents[0].consent.decision = Some(ConsentDecision::Refused);
    let a = assess(&case, today());
    let b = a
        .blockers
        .iter()
        .find(|b| b.code == "CONSENT_REFUSED")
        .unwrap();
    // Something found, not something missing: more time will not change it.
    assert_eq!(b.kind, BlockerKind::Finding);
    assert_eq!(
        b.message,
        "Sam Sample at Flat 2, 10 Sample Street, NT1 2AB refused consent. The outcome should be recorded as not suitable."
    );
    assert_eq!(a.status(Section::Consent), SectionStatus::ActionNeeded);
    // Not suitable can still be recorded.
    case.outcome.selected = Some(Decision::NotSuitable);
    case.outcome.rationale = "The householder does not consent.".into();
    assert_eq!(
        case.record_outcome(today(), "now", "Officer"),
        Ok(Decision::NotSuitable)
    );
}

#[test]
fn suitable_is_refused_while_blocked_and_recorded_when_clear() {
    let mut case = like_the_review();
    case.outcome.selected = Some(Decision::Suitable);
    case.outcome.rationale = "He says it is fine.".into();
    let errors = case.record_outcome(today(), "now", "Officer").unwrap_err();
    assert!(
        errors[0]
            .message
            .starts_with("You cannot record a curfew as suitable while"),
        "{}",
        errors[0].message
    );
    assert!(case.outcome.recorded.is_none());

    let mut case = lives_alone();
    case.outcome.selected = Some(Decision::Suitable);
    case.outcome.rationale = "All checks complete.".into();
    assert_eq!(
        case.record_outcome(today(), "now", "Officer"),
        Ok(Decision::Suitable)
    );
    assert_eq!(
        assess(&case, today()).outcome,
        OutcomeState::Recorded(Decision::Suitable)
    );
    // A later change that opens a blocker makes the recorded finding stale.
    case.places[0].em_available = None;
    let a = assess(&case, today());
    assert_eq!(a.outcome, OutcomeState::SuitableNoLongerValid);
    assert_eq!(a.status(Section::Outcome), SectionStatus::ActionNeeded);
}

#[test]
fn childrens_services_requirement() {
    // No curfew and every answer a verified no: no enquiry needed.
    let mut case = lives_alone();
    case.hearing.curfew_considered = Some(false);
    case.childrens_services.clear();
    let a = assess(&case, today());
    assert!(!a.has("CS_ENQUIRY_NOT_RETURNED"));
    assert_eq!(
        a.status(Section::ChildrensServices),
        SectionStatus::NotNeeded
    );
    assert_eq!(a.status(Section::Places), SectionStatus::NotNeeded);
    assert!(
        !a.can_record_suitable(),
        "no curfew is considered, so suitable makes no sense"
    );
    // A yes makes it required even without a curfew.
    case.child_contact.has_access = answered(true, &[Source::Resident]);
    assert!(assess(&case, today()).has("CS_ENQUIRY_NOT_RETURNED"));
}

#[test]
fn gatekeeping_reasons_table() {
    type Row = (&'static str, fn(&mut Case), &'static str);
    let rows: Vec<Row> = vec![
        (
            "very high RoSH",
            |c| c.rosh.children = Some(RoshLevel::VeryHigh),
            "Risk of serious harm is high or very high to children",
        ),
        (
            "DA information held",
            |c| c.police.outcome = Some(PoliceOutcome::DaInformationHeld),
            "Police hold domestic abuse information",
        ),
        (
            "DA call-outs at the address",
            |c| c.places[0].police_callout.outcome = Some(PoliceOutcome::DaInformationHeld),
            "Police hold domestic abuse information",
        ),
        (
            "open child in need plan",
            |c| c.childrens_services[0].enquiry.outcome = Some(CsOutcome::ChildInNeedPlan),
            "Children's services have open or current involvement",
        ),
        (
            "an order",
            |c| {
                c.orders_recorded = Some(true);
                c.add_order();
            },
            "An order protects someone connected with the person",
        ),
        (
            "fear noted",
            |c| c.places[0].occupier_elsewhere.consent.fear_or_pressure = Some(true),
            "A resident showed signs of fear or pressure",
        ),
        (
            "officer asks",
            |c| c.gatekeeping.requested_by_officer = true,
            "The officer asked for gatekeeping",
        ),
    ];
    for (name, mutate, reason) in rows {
        let mut case = lives_alone();
        mutate(&mut case);
        let a = assess(&case, today());
        assert!(a.gatekeeping.required, "{name}");
        assert!(
            a.gatekeeping.reasons.iter().any(|r| r == reason),
            "{name}: {:?}",
            a.gatekeeping.reasons
        );
        assert!(a.has("GATEKEEPING_NOT_ENDORSED"), "{name}");
    }
    // Previously known, closed: no gatekeeping.
    let mut case = lives_alone();
    case.childrens_services[0].enquiry.outcome = Some(CsOutcome::PreviouslyKnown);
    assert!(!assess(&case, today()).gatekeeping.required);
}

#[test]
fn an_endorsement_belongs_to_the_case_as_it_was() {
    let mut case = lives_alone();
    case.rosh.public = Some(RoshLevel::High);
    case.gatekeeping.decisions.push(GatekeepingDecision {
        endorsed: true,
        by: "Senior Officer".into(),
        at: "2026-11-22T10:00:00".into(),
        comments: String::new(),
        fingerprint: case.content_fingerprint(),
        section_comments: Vec::new(),
        signed: None,
    });
    let a = assess(&case, today());
    assert!(a.gatekeeping.endorsed && !a.gatekeeping.revoked);
    assert!(a.can_record_suitable());
    // Bookkeeping and the outcome page do not revoke it.
    case.revision += 5;
    case.updated_at = "later".into();
    case.outcome.selected = Some(Decision::Suitable);
    assert!(assess(&case, today()).gatekeeping.endorsed);
    // Any recorded change does.
    case.places[0].town = "Southtown".into();
    let a = assess(&case, today());
    assert!(a.gatekeeping.revoked && !a.gatekeeping.endorsed);
    assert!(a.blockers.iter().any(|b| b.code == "GATEKEEPING_NOT_ENDORSED" && b.message.contains("no longer stands")));
}

#[test]
fn advice_table() {
    // Complexity with a fast delivery report: recommend a standard delivery report.
    let mut case = lives_alone();
    case.police.outcome = Some(PoliceOutcome::DaInformationHeld);
    let a = assess(&case, today());
    let sdr = a
        .advice
        .iter()
        .find(|x| x.code == "STANDARD_DELIVERY_REPORT")
        .expect("SDR advice");
    assert_eq!(
        sdr.message,
        "Consider a standard delivery report: additional assessment, professional discussion and multiple enquiries are required because police hold domestic abuse information."
    );
    case.hearing.report_type = Some(ReportType::StandardDelivery);
    assert!(
        !assess(&case, today())
            .advice
            .iter()
            .any(|x| x.code == "STANDARD_DELIVERY_REPORT")
    );

    // Overdue reply: chase.
    let mut case = lives_alone();
    case.police.outcome = Some(PoliceOutcome::Awaiting);
    case.police.due = d(2026, 11, 20);
    let a = assess(&case, today());
    assert!(a.advice.iter().any(|x| x.code == "CHASE"
        && x.message
            == "The police domestic abuse enquiry was due on 20 November 2026. Chase it."));
    // Not yet due: no chase.
    case.police.due = d(2026, 11, 25);
    assert!(
        !assess(&case, today())
            .advice
            .iter()
            .any(|x| x.code == "CHASE")
    );

    // No adjournment advice before the hearing day; on the day with checks outstanding, adjourn.
    assert!(
        !assess(&case, today())
            .advice
            .iter()
            .any(|x| x.code == "ADJOURN")
    );
    case.hearing.date = d(2026, 11, 23);
    case.hearing.report_type = Some(ReportType::Oral);
    let a = assess(&case, today());
    assert!(
        a.advice
            .iter()
            .any(|x| x.code == "ADJOURN" && x.message.contains("an oral report"))
    );

    // Curfew past the end of the order, and mixed conviction dates.
    let mut case = lives_alone();
    case.schedule.order_months = "3".into();
    let o = case.add_offence();
    let o = case.offences.iter_mut().find(|x| x.id == o).unwrap();
    o.conviction_date = d(2021, 1, 5);
    let a = assess(&case, today());
    assert!(a.advice.iter().any(|x| x.code == "CURFEW_PAST_ORDER"));
    assert!(a.advice.iter().any(|x| x.code == "STRICTER_LIMITS"));
}

#[test]
fn section_statuses_follow_the_rules() {
    let mut case = Case::blank("x", "now");
    case.hearing.curfew_considered = Some(true);
    let a = assess(&case, today());
    assert_eq!(a.status(Section::ChildContact), SectionStatus::NotStarted);
    assert_eq!(a.status(Section::Consent), SectionStatus::CannotStartYet);
    assert_eq!(a.status(Section::Schedule), SectionStatus::CannotStartYet);
    assert_eq!(a.status(Section::Outcome), SectionStatus::NotStarted);
    case.police.agency = "Northshire Police".into();
    case.police.outcome = Some(PoliceOutcome::Awaiting);
    assert_eq!(
        assess(&case, today()).status(Section::Police),
        SectionStatus::InProgress
    );
    case.police.outcome = Some(PoliceOutcome::NotRequested);
    assert_eq!(
        assess(&case, today()).status(Section::Police),
        SectionStatus::ActionNeeded
    );
}

// ---- Property tests -------------------------------------------------------------------------

/// Generates a fully checked case with varied households, then removes one required check.
fn checked_case() -> impl Strategy<Value = Case> {
    (0usize..3, 0usize..3, any::<bool>(), 2u32..=16, 1u32..=12).prop_map(
        |(adults, children, landlord, hours, months)| {
            let mut case = lives_alone();
            let place_id = case.places[0].id;
            for i in 0..adults {
                let id = case.add_resident(place_id).unwrap();
                let r = case
                    .place_mut(place_id)
                    .unwrap()
                    .residents
                    .iter_mut()
                    .find(|r| r.id == id)
                    .unwrap();
                r.name = format!("Adult {i}");
                r.age = (18 + i * 20).to_string();
                r.relationship = "Relative".into();
                r.consent = full_consent();
            }
            for i in 0..children {
                let id = case.add_resident(place_id).unwrap();
                let r = case
                    .place_mut(place_id)
                    .unwrap()
                    .residents
                    .iter_mut()
                    .find(|r| r.id == id)
                    .unwrap();
                r.name = format!("Child {i}");
                r.age = (3 + i * 5).to_string();
                r.relationship = "Child".into();
            }
            if landlord {
                let p = case.place_mut(place_id).unwrap();
                p.occupier = Some(OccupierKind::Elsewhere);
                p.occupier_elsewhere.name = "Northshire Homes".into();
                p.occupier_elsewhere.role = "Landlord".into();
                p.occupier_elsewhere.consent = full_consent();
            }
            let from = 24 - hours.min(16) / 2;
            let to = hours.min(16) - hours.min(16) / 2;
            case.schedule.windows[0].from = format!("{from:02}:00");
            case.schedule.windows[0].to = format!("{to:02}:00");
            case.schedule.length = months.to_string();
            if children > 0 {
                case.child_contact.lives_with = answered(true, &[Source::Resident]);
            }
            // Each consent was given for these hours at this address.
            consented_to_these_terms(&mut case);
            case
        },
    )
}

/// Every way of leaving out one required check, applied to a generated case.
fn remove_check(case: &mut Case, which: usize) {
    let place = &mut case.places[0];
    match which % 24 {
        0 => case.police.outcome = None,
        1 => case.police.outcome = Some(PoliceOutcome::Awaiting),
        2 => case.police.outcome = Some(PoliceOutcome::NotRequested),
        3 => case.child_contact.negative_impact.answer = None,
        4 => case.child_contact.responsible_for.sources = vec![Source::OwnAccount],
        5 => case.childrens_services.clear(),
        6 => case.childrens_services[0].enquiry.outcome = Some(CsOutcome::Awaiting),
        7 => place.household_sources = vec![Source::OwnAccount],
        8 => case.rosh.public = Some(RoshLevel::NotAssessed),
        9 => case.places.clear(),
        10 => place.occupier = None,
        11 => place.police_callout.outcome = Some(PoliceOutcome::Awaiting),
        12 => place.cs_check.outcome = None,
        13 => place.victim_lives_there.answer = Some(true),
        14 => place.victim_lives_there.sources = vec![Source::OwnAccount],
        15 => place.em_available = Some(false),
        16 => place.electricity_confirmed = None,
        17 => place.equipment_agreed = None,
        18 => case.schedule.windows.clear(),
        19 => case.schedule.length = "40".into(),
        20 => {
            // Remove one piece of one adult's consent, or the landlord's.
            let adult = place
                .residents
                .iter_mut()
                .find(|r| r.age().is_some_and(|a| a >= 18));
            match adult {
                Some(r) => r.consent.spoken_privately = Some(false),
                None => {
                    place.occupier = Some(OccupierKind::Elsewhere);
                    place.occupier_elsewhere.name = "Agent".into();
                    place.occupier_elsewhere.consent.told.clear();
                }
            }
        }
        21 => {
            let id = case.add_resident(case.places[0].id).unwrap();
            let r = case.places[0]
                .residents
                .iter_mut()
                .find(|r| r.id == id)
                .unwrap();
            r.name = "New Lodger".into();
            r.age = "52".into();
            r.consent.decision = Some(ConsentDecision::Withdrawn);
        }
        22 => {
            case.orders_recorded = Some(true);
            let id = case.add_order();
            let o = case.orders.iter_mut().find(|o| o.id == id).unwrap();
            o.kind = Some(OrderKind::Restraining);
            o.protects = "Adult 0".into();
        }
        _ => case.offences[0].conviction_date = Default::default(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_case_missing_any_required_check_never_allows_suitable(case in checked_case(), which in 0usize..24) {
        let complete = assess(&case, today());
        prop_assert!(complete.can_record_suitable(), "generated case should be complete: {:#?}", complete.blockers);
        let mut broken = case.clone();
        remove_check(&mut broken, which);
        let a = assess(&broken, today());
        prop_assert!(!a.can_record_suitable(), "check {} removed but suitable allowed", which);
        prop_assert!(!a.blockers.is_empty());
        broken.outcome.selected = Some(Decision::Suitable);
        broken.outcome.rationale = "Trying anyway".into();
        prop_assert!(broken.record_outcome(today(), "now", "Officer").is_err());
    }

    /// Whatever is typed into the case, assess never panics, and "suitable" is allowed only when
    /// there are no blockers and a curfew is considered.
    #[test]
    fn assess_never_panics_and_suitable_needs_no_blockers(
        name in ".{0,20}",
        len in "[0-9a-z ]{0,4}",
        from in "[0-9:]{0,5}",
        to in "[0-9:]{0,5}",
        day in "[0-9]{0,3}",
        curfew in proptest::option::of(any::<bool>()),
        which in proptest::collection::vec(0usize..24, 0..4),
    ) {
        let mut case = lives_alone();
        case.person.name = name;
        case.schedule.length = len;
        case.schedule.windows[0].from = from;
        case.schedule.windows[0].to = to;
        case.schedule.start.day = day;
        case.hearing.curfew_considered = curfew;
        for w in which {
            if !case.places.is_empty() && !case.childrens_services.is_empty() {
                remove_check(&mut case, w);
            }
        }
        let a = assess(&case, today());
        prop_assert_eq!(a.can_record_suitable(), a.blockers.is_empty() && curfew == Some(true));
    }
}
