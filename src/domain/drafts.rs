//! Drafted enquiries: the request to each police force and each local authority's children's
//! services, written from what the case already holds, so the officer never types the same facts
//! again. One draft for each agency: the person's domestic abuse history and the call-outs to
//! every proposed address go to a force in one request; the children and the address checks go
//! to a local authority in one.
//!
//! Nothing here sends anything: the officer copies a draft, opens it in their mail program (an
//! `.eml` file, see `eml`), or prints it, and then marks it as sent (`Case::mark_sent`), which
//! stamps the requested and due dates on every enquiry it covers.

use chrono::{Datelike, NaiveDate};

use super::case::*;
use super::deadlines::due_date;
use super::directory::{AgencyKind, Directory};
use super::identifiers;
use super::inputs::{DateParts, long_date, parse_whole_number};
use super::text::{join_and, without_bidi_controls};
use super::workdays::add_working_days;

/// One enquiry a draft covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Covers {
    /// The person's domestic abuse history (`case.police`).
    PoliceHistory,
    /// Police call-outs to a proposed address (`place.police_callout`), by place id.
    Callout(u32),
    /// A recorded children's services enquiry about the children (`case.childrens_services`).
    Children(u32),
    /// The children's services enquiry every curfew case needs, not yet recorded: marking the
    /// draft as sent records it.
    NewChildren,
    /// The children's services check on a proposed address (`place.cs_check`), by place id.
    AddressCheck(u32),
}

/// A drafted enquiry to one agency.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub kind: AgencyKind,
    /// The agency as typed on the enquiries; empty when none of them names one yet.
    pub agency: String,
    /// Where the directory says to email it, if the agency takes email.
    pub to: Option<String>,
    /// What the directory says to do instead, for an agency that takes enquiries on a portal.
    pub portal: Option<String>,
    /// For the agency to quote back.
    pub reference: String,
    pub subject: String,
    /// Plain text, without bidirectional controls: it leaves the app.
    pub body: String,
    /// When the reply is needed: the soonest due date of the enquiries covered.
    pub due: Option<NaiveDate>,
    /// The agency usually takes longer to reply than the time left.
    pub urgent: bool,
    pub covers: Vec<Covers>,
    /// When it was marked as sent: every enquiry covered has a requested date (the latest).
    pub sent: Option<NaiveDate>,
    /// The children the draft names, for the enquiry that marking it sent records.
    pub children: String,
}

/// One enquiry still to be answered, as the drafts group them.
struct Open {
    covers: Covers,
    kind: AgencyKind,
    agency: String,
    requested: Option<NaiveDate>,
    due: DateParts,
}

/// Still waiting for a reply: not answered, and not marked as not requested or not required.
fn police_open(e: &Enquiry<PoliceOutcome>) -> bool {
    matches!(e.outcome, None | Some(PoliceOutcome::Awaiting))
}
fn cs_open(e: &Enquiry<CsOutcome>) -> bool {
    matches!(e.outcome, None | Some(CsOutcome::Awaiting))
}

fn open_item<O>(covers: Covers, kind: AgencyKind, e: &Enquiry<O>) -> Open {
    Open {
        covers,
        kind,
        agency: e.agency.trim().to_string(),
        requested: e.requested.date(),
        due: e.due.clone(),
    }
}

/// Every enquiry of the case still to be answered, police first.
fn open_enquiries(case: &Case) -> Vec<Open> {
    let (police, council) = (AgencyKind::Police, AgencyKind::LocalAuthority);
    let mut out = Vec::new();
    if police_open(&case.police) {
        out.push(open_item(Covers::PoliceHistory, police, &case.police));
    }
    // An address's checks are asked only while a curfew is considered (as in the rules).
    let places: &[Place] = if case.curfew_considered() {
        &case.places
    } else {
        &[]
    };
    for p in places.iter().filter(|p| police_open(&p.police_callout)) {
        out.push(open_item(Covers::Callout(p.id), police, &p.police_callout));
    }
    let recorded: Vec<&CsEnquiry> = case
        .childrens_services
        .iter()
        .filter(|e| !e.is_blank())
        .collect();
    for e in recorded.iter().filter(|e| cs_open(&e.enquiry)) {
        out.push(open_item(Covers::Children(e.id), council, &e.enquiry));
    }
    if recorded.is_empty() && case.childrens_services_required() {
        // Most often the children live at the proposed address: asked of its local authority.
        let agency = places.first().map(|p| p.cs_check.agency.trim().to_string());
        out.push(Open {
            covers: Covers::NewChildren,
            kind: council,
            agency: agency.unwrap_or_default(),
            requested: None,
            due: DateParts::default(),
        });
    }
    for p in places.iter().filter(|p| cs_open(&p.cs_check)) {
        out.push(open_item(Covers::AddressCheck(p.id), council, &p.cs_check));
    }
    out
}

