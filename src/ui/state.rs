//! App-wide state: the cases on this device as the pages see them, and a handle through which a
//! page reads and changes one case. Every change is saved as it is made; how, and what a refused
//! write means, is `storage::cases`'s business: this module keeps the signals.
//!
//! The case list works from each case's stored summary. A full case is read only when a page
//! opens it, or when its summary must be made again; every case is read only for the pages that
//! list them all (the queue, chasing, handover, the data page), in training, and while the
//! passphrase lock is open (no summary is stored then: summaries name people).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::Assessment;
use crate::domain::audit::{self, User};
use crate::domain::case::Case;
use crate::domain::summary::Summary;
use crate::storage::cases::{self as stored, Revisions, WriteQueue};
use crate::storage::summaries::Summaries;
use crate::storage::{self, lock};

pub use crate::storage::cases::{Lock, Problem as SaveProblem};

/// The rules and the stored form of a case, brought by a lazily fetched module
/// (`ui::app::load_rules`) the first time a page or the case list needs them: the first download
/// holds none of them, so the list opens quickly from the stored summaries. Every full case is
/// read and written with them.
#[derive(Clone, Copy)]
pub struct Rules {
    pub assess: fn(&Case, NaiveDate, &[NaiveDate]) -> Assessment,
    pub summarize: fn(&Case, NaiveDate, &[NaiveDate]) -> Summary,
    /// `Case::after_change`: the domain keeps a changed case true to itself.
    pub after_change: fn(&mut Case, &Case, NaiveDate, &str, &str),
    /// `audit::events_between`: the history entries for what changed.
    pub events_between: fn(&Case, &Case, &str, &str) -> Vec<crate::domain::case::AuditEvent>,
    pub format: stored::Format,
    /// `Store::save`: writing a case, with its journal, summary and seal.
    pub save: fn(Store, &str),
    /// `Store::read_cases`: reading cases from storage, and keeping them.
    pub read: fn(Store, Reading),
    /// `Store::record_now`: the history entries for answers changed since the last.
    pub record: fn(Store),
    /// `Store::store_summaries`: keeping summaries made again (only the rules make them).
    pub keep_summaries: fn(Store, &[Summary]),
}

/// What another tab did, as this one hears it (see `Store::listen_to_other_tabs`).
pub enum OtherTab {
    /// A local storage key changed (the lock record, the draft, a setting).
    Stored { key: String, removed: bool },
    /// A case, the set-aside entries or a whole space changed in IndexedDB.
    Cases(storage::db::Change),
}

/// Following another tab, in a module of its own: reading the case it changed, the draft or
/// the lock is not needed until another tab changes something, so the first download does
/// without it (issue 20). Deleting everything is followed at once, without it.
#[leptos::lazy]
fn follow_other_tab(store: Store, change: OtherTab) {
    store.follow(change);
}

/// Which cases to read (see `Rules::read`).
pub enum Reading {
    /// These, to open them.
    Cases(Vec<String>),
    /// Every case, for a page that lists them all.
    All,
    /// Every case and the draft again, dropping what was read (protection turned off in
    /// another tab).
    Again,
    /// These, only to summarise them for the list (see `summarise_stored`).
    ToSummarise(Vec<String>),
    /// A case another tab changed, as now stored.
    Changed { id: String, text: String },
}

/// How many cases are read at a time to be summarised (each batch is one database read).
const SUMMARISED_AT_ONCE: usize = 50;

pub use crate::storage::cases::NEW_CASE;

#[derive(Clone, Copy)]
pub struct Store {
    /// The cases read so far: those opened, or every one once `all_read`.
    pub cases: RwSignal<Vec<Case>>,
    /// Whether `cases` holds every stored case (see `all_ready`).
    pub all_read: RwSignal<bool>,
    /// Every stored case's id and revision, as last known: what the case list lists.
    index: RwSignal<Vec<(String, u64)>>,
    /// What the store keeps for itself, outside the reactive graph (see `Working`).
    work: StoredValue<Working>,
    /// Told each time summaries made from cases read in the background are ready.
    summaries_made: RwSignal<u32>,
    /// The case being created, kept until it is saved.
    pub draft: RwSignal<Case>,
    pub quarantined: RwSignal<Vec<storage::Quarantined>>,
    pub lock: RwSignal<Lock>,
    pub problem: RwSignal<Option<SaveProblem>>,
    /// The date the rules judge cases by: the device's today, or in training the scenario's
    /// clock (which the trainee moves on).
    pub today: RwSignal<NaiveDate>,
    /// Cases are offered for deletion this many days after their hearing.
    pub retention_days: RwSignal<u32>,
    /// The browser's answer to the request for persistent storage (start.js asks it).
    pub persistence: RwSignal<String>,
    /// Bank holidays the officer entered: not working days when replies and reports fall due.
    pub holidays: RwSignal<Vec<NaiveDate>>,
    /// Who uses this device, as they said on the "Who are you" page, or as the team's server
    /// says (`storage::identity`).
    pub user: RwSignal<Option<User>>,
    /// Whether anyone is named yet: what the router follows (a change of name or role, as when
    /// the team's server answers, must not draw the page again and lose what it shows).
    pub user_known: RwSignal<bool>,
    /// Cases an earlier release stored that could not be moved into the browser's database.
    pub not_moved: RwSignal<usize>,
    /// The rules, once their module has arrived; `rules_wanted` asks for it.
    pub rules: RwSignal<Option<Rules>>,
    pub rules_wanted: RwSignal<bool>,
    /// The room the browser gives this site, and how much is used, when it last said.
    pub room: RwSignal<Option<storage::Room>>,
}

