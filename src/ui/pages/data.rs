//! Data on this device: how long cases are kept, the cases due for deletion, and deleting
//! everything the app stored.

use leptos::prelude::*;

use crate::content::data as text;
use crate::content::team as team_text;
use crate::domain::inputs::{long_date, parse_whole_number};
use crate::domain::retention::{MAX_DAYS, past_retention};
use crate::domain::validate::FieldError;
use crate::storage;
use crate::storage::Held;
use crate::storage::sync::engine;
use crate::ui::components::fields::{Opt, PageErrors};
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{
    BackLink, ErrorSummary, PageHeading, Warning, dynamic, navigator, on_click, on_submit,
    show_errors, status_line,
};
use crate::ui::pages::delete_case::{chosen_scope, where_to_delete};
use crate::ui::state::use_store;

#[component]
pub fn DataPage() -> impl IntoView {
    let store = use_store();
    let errors: PageErrors = RwSignal::new(Vec::new());
    let typed = RwSignal::new(store.retention_days.get_untracked().to_string());
    let saved = RwSignal::new(false);
    let save = on_submit(move || {
        saved.set(false);
        match parse_whole_number(&typed.get_untracked()).filter(|d| (1..=MAX_DAYS).contains(d)) {
            Some(days) => {
                show_errors(errors, Vec::new());
                let _ = storage::save_setting("retention_days", &days.to_string());
                store.retention_days.set(days);
                saved.set(true);
            }
            None => {
                show_errors(
                    errors,
                    vec![FieldError {
                        field: "retention-days".into(),
                        message: format!(
                            "Enter a whole number of days from 1 to {MAX_DAYS}, like 30"
                        ),
                    }],
                );
            }
        }
    });
    // Bank holidays, one date a line; kept as typed until they are saved.
    let holidays_typed = RwSignal::new(storage::load_setting("bank_holidays").unwrap_or_default());
    let holidays_saved = RwSignal::new(false);
    let save_holidays = on_submit(move || {
        holidays_saved.set(false);
        let typed = holidays_typed.get_untracked();
        match crate::domain::deadlines::parse_holidays(&typed) {
            Ok(days) => {
                show_errors(errors, Vec::new());
                let _ = storage::save_setting("bank_holidays", &typed);
                store.holidays.set(days);
                holidays_saved.set(true);
            }
            Err(line) => {
                show_errors(
                    errors,
                    vec![FieldError {
                        field: "bank-holidays".into(),
                        message: format!(
                            "\"{line}\" is not a date. Enter each bank holiday on its own line as day, month and year, like 25 12 2026"
                        ),
                    }],
                );
            }
        }
    });
    let confirming = RwSignal::new(false);
    // For shared cases: delete them for the whole team, or only here (see `where_to_delete`).
    let scope = RwSignal::new(String::new());
    let team_set_up = storage::sync::team::is_set_up();
    let due = dynamic(move || {
        let days = store.retention_days.get();
        let list: Vec<(String, String, String)> = store.cases.with(|cases| {
            past_retention(cases, store.today.get_untracked(), days)
                .into_iter()
                .map(|c| {
                    (
                        c.id.clone(),
                        c.display_name(),
                        c.hearing.date.date().map(long_date).unwrap_or_default(),
                    )
                })
                .collect()
        });
        if list.is_empty() {
            return view! { <p class="govuk-body">{format!("No case had its hearing more than {days} days ago.")}</p> }.into_any();
        }
        let ids: Vec<String> = list.iter().map(|(id, _, _)| id.clone()).collect();
        let n = list.len();
        // Deleted without asking, a shared case would come back with the team's next change.
        let shared: Vec<String> = ids
            .iter()
            .filter(|id| team_set_up && engine::shared(id))
            .cloned()
            .collect();
        let (any_shared, many) = (!shared.is_empty(), shared.len() > 1);
        let rows = list
            .into_iter()
            .map(|(id, name, date)| {
                view! {
                    <li>
                        <a class="govuk-link" href=format!("/cases/{id}")>{name.clone()}</a>
                        {format!(": hearing {date}. ")}
                        <a class="govuk-link" href=format!("/cases/{id}/delete")>"Delete"<span class="govuk-visually-hidden">{format!(" the case for {name}")}</span></a>
                    </li>
                }
            })
            .collect_view();
        let where_to = any_shared.then(|| {
            let question = match (n, shared.len()) {
                (1, _) => team_text::DELETE_WHERE.to_string(),
                (n, k) if n == k => "These cases are shared with your team. Where do you want to delete them?".to_string(),
                (_, 1) => "1 of these cases is shared with your team. Where do you want to delete it?".to_string(),
                (_, k) => format!("{k} of these cases are shared with your team. Where do you want to delete them?"),
            };
            let hints = if many {
                [team_text::DELETE_FOR_TEAM_HINT_MANY, team_text::DELETE_HERE_HINT_MANY]
            } else {
                [team_text::DELETE_FOR_TEAM_HINT, team_text::DELETE_HERE_HINT]
            };
            where_to_delete(question, hints, scope, errors)
        });
        let delete_all_due = on_click(move || {
            if any_shared {
                let missing = if many {
                    team_text::DELETE_CHOOSE_MANY
                } else {
                    team_text::DELETE_CHOOSE
                };
                let Some(how) = chosen_scope(scope, errors, missing) else {
                    return;
                };
                for id in &shared {
                    engine::deleting(id, how);
                }
            }
            for id in &ids {
                store.delete(id);
            }
            if any_shared {
                crate::ui::team_sync::sync_now();
            }
            show_errors(errors, Vec::new());
            scope.set(String::new());
            confirming.set(false);
        });
        let cancel = on_click(move || {
            show_errors(errors, Vec::new());
            confirming.set(false);
        });
        let confirm = if confirming.get() {
            let warning = if any_shared {
                format!(
                    "This deletes {n} {} and everything recorded in {}. It cannot be undone.",
                    if n == 1 { "case" } else { "cases" },
                    if n == 1 { "it" } else { "them" }
                )
            } else {
                format!(
                    "This deletes {n} {} from this device. It cannot be undone.",
                    if n == 1 { "case" } else { "cases" }
                )
            };
            view! {
                <Warning>{warning}</Warning>
                {where_to}
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--warning" on:click=delete_all_due>{if n == 1 { "Yes, delete it".to_string() } else { format!("Yes, delete {n} cases") }}</button>
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=cancel>"Cancel"</button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="govuk-button govuk-button--warning" on:click=on_click(move || confirming.set(true))>
                    {if n == 1 { "Delete this case".to_string() } else { format!("Delete these {n} cases") }}
                </button>
            }
            .into_any()
        };
        view! {
            <p class="govuk-body">{format!("{n} {} had the hearing more than {days} days ago. Check whether you still need {}:", if n == 1 { "case" } else { "cases" }, if n == 1 { "it" } else { "them" })}</p>
            <ul class="govuk-list govuk-list--bullet">{rows}</ul>
            {confirm}
        }
        .into_any()
    });
    view! {
        <BackLink href="/".to_string() text="Back to cases".to_string()/>
        <ErrorSummary errors=errors/>
        <PageHeading title=text::TITLE.to_string()/>
        <p class="govuk-body">{if crate::storage::sync::team::load().is_some() { text::WHERE_SHARED } else { text::WHERE }}</p>
        <h2 class="govuk-heading-m">{text::PERSISTENCE}</h2>
        <p class="govuk-body" id="persistence">
            {Signal::derive(move || match store.persistence.get().as_str() {
                "granted" => text::PERSISTENCE_GRANTED,
                "refused" => text::PERSISTENCE_REFUSED,
                "" => text::PERSISTENCE_WAITING,
                _ => text::PERSISTENCE_UNKNOWN,
            }.to_string())}
        </p>
        <h2 class="govuk-heading-m" id="room">{text::ROOM}</h2>
        <RoomUsed/>
        <h2 class="govuk-heading-m" id="retention">{text::RETENTION}</h2>
        <p class="govuk-body">{text::RETENTION_WHY}</p>
        <form novalidate on:submit=save>
            {render(
                vec![Item::text("retention-days", text::RETENTION_DAYS, (typed.into(), Callback::new(move |v| typed.set(v)))).hint(text::RETENTION_HINT).numeric()],
                errors,
            )}
            <button type="submit" class="govuk-button govuk-button--secondary">"Save reminder"</button>
            {status_line(saved, "Saved.")}
        </form>
        {due}
        <h2 class="govuk-heading-m" id="holidays">"Bank holidays"</h2>
        <p class="govuk-body">"Enquiry replies and reports fall due on working days: Monday to Friday, less the bank holidays entered here."</p>
        <form novalidate on:submit=save_holidays>
            {render(
                vec![Item::area("bank-holidays", "Bank holidays", (holidays_typed.into(), Callback::new(move |v| holidays_typed.set(v)))).hint("One date a line, as day, month and year. For example, 25 12 2026").rows(5)],
                errors,
            )}
            <button type="submit" class="govuk-button govuk-button--secondary">"Save bank holidays"</button>
            {status_line(holidays_saved, "Bank holidays saved.")}
        </form>
        <h2 class="govuk-heading-m" id="directory">{crate::content::directory::TITLE}</h2>
        <p class="govuk-body">
            {crate::content::directory::DATA_WHY}
            " "<a class="govuk-link" href="/directory">"Open the agency directory"</a>
        </p>
        <h2 class="govuk-heading-m" id="team">{crate::content::team::TITLE}</h2>
        <p class="govuk-body">
            {if storage::sync::team::load().is_some() { "Team sync is set up on this device. " } else { crate::content::team::OFF }}
            " "<a class="govuk-link" href="/team">"Team sync settings"</a>
        </p>
        <h2 class="govuk-heading-m" id="protection">{crate::content::lock::PROTECTION}</h2>
        <crate::ui::pages::Protection/>
        <h2 class="govuk-heading-m">{text::DELETE_ALL}</h2>
        <p class="govuk-body">{if store.training() { text::DELETE_ALL_WHY_TRAINING } else { text::DELETE_ALL_WHY }}</p>
        <a class="govuk-button govuk-button--warning" role="button" draggable="false" href="/data/delete-all">{text::DELETE_ALL}</a>
    }
}

