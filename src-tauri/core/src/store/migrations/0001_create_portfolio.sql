-- Steward portfolio schema, version 1: the whole domain, so later work adds behaviour, not tables.
-- Money: *_micros INTEGER (1e-6 units) + currency (ISO 4217) + basis. Dates: ISO text.
-- Records people delete are soft-deleted (deleted_at) so an undo is exact and history keeps
-- pointing at them.

CREATE TABLE portfolio_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE vendors (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    legal_name         TEXT NOT NULL DEFAULT '',
    website            TEXT NOT NULL DEFAULT '',
    country            TEXT NOT NULL DEFAULT '',
    vendor_type        TEXT,
    criticality        TEXT,
    relationship_owner TEXT NOT NULL DEFAULT '',
    review_status      TEXT,
    review_date        TEXT,
    trains_on_data     INTEGER,
    data_residency     TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted_at         TEXT
);
CREATE UNIQUE INDEX vendors_name_live ON vendors (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE ai_systems (
    id                  INTEGER PRIMARY KEY,
    code                TEXT NOT NULL,
    name                TEXT NOT NULL,
    system_type         TEXT NOT NULL,
    vendor_id           INTEGER REFERENCES vendors (id),
    model_name          TEXT NOT NULL DEFAULT '',
    description         TEXT NOT NULL DEFAULT '',
    intended_purpose    TEXT NOT NULL DEFAULT '',
    business_owner      TEXT NOT NULL DEFAULT '',
    technical_owner     TEXT NOT NULL DEFAULT '',
    department          TEXT NOT NULL DEFAULT '',
    lifecycle_state     TEXT NOT NULL,
    usage_policy        TEXT NOT NULL,
    eu_ai_act_tier      TEXT,
    internal_risk_tier  TEXT,
    personal_data       INTEGER,
    data_classification TEXT,
    hosting_region      TEXT NOT NULL DEFAULT '',
    first_seen          TEXT,
    next_review_date    TEXT,
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
);
CREATE UNIQUE INDEX ai_systems_code_live ON ai_systems (code COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX ai_systems_vendor ON ai_systems (vendor_id);

CREATE TABLE contracts (
    id                   INTEGER PRIMARY KEY,
    vendor_id            INTEGER NOT NULL REFERENCES vendors (id),
    contract_ref         TEXT NOT NULL DEFAULT '',
    name                 TEXT NOT NULL,
    status               TEXT NOT NULL,
    pricing_model        TEXT,
    start_date           TEXT,
    end_date             TEXT,
    auto_renew           INTEGER NOT NULL DEFAULT 0,
    notice_period_days   INTEGER,
    total_value_micros   INTEGER,
    annual_value_micros  INTEGER,
    currency             TEXT NOT NULL DEFAULT '',
    seats_purchased      INTEGER,
    owner                TEXT NOT NULL DEFAULT '',
    cost_center          TEXT NOT NULL DEFAULT '',
    dpa_signed           INTEGER,
    parent_contract_id   INTEGER REFERENCES contracts (id),
    notes                TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    deleted_at           TEXT
);
CREATE INDEX contracts_vendor ON contracts (vendor_id);
CREATE INDEX contracts_end_date ON contracts (end_date);

CREATE TABLE contract_systems (
    contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    system_id   INTEGER NOT NULL REFERENCES ai_systems (id) ON DELETE CASCADE,
    PRIMARY KEY (contract_id, system_id)
) WITHOUT ROWID;
CREATE INDEX contract_systems_system ON contract_systems (system_id);

CREATE TABLE initiatives (
    id                INTEGER PRIMARY KEY,
    code              TEXT NOT NULL,
    name              TEXT NOT NULL,
    problem_statement TEXT NOT NULL DEFAULT '',
    sponsor           TEXT NOT NULL DEFAULT '',
    owner             TEXT NOT NULL DEFAULT '',
    department        TEXT NOT NULL DEFAULT '',
    stage             TEXT NOT NULL,
    stage_entered_on  TEXT,
    health            TEXT,
    priority          INTEGER,
    planned_go_live   TEXT,
    expected_benefits TEXT NOT NULL DEFAULT '',
    success_criteria  TEXT NOT NULL DEFAULT '',
    kill_criteria     TEXT NOT NULL DEFAULT '',
    lessons_learned   TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
);
CREATE UNIQUE INDEX initiatives_code_live ON initiatives (code COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE initiative_systems (
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    system_id     INTEGER NOT NULL REFERENCES ai_systems (id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, system_id)
) WITHOUT ROWID;
CREATE INDEX initiative_systems_system ON initiative_systems (system_id);

-- One row per gate: how an initiative moved from one stage to the next, who decided and why.
CREATE TABLE stage_transitions (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id),
    from_stage    TEXT,
    to_stage      TEXT NOT NULL,
    decided_on    TEXT NOT NULL,
    decision      TEXT,
    decided_by    TEXT NOT NULL DEFAULT '',
    criteria      TEXT NOT NULL DEFAULT '',
    rationale     TEXT NOT NULL DEFAULT '',
    conditions    TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);
CREATE INDEX stage_transitions_initiative ON stage_transitions (initiative_id, decided_on);

-- Value model of an initiative: each assumption with low / likely / high and how it is known.
CREATE TABLE value_assumptions (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    method        TEXT NOT NULL,
    name          TEXT NOT NULL,
    unit          TEXT NOT NULL DEFAULT '',
    low           TEXT,
    likely        TEXT,
    high          TEXT,
    confidence    TEXT NOT NULL DEFAULT 'modelled',
    note          TEXT NOT NULL DEFAULT '',
    position      INTEGER NOT NULL DEFAULT 0
);

-- One file imported: what it was, how it was read, what it produced.
CREATE TABLE import_batches (
    id             INTEGER PRIMARY KEY,
    file_name      TEXT NOT NULL,
    file_sha256    TEXT NOT NULL,
    file_size      INTEGER NOT NULL,
    sheet          TEXT,
    format         TEXT NOT NULL,
    header_row     INTEGER,
    mapping_json   TEXT NOT NULL DEFAULT '{}',
    rows_read      INTEGER NOT NULL DEFAULT 0,
    rows_imported  INTEGER NOT NULL DEFAULT 0,
    rows_skipped   INTEGER NOT NULL DEFAULT 0,
    rows_unchanged INTEGER NOT NULL DEFAULT 0,
    issues_json    TEXT NOT NULL DEFAULT '[]',
    totals_json    TEXT NOT NULL DEFAULT '[]',
    imported_at    TEXT NOT NULL,
    imported_by    TEXT NOT NULL,
    undone_at      TEXT
);
CREATE INDEX import_batches_sha ON import_batches (file_sha256);

CREATE TABLE saved_mappings (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    target           TEXT NOT NULL,
    header_signature TEXT NOT NULL,
    mapping_json     TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX saved_mappings_signature ON saved_mappings (header_signature);

-- "Azure resource group rg-support-bot → Support chatbot": re-applied on every import.
CREATE TABLE attribution_rules (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    field       TEXT NOT NULL,
    match_value TEXT NOT NULL,
    system_id   INTEGER REFERENCES ai_systems (id),
    initiative_id INTEGER REFERENCES initiatives (id),
    department  TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);

CREATE TABLE cost_lines (
    id             INTEGER PRIMARY KEY,
    period_start   TEXT NOT NULL,
    period_end     TEXT NOT NULL,
    amount_micros  INTEGER NOT NULL,
    currency       TEXT NOT NULL,
    basis          TEXT NOT NULL,
    vendor_id      INTEGER REFERENCES vendors (id),
    system_id      INTEGER REFERENCES ai_systems (id),
    initiative_id  INTEGER REFERENCES initiatives (id),
    contract_id    INTEGER REFERENCES contracts (id),
    department     TEXT NOT NULL DEFAULT '',
    category       TEXT NOT NULL DEFAULT '',
    description    TEXT NOT NULL DEFAULT '',
    provider_scope TEXT NOT NULL DEFAULT '',
    dedupe_key     TEXT,
    import_batch_id INTEGER REFERENCES import_batches (id),
    source_file    TEXT,
    source_sheet   TEXT,
    source_row     INTEGER,
    created_at     TEXT NOT NULL
);
-- Covering index for spend by month and vendor (the dashboard's main aggregation).
CREATE INDEX cost_lines_month_vendor ON cost_lines (period_start, vendor_id, currency, basis, amount_micros);
CREATE INDEX cost_lines_system ON cost_lines (system_id, period_start);
CREATE INDEX cost_lines_batch ON cost_lines (import_batch_id);
CREATE UNIQUE INDEX cost_lines_dedupe ON cost_lines (dedupe_key) WHERE dedupe_key IS NOT NULL;

CREATE TABLE metric_definitions (
    key           TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    category      TEXT NOT NULL,
    unit          TEXT NOT NULL DEFAULT '',
    higher_is_better INTEGER NOT NULL DEFAULT 1,
    aggregation   TEXT NOT NULL DEFAULT 'sum',
    tier          TEXT NOT NULL DEFAULT 'observed',
    description   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE metric_observations (
    id             INTEGER PRIMARY KEY,
    metric_key     TEXT NOT NULL REFERENCES metric_definitions (key),
    subject_type   TEXT NOT NULL,
    subject_id     INTEGER NOT NULL,
    period_start   TEXT NOT NULL,
    period_end     TEXT NOT NULL,
    value          REAL NOT NULL,
    department     TEXT NOT NULL DEFAULT '',
    dimensions_json TEXT NOT NULL DEFAULT '{}',
    tier           TEXT NOT NULL DEFAULT 'observed',
    note           TEXT NOT NULL DEFAULT '',
    dedupe_key     TEXT,
    import_batch_id INTEGER REFERENCES import_batches (id),
    source_file    TEXT,
    source_sheet   TEXT,
    source_row     INTEGER,
    created_at     TEXT NOT NULL
);
CREATE INDEX metric_observations_subject ON metric_observations (subject_type, subject_id, metric_key, period_start);
CREATE INDEX metric_observations_batch ON metric_observations (import_batch_id);
CREATE UNIQUE INDEX metric_observations_dedupe ON metric_observations (dedupe_key) WHERE dedupe_key IS NOT NULL;

CREATE TABLE fx_rates (
    from_currency TEXT NOT NULL,
    to_currency   TEXT NOT NULL,
    valid_from    TEXT NOT NULL,
    rate          TEXT NOT NULL,
    source        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (from_currency, to_currency, valid_from)
) WITHOUT ROWID;

CREATE TABLE budgets (
    id            INTEGER PRIMARY KEY,
    scope_type    TEXT NOT NULL,
    scope_value   TEXT NOT NULL,
    period_start  TEXT NOT NULL,
    period_end    TEXT NOT NULL,
    amount_micros INTEGER NOT NULL,
    currency      TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT ''
);

CREATE TABLE risks (
    id                  INTEGER PRIMARY KEY,
    title               TEXT NOT NULL,
    description         TEXT NOT NULL DEFAULT '',
    category            TEXT NOT NULL,
    system_id           INTEGER REFERENCES ai_systems (id),
    initiative_id       INTEGER REFERENCES initiatives (id),
    vendor_id           INTEGER REFERENCES vendors (id),
    likelihood          INTEGER,
    severity            INTEGER,
    residual_likelihood INTEGER,
    residual_severity   INTEGER,
    owner               TEXT NOT NULL DEFAULT '',
    mitigation_plan     TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'open',
    deadline            TEXT,
    taxonomy_ref        TEXT NOT NULL DEFAULT '',
    accepted_by         TEXT NOT NULL DEFAULT '',
    accepted_on         TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
);

CREATE TABLE reviews (
    id              INTEGER PRIMARY KEY,
    review_type     TEXT NOT NULL,
    system_id       INTEGER REFERENCES ai_systems (id),
    initiative_id   INTEGER REFERENCES initiatives (id),
    vendor_id       INTEGER REFERENCES vendors (id),
    due_date        TEXT,
    completed_on    TEXT,
    decision        TEXT,
    reviewer        TEXT NOT NULL DEFAULT '',
    conditions      TEXT NOT NULL DEFAULT '',
    rationale       TEXT NOT NULL DEFAULT '',
    regulation_pack TEXT NOT NULL DEFAULT '',
    snapshot_json   TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE incidents (
    id                 INTEGER PRIMARY KEY,
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    system_id          INTEGER REFERENCES ai_systems (id),
    severity           TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'open',
    occurred_on        TEXT,
    detected_on        TEXT,
    resolved_on        TEXT,
    harm_categories    TEXT NOT NULL DEFAULT '',
    affected_groups    TEXT NOT NULL DEFAULT '',
    corrective_actions TEXT NOT NULL DEFAULT '',
    reported_to_authority INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);

CREATE TABLE snapshots (
    id           INTEGER PRIMARY KEY,
    as_of        TEXT NOT NULL,
    label        TEXT NOT NULL DEFAULT '',
    payload_json TEXT NOT NULL,
    created_at   TEXT NOT NULL
);

-- Tamper-evident trail: each event's hash covers its content and the previous event's hash.
CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    action      TEXT NOT NULL,
    field       TEXT,
    old_value   TEXT,
    new_value   TEXT,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id);

INSERT INTO metric_definitions (key, name, category, unit, higher_is_better, aggregation, tier) VALUES
    ('seats_purchased', 'Seats purchased', 'adoption', 'seats', 1, 'last', 'observed'),
    ('seats_assigned', 'Seats assigned', 'adoption', 'seats', 1, 'last', 'observed'),
    ('active_users', 'Active users', 'adoption', 'users', 1, 'last', 'observed'),
    ('requests', 'Requests', 'usage', 'requests', 1, 'sum', 'observed'),
    ('input_tokens', 'Input tokens', 'usage', 'tokens', 1, 'sum', 'observed'),
    ('output_tokens', 'Output tokens', 'usage', 'tokens', 1, 'sum', 'observed'),
    ('hours_saved', 'Hours saved', 'value', 'hours', 1, 'sum', 'modelled'),
    ('acceptance_rate', 'Acceptance rate', 'quality', '%', 1, 'avg', 'observed');
