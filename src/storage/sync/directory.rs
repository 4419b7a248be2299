//! The team's agency directory through team sync (issue 22, item 2). Each device keeps one
//! document on the team's server, `psc-directory-<its device id>`, holding its view of the
//! directory (`domain::team_directory`), sealed with the team's key and bound to that document
//! and revision like every case, with a count that only rises. Each round takes in every other
//! device's view (never one older than the last taken from that device), writes the merged
//! directory on this device, and sends this device's view when the server does not have it.
//! Lost answers and retries change nothing: views merge the same way however often they come.
//! A device whose directory was never filled in writes nothing.

use std::collections::BTreeMap;

use miniserde::{Deserialize, json};

use super::engine::{Server, Trouble, open_version, query, sealed_doc, send};
use super::plan::{Draft, Kind, Lineage};
use super::revs::Rev;
use crate::domain::team_directory::Shared;
use crate::storage::{self as store, directory};

const DOC_PREFIX: &str = "psc-directory-";
/// This device's view as last merged (`psc.sync.` keys go with team sync when it stops).
const VIEW_KEY: &str = "psc.sync.directory.view";
/// The highest count taken from each other device's document, and this device's own.
const SEEN_KEY: &str = "psc.sync.directory.seen";

#[derive(Deserialize)]
struct AllDocs {
    rows: Vec<Row>,
}

#[derive(Deserialize)]
struct Row {
    doc: Option<Doc>,
}

#[derive(Deserialize)]
struct Doc {
    #[serde(rename = "_id")]
    id: String,
    #[serde(rename = "_rev")]
    rev: String,
    sealed: Option<String>,
}

fn load_seen() -> BTreeMap<String, u64> {
    store::load_text(SEEN_KEY)
        .and_then(|t| json::from_str(&t).ok())
        .unwrap_or_default()
}

/// One round for the directory: `by` and `at` stamp this device's changes; `keep` writes sync's
/// own records (nothing once sync has stopped). Returns whether the directory here changed.
pub(super) async fn round(
    server: &Server<'_>,
    device: &str,
    by: &str,
    at: &str,
    keep: &dyn Fn(&str, &str) -> Result<(), store::SaveError>,
) -> Result<bool, Trouble> {
    let mut view: Shared = store::load_text(VIEW_KEY)
        .and_then(|t| json::from_str(&t).ok())
        .unwrap_or_default();
    // Changes made on the directory page since the last round.
    let here = directory::load();
    let before = view.directory();
    if before != here {
        view.record(&before, &here, at, by, device);
    }

    let path = format!(
        "/_all_docs?include_docs=true&startkey={}&endkey={}",
        query(&format!("\"{DOC_PREFIX}\"")),
        query(&format!("\"{DOC_PREFIX}\u{fff0}\""))
    );
    let all: AllDocs = server.get(&path).await?;
    let mut seen = load_seen();
    let mine = format!("{DOC_PREFIX}{device}");
    // This device's own document as the server has it: what it holds and where it stands.
    let mut on_server: Option<(Rev, u64, String)> = None;
    for doc in all.rows.into_iter().filter_map(|r| r.doc) {
        let Some(rev) = Rev::parse(&doc.rev) else {
            continue;
        };
        // A version that does not open as this document and revision is not the team's.
        let Some((sealed, _)) = open_version(&doc.id, &rev, doc.sealed.as_deref()).await else {
            continue;
        };
        let count = sealed.lineage.count;
        let text = sealed.case.unwrap_or_default();
        if doc.id == mine {
            on_server = Some((rev, count, text));
            continue;
        }
        // Taken already, or an older view offered again: nothing new.
        if seen.get(&doc.id).is_some_and(|s| *s >= count) {
            continue;
        }
        let Ok(theirs) = json::from_str::<Shared>(&text) else {
            continue;
        };
        // Only what the directory page would accept (the rest is left out, not taken).
        let (kept, _refused) = theirs.checked(at);
        view.merge(&kept);
        seen.insert(doc.id, count);
    }

    let merged = view.directory();
    let changed = merged != here;
    if changed {
        directory::save(&merged).map_err(|_| Trouble::NotStored)?;
    }
    let text = json::to_string(&view);
    keep(VIEW_KEY, &text).map_err(|_| Trouble::NotStored)?;

    // Sent when the server does not hold this view yet (never for an empty directory).
    let held = on_server.as_ref().is_some_and(|(_, _, t)| *t == text);
    let outgoing = if !view.entries.is_empty() && !held {
        let sent_before = seen.get(&mine).copied().unwrap_or(0);
        let parent = on_server.as_ref().map(|(rev, _, _)| rev.clone());
        let count = on_server
            .as_ref()
            .map_or(0, |(_, c, _)| *c)
            .max(sent_before)
            + 1;
        let draft = Draft {
            parent: parent.clone(),
            kind: Kind::Case,
            lineage: Lineage {
                count,
                after: parent.into_iter().collect(),
            },
            case: Some(text),
        };
        let outgoing = sealed_doc(&mine, draft, by, at).await?;
        seen.insert(mine.clone(), count);
        Some(outgoing)
    } else {
        None
    };
    // Noted before anything is sent: if the answer is lost, the next round counts on from here.
    keep(SEEN_KEY, &json::to_string(&seen)).map_err(|_| Trouble::NotStored)?;
    if let Some(outgoing) = outgoing {
        send(server, &[outgoing]).await?;
    }
    Ok(changed)
}
