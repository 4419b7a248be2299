//! A training scenario: a fictional person, a hearing, the proposed address and household, and
//! what each agency and each person at the address will say, as a trainer writes it in a TOML
//! file (see `scenarios/README.md`). `parse` reads a file and checks it: every problem comes back
//! as a plain sentence with its line, and nothing is stored until a file has none.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::domain::case::{
    ChildQuestion, CsOutcome, OrderKind, PoliceOutcome, ReportType, RoshLevel, Tenure,
};
use crate::domain::choice::Choice;

/// What a trainee who does every step right should end with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// Every check comes back clear: a curfew can be found suitable.
    Suitable,
    /// Something found rules a curfew out.
    NotSuitable,
    /// On the hearing day checks are still outstanding: ask the court to adjourn.
    Adjourn,
}

impl Expected {
    pub fn describe(self) -> &'static str {
        match self {
            Expected::Suitable => "a curfew is suitable, once every check is done",
            Expected::NotSuitable => "a curfew is not suitable",
            Expected::Adjourn => {
                "the court is asked to adjourn: the checks cannot be completed by the hearing"
            }
        }
    }
}

/// A date in a scenario: a whole number of days from the scenario's first day (`-14` is two weeks
/// before it), or a fixed date written `"2022-05-10"` where the date itself matters.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum ScenarioDate {
    Relative(i64),
    Fixed(String),
}

