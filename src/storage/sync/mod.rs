//! Team sync: a court team's cases shared between its devices through CouchDB's replication
//! protocol, sealed on the device so the server never reads them (issue 13, in slices).
//!
//! - `team`: where the team's server is, and signing in to it with CouchDB's own accounts.
//! - `revs`: the protocol's revision trees; pure, and tested with `cargo test`.
//! - `plan`: what a round of replication does with each case; pure, and tested likewise.
//! - `problems`: versions this device refused, kept until a person dismisses them.
//! - `engine`: a round of replication with the server, in both directions.
//! - `directory`: the team's agency directory, merged from every device's view each round.
//! - `signatures`: each person's signing key, their decisions signed, everyone's checked.
//! - `leaving`: a member's key revoked: the cases they signed here judged again.

pub mod directory;
pub mod engine;
pub mod leaving;
pub mod plan;
pub mod problems;
pub mod revs;
pub mod signatures;
pub mod team;

thread_local! {
    static SAVED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A case was saved on this device: team sync, if on, sends it soon.
pub fn saved() {
    SAVED.with(|s| s.set(true));
}

/// Whether a case was saved since this was last asked.
pub fn take_saved() -> bool {
    SAVED.with(|s| s.replace(false))
}
