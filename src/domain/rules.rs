//! The rules: what stands between a case and a "suitable" curfew finding.
//!
//! `assess` is pure: the case and today's date in, an assessment out. It never reads a clock or
//! the browser. The UI only displays what it returns.

use chrono::NaiveDate;

use super::attest;
use super::case::*;
use super::choice::Choice;
use super::inputs::{DateParts, long_date, parse_whole_number, spoken_time};
use super::schedule::{ScheduleProblem, ScheduleReport, check_schedule, hours_text};
use super::terms::consent_terms;
use super::text::isolate;
use super::text::join_and;
use super::validate::{self, FieldError};

/// The sections of a case, in task-list order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Hearing,
    ChildContact,
    Police,
    ChildrensServices,
    Places,
    Schedule,
    Consent,
    Outcome,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::Hearing,
        Section::ChildContact,
        Section::Police,
        Section::ChildrensServices,
        Section::Places,
        // Before consent: each person agrees to particular hours, so the hours come first.
        Section::Schedule,
        Section::Consent,
        Section::Outcome,
    ];
    /// Path of the section's page below `/cases/:id/`.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Hearing => "hearing",
            Section::ChildContact => "child-contact",
            Section::Police => "police",
            Section::ChildrensServices => "childrens-services",
            Section::Places => "places",
            Section::Consent => "consent",
            Section::Schedule => "schedule",
            Section::Outcome => "outcome",
        }
    }
    /// Where the section's requirements come from, for blockers that concern the whole page.
    pub fn source(self) -> &'static str {
        match self {
            Section::Hearing => sources::HEARING,
            Section::ChildContact => sources::REC2,
            Section::Police => sources::REC1_MANDATE,
            Section::ChildrensServices => sources::REC2_4_MANDATE,
            Section::Places => sources::REC4_MANDATE,
            Section::Consent => sources::CONSENT,
            Section::Schedule => sources::SCHEDULE,
            Section::Outcome => sources::REC5,
        }
    }
    pub fn title(self) -> &'static str {
        match self {
            Section::Hearing => "Hearing, risk and orders",
            Section::ChildContact => "Child contact",
            Section::Police => "Police domestic abuse enquiry",
            Section::ChildrensServices => "Children's services enquiry",
            Section::Places => "Proposed address and residents",
            Section::Consent => "Consent of adult residents",
            Section::Schedule => "Curfew schedule",
            Section::Outcome => "Outcome",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionStatus {
    CannotStartYet,
    NotStarted,
    InProgress,
    Completed,
    ActionNeeded,
    NotNeeded,
}

impl SectionStatus {
    pub fn label(self) -> &'static str {
        match self {
            SectionStatus::CannotStartYet => "Cannot start yet",
            SectionStatus::NotStarted => "Not started",
            SectionStatus::InProgress => "In progress",
            SectionStatus::Completed => "Completed",
            SectionStatus::ActionNeeded => "Action needed",
            SectionStatus::NotNeeded => "Not needed",
        }
    }
}

/// Whether a blocker means something is still to be recorded, or something recorded stands in
/// the way and needs the officer to act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockerKind {
    Missing,
    Problem,
    /// Something found that more time cannot fix (consent refused, a victim at the address, an
    /// order protecting someone there): a curfew there is not suitable.
    Finding,
}

/// A reply or a consent older than this by the hearing is flagged as advice (never a blocker).
/// No national rule we could find sets an age: the law asks for information about the place
/// before the order is made (Sentencing Act 2020, Schedule 9, paragraph 10), and the review asks
/// that suitability be kept under review (recommendation 4). 28 days is longer than a standard
/// delivery report's own enquiries take (15 working days, and a week for the reply), so an
/// older reply was not made for this report.
pub const OLD_AFTER_DAYS: i64 = 28;

/// Where each requirement comes from, quoted with every blocker.
pub mod sources {
    pub const REC1_MANDATE: &str = "Recommendation 1; HMPPS mandate, April 2022";
    pub const REC2: &str = "Recommendation 2";
    pub const REC2_4_MANDATE: &str = "Recommendations 2 and 4; HMPPS mandate, April 2022";
    pub const REC3: &str = "Recommendation 3";
    pub const REC4_MANDATE: &str = "Recommendation 4; HMPPS mandate, April 2022";
    pub const REC5: &str = "Recommendation 5";
    pub const REC5_7: &str = "Recommendations 5 and 7";
    pub const REC1_4_VICTIM: &str = "Recommendations 1, 3 and 4";
    pub const ORDERS: &str =
        "Recommendation 4; Sentencing Council guideline on imposing community orders";
    pub const CONSENT: &str = "Recommendation 6; HMPPS mandate, April 2022; Sentencing Act 2020, Schedule 9, paragraphs 10(2) and 33";
    pub const MONITORING: &str = "Sentencing Act 2020, Schedule 9, paragraphs 10(3), 33 and 34";
    pub const SCHEDULE: &str = "Sentencing Act 2020, Schedule 9, paragraph 9, as amended by the Police, Crime, Sentencing and Courts Act 2022, section 150";
    pub const HEARING: &str = "Sentencing Act 2020, Schedule 9, paragraph 10";
    pub const ADJOURN: &str =
        "Recommendation 4; HMPPS mandate, April 2022 (an adjournment may be needed)";
    pub const SDR: &str = "HMPPS criteria for a standard delivery report; recommendation 7";
    pub const YOUTH: &str =
        "Sentencing Act 2020, Schedule 6 (youth orders, out of scope of this tool)";
    pub const DATES: &str = "Recommendation 3: information verified, not assumed";
    pub const FOR_THIS_REPORT: &str = "Recommendation 4: enquiries made before a curfew is found suitable; HMPPS mandate, April 2022";
    pub const CURRENT: &str = "Sentencing Act 2020, Schedule 9, paragraph 10 (information about the place before the order is made); recommendation 4 (suitability kept under review)";
}

#[derive(Clone, Debug, PartialEq)]
pub struct Blocker {
    /// Stable code: tests and any future reporting rely on it.
    pub code: &'static str,
    pub message: String,
    pub section: Section,
    pub source: &'static str,
    /// Path below `/cases/:id/` of the page that clears it.
    pub path: String,
    pub kind: BlockerKind,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    pub code: &'static str,
    pub message: String,
    pub source: &'static str,
    pub path: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GatekeepingStatus {
    pub required: bool,
    pub reasons: Vec<String>,
    pub requested_by_officer: bool,
    /// Endorsed, and nothing has changed since.
    pub endorsed: bool,
    /// Endorsed once, but the case has changed since: the endorsement no longer stands.
    pub revoked: bool,
    /// Endorsed for these answers, but the endorsement's signature could not be verified: why.
    /// The case is back in the senior probation officer's queue.
    pub unverified: Option<String>,
    /// Submitted, and no senior probation officer has decided yet: the case is in the queue.
    pub awaiting: bool,
    /// Returned with comments, and not submitted again since.
    pub returned: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum OutcomeState {
    NotRecorded,
    Recorded(Decision),
    /// "Suitable" was recorded, but blockers have appeared since.
    SuitableNoLongerValid,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub blockers: Vec<Blocker>,
    pub advice: Vec<Advice>,
    pub gatekeeping: GatekeepingStatus,
    pub sections: Vec<(Section, SectionStatus)>,
    pub schedule: Option<ScheduleReport>,
    pub outcome: OutcomeState,
    pub curfew_considered: bool,
}

impl Assessment {
    /// "Suitable" may be recorded only for a curfew under consideration with nothing blocking it.
    pub fn can_record_suitable(&self) -> bool {
        self.curfew_considered && self.blockers.is_empty()
    }
    pub fn outstanding(&self) -> usize {
        self.blockers.len()
    }
    pub fn status(&self, section: Section) -> SectionStatus {
        self.sections
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, st)| *st)
            .unwrap_or(SectionStatus::NotStarted)
    }
    pub fn blockers_in(&self, section: Section) -> impl Iterator<Item = &Blocker> {
        self.blockers.iter().filter(move |b| b.section == section)
    }
    pub fn has(&self, code: &str) -> bool {
        self.blockers.iter().any(|b| b.code == code)
    }
}

/// Collects blockers for one section.
struct Found<'a> {
    list: &'a mut Vec<Blocker>,
    section: Section,
}

