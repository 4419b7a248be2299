//! Rec 2: the four child contact questions, each with where its answer came from.

use leptos::prelude::*;

use crate::content::child_contact as text;
use crate::domain::case::{Case, ChildQuestion};
use crate::domain::validate;
use crate::ui::components::fields::*;
use crate::ui::components::page::SectionForm;
use crate::ui::components::sourced::SourcedQuestion;
use crate::ui::pages::{CaseMissing, case_from_route};

#[component]
pub fn ChildContactPage() -> impl IntoView {
    let handle = case_from_route();
    if handle.missing() {
        return view! { <CaseMissing/> }.into_any();
    }
    let errors: PageErrors = RwSignal::new(Vec::new());
    let (case, set) = handle.whole();
    let name = handle.case.with_untracked(|c| c.as_ref().map(Case::display_name).unwrap_or_default());
    let questions = ChildQuestion::ALL
        .iter()
        .map(|q| {
            let q = *q;
            let (answer, set_answer) = keyed_lens(case, set, q, |c: &Case, q| c.child_contact.answer(q).clone(), |c, q, v| *c.child_contact.answer_mut(q) = v);
            view! { <SourcedQuestion id=q.slug() question=text::question(q, &name) hint=text::HINT_VISITING value=answer set=set_answer errors=errors/> }
        })
        .collect_view();
    let validate = Box::new(move || case.with_untracked(validate::child_contact));
    view! {
        <SectionForm handle=handle title=text::TITLE errors=errors validate=validate intro=text::INTRO>
            {questions}
        </SectionForm>
    }
    .into_any()
}
