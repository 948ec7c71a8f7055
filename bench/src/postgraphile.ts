/**
 * The PostGraphile baseline of the gateway bench: PostGraphile 4 (with the connection-filter and
 * pg-aggregates plugins) over views of the same tables the xxgk store writes, in schema
 * `postgraphile_bench` of the same database, serving the same four core queries.
 */
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type pg from 'pg';
import type { Plugin, postgraphile as Postgraphile } from 'postgraphile';

const require = createRequire(import.meta.url);

/** Views of the store's tables, with the relations PostGraphile cannot see through a view as smart comments. */
const VIEWS = `
CREATE SCHEMA IF NOT EXISTS postgraphile_bench;
CREATE OR REPLACE VIEW postgraphile_bench.agencies AS
  SELECT id, name, level, kind, region_code FROM public.agencies;
CREATE OR REPLACE VIEW postgraphile_bench.reports AS
  SELECT r.id, r.agency_id, r.year, r.title, r.template, r.balanced, r.error_count, r.warning_count, r.published_on,
         substr(a.region_code, 1, 2) || '0000' AS province,
         c.value AS applications_received
    FROM public.reports r JOIN public.agencies a ON a.id = r.agency_id
    LEFT JOIN public.cell_values c ON c.report_id = r.id
     AND c.path_id = (SELECT p.id FROM public.cell_paths p WHERE p.path = 'applications.newReceived.total');
CREATE OR REPLACE VIEW postgraphile_bench.findings AS
  SELECT id, report_id, ordinal, rule_id, severity, message FROM public.findings;
CREATE OR REPLACE VIEW postgraphile_bench.cells AS
  SELECT report_id, path, value, raw FROM public.cells;
COMMENT ON VIEW postgraphile_bench.agencies IS E'@primaryKey id';
COMMENT ON VIEW postgraphile_bench.reports IS E'@primaryKey id\\n@foreignKey (agency_id) references postgraphile_bench.agencies (id)';
COMMENT ON VIEW postgraphile_bench.findings IS E'@primaryKey id\\n@foreignKey (report_id) references postgraphile_bench.reports (id)';
COMMENT ON VIEW postgraphile_bench.cells IS E'@primaryKey report_id,path\\n@foreignKey (report_id) references postgraphile_bench.reports (id)';
`;

/** The four core queries as PostGraphile spells them (same fields, same filters, same page size). */
export const POSTGRAPHILE_QUERIES: Record<string, { query: string; variables?: (rawId: number) => Record<string, unknown> }> = {
  page: {
    query: `{ allReports(first: 20, orderBy: [YEAR_DESC, ID_DESC]) { nodes { id title year
      agencyByAgencyId { name regionCode } findingsByReportId(orderBy: ORDINAL_ASC) { nodes { ruleId severity message } } } } }`,
  },
  filtered: {
    query: `{ allReports(first: 20, orderBy: [YEAR_DESC, ID_DESC], filter: { year: { greaterThanOrEqualTo: 2022 }, balanced: { equalTo: true },
      agencyByAgencyId: { level: { equalTo: "county" } } }) { totalCount nodes { id title year } } }`,
  },
  stats: {
    query: `{ allReports { groupedAggregates(groupBy: [YEAR, PROVINCE]) { keys distinctCount { id } sum { applicationsReceived } } } }`,
  },
  report: {
    query: `query ($id: Int!) { reportById(id: $id) { id title year agencyByAgencyId { name }
      cellsByReportId { nodes { path value raw } } findingsByReportId(orderBy: ORDINAL_ASC) { nodes { ruleId severity message } } } }`,
    variables: (rawId) => ({ id: rawId }),
  },
};

/** Creates the views and starts PostGraphile on an HTTP server (not yet listening). */
export async function postgraphileServer(pool: pg.Pool, databaseUrl: string): Promise<Server> {
  await pool.query(VIEWS);
  // CommonJS packages, loaded as such (PostGraphile 4 predates ESM).
  const { postgraphile } = require('postgraphile') as { postgraphile: typeof Postgraphile };
  const filter = require('postgraphile-plugin-connection-filter') as Plugin;
  const aggregates = (require('@graphile/pg-aggregates') as { default: Plugin }).default;
  const middleware = postgraphile(databaseUrl, 'postgraphile_bench', {
    appendPlugins: [filter, aggregates],
    graphileBuildOptions: { connectionFilterRelations: true },
    disableDefaultMutations: true,
    graphiql: false,
    disableQueryLog: true,
    retryOnInitFail: false,
    dynamicJson: true,
    ignoreRBAC: false,
  });
  return createServer((req, res) => void middleware(req, res));
}
