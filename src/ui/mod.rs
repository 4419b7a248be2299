//! The Leptos user interface. It only displays what the rules decide.
pub mod app;
pub mod components;
pub mod download;
pub mod pages;
pub mod part;
pub mod router;
pub mod state;
pub mod team_sync;
