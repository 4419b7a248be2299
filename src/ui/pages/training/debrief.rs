//! The debrief of a run: what was recorded against what the scenario needed, each missed or
//! wrong step with the recommendation or statute it breaks, attempts at "suitable" while it was
//! blocked, whether the outcome was safe, and the days used. Printable, and saved as a file.

use leptos::prelude::*;

use super::{available, run_by_id};
use crate::training::debrief::{Mark, as_text, debrief};
use crate::ui::components::page::{BackLink, PageHeading, on_click, status_line};
use crate::ui::state::use_store;

#[component]
pub fn DebriefPage(id: String) -> impl IntoView {
    let store = use_store();
    let found = run_by_id(store, &id).and_then(|run| {
        let s = crate::training::scenario::parse(&run.source)
            .ok()
            .or_else(|| {
                available()
                    .into_iter()
                    .find(|a| a.scenario.id == run.scenario)
                    .map(|a| a.scenario)
            })?;
        let case = store.get(&run.case_id)?;
        Some((debrief(&s, &run, &case), run))
    });
    let Some((d, run)) = found else {
        return view! {
            <BackLink href="/training".to_string() text="Back to training".to_string()/>
            <PageHeading title="Practice run not found".to_string()/>
            <p class="govuk-body">{crate::content::training::RUN_NOT_FOUND}</p>
        }
        .into_any();
    };
    let file = as_text(&d);
    let saved = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let name = format!("debrief-{}-{}.txt", run.scenario, run.first_day);
    let save = on_click(move || {
        let ok = crate::ui::download::download_as(&name, &file, "text/plain").is_ok();
        saved.set(ok);
        failed.set(!ok);
    });
    let print = on_click(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let lists = [
        ("Missed", Mark::Missed),
        ("Done wrongly", Mark::Wrong),
        ("Done right", Mark::Done),
    ]
    .into_iter()
    .filter_map(|(title, mark)| {
        let items: Vec<_> = d.points.iter().filter(|p| p.mark == mark).cloned().collect();
        (!items.is_empty()).then(|| {
            let items = items
                .into_iter()
                .map(|p| view! {
                    <li>{p.what}<span class="app-source">{format!("Source: {}", p.source)}</span></li>
                })
                .collect_view();
            view! {
                <h2 class="govuk-heading-m">{title}</h2>
                <ul class="govuk-list govuk-list--bullet">{items}</ul>
            }
        })
    })
    .collect_view();
    let (verdict, tag) = match (d.safe, d.finished) {
        (false, _) => ("govuk-tag govuk-tag--red", "Unsafe"),
        (true, true) => ("govuk-tag govuk-tag--green", "Safe"),
        (true, false) => ("govuk-tag govuk-tag--grey", "No outcome yet"),
    };
    let attempts = match d.suitable_attempts {
        0 => "No attempt was made to record \u{201c}suitable\u{201d} while it was blocked."
            .to_string(),
        1 => "\u{201c}Suitable\u{201d} was tried once while the rules blocked it.".to_string(),
        n => format!("\u{201c}Suitable\u{201d} was tried {n} times while the rules blocked it."),
    };
    view! {
        <div class="app-no-print">
            <BackLink href=format!("/training/runs/{}", run.id) text="Back to the practice run".to_string()/>
        </div>
        <PageHeading title=format!("Debrief: {}", d.title) caption=format!("Training debrief for {} (fictional case)", d.trainee)/>
        <p class="govuk-body"><strong class=verdict>{tag}</strong>" "{d.outcome.clone()}</p>
        <p class="govuk-body">{attempts}</p>
        <p class="govuk-body">{d.days.clone()}</p>
        <div class="govuk-inset-text app-pre-line"><strong>"The lesson: "</strong>{d.lesson.trim().to_string()}</div>
        {lists}
        <div class="govuk-button-group app-no-print">
            <button type="button" class="govuk-button" on:click=print>"Print this debrief"</button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=save>"Save the debrief as a file"</button>
        </div>
        {status_line(saved, "Saved to your device's downloads.")}
        {status_line(failed, "The browser did not allow the file to be saved.")}
    }
    .into_any()
}
