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
    let problems = check(&scenario, &Lines::new(text));
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(Refused(problems))
    }
}

/// A TOML or shape error, in a sentence a trainer can act on, with its line and the value it
/// is about.
fn toml_problem(text: &str, e: &toml::de::Error) -> String {
    // A table missing from the whole file has no line of its own to point to.
    let span = e.span().filter(|s| s.start > 0 && s.end <= text.len());
    let message = e.message().trim().replace('`', "'");
    let message = if let Some(field) = message.strip_prefix("missing field ") {
        format!("Something required is missing: {field}")
    } else if message.contains("untagged enum ScenarioDate") {
        // A date neither a number nor in quotes (TOML's own unquoted date, say).
        let written = span.clone().map(|s| text[s].trim()).unwrap_or_default();
        format!("\"{written}\" is not a date here. {DATE_FORMS}")
    } else {
        message
    };
    match span {
        Some(s) => format!("Line {}: {message}.", line_at(text, s.start)).replace("..", "."),
        None => format!("{message}."),
    }
}

/// How a date may be written, for messages.
const DATE_FORMS: &str = "Write a whole number of days from the first day, like -3, or a date in quotes, like \"2022-05-10\"";

/// The line (from 1) that holds byte `at` of `text`.
fn line_at(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// Where each value of a scenario file is written, so that every refusal of a value can name its
/// line and quote it as the trainer wrote it.
struct Lines<'a> {
    text: &'a str,
    document: Option<toml::de::DeValue<'a>>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let document = toml::de::DeTable::parse(text)
            .ok()
            .map(|t| toml::de::DeValue::Table(t.into_inner()));
        Lines { text, document }
    }

    /// Where the value at `path` (keys and array positions, like `offences.0.conviction_date`)
    /// is written in the file.
    fn span(&self, path: &str) -> Option<std::ops::Range<usize>> {
        let mut value = self.document.as_ref()?;
        let mut span = None;
        for key in path.split('.') {
            let found = match key.parse::<usize>() {
                Ok(i) => value.get(i)?,
                Err(_) => value.get(key)?,
            };
            span = Some(found.span());
            value = found.get_ref();
        }
        span.filter(|s| s.end <= self.text.len())
    }

    /// "Line 12: " for the value at `path`, or nothing if it is not written in the file.
    fn at(&self, path: &str) -> String {
        self.span(path)
            .map(|s| format!("Line {}: ", line_at(self.text, s.start)))
            .unwrap_or_default()
    }

    /// The value at `path` exactly as written, quotes and all.
    fn written(&self, path: &str) -> String {
        self.span(path)
            .map(|s| self.text[s].trim().to_string())
            .unwrap_or_default()
    }
}

