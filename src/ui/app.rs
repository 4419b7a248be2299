//! Routes and the page frame.

use leptos::prelude::*;

use crate::content;
use crate::domain::audit::Role;
use crate::ui::components::page::{NotificationBanner, SERVICE_NAME, dynamic, on_click};
use crate::ui::pages::*;
use crate::ui::router::provide_router;
use crate::ui::state::{Rules, SaveProblem as ProblemKind, Store};

#[component]
pub fn App() -> impl IntoView {
    let store = Store::load();
    provide_context(store);
    let router = provide_router();
    let arrived = ModuleArrived(RwSignal::new(0));
    provide_context(arrived);
    let training = crate::storage::space() == crate::storage::Space::Training;
    // Whether the page at the path has what it works with (a memo: it changes seldom, and the
    // page is drawn again only when it does).
    let ready = Memo::new(move |_| data_ready(store, &router.path.get()));
    // The rules' module is fetched once, when a page or the case list first needs it.
    Effect::new(move |_| {
        if store.rules_wanted.get() && store.rules.with_untracked(Option::is_none) {
            leptos::task::spawn_local(async move { store.arrive(load_rules().await) });
        }
    });
    // Team sync, if set up on this device, runs in the background from the start. (The footer
    // follows it being set up or stopped on the Team sync page.)
    let team_set_up = RwSignal::new(crate::storage::sync::team::is_set_up());
    provide_context(crate::ui::team_sync::TeamSetUp(team_set_up));
    if crate::storage::space() == crate::storage::Space::Real && team_set_up.get_untracked() {
        leptos::task::spawn_local(async move { resume_team_sync(store).await });
    }
    view! {
            <a href="#main-content" class="govuk-skip-link" on:click=|ev| {
                ev.prevent_default();
                crate::ui::components::page::focus_id("main-content");
            }>"Skip to main content"</a>
            <header class="app-header">
                <div class="govuk-width-container app-header__inner">
                    <a href="/" class="app-header__name">{SERVICE_NAME}</a>
                    <nav aria-label="Menu">
                        <ul class="app-header__nav">
                            <li><a class="app-header__link" href="/">"Cases"</a></li>
                            {move || store.user.with(|u| u.as_ref().is_some_and(|u| u.role == Role::Spo)).then(|| view! {
                                <li><a class="app-header__link" href="/gatekeeping">"Gatekeeping queue"</a></li>
                            })}
                            {training.then(|| view! {
                                <li><a class="app-header__link" href="/training">"Training"</a></li>
                            })}
                            <li><a class="app-header__link" href="/data">"Data on this device"</a></li>
                            <li><a class="app-header__link" href="/you">{move || store.user.with(|u| u.as_ref().map(|u| format!("You: {}", u.name)).unwrap_or_else(|| "Who are you?".into()))}</a></li>
                        </ul>
                    </nav>
                </div>
            </header>
            <div class="govuk-width-container">
                <p class="govuk-body-s app-honesty">
                    <strong class="govuk-tag">"Beta"</strong>
                    " "
                    {content::HONESTY}
                </p>
                <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
                    {training.then(TrainingBanner)}
                    // Shown only while a change could not be saved: its page part and the
                    // code that settles the problem come with it.
                    {move || store.problem.with(Option::is_some).then(|| notice(Front::SaveProblem))}
                    // Untracked, so the page is rebuilt only when the path changes.
                    {dynamic(move || {
                        let path = router.path.get();
                        let _ = store.lock.get();
                        let _ = store.user_known.get();
                        let _ = arrived.0.get();
                        // Pages other than the list wait for what they work with (see
                        // `data_ready`). The list follows it itself, and keeps what was typed
                        // in its search.
                        if !path.trim_matches('/').is_empty() {
                            let _ = ready.get();
                        }
                        untrack(|| page_for(&path))
                    })}
                </main>
            </div>
            <footer class="govuk-footer" role="contentinfo">
                <div class="govuk-width-container">
                    <div class="govuk-footer__meta">
                        <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                            <p class="govuk-body-s">{move || if team_set_up.get() { content::DATA_SHARED } else { content::DATA_ON_DEVICE }}</p>
                            <p class="govuk-body-s">{content::HONESTY}</p>
                        </div>
                    </div>
                </div>
            </footer>
    }
}