/// "12.3 MB" or "1.5 GB" (worked in whole tenths: formatting a float costs download size).
fn size(bytes: f64) -> String {
    let mb = bytes / storage::MB;
    let (amount, unit) = if mb >= 1024.0 {
        (mb / 1024.0, "GB")
    } else {
        (mb, "MB")
    };
    let tenths = (amount * 10.0).round() as u64;
    format!("{}.{} {unit}", tenths / 10, tenths % 10)
}

/// How much room the app uses and has left, as the browser says, with a warning when it is
/// running out.
#[component]
fn RoomUsed() -> impl IntoView {
    let store = use_store();
    store.measure_room();
    move || match store.room.get() {
        None => view! { <p class="govuk-body">{text::ROOM_UNKNOWN}</p> }.into_any(),
        Some(room) => {
            let cases = store.cases.with(Vec::len);
            let left = (room.allowed - room.used).max(0.0);
            let used = format!(
                "The app uses {} on this device ({} {}, the app itself kept for offline use, and settings). The browser lets it use up to {}: {} is left.",
                size(room.used),
                cases,
                if cases == 1 { "case" } else { "cases" },
                size(room.allowed),
                size(left),
            );
            view! {
                <p class="govuk-body">{used}</p>
                {room.running_out().then(|| view! { <RoomWarning/> })}
            }
            .into_any()
        }
    }
}

