//! The fields of one agency enquiry, shared by the police and children's services pages and by
//! each proposed address's own checks.

use leptos::prelude::*;

use crate::domain::case::{Enquiry, EnquiryOutcome};
use crate::ui::components::fields::*;

#[component]
pub fn EnquiryFields<O>(
    /// Prefix of every field id, matching `validate::enquiry`.
    #[prop(into)]
    prefix: String,
    /// Label of the agency box, for example "Police force".
    #[prop(into)]
    agency_label: String,
    #[prop(optional, into)] agency_hint: Option<String>,
    value: Signal<Enquiry<O>>,
    set: Callback<Enquiry<O>>,
    errors: PageErrors,
    /// Ask the officer to confirm the reply was considered in the proposal.
    #[prop(optional)]
    confirm_considered: bool,
) -> impl IntoView
where
    O: EnquiryOutcome + Send + Sync,
{
    let (agency, set_agency) = lens(value, set, |e| e.agency.clone(), |e, v| e.agency = v);
    let (requested, set_requested) = lens(value, set, |e| e.requested.clone(), |e, v| e.requested = v);
    let (due, set_due) = lens(value, set, |e| e.due.clone(), |e, v| e.due = v);
    let (received, set_received) = lens(value, set, |e| e.received.clone(), |e, v| e.received = v);
    let (outcome, set_outcome) = choice_lens(value, set, |e| e.outcome, |e, v| e.outcome = v);
    let (summary, set_summary) = lens(value, set, |e| e.summary.clone(), |e, v| e.summary = v);
    let (reason, set_reason) = lens(value, set, |e| e.not_requested_reason.clone(), |e, v| e.not_requested_reason = v);
    let (considered, set_considered) = lens(value, set, |e| e.considered, |e, v| e.considered = v);

    let not_requested = O::not_requested().key();
    let is_reply = move || value.with(|e| e.outcome.is_some_and(|o| o.is_reply()));
    let asked = move || value.with(|e| e.outcome.is_some_and(|o| o.key() != not_requested && o.key() != "not_required"));
    let p = prefix.clone();
    let reason_view = ViewFn::from(move || {
        view! { <TextArea id=format!("{p}-reason") label="Why was it not requested?" value=reason set=set_reason errors=errors rows=3/> }
    });
    let p = prefix.clone();
    view! {
        <TextInput id=format!("{prefix}-agency") label=agency_label hint=agency_hint.unwrap_or_default() value=agency set=set_agency errors=errors width="govuk-!-width-two-thirds"/>
        <Radios
            id=format!("{prefix}-outcome")
            legend="Outcome"
            options={opts::<O>()}
            value=outcome
            set=set_outcome
            errors=errors
            reveal=vec![(not_requested, reason_view)]
        />
        <Show when=asked>
            <DateInput id=format!("{p}-requested") legend="Date requested" value=requested set=set_requested errors=errors/>
            <DateInput id=format!("{p}-due") legend="Date the reply is due" hint="Optional. For example, 27 3 2026" value=due set=set_due errors=errors/>
        </Show>
        <Show when=is_reply>
            <DateInput id=format!("{prefix}-received") legend="Date received" value=received set=set_received errors=errors/>
            <TextArea
                id=format!("{prefix}-summary")
                label="Summary of what came back"
                hint="At the level of detail a court report may carry"
                value=summary
                set=set_summary
                errors=errors
                rows=3
            />
            {confirm_considered.then(|| view! {
                <Confirm id=format!("{prefix}-considered") label="I have considered this information in the proposal" value=considered set=set_considered/>
            })}
        </Show>
    }
}