/// Agencies are the same whatever the case and spacing of their names.
fn agency_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// An enquiry that names no agency goes to the one the case names for that kind of enquiry, or
/// else to the team's only agency of that kind; with more than one to choose from it stays
/// unnamed, and the officer names it on the draft.
fn fill_agencies(items: &mut [Open], directory: &Directory) {
    for kind in [AgencyKind::Police, AgencyKind::LocalAuthority] {
        let mut named: Vec<&str> = Vec::new();
        for o in items
            .iter()
            .filter(|o| o.kind == kind && !o.agency.is_empty())
        {
            if !named.iter().any(|n| agency_key(n) == agency_key(&o.agency)) {
                named.push(&o.agency);
            }
        }
        let listed = directory.names(kind);
        let only = match (named.as_slice(), listed.as_slice()) {
            ([one], _) => one.to_string(),
            ([], [one]) => one.clone(),
            _ => continue,
        };
        for o in items
            .iter_mut()
            .filter(|o| o.kind == kind && o.agency.is_empty())
        {
            o.agency = only.clone();
        }
    }
}

/// Each draft's enquiries grouped: by kind of agency, then by agency, in order of first mention.
fn grouped(case: &Case, directory: &Directory) -> Vec<Vec<Open>> {
    let mut items = open_enquiries(case);
    fill_agencies(&mut items, directory);
    let mut groups: Vec<Vec<Open>> = Vec::new();
    for item in items {
        let key = (item.kind, agency_key(&item.agency));
        match groups
            .iter_mut()
            .find(|g| (g[0].kind, agency_key(&g[0].agency)) == key)
        {
            Some(group) => group.push(item),
            None => groups.push(vec![item]),
        }
    }
    groups
}

/// How many drafts hold an enquiry not yet sent: for the task list.
pub fn unsent(case: &Case, directory: &Directory) -> usize {
    grouped(case, directory)
        .iter()
        .filter(|g| g.iter().any(|o| o.requested.is_none()))
        .count()
}

/// The enquiries sent and still awaiting a reply, police first: where "Enquiries and replies"
/// asks for each reply as it comes, so the officer need not find each enquiry's own page.
pub fn awaiting_replies(case: &Case) -> Vec<Covers> {
    let police = |e: &Enquiry<PoliceOutcome>| e.outcome == Some(PoliceOutcome::Awaiting);
    let council = |e: &Enquiry<CsOutcome>| e.outcome == Some(CsOutcome::Awaiting);
    let mut out = Vec::new();
    if police(&case.police) {
        out.push(Covers::PoliceHistory);
    }
    out.extend(
        case.places
            .iter()
            .filter(|p| police(&p.police_callout))
            .map(|p| Covers::Callout(p.id)),
    );
    out.extend(
        case.childrens_services
            .iter()
            .filter(|e| council(&e.enquiry))
            .map(|e| Covers::Children(e.id)),
    );
    out.extend(
        case.places
            .iter()
            .filter(|p| council(&p.cs_check))
            .map(|p| Covers::AddressCheck(p.id)),
    );
    out
}

/// The drafts for a case: one for each agency with enquiries still to be answered. `officer`
/// signs them; `today` decides whether a reply is needed sooner than the agency usually gives.
pub fn drafts(
    case: &Case,
    directory: &Directory,
    today: NaiveDate,
    holidays: &[NaiveDate],
    officer: &str,
) -> Vec<Draft> {
    // Text typed with bidirectional controls must not reorder the letter around it.
    let cleaned = super::report::without_controls(case);
    let case = cleaned.as_ref().unwrap_or(case);
    let mut counts = [0, 0];
    grouped(case, directory)
        .into_iter()
        .map(|group| {
            let n = &mut counts[(group[0].kind == AgencyKind::LocalAuthority) as usize];
            *n += 1;
            draft(case, group, *n, directory, today, holidays, officer)
        })
        .collect()
}

