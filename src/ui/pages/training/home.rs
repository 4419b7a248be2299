//! Training's front page: start practising (which moves this tab into training), the scenarios
//! to choose from, and the trainee's own runs; and a scenario's briefing with "Start".

use leptos::prelude::*;

use super::{Available, available, discard, runs_of, start, trainee};
use crate::content::training as text;
use crate::domain::inputs::long_date;
use crate::storage::{Space, enter, space};
use crate::ui::components::page::{BackLink, PageHeading, navigator, on_click};
use crate::ui::state::use_store;

/// Reloads the app at `path`: a change of space needs the cases of the other space.
fn reload_at(path: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(path);
    }
}

#[component]
pub fn TrainingHomePage() -> impl IntoView {
    let store = use_store();
    if space() == Space::Real {
        let begin = on_click(|| {
            enter(Space::Training);
            reload_at("/training");
        });
        return view! {
            <BackLink href="/".to_string() text="Back to cases".to_string()/>
            <PageHeading title=text::START_TITLE.to_string()/>
            <p class="govuk-body">{text::START_INTRO}</p>
            <p class="govuk-body">{text::APART}</p>
            <button type="button" class="govuk-button" on:click=begin>{text::START}</button>
        }
        .into_any();
    }
    let trainee = trainee(store);
    let runs = RwSignal::new(runs_of(&trainee));
    let leave = on_click(|| {
        enter(Space::Real);
        reload_at("/");
    });
    let scenarios = available()
        .into_iter()
        .map(|a| {
            let s = &a.scenario;
            let origin = if a.built_in { "" } else { " (loaded on this device)" };
            view! {
                <li class="app-queue-item">
                    <a class="govuk-link govuk-!-font-weight-bold" href=format!("/training/scenarios/{}", s.id)>{s.title.clone()}</a>
                    <p class="govuk-body-s">{format!("Hearing on working day {}{origin}.", s.hearing_day)}</p>
                </li>
            }
        })
        .collect_view();
    let go = navigator();
    let your_runs = move || {
        let list = runs.get();
        if list.is_empty() {
            return view! { <p class="govuk-body">{text::NO_RUNS}</p> }.into_any();
        }
        let titles = available();
        let items = list
            .into_iter()
            .map(|run| {
                let title = titles
                    .iter()
                    .find(|a| a.scenario.id == run.scenario)
                    .map(|a| a.scenario.title.clone())
                    .unwrap_or_else(|| run.scenario.clone());
                let id = run.id.clone();
                let again = run.clone();
                let restart = on_click(move || {
                    let Some(found) = available().into_iter().find(|a| a.scenario.id == again.scenario) else {
                        return;
                    };
                    discard(store, &again);
                    let new = start(store, &found);
                    go.run(format!("/training/runs/{new}"));
                });
                view! {
                    <li class="app-queue-item">
                        <p class="govuk-body govuk-!-font-weight-bold">{title.clone()}</p>
                        <p class="govuk-body-s">{format!("Started {}; now on working day {}.", long_date(run.first_day()), run.day)}</p>
                        <p class="govuk-body-s">
                            <a class="govuk-link" href=format!("/training/runs/{id}")>"Continue"<span class="govuk-visually-hidden">{format!(" {title}")}</span></a>" · "
                            <a class="govuk-link" href=format!("/training/runs/{id}/debrief")>"Debrief"<span class="govuk-visually-hidden">{format!(" of {title}")}</span></a>
                        </p>
                        <button type="button" class="govuk-button govuk-button--secondary" on:click=restart>"Restart"<span class="govuk-visually-hidden">{format!(" {title}")}</span></button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="govuk-list">{items}</ul> }.into_any()
    };
    view! {
        <PageHeading title=text::TITLE.to_string()/>
        <p class="govuk-body">{format!("You are practising as {trainee}. ")}{text::WHO_HINT}</p>
        <h2 class="govuk-heading-m">"Your practice runs"</h2>
        {your_runs}
        <h2 class="govuk-heading-m">"Scenarios"</h2>
        <ul class="govuk-list">{scenarios}</ul>
        <p class="govuk-body"><a class="govuk-link" href="/training/load">{text::LOAD_LINK}</a></p>
        <h2 class="govuk-heading-m">"Leaving training"</h2>
        <p class="govuk-body">{text::APART}</p>
        <button type="button" class="govuk-button govuk-button--secondary" on:click=leave>{text::LEAVE}</button>
    }
    .into_any()
}

#[component]
pub fn ScenarioPage(id: String) -> impl IntoView {
    let store = use_store();
    let go = navigator();
    let Some(found) = available().into_iter().find(|a| a.scenario.id == id) else {
        return view! {
            <BackLink href="/training".to_string() text="Back to training".to_string()/>
            <PageHeading title="Scenario not found".to_string()/>
            <p class="govuk-body">"There is no scenario with this name on this device."</p>
        }
        .into_any();
    };
    if space() == Space::Real {
        return view! { <TrainingHomePage/> }.into_any();
    }
    let Available { scenario, .. } = found.clone();
    let begin = on_click(move || {
        let run = start(store, &found);
        go.run(format!("/training/runs/{run}"));
    });
    view! {
        <BackLink href="/training".to_string() text="Back to training".to_string()/>
        <PageHeading title=scenario.title.clone() caption="Training scenario".to_string()/>
        <h2 class="govuk-heading-m">"Briefing"</h2>
        <div class="govuk-inset-text app-pre-line">{scenario.briefing.trim().to_string()}</div>
        <p class="govuk-body">{text::HOW_IT_WORKS}</p>
        <button type="button" class="govuk-button" on:click=begin>"Start this scenario"</button>
    }
    .into_any()
}

/// Export and import, asked for in training: fictional cases never leave by a file, and real
/// ones never come in.
#[component]
pub fn NotInTrainingPage() -> impl IntoView {
    view! {
        <PageHeading title="Not available in training".to_string()/>
        <p class="govuk-body">"Training cases are fictional and stay on this device: they cannot be exported, and real cases cannot be imported into training."</p>
        <p class="govuk-body"><a class="govuk-link" href="/training">"Go to training"</a></p>
    }
}
