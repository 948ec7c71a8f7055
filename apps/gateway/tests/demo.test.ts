import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo.js';
import type { Harness } from './helpers/harness.js';
import { testDrivers } from './helpers/harness.js';

describe.each(testDrivers())('demo sample with unpublished agency-years ($name)', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await driver.open();
    await seedDemo(h.store, { seed: 11, agencies: 40, years: [2022, 2023, 2024], missingRate: 0.15, withText: false });
  });
  afterAll(async () => {
    await h.close();
  });

  it('leaves some agency-years out, never the first year, and coverage reports exactly those', async () => {
    const res = await h.query<{ stats: { year: number; reports: number }[]; missing2023: { totalCount: number }; missing2024: { totalCount: number } }>(
      `{ stats(groupBy: [YEAR]) { year reports }
         missing2023: agencies(filter: { missingReportFor: 2023 }) { totalCount }
         missing2024: agencies(filter: { missingReportFor: 2024 }) { totalCount } }`,
    );
    expect(res.errors).toBeUndefined();
    const perYear = new Map(res.data?.stats.map((s) => [s.year, s.reports]));
    expect(perYear.get(2022)).toBe(40);
    const gaps = 80 - (perYear.get(2023) ?? 0) - (perYear.get(2024) ?? 0);
    expect(gaps).toBeGreaterThan(0);
    expect(gaps).toBeLessThan(30);
    expect(res.data?.missing2023.totalCount).toBe(40 - (perYear.get(2023) ?? 0));
    expect(res.data?.missing2024.totalCount).toBe(40 - (perYear.get(2024) ?? 0));
  });
});
