//! Each person's signature on what they decide, and every device checking everyone's (issue 23;
//! what counts is decided in `domain::attest`). The keys themselves live in `team.js`: the
//! private key never leaves the browser's Web Crypto.
//!
//! - `register`: on signing in, this person's key on this device, registered in the team
//!   database (the administrator's design document lets a member write only their own key
//!   document, for roles the server gave them).
//! - `sign_pending`: after each save, the decisions and history entries this person made here,
//!   signed.
//! - `team_keys` and `check`: on a case arriving from the team, each signature verified against
//!   the registered key of the person it names, and the history's links checked.

use miniserde::json;
use wasm_bindgen::JsValue;

use super::team::{Session, TeamServer};
use crate::domain::Case;
use crate::domain::attest::{self, Judged, KeyRecord, Signed, Target};
use crate::domain::case::{AuditEvent, Change};
use crate::storage::script;

/// The settings key of this device's signer: `psc.settings.signing`.
const SETTING: &str = "signing";

/// Who signs on this device, with which key, and the roles the server gave them.
#[derive(Clone, Debug, PartialEq, miniserde::Serialize, miniserde::Deserialize)]
pub struct Signer {
    pub account: String,
    pub key: String,
    pub roles: Vec<String>,
}

/// This device's signer, once their key is registered.
pub fn signer() -> Option<Signer> {
    json::from_str(&crate::storage::load_setting(SETTING)?).ok()
}

/// Forgets the signer (team sync stopped). The key itself stays, for the next sign-in.
pub fn forget_signer() {
    crate::storage::remove_setting(SETTING);
}

/// What registering this person's key found.
#[derive(Clone, Debug, PartialEq)]
pub enum Registered {
    Ok,
    /// The team's server refused the key document, with its reason.
    Refused(String),
    Unreachable,
}

#[derive(miniserde::Deserialize)]
struct KeyAnswer {
    status: String,
    key: Option<String>,
    reason: Option<String>,
}

/// Makes (the first time) and registers this person's signing key on this device.
pub async fn register(server: &TeamServer, session: &Session) -> Registered {
    let roles: Vec<String> = session
        .roles
        .iter()
        .filter(|r| r.starts_with("psc-"))
        .cloned()
        .collect();
    let args = [
        JsValue::from(server.address.trim()),
        JsValue::from(server.database.trim()),
        JsValue::from(session.name.as_str()),
        JsValue::from(json::to_string(&roles)),
    ];
    let answer = script::call("pscTeam", "signingKey", &args)
        .await
        .and_then(|v| v.as_string())
        .and_then(|t| json::from_str::<KeyAnswer>(&t).ok());
    match answer {
        Some(a) if a.status == "ok" => {
            let signer = Signer {
                account: session.name.clone(),
                key: a.key.unwrap_or_default(),
                roles,
            };
            let _ = crate::storage::save_setting(SETTING, &json::to_string(&signer));
            Registered::Ok
        }
        Some(a) if a.status == "refused" => Registered::Refused(a.reason.unwrap_or_default()),
        _ => Registered::Unreachable,
    }
}

/// Cases with something waiting for this device's signature, kept until signed, so that a tab
/// closed before its signature was made signs it when the app next opens with team sync.
const UNSIGNED_KEY: &str = "psc.sync.unsigned";

pub fn unsigned() -> Vec<String> {
    crate::storage::load_text(UNSIGNED_KEY)
        .and_then(|t| json::from_str(&t).ok())
        .unwrap_or_default()
}

fn keep_unsigned(ids: &[String]) {
    if super::team::is_set_up() {
        let _ = crate::storage::save_raw(UNSIGNED_KEY, &json::to_string(&ids.to_vec()));
    }
}

/// Notes that `id` has something to sign (before signing starts).
pub fn to_be_signed(id: &str) {
    let mut ids = unsigned();
    if !ids.iter().any(|x| x == id) {
        ids.push(id.to_string());
        keep_unsigned(&ids);
    }
}

/// Notes that `id` has nothing left to sign.
pub fn signed(id: &str) {
    let mut ids = unsigned();
    let before = ids.len();
    ids.retain(|x| x != id);
    if ids.len() != before {
        keep_unsigned(&ids);
    }
}

/// A version of a case was stored: once nothing is left to sign on it, it is no longer noted.
pub fn stored_signed(case: &Case) {
    let ids = unsigned();
    if !ids.contains(&case.id) {
        return;
    }
    let left = signer().is_some_and(|s| !attest::to_sign(case, &s.account, &s.key).is_empty());
    if !left {
        signed(&case.id);
    }
}

