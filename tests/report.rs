//! The court-report paragraph: whole sentences for representative cases, and never a
//! suitability statement while the rules block "suitable".

mod common;

use common::*;
use presentence_checks::domain::case::*;
use presentence_checks::domain::report::court_paragraph;
use presentence_checks::domain::{Case, assess};
use proptest::prelude::*;

fn paragraph(case: &Case) -> String {
    court_paragraph(case, &assess(case, today()))
}

fn recorded(case: &mut Case, decision: Decision, rationale: &str) {
    case.outcome.recorded = Some(RecordedOutcome {
        decision,
        rationale: rationale.into(),
        recorded_at: "2026-11-23T10:00:00".into(),
        signed: None,
    });
}

#[test]
fn lives_alone_with_every_check_done() {
    let mut case = lives_alone();
    recorded(
        &mut case,
        Decision::Suitable,
        "He lives alone and every check is clear",
    );
    let text = paragraph(&case);
    for expected in [
        "A domestic abuse enquiry was made with Northshire Police on 16 November 2026 and answered on 19 November 2026: Northshire Police hold no information about Alex Example. No call-outs recorded.",
        "A children's services enquiry was made with Northshire Council about Any child connected with Alex Example on 16 November 2026 and answered on 18 November 2026: the family is not known to children's services.",
        "The proposed curfew address is Flat 2, 10 Sample Street, Northtown, NT1 2AB (rented from a council or housing association). Alex Example would live there alone. The main occupier is Alex Example.",
        "Police call-out checks on the address with Northshire Police, answered on 19 November 2026, found no information.",
        "Electronic monitoring is available there, the electricity supply is confirmed and the main occupier agrees to the equipment.",
        "The proposed curfew is 7pm to 7am every day, for 6 months, starting on 30 November 2026.",
        "In my assessment a curfew is suitable. He lives alone and every check is clear.",
    ] {
        assert!(text.contains(expected), "missing: {expected}\n\n{text}");
    }
}

#[test]
fn partners_home_with_children_and_every_check_done() {
    let case = partners_home_checked();
    let text = paragraph(&case);
    for expected in [
        "Sam Sample (Partner, 34), Kit Sample (Partner's child, 9) and Lou Sample (Partner's child, 6) live there.",
        "The main occupier is Sam Sample.",
        "the family was known to children's services before, and that involvement is closed.",
        "Sam Sample (Partner, 34) was spoken to directly and privately by phone on 17 November 2026, was told the curfew hours, about the tag and the equipment in the home, the nature of the offending and that they can withdraw consent at any time, and gave consent on 17 November 2026 at 2:30pm to a curfew at Flat 2, 10 Sample Street, Northtown, NT1 2AB: 7pm to 7am every day, for 6 months. In their own words: \u{201c}Happy for him to stay; she works days.\u{201d}",
        "All the required checks are complete; my assessment of the curfew's suitability is not yet recorded.",
    ] {
        assert!(text.contains(expected), "missing: {expected}\n\n{text}");
    }
}

#[test]
fn consent_refused() {
    let mut case = partners_home_checked();
    case.places[0].residents[0].consent.decision = Some(ConsentDecision::Refused);
    let text = paragraph(&case);
    assert!(
        text.contains("and refused consent on 17 November 2026 at 2:30pm."),
        "{text}"
    );
    // More time cannot change a refusal: the paragraph says what was found and that a curfew
    // there is not suitable, not that checks are outstanding or that the case should wait.
    assert!(text.contains("Sam Sample refused consent to the curfew at Flat 2, 10 Sample Street, Northtown, NT1 2AB. In my assessment a curfew at Flat 2, 10 Sample Street, Northtown, NT1 2AB is not suitable."), "{text}");
    assert!(!text.contains("outstanding"), "{text}");
    assert!(!text.contains("adjourned"), "{text}");
    recorded(
        &mut case,
        Decision::NotSuitable,
        "The householder does not agree",
    );
    assert!(
        paragraph(&case).ends_with(
            "In my assessment a curfew is not suitable. The householder does not agree."
        )
    );
}

