//! App-wide state: the cases on this device, and a handle through which a page reads and changes
//! one case. Every change is saved as it is made.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::case::Case;
use crate::domain::{Assessment, assess};
use crate::storage;

/// The id under which the create page keeps its draft case.
pub const NEW_CASE: &str = "new";

#[derive(Clone, Copy)]
pub struct Store {
    pub cases: RwSignal<Vec<Case>>,
    /// The case being created, kept until it is saved.
    pub draft: RwSignal<Case>,
    pub unreadable: RwSignal<Vec<storage::Unreadable>>,
    /// The last save failure, shown until a save succeeds.
    pub save_error: RwSignal<Option<String>>,
    pub today: NaiveDate,
}

/// The device's local date and time, read from the browser's clock (the rules never read it).
fn local_now() -> (NaiveDate, String) {
    let now = js_sys::Date::new_0();
    let (y, mo, d) = (now.get_full_year() as i32, now.get_month() + 1, now.get_date());
    let date = NaiveDate::from_ymd_opt(y, mo, d).unwrap_or_default();
    let stamp = format!("{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}", now.get_hours(), now.get_minutes(), now.get_seconds());
    (date, stamp)
}

pub fn today() -> NaiveDate {
    local_now().0
}

pub fn now_stamp() -> String {
    local_now().1
}

/// A fresh id: time plus randomness, so two tabs creating cases at once do not collide.
pub fn fresh_id() -> String {
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("{:x}{:x}", js_sys::Date::now() as u64, random)
}

impl Store {
    pub fn load() -> Store {
        let loaded = storage::load_all();
        let draft = storage::load_draft().unwrap_or_else(|| Case::blank(NEW_CASE, &now_stamp()));
        Store {
            cases: RwSignal::new(loaded.cases),
            draft: RwSignal::new(draft),
            unreadable: RwSignal::new(loaded.unreadable),
            save_error: RwSignal::new(None),
            today: today(),
        }
    }

    pub fn get(&self, id: &str) -> Option<Case> {
        if id == NEW_CASE {
            return Some(self.draft.get());
        }
        self.cases.with(|cases| cases.iter().find(|c| c.id == id).cloned())
    }

    /// Applies a change to one case and saves it at once. A failed save keeps the change on screen
    /// and says so.
    pub fn update(&self, id: &str, change: impl FnOnce(&mut Case)) {
        let result = if id == NEW_CASE {
            let mut saved = Ok(());
            self.draft.update(|c| {
                change(c);
                saved = storage::save_draft(c);
            });
            saved
        } else {
            let mut saved = Ok(());
            let stamp = now_stamp();
            self.cases.update(|cases| {
                if let Some(c) = cases.iter_mut().find(|c| c.id == id) {
                    let before = c.clone();
                    change(c);
                    if *c != before {
                        c.revision += 1;
                        c.updated_at = stamp;
                        saved = storage::save(c);
                    }
                }
            });
            saved
        };
        self.save_error.set(result.err());
    }

    /// Turns the draft into a stored case and returns its id.
    pub fn create_from_draft(&self) -> String {
        let mut case = self.draft.get_untracked();
        case.id = fresh_id();
        case.created_at = now_stamp();
        case.updated_at = case.created_at.clone();
        case.revision = 1;
        let id = case.id.clone();
        let saved = storage::save(&case);
        self.save_error.set(saved.err());
        self.cases.update(|cases| cases.push(case));
        storage::clear_draft();
        self.draft.set(Case::blank(NEW_CASE, &now_stamp()));
        id
    }

    pub fn delete(&self, id: &str) {
        storage::delete(id);
        self.cases.update(|cases| cases.retain(|c| c.id != id));
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

/// One case as a page sees it: read through memos, changed through `update`.
#[derive(Clone, Copy)]
pub struct CaseHandle {
    pub store: Store,
    pub id: Signal<String>,
    pub case: Memo<Option<Case>>,
    pub assessment: Memo<Option<Assessment>>,
}

impl CaseHandle {
    pub fn new(id: Signal<String>) -> CaseHandle {
        let store = use_store();
        let case = Memo::new(move |_| store.get(&id.get()));
        let today = store.today;
        let assessment = Memo::new(move |_| case.with(|c| c.as_ref().map(|c| assess(c, today))));
        CaseHandle { store, id, case, assessment }
    }

    /// The case is not on this device (the page shows "Case not found").
    pub fn missing(&self) -> bool {
        self.case.with_untracked(Option::is_none)
    }

    pub fn update(&self, change: impl FnOnce(&mut Case)) {
        self.store.update(&self.id.get_untracked(), change);
    }

    pub fn with<T: Default>(&self, read: impl FnOnce(&Case) -> T) -> T {
        self.case.with(|c| c.as_ref().map(read).unwrap_or_default())
    }

    /// The page path of a section of this case, for example `police`.
    pub fn href(&self, path: &str) -> String {
        let id = self.id.get();
        if path.is_empty() { format!("/cases/{id}") } else { format!("/cases/{id}/{path}") }
    }
}

pub fn yes_no_from_key(key: &str) -> Option<bool> {
    match key {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}
