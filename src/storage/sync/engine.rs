//! One round of replication with the team's server, in both directions, through CouchDB's own
//! protocol: versions the server has that this device has not (`_changes`, `_bulk_get`), then
//! this device's changes the server has not (`_revs_diff`, `_bulk_docs` with
//! `new_edits=false`). What to do with each is decided in `plan`; this file does the talking
//! and the storing. Every case leaves the device sealed with the team's key (`team.js`).
//!
//! Resumable: what came from the server is stored before the checkpoint (on the server, in a
//! `_local/` document, and here) moves past it, and a case counts as sent only once the server
//! has accepted it. A round broken off part-way is simply run again.

use std::collections::BTreeMap;

use miniserde::json::{self, Number, Value};
use miniserde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use super::plan::{self, Draft, Kind, Offered, Record, Refusal, Sealed, Sent};
use super::problems::{self, Problem};
use super::revs::Rev;
use super::signatures;
use super::team::TeamServer;
use crate::domain::attest::KeyRecord;
use crate::storage::cases::{self, Format};
use crate::storage::{self as store, SaveError, db, script};

/// Where this device keeps its record of each shared case: `psc.sync.case.<id>`.
const RECORD_PREFIX: &str = "psc.sync.case.";
const SINCE_KEY: &str = "psc.sync.since";
const DEVICE_KEY: &str = "psc.sync.device";
const LAST_KEY: &str = "psc.sync.last";
/// Versions refused, until dismissed (`problems`).
const PROBLEMS_KEY: &str = "psc.sync.problems";
/// A shared case deleted here: `team` (delete it for the whole team, sent next round) or `here`
/// (only on this device: the team's later versions are not taken again).
const DROP_PREFIX: &str = "psc.sync.drop.";

/// How a shared case was deleted on this device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deleted {
    ForTeam,
    OnlyHere,
}

/// Remembers how a shared case is being deleted here (before the case itself is deleted).
pub fn deleting(id: &str, how: Deleted) {
    let word = match how {
        Deleted::ForTeam => "team",
        Deleted::OnlyHere => "here",
    };
    let _ = keep(&format!("{DROP_PREFIX}{id}"), word);
}

fn deleted_how(id: &str) -> Option<Deleted> {
    match store::load_text(&format!("{DROP_PREFIX}{id}"))?.as_str() {
        "team" => Some(Deleted::ForTeam),
        "here" => Some(Deleted::OnlyHere),
        _ => None,
    }
}

fn forget_case(id: &str) {
    store::delete_key(&format!("{RECORD_PREFIX}{id}"));
    store::delete_key(&format!("{DROP_PREFIX}{id}"));
}

/// Whether this case is shared with the team (so deleting it asks how).
pub fn shared(id: &str) -> bool {
    record(id).is_some()
}

/// Why a round stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trouble {
    Unreachable,
    /// The server no longer knows this device's session: sign in again.
    SignedOut,
    NoAccess,
    NoDatabase,
    /// The team passphrase has not been given in this tab.
    NoKey,
    /// This device could not store what came (it is full, say); it is asked for again next time.
    NotStored,
    /// The case was saved here while the team's version of it arrived: the next round, soon
    /// after that save, takes it again (and shows both versions if they differ).
    ChangedHere,
    /// The server answered something this app cannot use.
    Server,
    /// Team sync was stopped, or everything deleted, while the round ran: it stores nothing more.
    Stopped,
    /// The team's key record is gone from the server: nothing is synced until someone looks.
    KeyMissing,
    /// The team's key record is not the one this device joined with: likewise.
    KeyChanged,
}

/// Whether team sync is still set up: checked before each thing a round stores, so that a round
/// running when everything is deleted writes nothing back.
pub(super) fn still_on() -> Result<(), Trouble> {
    if super::team::is_set_up() {
        Ok(())
    } else {
        Err(Trouble::Stopped)
    }
}

/// Writes what sync knows, unless sync has stopped: a round still finishing after "Stop team
/// sync" or "Delete all data" leaves nothing behind.
pub(super) fn keep(key: &str, text: &str) -> Result<(), SaveError> {
    if super::team::is_set_up() {
        store::save_raw(key, text)
    } else {
        Ok(())
    }
}

/// What a round did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Cases stored from the team (their local ids).
    pub taken: Vec<String>,
    pub sent: usize,
    /// The team's agency directory changed this device's.
    pub directory_changed: bool,
}

// ---- What this device remembers ------------------------------------------------------------

pub fn record(id: &str) -> Option<Record> {
    Record::decode(&store::load_text(&format!("{RECORD_PREFIX}{id}"))?)
}

