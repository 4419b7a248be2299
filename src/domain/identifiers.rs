//! The identifiers agencies ask for when tracing a person (issue 22, item 1): the CRN, the case
//! reference probation uses everywhere, and the PNC ID, the Police National Computer's.
//! Each is read as typed (spaces and case forgiven) into one written form, or refused with a
//! message that says what is wrong. Pure, and tested with `cargo test`.
//!
//! The PNC ID's check character: the two-digit year and the serial number padded to seven
//! digits, read as one number, modulo 23, picks a letter of `ZABCDEFGHJKLMNPQRTUVWXY`. This is
//! the rule the Ministry of Justice's own public services apply (for example HMPPS's person
//! record service, `PNCIdValidator`), and their published examples (1979/0163001B,
//! 2002/0073319Z, 1981/0000034U) are among the tests below.

/// The letters a PNC ID's check character is drawn from, by remainder.
const CHECK_LETTERS: &[u8; 23] = b"ZABCDEFGHJKLMNPQRTUVWXY";

pub const CRN_FORM: &str = "Enter the CRN as a letter followed by 6 digits, like X123456";
pub const PNC_FORM: &str =
    "Enter the PNC ID as the year, a slash, the number and a letter, like 2003/0012345B";
pub const PNC_CHECK: &str = "The PNC ID's last letter does not match its year and number. Check each character against the record";

/// A CRN in its written form (`X123456`), or why not.
pub fn crn(typed: &str) -> Result<String, &'static str> {
    let text: String = typed
        .split_whitespace()
        .collect::<String>()
        .to_ascii_uppercase();
    let bytes = text.as_bytes();
    let whole = bytes.len() == 7
        && bytes[0].is_ascii_uppercase()
        && bytes[1..].iter().all(u8::is_ascii_digit);
    if whole { Ok(text) } else { Err(CRN_FORM) }
}

/// A PNC ID in its long written form (`1979/0163001B`), or why not. Typed in the short form
/// (`79/163001B`, the slash optional), a two-digit year after `this_year`'s is of the 1900s.
pub fn pnc_id(typed: &str, this_year: i32) -> Result<String, &'static str> {
    let text: String = typed
        .split_whitespace()
        .collect::<String>()
        .to_ascii_uppercase();
    if !text.is_ascii() {
        return Err(PNC_FORM);
    }
    let (year, rest) = match text.split_once('/') {
        Some((year, rest)) => (year.to_string(), rest.to_string()),
        // Without a slash: a long form's year has 4 digits, a short form's 2.
        None if text.len() == 12 => (text[..4].to_string(), text[4..].to_string()),
        None if text.len() >= 4 => (text[..2].to_string(), text[2..].to_string()),
        None => return Err(PNC_FORM),
    };
    let Some(check) = rest.chars().last().filter(char::is_ascii_uppercase) else {
        return Err(PNC_FORM);
    };
    let serial = &rest[..rest.len() - 1];
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(&year)
        || !(year.len() == 2 || year.len() == 4)
        || !digits(serial)
        || serial.len() > 7
    {
        return Err(PNC_FORM);
    }
    let year: i32 = year.parse().map_err(|_| PNC_FORM)?;
    let year = match year {
        y if y >= 100 => y,
        y if y > this_year % 100 => 1900 + y,
        y => 2000 + y,
    };
    if year < 1900 || year > this_year {
        return Err(PNC_FORM);
    }
    let serial: u64 = serial.parse().map_err(|_| PNC_FORM)?;
    if check_letter(year, serial) != check {
        return Err(PNC_CHECK);
    }
    Ok(format!("{year}/{serial:07}{check}"))
}

/// A PNC ID as the case list compares it, whatever form it was typed in: the two-digit year,
/// the serial to seven digits and the check letter (`02/0073319Z`), which the short and long
/// forms share. `None` for anything that is not a PNC ID.
pub fn pnc_key(typed: &str) -> Option<String> {
    // Any year is taken here: the key keeps only its last two digits.
    pnc_id(typed, 2099)
        .ok()
        .map(|written| written[2..].to_string())
}