/// The store's own bookkeeping, which no page watches. One value rather than one per field:
/// each stored value's type costs the first download its own copy of the arena's code.
#[derive(Default)]
struct Working {
    /// Cases being read now (to open, or to summarise), and whether every case is.
    reading: std::collections::HashSet<String>,
    reading_all: bool,
    /// Cases changed on screen but not yet saved because storage refused them (full, say).
    pending: Vec<String>,
    saved_revision: Revisions,
    writes: WriteQueue,
    /// The last case the journal wrote (id, revision, text): its write to the database uses the
    /// same text rather than encoding the case again.
    journaled: Option<(String, u64, String)>,
    /// Each case changed since its last audit entry, as it was before: the next entry records
    /// the difference (see `record_changes`).
    audit_base: Vec<(String, Case)>,
    /// Each case's summary as last made or read, so only changed cases are assessed again.
    summary_cache: Summaries,
    /// Cases whose last change was a keystroke not yet committed (see `apply`).
    typing: Vec<String>,
    /// When `room` was last asked (milliseconds), so saves ask again now and then, not each time.
    room_asked: f64,
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
    (date, storage::local_stamp(&now))
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
    /// storage), before the app is drawn: `load` then takes it.
    pub async fn read() {
        let index = storage::load_index().await;
        READ.with(|r| *r.borrow_mut() = Some(index));
    }

    pub fn load() -> Store {
        let index = READ.with(|r| r.borrow_mut().take()).unwrap_or_default();
        let locked = storage::load_text(lock::LOCK_KEY).is_some();
        let not_moved = index.not_moved;
        let user = storage::identity::load();
        let user_known = user.is_some();
        // While locked nothing is shown: the cases are sealed, and are read on unlocking.
        let index = if locked {
            storage::Index::default()
        } else {
            index
        };
        // A draft is read with the case format, which comes with the rules: ask for them.
        let draft_stored = !locked && storage::load_text(&storage::draft_key()).is_some();
        let draft = Case::blank(NEW_CASE, &now_stamp());
        let store = Store {
            cases: RwSignal::new(Vec::new()),
            all_read: RwSignal::new(false),
            index: RwSignal::new(index.cases.clone()),
            work: StoredValue::new(Working {
                saved_revision: Revisions::new(index.cases),
                ..Default::default()
            }),
            summaries_made: RwSignal::new(0),
            draft: RwSignal::new(draft),
            quarantined: RwSignal::new(index.quarantined),
            lock: RwSignal::new(if locked { Lock::Locked } else { Lock::Off }),
            problem: RwSignal::new(None),
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
            user: RwSignal::new(user),
            user_known: RwSignal::new(user_known),
            not_moved: RwSignal::new(not_moved),
            rules: RwSignal::new(None),
            rules_wanted: RwSignal::new(draft_stored),
            room: RwSignal::new(None),
        };
        store.measure_room();
        store.trust_stored_summaries(&index.summaries);
        store.listen_to_other_tabs();
        store.record_changes_when_committed();
        store.listen_for_persistence();
        store
    }

    /// Runs `f` on the store's own bookkeeping. Never nested: `f` touches nothing else of it.
    fn working<R: Default>(&self, f: impl FnOnce(&mut Working) -> R) -> R {
        self.work.try_update_value(f).unwrap_or_default()
    }

    pub fn get(&self, id: &str) -> Option<Case> {
        if id == NEW_CASE {
            return Some(self.draft.get());
        }
        self.cases
            .with(|cases| cases.iter().find(|c| c.id == id).cloned())
    }

    /// Whether the page of case `id` can be drawn: the case has been read, or it is not on this
    /// device (the page says so). If it must be read first, reading starts, and the caller (which
    /// tracks `cases`) is drawn again once it has been.
    pub fn case_ready(&self, id: &str) -> bool {
        if self.cases.with(|cases| cases.iter().any(|c| c.id == id)) {
            return true;
        }
        // Cases are read with the case format, which comes with the rules.
        if self.rules.with(Option::is_none) {
            return false;
        }
        let stored = self.index.with(|index| index.iter().any(|(x, _)| x == id));
        if !stored || self.all_read.get() {
            return true;
        }
        self.begin_reading(Reading::Cases(vec![id.to_string()]));
        false
    }

    /// Whether every case has been read, for a page that lists them all; if not, reading starts,
    /// and the caller (which tracks `all_read`) is drawn again once it is done.
    pub fn all_ready(&self) -> bool {
        if self.all_read.get() {
            return true;
        }
        if self.rules.with(Option::is_none) {
            if !self.rules_wanted.get_untracked() {
                self.rules_wanted.set(true);
            }
            return false;
        }
        self.begin_reading(Reading::All);
        false
    }

