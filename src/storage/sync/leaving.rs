//! A member leaving the team (issue 23, item 5). The administrator marks their key document
//! revoked; from then on, their endorsements of cases whose outcome is not yet recorded do not
//! count (`attest::judge`). A case arriving from the team is judged as it comes; this module
//! judges again the cases this device already holds, once each time it sees a key newly
//! revoked, so a case endorsed before the member left says it needs endorsing again without
//! waiting for someone to change it.
//!
//! The new verdicts are this device's own (every device judges for itself and ignores the
//! verdicts a version carries), so they are stored here without sending the team a new version:
//! the case's record is moved on with it, where it was in step with the team.

use super::engine::{self, Trouble};
use super::signatures;
use crate::domain::Case;
use crate::domain::attest::{self, KeyRecord, Target};
use crate::storage::cases::{self, Format};
use crate::storage::{self as store, SaveError, db};

/// The revoked keys this device has judged its cases against, one "account key-id" a line.
const JUDGED_KEY: &str = "psc.sync.revoked";
/// Set when the team's keys changed but the server did not say which it holds: asked again
/// next round.
const STALE_KEY: &str = "psc.sync.keys-changed";

/// The team's key documents changed (or did, and could not be read then): the keys are wanted
/// this round.
pub fn keys_changed(now: bool) -> bool {
    now || store::load_text(STALE_KEY).is_some()
}

fn revoked_lines(keys: &[KeyRecord]) -> Vec<String> {
    let mut lines: Vec<String> = keys
        .iter()
        .filter(|k| !k.revoked.is_empty())
        .map(|k| format!("{} {}", k.account, attest::key_id(&k.public_key)))
        .collect();
    lines.sort();
    lines
}

/// What this device's judgement of a case is, signature by signature.
fn verdicts(case: &Case) -> Vec<(Target, bool, String)> {
    attest::items(case)
        .into_iter()
        .filter_map(|i| i.signed.map(|s| (i.target, s.verified, s.problem)))
        .collect()
}

/// After a round that saw the team's key documents change: with `keys` the server's (`None`: it
/// did not say), judges again every stored case signed by a member whose key is newly revoked.
/// `taken` is told each case judged differently, so the screen can show it.
pub async fn judge_again(
    keys: Option<&[KeyRecord]>,
    sealed: bool,
    format: Format,
    (by, now): (&str, &str),
    taken: &dyn Fn(&str),
) -> Result<Vec<String>, Trouble> {
    let Some(keys) = keys else {
        let _ = engine::keep(STALE_KEY, "1");
        return Ok(Vec::new());
    };
    let revoked = revoked_lines(keys);
    let judged: Vec<String> = store::load_text(JUDGED_KEY)
        .map(|t| t.lines().map(str::to_string).collect())
        .unwrap_or_default();
    let accounts: Vec<&str> = revoked
        .iter()
        .filter(|line| !judged.contains(line))
        .filter_map(|line| line.split(' ').next())
        .collect();
    let mut changed = Vec::new();
    // A case changed here while it was judged: all are judged again next round.
    let mut missed = false;
    if !accounts.is_empty() {
        let ids: Vec<String> = db::revisions()
            .await
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        for chunk in ids.chunks(super::plan::BATCH) {
            for entry in db::entries(chunk).await {
                let Some(mut case) = cases::open(&entry.id, &entry.text, format).await else {
                    continue;
                };
                let signed_by_them = attest::items(&case).iter().any(|i| {
                    i.signed
                        .as_ref()
                        .is_some_and(|s| accounts.contains(&s.account.as_str()))
                });
                if !signed_by_them {
                    continue;
                }
                let held = case.clone();
                signatures::check(&mut case, Some(keys), Some(&held), now, by).await;
                if verdicts(&case) == verdicts(&held) && case.events == held.events {
                    continue;
                }
                engine::still_on()?;
                case.revision = entry.revision + 1;
                match cases::write(&case, None, sealed, None, Some(entry.revision), format).await {
                    Ok(()) => {}
                    Err(SaveError::Conflict { .. }) => {
                        missed = true;
                        continue;
                    }
                    Err(_) => return Err(Trouble::NotStored),
                }
                // Only the verdicts changed: the team's version is still this one. (A history
                // found changed outside the app is recorded in it, and that is sent.)
                if case.events == held.events {
                    engine::moved_on(&entry.id, entry.revision, case.revision)
                        .map_err(|_| Trouble::NotStored)?;
                }
                taken(&entry.id);
                changed.push(entry.id);
            }
        }
    }
    engine::still_on()?;
    if missed {
        let _ = engine::keep(STALE_KEY, "1");
    } else {
        let _ = engine::keep(JUDGED_KEY, &revoked.join("\n"));
        store::delete_key(STALE_KEY);
    }
    Ok(changed)
}
