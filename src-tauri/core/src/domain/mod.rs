//! Plain types of the portfolio: ids, money, enumerations, entities and their validation.
//!
//! Owns: what a valid record is. Does not: do I/O, know about SQL or the UI.
//! Invariant: money is integer micro-units of one ISO 4217 currency, never `f64`.

mod contract;
mod enums;
mod ids;
mod initiative;
mod money;
mod system;
mod validation;
mod vendor;

pub use contract::{Contract, ContractDraft};
pub use enums::*;
pub use ids::{ContractId, InitiativeId, SystemId, VendorId};
pub use initiative::{Initiative, InitiativeDraft};
pub use money::{Currency, MoneyParseError, format_micros, parse_decimal_micros};
pub use system::{System, SystemDraft};
pub use validation::{FieldError, Validation};
pub use vendor::{Vendor, VendorDraft};
