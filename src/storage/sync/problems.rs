//! Versions from the team's server that this device refused, kept until a person dismisses
//! them: the checkpoint moves past a refused version, so a warning held only in memory would be
//! lost at the next reload and never given again. Pure, and tested with `cargo test`.

use super::plan::Refusal;

/// One refused version of a team document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The team document and the revision refused: what the administrator looks for.
    pub doc: String,
    pub rev: String,
    pub why: Refusal,
    /// When this device first refused it (ISO 8601, UTC).
    pub seen: String,
    /// The case on this device it concerns, when there is one (its local id).
    pub case: Option<String>,
}

fn word(why: Refusal) -> &'static str {
    match why {
        Refusal::Unreadable => "unreadable",
        Refusal::Unsealed => "unsealed",
        Refusal::Rollback => "rollback",
    }
}

fn refusal(word: &str) -> Option<Refusal> {
    Some(match word {
        "unreadable" => Refusal::Unreadable,
        "unsealed" => Refusal::Unsealed,
        "rollback" => Refusal::Rollback,
        _ => return None,
    })
}

/// One line per problem: `doc rev why seen case` (`-` for no case). Ids, revisions and
/// ISO times hold no spaces.
pub fn encode(list: &[Problem]) -> String {
    list.iter()
        .map(|p| {
            let case = p.case.as_deref().unwrap_or("-");
            format!("{} {} {} {} {case}", p.doc, p.rev, word(p.why), p.seen)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads what `encode` wrote; a line that is not whole is left out.
pub fn decode(text: &str) -> Vec<Problem> {
    text.lines()
        .filter_map(|line| {
            let parts: Vec<&str> = line.split(' ').collect();
            let [doc, rev, why, seen, case] = parts[..] else {
                return None;
            };
            Some(Problem {
                doc: doc.to_string(),
                rev: rev.to_string(),
                why: refusal(why)?,
                seen: seen.to_string(),
                case: (case != "-").then(|| case.to_string()),
            })
        })
        .collect()
}

/// Adds `problem` unless that version is already listed (refused again in a later round, it
/// keeps the time it was first seen, and learns its case if it was not known before). Whether
/// the list changed.
pub fn note(list: &mut Vec<Problem>, problem: Problem) -> bool {
    match list
        .iter_mut()
        .find(|p| p.doc == problem.doc && p.rev == problem.rev)
    {
        Some(known) if known.case.is_none() && problem.case.is_some() => {
            known.case = problem.case;
            true
        }
        Some(_) => false,
        None => {
            list.push(problem);
            true
        }
    }
}

/// Takes the problem with that document and revision off the list.
pub fn dismiss(list: &mut Vec<Problem>, doc: &str, rev: &str) {
    list.retain(|p| !(p.doc == doc && p.rev == rev));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(doc: &str, rev: &str, why: Refusal, case: Option<&str>) -> Problem {
        Problem {
            doc: doc.into(),
            rev: rev.into(),
            why,
            seen: "2026-12-05T09:30:00.000Z".into(),
            case: case.map(str::to_string),
        }
    }

    #[test]
    fn a_list_reads_back_as_it_was_written() {
        let list = vec![
            problem("a1", "2-ff", Refusal::Unsealed, Some("case-1")),
            problem("b2", "7-0e", Refusal::Rollback, Some("case-2")),
            problem("c3", "1-aa", Refusal::Unreadable, None),
        ];
        assert_eq!(decode(&encode(&list)), list);
        assert_eq!(decode(""), Vec::new());
    }

    #[test]
    fn a_line_that_is_not_whole_is_left_out() {
        let text = "a1 2-ff unsealed 2026-12-05T09:30:00.000Z -\nb2 7-0e tampered 2026 -\nc3 1-aa";
        assert_eq!(
            decode(text),
            vec![problem("a1", "2-ff", Refusal::Unsealed, None)]
        );
    }

    #[test]
    fn a_version_refused_again_is_listed_once_with_when_it_was_first_seen() {
        let mut list = vec![problem("a1", "2-ff", Refusal::Unsealed, None)];
        let mut later = problem("a1", "2-ff", Refusal::Unsealed, None);
        later.seen = "2026-12-06T08:00:00.000Z".into();
        assert!(!note(&mut list, later));
        assert!(note(
            &mut list,
            problem("a1", "3-ee", Refusal::Rollback, None)
        ));
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].seen, "2026-12-05T09:30:00.000Z");
        dismiss(&mut list, "a1", "2-ff");
        assert_eq!(list, vec![problem("a1", "3-ee", Refusal::Rollback, None)]);
    }

    #[test]
    fn a_version_first_refused_before_its_case_was_known_learns_its_case() {
        // A joining device may refuse a forged version before the genuine one beneath it has
        // shown which case it is; refused again once the case is here, the card names it.
        let mut list = vec![problem("a1", "2-ff", Refusal::Unreadable, None)];
        let mut later = problem("a1", "2-ff", Refusal::Unreadable, Some("case-1"));
        later.seen = "2026-12-06T08:00:00.000Z".into();
        assert!(note(&mut list, later));
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].case.as_deref(), Some("case-1"));
        assert_eq!(list[0].seen, "2026-12-05T09:30:00.000Z");
        // Once known, a later refusal changes nothing.
        assert!(!note(
            &mut list,
            problem("a1", "2-ff", Refusal::Unreadable, Some("case-1"))
        ));
    }
}
