//! Team sync: setting up the team's server on this device, signing in to it with CouchDB's own
//! account and opening the team's key with the team passphrase (neither is stored), and what
//! the sync running in the background has done.

use leptos::prelude::*;

use crate::content::team as text;
use crate::domain::validate::FieldError;
use crate::storage::sync::engine::{self, KeyAnswer, Trouble};
use crate::storage::sync::team::{self, SignIn, TeamServer};
use crate::ui::components::fields::{Opt, PageErrors};
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{
    BackLink, ErrorSummary, NotificationBanner, PageHeading, dynamic, on_click, on_submit,
    show_errors, status_line,
};
use crate::ui::team_sync::{self, SyncStatus};

/// A text box bound to a signal of this page (not to a case).
fn typed(value: RwSignal<String>) -> (Signal<String>, Callback<String>) {
    (value.into(), Callback::new(move |v| value.set(v)))
}

/// The field a failed sign-in is about, and what to say.
fn refusal(answer: SignIn) -> Option<(&'static str, &'static str)> {
    match answer {
        SignIn::Ok => None,
        SignIn::Blocked => Some(("team-address", text::BLOCKED)),
        SignIn::Unreachable => Some(("team-address", text::UNREACHABLE)),
        SignIn::NotCouchDb => Some(("team-address", text::NOT_COUCHDB)),
        SignIn::WrongPassword => Some(("team-password", text::WRONG_PASSWORD)),
        SignIn::NotSignedIn => Some(("team-name", text::NOT_SIGNED_IN_BY_ORGANISATION)),
        SignIn::NoDatabase => Some(("team-database", text::NO_DATABASE)),
        SignIn::NoAccess => Some(("team-database", text::NO_ACCESS)),
    }
}

/// What to say about a round that stopped.
fn trouble_text(trouble: Trouble) -> &'static str {
    match trouble {
        Trouble::Unreachable => text::UNREACHABLE,
        Trouble::SignedOut => text::SIGNED_OUT,
        Trouble::NoAccess => text::NO_ACCESS,
        Trouble::NoDatabase => text::NO_DATABASE,
        Trouble::NoKey => text::NO_KEY,
        Trouble::NotStored => text::NOT_STORED,
        Trouble::ChangedHere => text::CHANGED_HERE,
        Trouble::Server => text::SERVER,
        Trouble::Stopped => text::STOPPED,
        Trouble::KeyMissing => text::KEY_MISSING,
        Trouble::KeyChanged => text::KEY_CHANGED,
    }
}

/// A time by this device's clock, as "1 December 2026 at 10:32".
fn when(ms: f64) -> String {
    let at = js_sys::Date::new(&ms.into());
    let date = chrono::NaiveDate::from_ymd_opt(
        at.get_full_year() as i32,
        at.get_month() + 1,
        at.get_date(),
    )
    .unwrap_or_default();
    format!(
        "{} at {:02}:{:02}",
        crate::domain::inputs::long_date(date),
        at.get_hours(),
        at.get_minutes()
    )
}

/// One row of the sync's summary list.
fn row(key: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value">{value}</dd>
        </div>
    }
}

/// What the sync has done: when, what waits, and any problem.
fn sync_state(
    server: TeamServer,
    status: SyncStatus,
    stop: impl Fn(leptos::ev::MouseEvent) + Copy + 'static,
) -> AnyView {
    let store = crate::ui::state::use_store();
    let names = store.summaries().unwrap_or_default();
    let name_of = |id: &str| {
        names
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| format!("Case {id}"), |s| s.name.clone())
    };
    let set_up = format!(
        "The team database {} on {}, as {}.",
        server.database, server.address, server.name
    );
    let last = status.last.map_or_else(|| text::NEVER.to_string(), when);
    let problem = status
        .trouble
        .map(|t| row(text::PROBLEM, trouble_text(t).to_string()));
    let signing = status.signing.clone().map(|registered| {
        let said = match registered {
            Ok(()) => text::KEY_REGISTERED.to_string(),
            Err(why) => format!(
                "{} {why}. {}",
                text::SIGNING_REFUSED,
                text::SIGNING_REFUSED_AFTER
            ),
        };
        row(text::SIGNING_KEY, said)
    });
    let problems = super::team_problems::problem_list(status.problems.clone(), name_of, when);
    let conflicts = (!status.conflicts.is_empty()).then(|| {
        let items = status
            .conflicts
            .iter()
            .map(|id| view! { <li><a class="govuk-link" href=format!("/cases/{id}")>{name_of(id)}</a></li> })
            .collect_view();
        view! {
            <h3 class="govuk-heading-s">{text::CONFLICTS}</h3>
            <p class="govuk-body">{text::CONFLICTS_BODY}</p>
            <ul class="govuk-list govuk-list--bullet">{items}</ul>
        }
    });
    let running = if status.on {
        text::RUNNING
    } else {
        text::NOT_RUNNING
    };
    view! {
        <h2 class="govuk-heading-m">{text::STATUS}</h2>
        <p class="govuk-body">{set_up}</p>
        <p class="govuk-body" role="status">{running}</p>
        <dl class="govuk-summary-list">
            {row(text::LAST, last)}
            {row(text::WAITING, status.waiting.map_or_else(|| text::COUNTING.to_string(), |n| n.to_string()))}
            {signing}
            {problem}
        </dl>
        {problems}
        {conflicts}
        <div class="govuk-button-group">
            {status.on.then(|| view! { <button type="button" class="govuk-button" on:click=move |_| team_sync::sync_now()>{text::SYNC_NOW}</button> })}
            <button type="button" class="govuk-button govuk-button--secondary" on:click=stop>{text::STOP}</button>
        </div>
    }
    .into_any()
}