/// Every problem a trainer should fix, in the order they appear in the file; each about a value
/// names the line it is on (`at`) and quotes it.
fn check(s: &Scenario, lines: &Lines) -> Vec<String> {
    let mut p = Vec::new();
    let at = |path: &str| lines.at(path);
    need(
        &mut p,
        !s.id.is_empty()
            && s.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
        format!(
            "{}The id \"{}\" must be lower-case letters, digits and hyphens, like \"partners-home\".",
            at("id"),
            s.id
        ),
    );
    for (what, path, text) in [
        ("title", "title", &s.title),
        ("briefing", "briefing", &s.briefing),
        ("lesson", "lesson", &s.lesson),
        ("person's name", "person.name", &s.person.name),
        ("court", "hearing.court", &s.hearing.court),
        ("police force", "police.agency", &s.police.agency),
    ] {
        need(
            &mut p,
            !text.trim().is_empty(),
            format!("{}The {what} is empty.", at(path)),
        );
    }
    if let Some(problem) = date_problem(
        lines,
        "person.date_of_birth",
        "The date of birth",
        &s.person.date_of_birth,
    ) {
        p.push(problem);
    }
    need(
        &mut p,
        ReportType::from_key(&s.hearing.report_type).is_some(),
        format!(
            "{}The report type \"{}\" is not one of: oral, fast, standard.",
            at("hearing.report_type"),
            s.hearing.report_type
        ),
    );
    need(
        &mut p,
        !s.offences.is_empty(),
        "There is no offence: add at least one [[offences]].".into(),
    );
    let first = NaiveDate::from_ymd_opt(2026, 1, 5).expect("a date");
    for (i, o) in s.offences.iter().enumerate() {
        let n = i + 1;
        let path = |field: &str| format!("offences.{i}.{field}");
        need(
            &mut p,
            !o.description.trim().is_empty(),
            format!(
                "{}Offence {n} has no description.",
                at(&path("description"))
            ),
        );
        let dates = [
            (
                path("offence_date"),
                format!("Offence {n}: the date of the offence"),
                &o.offence_date,
            ),
            (
                path("conviction_date"),
                format!("Offence {n}: the date of conviction"),
                &o.conviction_date,
            ),
        ];
        let mut readable = true;
        for (path, what, date) in &dates {
            if let Some(problem) = date_problem(lines, path, what, date) {
                p.push(problem);
                readable = false;
            }
        }
        if let (true, Some(c), Some(v)) = (
            readable,
            o.offence_date.on(first),
            o.conviction_date.on(first),
        ) {
            // A relative and a fixed date compare only on a real day: `check_dates` does that.
            let both_alike = matches!(
                (&o.offence_date, &o.conviction_date),
                (ScenarioDate::Relative(_), ScenarioDate::Relative(_))
                    | (ScenarioDate::Fixed(_), ScenarioDate::Fixed(_))
            );
            need(
                &mut p,
                !both_alike || v >= c,
                format!(
                    "{}Offence {n}: the date of conviction, {}, is before the date of the offence, {}.",
                    at(&path("conviction_date")),
                    lines.written(&path("conviction_date")),
                    lines.written(&path("offence_date")),
                ),
            );
        }
    }
    for (domain, field, key) in [
        ("children", "children", &s.risk.children),
        ("the public", "public", &s.risk.public),
        ("a known adult", "known_adult", &s.risk.known_adult),
        ("staff", "staff", &s.risk.staff),
    ] {
        need(
            &mut p,
            RoshLevel::from_key(key).is_some_and(|l| l != RoshLevel::NotAssessed),
            format!(
                "{}The risk to {domain}, \"{key}\", is not one of: low, medium, high, very_high.",
                at(&format!("risk.{field}"))
            ),
        );
    }
    for (i, o) in s.orders.iter().enumerate() {
        need(
            &mut p,
            OrderKind::from_key(&o.kind).is_some(),
            format!(
                "{}Order {}: the kind \"{}\" is not one of: restraining, non_molestation, occupation, dapo, bail, child_arrangements.",
                at(&format!("orders.{i}.kind")),
                i + 1,
                o.kind
            ),
        );
    }
    reply(&mut p, lines, "The police reply", "police", &s.police, true);
    need(
        &mut p,
        !s.childrens_services.is_empty(),
        "There is no children's services reply: add at least one [[childrens_services]].".into(),
    );
    for (i, cs) in s.childrens_services.iter().enumerate() {
        let what = format!("Children's services reply {}", i + 1);
        reply(
            &mut p,
            lines,
            &what,
            &format!("childrens_services.{i}"),
            &cs.reply,
            false,
        );
    }
    if s.places.is_empty() {
        p.push("There is no proposed address: add at least one [[places]].".into());
    }
    for (i, place) in s.places.iter().enumerate() {
        let address = format!("Address {}", i + 1);
        let path = |field: &str| format!("places.{i}.{field}");
        for (what, field, text) in [
            ("first line", "address_line_1", &place.address_line_1),
            ("town", "town", &place.town),
            ("postcode", "postcode", &place.postcode),
        ] {
            if text.trim().is_empty() {
                p.push(format!(
                    "{}{address}: the {what} is empty.",
                    at(&path(field))
                ));
            }
        }
        if Tenure::from_key(&place.tenure).is_none() {
            p.push(format!("{}{address}: the tenure \"{}\" is not one of: owned, private_rented, social_rented, hostel, approved_premises, other.", at(&path("tenure")), place.tenure));
        }
        let occupier = place.main_occupier.trim();
        let is_resident = place
            .residents
            .iter()
            .any(|r| r.name == occupier && r.age >= 18);
        let is_manager = place.manager.as_ref().is_some_and(|m| m.name == occupier);
        if occupier != "the person" && !is_resident && !is_manager {
            p.push(format!("{}{address}: the main occupier \"{occupier}\" must be \"the person\", an adult resident's name or the manager's name.", at(&path("main_occupier"))));
        }
        for (r_i, r) in place.residents.iter().enumerate() {
            let resident = |field: &str| path(&format!("residents.{r_i}.{field}"));
            if r.name.trim().is_empty() {
                p.push(format!(
                    "{}{address}: a resident has no name.",
                    at(&resident("name"))
                ));
            }
            if r.age >= 18 && r.answers.is_none() {
                p.push(format!(
                    "{}{address}: {} is an adult (age {}): add their answers ([places.residents.answers]).",
                    at(&resident("age")),
                    r.name,
                    r.age
                ));
            }
        }
        for (v_i, v) in place.visiting_children.iter().enumerate() {
            if v.age >= 18 {
                p.push(format!(
                    "{}{address}: {} visits, but is not a child (age {}).",
                    at(&path(&format!("visiting_children.{v_i}.age"))),
                    v.name,
                    v.age
                ));
            }
        }
        let answers = place
            .residents
            .iter()
            .enumerate()
            .filter_map(|(r_i, r)| {
                r.answers.as_ref().map(|a| {
                    (
                        r.name.as_str(),
                        path(&format!("residents.{r_i}.answers")),
                        a,
                    )
                })
            })
            .chain(
                place
                    .manager
                    .as_ref()
                    .map(|m| (m.name.as_str(), path("manager.answers"), &m.answers)),
            );
        for (name, answers_at, a) in answers {
            for (how, field, answer) in [
                (
                    "through the person",
                    "through_the_person",
                    &a.through_the_person,
                ),
                (
                    "with the person present",
                    "with_the_person_present",
                    &a.with_the_person_present,
                ),
                ("privately", "privately", &a.privately),
            ] {
                let here = |key: &str| at(&format!("{answers_at}.{field}.{key}"));
                if answer.says.trim().is_empty() {
                    p.push(format!(
                        "{}{address}: what {name} says when asked {how} is empty.",
                        here("says")
                    ));
                }
                if !matches!(answer.consent.as_str(), "given" | "refused" | "none") {
                    p.push(format!("{}{address}: {name}'s consent when asked {how}, \"{}\", is not one of: given, refused, none.", here("consent"), answer.consent));
                }
            }
        }
        reply(
            &mut p,
            lines,
            &format!("{address}: the police call-out check"),
            &path("police_callout"),
            &place.police_callout,
            true,
        );
        reply(
            &mut p,
            lines,
            &format!("{address}: the children's services check"),
            &path("cs_check"),
            &place.cs_check,
            false,
        );
    }
    if s.curfew.months == 0 {
        p.push(format!(
            "{}The curfew must last at least 1 month, not 0.",
            at("curfew.months")
        ));
    }
    if s.curfew.requested.is_empty() {
        p.push("There are no requested curfew hours: add [[curfew.requested]].".into());
    }
    let hours = s
        .curfew
        .requested
        .iter()
        .enumerate()
        .map(|(i, h)| (format!("curfew.requested.{i}"), h))
        .chain(
            s.curfew
                .lawful
                .iter()
                .flatten()
                .enumerate()
                .map(|(i, h)| (format!("curfew.lawful.{i}"), h)),
        );
    for (path, hours) in hours {
        if crate::domain::schedule::parse_window(&hours.from, &hours.to).is_none() {
            p.push(format!("{}The curfew hours \"{}\" to \"{}\" are not two different 24-hour times, like 19:00 and 07:00.", at(&format!("{path}.from")), hours.from, hours.to));
        }
        for (d_i, d) in hours.days.iter().enumerate() {
            if crate::domain::case::Day::from_key(d).is_none() {
                p.push(format!(
                    "{}\"{d}\" is not a day: use mon, tue, wed, thu, fri, sat or sun.",
                    at(&format!("{path}.days.{d_i}"))
                ));
            }
        }
        let place = hours.at.trim();
        if !place.is_empty() && !s.places.iter().any(|pl| pl.address_line_1 == place) {
            p.push(format!(
                "{}The curfew hours at \"{place}\" name no proposed address.",
                at(&format!("{path}.at"))
            ));
        }
    }
    p
}

