//! Issue 10: no "suitable" on answers the forms reject. Each row starts from a fully checked case,
//! makes one change that a careful reviewer found the rules used to accept (a value the form
//! rejects, an impossible date, two answers that contradict each other, a consent given for other
//! hours...), names the blocker that must appear, and then corrects the change and sees it clear.
//! Property tests: whatever a page's validation rejects blocks "suitable"; a consent given for
//! other hours never counts. Every person here is invented.

mod common;

use common::*;
use presentence_checks::domain::audit::{Role, User};
use presentence_checks::domain::case::*;
use presentence_checks::domain::choice::Choice;
use presentence_checks::domain::gatekeeping::{WHAT_DECISION_REFUSED, WHAT_ENDORSED};
use presentence_checks::domain::inputs::DateParts;
use presentence_checks::domain::report::{court_paragraph, for_clipboard};
use presentence_checks::domain::rules::{Assessment, BlockerKind, Section};
use presentence_checks::domain::schedule::{Regime, last_day};
use presentence_checks::domain::terms::consent_terms;
use presentence_checks::domain::text::is_bidi_control;
use presentence_checks::domain::validate::{self, FieldError};
use presentence_checks::domain::{Case, WHAT_SUITABLE_LAPSED, WHAT_SUITABLE_REFUSED, assess};
use proptest::prelude::*;

const OFFICER: &str = "Casey Officer (court officer)";
const AT: &str = "2026-11-23T10:00:00";

fn date(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

// ---- Fictional cases beyond the shared fixtures -----------------------------------------------

/// The partner's home with a second adult, a lodger: two consents, each given for these hours at
/// this address.
fn two_adults_consented() -> Case {
    let mut case = partners_home_checked();
    let place_id = case.places[0].id;
    let id = case.add_resident(place_id).unwrap();
    let r = case.places[0]
        .residents
        .iter_mut()
        .find(|r| r.id == id)
        .unwrap();
    r.name = "Pat Lodger".into();
    r.age = "52".into();
    r.relationship = "Lodger".into();
    r.consent = full_consent();
    consented_to_these_terms(&mut case);
    case
}

/// A hostel room: the manager, who lives elsewhere, is the main occupier and has consented.
fn hostel() -> Case {
    let mut case = lives_alone();
    case.id = "hostel".into();
    let p = &mut case.places[0];
    p.tenure = Some(Tenure::Hostel);
    record_manager(p);
    consented_to_these_terms(&mut case);
    case
}

fn record_manager(p: &mut Place) {
    p.occupier = Some(OccupierKind::Elsewhere);
    p.occupier_elsewhere = OccupierElsewhere {
        name: "Northshire Housing Trust".into(),
        role: "Hostel manager".into(),
        consent: full_consent(),
    };
}

/// Children live at the address and every reply is back; children's services do not know the
/// family, so nothing else calls for a standard delivery report.
fn children_at_home() -> Case {
    let mut case = partners_home_checked();
    case.childrens_services[0].enquiry = returned_cs(CsOutcome::NotKnown);
    case
}

/// A child visits the address; the person lives there alone.
fn child_visits() -> Case {
    let mut case = lives_alone();
    let place_id = case.places[0].id;
    let id = case.add_visiting_child(place_id).unwrap();
    let v = case.places[0]
        .visiting_children
        .iter_mut()
        .find(|v| v.id == id)
        .unwrap();
    v.name = "Rowan Visitor".into();
    v.age = "8".into();
    v.relationship = "Niece".into();
    case.child_contact.has_access = answered(true, &[Source::Resident, Source::Police]);
    case
}

/// Convicted before 28 June 2022 (16 hours a day, 12 months), curfew from 29 February 2024.
fn old_law_from_leap_day() -> Case {
    let mut case = lives_alone();
    case.offences[0].offence_date = d(2021, 6, 1);
    case.offences[0].conviction_date = d(2022, 1, 10);
    case.schedule.start = d(2024, 2, 29);
    case.schedule.length = "12".into();
    case.schedule.length_unit = Some(LengthUnit::Months);
    case.schedule.order_months = "12".into();
    case
}

fn add_resident(c: &mut Case, name: &str, age: &str, relationship: &str) -> u32 {
    let place_id = c.places[0].id;
    let id = c.add_resident(place_id).unwrap();
    let r = c.places[0]
        .residents
        .iter_mut()
        .find(|r| r.id == id)
        .unwrap();
    r.name = name.into();
    r.age = age.into();
    r.relationship = relationship.into();
    id
}

fn add_visitor(c: &mut Case, name: &str, age: &str, relationship: &str) {
    let place_id = c.places[0].id;
    let id = c.add_visiting_child(place_id).unwrap();
    let v = c.places[0]
        .visiting_children
        .iter_mut()
        .find(|v| v.id == id)
        .unwrap();
    v.name = name.into();
    v.age = age.into();
    v.relationship = relationship.into();
}

fn add_order(c: &mut Case, kind: Option<OrderKind>, protects: &str, at_place: Option<bool>) {
    let id = c.add_order();
    let o = c.orders.iter_mut().find(|o| o.id == id).unwrap();
    o.kind = kind;
    o.protects = protects.into();
    o.relationship = "Former partner".into();
    o.lives_at_or_visits_place = at_place;
    o.source = Some(Source::Police);
}

fn add_window(c: &mut Case, from: &str, to: &str, days: &[Day]) {
    let id = c.add_window();
    let w = c.schedule.windows.iter_mut().find(|w| w.id == id).unwrap();
    w.from = from.into();
    w.to = to.into();
    w.days = days.to_vec();
}

/// Every person whose consent is needed is asked again: a new decision date and time, recorded
/// through `after_change` as the consent page records it.
fn ask_again(c: &mut Case) {
    let before = c.clone();
    for p in &mut c.places {
        for who in p.consent_subjects() {
            let k = p.consent_mut(who).unwrap();
            k.decision_date = d(2026, 11, 22);
            k.decision_time = "10:15".into();
        }
    }
    c.after_change(&before, today(), AT, OFFICER);
}

/// Submits `case` for gatekeeping and has another senior probation officer endorse it.
fn endorse(case: &mut Case) {
    case.gatekeeping.draft.note = "Please review.".into();
    case.submit_for_gatekeeping(OFFICER, "2026-11-21T10:00:00")
        .expect("submitted");
    case.gatekeeping.draft.endorse = Some(true);
    let spo = User {
        name: "Morgan Senior".into(),
        role: Role::Spo,
    };
    assert_eq!(
        case.decide_gatekeeping(&spo, "2026-11-21T11:00:00"),
        Ok(true)
    );
}

// ---- The row checker ----------------------------------------------------------------------------

/// A message a person reads: a sentence, with nothing from the code in it.
fn assert_plain(name: &str, code: &str, message: &str) {
    let first = message.chars().next().unwrap_or(' ');
    assert!(
        first.is_uppercase() || first.is_ascii_digit() || first == '\u{201c}',
        "{name}: {message}"
    );
    assert!(message.ends_with('.'), "{name}: {message}");
    for jargon in ["Some(", "None", "{", "}", "_", "#", "\n", code] {
        assert!(!message.contains(jargon), "{name}: {jargon:?} in {message}");
    }
}

/// Asserts that `change` turns the fully checked `base` into a case blocked by `code` (in
/// `section`, with a plain message holding each of `says`, a source and a path into the section
/// ending with `at`), that "suitable" is refused, and that `fix` clears it again.
#[allow(clippy::too_many_arguments)]
fn appears_and_clears(
    name: &str,
    base: &Case,
    change: impl Fn(&mut Case),
    code: &str,
    section: Section,
    at: &str,
    says: &[&str],
    fix: impl Fn(&mut Case),
) {
    let start = assess(base, today());
    assert!(
        start.can_record_suitable(),
        "{name}: the starting case should be fully checked: {:#?}",
        start.blockers
    );
    let mut case = base.clone();
    change(&mut case);
    let a = assess(&case, today());
    let with_code: Vec<_> = a.blockers.iter().filter(|b| b.code == code).collect();
    assert!(
        !with_code.is_empty(),
        "{name}: expected {code}, got {:#?}",
        a.blockers
    );
    let Some(b) = with_code
        .iter()
        .find(|b| says.iter().all(|s| b.message.contains(s)))
    else {
        panic!("{name}: no {code} says {says:?}: {with_code:#?}")
    };
    assert_eq!(b.section, section, "{name}");
    assert!(!b.source.is_empty(), "{name}");
    assert!(
        b.path.starts_with(section.slug()),
        "{name}: {} is not in {}",
        b.path,
        section.slug()
    );
    assert!(b.path.ends_with(at), "{name}: {} should end {at}", b.path);
    assert_plain(name, code, &b.message);
    assert!(!a.can_record_suitable(), "{name}");
    refuses_suitable(name, &case);

    fix(&mut case);
    let fixed = assess(&case, today());
    assert!(!fixed.has(code), "{name}: {code} stays after correcting");
    assert!(
        fixed.can_record_suitable(),
        "{name}: still blocked after correcting: {:#?}",
        fixed.blockers
    );
}

/// "Suitable" selected on the outcome page is refused, and not left selected.
fn refuses_suitable(name: &str, case: &Case) {
    let mut case = case.clone();
    case.outcome.selected = Some(Decision::Suitable);
    case.outcome.rationale = "Trying anyway.".into();
    assert!(
        case.record_outcome(today(), AT, OFFICER).is_err(),
        "{name}: suitable recorded"
    );
    assert_eq!(case.outcome.selected, None, "{name}");
    assert!(case.outcome.recorded.is_none(), "{name}");
}

struct Row {
    name: &'static str,
    base: fn() -> Case,
    change: fn(&mut Case),
    code: &'static str,
    section: Section,
    /// How the blocker's path ends (the page, or its field).
    at: &'static str,
    says: &'static [&'static str],
    fix: fn(&mut Case),
}

fn check(rows: &[Row]) {
    for r in rows {
        appears_and_clears(
            r.name,
            &(r.base)(),
            r.change,
            r.code,
            r.section,
            r.at,
            r.says,
            r.fix,
        );
    }
}

// ---- 1. One truth: whatever a form rejects blocks "suitable" ------------------------------------

const CORRECT: &str = "Answers on this page need correcting: ";

