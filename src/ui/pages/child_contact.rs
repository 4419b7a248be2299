//! Rec 2: the four child contact questions, each with where its answer came from.

use leptos::prelude::*;

use crate::content::child_contact as text;
use crate::domain::case::{Case, ChildQuestion};
use crate::domain::validate;
use crate::ui::components::fields::*;
use crate::ui::components::form::render;
use crate::ui::components::page::SectionForm;
use crate::ui::components::sourced::sourced_question;
use crate::ui::pages::case_handle;
use crate::ui::part::Part;

#[component]
pub fn ChildContactPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let errors: PageErrors = RwSignal::new(Vec::new());
    let root = Part::root(handle);
    let name = handle
        .case
        .with_untracked(|c| c.as_ref().map(Case::display_name).unwrap_or_default());
    let items = ChildQuestion::ALL
        .iter()
        .map(|q| {
            let answer = root.keyed(
                *q,
                |c, q| Some(c.child_contact.answer(q)),
                |c, q| Some(c.child_contact.answer_mut(q)),
            );
            sourced_question(
                q.slug(),
                text::question(*q, &name),
                text::HINT_VISITING,
                q.topic(),
                answer,
            )
        })
        .collect();
    let validate = handle.check(|c, _| validate::child_contact(c));
    view! {
        <SectionForm handle=handle title=text::TITLE errors=errors validate=validate intro=text::INTRO>
            {render(items, errors)}
        </SectionForm>
    }
}
