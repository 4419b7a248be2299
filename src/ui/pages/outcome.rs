//! The outcome: every blocker with its source and a link to the page that clears it, the advice,
//! and the finding. "Suitable" is refused while anything blocks it; "not suitable" is always
//! possible, with a reason.

use leptos::prelude::*;

use crate::content::outcome as text;
use crate::domain::case::{Case, Decision};
use crate::domain::choice::Choice;
use crate::domain::rules::{BlockerKind, OutcomeState, Section};
use crate::ui::components::fields::*;
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{
    BackLink, ErrorSummary, PageHeading, dynamic, on_submit, show_errors,
};
use crate::ui::pages::case_handle;
use crate::ui::part::Part;
use crate::ui::state::CaseHandle;

#[component]
pub fn OutcomePage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let errors: PageErrors = RwSignal::new(Vec::new());
    let root = Part::root(handle);
    let submit = on_submit(move || {
        let result = handle.store.act(&handle.id.get_untracked(), |c, by, at| {
            c.record_outcome(handle.store.today.get_untracked(), at, by)
        });
        match result.unwrap_or(Ok(Decision::NotProposed)) {
            Ok(_) => {
                show_errors(errors, Vec::new());
                crate::ui::components::page::focus_id("outcome-recorded");
            }
            Err(found) => {
                show_errors(errors, found);
            }
        }
    });
    let items = vec![
        Item::radios(
            "decision",
            text::DECISION,
            opts::<Decision>(),
            root.choice(|c| c.outcome.selected, |c, v| c.outcome.selected = v),
        )
        .size("m"),
        Item::area(
            "rationale",
            text::RATIONALE,
            root.field(
                |c| c.outcome.rationale.clone(),
                |c, v| c.outcome.rationale = v,
            ),
        )
        .hint(text::RATIONALE_HINT)
        .rows(5),
    ];
    view! {
        <BackLink href=Signal::derive(move || handle.href("")) text="Back to task list".to_string()/>
        <ErrorSummary errors=errors/>
        <PageHeading title=text::TITLE.to_string() caption=Signal::derive(move || handle.with(Case::display_name))/>
        <Recorded handle=handle/>
        <Blockers handle=handle/>
        <AdviceList handle=handle/>
        <form novalidate on:submit=submit>
            {render(items, errors)}
            <button type="submit" class="govuk-button">{text::RECORD}</button>
        </form>
    }
}

/// The outcome as recorded, or a warning that a recorded "suitable" no longer stands.
#[component]
fn Recorded(handle: CaseHandle) -> impl IntoView {
    dynamic(move || banner(handle).into_any())
}

fn banner(handle: CaseHandle) -> Option<impl IntoView> {
    {
        let state = handle
            .assessment
            .with(|a| a.as_ref().map(|a| a.outcome.clone()))?;
        // A "suitable" set aside when it stopped standing is kept as `lapsed`.
        let recorded = handle.with(|c| {
            c.outcome
                .recorded
                .clone()
                .or_else(|| c.outcome.lapsed.clone())
        })?;
        let (class, title) = match state {
            OutcomeState::SuitableNoLongerValid => (
                "govuk-notification-banner",
                text::NO_LONGER_STANDS.to_string(),
            ),
            _ => (
                "govuk-notification-banner govuk-notification-banner--success",
                format!("Outcome recorded: {}", recorded.decision.label()),
            ),
        };
        Some(view! {
            <div class=class role="region" aria-labelledby="outcome-recorded-title" id="outcome-recorded" tabindex="-1">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="outcome-recorded-title">"Outcome"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">{title}</p>
                    <p class="govuk-body">{recorded.rationale}</p>
                    <p class="govuk-body-s">{format!("Recorded {} ({})", recorded.recorded_at.replace('T', " at "), crate::domain::attest::standing_text(recorded.signed.as_ref()))}</p>
                </div>
            </div>
        })
    }
}

#[component]
pub(crate) fn Blockers(handle: CaseHandle) -> impl IntoView {
    dynamic(move || {
        handle.assessment.with(|a| {
            let a = a.as_ref()?;
            if a.blockers.is_empty() {
                let message = if a.curfew_considered { text::CLEAR } else { "No curfew is being considered, so the outcome can only be 'not suitable' or 'curfew not proposed'." };
                return Some(view! { <div class="govuk-inset-text">{message}</div> }.into_any());
            }
            // Something found that rules a curfew out is not a check still to do.
            let found = a.blockers.iter().filter(|b| b.kind == BlockerKind::Finding).count();
            let n = a.outstanding() - found;
            let checks = if n == 1 { "1 check is".to_string() } else { format!("{n} checks are") };
            let (title, summary) = match (found, n) {
                (0, _) => (text::BLOCKED_TITLE, format!("{checks} outstanding.")),
                (_, 0) => (text::RULED_OUT_TITLE, text::RULED_OUT.to_string()),
                _ => (text::RULED_OUT_TITLE, format!("{} Also, {checks} still outstanding.", text::RULED_OUT)),
            };
            let groups = Section::ALL
                .iter()
                .filter(|s| a.blockers_in(**s).next().is_some())
                .map(|s| {
                    let list = a
                        .blockers_in(*s)
                        .map(|b| {
                            view! {
                                <li class="app-blocker">
                                    {b.message.clone()}
                                    <span class="app-source">{format!("Source: {}", b.source)}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    // Link to where the first of them is cleared; the page shows the rest.
                    let first = a.blockers_in(*s).next().map(|b| b.path.clone()).unwrap_or_default();
                    view! {
                        <h3 class="govuk-heading-s">{s.title()}</h3>
                        <ul class="govuk-list govuk-list--bullet">{list}</ul>
                        <p class="govuk-body"><a class="govuk-link" href=handle.href(&first)>{format!("Go to {}", s.title().to_ascii_lowercase())}</a></p>
                    }
                })
                .collect_view();
            Some(
                view! {
                    <section aria-labelledby="blockers-title">
                        <h2 class="govuk-heading-m" id="blockers-title">{title}</h2>
                        <p class="govuk-body">{summary}" 'Not suitable' can be recorded at any time."</p>
                        {groups}
                    </section>
                }
                .into_any(),
            )
        })
        .into_any()
    })
}

#[component]
pub(crate) fn AdviceList(handle: CaseHandle) -> impl IntoView {
    dynamic(move || {
        handle
            .assessment
            .with(|a| {
                let a = a.as_ref()?;
                (!a.advice.is_empty()).then(|| {
                    let list = a
                    .advice
                    .iter()
                    .map(|x| {
                        view! {
                            <div class="govuk-inset-text">
                                {x.message.clone()}
                                <span class="app-source">{format!("Source: {}", x.source)}</span>
                            </div>
                        }
                    })
                    .collect_view();
                    view! {
                        <h2 class="govuk-heading-m">"Advice"</h2>
                        {list}
                    }
                })
            })
            .into_any()
    })
}