#[test]
fn answers_a_form_rejects_block_suitable() {
    check(&[
        Row {
            name: "town left blank",
            base: lives_alone,
            change: |c| c.places[0].town.clear(),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Places,
            at: "places/3#town",
            says: &[CORRECT, "Enter the town or city"],
            fix: |c| c.places[0].town = "Northtown".into(),
        },
        Row {
            name: "tenure not chosen",
            base: lives_alone,
            change: |c| c.places[0].tenure = None,
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Places,
            at: "#tenure",
            says: &[CORRECT, "Select the tenure"],
            fix: |c| c.places[0].tenure = Some(Tenure::SocialRented),
        },
        Row {
            name: "CRN with a digit missing",
            base: lives_alone,
            change: |c| c.person.crn = "X12345".into(),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Hearing,
            at: "#crn",
            says: &[
                CORRECT,
                "Enter the CRN as a letter followed by 6 digits, like X123456",
            ],
            fix: |c| c.person.crn = "X123456".into(),
        },
        Row {
            name: "PNC ID with the wrong check letter",
            base: lives_alone,
            change: |c| c.person.pnc_id = "2002/0073319Y".into(),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Hearing,
            at: "#pnc",
            says: &[
                CORRECT,
                "The PNC ID's last letter does not match its year and number",
            ],
            fix: |c| c.person.pnc_id = "02/73319Z".into(),
        },
        Row {
            name: "PNC ID without its check letter",
            base: lives_alone,
            change: |c| c.person.pnc_id = "2002/0073319".into(),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Hearing,
            at: "#pnc",
            says: &[
                CORRECT,
                "Enter the PNC ID as the year, a slash, the number and a letter",
            ],
            fix: |c| c.person.pnc_id.clear(),
        },
        Row {
            name: "the person's own postcode mistyped",
            base: lives_alone,
            change: |c| c.person.address.postcode = "NT1 2A8".into(),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Hearing,
            at: "#address-postcode",
            says: &[CORRECT, "Enter a real postcode, like SW1A 1AA"],
            fix: |c| c.person.address.postcode = "NT1 2AB".into(),
        },
        Row {
            name: "a resident's date of birth says another age",
            base: partners_home_checked,
            change: |c| c.places[0].residents[0].date_of_birth = d(2000, 1, 1),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Places,
            at: "-age",
            says: &[
                CORRECT,
                "The age of resident 1 does not match their date of birth, which makes them 26",
            ],
            fix: |c| c.places[0].residents[0].date_of_birth = d(1992, 1, 1),
        },
        Row {
            name: "a child's date of birth in the future",
            base: partners_home_checked,
            change: |c| c.places[0].residents[1].date_of_birth = d(2030, 1, 1),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Places,
            at: "-dob-day",
            says: &[CORRECT, "Date of birth of resident 2"],
            fix: |c| c.places[0].residents[1].date_of_birth = Default::default(),
        },
        Row {
            name: "postcode mistyped",
            base: lives_alone,
            change: |c| c.places[0].postcode = "NT1 2A8".into(),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Places,
            at: "#postcode",
            says: &[CORRECT, "Enter a real postcode, like SW1A 1AA"],
            fix: |c| c.places[0].postcode = "NT1 2AB".into(),
        },
        Row {
            name: "how the address was assessed not chosen",
            base: lives_alone,
            change: |c| c.places[0].assessed_by = None,
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Places,
            at: "#assessed-by",
            says: &[CORRECT, "Select how the address was assessed"],
            fix: |c| c.places[0].assessed_by = Some(AssessedBy::HomeVisit),
        },
        Row {
            name: "a resident's relationship left blank",
            base: partners_home_checked,
            change: |c| c.places[0].residents[1].relationship.clear(),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Places,
            at: "-relationship",
            says: &[CORRECT, "Enter how resident 2 is related to the person"],
            fix: |c| c.places[0].residents[1].relationship = "Partner's child".into(),
        },
        Row {
            name: "a visiting child aged 19",
            base: partners_home_checked,
            change: |c| add_visitor(c, "Rowan Visitor", "19", "Nephew"),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Places,
            at: "-age",
            says: &[CORRECT, "Visiting child 1 must be under 18"],
            fix: |c| c.places[0].visiting_children[0].age = "12".into(),
        },
        Row {
            name: "an address check's police force left blank",
            base: lives_alone,
            change: |c| c.places[0].police_callout.agency.clear(),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Places,
            at: "#callout-agency",
            says: &[CORRECT, "Enter the police force"],
            fix: |c| c.places[0].police_callout.agency = "Northshire Police".into(),
        },
        Row {
            name: "hostel manager's role left blank",
            base: hostel,
            change: |c| c.places[0].occupier_elsewhere.role.clear(),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Places,
            at: "#occupier-role",
            says: &[CORRECT, "Enter the main occupier's role, like landlord"],
            fix: |c| c.places[0].occupier_elsewhere.role = "Hostel manager".into(),
        },
        Row {
            name: "police force left blank",
            base: lives_alone,
            change: |c| c.police.agency.clear(),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Police,
            at: "police#police-agency",
            says: &[CORRECT, "Enter the police force"],
            fix: |c| c.police.agency = "Northshire Police".into(),
        },
        Row {
            name: "police reply due before it was asked for",
            base: lives_alone,
            change: |c| c.police.due = d(2026, 11, 10),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Police,
            at: "police#police-due-day",
            says: &[
                CORRECT,
                "Date the reply is due must be on or after the date requested",
            ],
            fix: |c| c.police.due = d(2026, 11, 20),
        },
        Row {
            // A summary is required once children's services report something.
            name: "a 5,001-character children's services summary",
            base: partners_home_checked,
            change: |c| c.childrens_services[0].enquiry.summary = "x".repeat(5001),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::ChildrensServices,
            at: "-summary",
            says: &[CORRECT, "This must be 5,000 characters or fewer"],
            fix: |c| c.childrens_services[0].enquiry.summary = "x".repeat(5000),
        },
        Row {
            name: "children's services reply due before it was asked for",
            base: lives_alone,
            change: |c| c.childrens_services[0].enquiry.due = d(2026, 11, 10),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::ChildrensServices,
            at: "-due-day",
            says: &[
                CORRECT,
                "Date the reply is due must be on or after the date requested",
            ],
            fix: |c| c.childrens_services[0].enquiry.due = d(2026, 11, 20),
        },
        Row {
            name: "the offence left blank",
            base: lives_alone,
            change: |c| c.offences[0].description = "  ".into(),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Hearing,
            at: "hearing#offence-1-description",
            says: &[CORRECT, "Enter offence 1"],
            fix: |c| c.offences[0].description = "Theft from a shop".into(),
        },
        Row {
            name: "whether the offence is domestic abuse unanswered",
            base: lives_alone,
            change: |c| c.offences[0].da_related = None,
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Hearing,
            at: "hearing#offence-1-da",
            says: &[
                CORRECT,
                "Select yes if offence 1 is related to domestic abuse",
            ],
            fix: |c| c.offences[0].da_related = Some(false),
        },
        Row {
            name: "decision time 25:99",
            base: partners_home_checked,
            change: |c| c.places[0].residents[0].consent.decision_time = "25:99".into(),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Consent,
            at: "consent/3/5#decision-time",
            says: &[CORRECT, "Enter the time in the 24-hour clock, like 14:30"],
            fix: |c| c.places[0].residents[0].consent.decision_time = "14:30".into(),
        },
        Row {
            name: "decision time left blank",
            base: partners_home_checked,
            change: |c| c.places[0].residents[0].consent.decision_time.clear(),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Consent,
            at: "consent/3/5#decision-time",
            says: &[CORRECT, "Enter the time of the decision"],
            fix: |c| c.places[0].residents[0].consent.decision_time = "14:30".into(),
        },
        Row {
            name: "how the resident was contacted not chosen",
            base: partners_home_checked,
            change: |c| c.places[0].residents[0].consent.method = None,
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Consent,
            at: "consent/3/5#method",
            says: &[CORRECT, "Select how you contacted them"],
            fix: |c| c.places[0].residents[0].consent.method = Some(ContactMethod::Phone),
        },
        Row {
            name: "order months \"x\"",
            base: lives_alone,
            change: |c| c.schedule.order_months = "x".into(),
            code: "ANSWERS_NEED_CORRECTING",
            section: Section::Schedule,
            at: "schedule#order-months",
            says: &[
                CORRECT,
                "Length of the order must be a whole number of months, like 12",
            ],
            fix: |c| c.schedule.order_months = "12".into(),
        },
    ]);
}

#[test]
fn one_blocker_per_page_naming_every_answer_to_correct() {
    // Two answers wrong on one page: one blocker, naming both, linking to the first.
    let mut case = lives_alone();
    case.police.outcome = Some(PoliceOutcome::InformationNotDa);
    case.police.agency.clear();
    case.police.summary = "x".repeat(5001);
    let a = assess(&case, today());
    let on_police: Vec<_> = a.blockers_in(Section::Police).collect();
    assert_eq!(on_police.len(), 1, "{on_police:#?}");
    assert_eq!(
        on_police[0].message,
        "Answers on this page need correcting: Enter the police force; This must be 5,000 characters or fewer."
    );
    assert_eq!(on_police[0].path, "police#police-agency");
    assert_eq!(on_police[0].kind, BlockerKind::Problem);

    // A page with a more specific blocker shows that one; once it is dealt with, the rest of
    // what the form rejects still blocks.
    let mut case = lives_alone();
    case.places[0].town.clear();
    case.places[0].postcode.clear();
    let a = assess(&case, today());
    assert!(a.has("PLACE_ADDRESS_MISSING"));
    assert!(!a.has("ANSWERS_NEED_CORRECTING"), "{:#?}", a.blockers);
    case.places[0].postcode = "NT1 2AB".into();
    let a = assess(&case, today());
    assert!(!a.has("PLACE_ADDRESS_MISSING"));
    assert!(
        a.blockers
            .iter()
            .any(|b| b.code == "ANSWERS_NEED_CORRECTING"
                && b.message.contains("Enter the town or city")),
        "{:#?}",
        a.blockers
    );
    assert!(!a.can_record_suitable());
}

// ---- 2. Impossible and out-of-scope dates ---------------------------------------------------------

