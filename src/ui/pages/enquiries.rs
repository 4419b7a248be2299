//! "Enquiries and replies": the app's draft of each enquiry the case still needs (see
//! `domain::drafts`), with copy, email file, print and "Mark as sent"; below them, the reply to
//! each enquiry sent, recorded as it comes. Nothing is sent from here.

use leptos::prelude::*;

use crate::content::enquiries as text;
use crate::domain::Case;
use crate::domain::case::{Enquiry, EnquiryOutcome};
use crate::domain::directory::AgencyKind;
use crate::domain::drafts::{self, Covers, Draft};
use crate::domain::inputs::long_date;
use crate::domain::validate;
use crate::domain::validate::FieldError;
use crate::ui::components::enquiry::{outcome_item, replied, reply_items};
use crate::ui::components::fields::TextInput;
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{
    BackLink, ErrorSummary, PageHeading, dynamic, on_click, on_submit, show_errors,
};
use crate::ui::pages::case_handle;
use crate::ui::part::Part;
use crate::ui::state::{CaseHandle, use_store};

/// What the officer sees about one draft before its text.
fn rows(draft: &Draft, case: &Case) -> Vec<(&'static str, String)> {
    let send_to = match (&draft.to, &draft.portal) {
        (Some(to), _) => to.clone(),
        (None, Some(portal)) => portal.clone(),
        (None, None) if draft.agency.is_empty() => text::NO_AGENCY.to_string(),
        (None, None) => text::NOT_IN_DIRECTORY.to_string(),
    };
    let covers = draft
        .covers
        .iter()
        .map(|c| drafts::covers_label(case, *c))
        .collect::<Vec<_>>()
        .join("\n");
    let due = match draft.due {
        Some(d) if draft.urgent => format!("{}{}", long_date(d), text::URGENT),
        Some(d) => long_date(d),
        None => text::NO_DUE.to_string(),
    };
    let status = match draft.sent {
        Some(d) => format!("{}{}", text::SENT_ON, long_date(d)),
        None => text::NOT_SENT.to_string(),
    };
    vec![
        (text::SEND_TO, send_to),
        (text::COVERS, covers),
        (text::DUE, due),
        (text::STATUS, status),
    ]
}

fn title(draft: &Draft) -> String {
    let agency = if draft.agency.is_empty() {
        match draft.kind {
            AgencyKind::Police => text::FORCE_NOT_RECORDED,
            AgencyKind::LocalAuthority => text::COUNCIL_NOT_RECORDED,
        }
    } else {
        &draft.agency
    };
    format!("{}: {agency}", drafts::kind_label(draft.kind))
}

