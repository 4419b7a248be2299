//! The list of cases on this device: search as you type, filters with their counts (remembered
//! on the device), grouped by hearing day, soonest hearing first. It reads only the cases'
//! summaries (`domain::summary`); the rules run again only for a case that changed.

use std::sync::Arc;

use leptos::prelude::*;

use crate::content::list as text;
use crate::domain::choice::Choice;
use crate::domain::inputs::long_date;
use crate::domain::summary::{Filter, Stage, Summary, find};
use crate::storage;
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{NotificationBanner, PageHeading, Warning, dynamic, focus_later};
use crate::ui::download::download;
use crate::ui::state::use_store;

/// How many cases are drawn at first, and added by "Show more": a long list is drawn in steps,
/// so typing in the search stays quick with thousands of cases.
const STEP: usize = 50;

fn tag(stage: Stage) -> &'static str {
    match stage {
        Stage::Suitable => "govuk-tag govuk-tag--green",
        Stage::NotSuitable => "govuk-tag govuk-tag--orange",
        Stage::NotProposed => "govuk-tag govuk-tag--grey",
        Stage::NeedsReview => "govuk-tag govuk-tag--red",
        Stage::ReadyForOutcome => "govuk-tag govuk-tag--turquoise",
        Stage::ChecksOutstanding => "govuk-tag govuk-tag--blue",
    }
}

fn replies_text(n: usize, when: &str) -> String {
    if n == 1 {
        format!("1 enquiry reply {when}")
    } else {
        format!("{n} enquiry replies {when}")
    }
}

fn outstanding_text(n: u32) -> String {
    match n {
        0 => "No checks outstanding".into(),
        1 => "1 check outstanding".into(),
        n => format!("{n} checks outstanding"),
    }
}

/// "1,001": counts as GOV.UK writes them.
fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn cases(n: usize) -> String {
    if n == 1 {
        "1 case".into()
    } else {
        format!("{} cases", count(n))
    }
}

/// The remembered filters are kept per space, so practice does not change the real list.
fn filters_setting() -> &'static str {
    match storage::space() {
        storage::Space::Real => "list_filters",
        storage::Space::Training => "training_list_filters",
    }
}

fn remembered_filters() -> Vec<Filter> {
    storage::load_setting(filters_setting())
        .unwrap_or_default()
        .split(',')
        .filter_map(Filter::from_key)
        .collect()
}

fn remember(filters: &[Filter]) {
    let keys: Vec<&str> = filters.iter().map(|f| f.key()).collect();
    // A filter not remembered is a small loss: the list works the same without it.
    let _ = storage::save_setting(filters_setting(), &keys.join(","));
}

/// The parts of a group of `len` cases that starts at position `start` of the whole list: each
/// (part, from, to), the group's cases `from..to` that fall in the list's part number `part`
/// (positions `part * STEP` up to the next part).
fn parts_of(start: usize, len: usize) -> impl Iterator<Item = (usize, usize, usize)> {
    let end = start + len;
    (start / STEP..end.div_ceil(STEP)).map(move |part| {
        let from = (part * STEP).max(start) - start;
        let to = ((part + 1) * STEP).min(end) - start;
        (part, from, to)
    })
}

fn case_item(s: &Summary, today: chrono::NaiveDate) -> impl IntoView + use<> {
    let hearing = match s.hearing_date() {
        Some(d) => format!("Hearing {}", long_date(d)),
        None => "Hearing date not recorded".to_string(),
    };
    let court = if s.court.is_empty() {
        String::new()
    } else {
        format!(", {}", s.court)
    };
    let (late, soon) = (s.overdue(today), s.due_before_hearing(today));
    let stage = s.stage();
    view! {
        <li class="app-case-list__item">
            <h3 class="govuk-heading-s app-case-list__name"><a class="govuk-link" href=format!("/cases/{}", s.id)>{s.name.clone()}</a></h3>
            <p class="govuk-body-s app-case-list__hearing">{hearing}{court}</p>
            <p class="govuk-body-s app-case-list__status">
                <strong class=tag(stage)>{stage.label()}</strong>
                <br/>
                {outstanding_text(s.outstanding)}
                {(late > 0).then(|| view! { <br/><strong class="app-late">{replies_text(late, "overdue")}</strong> })}
                {(soon > 0).then(|| view! { <br/>{replies_text(soon, "due before the hearing")} })}
            </p>
        </li>
    }
}

