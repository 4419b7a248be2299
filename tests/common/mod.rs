//! Fictional cases for the rules tests. Every person here is invented.
#![allow(dead_code)]

use chrono::NaiveDate;
use presentence_checks::domain::case::*;
use presentence_checks::domain::inputs::DateParts;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

pub fn d(y: i32, m: u32, day: u32) -> DateParts {
    DateParts::from_date(NaiveDate::from_ymd_opt(y, m, day).unwrap())
}

pub fn answered(answer: bool, sources: &[Source]) -> SourcedAnswer {
    SourcedAnswer {
        answer: Some(answer),
        sources: sources.to_vec(),
        details: String::new(),
    }
}

pub fn returned_police(outcome: PoliceOutcome) -> Enquiry<PoliceOutcome> {
    Enquiry {
        agency: "Northshire Police".into(),
        requested: d(2026, 11, 16),
        due: d(2026, 11, 20),
        received: d(2026, 11, 19),
        outcome: Some(outcome),
        summary: "No call-outs recorded.".into(),
        considered: true,
        ..Default::default()
    }
}

pub fn returned_cs(outcome: CsOutcome) -> Enquiry<CsOutcome> {
    Enquiry {
        agency: "Northshire Council".into(),
        requested: d(2026, 11, 16),
        due: d(2026, 11, 20),
        received: d(2026, 11, 18),
        outcome: Some(outcome),
        summary: String::new(),
        considered: true,
        ..Default::default()
    }
}

pub fn full_consent() -> Consent {
    Consent {
        contacted_directly: Some(true),
        method: Some(ContactMethod::Phone),
        contact_date: d(2026, 11, 17),
        spoken_privately: Some(true),
        told: vec![
            Told::Hours,
            Told::Equipment,
            Told::Offending,
            Told::CanWithdraw,
        ],
        attitude: "Happy for him to stay; she works days.".into(),
        fear_or_pressure: Some(false),
        fear_details: String::new(),
        decision: Some(ConsentDecision::Given),
        decision_date: d(2026, 11, 17),
        decision_time: "14:30".into(),
        // Filled in by `consented_to_these_terms`, once the address and hours are known.
        given_for: String::new(),
    }
}

/// Records on every consent decided in `case` the address and hours it stands for now, as the
/// app does when a decision is recorded.
pub fn consented_to_these_terms(case: &mut Case) {
    case.record_consent_terms(&Case::default());
}

/// Case (a): a man who lives alone as the tenant, no children, police hold nothing. Every check
/// is done, so "suitable" may be recorded.
pub fn lives_alone() -> Case {
    let mut case = Case::blank("alone", "2026-11-16T09:00:00");
    case.person.name = "Alex Example".into();
    case.person.date_of_birth = d(1990, 4, 12);
    case.hearing.court = "Northshire Magistrates' Court".into();
    case.hearing.date = d(2026, 11, 30);
    case.hearing.report_type = Some(ReportType::FastDelivery);
    case.hearing.curfew_considered = Some(true);
    let o = &mut case.offences[0];
    o.description = "Theft from a shop".into();
    o.offence_date = d(2026, 9, 1);
    o.conviction_date = d(2026, 11, 2);
    o.da_related = Some(false);
    case.rosh = Rosh {
        children: Some(RoshLevel::Low),
        public: Some(RoshLevel::Low),
        known_adult: Some(RoshLevel::Low),
        staff: Some(RoshLevel::Low),
    };
    case.orders_recorded = Some(false);
    for q in ChildQuestion::ALL {
        *case.child_contact.answer_mut(q) = answered(false, &[Source::OwnAccount, Source::Police]);
    }
    case.police = returned_police(PoliceOutcome::NoInformation);
    let cs = case.add_cs_enquiry();
    let cs = case
        .childrens_services
        .iter_mut()
        .find(|c| c.id == cs)
        .unwrap();
    cs.children_covered = "Any child connected with Alex Example".into();
    cs.enquiry = returned_cs(CsOutcome::NotKnown);

    let place_id = case.add_place();
    let place = case.place_mut(place_id).unwrap();
    place.address_line_1 = "Flat 2, 10 Sample Street".into();
    place.town = "Northtown".into();
    place.postcode = "NT1 2AB".into();
    place.tenure = Some(Tenure::SocialRented);
    place.assessed_by = Some(AssessedBy::HomeVisit);
    place.household_sources = vec![Source::OwnAccount, Source::OtherAgency];
    place.occupier = Some(OccupierKind::ThePerson);
    place.victim_lives_there = answered(false, &[Source::Police]);
    place.police_callout = returned_police(PoliceOutcome::NoInformation);
    place.cs_check = returned_cs(CsOutcome::NotKnown);
    place.em_available = Some(true);
    place.electricity_confirmed = Some(true);
    place.equipment_agreed = Some(true);

    case.schedule.start = d(2026, 11, 30);
    case.schedule.length = "6".into();
    case.schedule.length_unit = Some(LengthUnit::Months);
    case.schedule.order_months = "12".into();
    let w = case.add_window();
    let w = case
        .schedule
        .windows
        .iter_mut()
        .find(|x| x.id == w)
        .unwrap();
    w.from = "19:00".into();
    w.to = "07:00".into();
    w.days = vec![
        Day::Mon,
        Day::Tue,
        Day::Wed,
        Day::Thu,
        Day::Fri,
        Day::Sat,
        Day::Sun,
    ];
    case
}

