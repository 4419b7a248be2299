//! A case: everything the court officer records about one person awaiting sentence.
//!
//! Free text and dates are kept as typed (see `inputs`); the rules read them through the parsing
//! helpers and treat anything unreadable as not yet recorded.

use miniserde::{Deserialize, Serialize};

use super::attest::Signed;
use super::choice::{Choice, choice};
use super::inputs::{DateParts, parse_whole_number};
use super::text::isolate;

choice!(ReportType {
    Oral("oral", "Oral report", "Given on the day of the hearing"),
    FastDelivery("fast", "Fast delivery written report", "Usually within 5 working days"),
    StandardDelivery("standard", "Standard delivery report", "Usually within 15 working days, for complex cases"),
});

choice!(RoshLevel {
    Low("low", "Low"),
    Medium("medium", "Medium"),
    High("high", "High"),
    VeryHigh("very_high", "Very high"),
    NotAssessed("not_assessed", "Not yet assessed"),
});

choice!(
    /// Where an answer came from. An answer resting only on `OwnAccount` is unverified (rec 3).
    Source {
        OwnAccount("own_account", "The person's own account"),
        Resident("resident", "A resident of the address"),
        Police("police", "Police"),
        ChildrensServices("childrens_services", "Children's services"),
        OtherAgency("other_agency", "Another agency"),
    }
);

choice!(PoliceOutcome {
    DaInformationHeld("da_held", "Domestic abuse information held"),
    InformationNotDa("info_not_da", "Information held, not domestic abuse"),
    NoInformation("none_held", "No information held"),
    Awaiting("awaiting", "Requested – awaiting reply"),
    NotRequested("not_requested", "Not requested"),
});

choice!(CsOutcome {
    ChildProtectionPlan("cp_plan", "Open child protection plan", "In Wales: on the child protection register, or a care and support protection plan"),
    ChildInNeedPlan("cin_plan", "Open child in need plan", "In Wales: a care and support plan"),
    LookedAfter("looked_after", "Looked-after child"),
    AssessmentOrSection47("assessment", "Assessment or section 47 enquiry in progress"),
    Proceedings("proceedings", "Pre-proceedings or care proceedings"),
    EarlyHelpOrOther("early_help", "Open early help or other involvement"),
    PreviouslyKnown("previously_known", "Previously known, now closed"),
    NotKnown("not_known", "Not known to children's services"),
    Awaiting("awaiting", "Requested – awaiting reply"),
    NotRequested("not_requested", "Not requested"),
    NotRequired("not_required", "Not required", "Only where no curfew is proposed and every child contact answer is a verified no"),
});

choice!(OrderKind {
    Restraining("restraining", "Restraining order"),
    NonMolestation("non_molestation", "Non-molestation order"),
    Occupation("occupation", "Occupation order"),
    DaProtection("dapo", "Domestic abuse protection order"),
    BailCondition("bail", "Bail condition"),
    ChildArrangements("child_arrangements", "Child arrangements order"),
});

choice!(Tenure {
    Owned("owned", "Owned"),
    PrivateRented("private_rented", "Rented from a private landlord"),
    SocialRented("social_rented", "Rented from a council or housing association"),
    Hostel("hostel", "Hostel or supported housing"),
    ApprovedPremises("approved_premises", "Approved premises"),
    Other("other", "Other"),
});

choice!(OccupierKind {
    ThePerson("the_person", "The person being sentenced"),
    Resident("resident", "Someone else who lives there"),
    Elsewhere("elsewhere", "Someone who lives elsewhere", "For example, a landlord or a hostel or approved premises manager"),
});

choice!(AssessedBy {
    HomeVisit("home_visit", "Home visit"),
    Phone("phone", "Phone call"),
    Video("video", "Video call"),
});

choice!(ContactMethod {
    InPerson("in_person", "In person"),
    Phone("phone", "Phone"),
    Video("video", "Video call"),
});

choice!(
    /// What a resident must be told before their consent counts (rec 6).
    Told {
        Hours("hours", "The curfew hours"),
        Equipment("equipment", "The tag and the monitoring equipment in the home"),
        Offending("offending", "The nature of the offending, within disclosure rules"),
        CanWithdraw("can_withdraw", "That they can withdraw consent at any time"),
    }
);