fn keep_record(id: &str, record: &Record) -> Result<(), SaveError> {
    keep(&format!("{RECORD_PREFIX}{id}"), &record.encode())
}

/// A case stored again here at `to` with nothing the team must have (only this device's
/// verdicts on its signatures changed): where its record was in step at `from`, it moves on.
pub(super) fn moved_on(id: &str, from: u64, to: u64) -> Result<(), SaveError> {
    let Some(mut record) = record(id) else {
        return Ok(());
    };
    let mut moved = false;
    if let Some(held) = record.held.as_mut().filter(|h| h.local == from) {
        held.local = to;
        moved = true;
    }
    if let Some(sent) = record.sent.as_mut().filter(|s| s.local == from) {
        sent.local = to;
        moved = true;
    }
    if moved {
        keep_record(id, &record)
    } else {
        Ok(())
    }
}

fn all_records() -> Vec<(String, Record)> {
    store::load_all_under(RECORD_PREFIX)
        .into_iter()
        .filter_map(|(key, text)| {
            let id = key.strip_prefix(RECORD_PREFIX)?.to_string();
            Some((id, Record::decode(&text)?))
        })
        .collect()
}

/// Versions from the team's server this device refused and nobody has dismissed yet.
pub fn problems() -> Vec<Problem> {
    store::load_text(PROBLEMS_KEY).map_or_else(Vec::new, |t| problems::decode(&t))
}

/// A person dealt with a refused version: it leaves the list.
pub fn dismiss(doc: &str, rev: &str) {
    let mut list = problems();
    problems::dismiss(&mut list, doc, rev);
    let _ = keep(PROBLEMS_KEY, &problems::encode(&list));
}

/// Lists each version refused in a round (once, however often it is refused again).
fn note_refused(doc: &str, case: Option<&str>, refused: &[(Rev, Refusal)]) {
    if refused.is_empty() {
        return;
    }
    let mut list = problems();
    let seen = String::from(js_sys::Date::new_0().to_iso_string());
    let mut added = false;
    for (rev, why) in refused {
        let problem = Problem {
            doc: doc.to_string(),
            rev: rev.to_string(),
            why: *why,
            seen: seen.clone(),
            case: case.map(str::to_string),
        };
        added |= problems::note(&mut list, problem);
    }
    if added {
        let _ = keep(PROBLEMS_KEY, &problems::encode(&list));
    }
}

/// Leaves the team on this device ("Stop team sync", "Delete all data"): the setting goes
/// first, so a round still running writes nothing more (`keep`); then the requests in flight
/// stop and the session ends; then what sync knew goes (the cases stay).
pub async fn leave() {
    let Some(server) = super::team::load() else {
        return;
    };
    super::team::forget();
    let _ = team_call("forgetSigningKeys", &[]).await;
    super::team::sign_out(&server).await;
    forget_all();
}

/// Team sync stopped on this device: what it knew of the team's server goes (the cases stay).
fn forget_all() {
    for (key, _) in store::load_all_under("psc.sync.") {
        store::delete_key(&key);
    }
    signatures::forget_signer();
}

/// Cases changed here that the team has not had yet.
pub async fn waiting_count() -> usize {
    let index = db::revisions().await;
    let records: BTreeMap<String, Record> = all_records().into_iter().collect();
    let deletions = records
        .keys()
        .filter(|id| deleted_how(id) == Some(Deleted::ForTeam))
        .filter(|id| !index.iter().any(|(x, _)| x == *id))
        .count();
    plan::waiting(&index, |id| records.get(id).cloned()).len() + deletions
}

/// When this device last finished a round with the team's server (milliseconds since 1970, by
/// its own clock).
pub fn last_synced() -> Option<f64> {
    store::load_text(LAST_KEY)?.parse().ok()
}

// ---- Talking to the server -----------------------------------------------------------------

pub(super) struct Server<'a>(&'a TeamServer);

