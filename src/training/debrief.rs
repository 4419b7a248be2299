//! The debrief: what the trainee recorded against what the scenario needed. Each missed or
//! wrong step names the recommendation or statute it breaks; every attempt to record "suitable"
//! while it was blocked is counted; the outcome is judged safe or not; and the scenario days
//! used are set against the hearing.

use super::run::{Ask, Run};
use super::scenario::{Expected, Scenario, Who};
use crate::domain::Case;
use crate::domain::WHAT_SUITABLE_REFUSED;
use crate::domain::case::*;
use crate::domain::choice::Choice;
use crate::domain::inputs::long_date;
use crate::domain::rules::{BlockerKind, assess};

const REC3: &str = "Recommendation 3: verify with agencies, not self-disclosure";
const REC6: &str = "Recommendation 6; Sentencing Act 2020, Schedule 9, paragraphs 10(2) and 33";
const CHILDREN: &str = "Recommendations 2 and 3";
const VICTIM: &str = "Recommendations 1, 3 and 4";
const ORDERS: &str = "Recommendation 4; Sentencing Council guideline on imposing community orders";
const LIMITS: &str = "Sentencing Act 2020, Schedule 9, paragraph 9";
const OUTCOME: &str = "Recommendations 4 and 17";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Done right.
    Done,
    /// Never done.
    Missed,
    /// Done, but wrongly.
    Wrong,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub mark: Mark,
    pub what: String,
    pub source: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Debrief {
    pub title: String,
    pub trainee: String,
    pub lesson: String,
    pub points: Vec<Point>,
    /// Times "suitable" was tried while the rules blocked it.
    pub suitable_attempts: usize,
    /// Whether the outcome recorded (or none) was safe, and why.
    pub safe: bool,
    /// An outcome was recorded.
    pub finished: bool,
    pub outcome: String,
    /// Working days used, and the hearing's day on the same clock.
    pub days_used: u32,
    pub hearing_day: u32,
    pub days: String,
}

impl Debrief {
    pub fn mistakes(&self) -> impl Iterator<Item = &Point> {
        self.points.iter().filter(|p| p.mark != Mark::Done)
    }
}

