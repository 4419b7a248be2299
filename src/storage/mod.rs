//! The one seam between the app and the browser's storage. Components never touch browser
//! storage directly.
//!
//! - Cases live in IndexedDB (`db`, one database a space), each with its summary for the case
//!   list, written in one transaction. Cases an earlier release kept in local storage are moved
//!   there on first start, each compared byte for byte before its old key is removed.
//! - The case being created (`psc.draft`), settings, the lock record and training runs are small
//!   and stay in local storage.
//! - A stored case that cannot be read is moved aside to `quarantine.<id>`, byte for byte, and
//!   shown to the officer; it is never dropped.
//! - Every write of a case checks the stored revision in the same transaction, so a tab never
//!   silently overwrites a newer version written by another tab.
//! - Every local storage key the app writes starts `psc.`, so "delete all data" can find them.
//! - Training (fictional cases) lives in its own space: its own database, and the same local
//!   storage keys under `psc.training.`, chosen per tab (`Space`). A tab in one space never reads
//!   or writes the other's cases, so training cases cannot reach the real case list, queue,
//!   exports or reminders.

pub mod cases;
pub mod codec;
pub mod db;
pub mod directory;
pub mod identity;
pub mod lock;
pub mod script;
pub mod summaries;
pub mod sync;

use gloo_storage::{LocalStorage as BrowserStorage, Storage as _};

use chrono::NaiveDate;

use crate::domain::inputs::iso_date;
use crate::domain::summary::Summary;

pub const PREFIX: &str = "psc.";
pub const SETTINGS_KEY: &str = "psc.settings";
/// Where training keeps its own keys: `psc.training.case.<id>` and so on.
pub const TRAINING_PREFIX: &str = "psc.training.";
/// In this tab's session storage: which space the tab works in.
const SPACE_KEY: &str = "psc.space";
const TODAY_KEY: &str = "psc.training.today";

/// Real cases, or fictional ones for training.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Space {
    Real,
    Training,
}

thread_local! {
    static SPACE: std::cell::Cell<Option<Space>> = const { std::cell::Cell::new(None) };
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The space this tab works in (kept for the tab's life in its session storage, so a reload
/// stays in it and other tabs are not affected).
pub fn space() -> Space {
    SPACE.with(|cell| {
        *cell.get().get_or_insert_with(|| {
            let training = session()
                .and_then(|s| s.get_item(SPACE_KEY).ok().flatten())
                .is_some_and(|v| v == "training");
            if training {
                Space::Training
            } else {
                Space::Real
            }
        })
    })
}

/// Moves this tab into a space. The caller reloads the app, which then reads that space.
pub fn enter(space: Space) {
    if let Some(s) = session() {
        let _ = match space {
            Space::Training => s.set_item(SPACE_KEY, "training"),
            Space::Real => s.remove_item(SPACE_KEY),
        };
    }
    SPACE.with(|cell| cell.set(Some(space)));
}

/// A moment as this app stamps what it records: local time, to the second
/// ("2026-12-06T09:30:00").
pub fn local_stamp(at: &js_sys::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        at.get_full_year(),
        at.get_month() + 1,
        at.get_date(),
        at.get_hours(),
        at.get_minutes(),
        at.get_seconds()
    )
}

/// In training, the date on the clock of the scenario this tab is playing (kept with the space,
/// so a reload stays on the same scenario day).
pub fn training_today() -> Option<chrono::NaiveDate> {
    if space() != Space::Training {
        return None;
    }
    let text = session()?.get_item(TODAY_KEY).ok()??;
    crate::domain::inputs::parse_iso_date(&text)
}

pub fn set_training_today(date: chrono::NaiveDate) {
    if let Some(s) = session() {
        let _ = s.set_item(TODAY_KEY, &crate::domain::inputs::iso_date(date));
    }
}

/// Where this tab's space keeps its local storage keys: `psc.` or `psc.training.`.
fn spaced_prefix() -> &'static str {
    match space() {
        Space::Real => PREFIX,
        Space::Training => TRAINING_PREFIX,
    }
}