impl ScenarioDate {
    pub fn on(&self, first_day: NaiveDate) -> Option<NaiveDate> {
        match self {
            ScenarioDate::Relative(days) => {
                first_day.checked_add_signed(chrono::Duration::days(*days))
            }
            ScenarioDate::Fixed(text) => crate::domain::inputs::parse_iso_date(text),
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Short and unique: lower-case letters, digits and hyphens.
    pub id: String,
    pub title: String,
    /// What the trainee is told at the start: the court list and the person's own account.
    pub briefing: String,
    /// The point of the scenario, shown in the debrief.
    pub lesson: String,
    pub expected: Expected,
    /// Working days from the first day to the hearing: 0 for an oral report on the day.
    pub hearing_day: u32,
    pub person: PersonScript,
    pub hearing: HearingScript,
    pub offences: Vec<OffenceScript>,
    pub risk: RiskScript,
    /// Orders protecting others, as the police reply reveals them.
    #[serde(default)]
    pub orders: Vec<OrderScript>,
    /// The truth about the person and children, as agencies confirm it.
    pub child_contact: ChildContactScript,
    pub police: ReplyScript,
    pub childrens_services: Vec<CsScript>,
    pub places: Vec<PlaceScript>,
    pub curfew: CurfewScript,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonScript {
    pub name: String,
    pub date_of_birth: ScenarioDate,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HearingScript {
    pub court: String,
    /// `oral`, `fast` or `standard`.
    pub report_type: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OffenceScript {
    pub description: String,
    pub offence_date: ScenarioDate,
    pub conviction_date: ScenarioDate,
    pub domestic_abuse: bool,
}

/// Risk of serious harm as assessed: `low`, `medium`, `high` or `very_high`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskScript {
    pub children: String,
    pub public: String,
    pub known_adult: String,
    pub staff: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderScript {
    /// `restraining`, `non_molestation`, `occupation`, `dapo`, `bail` or `child_arrangements`.
    pub kind: String,
    pub protects: String,
    pub relationship: String,
    pub lives_at_or_visits: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildContactScript {
    pub lives_with: bool,
    pub responsible_for: bool,
    pub has_access: bool,
    pub negative_impact: bool,
}

impl ChildContactScript {
    /// Each child contact question with its true answer.
    pub fn answers(&self) -> [(ChildQuestion, bool); 4] {
        [
            (ChildQuestion::LivesWith, self.lives_with),
            (ChildQuestion::ResponsibleFor, self.responsible_for),
            (ChildQuestion::HasAccess, self.has_access),
            (ChildQuestion::NegativeImpact, self.negative_impact),
        ]
    }
}

/// An agency's reply: after how many working days it arrives, what it says.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyScript {
    /// The police force or local authority that replies.
    pub agency: String,
    pub reply_after: u32,
    /// An outcome key, such as `da_held` or `not_known` (see `scenarios/README.md`).
    pub outcome: String,
    #[serde(default)]
    pub summary: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsScript {
    pub children: String,
    #[serde(flatten)]
    pub reply: ReplyScript,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceScript {
    pub address_line_1: String,
    pub town: String,
    pub postcode: String,
    /// A tenure key, such as `private_rented` or `hostel`.
    pub tenure: String,
    /// `the person`, the name of a resident, or the name of the `manager` below.
    pub main_occupier: String,
    #[serde(default)]
    pub residents: Vec<ResidentScript>,
    #[serde(default)]
    pub visiting_children: Vec<VisitorScript>,
    /// A landlord or hostel manager who lives elsewhere.
    pub manager: Option<ManagerScript>,
    pub victim_lives_there: bool,
    pub monitoring_available: bool,
    pub electricity: bool,
    pub police_callout: ReplyScript,
    pub cs_check: ReplyScript,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResidentScript {
    pub name: String,
    pub age: u32,
    pub relationship: String,
    /// What an adult says when asked; not needed for children.
    pub answers: Option<Answers>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitorScript {
    pub name: String,
    pub age: u32,
    pub relationship: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManagerScript {
    pub name: String,
    pub role: String,
    pub answers: Answers,
}

/// What one person says, depending on how they are asked: that is the lesson of
/// recommendation 6.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    /// Asked through the person being sentenced.
    pub through_the_person: Answer,
    /// Asked directly, with the person there.
    pub with_the_person_present: Answer,
    /// Asked directly and privately: the truth.
    pub privately: Answer,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub says: String,
    /// `given`, `refused` or `none` (no decision given).
    pub consent: String,
    #[serde(default)]
    pub fear: bool,
}

/// The curfew the court is asked about, and, where those hours break the law, hours that keep
/// within it (what a trainee who does it right proposes).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurfewScript {
    pub months: u32,
    pub requested: Vec<HoursScript>,
    pub lawful: Option<Vec<HoursScript>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoursScript {
    pub from: String,
    pub to: String,
    /// Day keys (`mon` … `sun`); every day when left out.
    #[serde(default)]
    pub days: Vec<String>,
    /// Which place, by its first address line; the first place when left out.
    #[serde(default)]
    pub at: String,
}

/// Someone at a proposed address whose consent is needed: a resident, by index, or the manager.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Resident(usize),
    Manager,
}

impl Scenario {
    /// The people whose consent is needed at a place, with what they will say.
    pub fn adults(&self, place: usize) -> Vec<(Who, &str, &Answers)> {
        let Some(p) = self.places.get(place) else {
            return Vec::new();
        };
        let mut adults: Vec<(Who, &str, &Answers)> = p
            .residents
            .iter()
            .enumerate()
            .filter(|(_, r)| r.age >= 18)
            .filter_map(|(i, r)| Some((Who::Resident(i), r.name.as_str(), r.answers.as_ref()?)))
            .collect();
        if let Some(m) = &p.manager {
            adults.push((Who::Manager, m.name.as_str(), &m.answers));
        }
        adults
    }
}

/// A scenario file that could not be used, with every problem found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused(pub Vec<String>);

/// Reads a scenario file and checks it. The play-through check (that doing every step right ends
/// with the expected outcome) is `model::check_outcome`, which `load` adds.
pub fn parse(text: &str) -> Result<Scenario, Refused> {
    if text.len() > 200_000 {
        return Err(Refused(vec![
            "The file is too large to be a scenario: a scenario is a short text file.".into(),
        ]));
    }
    let scenario: Scenario =
        toml::from_str(text).map_err(|e| Refused(vec![toml_problem(text, &e)]))?;
    let problems = check(&scenario);
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(Refused(problems))
    }
}

/// A TOML or shape error, in a sentence a trainer can act on.
fn toml_problem(text: &str, e: &toml::de::Error) -> String {
    // A table missing from the whole file has no line of its own to point to.
    let line = e
        .span()
        .filter(|s| s.start > 0)
        .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
    let message = e.message().trim().replace('`', "'");
    let message = match message.strip_prefix("missing field ") {
        Some(field) => format!("Something required is missing: {field}"),
        None => message,
    };
    match line {
        Some(n) => format!("Line {n}: {message}."),
        None => format!("{message}."),
    }
}

/// Every problem a trainer should fix, in the order they appear in the file.
fn check(s: &Scenario) -> Vec<String> {
    let mut p = Vec::new();
    need(
        &mut p,
        !s.id.is_empty()
            && s.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
        "The id must be lower-case letters, digits and hyphens, like \"partners-home\".".into(),
    );
    for (what, text) in [
        ("title", &s.title),
        ("briefing", &s.briefing),
        ("lesson", &s.lesson),
        ("person's name", &s.person.name),
        ("court", &s.hearing.court),
        ("police force", &s.police.agency),
    ] {
        need(
            &mut p,
            !text.trim().is_empty(),
            format!("The {what} is empty."),
        );
    }
    let first = NaiveDate::from_ymd_opt(2026, 1, 5).expect("a date");
    need(
        &mut p,
        s.person.date_of_birth.on(first).is_some(),
        "The date of birth must be a number of days, or a date like \"1990-04-12\".".into(),
    );
    need(
        &mut p,
        ReportType::from_key(&s.hearing.report_type).is_some(),
        format!(
            "The report type \"{}\" is not one of: oral, fast, standard.",
            s.hearing.report_type
        ),
    );
    need(
        &mut p,
        !s.offences.is_empty(),
        "There is no offence: add at least one [[offences]].".into(),
    );
    for (i, o) in s.offences.iter().enumerate() {
        let n = i + 1;
        need(
            &mut p,
            !o.description.trim().is_empty(),
            format!("Offence {n} has no description."),
        );
        let (committed, convicted) = (o.offence_date.on(first), o.conviction_date.on(first));
        need(
            &mut p,
            committed.is_some() && convicted.is_some(),
            format!(
                "Offence {n}: each date must be a number of days, or a date like \"2022-05-10\"."
            ),
        );
        if let (Some(c), Some(v)) = (committed, convicted) {
            need(
                &mut p,
                v >= c,
                format!("Offence {n}: the conviction is before the offence."),
            );
        }
    }
    for (domain, key) in [
        ("children", &s.risk.children),
        ("the public", &s.risk.public),
        ("a known adult", &s.risk.known_adult),
        ("staff", &s.risk.staff),
    ] {
        need(
            &mut p,
            RoshLevel::from_key(key).is_some_and(|l| l != RoshLevel::NotAssessed),
            format!(
                "The risk to {domain}, \"{key}\", is not one of: low, medium, high, very_high."
            ),
        );
    }
    for (i, o) in s.orders.iter().enumerate() {
        need(
            &mut p,
            OrderKind::from_key(&o.kind).is_some(),
            format!(
                "Order {}: the kind \"{}\" is not one of: restraining, non_molestation, occupation, dapo, bail, child_arrangements.",
                i + 1,
                o.kind
            ),
        );
    }
    reply(&mut p, "The police reply", &s.police, true);
    need(
        &mut p,
        !s.childrens_services.is_empty(),
        "There is no children's services reply: add at least one [[childrens_services]].".into(),
    );
    for (i, cs) in s.childrens_services.iter().enumerate() {
        let what = format!("Children's services reply {}", i + 1);
        reply(&mut p, &what, &cs.reply, false);
    }
    if s.places.is_empty() {
        p.push("There is no proposed address: add at least one [[places]].".into());
    }
    for (i, place) in s.places.iter().enumerate() {
        let at = format!("Address {}", i + 1);
        for (what, text) in [
            ("first line", &place.address_line_1),
            ("town", &place.town),
            ("postcode", &place.postcode),
        ] {
            if text.trim().is_empty() {
                p.push(format!("{at}: the {what} is empty."));
            }
        }
        if Tenure::from_key(&place.tenure).is_none() {
            p.push(format!("{at}: the tenure \"{}\" is not one of: owned, private_rented, social_rented, hostel, approved_premises, other.", place.tenure));
        }
        let occupier = place.main_occupier.trim();
        let is_resident = place
            .residents
            .iter()
            .any(|r| r.name == occupier && r.age >= 18);
        let is_manager = place.manager.as_ref().is_some_and(|m| m.name == occupier);
        if occupier != "the person" && !is_resident && !is_manager {
            p.push(format!("{at}: the main occupier \"{occupier}\" must be \"the person\", an adult resident's name or the manager's name."));
        }
        for r in &place.residents {
            if r.name.trim().is_empty() {
                p.push(format!("{at}: a resident has no name."));
            }
            if r.age >= 18 && r.answers.is_none() {
                p.push(format!(
                    "{at}: {} is an adult: add their answers ([places.residents.answers]).",
                    r.name
                ));
            }
        }
        for v in &place.visiting_children {
            if v.age >= 18 {
                p.push(format!("{at}: {} visits, but is not a child.", v.name));
            }
        }
        let answers = place
            .residents
            .iter()
            .filter_map(|r| r.answers.as_ref().map(|a| (r.name.as_str(), a)))
            .chain(
                place
                    .manager
                    .as_ref()
                    .map(|m| (m.name.as_str(), &m.answers)),
            );
        for (name, a) in answers {
            for (how, answer) in [
                ("through the person", &a.through_the_person),
                ("with the person present", &a.with_the_person_present),
                ("privately", &a.privately),
            ] {
                if answer.says.trim().is_empty() {
                    p.push(format!("{at}: what {name} says when asked {how} is empty."));
                }
                if !matches!(answer.consent.as_str(), "given" | "refused" | "none") {
                    p.push(format!("{at}: {name}'s consent when asked {how}, \"{}\", is not one of: given, refused, none.", answer.consent));
                }
            }
        }
        reply(
            &mut p,
            &format!("{at}: the police call-out check"),
            &place.police_callout,
            true,
        );
        reply(
            &mut p,
            &format!("{at}: the children's services check"),
            &place.cs_check,
            false,
        );
    }
    if s.curfew.months == 0 {
        p.push("The curfew must last at least 1 month.".into());
    }
    if s.curfew.requested.is_empty() {
        p.push("There are no requested curfew hours: add [[curfew.requested]].".into());
    }
    for hours in s
        .curfew
        .requested
        .iter()
        .chain(s.curfew.lawful.iter().flatten())
    {
        if crate::domain::schedule::parse_window(&hours.from, &hours.to).is_none() {
            p.push(format!("The curfew hours {} to {} are not two different 24-hour times, like 19:00 and 07:00.", hours.from, hours.to));
        }
        for d in &hours.days {
            if crate::domain::case::Day::from_key(d).is_none() {
                p.push(format!(
                    "\"{d}\" is not a day: use mon, tue, wed, thu, fri, sat or sun."
                ));
            }
        }
        let at = hours.at.trim();
        if !at.is_empty() && !s.places.iter().any(|pl| pl.address_line_1 == at) {
            p.push(format!(
                "The curfew hours at \"{at}\" name no proposed address."
            ));
        }
    }
    p
}

/// Adds `message` unless `ok`.
fn need(p: &mut Vec<String>, ok: bool, message: String) {
    if !ok {
        p.push(message);
    }
}

fn reply(p: &mut Vec<String>, what: &str, r: &ReplyScript, police: bool) {
    if r.agency.trim().is_empty() {
        p.push(format!("{what}: the agency is empty."));
    }
    let known = if police {
        PoliceOutcome::from_key(&r.outcome).is_some_and(|o| o.is_reply())
    } else {
        CsOutcome::from_key(&r.outcome).is_some_and(|o| o.is_reply())
    };
    if !known {
        let keys = if police {
            "da_held, info_not_da, none_held"
        } else {
            "cp_plan, cin_plan, looked_after, assessment, proceedings, early_help, previously_known, not_known"
        };
        p.push(format!(
            "{what}: the outcome \"{}\" is not one of: {keys}.",
            r.outcome
        ));
    }
    let needs_summary = !matches!(r.outcome.as_str(), "none_held" | "not_known");
    if known && needs_summary && r.summary.trim().is_empty() {
        p.push(format!(
            "{what}: a reply that holds information needs a summary."
        ));
    }
}
