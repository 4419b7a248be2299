//! Drafted enquiries (issue 22, item 3): what each draft says, to whom, and what marking it as
//! sent records. Every person here is fictional.

mod common;

use common::*;
use presentence_checks::domain::case::*;
use presentence_checks::domain::directory::{Agency, AgencyKind, Directory, SendBy};
use presentence_checks::domain::drafts::{
    Covers, Draft, awaiting_replies, chases, decode_quoted_printable, drafts, eml, unsent,
};
use presentence_checks::domain::inputs::DateParts;

const OFFICER: &str = "Casey Officer";

fn directory() -> Directory {
    Directory {
        agencies: vec![
            Agency {
                name: "Northshire Police".into(),
                kind: Some(AgencyKind::Police),
                send_by: Some(SendBy::SecureEmail),
                address: "da.checks@northshire.police.example".into(),
                reply_days: "10".into(),
            },
            Agency {
                name: "Northshire Council".into(),
                kind: Some(AgencyKind::LocalAuthority),
                send_by: Some(SendBy::Portal),
                address: "Use the MASH portal, team code 4471".into(),
                reply_days: "3".into(),
            },
        ],
    }
}

/// The case as it stands before anything is asked: every enquiry open, agencies named.
fn nothing_asked(mut case: Case) -> Case {
    let police = |agency: &str| Enquiry::<PoliceOutcome> {
        agency: agency.into(),
        ..Default::default()
    };
    let cs = |agency: &str| Enquiry::<CsOutcome> {
        agency: agency.into(),
        ..Default::default()
    };
    case.police = police("Northshire Police");
    for p in &mut case.places {
        p.police_callout = police("Northshire Police");
        p.cs_check = cs("Northshire Council");
    }
    case.childrens_services.clear();
    case
}

/// Identified as fully as the case allows.
fn identified(mut case: Case) -> Case {
    case.person.crn = "x123456".into();
    case.person.pnc_id = "79/163001B".into();
    case.person.other_names = "Alexander Sample\nAl Example".into();
    case.person.address = Address {
        line_1: "Flat 2, 10 Sample Street".into(),
        line_2: String::new(),
        town: "Northtown".into(),
        postcode: "NT1 2AB".into(),
    };
    case.person.previous_addresses = "1 Old Road, Southtown ST2 9ZZ (2023 to 2025)".into();
    case
}

fn all_text(drafts: &[Draft]) -> String {
    drafts
        .iter()
        .map(|d| format!("{}\n{}", d.subject, d.body))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn one_request_to_each_agency_covering_every_open_enquiry() {
    let case = identified(nothing_asked(like_the_review()));
    let list = drafts(&case, &directory(), today(), &[], OFFICER);
    let place = case.places[0].id;
    assert_eq!(
        list.len(),
        2,
        "one to the force, one to the council: {list:#?}"
    );
    let (police, council) = (&list[0], &list[1]);
    assert_eq!(police.kind, AgencyKind::Police);
    assert_eq!(
        police.covers,
        vec![Covers::PoliceHistory, Covers::Callout(place)]
    );
    assert_eq!(
        police.to.as_deref(),
        Some("da.checks@northshire.police.example")
    );
    assert_eq!(
        council.covers,
        vec![Covers::NewChildren, Covers::AddressCheck(place)]
    );
    assert_eq!(
        council.to, None,
        "the council takes enquiries on its portal"
    );
    assert_eq!(
        council.portal.as_deref(),
        Some("Use the MASH portal, team code 4471")
    );
    assert_ne!(police.reference, council.reference);
    // The fast delivery report is due 5 working days after today's hearing, so the replies
    // are needed the working day before: sooner than the force's usual 10 working days.
    assert_eq!(
        police.due,
        Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
    );
    assert!(police.urgent && police.subject.starts_with("Urgent: "));
    assert_eq!(police.sent, None);
}

#[test]
fn a_callout_to_another_force_is_its_own_request() {
    let mut case = nothing_asked(like_the_review());
    case.places[0].police_callout.agency = "  southshire   POLICE ".into();
    case.police.agency = "Northshire Police".into();
    let list = drafts(&case, &directory(), today(), &[], OFFICER);
    let police: Vec<&Draft> = list
        .iter()
        .filter(|d| d.kind == AgencyKind::Police)
        .collect();
    assert_eq!(police.len(), 2);
    assert_eq!(police[0].covers, vec![Covers::PoliceHistory]);
    assert!(
        !police[0].body.contains("4 Example Close"),
        "the address goes only to its own force"
    );
    assert!(
        police[1]
            .body
            .contains("Any police call-outs to 4 Example Close")
    );
    assert_eq!(
        police[1].to, None,
        "not in the directory: no address guessed"
    );
}

/// What must appear in each draft of a case, and what must not.
struct Row {
    case: Case,
    police_must: &'static [&'static str],
    council_must: &'static [&'static str],
}

