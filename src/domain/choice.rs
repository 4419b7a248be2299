//! Fixed answer lists. Each list is declared once with its stored key, its label and an optional
//! hint, so the wording of every option lives beside the type it names.

/// An answer list that the UI can render as radios or checkboxes.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    fn all() -> &'static [Self];
    fn key(self) -> &'static str;
    fn label(self) -> &'static str;
    fn hint(self) -> Option<&'static str>;
    fn from_key(key: &str) -> Option<Self> {
        Self::all().iter().copied().find(|c| c.key() == key)
    }
}

/// Declares an answer list: `Name { Variant("key", "Label" [, "Hint"]), ... }`.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($variant:ident($key:literal, $label:literal $(, $hint:literal)?)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, miniserde::Serialize, miniserde::Deserialize)]
        pub enum $name {
            $(#[serde(rename = $key)] $variant),+
        }
        impl $crate::domain::choice::Choice for $name {
            fn all() -> &'static [Self] {
                &[$($name::$variant),+]
            }
            fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }
            fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            fn hint(self) -> Option<&'static str> {
                match self { $($name::$variant => { None $(.or(Some($hint)))? }),+ }
            }
        }
    };
}
pub(crate) use choice;