#[component]
pub fn EnquiriesPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let store = use_store();
    let directory = crate::storage::directory::load();
    let officer = store
        .user
        .with_untracked(|u| u.as_ref().map(|u| u.name.clone()).unwrap_or_default());
    let list = Memo::new(move |_| {
        let today = store.today.get();
        store
            .holidays
            .with(|h| handle.with(|c| drafts::drafts(c, &directory, today, h, &officer)))
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // The agency typed for a draft that names none yet, by draft number.
    let typed = RwSignal::new(Vec::<(usize, String)>::new());
    let done = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<usize>);
    // Which draft a print shows (the others are left off the paper).
    let printing = RwSignal::new(None::<usize>);
    let waiting = RwSignal::new(awaiting(handle));

    let mark_sent = move |i: usize| {
        let Some(mut draft) = list.with_untracked(|l| l.get(i).cloned()) else {
            return;
        };
        done.set(None);
        if draft.agency.is_empty() {
            let name = typed.with_untracked(|t| {
                t.iter()
                    .find(|(n, _)| *n == i)
                    .map(|(_, v)| v.trim().to_string())
            });
            match name.filter(|n| !n.is_empty()) {
                Some(name) => draft.agency = name,
                None => {
                    let message = match draft.kind {
                        AgencyKind::Police => text::ENTER_FORCE,
                        AgencyKind::LocalAuthority => text::ENTER_COUNCIL,
                    };
                    show_errors(
                        errors,
                        vec![FieldError {
                            field: format!("agency-{i}"),
                            message: message.into(),
                        }],
                    );
                    return;
                }
            }
        }
        show_errors(errors, Vec::new());
        let today = store.today.get_untracked();
        let holidays = store.holidays.get_untracked();
        store.act(&handle.id.get_untracked(), |c, by, at| {
            c.mark_sent(&draft, today, &holidays, at, by)
        });
        let n = draft.covers.len();
        let what = if n == 1 {
            "1 enquiry".to_string()
        } else {
            format!("{n} enquiries")
        };
        let kind = match draft.kind {
            AgencyKind::Police => "police",
            AgencyKind::LocalAuthority => "children's services",
        };
        done.set(Some(format!(
            "Marked as sent: the {kind} enquiry to {}. The date it was sent and the date the reply is due are now recorded on {what}.",
            draft.agency
        )));
        // What it covers now awaits a reply, below.
        waiting.set(awaiting(handle));
        crate::ui::components::page::focus_later("sent-banner".into());
    };

    // Replies are asked for each enquiry awaiting one when the page opened or was marked as
    // sent here: an enquiry stays in the list while its reply is typed, until it is saved.
    let go = crate::ui::components::page::navigator();
    let save_replies = on_submit(move || {
        let today = store.today.get_untracked();
        let found = handle.case.with_untracked(|c| {
            let Some(c) = c else { return Vec::new() };
            waiting.with_untracked(|w| {
                w.iter()
                    .flat_map(|&covers| reply_errors(c, covers, today))
                    .collect::<Vec<_>>()
            })
        });
        if show_errors(errors, found) {
            go.run(handle.href(""));
        }
    });
    let replies = dynamic(move || {
        let list = waiting.get();
        if list.is_empty() {
            return view! { <p class="govuk-body">{text::NO_REPLIES}</p> }.into_any();
        }
        let items = list
            .into_iter()
            .map(|covers| reply_region(handle, covers))
            .collect();
        view! {
            <p class="govuk-body">{text::REPLIES_INTRO}</p>
            <form novalidate on:submit=save_replies>
                {render(items, errors)}
                <button type="submit" class="govuk-button">{text::SAVE_REPLIES}</button>
            </form>
        }
        .into_any()
    });

    let cards = dynamic(move || {
        let case = handle.with(Clone::clone);
        let list = list.get();
        if list.is_empty() {
            return view! { <p class="govuk-body">{text::NONE}</p> }.into_any();
        }
        list.into_iter()
            .enumerate()
            .map(|(i, draft)| {
                let card_title = title(&draft);
                let rows = rows(&draft, &case)
                    ;
                let agency_field = draft.agency.is_empty().then(|| {
                    let label = match draft.kind {
                        AgencyKind::Police => text::FORCE_LABEL,
                        AgencyKind::LocalAuthority => text::COUNCIL_LABEL,
                    };
                    let value = Signal::derive(move || typed.with(|t| t.iter().find(|(n, _)| *n == i).map(|(_, v)| v.clone()).unwrap_or_default()));
                    let set = Callback::new(move |v: String| typed.update(|t| {
                        t.retain(|(n, _)| *n != i);
                        t.push((i, v));
                    }));
                    view! { <TextInput id=format!("agency-{i}") label=label hint=text::AGENCY_HINT value=value set=set errors=errors/> }
                });
                letter_card(
                    Letter { index: i, title: card_title, draft, action: text::MARK_SENT, act: Callback::new(move |_| mark_sent(i)) },
                    view! { {summary_list(rows, "app-no-print")}{agency_field} }.into_any(),
                    printing,
                    copied,
                )
                .into_any()
            })
            .collect_view()
            .into_any()
    });
    view! {
        <div class="app-no-print">
            <BackLink href=Signal::derive(move || handle.href("")) text="Back to task list".to_string()/>
            <ErrorSummary errors=errors/>
            {move || done.get().map(|message| view! {
                <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="sent-banner-title" id="sent-banner" tabindex="-1">
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id="sent-banner-title">"Success"</h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-notification-banner__heading">{message}</p>
                    </div>
                </div>
            })}
            <PageHeading title=text::TITLE.to_string() caption=Signal::derive(move || handle.with(Case::display_name))/>
            <p class="govuk-body">{text::INTRO}</p>
            <p class="govuk-body">{text::DIRECTORY_NOTE}<a class="govuk-link" href="/directory">{text::DIRECTORY_LINK}</a>"."</p>
        </div>
        <h2 class="govuk-heading-l app-no-print">{text::TO_SEND}</h2>
        {cards}
        <div class="app-no-print">
            <h2 class="govuk-heading-l">{text::REPLIES}</h2>
            {replies}
        </div>
    }
}