impl Found<'_> {
    fn add(
        &mut self,
        code: &'static str,
        kind: BlockerKind,
        source: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.list.push(Blocker {
            code,
            message: message.into(),
            section: self.section,
            source,
            path: path.into(),
            kind,
        });
    }
}

pub fn assess(case: &Case, today: NaiveDate) -> Assessment {
    assess_with_holidays(case, today, &[])
}

/// `assess`, counting working days without the bank holidays the officer entered.
pub fn assess_with_holidays(case: &Case, today: NaiveDate, holidays: &[NaiveDate]) -> Assessment {
    let mut blockers = Vec::new();
    let curfew = case.curfew_considered();
    let name = case.display_name();

    hearing_blockers(
        case,
        curfew,
        today,
        &mut Found {
            list: &mut blockers,
            section: Section::Hearing,
        },
    );
    child_contact_blockers(
        case,
        &name,
        curfew,
        &mut Found {
            list: &mut blockers,
            section: Section::ChildContact,
        },
    );
    enquiry_blockers(
        case,
        &case.police,
        "The police domestic abuse enquiry",
        Section::Police.slug(),
        sources::REC1_MANDATE,
        today,
        &mut Found {
            list: &mut blockers,
            section: Section::Police,
        },
    );
    let cs_required = case.childrens_services_required();
    if cs_required {
        cs_blockers(
            case,
            today,
            &mut Found {
                list: &mut blockers,
                section: Section::ChildrensServices,
            },
        );
    }
    let schedule = curfew.then(|| check_schedule(case, today));
    if curfew {
        place_blockers(
            case,
            &name,
            today,
            &mut Found {
                list: &mut blockers,
                section: Section::Places,
            },
        );
        consent_blockers(
            case,
            today,
            &mut Found {
                list: &mut blockers,
                section: Section::Consent,
            },
        );
        if let Some(report) = &schedule {
            schedule_blockers(
                report,
                &mut Found {
                    list: &mut blockers,
                    section: Section::Schedule,
                },
            );
        }
    }
    answers_to_correct(case, today, &mut blockers);

    let gatekeeping = gatekeeping_status(case);
    if let Some(why) = gatekeeping
        .unverified
        .as_ref()
        .filter(|_| gatekeeping.required)
    {
        Found {
            list: &mut blockers,
            section: Section::Outcome,
        }
        .add(
            "GATEKEEPING_NOT_VERIFIED",
            BlockerKind::Missing,
            sources::REC5,
            Section::Outcome.slug(),
            format!(
                "The senior probation officer's endorsement could not be verified: {why}. A senior probation officer must endorse the case again: {}.",
                gatekeeping.reasons.join("; ").to_ascii_lowercase()
            ),
        );
    } else if gatekeeping.required && !gatekeeping.endorsed {
        let why = if gatekeeping.revoked {
            "The senior probation officer's endorsement no longer stands because the case has changed since. It must be endorsed again"
        } else if gatekeeping.awaiting {
            "The case is awaiting gatekeeping: a senior probation officer must endorse it before a curfew is found suitable"
        } else if gatekeeping.returned {
            "A senior probation officer returned the case with comments: act on them and submit it again"
        } else {
            "A senior probation officer must endorse this case before a curfew is found suitable"
        };
        Found {
            list: &mut blockers,
            section: Section::Outcome,
        }
        .add(
            "GATEKEEPING_NOT_ENDORSED",
            BlockerKind::Missing,
            sources::REC5,
            Section::Outcome.slug(),
            format!(
                "{why}: {}.",
                gatekeeping.reasons.join("; ").to_ascii_lowercase()
            ),
        );
    }

    let outcome = match (&case.outcome.recorded, &case.outcome.lapsed) {
        // Set aside when it stopped standing: it must be recorded again, even if the checks
        // have since been completed.
        (None, Some(_)) => OutcomeState::SuitableNoLongerValid,
        (None, None) => OutcomeState::NotRecorded,
        (Some(r), _) if r.decision == Decision::Suitable && !(curfew && blockers.is_empty()) => {
            OutcomeState::SuitableNoLongerValid
        }
        (Some(r), _) => OutcomeState::Recorded(r.decision),
    };

    let advice = advice_for(case, today, holidays, curfew, &blockers, schedule.as_ref());
    let sections = Section::ALL
        .iter()
        .map(|s| {
            (
                *s,
                section_status(case, *s, &blockers, cs_required, curfew, &outcome),
            )
        })
        .collect();

    Assessment {
        blockers,
        advice,
        gatekeeping,
        sections,
        schedule,
        outcome,
        curfew_considered: curfew,
    }
}

fn hearing_blockers(case: &Case, curfew: bool, today: NaiveDate, found: &mut Found) {
    let path = Section::Hearing.slug();
    let mut missing = Vec::new();
    if case.person.name.trim().is_empty() {
        missing.push("the person's name");
    }
    if case.person.date_of_birth.date().is_none() {
        missing.push("date of birth");
    }
    if case.hearing.court.trim().is_empty() {
        missing.push("court");
    }
    if case.hearing.date.date().is_none() {
        missing.push("hearing date");
    }
    if case.hearing.report_type.is_none() {
        missing.push("report type");
    }
    if case.hearing.curfew_considered.is_none() {
        missing.push("whether a curfew is being considered");
    }
    if case.offences.is_empty() {
        missing.push("the offence");
    }
    if !missing.is_empty() {
        found.add(
            "HEARING_INCOMPLETE",
            BlockerKind::Missing,
            sources::HEARING,
            path,
            format!("Hearing details not yet recorded: {}.", missing.join(", ")),
        );
    }
    impossible_dates(case, today, found);

    let unassessed: Vec<&str> = case
        .rosh
        .domains()
        .iter()
        .filter(|(_, level)| matches!(level, None | Some(RoshLevel::NotAssessed)))
        .map(|(domain, _)| *domain)
        .collect();
    if !unassessed.is_empty() {
        found.add(
            "ROSH_NOT_ASSESSED",
            BlockerKind::Missing,
            sources::REC5_7,
            format!("{path}#rosh"),
            format!(
                "Risk of serious harm not yet assessed for {}.",
                join_and(&unassessed)
            ),
        );
    }

    if curfew {
        let undated: Vec<String> = case
            .offences
            .iter()
            .enumerate()
            .filter(|(_, o)| o.conviction_date.date().is_none())
            .map(|(i, o)| offence_name(i, o))
            .collect();
        if !undated.is_empty() {
            found.add(
                "CONVICTION_DATE_MISSING",
                BlockerKind::Missing,
                sources::SCHEDULE,
                path,
                format!(
                    "Date of conviction not recorded for {}. It decides which curfew limits apply.",
                    join_and(&undated)
                ),
            );
        }
    }
    order_blockers(case, curfew, found);
}