fn spaced(name: &str) -> String {
    format!("{}{name}", spaced_prefix())
}

/// Where earlier releases set aside unreadable cases in local storage.
fn quarantine_prefix() -> String {
    spaced("quarantine.")
}
pub fn draft_key() -> String {
    spaced("draft")
}

/// A stored entry that could not be read, moved aside and kept exactly as it was.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarantined {
    /// Where it is kept now.
    pub key: String,
    pub reason: String,
    pub bytes: usize,
    /// Its text, exactly as it was stored, to download.
    pub text: String,
}

/// What the case list needs at start, read without reading any case.
#[derive(Default)]
pub struct Index {
    /// Each stored case's id and revision.
    pub cases: Vec<(String, u64)>,
    /// The stored summaries, by case id, to check against their cases (never trusted blindly).
    pub summaries: Vec<(String, String)>,
    pub quarantined: Vec<Quarantined>,
    /// Cases an earlier release stored that could not be moved: still read from there.
    pub not_moved: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The browser refused the write: its storage for this site is full.
    Full,
    /// Storage is unavailable or refused the write for another reason.
    Unavailable,
    /// Another tab or window saved a newer version of this case.
    Conflict { stored_revision: u64 },
}

fn raw() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn keys(store: &web_sys::Storage) -> Vec<String> {
    let count = store.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| store.key(i).ok().flatten())
        .collect()
}

/// Reads the index of the stored cases, their summaries and the set-aside entries, first moving
/// any cases an earlier release kept in local storage.
pub async fn load_index() -> Index {
    let stored = db::load().await.unwrap_or_default();
    let mut cases = stored.index;
    // A newer copy left in local storage (a failed move) is the one read.
    for (id, revision, _) in left_in_local_storage(stored.not_moved) {
        match cases.iter_mut().find(|(x, _)| *x == id) {
            Some(there) => there.1 = there.1.max(revision),
            None => cases.push((id, revision)),
        }
    }
    let mut quarantined = described(stored.quarantine);
    // Set-aside entries a failed move left in local storage.
    quarantined.extend(described(load_all_under(&quarantine_prefix())));
    Index {
        cases,
        summaries: stored.summaries,
        quarantined,
        not_moved: stored.not_moved,
    }
}

/// Cases a failed move left in local storage: id, revision, text.
fn left_in_local_storage(not_moved: usize) -> Vec<(String, u64, String)> {
    if not_moved == 0 {
        return Vec::new();
    }
    let prefix = format!("{}case.", spaced_prefix());
    load_all_under(&prefix)
        .into_iter()
        .map(|(key, text)| {
            let id = key[prefix.len()..].to_string();
            (id, codec::stored_revision(&text).unwrap_or(0), text)
        })
        .collect()
}

/// Long work (reading or summarising thousands of cases) done in slices of about 10 ms, letting
/// the browser handle keys, clicks and paint between them: `step` between two pieces of work.
pub struct Slices {
    since: f64,
}

impl Slices {
    const MS: f64 = 10.0;

    pub fn new() -> Slices {
        Slices {
            since: js_sys::Date::now(),
        }
    }

    pub async fn step(&mut self) {
        if js_sys::Date::now() - self.since >= Self::MS {
            pause().await;
            self.since = js_sys::Date::now();
        }
    }
}

impl Default for Slices {
    fn default() -> Slices {
        Slices::new()
    }
}

/// Lets the browser handle input and paint before going on.
async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Moves a stored case aside, keeping it byte for byte.
pub async fn quarantine(id: &str, text: &str) {
    db::set_aside(id, text).await;
}

/// Every set-aside entry, with why it could not be read.
pub async fn quarantined() -> Vec<Quarantined> {
    let mut list = described(db::quarantined().await);
    list.extend(described(load_all_under(&quarantine_prefix())));
    list
}

fn described(entries: Vec<(String, String)>) -> Vec<Quarantined> {
    entries
        .into_iter()
        .map(|(key, text)| {
            let reason = codec::why_set_aside(&text);
            Quarantined {
                key,
                reason,
                bytes: text.len(),
                text,
            }
        })
        .collect()
}