impl Server<'_> {
    /// One request to the team database: the status and the body, or why not.
    async fn ask(
        &self,
        method: &str,
        path: &str,
        body: Option<String>,
    ) -> Result<(u16, String), Trouble> {
        let args = [
            JsValue::from(self.0.address.trim()),
            JsValue::from(self.0.database.trim()),
            JsValue::from(method),
            JsValue::from(path),
            body.map_or(JsValue::UNDEFINED, JsValue::from),
        ];
        let answer = script::call("pscTeam", "request", &args)
            .await
            .filter(|a| !a.is_null())
            .ok_or(Trouble::Unreachable)?;
        let pair = js_sys::Array::from(&answer);
        let status = pair.get(0).as_f64().unwrap_or(0.0) as u16;
        let text = pair.get(1).as_string().unwrap_or_default();
        match status {
            200..=299 => Ok((status, text)),
            401 => Err(Trouble::SignedOut),
            403 => Err(Trouble::NoAccess),
            404 if !path.starts_with("/_local/") => Err(Trouble::NoDatabase),
            404 => Ok((status, text)),
            _ => Err(Trouble::Server),
        }
    }

    pub(super) async fn get<T: Deserialize>(&self, path: &str) -> Result<T, Trouble> {
        let (_, text) = self.ask("GET", path, None).await?;
        json::from_str(&text).map_err(|_| Trouble::Server)
    }

    async fn post<T: Deserialize>(&self, path: &str, body: String) -> Result<T, Trouble> {
        let (_, text) = self.ask("POST", path, Some(body)).await?;
        json::from_str(&text).map_err(|_| Trouble::Server)
    }
}

async fn team_call(name: &str, args: &[JsValue]) -> Option<JsValue> {
    script::call("pscTeam", name, args).await
}

/// Whether this tab holds the team's key.
pub async fn key_open() -> bool {
    team_call("keyOpen", &[]).await.and_then(|v| v.as_bool()) == Some(true)
}

// ---- The protocol's documents ---------------------------------------------------------------

#[derive(Deserialize)]
struct Changes {
    results: Vec<Change>,
    last_seq: Value,
}

#[derive(Deserialize)]
struct Change {
    id: String,
    changes: Vec<ChangeRev>,
}

#[derive(Deserialize)]
struct ChangeRev {
    rev: String,
}

#[derive(Serialize, Deserialize)]
struct PathJson {
    start: u64,
    ids: Vec<String>,
}

/// A case as the team's server keeps it: nothing but its random id, its revision and the sealed
/// text.
#[derive(Deserialize)]
struct TeamDoc {
    #[serde(rename = "_id")]
    id: String,
    #[serde(rename = "_rev")]
    rev: String,
    #[serde(rename = "_deleted")]
    deleted: Option<bool>,
    sealed: Option<String>,
    /// Its path of revisions, when asked for (`revs=true`).
    #[serde(rename = "_revisions")]
    revisions: Option<PathJson>,
}

#[derive(Serialize)]
struct BulkGetRequest {
    docs: Vec<Wanted>,
}

#[derive(Serialize)]
struct Wanted {
    id: String,
    rev: String,
}

#[derive(Deserialize)]
struct BulkGet {
    results: Vec<BulkGetResult>,
}

#[derive(Deserialize)]
struct BulkGetResult {
    docs: Vec<BulkGetDoc>,
}

#[derive(Deserialize)]
struct BulkGetDoc {
    ok: Option<TeamDoc>,
}

/// A version sent to the server: a case, or (`_deleted`) a deletion or closing, sealed alike.
#[derive(Serialize)]
struct SentDoc {
    #[serde(rename = "_id")]
    id: String,
    #[serde(rename = "_rev")]
    rev: String,
    #[serde(rename = "_revisions")]
    revisions: PathJson,
    sealed: String,
    #[serde(rename = "_deleted")]
    deleted: bool,
}