/// Shown on the case list and "Data on this device" while the room left is running out.
#[component]
pub fn RoomWarning() -> impl IntoView {
    let store = use_store();
    move || {
        store.room.get().filter(storage::Room::running_out).map(|room| {
            let left = size((room.allowed - room.used).max(0.0));
            view! { <Warning>{format!("This device is running out of room for cases: {left} is left. {}", text::ROOM_RUNNING_OUT)}</Warning> }
        })
    }
}

/// "1 case", "3 cases".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Everything training keeps, in words: "2 practice runs, their 2 fictional cases and 1 scenario
/// loaded here".
fn training_words(t: &Held) -> String {
    let mut words = format!(
        "{}, their {}",
        count(t.runs, "practice run", "practice runs"),
        count(t.cases, "fictional case", "fictional cases")
    );
    if t.set_aside > 0 {
        words.push_str(&format!(
            ", {}",
            count(
                t.set_aside,
                "set-aside training entry",
                "set-aside training entries"
            )
        ));
    }
    words.push_str(&format!(
        " and {} loaded here",
        count(t.scenarios, "scenario", "scenarios")
    ));
    words
}

/// The real cases, in words: "3 real cases and 1 set-aside entry".
fn real_words(r: &Held) -> String {
    format!(
        "{} and {}",
        count(r.cases, "real case", "real cases"),
        count(r.set_aside, "set-aside entry", "set-aside entries")
    )
}

