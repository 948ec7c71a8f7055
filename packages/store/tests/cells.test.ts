import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { MIGRATIONS_DIR, openStore } from '../src/index.js';
import type { Store } from '../src/index.js';
import { reportCells } from '../src/report-cells.js';
import { buildReport, jsonAnalyzer, sampleReports } from '../src/testing/index.js';
import { testDrivers } from './helpers/drivers.js';

describe.each(testDrivers())('cells by path id ($name)', (driver) => {
  let store: Store;
  beforeAll(async () => {
    store = await driver.open({ analyzer: jsonAnalyzer });
  });
  afterAll(async () => {
    await store.close();
    await driver.cleanup();
  });

  it('stores every non-blank cell once under its path, read back through the cells view', async () => {
    const reports = sampleReports([2022, 2023], 4);
    await store.importReports(
      reports.slice(0, -1).map((report) => ({ report })),
      { batchSize: 3 },
    );
    const last = reports.at(-1);
    if (!last) throw new Error('no sample');
    const ingested = await store.ingest(last);
    const rows = await sql<{ report_id: number; path: string; value: number | null; raw: string | null }>`
      SELECT report_id, path, value, raw FROM cells WHERE report_id = ${ingested.reportId} ORDER BY path`.execute(store.db);
    const expected = reportCells(last)
      .map((c) => ({ report_id: ingested.reportId, ...c }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(rows.rows).toEqual(expected);
    const total = await store.db.selectFrom('cell_values').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(reports.reduce((s, r) => s + reportCells(r).length, 0));
  });

  it('registers each path once: later reports reuse the ids and use up no new ones', async () => {
    const before = await store.db.selectFrom('cell_paths').select(['id', 'path']).orderBy('id').execute();
    expect(before.length).toBeGreaterThan(50);
    expect(new Set(before.map((p) => p.path)).size).toBe(before.length);
    const agency = { name: '路径编号测试局', level: 'county' as const, region: { code: '361027' } };
    await store.importReports([2021, 2022, 2023].map((year, i) => ({ report: buildReport({ seed: 40 + i, agency, year }) })), { batchSize: 1 });
    // A correction deletes and rewrites the report's cells: same path ids.
    await store.ingest(buildReport({ seed: 99, agency, year: 2023 }));
    const after = await store.db.selectFrom('cell_paths').select(['id', 'path']).orderBy('id').execute();
    expect(after).toEqual(before);
    // A new path (a template extended later) gets the next id, not one far beyond.
    await sql`INSERT INTO cell_paths (path) VALUES ('zz.test.path')`.execute(store.db);
    const added = await store.db.selectFrom('cell_paths').select('id').where('path', '=', 'zz.test.path').executeTakeFirstOrThrow();
    expect(added.id).toBeLessThanOrEqual(Math.max(...before.map((p) => p.id)) + 1);
  });

  it('deletes the cells of deleted reports (in place of ON DELETE CASCADE), and only theirs', async () => {
    const count = async () =>
      Number((await store.db.selectFrom('cell_values').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const agency = { name: '删除测试局', level: 'county' as const, region: { code: '361027' } };
    const reports = [2021, 2022].map((year, i) => buildReport({ seed: 60 + i, agency, year }));
    const ids: number[] = [];
    for (const report of reports) ids.push((await store.ingest(report)).reportId);
    const before = await count();
    await store.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('findings').where('report_id', 'in', ids).execute();
      await trx.deleteFrom('reports').where('id', 'in', ids).execute();
    });
    expect(await count()).toBe(before - reports.reduce((s, r) => s + reportCells(r).length, 0));
    const orphans = await sql<{ n: string }>`
      SELECT count(*) AS n FROM cell_values v WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = v.report_id)`.execute(store.db);
    expect(Number(orphans.rows[0]?.n)).toBe(0);
  });

  it('writes cells of concurrent batches (PostgreSQL: several transactions at once) without losing any', async () => {
    const reports = sampleReports([2024, 2025], 6).map((r, i) => ({ ...r, agency: { ...r.agency, name: `并发写入测试${i}局` } }));
    const result = await store.importReports(
      reports.map((report) => ({ report })),
      { batchSize: 2, concurrency: 3 },
    );
    expect(result.inserted).toBe(reports.length);
    const ids = await store.db
      .selectFrom('reports')
      .innerJoin('agencies', 'agencies.id', 'reports.agency_id')
      .select('reports.id')
      .where('agencies.name', 'like', '并发写入测试%')
      .execute();
    const stored = await store.db
      .selectFrom('cells')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('report_id', 'in', ids.map((r) => r.id))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(reports.reduce((s, r) => s + reportCells(r).length, 0));
  });
});

describe('migration 0003 (cells by path id) on a database with cells stored by text path', () => {
  it('keeps every cell, readable under the same path', async () => {
    const lite = await PGlite.create();
    try {
      const migrationsBefore = ['0001_init.sql', '0002_reviews.sql'];
      for (const file of migrationsBefore) await lite.exec(await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'));
      await lite.exec(`CREATE TABLE xxgk_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
        INSERT INTO xxgk_migrations (name) VALUES ('0001_init'), ('0002_reviews');`);
      const report = buildReport({ seed: 7, agency: { name: '迁移测试局', level: 'county', region: { code: '361027' } }, year: 2024 });
      const { rows } = await lite.query<{ id: number }>(
        `WITH a AS (INSERT INTO agencies (key, name) VALUES ('k', 'n') RETURNING id)
         INSERT INTO reports (agency_id, year, content_id, source_sha256, title, template, report)
         SELECT a.id, 2024, 'c', 's', 't', $1, $2 FROM a RETURNING id`,
        [report.template, JSON.stringify(report)],
      );
      const reportId = rows[0]?.id as number;
      const cells = reportCells(report);
      await lite.query(
        `INSERT INTO cells (report_id, path, value, raw) SELECT $1, * FROM unnest($2::text[], $3::float8[], $4::text[])`,
        [reportId, cells.map((c) => c.path), cells.map((c) => c.value), cells.map((c) => c.raw)],
      );
      const store = await openStore({ pglite: lite, analyzer: jsonAnalyzer });
      try {
        const migrated = await store.cellValues(
          [reportId],
          cells.map((c) => c.path),
        );
        expect(migrated.get(reportId)?.size).toBe(cells.length);
        for (const c of cells) expect(migrated.get(reportId)?.get(c.path)).toEqual({ value: c.value, raw: c.raw });
        const paths = await store.db.selectFrom('cell_paths').select('path').execute();
        expect(paths.map((p) => p.path).sort()).toEqual(cells.map((c) => c.path).sort());
      } finally {
        await store.close();
      }
    } finally {
      if (!lite.closed) await lite.close();
    }
  });
});
