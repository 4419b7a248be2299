//! Routes and the page frame.

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use crate::content;
use crate::ui::components::page::SERVICE_NAME;
use crate::ui::pages::*;
use crate::ui::state::Store;

#[component]
pub fn App() -> impl IntoView {
    let store = Store::load();
    provide_context(store);
    view! {
        <Router>
            <a href="#main-content" class="govuk-skip-link" on:click=|ev| {
                ev.prevent_default();
                crate::ui::components::page::focus_id("main-content");
            }>"Skip to main content"</a>
            <header class="app-header">
                <section aria-label="Service information" class="govuk-service-navigation">
                    <div class="govuk-width-container">
                        <div class="govuk-service-navigation__container">
                            <span class="govuk-service-navigation__service-name">
                                <a href="/" class="govuk-service-navigation__link">{SERVICE_NAME}</a>
                            </span>
                        </div>
                    </div>
                </section>
            </header>
            <div class="govuk-width-container">
                <div class="govuk-phase-banner">
                    <p class="govuk-phase-banner__content">
                        <strong class="govuk-tag govuk-phase-banner__content__tag">"Beta"</strong>
                        <span class="govuk-phase-banner__text">{content::HONESTY}</span>
                    </p>
                </div>
                <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
                    <SaveProblem/>
                    <FlatRoutes fallback=NotFound>
                        <Route path=path!("/") view=CaseListPage/>
                        <Route path=path!("/cases/new") view=NewCasePage/>
                        <Route path=path!("/cases/:id") view=TaskListPage/>
                        <Route path=path!("/cases/:id/hearing") view=HearingPage/>
                        <Route path=path!("/cases/:id/child-contact") view=ChildContactPage/>
                        <Route path=path!("/cases/:id/police") view=PolicePage/>
                        <Route path=path!("/cases/:id/childrens-services") view=ChildrensServicesPage/>
                        <Route path=path!("/cases/:id/places") view=PlacesPage/>
                        <Route path=path!("/cases/:id/places/:place") view=PlacePage/>
                        <Route path=path!("/cases/:id/consent") view=ConsentListPage/>
                        <Route path=path!("/cases/:id/consent/:place/:who") view=ConsentPage/>
                        <Route path=path!("/cases/:id/schedule") view=SchedulePage/>
                        <Route path=path!("/cases/:id/outcome") view=OutcomePage/>
                        <Route path=path!("/cases/:id/check") view=CheckAnswersPage/>
                        <Route path=path!("/cases/:id/delete") view=DeleteCasePage/>
                    </FlatRoutes>
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
        </Router>
    }
}

/// Shown at the top of every page while the last change could not be saved.
#[component]
fn SaveProblem() -> impl IntoView {
    let store = crate::ui::state::use_store();
    move || {
        store.save_error.get().map(|message| {
            view! {
                <div class="govuk-error-summary" role="alert">
                    <h2 class="govuk-error-summary__title">"Your change was not saved"</h2>
                    <div class="govuk-error-summary__body"><p class="govuk-body">{message}</p></div>
                </div>
            }
        })
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <crate::ui::components::page::PageHeading title="Page not found".to_string()/>
        <p class="govuk-body">"If you typed the web address, check it is correct."</p>
        <p class="govuk-body"><a class="govuk-link" href="/">"Go to the list of cases"</a></p>
    }
}
