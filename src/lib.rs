//! Pre-sentence safeguarding checks: the library behind the web app.
//!
//! Arrows point one way: `ui` → `domain`, `ui` → `storage` → `domain`. `domain` is pure and is
//! tested natively with `cargo test`.

pub mod content;
pub mod domain;
pub mod storage;
pub mod ui;