/// Dates that cannot be right: a birth or an offence in the future, a conviction before its
/// offence or in the future (a typo such as 2032 for 2021 would pick the wrong curfew limits),
/// and anyone under 18 when convicted, whose sentence is a youth order and out of scope.
fn impossible_dates(case: &Case, today: NaiveDate, found: &mut Found) {
    let path = Section::Hearing.slug();
    let dob = case.person.date_of_birth.date();
    if let Some(born) = dob.filter(|d| *d >= today) {
        found.add(
            "DATE_OF_BIRTH_IMPOSSIBLE",
            BlockerKind::Problem,
            sources::DATES,
            format!("{path}#dob-day"),
            format!(
                "The date of birth, {}, is not in the past. Correct it.",
                long_date(born)
            ),
        );
    }
    let mut youth_told = false;
    for (i, o) in case.offences.iter().enumerate() {
        let what = offence_name(i, o);
        let field = format!("{path}#offence-{}", o.id);
        let committed = o.offence_date.date();
        let convicted = o.conviction_date.date();
        if let Some(c) = committed.filter(|c| *c > today) {
            found.add(
                "OFFENCE_DATE_IMPOSSIBLE",
                BlockerKind::Problem,
                sources::DATES,
                format!("{field}-date-day"),
                format!(
                    "The date of {what}, {}, is in the future. Correct it.",
                    long_date(c)
                ),
            );
        }
        match (committed, convicted) {
            (_, Some(v)) if v > today => found.add(
                "CONVICTION_DATE_IMPOSSIBLE",
                BlockerKind::Problem,
                sources::DATES,
                format!("{field}-conviction-day"),
                format!(
                    "The date of conviction for {what}, {}, is in the future. It decides which curfew limits apply, so it must be right.",
                    long_date(v)
                ),
            ),
            (Some(c), Some(v)) if v < c => found.add(
                "CONVICTION_DATE_IMPOSSIBLE",
                BlockerKind::Problem,
                sources::DATES,
                format!("{field}-conviction-day"),
                format!(
                    "The date of conviction for {what}, {}, is before the date of the offence, {}. One of them is wrong.",
                    long_date(v),
                    long_date(c)
                ),
            ),
            _ => {}
        }
        let age = dob.zip(convicted).and_then(|(b, v)| v.years_since(b));
        if let Some(age) = age.filter(|a| *a < 18) {
            youth_told = true;
            found.add(
                "UNDER_18_AT_CONVICTION",
                BlockerKind::Problem,
                sources::YOUTH,
                format!("{field}-conviction-day"),
                format!(
                    "{} was {age} on the date of conviction for {what}. A sentence for someone convicted under 18 is a youth order (Sentencing Act 2020, Schedule 6), which this tool does not cover.",
                    case.display_name()
                ),
            );
        }
    }
    let age_now = dob.and_then(|b| today.years_since(b));
    if let Some(age) = age_now.filter(|a| *a < 18 && !youth_told) {
        found.add(
            "UNDER_18_AT_CONVICTION",
            BlockerKind::Problem,
            sources::YOUTH,
            format!("{path}#dob-day"),
            format!(
                "{} is {age}. A sentence for someone convicted under 18 is a youth order (Sentencing Act 2020, Schedule 6), which this tool does not cover.",
                case.display_name()
            ),
        );
    }
}

/// The latest offence of the case committed after `date`, with its name: an enquiry made or a
/// consent given on `date` cannot cover it.
fn before_offence(case: &Case, date: NaiveDate) -> Option<(NaiveDate, String)> {
    case.offences
        .iter()
        .enumerate()
        .filter_map(|(i, o)| Some((o.offence_date.date()?, offence_name(i, o))))
        .filter(|(committed, _)| *committed > date)
        .max_by_key(|(committed, _)| *committed)
}

/// The case's first date of conviction (that can be right) after `date`: until then no court
/// could be considering a curfew for this case.
fn before_conviction(case: &Case, date: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    case.offences
        .iter()
        .filter_map(|o| o.conviction_date.date())
        .filter(|v| *v <= today)
        .min()
        .filter(|first| *first > date)
}

/// Orders protecting others. An order recorded counts whatever the answer to "any orders?"
/// says, so switching that answer to "no" can neither hide an order nor its effect.
fn order_blockers(case: &Case, curfew: bool, found: &mut Found) {
    let path = format!("{}#orders", Section::Hearing.slug());
    let recorded: Vec<&ProtectiveOrder> = case.orders.iter().filter(|o| !o.is_blank()).collect();
    match case.orders_recorded {
        None => found.add(
            "ORDERS_NOT_RECORDED",
            BlockerKind::Missing,
            sources::ORDERS,
            path.clone(),
            "Not yet recorded whether any order protects someone from this person.",
        ),
        Some(false) if !recorded.is_empty() => {
            let kinds: Vec<&str> = recorded
                .iter()
                .map(|o| o.kind.map(|k| k.label()).unwrap_or("an order"))
                .collect();
            found.add(
                "ORDERS_CONTRADICTED",
                BlockerKind::Problem,
                sources::ORDERS,
                path.clone(),
                format!(
                    "\u{201c}Does any order protect someone from this person?\u{201d} is answered no, but {} still recorded ({}). Answer yes and remove any order recorded by mistake, or keep yes.",
                    if recorded.len() == 1 { "1 order is".to_string() } else { format!("{} orders are", recorded.len()) },
                    join_and(&kinds).to_ascii_lowercase()
                ),
            );
        }
        Some(true) if case.orders.is_empty() => found.add(
            "ORDERS_NOT_RECORDED",
            BlockerKind::Missing,
            sources::ORDERS,
            path.clone(),
            "Orders protecting others: add each order, or answer no.",
        ),
        _ => {}
    }
    let answered_yes = case.orders_recorded == Some(true);
    for order in &case.orders {
        if !answered_yes && order.is_blank() {
            continue;
        }
        let kind = order.kind.map(|k| k.label()).unwrap_or("An order");
        let protects = order.protects.trim();
        let who = if protects.is_empty() {
            "someone not yet named".to_string()
        } else {
            isolate(protects)
        };
        if answered_yes && (order.kind.is_none() || protects.is_empty()) {
            found.add(
                "ORDER_INCOMPLETE",
                BlockerKind::Missing,
                sources::ORDERS,
                path.clone(),
                format!("{kind}: record the type of order and whom it protects."),
            );
        }
        if protects_someone_at_a_place(case, order) {
            found.add(
                "ORDER_PROTECTS_PERSON_AT_PLACE",
                BlockerKind::Finding,
                sources::ORDERS,
                path.clone(),
                format!("{kind} protects {who}, who lives at or visits a proposed curfew address."),
            );
        } else if answered_yes && curfew && order.lives_at_or_visits_place.is_none() {
            found.add(
                "ORDER_PLACE_UNANSWERED",
                BlockerKind::Missing,
                sources::ORDERS,
                path.clone(),
                format!("{kind} protecting {who}: not yet recorded whether they live at or visit a proposed curfew address."),
            );
        }
    }
}

/// The order protects someone who lives at or visits a proposed address: the officer says so,
/// or the person it protects is named there.
pub fn protects_someone_at_a_place(case: &Case, order: &ProtectiveOrder) -> bool {
    let protects = normalise_name(&order.protects);
    let named_there = !protects.is_empty()
        && case.places.iter().any(|p| {
            p.residents
                .iter()
                .map(|r| r.name.as_str())
                .chain(p.visiting_children.iter().map(|c| c.name.as_str()))
                .any(|n| normalise_name(n) == protects)
        });
    order.lives_at_or_visits_place == Some(true) || named_there
}

fn child_contact_blockers(case: &Case, name: &str, curfew: bool, found: &mut Found) {
    for q in ChildQuestion::ALL {
        let a = case.child_contact.answer(q);
        let path = format!("{}#{}", Section::ChildContact.slug(), q.slug());
        if a.answer.is_none() {
            found.add(
                "CHILD_CONTACT_UNANSWERED",
                BlockerKind::Missing,
                sources::REC2,
                path,
                format!("Not yet answered whether {name} {}.", q.short()),
            );
        } else if a.sources.is_empty() {
            found.add(
                "CHILD_CONTACT_NO_SOURCE",
                BlockerKind::Missing,
                sources::REC3,
                path,
                format!(
                    "Record where the answer to whether {name} {} came from.",
                    q.short()
                ),
            );
        } else if a.rests_on_own_account() {
            found.add(
                "OWN_ACCOUNT_ONLY",
                BlockerKind::Problem,
                sources::REC3,
                path,
                format!("Whether {name} {} rests on {name}'s own account only. Verify it with another source.", q.short()),
            );
        }
    }
    if curfew {
        for c in children_at_places(case) {
            let (question, listed) = if c.visits {
                (ChildQuestion::HasAccess, "as visiting")
            } else {
                (ChildQuestion::LivesWith, "as living there")
            };
            if case.child_contact.answer(question).answer == Some(false) {
                found.add(
                    "CHILD_CONTACT_CONTRADICTED",
                    BlockerKind::Problem,
                    sources::REC2,
                    format!("{}#{}", Section::ChildContact.slug(), question.slug()),
                    format!(
                        "{} lists {} {listed}, but the answer to whether {name} {} is no. Correct one of them.",
                        c.at,
                        c.who,
                        question.short()
                    ),
                );
            }
        }
    }
}

/// A child listed at a proposed address: who, where, and whether they visit (or live there).
struct ChildAtPlace {
    who: String,
    at: String,
    visits: bool,
}