#[test]
fn impossible_dates_block_each_with_its_own_message() {
    check(&[
        Row {
            name: "date of birth in the future",
            base: lives_alone,
            change: |c| c.person.date_of_birth = d(2027, 1, 1),
            code: "DATE_OF_BIRTH_IMPOSSIBLE",
            section: Section::Hearing,
            at: "hearing#dob-day",
            says: &["The date of birth, 1 January 2027, is not in the past"],
            fix: |c| c.person.date_of_birth = d(1990, 4, 12),
        },
        Row {
            name: "17 on the date of conviction, 18 today",
            base: lives_alone,
            change: |c| c.person.date_of_birth = d(2008, 11, 10),
            code: "UNDER_18_AT_CONVICTION",
            section: Section::Hearing,
            at: "hearing#offence-1-conviction-day",
            says: &[
                "Alex Example was 17 on the date of conviction for the offence of theft from a shop",
                "youth order",
                "Schedule 6",
            ],
            // 18 on the day of conviction: in scope.
            fix: |c| c.person.date_of_birth = d(2008, 11, 2),
        },
        Row {
            name: "16 today, conviction date not yet recorded",
            base: lives_alone,
            change: |c| {
                c.person.date_of_birth = d(2010, 1, 1);
                c.offences[0].conviction_date = DateParts::default();
            },
            code: "UNDER_18_AT_CONVICTION",
            section: Section::Hearing,
            at: "hearing#dob-day",
            says: &["Alex Example is 16", "Schedule 6"],
            fix: |c| {
                c.person.date_of_birth = d(1990, 4, 12);
                c.offences[0].conviction_date = d(2026, 11, 2);
            },
        },
        Row {
            name: "offence date in the future",
            base: lives_alone,
            change: |c| c.offences[0].offence_date = d(2026, 12, 1),
            code: "OFFENCE_DATE_IMPOSSIBLE",
            section: Section::Hearing,
            at: "hearing#offence-1-date-day",
            says: &[
                "The date of the offence of theft from a shop, 1 December 2026, is in the future",
            ],
            fix: |c| c.offences[0].offence_date = d(2026, 9, 1),
        },
        Row {
            name: "conviction date typed as 2032",
            base: lives_alone,
            change: |c| c.offences[0].conviction_date = d(2032, 11, 2),
            code: "CONVICTION_DATE_IMPOSSIBLE",
            section: Section::Hearing,
            at: "hearing#offence-1-conviction-day",
            says: &["2 November 2032, is in the future", "curfew limits"],
            fix: |c| c.offences[0].conviction_date = d(2026, 11, 2),
        },
        Row {
            name: "conviction before the offence",
            base: lives_alone,
            change: |c| c.offences[0].conviction_date = d(2026, 8, 1),
            code: "CONVICTION_DATE_IMPOSSIBLE",
            section: Section::Hearing,
            at: "hearing#offence-1-conviction-day",
            says: &["1 August 2026, is before the date of the offence, 1 September 2026"],
            fix: |c| c.offences[0].conviction_date = d(2026, 11, 2),
        },
        Row {
            name: "consent decision dated in the future",
            base: partners_home_checked,
            change: |c| c.places[0].residents[0].consent.decision_date = d(2026, 12, 1),
            code: "CONSENT_DATE_IMPOSSIBLE",
            section: Section::Consent,
            at: "consent/3/5",
            says: &[
                "Sam Sample",
                "the decision is dated 1 December 2026, which is in the future",
            ],
            fix: |c| c.places[0].residents[0].consent.decision_date = d(2026, 11, 17),
        },
        Row {
            name: "consent decided before the person was contacted",
            base: partners_home_checked,
            change: |c| c.places[0].residents[0].consent.decision_date = d(2026, 11, 16),
            code: "CONSENT_DATE_IMPOSSIBLE",
            section: Section::Consent,
            at: "consent/3/5",
            says: &[
                "the decision is dated 16 November 2026, before they were contacted on 17 November 2026",
            ],
            fix: |c| c.places[0].residents[0].consent.decision_date = d(2026, 11, 17),
        },
        Row {
            name: "contact dated in the future",
            base: partners_home_checked,
            change: |c| c.places[0].residents[0].consent.contact_date = d(2026, 12, 1),
            code: "CONSENT_DATE_IMPOSSIBLE",
            section: Section::Consent,
            at: "consent/3/5",
            says: &["the date of contact, 1 December 2026, is in the future"],
            fix: |c| c.places[0].residents[0].consent.contact_date = d(2026, 11, 17),
        },
        Row {
            name: "curfew starts before the conviction",
            base: lives_alone,
            change: |c| c.schedule.start = d(2026, 11, 1),
            code: "SCHEDULE_START_BEFORE_CONVICTION",
            section: Section::Schedule,
            at: "schedule",
            says: &["before the date of conviction, 2 November 2026"],
            fix: |c| c.schedule.start = d(2026, 11, 30),
        },
    ]);
}

#[test]
fn a_conviction_date_typed_in_the_future_does_not_pick_the_limits() {
    // Convicted in 2021, typed as 2032: 18 hours a day would pass under the 20-hour limits.
    let mut case = lives_alone();
    case.offences[0].offence_date = d(2021, 3, 1);
    case.offences[0].conviction_date = d(2032, 5, 10);
    case.schedule.windows[0].from = "13:00".into();
    case.schedule.windows[0].days = vec![Day::Mon, Day::Wed, Day::Fri];
    let a = assess(&case, today());
    assert_eq!(a.schedule.as_ref().unwrap().limits, None);
    assert!(a.has("CONVICTION_DATE_IMPOSSIBLE"));
    assert!(!a.has("SCHEDULE_OVER_DAILY_LIMIT"));
    assert!(!a.can_record_suitable());
    // Corrected: the 16-hour limits apply, and 18 hours is over them.
    case.offences[0].conviction_date = d(2021, 5, 10);
    let a = assess(&case, today());
    assert_eq!(
        a.schedule.as_ref().unwrap().limits.map(|l| l.regime),
        Some(Regime::Before2022)
    );
    assert!(!a.has("CONVICTION_DATE_IMPOSSIBLE"));
    assert!(a.has("SCHEDULE_OVER_DAILY_LIMIT"), "{:#?}", a.blockers);
}

type Dates = fn(&mut Case) -> (&mut DateParts, &mut DateParts);
type DateChange = (
    &'static str,
    fn(&mut DateParts, &mut DateParts),
    &'static [&'static str],
);

/// Every enquiry of a fully checked case whose dates a test changes: what it is, its section,
/// how its blocker's path ends, and its two dates (requested, received).
const ENQUIRIES: [(&str, Section, &str, Dates); 4] = [
    ("police enquiry", Section::Police, "police", |c| {
        (&mut c.police.requested, &mut c.police.received)
    }),
    (
        "children's services enquiry",
        Section::ChildrensServices,
        "childrens-services",
        |c| {
            let e = &mut c.childrens_services[0].enquiry;
            (&mut e.requested, &mut e.received)
        },
    ),
    (
        "address police check",
        Section::Places,
        "#police-callout",
        |c| {
            let e = &mut c.places[0].police_callout;
            (&mut e.requested, &mut e.received)
        },
    ),
    (
        "address children's services check",
        Section::Places,
        "#cs-check",
        |c| {
            let e = &mut c.places[0].cs_check;
            (&mut e.requested, &mut e.received)
        },
    ),
];

/// Each change of `changes`, made to each enquiry's dates in turn, blocks with `code` and says
/// what the change says it should; putting the dates back clears it.
fn each_date_change_blocks_every_enquiry(changes: &[DateChange], code: &str) {
    for (what, section, at, dates) in ENQUIRIES {
        let base = lives_alone();
        let (asked, got) = {
            let mut b = base.clone();
            let (a, g) = dates(&mut b);
            (a.clone(), g.clone())
        };
        for (how, change, says) in changes {
            appears_and_clears(
                &format!("{what}: {how}"),
                &base,
                |c| {
                    let (a, g) = dates(c);
                    change(a, g);
                },
                code,
                section,
                at,
                says,
                |c| {
                    let (a, g) = dates(c);
                    *a = asked.clone();
                    *g = got.clone();
                },
            );
        }
    }
}

#[test]
fn impossible_reply_dates_block_for_every_enquiry() {
    let changes: [DateChange; 3] = [
        (
            "received in the future",
            |_, got| *got = d(2026, 12, 1),
            &["the reply is dated 1 December 2026, which is in the future"],
        ),
        (
            "received before it was requested",
            |_, got| *got = d(2026, 11, 15),
            &[
                "the reply is dated 15 November 2026, before the enquiry was requested on 16 November 2026",
            ],
        ),
        (
            "requested in the future",
            |asked, _| *asked = d(2026, 12, 1),
            &["the date requested, 1 December 2026, is in the future"],
        ),
    ];
    each_date_change_blocks_every_enquiry(&changes, "REPLY_DATE_IMPOSSIBLE");
}

/// Issue 20: a reply or a consent from before this case's offence (or, for a consent, before
/// any conviction) is not a check for this report, however possible its dates are.
#[test]
fn replies_from_before_the_offence_block_for_every_enquiry() {
    // The offence (theft from a shop) was on 1 September 2026.
    let changes: [DateChange; 3] = [
        (
            "requested and received years before the offence",
            |asked, got| {
                *asked = d(2019, 3, 4);
                *got = d(2019, 3, 8);
            },
            &[
                "it was requested on 4 March 2019, before the offence of theft from a shop on 1 September 2026",
                "not a check for this report",
            ],
        ),
        (
            "requested the day before the offence, received after it",
            |asked, got| {
                *asked = d(2026, 8, 31);
                *got = d(2026, 9, 3);
            },
            &["it was requested on 31 August 2026, before the offence"],
        ),
        (
            "no request date, received before the offence",
            |asked, got| {
                *asked = DateParts::default();
                *got = d(2025, 1, 6);
            },
            &["it was received on 6 January 2025, before the offence"],
        ),
    ];
    each_date_change_blocks_every_enquiry(&changes, "REPLY_BEFORE_OFFENCE");
    // With two offences, a reply between them misses the later one.
    let mut case = lives_alone();
    let id = case.add_offence();
    let o = case.offences.iter_mut().find(|o| o.id == id).unwrap();
    o.description = "Criminal damage".into();
    o.offence_date = d(2026, 10, 20);
    o.conviction_date = d(2026, 11, 2);
    o.da_related = Some(false);
    case.police.requested = d(2026, 10, 1);
    case.police.received = d(2026, 10, 5);
    let a = assess(&case, today());
    let b = a
        .blockers
        .iter()
        .find(|b| b.code == "REPLY_BEFORE_OFFENCE")
        .expect("blocked");
    assert!(
        b.message
            .contains("before the offence of criminal damage on 20 October 2026"),
        "{}",
        b.message
    );
}

