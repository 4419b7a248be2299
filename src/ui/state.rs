//! App-wide state: the cases on this device, and a handle through which a page reads and changes
//! one case. Every change is saved as it is made.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::Assessment;
use crate::domain::audit::{self, User};
use crate::domain::case::Case;
use crate::domain::summary::Summary;
use crate::storage::{self, codec, lock};

/// The rules, brought by a lazily fetched module (`ui::app::load_rules`) the first time a page or
/// the case list needs them: the first download holds none of them, so the list opens quickly
/// from the stored summaries.
#[derive(Clone, Copy)]
pub struct Rules {
    pub assess: fn(&Case, NaiveDate, &[NaiveDate]) -> Assessment,
    pub summarize: fn(&Case, NaiveDate, &[NaiveDate]) -> Summary,
    /// `Case::after_change`: the domain keeps a changed case true to itself.
    pub after_change: fn(&mut Case, &Case, NaiveDate, &str, &str),
}

/// The id under which the create page keeps its draft case.
pub const NEW_CASE: &str = "new";

/// The revision of each case as this tab last read or wrote it (a short list: a linear search
/// over a thousand cases is instant, and smaller to download than a hash map).
#[derive(Default)]
struct Revisions(Vec<(String, u64)>);

impl Revisions {
    fn get(&self, id: &str) -> Option<u64> {
        self.0.iter().find(|(x, _)| x == id).map(|(_, r)| *r)
    }
    fn insert(&mut self, id: String, revision: u64) {
        match self.0.iter_mut().find(|(x, _)| *x == id) {
            Some(entry) => entry.1 = revision,
            None => self.0.push((id, revision)),
        }
    }
}

/// Passphrase protection of the stored cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lock {
    /// No passphrase: cases are stored as they are.
    Off,
    /// Protected, and the passphrase has not been given in this tab: nothing is shown.
    Locked,
    /// Protected and open: every save is sealed with the key held in memory.
    Unlocked,
}

/// Reads a stored case, unsealing it first if it is sealed.
async fn open_text(text: &str) -> Result<Case, ()> {
    match codec::sealed_part(text) {
        Some(sealed) => {
            let plain = lock::unseal(&sealed).await.ok_or(())?;
            codec::decode(&plain).map_err(|_| ())
        }
        None => codec::decode(text).map_err(|_| ()),
    }
}

/// Why the last change could not be saved. Shown on every page until it is resolved.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveProblem {
    /// Storage is full. The changes stay on screen and are saved once there is room.
    Full,
    /// Storage refused the write for another reason (for example, it is switched off).
    Unavailable,
    /// Another tab or window saved a newer version of this case.
    Conflict { id: String },
}

#[derive(Clone, Copy)]
pub struct Store {
    pub cases: RwSignal<Vec<Case>>,
    /// Whether `cases` holds every stored case yet: they are read after the list shows, and
    /// every page but the list waits for them.
    pub cases_read: RwSignal<bool>,
    /// Each stored case's id and revision, read at start: the list works from the summaries
    /// that match them until the cases are read.
    index: StoredValue<Vec<(String, u64)>>,
    /// The case being created, kept until it is saved.
    pub draft: RwSignal<Case>,
    pub quarantined: RwSignal<Vec<storage::Quarantined>>,
    pub lock: RwSignal<Lock>,
    pub problem: RwSignal<Option<SaveProblem>>,
    /// Cases changed on screen but not yet saved because storage was full.
    pending: RwSignal<Vec<String>>,
    /// The revision of each case as this tab last read or wrote it in storage: a write is refused
    /// if storage has moved on since (another tab saved).
    saved_revision: StoredValue<Revisions>,
    /// The date the rules judge cases by: the device's today, or in training the scenario's
    /// clock (which the trainee moves on).
    pub today: RwSignal<NaiveDate>,
    /// Cases are offered for deletion this many days after their hearing.
    pub retention_days: RwSignal<u32>,
    /// The browser's answer to the request for persistent storage (start.js asks it).
    pub persistence: RwSignal<String>,
    /// Bank holidays the officer entered: not working days when replies and reports fall due.
    pub holidays: RwSignal<Vec<NaiveDate>>,
    /// Who uses this device, as they said on the "Who are you" page.
    pub user: RwSignal<Option<User>>,
    /// Each case changed since its last audit entry, as it was before: the next entry records
    /// the difference (see `record_changes`).
    audit_base: StoredValue<Vec<(String, Case)>>,
    /// Each case's summary as last made, so the case list assesses only the cases that changed.
    summary_cache: StoredValue<SummaryCache>,
    /// Cases being written now, and those changed again meanwhile: one write a case at a time,
    /// so a tab's own writes never look like another tab's.
    writing: StoredValue<Vec<String>>,
    write_again: StoredValue<Vec<String>>,
    /// Cases whose last change was a keystroke not yet committed (see `apply`).
    typing: StoredValue<Vec<String>>,
    /// Cases an earlier release stored that could not be moved into the browser's database.
    pub not_moved: RwSignal<usize>,
    /// The rules, once their module has arrived; `rules_wanted` asks for it.
    pub rules: RwSignal<Option<Rules>>,
    pub rules_wanted: RwSignal<bool>,
    /// The room the browser gives this site, and how much is used, when it last said.
    pub room: RwSignal<Option<storage::Room>>,
    /// When `room` was last asked (milliseconds), so saves ask again now and then, not each time.
    room_asked: StoredValue<f64>,
}

