//! Rec 2: one children's services enquiry per local authority where a relevant child lives.

use leptos::prelude::*;

use crate::content::childrens_services as text;
use crate::domain::case::{Case, CsEnquiry};
use crate::domain::directory::AgencyKind;
use crate::domain::validate;
use crate::ui::components::enquiry::enquiry_items;
use crate::ui::components::fields::*;
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{SectionForm, focus_later};
use crate::ui::pages::case_handle;
use crate::ui::part::Part;

#[component]
pub fn ChildrensServicesPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let errors: PageErrors = RwSignal::new(Vec::new());
    let root = Part::root(handle);
    let validate = handle.check(validate::childrens_services);
    let list: fn(&Case) -> &Vec<CsEnquiry> = |c| &c.childrens_services;
    let r = root.clone();
    let enquiry = move |id: u32| {
        let item = r.item(list, |c| &mut c.childrens_services, id);
        let n = r.position(list, id);
        let p = format!("cs-{id}");
        let mut items = vec![
            Item::area(
                format!("{p}-children"),
                text::CHILDREN,
                item.field(
                    |i| i.children_covered.clone(),
                    |i, v| i.children_covered = v,
                ),
            )
            .hint(text::CHILDREN_HINT)
            .rows(2),
        ];
        items.extend(enquiry_items(
            &p,
            text::AGENCY,
            AgencyKind::LocalAuthority,
            item.at(|i| &i.enquiry, |i| &mut i.enquiry),
            errors,
        ));
        let n2 = n.clone();
        items.push(Item::button_live(
            None,
            move || format!("Remove enquiry {}", n2()),
            move || {
                handle.update(|c| c.childrens_services.retain(|e| e.id != id));
                focus_later("add-cs".into());
            },
        ));
        vec![Item::Group {
            id: format!("{p}-heading"),
            title: Signal::derive(move || format!("Enquiry {}", n())),
            items,
        }]
    };
    let r = root.clone();
    let items = vec![
        Item::list(root.ids(list), enquiry),
        Item::button_live(
            Some("add-cs"),
            move || {
                if r.with(|c| c.childrens_services.is_empty()) {
                    text::ADD_FIRST.into()
                } else {
                    text::ADD.into()
                }
            },
            move || {
                let mut id = 0;
                handle.update(|c| id = c.add_cs_enquiry());
                focus_later(format!("cs-{id}-children"));
            },
        ),
    ];
    view! {
        <SectionForm handle=handle title=text::TITLE errors=errors validate=validate intro=text::INTRO>
            {render(items, errors)}
        </SectionForm>
    }
}
