//! Pre-sentence safeguarding checks: the library behind the web app.
//!
//! Arrows point one way: `ui` → `domain`, `ui` → `storage` → `domain`.

pub mod domain;