choice!(ConsentDecision {
    Given("given", "Consent given"),
    Refused("refused", "Consent refused"),
    Withdrawn("withdrawn", "Consent given, then withdrawn"),
});

choice!(Day {
    Mon("mon", "Monday"),
    Tue("tue", "Tuesday"),
    Wed("wed", "Wednesday"),
    Thu("thu", "Thursday"),
    Fri("fri", "Friday"),
    Sat("sat", "Saturday"),
    Sun("sun", "Sunday"),
});

choice!(LengthUnit {
    Days("days", "Days"),
    Weeks("weeks", "Weeks"),
    Months("months", "Months"),
});

choice!(Clash {
    Work("work", "Work"),
    Education("education", "Education or training"),
    Religion("religion", "Religious observance"),
    Caring("caring", "Caring responsibilities"),
});

choice!(Decision {
    Suitable("suitable", "Curfew suitable"),
    NotSuitable("not_suitable", "Curfew not suitable"),
    NotProposed("not_proposed", "Curfew not proposed"),
});

impl Day {
    pub fn from_chrono(day: chrono::Weekday) -> Day {
        Day::all()[day.num_days_from_monday() as usize]
    }
}

impl PoliceOutcome {
    /// The police have answered (or the officer chose not to ask).
    pub fn is_reply(self) -> bool {
        !matches!(self, PoliceOutcome::Awaiting | PoliceOutcome::NotRequested)
    }
}

impl CsOutcome {
    pub fn is_reply(self) -> bool {
        !matches!(
            self,
            CsOutcome::Awaiting | CsOutcome::NotRequested | CsOutcome::NotRequired
        )
    }
    /// Open or current involvement: a reason for gatekeeping (rec 5).
    pub fn is_current_involvement(self) -> bool {
        matches!(
            self,
            CsOutcome::ChildProtectionPlan
                | CsOutcome::ChildInNeedPlan
                | CsOutcome::LookedAfter
                | CsOutcome::AssessmentOrSection47
                | CsOutcome::Proceedings
                | CsOutcome::EarlyHelpOrOther
        )
    }
}

/// Implemented by the two outcome lists so one enquiry type serves both agencies.
pub trait EnquiryOutcome: Choice {
    fn is_reply(self) -> bool;
    fn not_requested() -> Self;
    /// "Requested – awaiting reply".
    fn awaiting() -> Self;
}
impl EnquiryOutcome for PoliceOutcome {
    fn is_reply(self) -> bool {
        PoliceOutcome::is_reply(self)
    }
    fn not_requested() -> Self {
        PoliceOutcome::NotRequested
    }
    fn awaiting() -> Self {
        PoliceOutcome::Awaiting
    }
}
impl EnquiryOutcome for CsOutcome {
    fn is_reply(self) -> bool {
        CsOutcome::is_reply(self)
    }
    fn not_requested() -> Self {
        CsOutcome::NotRequested
    }
    fn awaiting() -> Self {
        CsOutcome::Awaiting
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: String,
    /// Rises by one with every saved change.
    pub revision: u64,
    pub created_at: String,
    pub updated_at: String,
    pub person: Person,
    pub hearing: Hearing,
    pub offences: Vec<Offence>,
    pub rosh: Rosh,
    pub orders_recorded: Option<bool>,
    pub orders: Vec<ProtectiveOrder>,
    pub child_contact: ChildContact,
    pub police: Enquiry<PoliceOutcome>,
    pub childrens_services: Vec<CsEnquiry>,
    pub places: Vec<Place>,
    pub schedule: Schedule,
    pub outcome: Outcome,
    pub gatekeeping: Gatekeeping,
    /// Source of ids for offences, places, residents and the rest, unique within the case.
    pub next_id: u32,
    /// The audit trail: appended to, never edited (see `audit`). Added in schema version 2.
    pub events: Vec<AuditEvent>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub date_of_birth: DateParts,
    /// The case reference number used across probation, as typed (read by `identifiers::crn`).
    /// Added in schema version 4, as are the fields below.
    pub crn: String,
    /// The Police National Computer ID, as typed (read by `identifiers::pnc_id`).
    pub pnc_id: String,
    /// Other names used (earlier surnames, aliases, other spellings), one on each line.
    pub other_names: String,
    /// Where the person lives now.
    pub address: Address,
    /// Where they lived before, back at least two years, one address on each line with when.
    pub previous_addresses: String,
}

impl Person {
    /// The other names, one for each line typed.
    pub fn other_names(&self) -> Vec<String> {
        lines(&self.other_names)
    }
    /// The previous addresses, one for each line typed.
    pub fn previous_addresses(&self) -> Vec<String> {
        lines(&self.previous_addresses)
    }
}

/// The lines of a box that takes one item on each line, trimmed, blank ones left out.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A postal address, as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Address {
    pub line_1: String,
    pub line_2: String,
    pub town: String,
    pub postcode: String,
}