pub async fn delete_quarantined(key: &str) {
    if key.starts_with(PREFIX) {
        BrowserStorage::delete(key);
    } else {
        db::remove_set_aside(key).await;
    }
}

/// The stored text of a case, plain or sealed.
pub async fn case_text(id: &str) -> Option<String> {
    db::case_text(id).await
}

/// The stored text under a local storage key (the draft, the lock record).
pub fn load_text(key: &str) -> Option<String> {
    raw()?.get_item(key).ok()?
}

pub fn save_raw(key: &str, text: &str) -> Result<(), SaveError> {
    write(key, text)
}

pub fn delete_key(key: &str) {
    BrowserStorage::delete(key);
}

fn write(key: &str, text: &str) -> Result<(), SaveError> {
    let store = raw().ok_or(SaveError::Unavailable)?;
    store.set_item(key, text).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" {
            SaveError::Full
        } else {
            SaveError::Unavailable
        }
    })
}

/// Saves a case's stored text (plain or sealed) and its summary (none when sealed: a summary
/// names the person) in one transaction. With `base`, refuses with `Conflict` when storage holds
/// a newer revision than `base`, written elsewhere; without, writes regardless.
pub async fn save_text(
    id: &str,
    revision: u64,
    text: &str,
    summary: Option<String>,
    base: Option<u64>,
) -> Result<(), SaveError> {
    let written = db::put(id, revision, text, summary, base).await;
    let key = format!("{}case.{id}", spaced_prefix());
    // The database has this revision (or refused it for another tab's newer one, which the
    // person settles): a journal copy up to it has done its job. A newer one, of a change made
    // since, stays until its own write.
    let settled = match &written {
        Ok(()) => load_text(&key)
            .and_then(|t| codec::stored_revision(&t))
            .is_none_or(|r| r <= revision),
        Err(SaveError::Conflict { .. }) => true,
        Err(_) => false,
    };
    if settled {
        BrowserStorage::delete(key);
    }
    if written.is_ok() {
        sync::saved();
    }
    written
}

/// Keeps a case's latest text in local storage, written at once, until the database has it: a
/// reload or a closed tab before the database answers loses nothing, since the next start moves
/// it into the database like a case an earlier release stored (only if newer than the one there).
pub fn journal(id: &str, text: &str) {
    let _ = write(&format!("{}case.{id}", spaced_prefix()), text);
}

/// A summary as stored: with the day it was made and the bank holidays it was made with, since
/// both change what it says (a reply overdue, a date that is now possible).
#[derive(miniserde::Serialize, miniserde::Deserialize)]
struct StoredSummary {
    made_on: String,
    holidays: String,
    summary: Summary,
}

pub fn encode_summary(summary: &Summary, made_on: NaiveDate, holidays: &[NaiveDate]) -> String {
    miniserde::json::to_string(&StoredSummary {
        made_on: iso_date(made_on),
        holidays: holidays_key(holidays),
        summary: summary.clone(),
    })
}

/// A stored summary, if it was made on `today` with these bank holidays; otherwise `None`, and
/// the summary is made again from its case.
pub fn decode_summary(text: &str, today: NaiveDate, holidays: &[NaiveDate]) -> Option<Summary> {
    let stored: StoredSummary = miniserde::json::from_str(text).ok()?;
    (stored.made_on == iso_date(today) && stored.holidays == holidays_key(holidays))
        .then_some(stored.summary)
}

fn holidays_key(holidays: &[NaiveDate]) -> String {
    holidays
        .iter()
        .map(|d| iso_date(*d))
        .collect::<Vec<_>>()
        .join(",")
}

/// The space this site uses on the device and how much it may use.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Room {
    pub used: f64,
    pub allowed: f64,
}

impl Room {
    /// Time to warn: less than a tenth of the allowance, or under 50 MB (about 2,000 cases with
    /// full histories), is left.
    pub fn running_out(&self) -> bool {
        let left = self.allowed - self.used;
        left < self.allowed / 10.0 || left < 50.0 * MB
    }
}

pub const MB: f64 = 1024.0 * 1024.0;