/// Deleting data: from a real tab, everything (real cases and training alike, each counted);
/// from a training tab, training only unless the trainee chooses everything. The counts are of
/// what is stored, read again as the button is pressed: if anything changed since, nothing is
/// deleted and the new counts are shown, so no deletion reaches data the page did not name.
#[component]
pub fn DeleteEverythingPage() -> impl IntoView {
    let store = use_store();
    let go = navigator();
    let training = store.training();
    let errors: PageErrors = RwSignal::new(Vec::new());
    // What is stored, in both spaces (`None` until read, or if it cannot be).
    let held: RwSignal<Option<(Held, Held)>> = RwSignal::new(None);
    leptos::task::spawn_local(async move { held.set(storage::holdings().await) });
    // From training, training only unless everything is chosen.
    let scope = RwSignal::new(if training { "training" } else { "everything" }.to_string());
    let busy = RwSignal::new(false);
    let delete = on_click(move || {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let shown = held.get_untracked();
            let now = storage::holdings().await;
            if now.is_none() || now != shown {
                held.set(now);
                show_errors(
                    errors,
                    vec![FieldError {
                        field: "delete-what".into(),
                        message: text::DELETE_CHANGED.into(),
                    }],
                );
                busy.set(false);
                return;
            }
            if scope.get_untracked() == "training" {
                store.delete_training().await;
                go.run("/training".into());
            } else {
                store.delete_everything().await;
                go.run("/".into());
            }
        });
    });
    let body = dynamic(move || {
        let Some((real, practice)) = held.get() else {
            return view! { <p class="govuk-body" role="status">"Counting what is stored on this device…"</p> }.into_any();
        };
        let also = if practice == Held::default() {
            "There is no training on this device.".to_string()
        } else {
            format!(
                "It also deletes all training here: {}.",
                training_words(&practice)
            )
        };
        let everything = format!(
            "{}, any case you had started creating, and your settings, from this browser on this device. {also}",
            real_words(&real),
        );
        if !training {
            // (The id is where the error summary's link leads if the counts change.)
            return view! {
                <div id="delete-what" tabindex="-1">
                    <Warning>{format!("This deletes {everything} It cannot be undone. Download anything you must keep first.")}</Warning>
                </div>
            }
            .into_any();
        }
        let options = vec![
            Opt {
                key: "training".into(),
                label: text::DELETE_TRAINING_ONLY.into(),
                hint: Some(format!(
                    "Deletes {}. Real cases and settings stay.",
                    training_words(&practice)
                )),
            },
            Opt {
                key: "everything".into(),
                label: text::DELETE_REAL_TOO.into(),
                hint: Some(format!("Deletes {everything} It cannot be undone.")),
            },
        ];
        render(
            vec![Item::radios(
                "delete-what",
                text::DELETE_WHAT.to_string(),
                options,
                (scope.into(), Callback::new(move |v| scope.set(v))),
            )],
            errors,
        )
    });
    let button = move || {
        if scope.get() == "training" {
            text::DELETE_TRAINING_BUTTON
        } else {
            text::DELETE_EVERYTHING_BUTTON
        }
    };
    let title = if training {
        text::DELETE_TITLE_TRAINING
    } else {
        text::DELETE_TITLE
    };
    view! {
        <BackLink href="/data".to_string() text="Back".to_string()/>
        <ErrorSummary errors=errors/>
        <PageHeading title=title.to_string()/>
        {body}
        <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--warning" disabled=move || held.with(Option::is_none) on:click=delete>{button}</button>
            <a class="govuk-link" href="/data">"No, go back"</a>
        </div>
    }
}