#[test]
fn consents_from_before_the_offence_or_the_conviction_block() {
    check(&[
        Row {
            name: "consent given years before the offence",
            base: partners_home_checked,
            change: |c| {
                let consent = &mut c.places[0].residents[0].consent;
                consent.contact_date = d(2020, 5, 1);
                consent.decision_date = d(2020, 5, 1);
            },
            code: "CONSENT_BEFORE_CASE",
            section: Section::Consent,
            at: "consent/3/5",
            says: &[
                "Sam Sample",
                "they were contacted on 1 May 2020, before the offence of theft from a shop on 1 September 2026",
                "tell them about this offending",
            ],
            fix: |c| {
                let consent = &mut c.places[0].residents[0].consent;
                consent.contact_date = d(2026, 11, 17);
                consent.decision_date = d(2026, 11, 17);
            },
        },
        Row {
            name: "consent given after the offence but before the conviction",
            base: partners_home_checked,
            change: |c| {
                let consent = &mut c.places[0].residents[0].consent;
                consent.contact_date = d(2026, 10, 12);
                consent.decision_date = d(2026, 10, 12);
            },
            code: "CONSENT_BEFORE_CASE",
            section: Section::Consent,
            at: "consent/3/5",
            says: &[
                "they were contacted on 12 October 2026, before the conviction on 2 November 2026, when no court could yet be considering a curfew",
            ],
            fix: |c| {
                let consent = &mut c.places[0].residents[0].consent;
                consent.contact_date = d(2026, 11, 2);
                consent.decision_date = d(2026, 11, 2);
            },
        },
        Row {
            name: "no date of contact, decision before the offence",
            base: partners_home_checked,
            change: |c| {
                let consent = &mut c.places[0].residents[0].consent;
                consent.contact_date = DateParts::default();
                consent.decision_date = d(2024, 2, 29);
            },
            code: "CONSENT_BEFORE_CASE",
            section: Section::Consent,
            at: "consent/3/5",
            says: &["their decision is dated 29 February 2024, before the offence"],
            fix: |c| {
                let consent = &mut c.places[0].residents[0].consent;
                consent.contact_date = d(2026, 11, 17);
                consent.decision_date = d(2026, 11, 17);
            },
        },
    ]);
}

#[test]
fn replies_and_consents_old_by_the_hearing_are_advised_never_blocked() {
    // The hearing is on 30 November 2026; today is 23 November.
    let mut case = partners_home_checked();
    case.police.requested = d(2026, 9, 14);
    case.police.received = d(2026, 9, 18);
    case.childrens_services[0].enquiry.requested = d(2026, 10, 26);
    case.childrens_services[0].enquiry.received = d(2026, 11, 2);
    let a = assess(&case, today());
    assert!(a.can_record_suitable(), "{:#?}", a.blockers);
    let old: Vec<&str> = a
        .advice
        .iter()
        .filter(|x| x.code == "OLD_INFORMATION")
        .map(|x| x.message.as_str())
        .collect();
    assert_eq!(
        old,
        vec![
            "The police domestic abuse reply is dated 18 September 2026, 73 days before the hearing. Things may have changed since: ask the police whether they hold anything new before the court relies on it."
        ],
        "28 days before the hearing is not old; 73 is"
    );
    // A consent 29 days before the hearing is advised too, on its own page.
    let mut case = partners_home_checked();
    let consent = &mut case.places[0].residents[0].consent;
    consent.contact_date = d(2026, 11, 1);
    consent.decision_date = d(2026, 11, 1);
    case.offences[0].conviction_date = d(2026, 10, 30);
    let a = assess(&case, today());
    assert!(a.can_record_suitable(), "{:#?}", a.blockers);
    let advice = a
        .advice
        .iter()
        .find(|x| x.code == "OLD_INFORMATION")
        .expect("advised");
    assert!(
        advice.message.starts_with("The consent of Sam Sample at "),
        "{}",
        advice.message
    );
    assert!(advice.path.starts_with("consent/"), "{}", advice.path);
}

// ---- 3. Every returned enquiry must be considered -------------------------------------------

#[test]
fn every_returned_enquiry_must_be_considered() {
    const SAYS: &[&str] = &["confirm the reply has been considered in the proposal"];
    check(&[
        Row {
            name: "police reply not considered",
            base: lives_alone,
            change: |c| c.police.considered = false,
            code: "POLICE_NOT_CONSIDERED",
            section: Section::Police,
            at: "police",
            says: &[
                "The police domestic abuse enquiry: confirm the reply has been considered in the proposal",
            ],
            fix: |c| c.police.considered = true,
        },
        Row {
            name: "children's services reply not considered",
            base: lives_alone,
            change: |c| c.childrens_services[0].enquiry.considered = false,
            code: "CS_NOT_CONSIDERED",
            section: Section::ChildrensServices,
            at: "childrens-services",
            says: SAYS,
            fix: |c| c.childrens_services[0].enquiry.considered = true,
        },
        Row {
            name: "the address's police call-out check not considered",
            base: lives_alone,
            change: |c| c.places[0].police_callout.considered = false,
            code: "PLACE_CHECK_NOT_CONSIDERED",
            section: Section::Places,
            at: "places/3#police-callout",
            says: &[
                "Flat 2, 10 Sample Street, NT1 2AB: the police call-out check: confirm the reply has been considered in the proposal",
            ],
            fix: |c| c.places[0].police_callout.considered = true,
        },
        Row {
            name: "the address's children's services check not considered",
            base: partners_home_checked,
            change: |c| c.places[0].cs_check.considered = false,
            code: "PLACE_CHECK_NOT_CONSIDERED",
            section: Section::Places,
            at: "places/3#cs-check",
            says: &[
                "the children's services check",
                "confirm the reply has been considered in the proposal",
            ],
            fix: |c| c.places[0].cs_check.considered = true,
        },
    ]);
}

// ---- 4. Answers that contradict each other -----------------------------------------------------

#[test]
fn answers_that_contradict_each_other_block() {
    check(&[
        Row {
            name: "a child lives there, but 'lives with a child' is no",
            base: lives_alone,
            change: |c| {
                add_resident(c, "Robin Example", "12", "Nephew");
            },
            code: "CHILD_CONTACT_CONTRADICTED",
            section: Section::ChildContact,
            at: "child-contact#lives-with",
            says: &[
                "Flat 2, 10 Sample Street, NT1 2AB lists Robin Example, aged 12, as living there",
                "but the answer to whether Alex Example lives with a child is no",
            ],
            fix: |c| {
                c.child_contact.lives_with = answered(true, &[Source::Resident, Source::Police])
            },
        },
        Row {
            name: "a 17-year-old lives there, but 'lives with a child' is no",
            base: lives_alone,
            change: |c| {
                add_resident(c, "Robin Example", "17", "Nephew");
            },
            code: "CHILD_CONTACT_CONTRADICTED",
            section: Section::ChildContact,
            at: "child-contact#lives-with",
            says: &["Robin Example, aged 17,", "lives with a child is no"],
            // Correcting the address page instead: the nephew does not live there.
            fix: |c| c.places[0].residents.clear(),
        },
        Row {
            name: "a child visits, but 'has access to a child' is no",
            base: lives_alone,
            change: |c| add_visitor(c, "Rowan Visitor", "8", "Niece"),
            code: "CHILD_CONTACT_CONTRADICTED",
            section: Section::ChildContact,
            at: "child-contact#has-access",
            says: &[
                "lists Rowan Visitor as visiting",
                "the answer to whether Alex Example has access to a child is no",
            ],
            fix: |c| {
                c.child_contact.has_access = answered(true, &[Source::Resident, Source::Police])
            },
        },
        Row {
            name: "'any orders?' switched to no with an order still recorded",
            base: lives_alone,
            change: |c| {
                add_order(c, Some(OrderKind::Restraining), "Jamie Other", Some(false));
                c.orders_recorded = Some(false);
            },
            code: "ORDERS_CONTRADICTED",
            section: Section::Hearing,
            at: "hearing#orders",
            says: &["is answered no, but 1 order is still recorded (restraining order)"],
            fix: |c| c.orders.clear(),
        },
        Row {
            name: "'any orders?' no with a half-typed order",
            base: lives_alone,
            change: |c| {
                add_order(c, None, "Jamie Other", None);
                c.orders_recorded = Some(false);
            },
            code: "ORDERS_CONTRADICTED",
            section: Section::Hearing,
            at: "hearing#orders",
            says: &["1 order is still recorded (an order)"],
            fix: |c| c.orders.clear(),
        },
    ]);
}

