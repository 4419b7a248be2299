//! Shared widgets.
pub mod enquiry;
pub mod fields;
pub mod form;
pub mod page;
pub mod sourced;