pub fn debrief(s: &Scenario, run: &Run, case: &Case) -> Debrief {
    let mut points = Vec::new();
    let mut add = |mark, what: String, source| points.push(Point { mark, what, source });
    let name = case.display_name();

    for ask in Ask::all(s) {
        let what = ask.describe(s);
        let Some(script) = ask.reply(s) else { continue };
        let recorded = recorded_outcome(case, s, ask);
        let is_reply = recorded.as_deref().is_some_and(is_reply_key);
        match run.requested(ask) {
            None if is_reply => add(
                Mark::Wrong,
                format!(
                    "{}: a reply was recorded, but the enquiry was never made.",
                    capital(&what)
                ),
                REC3,
            ),
            None => add(
                Mark::Missed,
                format!("{} was never made.", capital(&what)),
                ask.source(),
            ),
            Some(_) if !run.arrived(ask, s) => {
                if is_reply {
                    add(
                        Mark::Wrong,
                        format!(
                            "{}: a reply was recorded before it arrived.",
                            capital(&what)
                        ),
                        REC3,
                    );
                } else {
                    // Made in time: a reply still on its way is not the trainee's mistake.
                    add(
                        Mark::Done,
                        format!(
                            "{} was made; its reply had not arrived by the end.",
                            capital(&what)
                        ),
                        ask.source(),
                    );
                }
            }
            Some(_) => {
                let arrived = run
                    .reply_day(ask, s)
                    .map(|d| long_date(run.date(d)))
                    .unwrap_or_default();
                match recorded {
                    Some(key) if key == script.outcome => add(
                        Mark::Done,
                        format!(
                            "{}: made, and its reply recorded as it came back.",
                            capital(&what)
                        ),
                        ask.source(),
                    ),
                    Some(key) if is_reply_key(&key) => add(
                        Mark::Wrong,
                        format!(
                            "{}: recorded as \u{201c}{}\u{201d}, but the reply said \u{201c}{}\u{201d}.",
                            capital(&what),
                            outcome_label(&key),
                            outcome_label(&script.outcome)
                        ),
                        REC3,
                    ),
                    _ => add(
                        Mark::Missed,
                        format!(
                            "{}: the reply arrived on {arrived}, but it was not recorded.",
                            capital(&what)
                        ),
                        REC3,
                    ),
                }
            }
        }
    }

    for (q, answer) in s.child_contact.answers() {
        let a = case.child_contact.answer(q);
        match a.answer {
            Some(x) if x != answer => add(
                Mark::Wrong,
                format!(
                    "Whether {name} {}: recorded as {}, but the answer is {}.",
                    q.short(),
                    yes_no(x),
                    yes_no(answer)
                ),
                CHILDREN,
            ),
            Some(_) if a.rests_on_own_account() => add(
                Mark::Wrong,
                format!(
                    "Whether {name} {}: recorded on {name}'s own word only.",
                    q.short()
                ),
                CHILDREN,
            ),
            None => add(
                Mark::Missed,
                format!("Whether {name} {} was never answered.", q.short()),
                CHILDREN,
            ),
            Some(_) => {}
        }
    }

    if !s.orders.is_empty() && case.orders_recorded != Some(true) {
        add(
            Mark::Missed,
            format!(
                "The {} protecting {} was not recorded.",
                s.orders
                    .iter()
                    .map(|o| OrderKind::from_key(&o.kind)
                        .map(|k| k.label())
                        .unwrap_or("order"))
                    .next()
                    .unwrap_or("order")
                    .to_ascii_lowercase(),
                s.orders[0].protects
            ),
            ORDERS,
        );
    }

    for (i, p) in s.places.iter().enumerate() {
        let place = case
            .places
            .iter()
            .find(|x| {
                x.address_line_1
                    .trim()
                    .eq_ignore_ascii_case(p.address_line_1.trim())
            })
            .or_else(|| case.places.get(i));
        let victim = place.and_then(|x| x.victim_lives_there.answer);
        match victim {
            Some(v) if v != p.victim_lives_there => add(
                Mark::Wrong,
                format!(
                    "{}: recorded that a victim or potential victim {} there; the police information says {}.",
                    p.address_line_1,
                    if v { "lives" } else { "does not live" },
                    if p.victim_lives_there {
                        "one does"
                    } else {
                        "none does"
                    }
                ),
                VICTIM,
            ),
            Some(false)
                if place
                    .is_some_and(|x| !x.victim_lives_there.sources.contains(&Source::Police)) =>
            {
                add(
                    Mark::Wrong,
                    format!(
                        "{}: that no victim lives there was not taken from police information.",
                        p.address_line_1
                    ),
                    VICTIM,
                )
            }
            None => add(
                Mark::Missed,
                format!(
                    "{}: whether a victim or potential victim lives there was never answered.",
                    p.address_line_1
                ),
                VICTIM,
            ),
            _ => {}
        }
        for (who, person, answers) in s.adults(i) {
            let asked: Vec<_> = run.contacts_with(i, who).collect();
            let direct = asked.iter().any(|c| c.direct);
            let private = asked.iter().any(|c| c.private);
            let truth = &answers.privately;
            let differs = truth.consent != answers.with_the_person_present.consent
                || truth.fear != answers.with_the_person_present.fear;
            // What they would have said alone, where it differs: the lesson of rec 6.
            let said = if differs {
                format!(
                    " Asked privately, they said: \u{201c}{}\u{201d}",
                    truth.says.trim()
                )
            } else {
                String::new()
            };
            if asked.is_empty() {
                add(
                    Mark::Missed,
                    format!("{person} was never asked about the curfew.{said}"),
                    REC6,
                );
            } else if !direct {
                add(
                    Mark::Wrong,
                    format!("{person} was asked only through {name}, never directly."),
                    REC6,
                );
            }
            if !asked.is_empty() && !private {
                add(
                    Mark::Missed,
                    format!("{person} was never spoken to privately.{said}"),
                    REC6,
                );
            } else if private {
                add(
                    Mark::Done,
                    format!("{person} was spoken to directly and privately."),
                    REC6,
                );
            }
            // What was recorded against what they said, asked the most careful way they were.
            let heard = if private {
                &answers.privately
            } else if direct {
                &answers.with_the_person_present
            } else {
                &answers.through_the_person
            };
            let consent = place.and_then(|x| consent_of(x, who, person));
            let decision = consent.and_then(|c| c.decision);
            if decision == Some(ConsentDecision::Given) && truth.consent != "given" {
                add(
                    Mark::Wrong,
                    format!(
                        "{person}'s consent was recorded as given, but asked privately they {}.",
                        if truth.consent == "refused" {
                            "refused"
                        } else {
                            "gave no consent"
                        }
                    ),
                    REC6,
                );
            } else if decision == Some(ConsentDecision::Given) && heard.consent != "given" {
                add(
                    Mark::Wrong,
                    format!(
                        "{person}'s consent was recorded as given, but that is not what they said."
                    ),
                    REC6,
                );
            }
            if truth.fear && private && consent.is_some_and(|c| c.fear_or_pressure != Some(true)) {
                add(
                    Mark::Wrong,
                    format!(
                        "{person} showed fear when spoken to privately, but it was not recorded."
                    ),
                    REC6,
                );
            }
        }
    }

    let a = assess(case, run.today());
    let limits: Vec<&str> = a
        .blockers
        .iter()
        .filter(|b| {
            matches!(
                b.code,
                "SCHEDULE_OVER_DAILY_LIMIT"
                    | "SCHEDULE_OVER_WEEKLY_LIMIT"
                    | "SCHEDULE_TOO_LONG"
                    | "SCHEDULE_UNDER_MINIMUM"
            )
        })
        .map(|b| b.message.as_str())
        .collect();
    if !limits.is_empty() {
        add(
            Mark::Wrong,
            format!(
                "The curfew hours break the statutory limits: {}",
                limits.join(" ")
            ),
            LIMITS,
        );
    }

    let suitable_attempts = case
        .events
        .iter()
        .filter(|e| e.what == WHAT_SUITABLE_REFUSED)
        .count();
    let recorded = case.outcome.recorded.as_ref().map(|r| r.decision);
    let (safe, outcome) = match (s.expected, recorded) {
        (Expected::Suitable, Some(Decision::Suitable)) => (
            true,
            "Right: every check came back clear, and a curfew was found suitable.".to_string(),
        ),
        (Expected::Suitable, Some(_)) => (
            true,
            "Safe, though more cautious than needed: every check here comes back clear.".to_string(),
        ),
        (_, Some(Decision::Suitable)) => (
            false,
            format!("Unsafe: a curfew was found suitable, but played right {}.", s.expected.describe()),
        ),
        (Expected::Adjourn, _) => (
            true,
            "Safe: no curfew was found suitable while checks were outstanding. The court should be asked to adjourn.".to_string(),
        ),
        (Expected::NotSuitable, Some(_)) => (
            true,
            "Right: a curfew was not found suitable.".to_string(),
        ),
        (_, None) => (
            true,
            format!("No outcome was recorded. Played right, {}.", s.expected.describe()),
        ),
    };
    let still: Vec<&str> = a
        .blockers
        .iter()
        .filter(|b| b.kind != BlockerKind::Finding && !b.code.starts_with("SCHEDULE_OVER"))
        .map(|b| b.message.as_str())
        .collect();
    if s.expected == Expected::Suitable && recorded != Some(Decision::Suitable) && !still.is_empty()
    {
        add(
            Mark::Missed,
            format!("Still outstanding at the end: {}", still.join(" ")),
            OUTCOME,
        );
    }
    let days = if run.day > s.hearing_day {
        format!(
            "{} working days used: the hearing was on day {}, so the checks ran past it.",
            run.day, s.hearing_day
        )
    } else {
        format!(
            "{} of {} working days used before the hearing on {}.",
            run.day,
            s.hearing_day,
            long_date(run.hearing_date(s))
        )
    };
    Debrief {
        title: s.title.clone(),
        trainee: run.trainee.clone(),
        lesson: s.lesson.clone(),
        points,
        suitable_attempts,
        safe,
        finished: recorded.is_some(),
        outcome,
        days_used: run.day,
        hearing_day: s.hearing_day,
        days,
    }
}