/// Signs what this device's signer has yet to sign on `case`: the signatures to put on it.
pub async fn sign_pending(case: &Case) -> Vec<(Target, Signed)> {
    let (Some(signer), Some(server)) = (signer(), super::team::load()) else {
        return Vec::new();
    };
    let mut done = Vec::new();
    for (target, mut signed, payload) in attest::to_sign(case, &signer.account, &signer.key) {
        let args = [
            JsValue::from(server.address.trim()),
            JsValue::from(server.database.trim()),
            JsValue::from(signer.account.as_str()),
            JsValue::from(payload),
        ];
        let value = script::call("pscTeam", "sign", &args)
            .await
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        if value.is_empty() {
            continue;
        }
        signed.value = value;
        // Judged here as every other device will judge it: by the roles the server gave.
        let act = attest::items(case)
            .into_iter()
            .find(|i| i.target == target)
            .map(|i| i.act);
        match act.filter(|a| {
            !a.roles()
                .iter()
                .any(|r| signer.roles.iter().any(|h| h == r))
        }) {
            Some(a) => {
                signed.problem = format!(
                    "{} is not {} on the team's server",
                    signer.account,
                    a.role_text()
                )
            }
            None => signed.verified = true,
        }
        done.push((target, signed));
    }
    done
}

/// Puts signatures made by `sign_pending` on the case as it is now, each only where the same
/// thing still stands (a later change may have moved it).
pub fn put(case: &mut Case, signatures: Vec<(Target, Signed)>) {
    let Some(first) = signatures.first() else {
        return;
    };
    // What is still waiting now, and the text each would be signed over (one signer, one key).
    let waiting = attest::to_sign(case, &first.1.account, &first.1.key);
    for (target, signed) in signatures {
        let same = waiting.iter().any(|(t, _, text)| {
            *t == target && attest::payload(case, target, &signed).as_ref() == Some(text)
        });
        if same && let Some(slot) = attest::signature_mut(case, target) {
            *slot = Some(signed);
        }
    }
}

#[derive(miniserde::Deserialize)]
struct AllDocs {
    rows: Vec<Row>,
}

#[derive(miniserde::Deserialize)]
struct Row {
    id: String,
    doc: Option<KeyDoc>,
}

#[derive(miniserde::Deserialize)]
struct KeyDoc {
    account: Option<String>,
    roles: Option<Vec<String>>,
    public_key: Option<String>,
    revoked: Option<String>,
}

/// How every key document's id begins: `psc-key-<account>-<key id of its public key>`.
pub const KEY_PREFIX: &str = "psc-key-";

/// Every key registered in the team database, as the server holds them. A key document counts
/// only under its own name (`psc-key-<account>-<key id of its public key>`): the design document
/// cannot compute the hash, so this device checks it.
pub async fn team_keys(server: &TeamServer) -> Option<Vec<KeyRecord>> {
    let path = format!(
        "/_all_docs?include_docs=true&startkey={}&endkey={}",
        super::engine::query(&format!("\"{KEY_PREFIX}\"")),
        super::engine::query(&format!("\"{KEY_PREFIX}\u{fff0}\""))
    );
    let args = [
        JsValue::from(server.address.trim()),
        JsValue::from(server.database.trim()),
        JsValue::from("GET"),
        JsValue::from(path),
        JsValue::UNDEFINED,
    ];
    let answer = script::call("pscTeam", "request", &args)
        .await
        .filter(|a| !a.is_null())?;
    let pair = js_sys::Array::from(&answer);
    if pair.get(0).as_f64() != Some(200.0) {
        return None;
    }
    let all: AllDocs = json::from_str(&pair.get(1).as_string()?).ok()?;
    Some(
        all.rows
            .into_iter()
            .filter_map(|row| {
                let doc = row.doc?;
                let record = KeyRecord {
                    account: doc.account?,
                    roles: doc.roles.unwrap_or_default(),
                    public_key: doc.public_key?,
                    revoked: revoked_at(&doc.revoked.unwrap_or_default()),
                };
                let named = format!(
                    "{KEY_PREFIX}{}-{}",
                    record.account,
                    attest::key_id(&record.public_key)
                );
                (row.id == named).then_some(record)
            })
            .collect(),
    )
}