#[test]
fn every_identifier_child_and_address_appears_and_nothing_from_another_case() {
    let rows = [
        Row {
            case: identified(nothing_asked(lives_alone())),
            police_must: &[
                "Name: Alex Example",
                "Date of birth: 12 April 1990",
                "CRN: X123456",
                "PNC ID: 1979/0163001B",
                "Other names used: Alexander Sample, Al Example",
                "Current address: Flat 2, 10 Sample Street, Northtown, NT1 2AB",
                "- 1 Old Road, Southtown ST2 9ZZ (2023 to 2025)",
                "as a perpetrator and as a victim",
                "Any police call-outs to Flat 2, 10 Sample Street, Northtown, NT1 2AB",
                "Northshire Magistrates' Court on 30 November 2026",
                "fast delivery report",
                "Casey Officer",
            ],
            council_must: &[
                "CRN: X123456",
                "We know of no child Alex Example lives with or has contact with",
                "Whether the household at Flat 2, 10 Sample Street, Northtown, NT1 2AB is known to you",
            ],
        },
        Row {
            case: nothing_asked(like_the_review()),
            police_must: &[
                "Name: Dean Example",
                "Date of birth: 3 February 1996",
                "Lives there: Tess Example (age 35, Partner); Lee Example (age 11, Partner's child); Jo Example (age 13, Partner's child)",
            ],
            council_must: &[
                "- Lee Example (age 11, Partner's child), who lives at 4 Example Close, Northtown, NT4 5CD",
                "- Jo Example (age 13, Partner's child), who lives at 4 Example Close, Northtown, NT4 5CD",
                "Whether Dean Example and each child named above (Lee Example and Jo Example) are known to you",
            ],
        },
        Row {
            case: {
                let mut c = nothing_asked(partners_home_checked());
                c.places[0].residents[1].date_of_birth = d(2017, 5, 1);
                let p = c.places[0].id;
                let v = c.add_visiting_child(p).unwrap();
                let child = c.places[0]
                    .visiting_children
                    .iter_mut()
                    .find(|x| x.id == v)
                    .unwrap();
                child.name = "Ray Other".into();
                child.age = "4".into();
                child.relationship = "His son".into();
                c
            },
            police_must: &["Name: Dan Sample"],
            council_must: &[
                "- Kit Sample (age 9, born 1 May 2017, Partner's child), who lives at",
                "- Ray Other (age 4, His son), who visits Flat 2, 10 Sample Street",
                "(Kit Sample, Lou Sample and Ray Other)",
            ],
        },
    ];
    let names = ["Alex Example", "Dean Example", "Dan Sample"];
    let addresses = ["10 Sample Street", "4 Example Close"];
    for (i, row) in rows.iter().enumerate() {
        let list = drafts(&row.case, &directory(), today(), &[], OFFICER);
        let police = list
            .iter()
            .find(|d| d.kind == AgencyKind::Police)
            .expect("a police draft");
        let council = list
            .iter()
            .find(|d| d.kind == AgencyKind::LocalAuthority)
            .expect("a council draft");
        for must in row.police_must {
            assert!(
                police.body.contains(must),
                "row {i}: police draft lacks {must:?}:\n{}",
                police.body
            );
        }
        for must in row.council_must {
            assert!(
                council.body.contains(must),
                "row {i}: council draft lacks {must:?}:\n{}",
                council.body
            );
        }
        // Nothing of another case's person or address.
        let text = all_text(&list);
        for (j, other) in names.iter().enumerate().filter(|(j, _)| *j != i) {
            assert!(
                !text.contains(other),
                "row {i} names case {j}'s person {other}"
            );
        }
        let own = row.case.places[0].address_line_1.clone();
        for other in addresses.iter().filter(|a| !own.contains(*a)) {
            assert!(
                !text.contains(other),
                "row {i} names another case's address {other}"
            );
        }
    }
}