/// A partner's home where she lives with two children: every check done, consent given.
/// Children's services know the family (closed), so only advice follows, no gatekeeping.
pub fn partners_home_checked() -> Case {
    let mut case = lives_alone();
    case.id = "partner".into();
    case.person.name = "Dan Sample".into();
    case.child_contact.lives_with = answered(
        true,
        &[
            Source::OwnAccount,
            Source::Resident,
            Source::ChildrensServices,
        ],
    );
    case.child_contact.responsible_for = answered(false, &[Source::Resident]);
    case.child_contact.has_access = answered(true, &[Source::Resident]);
    case.childrens_services[0].enquiry = returned_cs(CsOutcome::PreviouslyKnown);
    case.childrens_services[0].enquiry.summary = "Family known in 2019; case closed.".into();
    let place_id = case.places[0].id;
    let partner = case.add_resident(place_id).unwrap();
    let child1 = case.add_resident(place_id).unwrap();
    let child2 = case.add_resident(place_id).unwrap();
    let place = case.place_mut(place_id).unwrap();
    place.tenure = Some(Tenure::PrivateRented);
    place.household_sources = vec![Source::OwnAccount, Source::Resident];
    place.occupier = Some(OccupierKind::Resident);
    place.occupier_resident = Some(partner);
    for r in &mut place.residents {
        if r.id == partner {
            r.name = "Sam Sample".into();
            r.age = "34".into();
            r.relationship = "Partner".into();
            r.consent = full_consent();
        } else if r.id == child1 {
            r.name = "Kit Sample".into();
            r.age = "9".into();
            r.relationship = "Partner's child".into();
        } else if r.id == child2 {
            r.name = "Lou Sample".into();
            r.age = "6".into();
            r.relationship = "Partner's child".into();
        }
    }
    consented_to_these_terms(&mut case);
    case
}

/// Case (b), shaped like the review: arson; the partner's home where her two children live; his
/// own account the only source; nothing requested yet.
pub fn like_the_review() -> Case {
    let mut case = Case::blank("review", "2026-11-23T09:00:00");
    case.person.name = "Dean Example".into();
    case.person.date_of_birth = d(1996, 2, 3);
    case.hearing.court = "Northshire Crown Court".into();
    case.hearing.date = d(2026, 11, 23);
    case.hearing.report_type = Some(ReportType::FastDelivery);
    case.hearing.curfew_considered = Some(true);
    let o = &mut case.offences[0];
    o.description = "Arson".into();
    o.offence_date = d(2026, 6, 1);
    o.conviction_date = d(2026, 11, 9);
    o.da_related = Some(false);
    case.rosh = Rosh {
        children: Some(RoshLevel::Low),
        public: Some(RoshLevel::Medium),
        known_adult: Some(RoshLevel::Low),
        staff: Some(RoshLevel::Low),
    };
    case.orders_recorded = Some(false);
    case.child_contact.lives_with = answered(true, &[Source::OwnAccount]);
    case.child_contact.responsible_for = answered(true, &[Source::OwnAccount]);
    case.child_contact.has_access = answered(true, &[Source::OwnAccount]);
    case.child_contact.negative_impact = answered(false, &[Source::OwnAccount]);
    let place_id = case.add_place();
    let partner = case.add_resident(place_id).unwrap();
    let c1 = case.add_resident(place_id).unwrap();
    let c2 = case.add_resident(place_id).unwrap();
    let place = case.place_mut(place_id).unwrap();
    place.address_line_1 = "4 Example Close".into();
    place.town = "Northtown".into();
    place.postcode = "NT4 5CD".into();
    place.household_sources = vec![Source::OwnAccount];
    place.occupier = Some(OccupierKind::Resident);
    place.occupier_resident = Some(partner);
    place.victim_lives_there = answered(false, &[Source::OwnAccount]);
    for (id, name, age, rel) in [
        (partner, "Tess Example", "35", "Partner"),
        (c1, "Lee Example", "11", "Partner's child"),
        (c2, "Jo Example", "13", "Partner's child"),
    ] {
        let r = place.residents.iter_mut().find(|r| r.id == id).unwrap();
        r.name = name.into();
        r.age = age.into();
        r.relationship = rel.into();
    }
    case
}

