//! Whole cases in and out of storage: read only when needed (one case when a page opens it, all
//! of them only for the pages that list every case), unsealed and sealed with the passphrase,
//! written one at a time with their revision checked, and what a refused write means for the
//! person. The UI (`ui::state`) keeps the cases on screen as signals and calls these; it decides
//! nothing about storage itself. Everything here but the reads and writes is plain logic, tested
//! natively (`tests/storage.rs`).

use super::{SaveError, codec, db, lock};
use crate::domain::Case;

/// The stored form of a case (`codec`): reading one (migrating older formats) and writing one.
/// Handed over as function pointers, with the rules, by a lazily fetched module: the case list
/// reads only summaries, so the first download carries no case decoder.
#[derive(Clone, Copy)]
pub struct Format {
    pub decode: fn(&str) -> Result<Case, codec::DecodeError>,
    pub encode: fn(&Case) -> String,
}

impl Format {
    /// Called only from the lazily fetched module, which keeps the codec out of the first one.
    pub fn stored() -> Format {
        Format {
            decode: codec::decode,
            encode: codec::encode,
        }
    }
}

/// Passphrase protection of the stored cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lock {
    /// No passphrase: cases are stored as they are.
    Off,
    /// Protected, and the passphrase has not been given in this tab: nothing is shown.
    Locked,
    /// Protected and open: every save is sealed with the key held in memory.
    Unlocked,
}

/// Why the last change could not be saved. Shown on every page until it is resolved.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Storage is full. The changes stay on screen and are saved once there is room.
    Full,
    /// Storage refused the write for another reason (for example, it is switched off).
    Unavailable,
    /// Another tab or window saved a newer version of this case.
    Conflict { id: String },
}

/// The revision of each case as this tab last read or wrote it in storage: a write is refused if
/// storage has moved on since (another tab saved). A short list: a linear search over a thousand
/// cases is instant, and smaller to download than a hash map.
#[derive(Default)]
pub struct Revisions(Vec<(String, u64)>);

impl Revisions {
    pub fn new(known: Vec<(String, u64)>) -> Revisions {
        Revisions(known)
    }
    pub fn get(&self, id: &str) -> Option<u64> {
        self.0.iter().find(|(x, _)| x == id).map(|(_, r)| *r)
    }
    pub fn insert(&mut self, id: String, revision: u64) {
        match self.0.iter_mut().find(|(x, _)| *x == id) {
            Some(entry) => entry.1 = revision,
            None => self.0.push((id, revision)),
        }
    }
    /// Takes in revisions read from storage, keeping any newer one this tab already knows.
    pub fn read(&mut self, id: &str, revision: u64) {
        if self.get(id).is_none_or(|had| had <= revision) {
            self.insert(id.to_string(), revision);
        }
    }
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

/// One write a case at a time, so a tab's own writes never look like another tab's: a change
/// made while its case is being written is written next, as it is then.
#[derive(Default)]
pub struct WriteQueue {
    writing: Vec<String>,
    again: Vec<String>,
}

impl WriteQueue {
    /// Whether to start writing `id` now (if not, it is already being written, and will be
    /// written again once that write ends).
    pub fn start(&mut self, id: &str) -> bool {
        if self.writing.iter().any(|x| x == id) {
            if !self.again.iter().any(|x| x == id) {
                self.again.push(id.to_string());
            }
            return false;
        }
        self.writing.push(id.to_string());
        true
    }