/// The enquiries of the case awaiting a reply now.
fn awaiting(handle: CaseHandle) -> Vec<Covers> {
    handle
        .case
        .with_untracked(|c| c.as_ref().map(drafts::awaiting_replies).unwrap_or_default())
}

/// Where each reply's answers live in the case, and its ids on the page.
fn reply_prefix(covers: Covers) -> String {
    match covers {
        Covers::PoliceHistory => "reply-police".into(),
        Covers::Callout(id) => format!("reply-callout-{id}"),
        Covers::Children(id) => format!("reply-cs-{id}"),
        Covers::AddressCheck(id) => format!("reply-cscheck-{id}"),
        Covers::NewChildren => "reply-new".into(),
    }
}

/// The reply to one enquiry: its outcome and, once it is a reply, what came back.
fn reply_region(handle: CaseHandle, covers: Covers) -> Item {
    let prefix = reply_prefix(covers);
    let root = Part::root(handle);
    let title = handle.case.with_untracked(|c| {
        let Some(c) = c else { return String::new() };
        let (kind, agency) = match covers {
            Covers::PoliceHistory => (AgencyKind::Police, c.police.agency.clone()),
            Covers::Callout(id) => (
                AgencyKind::Police,
                c.place(id)
                    .map(|p| p.police_callout.agency.clone())
                    .unwrap_or_default(),
            ),
            Covers::Children(id) => (
                AgencyKind::LocalAuthority,
                c.childrens_services
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| e.enquiry.agency.clone())
                    .unwrap_or_default(),
            ),
            Covers::AddressCheck(id) => (
                AgencyKind::LocalAuthority,
                c.place(id)
                    .map(|p| p.cs_check.agency.clone())
                    .unwrap_or_default(),
            ),
            // Never awaiting: marking it as sent records it as `Children`.
            Covers::NewChildren => (AgencyKind::LocalAuthority, String::new()),
        };
        format!(
            "{} ({}): {}",
            drafts::kind_label(kind),
            agency.trim(),
            drafts::covers_label(c, covers)
        )
    });
    fn items<O: EnquiryOutcome + Send + Sync>(prefix: &str, e: Part<Enquiry<O>>) -> Vec<Item> {
        vec![
            outcome_item(prefix, &e),
            Item::when(replied(&e), reply_items(prefix, &e)),
        ]
    }
    let items = match covers {
        Covers::PoliceHistory => items(&prefix, root.at(|c| &c.police, |c| &mut c.police)),
        Covers::Callout(id) => items(
            &prefix,
            root.item(|c| &c.places, |c| &mut c.places, id)
                .at(|p| &p.police_callout, |p| &mut p.police_callout),
        ),
        Covers::Children(id) => items(
            &prefix,
            root.item(|c| &c.childrens_services, |c| &mut c.childrens_services, id)
                .at(|e| &e.enquiry, |e| &mut e.enquiry),
        ),
        Covers::AddressCheck(id) => items(
            &prefix,
            root.item(|c| &c.places, |c| &mut c.places, id)
                .at(|p| &p.cs_check, |p| &mut p.cs_check),
        ),
        Covers::NewChildren => Vec::new(),
    };
    Item::Region {
        id: prefix,
        title,
        items,
    }
}

/// What is wrong with a reply as typed, with the ids of its questions on this page.
fn reply_errors(case: &Case, covers: Covers, today: chrono::NaiveDate) -> Vec<FieldError> {
    let mut e = validate::Errors::default();
    let prefix = reply_prefix(covers);
    match covers {
        Covers::PoliceHistory => {
            validate::enquiry(&mut e, &prefix, &case.police, "the police force", today)
        }
        Covers::Callout(id) => {
            if let Some(p) = case.place(id) {
                validate::enquiry(
                    &mut e,
                    &prefix,
                    &p.police_callout,
                    "the police force",
                    today,
                )
            }
        }
        Covers::Children(id) => {
            if let Some(cs) = case.childrens_services.iter().find(|e| e.id == id) {
                validate::enquiry(&mut e, &prefix, &cs.enquiry, "the local authority", today)
            }
        }
        Covers::AddressCheck(id) => {
            if let Some(p) = case.place(id) {
                validate::enquiry(&mut e, &prefix, &p.cs_check, "the local authority", today)
            }
        }
        Covers::NewChildren => {}
    }
    // Only what this page asks: the agency and the dates sent and due are the enquiry's own
    // page's to put right (the rules keep "suitable" blocked while they are wrong).
    let asked = ["outcome", "reason", "received", "summary", "considered"];
    e.0.retain(|err| {
        err.field
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|rest| asked.iter().any(|a| rest.starts_with(a)))
    });
    e.0
}

