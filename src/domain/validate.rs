//! Form validation, page by page, as GOV.UK services do it: one list of `{ field, message }` in
//! field order, from which the page draws its error summary and the message on each field.
//!
//! Field ids follow one convention so the summary can link to them: a text box is `id`, a date is
//! `id-day` (its first box), and a radio or checkbox group is its first input, `id`.

use chrono::{Datelike, NaiveDate};

use super::case::*;
use super::inputs::{DateParts, DateProblem, parse_time, parse_whole_number};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub(super) fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }
    pub(super) fn text(&mut self, field: &str, value: &str, message: &str) {
        if value.trim().is_empty() {
            self.add(field, message);
        } else if value.chars().count() > 5000 {
            self.add(field, "This must be 5,000 characters or fewer");
        }
    }
    pub(super) fn choice<T>(&mut self, field: &str, value: &Option<T>, message: &str) {
        if value.is_none() {
            self.add(field, message);
        }
    }
    /// Checks a date; `what` starts the message, for example "Date of birth".
    fn date(
        &mut self,
        id: &str,
        value: &DateParts,
        what: &str,
        required: bool,
        when: When,
        today: NaiveDate,
    ) -> Option<NaiveDate> {
        let field = format!("{id}-day");
        match value.parse() {
            Ok(None) => {
                if required {
                    self.add(field, format!("Enter the {}", lower_first(what)));
                }
                None
            }
            Err(DateProblem::MissingDay) => {
                self.add(field, format!("{what} must include a day"));
                None
            }
            Err(DateProblem::MissingMonth) => {
                self.add(
                    format!("{id}-month"),
                    format!("{what} must include a month"),
                );
                None
            }
            Err(DateProblem::MissingYear) => {
                self.add(format!("{id}-year"), format!("{what} must include a year"));
                None
            }
            Err(DateProblem::NotReal) => {
                self.add(
                    field,
                    format!("{what} must be a real date, with a 4-digit year"),
                );
                None
            }
            Ok(Some(d)) => {
                match when {
                    When::PastOrToday if d > today => {
                        self.add(field, format!("{what} must be today or in the past"))
                    }
                    When::Past if d >= today => {
                        self.add(field, format!("{what} must be in the past"))
                    }
                    _ => {}
                }
                Some(d)
            }
        }
    }
}