/// Summaries made on one day with one list of bank holidays, by case id; each carries the
/// revision of the case it was made from, so a changed case is summarised again.
#[derive(Default)]
struct SummaryCache {
    today: Option<NaiveDate>,
    holidays: Vec<NaiveDate>,
    by_id: std::collections::HashMap<String, Summary>,
}

thread_local! {
    /// What `Store::read` found, until `Store::load` takes it.
    static READ: std::cell::RefCell<Option<storage::Index>> = const { std::cell::RefCell::new(None) };
}

/// The device's local date and time, read from the browser's clock (the rules never read it).
fn local_now() -> (NaiveDate, String) {
    let now = js_sys::Date::new_0();
    let (y, mo, d) = (
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    );
    let date = NaiveDate::from_ymd_opt(y, mo, d).unwrap_or_default();
    let stamp = format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}",
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    );
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
    /// Reads what the case list needs (moving any cases an earlier release kept in local
    /// storage), before the app is drawn: `load` then takes it. The cases themselves are read
    /// after the list shows.
    pub async fn read() {
        let index = storage::load_index().await;
        READ.with(|r| *r.borrow_mut() = Some(index));
    }

    pub fn load() -> Store {
        let index = READ.with(|r| r.borrow_mut().take()).unwrap_or_default();
        let locked = storage::load_text(lock::LOCK_KEY).is_some();
        let not_moved = index.not_moved;
        // While locked nothing is shown: the cases are sealed, and are read on unlocking.
        let index = if locked {
            storage::Index::default()
        } else {
            index
        };
        let draft = if locked { None } else { storage::load_draft() };
        let draft = draft.unwrap_or_else(|| Case::blank(NEW_CASE, &now_stamp()));
        let revisions = Revisions(index.cases.clone());
        let store = Store {
            cases: RwSignal::new(Vec::new()),
            cases_read: RwSignal::new(false),
            index: StoredValue::new(index.cases),
            draft: RwSignal::new(draft),
            quarantined: RwSignal::new(index.quarantined),
            lock: RwSignal::new(if locked { Lock::Locked } else { Lock::Off }),
            problem: RwSignal::new(None),
            pending: RwSignal::new(Vec::new()),
            saved_revision: StoredValue::new(revisions),
            today: RwSignal::new(storage::training_today().unwrap_or_else(today)),
            retention_days: RwSignal::new(crate::domain::retention::days_from_setting(
                storage::load_setting("retention_days").as_deref(),
            )),
            persistence: RwSignal::new(persistence_answer()),
            holidays: RwSignal::new(
                storage::load_setting("bank_holidays")
                    .and_then(|t| crate::domain::deadlines::parse_holidays(&t).ok())
                    .unwrap_or_default(),
            ),
            user: RwSignal::new(
                storage::load_setting("user").and_then(|t| miniserde::json::from_str(&t).ok()),
            ),
            audit_base: StoredValue::new(Vec::new()),
            summary_cache: StoredValue::new(SummaryCache::default()),
            writing: StoredValue::new(Vec::new()),
            write_again: StoredValue::new(Vec::new()),
            typing: StoredValue::new(Vec::new()),
            not_moved: RwSignal::new(not_moved),
            rules: RwSignal::new(None),
            rules_wanted: RwSignal::new(false),
            room: RwSignal::new(None),
            room_asked: StoredValue::new(0.0),
        };
        store.measure_room();
        store.trust_stored_summaries(&index.summaries);
        if !locked {
            leptos::task::spawn_local(store.read_cases(not_moved));
        }
        store.listen_to_other_tabs();
        store.record_changes_when_committed();
        store.listen_for_persistence();
        store
    }

    pub fn get(&self, id: &str) -> Option<Case> {
        if id == NEW_CASE {
            return Some(self.draft.get());
        }
        self.cases
            .with(|cases| cases.iter().find(|c| c.id == id).cloned())
    }

    /// Applies a change to one case and saves it at once. A failed save keeps the change on
    /// screen and says why. The audit trail records it once the answer is committed.
    pub fn update(&self, id: &str, change: impl FnOnce(&mut Case)) {
        self.apply(id, change, true);
    }

    fn apply(&self, id: &str, change: impl FnOnce(&mut Case), audited_later: bool) {
        if id == NEW_CASE {
            self.draft.update(change);
            self.persist(NEW_CASE);
            return;
        }
        let stamp = now_stamp();
        let who = self.who();
        let rules = self.rules.get_untracked();
        let mut before = None;
        self.cases.update(|cases| {
            if let Some(c) = cases.iter_mut().find(|c| c.id == id) {
                let was = c.clone();
                change(c);
                // The domain keeps the case true to itself: consents record what they were
                // given for, and a "suitable" that no longer stands is set aside. (Every page
                // that changes a case waits for the rules; `arrive` settles any case changed
                // before them.)
                if let Some(rules) = rules {
                    (rules.after_change)(c, &was, self.today.get_untracked(), &stamp, &who);
                }
                if *c != was {
                    c.revision += 1;
                    c.updated_at = stamp;
                    before = Some(was);
                }
            }
        });
        let Some(before) = before else { return };
        // While an answer is being typed, each keystroke's save leaves the summary out (it
        // would cost the rules a second time per key); the save when the answer is committed
        // writes it. A case saved without one has its summary removed, never left stale.
        self.typing.update_value(|t| {
            t.retain(|x| x != id);
            if audited_later {
                t.push(id.to_string());
            }
        });
        if audited_later {
            self.audit_base.update_value(|b| {
                if !b.iter().any(|(x, _)| x == id) {
                    b.push((id.to_string(), before));
                }
            });
        }
        self.persist(id);
    }

    /// This tab is practising on fictional cases (see `storage::Space`).
    pub fn training(&self) -> bool {
        storage::space() == storage::Space::Training
    }

    /// Whether a case is shown in lists here: every case, except in training, where each
    /// trainee sees only the cases they started (several can practise on one device, one after
    /// another, without seeing each other's answers).
    pub fn shows(&self, case: &Case) -> bool {
        if !self.training() {
            return true;
        }
        let me = self
            .user
            .with_untracked(|u| u.as_ref().map(|u| u.name.trim().to_ascii_lowercase()))
            .unwrap_or_default();
        case.events
            .first()
            .is_some_and(|e| audit::name_in(&e.by).to_ascii_lowercase() == me)
    }

    /// The summary of every case shown here (see `shows`), for the case list: read again when a
    /// case, the date or the bank holidays change, and only changed cases are assessed again.
    pub fn summaries(&self) -> Option<Vec<Summary>> {
        if !self.cases_read.get() {
            return self.stored_summaries();
        }
        let today = self.today.get();
        let rules = self.rules.get();
        let mut rebuilt = Vec::new();
        let mut missing = false;
        let list = self.holidays.with(|holidays| {
            self.summary_cache.update_value(|cache| {
                if cache.today != Some(today) || cache.holidays != *holidays {
                    *cache = SummaryCache {
                        today: Some(today),
                        holidays: holidays.clone(),
                        by_id: Default::default(),
                    };
                }
            });
            self.cases.with(|cases| {
                let shown: Vec<&Case> = cases.iter().filter(|c| self.shows(c)).collect();
                self.summary_cache
                    .try_update_value(|cache| {
                        // Kept only for cases still here: a deleted case's summary goes.
                        let mut before = std::mem::take(&mut cache.by_id);
                        shown
                            .into_iter()
                            .map(|case| {
                                let kept = before
                                    .remove(&case.id)
                                    .filter(|s| s.revision == case.revision);
                                let summary = kept.or_else(|| {
                                    let made = (rules?.summarize)(case, today, holidays);
                                    rebuilt.push(made.clone());
                                    Some(made)
                                });
                                match summary {
                                    Some(summary) => {
                                        cache.by_id.insert(case.id.clone(), summary.clone());
                                        summary
                                    }
                                    None => {
                                        missing = true;
                                        Summary::default()
                                    }
                                }
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        });
        // Summaries made again (missing, stale or from another day) are stored for next time.
        if !rebuilt.is_empty() && self.lock.get_untracked() == Lock::Off {
            let entries = self.holidays.with_untracked(|h| {
                rebuilt
                    .iter()
                    .map(|s| (s.id.clone(), storage::encode_summary(s, today, h)))
                    .collect()
            });
            leptos::task::spawn_local(storage::save_summaries(entries));
        }
        // A summary missing or stale: the rules must make it, and they are on their way.
        if missing {
            self.rules_wanted.set(true);
            return None;
        }
        Some(list)
    }

    /// The rules have arrived: cases saved by an earlier release (or changed before) may still
    /// carry a "suitable" that no longer stands; set it aside now (and save), so that the case
    /// list, an export and the case file agree.
    pub fn arrive(&self, rules: Rules) {
        self.rules.set(Some(rules));
        if self.lock.get_untracked() != Lock::Locked && self.cases_read.get_untracked() {
            self.settle_recorded_outcomes();
        }
    }

    /// While the cases are read: the stored summaries, if each stored case has one made today
    /// from its present revision (in training, where each trainee sees only their own cases,
    /// the cases themselves are needed).
    fn stored_summaries(&self) -> Option<Vec<Summary>> {
        if self.training() {
            return None;
        }
        let _ = self.today.get();
        let found: Option<Vec<Summary>> = self.index.with_value(|index| {
            self.summary_cache.with_value(|cache| {
                index
                    .iter()
                    .map(|(id, revision)| {
                        cache
                            .by_id
                            .get(id)
                            .filter(|s| s.revision == *revision)
                            .cloned()
                    })
                    .collect()
            })
        });
        // Some summary must be made again: fetch the rules meanwhile.
        if found.is_none() && !self.rules_wanted.get_untracked() {
            self.rules_wanted.set(true);
        }
        found
    }

    /// Starts the summary cache from the stored summaries made today with today's bank holidays;
    /// each is still checked against its case's revision before it is used.
    fn trust_stored_summaries(&self, stored: &[(String, String)]) {
        let today = self.today.get_untracked();
        let holidays = self.holidays.get_untracked();
        let by_id = stored
            .iter()
            .filter_map(|(id, text)| {
                storage::decode_summary(text, today, &holidays).map(|s| (id.clone(), s))
            })
            .collect();
        self.summary_cache.set_value(SummaryCache {
            today: Some(today),
            holidays,
            by_id,
        });
    }

    /// The summary of one case as it is now, kept in the cache (made again only if it changed).
    fn summary_of(&self, case: &Case) -> Option<Summary> {
        let today = self.today.get_untracked();
        let rules = self.rules.get_untracked()?;
        let cached = self.summary_cache.with_value(|c| {
            c.by_id
                .get(&case.id)
                .filter(|s| s.revision == case.revision && c.today == Some(today))
                .cloned()
        });
        Some(cached.unwrap_or_else(|| {
            let made = self
                .holidays
                .with_untracked(|h| (rules.summarize)(case, today, h));
            self.summary_cache.update_value(|c| {
                if c.today == Some(today) {
                    c.by_id.insert(case.id.clone(), made.clone());
                }
            });
            made
        }))
    }

    /// How the audit trail names whoever uses the device.
    pub fn who(&self) -> String {
        self.user
            .with_untracked(|u| u.as_ref().map(User::describe))
            .unwrap_or_else(|| "Unknown user".into())
    }

    /// Writes audit entries for every answer changed since the last entry. Runs when an answer
    /// is committed (the browser's `change` event: a choice made, a box left), when a page
    /// changes, and when the app is hidden or closed, so typing is one entry, not one per key.
    pub fn record_changes(&self) {
        let bases = self
            .audit_base
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let (at, by) = (now_stamp(), self.who());
        for (id, before) in bases {
            let events = self
                .in_memory(&id)
                .map(|now| audit::events_between(&before, &now, &at, &by));
            if let Some(events) = events.filter(|e| !e.is_empty()) {
                self.apply(&id, |c| c.events.extend(events), false);
            }
        }
    }

    /// A recorded step (a submission, a decision, an outcome): earlier answers are recorded
    /// first, then `step` runs with who is acting and when, and writes its own audit entry.
    pub fn act<R>(&self, id: &str, step: impl FnOnce(&mut Case, &str, &str) -> R) -> Option<R> {
        self.record_changes();
        let (at, by) = (now_stamp(), self.who());
        let mut result = None;
        self.apply(id, |c| result = Some(step(c, &by, &at)), false);
        result
    }

    fn record_changes_when_committed(&self) {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::prelude::Closure;
        let store = *self;
        let record = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            // A date is one answer typed in three boxes: leaving the day box does not commit
            // it. It is recorded with the next answer, or when the page changes.
            let in_date = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(".govuk-date-input").ok().flatten())
                .is_some();
            if !in_date {
                store.record_changes();
            }
        });
        let f = record.as_ref().unchecked_ref();
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback("change", f);
            let _ = window.add_event_listener_with_callback("pagehide", f);
            let _ = window.add_event_listener_with_callback("blur", f);
        }
        record.forget();
    }

    /// Cases saved by an earlier release may still carry a "suitable" that no longer stands: set
    /// it aside now (and save), so that the case list, an export and the case file agree.
    fn settle_recorded_outcomes(&self) {
        let suitable: Vec<String> = self.cases.with_untracked(|cases| {
            cases
                .iter()
                .filter(|c| {
                    c.outcome
                        .recorded
                        .as_ref()
                        .is_some_and(|r| r.decision == crate::domain::case::Decision::Suitable)
                })
                .map(|c| c.id.clone())
                .collect()
        });
        for id in suitable {
            self.apply(&id, |_| {}, false);
        }
    }

    /// Stores a case as given (an imported one), adding it or replacing the one with its id.
    pub fn put_case(&self, mut case: Case) {
        case.lapse_stale_suitable(self.today.get_untracked(), &now_stamp(), &self.who());
        let id = case.id.clone();
        self.audit_base
            .update_value(|b| b.retain(|(x, _)| *x != id));
        // An imported case may carry the revision of the one it replaces: summarise it afresh.
        self.summary_cache.update_value(|s| {
            s.by_id.remove(&id);
        });
        self.cases
            .update(|cases| match cases.iter_mut().find(|c| c.id == id) {
                Some(c) => *c = case,
                None => cases.push(case),
            });
        self.persist(&id);
    }

    /// Says who uses this device, from now on.
    pub fn set_user(&self, user: User) {
        self.record_changes();
        let _ = storage::save_setting("user", &miniserde::json::to_string(&user));
        self.user.set(Some(user));
    }

    fn in_memory(&self, id: &str) -> Option<Case> {
        if id == NEW_CASE {
            return Some(self.draft.get_untracked());
        }
        self.cases
            .with_untracked(|cases| cases.iter().find(|c| c.id == id).cloned())
    }

    /// Writes one case (or the draft) from memory to storage, sealed if protection is on.
    fn persist(&self, id: &str) {
        if id == NEW_CASE {
            if self.lock.get_untracked() == Lock::Unlocked {
                self.persist_sealed_draft();
            } else {
                let result = storage::save_draft(&self.draft.get_untracked());
                self.report(id, result);
            }
            return;
        }
        // Kept at once in local storage too, until the database has it (`storage::journal`).
        // Not while the lock is open: sealing takes a moment, and nothing is kept readable.
        if self.lock.get_untracked() == Lock::Off {
            if let Some(case) = self.in_memory(id) {
                storage::journal(id, &codec::encode(&case));
            }
        }
        // A case already being written is written again, as it is then, once that write ends.
        if self.writing.with_value(|w| w.iter().any(|x| x == id)) {
            self.write_again.update_value(|a| {
                if !a.iter().any(|x| x == id) {
                    a.push(id.to_string());
                }
            });
            return;
        }
        self.writing.update_value(|w| w.push(id.to_string()));
        let (store, id) = (*self, id.to_string());
        leptos::task::spawn_local(async move {
            loop {
                let Some(case) = store.in_memory(&id) else {
                    break;
                };
                let result = store.write(&case).await;
                if result.is_ok() {
                    store
                        .saved_revision
                        .update_value(|r| r.insert(id.clone(), case.revision));
                }
                store.report(&id, result);
                let again = store
                    .write_again
                    .try_update_value(|a| {
                        let found = a.iter().any(|x| *x == id);
                        a.retain(|x| *x != id);
                        found
                    })
                    .unwrap_or(false);
                if !again {
                    break;
                }
            }
            store.writing.update_value(|w| w.retain(|x| *x != id));
        });
    }

    /// One write of a case, sealed if protection is on, with its summary if not (a summary
    /// names the person).
    async fn write(&self, case: &Case) -> Result<(), storage::SaveError> {
        let base = self
            .saved_revision
            .with_value(|r| r.get(&case.id).unwrap_or(0));
        if self.lock.get_untracked() == Lock::Unlocked {
            let sealed = lock::seal(&codec::encode(case))
                .await
                .ok_or(storage::SaveError::Unavailable)?;
            let text = codec::encode_sealed(case.revision, sealed);
            return storage::save_text(&case.id, case.revision, &text, None, Some(base)).await;
        }
        storage::save_text(
            &case.id,
            case.revision,
            &codec::encode(case),
            self.stored_summary(case),
            Some(base),
        )
        .await
    }

    /// A case's summary as stored, if the rules are here to make it (if not, none is stored,
    /// and the list makes it when it next needs it).
    fn stored_summary(&self, case: &Case) -> Option<String> {
        if self.typing.with_value(|t| t.contains(&case.id)) {
            return None;
        }
        let summary = self.summary_of(case)?;
        Some(
            self.holidays.with_untracked(|h| {
                storage::encode_summary(&summary, self.today.get_untracked(), h)
            }),
        )
    }

    /// Sealing takes a moment: it runs in the background, and a save overtaken by a newer change
    /// is dropped (the newer change's own save writes it).
    fn persist_sealed_draft(&self) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let case = store.draft.get_untracked();
            let sealed = lock::seal(&codec::encode(&case)).await;
            if store.draft.with_untracked(|now| *now != case) {
                return;
            }
            let result = match sealed {
                None => Err(storage::SaveError::Unavailable),
                Some(sealed) => storage::save_raw(
                    &storage::draft_key(),
                    &codec::encode_sealed(case.revision, sealed),
                ),
            };
            store.report(NEW_CASE, result);
        });
    }

    /// Asks the browser how much room is used and left, at most once every ten seconds.
    pub fn measure_room(&self) {
        let now = js_sys::Date::now();
        if now - self.room_asked.get_value() < 10_000.0 {
            return;
        }
        self.room_asked.set_value(now);
        let room = self.room;
        leptos::task::spawn_local(async move { room.set(storage::room().await) });
    }

    fn report(&self, id: &str, result: Result<(), storage::SaveError>) {
        use storage::SaveError;
        if result.is_ok() {
            self.measure_room();
        }
        match result {
            Ok(()) => {
                self.pending.update(|p| p.retain(|x| x != id));
                let settled = match self.problem.get_untracked() {
                    Some(SaveProblem::Conflict { id: c }) => c == id,
                    Some(SaveProblem::Full) => self.pending.with_untracked(Vec::is_empty),
                    Some(SaveProblem::Unavailable) => true,
                    None => false,
                };
                if settled {
                    self.problem.set(None);
                }
                // A write worked, so there may be room for changes still waiting. (A retry that
                // works removes its case from the list; one that fails stops; so this ends.)
                if let Some(next) = self.pending.with_untracked(|p| p.first().cloned()) {
                    self.save_again(&next);
                }
            }
            Err(SaveError::Conflict { .. }) => self
                .problem
                .set(Some(SaveProblem::Conflict { id: id.to_string() })),
            Err(refused) => {
                if !self.pending.with_untracked(|p| p.iter().any(|x| x == id)) {
                    self.pending.update(|p| p.push(id.to_string()));
                }
                let problem = if refused == SaveError::Full {
                    SaveProblem::Full
                } else {
                    SaveProblem::Unavailable
                };
                self.problem.set(Some(problem));
            }
        }
    }

    /// Tries again to save every change that storage refused (for lack of room, say).
    pub fn retry_pending(&self) {
        if let Some(first) = self.pending.with_untracked(|p| p.first().cloned()) {
            self.save_again(&first);
        }
    }

    fn save_again(&self, id: &str) {
        if id == NEW_CASE
            || self
                .cases
                .with_untracked(|cases| cases.iter().any(|c| c.id == id))
        {
            self.persist(id);
        } else {
            self.pending.update(|p| p.retain(|x| x != id));
            self.retry_pending();
        }
    }

    /// Settles a conflict with another tab: keep this tab's version (saved over theirs), or take
    /// the version in storage.
    pub fn resolve_conflict(&self, id: &str, keep_mine: bool) {
        let (store, id) = (*self, id.to_string());
        leptos::task::spawn_local(async move {
            let stored = match storage::case_text(&id).await {
                Some(text) => open_text(&text).await.ok(),
                None => None,
            };
            match stored {
                Some(theirs) if !keep_mine => {
                    store
                        .saved_revision
                        .update_value(|r| r.insert(id.clone(), theirs.revision));
                    store.cases.update(|cases| {
                        if let Some(c) = cases.iter_mut().find(|c| c.id == id) {
                            *c = theirs;
                        }
                    });
                    store.problem.set(None);
                }
                stored => {
                    let stored_revision = stored.map(|c| c.revision).unwrap_or(0);
                    store.cases.update(|cases| {
                        if let Some(c) = cases.iter_mut().find(|c| c.id == id) {
                            c.revision = c.revision.max(stored_revision) + 1;
                        }
                    });
                    store
                        .saved_revision
                        .update_value(|r| r.insert(id.clone(), stored_revision));
                    store.problem.set(None);
                    store.persist(&id);
                }
            }
        });
    }

    /// Turns the draft into a stored case and returns its id.
    pub fn create_from_draft(&self) -> String {
        let mut case = self.draft.get_untracked();
        case.id = fresh_id();
        case.created_at = now_stamp();
        case.updated_at = case.created_at.clone();
        case.revision = 1;
        let changes = audit::differences(&Case::blank(NEW_CASE, ""), &case);
        case.append_event(
            &case.created_at.clone(),
            &self.who(),
            audit::WHAT_CREATED,
            changes,
        );
        let id = case.id.clone();
        self.cases.update(|cases| cases.push(case));
        self.persist(&id);
        storage::clear_draft();
        self.draft.set(Case::blank(NEW_CASE, &now_stamp()));
        id
    }

    pub fn delete(&self, id: &str) {
        self.cases.update(|cases| cases.retain(|c| c.id != id));
        self.pending.update(|p| p.retain(|x| x != id));
        let (store, id) = (*self, id.to_string());
        leptos::task::spawn_local(async move {
            storage::delete(&id).await;
            // Deleting frees room for changes still waiting to be saved.
            store.retry_pending();
        });
    }

    pub fn delete_quarantined(&self, key: &str) {
        self.quarantined.update(|q| q.retain(|x| x.key != key));
        let (store, key) = (*self, key.to_string());
        leptos::task::spawn_local(async move {
            storage::delete_quarantined(&key).await;
            store.retry_pending();
        });
    }

    /// Removes every case and every setting this app stored on the device.
    pub fn delete_everything(&self) {
        leptos::task::spawn_local(storage::delete_everything());
        self.cases.set(Vec::new());
        self.quarantined.set(Vec::new());
        self.pending.set(Vec::new());
        self.problem.set(None);
        self.saved_revision.update_value(|r| r.0.clear());
        self.draft.set(Case::blank(NEW_CASE, &now_stamp()));
        self.retention_days
            .set(crate::domain::retention::DEFAULT_DAYS);
        self.holidays.set(Vec::new());
        self.user.set(None);
        self.audit_base.update_value(Vec::clear);
        lock::forget();
        self.lock.set(Lock::Off);
    }

    /// Opens every stored case with the passphrase. A wrong passphrase changes nothing.
    pub async fn unlock(self, passphrase: String) -> bool {
        let Some(record) = storage::load_text(lock::LOCK_KEY) else {
            return false;
        };
        if !lock::unlock(&passphrase, record).await {
            return false;
        }
        self.open_all().await;
        self.lock.set(Lock::Unlocked);
        // Only now: saving before the lock opens would write the cases unsealed.
        self.settle_recorded_outcomes();
        true
    }

    /// Reads every case after the list has shown. Sealed cases found without a passphrase set
    /// cannot be opened: they are kept aside, never lost.
    async fn read_cases(self, not_moved: usize) {
        let loaded = storage::load_cases(not_moved).await;
        for (id, text) in &loaded.sealed {
            storage::quarantine(id, text).await;
        }
        let quarantined = if loaded.sealed.is_empty() {
            loaded.quarantined
        } else {
            Some(storage::quarantined().await)
        };
        if let Some(list) = quarantined {
            self.quarantined.set(list);
        }
        self.took_in(loaded.cases);
    }

    /// Takes in the cases read from storage. A case another tab changed while they were read is
    /// already here in its newer version, and kept.
    fn took_in(&self, read: Vec<Case>) {
        self.saved_revision.update_value(|r| {
            for c in &read {
                if r.get(&c.id).is_none_or(|had| had <= c.revision) {
                    r.insert(c.id.clone(), c.revision);
                }
            }
        });
        self.cases.update(|cases| {
            for case in read {
                match cases.iter_mut().find(|c| c.id == case.id) {
                    Some(c) if c.revision >= case.revision => {}
                    Some(c) => *c = case,
                    None => cases.push(case),
                }
            }
        });
        self.cases_read.set(true);
        if self.rules.with_untracked(Option::is_some) {
            self.settle_recorded_outcomes();
        }
    }

    /// Reads every case from storage, unsealing the sealed ones.
    async fn open_all(self) {
        let not_moved = self.not_moved.get_untracked();
        let index = storage::load_index().await;
        let loaded = storage::load_cases(not_moved).await;
        let mut cases = loaded.cases;
        let mut set_aside = false;
        for (id, text) in loaded.sealed {
            match open_text(&text).await {
                Ok(case) => cases.push(case),
                Err(()) => {
                    storage::quarantine(&id, &text).await;
                    set_aside = true;
                }
            }
        }
        if let Some(text) = storage::load_text(&storage::draft_key()) {
            if let Ok(draft) = open_text(&text).await {
                self.draft.set(draft);
            }
        }
        self.saved_revision.update_value(|r| {
            *r = Revisions(cases.iter().map(|c| (c.id.clone(), c.revision)).collect())
        });
        self.trust_stored_summaries(&index.summaries);
        self.cases.set(cases);
        self.cases_read.set(true);
        self.quarantined.set(if set_aside {
            storage::quarantined().await
        } else {
            loaded.quarantined.unwrap_or(index.quarantined)
        });
    }

    /// Forgets the key and clears the cases from the screen until the passphrase is given again.
    pub fn lock_now(&self) {
        lock::forget();
        self.cases.set(Vec::new());
        self.draft.set(Case::blank(NEW_CASE, &now_stamp()));
        self.lock.set(Lock::Locked);
    }

    /// Turns protection on: from now on every case is stored sealed. The lock record is written
    /// first, so an interruption leaves cases either sealed or plain, and both can be opened.
    pub async fn protect(self, passphrase: String) -> bool {
        let Some(record) = lock::new_lock(&passphrase).await else {
            return false;
        };
        if storage::save_raw(lock::LOCK_KEY, &record).is_err() {
            lock::forget();
            return false;
        }
        self.lock.set(Lock::Unlocked);
        // Summaries name people: none is kept while protection is on.
        storage::clear_summaries().await;
        for case in self.cases.get_untracked() {
            if let Some(sealed) = lock::seal(&codec::encode(&case)).await {
                let text = codec::encode_sealed(case.revision, sealed);
                let _ = storage::save_text(&case.id, case.revision, &text, None, None).await;
            }
        }
        self.persist(NEW_CASE);
        true
    }

    /// Turns protection off: every case is stored plain again and the lock record removed.
    pub fn unprotect(&self) {
        let store = *self;
        leptos::task::spawn_local(async move {
            for case in store.cases.get_untracked() {
                let summary = store.stored_summary(&case);
                let text = codec::encode(&case);
                let _ = storage::save_text(&case.id, case.revision, &text, summary, None).await;
            }
            let _ = storage::save_draft(&store.draft.get_untracked());
            storage::delete_key(lock::LOCK_KEY);
            lock::forget();
            store.lock.set(Lock::Off);
        });
    }

    fn listen_for_persistence(&self) {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::prelude::Closure;
        let answer = self.persistence;
        let on_answer = Closure::<dyn Fn()>::new(move || answer.set(persistence_answer()));
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback(
                "psc-persistent-storage",
                on_answer.as_ref().unchecked_ref(),
            );
        }
        on_answer.forget();
    }

    /// Other tabs and windows of this app change storage too: follow their changes as they
    /// happen, so this tab does not show (or later save over) an older version.
    fn listen_to_other_tabs(&self) {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::prelude::Closure;
        let store = *self;
        // Settings, the draft and the lock record are in local storage: its events tell.
        let on_storage =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
                let Some(key) = ev.key() else {
                    // Another tab cleared all storage.
                    store.forget_everything();
                    return;
                };
                if key == lock::LOCK_KEY {
                    // Protection turned on or off in another tab: follow it.
                    match (ev.new_value().is_some(), store.lock.get_untracked()) {
                        (true, Lock::Off) => store.lock_now(),
                        (false, Lock::Locked | Lock::Unlocked) => {
                            lock::forget();
                            store.lock.set(Lock::Off);
                            leptos::task::spawn_local(store.open_all());
                        }
                        _ => {}
                    }
                    return;
                }
                if store.lock.get_untracked() == Lock::Locked || key != storage::draft_key() {
                    return;
                }
                let Some(text) = ev.new_value() else {
                    return;
                };
                leptos::task::spawn_local(async move {
                    if let Ok(theirs) = open_text(&text).await {
                        store.draft.set(theirs);
                    }
                });
            });
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        }
        on_storage.forget();
        // Cases are in IndexedDB: another tab says on a broadcast channel which one it changed.
        storage::db::listen(move |change| match change {
            storage::db::Change::Cleared => store.forget_everything(),
            _ if store.lock.get_untracked() == Lock::Locked => {}
            storage::db::Change::SetAside => leptos::task::spawn_local(async move {
                store.quarantined.set(storage::quarantined().await);
            }),
            storage::db::Change::Case(id) => {
                leptos::task::spawn_local(async move { store.follow(id).await })
            }
        });
    }

    /// Another tab deleted everything: show nothing of it here either.
    fn forget_everything(&self) {
        self.user.set(None);
        self.cases.set(Vec::new());
        self.quarantined.set(Vec::new());
        self.lock.set(Lock::Off);
    }

    /// Another tab wrote or deleted case `id`: show its version here unless this tab is holding
    /// a change of its own it could not save (that is settled by the person, as a conflict).
    async fn follow(self, id: String) {
        let busy = self.pending.with_untracked(|p| p.contains(&id))
            || matches!(self.problem.get_untracked(), Some(SaveProblem::Conflict { id: ref c }) if *c == id);
        if busy {
            return;
        }
        let Some(text) = storage::case_text(&id).await else {
            self.cases.update(|cases| cases.retain(|c| c.id != id));
            return;
        };
        let Ok(theirs) = open_text(&text).await else {
            storage::quarantine(&id, &text).await;
            self.cases.update(|cases| cases.retain(|c| c.id != id));
            self.quarantined.set(storage::quarantined().await);
            return;
        };
        let ours = self
            .cases
            .with_untracked(|cases| cases.iter().find(|c| c.id == id).map(|c| c.revision));
        if ours.is_none_or(|r| theirs.revision > r) {
            // The other tab records its own changes.
            self.audit_base
                .update_value(|b| b.retain(|(x, _)| *x != id));
            self.saved_revision
                .update_value(|r| r.insert(id.clone(), theirs.revision));
            self.cases
                .update(|cases| match cases.iter_mut().find(|c| c.id == id) {
                    Some(c) => *c = theirs,
                    None => cases.push(theirs),
                });
        }
    }
}

