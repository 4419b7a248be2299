//! Gatekeeping: the officer submits a case, a senior probation officer (SPO) endorses it or
//! returns it with comments. Whether it is required, and whether an endorsement still stands,
//! is decided by `rules::gatekeeping_status`.

use super::attest::{Signed, answers_digest};
use super::audit::{Role, User, name_in};
use super::case::*;
use super::rules::{Section, gatekeeping_status};
use super::validate::FieldError;

pub const WHAT_SUBMITTED: &str = "Submitted for gatekeeping";
pub const WHAT_ENDORSED: &str = "Endorsed by a senior probation officer";
pub const WHAT_RETURNED: &str = "Returned with comments by a senior probation officer";
pub const WHAT_DECISION_REFUSED: &str = "Gatekeeping decision refused";

/// The key of general comments, which belong to no one section.
pub const GENERAL: &str = "general";

fn error(field: &str, message: &str) -> Vec<FieldError> {
    vec![FieldError {
        field: field.into(),
        message: message.into(),
    }]
}

impl Case {
    /// Submitted and not yet decided: the case is in the SPO's queue. (Each decision answers one
    /// submission.)
    pub fn awaiting_gatekeeping(&self) -> bool {
        let g = &self.gatekeeping;
        match (g.submissions.last(), g.decisions.last()) {
            (None, _) => false,
            (Some(_), None) => true,
            // Time stamps sort as text. Cases saved before submissions were recorded (schema
            // version 1) may hold decisions without submissions, so counts alone cannot tell;
            // within one second, they can.
            (Some(s), Some(d)) => {
                s.at > d.at || (s.at == d.at && g.submissions.len() > g.decisions.len())
            }
        }
    }

    /// Endorsed, but the endorsement's signature could not be verified (why): the case is back
    /// in the SPO's queue. (Cheap unless the endorsement is signed and doubtful.)
    pub fn endorsement_unverified(&self) -> Option<String> {
        let last = self.gatekeeping.decisions.last()?;
        if !last.endorsed || last.signed.as_ref().is_none_or(Signed::stated) {
            return None;
        }
        gatekeeping_status(self).unverified
    }

    /// Returned with comments, and not submitted again since. (Cheap: no fingerprint needed.)
    pub fn returned_by_gatekeeping(&self) -> bool {
        !self.awaiting_gatekeeping()
            && self
                .gatekeeping
                .decisions
                .last()
                .is_some_and(|d| !d.endorsed)
    }

    /// Sends the case to the gatekeeping queue with the note typed on the submit page.
    pub fn submit_for_gatekeeping(&mut self, by: &str, at: &str) -> Result<(), Vec<FieldError>> {
        let status = gatekeeping_status(self);
        if status.awaiting {
            return Err(error(
                "note",
                "This case is already waiting for a senior probation officer",
            ));
        }
        if status.endorsed {
            return Err(error(
                "note",
                "This case is already endorsed, and nothing has changed since",
            ));
        }
        if !status.required {
            return Err(error(
                "requested",
                "Select that you want gatekeeping for this case, or leave this page: the rules do not require it",
            ));
        }
        let note = self.gatekeeping.draft.note.trim().to_string();
        if note.is_empty() {
            return Err(error(
                "note",
                "Enter a note for the senior probation officer",
            ));
        }
        self.gatekeeping.submissions.push(Submission {
            by: by.into(),
            at: at.into(),
            note: note.clone(),
            signed: Some(Signed::waiting(answers_digest(self))),
        });
        self.gatekeeping.draft.note.clear();
        self.append_event(at, by, WHAT_SUBMITTED, vec![note_change("Note", note)]);
        Ok(())
    }

    /// Records the SPO's decision typed on the review page: endorse, or return with at least one
    /// comment. An endorsement holds the case's fingerprint, so any later change revokes it.
    ///
    /// Gatekeeping is someone else's job: only a senior (or qualified) probation officer who did
    /// not submit the case may decide. Anyone else is refused, nothing changes, and the attempt
    /// is recorded in the history. (The role and name are what was said on this device: a way
    /// of working, not security.)
    pub fn decide_gatekeeping(&mut self, user: &User, at: &str) -> Result<bool, Vec<FieldError>> {
        if !gatekeeping_status(self).awaiting {
            return Err(error(
                "decision",
                "This case is not waiting for gatekeeping: the officer has not submitted it",
            ));
        }
        let by = user.describe();
        let submitted_by = self
            .gatekeeping
            .submissions
            .last()
            .map(|s| name_in(&s.by).to_string())
            .unwrap_or_default();
        let refusal = if user.role != Role::Spo {
            Some(
                "Only a senior probation officer or qualified probation officer can endorse or return a case. If that is you, change who is using this device (\"You:\" at the top of the page)",
            )
        } else if same_name(&user.name, &submitted_by) {
            Some(
                "You submitted this case, so someone else must gatekeep it: ask another senior probation officer",
            )
        } else {
            None
        };
        if let Some(message) = refusal {
            self.append_event(
                at,
                &by,
                WHAT_DECISION_REFUSED,
                vec![note_change("Reason", message.into())],
            );
            return Err(error("decision", message));
        }
        let by = by.as_str();
        let draft = self.gatekeeping.draft.clone();
        let Some(endorsed) = draft.endorse else {
            return Err(error(
                "decision",
                "Select whether you endorse the case or return it to the officer",
            ));
        };
        let section_comments: Vec<SectionComment> = draft
            .section_comments
            .iter()
            .filter(|c| !c.comment.trim().is_empty())
            .map(|c| SectionComment {
                section: c.section.clone(),
                comment: c.comment.trim().into(),
            })
            .collect();
        let comments = draft.comments.trim().to_string();
        if !endorsed && comments.is_empty() && section_comments.is_empty() {
            return Err(error(
                "comments",
                "Enter comments for the officer: say what must change before you can endorse the case",
            ));
        }
        let mut changes = Vec::new();
        if !comments.is_empty() {
            changes.push(note_change("Comments", comments.clone()));
        }
        for c in &section_comments {
            changes.push(note_change(section_title(&c.section), c.comment.clone()));
        }
        self.gatekeeping.decisions.push(GatekeepingDecision {
            endorsed,
            by: by.into(),
            at: at.into(),
            comments,
            fingerprint: self.content_fingerprint(),
            section_comments,
            signed: Some(Signed::waiting(answers_digest(self))),
        });
        self.gatekeeping.draft = <GatekeepingDraft as Default>::default();
        let what = if endorsed {
            WHAT_ENDORSED
        } else {
            WHAT_RETURNED
        };
        self.append_event(at, by, what, changes);
        Ok(endorsed)
    }

    /// The SPO's comments on a section from the last return, while the case has not been
    /// submitted again.
    pub fn returned_comment(&self, section: &str) -> Option<&str> {
        if !self.returned_by_gatekeeping() {
            return None;
        }
        let last = self.gatekeeping.decisions.last()?;
        last.section_comments
            .iter()
            .find(|c| c.section == section)
            .map(|c| c.comment.as_str())
    }
}

/// Names compared as people would: case-blind (ASCII), spaces collapsed.
fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase()
    };
    !norm(a).is_empty() && norm(a) == norm(b)
}

fn note_change(field: &str, text: String) -> Change {
    Change {
        field: field.into(),
        before: String::new(),
        after: text,
    }
}

/// The title of a section from its slug, for comments ("general" reads "General comments").
pub fn section_title(slug: &str) -> &'static str {
    Section::ALL
        .iter()
        .find(|s| s.slug() == slug)
        .map(|s| s.title())
        .unwrap_or("General comments")
}
