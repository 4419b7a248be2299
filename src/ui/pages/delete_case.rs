//! Delete a case after confirming; a case shared with the team asks whether to delete it for
//! the whole team or only on this device.

use leptos::prelude::*;

use crate::content::team as text;
use crate::domain::validate::FieldError;
use crate::storage::sync::engine::{self, Deleted};
use crate::ui::components::fields::{Opt, PageErrors};
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{
    BackLink, ErrorSummary, PageHeading, Warning, navigator, on_click, show_errors,
};
use crate::ui::pages::case_handle;

#[component]
pub fn DeleteCasePage(id: String) -> impl IntoView {
    let shared = crate::storage::sync::team::is_set_up() && engine::shared(&id);
    let handle = case_handle(id);
    let name = handle.with(|c| c.display_name());
    let go = navigator();
    let errors: PageErrors = RwSignal::new(Vec::new());
    let scope = RwSignal::new(String::new());
    let delete = on_click(move || {
        let id = handle.id.get_untracked();
        if shared {
            let Some(how) = chosen_scope(scope, errors, text::DELETE_CHOOSE) else {
                return;
            };
            engine::deleting(&id, how);
            crate::ui::team_sync::sync_now();
        }
        handle.store.delete(&id);
        go.run("/".into());
    });
    let choice = shared.then(|| {
        where_to_delete(
            text::DELETE_WHERE.into(),
            [text::DELETE_FOR_TEAM_HINT, text::DELETE_HERE_HINT],
            scope,
            errors,
        )
    });
    let warning = if shared {
        "This deletes the case and everything recorded in it. It cannot be undone."
    } else {
        "This deletes the case and everything recorded in it from this device. It cannot be undone."
    };
    view! {
        <BackLink href=Signal::derive(move || handle.href("")) text="Back to task list".to_string()/>
        <ErrorSummary errors=errors/>
        <PageHeading title=format!("Are you sure you want to delete the case for {name}?")/>
        <Warning>{warning}</Warning>
        {choice}
        <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--warning" on:click=delete>"Yes, delete this case"</button>
            <a class="govuk-link" href=handle.href("")>"No, keep it"</a>
        </div>
    }
}

/// The question a shared case's deletion asks (`question`, with a hint for each answer): for the
/// whole team, or only on this device. Also asked when old cases are deleted together.
pub fn where_to_delete(
    question: String,
    [for_team, here]: [&'static str; 2],
    scope: RwSignal<String>,
    errors: PageErrors,
) -> AnyView {
    let options = vec![
        Opt {
            key: "team".into(),
            label: text::DELETE_FOR_TEAM.into(),
            hint: Some(for_team.into()),
        },
        Opt {
            key: "here".into(),
            label: text::DELETE_HERE.into(),
            hint: Some(here.into()),
        },
    ];
    render(
        vec![Item::radios(
            "delete-scope",
            question,
            options,
            (scope.into(), Callback::new(move |v| scope.set(v))),
        )],
        errors,
    )
}

/// The answer to `where_to_delete`; if there is none yet, `missing` is shown as the error.
pub fn chosen_scope(scope: RwSignal<String>, errors: PageErrors, missing: &str) -> Option<Deleted> {
    let how = match scope.get_untracked().as_str() {
        "team" => Deleted::ForTeam,
        "here" => Deleted::OnlyHere,
        _ => {
            show_errors(
                errors,
                vec![FieldError {
                    field: "delete-scope".into(),
                    message: missing.into(),
                }],
            );
            return None;
        }
    };
    Some(how)
}
