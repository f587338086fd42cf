-- The import engine: exact amounts beside the micro-units, quantities and the values attribution
-- rules match, replace-by-scope for restated exports (old lines are marked, not deleted, so an
-- import can be undone exactly), and what a batch was read as.
ALTER TABLE cost_lines ADD COLUMN amount_exact TEXT;
ALTER TABLE cost_lines ADD COLUMN quantity TEXT;
ALTER TABLE cost_lines ADD COLUMN unit TEXT NOT NULL DEFAULT '';
ALTER TABLE cost_lines ADD COLUMN attributes_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE cost_lines ADD COLUMN replaced_by_batch INTEGER REFERENCES import_batches (id);
DROP INDEX cost_lines_dedupe;
CREATE UNIQUE INDEX cost_lines_dedupe ON cost_lines (dedupe_key)
    WHERE dedupe_key IS NOT NULL AND replaced_by_batch IS NULL;
CREATE INDEX cost_lines_scope ON cost_lines (provider_scope) WHERE replaced_by_batch IS NULL;
CREATE INDEX cost_lines_replaced ON cost_lines (replaced_by_batch) WHERE replaced_by_batch IS NOT NULL;

ALTER TABLE metric_observations ADD COLUMN value_exact TEXT;
ALTER TABLE metric_observations ADD COLUMN scope TEXT NOT NULL DEFAULT '';
ALTER TABLE metric_observations ADD COLUMN replaced_by_batch INTEGER REFERENCES import_batches (id);
DROP INDEX metric_observations_dedupe;
CREATE UNIQUE INDEX metric_observations_dedupe ON metric_observations (dedupe_key)
    WHERE dedupe_key IS NOT NULL AND replaced_by_batch IS NULL;
CREATE INDEX metric_observations_replaced ON metric_observations (replaced_by_batch)
    WHERE replaced_by_batch IS NOT NULL;

ALTER TABLE import_batches ADD COLUMN preset TEXT;
ALTER TABLE import_batches ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE import_batches ADD COLUMN read_as TEXT NOT NULL DEFAULT '';
ALTER TABLE import_batches ADD COLUMN header_part TEXT;
ALTER TABLE import_batches ADD COLUMN rows_replaced INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_batches ADD COLUMN issue_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_batches ADD COLUMN control_total TEXT;

INSERT INTO metric_definitions (key, name, category, unit, higher_is_better, aggregation, tier) VALUES
    ('messages', 'Messages', 'usage', 'messages', 1, 'sum', 'observed'),
    ('prompts', 'Prompts', 'usage', 'prompts', 1, 'sum', 'observed');

-- Records an import created or changed (user-mapped sheets), with what they were before, so
-- undoing the import removes what it created and puts back what it changed.
CREATE TABLE import_record_changes (
    id          INTEGER PRIMARY KEY,
    batch_id    INTEGER NOT NULL REFERENCES import_batches (id),
    entity      TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    before_json TEXT
);
CREATE INDEX import_record_changes_batch ON import_record_changes (batch_id);
CREATE INDEX import_record_changes_entity ON import_record_changes (entity, entity_id);

-- The scopes (provider, account, period) each batch covered: an earlier batch cannot be undone
-- while a later one that confirmed or restated the same scope is live.
CREATE TABLE import_batch_scopes (
    batch_id INTEGER NOT NULL REFERENCES import_batches (id),
    scope    TEXT NOT NULL,
    PRIMARY KEY (batch_id, scope)
) WITHOUT ROWID;
CREATE INDEX import_batch_scopes_scope ON import_batch_scopes (scope);
