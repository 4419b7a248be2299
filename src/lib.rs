//! Pre-sentence safeguarding checks: the library behind the web app.
//!
//! Arrows point one way: `ui` → `domain`, `ui` → `storage` → `domain`, `ui` → `training` →
//! `domain`. `domain` and `training` are pure and are tested natively with `cargo test`.

pub mod content;
pub mod domain;
pub mod storage;
pub mod training;
pub mod ui;
