//! Passphrase protection: the Rust side of `public/lock.js`, which does the Web Crypto work.
//! `lock.js` is loaded only when protection is used (through `start.js`), so it adds nothing to
//! the first load.

use wasm_bindgen::JsValue;

/// Where the lock record (salt, rounds, check) is kept. Its presence means protection is on.
pub const LOCK_KEY: &str = "psc.lock";
/// The fewest characters a passphrase may have: the device lock's and the team's alike (a team
/// passphrase seals every case the team shares, so it is held to the same rule).
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// Calls `name(args...)` in lock.js and waits for its answer.
async fn call(name: &str, args: &[JsValue]) -> Option<JsValue> {
    super::script::call("pscLock", name, args).await
}

async fn text(name: &str, args: &[JsValue]) -> Option<String> {
    call(name, args).await?.as_string()
}

/// Checks the passphrase against the stored lock record and, if it is right, keeps the key in
/// memory. A wrong passphrase changes nothing.
pub async fn unlock(passphrase: &str, record: String) -> bool {
    text("unlock", &[passphrase.into(), record.into()])
        .await
        .is_some()
}

/// Makes a new lock record for this passphrase and keeps its key in memory. The caller stores it.
pub async fn new_lock(passphrase: &str) -> Option<String> {
    text("unlock", &[passphrase.into(), JsValue::NULL]).await
}

/// Seals `plain`, bound to `bound` (what the record is: see `cases::binding`).
pub async fn seal(plain: &str, bound: &str) -> Option<String> {
    text("seal", &[plain.into(), bound.into()]).await
}

/// Opens a sealed record, if it was sealed with this key and bound to `bound`.
pub async fn unseal(sealed: &str, bound: &str) -> Option<String> {
    text("unseal", &[sealed.into(), bound.into()]).await
}

/// Drops the key from memory.
pub fn forget() {
    leptos::task::spawn_local(async {
        let _ = call("forget", &[]).await;
    });
}
