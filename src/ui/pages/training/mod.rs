//! Training pages (their own lazily fetched module): choosing and loading scenarios, a run's
//! clock, enquiries and conversations, and the debrief. The case itself is worked on the
//! ordinary pages; this tab's storage space keeps it apart from real cases.

mod debrief;
mod home;
mod load;
mod run;

pub use debrief::DebriefPage;
pub use home::{NotInTrainingPage, ScenarioPage, TrainingHomePage};
pub use load::LoadScenarioPage;
pub use run::RunPage;

use crate::storage::training::{self as stored, RUN, SCENARIO};
use crate::training::BUILT_IN;
use crate::training::run::Run;
use crate::training::scenario::{Scenario, parse};
use leptos::prelude::*;

use crate::ui::state::{Store, now_stamp};

/// A scenario and its file, built in or loaded by a trainer on this device.
#[derive(Clone)]
pub(crate) struct Available {
    pub scenario: Scenario,
    pub source: String,
    pub built_in: bool,
}

/// Every scenario to choose from: the built-in ones, then those loaded here (already checked
/// when they were loaded).
pub(crate) fn available() -> Vec<Available> {
    let built_in = BUILT_IN.iter().filter_map(|text| {
        Some(Available {
            scenario: parse(text).ok()?,
            source: text.to_string(),
            built_in: true,
        })
    });
    let loaded = stored::all(SCENARIO).into_iter().filter_map(|text| {
        Some(Available {
            scenario: parse(&text).ok()?,
            source: text,
            built_in: false,
        })
    });
    built_in.chain(loaded).collect()
}

/// This trainee's runs, newest first: each trainee on a shared device sees only their own.
pub(crate) fn runs_of(trainee: &str) -> Vec<Run> {
    let mut runs: Vec<Run> = stored::all(RUN)
        .iter()
        .filter_map(|t| miniserde::json::from_str(t).ok())
        .filter(|r: &Run| same_person(&r.trainee, trainee))
        .collect();
    runs.sort_by(|a, b| b.id.cmp(&a.id));
    runs
}

/// The run `id`, only if it is this trainee's: another trainee's run, opened by its address,
/// is not found (each trainee sees only their own runs, by every route).
pub(crate) fn run_by_id(store: Store, id: &str) -> Option<Run> {
    runs_of(&trainee(store)).into_iter().find(|r| r.id == id)
}

/// The name of whoever uses the device, whose runs these are.
pub(crate) fn trainee(store: Store) -> String {
    store
        .user
        .with_untracked(|u| u.as_ref().map(|u| u.name.clone()))
        .unwrap_or_default()
}

pub(crate) fn save_run(run: &Run) {
    let _ = stored::save(RUN, &run.id, &miniserde::json::to_string(run));
}

fn same_person(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Starts a run of `scenario` for whoever uses the device; returns the run's id.
pub(crate) fn start(store: Store, available: &Available) -> String {
    let run_id = format!("r{}", crate::ui::state::fresh_id());
    let case_id = format!("t{}", crate::ui::state::fresh_id());
    let trainee = trainee(store);
    let (run, mut case) = Run::start(
        &run_id,
        &case_id,
        &trainee,
        &available.source,
        &available.scenario,
        crate::ui::state::today(),
        &now_stamp(),
    );
    case.append_event(
        &now_stamp(),
        &store.who(),
        &format!(
            "Started the training scenario \u{201c}{}\u{201d}",
            available.scenario.title
        ),
        Vec::new(),
    );
    store.put_case(case);
    save_run(&run);
    set_clock(store, &run);
    run_id
}

/// The rules judge the training case by the run's clock.
pub(crate) fn set_clock(store: Store, run: &Run) {
    crate::storage::set_training_today(run.today());
    store.today.set(run.today());
}

/// Ends a run: its case and its record go.
pub(crate) fn discard(store: Store, run: &Run) {
    store.delete(&run.case_id);
    stored::delete(RUN, &run.id);
}