/// A drafted letter on a page: its title, what the page shows above it, its subject and text,
/// and the buttons to send it the officer's way.
pub(crate) struct Letter {
    pub index: usize,
    pub title: String,
    pub draft: Draft,
    /// The primary button's words ("Mark as sent") and what it does.
    pub action: &'static str,
    pub act: Callback<()>,
}

/// One letter as a summary card: copy, download as an email, print (only this card goes on the
/// paper) and the page's own action. `printing` and `copied` hold which card, by index.
pub(crate) fn letter_card(
    letter: Letter,
    above: AnyView,
    printing: RwSignal<Option<usize>>,
    copied: RwSignal<Option<usize>>,
) -> AnyView {
    let Letter {
        index: i,
        title,
        draft,
        action,
        act,
    } = letter;
    let for_whom = format!(" {}", title.to_lowercase());
    let (subject, body) = (draft.subject.clone(), draft.body.clone());
    let copy = {
        let body = body.clone();
        on_click(move || {
            copied.set(None);
            let text = body.clone();
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            leptos::task::spawn_local(async move {
                let ok = match clipboard {
                    Some(c) => wasm_bindgen_futures::JsFuture::from(c.write_text(&text))
                        .await
                        .is_ok(),
                    None => false,
                };
                copied.set(ok.then_some(i));
            });
        })
    };
    let file = (drafts::eml_file_name(&draft), drafts::eml(&draft));
    let download = on_click(move || {
        let _ = crate::ui::download::download_as(&file.0, &file.1, "message/rfc822");
    });
    let print = on_click(move || {
        printing.set(Some(i));
        // Once the page shows only this letter for print.
        set_timeout(
            || {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            },
            std::time::Duration::from_millis(50),
        );
    });
    let act = on_click(move || act.run(()));
    let card_class = move || {
        if printing.get().is_some_and(|p| p != i) {
            "govuk-summary-card app-no-print"
        } else {
            "govuk-summary-card"
        }
    };
    view! {
        <div class=card_class>
            <div class="govuk-summary-card__title-wrapper">
                <h2 class="govuk-summary-card__title">{title}</h2>
            </div>
            <div class="govuk-summary-card__content">
                {above}
                <h3 class="govuk-heading-s govuk-!-margin-top-6">{text::SUBJECT}</h3>
                <p class="govuk-body">{subject}</p>
                <h3 class="govuk-heading-s">{text::MESSAGE}</h3>
                <div class="govuk-inset-text app-letter" id=format!("letter-{i}")>{body}</div>
                <div class="govuk-button-group app-no-print">
                    <button type="button" class="govuk-button" on:click=act>{action}<span class="govuk-visually-hidden">{for_whom.clone()}</span></button>
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=copy>{text::COPY}<span class="govuk-visually-hidden">{for_whom.clone()}</span></button>
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=download>{text::DOWNLOAD}<span class="govuk-visually-hidden">{for_whom.clone()}</span></button>
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=print>{text::PRINT}<span class="govuk-visually-hidden">{for_whom}</span></button>
                </div>
                {move || (copied.get() == Some(i)).then(|| view! { <p class="govuk-body" role="status">{text::COPIED}</p> })}
            </div>
        </div>
    }
    .into_any()
}

/// Rows of a GOV.UK summary list, each value keeping its line breaks; `class` adds to the list's.
pub(crate) fn summary_list(
    rows: Vec<(&'static str, String)>,
    class: &'static str,
) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|(k, v)| {
            view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{k}</dt>
                    <dd class="govuk-summary-list__value app-pre-line">{v}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class=format!("govuk-summary-list {class}")>{rows}</dl> }
}