/// The debrief as a plain text file the trainer can open anywhere.
pub fn as_text(d: &Debrief) -> String {
    let mut out = format!(
        "Training debrief (fictional case)\n\nScenario: {}\nTrainee: {}\n\nThe lesson: {}\n\n",
        d.title, d.trainee, d.lesson
    );
    out.push_str(&format!("Outcome: {}\n", d.outcome));
    out.push_str(&format!(
        "Attempts to record 'suitable' while it was blocked: {}\n",
        d.suitable_attempts
    ));
    out.push_str(&format!("Days: {}\n\n", d.days));
    for (title, mark) in [
        ("Missed", Mark::Missed),
        ("Done wrongly", Mark::Wrong),
        ("Done right", Mark::Done),
    ] {
        let list: Vec<&Point> = d.points.iter().filter(|p| p.mark == mark).collect();
        if list.is_empty() {
            continue;
        }
        out.push_str(&format!("{title}\n"));
        for p in list {
            out.push_str(&format!("- {} ({})\n", p.what, p.source));
        }
        out.push('\n');
    }
    out
}

fn capital(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => std::iter::once(f.to_ascii_uppercase()).chain(c).collect(),
        None => String::new(),
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

fn is_reply_key(key: &str) -> bool {
    PoliceOutcome::from_key(key).is_some_and(|o| o.is_reply())
        || CsOutcome::from_key(key).is_some_and(|o| o.is_reply())
}

fn outcome_label(key: &str) -> &'static str {
    PoliceOutcome::from_key(key)
        .map(|o| o.label())
        .or_else(|| CsOutcome::from_key(key).map(|o| o.label()))
        .unwrap_or("nothing")
}