/// Every child under 18 listed as living at or visiting a proposed address.
fn children_at_places(case: &Case) -> Vec<ChildAtPlace> {
    let mut children = Vec::new();
    for p in &case.places {
        for r in p
            .residents
            .iter()
            .filter(|r| r.age().is_some_and(|a| a < 18))
        {
            children.push(ChildAtPlace {
                who: format!(
                    "{}, aged {},",
                    r.display_name(),
                    r.age().unwrap_or_default()
                ),
                at: p.short_address(),
                visits: false,
            });
        }
        // A visiting child whose age cannot be read is still taken to be a child.
        for v in p
            .visiting_children
            .iter()
            .filter(|v| parse_whole_number(&v.age).is_none_or(|a| a < 18))
        {
            let name = v.name.trim();
            children.push(ChildAtPlace {
                who: if name.is_empty() {
                    "a child".into()
                } else {
                    isolate(name)
                },
                at: p.short_address(),
                visits: true,
            });
        }
    }
    children
}

/// Blockers for one enquiry. `what` names it in messages, for example "The police domestic abuse
/// enquiry".
fn enquiry_blockers<O: EnquiryOutcome>(
    case: &Case,
    enquiry: &Enquiry<O>,
    what: &str,
    path: &str,
    source: &'static str,
    today: NaiveDate,
    found: &mut Found,
) {
    let (code, considered_code) = match found.section {
        Section::Police => ("POLICE_DA_NOT_RETURNED", "POLICE_NOT_CONSIDERED"),
        Section::ChildrensServices => ("CS_ENQUIRY_NOT_RETURNED", "CS_NOT_CONSIDERED"),
        _ => ("PLACE_CHECK_NOT_RETURNED", "PLACE_CHECK_NOT_CONSIDERED"),
    };
    match enquiry.outcome {
        None => found.add(
            code,
            BlockerKind::Missing,
            source,
            path,
            format!("{what} has not been recorded."),
        ),
        Some(o) if o == O::not_requested() => found.add(
            code,
            BlockerKind::Problem,
            source,
            path,
            format!("{what} was not requested. It must be made and returned."),
        ),
        Some(o) if !o.is_reply() => {
            let since = enquiry
                .requested
                .date()
                .filter(|d| *d <= today)
                .map(|d| format!(" (requested {})", long_date(d)))
                .unwrap_or_default();
            found.add(
                code,
                BlockerKind::Missing,
                source,
                path,
                format!("{what} is awaiting a reply{since}."),
            )
        }
        Some(_) => match (enquiry.requested.date(), enquiry.received.date()) {
            (_, None) => found.add(
                code,
                BlockerKind::Missing,
                source,
                path,
                format!("{what}: record the date the reply was received."),
            ),
            (Some(asked), _) if asked > today => found.add(
                "REPLY_DATE_IMPOSSIBLE",
                BlockerKind::Problem,
                sources::DATES,
                path,
                format!(
                    "{what}: the date requested, {}, is in the future. Correct it.",
                    long_date(asked)
                ),
            ),
            (_, Some(got)) if got > today => found.add(
                "REPLY_DATE_IMPOSSIBLE",
                BlockerKind::Problem,
                sources::DATES,
                path,
                format!(
                    "{what}: the reply is dated {}, which is in the future. Correct it.",
                    long_date(got)
                ),
            ),
            (Some(asked), Some(got)) if got < asked => found.add(
                "REPLY_DATE_IMPOSSIBLE",
                BlockerKind::Problem,
                sources::DATES,
                path,
                format!(
                    "{what}: the reply is dated {}, before the enquiry was requested on {}. One of the dates is wrong.",
                    long_date(got),
                    long_date(asked)
                ),
            ),
            (asked, Some(got)) if before_offence(case, asked.unwrap_or(got)).is_some() => {
                let (offence, name) = before_offence(case, asked.unwrap_or(got)).unwrap_or_default();
                let (how, when) = match asked {
                    Some(asked) => ("requested", asked),
                    None => ("received", got),
                };
                found.add(
                    "REPLY_BEFORE_OFFENCE",
                    BlockerKind::Problem,
                    sources::FOR_THIS_REPORT,
                    path,
                    format!(
                        "{what}: it was {how} on {}, before {name} on {}. A reply from before the offence cannot cover it or anything since, so it is not a check for this report. Make the enquiry again and record the new reply.",
                        long_date(when),
                        long_date(offence)
                    ),
                )
            }
            _ if !enquiry.considered => found.add(
                considered_code,
                BlockerKind::Missing,
                sources::REC4_MANDATE,
                path,
                format!("{what}: confirm the reply has been considered in the proposal."),
            ),
            _ => {}
        },
    }
}

fn cs_blockers(case: &Case, today: NaiveDate, found: &mut Found) {
    let path = Section::ChildrensServices.slug();
    // Anything typed in an entry (even only the children it covers) makes it an enquiry.
    let recorded: Vec<&CsEnquiry> = case
        .childrens_services
        .iter()
        .filter(|e| !e.is_blank())
        .collect();
    if recorded.is_empty() {
        let why = if case.curfew_considered() {
            "a curfew is being considered"
        } else {
            "the person has contact with children"
        };
        found.add(
            "CS_ENQUIRY_NOT_RETURNED",
            BlockerKind::Missing,
            sources::REC2_4_MANDATE,
            path,
            format!(
                "No children's services enquiry has been recorded. One is needed because {why}."
            ),
        );
    }
    for cs in recorded {
        let agency = cs.enquiry.agency.trim();
        let what = if agency.is_empty() {
            "The children's services enquiry".to_string()
        } else {
            format!("The children's services enquiry to {}", isolate(agency))
        };
        if cs.enquiry.outcome == Some(CsOutcome::NotRequired) {
            found.add(
                "CS_NOT_REQUIRED_INVALID",
                BlockerKind::Problem,
                sources::REC2_4_MANDATE,
                path,
                format!("{what} is marked not required, but it is required: a curfew is being considered or the person has contact with children."),
            );
            continue;
        }
        let unnamed = agency.is_empty() || cs.children_covered.trim().is_empty();
        if cs.enquiry.outcome.is_some_and(|o| o.is_reply()) && unnamed {
            found.add(
                "CS_ENQUIRY_INCOMPLETE",
                BlockerKind::Missing,
                sources::REC2_4_MANDATE,
                path,
                format!("{what}: record the local authority that replied and the children the reply covers."),
            );
        }
        enquiry_blockers(
            case,
            &cs.enquiry,
            &what,
            path,
            sources::REC2_4_MANDATE,
            today,
            found,
        );
    }
}

