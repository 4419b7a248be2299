//! The versions this device refused from the team's server (`storage::sync::problems`), on the
//! Team sync page until a person dismisses each: what happened, and what the administrator
//! needs to find it.

use leptos::prelude::*;

use crate::content::team as text;
use crate::storage::sync::engine;
use crate::storage::sync::plan::Refusal;
use crate::storage::sync::problems::Problem;
use crate::ui::team_sync;

fn why(refusal: Refusal) -> &'static str {
    match refusal {
        Refusal::Unreadable => text::WHY_UNREADABLE,
        Refusal::Unsealed => text::WHY_UNSEALED,
        Refusal::Rollback => text::WHY_ROLLBACK,
    }
}

/// The list, one card per refused version; `name_of` names a case on this device, `when` a
/// time.
pub fn problem_list(
    problems: Vec<Problem>,
    name_of: impl Fn(&str) -> String,
    when: fn(f64) -> String,
) -> Option<impl IntoView> {
    if problems.is_empty() {
        return None;
    }
    let count = problems.len();
    let warning = if count == 1 {
        text::REFUSED_ONE.to_string()
    } else {
        format!("{count} {}", text::REFUSED_MANY)
    };
    let cards = problems
        .into_iter()
        .map(|p| {
            let title = p.case.as_deref().map_or_else(|| text::NO_CASE.to_string(), &name_of);
            let seen = when(js_sys::Date::parse(&p.seen));
            let (doc, rev) = (p.doc.clone(), p.rev.clone());
            let dismiss = move |_| {
                engine::dismiss(&doc, &rev);
                team_sync::status().update(|s| s.problems = engine::problems());
            };
            let rows = [
                (text::WHAT_HAPPENED, why(p.why).to_string()),
                (text::DOCUMENT, p.doc),
                (text::VERSION, p.rev),
                (text::FIRST_SEEN, seen),
            ]
            .into_iter()
            .map(|(k, v)| view! { <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{k}</dt><dd class="govuk-summary-list__value">{v}</dd></div> })
            .collect_view();
            view! {
                <div class="govuk-summary-card">
                    <div class="govuk-summary-card__title-wrapper">
                        <h3 class="govuk-summary-card__title">{title.clone()}</h3>
                        <ul class="govuk-summary-card__actions">
                            <li class="govuk-summary-card__action">
                                <button type="button" class="app-link-button" on:click=dismiss>
                                    {text::DISMISS}<span class="govuk-visually-hidden">{format!(" the problem with {title}")}</span>
                                </button>
                            </li>
                        </ul>
                    </div>
                    <div class="govuk-summary-card__content">
                        <dl class="govuk-summary-list">{rows}</dl>
                    </div>
                </div>
            }
        })
        .collect_view();
    Some(view! {
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">"Warning"</span>{warning}</strong>
        </div>
        <h3 class="govuk-heading-s">{text::PROBLEMS_TITLE}</h3>
        <p class="govuk-body">{text::PROBLEMS_BODY}</p>
        {cards}
    })
}
