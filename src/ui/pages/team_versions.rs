//! A case changed on this device and another device of the team while they were apart: both
//! versions side by side, answer by answer, and the person chooses whose answers to keep.
//! Nothing else is lost either way (`domain::audit::settle_versions`): the history and the
//! gatekeeping of both are kept, and the answers not kept are recorded in the history.

use leptos::prelude::*;

use crate::content::team as text;
use crate::domain::Case;
use crate::domain::audit::{differences, settle_versions};
use crate::domain::text::isolate;
use crate::domain::validate::FieldError;
use crate::storage::cases::Format;
use crate::storage::sync::{engine, team};
use crate::ui::components::fields::{Opt, PageErrors};
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{
    BackLink, ErrorSummary, PageHeading, dynamic, navigator, on_submit, show_errors,
};
use crate::ui::pages::case_handle;
use crate::ui::pages::history::blank;
use crate::ui::state::now_stamp;

/// What the page has of the other version.
#[derive(Clone)]
enum Other {
    Fetching,
    Here(Box<Case>),
    Failed(&'static str),
}

fn gatekeeping_line(case: &Case) -> String {
    let status = crate::domain::rules::gatekeeping_status(case);
    if status.endorsed {
        "Endorsed by a senior probation officer".into()
    } else if status.revoked {
        "Endorsement revoked".into()
    } else if status.awaiting {
        "Awaiting gatekeeping".into()
    } else if case.returned_by_gatekeeping() {
        "Returned with comments".into()
    } else {
        "Not submitted".into()
    }
}

/// Both versions, answer by answer where they differ.
fn comparison(ours: &Case, theirs: &Case) -> impl IntoView {
    let rows = differences(theirs, ours)
        .into_iter()
        .map(|c| {
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">{c.field}</th>
                    <td class="govuk-table__cell app-pre-line">{isolate(&blank(&c.after))}</td>
                    <td class="govuk-table__cell app-pre-line">{isolate(&blank(&c.before))}</td>
                </tr>
            }
        })
        .collect_view();
    let last_by = |case: &Case| {
        case.events
            .last()
            .map(|e| format!("{}, by {}", crate::domain::inputs::long_stamp(&e.at), e.by))
            .unwrap_or_default()
    };
    view! {
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">{text::VERSIONS_TABLE}</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">"Question"</th>
                    <th scope="col" class="govuk-table__header">{text::THIS_DEVICE}</th>
                    <th scope="col" class="govuk-table__header">{text::OTHER_DEVICE}</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">"Gatekeeping"</th>
                    <td class="govuk-table__cell">{gatekeeping_line(ours)}</td>
                    <td class="govuk-table__cell">{gatekeeping_line(theirs)}</td>
                </tr>
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">"Last change"</th>
                    <td class="govuk-table__cell">{last_by(ours)}</td>
                    <td class="govuk-table__cell">{last_by(theirs)}</td>
                </tr>
                {rows}
            </tbody>
        </table>
    }
}

#[component]
pub fn TeamVersionsPage(id: String) -> impl IntoView {
    let handle = case_handle(id.clone());
    let store = handle.store;
    let errors: PageErrors = RwSignal::new(Vec::new());
    let other = RwSignal::new(Other::Fetching);
    let choice = RwSignal::new(String::new());
    let go = navigator();

    let in_conflict = engine::record(&id).is_some_and(|r| r.conflict.is_some());
    match team::load().filter(|_| in_conflict) {
        Some(server) => {
            let id = id.clone();
            leptos::task::spawn_local(async move {
                let got = engine::other_version(&server, &id, Format::stored()).await;
                other.set(match got {
                    Ok(case) => Other::Here(Box::new(case)),
                    Err(engine::Trouble::Unreachable) => Other::Failed(text::UNREACHABLE),
                    Err(engine::Trouble::SignedOut) => Other::Failed(text::SIGNED_OUT),
                    Err(_) => Other::Failed(text::OTHER_UNREADABLE),
                });
            });
        }
        None => other.set(Other::Failed(text::NOT_IN_CONFLICT)),
    }

    let settle = on_submit(move || {
        let (Other::Here(theirs), Some(ours)) =
            (other.get_untracked(), handle.case.get_untracked())
        else {
            return;
        };
        let keep_ours = match choice.get_untracked().as_str() {
            "this" => true,
            "other" => false,
            _ => {
                show_errors(
                    errors,
                    vec![FieldError {
                        field: "keep".into(),
                        message: text::CHOOSE.into(),
                    }],
                );
                return;
            }
        };
        let (kept, dropped) = if keep_ours {
            (&ours, theirs.as_ref())
        } else {
            (theirs.as_ref(), &ours)
        };
        let mut settled = settle_versions(kept, dropped, &now_stamp(), &store.who());
        settled.id = ours.id.clone();
        // The next revision here, so that it is saved over this device's version and sent.
        settled.revision = ours.revision + 1;
        // Noted first: the round this save starts sends it as settling both versions.
        engine::settle(&ours.id);
        store.put_case(settled);
        crate::ui::team_sync::sync_now();
        go.run(format!("/cases/{}", ours.id));
    });

    let body = dynamic(move || match (other.get(), handle.case.get()) {
        (_, None) => {
            view! { <p class="govuk-body">"This case is not stored on this device."</p> }.into_any()
        }
        (Other::Fetching, _) => {
            view! { <p class="govuk-body" role="status">{text::FETCHING}</p> }.into_any()
        }
        (Other::Failed(why), _) => view! { <p class="govuk-body">{why}</p> }.into_any(),
        (Other::Here(theirs), Some(ours)) => {
            let options = vec![
                Opt {
                    key: "this".into(),
                    label: text::KEEP_THIS.into(),
                    hint: None,
                },
                Opt {
                    key: "other".into(),
                    label: text::KEEP_OTHER.into(),
                    hint: None,
                },
            ];
            view! {
                {comparison(&ours, &theirs)}
                <form novalidate on:submit=settle>
                    {render(
                        vec![Item::radios("keep", text::WHICH, options, (choice.into(), Callback::new(move |v| choice.set(v)))).hint(text::WHICH_HINT)],
                        errors,
                    )}
                    <button type="submit" class="govuk-button">{text::SETTLE}</button>
                </form>
            }
            .into_any()
        }
    });

    view! {
        <BackLink href=Signal::derive(move || handle.href("")) text="Back to task list".to_string()/>
        <ErrorSummary errors=errors/>
        <PageHeading title=text::VERSIONS_TITLE.to_string() caption=Signal::derive(move || handle.with(Case::display_name))/>
        <p class="govuk-body">{text::VERSIONS_INTRO}</p>
        {body}
    }
}
