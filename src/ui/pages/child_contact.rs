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

#[component]
pub fn ChildContactPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let errors: PageErrors = RwSignal::new(Vec::new());
    let (case, set) = handle.whole();
    let name = case.with_untracked(Case::display_name);
    let items = ChildQuestion::ALL
        .iter()
        .map(|q| {
            let (answer, set_answer) = keyed_lens(case, set, *q, |c: &Case, q| c.child_contact.answer(q).clone(), |c, q, v| *c.child_contact.answer_mut(q) = v);
            sourced_question(q.slug(), text::question(*q, &name), text::HINT_VISITING, q.topic(), answer, set_answer)
        })
        .collect();
    let validate = Box::new(move || case.with_untracked(validate::child_contact));
    view! {
        <SectionForm handle=handle title=text::TITLE errors=errors validate=validate intro=text::INTRO>
            {render(items, errors)}
        </SectionForm>
    }
}