/// A case with every field filled in (with values unlike their defaults), so that a stored copy
/// of it shows whether every field survives loading.
pub fn every_field_filled() -> Case {
    let mut case = partners_home_checked();
    case.id = "every-field".into();
    case.revision = 17;
    case.created_at = "2026-11-16T09:00:00".into();
    case.updated_at = "2026-11-20T15:45:12".into();
    case.person.date_of_birth = d(1988, 7, 30);
    case.person.crn = "x123456".into();
    case.person.pnc_id = "02/73319Z".into();
    case.person.other_names = "Sam Sample\nSammy Example".into();
    case.person.address = Address {
        line_1: "Flat 2".into(),
        line_2: "9 Quay Street".into(),
        town: "Northtown".into(),
        postcode: "NT2 4QS".into(),
    };
    case.person.previous_addresses = "4 Mill Row, Northtown NT1 7MR (2023 to March 2025)".into();
    case.offences[0].da_related = Some(true);
    let second = case.add_offence();
    let o = case.offences.iter_mut().find(|o| o.id == second).unwrap();
    o.description = "Criminal damage".into();
    o.offence_date = d(2021, 3, 2);
    o.conviction_date = d(2022, 1, 10);
    o.da_related = Some(false);
    case.rosh.public = Some(RoshLevel::Medium);
    case.rosh.staff = Some(RoshLevel::NotAssessed);
    case.orders_recorded = Some(true);
    let order = case.add_order();
    let o = case.orders.iter_mut().find(|o| o.id == order).unwrap();
    o.kind = Some(OrderKind::NonMolestation);
    o.protects = "Jamie Other".into();
    o.relationship = "Former partner".into();
    o.lives_at_or_visits_place = Some(false);
    o.source = Some(Source::Police);
    case.child_contact.negative_impact =
        answered(false, &[Source::ChildrensServices, Source::OtherAgency]);
    case.child_contact.negative_impact.details = "Checked with the school nurse.".into();
    case.police.not_requested_reason = "Kept from an earlier draft".into();
    case.police.summary = "Two call-outs in 2019, no further action.".into();
    case.police.outcome = Some(PoliceOutcome::InformationNotDa);
    let cs = case.add_cs_enquiry();
    let cs = case
        .childrens_services
        .iter_mut()
        .find(|c| c.id == cs)
        .unwrap();
    cs.children_covered = "Visiting nephew, 8".into();
    cs.enquiry = returned_cs(CsOutcome::EarlyHelpOrOther);
    cs.enquiry.summary = "Early help offered in 2025.".into();
    let place_id = case.places[0].id;
    let visitor = case.add_visiting_child(place_id).unwrap();
    let place = case.place_mut(place_id).unwrap();
    place.address_line_2 = "Upper floor".into();
    place.assessed_by = Some(AssessedBy::Phone);
    let v = place
        .visiting_children
        .iter_mut()
        .find(|v| v.id == visitor)
        .unwrap();
    v.name = "Rowan Visitor".into();
    v.age = "8".into();
    v.relationship = "Nephew".into();
    v.date_of_birth = d(2018, 4, 9);
    place.residents[0].date_of_birth = d(1992, 2, 14);
    place.victim_lives_there.details = "Police checked the address.".into();
    place.occupier_elsewhere = OccupierElsewhere {
        name: "Northshire Homes".into(),
        role: "Landlord".into(),
        consent: full_consent(),
    };
    place.occupier_elsewhere.consent.fear_or_pressure = Some(true);
    place.occupier_elsewhere.consent.fear_details = "Hesitated when he was mentioned.".into();
    place.occupier_elsewhere.consent.method = Some(ContactMethod::Video);
    place.residents[1].consent.attitude =
        "Views of a 9 year old are not recorded; field kept for the test.".into();
    case.schedule.clashes = vec![Clash::Work, Clash::Caring];
    case.schedule.clash_details = "Early shifts on Mondays.".into();
    case.schedule.windows[0].days = vec![Day::Mon, Day::Wed, Day::Sun];
    let w = case.add_window();
    let w = case
        .schedule
        .windows
        .iter_mut()
        .find(|x| x.id == w)
        .unwrap();
    w.from = "20:00".into();
    w.to = "06:30".into();
    w.days = vec![Day::Tue];
    case.schedule.length_unit = Some(LengthUnit::Weeks);
    consented_to_these_terms(&mut case);
    case.outcome.selected = Some(Decision::NotSuitable);
    case.outcome.rationale = "Early help and landlord's hesitation.".into();
    case.outcome.recorded = Some(RecordedOutcome {
        decision: Decision::NotSuitable,
        rationale: "Early help and landlord's hesitation.".into(),
        recorded_at: "2026-11-20T15:45:12".into(),
        signed: None,
    });
    case.outcome.lapsed = Some(RecordedOutcome {
        decision: Decision::Suitable,
        rationale: "Recorded before the landlord hesitated.".into(),
        recorded_at: "2026-11-18T09:30:00".into(),
        signed: None,
    });
    case.gatekeeping.requested_by_officer = true;
    case.gatekeeping.decisions.push(GatekeepingDecision {
        endorsed: false,
        by: "Senior Officer".into(),
        at: "2026-11-19T10:00:00".into(),
        comments: "Speak to the landlord again.".into(),
        fingerprint: "0123456789abcdef".into(),
        section_comments: vec![SectionComment {
            section: "consent".into(),
            comment: "Ask the landlord in person.".into(),
        }],
        signed: None,
    });
    case.gatekeeping.submissions.push(Submission {
        by: "Court Officer (court officer)".into(),
        at: "2026-11-18T16:00:00".into(),
        note: "Landlord hesitant; please review.".into(),
        signed: None,
    });
    case.gatekeeping.draft = GatekeepingDraft {
        note: "Spoke to the landlord again.".into(),
        endorse: Some(true),
        comments: "Draft comment".into(),
        section_comments: vec![SectionComment {
            section: "places".into(),
            comment: "Draft section comment".into(),
        }],
    };
    case.append_event(
        "2026-11-17T11:00:00",
        "Court Officer (court officer)",
        "Changed answers",
        vec![Change {
            field: "Person, name".into(),
            before: String::new(),
            after: "Sam Example".into(),
        }],
    );
    // Version 5: signatures and the linked history.
    let signed = |by: &str| Some(signed_by(by));
    case.outcome.recorded.as_mut().unwrap().signed = signed("casey.officer");
    case.outcome.lapsed.as_mut().unwrap().signed = signed("casey.officer");
    case.gatekeeping.decisions[0].signed = signed("senior.officer");
    case.gatekeeping.submissions[0].signed = signed("court.officer");
    let event = &mut case.events[0];
    event.prev = "c0ffee".repeat(10);
    event.merged = "decade".repeat(10);
    event.signed = signed("court.officer");
    case
}

