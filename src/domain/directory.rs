//! The team's agency directory: the police forces and local authorities its court officers send
//! enquiries to, with where each wants them sent and how long it usually takes to reply. Drafted
//! enquiries are addressed from it (see `drafts`); the officer picks an agency from it on an
//! enquiry (or types one that is not there yet).

use miniserde::{Deserialize, Serialize};

use super::choice::choice;

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
fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let a = words(a);
    !a.is_empty() && a == words(b)
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
}
