//! Who uses this device, as the audit trail and every decision name them. Without team sync, the
//! person says so once ("Who is using this device?"); with team sync, the team's server says so
//! (`/_session`: the account and the roles its administrator gave), and the device cannot be
//! switched to anyone else, or to another role, while team sync is set up.

use crate::domain::audit::User;

/// The settings key: `psc.settings.user`.
const SETTING: &str = "user";

/// The person stored on this device, if any.
pub fn load() -> Option<User> {
    super::load_setting(SETTING).and_then(|t| miniserde::json::from_str(&t).ok())
}

/// Whether the person's name and role come from the team's server, not from this device.
pub fn from_server() -> bool {
    super::sync::team::is_set_up()
}

/// Stores the person as they said on this device. Refused while team sync is set up: then only
/// the team's server says who is signed in.
pub fn state(user: &User) -> Result<(), super::SaveError> {
    if from_server() {
        return Err(super::SaveError::Unavailable);
    }
    super::save_setting(SETTING, &user.to_json())
}

/// Stores the person the team's server says is signed in.
pub fn signed_in(user: &User) -> Result<(), super::SaveError> {
    super::save_setting(SETTING, &user.to_json())
}
