import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellValue } from '@xxgk/schema';
import type { Agency, LintMessage, Report } from '@xxgk/schema';
import type { Analyzer, Store } from '../../src/index.js';
import { buildReport, identityLint } from '../../src/testing/index.js';
import { testDrivers } from '../helpers/drivers.js';

/**
 * Data the user can trust: a corrected report replaces the old one only in one transaction, the
 * history keeps both, and the findings of the neighbouring year are recomputed.
 */

const agency: Agency = { name: '清河县市场监督管理局', level: 'county', kind: 'department', region: { code: '130534' } };

/** identityLint, with a switch that makes lint fail for one year (to break an ingest midway). */
function failingAnalyzer(): Analyzer & { failYear: number | null } {
  const analyzer = {
    failYear: null as number | null,
    parse: () => Promise.reject(new Error('not used: Reports are ingested directly')),
    lint: (report: Report, options: { text: string; previousReport?: Report }): Promise<LintMessage[]> => {
      if (analyzer.failYear !== null && report.year === analyzer.failYear) return Promise.reject(new Error('lint crashed'));
      return Promise.resolve(identityLint(report, options.previousReport ? { previousReport: options.previousReport } : {}));
    },
  };
  return analyzer;
}

describe.each(testDrivers())('corrections ($name)', (driver) => {
  let store: Store;
  const analyzer = failingAnalyzer();
  beforeAll(async () => {
    store = await driver.open({ analyzer });
  });
  afterAll(async () => {
    await store.close();
    await driver.cleanup();
  });

  it('replaces a report in one transaction, keeps both versions and re-lints next year', async () => {
    const y2022 = buildReport({ seed: 41, agency, year: 2022 });
    const cf2022 = y2022.applications?.carriedForward;
    const col = (key: 'naturalPerson' | 'commercial' | 'research' | 'socialWelfare' | 'legalService' | 'otherOrg'): number => cellValue(cf2022?.[key]) ?? 0;
    const forward = col('naturalPerson');
    // 2023 carries over what 2022 carried forward, but 5 more natural persons: carryover-mismatch on 2023
    const y2023 = buildReport({
      seed: 42,
      agency,
      year: 2023,
      carriedOver: {
        naturalPerson: forward + 5,
        commercial: col('commercial'),
        research: col('research'),
        socialWelfare: col('socialWelfare'),
        legalService: col('legalService'),
        otherOrg: col('otherOrg'),
      },
    });
    const first = await store.ingest(y2022);
    const next = await store.ingest(y2023);
    expect(next.findings.map((f) => f.ruleId)).toContain('carryover-mismatch');

    // the corrected 2022 carries forward what 2023 carried over
    const corrected = structuredClone(buildReport({ seed: 41, agency, year: 2022, revision: 1 }));
    const cf = corrected.applications?.carriedForward;
    if (!cf) throw new Error('no 表三 in the fixture');
    const bump = (v: unknown): number => (cellValue(v as Parameters<typeof cellValue>[0]) ?? 0) + 5;
    cf.naturalPerson = bump(cf.naturalPerson);
    cf.total = bump(cf.total);
    const results = corrected.applications?.results.total;
    if (results) {
      // keep 新收 + 上年结转 = 办理结果 + 结转下年度: lower the handled total as the carry-forward rises
      results.naturalPerson = (cellValue(results.naturalPerson) ?? 0) - 5;
      results.total = (cellValue(results.total) ?? 0) - 5;
    }

    // 1) the re-lint of 2023 fails: the whole correction rolls back
    analyzer.failYear = 2023;
    await expect(store.ingest(corrected)).rejects.toThrow(/lint crashed/);
    analyzer.failYear = null;
    const [still] = await store.getReports([first.reportId]);
    expect(still?.version).toBe(1);
    expect(still?.sourceSha256).toBe(y2022.source.sha256);
    expect((await store.reportHistory([first.reportId]))[0]).toEqual([]);
    expect((await store.findingsByReport([next.reportId]))[0]?.map((f) => f.ruleId)).toContain('carryover-mismatch');

    // 2) it succeeds: version 2 current, version 1 in the history, 2023 re-linted
    const updated = await store.ingest(corrected);
    expect(updated.status).toBe('updated');
    expect(updated.reportId).toBe(first.reportId);
    expect(updated.version).toBe(2);
    expect(updated.relinted).toEqual([next.reportId]);
    const [current] = await store.getReports([first.reportId]);
    expect(current?.sourceSha256).toBe(corrected.source.sha256);
    expect(cellValue(current?.report.applications?.carriedForward.naturalPerson)).toBe(forward + 5);
    const [history] = await store.reportHistory([first.reportId]);
    expect(history?.map((v) => [v.version, v.sourceSha256])).toEqual([[1, y2022.source.sha256]]);
    const cells = await store.cellValues([first.reportId], ['applications.carriedForward.naturalPerson']);
    expect(cells.get(first.reportId)?.get('applications.carriedForward.naturalPerson')?.value).toBe(forward + 5);
    const [nextFindings] = await store.findingsByReport([next.reportId]);
    expect(nextFindings?.map((f) => f.ruleId)).not.toContain('carryover-mismatch');
    const [nextRow] = await store.getReports([next.reportId]);
    expect((nextRow?.errorCount ?? -1) + (nextRow?.warningCount ?? 0)).toBe(nextFindings?.length);

    // 3) the same correction again changes nothing; one report per agency and year throughout
    expect((await store.ingest(corrected)).status).toBe('unchanged');
    expect(await store.countReports()).toBe(2);
  });

  it('makes one report of the same correction ingested five times at once', async () => {
    const base = buildReport({ seed: 50, agency, year: 2020 });
    await store.ingest(base);
    const fixed = buildReport({ seed: 50, agency, year: 2020, revision: 2 });
    const results = await Promise.all(Array.from({ length: 5 }, () => store.ingest(fixed)));
    expect(results.filter((r) => r.status === 'updated')).toHaveLength(1);
    expect(new Set(results.map((r) => r.reportId)).size).toBe(1);
    const [history] = await store.reportHistory([results[0]?.reportId ?? 0]);
    expect(history).toHaveLength(1);
  });
});