pub async fn room() -> Option<Room> {
    let (used, allowed) = db::estimate().await?;
    (allowed > 0.0).then_some(Room { used, allowed })
}

pub async fn save_summaries(entries: Vec<(String, String)>) {
    db::put_summaries(entries).await;
}

/// Removes every stored summary (protection turned on: summaries would name people).
pub async fn clear_summaries() {
    db::clear_summaries().await;
}

pub async fn delete(id: &str) {
    db::remove(id).await;
    BrowserStorage::delete(format!("{}case.{id}", spaced_prefix()));
}

pub fn clear_draft() {
    BrowserStorage::delete(draft_key());
}

pub fn load_setting(key: &str) -> Option<String> {
    raw()?.get_item(&format!("{SETTINGS_KEY}.{key}")).ok()?
}

pub fn save_setting(key: &str, value: &str) -> Result<(), SaveError> {
    write(&format!("{SETTINGS_KEY}.{key}"), value)
}

pub fn remove_setting(key: &str) {
    BrowserStorage::delete(format!("{SETTINGS_KEY}.{key}"));
}

/// Training runs, and scenario files a trainer loaded, as stored texts by id.
pub mod training {
    use super::{SaveError, TRAINING_PREFIX, load_all_under, write};

    fn key(kind: &str, id: &str) -> String {
        format!("{TRAINING_PREFIX}{kind}.{id}")
    }
    pub fn all(kind: &str) -> Vec<String> {
        load_all_under(&key(kind, ""))
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }
    pub fn save(kind: &str, id: &str, text: &str) -> Result<(), SaveError> {
        write(&key(kind, id), text)
    }
    pub fn delete(kind: &str, id: &str) {
        super::delete_key(&key(kind, id));
    }
    pub const RUN: &str = "run";
    pub const SCENARIO: &str = "scenario";
}

/// Every stored text whose key starts with `prefix`, with its key.
pub fn load_all_under(prefix: &str) -> Vec<(String, String)> {
    let Some(store) = raw() else {
        return Vec::new();
    };
    keys(&store)
        .into_iter()
        .filter(|k| k.starts_with(prefix))
        .filter_map(|k| {
            let text = store.get_item(&k).ok()??;
            Some((k, text))
        })
        .collect()
}

/// What one space holds, for "delete all data" to name before anything is deleted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Held {
    pub cases: usize,
    pub set_aside: usize,
    /// Training only: practice runs, and scenario files a trainer loaded here.
    pub runs: usize,
    pub scenarios: usize,
}

/// What each space holds: (real, training). `None` if the databases cannot be read.
pub async fn holdings() -> Option<(Held, Held)> {
    let ((cases, set_aside), (training_cases, training_set_aside)) = db::counts().await?;
    let under = |kind: &str| {
        raw().map_or(0, |store| {
            let prefix = format!("{TRAINING_PREFIX}{kind}.");
            keys(&store)
                .iter()
                .filter(|k| k.starts_with(&prefix))
                .count()
        })
    };
    let real = Held {
        cases,
        set_aside,
        ..Held::default()
    };
    let training = Held {
        cases: training_cases,
        set_aside: training_set_aside,
        runs: under(training::RUN),
        scenarios: under(training::SCENARIO),
    };
    Some((real, training))
}

/// Removes every local storage key that starts with `prefix`.
fn remove_keys_under(prefix: &str) {
    if let Some(store) = raw() {
        for key in keys(&store).into_iter().filter(|k| k.starts_with(prefix)) {
            let _ = store.remove_item(&key);
        }
    }
}

/// Removes every case (both spaces' databases) and every local storage key this app wrote,
/// training included, and nothing else.
pub async fn delete_everything() {
    // Team sync first: its session on the server ends, and its round stops writing.
    sync::engine::leave().await;
    remove_keys_under(PREFIX);
    db::clear_all().await;
}

/// Removes training only: its database and its local storage keys (practice runs, scenarios
/// loaded here, the training draft). Real cases and settings stay.
pub async fn delete_training() {
    remove_keys_under(TRAINING_PREFIX);
    db::clear_training().await;
}