#[derive(Deserialize)]
struct RevsDiffEntry {
    missing: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct Checkpoint {
    #[serde(rename = "_rev")]
    rev: Option<String>,
    last_seq: Value,
}

/// A checkpoint to write: `_rev` only once the server has one (it refuses a null).
fn checkpoint_json(rev: Option<&str>, last_seq: &str) -> String {
    let mut object = miniserde::json::Object::new();
    if let Some(rev) = rev {
        object.insert("_rev".into(), Value::String(rev.into()));
    }
    object.insert("last_seq".into(), Value::String(last_seq.into()));
    json::to_string(&Value::Object(object))
}

/// A `since` as the server gave it (a number from PouchDB Server, an opaque text from CouchDB),
/// written as the `_changes` query wants it.
fn seq_text(seq: &Value) -> String {
    match seq {
        Value::String(s) => s.clone(),
        Value::Number(Number::U64(n)) => n.to_string(),
        Value::Number(Number::I64(n)) => n.to_string(),
        other => json::to_string(other),
    }
}

pub(super) fn query(text: &str) -> String {
    String::from(js_sys::encode_uri_component(text))
}

// ---- A round -------------------------------------------------------------------------------

/// The device's own name for its checkpoint on the server (random, made once).
async fn device() -> String {
    if let Some(id) = store::load_text(DEVICE_KEY) {
        return id;
    }
    let id = new_doc_id().await.unwrap_or_default();
    if still_on().is_ok() {
        let _ = keep(DEVICE_KEY, &id);
    }
    id
}

async fn new_doc_id() -> Option<String> {
    team_call("newId", &[]).await?.as_string()
}

/// Pull then push. `sealed_here`: the device's cases are under passphrase protection (and open).
/// `taken` is told each case stored from the team, so the screen can show it.
pub async fn round(
    server: &TeamServer,
    sealed_here: bool,
    format: Format,
    by: &str,
    now: &str,
    taken: &dyn Fn(&str),
) -> Result<Outcome, Trouble> {
    still_on()?;
    if !key_open().await {
        return Err(Trouble::NoKey);
    }
    let args = [
        JsValue::from(server.address.trim()),
        JsValue::from(server.database.trim()),
    ];
    let held = team_call("keyRecordHeld", &args)
        .await
        .and_then(|v| v.as_string());
    match held.as_deref() {
        Some("missing") => return Err(Trouble::KeyMissing),
        Some("changed") => return Err(Trouble::KeyChanged),
        _ => {}
    }
    let server = Server(server);
    let mut outcome = Outcome::default();
    pull(&server, sealed_here, format, (by, now), taken, &mut outcome).await?;
    push(&server, format, by, &mut outcome).await?;
    still_on()?;
    let at = String::from(js_sys::Date::new_0().to_iso_string());
    let device = device().await;
    outcome.directory_changed =
        super::directory::round(&server, &device, by, &at, &|k, t| keep(k, t)).await?;
    still_on()?;
    let _ = keep(LAST_KEY, &js_sys::Date::now().to_string());
    Ok(outcome)
}

/// Where the last pull got to: the server's checkpoint, if it agrees with this device's (if not,
/// from the start: taking a version twice does nothing).
async fn since(server: &Server<'_>, checkpoint: &str) -> Result<(String, Option<String>), Trouble> {
    let (status, text) = server.ask("GET", checkpoint, None).await?;
    let theirs: Option<Checkpoint> = (status == 200)
        .then(|| json::from_str(&text).ok())
        .flatten();
    let ours = store::load_text(SINCE_KEY);
    let rev = theirs.as_ref().and_then(|c| c.rev.clone());
    match (theirs, ours) {
        (Some(t), Some(o)) if seq_text(&t.last_seq) == o => Ok((o, rev)),
        _ => Ok(("0".into(), rev)),
    }
}

async fn pull(
    server: &Server<'_>,
    sealed_here: bool,
    format: Format,
    (by, now): (&str, &str),
    taken: &dyn Fn(&str),
    outcome: &mut Outcome,
) -> Result<(), Trouble> {
    let checkpoint = format!("/_local/psc-pull-{}", device().await);
    let (mut since, mut checkpoint_rev) = self::since(server, &checkpoint).await?;
    // The team's signing keys, asked for once a round, when something has come.
    let mut keys: Option<Option<Vec<KeyRecord>>> = None;
    let mut keys_changed = false;
    loop {
        let path = format!(
            "/_changes?style=all_docs&since={}&limit={}",
            query(&since),
            plan::BATCH
        );
        let changes: Changes = server.get(&path).await?;
        let count = changes.results.len();
        keys_changed |= changes
            .results
            .iter()
            .any(|c| c.id.starts_with(signatures::KEY_PREFIX));
        let by_doc: BTreeMap<String, (String, Record)> = all_records()
            .into_iter()
            .map(|(id, r)| (r.doc.clone(), (id, r)))
            .collect();
        // Every version not known here, of documents this app made.
        let wanted: Vec<Wanted> = changes
            .results
            .iter()
            .filter(|c| plan::plain_id(&c.id))
            .flat_map(|c| {
                let known = by_doc.get(&c.id).map(|(_, r)| r);
                c.changes
                    .iter()
                    .filter(move |r| {
                        Rev::parse(&r.rev).is_some_and(|rev| known.is_none_or(|k| !k.knows(&rev)))
                    })
                    .map(|r| Wanted {
                        id: c.id.clone(),
                        rev: r.rev.clone(),
                    })
            })
            .collect();
        if !wanted.is_empty() {
            if keys.is_none() {
                keys = Some(signatures::team_keys(server.0).await);
            }
            let body = json::to_string(&BulkGetRequest { docs: wanted });
            let got: BulkGet = server.post("/_bulk_get", body).await?;
            let mut docs: BTreeMap<String, Vec<TeamDoc>> = BTreeMap::new();
            for doc in got
                .results
                .into_iter()
                .flat_map(|r| r.docs)
                .filter_map(|d| d.ok)
            {
                docs.entry(doc.id.clone()).or_default().push(doc);
            }
            for (doc_id, versions) in docs {
                let known = by_doc.get(&doc_id).cloned();
                if known
                    .as_ref()
                    .is_some_and(|(id, _)| deleted_how(id).is_some())
                {
                    continue;
                }
                let here = Here {
                    sealed: sealed_here,
                    format,
                    taken,
                    keys: keys.as_ref().and_then(Option::as_deref),
                    by,
                    now,
                };
                take_doc(server, &doc_id, versions, known, &here, outcome).await?;
            }
        }
        still_on()?;
        let next = seq_text(&changes.last_seq);
        let mark = checkpoint_json(checkpoint_rev.as_deref(), &next);
        if let Ok((_, text)) = server.ask("PUT", &checkpoint, Some(mark)).await {
            #[derive(Deserialize)]
            struct Put {
                rev: String,
            }
            checkpoint_rev = json::from_str::<Put>(&text).ok().map(|p| p.rev);
        }
        let _ = keep(SINCE_KEY, &next);
        since = next;
        if count < plan::BATCH {
            break;
        }
    }
    // A member's key newly revoked: the cases they signed here are judged again.
    if super::leaving::keys_changed(keys_changed) {
        let keys = match keys {
            Some(keys) => keys,
            None => signatures::team_keys(server.0).await,
        };
        let judged =
            super::leaving::judge_again(keys.as_deref(), sealed_here, format, (by, now), taken)
                .await?;
        outcome.taken.extend(judged);
    }
    Ok(())
}

/// How this device stores what it takes from the team.
#[derive(Clone, Copy)]
struct Here<'a> {
    /// Its cases are under passphrase protection (and open).
    sealed: bool,
    format: Format,
    /// Told each case stored (or deleted) from the team, so the screen can show it.
    taken: &'a dyn Fn(&str),
    /// The team's signing keys, if the server said (every case taken is checked against them).
    keys: Option<&'a [KeyRecord]>,
    /// Who uses this device, and the time by its clock: a history found changed outside the
    /// app is recorded as found by them, then.
    by: &'a str,
    now: &'a str,
}