#[test]
fn answered_and_not_requested_enquiries_are_not_drafted() {
    // Case (a) has every reply in: nothing to draft.
    assert!(drafts(&lives_alone(), &directory(), today(), &[], OFFICER).is_empty());
    let mut case = nothing_asked(lives_alone());
    case.police.outcome = Some(PoliceOutcome::NotRequested);
    case.places[0].police_callout = returned_police(PoliceOutcome::NoInformation);
    let list = drafts(&case, &directory(), today(), &[], OFFICER);
    assert!(
        list.iter().all(|d| d.kind == AgencyKind::LocalAuthority),
        "{list:#?}"
    );
}

#[test]
fn typed_markup_and_bidi_controls_stay_inert() {
    let mut case = nothing_asked(like_the_review());
    case.person.name = "<b>Dean</b> \u{202E}elpmaxE\r\nBcc: all@example.org".into();
    case.places[0].residents[1].name = "<img src=x onerror=alert(1)>".into();
    let list = drafts(&case, &directory(), today(), &[], OFFICER);
    for d in &list {
        let text = format!("{}{}", d.subject, d.body);
        assert!(
            !text
                .chars()
                .any(presentence_checks::domain::text::is_bidi_control),
            "{text:?}"
        );
        let file = eml(d);
        let (headers, body) = file.split_once("\r\n\r\n").unwrap();
        // Every header line is one the app wrote; the typed line break made none.
        for line in headers.split("\r\n") {
            assert!(
                [
                    "To: ",
                    "Subject: ",
                    " =?UTF-8?Q?",
                    "X-Unsent: ",
                    "MIME-Version: ",
                    "Content-Type: ",
                    "Content-Transfer-Encoding: "
                ]
                .iter()
                .any(|h| line.starts_with(h)),
                "unexpected header line {line:?}"
            );
        }
        // The markup is kept as text, exactly as typed (plain text: nothing renders it).
        assert!(decode_quoted_printable(body).contains("<b>Dean</b>"));
    }
    assert!(list[1].body.contains("<img src=x onerror=alert(1)>"));
}

#[test]
fn the_email_file_reads_back_as_the_draft() {
    let mut case = identified(nothing_asked(like_the_review()));
    case.person.name = "Zoë Ünal-Example".into();
    let list = drafts(&case, &directory(), today(), &[], OFFICER);
    let d = &list[0];
    let file = eml(d);
    let (headers, body) = file.split_once("\r\n\r\n").unwrap();
    assert!(headers.starts_with("To: da.checks@northshire.police.example\r\n"));
    assert!(headers.contains("Content-Type: text/plain; charset=UTF-8"));
    for line in file.split("\r\n") {
        assert!(line.len() <= 78, "line too long for email: {line:?}");
    }
    assert_eq!(decode_quoted_printable(body).trim_end(), d.body);
    // The subject, as encoded words, decodes to the subject.
    let subject: String = headers
        .split("\r\n")
        .skip_while(|l| !l.starts_with("Subject: "))
        .take_while(|l| l.starts_with("Subject: ") || l.starts_with(' '))
        .map(|l| {
            l.trim_start_matches("Subject: ")
                .trim()
                .trim_start_matches("=?UTF-8?Q?")
                .trim_end_matches("?=")
        })
        .collect();
    assert_eq!(
        decode_quoted_printable(&subject.replace('_', " ")),
        d.subject
    );
    // A council without an email address gives a file with no To line.
    assert!(!eml(&list[1]).contains("To: "));
}