/// The outcome key recorded in the case for an enquiry, found by agency or address.
fn recorded_outcome(case: &Case, s: &Scenario, ask: Ask) -> Option<String> {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let place = |i: usize| {
        let line = &s.places.get(i)?.address_line_1;
        case.places
            .iter()
            .find(|p| same(&p.address_line_1, line))
            .or_else(|| case.places.get(i))
    };
    match ask {
        Ask::Police => case.police.outcome.map(|o| o.key().to_string()),
        Ask::ChildrensServices(i) => {
            let agency = &s.childrens_services.get(i)?.reply.agency;
            let e = case
                .childrens_services
                .iter()
                .find(|c| same(&c.enquiry.agency, agency))
                .or_else(|| case.childrens_services.get(i))?;
            e.enquiry.outcome.map(|o| o.key().to_string())
        }
        Ask::Callout(i) => place(i)?
            .police_callout
            .outcome
            .map(|o| o.key().to_string()),
        Ask::CsCheck(i) => place(i)?.cs_check.outcome.map(|o| o.key().to_string()),
    }
}

fn consent_of<'a>(place: &'a Place, who: Who, name: &str) -> Option<&'a Consent> {
    match who {
        Who::Manager => Some(&place.occupier_elsewhere.consent),
        Who::Resident(_) => place
            .residents
            .iter()
            .find(|r| r.name.trim().eq_ignore_ascii_case(name.trim()))
            .map(|r| &r.consent),
    }
}
