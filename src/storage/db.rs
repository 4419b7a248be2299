//! The Rust side of `public/cases-db.js`, which keeps the cases in IndexedDB (one database a
//! space). Every call answers asynchronously; a missing or failing database reads as empty and
//! refuses writes as `Unavailable`, so nothing is lost by pretending a write worked.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::{SaveError, Space, space};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = load)]
    fn js_load(space: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = revisions)]
    fn js_revisions(space: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = cases)]
    fn js_cases(space: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = entries)]
    fn js_entries(space: &str, ids: Array) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = caseText)]
    fn js_case_text(space: &str, id: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = quarantined)]
    fn js_quarantined(space: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = put)]
    fn js_put(
        space: &str,
        id: &str,
        revision: f64,
        text: &str,
        summary: Option<String>,
        base: f64,
    ) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = putSummaries)]
    fn js_put_summaries(space: &str, entries: Array) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = clearSummaries)]
    fn js_clear_summaries(space: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = remove)]
    fn js_remove(space: &str, id: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = setAside)]
    fn js_set_aside(space: &str, id: &str, text: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = removeSetAside)]
    fn js_remove_set_aside(space: &str, key: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = clear)]
    fn js_clear(space: Option<&str>) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = counts)]
    fn js_counts() -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = estimate)]
    fn js_estimate() -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = pscDb, js_name = listen)]
    fn js_listen(follow: &Closure<dyn Fn(JsValue)>) -> Result<(), JsValue>;
}

fn space_name() -> &'static str {
    match space() {
        Space::Real => "real",
        Space::Training => "training",
    }
}

async fn answer(call: Result<Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(call.ok()?).await.ok()
}

