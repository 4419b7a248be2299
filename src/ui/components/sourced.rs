//! A yes/no question with where its answer came from, flagging answers that rest on the
//! person's own account alone (rec 3).

use leptos::prelude::*;

use crate::content::child_contact as text;
use crate::domain::case::{Source, SourcedAnswer};
use crate::ui::components::fields::*;

/// A yes/no question with the sources of its answer, revealed once it is answered.
#[component]
pub fn SourcedQuestion(
    #[prop(into)] id: String,
    #[prop(into)] question: String,
    #[prop(optional, into)] hint: Option<String>,
    value: Signal<SourcedAnswer>,
    set: Callback<SourcedAnswer>,
    errors: PageErrors,
) -> impl IntoView {
    let (answer, set_answer) = yes_no_lens(value, set, |a| a.answer, |a, v| a.answer = v);
    let (sources, set_sources) = choices_lens::<_, Source>(value, set, |a| &a.sources, |a, v| a.sources = v);
    let (details, set_details) = lens(value, set, |a| a.details.clone(), |a, v| a.details = v);
    let answered = move || value.with(|a| a.answer.is_some());
    let own_only = move || value.with(|a| a.rests_on_own_account());
    let sid = format!("{id}-sources");
    let did = format!("{id}-details");
    view! {
        <div class="app-question">
            <Radios id=id.clone() legend=question hint=hint.unwrap_or_default() options=yes_no() value=answer set=set_answer errors=errors inline=true size="m"/>
            <Show when=answered>
                <div class="govuk-inset-text">
                    <Checkboxes id=sid.clone() legend=text::SOURCES hint=text::SOURCES_HINT options={opts::<Source>()} value=sources set=set_sources errors=errors/>
                    <Show when=own_only>
                        <p class="govuk-body app-flag">
                            <strong class="govuk-tag govuk-tag--red">"Unverified"</strong>
                            " This rests on the person's own account only. Check it with a resident or an agency."
                        </p>
                    </Show>
                    <TextArea id=did.clone() label=text::DETAILS value=details set=set_details errors=errors rows=2/>
                </div>
            </Show>
        </div>
    }
}
