//! One trainee's run of a scenario: its clock, the enquiries they sent and when, and each time
//! they asked someone at the address, and how. The case itself is an ordinary case (kept apart
//! from real cases by the storage module); the run only records what the scenario needs to
//! answer and to debrief.

use chrono::NaiveDate;
use miniserde::{Deserialize, Serialize};

use super::scenario::{Answer, ReplyScript, Scenario, Who};
use crate::domain::case::{Case, Offence, ReportType};
use crate::domain::choice::Choice;
use crate::domain::inputs::{DateParts, iso_date, parse_iso_date};
use crate::domain::workdays::{add_working_days, is_working_day};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub id: String,
    pub scenario: String,
    /// The scenario file as it was when the run started, so a loaded file plays the same later.
    pub source: String,
    pub trainee: String,
    pub case_id: String,
    /// The scenario's first day (a working day), "YYYY-MM-DD".
    pub first_day: String,
    /// Working days since the first day: the scenario's clock.
    pub day: u32,
    pub requests: Vec<Request>,
    pub contacts: Vec<Contact>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// `Ask::key`.
    pub what: String,
    pub day: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub place: u32,
    /// `resident:N` or `manager`.
    pub who: String,
    /// Asked directly, not through the person being sentenced.
    pub direct: bool,
    /// Asked without the person there.
    pub private: bool,
    pub day: u32,
}

/// An enquiry a trainee can send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    Police,
    ChildrensServices(usize),
    Callout(usize),
    CsCheck(usize),
}

impl Ask {
    pub fn key(self) -> String {
        match self {
            Ask::Police => "police".into(),
            Ask::ChildrensServices(i) => format!("cs:{i}"),
            Ask::Callout(i) => format!("callout:{i}"),
            Ask::CsCheck(i) => format!("cscheck:{i}"),
        }
    }
    pub fn from_key(key: &str) -> Option<Ask> {
        if key == "police" {
            return Some(Ask::Police);
        }
        let (kind, n) = key.split_once(':')?;
        let n: usize = n.parse().ok()?;
        match kind {
            "cs" => Some(Ask::ChildrensServices(n)),
            "callout" => Some(Ask::Callout(n)),
            "cscheck" => Some(Ask::CsCheck(n)),
            _ => None,
        }
    }
    /// Every enquiry the scenario can answer.
    pub fn all(s: &Scenario) -> Vec<Ask> {
        let mut asks = vec![Ask::Police];
        asks.extend((0..s.childrens_services.len()).map(Ask::ChildrensServices));
        for i in 0..s.places.len() {
            asks.push(Ask::Callout(i));
            asks.push(Ask::CsCheck(i));
        }
        asks
    }
    pub fn reply(self, s: &Scenario) -> Option<&ReplyScript> {
        match self {
            Ask::Police => Some(&s.police),
            Ask::ChildrensServices(i) => s.childrens_services.get(i).map(|c| &c.reply),
            Ask::Callout(i) => s.places.get(i).map(|p| &p.police_callout),
            Ask::CsCheck(i) => s.places.get(i).map(|p| &p.cs_check),
        }
    }
    /// What it is, in words: "the police domestic abuse enquiry".
    pub fn describe(self, s: &Scenario) -> String {
        let at = |i: usize| {
            s.places
                .get(i)
                .map(|p| p.address_line_1.clone())
                .unwrap_or_default()
        };
        match self {
            Ask::Police => format!("the domestic abuse enquiry to {}", s.police.agency),
            Ask::ChildrensServices(i) => format!(
                "the children's services enquiry to {}",
                s.childrens_services
                    .get(i)
                    .map(|c| c.reply.agency.as_str())
                    .unwrap_or("a local authority")
            ),
            Ask::Callout(i) => format!("the police call-out check on {}", at(i)),
            Ask::CsCheck(i) => format!("the children's services check on {}", at(i)),
        }
    }
    /// Where the requirement to make it comes from.
    pub fn source(self) -> &'static str {
        match self {
            Ask::Police => "Recommendation 1; HMPPS mandate, April 2022",
            Ask::ChildrensServices(_) => "Recommendations 2 and 4; HMPPS mandate, April 2022",
            Ask::Callout(_) | Ask::CsCheck(_) => "Recommendation 4; HMPPS mandate, April 2022",
        }
    }
}

impl Who {
    pub fn key(self) -> String {
        match self {
            Who::Resident(i) => format!("resident:{i}"),
            Who::Manager => "manager".into(),
        }
    }
}

/// How a trainee asks someone at the address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    ThroughThePerson,
    WithThePersonPresent,
    Privately,
}