#[test]
fn marking_as_sent_stamps_every_enquiry_it_covers_in_one_history_entry() {
    let mut case = nothing_asked(like_the_review());
    case.hearing.date = d(2026, 12, 7);
    case.places[0].cs_check.agency = String::new();
    case.places[0].cs_check.due = d(2026, 12, 1);
    let list = drafts(&case, &Directory::default(), today(), &[], OFFICER);
    let council = list
        .iter()
        .find(|d| d.kind == AgencyKind::LocalAuthority)
        .unwrap();
    assert_eq!(council.agency, "", "no local authority named yet");
    let mut named = council.clone();
    named.agency = "Northshire Council".into();
    let events = case.events.len();
    assert_eq!(unsent(&case, &directory()), 2);
    case.mark_sent(
        &named,
        today(),
        &[],
        "2026-11-23T10:00:00",
        "Casey Officer (court officer)",
    );
    let sent = DateParts::from_date(today());
    let check = &case.places[0].cs_check;
    assert_eq!(
        (check.requested.clone(), check.due.clone()),
        (sent.clone(), d(2026, 12, 1)),
        "a typed due date is kept"
    );
    assert_eq!(check.outcome, Some(CsOutcome::Awaiting));
    assert_eq!(check.agency, "Northshire Council");
    // The children's enquiry is recorded, naming the children, due the working day before the
    // report (fast delivery: 5 working days after 7 December is 14 December).
    let children = &case.childrens_services[0];
    assert_eq!(children.children_covered, "Lee Example, Jo Example");
    assert_eq!(
        (
            children.enquiry.requested.clone(),
            children.enquiry.due.clone()
        ),
        (sent, d(2026, 12, 11))
    );
    // Police enquiries were not in this draft.
    assert_eq!(case.police.requested, DateParts::default());
    assert_eq!(case.events.len(), events + 1, "one entry in the history");
    let entry = case.events.last().unwrap();
    assert!(
        entry
            .what
            .starts_with("Marked an enquiry as sent to Northshire Council"),
        "{}",
        entry.what
    );
    assert!(entry.changes.len() >= 6, "{:#?}", entry.changes);
    // Afterwards the draft shows when it was sent.
    let again = drafts(&case, &directory(), today(), &[], OFFICER);
    let council = again
        .iter()
        .find(|d| d.kind == AgencyKind::LocalAuthority)
        .unwrap();
    assert_eq!(council.sent, Some(today()));
    assert_eq!(council.covers.len(), 2);
    assert_eq!(
        unsent(&case, &directory()),
        1,
        "only the police draft is left to send"
    );
    assert!(!council.covers.contains(&Covers::NewChildren));
}

#[test]
fn an_enquiry_naming_no_agency_goes_to_the_one_the_case_or_the_team_names() {
    let mut case = nothing_asked(like_the_review());
    case.police.agency = String::new();
    // The call-out check names the force: the history goes to it too, in one request.
    let list = drafts(&case, &Directory::default(), today(), &[], OFFICER);
    let police: Vec<&Draft> = list
        .iter()
        .filter(|d| d.kind == AgencyKind::Police)
        .collect();
    assert_eq!(police.len(), 1);
    assert_eq!(police[0].agency, "Northshire Police");
    assert_eq!(police[0].covers.len(), 2);
    // Named nowhere in the case: the team's only force.
    case.places[0].police_callout.agency = String::new();
    let list = drafts(&case, &directory(), today(), &[], OFFICER);
    assert_eq!(list[0].agency, "Northshire Police");
    // Two forces in the directory and none named: the officer names it.
    let mut two = directory();
    two.agencies.push(Agency {
        name: "Southshire Police".into(),
        kind: Some(AgencyKind::Police),
        ..Default::default()
    });
    let list = drafts(&case, &two, today(), &[], OFFICER);
    assert_eq!(list[0].agency, "");
    assert_eq!(list[0].covers.len(), 2, "still one request");
}

/// A case whose requests were marked as sent on `sent`, as the drafts page does.
fn sent_on(mut case: Case, sent: chrono::NaiveDate) -> Case {
    for d in drafts(&case.clone(), &directory(), sent, &[], OFFICER) {
        case.mark_sent(&d, sent, &[], "2026-11-01T09:00:00", OFFICER);
    }
    case
}