#[test]
fn an_order_protecting_someone_at_the_address_blocks_whatever_the_orders_answer() {
    type Setup = (&'static str, fn(&mut Case));
    let orders: [Setup; 3] = [
        ("the officer says they live there", |c| {
            add_order(
                c,
                Some(OrderKind::NonMolestation),
                "Jamie Other",
                Some(true),
            )
        }),
        ("named as a resident", |c| {
            add_order(c, Some(OrderKind::Restraining), "  sam   SAMPLE ", None)
        }),
        ("named as a visiting child", |c| {
            add_visitor(c, "Rowan Visitor", "8", "Niece");
            add_order(
                c,
                Some(OrderKind::ChildArrangements),
                "Rowan Visitor",
                Some(false),
            )
        }),
    ];
    for (how, setup) in orders {
        for answer in [Some(true), Some(false), None] {
            let name = format!("{how}, orders answered {answer:?}");
            let mut case = partners_home_checked();
            setup(&mut case);
            case.orders_recorded = answer;
            let a = assess(&case, today());
            let b = a
                .blockers
                .iter()
                .find(|b| b.code == "ORDER_PROTECTS_PERSON_AT_PLACE")
                .unwrap_or_else(|| panic!("{name}: {:#?}", a.blockers));
            assert_eq!(b.kind, BlockerKind::Finding, "{name}");
            assert_eq!(b.section, Section::Hearing, "{name}");
            assert!(b.path.starts_with("hearing"), "{name}");
            assert!(!b.source.is_empty(), "{name}");
            assert!(
                b.message
                    .contains("who lives at or visits a proposed curfew address"),
                "{name}: {}",
                b.message
            );
            assert_plain(&name, b.code, &b.message);
            assert!(!a.can_record_suitable(), "{name}");
            refuses_suitable(&name, &case);
            // Removing the order (and answering no) clears it.
            case.orders.clear();
            case.orders_recorded = Some(false);
            let a = assess(&case, today());
            assert!(a.can_record_suitable(), "{name}: {:#?}", a.blockers);
        }
    }
}

// ---- 5. The main occupier is a real, consenting adult ------------------------------------------

#[test]
fn the_main_occupier_is_a_named_consenting_adult() {
    check(&[
        Row {
            name: "resident chosen as main occupier has no name",
            base: partners_home_checked,
            change: |c| c.places[0].residents[0].name.clear(),
            code: "NO_MAIN_OCCUPIER",
            section: Section::Places,
            at: "places/3#occupier",
            says: &["Flat 2, 10 Sample Street, NT1 2AB: the main occupier has not been identified"],
            fix: |c| c.places[0].residents[0].name = "Sam Sample".into(),
        },
        Row {
            name: "resident chosen as main occupier has only spaces for a name",
            base: partners_home_checked,
            change: |c| c.places[0].residents[0].name = "   ".into(),
            code: "NO_MAIN_OCCUPIER",
            section: Section::Places,
            at: "places/3#occupier",
            says: &["the main occupier has not been identified"],
            fix: |c| c.places[0].residents[0].name = "Sam Sample".into(),
        },
        Row {
            name: "main occupier aged 16",
            base: partners_home_checked,
            change: |c| c.places[0].residents[0].age = "16".into(),
            code: "MAIN_OCCUPIER_NOT_ADULT",
            section: Section::Places,
            at: "places/3#occupier",
            says: &[
                "the main occupier, Sam Sample, is 16",
                "must be an adult (18 or over)",
            ],
            fix: |c| c.places[0].residents[0].age = "34".into(),
        },
        Row {
            name: "hostel with the person as main occupier",
            base: lives_alone,
            change: |c| c.places[0].tenure = Some(Tenure::Hostel),
            code: "MAIN_OCCUPIER_MUST_BE_MANAGER",
            section: Section::Places,
            at: "places/3#occupier",
            says: &[
                "is a hostel or supported housing",
                "the main occupier is its manager",
            ],
            // The manager recorded as main occupier, and their consent taken.
            fix: |c| {
                record_manager(&mut c.places[0]);
                consented_to_these_terms(c);
            },
        },
        Row {
            name: "approved premises with a resident as main occupier",
            base: partners_home_checked,
            change: |c| c.places[0].tenure = Some(Tenure::ApprovedPremises),
            code: "MAIN_OCCUPIER_MUST_BE_MANAGER",
            section: Section::Places,
            at: "places/3#occupier",
            says: &["is approved premises", "manager"],
            fix: |c| c.places[0].tenure = Some(Tenure::PrivateRented),
        },
        Row {
            name: "hostel manager has not consented",
            base: hostel,
            change: |c| c.places[0].occupier_elsewhere.consent = Consent::default(),
            code: "CONSENT_INCOMPLETE",
            section: Section::Consent,
            at: "consent/3/occupier",
            says: &[
                "Northshire Housing Trust at Flat 2, 10 Sample Street, NT1 2AB",
                "consent not recorded",
            ],
            fix: |c| {
                c.places[0].occupier_elsewhere.consent = full_consent();
                consented_to_these_terms(c);
            },
        },
        Row {
            name: "hostel manager's consent without the hours it was given for",
            base: hostel,
            change: |c| c.places[0].occupier_elsewhere.consent.given_for.clear(),
            code: "CONSENT_FOR_OTHER_TERMS",
            section: Section::Consent,
            at: "consent/3/occupier",
            says: &["the address and hours they agreed to are not recorded"],
            fix: ask_again,
        },
    ]);
}

// ---- 6. Every children's services enquiry counts ---------------------------------------------------

#[test]
fn every_childrens_services_enquiry_counts() {
    check(&[
        Row {
            name: "an entry with only the children it covers",
            base: lives_alone,
            change: |c| {
                let id = c.add_cs_enquiry();
                let cs = c
                    .childrens_services
                    .iter_mut()
                    .find(|x| x.id == id)
                    .unwrap();
                cs.children_covered = "Visiting niece, 8".into();
            },
            code: "CS_ENQUIRY_NOT_RETURNED",
            section: Section::ChildrensServices,
            at: "childrens-services",
            says: &["The children's services enquiry has not been recorded"],
            fix: |c| c.childrens_services.truncate(1),
        },
        Row {
            name: "the only entry holds only the children it covers",
            base: lives_alone,
            change: |c| c.childrens_services[0].enquiry = Enquiry::default(),
            code: "CS_ENQUIRY_NOT_RETURNED",
            section: Section::ChildrensServices,
            at: "childrens-services",
            says: &["The children's services enquiry has not been recorded"],
            fix: |c| c.childrens_services[0].enquiry = returned_cs(CsOutcome::NotKnown),
        },
        Row {
            name: "a returned enquiry without its local authority",
            base: lives_alone,
            change: |c| c.childrens_services[0].enquiry.agency.clear(),
            code: "CS_ENQUIRY_INCOMPLETE",
            section: Section::ChildrensServices,
            at: "childrens-services",
            says: &["record the local authority that replied and the children the reply covers"],
            fix: |c| c.childrens_services[0].enquiry.agency = "Northshire Council".into(),
        },
        Row {
            name: "a returned enquiry without the children it covers",
            base: lives_alone,
            change: |c| c.childrens_services[0].children_covered = " ".into(),
            code: "CS_ENQUIRY_INCOMPLETE",
            section: Section::ChildrensServices,
            at: "childrens-services",
            says: &[
                "The children's services enquiry to Northshire Council: record the local authority",
            ],
            fix: |c| {
                c.childrens_services[0].children_covered =
                    "Any child connected with Alex Example".into()
            },
        },
    ]);
}

// ---- 7. Consent belongs to what the person was told -----------------------------------------------

#[test]
fn consent_given_for_other_hours_or_another_address_is_asked_again() {
    type Change = (&'static str, fn(&mut Case));
    let changes: [Change; 9] = [
        ("starts an hour later", |c| {
            c.schedule.windows[0].from = "20:00".into()
        }),
        ("ends an hour earlier", |c| {
            c.schedule.windows[0].to = "06:00".into()
        }),
        ("no longer on Sundays", |c| {
            c.schedule.windows[0].days.retain(|d| *d != Day::Sun)
        }),
        ("Saturday afternoons added", |c| {
            add_window(c, "13:00", "17:00", &[Day::Sat])
        }),
        ("a month longer", |c| c.schedule.length = "7".into()),
        ("weeks instead of months", |c| {
            c.schedule.length_unit = Some(LengthUnit::Weeks)
        }),
        ("another flat in the building", |c| {
            c.places[0].address_line_1 = "Flat 3, 10 Sample Street".into()
        }),
        ("another postcode", |c| {
            c.places[0].postcode = "NT1 2AD".into()
        }),
        ("another town", |c| c.places[0].town = "Southtown".into()),
    ];
    for base in [two_adults_consented(), hostel()] {
        let consents = base.places[0].consent_subjects().len();
        for (how, change) in changes {
            let name = format!("{}: {how}", base.id);
            appears_and_clears(
                &name,
                &base,
                change,
                "CONSENT_FOR_OTHER_TERMS",
                Section::Consent,
                "",
                &["agreed to", "but the proposal is now"],
                ask_again,
            );
            // Each consent there is asked again, and each message says what changed.
            let mut case = base.clone();
            change(&mut case);
            let now = consent_terms(&case, &case.places[0]);
            let was = consent_terms(&base, &base.places[0]);
            assert_ne!(now, was, "{name}");
            let a = assess(&case, today());
            let blocked: Vec<_> = a
                .blockers
                .iter()
                .filter(|b| b.code == "CONSENT_FOR_OTHER_TERMS")
                .collect();
            assert_eq!(blocked.len(), consents, "{name}: {blocked:#?}");
            for b in blocked {
                assert!(
                    b.message
                        .contains(&format!("agreed to {was}, but the proposal is now {now}")),
                    "{name}: {}",
                    b.message
                );
            }
        }
    }

    // Consent recorded without the terms it was given for does not count either.
    appears_and_clears(
        "consent without the hours it was given for",
        &partners_home_checked(),
        |c| c.places[0].residents[0].consent.given_for.clear(),
        "CONSENT_FOR_OTHER_TERMS",
        Section::Consent,
        "consent/3/5",
        &[
            "Sam Sample at Flat 2, 10 Sample Street, NT1 2AB: the address and hours they agreed to are not recorded",
            "Ask them again about Flat 2, 10 Sample Street, Northtown, NT1 2AB: 7pm to 7am every day, for 6 months",
        ],
        ask_again,
    );
}

#[test]
fn a_change_at_one_address_asks_again_only_there() {
    // Weekdays at the partner's home; weekends at a house whose owner lives elsewhere.
    let mut case = partners_home_checked();
    let weekend = case.add_place();
    let p = case.place_mut(weekend).unwrap();
    p.address_line_1 = "4 Example Close".into();
    p.town = "Northtown".into();
    p.postcode = "NT4 5CD".into();
    p.tenure = Some(Tenure::Owned);
    p.assessed_by = Some(AssessedBy::Phone);
    p.household_sources = vec![Source::Resident, Source::Police];
    p.occupier = Some(OccupierKind::Elsewhere);
    p.occupier_elsewhere = OccupierElsewhere {
        name: "Jo Owner".into(),
        role: "Owner".into(),
        consent: full_consent(),
    };
    p.victim_lives_there = answered(false, &[Source::Police]);
    p.police_callout = returned_police(PoliceOutcome::NoInformation);
    p.cs_check = returned_cs(CsOutcome::NotKnown);
    p.em_available = Some(true);
    p.electricity_confirmed = Some(true);
    p.equipment_agreed = Some(true);
    case.schedule.windows[0].days = vec![Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];
    add_window(&mut case, "19:00", "07:00", &[Day::Sat, Day::Sun]);
    case.schedule.windows[1].place_id = Some(weekend);
    consented_to_these_terms(&mut case);
    assert!(assess(&case, today()).can_record_suitable());

    let blocked_at = |c: &Case| -> Vec<String> {
        assess(c, today())
            .blockers
            .into_iter()
            .filter(|b| b.code == "CONSENT_FOR_OTHER_TERMS")
            .map(|b| b.path)
            .collect()
    };
    let mut later_weekends = case.clone();
    later_weekends.schedule.windows[1].from = "20:00".into();
    assert_eq!(
        blocked_at(&later_weekends),
        [format!("consent/{weekend}/occupier")]
    );
    let mut fewer_weekdays = case.clone();
    fewer_weekdays.schedule.windows[0]
        .days
        .retain(|d| *d != Day::Fri);
    assert_eq!(blocked_at(&fewer_weekdays), ["consent/3/5"]);
    ask_again(&mut fewer_weekdays);
    assert!(assess(&fewer_weekdays, today()).can_record_suitable());
}

// ---- 8. Gatekeeping is someone else's job ---------------------------------------------------------

#[test]
fn gatekeeping_is_decided_only_by_another_senior_officer() {
    let mut submitted = lives_alone();
    submitted.rosh.children = Some(RoshLevel::High);
    submitted.gatekeeping.draft.note = "Please review.".into();
    submitted
        .submit_for_gatekeeping(OFFICER, "2026-11-21T10:00:00")
        .unwrap();
    submitted.gatekeeping.draft.endorse = Some(true);

    let refused = [
        (
            "Riley Court",
            Role::CourtOfficer,
            "Only a senior probation officer",
        ),
        (
            "Toni Trainer",
            Role::Trainer,
            "Only a senior probation officer",
        ),
        ("Casey Officer", Role::Spo, "You submitted this case"),
        ("casey officer", Role::Spo, "You submitted this case"),
        ("  CASEY   Officer ", Role::Spo, "You submitted this case"),
        ("Casey\tofficer", Role::Spo, "You submitted this case"),
    ];
    for endorse in [Some(true), Some(false)] {
        for (name, role, says) in refused {
            let mut case = submitted.clone();
            case.gatekeeping.draft.endorse = endorse;
            case.gatekeeping.draft.comments = "Looks fine to me.".into();
            let before = case.clone();
            let user = User {
                name: name.into(),
                role,
            };
            let errors = case
                .decide_gatekeeping(&user, "2026-11-21T11:00:00")
                .unwrap_err();
            assert!(errors[0].message.starts_with(says), "{name}: {errors:?}");
            // Nothing changed, except the attempt recorded in the history.
            let mut after = case.clone();
            let event = after.events.pop().unwrap();
            assert_eq!(after, before, "{name}");
            assert_eq!(event.what, WHAT_DECISION_REFUSED, "{name}");
            assert_eq!(event.by, user.describe(), "{name}");
            assert!(
                event.changes.iter().any(|c| c.after == errors[0].message),
                "{name}: {event:?}"
            );
            let a = assess(&case, today());
            assert!(a.gatekeeping.awaiting && !a.gatekeeping.endorsed, "{name}");
            assert!(a.has("GATEKEEPING_NOT_ENDORSED"), "{name}");
        }
    }

    // Another senior probation officer may endorse it.
    let mut case = submitted.clone();
    let spo = User {
        name: "Morgan Senior".into(),
        role: Role::Spo,
    };
    assert_eq!(
        case.decide_gatekeeping(&spo, "2026-11-21T11:00:00"),
        Ok(true)
    );
    assert_eq!(case.events.last().unwrap().what, WHAT_ENDORSED);
    let a = assess(&case, today());
    assert!(a.gatekeeping.endorsed);
    assert!(a.can_record_suitable(), "{:#?}", a.blockers);
}

// ---- 9. Statutory arithmetic --------------------------------------------------------------------

#[test]
fn months_follow_the_corresponding_date_rule() {
    for (start, months, end) in [
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 1, 30), 1, date(2026, 2, 28)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 2, 28), 1, date(2026, 3, 27)),
        (date(2023, 3, 1), 12, date(2024, 2, 29)),
        (date(2026, 11, 30), 6, date(2027, 5, 29)),
    ] {
        assert_eq!(
            last_day(start, months, LengthUnit::Months),
            Some(end),
            "{months} months beginning with {start}"
        );
    }
    assert_eq!(
        last_day(date(2024, 2, 29), 366, LengthUnit::Days),
        Some(date(2025, 2, 28))
    );
}