fn place_blockers(case: &Case, name: &str, today: NaiveDate, found: &mut Found) {
    let places = Section::Places.slug();
    if case.places.is_empty() {
        found.add(
            "NO_PLACE",
            BlockerKind::Missing,
            sources::HEARING,
            places,
            "No proposed curfew address has been recorded.",
        );
    }
    for place in &case.places {
        let path = format!("{places}/{}", place.id);
        let at = place.short_address();
        if place.address_line_1.trim().is_empty() || place.postcode.trim().is_empty() {
            found.add(
                "PLACE_ADDRESS_MISSING",
                BlockerKind::Missing,
                sources::HEARING,
                path.clone(),
                format!("{at}: record the first line of the address and the postcode."),
            );
        }
        if place.occupier_name(name).is_none() {
            found.add(
                "NO_MAIN_OCCUPIER",
                BlockerKind::Missing,
                sources::CONSENT,
                format!("{path}#occupier"),
                format!("{at}: the main occupier has not been identified."),
            );
        }
        main_occupier_blockers(place, &path, &at, found);
        if place.household_sources.is_empty() {
            found.add(
                "HOUSEHOLD_NOT_CONFIRMED",
                BlockerKind::Missing,
                sources::REC3,
                format!("{path}#household"),
                format!("{at}: record how you know who lives there."),
            );
        } else if rests_on_own_account(&place.household_sources) {
            found.add(
                "OWN_ACCOUNT_ONLY",
                BlockerKind::Problem,
                sources::REC3,
                format!("{path}#household"),
                format!("{at}: who lives there rests on {name}'s own account only. Confirm it with a resident or an agency."),
            );
        }
        for r in place.residents.iter().filter(|r| r.age().is_none()) {
            found.add(
                "RESIDENT_AGE_MISSING",
                BlockerKind::Missing,
                sources::CONSENT,
                format!("{path}#household"),
                format!(
                    "{at}: record the age of {}, so it is clear whether their consent is needed.",
                    r.display_name()
                ),
            );
        }
        let victim = &place.victim_lives_there;
        match victim.answer {
            None => found.add(
                "VICTIM_QUESTION_UNANSWERED",
                BlockerKind::Missing,
                sources::REC1_4_VICTIM,
                format!("{path}#victim"),
                format!("{at}: not yet answered whether a victim or potential victim of {name} lives there."),
            ),
            Some(true) => found.add(
                "VICTIM_LIVES_THERE",
                BlockerKind::Finding,
                sources::REC1_4_VICTIM,
                format!("{path}#victim"),
                format!("{at}: a victim or potential victim of {name} lives there."),
            ),
            Some(false) if !victim.sources.contains(&Source::Police) => found.add(
                "VICTIM_ANSWER_NOT_FROM_POLICE",
                BlockerKind::Problem,
                sources::REC1_4_VICTIM,
                format!("{path}#victim"),
                format!("{at}: that no victim or potential victim lives there must come from police or domestic abuse information, not {name}'s own account."),
            ),
            Some(false) => {}
        }
        enquiry_blockers(
            case,
            &place.police_callout,
            &format!("{at}: the police call-out check"),
            &format!("{path}#police-callout"),
            sources::REC4_MANDATE,
            today,
            found,
        );
        if place.cs_check.outcome == Some(CsOutcome::NotRequired) {
            found.add(
                "PLACE_CHECK_NOT_RETURNED",
                BlockerKind::Problem,
                sources::REC4_MANDATE,
                format!("{path}#cs-check"),
                format!("{at}: a children's services check on the address is always required for a curfew."),
            );
        } else {
            enquiry_blockers(
                case,
                &place.cs_check,
                &format!("{at}: the children's services check"),
                &format!("{path}#cs-check"),
                sources::REC4_MANDATE,
                today,
                found,
            );
        }
        for (code, answer, what) in [
            (
                "EM_NOT_AVAILABLE",
                place.em_available,
                "electronic monitoring is available there",
            ),
            (
                "ELECTRICITY_NOT_CONFIRMED",
                place.electricity_confirmed,
                "there is a reliable electricity supply",
            ),
            (
                "EQUIPMENT_NOT_AGREED",
                place.equipment_agreed,
                "the main occupier agrees to the monitoring equipment being installed",
            ),
        ] {
            match answer {
                Some(true) => {}
                None => found.add(
                    code,
                    BlockerKind::Missing,
                    sources::MONITORING,
                    format!("{path}#monitoring"),
                    format!("{at}: not yet confirmed that {what}."),
                ),
                // No monitoring there, or the occupier refuses the equipment: more time will not
                // change that. A failed electricity supply might be put right.
                Some(false) => found.add(
                    code,
                    if code == "ELECTRICITY_NOT_CONFIRMED" {
                        BlockerKind::Problem
                    } else {
                        BlockerKind::Finding
                    },
                    sources::MONITORING,
                    format!("{path}#monitoring"),
                    format!("{at}: it is recorded that it is not the case that {what}."),
                ),
            }
        }
    }
}

/// The main occupier is a real adult who can agree to the equipment; in a hostel or approved
/// premises that is its manager, who lives elsewhere (Sch 9 para 33).
fn main_occupier_blockers(place: &Place, path: &str, at: &str, found: &mut Found) {
    if let Some(r) = place.occupier_as_resident() {
        if let Some(age) = r.age().filter(|a| *a < 18) {
            found.add(
                "MAIN_OCCUPIER_NOT_ADULT",
                BlockerKind::Problem,
                sources::CONSENT,
                format!("{path}#occupier"),
                format!(
                    "{at}: the main occupier, {}, is {age}. The main occupier must be an adult (18 or over) who can agree to the monitoring equipment.",
                    r.display_name()
                ),
            );
        }
    }
    let managed = match place.tenure {
        Some(Tenure::Hostel) => Some("a hostel or supported housing"),
        Some(Tenure::ApprovedPremises) => Some("approved premises"),
        _ => None,
    };
    if let Some(kind) = managed {
        if matches!(
            place.occupier,
            Some(OccupierKind::ThePerson | OccupierKind::Resident)
        ) {
            found.add(
                "MAIN_OCCUPIER_MUST_BE_MANAGER",
                BlockerKind::Problem,
                sources::MONITORING,
                format!("{path}#occupier"),
                format!(
                    "{at} is {kind}: the main occupier is its manager, whose agreement to the monitoring equipment is needed. Record the manager as the main occupier who lives elsewhere."
                ),
            );
        }
    }
}

fn consent_blockers(case: &Case, today: NaiveDate, found: &mut Found) {
    for place in &case.places {
        for who in place.consent_subjects() {
            let Some(consent) = place.consent(who) else {
                continue;
            };
            let path = format!("{}/{}/{}", Section::Consent.slug(), place.id, who.slug());
            let person = format!("{} at {}", place.subject_name(who), place.short_address());
            match consent.decision {
                Some(ConsentDecision::Refused) => {
                    found.add("CONSENT_REFUSED", BlockerKind::Finding, sources::CONSENT, path, format!("{person} refused consent. The outcome should be recorded as not suitable."));
                    continue;
                }
                Some(ConsentDecision::Withdrawn) => {
                    found.add("CONSENT_REFUSED", BlockerKind::Finding, sources::CONSENT, path, format!("{person} withdrew consent. The outcome should be recorded as not suitable."));
                    continue;
                }
                _ => {}
            }
            let mut gaps: Vec<String> = Vec::new();
            match consent.contacted_directly {
                Some(true) => {}
                Some(false) => gaps.push(
                    "was contacted only through the person being sentenced, not directly".into(),
                ),
                None => gaps.push("not yet contacted directly".into()),
            }
            if consent.spoken_privately != Some(true) {
                gaps.push("not spoken to privately".into());
            }
            let untold: Vec<String> = Told::all()
                .iter()
                .filter(|t| !consent.told.contains(t))
                .map(|t| t.label().to_ascii_lowercase())
                .collect();
            if !untold.is_empty() {
                gaps.push(format!("not yet told {}", join_and(&untold)));
            }
            if consent.attitude.trim().is_empty() {
                gaps.push("their attitude to the curfew is not recorded".into());
            }
            if consent.fear_or_pressure.is_none() {
                gaps.push("not recorded whether they showed any fear or pressure".into());
            }
            match consent.decision {
                None => gaps.push("consent not recorded".into()),
                Some(_) if consent.decision_date.date().is_none() => {
                    gaps.push("date of consent not recorded".into())
                }
                Some(_) => {}
            }
            if !gaps.is_empty() {
                found.add(
                    "CONSENT_INCOMPLETE",
                    BlockerKind::Missing,
                    sources::CONSENT,
                    path.clone(),
                    format!("{person}: {}.", gaps.join("; ")),
                );
            }
            let impossible = match (consent.contact_date.date(), consent.decision_date.date()) {
                (Some(c), _) if c > today => Some(format!(
                    "the date of contact, {}, is in the future",
                    long_date(c)
                )),
                (_, Some(d)) if d > today => Some(format!(
                    "the decision is dated {}, which is in the future",
                    long_date(d)
                )),
                (Some(c), Some(d)) if d < c => Some(format!(
                    "the decision is dated {}, before they were contacted on {}",
                    long_date(d),
                    long_date(c)
                )),
                _ => None,
            };
            if let Some(why) = impossible {
                found.add(
                    "CONSENT_DATE_IMPOSSIBLE",
                    BlockerKind::Problem,
                    sources::DATES,
                    path.clone(),
                    format!("{person}: {why}. Correct it."),
                );
            } else if let Some(first) = consent.contact_date.date().or(consent.decision_date.date())
            {
                // A consent from before the offence, or before any conviction, was not to a
                // curfew for this case: they could not have been told of the offending, and no
                // court could yet be considering one.
                let how = if consent.contact_date.date().is_some() {
                    "they were contacted on"
                } else {
                    "their decision is dated"
                };
                let when = long_date(first);
                let why = if let Some((offence, name)) = before_offence(case, first) {
                    Some(format!(
                        "{how} {when}, before {name} on {}. They cannot have agreed to a curfew for it: ask them again, tell them about this offending, and record their decision.",
                        long_date(offence)
                    ))
                } else {
                    before_conviction(case, first, today).map(|convicted| format!(
                        "{how} {when}, before the conviction on {}, when no court could yet be considering a curfew. Ask them again and record their decision.",
                        long_date(convicted)
                    ))
                };
                if let Some(why) = why {
                    found.add(
                        "CONSENT_BEFORE_CASE",
                        BlockerKind::Problem,
                        sources::CONSENT,
                        path.clone(),
                        format!("{person}: {why}"),
                    );
                }
            }
            // Consent belongs to what the person was told: other hours or another address
            // need asking again.
            if consent.decision == Some(ConsentDecision::Given) {
                let now = consent_terms(case, place);
                if consent.given_for != now {
                    let message = if consent.given_for.is_empty() {
                        format!(
                            "{person}: the address and hours they agreed to are not recorded. Ask them again about {now}, and record the date and time of their decision."
                        )
                    } else {
                        format!(
                            "{person} agreed to {}, but the proposal is now {now}. Ask them again, and record the date and time of their decision.",
                            consent.given_for
                        )
                    };
                    found.add(
                        "CONSENT_FOR_OTHER_TERMS",
                        BlockerKind::Missing,
                        sources::CONSENT,
                        path,
                        message,
                    );
                }
            }
        }
    }
}