/// The versions of one team document that this device has not seen: each opened, then what
/// they mean here decided by `plan::decide` (from their sealed lineage alone), then done.
async fn take_doc(
    server: &Server<'_>,
    doc_id: &str,
    versions: Vec<TeamDoc>,
    known: Option<(String, Record)>,
    here: &Here<'_>,
    outcome: &mut Outcome,
) -> Result<(), Trouble> {
    let (mut local_id, record) = match known {
        Some((id, record)) => (Some(id), Some(record)),
        None => (None, None),
    };
    let mut offered = open_all(doc_id, versions, &mut local_id, here).await;
    let beneath = beneath_unopened(server, doc_id, &offered, record.as_ref()).await?;
    offered.extend(open_all(doc_id, beneath, &mut local_id, here).await);
    let entry = match &local_id {
        Some(id) => db::entries(std::slice::from_ref(id)).await.pop(),
        None => None,
    };
    let stored = entry.as_ref().map(|e| e.revision);
    let step = plan::decide(doc_id, record, stored, offered);
    note_refused(doc_id, local_id.as_deref(), &step.refused);
    let Some(id) = local_id else {
        return Ok(());
    };
    still_on()?;
    if step.delete {
        store::delete(&id).await;
        forget_case(&id);
        (here.taken)(&id);
        return Ok(());
    }
    if let Some(mut case) = step.take {
        // Checked as this device finds it, never as it came (`signatures::check`).
        let earlier = match &entry {
            Some(e) => cases::open(&e.id, &e.text, here.format).await,
            None => None,
        };
        signatures::check(&mut case, here.keys, earlier.as_ref(), here.now, here.by).await;
        case.revision = stored.unwrap_or(0) + 1;
        let written = cases::write(
            &case,
            None,
            here.sealed,
            None,
            Some(stored.unwrap_or(0)),
            here.format,
        )
        .await;
        match written {
            Ok(()) => {}
            Err(SaveError::Conflict { .. }) => return Err(Trouble::ChangedHere),
            Err(_) => return Err(Trouble::NotStored),
        }
        outcome.taken.push(id.clone());
        (here.taken)(&id);
    }
    if let Some(record) = &step.record {
        keep_record(&id, record).map_err(|_| Trouble::NotStored)?;
    }
    Ok(())
}