/// `set_aside` draws the stored cases that could not be read (`SetAside`), when there are any:
/// it comes in a separate module, with the form parts it is made of, so the list's own download
/// holds none of them.
#[component]
pub fn CaseListPage(set_aside: fn() -> AnyView) -> impl IntoView {
    let store = use_store();
    // Remade only when a case, the date or the bank holidays change; typing in the search
    // filters these.
    let summaries = Memo::new(move |_| store.summaries());
    let search = RwSignal::new(String::new());
    let filters = RwSignal::new(remembered_filters());
    let shown = RwSignal::new(STEP);
    let found = Memo::new(move |_| {
        let (today, days) = (store.today.get(), store.retention_days.get());
        summaries.with(|all| {
            let all = all.as_ref()?;
            search.with(|typed| {
                filters.with(|chosen| {
                    let found = find(all, typed, chosen, today, days);
                    // Shared, not copied, by the parts of the list that draw them.
                    let groups: Vec<_> = found
                        .groups
                        .into_iter()
                        .map(|(g, list)| (g, list.into_iter().cloned().collect::<Arc<[Summary]>>()))
                        .collect();
                    Some((groups, found.counts, found.total, all.len()))
                })
            })
        })
    });
    let any_set_aside = Memo::new(move |_| store.quarantined.with(|q| !q.is_empty()));
    let set_aside = move || any_set_aside.get().then(set_aside);
    let not_moved = move || {
        let n = store.not_moved.get();
        (n > 0).then(|| {
            let what = if n == 1 {
                "1 stored case could not be moved".to_string()
            } else {
                format!("{n} stored cases could not be moved")
            };
            view! { <Warning>{format!("{what} into this browser's database. {}", text::NOT_MOVED)}</Warning> }
        })
    };
    let training = store.training();
    let reminder = dynamic(move || {
        // Training cases are fictional: no reminders to delete them.
        if training {
            return ().into_any();
        }
        let (days, today) = (store.retention_days.get(), store.today.get());
        let n = summaries.with(|all| {
            all.as_ref().map_or(0, |all| {
                all.iter()
                    .filter(|s| s.is(Filter::PastRetention, today, days))
                    .count()
            })
        });
        if n == 0 {
            return ().into_any();
        }
        let what = if n == 1 {
            "1 case had its hearing".to_string()
        } else {
            format!("{n} cases had their hearing")
        };
        view! {
            <div class="govuk-inset-text">
                {format!("{what} more than {days} days ago. ")}
                <a class="govuk-link" href="/data#retention">"Check whether you still need them"</a>
            </div>
        }
        .into_any()
    });
    let draft_started = move || store.draft.with(|d| !d.person.name.trim().is_empty());
    let toggle = move |filter: Filter, on: bool| {
        filters.update(|list| {
            // Kept in the order they are offered, so the remembered text is stable.
            let was = std::mem::take(list);
            *list = Filter::all()
                .iter()
                .copied()
                .filter(|f| if *f == filter { on } else { was.contains(f) })
                .collect();
        });
        filters.with_untracked(|list| remember(list));
        shown.set(STEP);
    };
    let clear = move |_| {
        search.set(String::new());
        filters.set(Vec::new());
        remember(&[]);
        shown.set(STEP);
        // The button goes once there is nothing to clear: keep keyboard users in the search.
        focus_later("case-search".into());
    };
    let filter_boxes = move || {
        let counts = found.with(|f| f.as_ref().map(|f| f.1.clone()).unwrap_or_default());
        counts
            .into_iter()
            .map(|(filter, n)| {
                let id = format!("filter-{}", filter.key());
                let checked = move || filters.with(|l| l.contains(&filter));
                view! {
                    <div class="govuk-checkboxes__item">
                        <input class="govuk-checkboxes__input" id=id.clone() type="checkbox" prop:checked=checked
                            on:change=move |ev| toggle(filter, event_target_checked(&ev))/>
                        <label class="govuk-label govuk-checkboxes__label" for=id>
                            {filter.label()}<span class="app-count">{format!(" ({})", count(n))}</span>
                        </label>
                    </div>
                }
            })
            .collect_view()
    };
    let narrowed = move || search.with(|s| !s.trim().is_empty()) || filters.with(|f| !f.is_empty());
    // Said by screen readers as it changes (a polite status), and shown to everyone.
    let status = move || {
        let Some((total, all)) = found.with(|f| f.as_ref().map(|f| (f.2, f.3))) else {
            return "Checking the cases…".to_string();
        };
        if all == 0 {
            String::new()
        } else if narrowed() {
            format!("Showing {} of {}", count(total), cases(all))
        } else {
            format!("{} on this device", cases(all))
        }
    };
    // Drawn again when the cases found change (a search, a filter, a case saved). "Show more"
    // does not draw it again: the list is made of parts of `STEP` cases each, in the order
    // shown, and each part draws its cases the first time `shown` reaches it, so a press costs
    // only the cases it adds, however many are already on the page.
    let results = dynamic(move || {
        let today = store.today.get();
        found.with(|found| {
            let Some((groups, _, total, all)) = found else {
                return ().into_any();
            };
            if *all == 0 {
                return view! { <p class="govuk-body">{text::EMPTY}</p> }.into_any();
            }
            if *total == 0 {
                let why = if search.with_untracked(|s| s.trim().is_empty()) { text::NONE_FOR_FILTERS } else { text::NONE_FOUND };
                return view! { <p class="govuk-body">{why}</p> }.into_any();
            }
            let mut start = 0;
            let drawn = groups
                .iter()
                .map(|(group, list)| {
                    let (first, list) = (start, Arc::clone(list));
                    start += list.len();
                    let heading = format!("{} ({})", group.title(), count(list.len()));
                    // Drawn once, when `shown` first reaches the group. (Each part is drawn by
                    // `dynamic`, whose one boxed type keeps the download small.)
                    let reached = Memo::new(move |_| first < shown.get());
                    dynamic(move || {
                        if !reached.get() {
                            return ().into_any();
                        }
                        let parts = parts_of(first, list.len())
                            .map(|(part, from, to)| {
                                let list = Arc::clone(&list);
                                let reached = Memo::new(move |_| part * STEP < shown.get());
                                dynamic(move || {
                                    if !reached.get() {
                                        return ().into_any();
                                    }
                                    list[from..to].iter().map(|s| case_item(s, today)).collect_view().into_any()
                                })
                            })
                            .collect_view();
                        view! {
                            <h2 class="govuk-heading-m app-case-group">{heading.clone()}</h2>
                            <ul class="govuk-list app-case-list">{parts}</ul>
                        }
                        .into_any()
                    })
                })
                .collect_view();
            let total = *total;
            let more = move || total.saturating_sub(shown.get());
            let any_more = Memo::new(move |_| more() > 0);
            // The same button while there are more, so keyboard focus stays on it press after
            // press.
            let button = dynamic(move || {
                if !any_more.get() {
                    return ().into_any();
                }
                view! {
                    <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button"
                        on:click=move |_| shown.update(|n| *n += STEP)>
                        {move || format!("Show {} more (of {} not shown)", STEP.min(more()), count(more()))}
                    </button>
                }
                .into_any()
            });
            view! {
                {drawn}
                {button}
            }
            .into_any()
        })
    });
    view! {
        <PageHeading title=text::TITLE.to_string()/>
        // Practice is one step away for everyone, trainers and trainees first of all.
        {(!training).then(|| view! {
            <p class="govuk-body"><a class="govuk-link" href="/training">{text::PRACTISE}</a></p>
        })}
        {set_aside}
        {not_moved}
        <crate::ui::pages::RoomWarning/>
        {reminder}
        <a href="/cases/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">
            {Signal::derive(move || if draft_started() { "Continue the new case you started".to_string() } else { text::CREATE.to_string() })}
        </a>
        <p class="govuk-body">
            {(!training).then(|| view! {
                <a class="govuk-link" href="/export">"Export cases to a file"</a>" · "
                <a class="govuk-link" href="/import">"Import cases from a file"</a>" · "
            })}
            <a class="govuk-link" href="/chase">"Enquiries to chase today"</a>" · "
            <a class="govuk-link" href="/court-day">"The day at court"</a>
        </p>
        <div class="app-finder" role="search" aria-label="Find cases">
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for="case-search">{text::SEARCH}</label>
                <div class="govuk-hint" id="case-search-hint">{text::SEARCH_HINT}</div>
                <input class="govuk-input app-finder__search" id="case-search" name="case-search" type="search"
                    autocomplete="off" spellcheck="false" aria-describedby="case-search-hint"
                    prop:value=move || search.get()
                    on:input=move |ev| { shown.set(STEP); search.set(event_target_value(&ev)); }/>
            </div>
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset" aria-describedby="filters-hint">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{text::FILTERS}</legend>
                    <div class="govuk-hint" id="filters-hint">{text::FILTERS_HINT}</div>
                    <div class="govuk-checkboxes govuk-checkboxes--small">{filter_boxes}</div>
                </fieldset>
            </div>
            {move || narrowed().then(|| view! {
                <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" on:click=clear>
                    {text::CLEAR}
                </button>
            })}
        </div>
        <p class="govuk-body govuk-!-font-weight-bold" role="status">{status}</p>
        {results}
    }
}