/// When a key was revoked, as this device stamps decisions (local time), so that a decision
/// signed after it is found by comparing the two: the administrator writes it in UTC
/// ("2026-12-06T10:30:00Z"). Anything that is not a time stays as written: still revoked.
fn revoked_at(written: &str) -> String {
    let at = js_sys::Date::new(&JsValue::from(written.trim()));
    if written.trim().is_empty() || at.get_time().is_nan() {
        return written.to_string();
    }
    crate::storage::local_stamp(&at)
}

async fn verify(public_key: &str, payload: &str, signature: &str) -> bool {
    let args = [
        JsValue::from(public_key),
        JsValue::from(payload),
        JsValue::from(signature),
    ];
    script::call("pscTeam", "verify", &args)
        .await
        .and_then(|v| v.as_bool())
        == Some(true)
}

/// Checks a case that arrived from the team, as this device finds it, never as it came: each
/// signed decision and history entry verified against `keys` (`None`: the server did not say,
/// so none can be verified yet), and the history's links, against itself and against the
/// version this device held before (`earlier`). A history changed outside the app is recorded
/// in it, once for each finding, as `at` and `by`.
pub async fn check(
    case: &mut Case,
    keys: Option<&[KeyRecord]>,
    earlier: Option<&Case>,
    at: &str,
    by: &str,
) {
    let outcome_recorded = case.outcome.recorded.is_some();
    let before = earlier.map(attest::items).unwrap_or_default();
    for item in attest::items(case) {
        // A history entry nobody signed stays as it was: stated on the device that recorded it.
        if item.act == attest::Act::Recorded && item.signed.is_none() {
            continue;
        }
        let mut signed = item.signed.clone().unwrap_or_default();
        signed.unchecked();
        match keys {
            Some(keys) => {
                let key = keys
                    .iter()
                    .find(|k| {
                        k.account == signed.account && attest::key_id(&k.public_key) == signed.key
                    })
                    .or_else(|| keys.iter().find(|k| k.account == signed.account));
                let valid = match (key, attest::payload(case, item.target, &signed)) {
                    (Some(k), Some(text)) if !signed.value.is_empty() => {
                        verify(&k.public_key, &text, &signed.value).await
                    }
                    _ => false,
                };
                let judged = Judged {
                    act: item.act,
                    named: &item.named,
                    at: &item.at,
                    key,
                    signature_valid: valid,
                    outcome_recorded,
                };
                match attest::judge(&signed, &judged) {
                    Ok(()) => signed.verified = true,
                    Err(why) => signed.problem = why,
                }
            }
            // The server did not say which keys it holds: what this device found before for
            // the very same signature stands; anything new waits to be checked.
            None => {
                let found = before
                    .iter()
                    .find(|b| b.target == item.target && b.signed.as_ref() == Some(&signed))
                    .and_then(|b| b.signed.clone());
                if let Some(found) = found {
                    signed = found;
                }
            }
        }
        if let Some(slot) = attest::signature_mut(case, item.target) {
            *slot = Some(signed);
        }
    }
    record_history_changes(case, earlier, at, by);
}

/// The entries (numbered as shown) a history changed outside the app no longer matches, as
/// recorded in it.
pub const WHAT_HISTORY_CHANGED: &str = "The history of this case was changed outside the app";
const ENTRIES: &str = "Entries that no longer match";

fn record_history_changes(case: &mut Case, earlier: Option<&Case>, at: &str, by: &str) {
    // Entries whose links no longer hold, numbered as now; if none, entries this device held
    // that are no longer there as they were, numbered as this device showed them.
    let mut entries = attest::check_history(&case.events).broken;
    if let (true, Some(earlier)) = (entries.is_empty(), earlier) {
        entries = attest::missing_entries(&earlier.events, &case.events);
    }
    if entries.is_empty() {
        return;
    }
    let list =
        crate::domain::text::join_and(&entries.iter().map(usize::to_string).collect::<Vec<_>>());
    let reported = case
        .events
        .iter()
        .any(|e| e.what == WHAT_HISTORY_CHANGED && e.changes.iter().any(|c| c.after == list));
    if reported {
        return;
    }
    case.events.push(AuditEvent {
        at: at.into(),
        by: by.into(),
        what: WHAT_HISTORY_CHANGED.into(),
        changes: vec![Change {
            field: ENTRIES.into(),
            before: String::new(),
            after: list,
        }],
        ..Default::default()
    });
    case.link_history();
}
