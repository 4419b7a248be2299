//! The one seam between the app and the browser's storage. Components never touch
//! `localStorage` directly.
//!
//! - Each case is one key, `psc.case.<id>`, so a change writes one case, not all of them.
//! - The case being created lives under `psc.draft` until it is saved.
//! - A stored case that cannot be read is moved aside to `psc.quarantine.<id>`, byte for byte,
//!   and shown to the officer; it is never dropped.
//! - Every write checks the stored revision first, so a tab never silently overwrites a newer
//!   version written by another tab.
//! - Every key the app writes starts `psc.`, so "delete all data" can find them all.
//! - Training (fictional cases) lives in its own space: the same keys under `psc.training.`,
//!   chosen per tab (`Space`). A tab in one space never reads or writes the other's cases, so
//!   training cases cannot reach the real case list, queue, exports or reminders.

pub mod codec;
pub mod lock;

use gloo_storage::{LocalStorage as BrowserStorage, Storage as _};

use crate::domain::Case;

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

/// A key of this tab's space: `psc.case.` or `psc.training.case.`.
fn spaced(name: &str) -> String {
    match space() {
        Space::Real => format!("{PREFIX}{name}"),
        Space::Training => format!("{TRAINING_PREFIX}{name}"),
    }
}

pub fn case_prefix() -> String {
    spaced("case.")
}
pub fn quarantine_prefix() -> String {
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
}

pub struct Loaded {
    pub cases: Vec<Case>,
    /// Cases sealed with the passphrase: their key and stored text, to unseal once unlocked.
    pub sealed: Vec<(String, String)>,
    pub quarantined: Vec<Quarantined>,
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

fn case_key(id: &str) -> String {
    format!("{}{id}", case_prefix())
}

/// Loads every case. Entries that cannot be read are moved to quarantine first; sealed ones are
/// returned as they are, to be unsealed with the passphrase.
pub fn load_all() -> Loaded {
    let mut cases = Vec::new();
    let mut sealed = Vec::new();
    let Some(store) = raw() else {
        return Loaded {
            cases,
            sealed,
            quarantined: Vec::new(),
        };
    };
    let prefix = case_prefix();
    for key in keys(&store).into_iter().filter(|k| k.starts_with(&prefix)) {
        let Ok(Some(text)) = store.get_item(&key) else {
            continue;
        };
        if codec::sealed_part(&text).is_some() {
            sealed.push((key, text));
            continue;
        }
        match codec::decode(&text) {
            Ok(case) => cases.push(case),
            Err(_) => quarantine(&key, &text),
        }
    }
    Loaded {
        cases,
        sealed,
        quarantined: quarantined(&store),
    }
}

/// Moves a stored entry aside, keeping it byte for byte. The original goes only once the copy
/// is safely written.
pub fn quarantine(key: &str, text: &str) {
    let Some(store) = raw() else { return };
    let aside = format!(
        "{}{}",
        quarantine_prefix(),
        key.strip_prefix(&case_prefix()).unwrap_or(key)
    );
    if store.set_item(&aside, text).is_ok() {
        let _ = store.remove_item(key);
    }
}

/// The stored text under a key.
pub fn load_text(key: &str) -> Option<String> {
    raw()?.get_item(key).ok()?
}

fn quarantined(store: &web_sys::Storage) -> Vec<Quarantined> {
    let (cases, aside) = (case_prefix(), quarantine_prefix());
    keys(store)
        .into_iter()
        .filter(|k| k.starts_with(&aside) || k.starts_with(&cases))
        .filter_map(|key| {
            let text = store.get_item(&key).ok()??;
            if key.starts_with(&cases) && codec::sealed_part(&text).is_some() {
                return None;
            }
            let reason = match codec::decode(&text) {
                Ok(_) if key.starts_with(&cases) => return None,
                Ok(_) => "it was set aside earlier".to_string(),
                Err(e) => e.to_string(),
            };
            Some(Quarantined {
                key,
                reason,
                bytes: text.len(),
            })
        })
        .collect()
}

/// The text of a quarantined entry, exactly as it was stored.
pub fn quarantined_text(key: &str) -> Option<String> {
    raw()?.get_item(key).ok()?
}

pub fn delete_key(key: &str) {
    BrowserStorage::delete(key);
}

pub fn case_key_of(id: &str) -> String {
    case_key(id)
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

/// Saves a case whose in-memory version was based on `base_revision`. Refuses, with
/// `Conflict`, when storage holds a newer revision written elsewhere.
pub fn save(case: &Case, base_revision: u64) -> Result<(), SaveError> {
    save_text(&case.id, &codec::encode(case), base_revision)
}

/// Saves a case's stored text (plain or sealed) with the same check.
pub fn save_text(id: &str, text: &str, base_revision: u64) -> Result<(), SaveError> {
    if let Some(stored) = load_text(&case_key(id))
        .as_deref()
        .and_then(codec::stored_revision)
    {
        if stored > base_revision {
            return Err(SaveError::Conflict {
                stored_revision: stored,
            });
        }
    }
    write(&case_key(id), text)
}

pub fn save_raw(key: &str, text: &str) -> Result<(), SaveError> {
    write(key, text)
}

pub fn delete(id: &str) {
    BrowserStorage::delete(case_key(id));
}

pub fn load_draft() -> Option<Case> {
    let text = raw()?.get_item(&draft_key()).ok()??;
    codec::decode(&text).ok()
}

pub fn save_draft(case: &Case) -> Result<(), SaveError> {
    write(&draft_key(), &codec::encode(case))
}

/// The draft as stored, if it is sealed.
pub fn sealed_draft() -> Option<String> {
    load_text(&draft_key()).filter(|t| codec::sealed_part(t).is_some())
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

/// Removes every key this app wrote, training included, and nothing else.
pub fn delete_everything() {
    if let Some(store) = raw() {
        for key in keys(&store).into_iter().filter(|k| k.starts_with(PREFIX)) {
            let _ = store.remove_item(&key);
        }
    }
}

/// The id of a case key of this tab's space, for storage events from other tabs.
pub fn case_id_of(key: &str) -> Option<&str> {
    key.strip_prefix(case_prefix().as_str())
}
