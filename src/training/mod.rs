//! Training: rehearsing the checks on fictional cases, on the real pages and under the real
//! rules. A scenario (a TOML file in `scenarios/`, or one a trainer loads) scripts what each
//! agency replies and when, and what each person at the address says depending on how they are
//! asked; a run keeps the trainee's clock and what they asked; the debrief compares what they
//! recorded with what the scenario needed. Pure Rust, like `domain`: no browser here.

pub mod debrief;
pub mod model;
pub mod run;
pub mod scenario;

use chrono::NaiveDate;
use scenario::{Refused, Scenario};

/// The scenarios built into the app, as their files.
pub const BUILT_IN: &[&str] = &[
    include_str!("../../scenarios/partners-home.toml"),
    include_str!("../../scenarios/lives-alone.toml"),
    include_str!("../../scenarios/parents-home.toml"),
    include_str!("../../scenarios/child-protection-plan.toml"),
    include_str!("../../scenarios/oral-report.toml"),
    include_str!("../../scenarios/victim-at-address.toml"),
    include_str!("../../scenarios/old-law-limits.toml"),
    include_str!("../../scenarios/hostel.toml"),
];

/// Reads and checks a scenario file, as written by a trainer or built in: its shape, its values,
/// and that doing every step right ends as it says.
pub fn load(text: &str, today: NaiveDate) -> Result<Scenario, Refused> {
    let s = scenario::parse(text)?;
    let dates = scenario::check_dates(&s, text, today);
    if !dates.is_empty() {
        return Err(Refused(dates));
    }
    model::check_outcome(&s, today).map_err(|why| Refused(vec![why]))?;
    Ok(s)
}