fn draft(
    case: &Case,
    group: Vec<Open>,
    number: usize,
    directory: &Directory,
    today: NaiveDate,
    holidays: &[NaiveDate],
    officer: &str,
) -> Draft {
    let kind = group[0].kind;
    let agency = group[0].agency.clone();
    let entry = directory.find(kind, &agency);
    let due = group
        .iter()
        .filter_map(|o| due_date(&o.due, case, holidays).map(|(d, _)| d))
        .min();
    let usual = entry.and_then(|a| parse_whole_number(&a.reply_days));
    let urgent = match (due, usual) {
        (Some(due), Some(days)) => add_working_days(today, days, holidays) > due,
        _ => false,
    };
    let sent = if group.iter().all(|o| o.requested.is_some()) {
        group.iter().filter_map(|o| o.requested).max()
    } else {
        None
    };
    let code = match kind {
        AgencyKind::Police => 'P',
        AgencyKind::LocalAuthority => 'C',
    };
    let reference = format!("PSC-{}-{code}{number}", short_id(&case.id));
    let covers: Vec<Covers> = group.iter().map(|o| o.covers).collect();
    let name = case.person.name.trim();
    let name = if name.is_empty() { "the person" } else { name };
    let topic = match kind {
        AgencyKind::Police => "Domestic abuse and call-out enquiry",
        AgencyKind::LocalAuthority => "Children's services enquiry",
    };
    let subject = format!(
        "{}{topic}: {name}, {} (our ref {reference})",
        if urgent { "Urgent: " } else { "" },
        when_needed(due)
    );
    let children = children_named(case, &covers);
    let body = body(
        case, kind, &agency, &covers, &reference, due, officer, &children, today,
    );
    Draft {
        kind,
        to: entry.and_then(|a| a.email()).map(str::to_string),
        portal: entry.and_then(|a| a.portal_note()).map(str::to_string),
        agency,
        reference,
        subject: without_bidi_controls(&subject),
        body: without_bidi_controls(&body),
        due,
        urgent,
        covers,
        sent,
        children: without_bidi_controls(&children.join(", ")),
    }
}

/// The last six characters of the case id, in capitals: enough to tell the officer's cases
/// apart in a reply, without the whole id.
fn short_id(id: &str) -> String {
    let chars: Vec<char> = id.chars().filter(char::is_ascii_alphanumeric).collect();
    chars[chars.len().saturating_sub(6)..]
        .iter()
        .collect::<String>()
        .to_ascii_uppercase()
}

fn when_needed(due: Option<NaiveDate>) -> String {
    match due {
        Some(d) => format!("reply needed by {}", long_date(d)),
        None => "reply needed before sentence".into(),
    }
}

/// "Name (age 7, born 1 May 2019, daughter)": what an agency needs to trace someone.
fn described(name: &str, age: &str, born: &DateParts, relationship: &str) -> String {
    let name = if name.trim().is_empty() {
        "Name not known"
    } else {
        name.trim()
    };
    let mut known = Vec::new();
    if let Some(age) = parse_whole_number(age) {
        known.push(format!("age {age}"));
    }
    if let Some(born) = born.date() {
        known.push(format!("born {}", long_date(born)));
    }
    if !relationship.trim().is_empty() {
        known.push(relationship.trim().to_string());
    }
    if known.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({})", known.join(", "))
    }
}

fn is_child(r: &Resident) -> bool {
    r.age().is_some_and(|a| a < 18)
}

/// Places the draft asks about, or for a children's enquiry every proposed place.
fn places_in<'a>(case: &'a Case, covers: &[Covers]) -> Vec<&'a Place> {
    let about_children = covers
        .iter()
        .any(|c| matches!(c, Covers::Children(_) | Covers::NewChildren));
    let places: &[Place] = if case.curfew_considered() {
        &case.places
    } else {
        &[]
    };
    places
        .iter()
        .filter(|p| {
            about_children
                || covers.iter().any(
                    |c| matches!(c, Covers::Callout(id) | Covers::AddressCheck(id) if *id == p.id),
                )
        })
        .collect()
}

