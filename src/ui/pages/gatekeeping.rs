//! Gatekeeping: the officer submits a case with a note; a senior probation officer (SPO) works
//! through a queue and, for each case, endorses it or returns it with comments. What is required
//! and whether an endorsement still stands come from the rules.

use leptos::prelude::*;

use crate::domain::attest::standing_text;
use crate::domain::audit::{Role, User};
use crate::domain::case::{Case, GatekeepingDraft, SectionComment};
use crate::domain::gatekeeping::{GENERAL, section_title};
use crate::domain::inputs::{long_date, long_stamp};
use crate::domain::rules::{GatekeepingStatus, Section};
use crate::domain::text::isolate;
use crate::domain::validate::FieldError;
use crate::ui::components::fields::{Opt, PageErrors};
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{
    BackLink, ErrorSummary, PageHeading, dynamic, navigator, on_submit, show_errors,
};
use crate::ui::pages::case_handle;
use crate::ui::pages::check_answers::every_answer;
use crate::ui::pages::outcome::{AdviceList, Blockers};
use crate::ui::part::Part;
use crate::ui::state::{CaseHandle, use_store};

fn status(handle: CaseHandle) -> GatekeepingStatus {
    handle.assessment.with(|a| {
        a.as_ref()
            .map(|a| a.gatekeeping.clone())
            .unwrap_or_else(|| crate::domain::rules::gatekeeping_status(&Case::default()))
    })
}

/// One line saying where gatekeeping stands, for the task list and the gatekeeping pages.
pub(crate) fn status_text(g: &GatekeepingStatus) -> &'static str {
    if g.unverified.is_some() {
        "The endorsement could not be verified, so it does not count: a senior probation officer must endorse the case again."
    } else if g.endorsed {
        "Endorsed by a senior probation officer."
    } else if g.awaiting {
        "Awaiting gatekeeping: submitted to a senior probation officer."
    } else if g.revoked {
        "The endorsement was revoked because the case changed after it was endorsed. Submit it again."
    } else if g.returned {
        "Returned with comments by a senior probation officer. Act on them, then submit the case again."
    } else if g.required {
        "Gatekeeping by a senior probation officer is required before a curfew can be found suitable. Submit the case when it is ready."
    } else {
        "Gatekeeping is not required for this case. You can still ask for it."
    }
}

fn runs(action: Option<Result<bool, Vec<FieldError>>>, errors: PageErrors) -> bool {
    match action {
        Some(Ok(_)) => show_errors(errors, Vec::new()),
        Some(Err(found)) => show_errors(errors, found),
        None => false,
    }
}

/// Submissions and decisions so far, oldest first, with every comment.
pub(crate) fn past_steps(c: &Case) -> Vec<Item> {
    let g = &c.gatekeeping;
    let mut items = Vec::new();
    for (i, s) in g.submissions.iter().enumerate() {
        items.push(Item::h3(format!("Submitted {}", long_stamp(&s.at))));
        items.push(Item::para(format!(
            "By {} ({}). Note: {}",
            s.by,
            standing_text(s.signed.as_ref()),
            s.note
        )));
        if let Some(d) = g.decisions.get(i) {
            let what = if d.endorsed { "Endorsed" } else { "Returned" };
            items.push(Item::h3(format!("{what} {}", long_stamp(&d.at))));
            let mut text = format!("By {} ({}).", d.by, standing_text(d.signed.as_ref()));
            if !d.comments.is_empty() {
                text.push_str(&format!(" {}", d.comments));
            }
            items.push(Item::para(text));
            for sc in &d.section_comments {
                items.push(Item::Inset(Signal::stored(format!(
                    "{}: {}",
                    section_title(&sc.section),
                    sc.comment
                ))));
            }
        }
    }
    if !items.is_empty() {
        items.insert(0, Item::h2("Gatekeeping so far"));
    }
    items
}

