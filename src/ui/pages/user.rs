//! "Who is using this device?": asked once, so the audit trail and decisions name a person. It is
//! a view, not security: the device's own login decides who may use the app.
//!
//! It is the first page a new device shows, so it is kept small: its content is GOV.UK markup
//! written out here (`page_html`), set and answered by hand, rather than drawn by the form
//! components and the view, which would bring most of the other pages' shared code into a
//! first visit (issue 20: that visit downloaded 211 KB against a budget of 150). It lives in a
//! module of its own (`app::who_page`), which shares almost no code with the others.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::audit::{Role, User};
use crate::domain::choice::Choice;
use crate::ui::components::page::{focus_id, tab_title};
use crate::ui::state::use_store;

const NAME_MISSING: &str = "Enter your name";
const ROLE_MISSING: &str = "Select your role";

#[component]
pub fn UserPage() -> impl IntoView {
    let store = use_store();
    let (name, role) = store
        .user
        .with_untracked(|u| u.as_ref().map(|u| (u.name.clone(), u.role.key())))
        .unwrap_or_default();
    let first_time = store.user.with_untracked(Option::is_none);
    set_title(false);
    // Once the page's frame is on screen: its content, what it answers, and focus on the
    // heading, as on every page (see `PageHeading`).
    set_timeout(
        move || {
            draw(&name, role, (false, false));
            answer(store, first_time);
            focus_id("page-heading");
        },
        std::time::Duration::from_millis(0),
    );
    view! { <div id="who-page"></div> }
}

/// The page's content, with `name` and `role` as last answered and the missing answers marked.
fn draw(name: &str, role: &str, missing: (bool, bool)) {
    if let Some(page) = document().get_element_by_id("who-page") {
        page.set_inner_html(&page_html(name, role, missing));
    }
}

/// Answers the form: an answer missing is shown as an error, as on every page; otherwise the
/// person is stored, and a change goes back to the cases. (Listened to by hand, not through
/// the view, which would bring shared code into a first visit: see the module's comment. Each
/// opening of the page keeps its two small listeners; the page opens rarely.)
fn answer(store: crate::ui::state::Store, first_time: bool) {
    let Some(page) = document().get_element_by_id("who-page") else {
        return;
    };
    let submit =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            ev.prevent_default();
            let name = input("name").map(|i| i.value()).unwrap_or_default();
            let role = document()
                .query_selector("input[name=role]:checked")
                .ok()
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            let chosen = Role::from_key(&role);
            let gaps = (name.trim().is_empty(), chosen.is_none());
            let Some(role) = chosen.filter(|_| gaps == (false, false)) else {
                draw(&name, &role, gaps);
                set_title(true);
                focus_id("error-summary");
                return;
            };
            set_title(false);
            store.set_user(User {
                name: name.trim().to_string(),
                role,
            });
            // The first time, the page asked for stays open; a change goes back to the cases.
            if !first_time {
                go_to(if role == Role::Spo {
                    "/gatekeeping"
                } else {
                    "/"
                });
            }
        });
    // A link in the error summary moves focus to its answer, as GOV.UK's does.
    let follow =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
            let link = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href^='#']").ok().flatten());
            if let Some(link) = link {
                ev.prevent_default();
                let href = link.get_attribute("href").unwrap_or_default();
                focus_id(href.trim_start_matches('#'));
            }
        });
    for (kind, listener) in [("submit", submit), ("click", follow)] {
        let _ = page.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
        listener.forget();
    }
}

/// Opens another page of the app, as its links do (the router follows the history).
fn go_to(path: &str) {
    let w = window();
    if let Ok(history) = w.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
    }
    if let Ok(event) = web_sys::Event::new("popstate") {
        let _ = w.dispatch_event(&event);
    }
}

/// The tab's title, as every page sets it (see `PageHeading`), starting "Error:" while the page
/// shows errors, as on GOV.UK.
fn set_title(errors: bool) {
    let error = if errors { "Error: " } else { "" };
    document().set_title(&format!("{error}{}", tab_title(TITLE)));
}

const TITLE: &str = "Who is using this device?";