/// The children named in a children's services draft: at the addresses it asks about, and as
/// typed on the enquiries it covers.
fn children_named(case: &Case, covers: &[Covers]) -> Vec<String> {
    let places = places_in(case, covers);
    let mut names: Vec<String> = places
        .iter()
        .flat_map(|p| {
            let living = p
                .residents
                .iter()
                .filter(|r| is_child(r))
                .map(|r| r.name.trim());
            let visiting = p.visiting_children.iter().map(|c| c.name.trim());
            living
                .chain(visiting)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|n| !n.is_empty())
        .collect();
    for c in covers {
        if let Covers::Children(id) = c {
            let typed = case
                .childrens_services
                .iter()
                .find(|e| e.id == *id)
                .map(|e| e.children_covered.trim())
                .unwrap_or_default();
            if !typed.is_empty() && !names.iter().any(|n| n == typed) {
                names.push(typed.to_string());
            }
        }
    }
    names.dedup();
    names
}

/// The person, with every identifier the case holds.
fn person_block(case: &Case, today: NaiveDate) -> Vec<String> {
    let p = &case.person;
    let mut lines = vec![format!("Name: {}", p.name.trim())];
    let others = p.other_names();
    if !others.is_empty() {
        lines.push(format!("Other names used: {}", others.join(", ")));
    }
    if let Some(born) = p.date_of_birth.date() {
        lines.push(format!("Date of birth: {}", long_date(born)));
    }
    if !p.crn.trim().is_empty() {
        let crn = identifiers::crn(&p.crn).unwrap_or_else(|_| p.crn.trim().to_string());
        lines.push(format!("CRN: {crn}"));
    }
    if !p.pnc_id.trim().is_empty() {
        let pnc = identifiers::pnc_id(&p.pnc_id, today.year())
            .unwrap_or_else(|_| p.pnc_id.trim().to_string());
        lines.push(format!("PNC ID: {pnc}"));
    }
    if !p.address.is_blank() {
        lines.push(format!("Current address: {}", p.address.full()));
    }
    let previous = p.previous_addresses();
    if !previous.is_empty() {
        lines.push("Previous addresses:".into());
        lines.extend(previous.iter().map(|a| format!("- {a}")));
    }
    lines
}

/// A proposed address with who lives there and which children visit.
fn place_block(case: &Case, place: &Place) -> Vec<String> {
    let mut lines = vec![format!("- {}", place.full_address())];
    let residents: Vec<String> = place
        .residents
        .iter()
        .map(|r| described(&r.name, &r.age, &r.date_of_birth, &r.relationship))
        .collect();
    let name = case.person.name.trim();
    lines.push(if residents.is_empty() {
        format!("  Lives there: no one else is recorded. {name} is proposed to live there.")
    } else {
        format!(
            "  Lives there: {}. {name} is proposed to live there too.",
            residents.join("; ")
        )
    });
    let visiting: Vec<String> = place
        .visiting_children
        .iter()
        .map(|c| described(&c.name, &c.age, &c.date_of_birth, &c.relationship))
        .collect();
    if !visiting.is_empty() {
        lines.push(format!("  Children who visit: {}", visiting.join("; ")));
    }
    lines
}

/// Why the reply is needed by then: the hearing and the report.
fn why_needed(case: &Case, name: &str) -> String {
    let court = case.hearing.court.trim();
    let at = if court.is_empty() {
        String::new()
    } else {
        format!(" at {court}")
    };
    let on = case
        .hearing
        .date
        .date()
        .map(|d| format!(" on {}", long_date(d)))
        .unwrap_or_default();
    let report = match case.hearing.report_type {
        Some(ReportType::Oral) => ". An oral report is to be given to the court on the day",
        Some(ReportType::FastDelivery) => {
            ". A fast delivery report is being prepared for the court"
        }
        Some(ReportType::StandardDelivery) => {
            ". A standard delivery report is being prepared for the court"
        }
        None => "",
    };
    format!(
        "{name} is due to be sentenced{at}{on}{report}, and we are considering whether an electronically monitored curfew would be safe."
    )
}

#[allow(clippy::too_many_arguments)]
fn body(
    case: &Case,
    kind: AgencyKind,
    agency: &str,
    covers: &[Covers],
    reference: &str,
    due: Option<NaiveDate>,
    officer: &str,
    children: &[String],
    today: NaiveDate,
) -> String {
    let name = case.person.name.trim();
    let name = if name.is_empty() { "the person" } else { name };
    let mut out = Vec::new();
    out.push(if agency.is_empty() {
        match kind {
            AgencyKind::Police => "To the police force".to_string(),
            AgencyKind::LocalAuthority => "To children's services".to_string(),
        }
    } else {
        format!("To {agency}")
    });
    out.push(String::new());
    out.push(match kind {
        AgencyKind::Police => {
            "Request for domestic abuse and call-out information for a pre-sentence report".into()
        }
        AgencyKind::LocalAuthority => {
            "Request for children's services information for a pre-sentence report".into()
        }
    });
    out.push(format!(
        "Our reference: {reference}. Please quote it in your reply."
    ));
    out.push(format!("{}.", capitalised(&when_needed(due))));
    out.push(why_needed(case, name));
    out.push(String::new());
    out.push("The person".into());
    out.extend(person_block(case, today));
    let places = places_in(case, covers);
    if kind == AgencyKind::LocalAuthority {
        out.push(String::new());
        out.push("The children".into());
        if children.is_empty() {
            out.push(format!("We know of no child {name} lives with or has contact with. Please tell us of any you know of."));
        } else {
            for p in &places {
                for r in p.residents.iter().filter(|r| is_child(r)) {
                    out.push(format!(
                        "- {}, who lives at {}",
                        described(&r.name, &r.age, &r.date_of_birth, &r.relationship),
                        p.full_address()
                    ));
                }
                for c in &p.visiting_children {
                    out.push(format!(
                        "- {}, who visits {}",
                        described(&c.name, &c.age, &c.date_of_birth, &c.relationship),
                        p.full_address()
                    ));
                }
            }
            for c in covers {
                if let Covers::Children(id) = c
                    && let Some(e) = case.childrens_services.iter().find(|e| e.id == *id)
                    && !e.children_covered.trim().is_empty()
                {
                    out.push(format!(
                        "- As recorded on our enquiry: {}",
                        e.children_covered.trim()
                    ));
                }
            }
        }
    }
    if !places.is_empty() {
        out.push(String::new());
        out.push(if places.len() == 1 {
            "The proposed curfew address".into()
        } else {
            "The proposed curfew addresses".into()
        });
        for p in &places {
            out.extend(place_block(case, p));
        }
    }
    out.push(String::new());
    out.push("What we ask".into());
    let mut asks = Vec::new();
    let mut asked_about_children = false;
    for c in covers {
        let ask = match c {
            Covers::PoliceHistory => format!(
                "Any domestic abuse information you hold about {name}, as a perpetrator and as a victim: call-outs, arrests, charges, cautions, convictions, protective orders and intelligence."
            ),
            Covers::Callout(id) => {
                let at = case.place(*id).map(Place::full_address).unwrap_or_default();
                format!(
                    "Any police call-outs to {at}, with their dates, who was involved and what happened."
                )
            }
            Covers::Children(_) | Covers::NewChildren => {
                if asked_about_children {
                    continue;
                }
                asked_about_children = true;
                let plans = "a child protection plan, a child in need plan, looked-after status, an assessment or section 47 enquiry, pre-proceedings or care proceedings, or early help";
                if children.is_empty() {
                    format!(
                        "Whether {name} is known to you now or was before ({plans}), and any concerns about {name} having contact with children."
                    )
                } else {
                    format!(
                        "Whether {name} and each child named above ({}) are known to you now or were before ({plans}), and any concerns about {name} having contact with them.",
                        join_and(children)
                    )
                }
            }
            Covers::AddressCheck(id) => {
                let at = case.place(*id).map(Place::full_address).unwrap_or_default();
                format!(
                    "Whether the household at {at} is known to you, and any concerns about a curfew there."
                )
            }
        };
        asks.push(ask);
    }
    out.extend(
        asks.iter()
            .enumerate()
            .map(|(i, a)| format!("{}. {a}", i + 1)),
    );
    out.push(String::new());
    out.push(format!("Please reply quoting {reference}. Thank you."));
    out.push(String::new());
    out.push(officer.trim().to_string());
    out.push("Probation court team".into());
    out.join("\n")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An enquiry of either agency, as "Mark as sent" stamps it.
trait Stamp {
    fn stamp(&mut self, agency: &str, requested: &DateParts, default_due: Option<&DateParts>);
}

impl<O: EnquiryOutcome> Stamp for Enquiry<O> {
    fn stamp(&mut self, agency: &str, requested: &DateParts, default_due: Option<&DateParts>) {
        if self.agency.trim().is_empty() {
            self.agency = agency.to_string();
        }
        self.requested = requested.clone();
        if self.due.date().is_none()
            && let Some(due) = default_due
        {
            self.due = due.clone();
        }
        self.outcome = Some(O::awaiting());
    }
}

pub const WHAT_SENT: &str = "Marked an enquiry as sent";

impl Case {
    /// Marks a draft as sent today: every enquiry it covers gets its agency (where none was
    /// typed), today as the requested date, its due date (kept if typed, else the default) and
    /// "awaiting reply". The children's enquiry every curfew case needs is recorded if it was
    /// not yet. One entry in the history, with each answer before and after.
    pub fn mark_sent(
        &mut self,
        draft: &Draft,
        today: NaiveDate,
        holidays: &[NaiveDate],
        at: &str,
        by: &str,
    ) {
        let before = self.clone();
        let requested = DateParts::from_date(today);
        // A due date the officer typed is kept; a blank one gets the default, written in.
        let default = super::deadlines::default_due(self, holidays).map(DateParts::from_date);
        let stamp = |e: &mut dyn Stamp| e.stamp(&draft.agency, &requested, default.as_ref());
        for covers in &draft.covers {
            match *covers {
                Covers::PoliceHistory => stamp(&mut self.police),
                Covers::Callout(id) => {
                    if let Some(p) = self.place_mut(id) {
                        stamp(&mut p.police_callout);
                    }
                }
                Covers::AddressCheck(id) => {
                    if let Some(p) = self.place_mut(id) {
                        stamp(&mut p.cs_check);
                    }
                }
                Covers::Children(id) => {
                    if let Some(e) = self.childrens_services.iter_mut().find(|e| e.id == id) {
                        stamp(&mut e.enquiry);
                    }
                }
                Covers::NewChildren => {
                    let id = self.add_cs_enquiry();
                    if let Some(e) = self.childrens_services.iter_mut().find(|e| e.id == id) {
                        e.children_covered = if draft.children.is_empty() {
                            "No children known: asked about the person".into()
                        } else {
                            draft.children.clone()
                        };
                        stamp(&mut e.enquiry);
                    }
                }
            }
        }
        let changes = super::audit::differences(&before, self);
        if !changes.is_empty() {
            let to = if draft.agency.is_empty() {
                String::new()
            } else {
                format!(" to {}", draft.agency)
            };
            self.append_event(
                at,
                by,
                &format!("{WHAT_SENT}{to} ({})", draft.reference),
                changes,
            );
        }
    }
}

// ---- The draft as an email file --------------------------------------------------------------

/// The draft as an `.eml` file that opens in the officer's mail program as a new message, ready
/// to check and send: addressed from the directory (if it takes email), plain text. Typed text
/// cannot add a header: the subject is encoded, and an address that is not one is left out.
pub fn eml(draft: &Draft) -> String {
    let mut out = String::new();
    if let Some(to) = draft.to.as_deref().filter(|a| is_plain_address(a)) {
        out.push_str(&format!("To: {to}\r\n"));
    }
    out.push_str(&format!("Subject: {}\r\n", encoded_words(&draft.subject)));
    // Outlook opens a message marked unsent as a draft to send; other programs ignore it.
    out.push_str("X-Unsent: 1\r\n");
    out.push_str("MIME-Version: 1.0\r\n");
    out.push_str("Content-Type: text/plain; charset=UTF-8\r\n");
    out.push_str("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
    out.push_str(&quoted_printable(&draft.body));
    out
}

/// A file name for the draft's `.eml`: its reference.
pub fn eml_file_name(draft: &Draft) -> String {
    format!("{}.eml", draft.reference)
}

/// `name@domain` with nothing in it that could start another header or address.
fn is_plain_address(text: &str) -> bool {
    let ok = |c: char| c.is_ascii_graphic() && !"<>()[]\\,;:\"".contains(c);
    matches!(text.split_once('@'), Some((l, d)) if !l.is_empty() && d.contains('.') && !d.contains('@'))
        && text.chars().all(ok)
}

/// A header value as RFC 2047 encoded words ("Q" encoding), each at most 75 characters, folded
/// onto lines of their own: any text, in any script, safely.
fn encoded_words(text: &str) -> String {
    const OPEN: &str = "=?UTF-8?Q?";
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars().filter(|c| !c.is_control()) {
        let mut encoded = String::new();
        if c == ' ' {
            encoded.push('_');
        } else if c.is_ascii_alphanumeric() || "!*+-/".contains(c) {
            encoded.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                encoded.push_str(&format!("={b:02X}"));
            }
        }
        // A character is never split between two words. The first word shares its line with
        // "Subject: ", so every line stays within 78 characters.
        let room = if words.is_empty() {
            75 - "Subject: ".len()
        } else {
            75
        };
        if OPEN.len() + word.len() + encoded.len() + 2 > room {
            words.push(std::mem::take(&mut word));
        }
        word.push_str(&encoded);
    }
    words.push(word);
    words
        .iter()
        .map(|w| format!("{OPEN}{w}?="))
        .collect::<Vec<_>>()
        .join("\r\n ")
}

/// The body in quoted-printable (RFC 2045): lines of at most 76 characters, any text safely.
fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut width = 0;
        let bytes = line.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let last = i + 1 == bytes.len();
            let plain = (b == b' ' || b == b'\t') && !last || (33..=126).contains(&b) && b != b'=';
            let token = if plain {
                (b as char).to_string()
            } else {
                format!("={b:02X}")
            };
            if width + token.len() > 75 {
                out.push_str("=\r\n");
                width = 0;
            }
            out.push_str(&token);
            width += token.len();
        }
        out.push_str("\r\n");
    }
    out
}