/// The officer's page: why gatekeeping is needed, a note, and "Submit for gatekeeping".
#[component]
pub fn SubmitPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let errors: PageErrors = RwSignal::new(Vec::new());
    let root = Part::root(handle);
    let go = navigator();
    let submit = on_submit(move || {
        let id = handle.id.get_untracked();
        if runs(
            handle.store.act(&id, |c, by, at| {
                c.submit_for_gatekeeping(by, at).map(|_| true)
            }),
            errors,
        ) {
            go.run(handle.href(""));
        }
    });
    let g = move || status(handle);
    // The officer's own request matters only when no rule requires gatekeeping.
    let can_ask = move || {
        let g = g();
        !g.required || g.requested_by_officer
    };
    let requested = root.field(
        |c| c.gatekeeping.requested_by_officer,
        |c, v| c.gatekeeping.requested_by_officer = v,
    );
    let items = vec![
        Item::View(ViewFn::from(move || {
            let g = g();
            let reasons = g
                .reasons
                .into_iter()
                .map(|r| view! { <li>{r}</li> })
                .collect_view();
            view! {
                <p class="govuk-body govuk-!-font-weight-bold" id="gatekeeping-status">{status_text(&status(handle))}</p>
                <ul class="govuk-list govuk-list--bullet">{reasons}</ul>
            }
            .into_any()
        })),
        Item::when(
            move || !g().awaiting,
            vec![
                Item::when(
                    can_ask,
                    vec![Item::Confirm {
                        id: "requested".into(),
                        label: "I want a senior probation officer to gatekeep this case".into(),
                        value: requested.0,
                        set: requested.1,
                    }],
                ),
                Item::area(
                    "note",
                    "Note for the senior probation officer",
                    root.field(
                        |c| c.gatekeeping.draft.note.clone(),
                        |c, v| c.gatekeeping.draft.note = v,
                    ),
                )
                .hint("What should they look at? If the case was returned, say what you changed.")
                .rows(5),
            ],
        ),
        Item::View(ViewFn::from(move || {
            render(handle.with(past_steps), errors)
        })),
    ];
    view! {
        <BackLink href=Signal::derive(move || handle.href("")) text="Back to task list".to_string()/>
        <ErrorSummary errors=errors/>
        <PageHeading title="Gatekeeping".to_string() caption=Signal::derive(move || handle.with(Case::display_name))/>
        <form novalidate on:submit=submit>
            {render(items, errors)}
            {dynamic(move || (!g().awaiting).then(|| view! {
                <button type="submit" class="govuk-button">"Submit for gatekeeping"</button>
            }).into_any())}
        </form>
    }
}