/// Opens each version of a team document with the team's key; a case must be the one this
/// document carries (`local_id`, learnt from the first that opens when not known yet).
async fn open_all(
    doc_id: &str,
    versions: Vec<TeamDoc>,
    local_id: &mut Option<String>,
    here: &Here<'_>,
) -> Vec<Offered<crate::domain::Case>> {
    let mut offered = Vec::new();
    for version in versions {
        let Some(rev) = Rev::parse(&version.rev) else {
            continue;
        };
        let deleted = version.deleted == Some(true);
        let mut opened = open_version(doc_id, &rev, version.sealed.as_deref()).await;
        if let Some((sealed, _)) = &opened
            && sealed.kind == Kind::Case
        {
            let case = sealed
                .case
                .as_deref()
                .and_then(|t| (here.format.decode)(t).ok());
            let fits = case.as_ref().is_some_and(|case| {
                let id = local_id.get_or_insert_with(|| case.id.clone());
                case.id == *id && self::record(&case.id).is_none_or(|r| r.doc == doc_id)
            });
            opened = opened.filter(|_| fits).map(|(sealed, _)| (sealed, case));
        }
        offered.push(Offered {
            rev,
            deleted,
            opened,
        });
    }
    offered
}

/// The versions beneath each version that did not open (`plan::beneath`), from the server:
/// one forged on top of genuine ones must not hide them. If the server does not answer, the
/// round fails and is tried again from the checkpoint: passing it would lose those versions.
async fn beneath_unopened(
    server: &Server<'_>,
    doc_id: &str,
    offered: &[Offered<crate::domain::Case>],
    record: Option<&Record>,
) -> Result<Vec<TeamDoc>, Trouble> {
    let ask = |revs: Vec<String>| {
        let docs = revs
            .into_iter()
            .map(|rev| Wanted {
                id: doc_id.to_string(),
                rev,
            })
            .collect();
        json::to_string(&BulkGetRequest { docs })
    };
    let unopened: Vec<String> = offered
        .iter()
        .filter(|o| o.opened.is_none())
        .map(|o| o.rev.to_string())
        .collect();
    if unopened.is_empty() {
        return Ok(Vec::new());
    }
    let paths: BulkGet = server.post("/_bulk_get?revs=true", ask(unopened)).await?;
    let mut wanted: Vec<String> = Vec::new();
    for doc in paths
        .results
        .into_iter()
        .flat_map(|r| r.docs)
        .filter_map(|d| d.ok)
    {
        let Some(path) = doc.revisions else { continue };
        let path = super::revs::Revisions {
            start: path.start,
            ids: path.ids,
        };
        for rev in plan::beneath(&path, record) {
            let rev = rev.to_string();
            if !wanted.contains(&rev) && !offered.iter().any(|o| o.rev.to_string() == rev) {
                wanted.push(rev);
            }
        }
    }
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let got: BulkGet = server.post("/_bulk_get", ask(wanted)).await?;
    Ok(got
        .results
        .into_iter()
        .flat_map(|r| r.docs)
        .filter_map(|d| d.ok)
        .collect())
}