/// The check character of the PNC ID for `year` and `serial`.
pub fn check_letter(year: i32, serial: u64) -> char {
    let number = (year.rem_euclid(100) as u64) * 10_000_000 + serial;
    CHECK_LETTERS[(number % 23) as usize] as char
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_pnc_id_has_one_key_in_every_form_it_is_typed_in() {
        for typed in ["2002/0073319Z", "02/73319Z", "0273319z", " 2002 / 73319 Z "] {
            assert_eq!(pnc_key(typed).as_deref(), Some("02/0073319Z"), "{typed}");
        }
        assert_eq!(pnc_key("2002/0073319Y"), None);
        assert_eq!(pnc_key("Sam"), None);
    }

    #[test]
    fn crns_in_the_letter_and_six_digits_form_are_taken_and_others_refused() {
        for (typed, written) in [
            ("X123456", "X123456"),
            (" d 654321 ", "D654321"),
            ("a000001", "A000001"),
        ] {
            assert_eq!(crn(typed), Ok(written.to_string()), "{typed}");
        }
        for typed in [
            "", "123456", "X12345", "X1234567", "XX12345", "1123456", "X12345O", "É123456",
        ] {
            assert_eq!(crn(typed), Err(CRN_FORM), "{typed}");
        }
    }

    #[test]
    fn published_pnc_ids_are_taken_in_their_long_form() {
        for (typed, written) in [
            ("1979/0163001B", "1979/0163001B"),
            ("79/163001B", "1979/0163001B"),
            ("79163001B", "1979/0163001B"),
            ("02/73319Z", "2002/0073319Z"),
            ("0273319Z", "2002/0073319Z"),
            ("20020073319Z", "2002/0073319Z"),
            ("81/34u", "1981/0000034U"),
            ("00/223R", "2000/0000223R"),
            ("03/3Y", "2003/0000003Y"),
            ("67/9893091D", "1967/9893091D"),
        ] {
            assert_eq!(pnc_id(typed, 2026), Ok(written.to_string()), "{typed}");
        }
    }

    #[test]
    fn a_pnc_id_not_in_the_form_or_with_the_wrong_check_letter_is_refused_with_its_reason() {
        for typed in [
            "",
            "B",
            "1979/B",
            "1979/0163001",
            "1979/01630012B",
            "19/79/0163001B",
            "1979-0163001B",
            "2031/0000001A",
            "1899/0000001A",
            "79/16300IB1",
        ] {
            assert_eq!(pnc_id(typed, 2026), Err(PNC_FORM), "{typed}");
        }
        for typed in ["1979/0163001C", "79/163001Z", "2002/0073319I"] {
            assert!(pnc_id(typed, 2026).is_err(), "{typed}");
        }
        assert_eq!(pnc_id("1979/0163001C", 2026), Err(PNC_CHECK));
    }

    proptest! {
        #[test]
        fn anything_typed_is_taken_or_refused_and_never_breaks(typed in "\\PC{0,16}") {
            let _ = pnc_id(&typed, 2026);
            let _ = crn(&typed);
        }

        #[test]
        fn every_pnc_id_with_its_check_letter_is_taken_and_every_other_letter_refused(
            year in 1900i32..=2026, serial in 0u64..10_000_000, other in 0usize..23
        ) {
            let right = check_letter(year, serial);
            let written = format!("{year}/{serial:07}{right}");
            prop_assert_eq!(pnc_id(&written, 2026), Ok(written.clone()));
            let wrong = CHECK_LETTERS[other] as char;
            prop_assume!(wrong != right);
            prop_assert_eq!(pnc_id(&format!("{year}/{serial:07}{wrong}"), 2026), Err(PNC_CHECK));
        }
    }
}