impl Address {
    /// The lines typed, joined with commas; empty when nothing is typed.
    pub fn full(&self) -> String {
        [&self.line_1, &self.line_2, &self.town, &self.postcode]
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
    pub fn is_blank(&self) -> bool {
        self.full().is_empty()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Hearing {
    pub court: String,
    pub date: DateParts,
    pub report_type: Option<ReportType>,
    pub curfew_considered: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Offence {
    pub id: u32,
    pub description: String,
    pub offence_date: DateParts,
    /// Decides which statutory curfew limits apply.
    pub conviction_date: DateParts,
    pub da_related: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Rosh {
    pub children: Option<RoshLevel>,
    pub public: Option<RoshLevel>,
    pub known_adult: Option<RoshLevel>,
    pub staff: Option<RoshLevel>,
}

impl Rosh {
    pub fn domains(&self) -> [(&'static str, Option<RoshLevel>); 4] {
        [
            ("children", self.children),
            ("the public", self.public),
            ("a known adult", self.known_adult),
            ("staff", self.staff),
        ]
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProtectiveOrder {
    pub id: u32,
    pub kind: Option<OrderKind>,
    /// Name of the person the order protects.
    pub protects: String,
    pub relationship: String,
    pub lives_at_or_visits_place: Option<bool>,
    pub source: Option<Source>,
}

impl ProtectiveOrder {
    /// Nothing recorded about it yet (an "Add an order" pressed and left empty).
    pub fn is_blank(&self) -> bool {
        *self
            == ProtectiveOrder {
                id: self.id,
                ..<ProtectiveOrder as Default>::default()
            }
    }
}

/// A yes/no answer and where it came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SourcedAnswer {
    pub answer: Option<bool>,
    pub sources: Vec<Source>,
    pub details: String,
}

impl SourcedAnswer {
    /// Answered, but only on the person's own word.
    pub fn rests_on_own_account(&self) -> bool {
        self.answer.is_some() && rests_on_own_account(&self.sources)
    }
    /// A "no" confirmed by someone other than the person.
    pub fn is_verified_no(&self) -> bool {
        self.answer == Some(false) && self.sources.iter().any(|s| *s != Source::OwnAccount)
    }
}

pub fn rests_on_own_account(sources: &[Source]) -> bool {
    !sources.is_empty() && sources.iter().all(|s| *s == Source::OwnAccount)
}

/// Rec 2: does the person live with, have responsibility for, have access to, or are they likely
/// to have a negative impact on the wellbeing or safety of any child?
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChildContact {
    pub lives_with: SourcedAnswer,
    pub responsible_for: SourcedAnswer,
    pub has_access: SourcedAnswer,
    pub negative_impact: SourcedAnswer,
}

/// The four child contact questions, in the order they are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChildQuestion {
    LivesWith,
    ResponsibleFor,
    HasAccess,
    NegativeImpact,
}

impl ChildQuestion {
    pub const ALL: [ChildQuestion; 4] = [
        ChildQuestion::LivesWith,
        ChildQuestion::ResponsibleFor,
        ChildQuestion::HasAccess,
        ChildQuestion::NegativeImpact,
    ];
    pub fn slug(self) -> &'static str {
        match self {
            ChildQuestion::LivesWith => "lives-with",
            ChildQuestion::ResponsibleFor => "responsible-for",
            ChildQuestion::HasAccess => "has-access",
            ChildQuestion::NegativeImpact => "negative-impact",
        }
    }
    /// What the question is about, for follow-up questions.
    pub fn topic(self) -> &'static str {
        match self {
            ChildQuestion::LivesWith => "living with a child",
            ChildQuestion::ResponsibleFor => "responsibility for a child",
            ChildQuestion::HasAccess => "access to a child",
            ChildQuestion::NegativeImpact => "negative impact on a child",
        }
    }
    /// Short form used in lists of blockers.
    pub fn short(self) -> &'static str {
        match self {
            ChildQuestion::LivesWith => "lives with a child",
            ChildQuestion::ResponsibleFor => "is responsible for a child",
            ChildQuestion::HasAccess => "has access to a child",
            ChildQuestion::NegativeImpact => "is likely to have a negative impact on a child",
        }
    }
}

impl ChildContact {
    pub fn answer(&self, q: ChildQuestion) -> &SourcedAnswer {
        match q {
            ChildQuestion::LivesWith => &self.lives_with,
            ChildQuestion::ResponsibleFor => &self.responsible_for,
            ChildQuestion::HasAccess => &self.has_access,
            ChildQuestion::NegativeImpact => &self.negative_impact,
        }
    }
    pub fn answer_mut(&mut self, q: ChildQuestion) -> &mut SourcedAnswer {
        match q {
            ChildQuestion::LivesWith => &mut self.lives_with,
            ChildQuestion::ResponsibleFor => &mut self.responsible_for,
            ChildQuestion::HasAccess => &mut self.has_access,
            ChildQuestion::NegativeImpact => &mut self.negative_impact,
        }
    }
    pub fn any_yes(&self) -> bool {
        ChildQuestion::ALL
            .iter()
            .any(|q| self.answer(*q).answer == Some(true))
    }
}

/// One enquiry to an agency: police or a local authority's children's services.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Enquiry<O> {
    /// Police force or local authority asked.
    pub agency: String,
    pub requested: DateParts,
    pub due: DateParts,
    pub received: DateParts,
    pub outcome: Option<O>,
    pub summary: String,
    pub not_requested_reason: String,
    /// The officer confirms the reply was taken into account in the proposal.
    pub considered: bool,
}

impl<O> Default for Enquiry<O> {
    fn default() -> Self {
        Enquiry {
            agency: String::new(),
            requested: <DateParts as Default>::default(),
            due: <DateParts as Default>::default(),
            received: <DateParts as Default>::default(),
            outcome: None,
            summary: String::new(),
            not_requested_reason: String::new(),
            considered: false,
        }
    }
}

impl<O: EnquiryOutcome> Enquiry<O> {
    /// A reply is recorded with the date it arrived.
    pub fn is_returned(&self) -> bool {
        self.outcome.is_some_and(|o| o.is_reply()) && self.received.date().is_some()
    }
    /// Nothing typed or chosen in it at all: anything recorded makes it an enquiry (which must
    /// then be complete).
    pub fn is_blank(&self) -> bool {
        self.agency.trim().is_empty()
            && self.requested.is_blank()
            && self.due.is_blank()
            && self.received.is_blank()
            && self.outcome.is_none()
            && self.summary.trim().is_empty()
            && self.not_requested_reason.trim().is_empty()
            && !self.considered
    }
    /// Records the outcome chosen. A reply with no date received yet is offered today's date
    /// (the day most replies are recorded); a date already typed is kept, and the officer can
    /// change the offered one. Only the date is offered: the outcome is always the officer's.
    pub fn choose_outcome(&mut self, outcome: Option<O>, today: chrono::NaiveDate) {
        self.outcome = outcome;
        if outcome.is_some_and(|o| o.is_reply()) && self.received.is_blank() {
            self.received = DateParts::from_date(today);
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CsEnquiry {
    pub id: u32,
    /// Which children (and which visit) this local authority was asked about.
    pub children_covered: String,
    pub enquiry: Enquiry<CsOutcome>,
}

impl CsEnquiry {
    pub fn is_blank(&self) -> bool {
        self.children_covered.trim().is_empty() && self.enquiry.is_blank()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub id: u32,
    pub address_line_1: String,
    pub address_line_2: String,
    pub town: String,
    pub postcode: String,
    pub tenure: Option<Tenure>,
    pub assessed_by: Option<AssessedBy>,
    pub residents: Vec<Resident>,
    pub visiting_children: Vec<VisitingChild>,
    /// How the household (who lives there) was confirmed.
    pub household_sources: Vec<Source>,
    pub occupier: Option<OccupierKind>,
    /// When the main occupier is one of the residents.
    pub occupier_resident: Option<u32>,
    /// When the main occupier lives elsewhere: their co-operation is needed for the equipment.
    pub occupier_elsewhere: OccupierElsewhere,
    pub victim_lives_there: SourcedAnswer,
    pub police_callout: Enquiry<PoliceOutcome>,
    pub cs_check: Enquiry<CsOutcome>,
    pub em_available: Option<bool>,
    pub electricity_confirmed: Option<bool>,
    pub equipment_agreed: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OccupierElsewhere {
    pub name: String,
    /// For example "landlord" or "hostel manager".
    pub role: String,
    pub consent: Consent,
}

impl Place {
    /// The first line and postcode, for headings and lists.
    pub fn short_address(&self) -> String {
        let line = self.address_line_1.trim();
        let postcode = self.postcode.trim();
        match (line.is_empty(), postcode.is_empty()) {
            (true, true) => "Address not yet recorded".into(),
            (false, true) => isolate(line),
            (true, false) => isolate(postcode),
            (false, false) => isolate(&format!("{line}, {postcode}")),
        }
    }
    pub fn full_address(&self) -> String {
        [
            &self.address_line_1,
            &self.address_line_2,
            &self.town,
            &self.postcode,
        ]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
    }
    pub fn resident(&self, id: u32) -> Option<&Resident> {
        self.residents.iter().find(|r| r.id == id)
    }
    /// Everyone whose consent is needed here: adult residents, and a main occupier who lives
    /// elsewhere (Sch 9 para 33).
    pub fn consent_subjects(&self) -> Vec<ConsentSubject> {
        let mut subjects: Vec<ConsentSubject> = self
            .residents
            .iter()
            .filter(|r| r.age().is_some_and(|a| a >= 18))
            .map(|r| ConsentSubject::Resident(r.id))
            .collect();
        if self.occupier == Some(OccupierKind::Elsewhere) {
            subjects.push(ConsentSubject::OccupierElsewhere);
        }
        subjects
    }
    pub fn consent(&self, who: ConsentSubject) -> Option<&Consent> {
        match who {
            ConsentSubject::Resident(id) => self.resident(id).map(|r| &r.consent),
            ConsentSubject::OccupierElsewhere => Some(&self.occupier_elsewhere.consent),
        }
    }
    pub fn consent_mut(&mut self, who: ConsentSubject) -> Option<&mut Consent> {
        match who {
            ConsentSubject::Resident(id) => self
                .residents
                .iter_mut()
                .find(|r| r.id == id)
                .map(|r| &mut r.consent),
            ConsentSubject::OccupierElsewhere => Some(&mut self.occupier_elsewhere.consent),
        }
    }
    /// Name and role of a person whose consent is needed, for headings.
    pub fn subject_name(&self, who: ConsentSubject) -> String {
        match who {
            ConsentSubject::Resident(id) => self
                .resident(id)
                .map(|r| r.display_name())
                .unwrap_or_else(|| "Resident".into()),
            ConsentSubject::OccupierElsewhere => {
                let name = self.occupier_elsewhere.name.trim();
                if name.is_empty() {
                    "Main occupier".into()
                } else {
                    isolate(name)
                }
            }
        }
    }
    /// The main occupier named, if known. A resident chosen as main occupier counts only once
    /// their name is recorded.
    pub fn occupier_name(&self, person_name: &str) -> Option<String> {
        match self.occupier? {
            OccupierKind::ThePerson => Some(person_name.to_string()),
            OccupierKind::Resident => self
                .occupier_resident
                .and_then(|id| self.resident(id))
                .filter(|r| !r.name.trim().is_empty())
                .map(|r| r.display_name()),
            OccupierKind::Elsewhere => {
                let n = self.occupier_elsewhere.name.trim();
                (!n.is_empty()).then(|| isolate(n))
            }
        }
    }
    /// The resident chosen as main occupier, if that is who it is.
    pub fn occupier_as_resident(&self) -> Option<&Resident> {
        match self.occupier? {
            OccupierKind::Resident => self.resident(self.occupier_resident?),
            _ => None,
        }
    }
    pub fn is_blank(&self) -> bool {
        self.full_address().is_empty() && self.residents.is_empty() && self.occupier.is_none()
    }
}

/// Whose consent a consent record belongs to, within one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsentSubject {
    Resident(u32),
    OccupierElsewhere,
}

impl ConsentSubject {
    pub fn slug(self) -> String {
        match self {
            ConsentSubject::Resident(id) => id.to_string(),
            ConsentSubject::OccupierElsewhere => "occupier".into(),
        }
    }
    pub fn from_slug(slug: &str) -> Option<Self> {
        if slug == "occupier" {
            Some(ConsentSubject::OccupierElsewhere)
        } else {
            slug.parse().ok().map(ConsentSubject::Resident)
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Resident {
    pub id: u32,
    pub name: String,
    pub age: String,
    /// Where known: what an agency needs to trace them. Added in schema version 4.
    pub date_of_birth: DateParts,
    pub relationship: String,
    /// For adults this is required; for 16 and 17 year olds their views may be recorded.
    pub consent: Consent,
}

impl Resident {
    pub fn age(&self) -> Option<u32> {
        parse_whole_number(&self.age).filter(|a| *a <= 120)
    }
    pub fn display_name(&self) -> String {
        let name = self.name.trim();
        if name.is_empty() {
            "Unnamed resident".into()
        } else {
            isolate(name)
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VisitingChild {
    pub id: u32,
    pub name: String,
    pub age: String,
    /// Where known. Added in schema version 4.
    pub date_of_birth: DateParts,
    pub relationship: String,
}

/// Consent and attitude of one person at a proposed place (rec 6; Sch 9 paras 10(2) and 33).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Consent {
    /// Contacted by the officer, not through the person being sentenced.
    pub contacted_directly: Option<bool>,
    pub method: Option<ContactMethod>,
    pub contact_date: DateParts,
    pub spoken_privately: Option<bool>,
    pub told: Vec<Told>,
    /// Their attitude to the curfew, in their own words.
    pub attitude: String,
    pub fear_or_pressure: Option<bool>,
    pub fear_details: String,
    pub decision: Option<ConsentDecision>,
    pub decision_date: DateParts,
    pub decision_time: String,
    /// The address and hours the decision was given for (`terms::consent_terms` when it was
    /// recorded). Consent counts only for those: a later change asks for it again. Added in
    /// schema version 3.
    pub given_for: String,
}

impl Consent {
    pub fn is_blank(&self) -> bool {
        *self == <Consent as Default>::default()
    }
    pub fn fully_informed(&self) -> bool {
        Told::all().iter().all(|t| self.told.contains(t))
    }
    /// Records how they were contacted. The date of contact is offered as today when none is
    /// typed yet; a date already there is kept.
    pub fn choose_method(&mut self, method: Option<ContactMethod>, today: chrono::NaiveDate) {
        self.method = method;
        if method.is_some() && self.contact_date.is_blank() {
            self.contact_date = DateParts::from_date(today);
        }
    }
    /// Records their decision (always the officer's choice). The date of the decision is offered
    /// as the date of contact, or today if that is not readable, when none is typed yet.
    pub fn choose_decision(&mut self, decision: Option<ConsentDecision>, today: chrono::NaiveDate) {
        self.decision = decision;
        if decision.is_some() && self.decision_date.is_blank() {
            let day = self.contact_date.date().unwrap_or(today);
            self.decision_date = DateParts::from_date(day);
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    pub start: DateParts,
    pub length: String,
    pub length_unit: Option<LengthUnit>,
    /// The order's own length in months: the curfew should end within it.
    pub order_months: String,
    pub windows: Vec<CurfewWindow>,
    pub clashes: Vec<Clash>,
    pub clash_details: String,
}

/// One daily period of curfew at one place, on chosen days of the week. It may cross midnight.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CurfewWindow {
    pub id: u32,
    pub place_id: Option<u32>,
    pub from: String,
    pub to: String,
    pub days: Vec<Day>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The option chosen on the outcome page, kept until it is recorded.
    pub selected: Option<Decision>,
    /// Rationale or, for "not suitable", the reason.
    pub rationale: String,
    pub recorded: Option<RecordedOutcome>,
    /// A "suitable" that stopped standing when checks became outstanding after it was recorded:
    /// moved here from `recorded`, so the stored and exported case never carries a stale
    /// finding. Added in schema version 3.
    pub lapsed: Option<RecordedOutcome>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordedOutcome {
    pub decision: Decision,
    pub rationale: String,
    pub recorded_at: String,
    /// Its author's signature, when they were signed in to the team's server (`attest`).
    /// Added in schema version 5.
    pub signed: Option<Signed>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Gatekeeping {
    /// The officer asked for gatekeeping although the rules do not require it.
    pub requested_by_officer: bool,
    pub decisions: Vec<GatekeepingDecision>,
    /// Each time the officer sent the case to a senior probation officer. A submission newer than
    /// the last decision is waiting in the queue. Added in schema version 2.
    pub submissions: Vec<Submission>,
    /// What is being typed on the submit and review pages, kept (like every answer) until sent.
    pub draft: GatekeepingDraft,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GatekeepingDecision {
    pub endorsed: bool,
    pub by: String,
    pub at: String,
    /// General comments.
    pub comments: String,
    /// `Case::content_fingerprint` of the case as it was decided.
    pub fingerprint: String,
    /// Comments about particular sections, shown against them. Added in schema version 2.
    pub section_comments: Vec<SectionComment>,
    /// The senior probation officer's signature (`attest`). Added in schema version 5.
    pub signed: Option<Signed>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub by: String,
    pub at: String,
    pub note: String,
    /// The officer's signature (`attest`). Added in schema version 5.
    pub signed: Option<Signed>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SectionComment {
    /// The section's slug (`police`, `places`...).
    pub section: String,
    pub comment: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GatekeepingDraft {
    /// The officer's note to the senior probation officer.
    pub note: String,
    /// The senior probation officer's choice: endorse (`true`) or return (`false`).
    pub endorse: Option<bool>,
    pub comments: String,
    pub section_comments: Vec<SectionComment>,
}

/// One entry of the audit trail: when, who, what happened, and each answer before and after.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditEvent {
    pub at: String,
    pub by: String,
    pub what: String,
    pub changes: Vec<Change>,
    /// The hash of the entry before it (`attest::link_history`), `attest::LEGACY` for entries
    /// from before version 5, empty until the entry is first saved.
    pub prev: String,
    /// In an entry bringing two versions' histories together: the other side's last entry.
    pub merged: String,
    /// Its author's signature over the entry's hash. Added in schema version 5.
    pub signed: Option<Signed>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    pub before: String,
    pub after: String,
}

impl Case {
    /// A fresh empty case with one blank offence, ready for the create page.
    pub fn blank(id: &str, now: &str) -> Case {
        let mut case = Case {
            id: id.to_string(),
            created_at: now.to_string(),
            updated_at: now.to_string(),
            ..<Case as Default>::default()
        };
        case.add_offence();
        case
    }

    pub fn new_id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    pub fn display_name(&self) -> String {
        let n = self.person.name.trim();
        if n.is_empty() {
            "Unnamed person".into()
        } else {
            isolate(n)
        }
    }

    pub fn curfew_considered(&self) -> bool {
        self.hearing.curfew_considered == Some(true)
    }

    /// Children's services enquiries are needed in every curfew case (HMPPS mandate) and
    /// wherever the person has any contact with children (rec 2).
    pub fn childrens_services_required(&self) -> bool {
        self.curfew_considered() || self.child_contact.any_yes()
    }

    pub fn add_offence(&mut self) -> u32 {
        let id = self.new_id();
        self.offences.push(Offence {
            id,
            ..<Offence as Default>::default()
        });
        id
    }

    pub fn add_order(&mut self) -> u32 {
        let id = self.new_id();
        self.orders.push(ProtectiveOrder {
            id,
            ..<ProtectiveOrder as Default>::default()
        });
        id
    }

    pub fn add_cs_enquiry(&mut self) -> u32 {
        let id = self.new_id();
        self.childrens_services.push(CsEnquiry {
            id,
            ..<CsEnquiry as Default>::default()
        });
        id
    }

    pub fn add_place(&mut self) -> u32 {
        let id = self.new_id();
        self.places.push(Place {
            id,
            ..<Place as Default>::default()
        });
        id
    }

    pub fn remove_place(&mut self, id: u32) {
        self.places.retain(|p| p.id != id);
        for w in &mut self.schedule.windows {
            if w.place_id == Some(id) {
                w.place_id = None;
            }
        }
    }

    pub fn add_resident(&mut self, place_id: u32) -> Option<u32> {
        let id = self.new_id();
        let place = self.place_mut(place_id)?;
        place.residents.push(Resident {
            id,
            ..<Resident as Default>::default()
        });
        Some(id)
    }

    pub fn remove_resident(&mut self, place_id: u32, resident_id: u32) {
        if let Some(place) = self.place_mut(place_id) {
            place.residents.retain(|r| r.id != resident_id);
            if place.occupier_resident == Some(resident_id) {
                place.occupier_resident = None;
            }
        }
    }

    pub fn add_visiting_child(&mut self, place_id: u32) -> Option<u32> {
        let id = self.new_id();
        let place = self.place_mut(place_id)?;
        place.visiting_children.push(VisitingChild {
            id,
            ..<VisitingChild as Default>::default()
        });
        Some(id)
    }

    pub fn add_window(&mut self) -> u32 {
        let id = self.new_id();
        let place_id = (self.places.len() == 1).then(|| self.places[0].id);
        self.schedule.windows.push(CurfewWindow {
            id,
            place_id,
            ..<CurfewWindow as Default>::default()
        });
        id
    }

    pub fn place(&self, id: u32) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    pub fn place_mut(&mut self, id: u32) -> Option<&mut Place> {
        self.places.iter_mut().find(|p| p.id == id)
    }

    /// A fingerprint of everything recorded about the case, leaving out bookkeeping (revision,
    /// timestamps, the page's unrecorded selection) and gatekeeping itself. An endorsement stores
    /// it; any later change to the case makes it differ, which revokes the endorsement.
    pub fn content_fingerprint(&self) -> String {
        let json = miniserde::json::to_string(&self.content());
        // FNV-1a, 64 bit: stable across platforms and releases, which `std`'s hasher is not.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in json.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{hash:016x}")
    }

    /// Everything recorded about the case that a decision is made on: the case without its
    /// bookkeeping, gatekeeping, history and outcome.
    pub fn content(&self) -> Case {
        let mut content = self.clone();
        // The reference and id counter are bookkeeping too: a copy kept under a new reference
        // is the same case as endorsed.
        content.id.clear();
        content.next_id = 0;
        content.revision = 0;
        content.created_at.clear();
        content.updated_at.clear();
        content.gatekeeping = <Gatekeeping as Default>::default();
        content.events.clear();
        content.outcome.selected = None;
        content.outcome.recorded = None;
        content.outcome.lapsed = None;
        content.outcome.rationale.clear();
        content
    }
}

/// Items kept in lists inside a case, found by their id.
pub trait HasId {
    fn id(&self) -> u32;
}

macro_rules! has_id {
    ($($t:ty),+) => { $(impl HasId for $t { fn id(&self) -> u32 { self.id } })+ };
}
has_id!(
    Offence,
    ProtectiveOrder,
    CsEnquiry,
    Place,
    Resident,
    VisitingChild,
    CurfewWindow
);
