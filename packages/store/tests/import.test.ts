import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellValue } from '@xxgk/schema';
import type { Store } from '../src/index.js';
import { buildReport, jsonAnalyzer } from '../src/testing/index.js';
import { sampleReports } from '../src/testing/index.js';
import { testDrivers } from './helpers/drivers.js';

describe.each(testDrivers())('importReports ($name)', (driver) => {
  let store: Store;
  beforeAll(async () => {
    store = await driver.open({ analyzer: jsonAnalyzer });
  });
  afterAll(async () => {
    await store.close();
    await driver.cleanup();
  });

  it('stores many reports in batches with their cells and findings, skipping ones already stored', async () => {
    const reports = sampleReports([2023, 2024], 3);
    const progress: number[] = [];
    const result = await store.importReports(
      reports.map((report) => ({ report })),
      { batchSize: 10, onProgress: (n) => progress.push(n) },
    );
    expect(result).toEqual({ inserted: reports.length, skipped: 0 });
    expect(progress.at(-1)).toBe(reports.length);
    expect(await store.countReports()).toBe(reports.length);
    const unbalanced = await store.findReports({ filter: { hasFindings: { ruleId: 'table-sum' } }, limit: 500 });
    expect(unbalanced.length).toBe(await store.countReports({ balanced: false }));
    const buckets = await store.stats({ groupBy: [] });
    const sums = await store.statsSums({ groupBy: [], paths: ['applications.newReceived.total'] });
    expect(buckets[0]?.reportCount).toBe(reports.length);
    expect(sums.get('[]')?.get('applications.newReceived.total')).toBe(
      reports.reduce((s, r) => s + (cellValue(r.applications?.newReceived.total) ?? 0), 0),
    );

    const again = await store.importReports(reports.slice(0, 5).map((report) => ({ report })));
    expect(again).toEqual({ inserted: 0, skipped: 5 });
  });

  it('lints with last year’s report, within a batch and across batches', async () => {
    const agency = { name: '金溪县人民政府', level: 'county' as const, region: { code: '361027' } };
    const y1 = buildReport({ seed: 1, agency, year: 2021 });
    const forward = cellValue(y1.applications?.carriedForward.naturalPerson) ?? 0;
    const y2 = buildReport({ seed: 2, agency, year: 2022, carriedOver: { naturalPerson: forward + 1 } });
    const y3 = buildReport({ seed: 3, agency, year: 2023, carriedOver: { naturalPerson: 50 } });
    await store.importReports([{ report: y1 }, { report: y2 }, { report: y3 }], { batchSize: 2 });
    const found = await store.findReports({ filter: { agencyName: '金溪县', hasFindings: { ruleId: 'carryover-mismatch' } }, limit: 10 });
    expect(found.map((r) => r.year).sort()).toEqual([2022, 2023]);
  });

  it('keeps at most keepLastYears reports in memory and reads older ones back: the same findings', async () => {
    // Three agencies' years interleaved, batches of 1: with room for only the batch in flight, every
    // previous year has been evicted by the time it is needed and comes back from the database.
    const agencies = ['宁都县', '石城县', '瑞金市'].map((name, i) => ({ name: `${name}人民政府`, level: 'county' as const, region: { code: `36073${i}` } }));
    const inputs = [2021, 2022, 2023].flatMap((year) =>
      agencies.map((agency, i) => {
        const previous = buildReport({ seed: 10 * i + year - 1, agency, year: year - 1 });
        const forward = cellValue(previous.applications?.carriedForward.naturalPerson) ?? 0;
        return { report: buildReport({ seed: 10 * i + year, agency, year, carriedOver: { naturalPerson: forward + 1 } }) };
      }),
    );
    const findings = async (keepLastYears?: number) => {
      const fresh = await driver.open({ analyzer: jsonAnalyzer });
      try {
        await fresh.importReports(inputs, { batchSize: 1, ...(keepLastYears ? { keepLastYears } : {}) });
        const reports = await fresh.findReports({ filter: { hasFindings: { ruleId: 'carryover-mismatch' } }, limit: 50 });
        return reports.map((r) => `${r.agency?.name ?? r.agencyId} ${r.year}`).sort();
      } finally {
        await fresh.close();
      }
    };
    const kept = await findings();
    expect(kept.length).toBeGreaterThan(0);
    expect(await findings(1)).toEqual(kept);
  });
});