/// Sends every case changed here since it was last sent or taken, the closing of each branch a
/// person settled against here, and the deletion of each case deleted here for the whole team.
/// Each is sealed, and what is sent is noted before it goes, so that if the answer is lost the
/// device knows the version for its own when it comes back.
async fn push(
    server: &Server<'_>,
    format: Format,
    by: &str,
    outcome: &mut Outcome,
) -> Result<(), Trouble> {
    confirm_sent(server).await?;
    let index = db::revisions().await;
    let records: BTreeMap<String, Record> = all_records().into_iter().collect();
    let at = String::from(js_sys::Date::new_0().to_iso_string());
    for (id, record) in &records {
        let here = index.iter().any(|(x, _)| x == id);
        if here || deleted_how(id) != Some(Deleted::ForTeam) {
            continue;
        }
        let mut docs = Vec::new();
        for draft in Draft::deletion(record) {
            docs.push(sealed_doc(&record.doc, draft, by, &at).await?);
        }
        if !docs.is_empty() {
            server.ask("POST", "/_bulk_docs", Some(bulk(&docs))).await?;
        }
        still_on()?;
        forget_case(id);
        outcome.sent += 1;
    }
    let waiting: Vec<String> = plan::waiting(&index, |id| records.get(id).cloned())
        .into_iter()
        .filter(|id| records.get(*id).is_none_or(|r| !r.held_back()))
        .map(str::to_string)
        .collect();
    for ids in waiting.chunks(plan::BATCH) {
        let mut docs = Vec::new();
        let mut sent = Vec::new();
        for entry in db::entries(ids).await {
            let Some(case) = cases::open(&entry.id, &entry.text, format).await else {
                continue;
            };
            let known = records.get(&entry.id);
            let doc = match known {
                Some(r) => r.doc.clone(),
                None => new_doc_id().await.ok_or(Trouble::NoKey)?,
            };
            let draft = Draft::edit(known, (format.encode)(&case));
            let mut record = known.cloned().unwrap_or_else(|| Record::new(&doc));
            // The branch a person settled against here is closed with it (once held here: a
            // case never shared from here follows that branch instead).
            if let (Some(_), Some(other)) = (&record.held, &record.merge) {
                docs.push(sealed_doc(&doc, Draft::closing(other), by, &at).await?);
            }
            let edit = sealed_doc(&doc, draft, by, &at).await?;
            record.sent = Some(Sent {
                local: entry.revision,
                rev: edit.rev.clone(),
                merged: record.merge.is_some(),
            });
            still_on()?;
            keep_record(&entry.id, &record).map_err(|_| Trouble::NotStored)?;
            docs.push(edit);
            sent.push((entry.id, record));
        }
        if docs.is_empty() {
            continue;
        }
        // Only what the server lacks (all of it, unless an earlier answer was lost on the way).
        let mut asked: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for d in &docs {
            asked
                .entry(d.doc.clone())
                .or_default()
                .push(d.rev.to_string());
        }
        let diff: BTreeMap<String, RevsDiffEntry> =
            server.post("/_revs_diff", json::to_string(&asked)).await?;
        docs.retain(|d| {
            diff.get(&d.doc)
                .and_then(|e| e.missing.as_ref())
                .is_some_and(|m| m.contains(&d.rev.to_string()))
        });
        if !docs.is_empty() {
            server.ask("POST", "/_bulk_docs", Some(bulk(&docs))).await?;
        }
        still_on()?;
        for (id, mut record) in sent {
            record.acknowledge();
            keep_record(&id, &record).map_err(|_| Trouble::NotStored)?;
            outcome.sent += 1;
        }
    }
    Ok(())
}

/// Versions sent earlier whose answers were lost: the server says whether each arrived (then
/// it is the version held here) or not (then the case is sent again).
async fn confirm_sent(server: &Server<'_>) -> Result<(), Trouble> {
    let unconfirmed: Vec<(String, Record)> = all_records()
        .into_iter()
        .filter(|(_, r)| r.sent.is_some())
        .collect();
    for chunk in unconfirmed.chunks(plan::BATCH) {
        let asked: BTreeMap<String, Vec<String>> = chunk
            .iter()
            .filter_map(|(_, r)| Some((r.doc.clone(), vec![r.sent.as_ref()?.rev.to_string()])))
            .collect();
        let diff: BTreeMap<String, RevsDiffEntry> =
            server.post("/_revs_diff", json::to_string(&asked)).await?;
        still_on()?;
        for (id, mut record) in chunk.iter().cloned() {
            let missing = diff.get(&record.doc).and_then(|e| e.missing.as_ref());
            let arrived = record
                .sent
                .as_ref()
                .is_some_and(|s| missing.is_none_or(|m| !m.contains(&s.rev.to_string())));
            record.confirm(arrived);
            keep_record(&id, &record).map_err(|_| Trouble::NotStored)?;
        }
    }
    Ok(())
}

/// A version ready to send: its document, revision, and the JSON `_bulk_docs` takes.
pub(super) struct Outgoing {
    doc: String,
    rev: Rev,
    json: String,
}

/// Names a draft's revision with the team's keyed hash, and seals it bound to that document and
/// revision.
pub(super) async fn sealed_doc(
    doc: &str,
    draft: Draft,
    by: &str,
    at: &str,
) -> Result<Outgoing, Trouble> {
    let hash = team_call("revisionHash", &[JsValue::from(draft.message())])
        .await
        .and_then(|v| v.as_string())
        .ok_or(Trouble::NoKey)?;
    let parent = draft.parent.clone();
    let (rev, sealed) = draft.finish(&hash, by, at);
    let args = [
        JsValue::from(sealed.encode()),
        plan::binding(doc, &rev).into(),
    ];
    let text = team_call("seal", &args)
        .await
        .and_then(|v| v.as_string())
        .ok_or(Trouble::NoKey)?;
    let path = plan::path_of(&rev, parent.as_ref());
    let json = json::to_string(&SentDoc {
        id: doc.to_string(),
        rev: rev.to_string(),
        revisions: PathJson {
            start: path.start,
            ids: path.ids,
        },
        sealed: text,
        deleted: sealed.kind != Kind::Case,
    });
    Ok(Outgoing {
        doc: doc.to_string(),
        rev,
        json,
    })
}