#[test]
fn a_lawful_year_from_a_leap_day_is_allowed() {
    // Under the old law a curfew must end within 12 months: beginning with 29 February 2024,
    // that is 28 February 2025, whether written as 12 months, 366 days or 52 weeks.
    for (length, unit, last) in [
        ("12", LengthUnit::Months, date(2025, 2, 28)),
        ("366", LengthUnit::Days, date(2025, 2, 28)),
        ("52", LengthUnit::Weeks, date(2025, 2, 26)),
    ] {
        let mut case = old_law_from_leap_day();
        case.schedule.length = length.into();
        case.schedule.length_unit = Some(unit);
        let a = assess(&case, today());
        let report = a.schedule.as_ref().unwrap();
        assert_eq!(report.limits.map(|l| l.regime), Some(Regime::Before2022));
        assert_eq!(report.last_day, Some(last), "{length} {unit:?}");
        assert_eq!(report.latest_last_day, Some(date(2025, 2, 28)));
        assert!(!a.has("SCHEDULE_TOO_LONG"), "{length} {unit:?}");
        assert!(
            a.can_record_suitable(),
            "{length} {unit:?}: {:#?}",
            a.blockers
        );
    }
    check(&[
        Row {
            name: "a day more than 12 months",
            base: old_law_from_leap_day,
            change: |c| {
                c.schedule.length = "367".into();
                c.schedule.length_unit = Some(LengthUnit::Days);
            },
            code: "SCHEDULE_TOO_LONG",
            section: Section::Schedule,
            at: "schedule",
            says: &["run until 1 March 2025", "it must end by 28 February 2025"],
            fix: |c| c.schedule.length = "366".into(),
        },
        Row {
            name: "13 months",
            base: old_law_from_leap_day,
            change: |c| c.schedule.length = "13".into(),
            code: "SCHEDULE_TOO_LONG",
            section: Section::Schedule,
            at: "schedule",
            says: &["run until 28 March 2025", "it must end by 28 February 2025"],
            fix: |c| c.schedule.length = "12".into(),
        },
    ]);
}

#[test]
fn each_calendar_day_is_checked_from_midnight_to_midnight() {
    check(&[Row {
        name: "Sunday 16:00 to 08:00, then Monday 08:00 to midnight",
        base: lives_alone,
        change: |c| {
            let w = &mut c.schedule.windows[0];
            w.from = "16:00".into();
            w.to = "08:00".into();
            w.days = vec![Day::Sun];
            add_window(c, "08:00", "00:00", &[Day::Mon]);
        },
        code: "SCHEDULE_OVER_DAILY_LIMIT",
        section: Section::Schedule,
        at: "schedule",
        says: &[
            "24 hours between midnight and midnight on Mondays",
            "counting the curfew that runs on from the night before",
            "more than the 20 hours allowed in any day",
        ],
        // From midday Monday: 8 hours after midnight and 12 before the next, 20 in all.
        fix: |c| c.schedule.windows[1].from = "12:00".into(),
    }]);
    // Each window on the day it starts is within the limits: only the calendar day is over.
    let mut case = lives_alone();
    let w = &mut case.schedule.windows[0];
    w.from = "16:00".into();
    w.to = "08:00".into();
    w.days = vec![Day::Sun];
    add_window(&mut case, "08:00", "00:00", &[Day::Mon]);
    let a = assess(&case, today());
    let over: Vec<_> = a
        .blockers
        .iter()
        .filter(|b| b.code == "SCHEDULE_OVER_DAILY_LIMIT")
        .collect();
    assert_eq!(over.len(), 1, "{over:#?}");
    assert!(!over[0].message.contains("Sunday"), "{}", over[0].message);
}

fn advice<'a>(
    a: &'a Assessment,
    code: &str,
) -> Option<&'a presentence_checks::domain::rules::Advice> {
    a.advice.iter().find(|x| x.code == code)
}

#[test]
fn the_last_night_running_past_the_end_is_advised() {
    // The longest curfew the law allows (2 years, convicted after 28 June 2022) of 7pm to 7am
    // from 30 November 2026: the last night would end at 7am on the day after it.
    let mut case = lives_alone();
    case.schedule.length = "24".into();
    let a = assess(&case, today());
    let x = advice(&a, "LAST_NIGHT_PAST_END").expect("advice");
    assert_eq!(
        x.message,
        "The last curfew period, from 7pm on 29 November 2028, would run until 7am on 30 November 2028, after the longest curfew the law allows has ended. The last lawful time is midnight at the end of 29 November 2028: say in the proposal that the last period ends then."
    );
    assert!(x.path.starts_with("schedule") && !x.source.is_empty());
    // Advice, not a blocker.
    assert!(a.can_record_suitable());

    // 12 months under the old law, from a leap day.
    let a = assess(&old_law_from_leap_day(), today());
    let x = advice(&a, "LAST_NIGHT_PAST_END").expect("advice");
    assert!(
        x.message
            .contains("from 7pm on 28 February 2025, would run until 7am on 1 March 2025")
            && x.message
                .contains("The last lawful time is midnight at the end of 28 February 2025"),
        "{}",
        x.message
    );

    // A shorter curfew's last morning is still within the period the law allows.
    let mut case = lives_alone();
    case.schedule.length = "12".into();
    assert!(advice(&assess(&case, today()), "LAST_NIGHT_PAST_END").is_none());

    // Day-time hours, or hours ending at midnight, stay within the last day.
    for (from, to) in [("09:00", "17:00"), ("18:00", "00:00")] {
        let mut case = lives_alone();
        case.schedule.length = "24".into();
        case.schedule.windows[0].from = from.into();
        case.schedule.windows[0].to = to.into();
        let a = assess(&case, today());
        assert!(advice(&a, "LAST_NIGHT_PAST_END").is_none(), "{from}-{to}");
        assert!(a.can_record_suitable(), "{from}-{to}: {:#?}", a.blockers);
    }
}

// ---- 10. Advice for the review's pattern ---------------------------------------------------------