/// The whole page: the error summary (while answers are missing), the heading, why it asks, and
/// the form with `name` and `role` as last answered.
fn page_html(name: &str, role: &str, missing: (bool, bool)) -> String {
    format!(
        r#"{}<h1 class="govuk-heading-l" tabindex="-1" id="page-heading">{TITLE}</h1><p class="govuk-body">Your name is recorded against every change you make to a case, and on gatekeeping decisions. Your role decides what you see first: senior probation officers see the gatekeeping queue.</p><p class="govuk-body">This is not a login. Anyone who can use this device can open the app: who may use it is controlled by the device and its own sign-in.</p><form novalidate>{}</form>"#,
        summary_html(missing),
        form_html(name, role, missing)
    )
}

fn document() -> web_sys::Document {
    window().document().expect("a page has a document")
}

fn input(id: &str) -> Option<web_sys::HtmlInputElement> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

/// Text safe inside HTML, attribute values included.
fn escaped(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => safe.push_str("&amp;"),
            '<' => safe.push_str("&lt;"),
            '>' => safe.push_str("&gt;"),
            '"' => safe.push_str("&quot;"),
            c => safe.push(c),
        }
    }
    safe
}

/// "There is a problem", linking to each missing answer in the order of the form.
fn summary_html((name, role): (bool, bool)) -> String {
    if !name && !role {
        return String::new();
    }
    let mut items = String::new();
    if name {
        items.push_str(&format!(r##"<li><a href="#name">{NAME_MISSING}</a></li>"##));
    }
    if role {
        items.push_str(&format!(r##"<li><a href="#role">{ROLE_MISSING}</a></li>"##));
    }
    format!(
        r#"<div class="govuk-error-summary" tabindex="-1" id="error-summary"><div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">{items}</ul></div></div></div>"#
    )
}

/// A missing answer's message, and the classes that mark its group (GOV.UK's error pattern).
fn error_parts(id: &str, message: &str, missing: bool) -> (&'static str, String, String) {
    if missing {
        (
            " govuk-form-group--error",
            format!(
                r#"<p id="{id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {message}</p>"#
            ),
            format!(r#" aria-describedby="{id}-error""#),
        )
    } else {
        ("", String::new(), String::new())
    }
}

/// The form's questions: the person's name and their role, with `name` and `role` as last
/// answered.
fn form_html(name: &str, role: &str, (no_name, no_role): (bool, bool)) -> String {
    let (name_group, name_error, name_described) = error_parts("name", NAME_MISSING, no_name);
    let input_error = if no_name { " govuk-input--error" } else { "" };
    let (role_group, role_error, role_described) = error_parts("role", ROLE_MISSING, no_role);
    let radios: String = Role::all()
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let key = r.key();
            let id = if i == 0 {
                "role".to_string()
            } else {
                format!("role--{key}")
            };
            let checked = if role == key { " checked" } else { "" };
            let (hint, described) = match r.hint() {
                Some(h) => (
                    format!(r#"<div id="{id}-item-hint" class="govuk-hint govuk-radios__hint">{h}</div>"#),
                    format!(r#" aria-describedby="{id}-item-hint""#),
                ),
                None => (String::new(), String::new()),
            };
            format!(
                r#"<div class="govuk-radios__item"><input class="govuk-radios__input" id="{id}" name="role" type="radio" value="{key}"{checked}{described}><label class="govuk-label govuk-radios__label" for="{id}">{}</label>{hint}</div>"#,
                r.label()
            )
        })
        .collect();
    format!(
        r#"<div class="govuk-form-group{name_group}"><label class="govuk-label govuk-label--s" for="name">Your name</label>{name_error}<input class="govuk-input govuk-input--width-20{input_error}" id="name" name="name" type="text" autocomplete="name" spellcheck="false" value="{}"{name_described}></div><div class="govuk-form-group{role_group}"><fieldset class="govuk-fieldset"{role_described}><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Your role</legend>{role_error}<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">{radios}</div></fieldset></div><button type="submit" class="govuk-button">Continue</button>"#,
        escaped(name)
    )
}
