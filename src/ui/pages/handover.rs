//! Handing cases between devices: export chosen cases to one file, and import such a file. The
//! import is checked completely first (see `domain::handover`); a case already on this device
//! is never replaced unless the user chooses that after seeing what differs.

use leptos::prelude::*;

use crate::domain::case::{Case, Change};
use crate::domain::handover::{self, Incoming, MAX_BYTES};
use crate::domain::inputs::{long_date, long_stamp};
use crate::domain::validate::FieldError;
use crate::ui::components::fields::{ErrorMessage, Opt, PageErrors, error_for};
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{
    BackLink, ErrorSummary, PageHeading, Warning, dynamic, on_submit, show_errors, status_line,
};
use crate::ui::download::download;
use crate::ui::pages::history::blank;
use crate::ui::state::{fresh_id, now_stamp, use_store};

fn problem(field: &str, message: impl Into<String>) -> Vec<FieldError> {
    vec![FieldError {
        field: field.into(),
        message: message.into(),
    }]
}

#[component]
pub fn ExportPage(#[prop(optional)] chosen: Option<String>) -> impl IntoView {
    let store = use_store();
    let errors: PageErrors = RwSignal::new(Vec::new());
    let selected = RwSignal::new(chosen.into_iter().collect::<Vec<String>>());
    let saved = RwSignal::new(false);
    let options: Vec<Opt> = store.cases.with_untracked(|cases| {
        cases
            .iter()
            .map(|c| Opt {
                key: c.id.clone(),
                label: c.display_name(),
                hint: c
                    .hearing
                    .date
                    .date()
                    .map(|d| format!("Hearing on {}", long_date(d))),
            })
            .collect()
    });
    let submit = on_submit(move || {
        saved.set(false);
        let ids = selected.get_untracked();
        let cases: Vec<Case> = store.cases.with_untracked(|cases| {
            cases
                .iter()
                .filter(|c| ids.contains(&c.id))
                .cloned()
                .collect()
        });
        if cases.is_empty() {
            show_errors(
                errors,
                problem("cases", "Select at least one case to export"),
            );
            return;
        }
        store.record_changes();
        let now = now_stamp();
        let text = handover::export(&cases, &store.who(), &now);
        let name = format!(
            "pre-sentence-checks-{}.json",
            now.get(..10).unwrap_or("export")
        );
        match download(&name, &text) {
            Ok(()) => {
                show_errors(errors, Vec::new());
                saved.set(true);
            }
            Err(why) => {
                show_errors(errors, problem("cases", why));
            }
        }
    });
    let empty = options.is_empty();
    let items = vec![Item::checks(
        "cases",
        "Which cases do you want to export?",
        options,
        (selected.into(), Callback::new(move |v| selected.set(v))),
    )];
    view! {
        <BackLink href="/".to_string() text="Back to cases".to_string()/>
        <ErrorSummary errors=errors/>
        <PageHeading title="Export cases".to_string()/>
        <p class="govuk-body">"The file holds each case you choose with its whole history, so that another device (a senior probation officer's, say) can import it."</p>
        <Warning>"The file holds sensitive personal information and is not protected by this app's passphrase. Keep it on a work device, share it only in ways your service approves, and delete it once it has been imported."</Warning>
        {if empty {
            view! { <p class="govuk-body">"There are no cases on this device to export."</p> }.into_any()
        } else {
            view! {
                <form novalidate on:submit=submit>
                    {render(items, errors)}
                    <button type="submit" class="govuk-button">"Download the file"</button>
                </form>
                {status_line(saved, "The file has been saved to your downloads.")}
            }
            .into_any()
        }}
    }
}

/// What the file holds for one case, compared with this device.
#[derive(Clone)]
enum Plan {
    New,
    Same,
    Differs(Vec<Change>),
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let store = use_store();
    let errors: PageErrors = RwSignal::new(Vec::new());
    let incoming: RwSignal<Option<Incoming>> = RwSignal::new(None);
    // For each case already here that differs: "mine", "theirs" or "both".
    let choices: RwSignal<Vec<(String, String)>> = RwSignal::new(Vec::new());
    let done: RwSignal<Option<String>> = RwSignal::new(None);
    let file_error = error_for(errors, "file");