/// Anything a page's own validation refuses blocks "suitable" too: answers are saved as they
/// are typed, so the stored case can hold what the form would reject. One blocker per page,
/// naming each answer to correct, unless the page already has a more specific blocker.
fn answers_to_correct(case: &Case, today: NaiveDate, blockers: &mut Vec<Blocker>) {
    let page_of = |path: &str| path.split('#').next().unwrap_or_default().to_string();
    for (section, page, errors) in every_page(case, today) {
        let Some(first) = errors.first() else {
            continue;
        };
        if blockers.iter().any(|b| page_of(&b.path) == page) {
            continue;
        }
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        blockers.push(Blocker {
            code: "ANSWERS_NEED_CORRECTING",
            message: format!(
                "Answers on this page need correcting: {}.",
                messages.join("; ")
            ),
            section,
            source: section.source(),
            path: format!("{page}#{}", first.field),
            kind: BlockerKind::Problem,
        });
    }
}

fn schedule_blockers(report: &ScheduleReport, found: &mut Found) {
    let path = Section::Schedule.slug();
    for problem in &report.problems {
        let (code, kind, message) = match problem {
            ScheduleProblem::NoStart => (
                "SCHEDULE_MISSING",
                BlockerKind::Missing,
                "Curfew start date not recorded.".to_string(),
            ),
            ScheduleProblem::NoLength => (
                "SCHEDULE_MISSING",
                BlockerKind::Missing,
                "Length of the curfew not recorded.".to_string(),
            ),
            ScheduleProblem::NoWindows => (
                "SCHEDULE_MISSING",
                BlockerKind::Missing,
                "No curfew hours recorded.".to_string(),
            ),
            ScheduleProblem::WindowTimes(n) => (
                "SCHEDULE_MISSING",
                BlockerKind::Missing,
                format!(
                    "Curfew period {n}: the start and end times are missing, unreadable or the same."
                ),
            ),
            ScheduleProblem::WindowNoDays(n) => (
                "SCHEDULE_MISSING",
                BlockerKind::Missing,
                format!("Curfew period {n}: choose the days of the week it applies."),
            ),
            ScheduleProblem::WindowNoPlace(n) => (
                "SCHEDULE_MISSING",
                BlockerKind::Missing,
                format!("Curfew period {n}: choose which address it applies to."),
            ),
            ScheduleProblem::Overlap(a, b) => (
                "SCHEDULE_OVERLAP",
                BlockerKind::Problem,
                format!("Curfew periods {a} and {b} overlap."),
            ),
            ScheduleProblem::OverDaily(days, minutes) => {
                let limit = report
                    .limits
                    .map(|l| hours_text(l.max_daily_minutes()))
                    .unwrap_or_default();
                let days: Vec<&str> = days.iter().map(|d| d.label()).collect();
                (
                    "SCHEDULE_OVER_DAILY_LIMIT",
                    BlockerKind::Problem,
                    format!(
                        "{} on {}: more than the {limit} allowed in any day.",
                        hours_text(*minutes),
                        join_and(&days)
                    ),
                )
            }
            ScheduleProblem::OverDailyCalendar(days, minutes) => {
                let limit = report
                    .limits
                    .map(|l| hours_text(l.max_daily_minutes()))
                    .unwrap_or_default();
                let days: Vec<String> = days.iter().map(|d| format!("{}s", d.label())).collect();
                (
                    "SCHEDULE_OVER_DAILY_LIMIT",
                    BlockerKind::Problem,
                    format!(
                        "{} between midnight and midnight on {}, counting the curfew that runs on from the night before: more than the {limit} allowed in any day.",
                        hours_text(*minutes),
                        join_and(&days)
                    ),
                )
            }
            ScheduleProblem::StartBeforeConviction(convicted) => (
                "SCHEDULE_START_BEFORE_CONVICTION",
                BlockerKind::Problem,
                format!(
                    "The curfew would start before the date of conviction, {}. Correct the start date.",
                    long_date(*convicted)
                ),
            ),
            ScheduleProblem::UnderTwoHours(days) => {
                let days: Vec<&str> = days.iter().map(|d| d.label()).collect();
                (
                    "SCHEDULE_UNDER_MINIMUM",
                    BlockerKind::Problem,
                    format!(
                        "Less than 2 hours of curfew on {}: each curfew day must have at least 2 hours.",
                        join_and(&days)
                    ),
                )
            }
            ScheduleProblem::OverWeekly(first, minutes) => (
                "SCHEDULE_OVER_WEEKLY_LIMIT",
                BlockerKind::Problem,
                format!(
                    "{} in the 7 days from {}: more than the 112 hours allowed in each 7-day period from the start day.",
                    hours_text(*minutes),
                    long_date(*first)
                ),
            ),
            ScheduleProblem::TooLong { last_day, latest } => (
                "SCHEDULE_TOO_LONG",
                BlockerKind::Problem,
                format!(
                    "The curfew would run until {}. Under these limits it must end by {}.",
                    long_date(*last_day),
                    long_date(*latest)
                ),
            ),
            // Reported once, on the hearing page, as CONVICTION_DATE_MISSING.
            ScheduleProblem::LimitsUnknown => continue,
        };
        found.add(code, kind, sources::SCHEDULE, path, message);
    }
}

pub fn gatekeeping_status(case: &Case) -> GatekeepingStatus {
    let mut reasons = Vec::new();
    let high: Vec<&str> = case
        .rosh
        .domains()
        .iter()
        .filter(|(_, l)| matches!(l, Some(RoshLevel::High | RoshLevel::VeryHigh)))
        .map(|(d, _)| *d)
        .collect();
    if !high.is_empty() {
        reasons.push(format!(
            "Risk of serious harm is high or very high to {}",
            join_and(&high)
        ));
    }
    let police_da = case.police.outcome == Some(PoliceOutcome::DaInformationHeld)
        || case
            .places
            .iter()
            .any(|p| p.police_callout.outcome == Some(PoliceOutcome::DaInformationHeld));
    if police_da {
        reasons.push("Police hold domestic abuse information".into());
    }
    let cs_current = case
        .childrens_services
        .iter()
        .map(|c| &c.enquiry)
        .chain(case.places.iter().map(|p| &p.cs_check))
        .any(|e| e.outcome.is_some_and(|o| o.is_current_involvement()));
    if cs_current {
        reasons.push("Children's services have open or current involvement".into());
    }
    // An order recorded counts even if "any orders?" was later switched to "no".
    if (case.orders_recorded == Some(true) && !case.orders.is_empty())
        || case.orders.iter().any(|o| !o.is_blank())
    {
        reasons.push("An order protects someone connected with the person".into());
    }
    let fear = case.places.iter().any(|p| {
        p.residents
            .iter()
            .map(|r| &r.consent)
            .chain(std::iter::once(&p.occupier_elsewhere.consent))
            .any(|c| c.fear_or_pressure == Some(true))
    });
    if fear {
        reasons.push("A resident showed signs of fear or pressure".into());
    }
    let requested_by_officer = case.gatekeeping.requested_by_officer;
    if reasons.is_empty() && requested_by_officer {
        reasons.push("The officer asked for gatekeeping".into());
    }
    let last = case.gatekeeping.decisions.last();
    let fingerprint_now = last.map(|_| case.content_fingerprint());
    let standing =
        last.is_some_and(|d| d.endorsed && Some(&d.fingerprint) == fingerprint_now.as_ref());
    // An endorsement signed for the team counts only once this device has verified it, over
    // these exact answers (the fingerprint alone is no proof against a forger).
    let unverified = last
        .filter(|_| standing)
        .and_then(|d| d.signed.as_ref())
        .and_then(|s| match s.standing() {
            Err(why) => Some(why),
            Ok(()) if s.answers != attest::answers_digest(case) => {
                Some("it was signed for different answers from the ones this case holds".into())
            }
            Ok(()) => None,
        });
    let endorsed = standing && unverified.is_none();
    let revoked = last.is_some_and(|d| d.endorsed) && !standing;
    let awaiting = case.awaiting_gatekeeping() || unverified.is_some();
    let returned = case.returned_by_gatekeeping();
    GatekeepingStatus {
        required: !reasons.is_empty(),
        reasons,
        requested_by_officer,
        endorsed,
        revoked,
        unverified,
        awaiting,
        returned,
    }
}

