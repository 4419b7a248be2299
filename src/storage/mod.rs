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

pub mod codec;
pub mod lock;

use gloo_storage::{LocalStorage as BrowserStorage, Storage as _};

use crate::domain::Case;

pub const PREFIX: &str = "psc.";
pub const CASE_PREFIX: &str = "psc.case.";
pub const QUARANTINE_PREFIX: &str = "psc.quarantine.";
pub const DRAFT_KEY: &str = "psc.draft";
pub const SETTINGS_KEY: &str = "psc.settings";

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
    format!("{CASE_PREFIX}{id}")
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
    for key in keys(&store)
        .into_iter()
        .filter(|k| k.starts_with(CASE_PREFIX))
    {
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
        "{QUARANTINE_PREFIX}{}",
        key.strip_prefix(CASE_PREFIX).unwrap_or(key)
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
    keys(store)
        .into_iter()
        .filter(|k| k.starts_with(QUARANTINE_PREFIX) || k.starts_with(CASE_PREFIX))
        .filter_map(|key| {
            let text = store.get_item(&key).ok()??;
            if key.starts_with(CASE_PREFIX) && codec::sealed_part(&text).is_some() {
                return None;
            }
            let reason = match codec::decode(&text) {
                Ok(_) if key.starts_with(CASE_PREFIX) => return None,
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
    let text = raw()?.get_item(DRAFT_KEY).ok()??;
    codec::decode(&text).ok()
}

pub fn save_draft(case: &Case) -> Result<(), SaveError> {
    write(DRAFT_KEY, &codec::encode(case))
}

/// The draft as stored, if it is sealed.
pub fn sealed_draft() -> Option<String> {
    load_text(DRAFT_KEY).filter(|t| codec::sealed_part(t).is_some())
}

pub fn clear_draft() {
    BrowserStorage::delete(DRAFT_KEY);
}

pub fn load_setting(key: &str) -> Option<String> {
    raw()?.get_item(&format!("{SETTINGS_KEY}.{key}")).ok()?
}

pub fn save_setting(key: &str, value: &str) -> Result<(), SaveError> {
    write(&format!("{SETTINGS_KEY}.{key}"), value)
}

/// Removes every key this app wrote, and nothing else.
pub fn delete_everything() {
    if let Some(store) = raw() {
        for key in keys(&store).into_iter().filter(|k| k.starts_with(PREFIX)) {
            let _ = store.remove_item(&key);
        }
    }
}

/// The id of a case key, for storage events from other tabs.
pub fn case_id_of(key: &str) -> Option<&str> {
    key.strip_prefix(CASE_PREFIX)
}