/// What start.js recorded of the browser's answer: "granted", "refused", "unsupported",
/// "unknown", or empty while the browser has not answered.
fn persistence_answer() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-persistent-storage"))
        .unwrap_or_default()
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
        let assessment = Memo::new(move |_| {
            let rules = store.rules.get()?;
            store.holidays.with(|h| {
                let today = today.get();
                case.with(|c| c.as_ref().map(|c| (rules.assess)(c, today, h)))
            })
        });
        CaseHandle {
            store,
            id,
            case,
            assessment,
        }
    }

    /// A page's validation: one of `domain::validate`'s checks, run on the case as it is now.
    pub fn check(
        self,
        page: impl Fn(&Case, NaiveDate) -> Vec<crate::domain::validate::FieldError>
        + Send
        + Sync
        + 'static,
    ) -> Box<dyn Fn() -> Vec<crate::domain::validate::FieldError> + Send + Sync> {
        let today = self.store.today.get_untracked();
        Box::new(move || {
            self.case
                .with_untracked(|c| c.as_ref().map(|c| page(c, today)).unwrap_or_default())
        })
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
        if path.is_empty() {
            format!("/cases/{id}")
        } else {
            format!("/cases/{id}/{path}")
        }
    }
}

pub fn yes_no_from_key(key: &str) -> Option<bool> {
    match key {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}