#[test]
fn children_at_the_address_with_replies_outstanding_call_for_a_standard_delivery_report() {
    type AdviceRow = (&'static str, fn() -> Case, fn(&mut Case), fn(&mut Case));
    let rows: [AdviceRow; 5] = [
        (
            "police reply not back, children live there",
            children_at_home,
            |c| c.police.outcome = Some(PoliceOutcome::Awaiting),
            |c| c.police = returned_police(PoliceOutcome::NoInformation),
        ),
        (
            "children's services reply not back, children live there",
            children_at_home,
            |c| c.childrens_services[0].enquiry.outcome = Some(CsOutcome::Awaiting),
            |c| c.childrens_services[0].enquiry.outcome = Some(CsOutcome::NotKnown),
        ),
        (
            "address police check not back, children live there",
            children_at_home,
            |c| c.places[0].police_callout.outcome = Some(PoliceOutcome::Awaiting),
            |c| c.places[0].police_callout.outcome = Some(PoliceOutcome::NoInformation),
        ),
        (
            "address children's services check not requested, children live there",
            children_at_home,
            |c| c.places[0].cs_check.outcome = Some(CsOutcome::NotRequested),
            |c| c.places[0].cs_check.outcome = Some(CsOutcome::NotKnown),
        ),
        (
            "police reply not back, a child visits",
            child_visits,
            |c| c.police.received = DateParts::default(),
            |c| c.police.received = d(2026, 11, 19),
        ),
    ];
    for (name, base, change, fix) in rows {
        let mut case = base();
        let a = assess(&case, today());
        assert!(a.can_record_suitable(), "{name}: {:#?}", a.blockers);
        assert!(advice(&a, "STANDARD_DELIVERY_REPORT").is_none(), "{name}");
        change(&mut case);
        let a = assess(&case, today());
        let x = advice(&a, "STANDARD_DELIVERY_REPORT")
            .unwrap_or_else(|| panic!("{name}: {:#?}", a.advice));
        assert!(
            x.message.starts_with("Consider a standard delivery report: additional assessment, professional discussion and multiple enquiries are required because")
                && x.message.contains("children live at or visit the proposed address and the police or children's services replies are not back"),
            "{name}: {}",
            x.message
        );
        assert_plain(name, x.code, &x.message);
        assert!(
            x.path.starts_with("hearing") && !x.source.is_empty(),
            "{name}"
        );
        assert!(!a.can_record_suitable(), "{name}");
        fix(&mut case);
        let a = assess(&case, today());
        assert!(advice(&a, "STANDARD_DELIVERY_REPORT").is_none(), "{name}");
        assert!(a.can_record_suitable(), "{name}: {:#?}", a.blockers);
    }

    // Without children there, outstanding replies alone are not this pattern.
    let mut case = lives_alone();
    case.police.outcome = Some(PoliceOutcome::Awaiting);
    assert!(advice(&assess(&case, today()), "STANDARD_DELIVERY_REPORT").is_none());
    // Nor when a standard delivery report is already being written.
    let mut case = children_at_home();
    case.police.outcome = Some(PoliceOutcome::Awaiting);
    case.hearing.report_type = Some(ReportType::StandardDelivery);
    assert!(advice(&assess(&case, today()), "STANDARD_DELIVERY_REPORT").is_none());
}

// ---- 11. What the court reads is right -----------------------------------------------------------

#[test]
fn refusing_suitable_leaves_it_unselected_and_records_the_attempt() {
    let mut case = lives_alone();
    case.offences[0].conviction_date = d(2032, 11, 2);
    case.outcome.selected = Some(Decision::Suitable);
    case.outcome.rationale = "Every check is clear.".into();
    let events = case.events.len();
    let errors = case.record_outcome(today(), AT, OFFICER).unwrap_err();
    let refusal = errors.iter().find(|e| e.field == "decision").unwrap();
    assert_eq!(
        refusal.message,
        "You cannot record a curfew as suitable while 1 check is outstanding. Complete them, or record that a curfew is not suitable"
    );
    assert_eq!(case.outcome.selected, None);
    assert!(case.outcome.recorded.is_none());
    assert_eq!(case.events.len(), events + 1);
    let event = case.events.last().unwrap();
    assert_eq!(event.what, WHAT_SUITABLE_REFUSED);
    assert_eq!(event.by, OFFICER);
    assert_eq!(event.changes[0].after, refusal.message);
}

#[test]
fn findings_that_rule_a_curfew_out_are_not_called_outstanding() {
    type Finding = (&'static str, fn() -> Case, &'static str);
    let rows: [Finding; 4] = [
        (
            "consent refused",
            || {
                let mut c = partners_home_checked();
                c.places[0].residents[0].consent.decision = Some(ConsentDecision::Refused);
                c
            },
            "Sam Sample refused consent to the curfew at Flat 2, 10 Sample Street, Northtown, NT1 2AB.",
        ),
        (
            "consent withdrawn",
            || {
                let mut c = partners_home_checked();
                c.places[0].residents[0].consent.decision = Some(ConsentDecision::Withdrawn);
                c
            },
            "Sam Sample gave consent to the curfew at Flat 2, 10 Sample Street, Northtown, NT1 2AB, then withdrew it.",
        ),
        (
            "a victim lives there",
            || {
                let mut c = lives_alone();
                c.places[0].victim_lives_there.answer = Some(true);
                c
            },
            "A victim or potential victim of Alex Example lives at Flat 2, 10 Sample Street, Northtown, NT1 2AB.",
        ),
        (
            "an order protects someone who lives there",
            || {
                let mut c = lives_alone();
                c.orders_recorded = Some(true);
                add_order(
                    &mut c,
                    Some(OrderKind::NonMolestation),
                    "Jamie Other",
                    Some(true),
                );
                endorse(&mut c);
                c
            },
            "Non-molestation order protects Jamie Other, who lives at or visits the proposed address.",
        ),
    ];
    for (name, build, found) in rows {
        let mut case = build();
        let a = assess(&case, today());
        assert!(!a.blockers.is_empty(), "{name}");
        assert!(
            a.blockers.iter().all(|b| b.kind == BlockerKind::Finding),
            "{name}: {:#?}",
            a.blockers
        );
        let text = court_paragraph(&case, &a);
        assert!(text.contains(found), "{name}: {text}");
        assert!(
            text.contains("In my assessment a curfew at Flat 2, 10 Sample Street, Northtown, NT1 2AB is not suitable."),
            "{name}: {text}"
        );
        assert!(!text.contains("outstanding"), "{name}: {text}");
        assert!(!text.contains("adjourn"), "{name}: {text}");

        case.outcome.selected = Some(Decision::Suitable);
        case.outcome.rationale = "Trying anyway.".into();
        let errors = case.record_outcome(today(), AT, OFFICER).unwrap_err();
        let refusal = &errors
            .iter()
            .find(|e| e.field == "decision")
            .unwrap()
            .message;
        assert!(!refusal.contains("outstanding"), "{name}: {refusal}");
        assert!(
            refusal.contains("more time will not change that"),
            "{name}: {refusal}"
        );
        assert_eq!(case.outcome.selected, None, "{name}");
        assert_eq!(case.events.last().unwrap().what, WHAT_SUITABLE_REFUSED);
        // "Not suitable" can be recorded.
        case.outcome.selected = Some(Decision::NotSuitable);
        case.outcome.rationale = "Ruled out by what was found.".into();
        assert_eq!(
            case.record_outcome(today(), AT, OFFICER),
            Ok(Decision::NotSuitable)
        );
    }
}

#[test]
fn a_suitable_that_stops_standing_lapses_in_the_stored_case() {
    let mut case = lives_alone();
    case.outcome.selected = Some(Decision::Suitable);
    case.outcome.rationale = "Every check is clear.".into();
    assert_eq!(
        case.record_outcome(today(), AT, OFFICER),
        Ok(Decision::Suitable)
    );
    // Nothing has changed: it stands.
    let events = case.events.len();
    assert!(!case.lapse_stale_suitable(today(), AT, OFFICER));
    assert_eq!(
        case.outcome.recorded.as_ref().map(|r| r.decision),
        Some(Decision::Suitable)
    );
    assert_eq!(case.events.len(), events);

    // A conviction date retyped as 2032 blocks it: it moves out of `recorded`, with an event.
    let before = case.clone();
    case.offences[0].conviction_date = d(2032, 11, 2);
    case.after_change(&before, today(), "2026-11-23T11:00:00", OFFICER);
    assert!(case.outcome.recorded.is_none());
    let lapsed = case.outcome.lapsed.as_ref().expect("lapsed");
    assert_eq!(lapsed.decision, Decision::Suitable);
    assert_eq!(lapsed.rationale, "Every check is clear.");
    let event = case.events.last().unwrap();
    assert_eq!(event.what, WHAT_SUITABLE_LAPSED);
    assert!(
        event.changes[0]
            .after
            .contains("2 November 2032, is in the future"),
        "{event:?}"
    );
    // Once lapsed, nothing more happens.
    assert!(!case.lapse_stale_suitable(today(), AT, OFFICER));

    // The same through `lapse_stale_suitable` directly, for an answer a form rejects.
    let mut case = lives_alone();
    case.outcome.selected = Some(Decision::Suitable);
    case.outcome.rationale = "Every check is clear.".into();
    case.record_outcome(today(), AT, OFFICER).unwrap();
    case.places[0].town.clear();
    assert!(case.lapse_stale_suitable(today(), AT, OFFICER));
    assert!(case.outcome.recorded.is_none() && case.outcome.lapsed.is_some());
    assert_eq!(case.events.last().unwrap().what, WHAT_SUITABLE_LAPSED);
}

#[test]
fn bidirectional_controls_never_reach_the_court_paragraph() {
    let mut case = partners_home_checked();
    case.person.name = "Dan \u{202E}elpmaS".into();
    case.places[0].residents[1].name = "Kit \u{2066}Sample".into();
    case.places[0].address_line_2 = "\u{202B}Upper floor".into();
    case.police.summary = "No call-outs \u{200F}recorded.".into();
    case.places[0].residents[0].consent.attitude = "Fine \u{202D}with it.".into();
    consented_to_these_terms(&mut case);
    let a = assess(&case, today());
    let text = court_paragraph(&case, &a);
    assert!(!text.contains('\u{202E}'), "{text:?}");
    assert!(text.contains("Dan elpmaS"), "{text}");
    let copied = for_clipboard(&text);
    assert!(!copied.chars().any(is_bidi_control), "{copied:?}");
    assert!(
        copied.contains("Kit Sample (Partner's child, 9)"),
        "{copied}"
    );

    // Right-to-left letters are isolated on screen; the copied text carries no control at all.
    let mut case = lives_alone();
    case.person.name = "Dana \u{05D3}\u{05D5}\u{05D2}\u{05DE}\u{05D4}".into();
    let text = court_paragraph(&case, &assess(&case, today()));
    assert!(!text.contains('\u{202E}'));
    let copied = for_clipboard(&text);
    assert!(!copied.chars().any(is_bidi_control), "{copied:?}");
    assert!(copied.contains("Dana \u{05D3}\u{05D5}\u{05D2}\u{05DE}\u{05D4}"));
}

/// Four bytes, cut in the middle of a character by reading them as "HHMM".
fn splits_a_character(text: &str) -> bool {
    let t = text.trim().replace('.', ":");
    !t.contains(':') && t.len() == 4 && !t.is_char_boundary(2)
}

/// Found while writing these tests: a four-byte time was read by slicing its bytes, and a
/// character cut in two made `assess` panic.
#[test]
fn a_time_typed_with_other_characters_is_refused_not_a_crash() {
    for typed in ["\u{1F556}", "1\u{e9}1"] {
        assert!(splits_a_character(typed));
        let mut case = lives_alone();
        case.schedule.windows[0].from = typed.into();
        let a = assess(&case, today());
        assert!(
            a.blockers
                .iter()
                .any(|b| b.code == "SCHEDULE_MISSING" && b.message.contains("unreadable")),
            "{typed}: {:#?}",
            a.blockers
        );
        assert!(!a.can_record_suitable());

        let mut case = partners_home_checked();
        case.places[0].residents[0].consent.decision_time = typed.into();
        let a = assess(&case, today());
        assert!(
            a.blockers
                .iter()
                .any(|b| b.code == "ANSWERS_NEED_CORRECTING"
                    && b.message.contains("Enter the time in the 24-hour clock")),
            "{typed}: {:#?}",
            a.blockers
        );
    }
}

// ---- Property: whatever a page rejects blocks "suitable" -------------------------------------

/// Every page's validation, called as each page calls it (not through `every_page`).
fn page_errors(case: &Case) -> Vec<(String, FieldError)> {
    let t = today();
    let mut pages: Vec<(String, Vec<FieldError>)> = vec![
        ("hearing".into(), validate::hearing(case, t, true)),
        ("child-contact".into(), validate::child_contact(case)),
        ("police".into(), validate::police(case, t)),
        (
            "childrens-services".into(),
            validate::childrens_services(case, t),
        ),
        ("schedule".into(), validate::schedule(case, t)),
    ];
    for p in &case.places {
        pages.push((format!("places/{}", p.id), validate::place(case, p, t)));
        let terms = consent_terms(case, p);
        for who in p.consent_subjects() {
            let consent = p.consent(who).unwrap();
            pages.push((
                format!("consent/{}/{}", p.id, who.slug()),
                validate::consent(consent, &terms, t),
            ));
        }
    }
    pages
        .into_iter()
        .flat_map(|(page, errors)| errors.into_iter().map(move |e| (page.clone(), e)))
        .collect()
}

const TARGETS: usize = 64;

/// One field-level change, as typing into a box or choosing an option would make it.
fn corrupt(case: &mut Case, target: usize, text: &str, flag: Option<bool>) {
    let t = text.to_string();
    let yes = flag == Some(true);
    let place = &mut case.places[0];
    // The consent of the first person at the first address whose consent is needed (or the
    // main occupier's record, which counts once the occupier lives elsewhere).
    let who = place
        .consent_subjects()
        .first()
        .copied()
        .unwrap_or(ConsentSubject::OccupierElsewhere);
    match target % TARGETS {
        0 => case.person.name = t,
        1 => case.person.date_of_birth.day = t,
        2 => case.person.date_of_birth.year = t,
        3 => case.hearing.court = t,
        4 => case.hearing.date.month = t,
        5 => {
            case.hearing.report_type = flag.map(|f| {
                if f {
                    ReportType::Oral
                } else {
                    ReportType::StandardDelivery
                }
            })
        }
        6 => case.offences[0].description = t,
        7 => case.offences[0].offence_date.year = t,
        8 => case.offences[0].offence_date.month = t,
        9 => case.offences[0].conviction_date.day = t,
        10 => case.offences[0].conviction_date.year = t,
        11 => case.offences[0].da_related = flag,
        12 => case.orders_recorded = flag,
        13 => add_order(case, flag.map(|_| OrderKind::Restraining), text, flag),
        14 => case.child_contact.lives_with.answer = flag,
        15 => case.child_contact.has_access.answer = flag,
        16 => case.rosh.public = flag.map(|f| if f { RoshLevel::Medium } else { RoshLevel::Low }),
        17 => case.police.agency = t,
        18 => case.police.requested.day = t,
        19 => case.police.due.month = t,
        20 => case.police.received.year = t,
        21 => case.police.summary = t,
        22 => case.police.considered = yes,
        23 => {
            case.police.outcome = flag.map(|f| {
                if f {
                    PoliceOutcome::InformationNotDa
                } else {
                    PoliceOutcome::NoInformation
                }
            })
        }
        24 => case.childrens_services[0].children_covered = t,
        25 => case.childrens_services[0].enquiry.agency = t,
        26 => case.childrens_services[0].enquiry.received.day = t,
        27 => case.childrens_services[0].enquiry.considered = yes,
        28 => case.childrens_services[0].enquiry.summary = t,
        29 => place.address_line_1 = t,
        30 => place.town = t,
        31 => place.postcode = t,
        32 => place.tenure = flag.map(|f| if f { Tenure::Hostel } else { Tenure::Owned }),
        33 => {
            place.assessed_by = flag.map(|f| {
                if f {
                    AssessedBy::Phone
                } else {
                    AssessedBy::Video
                }
            })
        }
        34 => {
            place.occupier = flag.map(|f| {
                if f {
                    OccupierKind::Resident
                } else {
                    OccupierKind::Elsewhere
                }
            })
        }
        35 => {
            add_resident(case, "Pat Lodger", text, "Lodger");
        }
        36 => add_visitor(case, "Rowan Visitor", text, "Niece"),
        37 => {
            if let Some(r) = place.residents.first_mut() {
                r.name = t;
            }
        }
        38 => {
            if let Some(r) = place.residents.last_mut() {
                r.age = t;
            }
        }
        39 => {
            if let Some(r) = place.residents.first_mut() {
                r.relationship = t;
            }
        }
        40 => place.occupier_elsewhere.name = t,
        41 => place.occupier_elsewhere.role = t,
        42 => place.police_callout.agency = t,
        43 => place.police_callout.received.day = t,
        44 => place.cs_check.requested.year = t,
        45 => place.cs_check.considered = yes,
        46 => place.victim_lives_there.answer = flag,
        47 => place.em_available = flag,
        48..=56 => {
            let c = place.consent_mut(who).unwrap();
            match target % TARGETS {
                48 => c.decision_time = t,
                49 => c.decision_date.day = t,
                50 => c.contact_date.year = t,
                51 => c.attitude = t,
                52 => {
                    c.method = flag.map(|f| {
                        if f {
                            ContactMethod::InPerson
                        } else {
                            ContactMethod::Video
                        }
                    })
                }
                53 => c.fear_or_pressure = flag,
                54 => c.fear_details = t,
                55 => {
                    c.decision = flag.map(|f| {
                        if f {
                            ConsentDecision::Given
                        } else {
                            ConsentDecision::Refused
                        }
                    })
                }
                _ => c.given_for = t,
            }
        }
        57 => case.schedule.start.day = t,
        58 => case.schedule.length = t,
        59 => {
            case.schedule.length_unit = flag.map(|f| {
                if f {
                    LengthUnit::Days
                } else {
                    LengthUnit::Weeks
                }
            })
        }
        60 => case.schedule.order_months = t,
        61 => case.schedule.windows[0].from = t,
        62 => case.schedule.windows[0].to = t,
        _ => case.hearing.curfew_considered = flag,
    }
}

/// What gets typed: blanks, numbers, times, postcodes, anything at all, and far too much.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("   ".to_string()),
        "[0-9]{1,4}",
        "[0-9]{1,2}[:.][0-9]{1,2}",
        "[0-9:]{0,5}",
        "[A-Z]{1,2}[0-9] ?[0-9][A-Z0-9]{2}",
        ".{0,12}",
        Just("x".repeat(5001)),
    ]
}

