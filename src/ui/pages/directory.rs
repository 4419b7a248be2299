//! The team's agency directory: the police forces and local authorities it sends enquiries to.
//! Add, change and remove an agency (removing asks first), download the directory as a file
//! and import such a file. Everything is checked by `domain::directory`; what is stored is in
//! `storage::directory`.

use leptos::prelude::*;

use crate::content::directory as text;
use crate::domain::choice::Choice;
use crate::domain::directory::{
    self, Agency, AgencyKind, Directory, ImportError, MAX_BYTES, Merged, SendBy,
};
use crate::domain::validate::FieldError;
use crate::storage::SaveError;
use crate::ui::components::fields::{ErrorMessage, PageErrors, error_for, opts};
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{
    ErrorSummary, PageHeading, Warning, dynamic, on_click, on_submit, show_errors, status_line,
};
use crate::ui::state::{now_stamp, use_store};

/// What the page shows: the directory, the form for one agency (a new one, or the one at an
/// index), or the question before one is removed.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    List,
    Edit(Option<usize>),
    Remove(usize),
}

fn problem(field: &str, message: impl Into<String>) -> Vec<FieldError> {
    vec![FieldError {
        field: field.into(),
        message: message.into(),
    }]
}

/// Stores the directory; a refusal in words, for the field `field`.
fn store_directory(d: &Directory, field: &str) -> Result<(), Vec<FieldError>> {
    crate::storage::directory::save(d).map_err(|e| {
        let why = match e {
            SaveError::Full => text::SAVE_FULL,
            _ => text::SAVE_REFUSED,
        };
        problem(field, why)
    })?;
    // With team sync on, the team has it in the next round, which this brings forward.
    crate::storage::sync::saved();
    Ok(())
}

/// "2 agencies added, 1 updated and 3 already the same".
fn merged_words(m: Merged) -> String {
    let agencies = |n: usize| format!("{n} {}", if n == 1 { "agency" } else { "agencies" });
    format!(
        "Directory imported: {} added, {} updated and {} already the same. Agencies that are only on this device were kept.",
        agencies(m.added),
        m.updated,
        m.unchanged
    )
}

