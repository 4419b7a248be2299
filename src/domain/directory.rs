//! The team's agency directory: the police forces and local authorities its court officers send
//! enquiries to, with where each wants them sent and how long it usually takes to reply. Drafted
//! enquiries are addressed from it (see `drafts`); the officer picks an agency from it on an
//! enquiry (or types one that is not there yet).

use std::fmt;

use miniserde::json::{self, Value};
use miniserde::{Deserialize, Serialize};

use super::choice::{Choice, choice};
use super::inputs::parse_whole_number;
use super::text::isolate;
use super::validate::{Errors, FieldError};

choice!(AgencyKind {
    Police("police", "Police force"),
    LocalAuthority("local_authority", "Local authority children's services"),
});

choice!(SendBy {
    Email("email", "Email"),
    SecureEmail("secure_email", "Secure email"),
    Portal("portal", "Online portal or form", "The enquiry is entered on the agency's own system"),
});

/// One agency, as the team recorded it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    pub name: String,
    pub kind: Option<AgencyKind>,
    pub send_by: Option<SendBy>,
    /// An email address, or for a portal what to do ("Use the MASH portal, team code 4471").
    pub address: String,
    /// Usual reply time in working days, as typed.
    pub reply_days: String,
}

impl Agency {
    /// What to do instead of emailing, for an agency that takes enquiries on its own portal.
    pub fn portal_note(&self) -> Option<&str> {
        let note = self.address.trim();
        (self.send_by == Some(SendBy::Portal) && !note.is_empty()).then_some(note)
    }
    /// The email address to put on a drafted enquiry: only for an agency that takes email.
    pub fn email(&self) -> Option<&str> {
        let address = self.address.trim();
        match self.send_by? {
            SendBy::Email | SendBy::SecureEmail if !address.is_empty() => Some(address),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Directory {
    pub agencies: Vec<Agency>,
}

/// Names match whatever their case and spacing: "Northshire  police" is "Northshire Police".
/// Case-blind for ASCII letters only, as the app's other name matching: Unicode's case tables
/// would add to the download.
fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
    };
    let a = words(a);
    !a.is_empty() && a == words(b)
}

impl AgencyKind {
    /// "a police force", "a local authority": inside a sentence.
    pub fn a(self) -> &'static str {
        match self {
            AgencyKind::Police => "a police force",
            AgencyKind::LocalAuthority => "a local authority",
        }
    }
    fn the(self) -> &'static str {
        match self {
            AgencyKind::Police => "the police force",
            AgencyKind::LocalAuthority => "the local authority",
        }
    }
}

/// The longest name, email address and portal note the directory keeps: far more than any real
/// one, and short enough to show on a page and in a drafted enquiry.
pub const MAX_NAME: usize = 200;
pub const MAX_EMAIL: usize = 254;
pub const MAX_NOTE: usize = 1000;
/// The longest usual reply time, in working days. Longer than any agency's reply should take,
/// and than the time from conviction to a standard delivery report.
pub const MAX_REPLY_DAYS: u32 = 60;

/// What is wrong with one agency as typed. The same problems refuse the page and an imported
/// file; each has its GOV.UK message for the page and its words for a refused file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    NoName,
    LongName,
    NoKind,
    NoSendBy,
    NoEmail,
    BadEmail,
    NoNote,
    LongNote,
    BadReplyDays,
}

/// The page's field ids. The address is asked beneath the way of sending it belongs to, so
/// its id follows that choice.
pub const NAME: &str = "name";
pub const KIND: &str = "kind";
pub const SEND_BY: &str = "send-by";
pub const REPLY_DAYS: &str = "reply-days";
pub fn address_field(send_by: SendBy) -> &'static str {
    match send_by {
        SendBy::Email => "email",
        SendBy::SecureEmail => "secure-email",
        SendBy::Portal => "portal-note",
    }
}

impl Problem {
    /// The field on the page the problem belongs to.
    pub fn field(self, send_by: Option<SendBy>) -> &'static str {
        match self {
            Problem::NoName | Problem::LongName => NAME,
            Problem::NoKind => KIND,
            Problem::NoSendBy => SEND_BY,
            Problem::NoEmail | Problem::BadEmail | Problem::NoNote | Problem::LongNote => {
                address_field(send_by.unwrap_or(SendBy::Email))
            }
            Problem::BadReplyDays => REPLY_DAYS,
        }
    }

    /// The message on the page, as GOV.UK words them.
    pub fn message(self, send_by: Option<SendBy>) -> String {
        match self {
            Problem::NoName => "Enter the agency's name".into(),
            Problem::LongName => {
                format!("The agency's name must be {MAX_NAME} characters or fewer")
            }
            Problem::NoKind => {
                "Select whether the agency is a police force or a local authority".into()
            }
            Problem::NoSendBy => "Select how your team sends enquiries to the agency".into(),
            Problem::NoEmail if send_by == Some(SendBy::SecureEmail) => {
                "Enter the secure email address your team sends enquiries to".into()
            }
            Problem::NoEmail => "Enter the email address your team sends enquiries to".into(),
            Problem::BadEmail => {
                "Enter an email address in the correct format, like name@example.com".into()
            }
            Problem::NoNote => {
                "Enter how your team sends enquiries through the agency's portal".into()
            }
            Problem::LongNote => format!("The portal note must be {MAX_NOTE} characters or fewer"),
            Problem::BadReplyDays => format!(
                "Enter the usual reply time as a whole number of working days from 1 to {MAX_REPLY_DAYS}, like 5"
            ),
        }
    }

    /// What is wrong with an agency in a file, to follow "… cannot be imported: ".
    fn in_file(self, agency: &Agency) -> String {
        let quoted = |s: &str| format!("\"{}\"", isolate(s.trim()));
        match self {
            Problem::NoName => "it has no name".into(),
            Problem::LongName => format!("its name is longer than {MAX_NAME} characters"),
            Problem::NoKind => {
                "it does not say whether it is a police force or a local authority".into()
            }
            Problem::NoSendBy => "it does not say how enquiries are sent to it".into(),
            Problem::NoEmail => "it has no email address".into(),
            Problem::BadEmail => format!(
                "its email address ({}) is not in the correct format",
                quoted(&agency.address)
            ),
            Problem::NoNote => "it does not say how to send enquiries through its portal".into(),
            Problem::LongNote => format!("its portal note is longer than {MAX_NOTE} characters"),
            Problem::BadReplyDays => format!(
                "its usual reply time ({}) is not a whole number of working days from 1 to {MAX_REPLY_DAYS}",
                quoted(&agency.reply_days)
            ),
        }
    }
}

