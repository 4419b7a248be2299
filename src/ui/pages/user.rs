//! "Who is using this device?": asked once, so the audit trail and decisions name a person. It is
//! a view, not security: the device's own login decides who may use the app.

use leptos::prelude::*;

use crate::domain::audit::{Role, User};
use crate::domain::choice::Choice;
use crate::domain::validate::FieldError;
use crate::ui::components::fields::{PageErrors, opts};
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{ErrorSummary, PageHeading, navigator, on_submit, show_errors};
use crate::ui::state::use_store;

#[component]
pub fn UserPage() -> impl IntoView {
    let store = use_store();
    let errors: PageErrors = RwSignal::new(Vec::new());
    let now = store.user.get_untracked();
    let name = RwSignal::new(now.as_ref().map(|u| u.name.clone()).unwrap_or_default());
    let role = RwSignal::new(now.map(|u| u.role.key().to_string()).unwrap_or_default());
    let first_time = store.user.with_untracked(Option::is_none);
    let go = navigator();
    let submit = on_submit(move || {
        let mut found = Vec::new();
        let typed = name.get_untracked().trim().to_string();
        if typed.is_empty() {
            found.push(FieldError {
                field: "name".into(),
                message: "Enter your name".into(),
            });
        }
        let chosen = Role::from_key(&role.get_untracked());
        if chosen.is_none() {
            found.push(FieldError {
                field: "role".into(),
                message: "Select your role".into(),
            });
        }
        if !show_errors(errors, found) {
            return;
        }
        if let Some(role) = chosen {
            store.set_user(User { name: typed, role });
        }
        // The first time, the page asked for stays open; a change goes back to the cases.
        if !first_time {
            go.run(
                if role.get_untracked() == "spo" {
                    "/gatekeeping"
                } else {
                    "/"
                }
                .into(),
            );
        }
    });
    let items = vec![
        Item::text(
            "name",
            "Your name",
            (name.into(), Callback::new(move |v| name.set(v))),
        )
        .width("govuk-input--width-20"),
        Item::radios(
            "role",
            "Your role",
            opts::<Role>(),
            (role.into(), Callback::new(move |v| role.set(v))),
        ),
    ];
    view! {
        <ErrorSummary errors=errors/>
        <PageHeading title="Who is using this device?".to_string()/>
        <p class="govuk-body">"Your name is recorded against every change you make to a case, and on gatekeeping decisions. Your role decides what you see first: senior probation officers see the gatekeeping queue."</p>
        <p class="govuk-body">"This is not a login. Anyone who can use this device can open the app: who may use it is controlled by the device and its own sign-in."</p>
        <form novalidate on:submit=submit>
            {render(items, errors)}
            <button type="submit" class="govuk-button">"Continue"</button>
        </form>
    }
}