    let read_file = move |ev: leptos::ev::Event| {
        done.set(None);
        incoming.set(None);
        let Some(file) = crate::ui::download::chosen_file(&ev) else {
            return;
        };
        // Refused before reading: a huge file could stall the page.
        if file.size() > MAX_BYTES as f64 {
            let e = handover::ImportError::TooLarge(file.size() as usize);
            show_errors(errors, problem("file", e.to_string()));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = crate::ui::download::read_text(&file).await;
            match handover::import(&text) {
                Ok(found) => {
                    show_errors(errors, Vec::new());
                    choices.set(Vec::new());
                    incoming.set(Some(found));
                }
                Err(e) => {
                    show_errors(errors, problem("file", e.to_string()));
                }
            }
        });
    };

    let plans = move || -> Vec<(Case, Plan)> {
        incoming.with(|i| {
            i.as_ref()
                .map(|i| {
                    i.cases
                        .iter()
                        .map(|theirs| {
                            let plan = match store.get(&theirs.id) {
                                None => Plan::New,
                                Some(ours) => {
                                    let d = handover::compare(&ours, theirs);
                                    if d.is_empty() {
                                        Plan::Same
                                    } else {
                                        Plan::Differs(d)
                                    }
                                }
                            };
                            (theirs.clone(), plan)
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    };

    let submit = on_submit(move || {
        let Some(file) = incoming.get_untracked() else {
            return;
        };
        let chosen = choices.get_untracked();
        let choice_of = |id: &str| chosen.iter().find(|(x, _)| x == id).map(|(_, c)| c.clone());
        let missing: Vec<FieldError> = plans()
            .iter()
            .filter(|(c, p)| matches!(p, Plan::Differs(_)) && choice_of(&c.id).is_none())
            .map(|(c, _)| FieldError {
                field: format!("choice-{}", c.id),
                message: format!("Choose what to do with the case of {}", c.display_name()),
            })
            .collect();
        if !show_errors(errors, missing) {
            return;
        }
        store.record_changes();
        let (at, by) = (now_stamp(), store.who());
        let from = format!(
            "Imported from a file exported by {} on {}",
            blank(&file.exported_by),
            long_stamp(&file.exported_at)
        );
        let (mut added, mut replaced, mut copies, mut unchanged) = (0, 0, 0, 0);
        let mut checked = Vec::new();
        for (case, plan) in plans() {
            let here = store.get(&case.id).map(|c| c.revision).unwrap_or(0);
            let id = case.id.clone();
            let received = match (plan, choice_of(&id).as_deref()) {
                (Plan::New, _) => {
                    added += 1;
                    handover::receive(case, &id, 0, &from, &at, &by)
                }
                (Plan::Differs(_), Some("theirs")) => {
                    replaced += 1;
                    let what = format!("{from}, replacing the version on this device");
                    handover::receive(case, &id, here, &what, &at, &by)
                }
                (Plan::Differs(_), Some("both")) => {
                    copies += 1;
                    let what = format!("{from}, as a copy of a case already on this device");
                    handover::receive(case, &fresh_id(), 0, &what, &at, &by)
                }
                _ => {
                    unchanged += 1;
                    continue;
                }
            };
            checked.push(received.id.clone());
            store.put_case(received);
        }
        // With team sync, each signature is checked against the team's keys, as for a case
        // that arrives from the team.
        if let Some(server) = crate::storage::sync::team::load().filter(|_| !checked.is_empty()) {
            let (who, now) = (store.who(), crate::ui::state::now_stamp());
            leptos::task::spawn_local(async move {
                use crate::storage::sync::signatures;
                let keys = signatures::team_keys(&server).await;
                for id in checked {
                    let Some(mut case) = store.get(&id) else {
                        continue;
                    };
                    signatures::check(&mut case, keys.as_deref(), None, &now, &who).await;
                    case.revision += 1;
                    store.put_case(case);
                }
            });
        }
        incoming.set(None);
        done.set(Some(format!(
            "{added} added, {replaced} replaced, {copies} kept as copies, {unchanged} left as they were."
        )));
    });

    let review = dynamic(move || {
        let list = plans();
        if list.is_empty() {
            return ().into_any();
        }
        let items: Vec<Item> = list
            .into_iter()
            .map(|(case, plan)| {
                let name = case.display_name();
                match plan {
                    Plan::New => Item::para(format!("{name}: new to this device. It will be added.")),
                    Plan::Same => Item::para(format!("{name}: already on this device with the same answers and history. Nothing will change.")),
                    Plan::Differs(changes) => {
                        let id = case.id.clone();
                        let key = id.clone();
                        let value = Signal::derive(move || {
                            choices.with(|c| c.iter().find(|(x, _)| *x == key).map(|(_, v)| v.clone()).unwrap_or_default())
                        });
                        let set_id = id.clone();
                        let set = Callback::new(move |v: String| {
                            choices.update(|c| {
                                c.retain(|(x, _)| *x != set_id);
                                c.push((set_id.clone(), v));
                            })
                        });
                        let rows = move || changes.clone().into_iter().map(|c| view! {
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">{c.field}</dt>
                                <dd class="govuk-summary-list__value">{format!("On this device: {}", blank(&c.before))}<br/>{format!("In the file: {}", blank(&c.after))}</dd>
                            </div>
                        }).collect_view();
                        let opt = |key: &str, label: &str| Opt { key: key.into(), label: label.into(), hint: None };
                        Item::Group {
                            id: format!("differs-{id}"),
                            title: Signal::stored(format!("{name}: already on this device, with differences")),
                            items: vec![
                                Item::View(ViewFn::from(move || view! { <dl class="govuk-summary-list">{rows()}</dl> }.into_any())),
                                Item::radios(
                                    format!("choice-{id}"),
                                    format!("What do you want to do with the case of {name}?"),
                                    vec![
                                        opt("mine", "Keep the version on this device"),
                                        opt("theirs", "Use the version in the file (it replaces the one on this device)"),
                                        opt("both", "Keep both (the file's version is added as a separate case)"),
                                    ],
                                    (value, set),
                                ),
                            ],
                        }
                    }
                }
            })
            .collect();
        view! {
            <form novalidate on:submit=submit>
                <h2 class="govuk-heading-m">"What the file holds"</h2>
                {render(items, errors)}
                <button type="submit" class="govuk-button">"Import"</button>
            </form>
        }
        .into_any()
    });

    view! {
        <BackLink href="/".to_string() text="Back to cases".to_string()/>
        <ErrorSummary errors=errors/>
        <PageHeading title="Import cases".to_string()/>
        <p class="govuk-body">"Choose a file exported from this app on another device. It is checked completely before anything is stored. A case already on this device is only replaced if you choose that."</p>
        <div class=move || if file_error.with(Option::is_some) { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
            <label class="govuk-label govuk-label--s" for="file">"Upload a case file"</label>
            <div class="govuk-hint" id="file-hint">"A .json file, at most 5 MB"</div>
            <ErrorMessage id="file".to_string() error=file_error/>
            <input class="govuk-file-upload" id="file" name="file" type="file" accept=".json,application/json" aria-describedby=move || if file_error.with(Option::is_some) { "file-hint file-error" } else { "file-hint" } on:change=read_file/>
        </div>
        {review}
        {dynamic(move || done.get().map(|d| view! {
            <div class="govuk-panel govuk-panel--confirmation" role="status">
                <h2 class="govuk-panel__title">"Import finished"</h2>
                <div class="govuk-panel__body">{d}</div>
            </div>
            <p class="govuk-body"><a class="govuk-link" href="/">"Go to the list of cases"</a></p>
        }).into_any())}
    }
}