#[component]
pub fn TeamSyncPage() -> impl IntoView {
    let store = crate::ui::state::use_store();
    let errors: PageErrors = RwSignal::new(Vec::new());
    let set_up = RwSignal::new(team::load());
    let start = set_up.get_untracked();
    let address = RwSignal::new(
        start
            .as_ref()
            .map(|s| s.address.clone())
            .unwrap_or_default(),
    );
    let database = RwSignal::new(
        start
            .as_ref()
            .map(|s| s.database.clone())
            .unwrap_or_default(),
    );
    let name = RwSignal::new(start.map(|s| s.name).unwrap_or_default());
    let password = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    // Asked only once the server has said the team has no passphrase yet.
    let no_team = RwSignal::new(false);
    let starting: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let working = RwSignal::new(false);
    let signed_in = RwSignal::new(false);
    let made = RwSignal::new(false);
    let stopped = RwSignal::new(false);
    let status = team_sync::status();
    let footer = use_context::<team_sync::TeamSetUp>();

    // What waits to be sent is worth knowing before signing in, too.
    if set_up.get_untracked().is_some() && !status.get_untracked().on {
        let status = status.clone();
        leptos::task::spawn_local(async move {
            let waiting = engine::waiting_count().await;
            status.update(|s| {
                s.waiting = Some(waiting);
                s.last = engine::last_synced();
                s.conflicts = engine::conflicts();
            });
        });
    }

    let sign_in = on_submit(move || {
        signed_in.set(false);
        made.set(false);
        stopped.set(false);
        let server = TeamServer {
            address: address.get_untracked().trim().to_string(),
            database: database.get_untracked().trim().to_string(),
            name: name.get_untracked().trim().to_string(),
        };
        let typed_password = password.get_untracked();
        let typed_passphrase = passphrase.get_untracked();
        let problems = team::check(&server, &typed_password, &typed_passphrase);
        if !problems.is_empty() {
            show_errors(errors, problems);
            return;
        }
        working.set(true);
        leptos::task::spawn_local(async move {
            let mut server = server;
            let mut answer = team::sign_in(&server, &typed_password).await;
            // Signed in by the organisation: the name is the server's.
            if answer == SignIn::Ok && server.name.is_empty() {
                match team::session(&server).await {
                    Some(session) => server.name = session.name,
                    None => answer = SignIn::NotSignedIn,
                }
            }
            let refused = match refusal(answer) {
                Some(refused) => Some(refused),
                None => match engine::open_key(
                    &server,
                    &typed_passphrase,
                    store.lock.get_untracked() == crate::storage::cases::Lock::Off,
                    starting.get_untracked().iter().any(|v| v == "start"),
                )
                .await
                {
                    KeyAnswer::Opened => None,
                    KeyAnswer::Made => {
                        made.set(true);
                        None
                    }
                    KeyAnswer::Wrong => Some(("team-passphrase", text::WRONG_PASSPHRASE)),
                    KeyAnswer::NotOurs => Some(("team-database", text::KEY_RECORD_NOT_OURS)),
                    KeyAnswer::NoTeam => {
                        no_team.set(true);
                        Some(("team-start", text::NO_TEAM))
                    }
                    KeyAnswer::Missing => Some(("team-database", text::KEY_MISSING_SIGN_IN)),
                    KeyAnswer::Changed => Some(("team-database", text::KEY_CHANGED_SIGN_IN)),
                    KeyAnswer::Unreachable => Some(("team-address", text::UNREACHABLE)),
                    KeyAnswer::Refused => Some(("team-database", text::KEY_REFUSED)),
                },
            };
            working.set(false);
            // Neither is kept, not even on the page.
            password.set(String::new());
            passphrase.set(String::new());
            match refused {
                Some((field, message)) => {
                    let refused = FieldError {
                        field: field.into(),
                        message: message.into(),
                    };
                    show_errors(errors, vec![refused]);
                }
                None => {
                    show_errors(errors, Vec::new());
                    no_team.set(false);
                    starting.set(Vec::new());
                    let _ = team::save(&server);
                    set_up.set(Some(server.clone()));
                    signed_in.set(true);
                    team_sync::start(store, server);
                    if let Some(footer) = footer {
                        footer.0.set(true);
                    }
                }
            }
        });
    });

    let stop = on_click(move || {
        team_sync::stop();
        if let Some(footer) = footer {
            footer.0.set(false);
        }
        leptos::task::spawn_local(engine::leave());
        set_up.set(None);
        signed_in.set(false);
        stopped.set(true);
    });

    let banner = dynamic(move || {
        let server = set_up.get().filter(|_| signed_in.get());
        match server {
            Some(server) => view! {
                <NotificationBanner id="team-signed-in" title="Success">
                    <p class="govuk-notification-banner__heading" role="status">
                        {format!("Signed in to {} as {}.", server.database, server.name)}
                    </p>
                    {made.get().then(|| view! { <p class="govuk-body">{text::MADE}</p> })}
                </NotificationBanner>
            }
            .into_any(),
            None => ().into_any(),
        }
    });

    let state = {
        let status = status.clone();
        dynamic(move || match set_up.get() {
            Some(server) => sync_state(server, status.get(), stop),
            None => view! { <p class="govuk-body">{text::OFF}</p> }.into_any(),
        })
    };

    // The sign-in form, unless sync is running here (or in another tab) with nothing to sign in
    // for: drawn again only when that changes, so nothing typed in it is lost.
    let show_form = {
        let status = status.clone();
        Memo::new(move |_| {
            let s = status.get();
            let needs_signing_in = matches!(s.trouble, Some(Trouble::SignedOut | Trouble::NoKey));
            set_up.get().is_none() || !(s.on || s.elsewhere) || needs_signing_in
        })
    };
    let form_heading = move || {
        dynamic(move || {
            if set_up.get().is_some() {
                view! {
                    <h2 class="govuk-heading-m">{text::SIGN_IN_AGAIN}</h2>
                    <p class="govuk-body">{text::SIGN_IN_AGAIN_BODY}</p>
                }
                .into_any()
            } else {
                view! { <h2 class="govuk-heading-m">{text::SIGN_IN}</h2> }.into_any()
            }
        })
    };

    view! {
        <BackLink href="/data".to_string() text="Back to data on this device".to_string()/>
        <ErrorSummary errors=errors/>
        {banner}
        <PageHeading title=text::TITLE.to_string()/>
        <p class="govuk-body">{text::INTRO}</p>
        <div class="govuk-inset-text">{text::SEALED}</div>
        {state}
        {status_line(stopped, text::STOPPED)}
        <Show when=move || show_form.get()>
            {form_heading()}
            <form novalidate on:submit=sign_in>
                {render(
                    vec![
                        Item::text("team-address", text::ADDRESS, typed(address)).hint(text::ADDRESS_HINT),
                        Item::text("team-database", text::DATABASE, typed(database)).hint(text::DATABASE_HINT).width("govuk-!-width-two-thirds"),
                        Item::text("team-name", text::NAME, typed(name)).hint(text::NAME_HINT_TEAM).width("govuk-!-width-one-half"),
                        Item::text("team-password", text::PASSWORD, typed(password)).hint(text::PASSWORD_HINT).password().width("govuk-!-width-one-half"),
                        Item::text("team-passphrase", text::PASSPHRASE, typed(passphrase)).hint(text::PASSPHRASE_HINT).password().width("govuk-!-width-one-half"),
                        Item::when(move || no_team.get(), vec![
                            Item::checks("team-start", text::START, vec![Opt { key: "start".into(), label: text::START_YES.into(), hint: None }], (starting.into(), Callback::new(move |v| starting.set(v)))).hint(text::START_HINT),
                        ]),
                    ],
                    errors,
                )}
                <button type="submit" class="govuk-button">{text::SIGN_IN}</button>
                {status_line(working, text::WORKING)}
            </form>
        </Show>
    }
}

/// "Who is using this device?" while team sync is set up: who the team's server says is signed
/// in, and no form (the device cannot be switched to another person or role until team sync
/// stops). The page asking for a name is in a module of its own, for a first visit.
#[component]
pub fn SignedInPage() -> impl IntoView {
    let store = crate::ui::state::use_store();
    let who = move || {
        store.user.with(|u| match u {
            Some(u) => format!(
                "You are signed in to your team's server as {}.",
                u.describe()
            ),
            None => text::NOT_YET_SIGNED_IN.to_string(),
        })
    };
    view! {
        <PageHeading title=text::WHO_TITLE.to_string()/>
        <p class="govuk-body">{who}</p>
        <p class="govuk-body">{text::WHO_FROM_SERVER}</p>
        <p class="govuk-body">{text::WHO_SOMEONE_ELSE}<a class="govuk-link" href="/data">"Data on this device"</a>", then \"Team sync settings\"), then sign in with their own account."</p>
    }
}
