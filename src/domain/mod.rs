//! The domain: a case, the rules that decide what blocks "suitable", the curfew arithmetic and
//! form validation. Pure Rust: nothing here touches the browser, Leptos or a clock, so
//! `cargo test` checks it natively.

pub mod audit;
pub mod case;
pub mod choice;
pub mod deadlines;
pub mod gatekeeping;
pub mod handover;
pub mod inputs;
pub mod report;
pub mod retention;
pub mod rules;
pub mod schedule;
pub mod validate;
pub mod workdays;

pub use case::Case;
pub use rules::{Assessment, assess};

use case::{Decision, RecordedOutcome};
use choice::Choice;
use chrono::NaiveDate;
use validate::FieldError;

impl Case {
    /// Records the outcome chosen on the outcome page. "Suitable" is refused while any blocker
    /// stands; "not suitable" always succeeds with a reason.
    pub fn record_outcome(
        &mut self,
        today: NaiveDate,
        now: &str,
        by: &str,
    ) -> Result<Decision, Vec<FieldError>> {
        let assessment = assess(self, today);
        let errors = validate::outcome(self, &assessment);
        if !errors.is_empty() {
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
        });
        let rationale = case::Change {
            field: decision.label().into(),
            before: String::new(),
            after: self.outcome.rationale.trim().into(),
        };
        self.append_event(now, by, "Recorded the outcome", vec![rationale]);
        Ok(decision)
    }
}