#[test]
fn checks_outstanding_as_in_the_review() {
    let text = paragraph(&like_the_review());
    for expected in [
        "No police domestic abuse enquiry has been made yet.",
        "No children's services enquiry has been made yet.",
        "Who lives there rests on Dean Example's account alone and has not been checked.",
        "Police call-out checks on the address have not been made.",
        "Children's services checks on the address have not been made.",
        "Tess Example (Partner, 35) has not yet been spoken to directly.",
        "The curfew hours have not yet been set.",
        "These checks are still outstanding: the child contact questions, the police domestic abuse enquiry, the children's services enquiry, checks on the proposed address and its residents, the curfew schedule and the consent of adult residents. Until they are complete a curfew cannot be assessed as suitable, and I recommend that the case is adjourned so that they can be completed.",
    ] {
        assert!(text.contains(expected), "missing: {expected}\n\n{text}");
    }
    assert!(!text.contains("is suitable"));
}

#[test]
fn a_schedule_across_midnight_on_chosen_days_reads_naturally() {
    let mut case = lives_alone();
    case.schedule.windows[0].from = "20:30".into();
    case.schedule.windows[0].to = "06:00".into();
    case.schedule.windows[0].days = vec![Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];
    let id = case.add_window();
    let w = case
        .schedule
        .windows
        .iter_mut()
        .find(|w| w.id == id)
        .unwrap();
    w.from = "18:00".into();
    w.to = "midnight".into();
    w.to = "00:00".into();
    w.days = vec![Day::Sat, Day::Sun];
    case.schedule.length = "12".into();
    case.schedule.length_unit = Some(LengthUnit::Weeks);
    let text = paragraph(&case);
    assert!(
        text.contains("The proposed curfew is 8:30pm to 6am Monday to Friday and 6pm to midnight on Saturdays and Sundays, for 12 weeks, starting on 30 November 2026."),
        "{text}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever is missing, and even with "suitable" recorded before checks fell out of date, the
    /// paragraph never says a curfew is suitable while the rules block it.
    #[test]
    fn never_a_suitability_statement_while_blocked(which in 0usize..12, stale in any::<bool>()) {
        let mut case = lives_alone();
        match which {
            0 => case.police.outcome = Some(PoliceOutcome::Awaiting),
            1 => case.child_contact.lives_with.answer = None,
            2 => case.childrens_services.clear(),
            3 => case.places[0].victim_lives_there.answer = Some(true),
            4 => case.places[0].em_available = None,
            5 => case.schedule.windows.clear(),
            6 => case.rosh.public = Some(RoshLevel::High),
            7 => case.places[0].household_sources = vec![Source::OwnAccount],
            8 => case.places[0].cs_check.outcome = None,
            9 => case.schedule.length = "40".into(),
            10 => case.offences[0].conviction_date = Default::default(),
            _ => case.police.outcome = Some(PoliceOutcome::NotRequested),
        }
        if stale {
            recorded(&mut case, Decision::Suitable, "Recorded before this changed");
        }
        let assessment = assess(&case, today());
        prop_assert!(!assessment.can_record_suitable());
        let text = court_paragraph(&case, &assessment);
        prop_assert!(!text.contains("curfew is suitable"), "{}", text);
        if which == 3 {
            // A victim at the address: no adjournment can change that.
            prop_assert!(text.contains("In my assessment a curfew at Flat 2, 10 Sample Street, Northtown, NT1 2AB is not suitable."), "{}", text);
            prop_assert!(!text.contains("adjourned"), "{}", text);
        } else {
            prop_assert!(text.contains("I recommend that the case is adjourned"), "{}", text);
        }
    }
}

// Added with the due-dates work: what the tables above did not yet pin down in whole sentences.

#[test]
fn partners_home_paragraph_in_full() {
    let mut case = partners_home_checked();
    case.childrens_services[0].children_covered = "Kit Sample and Lou Sample".into();
    recorded(
        &mut case,
        Decision::Suitable,
        "Sam Sample agrees and every check is clear",
    );
    let expected = [
        "A domestic abuse enquiry was made with Northshire Police on 16 November 2026 and answered on 19 November 2026: Northshire Police hold no information about Dan Sample. No call-outs recorded.",
        "A children's services enquiry was made with Northshire Council about Kit Sample and Lou Sample on 16 November 2026 and answered on 18 November 2026: the family was known to children's services before, and that involvement is closed. Family known in 2019; case closed.",
        "The proposed curfew address is Flat 2, 10 Sample Street, Northtown, NT1 2AB (rented from a private landlord). Sam Sample (Partner, 34), Kit Sample (Partner's child, 9) and Lou Sample (Partner's child, 6) live there. The main occupier is Sam Sample. Police call-out checks on the address with Northshire Police, answered on 19 November 2026, found no information. Children's services checks on the address with Northshire Council, answered on 18 November 2026, found that the family is not known to children's services. Electronic monitoring is available there, the electricity supply is confirmed and the main occupier agrees to the equipment.",
        "Sam Sample (Partner, 34) was spoken to directly and privately by phone on 17 November 2026, was told the curfew hours, about the tag and the equipment in the home, the nature of the offending and that they can withdraw consent at any time, and gave consent on 17 November 2026 at 2:30pm to a curfew at Flat 2, 10 Sample Street, Northtown, NT1 2AB: 7pm to 7am every day, for 6 months. In their own words: \u{201c}Happy for him to stay; she works days.\u{201d}",
        "The proposed curfew is 7pm to 7am every day, for 6 months, starting on 30 November 2026.",
        "In my assessment a curfew is suitable. Sam Sample agrees and every check is clear.",
    ]
    .join("\n\n");
    assert_eq!(paragraph(&case), expected);
    // With no outcome recorded yet, the rules' advice on the type of report closes it instead.
    case.outcome.recorded = None;
    let text = paragraph(&case);
    assert!(
        text.ends_with("\n\nAll the required checks are complete; my assessment of the curfew's suitability is not yet recorded.\n\nGiven the complexity of the case, I recommend a standard delivery report: additional assessment, professional discussion and multiple enquiries are required because children's services are or have been involved."),
        "{text}"
    );
}

/// How the paragraph ends for a row of the table below.
#[derive(Debug, PartialEq)]
enum Ends {
    Suitable,
    /// Checks outstanding: adjourn so they can be completed.
    Adjourn,
    /// Something found that more time cannot change: not suitable at that address.
    NotSuitable,
}

#[test]
fn each_consent_decision_in_whole_sentences() {
    const WHO: &str = "Sam Sample (Partner, 34)";
    const AGREED: &str = " to a curfew at Flat 2, 10 Sample Street, Northtown, NT1 2AB: 7pm to 7am every day, for 6 months";
    const TOLD: &str = "was told the curfew hours, about the tag and the equipment in the home, the nature of the offending and that they can withdraw consent at any time";
    type Row = (&'static str, fn(&mut Consent), String, Ends);
    // (what, change to the partner's consent, the whole consent part, how the paragraph ends)
    let table: Vec<Row> = vec![
        (
            "given",
            |_| {},
            format!(
                "{WHO} was spoken to directly and privately by phone on 17 November 2026, {TOLD}, and gave consent on 17 November 2026 at 2:30pm{AGREED}. In their own words: \u{201c}Happy for him to stay; she works days.\u{201d}"
            ),
            Ends::Suitable,
        ),
        (
            "refused, in her own words",
            |c| {
                c.decision = Some(ConsentDecision::Refused);
                c.attitude = "I do not want him living here.".into();
            },
            format!(
                "{WHO} was spoken to directly and privately by phone on 17 November 2026, {TOLD}, and refused consent on 17 November 2026 at 2:30pm. In their own words: \u{201c}I do not want him living here.\u{201d}"
            ),
            Ends::NotSuitable,
        ),
        (
            "given, then withdrawn, in person, not privately, no time",
            |c| {
                c.decision = Some(ConsentDecision::Withdrawn);
                c.method = Some(ContactMethod::InPerson);
                c.spoken_privately = Some(false);
                c.decision_date = d(2026, 11, 20);
                c.decision_time = String::new();
                c.attitude = String::new();
            },
            format!(
                "{WHO} was spoken to directly in person on 17 November 2026, {TOLD}, and gave consent, then withdrew it on 20 November 2026."
            ),
            Ends::NotSuitable,
        ),
        (
            "no decision yet, told nothing yet",
            |c| {
                c.decision = None;
                c.decision_date = Default::default();
                c.decision_time = String::new();
                c.told.clear();
                c.attitude = String::new();
            },
            format!(
                "{WHO} was spoken to directly and privately by phone on 17 November 2026 and has not yet given a decision."
            ),
            Ends::Adjourn,
        ),
        (
            "not yet spoken to",
            |c| c.contacted_directly = Some(false),
            format!("{WHO} has not yet been spoken to directly."),
            Ends::Adjourn,
        ),
        (
            "signs of fear or pressure",
            |c| {
                c.fear_or_pressure = Some(true);
                c.fear_details = "Looked at him before each answer".into();
            },
            format!(
                "{WHO} was spoken to directly and privately by phone on 17 November 2026, {TOLD}, and gave consent on 17 November 2026 at 2:30pm{AGREED}. In their own words: \u{201c}Happy for him to stay; she works days.\u{201d} They showed signs of fear or pressure: Looked at him before each answer."
            ),
            // Gatekeeping is required and not yet endorsed.
            Ends::Adjourn,
        ),
    ];
    for (what, change, expected, ends) in table {
        let mut case = partners_home_checked();
        change(&mut case.places[0].residents[0].consent);
        recorded(
            &mut case,
            Decision::Suitable,
            "Recorded before this changed",
        );
        let text = paragraph(&case);
        let parts: Vec<&str> = text.split("\n\n").collect();
        assert!(
            parts.contains(&expected.as_str()),
            "{what}: missing\n{expected}\n\n{text}"
        );
        if ends != Ends::Suitable {
            assert!(!text.contains("curfew is suitable"), "{what}\n\n{text}");
            assert!(
                !text.contains("Recorded before this changed"),
                "{what}\n\n{text}"
            );
            let adjourn = text.contains("Until they are complete a curfew cannot be assessed as suitable, and I recommend that the case is adjourned so that they can be completed.");
            assert_eq!(adjourn, ends == Ends::Adjourn, "{what}\n\n{text}");
            assert_eq!(
                text.contains("In my assessment a curfew at Flat 2, 10 Sample Street, Northtown, NT1 2AB is not suitable."),
                ends == Ends::NotSuitable,
                "{what}\n\n{text}"
            );
        } else {
            assert!(
                text.contains(
                    "In my assessment a curfew is suitable. Recorded before this changed."
                ),
                "{what}\n\n{text}"
            );
        }
    }
}

#[test]
fn checks_outstanding_while_replies_are_awaited() {
    let mut case = lives_alone();
    case.police.outcome = Some(PoliceOutcome::Awaiting);
    case.childrens_services[0].enquiry.outcome = Some(CsOutcome::Awaiting);
    case.places[0].police_callout.outcome = Some(PoliceOutcome::Awaiting);
    case.places[0].cs_check.outcome = Some(CsOutcome::Awaiting);
    // "Suitable" recorded before the replies were marked as awaited: no longer valid.
    recorded(&mut case, Decision::Suitable, "Every check is clear");
    let text = paragraph(&case);
    let expected = [
        "A domestic abuse enquiry was made with Northshire Police on 16 November 2026; the reply is awaited.",
        "A children's services enquiry was made with Northshire Council about Any child connected with Alex Example on 16 November 2026; the reply is awaited.",
        "The proposed curfew address is Flat 2, 10 Sample Street, Northtown, NT1 2AB (rented from a council or housing association). Alex Example would live there alone. The main occupier is Alex Example. Police call-out checks on the address were requested from Northshire Police; the reply is awaited. Children's services checks on the address were requested from Northshire Council; the reply is awaited. Electronic monitoring is available there, the electricity supply is confirmed and the main occupier agrees to the equipment.",
        "The proposed curfew is 7pm to 7am every day, for 6 months, starting on 30 November 2026.",
        "These checks are still outstanding: the police domestic abuse enquiry, the children's services enquiry and checks on the proposed address and its residents. Until they are complete a curfew cannot be assessed as suitable, and I recommend that the case is adjourned so that they can be completed.",
    ]
    .join("\n\n");
    assert_eq!(text, expected);
    assert!(!text.contains("curfew is suitable"));
    assert!(!text.contains("Every check is clear"));
}

#[test]
fn schedules_across_midnight_in_words() {
    // (what, from, to, days, length, unit, the whole schedule sentence)
    use presentence_checks::domain::choice::Choice;
    let every_day = Day::all().to_vec();
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        Vec<Day>,
        &'static str,
        LengthUnit,
        &'static str,
    );
    #[rustfmt::skip]
    let table: Vec<Row> = vec![
        ("7pm to 7am every day", "19:00", "07:00", every_day.clone(), "6", LengthUnit::Months,
            "The proposed curfew is 7pm to 7am every day, for 6 months, starting on 30 November 2026."),
        ("weekend nights, one month", "21:00", "06:30", vec![Day::Fri, Day::Sat], "1", LengthUnit::Months,
            "The proposed curfew is 9pm to 6:30am on Fridays and Saturdays, for 1 month, starting on 30 November 2026."),
        ("weeknights, one week", "22:00", "06:00", vec![Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri], "1", LengthUnit::Weeks,
            "The proposed curfew is 10pm to 6am Monday to Friday, for 1 week, starting on 30 November 2026."),
        ("from midday past midnight", "12:00", "00:30", vec![Day::Sun], "14", LengthUnit::Days,
            "The proposed curfew is midday to 12:30am on Sundays, for 14 days, starting on 30 November 2026."),
        ("typed as 1900 and 0700", "1900", "0700", every_day.clone(), "3", LengthUnit::Months,
            "The proposed curfew is 7pm to 7am every day, for 3 months, starting on 30 November 2026."),
    ];
    for (what, from, to, days, length, unit, expected) in table {
        let mut case = lives_alone();
        let w = &mut case.schedule.windows[0];
        w.from = from.into();
        w.to = to.into();
        w.days = days;
        case.schedule.length = length.into();
        case.schedule.length_unit = Some(unit);
        let text = paragraph(&case);
        let parts: Vec<&str> = text.split("\n\n").collect();
        assert!(
            parts.contains(&expected),
            "{what}: missing\n{expected}\n\n{text}"
        );
    }
}

#[test]

fn own_words_without_a_full_stop_still_end_the_sentence() {
    let mut case = partners_home_checked();
    let consent = &mut case.places[0].residents[0].consent;
    consent.decision = Some(ConsentDecision::Refused);
    consent.attitude = "I do not want him living here".into();
    consent.fear_or_pressure = Some(true);
    consent.fear_details = "Looked at him before each answer".into();
    let text = paragraph(&case);
    assert!(
        text.contains("and refused consent on 17 November 2026 at 2:30pm. In their own words: \u{201c}I do not want him living here\u{201d}. They showed signs of fear or pressure: Looked at him before each answer."),
        "{text}"
    );
}