/// Whether `text` is plausibly an email address: one `@`, a local part of the characters an
/// address may hold, and a domain of at least two labels ending in letters, with no spaces
/// (nothing that could break a drafted email's headers either). It cannot say the address
/// exists: only that it is not mistyped in an obvious way.
pub fn plausible_email(text: &str) -> bool {
    let text = text.trim();
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    text.len() <= MAX_EMAIL && local_ok && domain_ok
}

impl Agency {
    /// Every problem with this agency as typed, in the page's field order.
    pub fn problems(&self) -> Vec<Problem> {
        let mut found = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            found.push(Problem::NoName);
        } else if name.chars().count() > MAX_NAME {
            found.push(Problem::LongName);
        }
        if self.kind.is_none() {
            found.push(Problem::NoKind);
        }
        let address = self.address.trim();
        match self.send_by {
            None => found.push(Problem::NoSendBy),
            Some(SendBy::Email | SendBy::SecureEmail) if address.is_empty() => {
                found.push(Problem::NoEmail)
            }
            Some(SendBy::Email | SendBy::SecureEmail) if !plausible_email(address) => {
                found.push(Problem::BadEmail)
            }
            Some(SendBy::Portal) if address.is_empty() => found.push(Problem::NoNote),
            Some(SendBy::Portal) if address.chars().count() > MAX_NOTE => {
                found.push(Problem::LongNote)
            }
            Some(_) => {}
        }
        if !self.reply_days.trim().is_empty() && self.reply_days().is_none() {
            found.push(Problem::BadReplyDays);
        }
        found
    }

    /// The usual reply time in working days, if one was typed and it is a whole number from 1
    /// to `MAX_REPLY_DAYS`.
    pub fn reply_days(&self) -> Option<u32> {
        parse_whole_number(&self.reply_days).filter(|d| (1..=MAX_REPLY_DAYS).contains(d))
    }

    /// The agency as the directory keeps it: what was typed, without spaces around it.
    pub fn tidied(&self) -> Agency {
        Agency {
            name: self.name.trim().to_string(),
            kind: self.kind,
            send_by: self.send_by,
            address: self.address.trim().to_string(),
            reply_days: self.reply_days.trim().to_string(),
        }
    }

    fn is(&self, other: &Agency) -> bool {
        self.kind.is_some() && self.kind == other.kind && same_name(&self.name, &other.name)
    }
}

/// What an import did to the directory on this device.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// Agencies that were not in the directory.
    pub added: usize,
    /// Agencies already there (the same kind and name) whose details the file changed.
    pub updated: usize,
    /// Agencies already there with the same details.
    pub unchanged: usize,
}

impl Directory {
    /// The agency of this kind with this name, if the team recorded it.
    pub fn find(&self, kind: AgencyKind, name: &str) -> Option<&Agency> {
        self.agencies
            .iter()
            .find(|a| a.kind == Some(kind) && same_name(&a.name, name))
    }
    /// The names of every agency of one kind, for the pick on an enquiry.
    pub fn names(&self, kind: AgencyKind) -> Vec<String> {
        self.agencies
            .iter()
            .filter(|a| a.kind == Some(kind) && !a.name.trim().is_empty())
            .map(|a| a.name.trim().to_string())
            .collect()
    }

    /// The page's validation of `agency`, to be stored in place of the agency at `replacing`
    /// (a change) or added (`None`): every problem with it, and another agency of the same kind
    /// with the same name.
    pub fn validate(&self, agency: &Agency, replacing: Option<usize>) -> Vec<FieldError> {
        let mut errors = <Errors as Default>::default();
        for problem in agency.problems() {
            errors.add(
                problem.field(agency.send_by),
                problem.message(agency.send_by),
            );
        }
        let taken = self
            .agencies
            .iter()
            .enumerate()
            .any(|(i, a)| Some(i) != replacing && a.is(agency));
        if let (true, Some(kind)) = (taken, agency.kind) {
            let message = format!(
                "There is already {} called {} in the directory",
                kind.a(),
                isolate(agency.name.trim())
            );
            // In field order: the name comes first.
            errors.0.insert(
                0,
                FieldError {
                    field: NAME.into(),
                    message,
                },
            );
        }
        errors.0
    }

