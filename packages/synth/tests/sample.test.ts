import { APPLICANT_COLUMNS, ReportSchema, cellValue } from '@xxgk/schema';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../src/index.js';
import { SynthError, generateSample, renderSync } from '../src/index.js';
import { detectProblems } from './helpers/check.js';

describe('generateSample', () => {
  const years = [2017, 2018, 2019, 2020, 2021, 2022];
  const models = [...generateSample({ seed: 5, agencies: 30, years, defectRate: 0 })];

  it('yields every agency for every year, the same agencies each year', () => {
    expect(models).toHaveLength(30 * years.length);
    const names = (y: number) => models.filter((m) => m.year === y).map((m) => m.agency.name).sort();
    expect(new Set(names(2017)).size).toBe(30);
    for (const y of years) expect(names(y)).toEqual(names(2017));
  });

  it('keeps carry-over and 2019→2020 item continuity between consecutive years', () => {
    const byKey = new Map(models.map((m) => [`${m.agency.name}:${m.year}`, m]));
    let carried = 0;
    for (const m of models) {
      const prev = byKey.get(`${m.agency.name}:${m.year - 1}`);
      if (!prev) continue;
      // an independent check: no cross-year problem either
      const problems = detectProblems(m.truth, renderSync(m, 'text').text!, prev.truth);
      expect([...problems]).toEqual([]);
      if (m.truth.applications && prev.truth.applications) {
        for (const c of APPLICANT_COLUMNS) {
          expect(cellValue(m.truth.applications.carriedOver[c])).toBe(cellValue(prev.truth.applications.carriedForward[c]));
        }
        carried += cellValue(m.truth.applications.carriedOver.total) ?? 0;
      }
      const a = m.truth.legacyStatistics?.rows.find((r) => r.key === 'applicationsTotal');
      const b = prev.truth.legacyStatistics?.rows.find((r) => r.key === 'applicationsTotal');
      if (a && b) expect(cellValue(a.cumulative)).toBe((cellValue(b.cumulative) ?? 0) + (cellValue(a.year) ?? 0));
    }
    expect(carried).toBeGreaterThan(0);
  });

  it('injects defects at about the requested rate, cross-year ones included', () => {
    const sample: ReportModel[] = [...generateSample({ seed: 9, agencies: 40, years: [2019, 2020, 2021, 2022], defectRate: 0.25 })];
    const withDefect = sample.filter((m) => m.defect !== null);
    expect(withDefect.length / sample.length).toBeGreaterThan(0.12);
    expect(withDefect.length / sample.length).toBeLessThan(0.38);
    for (const m of sample) expect(() => ReportSchema.parse(m.truth)).not.toThrow();
    const few = [...generateSample({ seed: 9, agencies: 50, years: [2021, 2022] })];
    expect(few.filter((m) => m.defect !== null).length).toBeLessThan(12);
  });

  it('is deterministic and validates its options', () => {
    const again = [...generateSample({ seed: 5, agencies: 30, years, defectRate: 0 })];
    expect(again.map((m) => m.truth.id)).toEqual(models.map((m) => m.truth.id));
    expect(() => [...generateSample({ seed: 5, agencies: -1, years })]).toThrow(SynthError);
    expect(() => [...generateSample({ seed: 5, agencies: 1, years: [1999] })]).toThrow(/year/);
  });
});