/// Whether a page has what it works with, asking for whatever is missing: the rules, and the case
/// it shows (a case page), or every case (the pages that list them all). The case list reads
/// only summaries and sees to them itself; while locked, only the passphrase page shows.
fn data_ready(store: Store, path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    // "Who is using this device?" (asked before any other page) works with neither: a first
    // visit to any address fetches no rules.
    if parts.is_empty()
        || parts == ["you"]
        || !store.user_known.get()
        || store.lock.get() == crate::ui::state::Lock::Locked
    {
        return true;
    }
    let rules = store.rules.with(Option::is_some);
    if !rules && !store.rules_wanted.get_untracked() {
        store.rules_wanted.set(true);
    }
    // The cases are read meanwhile.
    let cases = match parts.as_slice() {
        ["cases", "new"] => true,
        ["cases", c, ..] => store.case_ready(c),
        _ => store.all_ready(),
    };
    rules && cases
}

/// The parts of a path: "/cases/abc/places" is `["cases", "abc", "places"]`.
fn path_parts(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

/// The page for a path. Every case page's path starts `/cases/<id>/`. Only which module draws a
/// page is decided here: each module reads the rest of its path, so the first download holds
/// none of their addresses.
fn page_for(path: &str) -> AnyView {
    let parts = path_parts(path);
    let store = crate::ui::state::use_store();
    // While the cases are locked, only the passphrase page, or deleting everything, is possible.
    if store.lock.get() == crate::ui::state::Lock::Locked && parts != ["data", "delete-all"] {
        return front(Front::Unlock);
    }
    // Answers typed on the page being left go into the audit trail now.
    store.record_changes();
    // With team sync, the team's server says who is signed in: a page of the team's module.
    if parts == ["you"] && store.user_known.get() && crate::storage::identity::from_server() {
        return later(path.to_string());
    }
    // Asked once, before anything else, so every change is recorded against a name.
    if parts == ["you"] || !store.user_known.get() {
        return ready_or_loading(who_page(), __preload_who_page());
    }
    if !parts.is_empty() && !data_ready(store, path) {
        return view! { <p class="govuk-body" role="status">"Loading…"</p> }.into_any();
    }
    let path = path.to_string();
    match parts.as_slice() {
        [] => view! { <CaseListPage set_aside/> }.into_any(),
        ["training", ..] => training_page(path),
        // Fictional cases never leave training by a file, and real ones never enter it.
        ["export", ..] | ["import"] if store.training() => training_page(path),
        ["cases", "new"] => section(path),
        // Every other case page needs the case to be on this device, and in training to be
        // this trainee's (see `Store::shows`): another's is not found, even by its address.
        ["cases", c, ..]
            if store
                .cases
                .with_untracked(|cases| !cases.iter().any(|x| x.id == *c && store.shows(x))) =>
        {
            let set_aside = store.quarantined.with_untracked(|q| {
                q.iter()
                    .any(|x| x.key.strip_prefix("quarantine.") == Some(*c))
            });
            front(Front::CaseMissing { set_aside })
        }
        ["cases", _]
        | [
            "cases",
            _,
            "hearing" | "child-contact" | "police" | "childrens-services" | "places" | "consent"
            | "schedule" | "outcome",
            ..,
        ] => section(path),
        ["cases", _, "enquiries"] | ["chase"] | ["court-day"] | ["directory"] => office(path),
        _ => later(path),
    }
}

// The first download holds the app's frame, the storage, the case list (which reads the stored
// summaries) and the who-are-you and passphrase pages. The rules, and every other page, are in
// separate WebAssembly modules, fetched the first time they are needed (the service worker keeps
// them for offline use after the first visit). `scripts/bin/wasm-bindgen` splits them out at
// build time, at the `#[lazy]` functions below; code two of them share goes into a chunk of its
// own.

/// Pages and notices the case list does without: the passphrase, a change that could not be
/// saved, stored cases that could not be read, and a case that is not here. Small, so fetched
/// quickly when needed.
#[derive(Clone, Copy)]
pub enum Front {
    Unlock,
    SaveProblem,
    SetAside,
    CaseMissing { set_aside: bool },
}

#[leptos::lazy]
fn front_page(page: Front) -> AnyView {
    match page {
        Front::Unlock => view! { <UnlockPage/> }.into_any(),
        Front::SaveProblem => view! { <SaveProblem/> }.into_any(),
        Front::SetAside => view! { <SetAside/> }.into_any(),
        Front::CaseMissing { set_aside } => view! { <CaseMissing set_aside/> }.into_any(),
    }
}

/// "Who is using this device?", the first page a new device shows: in a module of its own that
/// shares no code with the others, so a first visit downloads only it (see `pages::user`).
#[leptos::lazy]
fn who_page() -> AnyView {
    view! { <UserPage/> }.into_any()
}

fn front(page: Front) -> AnyView {
    ready_or_loading(front_page(page), __preload_front_page())
}

/// A notice on a page: nothing until its module is here, then drawn once (it follows its own
/// signals from then on).
fn notice(page: Front) -> AnyView {
    let arrived = use_context::<ModuleArrived>()
        .expect("the app provides it")
        .0;
    dynamic(move || {
        ready_or(front_page(page), __preload_front_page(), || {
            // Drawn again when a module arrives, only while waiting.
            let _ = arrived.get();
            ().into_any()
        })
    })
    .into_any()
}

/// The case list's panel of stored cases that could not be read.
fn set_aside() -> AnyView {
    notice(Front::SetAside)
}

/// The rules, handed to the store (`Store::arrive`).
#[leptos::lazy]
fn load_rules() -> Rules {
    fn summarize(
        case: &crate::domain::Case,
        today: chrono::NaiveDate,
        holidays: &[chrono::NaiveDate],
    ) -> crate::domain::summary::Summary {
        let assessment = crate::domain::rules::assess_with_holidays(case, today, holidays);
        crate::domain::summary::Summary::of(case, &assessment, holidays)
    }
    Rules {
        assess: crate::domain::rules::assess_with_holidays,
        summarize,
        after_change: crate::domain::Case::after_change,
        events_between: crate::domain::audit::events_between,
        format: crate::storage::cases::Format::stored(),
        save: Store::save,
        read: Store::read_cases,
        record: Store::record_now,
        keep_summaries: Store::store_summaries,
    }
}

/// Team sync's background rounds, in the module of its page.
#[leptos::lazy]
fn resume_team_sync(store: Store) {
    crate::ui::team_sync::resume(store);
}

/// The task list, the create page and the sections of a case.
#[leptos::lazy]
fn section_page(path: String) -> AnyView {
    let id = |s: &str| s.to_string();
    match path_parts(&path).as_slice() {
        ["cases", "new"] => view! { <NewCasePage/> }.into_any(),
        ["cases", c] => view! { <TaskListPage id=id(c)/> }.into_any(),
        ["cases", c, "hearing"] => view! { <HearingPage id=id(c)/> }.into_any(),
        ["cases", c, "child-contact"] => view! { <ChildContactPage id=id(c)/> }.into_any(),
        ["cases", c, "police"] => view! { <PolicePage id=id(c)/> }.into_any(),
        ["cases", c, "childrens-services"] => {
            view! { <ChildrensServicesPage id=id(c)/> }.into_any()
        }
        ["cases", c, "places"] => view! { <PlacesPage id=id(c)/> }.into_any(),
        ["cases", c, "places", p] => view! { <PlacePage id=id(c) place=id(p)/> }.into_any(),
        ["cases", c, "consent"] => view! { <ConsentListPage id=id(c)/> }.into_any(),
        ["cases", c, "consent", p, w] => {
            view! { <ConsentPage id=id(c) place=id(p) who=id(w)/> }.into_any()
        }
        ["cases", c, "schedule"] => view! { <SchedulePage id=id(c)/> }.into_any(),
        ["cases", c, "outcome"] => view! { <OutcomePage id=id(c)/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    }
}

fn section(path: String) -> AnyView {
    ready_or_loading(section_page(path), __preload_section_page())
}

/// Everything else: checking, deleting, gatekeeping, handover, the history, what the court sees,
/// the data on this device, and a page that is not there.
#[leptos::lazy]
fn later_page(path: String) -> AnyView {
    let id = |s: &str| s.to_string();
    match path_parts(&path).as_slice() {
        ["data"] => view! { <DataPage/> }.into_any(),
        ["data", "delete-all"] => view! { <DeleteEverythingPage/> }.into_any(),
        ["team"] => view! { <TeamSyncPage/> }.into_any(),
        ["you"] => view! { <SignedInPage/> }.into_any(),
        ["gatekeeping"] => view! { <QueuePage/> }.into_any(),
        ["export"] => view! { <ExportPage/> }.into_any(),
        ["export", c] => view! { <ExportPage chosen=id(c)/> }.into_any(),
        ["import"] => view! { <ImportPage/> }.into_any(),
        ["cases", c, "check"] => view! { <CheckAnswersPage id=id(c)/> }.into_any(),
        ["cases", c, "delete"] => view! { <DeleteCasePage id=id(c)/> }.into_any(),
        ["cases", c, "gatekeeping"] => view! { <SubmitPage id=id(c)/> }.into_any(),
        ["cases", c, "review"] => view! { <ReviewPage id=id(c)/> }.into_any(),
        ["cases", c, "history"] => view! { <HistoryPage id=id(c)/> }.into_any(),
        ["cases", c, "team-versions"] => view! { <TeamVersionsPage id=id(c)/> }.into_any(),
        ["cases", c, "report"] => view! { <ReportPage id=id(c)/> }.into_any(),
        ["cases", c, "print"] => view! { <PrintPage id=id(c)/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    }
}

fn later(path: String) -> AnyView {
    ready_or_loading(later_page(path), __preload_later_page())
}

/// The officer's office work: the enquiries the app drafts for a case, the chases, the day at
/// court, and the agency directory they are addressed from.
#[leptos::lazy]
fn office_page(path: String) -> AnyView {
    let id = |s: &str| s.to_string();
    match path_parts(&path).as_slice() {
        ["cases", c, "enquiries"] => view! { <EnquiriesPage id=id(c)/> }.into_any(),
        ["chase"] => view! { <ChasePage/> }.into_any(),
        ["court-day"] => view! { <CourtDayPage/> }.into_any(),
        ["directory"] => view! { <DirectoryPage/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    }
}

fn office(path: String) -> AnyView {
    ready_or_loading(office_page(path), __preload_office_page())
}

/// Training: its own module, fetched only when someone practises. Export and import, asked for
/// in training, say why not.
#[leptos::lazy]
fn training_module(path: String) -> AnyView {
    use crate::ui::pages::training::*;
    let id = |s: &str| s.to_string();
    match path_parts(&path).as_slice() {
        ["training"] => view! { <TrainingHomePage/> }.into_any(),
        ["training", "load"] => view! { <LoadScenarioPage/> }.into_any(),
        ["training", "scenarios", s] => view! { <ScenarioPage id=id(s)/> }.into_any(),
        ["training", "runs", r] => view! { <RunPage id=id(r)/> }.into_any(),
        ["training", "runs", r, "debrief"] => view! { <DebriefPage id=id(r)/> }.into_any(),
        ["export", ..] | ["import"] => view! { <NotInTrainingPage/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    }
}

fn training_page(path: String) -> AnyView {
    ready_or_loading(training_module(path), __preload_training_module())
}

/// On every page of a tab that is practising: these cases are fictional.
#[allow(non_snake_case)]
fn TrainingBanner() -> impl IntoView {
    view! {
        <NotificationBanner id="training-banner-title" title="Training">
            <p class="govuk-notification-banner__heading">"Training — fictional case"</p>
            <p class="govuk-body">"Everything here is practice, kept apart from real cases. "<a class="govuk-notification-banner__link" href="/training">"Training home"</a></p>
        </NotificationBanner>
    }
}

/// Bumped when a separate module has arrived, so the page asked for is drawn again.
#[derive(Clone, Copy)]
struct ModuleArrived(RwSignal<u32>);

/// The page, built at once if its module is already here (then the lazy call is ready on its
/// first poll, and the page is built like any other, inside this render). Otherwise a short
/// "Loading" line, and the module is fetched; its arrival draws the page again.
fn ready_or_loading(
    page: impl std::future::Future<Output = AnyView>,
    load: impl std::future::Future<Output = ()> + 'static,
) -> AnyView {
    ready_or(page, load, || {
        view! { <p class="govuk-body" role="status">"Loading…"</p> }.into_any()
    })
}

/// The view at once if its module is here, else `waiting` while the module is fetched.
fn ready_or(
    page: impl std::future::Future<Output = AnyView>,
    load: impl std::future::Future<Output = ()> + 'static,
    waiting: impl FnOnce() -> AnyView,
) -> AnyView {
    use std::task::{Context, Poll, Waker};
    let mut page = std::pin::pin!(page);
    if let Poll::Ready(view) = page.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        return view;
    }
    let arrived = use_context::<ModuleArrived>()
        .expect("the app provides it")
        .0;
    leptos::task::spawn_local(async move {
        load.await;
        arrived.update(|n| *n += 1);
    });
    waiting()
}

/// Shown at the top of every page while a change could not be saved, with what to do about it.
#[component]
fn SaveProblem() -> impl IntoView {
    let store = crate::ui::state::use_store();
    dynamic(move || {
        let Some(problem) = store.problem.get() else {
            return ().into_any();
        };
        let (title, message) = match &problem {
            ProblemKind::Full => (
                "Your latest changes are not saved yet",
                "This browser's storage for the app is full. Your changes are still on screen and will be saved as soon as there is room: delete cases you no longer need, or entries set aside, then choose \"Try saving again\".",
            ),
            ProblemKind::Unavailable => (
                "Your latest change is not saved yet",
                "The browser refused to store it. Your change is still on screen. Check that this site may store data, then choose \"Try saving again\".",
            ),
            ProblemKind::Conflict { .. } => (
                "This case was changed in another tab or window",
                "Your latest change here has not been saved, so that nothing is overwritten without you choosing. Keep the version in this tab (it replaces the other), or use the other version (your unsaved change here is discarded).",
            ),
        };
        let actions = match problem {
            ProblemKind::Conflict { id } => {
                let other = id.clone();
                view! {
                    <div class="govuk-button-group">
                        <button type="button" class="govuk-button" on:click=on_click(move || store.resolve_conflict(&id, true))>"Keep the version in this tab"</button>
                        <button type="button" class="govuk-button govuk-button--secondary" on:click=on_click(move || store.resolve_conflict(&other, false))>"Use the other version"</button>
                    </div>
                }
                .into_any()
            }
            _ => view! {
                <button type="button" class="govuk-button govuk-button--secondary" on:click=on_click(move || store.retry_pending())>"Try saving again"</button>
            }
            .into_any(),
        };
        view! {
            <div class="govuk-error-summary" role="alert" aria-labelledby="save-problem-title">
                <h2 class="govuk-error-summary__title" id="save-problem-title">{title}</h2>
                <div class="govuk-error-summary__body">
                    <p class="govuk-body">{message}</p>
                    {actions}
                </div>
            </div>
        }
        .into_any()
    })
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <crate::ui::components::page::PageHeading title="Page not found".to_string()/>
        <p class="govuk-body">"If you typed the web address, check it is correct."</p>
        <p class="govuk-body"><a class="govuk-link" href="/">"Go to the list of cases"</a></p>
    }
}
