//! Routes and the page frame.

use leptos::prelude::*;

use crate::content;
use crate::domain::audit::Role;
use crate::ui::components::page::{NotificationBanner, SERVICE_NAME, dynamic, on_click};
use crate::ui::pages::CaseMissing;
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
                    <SaveProblem/>
                    // Untracked, so the page is rebuilt only when the path changes.
                    {dynamic(move || {
                        let path = router.path.get();
                        let _ = store.lock.get();
                        let _ = store.user.with(Option::is_some);
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
                            <p class="govuk-body-s">{content::DATA_ON_DEVICE}</p>
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
    if parts.is_empty() || store.lock.get() == crate::ui::state::Lock::Locked {
        return true;
    }
    let rules = store.rules.with(Option::is_some);
    if !rules && !store.rules_wanted.get_untracked() {
        store.rules_wanted.set(true);
    }
    // The cases are read meanwhile.
    let cases = match parts.as_slice() {
        ["you"] | ["cases", "new"] => true,
        ["cases", c, ..] => store.case_ready(c),
        _ => store.all_ready(),
    };
    rules && cases
}

/// The page for a path. Every case page's path starts `/cases/<id>/`.
fn page_for(path: &str) -> AnyView {
    let parts: Vec<String> = path
        .trim_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let id = |s: &str| s.to_string();
    let store = crate::ui::state::use_store();
    // While the cases are locked, only the passphrase page, or deleting everything, is possible.
    if store.lock.get() == crate::ui::state::Lock::Locked && parts != ["data", "delete-all"] {
        return view! { <UnlockPage/> }.into_any();
    }
    // Answers typed on the page being left go into the audit trail now.
    store.record_changes();
    // Asked once, before anything else, so every change is recorded against a name.
    if parts == ["you"] || store.user.with(Option::is_none) {
        return view! { <UserPage/> }.into_any();
    }
    if !parts.is_empty() && !data_ready(store, path) {
        return view! { <p class="govuk-body" role="status">"Loading…"</p> }.into_any();
    }
    match parts.as_slice() {
        [] => view! { <CaseListPage/> }.into_any(),
        ["cases", "new"] => section(Sections::New),
        ["data"] => later(Later::Data),
        ["data", "delete-all"] => later(Later::DeleteAll),
        ["gatekeeping"] => later(Later::Queue),
        // Fictional cases never leave training by a file, and real ones never enter it.
        ["export", ..] | ["import"] if store.training() => training_page(Training::NoFiles),
        ["export"] => later(Later::Export(None)),
        ["export", c] => later(Later::Export(Some(id(c)))),
        ["import"] => later(Later::Import),
        ["chase"] => later(Later::Chase),
        ["training"] => training_page(Training::Home),
        ["training", "load"] => training_page(Training::Load),
        ["training", "scenarios", s] => training_page(Training::Scenario(id(s))),
        ["training", "runs", r] => training_page(Training::Run(id(r))),
        ["training", "runs", r, "debrief"] => training_page(Training::Debrief(id(r))),
        // Every other case page needs the case to be on this device.
        ["cases", c, ..]
            if store
                .cases
                .with_untracked(|cases| !cases.iter().any(|x| x.id == *c)) =>
        {
            let set_aside = store.quarantined.with_untracked(|q| {
                q.iter()
                    .any(|x| x.key.strip_prefix("quarantine.") == Some(*c))
            });
            view! { <CaseMissing set_aside/> }.into_any()
        }
        ["cases", c] => section(Sections::TaskList(id(c))),
        ["cases", c, "hearing"] => section(Sections::Hearing(id(c))),
        ["cases", c, "child-contact"] => section(Sections::ChildContact(id(c))),
        ["cases", c, "police"] => section(Sections::Police(id(c))),
        ["cases", c, "childrens-services"] => section(Sections::ChildrensServices(id(c))),
        ["cases", c, "places"] => section(Sections::Places(id(c))),
        ["cases", c, "places", p] => section(Sections::Place(id(c), id(p))),
        ["cases", c, "consent"] => section(Sections::ConsentList(id(c))),
        ["cases", c, "consent", p, w] => section(Sections::Consent(id(c), id(p), id(w))),
        ["cases", c, "schedule"] => section(Sections::Schedule(id(c))),
        ["cases", c, "outcome"] => section(Sections::Outcome(id(c))),
        ["cases", c, "check"] => later(Later::Check(id(c))),
        ["cases", c, "delete"] => later(Later::Delete(id(c))),
        ["cases", c, "gatekeeping"] => later(Later::Submit(id(c))),
        ["cases", c, "review"] => later(Later::Review(id(c))),
        ["cases", c, "history"] => later(Later::History(id(c))),
        ["cases", c, "report"] => later(Later::Report(id(c))),
        ["cases", c, "print"] => later(Later::Print(id(c))),
        _ => view! { <NotFound/> }.into_any(),
    }
}

// The first download holds the app's frame, the storage, the case list (which reads the stored
// summaries) and the who-are-you and passphrase pages. The rules, and every other page, are in
// separate WebAssembly modules, fetched the first time they are needed (the service worker keeps
// them for offline use after the first visit). `scripts/bin/wasm-bindgen` splits them out at
// build time, at the `#[lazy]` functions below; code two of them share goes into a chunk of its
// own.

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
    }
}