fn checked_base(which: usize) -> Case {
    match which % 4 {
        0 => lives_alone(),
        1 => partners_home_checked(),
        2 => hostel(),
        _ => two_adults_consented(),
    }
}

// ---- Property: a consent given for other hours never counts ------------------------------------

/// Curfew hours as a person is told them: periods (start and end in minutes, days as a bit set),
/// the length and its unit, and which address.
#[derive(Clone, Debug, PartialEq)]
struct Hours {
    windows: Vec<(u32, u32, u8)>,
    length: u32,
    unit: usize,
    address: usize,
}

fn hours() -> impl Strategy<Value = Hours> {
    (
        proptest::collection::vec((0u32..96, 1u32..96, 1u8..128), 1..=2),
        1u32..=12,
        0usize..3,
        0usize..3,
    )
        .prop_map(|(windows, length, unit, address)| Hours {
            // Quarter hours; the end differs from the start.
            windows: windows
                .into_iter()
                .map(|(from, gap, days)| (from * 15, ((from + gap) % 96) * 15, days))
                .collect(),
            length,
            unit,
            address,
        })
}

/// A time written one of the ways the form accepts: 19:00, 1900, 7:30, 19.00.
fn written(minutes: u32, style: u8) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match style % 4 {
        0 => format!("{h:02}:{m:02}"),
        1 => format!("{h:02}{m:02}"),
        2 => format!("{h}:{m:02}"),
        _ => format!("{h:02}.{m:02}"),
    }
}

fn set_hours(case: &mut Case, hours: &Hours, style: u8, reverse_days: bool) {
    const ADDRESSES: [&str; 3] = [
        "Flat 2, 10 Sample Street",
        "Flat 3, 10 Sample Street",
        "12 Example Road",
    ];
    case.places[0].address_line_1 = ADDRESSES[hours.address].into();
    case.schedule.windows.clear();
    for (from, to, mask) in &hours.windows {
        let mut days: Vec<Day> = Day::all()
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, d)| *d)
            .collect();
        if reverse_days {
            days.reverse();
        }
        add_window(case, &written(*from, style), &written(*to, style), &days);
    }
    case.schedule.length = hours.length.to_string();
    case.schedule.length_unit =
        Some([LengthUnit::Days, LengthUnit::Weeks, LengthUnit::Months][hours.unit]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Whenever any page's validation rejects an answer while a curfew is considered, "suitable"
    /// is refused, and selecting it is not kept.
    #[test]
    fn whatever_a_page_rejects_blocks_suitable(
        base in 0usize..4,
        corruptions in proptest::collection::vec(
            (0usize..TARGETS, typed(), proptest::option::of(any::<bool>())),
            1..5,
        ),
    ) {
        let mut case = checked_base(base);
        for (target, text, flag) in &corruptions {
            corrupt(&mut case, *target, text, *flag);
        }
        let errors = page_errors(&case);
        let a = assess(&case, today());
        if !case.curfew_considered() {
            prop_assert!(!a.can_record_suitable());
        } else if !errors.is_empty() {
            prop_assert!(
                !a.can_record_suitable(),
                "pages reject {:?} but suitable is allowed",
                errors
            );
            case.outcome.selected = Some(Decision::Suitable);
            case.outcome.rationale = "Trying anyway.".into();
            prop_assert!(case.record_outcome(today(), AT, OFFICER).is_err());
            prop_assert_eq!(case.outcome.selected, None);
            prop_assert!(case.outcome.recorded.is_none());
        }
    }

    /// Consent counts only for the address and hours the person agreed to: any other hours,
    /// length or address asks again; the same ones, however they are typed, do not.
    #[test]
    fn a_consent_given_for_other_hours_never_counts(
        told in hours(),
        other in hours(),
        same in any::<bool>(),
        styles in (0u8..4, 0u8..4),
        reverse_days in any::<bool>(),
        base in 0usize..3,
    ) {
        let mut case = match base {
            0 => partners_home_checked(),
            1 => two_adults_consented(),
            _ => hostel(),
        };
        set_hours(&mut case, &told, styles.0, false);
        consented_to_these_terms(&mut case);
        let now = if same { told.clone() } else { other };
        set_hours(&mut case, &now, styles.1, reverse_days);
        let consents = case.places[0].consent_subjects().len();
        let a = assess(&case, today());
        let asked_again = a
            .blockers
            .iter()
            .filter(|b| b.code == "CONSENT_FOR_OTHER_TERMS")
            .count();
        if now == told {
            prop_assert_eq!(asked_again, 0, "{:#?}", a.blockers);
        } else {
            prop_assert_eq!(asked_again, consents, "told {:?}, now {:?}", told, now);
            prop_assert!(!a.can_record_suitable());
            case.outcome.selected = Some(Decision::Suitable);
            case.outcome.rationale = "Trying anyway.".into();
            prop_assert!(case.record_outcome(today(), AT, OFFICER).is_err());
        }
    }
}
