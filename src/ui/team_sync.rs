//! Team sync running in the background while the app is open: a round of replication
//! (`storage::sync::engine`) soon after each save here, and every few seconds for what the team
//! changed, with what the Team sync page shows of it. Started when the person signs in on that
//! page, and again each time the app opens on a device where team sync is set up (the browser
//! keeps CouchDB's session cookie; a session that has lapsed asks for the password again).

use leptos::prelude::*;

use crate::storage::cases::{Format, Lock};
use crate::storage::sync::engine::{self, Trouble};
use crate::storage::sync::problems::Problem;
use crate::storage::sync::signatures::{self, Registered};
use crate::storage::sync::{self, team::TeamServer};
use crate::ui::state::{Store, after_ms};

/// What the Team sync page shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SyncStatus {
    /// Running in this tab.
    pub on: bool,
    /// Started here, but another tab of the app is the one syncing.
    pub elsewhere: bool,
    /// When this device last finished a round (milliseconds since 1970).
    pub last: Option<f64>,
    /// Cases changed here that the team has not had yet; `None` until counted, so a page
    /// drawn before the count never says 0 (a test, or a person, waiting for "0" would take it
    /// for "all sent" while the first round is still sending).
    pub waiting: Option<usize>,
    /// Why the last round stopped, if it did.
    pub trouble: Option<Trouble>,
    /// Versions from the team's server this device refused, until a person dismisses them.
    pub problems: Vec<Problem>,
    /// Cases changed on this device and another while apart (local ids).
    pub conflicts: Vec<String>,
    /// Whether this person's signing key is registered with the team (`None`: not known yet),
    /// and if the server refused it, its reason.
    pub signing: Option<Result<(), String>>,
}

thread_local! {
    static STATUS: ArcRwSignal<SyncStatus> = ArcRwSignal::new(SyncStatus::default());
    /// Bumped to start a new loop or stop the running one.
    static RUN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    static NOW: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

pub fn status() -> ArcRwSignal<SyncStatus> {
    STATUS.with(Clone::clone)
}

/// Whether team sync is set up on this device (the footer says where cases go), given by the
/// app's frame as context, and set by the Team sync page.
#[derive(Clone, Copy)]
pub struct TeamSetUp(pub RwSignal<bool>);

/// How long to wait between rounds for the team's changes.
const EVERY_MS: f64 = 5_000.0;

/// Starts syncing with `server` in this tab (stopping any earlier loop).
pub fn start(store: Store, server: TeamServer) {
    let run = RUN.with(|r| {
        r.set(r.get() + 1);
        r.get()
    });
    let status = status();
    status.update(|s| s.elsewhere = true);
    leptos::task::spawn_local(async move {
        let running = || RUN.with(|r| r.get()) == run;
        // Who is signed in, and in which role, is the server's to say (`storage::identity`).
        if let Some(session) = crate::storage::sync::team::session(&server).await {
            store.signed_in_as(crate::domain::attest::user_from_server(
                &session.name,
                &session.roles,
            ));
            // This person's signing key on this device, registered with the team.
            let registered = signatures::register(&server, &session).await;
            status.update(|s| {
                s.signing = match registered {
                    Registered::Ok => Some(Ok(())),
                    Registered::Refused(why) => Some(Err(why)),
                    Registered::Unreachable => None,
                }
            });
        }
        store.sign_left_unsigned().await;
        engine::lead().await;
        if running() {
            let waiting = engine::waiting_count().await;
            status.update(|s| {
                s.elsewhere = false;
                s.on = true;
                s.waiting = Some(waiting);
                s.problems = engine::problems();
            });
        }
        while running() {
            // Stopped in another tab, or everything deleted: no round after that.
            if !crate::storage::sync::team::is_set_up() {
                stop();
                break;
            }
            let lock = store.lock.get_untracked();
            if lock != Lock::Locked {
                let taken = |id: &str| {
                    let id = id.to_string();
                    leptos::task::spawn_local(async move { store.follow_case(id).await });
                };
                let unlocked = lock == Lock::Unlocked;
                let who = store.who();
                let now = crate::ui::state::now_stamp();
                let result =
                    engine::round(&server, unlocked, Format::stored(), &who, &now, &taken).await;
                let waiting = engine::waiting_count().await;
                if !running() {
                    break;
                }
                status.update(|s| {
                    s.last = engine::last_synced();
                    s.waiting = Some(waiting);
                    s.trouble = result.as_ref().err().copied();
                    s.problems = engine::problems();
                    s.conflicts = engine::conflicts();
                });
            }
            wait(running).await;
        }
    });
}

/// Waits until the next round is due, a case is saved here, or "Sync now" is chosen.
async fn wait(running: impl Fn() -> bool) {
    let started = js_sys::Date::now();
    while running() && js_sys::Date::now() - started < EVERY_MS {
        if sync::take_saved() || NOW.with(|n| n.replace(false)) {
            return;
        }
        after_ms(250).await;
    }
}

/// Runs a round at once.
pub fn sync_now() {
    NOW.with(|n| n.set(true));
}

/// Team sync set up on this device starts with the app (its module is fetched only then).
pub fn resume(store: Store) {
    if let Some(server) = crate::storage::sync::team::load() {
        start(store, server);
    }
}

/// Stops syncing in this tab.
pub fn stop() {
    RUN.with(|r| r.set(r.get() + 1));
    status().set(SyncStatus::default());
}