#[derive(Clone, Copy)]
enum When {
    Any,
    Past,
    PastOrToday,
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_lowercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// The hearing page. `with_risk` adds the risk of serious harm and orders questions, which are
/// asked once the case exists.
pub fn hearing(case: &Case, today: NaiveDate, with_risk: bool) -> Vec<FieldError> {
    let mut e = <Errors as Default>::default();
    e.text("name", &case.person.name, "Enter the person's full name");
    let dob = e.date(
        "dob",
        &case.person.date_of_birth,
        "Date of birth",
        true,
        When::Past,
        today,
    );
    if dob.is_some_and(|dob| today.years_since(dob).is_some_and(|age| age < 18)) {
        e.add(
            "dob-day",
            "The person must be 18 or over: youth orders are not covered by this tool",
        );
    }
    identifiers(&mut e, &case.person, today);
    e.text("court", &case.hearing.court, "Enter the court");
    e.date(
        "hearing",
        &case.hearing.date,
        "Hearing date",
        true,
        When::Any,
        today,
    );
    e.choice(
        "report-type",
        &case.hearing.report_type,
        "Select the type of report",
    );
    e.choice(
        "curfew",
        &case.hearing.curfew_considered,
        "Select yes if a curfew is being considered",
    );
    if case.offences.is_empty() {
        e.add("add-offence", "Add the offence");
    }
    for (i, o) in case.offences.iter().enumerate() {
        let n = i + 1;
        let id = format!("offence-{}", o.id);
        e.text(
            &format!("{id}-description"),
            &o.description,
            &format!("Enter offence {n}"),
        );
        let committed = e.date(
            &format!("{id}-date"),
            &o.offence_date,
            &format!("Date of offence {n}"),
            true,
            When::PastOrToday,
            today,
        );
        let convicted = e.date(
            &format!("{id}-conviction"),
            &o.conviction_date,
            &format!("Date of conviction for offence {n}"),
            true,
            When::PastOrToday,
            today,
        );
        if let (Some(c), Some(v)) = (committed, convicted) {
            if v < c {
                e.add(format!("{id}-conviction-day"), format!("Date of conviction for offence {n} must be on or after the date of the offence"));
            }
        }
        let young = dob.zip(convicted).and_then(|(b, v)| v.years_since(b));
        if young.is_some_and(|age| age < 18) {
            e.add(
                format!("{id}-conviction-day"),
                format!("The person was under 18 when convicted of offence {n}: youth orders (Sentencing Act 2020, Schedule 6) are not covered by this tool"),
            );
        }
        e.choice(
            &format!("{id}-da"),
            &o.da_related,
            &format!("Select yes if offence {n} is related to domestic abuse"),
        );
    }
    if with_risk {
        for (field, level, domain) in [
            ("rosh-children", case.rosh.children, "children"),
            ("rosh-public", case.rosh.public, "the public"),
            ("rosh-known-adult", case.rosh.known_adult, "a known adult"),
            ("rosh-staff", case.rosh.staff, "staff"),
        ] {
            e.choice(
                field,
                &level,
                &format!("Select the risk of serious harm to {domain}"),
            );
        }
        e.choice(
            "orders",
            &case.orders_recorded,
            "Select yes if any order protects someone from this person",
        );
    }
    // On "Create a new case" the orders may be left for later, but once answered they must be
    // complete, as on their own page.
    if with_risk || case.orders_recorded.is_some() {
        let kept = case.orders.iter().filter(|o| !o.is_blank()).count();
        if case.orders_recorded == Some(false) && kept > 0 {
            e.add(
                "orders",
                "Orders are still recorded for this person: to answer no, first answer yes and remove each one",
            );
        }
        if case.orders_recorded == Some(true) {
            if case.orders.is_empty() {
                e.add("add-order", "Add each order, or answer no");
            }
            for (i, o) in case.orders.iter().enumerate() {
                let n = i + 1;
                let id = format!("order-{}", o.id);
                e.choice(
                    &format!("{id}-kind"),
                    &o.kind,
                    &format!("Select the type of order {n}"),
                );
                e.text(
                    &format!("{id}-protects"),
                    &o.protects,
                    &format!("Enter the name of the person order {n} protects"),
                );
                e.choice(&format!("{id}-place"), &o.lives_at_or_visits_place, &format!("Select yes if the person order {n} protects lives at or visits a proposed curfew address"));
                e.choice(
                    &format!("{id}-source"),
                    &o.source,
                    &format!("Select where you learned of order {n}"),
                );
            }
        }
    }
    e.0
}

pub fn child_contact(case: &Case) -> Vec<FieldError> {
    let mut e = <Errors as Default>::default();
    let name = case.display_name();
    for q in ChildQuestion::ALL {
        let a = case.child_contact.answer(q);
        e.choice(
            q.slug(),
            &a.answer,
            &format!("Select yes if {name} {}", q.short()),
        );
        if a.answer.is_some() && a.sources.is_empty() {
            e.add(
                format!("{}-sources", q.slug()),
                "Select where this answer came from",
            );
        }
    }
    // A child listed at a proposed address contradicts a "no" here.
    if case.curfew_considered() {
        let listed = |visiting: bool| {
            case.places.iter().any(|p| {
                if visiting {
                    p.visiting_children
                        .iter()
                        .any(|v| parse_whole_number(&v.age).is_none_or(|a| a < 18))
                } else {
                    p.residents.iter().any(|r| r.age().is_some_and(|a| a < 18))
                }
            })
        };
        if listed(false) && case.child_contact.lives_with.answer == Some(false) {
            e.add(
                ChildQuestion::LivesWith.slug(),
                "A child is listed as living at a proposed address: answer yes, or correct the address page",
            );
        }
        if listed(true) && case.child_contact.has_access.answer == Some(false) {
            e.add(
                ChildQuestion::HasAccess.slug(),
                "A child is listed as visiting a proposed address: answer yes, or correct the address page",
            );
        }
    }
    e.0
}

/// One enquiry's fields, with ids starting `prefix`. `agency` names what to enter in the first box,
/// for example "the police force".
pub fn enquiry<O: EnquiryOutcome>(
    e: &mut Errors,
    prefix: &str,
    enquiry: &Enquiry<O>,
    agency: &str,
    today: NaiveDate,
) {
    e.text(
        &format!("{prefix}-agency"),
        &enquiry.agency,
        &format!("Enter {agency}"),
    );
    e.choice(
        &format!("{prefix}-outcome"),
        &enquiry.outcome,
        "Select the outcome of the enquiry",
    );
    let Some(outcome) = enquiry.outcome else {
        return;
    };
    if outcome == O::not_requested() {
        e.text(
            &format!("{prefix}-reason"),
            &enquiry.not_requested_reason,
            "Enter why the enquiry was not requested",
        );
        return;
    }
    if outcome.key() == "not_required" {
        return;
    }
    let requested = e.date(
        &format!("{prefix}-requested"),
        &enquiry.requested,
        "Date requested",
        true,
        When::PastOrToday,
        today,
    );
    let due = e.date(
        &format!("{prefix}-due"),
        &enquiry.due,
        "Date the reply is due",
        false,
        When::Any,
        today,
    );
    if let (Some(r), Some(d)) = (requested, due) {
        if d < r {
            e.add(
                format!("{prefix}-due-day"),
                "Date the reply is due must be on or after the date requested",
            );
        }
    }
    if outcome.is_reply() {
        let received = e.date(
            &format!("{prefix}-received"),
            &enquiry.received,
            "Date received",
            true,
            When::PastOrToday,
            today,
        );
        if let (Some(r), Some(v)) = (requested, received) {
            if v < r {
                e.add(
                    format!("{prefix}-received-day"),
                    "Date received must be on or after the date requested",
                );
            }
        }
        let needs_summary = !matches!(outcome.key(), "none_held" | "not_known");
        if needs_summary {
            e.text(
                &format!("{prefix}-summary"),
                &enquiry.summary,
                "Enter a summary of what came back",
            );
        }
        if !enquiry.considered {
            e.add(
                format!("{prefix}-considered"),
                "Confirm you have considered this information in the proposal",
            );
        }
    }
}

pub fn police(case: &Case, today: NaiveDate) -> Vec<FieldError> {
    let mut e = <Errors as Default>::default();
    enquiry(&mut e, "police", &case.police, "the police force", today);
    e.0
}

pub fn childrens_services(case: &Case, today: NaiveDate) -> Vec<FieldError> {
    let mut e = <Errors as Default>::default();
    if case.childrens_services.is_empty() && case.childrens_services_required() {
        e.add("add-cs", "Add the children's services enquiry");
    }
    for cs in &case.childrens_services {
        let prefix = format!("cs-{}", cs.id);
        enquiry(&mut e, &prefix, &cs.enquiry, "the local authority", today);
        if !matches!(
            cs.enquiry.outcome,
            Some(CsOutcome::NotRequired | CsOutcome::NotRequested)
        ) {
            e.text(
                &format!("{prefix}-children"),
                &cs.children_covered,
                "Enter which children the enquiry covers",
            );
        }
    }
    e.0
}

/// The person's identifiers and address: none is required (not every person has a PNC ID, and
/// not every officer has the CRN to hand), but each typed must be one an agency can use.
fn identifiers(e: &mut Errors, person: &Person, today: NaiveDate) {
    if !person.crn.trim().is_empty()
        && let Err(message) = super::identifiers::crn(&person.crn)
    {
        e.add("crn", message);
    }
    if !person.pnc_id.trim().is_empty()
        && let Err(message) = super::identifiers::pnc_id(&person.pnc_id, today.year())
    {
        e.add("pnc", message);
    }
    let postcode = person.address.postcode.trim();
    if !postcode.is_empty() && !looks_like_postcode(postcode) {
        e.add("address-postcode", "Enter a real postcode, like SW1A 1AA");
    }
}

/// A date of birth typed for someone whose age is also recorded (`age`, as typed): it must be a
/// real date in the past, and say the same age.
fn date_of_birth(
    e: &mut Errors,
    id: &str,
    value: &DateParts,
    age: &str,
    who: &str,
    today: NaiveDate,
) {
    let born = e.date(
        &format!("{id}-dob"),
        value,
        &format!("Date of birth of {who}"),
        false,
        When::Past,
        today,
    );
    if let (Some(born), Some(age)) = (born, parse_whole_number(age))
        && let Some(years) = today.years_since(born)
        && years != age
    {
        e.add(
            format!("{id}-age"),
            format!("The age of {who} does not match their date of birth, which makes them {years}: correct one of them"),
        );
    }
}

pub fn place(case: &Case, place: &Place, today: NaiveDate) -> Vec<FieldError> {
    let mut e = <Errors as Default>::default();
    e.text(
        "address-line-1",
        &place.address_line_1,
        "Enter the first line of the address",
    );
    e.text("town", &place.town, "Enter the town or city");
    if place.postcode.trim().is_empty() {
        e.add("postcode", "Enter the postcode");
    } else if !looks_like_postcode(&place.postcode) {
        e.add("postcode", "Enter a real postcode, like SW1A 1AA");
    }
    e.choice("tenure", &place.tenure, "Select the tenure");
    e.choice(
        "assessed-by",
        &place.assessed_by,
        "Select how the address was assessed",
    );
    for (i, r) in place.residents.iter().enumerate() {
        let n = i + 1;
        let id = format!("resident-{}", r.id);
        e.text(
            &format!("{id}-name"),
            &r.name,
            &format!("Enter the name of resident {n}"),
        );
        if r.age.trim().is_empty() {
            e.add(
                format!("{id}-age"),
                format!("Enter the age of resident {n}"),
            );
        } else if r.age().is_none() {
            e.add(
                format!("{id}-age"),
                format!("Age of resident {n} must be a whole number, like 34"),
            );
        }
        date_of_birth(
            &mut e,
            &id,
            &r.date_of_birth,
            &r.age,
            &format!("resident {n}"),
            today,
        );
        e.text(
            &format!("{id}-relationship"),
            &r.relationship,
            &format!("Enter how resident {n} is related to the person"),
        );
    }
    for (i, c) in place.visiting_children.iter().enumerate() {
        let n = i + 1;
        let id = format!("visitor-{}", c.id);
        e.text(
            &format!("{id}-name"),
            &c.name,
            &format!("Enter the name of visiting child {n}"),
        );
        match parse_whole_number(&c.age) {
            Some(a) if a < 18 => {}
            Some(_) => e.add(
                format!("{id}-age"),
                format!("Visiting child {n} must be under 18"),
            ),
            None => e.add(
                format!("{id}-age"),
                format!("Enter the age of visiting child {n} as a whole number"),
            ),
        }
        date_of_birth(
            &mut e,
            &id,
            &c.date_of_birth,
            &c.age,
            &format!("visiting child {n}"),
            today,
        );
    }
    if place.household_sources.is_empty() {
        e.add("household-sources", "Select how you know who lives there");
    }
    e.choice(
        "occupier",
        &place.occupier,
        "Select who the main occupier is",
    );
    match place.occupier {
        Some(OccupierKind::Resident)
            if place
                .occupier_resident
                .and_then(|id| place.resident(id))
                .is_none() =>
        {
            if place.residents.is_empty() {
                e.add(
                    "occupier-resident",
                    "Add the main occupier as a resident first",
                );
            } else {
                e.add(
                    "occupier-resident",
                    "Select which resident is the main occupier",
                );
            }
        }
        Some(OccupierKind::Resident) => {
            if place
                .occupier_as_resident()
                .and_then(|r| r.age())
                .is_some_and(|a| a < 18)
            {
                e.add(
                    "occupier-resident",
                    "The main occupier must be 18 or over: select an adult, or someone who lives elsewhere",
                );
            }
        }
        Some(OccupierKind::Elsewhere) => {
            e.text(
                "occupier-name",
                &place.occupier_elsewhere.name,
                "Enter the main occupier's name",
            );
            e.text(
                "occupier-role",
                &place.occupier_elsewhere.role,
                "Enter the main occupier's role, like landlord",
            );
        }
        _ => {}
    }
    if matches!(
        place.tenure,
        Some(Tenure::Hostel | Tenure::ApprovedPremises)
    ) && matches!(
        place.occupier,
        Some(OccupierKind::ThePerson | OccupierKind::Resident)
    ) {
        e.add(
            "occupier",
            "In a hostel or approved premises the main occupier is the manager: select someone who lives elsewhere",
        );
    }
    e.choice(
        "victim",
        &place.victim_lives_there.answer,
        "Select yes if a victim or potential victim lives there",
    );
    if place.victim_lives_there.answer.is_some() && place.victim_lives_there.sources.is_empty() {
        e.add("victim-sources", "Select where this answer came from");
    }
    // The address's two checks may be left untouched here: "Enquiries and replies" drafts them and
    // records them when sent, and the rules keep the address incomplete until they are answered.
    if !place.police_callout.is_blank() {
        enquiry(
            &mut e,
            "callout",
            &place.police_callout,
            "the police force",
            today,
        );
    }
    if !place.cs_check.is_blank() {
        enquiry(
            &mut e,
            "cscheck",
            &place.cs_check,
            "the local authority",
            today,
        );
    }
    if place.cs_check.outcome == Some(CsOutcome::NotRequired) && case.curfew_considered() {
        e.add(
            "cscheck-outcome",
            "A children's services check on the address is always needed for a curfew",
        );
    }
    e.choice(
        "em-available",
        &place.em_available,
        "Select yes if electronic monitoring is available at the address",
    );
    e.choice(
        "electricity",
        &place.electricity_confirmed,
        "Select yes if the electricity supply is confirmed",
    );
    e.choice(
        "equipment",
        &place.equipment_agreed,
        "Select yes if the main occupier agrees to the monitoring equipment",
    );
    e.0
}

fn looks_like_postcode(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    (5..=7).contains(&compact.len())
        && compact.chars().all(|c| c.is_ascii_alphanumeric())
        && compact
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
        && compact
            .chars()
            .rev()
            .take(2)
            .all(|c| c.is_ascii_alphabetic())
        && compact
            .chars()
            .rev()
            .nth(2)
            .is_some_and(|c| c.is_ascii_digit())
}

/// Consent of one person. `terms` is what they are asked to agree to now (the address and the
/// hours): consent given for anything else must be asked again.
pub fn consent(consent: &Consent, terms: &str, today: NaiveDate) -> Vec<FieldError> {
    let mut e = <Errors as Default>::default();
    e.choice(
        "contacted-directly",
        &consent.contacted_directly,
        "Select yes if you contacted them directly",
    );
    let contacted = if consent.contacted_directly == Some(true) {
        e.choice("method", &consent.method, "Select how you contacted them");
        e.date(
            "contact-date",
            &consent.contact_date,
            "Date of contact",
            true,
            When::PastOrToday,
            today,
        )
    } else {
        None
    };
    e.choice(
        "privately",
        &consent.spoken_privately,
        "Select yes if you spoke to them privately",
    );
    e.text(
        "attitude",
        &consent.attitude,
        "Enter their attitude to the curfew, in their own words",
    );
    e.choice(
        "fear",
        &consent.fear_or_pressure,
        "Select yes if they showed any sign of fear or pressure",
    );
    if consent.fear_or_pressure == Some(true) {
        e.text(
            "fear-details",
            &consent.fear_details,
            "Enter what you noticed",
        );
    }
    e.choice(
        "decision",
        &consent.decision,
        "Select whether they gave consent",
    );
    if consent.decision.is_some() {
        let decided = e.date(
            "decision-date",
            &consent.decision_date,
            "Date of the decision",
            true,
            When::PastOrToday,
            today,
        );
        if decided.zip(contacted).is_some_and(|(d, c)| d < c) {
            e.add(
                "decision-date-day",
                "Date of the decision must be on or after the date of contact",
            );
        }
        if consent.decision == Some(ConsentDecision::Given) && consent.given_for != terms {
            e.add(
                "decision-date-day",
                "They agreed to different hours or a different address: ask them again, then record the date and time of their decision",
            );
        }
        if !consent.decision_time.trim().is_empty() && parse_time(&consent.decision_time).is_none()
        {
            e.add(
                "decision-time",
                "Enter the time in the 24-hour clock, like 14:30",
            );
        } else if consent.decision_time.trim().is_empty() {
            e.add("decision-time", "Enter the time of the decision");
        }
    }
    e.0
}

pub fn schedule(case: &Case, today: NaiveDate) -> Vec<FieldError> {
    let mut e = <Errors as Default>::default();
    let s = &case.schedule;
    let start = e.date("start", &s.start, "Start date", true, When::Any, today);
    let convicted = case
        .offences
        .iter()
        .filter_map(|o| super::schedule::possible_conviction_date(o, today))
        .max();
    if start.zip(convicted).is_some_and(|(s, c)| s < c) {
        e.add(
            "start-day",
            "Start date must be on or after the date of conviction",
        );
    }
    match parse_whole_number(&s.length) {
        Some(n) if n > 0 => {}
        _ if s.length.trim().is_empty() => e.add("length", "Enter the length of the curfew"),
        _ => e.add("length", "Length must be a whole number, like 6"),
    }
    e.choice(
        "length-unit",
        &s.length_unit,
        "Select days, weeks or months",
    );
    if !s.order_months.trim().is_empty()
        && parse_whole_number(&s.order_months).is_none_or(|m| m == 0)
    {
        e.add(
            "order-months",
            "Length of the order must be a whole number of months, like 12",
        );
    }
    if s.windows.is_empty() {
        e.add("add-window", "Add the curfew hours");
    }
    for (i, w) in s.windows.iter().enumerate() {
        let n = i + 1;
        let id = format!("window-{}", w.id);
        let from = parse_time(&w.from);
        let to = parse_time(&w.to);
        if from.is_none() {
            e.add(
                format!("{id}-from"),
                format!(
                    "Enter the start time of curfew period {n} in the 24-hour clock, like 19:00"
                ),
            );
        }
        if to.is_none() {
            e.add(
                format!("{id}-to"),
                format!("Enter the end time of curfew period {n} in the 24-hour clock, like 07:00"),
            );
        }
        if from.is_some() && from == to {
            e.add(
                format!("{id}-to"),
                format!("End time of curfew period {n} must be different from its start time"),
            );
        }
        if w.days.is_empty() {
            e.add(
                format!("{id}-days"),
                format!("Select the days curfew period {n} applies"),
            );
        }
        if case.places.len() > 1 && w.place_id.and_then(|p| case.place(p)).is_none() {
            e.add(
                format!("{id}-place"),
                format!("Select the address for curfew period {n}"),
            );
        }
    }
    e.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn empty_hearing_lists_every_field_in_order() {
        let case = Case::blank("c1", "");
        let errors = hearing(&case, today(), false);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "name",
                "dob-day",
                "court",
                "hearing-day",
                "report-type",
                "curfew",
                "offence-1-description",
                "offence-1-date-day",
                "offence-1-conviction-day",
                "offence-1-da"
            ]
        );
        assert_eq!(errors[0].message, "Enter the person's full name");
        assert_eq!(errors[1].message, "Enter the date of birth");
    }

    #[test]
    fn a_new_case_may_leave_risk_and_orders_but_orders_answered_yes_must_be_listed() {
        let mut case = Case::blank("c1", "");
        let fields = |case: &Case| -> Vec<String> {
            hearing(case, today(), false)
                .into_iter()
                .map(|e| e.field)
                .filter(|f| f.starts_with("rosh") || f.contains("order"))
                .collect()
        };
        assert_eq!(fields(&case), Vec::<String>::new());
        case.orders_recorded = Some(true);
        assert_eq!(fields(&case), ["add-order"]);
        case.add_order();
        let listed = fields(&case);
        assert!(listed.iter().any(|f| f.ends_with("-kind")), "{listed:?}");
        assert!(
            listed.iter().any(|f| f.ends_with("-protects")),
            "{listed:?}"
        );
    }

    #[test]
    fn dates_get_specific_messages() {
        let mut case = Case::blank("c1", "");
        case.person.date_of_birth = DateParts {
            day: "31".into(),
            month: "2".into(),
            year: "1990".into(),
        };
        case.hearing.date = DateParts {
            day: "1".into(),
            month: "".into(),
            year: "2026".into(),
        };
        case.offences[0].offence_date = DateParts::from_date(today().succ_opt().unwrap());
        let errors = hearing(&case, today(), false);
        let msg = |f: &str| {
            errors
                .iter()
                .find(|e| e.field == f)
                .map(|e| e.message.clone())
        };
        assert_eq!(
            msg("dob-day").as_deref(),
            Some("Date of birth must be a real date, with a 4-digit year")
        );
        assert_eq!(
            msg("hearing-month").as_deref(),
            Some("Hearing date must include a month")
        );
        assert_eq!(
            msg("offence-1-date-day").as_deref(),
            Some("Date of offence 1 must be today or in the past")
        );
    }

    #[test]
    fn enquiry_rules_follow_the_outcome() {
        let mut case = <Case as Default>::default();
        case.police.agency = "Wiltshire Police".into();
        case.police.outcome = Some(PoliceOutcome::NotRequested);
        assert_eq!(
            police(&case, today())[0].message,
            "Enter why the enquiry was not requested"
        );
        case.police.outcome = Some(PoliceOutcome::DaInformationHeld);
        case.police.requested =
            DateParts::from_date(NaiveDate::from_ymd_opt(2026, 11, 10).unwrap());
        case.police.received = DateParts::from_date(NaiveDate::from_ymd_opt(2026, 11, 9).unwrap());
        let fields: Vec<String> = police(&case, today())
            .into_iter()
            .map(|e| e.message)
            .collect();
        assert_eq!(
            fields,
            [
                "Date received must be on or after the date requested",
                "Enter a summary of what came back",
                "Confirm you have considered this information in the proposal"
            ]
        );
    }

    #[test]
    fn postcodes() {
        for ok in ["SW1A 1AA", "sn1 1aa", "M1 1AE", "CF10 1EP"] {
            assert!(looks_like_postcode(ok), "{ok}");
        }
        for bad in ["", "12345", "SW1A", "SW1A 1A1", "<script>"] {
            assert!(!looks_like_postcode(bad), "{bad}");
        }
    }
}