    /// A write of `id` ended: whether to write it again, since it changed meanwhile.
    pub fn ended(&mut self, id: &str) -> bool {
        if self.again.iter().any(|x| x == id) {
            self.again.retain(|x| x != id);
            return true;
        }
        self.writing.retain(|x| x != id);
        false
    }
}

/// What a save's result means: `pending` holds the cases whose changes storage refused (kept on
/// screen, saved once it can), `problem` what the person is told. Answers the next case to try
/// again, now that a write worked.
pub fn settle(
    pending: &mut Vec<String>,
    problem: &mut Option<Problem>,
    id: &str,
    result: Result<(), SaveError>,
) -> Option<String> {
    match result {
        Ok(()) => {
            pending.retain(|x| x != id);
            let settled = match problem {
                Some(Problem::Conflict { id: c }) => c == id,
                Some(Problem::Full) => pending.is_empty(),
                Some(Problem::Unavailable) => true,
                None => false,
            };
            if settled {
                *problem = None;
            }
            // A write worked, so there may be room for changes still waiting. (A retry that
            // works removes its case from the list; one that fails stops; so this ends.)
            pending.first().cloned()
        }
        Err(SaveError::Conflict { .. }) => {
            *problem = Some(Problem::Conflict { id: id.to_string() });
            None
        }
        Err(refused) => {
            if !pending.iter().any(|x| x == id) {
                pending.push(id.to_string());
            }
            *problem = Some(if refused == SaveError::Full {
                Problem::Full
            } else {
                Problem::Unavailable
            });
            None
        }
    }
}

/// The id under which the create page keeps its draft case.
pub const NEW_CASE: &str = "new";

/// What a sealed record is bound to: its case and revision. Sealed under another case's key, or
/// with its revision changed, it does not open (see `lock.js`).
fn binding(id: &str, revision: u64) -> String {
    format!("psc case {id} revision {revision}")
}

/// Reads the case stored under `id`, unsealing it first if it is sealed (which needs the
/// passphrase given). A sealed one opens only as the case and revision it says it is: records
/// sealed before they were bound are checked by the case inside.
pub async fn open(id: &str, text: &str, format: Format) -> Option<Case> {
    let Some(sealed) = codec::sealed_part(text) else {
        return (format.decode)(text).ok();
    };
    let revision = codec::stored_revision(text)?;
    let plain = lock::unseal(&sealed, &binding(id, revision)).await?;
    let case = (format.decode)(&plain).ok()?;
    (case.id == id && case.revision == revision).then_some(case)
}

/// Cases read from storage.
#[derive(Default)]
pub struct Read {
    pub cases: Vec<Case>,
    /// Some could not be read (or unsealed) and were set aside: the list of set-aside entries
    /// should be read again.
    pub set_aside: bool,
}

impl Read {
    /// Opens each stored text; one that cannot be opened is set aside, byte for byte, never lost.
    async fn open_each(texts: Vec<(String, String)>, format: Format) -> Read {
        let mut read = Read::default();
        let mut slices = super::Slices::new();
        for (id, text) in texts {
            slices.step().await;
            match open(&id, &text, format).await {
                Some(case) => read.cases.push(case),
                None => {
                    db::set_aside(&id, &text).await;
                    read.set_aside = true;
                }
            }
        }
        read
    }
}

/// Reads the cases with these ids (a page opened one; or their summaries must be made again).
/// A newer copy a failed move left in local storage is the one read.
pub async fn read_some(ids: &[String], not_moved: usize, format: Format) -> Read {
    let mut texts: Vec<(String, u64, String)> = db::entries(ids)
        .await
        .into_iter()
        .map(|e| (e.id, e.revision, e.text))
        .collect();
    let left: Vec<_> = super::left_in_local_storage(not_moved)
        .into_iter()
        .filter(|(id, _, _)| ids.contains(id))
        .collect();
    prefer_newer(&mut texts, left);
    let texts = texts.into_iter().map(|(id, _, t)| (id, t)).collect();
    Read::open_each(texts, format).await
}

/// Reads every case, for the pages that list them all (and while the lock is on, when no
/// summary is stored).
pub async fn read_all(not_moved: usize, format: Format) -> Read {
    let mut texts = db::cases().await;
    prefer_newer(&mut texts, super::left_in_local_storage(not_moved));
    Read::open_each(
        texts.into_iter().map(|(id, _, t)| (id, t)).collect(),
        format,
    )
    .await
}

fn prefer_newer(texts: &mut Vec<(String, u64, String)>, others: Vec<(String, u64, String)>) {
    for (id, revision, text) in others {
        match texts.iter_mut().find(|(x, _, _)| *x == id) {
            Some(there) if there.1 >= revision => {}
            Some(there) => *there = (id, revision, text),
            None => texts.push((id, revision, text)),
        }
    }
}

/// One write of a case: sealed while the lock is open (then without its summary, which names
/// the person), plain with its summary otherwise. `plain` is the case as stored, if it is at
/// hand already (the journal wrote it). `base` as for `super::save_text`.
pub async fn write(
    case: &Case,
    plain: Option<String>,
    sealed: bool,
    summary: Option<String>,
    base: Option<u64>,
    format: Format,
) -> Result<(), SaveError> {
    if sealed {
        let text = sealed_text(case, format)
            .await
            .ok_or(SaveError::Unavailable)?;
        return super::save_text(&case.id, case.revision, &text, None, base).await;
    }
    let plain = plain.unwrap_or_else(|| (format.encode)(case));
    super::save_text(&case.id, case.revision, &plain, summary, base).await
}

/// A case as stored sealed, with the key the passphrase opened (`None` if it cannot be sealed).
pub async fn sealed_text(case: &Case, format: Format) -> Option<String> {
    let sealed = lock::seal(&(format.encode)(case), &binding(&case.id, case.revision)).await?;
    Some(codec::encode_sealed(case.revision, sealed))
}

/// Keeps a case at once in local storage until the database has it (see `super::journal`), and
/// answers the text written, for the database write to use. Not while the lock is open: sealing
/// takes a moment, and nothing is kept readable.
pub fn journal(case: &Case, lock: Lock, format: Format) -> Option<String> {
    if lock != Lock::Off {
        return None;
    }
    let text = (format.encode)(case);
    super::journal(&case.id, &text);
    Some(text)
}

/// Protection turned on (the lock record already written): every case is stored sealed, and
/// the summaries, which name people, go.
pub async fn seal_all(cases: &[Case], format: Format) {
    super::clear_summaries().await;
    for case in cases {
        let _ = write(case, None, true, None, None, format).await;
    }
}

/// Protection turned off: every case stored plain again, with its summary.
pub async fn unseal_all(cases: &[Case], summary: impl Fn(&Case) -> Option<String>, format: Format) {
    for case in cases {
        let _ = write(case, None, false, summary(case), None, format).await;
    }
}

/// The case being created, as stored (unsealed if need be).
pub async fn open_draft(format: Format) -> Option<Case> {
    open(NEW_CASE, &super::load_text(&super::draft_key())?, format).await
}

/// Saves the case being created (plain: see `sealed_text` for the sealed one).
pub fn save_draft(case: &Case, format: Format) -> Result<(), SaveError> {
    super::save_raw(&super::draft_key(), &(format.encode)(case))
}