    /// Reading cases takes the case format, and the code for it comes with the rules' module.
    fn begin_reading(&self, reading: Reading) {
        if let Some(rules) = self.rules.get_untracked() {
            (rules.read)(*self, reading);
        }
    }

    /// `Rules::read`.
    pub fn read_cases(self, reading: Reading) {
        match reading {
            Reading::Cases(ids) => self.open_cases(ids),
            Reading::All => self.read_everything(),
            Reading::Again => leptos::task::spawn_local(self.open_all()),
            Reading::ToSummarise(ids) => self.summarise_stored(ids),
            Reading::Changed { id, text } => leptos::task::spawn_local(self.take_changed(id, text)),
        }
    }

    /// The stored form of a case, once the rules' module has brought it.
    fn format(&self) -> Option<stored::Format> {
        self.rules.with_untracked(|r| r.map(|r| r.format))
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
        self.working(|w| {
            w.typing.retain(|x| x != id);
            if audited_later {
                w.typing.push(id.to_string());
                if !w.audit_base.iter().any(|(x, _)| x == id) {
                    w.audit_base.push((id.to_string(), before));
                }
            }
        });
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

    /// The summary of every case shown here (see `shows`), for the case list; `None` while some
    /// must be made first. A case in memory is summarised as it is now (only if it changed); any
    /// other by its stored summary, if that was made today from its present revision. The rest
    /// are read in the background, summarised and let go again.
    pub fn summaries(&self) -> Option<Vec<Summary>> {
        // In training each trainee sees only the cases they started: that takes every case.
        if self.training() && !self.all_ready() {
            return None;
        }
        let today = self.today.get();
        let rules = self.rules.get();
        let _ = self.summaries_made.get();
        let listing = self.holidays.with(|holidays| {
            let summarize = rules.map(|r| move |c: &Case| (r.summarize)(c, today, holidays));
            self.index.with(|index| {
                self.cases.with(|cases| {
                    self.working(|w| {
                        w.summary_cache.for_day(today, holidays);
                        w.summary_cache
                            .listing(index, cases, |c| self.shows(c), summarize)
                    })
                })
            })
        });
        if let Some(rules) = rules.filter(|_| !listing.made.is_empty()) {
            (rules.keep_summaries)(*self, &listing.made);
        }
        if listing.complete() {
            return Some(listing.shown);
        }
        if !listing.unread.is_empty() && rules.is_some() {
            self.begin_reading(Reading::ToSummarise(listing.unread));
        } else if !self.rules_wanted.get_untracked() {
            // The rules make the missing summaries: fetch them.
            self.rules_wanted.set(true);
        }
        None
    }

    /// `Rules::keep_summaries`: keeps summaries made again (missing, stale or from another day)
    /// for next time. Not while protection is on: summaries name people.
    pub fn store_summaries(self, made: &[Summary]) {
        if made.is_empty() || self.lock.get_untracked() != Lock::Off {
            return;
        }
        let today = self.today.get_untracked();
        let entries = self.holidays.with_untracked(|h| {
            made.iter()
                .map(|s| (s.id.clone(), storage::encode_summary(s, today, h)))
                .collect()
        });
        leptos::task::spawn_local(storage::save_summaries(entries));
    }

    /// Reads these cases in the background only to summarise them (their stored summary is
    /// missing, stale or from another day), keeps the summaries and lets the cases go again. A few
    /// at a time, pausing between cases, so the page answers keys and clicks throughout.
    fn summarise_stored(&self, ids: Vec<String>) {
        let Some(rules) = self.rules.get_untracked() else {
            return;
        };
        let Some(ids) = self.start_reading(ids) else {
            return;
        };
        let store = *self;
        leptos::task::spawn_local(async move {
            let not_moved = store.not_moved.get_untracked();
            for batch in ids.chunks(SUMMARISED_AT_ONCE) {
                let read = stored::read_some(batch, not_moved, rules.format).await;
                store.after_reading(batch, &read).await;
                let today = store.today.get_untracked();
                let mut made = Vec::with_capacity(read.cases.len());
                let mut slices = storage::Slices::new();
                for case in &read.cases {
                    slices.step().await;
                    made.push(
                        store
                            .holidays
                            .with_untracked(|h| (rules.summarize)(case, today, h)),
                    );
                }
                store.working(|w| w.summary_cache.keep(today, &made));
                store.store_summaries(&made);
            }
            store.summaries_made.update(|n| *n += 1);
        });
    }

    /// Reads these cases to open them, and keeps them.
    fn open_cases(&self, ids: Vec<String>) {
        let Some(format) = self.format() else { return };
        let Some(ids) = self.start_reading(ids) else {
            return;
        };
        let store = *self;
        leptos::task::spawn_local(async move {
            let read = stored::read_some(&ids, store.not_moved.get_untracked(), format).await;
            store.after_reading(&ids, &read).await;
            store.took_in(read.cases);
        });
    }

    /// The cases among `ids` not being read already, now marked as being read (`None` if none).
    fn start_reading(&self, mut ids: Vec<String>) -> Option<Vec<String>> {
        self.working(|w| ids.retain(|id| w.reading.insert(id.clone())));
        (!ids.is_empty()).then_some(ids)
    }

    /// What reading `ids` found: their stored revisions; those no longer there (deleted in
    /// another tab, or set aside as unreadable) leave the list.
    async fn after_reading(&self, ids: &[String], read: &stored::Read) {
        self.working(|w| {
            for id in ids {
                w.reading.remove(id);
            }
        });
        // Told before the case leaves the list, so its page can say why.
        if read.set_aside {
            self.quarantined.set(storage::quarantined().await);
        }
        // Told only if something changed: each change has the list made again.
        let gone: Vec<&String> = ids
            .iter()
            .filter(|id| !read.cases.iter().any(|c| c.id == **id))
            .collect();
        let moved = self.index.with_untracked(|index| {
            read.cases.iter().any(|c| {
                index
                    .iter()
                    .any(|(id, revision)| *id == c.id && *revision != c.revision)
            })
        });
        if gone.is_empty() && !moved {
            return;
        }
        self.index.update(|index| {
            index.retain(|(id, _)| !gone.contains(&id));
            for case in &read.cases {
                if let Some(entry) = index.iter_mut().find(|(id, _)| *id == case.id) {
                    entry.1 = case.revision;
                }
            }
        });
    }

    fn refresh_set_aside(&self) {
        let quarantined = self.quarantined;
        leptos::task::spawn_local(async move { quarantined.set(storage::quarantined().await) });
    }

    /// The rules have arrived, with the case format: cases can now be read (each is settled as
    /// it is, see `took_in`), and a draft left from before is read.
    pub fn arrive(&self, rules: Rules) {
        // A draft left from before is read first, so the create page opens with it.
        if self.lock.get_untracked() == Lock::Off {
            let draft = storage::load_text(&storage::draft_key())
                .and_then(|text| (rules.format.decode)(&text).ok());
            if let Some(draft) = draft {
                self.draft.set(draft);
            }
        }
        self.rules.set(Some(rules));
    }

    /// Starts the summary cache from the stored summaries made today with today's bank holidays.
    fn trust_stored_summaries(&self, stored: &[(String, String)]) {
        let today = self.today.get_untracked();
        let cache = self
            .holidays
            .with_untracked(|h| Summaries::trusting(stored, today, h));
        self.working(|w| w.summary_cache = cache);
    }

    /// The summary of one case as it is now, kept in the cache (made again only if it changed).
    fn summary_of(&self, case: &Case) -> Option<Summary> {
        let today = self.today.get_untracked();
        let rules = self.rules.get_untracked()?;
        self.holidays.with_untracked(|h| {
            self.working(|w| {
                Some(
                    w.summary_cache
                        .summary_of(case, today, |c| (rules.summarize)(c, today, h)),
                )
            })
        })
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
        // Nothing has changed before the rules came: every case is read and changed with them.
        if let Some(rules) = self.rules.get_untracked() {
            (rules.record)(*self);
        }
    }

    /// `Rules::record`.
    pub fn record_now(self) {
        let Some(rules) = self.rules.get_untracked() else {
            return;
        };
        let bases = self.working(|w| std::mem::take(&mut w.audit_base));
        let (at, by) = (now_stamp(), self.who());
        for (id, before) in bases {
            let events = self
                .in_memory(&id)
                .map(|now| (rules.events_between)(&before, &now, &at, &by));
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

    /// Notes a case as stored with this revision (created, imported, written).
    fn list(&self, id: &str, revision: u64) {
        let known = self
            .index
            .with_untracked(|index| index.iter().any(|e| e.0 == id && e.1 == revision));
        if known {
            return;
        }
        self.index
            .update(|index| match index.iter_mut().find(|(x, _)| x == id) {
                Some(entry) => entry.1 = revision,
                None => index.push((id.to_string(), revision)),
            });
    }

    fn unlist(&self, id: &str) {
        self.index.update(|index| index.retain(|(x, _)| x != id));
        self.working(|w| w.summary_cache.forget(id));
    }

    /// Stores a case as given (an imported one), adding it or replacing the one with its id.
    pub fn put_case(&self, mut case: Case) {
        case.lapse_stale_suitable(self.today.get_untracked(), &now_stamp(), &self.who());
        let id = case.id.clone();
        // An imported case may carry the revision of the one it replaces: summarise it afresh.
        self.working(|w| {
            w.audit_base.retain(|(x, _)| *x != id);
            w.summary_cache.forget(&id);
        });
        let revision = case.revision;
        self.cases
            .update(|cases| match cases.iter_mut().find(|c| c.id == id) {
                Some(c) => *c = case,
                None => cases.push(case),
            });
        self.list(&id, revision);
        self.persist(&id);
    }

    /// Says who uses this device, from now on, as the person said it. Refused (nothing changes)
    /// while team sync is set up: the team's server says who is signed in.
    pub fn set_user(&self, user: User) -> bool {
        if storage::identity::from_server() {
            return false;
        }
        self.record_changes();
        let _ = storage::identity::state(&user);
        self.user.set(Some(user));
        self.now_known();
        true
    }

    /// Takes the person the team's server says is signed in (`storage::identity`).
    pub fn signed_in_as(&self, user: User) {
        if self.user.with_untracked(|u| u.as_ref() == Some(&user)) {
            return;
        }
        self.record_changes();
        let _ = storage::identity::signed_in(&user);
        self.user.set(Some(user));
        self.now_known();
    }

    fn now_known(&self) {
        if !self.user_known.get_untracked() {
            self.user_known.set(true);
        }
    }

    fn in_memory(&self, id: &str) -> Option<Case> {
        if id == NEW_CASE {
            return Some(self.draft.get_untracked());
        }
        self.cases
            .with_untracked(|cases| cases.iter().find(|c| c.id == id).cloned())
    }

    /// Writes one case (or the draft) from memory to storage, with the saving code the rules'
    /// module brings (`Rules::save`): the case list, which only reads, is downloaded without it.
    fn persist(&self, id: &str) {
        match self.rules.get_untracked() {
            Some(rules) => (rules.save)(*self, id),
            // Cannot happen (a case is changed only once the rules are here), but never
            // silently: the change stays on screen, waiting to be saved.
            None => self.report(id, Err(storage::SaveError::Unavailable)),
        }
    }

    /// `Rules::save`.
    pub fn save(self, id: &str) {
        if id == NEW_CASE {
            self.persist_draft();
            return;
        }
        self.sign_when_due(id);
        let Some(format) = self.format() else {
            // Cannot happen (a case is changed only once read, with the format), but never
            // silently: the change stays on screen, waiting to be saved.
            self.report(id, Err(storage::SaveError::Unavailable));
            return;
        };
        let lock = self.lock.get_untracked();
        let journaled = self.cases.with_untracked(|cases| {
            let case = cases.iter().find(|c| c.id == id)?;
            Some((
                id.to_string(),
                case.revision,
                stored::journal(case, lock, format)?,
            ))
        });
        let started = self.working(|w| {
            if journaled.is_some() {
                w.journaled = journaled;
            }
            w.writes.start(id)
        });
        if !started {
            return;
        }
        let (store, id) = (self, id.to_string());
        leptos::task::spawn_local(async move {
            loop {
                let Some(case) = store.in_memory(&id) else {
                    store.working(|w| while w.writes.ended(&id) {});
                    break;
                };
                let result = store.write(&case).await;
                if result.is_ok() {
                    store.working(|w| w.saved_revision.insert(id.clone(), case.revision));
                    crate::storage::sync::signatures::stored_signed(&case);
                }
                store.report(&id, result);
                if !store.working(|w| w.writes.ended(&id)) {
                    break;
                }
            }
        });
    }

    /// With team sync, signs what the person signed in has just decided or recorded on this
    /// case (`storage::sync::signatures`), then saves the case again with the signatures.
    fn sign_when_due(self, id: &str) {
        use crate::storage::sync::signatures;
        if !storage::sync::team::is_set_up() {
            return;
        }
        let Some(signer) = signatures::signer() else {
            return;
        };
        let due = self.cases.with_untracked(|cases| {
            cases.iter().find(|c| c.id == id).is_some_and(|c| {
                !crate::domain::attest::to_sign(c, &signer.account, &signer.key).is_empty()
            })
        });
        if !due {
            return;
        }
        // Noted first: a tab closed before the signature is made signs it when next opened.
        signatures::to_be_signed(id);
        let id = id.to_string();
        leptos::task::spawn_local(async move {
            let Some(case) = self.in_memory(&id) else {
                return;
            };
            let signed = signatures::sign_pending(&case).await;
            if !signed.is_empty() {
                self.apply(&id, |c| signatures::put(c, signed), false);
            }
        });
    }

    /// Signs what was left unsigned when the app last closed (`sign_when_due`: a case stays
    /// noted until a version with nothing left to sign is stored), reading each such case first.
    pub async fn sign_left_unsigned(self) {
        use crate::storage::sync::signatures;
        let ids = signatures::unsigned();
        if !ids.is_empty() && self.rules.with_untracked(Option::is_none) {
            // Cases are read and signed with the rules' module.
            self.rules_wanted.set(true);
        }
        for id in ids {
            // Asking starts the reading; a minute at most (a slow device, a busy one).
            let mut waited = 0;
            while !self.case_ready(&id) && waited < 240 {
                after_ms(250).await;
                waited += 1;
            }
            // Saving it again signs it (`save` calls `sign_when_due`), through the rules'
            // module that holds the signing.
            match self.in_memory(&id) {
                Some(_) => self.persist(&id),
                None => signatures::signed(&id),
            }
        }
    }

    /// One write of a case, checked against the revision this tab last knew.
    async fn write(&self, case: &Case) -> Result<(), storage::SaveError> {
        let base = self.working(|w| w.saved_revision.get(&case.id).unwrap_or(0));
        let sealed = self.lock.get_untracked() == Lock::Unlocked;
        let summary = if sealed {
            None
        } else {
            self.stored_summary(case)
        };
        let plain = self
            .working(|w| {
                w.journaled
                    .take_if(|(id, rev, _)| *id == case.id && *rev == case.revision)
            })
            .map(|(_, _, text)| text);
        let format = self.format().ok_or(storage::SaveError::Unavailable)?;
        stored::write(case, plain, sealed, summary, Some(base), format).await
    }

    /// A case's summary as stored, if the rules are here to make it (if not, none is stored,
    /// and the list makes it when it next needs it).
    fn stored_summary(&self, case: &Case) -> Option<String> {
        if self.working(|w| w.typing.contains(&case.id)) {
            return None;
        }
        let summary = self.summary_of(case)?;
        Some(
            self.holidays.with_untracked(|h| {
                storage::encode_summary(&summary, self.today.get_untracked(), h)
            }),
        )
    }

    /// Sealing takes a moment, so the draft is saved in the background, and a save overtaken by a
    /// newer change is dropped (the newer change's own save writes it).
    fn persist_draft(&self) {
        let store = *self;
        let Some(format) = self.format() else {
            self.report(NEW_CASE, Err(storage::SaveError::Unavailable));
            return;
        };
        if self.lock.get_untracked() != Lock::Unlocked {
            let result = stored::save_draft(&self.draft.get_untracked(), format);
            self.report(NEW_CASE, result);
            return;
        }
        leptos::task::spawn_local(async move {
            let case = store.draft.get_untracked();
            let sealed = stored::sealed_text(&case, format).await;
            if store.draft.with_untracked(|now| *now != case) {
                return;
            }
            let result = match sealed {
                Some(text) => storage::save_raw(&storage::draft_key(), &text),
                None => Err(storage::SaveError::Unavailable),
            };
            store.report(NEW_CASE, result);
        });
    }

    /// Asks the browser how much room is used and left, at most once every ten seconds.
    pub fn measure_room(&self) {
        let now = js_sys::Date::now();
        let due = self.working(|w| {
            let due = now - w.room_asked >= 10_000.0;
            if due {
                w.room_asked = now;
            }
            due
        });
        if !due {
            return;
        }
        let room = self.room;
        leptos::task::spawn_local(async move { room.set(storage::room().await) });
    }

    /// Shows what a save's result means (see `storage::cases::settle`), and tries again any
    /// change still waiting once a write works.
    fn report(&self, id: &str, result: Result<(), storage::SaveError>) {
        if result.is_ok() {
            self.measure_room();
            if let Some(case) = self.in_memory(id).filter(|_| id != NEW_CASE) {
                self.list(id, case.revision);
            }
        }
        let mut problem = self.problem.get_untracked();
        let next = self.working(|w| stored::settle(&mut w.pending, &mut problem, id, result));
        if problem != self.problem.get_untracked() {
            self.problem.set(problem);
        }
        if let Some(next) = next {
            self.save_again(&next);
        }
    }

    /// Tries again to save every change that storage refused (for lack of room, say).
    pub fn retry_pending(&self) {
        if let Some(first) = self.working(|w| w.pending.first().cloned()) {
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
            self.working(|w| w.pending.retain(|x| x != id));
            self.retry_pending();
        }
    }

    /// Settles a conflict with another tab: keep this tab's version (saved over theirs), or take
    /// the version in storage.
    pub fn resolve_conflict(&self, id: &str, keep_mine: bool) {
        let (store, id) = (*self, id.to_string());
        let Some(format) = self.format() else { return };
        leptos::task::spawn_local(async move {
            let stored = match storage::case_text(&id).await {
                Some(text) => stored::open(&id, &text, format).await,
                None => None,
            };
            match stored {
                Some(theirs) if !keep_mine => {
                    store.working(|w| w.saved_revision.insert(id.clone(), theirs.revision));
                    store.list(&id, theirs.revision);
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
                    store.working(|w| w.saved_revision.insert(id.clone(), stored_revision));
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
        self.list(&id, 1);
        self.persist(&id);
        storage::clear_draft();
        self.draft.set(Case::blank(NEW_CASE, &now_stamp()));
        id
    }

    pub fn delete(&self, id: &str) {
        self.cases.update(|cases| cases.retain(|c| c.id != id));
        self.unlist(id);
        self.working(|w| w.pending.retain(|x| x != id));
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

    /// Deletes everything on the device, both spaces (see `storage::delete_everything`), and
    /// shows nothing of it.
    pub async fn delete_everything(self) {
        storage::delete_everything().await;
        self.forget_everything();
        self.forget_work();
        self.retention_days
            .set(crate::domain::retention::DEFAULT_DAYS);
        self.holidays.set(Vec::new());
        lock::forget();
    }

    /// From a tab in training: deletes training only (see `storage::delete_training`); real
    /// cases, settings and who is using the device stay.
    pub async fn delete_training(self) {
        storage::delete_training().await;
        self.forget_cases();
        self.forget_work();
    }

    /// This tab's unsaved work on the cases just deleted.
    fn forget_work(&self) {
        self.working(|w| {
            w.pending.clear();
            w.saved_revision.clear();
            w.audit_base.clear();
        });
        self.problem.set(None);
        self.draft.set(Case::blank(NEW_CASE, &now_stamp()));
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

    /// Reads every case in the background (see `all_ready`).
    fn read_everything(&self) {
        if self.lock.get_untracked() == Lock::Locked
            || self.working(|w| std::mem::replace(&mut w.reading_all, true))
        {
            return;
        }
        let store = *self;
        leptos::task::spawn_local(async move {
            store.read_all().await;
            store.working(|w| w.reading_all = false);
        });
    }

    /// Reads every case, unsealing the sealed ones if the passphrase has been given; one that
    /// cannot be read is set aside, never lost. A case another tab changed meanwhile is already
    /// here in its newer version, and kept.
    async fn read_all(self) {
        let format = self.format_when_here().await;
        let read = stored::read_all(self.not_moved.get_untracked(), format).await;
        if read.set_aside {
            self.refresh_set_aside();
        }
        // Every stored case, and any this tab holds that is not stored yet (just created).
        let mut index: Vec<(String, u64)> = read
            .cases
            .iter()
            .map(|c| (c.id.clone(), c.revision))
            .collect();
        self.cases.with_untracked(|cases| {
            for c in cases {
                match index.iter_mut().find(|(id, _)| *id == c.id) {
                    Some(entry) => entry.1 = entry.1.max(c.revision),
                    None => index.push((c.id.clone(), c.revision)),
                }
            }
        });
        self.index.set(index);
        self.took_in(read.cases);
        self.all_read.set(true);
    }

    /// The case format, waiting for the rules' module to bring it if need be.
    async fn format_when_here(self) -> stored::Format {
        loop {
            if let Some(format) = self.format() {
                return format;
            }
            if !self.rules_wanted.get_untracked() {
                self.rules_wanted.set(true);
            }
            after_ms(50).await;
        }
    }

    /// Takes in cases read from storage. A case this tab already holds in a newer version (it
    /// changed it, or another tab did meanwhile) is kept as it is.
    fn took_in(&self, read: Vec<Case>) {
        self.working(|w| {
            for c in &read {
                w.saved_revision.read(&c.id, c.revision);
            }
        });
        let mut held = Vec::new();
        self.cases.update(|cases| {
            for case in read {
                match cases.iter_mut().find(|c| c.id == case.id) {
                    Some(c) if c.revision >= case.revision => held.push((c.id.clone(), c.revision)),
                    Some(c) => *c = case,
                    None => cases.push(case),
                }
            }
        });
        for (id, revision) in held {
            self.list(&id, revision);
        }
        // Not while the lock is being opened: a case saved then would be written unsealed
        // (`unlock` settles them once it is open).
        if self.lock.get_untracked() != Lock::Locked {
            self.settle_recorded_outcomes();
        }
    }

    /// Reads every case and the draft from storage, unsealing the sealed ones (the lock opened,
    /// or protection turned off in another tab).
    async fn open_all(self) {
        let format = self.format_when_here().await;
        if let Some(draft) = stored::open_draft(format).await {
            self.draft.set(draft);
        }
        self.cases.set(Vec::new());
        self.working(|w| w.saved_revision.clear());
        self.read_all().await;
        self.quarantined.set(storage::quarantined().await);
    }

    /// Forgets the key and clears the cases from the screen until the passphrase is given again.
    pub fn lock_now(&self) {
        lock::forget();
        self.cases.set(Vec::new());
        self.all_read.set(false);
        self.draft.set(Case::blank(NEW_CASE, &now_stamp()));
        self.lock.set(Lock::Locked);
    }

    /// Turns protection on: from now on every case is stored sealed. The lock record is written
    /// first, so an interruption leaves cases either sealed or plain, and both can be opened.
    pub async fn protect(self, passphrase: String) -> bool {
        if !self.all_read.get_untracked() {
            self.read_all().await;
        }
        let Some(record) = lock::new_lock(&passphrase).await else {
            return false;
        };
        if storage::save_raw(lock::LOCK_KEY, &record).is_err() {
            lock::forget();
            return false;
        }
        self.lock.set(Lock::Unlocked);
        // A team key kept on the device would open the team's cases without the passphrase.
        if storage::sync::team::is_set_up() {
            storage::sync::engine::forget_key().await;
        }
        let format = self.format_when_here().await;
        stored::seal_all(&self.cases.get_untracked(), format).await;
        self.persist(NEW_CASE);
        true
    }

    /// Turns protection off: every case is stored plain again and the lock record removed.
    pub fn unprotect(&self) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let format = store.format_when_here().await;
            let cases = store.cases.get_untracked();
            stored::unseal_all(&cases, |c| store.stored_summary(c), format).await;
            let _ = stored::save_draft(&store.draft.get_untracked(), format);
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
        let follow = move |change: OtherTab| {
            leptos::task::spawn_local(async move { follow_other_tab(store, change).await });
        };
        // Settings, the draft and the lock record are in local storage: its events tell.
        let on_storage =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
                match ev.key() {
                    // Another tab cleared all storage.
                    None => store.forget_everything(),
                    Some(key) => follow(OtherTab::Stored {
                        key,
                        removed: ev.new_value().is_none(),
                    }),
                }
            });
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        }
        on_storage.forget();
        // Cases are in IndexedDB: another tab says on a broadcast channel which one it changed.
        storage::db::listen(move |change| match change {
            storage::db::Change::Cleared => store.forget_everything(),
            change => follow(OtherTab::Cases(change)),
        });
    }

    /// Follows what another tab did (see `follow_other_tab`).
    fn follow(self, change: OtherTab) {
        match change {
            OtherTab::Stored { key, removed } => self.follow_stored(&key, removed),
            OtherTab::Cases(storage::db::Change::Cleared) => self.forget_everything(),
            OtherTab::Cases(storage::db::Change::SpaceCleared) => self.forget_cases(),
            OtherTab::Cases(_) if self.lock.get_untracked() == Lock::Locked => {}
            OtherTab::Cases(storage::db::Change::SetAside) => self.refresh_set_aside(),
            OtherTab::Cases(storage::db::Change::Case(id)) => {
                leptos::task::spawn_local(async move { self.follow_case(id).await })
            }
        }
    }

    /// Another tab changed a local storage key: the lock record or the draft matter here.
    fn follow_stored(self, key: &str, removed: bool) {
        if key == lock::LOCK_KEY {
            // Protection turned on or off in another tab: follow it.
            match (!removed, self.lock.get_untracked()) {
                (true, Lock::Off) => self.lock_now(),
                (false, Lock::Locked | Lock::Unlocked) => {
                    lock::forget();
                    self.lock.set(Lock::Off);
                    self.begin_reading(Reading::Again);
                }
                _ => {}
            }
            return;
        }
        if self.lock.get_untracked() == Lock::Locked || key != storage::draft_key() || removed {
            return;
        }
        // Without the format the draft is read when the rules come (see `arrive`).
        let Some(format) = self.format() else { return };
        leptos::task::spawn_local(async move {
            if let Some(theirs) = stored::open_draft(format).await {
                self.draft.set(theirs);
            }
        });
    }

    /// Everything was deleted (here or in another tab): show nothing of it.
    fn forget_everything(&self) {
        self.user.set(None);
        self.user_known.set(false);
        self.forget_cases();
        self.lock.set(Lock::Off);
    }

    /// This tab's space was emptied: show none of its cases.
    fn forget_cases(&self) {
        self.cases.set(Vec::new());
        self.index.set(Vec::new());
        self.all_read.set(true);
        self.quarantined.set(Vec::new());
    }

    /// Another tab, or team sync, wrote or deleted case `id`: show its version here unless this
    /// tab is holding a change of its own it could not save (that is settled by the person, as a
    /// conflict).
    pub async fn follow_case(self, id: String) {
        let busy = self.working(|w| w.pending.contains(&id))
            || matches!(self.problem.get_untracked(), Some(SaveProblem::Conflict { id: ref c }) if *c == id);
        if busy {
            return;
        }
        let Some(entry) = storage::db::entries(std::slice::from_ref(&id)).await.pop() else {
            self.cases.update(|cases| cases.retain(|c| c.id != id));
            self.unlist(&id);
            return;
        };
        let held = self
            .cases
            .with_untracked(|cases| cases.iter().any(|c| c.id == id));
        // A case not read here needs reading only if every case is shown (a list of them all).
        let read_here = self.format().is_some() && (held || self.all_read.get_untracked());
        if !read_here {
            self.follow_summary(&id, &entry);
            return;
        }
        self.begin_reading(Reading::Changed {
            id,
            text: entry.text,
        });
    }

    /// Takes in a case another tab changed (see `follow`): its newer version, unless this tab
    /// holds one at least as new by then. One that cannot be read is set aside.
    async fn take_changed(self, id: String, text: String) {
        let Some(format) = self.format() else { return };
        let Some(theirs) = stored::open(&id, &text, format).await else {
            storage::quarantine(&id, &text).await;
            self.cases.update(|cases| cases.retain(|c| c.id != id));
            self.unlist(&id);
            self.refresh_set_aside();
            return;
        };
        let ours = self
            .cases
            .with_untracked(|cases| cases.iter().find(|c| c.id == id).map(|c| c.revision));
        if ours.is_none_or(|r| theirs.revision > r) {
            // The other tab records its own changes.
            self.working(|w| {
                w.audit_base.retain(|(x, _)| *x != id);
                w.saved_revision.insert(id.clone(), theirs.revision);
            });
            self.list(&id, theirs.revision);
            self.cases
                .update(|cases| match cases.iter_mut().find(|c| c.id == id) {
                    Some(c) => *c = theirs,
                    None => cases.push(theirs),
                });
        }
    }

    /// A case this tab has not read changed in another tab: its summary, if the other tab
    /// stored one, is enough for the list (if not, the list reads the case to summarise it).
    fn follow_summary(&self, id: &str, entry: &storage::db::Entry) {
        let (today, holidays) = (self.today.get_untracked(), self.holidays.get_untracked());
        let summary = entry
            .summary
            .as_deref()
            .and_then(|text| storage::decode_summary(text, today, &holidays));
        if let Some(summary) = summary {
            self.working(|w| w.summary_cache.keep(today, std::slice::from_ref(&summary)));
        }
        self.working(|w| w.saved_revision.insert(id.to_string(), entry.revision));
        self.list(id, entry.revision);
    }
}

/// Resolves after `ms` milliseconds.
pub(crate) async fn after_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
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
    // Not `expect_context`: its message formats the caller's location, which costs download.
    use_context::<Store>().expect("the app provides the store")
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