    /// Stores `agency` in place of the one at `replacing`, or adds it, if the page would accept
    /// it. Returns where it now is (the directory is kept in order: police forces, then local
    /// authorities, each by name).
    pub fn put(
        &mut self,
        replacing: Option<usize>,
        agency: &Agency,
    ) -> Result<usize, Vec<FieldError>> {
        let agency = agency.tidied();
        let errors = self.validate(&agency, replacing);
        if !errors.is_empty() {
            return Err(errors);
        }
        if let Some(i) = replacing.filter(|i| *i < self.agencies.len()) {
            self.agencies.remove(i);
        }
        Ok(self.place(agency))
    }

    /// Removes the agency at `index`, if there is one.
    pub fn remove(&mut self, index: usize) -> Option<Agency> {
        (index < self.agencies.len()).then(|| self.agencies.remove(index))
    }

    /// Takes in the agencies of an imported file: one not in the directory is added; one of
    /// the same kind and name takes the file's details. Agencies only on this device stay.
    pub fn merge(&mut self, incoming: &[Agency]) -> Merged {
        let mut merged = <Merged as Default>::default();
        for theirs in incoming {
            let theirs = theirs.tidied();
            match self.agencies.iter_mut().find(|a| a.is(&theirs)) {
                None => {
                    self.place(theirs);
                    merged.added += 1;
                }
                Some(ours) if *ours == theirs => merged.unchanged += 1,
                Some(_) => {
                    // Its name may be spelt differently in the file, which can move it.
                    self.agencies.retain(|a| !a.is(&theirs));
                    self.place(theirs);
                    merged.updated += 1;
                }
            }
        }
        merged
    }

    /// Inserts `agency` where it belongs, and says where: police forces first, then local
    /// authorities, each in alphabetical order (ASCII letters case-blind, as names are matched
    /// elsewhere). Written out, not sorted: a sort adds several kilobytes to the download.
    fn place(&mut self, agency: Agency) -> usize {
        let key = |a: &Agency| (a.kind, a.name.to_ascii_lowercase());
        let k = key(&agency);
        let at = self
            .agencies
            .iter()
            .position(|a| key(a) > k)
            .unwrap_or(self.agencies.len());
        self.agencies.insert(at, agency);
        at
    }
}

// ---------------------------------------------------------------------------------------------
// The directory as a file
// ---------------------------------------------------------------------------------------------

/// The file's `format`: what it is, so a case file or any other JSON is told apart.
pub const FORMAT: &str = "psc-agency-directory";
/// The file's `version`, raised only when a file of this version could no longer be read.
pub const VERSION: u64 = 1;
/// A directory of every police force and local authority in England and Wales is about
/// 60 KB; a file more than fifteen times that is not one of ours.
pub const MAX_BYTES: usize = 1024 * 1024;

/// Why a directory file was refused. Each reads as a sentence for the person importing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge(usize),
    NotJson,
    /// A case file exported from this app.
    CaseFile,
    NotADirectory,
    UnknownVersion(u64),
    NoAgencies,
    /// An agency that cannot be imported: its position, name and what is wrong.
    BadAgency(usize, String, String),
    /// Two agencies of the same kind and name: their positions, kind and name.
    Twice(usize, usize, AgencyKind, String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str(
                "The file is empty. Choose a file made with \"Download the directory\"",
            ),
            ImportError::TooLarge(n) => write!(
                f,
                "The file is too large ({} MB). A directory file is at most 1 MB",
                n.div_ceil(1_048_576)
            ),
            ImportError::NotJson => f.write_str(
                "The file is not an agency directory: it is not in the JSON format this app exports. Choose a file made with \"Download the directory\"",
            ),
            ImportError::CaseFile => f.write_str(
                "The file holds cases, not an agency directory. Import case files from the list of cases, with \"Import cases from a file\"",
            ),
            ImportError::NotADirectory => f.write_str(
                "The file is not an agency directory from this app: it does not say it holds one. Choose a file made with \"Download the directory\"",
            ),
            ImportError::UnknownVersion(v) if *v > VERSION => write!(
                f,
                "The file was made by a newer version of this app (directory format {v}). Update the app on this device, then import it again"
            ),
            ImportError::UnknownVersion(v) => write!(
                f,
                "The file is in directory format {v}, which this app cannot read (it reads format {VERSION})"
            ),
            ImportError::NoAgencies => f.write_str("The file holds no agencies"),
            ImportError::BadAgency(n, name, why) => {
                write!(f, "Agency {n} in the file ({name}) cannot be imported: {why}")
            }
            ImportError::Twice(a, b, kind, name) => write!(
                f,
                "Agencies {a} and {b} in the file are both {} called {name}. A directory lists each agency once: remove one from the file, or download the directory again",
                kind.the()
            ),
        }
    }
}

