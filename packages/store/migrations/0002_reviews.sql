-- Reviewed findings: a supervisor's or editor's decision on a finding, kept across re-lints,
-- re-ingests, corrections and rule upgrades. PostgreSQL 15 SQL only.

-- A finding's identity across re-lints (@xxgk/lint findingFingerprints): rule + model path, or rule +
-- normalised offending text. Computed at ingest; rows stored before this migration are filled in by
-- the store when it opens (openStore), so the column stays nullable.
ALTER TABLE findings ADD COLUMN fingerprint text;
-- (a report has few findings: findings_report_idx serves lookups by report and fingerprint)
CREATE INDEX findings_unfingerprinted_idx ON findings (report_id) WHERE fingerprint IS NULL;

-- One row per decision, never deleted. A report keeps its id across versions (a correction updates the
-- row), so report_id + fingerprint names the same finding in every version; agency and year are kept
-- too, so the history still reads if the report row ever goes.
CREATE TABLE reviews (
  id              serial PRIMARY KEY,
  report_id       integer REFERENCES reports (id) ON DELETE SET NULL,
  agency_id       integer NOT NULL REFERENCES agencies (id),
  year            integer,
  report_version  integer NOT NULL,
  fingerprint     text NOT NULL,
  rule_id         text,
  -- the finding's message when it was decided (the finding itself may later go)
  message         text NOT NULL,
  decision        text NOT NULL CHECK (decision IN ('accepted', 'dismissed')),
  comment         text CHECK (comment IS NULL OR char_length(comment) <= 2000),
  reviewer        text NOT NULL CHECK (char_length(reviewer) BETWEEN 1 AND 200),
  created_at      timestamptz NOT NULL DEFAULT now(),
  -- set when a re-lint no longer produces the finding; cleared when it comes back
  resolved_at     timestamptz,
  -- set when a newer decision on the same finding replaced this one
  superseded_at   timestamptz,
  superseded_by   integer REFERENCES reviews (id)
);
-- at most one current decision per finding
CREATE UNIQUE INDEX reviews_current_key ON reviews (report_id, fingerprint) WHERE superseded_at IS NULL;
CREATE INDEX reviews_report_idx ON reviews (report_id, created_at, id);
CREATE INDEX reviews_agency_year_idx ON reviews (agency_id, year);
