//! Team sync: a court team's cases shared between its devices through CouchDB's replication
//! protocol, sealed on the device so the server never reads them (issue 13, in slices).
//!
//! `revs` is the protocol's revision tree: pure, and tested with `cargo test`.

pub mod revs;