/// Sends versions made here to the team's server.
pub(super) async fn send(server: &Server<'_>, docs: &[Outgoing]) -> Result<(), Trouble> {
    server.ask("POST", "/_bulk_docs", Some(bulk(docs))).await?;
    Ok(())
}

/// A `_bulk_docs` body of versions made here (`new_edits: false`: their revisions are ours).
fn bulk(docs: &[Outgoing]) -> String {
    let docs: Vec<&str> = docs.iter().map(|d| d.json.as_str()).collect();
    format!("{{\"docs\":[{}],\"new_edits\":false}}", docs.join(","))
}

/// The other version of a case changed on this device and another while apart, as the team's
/// server holds it.
pub async fn other_version(
    server: &TeamServer,
    id: &str,
    format: Format,
) -> Result<crate::domain::Case, Trouble> {
    let record = record(id).ok_or(Trouble::Server)?;
    let rev = record.conflict.ok_or(Trouble::Server)?.rev;
    let path = format!("/{}?rev={}", record.doc, query(&rev.to_string()));
    let doc: TeamDoc = Server(server).get(&path).await?;
    open_version(&record.doc, &rev, doc.sealed.as_deref())
        .await
        .and_then(|(sealed, _)| (format.decode)(sealed.case.as_deref()?).ok())
        .filter(|case| case.id == id)
        .ok_or(Trouble::Server)
}

/// What a version of a team document holds, if it opens with the team's key as that document
/// and revision (`None` if it was moved, replayed, damaged, or is not this app's envelope).
pub(super) async fn open_version(
    doc: &str,
    rev: &Rev,
    sealed: Option<&str>,
) -> Option<(Sealed, Option<crate::domain::Case>)> {
    let args = [JsValue::from(sealed?), plan::binding(doc, rev).into()];
    let plain = team_call("unseal", &args).await?.as_string()?;
    Some((Sealed::decode(&plain)?, None))
}

/// A person settled the conflict on this device: noted before the settled case is saved, so
/// that the version sent next replaces both (and closes the other's branch), and every other
/// device, whichever version it holds, takes it.
pub fn settle(id: &str) {
    if let Some(mut record) = record(id) {
        record.settle();
        let _ = keep_record(id, &record);
    }
}

/// Forgets the team's key on this device (protection was turned on, or sync stopped).
pub async fn forget_key() {
    let _ = team_call("forgetKey", &[]).await;
}

/// Waits until this tab is the one of the app's tabs that syncs.
pub async fn lead() {
    let _ = team_call("lead", &[]).await;
}

/// Cases changed on this device and another while apart, by local id.
pub fn conflicts() -> Vec<String> {
    all_records()
        .into_iter()
        .filter(|(_, r)| r.conflict.is_some())
        .map(|(id, _)| id)
        .collect()
}

/// Opens the team's key with the team passphrase (see `team.js`).
/// `keep`: keep the key on this device (only while its cases are not under passphrase
/// protection, which would otherwise be weakened by a key anyone at the device could use).
/// `start`: a person chose to start a new team if the server has no key record yet.
pub async fn open_key(server: &TeamServer, passphrase: &str, keep: bool, start: bool) -> KeyAnswer {
    let args = [
        JsValue::from(server.address.trim()),
        JsValue::from(server.database.trim()),
        JsValue::from(passphrase),
        JsValue::from(keep),
        JsValue::from(start),
    ];
    match team_call("openKey", &args)
        .await
        .and_then(|v| v.as_string())
        .as_deref()
    {
        Some("ok") => KeyAnswer::Opened,
        Some("new") => KeyAnswer::Made,
        Some("wrong-passphrase") => KeyAnswer::Wrong,
        Some("not-ours") => KeyAnswer::NotOurs,
        Some("no-team") => KeyAnswer::NoTeam,
        Some("key-missing") => KeyAnswer::Missing,
        Some("key-changed") => KeyAnswer::Changed,
        Some("unreachable") => KeyAnswer::Unreachable,
        _ => KeyAnswer::Refused,
    }
}

/// What the team passphrase opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAnswer {
    Opened,
    /// This device is the first of the team: the team's key is made from this passphrase.
    Made,
    Wrong,
    /// The key record on the server is not one this app makes (say, a round count that would
    /// stall the device, or no salt): not used.
    NotOurs,
    /// The server has no key record, and no one chose to start a new team.
    NoTeam,
    /// This device joined the team, and the server's key record has gone since.
    Missing,
    /// This device joined the team with another key record.
    Changed,
    Unreachable,
    Refused,
}
