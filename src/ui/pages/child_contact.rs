//! Rec 2: the four child contact questions, each with where its answer came from: asked once
//! for all four when they came from the same place, or for each answer.

use leptos::prelude::*;

use crate::content::child_contact as text;
use crate::domain::case::{Case, ChildQuestion, Source};
use crate::domain::choice::Choice;
use crate::domain::validate::{self, FieldError};
use crate::ui::components::fields::*;
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::SectionForm;
use crate::ui::components::sourced::sourced_question_with;
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
    // "yes" when the officer says all four answers came from the same place, "no" when each
    // has its own; unasked, each answer has its own (as it always could). Kept on the page only:
    // the case holds each answer's sources either way.
    let same_place = RwSignal::new(
        handle
            .case
            .with_untracked(|c| {
                c.as_ref()
                    .is_some_and(|c| one_source(c).is_some_and(|s| !s.is_empty()))
            })
            .then(|| "yes".to_string())
            .unwrap_or_default(),
    );
    let own_sources = move || same_place.get() != "yes";
    let choose_same_place = Callback::new(move |key: String| {
        if key == "yes" {
            // Different sources already ticked for different answers are not merged into one:
            // the officer ticks where they all came from.
            handle.update(|c| {
                if one_source(c).is_none() {
                    for q in ChildQuestion::ALL {
                        c.child_contact.answer_mut(q).sources.clear();
                    }
                }
            });
        }
        same_place.set(key);
    });
    let all_sources = Signal::derive(move || {
        handle.with(|c| {
            c.child_contact
                .lives_with
                .sources
                .iter()
                .map(|s| s.key().to_string())
                .collect::<Vec<_>>()
        })
    });
    let set_all_sources = Callback::new(move |keys: Vec<String>| {
        let sources: Vec<Source> = keys.iter().filter_map(|k| Source::from_key(k)).collect();
        handle.update(|c| {
            for q in ChildQuestion::ALL {
                c.child_contact.answer_mut(q).sources = sources.clone();
            }
        });
    });
    let mut items = vec![
        Item::radios(
            "same-place",
            text::SAME_PLACE,
            {
                // Yes and no, "no" saying what follows.
                let mut options = yes_no();
                options[1].label = text::SAME_PLACE_NO.into();
                options
            },
            (same_place.into(), choose_same_place),
        )
        .hint(text::SAME_PLACE_HINT)
        .reveal(
            "yes",
            vec![
                Item::checks(
                    "all-sources",
                    text::ALL_SOURCES,
                    opts::<Source>(),
                    (all_sources, set_all_sources),
                )
                .hint("Select all that apply"),
            ],
        ),
    ];
    items.extend(ChildQuestion::ALL.iter().map(|q| {
        let answer = root.keyed(
            *q,
            |c, q| Some(c.child_contact.answer(q)),
            |c, q| Some(c.child_contact.answer_mut(q)),
        );
        sourced_question_with(
            q.slug(),
            text::question(*q, &name),
            text::HINT_VISITING,
            q.topic(),
            answer,
            own_sources,
        )
    }));
    let check = handle.check(|c, _| validate::child_contact(c));
    // Asked once, a missing source is missing once, where it is asked.
    let validate = Box::new(move || {
        let mut errors = check();
        if same_place.get_untracked() == "yes" {
            let before = errors.len();
            errors.retain(|e| !e.field.ends_with("-sources"));
            if errors.len() < before {
                errors.insert(
                    0,
                    FieldError {
                        field: "all-sources".into(),
                        message: text::SELECT_ALL_SOURCES.into(),
                    },
                );
            }
        }
        errors
    });
    view! {
        <SectionForm handle=handle title=text::TITLE errors=errors validate=validate intro=text::INTRO>
            {render(items, errors)}
        </SectionForm>
    }
}

/// The sources every child contact answer shares, if they all have the same.
fn one_source(case: &Case) -> Option<Vec<Source>> {
    let first = &case.child_contact.lives_with.sources;
    ChildQuestion::ALL
        .iter()
        .all(|q| &case.child_contact.answer(*q).sources == first)
        .then(|| first.clone())
}
