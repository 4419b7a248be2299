//! Rec 1: the police domestic abuse enquiry about the person.

use leptos::prelude::*;

use crate::content::police as text;
use crate::domain::directory::AgencyKind;
use crate::domain::validate;
use crate::ui::components::enquiry::enquiry_items;
use crate::ui::components::fields::*;
use crate::ui::components::form::render;
use crate::ui::components::page::SectionForm;
use crate::ui::pages::case_handle;
use crate::ui::part::Part;

#[component]
pub fn PolicePage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let errors: PageErrors = RwSignal::new(Vec::new());
    let root = Part::root(handle);
    let validate = handle.check(validate::police);
    let items = enquiry_items(
        "police",
        text::AGENCY,
        AgencyKind::Police,
        root.at(|c| &c.police, |c| &mut c.police),
        errors,
    );
    view! {
        <SectionForm handle=handle title=text::TITLE errors=errors validate=validate intro=text::INTRO>
            {render(items, errors)}
        </SectionForm>
    }
}
