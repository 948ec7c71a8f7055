-- xxgk store: agencies, reports (current version + history), table cells, findings.
-- PostgreSQL 15 SQL only (PGlite runs 18; the server runs 15).

CREATE TABLE agencies (
  id          serial PRIMARY KEY,
  -- normalised name + '|' + region (code or name): one agency across years
  key         text NOT NULL UNIQUE,
  name        text NOT NULL,
  level       text,
  kind        text,
  region_code text,
  region_name text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agencies_level_idx ON agencies (level);
CREATE INDEX agencies_region_code_idx ON agencies (region_code text_pattern_ops);

CREATE TABLE reports (
  id             serial PRIMARY KEY,
  agency_id      integer NOT NULL REFERENCES agencies (id),
  year           integer,
  content_id     text NOT NULL,
  source_sha256  text NOT NULL,
  title          text NOT NULL,
  template       text NOT NULL,
  published_on   text,
  balanced       boolean,
  error_count    integer NOT NULL DEFAULT 0,
  warning_count  integer NOT NULL DEFAULT 0,
  version        integer NOT NULL DEFAULT 1,
  report         jsonb NOT NULL,
  text           text,
  ingested_at    timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
-- one current report per agency and year; undated reports are told apart by their source
CREATE UNIQUE INDEX reports_agency_year_key ON reports (agency_id, year) WHERE year IS NOT NULL;
CREATE UNIQUE INDEX reports_agency_source_key ON reports (agency_id, source_sha256) WHERE year IS NULL;
-- matches the default order (newest first) so a page is an index scan, not a sort
CREATE INDEX reports_year_idx ON reports (year DESC NULLS LAST, id DESC);
CREATE INDEX reports_template_idx ON reports (template);
CREATE INDEX reports_source_idx ON reports (source_sha256);
CREATE INDEX reports_unbalanced_idx ON reports (id) WHERE balanced = false;

-- every earlier version of a report that a corrected one replaced
CREATE TABLE report_versions (
  id             serial PRIMARY KEY,
  report_id      integer NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  version        integer NOT NULL,
  content_id     text NOT NULL,
  source_sha256  text NOT NULL,
  title          text NOT NULL,
  report         jsonb NOT NULL,
  findings       jsonb NOT NULL,
  ingested_at    timestamptz NOT NULL,
  replaced_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (report_id, version)
);

-- one row per non-blank template table cell: any figure can be summed across agencies
CREATE TABLE cells (
  report_id  integer NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  path       text NOT NULL,
  value      double precision,
  raw        text,
  PRIMARY KEY (report_id, path)
);
CREATE INDEX cells_path_idx ON cells (path, report_id) INCLUDE (value);

CREATE TABLE findings (
  id          serial PRIMARY KEY,
  report_id   integer NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  ordinal     integer NOT NULL,
  rule_id     text,
  severity    smallint NOT NULL,
  message     text NOT NULL,
  message_id  text,
  line        integer NOT NULL,
  "column"    integer NOT NULL,
  end_line    integer,
  end_column  integer,
  path        text
);
CREATE INDEX findings_report_idx ON findings (report_id, ordinal);
CREATE INDEX findings_rule_idx ON findings (rule_id, severity, report_id);
CREATE INDEX findings_severity_idx ON findings (severity, report_id);
