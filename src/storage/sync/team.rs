//! Where the team's CouchDB server is and who signs in to it, kept with the settings (never the
//! password), and signing in with CouchDB's own accounts through `public/team.js`.

use wasm_bindgen::JsValue;

use crate::domain::validate::FieldError;

/// The settings key: `psc.settings.team`.
const SETTING: &str = "team";

/// The team server as the person set it up.
#[derive(Clone, Debug, PartialEq, miniserde::Serialize, miniserde::Deserialize)]
pub struct TeamServer {
    /// A path on the app's own address (`/couchdb`, which the web server passes on to CouchDB),
    /// or the server's own `https://` address.
    pub address: String,
    /// The court team's database (an administrator makes it, and says who may use it).
    pub database: String,
    /// The CouchDB account's user name.
    pub name: String,
}

/// What signing in found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignIn {
    Ok,
    /// The page's Content-Security-Policy does not allow that address.
    Blocked,
    Unreachable,
    NotCouchDb,
    WrongPassword,
    /// No name and password were given, and the organisation's sign-in has not said who this is.
    NotSignedIn,
    NoDatabase,
    NoAccess,
}

impl SignIn {
    fn from_word(word: &str) -> SignIn {
        match word {
            "ok" => SignIn::Ok,
            "blocked" => SignIn::Blocked,
            "wrong-password" => SignIn::WrongPassword,
            "not-signed-in" => SignIn::NotSignedIn,
            "no-database" => SignIn::NoDatabase,
            "no-access" => SignIn::NoAccess,
            "not-couchdb" => SignIn::NotCouchDb,
            _ => SignIn::Unreachable,
        }
    }
}

/// Whether `address` is one the app can use: a path on its own address, or an `https://`
/// address (`http://` only for this device itself, as in testing).
fn usable_address(address: &str) -> bool {
    if address.chars().any(char::is_whitespace) {
        return false;
    }
    if let Some(path) = address.strip_prefix('/') {
        return !path.starts_with('/');
    }
    let rest = address
        .strip_prefix("https://")
        .or_else(|| {
            address
                .strip_prefix("http://")
                .filter(|r| r.starts_with("localhost") || r.starts_with("127.0.0.1"))
        })
        .unwrap_or("");
    !rest.is_empty() && !rest.starts_with('/')
}

/// CouchDB's rule for a database's name: a lowercase letter first, then lowercase letters,
/// digits and `_ $ ( ) + - /`.
fn database_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c))
}

/// What is wrong with the sign-in form as typed, one message a field (empty if nothing).
pub fn check(server: &TeamServer, password: &str, passphrase: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut add = |field: &str, message: &str| {
        errors.push(FieldError {
            field: field.into(),
            message: message.into(),
        })
    };
    let address = server.address.trim();
    if address.is_empty() {
        add("team-address", "Enter the team server's address");
    } else if !usable_address(address) {
        add(
            "team-address",
            "Enter the team server's address as your administrator gave it, like /couchdb or https://team.example.org",
        );
    }
    let database = server.database.trim();
    if database.is_empty() {
        add("team-database", "Enter the name of your team's database");
    } else if !database_name(database) {
        add(
            "team-database",
            "Enter the team database's name as your administrator gave it: it starts with a lowercase letter and has only lowercase letters, numbers and _ $ ( ) + - /",
        );
    }
    // Neither, when the organisation's own sign-in tells the server who this is.
    let named = !server.name.trim().is_empty();
    if !named && !password.is_empty() {
        add("team-name", "Enter your user name for the team server");
    }
    if named && password.is_empty() {
        add("team-password", "Enter your password for the team server");
    }
    if passphrase.is_empty() {
        add("team-passphrase", "Enter your team passphrase");
    } else if passphrase.chars().count() < super::super::lock::MIN_PASSPHRASE_CHARS {
        add(
            "team-passphrase",
            "Team passphrase must be 10 characters or more: it seals every case your team shares",
        );
    }
    errors
}

/// Whether a team server is set up on this device (cheaper than `load`: the first download
/// asks this at every start, and need not carry the reading of the setting).
pub fn is_set_up() -> bool {
    super::super::load_setting(SETTING).is_some()
}

