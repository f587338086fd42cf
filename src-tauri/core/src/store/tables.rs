//! The main record tables, described once for the generic engine in `records`.

use super::records::{Column, Derived, Kind, Links, SpecFor, TableSpec};
use crate::domain::{Contract, Initiative, System, Vendor};

const fn col(key: &'static str, kind: Kind) -> Column {
    Column { key, sql: key, kind }
}

impl SpecFor for System {
    const SPEC: &'static TableSpec = &TableSpec {
        entity: "system",
        table: "ai_systems",
        columns: &[
            col("code", Kind::Text),
            col("name", Kind::Text),
            col("system_type", Kind::OptText),
            col("vendor_id", Kind::OptInt),
            col("model_name", Kind::Text),
            col("description", Kind::Text),
            col("intended_purpose", Kind::Text),
            col("business_owner", Kind::Text),
            col("technical_owner", Kind::Text),
            col("department", Kind::Text),
            col("lifecycle_state", Kind::OptText),
            col("usage_policy", Kind::OptText),
            col("eu_ai_act_tier", Kind::OptText),
            col("internal_risk_tier", Kind::OptText),
            col("personal_data", Kind::OptBool),
            col("data_classification", Kind::OptText),
            col("hosting_region", Kind::Text),
            col("first_seen", Kind::OptText),
            col("next_review_date", Kind::OptText),
            col("notes", Kind::Text),
        ],
        links: &[],
        derived: &[Derived {
            key: "vendor_name",
            sql: "SELECT v.name FROM vendors v WHERE v.id = t.vendor_id",
            kind: Kind::OptText,
        }],
        unique: &["code"],
        search: &[
            "code",
            "name",
            "model_name",
            "business_owner",
            "technical_owner",
            "department",
            "vendor_name",
            "description",
        ],
        sortable: &[
            "code",
            "name",
            "system_type",
            "vendor_id",
            "vendor_name",
            "business_owner",
            "department",
            "lifecycle_state",
            "usage_policy",
            "eu_ai_act_tier",
            "internal_risk_tier",
            "next_review_date",
        ],
    };
}

impl SpecFor for Vendor {
    const SPEC: &'static TableSpec = &TableSpec {
        entity: "vendor",
        table: "vendors",
        columns: &[
            col("name", Kind::Text),
            col("legal_name", Kind::Text),
            col("website", Kind::Text),
            col("country", Kind::Text),
            col("vendor_type", Kind::OptText),
            col("criticality", Kind::OptText),
            col("relationship_owner", Kind::Text),
            col("review_status", Kind::OptText),
            col("review_date", Kind::OptText),
            col("trains_on_data", Kind::OptBool),
            col("data_residency", Kind::Text),
            col("notes", Kind::Text),
        ],
        links: &[],
        derived: &[
            Derived {
                key: "system_count",
                sql: "SELECT count(*) FROM ai_systems s WHERE s.vendor_id = t.id AND s.deleted_at IS NULL",
                kind: Kind::OptInt,
            },
            Derived {
                key: "contract_count",
                sql: "SELECT count(*) FROM contracts c WHERE c.vendor_id = t.id AND c.deleted_at IS NULL",
                kind: Kind::OptInt,
            },
        ],
        unique: &["name"],
        search: &["name", "legal_name", "website", "relationship_owner", "country"],
        sortable: &[
            "name",
            "country",
            "vendor_type",
            "criticality",
            "relationship_owner",
            "review_status",
            "review_date",
            "system_count",
            "contract_count",
        ],
    };
}

impl SpecFor for Contract {
    const SPEC: &'static TableSpec = &TableSpec {
        entity: "contract",
        table: "contracts",
        columns: &[
            col("vendor_id", Kind::OptInt),
            col("contract_ref", Kind::Text),
            col("name", Kind::Text),
            col("status", Kind::OptText),
            col("pricing_model", Kind::OptText),
            col("start_date", Kind::OptText),
            col("end_date", Kind::OptText),
            col("auto_renew", Kind::Bool),
            col("notice_period_days", Kind::OptInt),
            Column { key: "total_value", sql: "total_value_micros", kind: Kind::Money },
            Column { key: "annual_value", sql: "annual_value_micros", kind: Kind::Money },
            col("currency", Kind::Text),
            col("seats_purchased", Kind::OptInt),
            col("owner", Kind::Text),
            col("cost_center", Kind::Text),
            col("dpa_signed", Kind::OptBool),
            col("notes", Kind::Text),
        ],
        links: &[Links {
            key: "system_ids",
            table: "contract_systems",
            own: "contract_id",
            other: "system_id",
            other_table: "ai_systems",
        }],
        derived: &[
            Derived {
                key: "vendor_name",
                sql: "SELECT v.name FROM vendors v WHERE v.id = t.vendor_id",
                kind: Kind::OptText,
            },
            // End date minus notice period, in SQL too so lists can sort by it.
            Derived {
                key: "cancel_by",
                sql: "date(t.end_date, '-' || coalesce(t.notice_period_days, 0) || ' days')",
                kind: Kind::OptText,
            },
        ],
        unique: &[],
        search: &["contract_ref", "name", "vendor_name", "owner", "cost_center"],
        sortable: &[
            "contract_ref",
            "name",
            "vendor_id",
            "vendor_name",
            "status",
            "pricing_model",
            "start_date",
            "end_date",
            "cancel_by",
            "total_value",
            "annual_value",
            "currency",
            "seats_purchased",
            "owner",
        ],
    };
}

impl SpecFor for Initiative {
    const SPEC: &'static TableSpec = &TableSpec {
        entity: "initiative",
        table: "initiatives",
        columns: &[
            col("code", Kind::Text),
            col("name", Kind::Text),
            col("problem_statement", Kind::Text),
            col("sponsor", Kind::Text),
            col("owner", Kind::Text),
            col("department", Kind::Text),
            col("stage", Kind::OptText),
            col("health", Kind::OptText),
            col("priority", Kind::OptInt),
            col("planned_go_live", Kind::OptText),
            col("expected_benefits", Kind::Text),
            col("success_criteria", Kind::Text),
            col("kill_criteria", Kind::Text),
            col("lessons_learned", Kind::Text),
        ],
        links: &[Links {
            key: "system_ids",
            table: "initiative_systems",
            own: "initiative_id",
            other: "system_id",
            other_table: "ai_systems",
        }],
        derived: &[Derived { key: "stage_entered_on", sql: "t.stage_entered_on", kind: Kind::OptText }],
        unique: &["code"],
        search: &["code", "name", "sponsor", "owner", "department", "problem_statement"],
        sortable: &[
            "code",
            "name",
            "sponsor",
            "owner",
            "department",
            "stage",
            "health",
            "priority",
            "planned_go_live",
            "stage_entered_on",
        ],
    };
}
