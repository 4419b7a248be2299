//! Routes and the page frame.

use leptos::prelude::*;

use crate::content;
use crate::domain::audit::Role;
use crate::ui::components::page::{SERVICE_NAME, dynamic, on_click};
use crate::ui::pages::CaseMissing;
use crate::ui::pages::*;
use crate::ui::router::provide_router;
use crate::ui::state::{SaveProblem as ProblemKind, Store};

#[component]
pub fn App() -> impl IntoView {
    let store = Store::load();
    provide_context(store);
    let router = provide_router();
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
                    <SaveProblem/>
                    // Untracked, so the page is rebuilt only when the path changes.
                    {dynamic(move || {
                        let path = router.path.get();
                        let _ = store.lock.get();
                        let _ = store.user.with(Option::is_some);
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
    match parts.as_slice() {
        [] => view! { <CaseListPage/> }.into_any(),
        ["cases", "new"] => view! { <NewCasePage/> }.into_any(),
        ["data"] => view! { <DataPage/> }.into_any(),
        ["data", "delete-all"] => view! { <DeleteEverythingPage/> }.into_any(),
        ["gatekeeping"] => view! { <QueuePage/> }.into_any(),
        ["export"] => view! { <ExportPage/> }.into_any(),
        ["export", c] => view! { <ExportPage chosen=id(c)/> }.into_any(),
        ["import"] => view! { <ImportPage/> }.into_any(),
        ["chase"] => view! { <ChasePage/> }.into_any(),
        // Every other case page needs the case to be on this device.
        ["cases", c, ..]
            if store
                .cases
                .with_untracked(|cases| !cases.iter().any(|x| x.id == *c)) =>
        {
            view! { <CaseMissing/> }.into_any()
        }
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
        ["cases", c, "check"] => view! { <CheckAnswersPage id=id(c)/> }.into_any(),
        ["cases", c, "delete"] => view! { <DeleteCasePage id=id(c)/> }.into_any(),
        ["cases", c, "gatekeeping"] => view! { <SubmitPage id=id(c)/> }.into_any(),
        ["cases", c, "review"] => view! { <ReviewPage id=id(c)/> }.into_any(),
        ["cases", c, "history"] => view! { <HistoryPage id=id(c)/> }.into_any(),
        ["cases", c, "report"] => view! { <ReportPage id=id(c)/> }.into_any(),
        ["cases", c, "print"] => view! { <PrintPage id=id(c)/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    }
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