/// Stored cases that could not be read: kept exactly as they were, with the choice to download
/// a copy or delete them.
#[component]
pub fn SetAside() -> impl IntoView {
    let store = use_store();
    let confirming: RwSignal<Option<String>> = RwSignal::new(None);
    dynamic(move || {
        let list = store.quarantined.get();
        if list.is_empty() {
            return ().into_any();
        }
        let n = list.len();
        let heading = if n == 1 {
            "1 stored case could not be read".to_string()
        } else {
            format!("{n} stored cases could not be read")
        };
        let items: Vec<Item> = list
            .into_iter()
            .flat_map(move |q| {
                let name = q.key.rsplit('.').next().unwrap_or_default().to_string();
                let (asked, unasked, text) = (q.key.clone(), q.key.clone(), q.text.clone());
                let (ask, sure) = (q.key.clone(), q.key.clone());
                let file_name = format!("set-aside-case-{name}.json");
                vec![
                    Item::para(format!(
                        "Case {name}. Why: {}. Size: {} characters.",
                        q.reason, q.bytes
                    )),
                    Item::when(
                        move || confirming.get().as_deref() != Some(unasked.as_str()),
                        vec![
                            Item::button(
                                None,
                                format!("Download a copy of case {name}"),
                                move || {
                                    let _ = download(&file_name, &text);
                                },
                            ),
                            Item::button(None, format!("Delete case {name}"), move || {
                                confirming.set(Some(ask.clone()))
                            })
                            .warning(),
                        ],
                    ),
                    Item::when(
                        move || confirming.get().as_deref() == Some(asked.as_str()),
                        vec![
                            Item::para("Delete it from this device? This cannot be undone."),
                            Item::button(None, format!("Yes, delete case {name}"), move || {
                                store.delete_quarantined(&sure);
                                confirming.set(None);
                            })
                            .warning(),
                            Item::button(None, "Cancel", move || confirming.set(None)),
                        ],
                    ),
                ]
            })
            .collect();
        view! {
            <NotificationBanner id="set-aside-title" title="Important">
                <p class="govuk-notification-banner__heading">{heading}</p>
                <p class="govuk-body">
                    "They have been set aside on this device exactly as they were, so nothing is lost. This can happen if the browser stopped while saving, or if a newer version of this app saved them. Download a copy to keep or to give to your IT support, then delete it here."
                </p>
                {render(items, RwSignal::new(Vec::new()))}
            </NotificationBanner>
        }
        .into_any()
    })
}
