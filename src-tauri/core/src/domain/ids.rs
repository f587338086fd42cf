use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(transparent)]
        #[ts(export, type = "number")]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

// Ids are SQLite rowids; they stay far below 2^53, so a JSON number is exact in TypeScript.
id_type!(
    /// An AI system in the inventory.
    SystemId
);
id_type!(
    /// A vendor we buy AI from.
    VendorId
);
id_type!(
    /// A contract with a vendor.
    ContractId
);
id_type!(
    /// An initiative (use case) in the pipeline.
    InitiativeId
);
