//! One page per section of a case, plus the case list.

mod case_list;
mod chase;
mod check_answers;
mod child_contact;
mod childrens_services;
mod consent;
mod court;
mod court_day;
mod data;
mod delete_case;
mod directory;
mod enquiries;
mod gatekeeping;
mod handover;
mod hearing;
mod history;
mod lock;
mod outcome;
mod places;
mod police;
mod schedule;
mod task_list;
mod team;
mod team_problems;
mod team_versions;
pub(crate) mod training;
mod user;

pub use case_list::{CaseListPage, SetAside};
pub use chase::ChasePage;
pub use check_answers::CheckAnswersPage;
pub use child_contact::ChildContactPage;
pub use childrens_services::ChildrensServicesPage;
pub use consent::{ConsentListPage, ConsentPage};
pub use court::{PrintPage, ReportPage};
pub use court_day::CourtDayPage;
pub use data::{DataPage, DeleteEverythingPage, RoomWarning};
pub use delete_case::DeleteCasePage;
pub use directory::DirectoryPage;
pub use enquiries::EnquiriesPage;
pub use gatekeeping::{QueuePage, ReviewPage, SubmitPage};
pub use handover::{ExportPage, ImportPage};
pub use hearing::{HearingPage, NewCasePage};
pub use history::HistoryPage;
pub use lock::{Protection, UnlockPage};
pub use outcome::OutcomePage;
pub use places::{PlacePage, PlacesPage};
pub use police::PolicePage;
pub use schedule::SchedulePage;
pub use task_list::TaskListPage;
pub use team::{SignedInPage, TeamSyncPage};
pub use team_versions::TeamVersionsPage;
pub use user::UserPage;

use crate::ui::state::CaseHandle;
use leptos::prelude::*;

/// The case named in the page's address.
pub(crate) fn case_handle(id: String) -> CaseHandle {
    CaseHandle::new(Signal::stored(id))
}

/// Shown when a page is opened for a case that is not on this device, or whose stored copy could
/// not be read when it was opened (it is then set aside, and the list says so).
#[component]
pub(crate) fn CaseMissing(set_aside: bool) -> impl IntoView {
    let (title, why) = if set_aside {
        (
            "Case could not be read",
            "This case's stored copy could not be read, so it has been set aside, exactly as it was. The list of cases shows it with the reason, and you can download a copy.",
        )
    } else if crate::ui::state::use_store().training() {
        ("Case not found", crate::content::training::CASE_NOT_FOUND)
    } else {
        (
            "Case not found",
            "This case is not stored on this device. It may have been deleted.",
        )
    };
    view! {
        <crate::ui::components::page::PageHeading title=title.to_string()/>
        <p class="govuk-body">{why}</p>
        <p class="govuk-body"><a class="govuk-link" href="/">"Go to the list of cases"</a></p>
    }
}