/// The directory as a file: its format and version, who made it when, and one agency a line
/// (so that a person can read it).
pub fn export(directory: &Directory, by: &str, at: &str) -> String {
    let agencies: Vec<String> = directory.agencies.iter().map(json::to_string).collect();
    format!(
        "{{\"format\":{},\"version\":{VERSION},\"exported_by\":{},\"exported_at\":{},\"agencies\":[\n{}\n]}}\n",
        json::to_string(FORMAT),
        json::to_string(by),
        json::to_string(at),
        agencies.join(",\n"),
    )
}

/// Reads and checks a directory file completely: every agency as the page would accept it, and
/// none twice. Nothing is stored here (see `Directory::merge`).
pub fn import(text: &str) -> Result<Vec<Agency>, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    // A byte order mark, as some editors write at the start of a file, is not content.
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let file = match json::from_str::<Value>(text) {
        Ok(Value::Object(file)) => file,
        Ok(_) => return Err(ImportError::NotADirectory),
        Err(_) => return Err(ImportError::NotJson),
    };
    match file.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) if f == super::handover::FORMAT => {
            return Err(ImportError::CaseFile);
        }
        _ => return Err(ImportError::NotADirectory),
    }
    match file.get("version").map(super::handover::whole_number) {
        Some(Some(VERSION)) => {}
        Some(Some(other)) => return Err(ImportError::UnknownVersion(other)),
        _ => return Err(ImportError::NotADirectory),
    }
    let Some(Value::Array(list)) = file.get("agencies") else {
        return Err(ImportError::NotADirectory);
    };
    if list.is_empty() {
        return Err(ImportError::NoAgencies);
    }
    let mut agencies: Vec<Agency> = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let agency =
            read_agency(item).map_err(|(name, why)| ImportError::BadAgency(i + 1, name, why))?;
        if let Some(first) = agencies.iter().position(|a| a.is(&agency)) {
            let kind = agency.kind.unwrap_or(AgencyKind::Police);
            return Err(ImportError::Twice(
                first + 1,
                i + 1,
                kind,
                isolate(&agency.name),
            ));
        }
        agencies.push(agency);
    }
    Ok(agencies)
}

