import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellValue } from '@xxgk/schema';
import type { Agency } from '@xxgk/schema';
import { StoreError } from '../src/index.js';
import type { Store } from '../src/index.js';
import { buildReport, jsonAnalyzer } from '../src/testing/index.js';
import { testDrivers } from './helpers/drivers.js';

const agency: Agency = {
  name: '临江市人民政府',
  level: 'prefectural',
  kind: 'government',
  region: { code: '320500', name: '江苏省临江市' },
};

describe.each(testDrivers())('ingest ($name)', (driver) => {
  let store: Store;
  beforeAll(async () => {
    store = await driver.open({ analyzer: jsonAnalyzer });
  });
  afterAll(async () => {
    await store.close();
    await driver.cleanup();
  });

  it('stores a parsed document with its cells and findings', async () => {
    const report = buildReport({ seed: 1, agency, year: 2023 });
    const result = await store.ingest(JSON.stringify(report), { name: 'a.json' });
    expect(result.status).toBe('inserted');
    expect(result.version).toBe(1);
    expect(result.findings).toEqual([]);
    const [stored] = await store.getReports([result.reportId]);
    expect(stored?.title).toBe('临江市人民政府2023年政府信息公开工作年度报告');
    expect(stored?.year).toBe(2023);
    expect(stored?.balanced).toBe(true);
    expect(stored?.report.applications?.newReceived.total).toEqual(report.applications?.newReceived.total);
    const cells = await store.cellValues([result.reportId], ['applications.newReceived.total', 'proactive.licensing']);
    expect(cells.get(result.reportId)?.get('applications.newReceived.total')?.value).toBe(
      cellValue(report.applications?.newReceived.total),
    );
    expect(cells.get(result.reportId)?.get('proactive.licensing')?.value).toBe(
      report.proactive?.template === 'national-2021' ? cellValue(report.proactive.licensing) : NaN,
    );
  });

  it('is idempotent: the same document twice is one report', async () => {
    const report = buildReport({ seed: 2, agency, year: 2021 });
    const first = await store.ingest(JSON.stringify(report));
    const again = await store.ingest(JSON.stringify(report));
    expect(again.status).toBe('unchanged');
    expect(again.reportId).toBe(first.reportId);
    expect(await store.countReports({ agencyIds: [first.agencyId], yearFrom: 2021, yearTo: 2021 })).toBe(1);
  });

  it('replaces a corrected version and keeps the history', async () => {
    const original = buildReport({ seed: 3, agency, year: 2020, defect: 'unbalanced' });
    const corrected = buildReport({ seed: 3, agency, year: 2020, revision: 1 });
    const first = await store.ingest(original);
    expect(first.findings.some((f) => f.ruleId === 'table-sum')).toBe(true);
    const second = await store.ingest(corrected);
    expect(second.status).toBe('updated');
    expect(second.reportId).toBe(first.reportId);
    expect(second.version).toBe(2);
    expect(second.findings).toEqual([]);
    const [history] = await store.reportHistory([first.reportId]);
    expect(history).toHaveLength(1);
    expect(history?.[0]?.version).toBe(1);
    expect(history?.[0]?.sourceSha256).toBe(original.source.sha256);
    expect(history?.[0]?.findings.some((f) => f.ruleId === 'table-sum')).toBe(true);
    const [stored] = await store.getReports([first.reportId]);
    expect(stored?.sourceSha256).toBe(corrected.source.sha256);
    expect(stored?.balanced).toBe(true);
    expect(stored?.errorCount).toBe(0);
    const [findings] = await store.findingsByReport([first.reportId]);
    expect(findings).toEqual([]);
  });

  it('lints with last year’s report, and re-lints next year when an earlier year arrives', async () => {
    const other: Agency = { name: '望海市生态环境局', level: 'prefectural', kind: 'department', region: { code: '440300' } };
    const y2023 = buildReport({ seed: 10, agency: other, year: 2023 });
    const forward = cellValue(y2023.applications?.carriedForward.total) ?? 0;
    // 2024 states a carry-over that differs from 2023's 结转下年度.
    const y2024 = buildReport({ seed: 11, agency: other, year: 2024, carriedOver: { naturalPerson: forward + 2 } });
    const later = await store.ingest(y2024);
    expect(later.findings.filter((f) => f.ruleId === 'carryover-mismatch')).toEqual([]);
    const earlier = await store.ingest(y2023);
    expect(earlier.relinted).toEqual([later.reportId]);
    const [findings] = await store.findingsByReport([later.reportId]);
    expect(findings?.map((f) => f.ruleId)).toEqual(['carryover-mismatch']);
    const [stored] = await store.getReports([later.reportId]);
    expect(stored?.warningCount).toBe(1);

    // and a 2025 report arriving after 2024 is linted against it at once
    const y2025 = buildReport({ seed: 12, agency: other, year: 2025, carriedOver: { naturalPerson: 999 } });
    const next = await store.ingest(y2025);
    expect(next.findings.map((f) => f.ruleId)).toContain('carryover-mismatch');
  });

  it('matches one agency across years on its normalised name and region', async () => {
    const a = await store.ingest(buildReport({ seed: 20, agency: { ...agency, name: '临江市 人民政府' }, year: 2019 }));
    const b = await store.ingest(buildReport({ seed: 21, agency, year: 2022 }));
    expect(a.agencyId).toBe(b.agencyId);
    const elsewhere = await store.ingest(
      buildReport({ seed: 22, agency: { ...agency, region: { code: '330100' } }, year: 2022 }),
    );
    expect(elsewhere.agencyId).not.toBe(b.agencyId);
  });

  it('stores one report when the same document arrives twice at once', async () => {
    const report = buildReport({ seed: 50, agency: { ...agency, name: '临江市司法局' }, year: 2024 });
    const results = await Promise.all([store.ingest(report), store.ingest(report)]);
    expect(results.map((r) => r.status).sort()).toEqual(['inserted', 'unchanged']);
    expect(results[0]?.reportId).toBe(results[1]?.reportId);
  });

  it('fails with typed errors and writes nothing for unreadable input', async () => {
    const before = await store.countReports();
    await expect(store.ingest('   ')).rejects.toMatchObject({ code: 'PARSE_FAILED', parseCode: 'EMPTY_INPUT' });
    await expect(store.ingest(new TextEncoder().encode('%PDF-1.4 garbage'))).rejects.toBeInstanceOf(StoreError);
    const broken = { ...buildReport({ seed: 30, agency, year: 2024 }), year: 'two thousand' } as unknown as Parameters<Store['ingest']>[0];
    await expect(store.ingest(broken)).rejects.toMatchObject({ code: 'INVALID_REPORT' });
    expect(await store.countReports()).toBe(before);
  });

  it('rolls the whole ingest back when lint fails midway', async () => {
    const failing = await driver.open({
      analyzer: {
        ...jsonAnalyzer,
        lint() {
          throw new Error('linter crashed');
        },
      },
    });
    try {
      await expect(failing.ingest(buildReport({ seed: 40, agency, year: 2024 }))).rejects.toThrow('linter crashed');
      expect(await failing.countReports()).toBe(0);
      expect(await failing.countAgencies()).toBe(0);
    } finally {
      await failing.close();
    }
  });
});