fn field(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

fn rows(value: &JsValue) -> Vec<Array> {
    Array::from(value)
        .iter()
        .map(|row| Array::from(&row))
        .collect()
}

fn text_at(row: &Array, i: u32) -> String {
    row.get(i).as_string().unwrap_or_default()
}

/// What the case list needs of this tab's space, without the cases themselves.
#[derive(Default)]
pub struct Stored {
    /// Case id and stored revision.
    pub index: Vec<(String, u64)>,
    /// Case id, summary text.
    pub summaries: Vec<(String, String)>,
    /// Set-aside key, text.
    pub quarantine: Vec<(String, String)>,
    /// Entries left in local storage because moving them failed (they are still read from there).
    pub not_moved: usize,
}

/// Reads the space's index, summaries and set-aside entries, first moving any cases an earlier
/// release kept in local storage.
pub async fn load() -> Option<Stored> {
    let all = answer(js_load(space_name())).await?;
    let pairs = |name: &str| {
        rows(&field(&all, name))
            .iter()
            .map(|r| (text_at(r, 0), text_at(r, 1)))
            .collect()
    };
    Some(Stored {
        index: revision_rows(&field(&all, "index")),
        summaries: pairs("summaries"),
        quarantine: pairs("quarantine"),
        not_moved: field(&all, "kept").as_f64().unwrap_or(0.0) as usize,
    })
}

/// Every case's id and stored revision, read without moving anything (unlike `load`).
pub async fn revisions() -> Vec<(String, u64)> {
    match answer(js_revisions(space_name())).await {
        Some(list) => revision_rows(&list),
        None => Vec::new(),
    }
}

/// Rows of `[id, revision]`, as `cases-db.js` answers them.
fn revision_rows(value: &JsValue) -> Vec<(String, u64)> {
    rows(value)
        .iter()
        .map(|r| (text_at(r, 0), r.get(1).as_f64().unwrap_or(0.0) as u64))
        .collect()
}

/// Every case in the space: id, stored revision, stored text.
pub async fn cases() -> Vec<(String, u64, String)> {
    match answer(js_cases(space_name())).await {
        Some(list) => rows(&list)
            .iter()
            .map(|r| {
                let revision = r.get(1).as_f64().unwrap_or(0.0) as u64;
                (text_at(r, 0), revision, text_at(r, 2))
            })
            .collect(),
        None => Vec::new(),
    }
}

/// A stored case as read with its summary.
pub struct Entry {
    pub id: String,
    pub revision: u64,
    pub text: String,
    pub summary: Option<String>,
}

/// Some cases, with their summaries, read together; a case no longer stored is left out.
pub async fn entries(ids: &[String]) -> Vec<Entry> {
    let wanted: Array = ids.iter().map(|id| JsValue::from_str(id)).collect();
    match answer(js_entries(space_name(), wanted)).await {
        Some(list) => rows(&list)
            .iter()
            .map(|r| Entry {
                id: text_at(r, 0),
                revision: r.get(1).as_f64().unwrap_or(0.0) as u64,
                text: text_at(r, 2),
                summary: r.get(3).as_string(),
            })
            .collect(),
        None => Vec::new(),
    }
}

pub async fn case_text(id: &str) -> Option<String> {
    answer(js_case_text(space_name(), id)).await?.as_string()
}

pub async fn quarantined() -> Vec<(String, String)> {
    match answer(js_quarantined(space_name())).await {
        Some(list) => rows(&list)
            .iter()
            .map(|r| (text_at(r, 0), text_at(r, 1)))
            .collect(),
        None => Vec::new(),
    }
}

/// Writes a case and its summary together, refused with `Conflict` if the stored revision is
/// newer than `base` (`None`: write regardless).
pub async fn put(
    id: &str,
    revision: u64,
    text: &str,
    summary: Option<String>,
    base: Option<u64>,
) -> Result<(), SaveError> {
    let base = base.map_or(-1.0, |b| b as f64);
    let said = answer(js_put(
        space_name(),
        id,
        revision as f64,
        text,
        summary,
        base,
    ))
    .await
    .and_then(|a| a.as_string())
    .unwrap_or_default();
    match said.as_str() {
        "ok" => Ok(()),
        "full" => Err(SaveError::Full),
        other => match other.strip_prefix("conflict:").map(str::parse) {
            Some(Ok(stored_revision)) => Err(SaveError::Conflict { stored_revision }),
            _ => Err(SaveError::Unavailable),
        },
    }
}

pub async fn put_summaries(entries: Vec<(String, String)>) {
    let array: Array = entries
        .into_iter()
        .map(|(id, text)| Array::of2(&id.into(), &text.into()))
        .collect();
    let _ = answer(js_put_summaries(space_name(), array)).await;
}

pub async fn clear_summaries() {
    let _ = answer(js_clear_summaries(space_name())).await;
}

pub async fn remove(id: &str) {
    let _ = answer(js_remove(space_name(), id)).await;
}

pub async fn set_aside(id: &str, text: &str) {
    let _ = answer(js_set_aside(space_name(), id, text)).await;
}

pub async fn remove_set_aside(key: &str) {
    let _ = answer(js_remove_set_aside(space_name(), key)).await;
}

/// Empties both spaces' databases.
pub async fn clear_all() {
    let _ = answer(js_clear(None)).await;
}

/// Empties the training space's database only.
pub async fn clear_training() {
    let _ = answer(js_clear(Some("training"))).await;
}

/// How many cases and set-aside entries each space holds: (real, training), each (cases, set
/// aside); `None` if the databases cannot be read.
pub async fn counts() -> Option<((usize, usize), (usize, usize))> {
    let all = Array::from(&answer(js_counts()).await?);
    let pair = |i: u32| -> Option<(usize, usize)> {
        let row = Array::from(&all.get(i));
        Some((row.get(0).as_f64()? as usize, row.get(1).as_f64()? as usize))
    };
    Some((pair(0)?, pair(1)?))
}

/// The bytes this site stores and the most the browser lets it store, if the browser says.
pub async fn estimate() -> Option<(f64, f64)> {
    let pair = Array::from(&answer(js_estimate()).await?);
    Some((pair.get(0).as_f64()?, pair.get(1).as_f64()?))
}

/// What another tab changed: a case (by id), the set-aside entries, everything cleared, or
/// this tab's space cleared (training deleted from a training tab).
pub enum Change {
    Case(String),
    SetAside,
    Cleared,
    SpaceCleared,
}

/// Calls `follow` for every change another tab makes in this tab's space.
pub fn listen(follow: impl Fn(Change) + 'static) {
    let mine = space_name();
    let closure = Closure::<dyn Fn(JsValue)>::new(move |message: JsValue| {
        let kind = field(&message, "kind").as_string().unwrap_or_default();
        let same_space = field(&message, "space").as_string().as_deref() == Some(mine);
        match kind.as_str() {
            "cleared" if field(&message, "space").is_undefined() => follow(Change::Cleared),
            "cleared" if same_space => follow(Change::SpaceCleared),
            "case" if same_space => {
                if let Some(id) = field(&message, "id").as_string() {
                    follow(Change::Case(id));
                }
            }
            "quarantine" if same_space => follow(Change::SetAside),
            _ => {}
        }
    });
    if js_listen(&closure).is_ok() {
        closure.forget();
    }
}
