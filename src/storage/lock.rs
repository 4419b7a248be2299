//! Passphrase protection: the Rust side of `lock.js`, which does the Web Crypto work.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Where the lock record (salt, rounds, check) is kept. Its presence means protection is on.
pub const LOCK_KEY: &str = "psc.lock";

#[wasm_bindgen(module = "/src/storage/lock.js")]
extern "C" {
    #[wasm_bindgen(js_name = unlock)]
    fn js_unlock(passphrase: &str, record: Option<String>) -> js_sys::Promise;
    #[wasm_bindgen(js_name = seal)]
    fn js_seal(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = unseal)]
    fn js_unseal(sealed: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = forget)]
    pub fn forget();
}

async fn text_of(promise: js_sys::Promise) -> Option<String> {
    JsFuture::from(promise).await.ok()?.as_string()
}

/// Checks the passphrase against the stored lock record and, if it is right, keeps the key in
/// memory. A wrong passphrase changes nothing.
pub async fn unlock(passphrase: &str, record: String) -> bool {
    text_of(js_unlock(passphrase, Some(record))).await.is_some()
}

/// Makes a new lock record for this passphrase and keeps its key in memory. The caller stores
/// the record once every case has been sealed.
pub async fn new_lock(passphrase: &str) -> Option<String> {
    text_of(js_unlock(passphrase, None)).await
}

pub async fn seal(text: &str) -> Option<String> {
    text_of(js_seal(text)).await
}

pub async fn unseal(sealed: &str) -> Option<String> {
    text_of(js_unseal(sealed)).await
}
