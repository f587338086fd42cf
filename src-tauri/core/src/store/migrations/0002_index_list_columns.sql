-- Version 2: indexes for the columns the inventory and contract tables sort and filter by most,
-- so a table of tens of thousands of rows answers a click on a header at once.
CREATE INDEX ai_systems_name ON ai_systems (name COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX ai_systems_lifecycle ON ai_systems (lifecycle_state) WHERE deleted_at IS NULL;
CREATE INDEX contracts_status_end ON contracts (status, end_date) WHERE deleted_at IS NULL;
CREATE INDEX initiatives_stage ON initiatives (stage) WHERE deleted_at IS NULL;
