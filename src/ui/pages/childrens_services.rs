//! Rec 2: one children's services enquiry per local authority where a relevant child lives.

use leptos::prelude::*;

use crate::content::childrens_services as text;
use crate::domain::case::Case;
use crate::domain::validate;
use crate::ui::components::enquiry::enquiry_items;
use crate::ui::components::fields::*;
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::SectionForm;
use crate::ui::pages::case_handle;

#[component]
pub fn ChildrensServicesPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let errors: PageErrors = RwSignal::new(Vec::new());
    let (case, set) = handle.whole();
    let today = handle.store.today;
    let validate = Box::new(move || case.with_untracked(|c| validate::childrens_services(c, today)));
    let enquiry = move |id: u32| {
        let (item, set_item) = item_lens(case, set, |c: &Case| &c.childrens_services, |c: &mut Case| &mut c.childrens_services, id);
        let (enquiry, set_enquiry) = lens(item, set_item, |i| i.enquiry.clone(), |i, v| i.enquiry = v);
        let n = position(case, |c: &Case| &c.childrens_services, id);
        let p = format!("cs-{id}");
        let mut items = vec![
            Item::area(format!("{p}-children"), text::CHILDREN, lens(item, set_item, |i| i.children_covered.clone(), |i, v| i.children_covered = v))
                .hint(text::CHILDREN_HINT)
                .rows(2),
        ];
        items.extend(enquiry_items(&p, text::AGENCY, enquiry, set_enquiry, true));
        items.push(Item::button(None, move || format!("Remove enquiry {}", n()), move || {
            let mut c = case.get_untracked();
            c.childrens_services.retain(|e| e.id != id);
            set.run(c);
        }));
        let n = position(case, |c: &Case| &c.childrens_services, id);
        vec![Item::Group { id: format!("{p}-heading"), title: Signal::derive(move || format!("Enquiry {}", n())), items }]
    };
    let items = vec![
        Item::list(ids(case, |c: &Case| &c.childrens_services), enquiry),
        Item::button(
            Some("add-cs"),
            move || if case.with(|c| c.childrens_services.is_empty()) { text::ADD_FIRST.into() } else { text::ADD.into() },
            move || {
                let mut c = case.get_untracked();
                c.add_cs_enquiry();
                set.run(c);
            },
        ),
    ];
    view! {
        <SectionForm handle=handle title=text::TITLE errors=errors validate=validate intro=text::INTRO>
            {render(items, errors)}
        </SectionForm>
    }
}
