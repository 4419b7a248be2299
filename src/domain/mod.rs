//! The domain: a case, the rules that decide what blocks "suitable", the curfew arithmetic and
//! form validation. Pure Rust: nothing here touches the browser, Leptos or a clock, so
//! `cargo test` checks it natively.

pub mod attest;
pub mod audit;
pub mod case;
pub mod choice;
pub mod court_day;
pub mod deadlines;
pub mod directory;
pub mod drafts;
pub mod format;
pub mod gatekeeping;
pub mod handover;
pub mod identifiers;
pub mod inputs;
pub mod report;
pub mod retention;
pub mod rules;
pub mod schedule;
pub mod summary;
pub mod team_directory;
pub mod terms;
pub mod text;
pub mod validate;
pub mod workdays;

pub use case::Case;
pub use rules::{Assessment, assess};

use case::{Change, Decision, RecordedOutcome};
use choice::Choice;
use chrono::NaiveDate;
use rules::OutcomeState;
use validate::FieldError;

pub const WHAT_OUTCOME: &str = "Recorded the outcome";
pub const WHAT_SUITABLE_REFUSED: &str = "Tried to record 'Curfew suitable' while it was blocked";
pub const WHAT_SUITABLE_LAPSED: &str =
    "'Curfew suitable' no longer stands: checks became outstanding after it was recorded";

impl Case {
    /// Records the outcome chosen on the outcome page. "Suitable" is refused while any blocker
    /// stands: the refusal is recorded in the history, and "suitable" is not left selected in
    /// the stored case. "Not suitable" always succeeds with a reason.
    pub fn record_outcome(
        &mut self,
        today: NaiveDate,
        now: &str,
        by: &str,
    ) -> Result<Decision, Vec<FieldError>> {
        let assessment = assess(self, today);
        let errors = rules::outcome_errors(self, &assessment);
        if !errors.is_empty() {
            let refused = errors.iter().find(|e| e.field == "decision");
            if let Some(refusal) =
                refused.filter(|_| self.outcome.selected == Some(Decision::Suitable))
            {
                let reason = Change {
                    field: "Reason".into(),
                    before: String::new(),
                    after: refusal.message.clone(),
                };
                self.outcome.selected = None;
                self.append_event(now, by, WHAT_SUITABLE_REFUSED, vec![reason]);
            }
            return Err(errors);
        }
        let decision = self
            .outcome
            .selected
            .expect("validated: a decision is selected");
        self.outcome.recorded = Some(RecordedOutcome {
            decision,
            rationale: self.outcome.rationale.trim().to_string(),
            recorded_at: now.to_string(),
            signed: Some(attest::Signed::waiting(attest::answers_digest(self))),
        });
        self.outcome.lapsed = None;
        let rationale = Change {
            field: decision.label().into(),
            before: String::new(),
            after: self.outcome.rationale.trim().into(),
        };
        self.append_event(now, by, WHAT_OUTCOME, vec![rationale]);
        Ok(decision)
    }

    /// Keeps the stored case true to itself after any change (`before` is how it was): each
    /// consent decided in this change records the address and hours it was given for, a
    /// recorded "suitable" that no longer stands is set aside, and new history entries are
    /// linked (`attest`).
    pub fn after_change(&mut self, before: &Case, today: NaiveDate, at: &str, by: &str) {
        self.record_consent_terms(before);
        self.lapse_stale_suitable(today, at, by);
        // Every entry is linked to the one before it on the device that recorded it.
        self.link_history();
    }

    /// Moves a recorded "suitable" that the rules no longer allow out of `recorded` (into
    /// `lapsed`), with an entry in the history, so that neither the stored nor an exported case
    /// carries it. Returns whether it did.
    pub fn lapse_stale_suitable(&mut self, today: NaiveDate, at: &str, by: &str) -> bool {
        let suitable = self
            .outcome
            .recorded
            .as_ref()
            .is_some_and(|r| r.decision == Decision::Suitable);
        if !suitable {
            return false;
        }
        let assessment = assess(self, today);
        if assessment.outcome != OutcomeState::SuitableNoLongerValid {
            return false;
        }
        self.outcome.lapsed = self.outcome.recorded.take();
        let why: Vec<String> = assessment
            .blockers
            .iter()
            .map(|b| b.message.clone())
            .collect();
        let change = Change {
            field: "Outstanding".into(),
            before: String::new(),
            after: why.join(" "),
        };
        self.append_event(at, by, WHAT_SUITABLE_LAPSED, vec![change]);
        true
    }
}