#[test]
fn overdue_requests_are_chased_in_one_message_to_each_agency() {
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let mut dean = identified(nothing_asked(like_the_review()));
    dean.id = "dean-case-0001".into();
    dean.hearing.date = d(2026, 11, 16);
    let dean = sent_on(dean, day(11, 9));
    let mut alex = nothing_asked(lives_alone());
    alex.id = "alex-case-0002".into();
    alex.hearing.date = d(2026, 11, 9);
    let alex = sent_on(alex, day(11, 2));
    // Sent but not yet due: not chased.
    let mut later = nothing_asked(lives_alone());
    later.id = "later-case-0003".into();
    later.person.name = "Robin Later".into();
    later.hearing.date = d(2026, 12, 30);
    let later = sent_on(later, day(11, 20));
    let list = chases(&[&dean, &alex, &later], &directory(), today(), &[], OFFICER);
    assert_eq!(
        list.len(),
        2,
        "one to the force, one to the council: {list:#?}"
    );
    let police = list.iter().find(|c| c.kind == AgencyKind::Police).unwrap();
    assert_eq!(police.overdue.len(), 2);
    // Alex's was due first (the working day before his report), so it comes first.
    assert_eq!(police.overdue[0].name, "Alex Example");
    assert_eq!(
        police.to.as_deref(),
        Some("da.checks@northshire.police.example")
    );
    for must in [
        "1. Alex Example",
        "2. Dean Example",
        "CRN: X123456",
        "Our reference: PSC-SE0001-P1",
        "Asked on 9 November 2026",
    ] {
        assert!(
            police.body.contains(must),
            "the chase lacks {must:?}:\n{}",
            police.body
        );
    }
    assert!(!police.body.contains("Robin Later"));
    assert!(
        police
            .subject
            .starts_with("Overdue: 2 replies for pre-sentence reports")
    );
    assert!(!police.chased_today);
    // Recorded as chased on each case: listed as chased today, and in each history.
    let mut dean = dean;
    let mut alex = alex;
    for (case, o) in [
        (&mut alex, &police.overdue[0]),
        (&mut dean, &police.overdue[1]),
    ] {
        case.record_chase(&police.agency, &o.reference, "2026-11-23T09:30:00", OFFICER);
        assert!(
            case.events
                .last()
                .unwrap()
                .what
                .starts_with("Chased an overdue reply from Northshire Police")
        );
    }
    let again = chases(&[&dean, &alex, &later], &directory(), today(), &[], OFFICER);
    assert!(
        again
            .iter()
            .find(|c| c.kind == AgencyKind::Police)
            .unwrap()
            .chased_today
    );
    assert!(
        !again
            .iter()
            .find(|c| c.kind == AgencyKind::LocalAuthority)
            .unwrap()
            .chased_today
    );
}

#[test]
fn replies_are_awaited_for_each_enquiry_sent_until_one_is_recorded() {
    let mut case = nothing_asked(like_the_review());
    assert_eq!(
        awaiting_replies(&case),
        vec![],
        "nothing sent, nothing awaited"
    );
    for draft in drafts(&case, &directory(), today(), &[], OFFICER) {
        case.mark_sent(&draft, today(), &[], "2026-11-23T10:00:00", OFFICER);
    }
    let place = case.places[0].id;
    let children = case.childrens_services[0].id;
    assert_eq!(
        awaiting_replies(&case),
        vec![
            Covers::PoliceHistory,
            Covers::Callout(place),
            Covers::Children(children),
            Covers::AddressCheck(place),
        ]
    );
    // A reply recorded (or the enquiry marked as not requested) is no longer awaited.
    case.police
        .choose_outcome(Some(PoliceOutcome::NoInformation), today());
    case.places[0].cs_check.outcome = Some(CsOutcome::NotRequested);
    assert_eq!(
        awaiting_replies(&case),
        vec![Covers::Callout(place), Covers::Children(children)]
    );
}

#[test]
fn a_reply_is_offered_today_as_its_date_and_a_typed_date_is_kept() {
    let mut e = Enquiry::<PoliceOutcome> {
        requested: d(2026, 11, 20),
        ..Default::default()
    };
    e.choose_outcome(Some(PoliceOutcome::Awaiting), today());
    assert_eq!(e.received, DateParts::default(), "no reply yet, no date");
    e.choose_outcome(Some(PoliceOutcome::DaInformationHeld), today());
    assert_eq!(e.received, DateParts::from_date(today()));
    assert!(
        !e.considered,
        "the confirmation is never given for the officer"
    );
    assert_eq!(e.summary, "", "nor the summary");
    e.received = d(2026, 11, 21);
    e.choose_outcome(Some(PoliceOutcome::NoInformation), today());
    assert_eq!(e.received, d(2026, 11, 21), "a date typed is kept");
    let mut council = Enquiry::<CsOutcome>::default();
    council.choose_outcome(Some(CsOutcome::NotRequired), today());
    assert_eq!(
        council.received,
        DateParts::default(),
        "not required is not a reply"
    );
}

#[test]
fn an_address_may_leave_its_checks_to_the_drafts_but_the_rules_still_wait_for_them() {
    use presentence_checks::domain::assess;
    use presentence_checks::domain::validate;
    let mut case = lives_alone();
    case.places[0].police_callout = Enquiry::default();
    case.places[0].cs_check = Enquiry::default();
    assert_eq!(validate::place(&case, &case.places[0], today()), vec![]);
    assert!(!assess(&case, today()).can_record_suitable());
    // Anything typed in a check makes it an enquiry, which must then be complete.
    case.places[0].police_callout.agency = "Northshire Police".into();
    let errors = validate::place(&case, &case.places[0], today());
    assert!(
        errors.iter().any(|e| e.field == "callout-outcome"),
        "{errors:#?}"
    );
}