impl How {
    pub fn direct(self) -> bool {
        self != How::ThroughThePerson
    }
    pub fn private(self) -> bool {
        self == How::Privately
    }
}

/// The first working day on or after `date`.
fn working_day_from(date: NaiveDate) -> NaiveDate {
    let mut d = date;
    while !is_working_day(d, &[]) {
        d = d.succ_opt().unwrap_or(d);
    }
    d
}

impl Run {
    /// Starts a run on `today` (or the next working day): the case holds what the court list
    /// says (the person, the hearing, the offences) and nothing the trainee must find out.
    pub fn start(
        id: &str,
        case_id: &str,
        trainee: &str,
        source: &str,
        s: &Scenario,
        today: NaiveDate,
        now: &str,
    ) -> (Run, Case) {
        let first = working_day_from(today);
        let run = Run {
            id: id.into(),
            scenario: s.id.clone(),
            source: source.into(),
            trainee: trainee.trim().into(),
            case_id: case_id.into(),
            first_day: iso_date(first),
            day: 0,
            requests: Vec::new(),
            contacts: Vec::new(),
        };
        let mut case = Case::blank(case_id, now);
        case.person.name = s.person.name.clone();
        case.person.date_of_birth = date_parts(s.person.date_of_birth.on(first));
        case.hearing.court = s.hearing.court.clone();
        case.hearing.date = DateParts::from_date(run.hearing_date(s));
        case.hearing.report_type = ReportType::from_key(&s.hearing.report_type);
        case.hearing.curfew_considered = Some(true);
        case.offences.clear();
        for o in &s.offences {
            let id = case.add_offence();
            if let Some(offence) = case.offences.iter_mut().find(|x| x.id == id) {
                *offence = Offence {
                    id,
                    description: o.description.clone(),
                    offence_date: date_parts(o.offence_date.on(first)),
                    conviction_date: date_parts(o.conviction_date.on(first)),
                    da_related: Some(o.domestic_abuse),
                };
            }
        }
        (run, case)
    }

    pub fn first_day(&self) -> NaiveDate {
        parse_iso_date(&self.first_day).unwrap_or_default()
    }
    /// The date of a scenario day.
    pub fn date(&self, day: u32) -> NaiveDate {
        add_working_days(self.first_day(), day, &[])
    }
    /// The scenario's today: the rules judge the training case by it.
    pub fn today(&self) -> NaiveDate {
        self.date(self.day)
    }
    pub fn hearing_date(&self, s: &Scenario) -> NaiveDate {
        self.date(s.hearing_day)
    }
    pub fn next_day(&mut self) {
        self.day += 1;
    }

    pub fn requested(&self, ask: Ask) -> Option<u32> {
        let key = ask.key();
        self.requests.iter().find(|r| r.what == key).map(|r| r.day)
    }
    /// Sends an enquiry today (once: asking again does not restart its clock).
    pub fn request(&mut self, ask: Ask) {
        if self.requested(ask).is_none() {
            self.requests.push(Request {
                what: ask.key(),
                day: self.day,
            });
        }
    }
    /// The day its reply arrives, once it has been sent.
    pub fn reply_day(&self, ask: Ask, s: &Scenario) -> Option<u32> {
        Some(self.requested(ask)? + ask.reply(s)?.reply_after)
    }
    pub fn arrived(&self, ask: Ask, s: &Scenario) -> bool {
        self.reply_day(ask, s).is_some_and(|d| d <= self.day)
    }

    /// Asks someone at a place, in one of three ways, and returns what they say.
    pub fn ask<'s>(
        &mut self,
        s: &'s Scenario,
        place: usize,
        who: Who,
        how: How,
    ) -> Option<&'s Answer> {
        let answers = s
            .adults(place)
            .into_iter()
            .find(|(w, _, _)| *w == who)
            .map(|(_, _, a)| a)?;
        self.contacts.push(Contact {
            place: place as u32,
            who: who.key(),
            direct: how.direct(),
            private: how.private(),
            day: self.day,
        });
        Some(match how {
            How::ThroughThePerson => &answers.through_the_person,
            How::WithThePersonPresent => &answers.with_the_person_present,
            How::Privately => &answers.privately,
        })
    }
    /// Every time this person was asked.
    pub fn contacts_with(&self, place: usize, who: Who) -> impl Iterator<Item = &Contact> {
        let key = who.key();
        self.contacts
            .iter()
            .filter(move |c| c.place as usize == place && c.who == key)
    }
}

fn date_parts(date: Option<NaiveDate>) -> DateParts {
    date.map(DateParts::from_date).unwrap_or_default()
}