/// A text binding into the agency being edited.
fn bind(
    draft: RwSignal<Agency>,
    get: fn(&Agency) -> String,
    set: fn(&mut Agency, String),
) -> (Signal<String>, Callback<String>) {
    (
        Signal::derive(move || draft.with(get)),
        Callback::new(move |v| draft.update(|a| set(a, v))),
    )
}

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let store = use_store();
    let errors: PageErrors = RwSignal::new(Vec::new());
    let kept = RwSignal::new(crate::storage::directory::load());
    let mode = RwSignal::new(Mode::List);
    let draft = RwSignal::new(<Agency as Default>::default());
    // What was just done, for the banner on the list.
    let done: RwSignal<Option<String>> = RwSignal::new(None);
    let downloaded = RwSignal::new(false);

    let open = move |next: Mode| {
        show_errors(errors, Vec::new());
        downloaded.set(false);
        if let Mode::Edit(at) = next {
            done.set(None);
            draft.set(
                at.and_then(|i| kept.with_untracked(|d| d.agencies.get(i).cloned()))
                    .unwrap_or_default(),
            );
        }
        if let Mode::Remove(_) = next {
            done.set(None);
        }
        mode.set(next);
    };

    let save = on_submit(move || {
        let Mode::Edit(at) = mode.get_untracked() else {
            return;
        };
        let mut d = kept.get_untracked();
        let agency = draft.get_untracked();
        let result = d
            .put(at, &agency)
            .and_then(|_| store_directory(&d, directory::NAME));
        match result {
            Err(found) => {
                show_errors(errors, found);
            }
            Ok(()) => {
                kept.set(d);
                let name = agency.name.trim().to_string();
                open(Mode::List);
                done.set(Some(if at.is_some() {
                    format!("{name} changed")
                } else {
                    format!("{name} added to the directory")
                }));
            }
        }
    });

    let remove = on_click(move || {
        let Mode::Remove(at) = mode.get_untracked() else {
            return;
        };
        let mut d = kept.get_untracked();
        let Some(gone) = d.remove(at) else {
            open(Mode::List);
            return;
        };
        match store_directory(&d, "remove") {
            Err(found) => {
                show_errors(errors, found);
            }
            Ok(()) => {
                kept.set(d);
                open(Mode::List);
                done.set(Some(format!("{} removed from the directory", gone.name)));
            }
        }
    });

    let download = on_click(move || {
        done.set(None);
        downloaded.set(false);
        let now = now_stamp();
        let file = kept.with_untracked(|d| directory::export(d, &store.who(), &now));
        let name = format!(
            "agency-directory-{}.json",
            now.get(..10).unwrap_or("export")
        );
        match crate::ui::download::download(&name, &file) {
            Ok(()) => {
                show_errors(errors, Vec::new());
                downloaded.set(true);
            }
            Err(why) => {
                show_errors(errors, problem("download", why));
            }
        }
    });

    let import = move |ev: leptos::ev::Event| {
        done.set(None);
        downloaded.set(false);
        let Some(file) = crate::ui::download::chosen_file(&ev) else {
            return;
        };
        // The same file may be chosen again after it is fixed.
        if let Some(input) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
        {
            input.set_value("");
        }
        // Refused before reading: a huge file could stall the page.
        if file.size() > MAX_BYTES as f64 {
            let e = ImportError::TooLarge(file.size() as usize);
            show_errors(errors, problem("file", e.to_string()));
            return;
        }
        leptos::task::spawn_local(async move {
            let read = crate::ui::download::read_text(&file).await;
            let found = match directory::import(&read) {
                Ok(found) => found,
                Err(e) => {
                    show_errors(errors, problem("file", e.to_string()));
                    return;
                }
            };
            let mut d = kept.get_untracked();
            let merged = d.merge(&found);
            if let Err(refused) = store_directory(&d, "file") {
                show_errors(errors, refused);
                return;
            }
            kept.set(d);
            show_errors(errors, Vec::new());
            done.set(Some(merged_words(merged)));
        });
    };

    let file_error = error_for(errors, "file");
    let open_card = Callback::new(open);
    let back = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        open(Mode::List);
    };

    dynamic(move || match mode.get() {
        Mode::List => {
            let cards = move |kind: AgencyKind, none: &'static str| {
                let list: Vec<(usize, Agency)> = kept.with(|d| {
                    d.agencies
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| a.kind == Some(kind))
                        .map(|(i, a)| (i, a.clone()))
                        .collect()
                });
                if list.is_empty() {
                    return view! { <p class="govuk-body">{none}</p> }.into_any();
                }
                list.into_iter()
                    .map(|(i, a)| agency_card(i, a, open_card))
                    .collect::<Vec<_>>()
                    .into_any()
            };
            let empty = kept.with(|d| d.agencies.is_empty());
            view! {
                <a href="/data" class="govuk-back-link">"Back to data on this device"</a>
                <ErrorSummary errors=errors/>
                {done.get().map(|message| view! {
                    <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="directory-done-title">
                        <div class="govuk-notification-banner__header">
                            <h2 class="govuk-notification-banner__title" id="directory-done-title">"Success"</h2>
                        </div>
                        <div class="govuk-notification-banner__content">
                            <p class="govuk-notification-banner__heading">{message}</p>
                        </div>
                    </div>
                })}
                <PageHeading title=text::TITLE.to_string()/>
                <p class="govuk-body">{text::INTRO}</p>
                <p class="govuk-body">{if crate::storage::sync::team::is_set_up() { text::SHARED } else { text::ON_DEVICE }}</p>
                <button type="button" class="govuk-button" id="add-agency" on:click=on_click(move || open(Mode::Edit(None)))>{text::ADD}</button>
                <h2 class="govuk-heading-m" id="police">{text::POLICE}</h2>
                {cards(AgencyKind::Police, text::NO_POLICE)}
                <h2 class="govuk-heading-m" id="local-authorities">{text::LOCAL_AUTHORITIES}</h2>
                {cards(AgencyKind::LocalAuthority, text::NO_LOCAL_AUTHORITIES)}
                <h2 class="govuk-heading-m" id="share">{text::SHARE}</h2>
                {if empty {
                    view! { <p class="govuk-body">{text::SHARE_EMPTY}</p> }.into_any()
                } else {
                    view! {
                        <p class="govuk-body">{text::SHARE_WHY}</p>
                        <button type="button" class="govuk-button govuk-button--secondary" id="download" on:click=download>{text::SHARE}</button>
                        {status_line(downloaded, text::DOWNLOADED)}
                    }
                    .into_any()
                }}
                <h2 class="govuk-heading-m" id="import">{text::IMPORT}</h2>
                <p class="govuk-body">{text::IMPORT_WHY}</p>
                <p class="govuk-body">{text::IMPORT_MERGE}</p>
                <div class=move || if file_error.with(Option::is_some) { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
                    <label class="govuk-label govuk-label--s" for="file">{text::UPLOAD}</label>
                    <div class="govuk-hint" id="file-hint">{text::UPLOAD_HINT}</div>
                    <ErrorMessage id="file".to_string() error=file_error/>
                    <input class="govuk-file-upload" id="file" name="file" type="file" accept=".json,application/json" aria-describedby=move || if file_error.with(Option::is_some) { "file-hint file-error" } else { "file-hint" } on:change=import/>
                </div>
            }
            .into_any()
        }
        Mode::Edit(at) => {
            let title = if at.is_some() {
                text::CHANGE_TITLE
            } else {
                text::ADD
            };
            let kind_key = (
                Signal::derive(move || {
                    draft.with(|a| a.kind.map(|k| k.key()).unwrap_or_default().to_string())
                }),
                Callback::new(move |v: String| draft.update(|a| a.kind = AgencyKind::from_key(&v))),
            );
            let send_key = (
                Signal::derive(move || {
                    draft.with(|a| a.send_by.map(|k| k.key()).unwrap_or_default().to_string())
                }),
                Callback::new(move |v: String| draft.update(|a| a.send_by = SendBy::from_key(&v))),
            );
            let address = || bind(draft, |a| a.address.clone(), |a, v| a.address = v);
            let items = vec![
                Item::text(
                    directory::NAME,
                    text::NAME,
                    bind(draft, |a| a.name.clone(), |a, v| a.name = v),
                )
                .hint(text::NAME_HINT)
                .width("govuk-!-width-two-thirds"),
                Item::radios(directory::KIND, text::KIND, opts::<AgencyKind>(), kind_key),
                Item::radios(
                    directory::SEND_BY,
                    text::SEND_BY,
                    opts::<SendBy>(),
                    send_key,
                )
                .reveal(
                    SendBy::Email.key(),
                    vec![Item::text(
                        directory::address_field(SendBy::Email),
                        text::EMAIL,
                        address(),
                    )],
                )
                .reveal(
                    SendBy::SecureEmail.key(),
                    vec![
                        Item::text(
                            directory::address_field(SendBy::SecureEmail),
                            text::SECURE_EMAIL,
                            address(),
                        )
                        .hint(text::SECURE_EMAIL_HINT),
                    ],
                )
                .reveal(
                    SendBy::Portal.key(),
                    vec![
                        Item::area(
                            directory::address_field(SendBy::Portal),
                            text::PORTAL_NOTE,
                            address(),
                        )
                        .hint(text::PORTAL_NOTE_HINT),
                    ],
                ),
                Item::text(
                    directory::REPLY_DAYS,
                    text::REPLY_DAYS,
                    bind(draft, |a| a.reply_days.clone(), |a, v| a.reply_days = v),
                )
                .hint(text::REPLY_DAYS_HINT)
                .numeric(),
            ];
            view! {
                <a href="/directory" class="govuk-back-link" on:click=back>{text::BACK}</a>
                <ErrorSummary errors=errors/>
                <PageHeading title=title.to_string() caption=Signal::stored(text::TITLE.to_string())/>
                <form novalidate on:submit=save>
                    {render(items, errors)}
                    <button type="submit" class="govuk-button">{text::SAVE}</button>
                </form>
            }
            .into_any()
        }
        Mode::Remove(at) => {
            let name = kept
                .with_untracked(|d| d.agencies.get(at).map(|a| a.name.clone()))
                .unwrap_or_default();
            view! {
                <a href="/directory" class="govuk-back-link" on:click=back>{text::BACK}</a>
                <ErrorSummary errors=errors/>
                <PageHeading title=format!("Are you sure you want to remove {name} from the directory?") caption=Signal::stored(text::TITLE.to_string())/>
                <Warning>{text::REMOVE_WHY}</Warning>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--warning" id="remove" on:click=remove>{text::REMOVE_YES}</button>
                    <a class="govuk-link" href="/directory" on:click=back>{text::REMOVE_NO}</a>
                </div>
            }
            .into_any()
        }
    })
}

