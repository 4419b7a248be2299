//! A yes/no question with where its answer came from, flagging answers that rest on the
//! person's own account alone (rec 3).

use leptos::prelude::*;

use crate::domain::case::{Source, SourcedAnswer};
use crate::ui::components::fields::*;
use crate::ui::components::form::Item;
use crate::ui::part::Part;

/// `topic` names the question in the follow-up legends, so each page's several "where did this
/// come from" questions have distinct names, for example "living with a child".
pub fn sourced_question(
    id: &str,
    question: String,
    hint: &str,
    topic: &str,
    a: Part<SourcedAnswer>,
) -> Item {
    sourced_question_with(id, question, hint, topic, a, || true)
}

/// As `sourced_question`, asking where this answer came from only while `own_sources` holds
/// (a page may ask once for several answers instead).
pub fn sourced_question_with(
    id: &str,
    question: String,
    hint: &str,
    topic: &str,
    a: Part<SourcedAnswer>,
    own_sources: impl Fn() -> bool + Send + Sync + 'static,
) -> Item {
    let (x, y) = (a.clone(), a.clone());
    let answered = move || x.with(|a| a.answer.is_some());
    let own_only = move || y.with(|a| a.rests_on_own_account());
    let flag = Item::View(ViewFn::from(|| {
        view! {
            <p class="govuk-body">
                <strong class="govuk-tag govuk-tag--red">"Unverified"</strong>
                " This rests on the person's own account only. Check it with a resident or an agency."
            </p>
        }
    }));
    let details = vec![
        Item::when(
            own_sources,
            vec![
                Item::checks(
                    format!("{id}-sources"),
                    format!("Where did the answer about {topic} come from?"),
                    opts::<Source>(),
                    a.choices(|a| &a.sources, |a, v| a.sources = v),
                )
                .hint("Select all that apply"),
            ],
        ),
        Item::when(own_only, vec![flag]),
        Item::area(
            format!("{id}-details"),
            format!("Details about {topic} (optional)"),
            a.field(|a| a.details.clone(), |a, v| a.details = v),
        )
        .rows(2),
    ];
    let question =
        Item::yes_no(id, question, a.yes_no(|a| a.answer, |a, v| a.answer = v)).size("m");
    let question = if hint.is_empty() {
        question
    } else {
        question.hint(hint)
    };
    Item::Block(vec![
        question,
        Item::when(answered, vec![Item::FollowUp(details)]),
    ])
}
