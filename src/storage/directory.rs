//! The team's agency directory, kept on this device in local storage (a setting: it holds no
//! case data, so training and real work share it).

use crate::domain::directory::Directory;

const SETTING: &str = "directory";

/// The directory on this device; empty when none is kept (or what is kept cannot be read).
pub fn load() -> Directory {
    super::load_setting(SETTING)
        .and_then(|t| miniserde::json::from_str(&t).ok())
        .unwrap_or_default()
}

pub fn save(directory: &Directory) -> Result<(), super::SaveError> {
    super::save_setting(SETTING, &miniserde::json::to_string(directory))
}