/// A signature whose every field is filled: what version 5 stores.
pub fn signed_by(account: &str) -> presentence_checks::domain::attest::Signed {
    presentence_checks::domain::attest::Signed {
        account: account.into(),
        key: "0123456789abcdef0123456789abcdef".into(),
        answers: "ab".repeat(32),
        value: "MEUCIQ==".into(),
        verified: true,
        problem: "checked here".into(),
    }
}

/// What a stored case of an earlier schema version holds once loaded: `every_field_filled`
/// without the fields later versions added.
pub fn every_field_filled_as_of(version: u32) -> Case {
    let mut case = every_field_filled();
    if version < 2 {
        case.events.clear();
        case.gatekeeping.submissions.clear();
        case.gatekeeping.draft = Default::default();
        for d in &mut case.gatekeeping.decisions {
            d.section_comments.clear();
        }
    }
    if version < 3 {
        for place in &mut case.places {
            for r in &mut place.residents {
                r.consent.given_for.clear();
            }
            place.occupier_elsewhere.consent.given_for.clear();
        }
        case.outcome.lapsed = None;
    }
    if version < 4 {
        let p = &mut case.person;
        (p.crn, p.pnc_id, p.other_names, p.previous_addresses) = Default::default();
        p.address = Address::default();
        for place in &mut case.places {
            place
                .residents
                .iter_mut()
                .for_each(|r| r.date_of_birth = Default::default());
            place
                .visiting_children
                .iter_mut()
                .for_each(|v| v.date_of_birth = Default::default());
        }
    }
    if version < 5 {
        case.outcome
            .recorded
            .iter_mut()
            .for_each(|r| r.signed = None);
        case.outcome.lapsed.iter_mut().for_each(|r| r.signed = None);
        case.gatekeeping
            .decisions
            .iter_mut()
            .for_each(|d| d.signed = None);
        case.gatekeeping
            .submissions
            .iter_mut()
            .for_each(|s| s.signed = None);
        for event in &mut case.events {
            event.prev = presentence_checks::domain::attest::LEGACY.into();
            event.merged.clear();
            event.signed = None;
        }
    }
    case
}
