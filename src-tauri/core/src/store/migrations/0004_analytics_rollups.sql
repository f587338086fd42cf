-- Summary tables the dashboard reads instead of millions of lines. They are kept exact by the
-- store itself: triggers note the months a write touched, and every write transaction re-sums
-- those months before it commits (store/analytics.rs), so no code path can forget them.

-- Live cost (not replaced by a later import) per month and the dimensions screens group by.
CREATE TABLE spend_rollup (
    month         TEXT NOT NULL,
    vendor_id     INTEGER,
    system_id     INTEGER,
    initiative_id INTEGER,
    department    TEXT NOT NULL,
    currency      TEXT NOT NULL,
    basis         TEXT NOT NULL,
    amount_micros INTEGER NOT NULL,
    lines         INTEGER NOT NULL
);
CREATE INDEX spend_rollup_month ON spend_rollup (month);
CREATE TABLE spend_rollup_dirty (month TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER cost_lines_rollup_insert AFTER INSERT ON cost_lines BEGIN
    INSERT OR IGNORE INTO spend_rollup_dirty (month) VALUES (substr(NEW.period_start, 1, 7));
END;
CREATE TRIGGER cost_lines_rollup_update AFTER UPDATE ON cost_lines BEGIN
    INSERT OR IGNORE INTO spend_rollup_dirty (month)
        VALUES (substr(OLD.period_start, 1, 7)), (substr(NEW.period_start, 1, 7));
END;
CREATE TRIGGER cost_lines_rollup_delete AFTER DELETE ON cost_lines BEGIN
    INSERT OR IGNORE INTO spend_rollup_dirty (month) VALUES (substr(OLD.period_start, 1, 7));
END;

INSERT INTO spend_rollup
SELECT substr(period_start, 1, 7), vendor_id, system_id, initiative_id, department, currency, basis,
       sum(amount_micros), count(*)
FROM cost_lines WHERE replaced_by_batch IS NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- Seats and active users per system and month: the values of the newest reporting day in the
-- month, summed over their breakdowns (departments, …).
CREATE TABLE adoption_rollup (
    month      TEXT NOT NULL,
    system_id  INTEGER NOT NULL,
    metric_key TEXT NOT NULL,
    day        TEXT NOT NULL,
    value      REAL NOT NULL,
    PRIMARY KEY (month, system_id, metric_key)
) WITHOUT ROWID;
CREATE TABLE adoption_rollup_dirty (month TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE INDEX metric_observations_month ON metric_observations (period_start) WHERE replaced_by_batch IS NULL;

CREATE TRIGGER metric_observations_rollup_insert AFTER INSERT ON metric_observations BEGIN
    INSERT OR IGNORE INTO adoption_rollup_dirty (month) VALUES (substr(NEW.period_start, 1, 7));
END;
CREATE TRIGGER metric_observations_rollup_update AFTER UPDATE ON metric_observations BEGIN
    INSERT OR IGNORE INTO adoption_rollup_dirty (month)
        VALUES (substr(OLD.period_start, 1, 7)), (substr(NEW.period_start, 1, 7));
END;
CREATE TRIGGER metric_observations_rollup_delete AFTER DELETE ON metric_observations BEGIN
    INSERT OR IGNORE INTO adoption_rollup_dirty (month) VALUES (substr(OLD.period_start, 1, 7));
END;

INSERT INTO adoption_rollup_dirty (month)
SELECT DISTINCT substr(period_start, 1, 7) FROM metric_observations;
