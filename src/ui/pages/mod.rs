//! One page per section of a case, plus the case list.

mod case_list;
mod check_answers;
mod child_contact;
mod childrens_services;
mod consent;
mod delete_case;
mod hearing;
mod outcome;
mod places;
mod police;
mod schedule;
mod task_list;

pub use case_list::CaseListPage;
pub use check_answers::CheckAnswersPage;
pub use child_contact::ChildContactPage;
pub use childrens_services::ChildrensServicesPage;
pub use consent::{ConsentListPage, ConsentPage};
pub use delete_case::DeleteCasePage;
pub use hearing::{HearingPage, NewCasePage};
pub use outcome::OutcomePage;
pub use places::{PlacePage, PlacesPage};
pub use police::PolicePage;
pub use schedule::SchedulePage;
pub use task_list::TaskListPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::ui::state::CaseHandle;

/// A route parameter as a signal.
pub(crate) fn param(name: &'static str) -> Signal<String> {
    let params = use_params_map();
    Signal::derive(move || params.read().get(name).unwrap_or_default())
}

/// The case named by the `:id` route parameter.
pub(crate) fn case_from_route() -> CaseHandle {
    CaseHandle::new(param("id"))
}

/// Shown when a page is opened for a case that is not on this device.
#[component]
pub(crate) fn CaseMissing() -> impl IntoView {
    view! {
        <crate::ui::components::page::PageHeading title="Case not found".to_string()/>
        <p class="govuk-body">"This case is not stored on this device. It may have been deleted."</p>
        <p class="govuk-body"><a class="govuk-link" href="/">"Go to the list of cases"</a></p>
    }
}