/// Reads quoted-printable back (for the tests, and to check a draft's file).
pub fn decode_quoted_printable(text: &str) -> String {
    let mut bytes = Vec::new();
    let raw = text.replace("=\r\n", "");
    let mut it = raw.bytes().peekable();
    while let Some(b) = it.next() {
        if b == b'=' {
            let hex: Vec<u8> = it.by_ref().take(2).collect();
            if let Ok(v) = u8::from_str_radix(std::str::from_utf8(&hex).unwrap_or(""), 16) {
                bytes.push(v);
            }
        } else {
            bytes.push(b);
        }
    }
    String::from_utf8_lossy(&bytes).replace("\r\n", "\n")
}

/// What the kind of draft is called on the page.
pub fn kind_label(kind: AgencyKind) -> &'static str {
    match kind {
        AgencyKind::Police => "Police",
        AgencyKind::LocalAuthority => "Children's services",
    }
}

/// What one covered enquiry is, in a few words, for the page's list.
pub fn covers_label(case: &Case, covers: Covers) -> String {
    let at = |id: u32| case.place(id).map(Place::short_address).unwrap_or_default();
    match covers {
        Covers::PoliceHistory => "Domestic abuse history of the person".into(),
        Covers::Callout(id) => format!("Call-outs to {}", at(id)),
        Covers::Children(_) | Covers::NewChildren => "The person and the children".into(),
        Covers::AddressCheck(id) => format!("The household at {}", at(id)),
    }
}

