//! Text typed by people, shown safely beside the app's own words.
//!
//! Answers are stored exactly as typed. A name holding a right-to-left override (U+202E) or
//! another bidirectional control would otherwise reverse whatever follows it on the page: so
//! typed text is shown inside a Unicode isolate (the plain-text form of HTML's `<bdi>`), and
//! text that leaves the app to be pasted elsewhere (the court paragraph) carries no controls.

/// Bidirectional formatting characters: embeddings, overrides, isolates and the marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms, and
/// the other right-to-left blocks), which can also move the punctuation next to them.
fn is_right_to_left(c: char) -> bool {
    matches!(
        c,
        '\u{0590}'..='\u{08FF}'
            | '\u{FB1D}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
            | '\u{10800}'..='\u{10FFF}'
            | '\u{1E800}'..='\u{1EFFF}'
    )
}

/// `text` without any bidirectional control.
pub fn without_bidi_controls(text: &str) -> String {
    text.chars().filter(|c| !is_bidi_control(*c)).collect()
}

/// Typed text to show inside a sentence: wrapped in First Strong Isolate … Pop Directional
/// Isolate when it holds anything that could reorder the text around it; left as it is
/// otherwise (most text), so plain names read and compare exactly as typed.
pub fn isolate(text: &str) -> String {
    if text
        .chars()
        .any(|c| is_bidi_control(c) || is_right_to_left(c))
    {
        // The isolate's closing character ends any override still open inside it.
        format!("\u{2068}{text}\u{2069}")
    } else {
        text.to_string()
    }
}

/// "a", "a and b", "a, b and c".
pub fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            format!(
                "{} and {}",
                rest.iter()
                    .map(|s| s.as_ref())
                    .collect::<Vec<_>>()
                    .join(", "),
                last.as_ref()
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_that_could_reorder_is_isolated() {
        assert_eq!(isolate("Sam Sample"), "Sam Sample");
        assert_eq!(
            isolate("Sam \u{202E}elpmaS"),
            "\u{2068}Sam \u{202E}elpmaS\u{2069}"
        );
        assert_eq!(isolate("سارة"), "\u{2068}سارة\u{2069}");
        assert_eq!(
            without_bidi_controls("a\u{202E}b\u{2066}c\u{2069}\u{200F}"),
            "abc"
        );
    }
}