/// One agency as a GOV.UK summary card, with its change and remove actions.
fn agency_card(at: usize, agency: Agency, open: Callback<Mode>) -> AnyView {
    let how = agency.send_by.map(|s| s.label()).unwrap_or_default();
    let address_key = match agency.send_by {
        Some(SendBy::Portal) => "What to do",
        Some(SendBy::SecureEmail) => "Secure email address",
        _ => "Email address",
    };
    let reply = match agency.reply_days() {
        Some(1) => "1 working day".to_string(),
        Some(n) => format!("{n} working days"),
        None => text::NOT_RECORDED.to_string(),
    };
    let name = agency.name.clone();
    let action = move |what: &'static str, next: Mode, name: String| {
        view! {
            <li class="govuk-summary-card__action">
                <a class="govuk-link" href="/directory" on:click=move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    open.run(next);
                }>{what}<span class="govuk-visually-hidden">{format!(" {name}")}</span></a>
            </li>
        }
    };
    let row = |key: &'static str, value: String| {
        view! {
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{key}</dt>
                <dd class="govuk-summary-list__value app-pre-line">{value}</dd>
            </div>
        }
    };
    view! {
        <div class="govuk-summary-card">
            <div class="govuk-summary-card__title-wrapper">
                <h3 class="govuk-summary-card__title">{agency.name.clone()}</h3>
                <ul class="govuk-summary-card__actions">
                    {action("Change", Mode::Edit(Some(at)), name.clone())}
                    {action("Remove", Mode::Remove(at), name)}
                </ul>
            </div>
            <div class="govuk-summary-card__content">
                <dl class="govuk-summary-list">
                    {row(text::HOW, how.to_string())}
                    {row(address_key, agency.address.clone())}
                    {row(text::REPLY, reply)}
                </dl>
            </div>
        </div>
    }
    .into_any()
}
