//! The one seam between the app and the browser's storage. Components never touch
//! `localStorage` directly.
//!
//! Each case is one key, `psc.case.<id>`, so a change writes one case, not all of them. The case
//! being created lives under `psc.draft` until it is saved.

pub mod codec;

use gloo_storage::{LocalStorage as BrowserStorage, Storage as _};

use crate::domain::Case;

pub const CASE_PREFIX: &str = "psc.case.";
pub const DRAFT_KEY: &str = "psc.draft";

/// A stored entry that could not be read, kept as it was.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub reason: String,
}

pub struct Loaded {
    pub cases: Vec<Case>,
    pub unreadable: Vec<Unreadable>,
}

fn raw() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn load_all() -> Loaded {
    let mut cases = Vec::new();
    let mut unreadable = Vec::new();
    let Some(store) = raw() else { return Loaded { cases, unreadable } };
    let count = store.length().unwrap_or(0);
    let keys: Vec<String> = (0..count).filter_map(|i| store.key(i).ok().flatten()).collect();
    for key in keys.into_iter().filter(|k| k.starts_with(CASE_PREFIX)) {
        let Ok(Some(text)) = store.get_item(&key) else { continue };
        match codec::decode(&text) {
            Ok(case) => cases.push(case),
            Err(e) => unreadable.push(Unreadable { key, reason: e.to_string() }),
        }
    }
    Loaded { cases, unreadable }
}

fn write(key: &str, text: &str) -> Result<(), String> {
    let store = raw().ok_or("This browser does not allow the app to store data.")?;
    store.set_item(key, text).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
        if name == "QuotaExceededError" {
            "The browser's storage for this app is full, so your last change was not saved. It is still on screen. Delete cases you no longer need, then make the change again.".to_string()
        } else {
            "Your last change could not be saved on this device. It is still on screen.".to_string()
        }
    })
}

pub fn save(case: &Case) -> Result<(), String> {
    write(&format!("{CASE_PREFIX}{}", case.id), &codec::encode(case))
}

pub fn delete(id: &str) {
    BrowserStorage::delete(format!("{CASE_PREFIX}{id}"));
}

pub fn load_draft() -> Option<Case> {
    let text = raw()?.get_item(DRAFT_KEY).ok()??;
    codec::decode(&text).ok()
}

pub fn save_draft(case: &Case) -> Result<(), String> {
    write(DRAFT_KEY, &codec::encode(case))
}

pub fn clear_draft() {
    BrowserStorage::delete(DRAFT_KEY);
}
