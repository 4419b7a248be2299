//! Rec 2: one children's services enquiry per local authority where a relevant child lives.

use leptos::prelude::*;

use crate::content::childrens_services as text;
use crate::domain::case::Case;
use crate::domain::validate;
use crate::ui::components::enquiry::EnquiryFields;
use crate::ui::components::fields::*;
use crate::ui::components::page::SectionForm;
use crate::ui::pages::{CaseMissing, case_from_route};

#[component]
pub fn ChildrensServicesPage() -> impl IntoView {
    let handle = case_from_route();
    if handle.missing() {
        return view! { <CaseMissing/> }.into_any();
    }
    let errors: PageErrors = RwSignal::new(Vec::new());
    let (case, set) = handle.whole();
    let today = handle.store.today;
    let validate = Box::new(move || case.with_untracked(|c| validate::childrens_services(c, today)));
    let add = move |_| {
        let mut c = case.get_untracked();
        c.add_cs_enquiry();
        set.run(c);
    };
    let each = ids(case, |c: &Case| &c.childrens_services);
    let empty = move || case.with(|c| c.childrens_services.is_empty());
    view! {
        <SectionForm handle=handle title=text::TITLE errors=errors validate=validate intro=text::INTRO>
            <For each=each.clone() key=|id| *id let(id)>
                {
                    let (item, set_item) = item_lens(case, set, |c: &Case| &c.childrens_services, |c: &mut Case| &mut c.childrens_services, id);
                    let (enquiry, set_enquiry) = lens(item, set_item, |i| i.enquiry.clone(), |i, v| i.enquiry = v);
                    let (children, set_children) = lens(item, set_item, |i| i.children_covered.clone(), |i, v| i.children_covered = v);
                    let n = position(case, |c: &Case| &c.childrens_services, id);
                    let n2 = n.clone();
                    let p = format!("cs-{id}");
                    view! {
                        <div class="app-repeat">
                            <h2 class="govuk-heading-m">{move || format!("Enquiry {}", n())}</h2>
                            <TextArea id=format!("{p}-children") label=text::CHILDREN hint=text::CHILDREN_HINT value=children set=set_children errors=errors rows=2/>
                            <EnquiryFields prefix=p.clone() agency_label=text::AGENCY value=enquiry set=set_enquiry errors=errors confirm_considered=true/>
                            <button
                                type="button"
                                class="govuk-button govuk-button--secondary"
                                on:click=move |_| {
                                    let mut c = case.get_untracked();
                                    c.childrens_services.retain(|e| e.id != id);
                                    set.run(c);
                                }
                            >
                                {move || format!("Remove enquiry {}", n2())}
                            </button>
                        </div>
                    }
                }
            </For>
            <button type="button" id="add-cs" class="govuk-button govuk-button--secondary" on:click=add>
                {move || if empty() { text::ADD_FIRST } else { text::ADD }}
            </button>
        </SectionForm>
    }
    .into_any()
}