/// Why a date cannot be read, if it cannot: not a number of days or a `"YYYY-MM-DD"` date, or
/// a date that does not exist (the 30th of February).
fn date_problem(lines: &Lines, path: &str, what: &str, date: &ScenarioDate) -> Option<String> {
    let ScenarioDate::Fixed(text) = date else {
        return None;
    };
    if crate::domain::inputs::parse_iso_date(text).is_some() {
        return None;
    }
    let parts: Vec<&str> = text.split('-').collect();
    let shaped = matches!(parts.as_slice(), [y, m, d]
        if y.len() == 4 && m.len() == 2 && d.len() == 2
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())));
    let why = if shaped {
        "is not a date that exists: check the month and the day".to_string()
    } else {
        format!("is not a date. {DATE_FORMS}")
    };
    Some(format!("{}{what}, \"{text}\", {why}.", lines.at(path)))
}

/// Dates that cannot be right on the day a scenario starts (`today`, its first day): a birth,
/// an offence or a conviction after it. Fixed dates can only be checked against a real day,
/// so this runs when a file is loaded (see `super::load`), after `parse`.
pub fn check_dates(s: &Scenario, text: &str, today: NaiveDate) -> Vec<String> {
    let lines = Lines::new(text);
    let mut p = Vec::new();
    let mut after_today = |path: String, what: String, date: &ScenarioDate, on_the_day: bool| {
        let Some(day) = date.on(today) else { return };
        if day > today || (on_the_day && day == today) {
            p.push(format!(
                "{}{what}, {}, is after the scenario's first day ({}), so it is in the future for the trainee.",
                lines.at(&path),
                lines.written(&path),
                crate::domain::inputs::long_date(today),
            ));
        }
    };
    after_today(
        "person.date_of_birth".into(),
        "The date of birth".into(),
        &s.person.date_of_birth,
        true,
    );
    for (i, o) in s.offences.iter().enumerate() {
        let n = i + 1;
        after_today(
            format!("offences.{i}.offence_date"),
            format!("Offence {n}: the date of the offence"),
            &o.offence_date,
            false,
        );
        after_today(
            format!("offences.{i}.conviction_date"),
            format!("Offence {n}: the date of conviction"),
            &o.conviction_date,
            false,
        );
    }
    for (i, o) in s.offences.iter().enumerate() {
        if let (Some(c), Some(v)) = (o.offence_date.on(today), o.conviction_date.on(today)) {
            let mixed = matches!(
                (&o.offence_date, &o.conviction_date),
                (ScenarioDate::Relative(_), ScenarioDate::Fixed(_))
                    | (ScenarioDate::Fixed(_), ScenarioDate::Relative(_))
            );
            if mixed && v < c {
                let path = format!("offences.{i}.conviction_date");
                p.push(format!(
                    "{}Offence {}: the date of conviction, {}, is before the date of the offence, {}.",
                    lines.at(&path),
                    i + 1,
                    lines.written(&path),
                    lines.written(&format!("offences.{i}.offence_date")),
                ));
            }
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

/// Problems with one scripted reply, written at `path` in the file.
fn reply(
    p: &mut Vec<String>,
    lines: &Lines,
    what: &str,
    path: &str,
    r: &ReplyScript,
    police: bool,
) {
    let at = |key: &str| lines.at(&format!("{path}.{key}"));
    if r.agency.trim().is_empty() {
        p.push(format!("{}{what}: the agency is empty.", at("agency")));
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
            "{}{what}: the outcome \"{}\" is not one of: {keys}.",
            at("outcome"),
            r.outcome
        ));
    }
    let needs_summary = !matches!(r.outcome.as_str(), "none_held" | "not_known");
    if known && needs_summary && r.summary.trim().is_empty() {
        p.push(format!(
            "{}{what}: a reply that holds information needs a summary.",
            at("outcome")
        ));
    }
}