/// The team server set up on this device, if any.
pub fn load() -> Option<TeamServer> {
    miniserde::json::from_str(&super::super::load_setting(SETTING)?).ok()
}

pub fn save(server: &TeamServer) -> Result<(), super::super::SaveError> {
    super::super::save_setting(SETTING, &miniserde::json::to_string(server))
}

/// Stops team sync on this device: the setting goes (cases stay).
pub fn forget() {
    super::super::remove_setting(SETTING);
}

/// Signs in with the password (sent once, never kept) and checks access to the database.
pub async fn sign_in(server: &TeamServer, password: &str) -> SignIn {
    let args = [
        JsValue::from(server.address.trim()),
        JsValue::from(server.database.trim()),
        JsValue::from(server.name.trim()),
        JsValue::from(password),
    ];
    let word = super::super::script::call("pscTeam", "signIn", &args)
        .await
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    SignIn::from_word(&word)
}

/// Who the team's server says is signed in on this device: CouchDB's user context.
#[derive(Clone, Debug, PartialEq, miniserde::Deserialize)]
pub struct Session {
    pub name: String,
    pub roles: Vec<String>,
}

/// Asks the server who is signed in (`GET /_session`); `None` when no one is, or it cannot be
/// reached.
pub async fn session(server: &TeamServer) -> Option<Session> {
    let text = super::super::script::call("pscTeam", "session", &[server.address.trim().into()])
        .await?
        .as_string()?;
    miniserde::json::from_str(&text).ok()
}

/// Ends the session on the server, after stopping every request in flight (see `team.js`).
pub async fn sign_out(server: &TeamServer) {
    let _ = super::super::script::call("pscTeam", "signOut", &[server.address.trim().into()]).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(address: &str, database: &str, name: &str) -> TeamServer {
        TeamServer {
            address: address.into(),
            database: database.into(),
            name: name.into(),
        }
    }

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_complete_form_passes() {
        for address in [
            "/couchdb",
            "/couchdb/",
            "https://team.example.org",
            "https://team.example.org:6984/couch",
            "http://127.0.0.1:5984",
        ] {
            assert!(
                check(
                    &server(address, "northshire-court-team", "olu"),
                    "pw",
                    "a team passphrase"
                )
                .is_empty(),
                "{address}"
            );
        }
    }

    #[test]
    fn each_missing_or_wrong_answer_is_named() {
        // No user name and no password: the organisation's own sign-in may say who this is.
        assert_eq!(
            fields(check(&server("", "", " "), "", "")),
            ["team-address", "team-database", "team-passphrase"]
        );
        // One without the other is asked for.
        let passphrase = "a team passphrase";
        assert_eq!(
            fields(check(&server("/couchdb", "team", "olu"), "", passphrase)),
            ["team-password"]
        );
        assert_eq!(
            fields(check(&server("/couchdb", "team", " "), "pw", passphrase)),
            ["team-name"]
        );
        assert!(check(&server("/couchdb", "team", ""), "", passphrase).is_empty());
        for address in [
            "couchdb",
            "//evil.example",
            "http://team.example.org",
            "https://",
            "https:///x",
            "/couch db",
            "ftp://x",
        ] {
            assert_eq!(
                fields(check(
                    &server(address, "team", "olu"),
                    "pw",
                    "a team passphrase"
                )),
                ["team-address"],
                "{address}"
            );
        }
        // As long as the device lock asks for, no shorter (10 characters, counted as typed).
        for (passphrase, refused) in [
            ("nine chars", false),
            ("ninechars", true),
            ("ééééééééé", true),
            ("éééééééééé", false),
        ] {
            assert_eq!(
                fields(check(&server("/couchdb", "team", "olu"), "pw", passphrase)).len(),
                usize::from(refused),
                "{passphrase}"
            );
        }
        for database in ["Team", "1team", "team name", "_users", "team!"] {
            assert_eq!(
                fields(check(
                    &server("/couchdb", database, "olu"),
                    "pw",
                    "a team passphrase"
                )),
                ["team-database"],
                "{database}"
            );
        }
    }
}
