//! The questions of one agency enquiry, shared by the police and children's services pages and
//! by each proposed address's own checks.

use crate::domain::case::{Enquiry, EnquiryOutcome};
use crate::domain::deadlines::default_due;
use crate::domain::directory::AgencyKind;
use crate::domain::inputs::long_date;
use crate::ui::components::fields::*;
use crate::ui::components::form::Item;
use crate::ui::part::Part;
use leptos::prelude::*;

/// Field ids start with `prefix`, matching `validate::enquiry`. Every reply asks the officer to
/// confirm it was taken into account in the proposal. The agency is typed, or picked from the
/// team's directory's agencies of `kind` when it has any (what is stored is the name either way).
pub fn enquiry_items<O>(
    prefix: &str,
    agency_label: &str,
    kind: AgencyKind,
    e: Part<Enquiry<O>>,
    errors: PageErrors,
) -> Vec<Item>
where
    O: EnquiryOutcome + Send + Sync,
{
    let not_requested = O::not_requested().key();
    // A blank due date means the default, worked out from the hearing and the report type.
    let store = e.handle.store;
    let default = e.handle.case.with_untracked(|c| {
        store
            .holidays
            .with_untracked(|h| c.as_ref().and_then(|c| default_due(c, h)))
    });
    let due_hint = match default {
        Some(d) => format!(
            "If you leave this blank, the reply is due by {}: in time for the report. For example, 27 3 2026",
            long_date(d)
        ),
        None => "Optional. If you leave it blank, it is worked out once the hearing date and report type are recorded. For example, 27 3 2026".into(),
    };
    let x = e.clone();
    let asked = move || {
        x.with(|e| {
            e.outcome
                .is_some_and(|o| o.key() != not_requested && o.key() != "not_required")
        })
    };
    let reply = reply_items(prefix, &e);
    let agency_id = format!("{prefix}-agency");
    let agency_binding = e.field(|e| e.agency.clone(), |e, v| e.agency = v);
    let choices = crate::storage::directory::load().names(kind);
    let agency = if choices.is_empty() {
        Item::text(agency_id, agency_label, agency_binding).width("govuk-!-width-two-thirds")
    } else {
        let label = agency_label.to_string();
        let (value, set) = agency_binding;
        Item::View(ViewFn::from(move || {
            view! {
                <PickInput id=agency_id.clone() label=label.clone() hint=crate::content::directory::PICK_HINT choices=choices.clone() value=value set=set errors=errors width="govuk-!-width-two-thirds"/>
            }
            .into_any()
        }))
    };
    vec![
        agency,
        outcome_item(prefix, &e),
        Item::when(
            asked,
            vec![
                Item::date(
                    format!("{prefix}-requested"),
                    "Date requested",
                    e.field(|e| e.requested.clone(), |e, v| e.requested = v),
                ),
                Item::date(
                    format!("{prefix}-due"),
                    "Date the reply is due",
                    e.field(|e| e.due.clone(), |e, v| e.due = v),
                )
                .hint(due_hint),
            ],
        ),
        Item::when(replied(&e), reply),
    ]
}

/// The enquiry's outcome, asking why when it was not requested. Choosing a reply offers today
/// as the date received (see `Enquiry::choose_outcome`).
pub fn outcome_item<O>(prefix: &str, e: &Part<Enquiry<O>>) -> Item
where
    O: EnquiryOutcome + Send + Sync,
{
    let today = e.handle.store.today.get_untracked();
    let reason = Item::area(
        format!("{prefix}-reason"),
        "Why was it not requested?",
        e.field(
            |e| e.not_requested_reason.clone(),
            |e, v| e.not_requested_reason = v,
        ),
    );
    Item::radios(
        format!("{prefix}-outcome"),
        "Outcome",
        opts::<O>(),
        e.field_with(
            today,
            |e, _| e.outcome.map(|o| o.key().to_string()).unwrap_or_default(),
            |e, today, key: String| e.choose_outcome(O::from_key(&key), today),
        ),
    )
    .reveal(O::not_requested().key(), vec![reason])
}

/// Whether the enquiry's outcome is a reply, so that the reply's questions show.
pub fn replied<O>(e: &Part<Enquiry<O>>) -> impl Fn() -> bool + Send + Sync + 'static
where
    O: EnquiryOutcome + Send + Sync,
{
    let e = e.clone();
    move || e.with(|e| e.outcome.is_some_and(|o| o.is_reply()))
}

/// What came back: the date (offered as today), a summary and the officer's confirmation.
pub fn reply_items<O>(prefix: &str, e: &Part<Enquiry<O>>) -> Vec<Item>
where
    O: EnquiryOutcome + Send + Sync,
{
    let (considered, set_considered) = e.field(|e| e.considered, |e, v| e.considered = v);
    vec![
        Item::date(
            format!("{prefix}-received"),
            "Date received",
            e.field(|e| e.received.clone(), |e, v| e.received = v),
        )
        .hint("Filled in as today when you record the reply: change it if the reply came on another day. For example, 27 3 2026"),
        Item::area(
            format!("{prefix}-summary"),
            "Summary of what came back",
            e.field(|e| e.summary.clone(), |e, v| e.summary = v),
        )
        .hint("At the level of detail a court report may carry"),
        Item::Confirm {
            id: format!("{prefix}-considered"),
            label: "I have considered this information in the proposal".into(),
            value: considered,
            set: set_considered,
        },
    ]
}