/// The task list, the create page and the sections of a case.
pub enum Sections {
    New,
    TaskList(String),
    Hearing(String),
    ChildContact(String),
    Police(String),
    ChildrensServices(String),
    Places(String),
    Place(String, String),
    ConsentList(String),
    Consent(String, String, String),
    Schedule(String),
    Outcome(String),
}

#[leptos::lazy]
fn section_page(page: Sections) -> AnyView {
    match page {
        Sections::New => view! { <NewCasePage/> }.into_any(),
        Sections::TaskList(c) => view! { <TaskListPage id=c/> }.into_any(),
        Sections::Hearing(c) => view! { <HearingPage id=c/> }.into_any(),
        Sections::ChildContact(c) => view! { <ChildContactPage id=c/> }.into_any(),
        Sections::Police(c) => view! { <PolicePage id=c/> }.into_any(),
        Sections::ChildrensServices(c) => view! { <ChildrensServicesPage id=c/> }.into_any(),
        Sections::Places(c) => view! { <PlacesPage id=c/> }.into_any(),
        Sections::Place(c, p) => view! { <PlacePage id=c place=p/> }.into_any(),
        Sections::ConsentList(c) => view! { <ConsentListPage id=c/> }.into_any(),
        Sections::Consent(c, p, w) => view! { <ConsentPage id=c place=p who=w/> }.into_any(),
        Sections::Schedule(c) => view! { <SchedulePage id=c/> }.into_any(),
        Sections::Outcome(c) => view! { <OutcomePage id=c/> }.into_any(),
    }
}

fn section(page: Sections) -> AnyView {
    ready_or_loading(section_page(page), __preload_section_page())
}

/// Everything else: checking, deleting, gatekeeping, handover, the history, what the court sees,
/// and the data on this device.
pub enum Later {
    Data,
    DeleteAll,
    Queue,
    Export(Option<String>),
    Import,
    Chase,
    Check(String),
    Delete(String),
    Submit(String),
    Review(String),
    History(String),
    Report(String),
    Print(String),
}

#[leptos::lazy]
fn later_page(page: Later) -> AnyView {
    match page {
        Later::Data => view! { <DataPage/> }.into_any(),
        Later::DeleteAll => view! { <DeleteEverythingPage/> }.into_any(),
        Later::Queue => view! { <QueuePage/> }.into_any(),
        Later::Export(None) => view! { <ExportPage/> }.into_any(),
        Later::Export(Some(c)) => view! { <ExportPage chosen=c/> }.into_any(),
        Later::Import => view! { <ImportPage/> }.into_any(),
        Later::Chase => view! { <ChasePage/> }.into_any(),
        Later::Check(id) => view! { <CheckAnswersPage id=id/> }.into_any(),
        Later::Delete(id) => view! { <DeleteCasePage id=id/> }.into_any(),
        Later::Submit(id) => view! { <SubmitPage id=id/> }.into_any(),
        Later::Review(id) => view! { <ReviewPage id=id/> }.into_any(),
        Later::History(id) => view! { <HistoryPage id=id/> }.into_any(),
        Later::Report(id) => view! { <ReportPage id=id/> }.into_any(),
        Later::Print(id) => view! { <PrintPage id=id/> }.into_any(),
    }
}

fn later(page: Later) -> AnyView {
    ready_or_loading(later_page(page), __preload_later_page())
}

/// Training: its own module, fetched only when someone practises.
pub enum Training {
    Home,
    Load,
    Scenario(String),
    Run(String),
    Debrief(String),
    /// Export and import, asked for in training.
    NoFiles,
}

#[leptos::lazy]
fn training_module(page: Training) -> AnyView {
    use crate::ui::pages::training::*;
    match page {
        Training::Home => view! { <TrainingHomePage/> }.into_any(),
        Training::Load => view! { <LoadScenarioPage/> }.into_any(),
        Training::Scenario(s) => view! { <ScenarioPage id=s/> }.into_any(),
        Training::Run(r) => view! { <RunPage id=r/> }.into_any(),
        Training::Debrief(r) => view! { <DebriefPage id=r/> }.into_any(),
        Training::NoFiles => view! { <NotInTrainingPage/> }.into_any(),
    }
}

fn training_page(page: Training) -> AnyView {
    ready_or_loading(training_module(page), __preload_training_module())
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
    use std::task::{Context, Poll, Waker};
    let mut page = std::pin::pin!(page);
    if let Poll::Ready(view) = page.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        return view;
    }
    let arrived = expect_context::<ModuleArrived>().0;
    leptos::task::spawn_local(async move {
        load.await;
        arrived.update(|n| *n += 1);
    });
    view! { <p class="govuk-body" role="status">"Loading…"</p> }.into_any()
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