// ---- Chasing overdue replies ---------------------------------------------------------------

pub const WHAT_CHASED: &str = "Chased an overdue reply";

/// One case's overdue request, in a chase.
#[derive(Clone, Debug, PartialEq)]
pub struct Overdue {
    pub case_id: String,
    pub name: String,
    /// The request's own reference, for the agency to find it.
    pub reference: String,
    pub sent: NaiveDate,
    pub due: NaiveDate,
}

/// A chase to one agency, covering every case whose request to it is overdue.
#[derive(Clone, Debug, PartialEq)]
pub struct Chase {
    pub kind: AgencyKind,
    pub agency: String,
    pub to: Option<String>,
    pub portal: Option<String>,
    pub subject: String,
    pub body: String,
    pub overdue: Vec<Overdue>,
    /// Every case in it was already chased today.
    pub chased_today: bool,
}

impl Chase {
    /// As a draft, for the same email file, copy and print.
    pub fn as_draft(&self) -> Draft {
        Draft {
            kind: self.kind,
            agency: self.agency.clone(),
            to: self.to.clone(),
            portal: self.portal.clone(),
            reference: format!("chase-{}", agency_key(&self.agency).replace(' ', "-")),
            subject: self.subject.clone(),
            body: self.body.clone(),
            due: None,
            urgent: false,
            covers: Vec::new(),
            sent: None,
            children: String::new(),
        }
    }
}

