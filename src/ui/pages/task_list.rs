//! The case at a glance: one row per section, each with the status the rules give it.

use leptos::prelude::*;

use crate::domain::choice::Choice;
use crate::domain::inputs::long_date;
use crate::domain::rules::{Section, SectionStatus};
use crate::ui::components::page::{
    BackLink, NotificationBanner, PageHeading, dynamic, status_tag_class,
};
use crate::ui::pages::case_handle;
use crate::ui::pages::gatekeeping::status_text;

#[component]
pub fn TaskListPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let name = Signal::derive(move || handle.with(|c| c.display_name()));
    let hearing = Signal::derive(move || {
        handle.with(|c| {
            let date = c
                .hearing
                .date
                .date()
                .map(long_date)
                .unwrap_or_else(|| "date not recorded".into());
            let report = c
                .hearing
                .report_type
                .map(|r| r.label())
                .unwrap_or("Report type not recorded");
            let curfew = match c.hearing.curfew_considered {
                Some(true) => "Curfew being considered",
                Some(false) => "No curfew being considered",
                None => "Not recorded whether a curfew is being considered",
            };
            format!(
                "Hearing on {date} at {}. {report}. {curfew}.",
                c.hearing.court.trim()
            )
        })
    });
    let outstanding = Signal::derive(move || {
        handle.assessment.with(|a| {
            let n = a.as_ref().map(|a| a.outstanding()).unwrap_or(0);
            match n {
                0 => "All required checks are complete.".to_string(),
                1 => "1 check is still outstanding.".to_string(),
                n => format!("{n} checks are still outstanding."),
            }
        })
    });
    let gatekeeping = dynamic(move || {
        handle.assessment.with(|a| {
            let g = a.as_ref()?.gatekeeping.clone();
            let heading = status_text(&g);
            let link = if g.awaiting || g.endorsed { "See gatekeeping" } else { "Submit for gatekeeping" };
            if !g.required {
                return Some(view! {
                    <p class="govuk-body">{heading}" "<a class="govuk-link" href=handle.href("gatekeeping")>"Ask for gatekeeping"</a></p>
                }.into_any());
            }
            // Who decided, and whether that is proved (`attest::standing_text`).
            let decided = handle.with(|c| {
                c.gatekeeping.decisions.last().filter(|_| g.endorsed || g.returned || g.unverified.is_some()).map(|d| {
                    let by = format!("{} ({})", d.by, crate::domain::attest::standing_text(d.signed.as_ref()));
                    if g.returned && !d.comments.is_empty() {
                        format!("Comments from {by}: {}", d.comments)
                    } else {
                        format!("Decided by {by}.")
                    }
                })
            });
            Some({
                view! {
                    <NotificationBanner id="gatekeeping-title" title="Important">
                        <p class="govuk-notification-banner__heading">{heading}</p>
                        <p class="govuk-body">"Reasons:"</p>
                        <ul class="govuk-list govuk-list--bullet">
                            {g.reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                        </ul>
                        {decided.map(|c| view! { <p class="govuk-body" id="spo-comments">{c}</p> })}
                        <p class="govuk-body"><a class="govuk-notification-banner__link" href=handle.href("gatekeeping")>{link}</a></p>
                    </NotificationBanner>
                }
                .into_any()
            })
        })
        .into_any()
    });
    // Changed here and on another device of the team while apart (see team sync).
    let sync_status = crate::ui::team_sync::status();
    let team_versions = dynamic(move || {
        handle.case.track();
        // Drawn again after each round of team sync, which is when a conflict is found.
        sync_status.track();
        let id = handle.id.get();
        let in_conflict =
            crate::storage::sync::engine::record(&id).is_some_and(|r| r.conflict.is_some());
        in_conflict
            .then(|| view! {
                <NotificationBanner id="team-versions-title" title="Important">
                    <p class="govuk-notification-banner__heading">{crate::content::team::TASK_BANNER}</p>
                    <p class="govuk-body"><a class="govuk-notification-banner__link" href=handle.href("team-versions")>{crate::content::team::TASK_LINK}</a></p>
                </NotificationBanner>
            })
            .into_any()
    });
    let rows = Section::ALL
            .iter()
            .map(|section| {
                let section = *section;
                let status = Signal::derive(move || handle.assessment.with(|a| a.as_ref().map(|a| a.status(section)).unwrap_or(SectionStatus::NotStarted)));
                let status_id = format!("{}-status", section.slug());
                let linked = move || !matches!(status.get(), SectionStatus::CannotStartYet);
                let href = handle.href(section.slug());
                let sid = status_id.clone();
                // A senior probation officer's comment on this section, from a return.
                let comment = move || {
                    handle.with(|c| c.returned_comment(section.slug()).map(|t| format!("Comment from gatekeeping: {t}")))
                        .map(|t| view! { <div class="govuk-task-list__hint">{t}</div> })
                };
                view! {
                    <li class="govuk-task-list__item govuk-task-list__item--with-link">
                        <div class="govuk-task-list__name-and-hint">
                            {dynamic(move || {
                                if linked() {
                                    view! { <a class="govuk-link govuk-task-list__link" href=href.clone() aria-describedby=sid.clone()>{section.title()}</a> }.into_any()
                                } else {
                                    view! { <div>{section.title()}</div> }.into_any()
                                }
                            })}
                            {comment}
                        </div>
                        <div class="govuk-task-list__status" id=status_id.clone()>
                            <strong class=move || status_tag_class(status.get())>{Signal::derive(move || status.get().label().to_string())}</strong>
                        </div>
                    </li>
                }
            })
            .collect_view();
    view! {
            <BackLink href="/".to_string() text="Back to cases".to_string()/>
            <PageHeading title=name caption=Signal::stored("Pre-sentence checks".to_string())/>
            <p class="govuk-body">{hearing}</p>
            {team_versions}
        {gatekeeping}
            <p class="govuk-body govuk-!-font-weight-bold" id="outstanding">{outstanding}</p>
            <p class="govuk-body">
                <a class="govuk-link" href=handle.href("enquiries")>{move || handle.with(|c| enquiries_link(
                    crate::domain::drafts::unsent(c, &crate::storage::directory::load()),
                    crate::domain::drafts::awaiting_replies(c).len(),
                ))}</a>
            </p>
            <ul class="govuk-task-list">{rows}</ul>
            <ul class="govuk-list">
                <li><a class="govuk-link" href=handle.href("check")>"Check your answers: the whole case on one page"</a></li>
                <li><a class="govuk-link" href=handle.href("report")>"Paragraph for the court report"</a></li>
                <li><a class="govuk-link" href=handle.href("print")>"Printable record of the whole case"</a></li>
                <li><a class="govuk-link" href=handle.href("history")>"History of changes"</a></li>
                {(!handle.store.training()).then(|| view! {
                    <li><a class="govuk-link" href=Signal::derive(move || format!("/export/{}", handle.id.get()))>"Export this case to a file"</a></li>
                })}
            </ul>
            <p class="govuk-body">
                <a class="govuk-link app-link--warning" href=handle.href("delete")>"Delete this case"</a>
            </p>
    }
}

/// The link to "Enquiries and replies", saying what waits there.
fn enquiries_link(unsent: usize, awaiting: usize) -> String {
    let mut parts = Vec::new();
    if unsent > 0 {
        parts.push(format!("{unsent} drafted to send"));
    }
    if awaiting > 0 {
        parts.push(format!("{awaiting} awaiting a reply"));
    }
    if parts.is_empty() {
        "Enquiries and replies: nothing to send or record".into()
    } else {
        format!("Enquiries and replies: {}", parts.join(", "))
    }
}