fn advice_for(
    case: &Case,
    today: NaiveDate,
    holidays: &[NaiveDate],
    curfew: bool,
    blockers: &[Blocker],
    schedule: Option<&ScheduleReport>,
) -> Vec<Advice> {
    let mut advice = Vec::new();
    let mut add = |code, source, path: &str, message: String| {
        advice.push(Advice {
            code,
            message,
            source,
            path: path.to_string(),
        })
    };

    if let Some(hearing) = case.hearing.date.date() {
        if curfew && !blockers.is_empty() && hearing <= today {
            let report = match case.hearing.report_type {
                Some(ReportType::Oral) => "an oral report",
                _ => "this report",
            };
            add(
                "ADJOURN",
                sources::ADJOURN,
                Section::Outcome.slug(),
                format!(
                    "Checks are still outstanding on the day of the hearing for {report}. Ask the court to adjourn so they can be completed; do not tell the court a curfew is suitable."
                ),
            );
        }
    }

    if case
        .hearing
        .report_type
        .is_some_and(|t| t != ReportType::StandardDelivery)
    {
        let mut why = Vec::new();
        if case
            .rosh
            .domains()
            .iter()
            .any(|(_, l)| matches!(l, Some(RoshLevel::High | RoshLevel::VeryHigh)))
        {
            why.push("risk of serious harm is high or very high");
        }
        if case.police.outcome == Some(PoliceOutcome::DaInformationHeld) {
            why.push("police hold domestic abuse information");
        }
        let cs_known = case.childrens_services.iter().any(|c| {
            c.enquiry
                .outcome
                .is_some_and(|o| o.is_current_involvement() || o == CsOutcome::PreviouslyKnown)
        });
        if cs_known {
            why.push("children's services are or have been involved");
        }
        if case.childrens_services.len() > 1 || case.places.len() > 1 {
            why.push("several enquiries are needed");
        }
        // The review's pattern: a curfew where children live or visit, decided before the
        // agencies have answered.
        if curfew && !children_at_places(case).is_empty() && replies_outstanding(case) {
            why.push("children live at or visit the proposed address and the police or children's services replies are not back");
        }
        if !why.is_empty() {
            add(
                "STANDARD_DELIVERY_REPORT",
                sources::SDR,
                Section::Hearing.slug(),
                format!(
                    "Consider a standard delivery report: additional assessment, professional discussion and multiple enquiries are required because {}.",
                    join_and(&why)
                ),
            );
        }
    }

    // The due date typed, or the default from the hearing and report type (see `deadlines`).
    let mut chase = |due: &DateParts, awaiting: bool, what: String, path: String| {
        if let Some((due, _)) = super::deadlines::due_date(due, case, holidays) {
            if awaiting && due < today {
                add(
                    "CHASE",
                    sources::REC3,
                    &path,
                    format!("{what} was due on {}. Chase it.", long_date(due)),
                );
            }
        }
    };
    chase(
        &(case.police.due),
        case.police.outcome == Some(PoliceOutcome::Awaiting),
        "The police domestic abuse enquiry".into(),
        Section::Police.slug().into(),
    );
    for cs in &case.childrens_services {
        let agency = cs.enquiry.agency.trim();
        let what = if agency.is_empty() {
            "A children's services enquiry".to_string()
        } else {
            format!("The children's services enquiry to {agency}")
        };
        chase(
            &(cs.enquiry.due),
            cs.enquiry.outcome == Some(CsOutcome::Awaiting),
            what,
            Section::ChildrensServices.slug().into(),
        );
    }
    if curfew {
        for p in &case.places {
            let path = format!("{}/{}", Section::Places.slug(), p.id);
            chase(
                &(p.police_callout.due),
                p.police_callout.outcome == Some(PoliceOutcome::Awaiting),
                format!("{}: the police call-out check", p.short_address()),
                path.clone(),
            );
            chase(
                &(p.cs_check.due),
                p.cs_check.outcome == Some(CsOutcome::Awaiting),
                format!("{}: the children's services check", p.short_address()),
                path,
            );
        }
    }

    // Replies and consents old by the hearing: information may have changed since.
    let on = case
        .hearing
        .date
        .date()
        .filter(|h| *h > today)
        .unwrap_or(today);
    let mut old = |received: Option<NaiveDate>, what: String, path: String, ask: &str| {
        let Some(got) = received.filter(|d| *d <= today) else {
            return;
        };
        let days = (on - got).num_days();
        if days > OLD_AFTER_DAYS {
            add(
                "OLD_INFORMATION",
                sources::CURRENT,
                &path,
                format!(
                    "{what} is dated {}, {days} days before {}. Things may have changed since: {ask} before the court relies on it.",
                    long_date(got),
                    if on == today { "today" } else { "the hearing" }
                ),
            );
        }
    };
    if case.police.outcome.is_some_and(|o| o.is_reply()) {
        old(
            case.police.received.date(),
            "The police domestic abuse reply".into(),
            Section::Police.slug().into(),
            "ask the police whether they hold anything new",
        );
    }
    for cs in &case.childrens_services {
        if cs.enquiry.outcome.is_some_and(|o| o.is_reply()) {
            let agency = cs.enquiry.agency.trim();
            old(
                cs.enquiry.received.date(),
                if agency.is_empty() {
                    "A children's services reply".to_string()
                } else {
                    format!("The children's services reply from {agency}")
                },
                Section::ChildrensServices.slug().into(),
                "ask children's services whether anything has changed",
            );
        }
    }
    if curfew {
        for p in &case.places {
            let path = format!("{}/{}", Section::Places.slug(), p.id);
            if p.police_callout.outcome.is_some_and(|o| o.is_reply()) {
                old(
                    p.police_callout.received.date(),
                    format!("{}: the police call-out reply", p.short_address()),
                    path.clone(),
                    "ask the police whether there have been call-outs since",
                );
            }
            if p.cs_check.outcome.is_some_and(|o| o.is_reply()) {
                old(
                    p.cs_check.received.date(),
                    format!("{}: the children's services reply", p.short_address()),
                    path,
                    "ask children's services whether anything has changed",
                );
            }
            for who in p.consent_subjects() {
                let Some(consent) = p.consent(who) else {
                    continue;
                };
                if consent.decision == Some(ConsentDecision::Given) {
                    old(
                        consent.decision_date.date(),
                        format!(
                            "The consent of {} at {}",
                            p.subject_name(who),
                            p.short_address()
                        ),
                        format!("{}/{}/{}", Section::Consent.slug(), p.id, who.slug()),
                        "ask them, privately, whether they still agree",
                    );
                }
            }
        }
    }

    if let Some(report) = schedule {
        if report.runs_past_order() {
            if let (Some(last), Some(order)) = (report.last_day, report.order_last_day) {
                add(
                    "CURFEW_PAST_ORDER",
                    sources::SCHEDULE,
                    Section::Schedule.slug(),
                    format!(
                        "The curfew would run until {}, after the order ends on {}. It should end within the order.",
                        long_date(last),
                        long_date(order)
                    ),
                );
            }
        }
        // Only at the longest curfew the law allows: a shorter curfew's last morning is still
        // within the statutory period.
        let at_the_limit =
            report.latest_last_day.is_some() && report.latest_last_day == report.last_day;
        if let (Some((from, to)), Some(last), true) =
            (report.last_night, report.last_day, at_the_limit)
        {
            let next = last.succ_opt().unwrap_or(last);
            add(
                "LAST_NIGHT_PAST_END",
                sources::SCHEDULE,
                Section::Schedule.slug(),
                format!(
                    "The last curfew period, from {} on {}, would run until {} on {}, after the longest curfew the law allows has ended. The last lawful time is midnight at the end of {}: say in the proposal that the last period ends then.",
                    spoken_time(from),
                    long_date(last),
                    spoken_time(to),
                    long_date(next),
                    long_date(last)
                ),
            );
        }
        if report.limits.is_some_and(|l| l.mixed) {
            add("STRICTER_LIMITS", sources::SCHEDULE, Section::Schedule.slug(), "The offences were convicted either side of 28 June 2022, so the stricter limits apply: at most 16 hours in any day, ending within 12 months.".into());
        }
        if !case.schedule.clashes.is_empty() {
            let clashes: Vec<String> = case
                .schedule
                .clashes
                .iter()
                .map(|c| c.label().to_ascii_lowercase())
                .collect();
            add(
                "SCHEDULE_CLASHES",
                sources::SCHEDULE,
                Section::Schedule.slug(),
                format!(
                    "The curfew hours may clash with {}. Consider changing the hours.",
                    join_and(&clashes)
                ),
            );
        }
    }
    advice
}

