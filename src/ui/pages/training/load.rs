//! Loading a scenario file a trainer wrote: checked as the built-in ones are (its shape, its
//! values, and that played right it ends as it says); refused with every problem listed and
//! nothing stored, or kept on this device for training.

use leptos::prelude::*;

use crate::content::training as text;
use crate::domain::validate::FieldError;
use crate::storage::training::{SCENARIO, save};
use crate::training::{BUILT_IN, load};
use crate::ui::components::fields::{ErrorMessage, PageErrors, error_for};
use crate::ui::components::page::{BackLink, ErrorSummary, PageHeading, dynamic, show_errors};

/// The largest scenario file read: scenarios are short text files.
const MAX_BYTES: f64 = 200_000.0;

#[component]
pub fn LoadScenarioPage() -> impl IntoView {
    let errors: PageErrors = RwSignal::new(Vec::new());
    let loaded: RwSignal<Option<(String, String)>> = RwSignal::new(None);
    let file_error = error_for(errors, "file");
    let refuse = move |messages: Vec<String>| {
        let list = messages
            .into_iter()
            .map(|message| FieldError {
                field: "file".into(),
                message,
            })
            .collect();
        show_errors(errors, list);
    };
    let read_file = move |ev: leptos::ev::Event| {
        loaded.set(None);
        let Some(file) = crate::ui::download::chosen_file(&ev) else {
            return;
        };
        if file.size() > MAX_BYTES {
            refuse(vec![
                "The file is too large to be a scenario: a scenario is a short text file.".into(),
            ]);
            return;
        }
        leptos::task::spawn_local(async move {
            let text = crate::ui::download::read_text(&file).await;
            let scenario = match load(&text, crate::ui::state::today()) {
                Ok(s) => s,
                Err(refused) => return refuse(refused.0),
            };
            let built_in = BUILT_IN
                .iter()
                .filter_map(|t| crate::training::scenario::parse(t).ok())
                .any(|b| b.id == scenario.id);
            if built_in {
                return refuse(vec![format!(
                    "A built-in scenario already has the id \u{201c}{}\u{201d}: give yours another id.",
                    scenario.id
                )]);
            }
            if save(SCENARIO, &scenario.id, &text).is_err() {
                return refuse(vec!["The scenario could not be stored: this browser's storage is full or switched off.".into()]);
            }
            show_errors(errors, Vec::new());
            loaded.set(Some((scenario.id, scenario.title)));
        });
    };
    view! {
        <BackLink href="/training".to_string() text="Back to training".to_string()/>
        <ErrorSummary errors=errors/>
        <PageHeading title=text::LOAD_TITLE.to_string()/>
        <p class="govuk-body">{text::LOAD_INTRO}</p>
        <div class=move || if file_error.with(Option::is_some) { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
            <label class="govuk-label govuk-label--s" for="file">"Upload a scenario file"</label>
            <div class="govuk-hint" id="file-hint">"A .toml file written as scenarios/README.md describes"</div>
            <ErrorMessage id="file".to_string() error=file_error/>
            <input class="govuk-file-upload" id="file" name="file" type="file" accept=".toml,text/plain" aria-describedby=move || if file_error.with(Option::is_some) { "file-hint file-error" } else { "file-hint" } on:change=read_file/>
        </div>
        {dynamic(move || loaded.get().map(|(id, title)| view! {
            <div class="govuk-panel govuk-panel--confirmation" role="status">
                <h2 class="govuk-panel__title">"Scenario loaded"</h2>
                <div class="govuk-panel__body">{title}</div>
            </div>
            <p class="govuk-body"><a class="govuk-link" href=format!("/training/scenarios/{id}")>"Read its briefing and start it"</a></p>
        }).into_any())}
    }
}