/// The day a request (by its reference) was last chased, from the case's history.
pub fn last_chased(case: &Case, reference: &str) -> Option<NaiveDate> {
    case.events
        .iter()
        .rev()
        .find(|e| e.what.starts_with(WHAT_CHASED) && e.what.contains(&format!("({reference})")))
        .and_then(|e| super::inputs::parse_iso_date(e.at.get(..10)?))
}

type ChaseGroup<'a> = (AgencyKind, String, Vec<(Overdue, &'a Case)>, bool);

/// Every request sent and not answered by its due date, across the cases, as one chase to each
/// agency: the longest overdue agency first, and within each the longest overdue case first.
pub fn chases(
    cases: &[&Case],
    directory: &Directory,
    today: NaiveDate,
    holidays: &[NaiveDate],
    officer: &str,
) -> Vec<Chase> {
    // Kind, agency, the cases overdue, and whether every one was chased today.
    let mut groups: Vec<ChaseGroup> = Vec::new();
    // Only cases with a reply overdue are drafted (drafting every case would be slow).
    let late = cases
        .iter()
        .filter(|c| !super::deadlines::overdue(c, today, holidays).is_empty());
    for case in late {
        for d in drafts(case, directory, today, holidays, officer) {
            let (Some(sent), Some(due)) = (d.sent, d.due) else {
                continue;
            };
            if due >= today {
                continue;
            }
            let chased = last_chased(case, &d.reference) == Some(today);
            let item = Overdue {
                case_id: case.id.clone(),
                name: case.person.name.trim().to_string(),
                reference: d.reference.clone(),
                sent,
                due,
            };
            let key = (d.kind, agency_key(&d.agency));
            match groups.iter_mut().find(|g| (g.0, agency_key(&g.1)) == key) {
                Some(g) => {
                    g.2.push((item, case));
                    g.3 &= chased;
                }
                None => groups.push((d.kind, d.agency.clone(), vec![(item, case)], chased)),
            }
        }
    }
    for g in &mut groups {
        g.2.sort_by_key(|(o, _)| o.due);
    }
    groups.sort_by_key(|g| g.2[0].0.due);
    groups
        .into_iter()
        .map(|(kind, agency, items, chased_today)| {
            let entry = directory.find(kind, &agency);
            let n = items.len();
            let subject = format!(
                "Overdue: {} for pre-sentence {} (our refs {})",
                if n == 1 {
                    "a reply".to_string()
                } else {
                    format!("{n} replies")
                },
                if n == 1 { "report" } else { "reports" },
                items
                    .iter()
                    .map(|(o, _)| o.reference.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let body = chase_body(kind, &agency, &items, officer, today);
            Chase {
                kind,
                to: entry.and_then(|a| a.email()).map(str::to_string),
                portal: entry.and_then(|a| a.portal_note()).map(str::to_string),
                agency,
                subject: without_bidi_controls(&subject),
                body: without_bidi_controls(&body),
                overdue: items.into_iter().map(|(o, _)| o).collect(),
                chased_today,
            }
        })
        .collect()
}

fn chase_body(
    kind: AgencyKind,
    agency: &str,
    items: &[(Overdue, &Case)],
    officer: &str,
    today: NaiveDate,
) -> String {
    let mut out = vec![
        if agency.is_empty() {
            "To whom it may concern".to_string()
        } else {
            format!("To {agency}")
        },
        String::new(),
        "Replies now overdue".to_string(),
        format!(
            "We asked you for the {} information below for pre-sentence reports. The replies were due and have not reached us. The courts are waiting for these reports: please reply as soon as you can, quoting our reference for each.",
            match kind {
                AgencyKind::Police => "domestic abuse and call-out",
                AgencyKind::LocalAuthority => "children's services",
            }
        ),
    ];
    for (i, (o, case)) in items.iter().enumerate() {
        let cleaned = super::report::without_controls(case);
        let case = cleaned.as_ref().unwrap_or(case);
        out.push(String::new());
        let name = if o.name.is_empty() {
            "Name not recorded"
        } else {
            &o.name
        };
        out.push(format!("{}. {name}", i + 1));
        out.push(format!("Our reference: {}", o.reference));
        out.extend(person_block(case, today).into_iter().skip(1));
        out.push(format!(
            "Asked on {}; the reply was due on {}.",
            long_date(o.sent),
            long_date(o.due)
        ));
        let name_for = if o.name.is_empty() {
            "the person"
        } else {
            &o.name
        };
        out.push(why_needed(case, name_for));
    }
    out.push(String::new());
    out.push("Thank you.".into());
    out.push(String::new());
    out.push(officer.trim().to_string());
    out.push("Probation court team".into());
    out.join("\n")
}

impl Case {
    /// Records in the history that the overdue request `reference` was chased.
    pub fn record_chase(&mut self, agency: &str, reference: &str, at: &str, by: &str) {
        let to = if agency.is_empty() {
            String::new()
        } else {
            format!(" from {agency}")
        };
        self.append_event(
            at,
            by,
            &format!("{WHAT_CHASED}{to} ({reference})"),
            Vec::new(),
        );
    }
}