/// Any police or children's services reply, about the person or an address, not yet back.
fn replies_outstanding(case: &Case) -> bool {
    let cs_back = case
        .childrens_services
        .iter()
        .filter(|c| !c.is_blank())
        .all(|c| c.enquiry.is_returned())
        && case
            .childrens_services
            .iter()
            .any(|c| c.enquiry.is_returned());
    !case.police.is_returned()
        || !cs_back
        || case
            .places
            .iter()
            .any(|p| !p.police_callout.is_returned() || !p.cs_check.is_returned())
}

fn section_status(
    case: &Case,
    section: Section,
    blockers: &[Blocker],
    cs_required: bool,
    curfew: bool,
    outcome: &OutcomeState,
) -> SectionStatus {
    let curfew_section = matches!(
        section,
        Section::Places | Section::Consent | Section::Schedule
    );
    if curfew_section && !curfew {
        return SectionStatus::NotNeeded;
    }
    let touched = match section {
        Section::Hearing => true,
        Section::ChildContact => ChildQuestion::ALL
            .iter()
            .any(|q| *case.child_contact.answer(*q) != <SourcedAnswer as Default>::default()),
        Section::Police => !case.police.is_blank(),
        Section::ChildrensServices => case.childrens_services.iter().any(|c| !c.is_blank()),
        Section::Places => case.places.iter().any(|p| !p.is_blank()),
        Section::Consent => case.places.iter().any(|p| {
            p.consent_subjects()
                .iter()
                .any(|w| p.consent(*w).is_some_and(|c| !c.is_blank()))
        }),
        Section::Schedule => case.schedule != <Schedule as Default>::default(),
        Section::Outcome => {
            case.outcome.selected.is_some() || !case.outcome.rationale.trim().is_empty()
        }
    };
    match section {
        Section::Outcome => {
            return match outcome {
                OutcomeState::SuitableNoLongerValid => SectionStatus::ActionNeeded,
                OutcomeState::Recorded(_) => SectionStatus::Completed,
                OutcomeState::NotRecorded if touched => SectionStatus::InProgress,
                OutcomeState::NotRecorded => SectionStatus::NotStarted,
            };
        }
        Section::ChildrensServices if !cs_required && !touched => return SectionStatus::NotNeeded,
        Section::Consent | Section::Schedule if case.places.is_empty() => {
            return SectionStatus::CannotStartYet;
        }
        Section::Consent if !touched => {
            // Consent can only be taken once the household is known.
            let household_known = case.places.iter().all(|p| {
                !p.household_sources.is_empty() && p.residents.iter().all(|r| r.age().is_some())
            });
            if !household_known {
                return SectionStatus::CannotStartYet;
            }
        }
        _ => {}
    }
    let mut here = blockers.iter().filter(|b| b.section == section).peekable();
    if here.peek().is_none() {
        return SectionStatus::Completed;
    }
    if here.any(|b| b.kind != BlockerKind::Missing) {
        SectionStatus::ActionNeeded
    } else if touched {
        SectionStatus::InProgress
    } else {
        SectionStatus::NotStarted
    }
}

fn offence_name(index: usize, offence: &Offence) -> String {
    let d = offence.description.trim();
    if d.is_empty() {
        format!("offence {}", index + 1)
    } else {
        format!("the offence of {}", d.to_ascii_lowercase())
    }
}

/// Names compared case-blind (ASCII letters only: full Unicode case tables would add to every
/// download for a safety net; the officer's own yes/no answer is the main check).
fn normalise_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// Every page's validation as its page runs it, with the section and the page's path below
/// `/cases/:id/`: the rules block "suitable" on anything here (see `rules::answers_to_correct`).
/// Pages of sections that do not apply (no curfew, no children's services enquiry needed) are
/// left out; views of 16 and 17 year olds are optional and never checked.
pub fn every_page(case: &Case, today: NaiveDate) -> Vec<(Section, String, Vec<FieldError>)> {
    let mut pages = vec![
        (
            Section::Hearing,
            Section::Hearing.slug().to_string(),
            validate::hearing(case, today, true),
        ),
        (
            Section::ChildContact,
            Section::ChildContact.slug().to_string(),
            validate::child_contact(case),
        ),
        (
            Section::Police,
            Section::Police.slug().to_string(),
            validate::police(case, today),
        ),
    ];
    if case.childrens_services_required() {
        pages.push((
            Section::ChildrensServices,
            Section::ChildrensServices.slug().to_string(),
            validate::childrens_services(case, today),
        ));
    }
    if case.curfew_considered() {
        for p in &case.places {
            pages.push((
                Section::Places,
                format!("{}/{}", Section::Places.slug(), p.id),
                validate::place(case, p, today),
            ));
        }
        pages.push((
            Section::Schedule,
            Section::Schedule.slug().to_string(),
            validate::schedule(case, today),
        ));
        for p in &case.places {
            let terms = consent_terms(case, p);
            for who in p.consent_subjects() {
                if let Some(c) = p.consent(who) {
                    pages.push((
                        Section::Consent,
                        format!("{}/{}/{}", Section::Consent.slug(), p.id, who.slug()),
                        validate::consent(c, &terms, today),
                    ));
                }
            }
        }
    }
    pages
}

/// The outcome page: "suitable" only when the rules allow it; "not suitable" always, with a reason.
pub fn outcome_errors(case: &Case, assessment: &Assessment) -> Vec<FieldError> {
    let mut e = <validate::Errors as Default>::default();
    let o = &case.outcome;
    e.choice("decision", &o.selected, "Select the outcome");
    match o.selected {
        Some(Decision::Suitable) if !assessment.curfew_considered => {
            e.add("decision", "You cannot record a curfew as suitable: the hearing details say no curfew is being considered");
        }
        Some(Decision::Suitable)
            if assessment
                .blockers
                .iter()
                .any(|b| b.kind == BlockerKind::Finding) =>
        {
            // Not "checks outstanding": more time would not change what was found.
            e.add("decision", "You cannot record a curfew as suitable: what has been found rules it out, and more time will not change that. Record that a curfew is not suitable");
        }
        Some(Decision::Suitable) if !assessment.can_record_suitable() => {
            let n = assessment.outstanding();
            let checks = if n == 1 {
                "1 check is".to_string()
            } else {
                format!("{n} checks are")
            };
            e.add("decision", format!("You cannot record a curfew as suitable while {checks} outstanding. Complete them, or record that a curfew is not suitable"));
        }
        Some(Decision::Suitable) => e.text(
            "rationale",
            &o.rationale,
            "Enter your rationale for finding the curfew suitable",
        ),
        Some(Decision::NotSuitable) => e.text(
            "rationale",
            &o.rationale,
            "Enter the reason the curfew is not suitable",
        ),
        _ => {}
    }
    e.0
}