/// One agency of a file, or its name (as the refusal shows it) and what is wrong with it.
fn read_agency(item: &Value) -> Result<Agency, (String, String)> {
    let Value::Object(o) = item else {
        return Err((
            "not an agency".into(),
            "it is not an agency's details".into(),
        ));
    };
    let text = |key: &str| match o.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        // A reply time may be written as a number by someone editing the file.
        Some(n @ Value::Number(_)) => Some(json::to_string(n)),
        _ => None,
    };
    let name = text("name").unwrap_or_default();
    let shown = match name.trim() {
        "" => "no name".to_string(),
        n => isolate(n),
    };
    let fail = |why: String| (shown.clone(), why);
    fn choice<C: Choice>(
        value: Option<String>,
        what: &str,
        keys: &str,
    ) -> Result<Option<C>, String> {
        match value {
            None => Ok(None),
            Some(key) => C::from_key(&key).map(Some).ok_or_else(|| {
                format!(
                    "its {what} (\"{}\") is not one this app knows ({keys})",
                    isolate(&key)
                )
            }),
        }
    }
    let kind =
        choice::<AgencyKind>(text("kind"), "type", "police or local_authority").map_err(fail)?;
    let send_by = choice::<SendBy>(
        text("send_by"),
        "way of sending enquiries",
        "email, secure_email or portal",
    )
    .map_err(fail)?;
    let agency = Agency {
        name,
        kind,
        send_by,
        address: text("address").unwrap_or_default(),
        reply_days: text("reply_days").unwrap_or_default(),
    };
    match agency.problems().first() {
        Some(problem) => Err(fail(problem.in_file(&agency))),
        None => Ok(agency.tidied()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_an_agency_by_kind_and_name_whatever_the_spacing_and_case() {
        let police = Agency {
            name: "Northshire Police".into(),
            kind: Some(AgencyKind::Police),
            send_by: Some(SendBy::SecureEmail),
            address: " da.enquiries@northshire.police.example ".into(),
            reply_days: "5".into(),
        };
        let council = Agency {
            name: "Northshire Police".into(),
            kind: Some(AgencyKind::LocalAuthority),
            ..<Agency as Default>::default()
        };
        let d = Directory {
            agencies: vec![council, police.clone()],
        };
        assert_eq!(
            d.find(AgencyKind::Police, "  northshire   POLICE"),
            Some(&police)
        );
        assert_eq!(d.find(AgencyKind::Police, "Southshire Police"), None);
        assert_eq!(d.find(AgencyKind::Police, ""), None);
        assert_eq!(
            police.email(),
            Some("da.enquiries@northshire.police.example")
        );
        let portal = Agency {
            send_by: Some(SendBy::Portal),
            ..police
        };
        assert_eq!(portal.email(), None);
    }

    fn agency(name: &str, kind: AgencyKind, send_by: SendBy, address: &str, days: &str) -> Agency {
        Agency {
            name: name.into(),
            kind: Some(kind),
            send_by: Some(send_by),
            address: address.into(),
            reply_days: days.into(),
        }
    }

    fn northshire() -> Agency {
        agency(
            "Northshire Police",
            AgencyKind::Police,
            SendBy::SecureEmail,
            "da.enquiries@northshire.police.uk.cjsm.net",
            "5",
        )
    }

    fn southshire_council() -> Agency {
        agency(
            "Southshire Council",
            AgencyKind::LocalAuthority,
            SendBy::Portal,
            "Use the MASH portal, team code 4471",
            "",
        )
    }

    fn fields(errors: &[FieldError]) -> Vec<(&str, &str)> {
        errors
            .iter()
            .map(|e| (e.field.as_str(), e.message.as_str()))
            .collect()
    }

    #[test]
    fn an_empty_agency_is_refused_field_by_field_in_page_order() {
        let d = <Directory as Default>::default();
        assert_eq!(
            fields(&d.validate(&<Agency as Default>::default(), None)),
            vec![
                ("name", "Enter the agency's name"),
                (
                    "kind",
                    "Select whether the agency is a police force or a local authority"
                ),
                (
                    "send-by",
                    "Select how your team sends enquiries to the agency"
                ),
            ]
        );
    }

    #[test]
    fn each_field_is_checked_as_the_page_would() {
        use Problem::*;
        let base = northshire();
        let with = |f: &dyn Fn(&mut Agency)| {
            let mut a = base.clone();
            f(&mut a);
            a.problems()
        };
        type Change = Box<dyn Fn(&mut Agency)>;
        let cases: Vec<(&str, Vec<Problem>, Change)> = vec![
            ("valid", vec![], Box::new(|_| {})),
            (
                "name of spaces",
                vec![NoName],
                Box::new(|a| a.name = "   ".into()),
            ),
            (
                "name too long",
                vec![LongName],
                Box::new(|a| a.name = "N".repeat(MAX_NAME + 1)),
            ),
            (
                "name at the limit",
                vec![],
                Box::new(|a| a.name = "é".repeat(MAX_NAME)),
            ),
            ("no kind", vec![NoKind], Box::new(|a| a.kind = None)),
            (
                "no way of sending",
                vec![NoSendBy],
                Box::new(|a| a.send_by = None),
            ),
            (
                "no secure email",
                vec![NoEmail],
                Box::new(|a| a.address = " ".into()),
            ),
            (
                "no email",
                vec![NoEmail],
                Box::new(|a| {
                    a.send_by = Some(SendBy::Email);
                    a.address.clear();
                }),
            ),
            (
                "email without @",
                vec![BadEmail],
                Box::new(|a| a.address = "da.enquiries.northshire.police.uk".into()),
            ),
            (
                "email with a space",
                vec![BadEmail],
                Box::new(|a| a.address = "da enquiries@northshire.police.uk".into()),
            ),
            (
                "email with two @",
                vec![BadEmail],
                Box::new(|a| a.address = "a@b@northshire.police.uk".into()),
            ),
            (
                "email with no domain dot",
                vec![BadEmail],
                Box::new(|a| a.address = "da@localhost".into()),
            ),
            (
                "email ending in a dot",
                vec![BadEmail],
                Box::new(|a| a.address = "da@northshire.police.uk.".into()),
            ),
            (
                "email with a line break",
                vec![BadEmail],
                Box::new(|a| a.address = "da@northshire.police.uk\nBcc: x@y.uk".into()),
            ),
            (
                "email with a name and brackets",
                vec![BadEmail],
                Box::new(|a| a.address = "DA <da@northshire.police.uk>".into()),
            ),
            (
                "email with a numeric top level",
                vec![BadEmail],
                Box::new(|a| a.address = "da@10.0.0.1".into()),
            ),
            (
                "email with spaces around it",
                vec![],
                Box::new(|a| a.address = "  da@northshire.police.uk ".into()),
            ),
            (
                "email with plus and capitals",
                vec![],
                Box::new(|a| a.address = "DA.Team+court@Northshire.Police.UK".into()),
            ),
            (
                "portal without a note",
                vec![NoNote],
                Box::new(|a| {
                    a.send_by = Some(SendBy::Portal);
                    a.address.clear();
                }),
            ),
            (
                "portal note too long",
                vec![LongNote],
                Box::new(|a| {
                    a.send_by = Some(SendBy::Portal);
                    a.address = "x".repeat(MAX_NOTE + 1);
                }),
            ),
            (
                "portal note need not be an email",
                vec![],
                Box::new(|a| {
                    a.send_by = Some(SendBy::Portal);
                    a.address = "Use the MASH portal, team code 4471".into();
                }),
            ),
            (
                "no reply time is fine",
                vec![],
                Box::new(|a| a.reply_days.clear()),
            ),
            (
                "reply time 1",
                vec![],
                Box::new(|a| a.reply_days = "1".into()),
            ),
            (
                "reply time 60",
                vec![],
                Box::new(|a| a.reply_days = " 60 ".into()),
            ),
            (
                "reply time 0",
                vec![BadReplyDays],
                Box::new(|a| a.reply_days = "0".into()),
            ),
            (
                "reply time 61",
                vec![BadReplyDays],
                Box::new(|a| a.reply_days = "61".into()),
            ),
            (
                "reply time in words",
                vec![BadReplyDays],
                Box::new(|a| a.reply_days = "five".into()),
            ),
            (
                "reply time a fraction",
                vec![BadReplyDays],
                Box::new(|a| a.reply_days = "2.5".into()),
            ),
            (
                "reply time negative",
                vec![BadReplyDays],
                Box::new(|a| a.reply_days = "-3".into()),
            ),
            (
                "everything wrong",
                vec![NoName, NoKind, NoSendBy, BadReplyDays],
                Box::new(|a| {
                    *a = Agency {
                        reply_days: "x".into(),
                        ..<Agency as Default>::default()
                    };
                }),
            ),
        ];
        for (what, expected, change) in cases {
            assert_eq!(with(&*change), expected, "{what}");
        }
    }

    #[test]
    fn the_address_problem_is_on_the_box_of_the_way_chosen() {
        let d = <Directory as Default>::default();
        let mut a = northshire();
        a.address = "not an address".into();
        for (send_by, field, message) in [
            (
                SendBy::Email,
                "email",
                "Enter an email address in the correct format, like name@example.com",
            ),
            (
                SendBy::SecureEmail,
                "secure-email",
                "Enter an email address in the correct format, like name@example.com",
            ),
        ] {
            a.send_by = Some(send_by);
            assert_eq!(fields(&d.validate(&a, None)), vec![(field, message)]);
        }
        a.address.clear();
        a.send_by = Some(SendBy::SecureEmail);
        assert_eq!(
            fields(&d.validate(&a, None)),
            vec![(
                "secure-email",
                "Enter the secure email address your team sends enquiries to"
            )]
        );
        a.send_by = Some(SendBy::Portal);
        assert_eq!(
            fields(&d.validate(&a, None)),
            vec![(
                "portal-note",
                "Enter how your team sends enquiries through the agency's portal"
            )]
        );
    }

    #[test]
    fn one_agency_of_a_kind_per_name_whatever_its_spacing_and_case() {
        let mut d = <Directory as Default>::default();
        assert_eq!(d.put(None, &northshire()), Ok(0));
        let mut again = northshire();
        again.name = "  NORTHSHIRE   police ".into();
        again.reply_days = "3".into();
        assert_eq!(
            d.put(None, &again),
            Err(vec![FieldError {
                field: "name".into(),
                message:
                    "There is already a police force called NORTHSHIRE   police in the directory"
                        .into(),
            }])
        );
        // A local authority may share the name.
        let mut council = again.clone();
        council.kind = Some(AgencyKind::LocalAuthority);
        assert_eq!(d.put(None, &council), Ok(1));
        // The agency itself may be changed, its name included.
        assert_eq!(d.put(Some(0), &again), Ok(0));
        assert_eq!(
            d.agencies[0].name, "NORTHSHIRE   police",
            "kept as typed, without spaces around it"
        );
        assert_eq!(d.agencies[0].reply_days, "3");
        assert_eq!(d.agencies.len(), 2);
        // A change that would take another agency's kind and name is refused, and nothing
        // changes.
        let before = d.clone();
        let mut clash = council.clone();
        clash.kind = Some(AgencyKind::Police);
        let refused = d.put(Some(1), &clash).unwrap_err();
        assert_eq!(refused[0].field, "name");
        assert_eq!(d, before);
    }

    #[test]
    fn kept_in_order_police_first_then_by_name() {
        let mut d = <Directory as Default>::default();
        for (name, kind) in [
            ("westshire council", AgencyKind::LocalAuthority),
            ("Southshire Police", AgencyKind::Police),
            ("Eastshire Council", AgencyKind::LocalAuthority),
            ("northshire police", AgencyKind::Police),
        ] {
            d.put(None, &agency(name, kind, SendBy::Email, "a@b.uk", ""))
                .unwrap();
        }
        let names: Vec<&str> = d.agencies.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "northshire police",
                "Southshire Police",
                "Eastshire Council",
                "westshire council"
            ]
        );
        assert_eq!(
            d.names(AgencyKind::LocalAuthority),
            ["Eastshire Council", "westshire council"]
        );
        assert_eq!(
            d.remove(1).map(|a| a.name),
            Some("Southshire Police".into())
        );
        assert_eq!(d.remove(9), None);
        assert_eq!(d.names(AgencyKind::Police), ["northshire police"]);
    }

    fn directory() -> Directory {
        let mut d = <Directory as Default>::default();
        d.put(None, &northshire()).unwrap();
        d.put(None, &southshire_council()).unwrap();
        d
    }

    #[test]
    fn an_export_imports_as_the_same_agencies() {
        let d = directory();
        let file = export(&d, "Olu Officer (court officer)", "2026-12-05T10:00:00");
        assert!(file.starts_with("{\"format\":\"psc-agency-directory\",\"version\":1,"));
        assert_eq!(file.lines().count(), 4, "one agency a line:\n{file}");
        assert_eq!(import(&file), Ok(d.agencies.clone()));
        // Into an empty directory it adds them all; into the same one it changes nothing.
        let mut empty = <Directory as Default>::default();
        assert_eq!(
            empty.merge(&d.agencies),
            Merged {
                added: 2,
                updated: 0,
                unchanged: 0
            }
        );
        assert_eq!(empty, d);
        let mut same = d.clone();
        assert_eq!(
            same.merge(&d.agencies),
            Merged {
                added: 0,
                updated: 0,
                unchanged: 2
            }
        );
        assert_eq!(same, d);
    }

    #[test]
    fn import_adds_new_agencies_updates_those_of_the_same_kind_and_name_and_keeps_the_rest() {
        let mut here = directory();
        let mut ours_only = northshire();
        ours_only.name = "Eastshire Police".into();
        here.put(None, &ours_only).unwrap();
        let mut changed = northshire();
        changed.name = "NORTHSHIRE POLICE".into();
        changed.send_by = Some(SendBy::Email);
        changed.address = "mash@northshire.police.uk".into();
        changed.reply_days = "7".into();
        let new = agency(
            "Westshire Council",
            AgencyKind::LocalAuthority,
            SendBy::Email,
            "cs@westshire.gov.uk",
            "10",
        );
        let merged = here.merge(&[changed.clone(), southshire_council(), new.clone()]);
        assert_eq!(
            merged,
            Merged {
                added: 1,
                updated: 1,
                unchanged: 1
            }
        );
        assert_eq!(
            here.agencies,
            vec![ours_only, changed, southshire_council(), new]
        );
    }

    fn file(agencies: &str) -> String {
        format!("{{\"format\":\"psc-agency-directory\",\"version\":1,\"agencies\":[{agencies}]}}")
    }

    #[test]
    fn a_malformed_file_is_refused_with_one_specific_message() {
        let good = json::to_string(&northshire());
        let twice = json::to_string(&agency(
            " northshire  POLICE",
            AgencyKind::Police,
            SendBy::Email,
            "x@y.uk",
            "",
        ));
        let table: Vec<(String, &str)> = vec![
            ("".into(), "The file is empty. Choose a file made with \"Download the directory\""),
            ("\u{feff}  \n".into(), "The file is empty. Choose a file made with \"Download the directory\""),
            ("Northshire Police, da@northshire.police.uk".into(), "The file is not an agency directory: it is not in the JSON format this app exports. Choose a file made with \"Download the directory\""),
            ("{\"format\":\"psc-agency-directory\"".into(), "The file is not an agency directory: it is not in the JSON format this app exports. Choose a file made with \"Download the directory\""),
            ("[1,2]".into(), "The file is not an agency directory from this app: it does not say it holds one. Choose a file made with \"Download the directory\""),
            ("{\"version\":1,\"agencies\":[]}".into(), "The file is not an agency directory from this app: it does not say it holds one. Choose a file made with \"Download the directory\""),
            ("{\"format\":\"pre-sentence-safeguarding-checks\",\"format_version\":1,\"cases\":[]}".into(), "The file holds cases, not an agency directory. Import case files from the list of cases, with \"Import cases from a file\""),
            ("{\"format\":\"psc-agency-directory\",\"version\":2,\"agencies\":[]}".into(), "The file was made by a newer version of this app (directory format 2). Update the app on this device, then import it again"),
            ("{\"format\":\"psc-agency-directory\",\"version\":0,\"agencies\":[]}".into(), "The file is in directory format 0, which this app cannot read (it reads format 1)"),
            ("{\"format\":\"psc-agency-directory\",\"version\":\"1\",\"agencies\":[]}".into(), "The file is not an agency directory from this app: it does not say it holds one. Choose a file made with \"Download the directory\""),
            ("{\"format\":\"psc-agency-directory\",\"version\":1}".into(), "The file is not an agency directory from this app: it does not say it holds one. Choose a file made with \"Download the directory\""),
            (file(""), "The file holds no agencies"),
            (file(&format!("{good},7")), "Agency 2 in the file (not an agency) cannot be imported: it is not an agency's details"),
            (file(&format!("{good},{{\"kind\":\"police\",\"send_by\":\"email\",\"address\":\"a@b.uk\"}}")), "Agency 2 in the file (no name) cannot be imported: it has no name"),
            (file("{\"name\":\"Northshire Fire\",\"kind\":\"fire\",\"send_by\":\"email\",\"address\":\"a@b.uk\"}"), "Agency 1 in the file (Northshire Fire) cannot be imported: its type (\"fire\") is not one this app knows (police or local_authority)"),
            (file("{\"name\":\"Northshire Police\",\"send_by\":\"email\",\"address\":\"a@b.uk\"}"), "Agency 1 in the file (Northshire Police) cannot be imported: it does not say whether it is a police force or a local authority"),
            (file("{\"name\":\"Northshire Police\",\"kind\":\"police\",\"send_by\":\"fax\",\"address\":\"01234\"}"), "Agency 1 in the file (Northshire Police) cannot be imported: its way of sending enquiries (\"fax\") is not one this app knows (email, secure_email or portal)"),
            (file("{\"name\":\"Northshire Police\",\"kind\":\"police\",\"address\":\"a@b.uk\"}"), "Agency 1 in the file (Northshire Police) cannot be imported: it does not say how enquiries are sent to it"),
            (file("{\"name\":\"Northshire Police\",\"kind\":\"police\",\"send_by\":\"email\",\"address\":\"da at northshire\"}"), "Agency 1 in the file (Northshire Police) cannot be imported: its email address (\"da at northshire\") is not in the correct format"),
            (file("{\"name\":\"Northshire Police\",\"kind\":\"police\",\"send_by\":\"secure_email\"}"), "Agency 1 in the file (Northshire Police) cannot be imported: it has no email address"),
            (file("{\"name\":\"Northshire Council\",\"kind\":\"local_authority\",\"send_by\":\"portal\",\"address\":\"\"}"), "Agency 1 in the file (Northshire Council) cannot be imported: it does not say how to send enquiries through its portal"),
            (file("{\"name\":\"Northshire Police\",\"kind\":\"police\",\"send_by\":\"email\",\"address\":\"a@b.uk\",\"reply_days\":\"a week\"}"), "Agency 1 in the file (Northshire Police) cannot be imported: its usual reply time (\"a week\") is not a whole number of working days from 1 to 60"),
            (file("{\"name\":\"Northshire Police\",\"kind\":\"police\",\"send_by\":\"email\",\"address\":\"a@b.uk\",\"reply_days\":90}"), "Agency 1 in the file (Northshire Police) cannot be imported: its usual reply time (\"90\") is not a whole number of working days from 1 to 60"),
            (file(&format!("{good},{},{twice}", json::to_string(&southshire_council()))), "Agencies 1 and 3 in the file are both the police force called northshire  POLICE. A directory lists each agency once: remove one from the file, or download the directory again"),
            ("x".repeat(MAX_BYTES + 1), "The file is too large (2 MB). A directory file is at most 1 MB"),
        ];
        for (text, message) in table {
            let got = import(&text).map_err(|e| e.to_string());
            assert_eq!(
                got,
                Err(message.to_string()),
                "{}",
                text.get(..80).unwrap_or(&text)
            );
        }
    }

    #[test]
    fn a_hand_written_file_is_read_kindly() {
        // A reply time written as a number, fields in another order, one not ours, spaces
        // around what was typed.
        let text = file(
            "{\"reply_days\":5,\"address\":\" da@northshire.police.uk \",\"send_by\":\"email\",\"kind\":\"police\",\"name\":\" Northshire Police \",\"notes\":\"ring first\"}",
        );
        assert_eq!(
            import(&text),
            Ok(vec![agency(
                "Northshire Police",
                AgencyKind::Police,
                SendBy::Email,
                "da@northshire.police.uk",
                "5"
            )])
        );
    }

    #[test]
    fn a_name_that_could_reorder_the_message_is_isolated() {
        let text =
            file("{\"name\":\"Police \u{202e}ecilop\",\"kind\":\"police\",\"send_by\":\"email\"}");
        let message = import(&text).unwrap_err().to_string();
        assert!(
            message.contains("(\u{2068}Police \u{202e}ecilop\u{2069})"),
            "{message}"
        );
    }

    use proptest::prelude::*;

    fn any_agency() -> impl Strategy<Value = Agency> {
        let kind = prop_oneof![Just(AgencyKind::Police), Just(AgencyKind::LocalAuthority)];
        let send = prop_oneof![
            "[a-z0-9._%+-]{1,12}@[a-z0-9]{1,10}\\.(police|gov|nhs)\\.uk"
                .prop_map(|a| (SendBy::Email, a)),
            "[a-z0-9]{1,12}@[a-z0-9-]{1,10}\\.gov\\.uk\\.cjsm\\.net"
                .prop_map(|a| (SendBy::SecureEmail, a)),
            "[^\\u{0}-\\u{1f}]{1,80}".prop_map(|a| (SendBy::Portal, a)),
        ];
        let days = prop_oneof![Just(String::new()), (1u32..=60).prop_map(|d| d.to_string())];
        ("[A-Za-z\u{e9}\u{2019}' -]{0,30}[A-Za-z]", kind, send, days).prop_map(
            |(name, kind, (send_by, address), reply_days)| Agency {
                name,
                kind: Some(kind),
                send_by: Some(send_by),
                address,
                reply_days,
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever the page accepts, a download of it imports as the same directory, and
        /// importing it again changes nothing.
        #[test]
        fn export_then_import_round_trips(list in proptest::collection::vec(any_agency(), 1..12)) {
            let mut d = <Directory as Default>::default();
            for a in &list {
                // Refused (and left out) when it takes another's name.
                let _ = d.put(None, a);
            }
            prop_assume!(!d.agencies.is_empty());
            let file = export(&d, "Olu \"O\" Officer", "2026-12-05T10:00:00");
            let read = import(&file);
            prop_assert_eq!(read.as_ref(), Ok(&d.agencies));
            let mut copy = <Directory as Default>::default();
            let merged = copy.merge(&read.unwrap());
            prop_assert_eq!(merged.added, d.agencies.len());
            prop_assert_eq!(&copy, &d);
            let again = copy.merge(&d.agencies);
            prop_assert_eq!(again, Merged { added: 0, updated: 0, unchanged: d.agencies.len() });
        }

        /// No text makes import panic, and what it accepts the page would accept too.
        #[test]
        fn import_never_panics_and_accepts_only_valid_agencies(text in "\\PC{0,200}") {
            if let Ok(list) = import(&text) {
                for a in &list {
                    prop_assert!(a.problems().is_empty());
                }
            }
            let damaged = file(&text);
            if let Ok(list) = import(&damaged) {
                for a in &list {
                    prop_assert!(a.problems().is_empty());
                }
            }
        }
    }
}
