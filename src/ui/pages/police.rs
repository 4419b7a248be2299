//! Rec 1: the police domestic abuse enquiry about the person.

use leptos::prelude::*;

use crate::content::police as text;
use crate::domain::validate;
use crate::ui::components::enquiry::enquiry_items;
use crate::ui::components::fields::*;
use crate::ui::components::form::render;
use crate::ui::components::page::SectionForm;
use crate::ui::pages::case_handle;

#[component]
pub fn PolicePage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let errors: PageErrors = RwSignal::new(Vec::new());
    let (case, set) = handle.whole();
    let (enquiry, set_enquiry) = lens(case, set, |c| c.police.clone(), |c, v| c.police = v);
    let today = handle.store.today;
    let validate = Box::new(move || case.with_untracked(|c| validate::police(c, today)));
    let items = enquiry_items("police", text::AGENCY, enquiry, set_enquiry, true);
    view! {
        <SectionForm handle=handle title=text::TITLE errors=errors validate=validate intro=text::INTRO>
            {render(items, errors)}
        </SectionForm>
    }
}