/// The SPO's queue: every case waiting for gatekeeping, the soonest hearing first.
#[component]
pub fn QueuePage() -> impl IntoView {
    let store = use_store();
    let rows = dynamic(move || {
        let mut waiting: Vec<(Option<chrono::NaiveDate>, String, String, String)> =
            store.cases.with(|cases| {
                cases
                    .iter()
                    .filter(|c| store.shows(c))
                    .filter_map(|c| {
                        let doubt = c.endorsement_unverified();
                        if !c.awaiting_gatekeeping() && doubt.is_none() {
                            return None;
                        }
                        let s = c.gatekeeping.submissions.last();
                        let mut said = s
                            .map(|s| format!("Submitted by {}, {}.", s.by, long_stamp(&s.at)))
                            .unwrap_or_default();
                        if let Some(why) = doubt {
                            said.push_str(&format!(
                                " The endorsement could not be verified: {why}. It needs endorsing again."
                            ));
                        }
                        Some((c.hearing.date.date(), c.id.clone(), c.display_name(), said))
                    })
                    .collect()
            });
        // Cases without a hearing date go last.
        waiting.sort_by_key(|w| (w.0.is_none(), w.0));
        if waiting.is_empty() {
            return view! { <p class="govuk-body" id="queue-empty">"No cases are waiting for gatekeeping."</p> }.into_any();
        }
        // A list rather than a table, so it fits a phone's width.
        let rows = waiting
            .into_iter()
            .map(|(date, id, name, submitted)| {
                let hearing = date
                    .map(|d| format!("Hearing {}.", long_date(d)))
                    .unwrap_or_else(|| "Hearing date not recorded.".into());
                view! {
                    <li class="app-queue-item">
                        <a class="govuk-link govuk-!-font-weight-bold" href=format!("/cases/{id}/review")>{name}</a>
                        <p class="govuk-body-s">{format!("{hearing} {submitted}")}</p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="govuk-list" aria-label="Cases waiting for gatekeeping">{rows}</ul> }
            .into_any()
    });
    view! {
        <PageHeading title="Gatekeeping queue".to_string()/>
        <p class="govuk-body">"Cases submitted by court officers for a senior probation officer's endorsement, the soonest hearing first."</p>
        {rows}
    }
}

/// A comment from the SPO's draft, by section key.
fn draft_comment(d: &GatekeepingDraft, section: &'static str) -> String {
    d.section_comments
        .iter()
        .find(|c| c.section == section)
        .map(|c| c.comment.clone())
        .unwrap_or_default()
}

fn set_draft_comment(d: &mut GatekeepingDraft, section: &'static str, text: String) {
    match d.section_comments.iter_mut().find(|c| c.section == section) {
        Some(c) => c.comment = text,
        None => d.section_comments.push(SectionComment {
            section: section.into(),
            comment: text,
        }),
    }
}

/// The SPO's page for one case: the note, the reasons, blockers and advice, every answer, and
/// the decision.
#[component]
pub fn ReviewPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let errors: PageErrors = RwSignal::new(Vec::new());
    let draft = Part::root(handle).at(|c| &c.gatekeeping.draft, |c| &mut c.gatekeeping.draft);
    let go = navigator();
    let submit = on_submit(move || {
        let id = handle.id.get_untracked();
        // Nobody named on this device counts as not a senior probation officer.
        let user = handle.store.user.get_untracked().unwrap_or(User {
            name: String::new(),
            role: Role::CourtOfficer,
        });
        if runs(
            handle
                .store
                .act(&id, |c, _, at| c.decide_gatekeeping(&user, at)),
            errors,
        ) {
            go.run("/gatekeeping".into());
        }
    });
    let g = move || status(handle);
    let note = move || {
        handle.with(|c| {
            c.gatekeeping
                .submissions
                .last()
                .map(|s| {
                    format!(
                        "Note from {} ({}): {}",
                        isolate(&s.by),
                        long_stamp(&s.at),
                        isolate(&s.note)
                    )
                })
                .unwrap_or_default()
        })
    };
    let section_comments: Vec<Item> = Section::ALL
        .iter()
        .map(|s| {
            Item::area(
                format!("comment-{}", s.slug()),
                format!("Comments on {} (optional)", s.title().to_lowercase()),
                draft.field_with(s.slug(), draft_comment, set_draft_comment),
            )
            .rows(2)
        })
        .collect();
    let decision = Item::radios(
        "decision",
        "Your decision",
        vec![
            Opt {
                key: "yes".into(),
                label: "Endorse the case".into(),
                hint: None,
            },
            Opt {
                key: "no".into(),
                label: "Return it to the officer with comments".into(),
                hint: Some("Comments on a section are shown against that section on the officer's task list".into()),
            },
        ],
        draft.yes_no(|d| d.endorse, |d, v| d.endorse = v),
    )
    .size("m")
    .reveal("no", section_comments);
    let form = vec![
        Item::h2("Your decision"),
        Item::para("Only a senior probation officer or qualified probation officer who did not submit the case can endorse or return it. The app goes by who you said you are on this device: that is a way of working, not security."),
        decision,
        Item::area(
            "comments",
            "General comments",
            draft.field_with(GENERAL, |d, _| d.comments.clone(), |d, _, v| d.comments = v),
        )
        .hint("The officer sees these on the case's task list. When you return a case, say what must change.")
        .rows(4),
    ];
    view! {
        <BackLink href="/gatekeeping".to_string() text="Back to the queue".to_string()/>
        <ErrorSummary errors=errors/>
        <PageHeading title="Gatekeeping review".to_string() caption=Signal::derive(move || handle.with(Case::display_name))/>
        <p class="govuk-body govuk-!-font-weight-bold" id="gatekeeping-status">{move || status_text(&g())}</p>
        <div class="govuk-inset-text" id="officer-note">{note}</div>
        <h2 class="govuk-heading-m">"Why gatekeeping is needed"</h2>
        <ul class="govuk-list govuk-list--bullet">
            {move || g().reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
        </ul>
        <Blockers handle=handle/>
        <AdviceList handle=handle/>
        <h2 class="govuk-heading-l">"Every answer"</h2>
        {every_answer(handle, false)}
        <p class="govuk-body"><a class="govuk-link" href=handle.href("history")>"History of changes"</a></p>
        {dynamic(move || {
            if !g().awaiting {
                return view! { <p class="govuk-body">"This case is not waiting for gatekeeping, so there is nothing to decide."</p> }.into_any();
            }
            view! {
                <form novalidate on:submit=submit>
                    {render(form.clone(), errors)}
                    <button type="submit" class="govuk-button">"Record your decision"</button>
                </form>
            }
            .into_any()
        })}
    }
}
