//! Rec 1: the police domestic abuse enquiry about the person.

use leptos::prelude::*;

use crate::content::police as text;
use crate::domain::validate;
use crate::ui::components::enquiry::EnquiryFields;
use crate::ui::components::fields::*;
use crate::ui::components::page::SectionForm;
use crate::ui::pages::{CaseMissing, case_from_route};

#[component]
pub fn PolicePage() -> impl IntoView {
    let handle = case_from_route();
    if handle.missing() {
        return view! { <CaseMissing/> }.into_any();
    }
    let errors: PageErrors = RwSignal::new(Vec::new());
    let (case, set) = handle.whole();
    let (enquiry, set_enquiry) = lens(case, set, |c| c.police.clone(), |c, v| c.police = v);
    let today = handle.store.today;
    let validate = Box::new(move || case.with_untracked(|c| validate::police(c, today)));
    view! {
        <SectionForm handle=handle title=text::TITLE errors=errors validate=validate intro=text::INTRO>
            <EnquiryFields prefix="police" agency_label=text::AGENCY value=enquiry set=set_enquiry errors=errors confirm_considered=true/>
        </SectionForm>
    }
    .into_any()
}
