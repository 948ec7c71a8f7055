import type { Report } from '@xxgk/schema';
import { cellValue } from '@xxgk/schema';
import { describe, expect, it } from 'vitest';
import { generateModel } from '../src/index.js';

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const received = (r: Report) => cellValue(r.applications?.newReceived.total) ?? 0;

describe('realistic distributions', () => {
  const townships = Array.from({ length: 120 }, (_, seed) => generateModel({ seed, year: 2022, level: 'township' }).truth);
  const countyDepts = Array.from({ length: 120 }, (_, seed) => generateModel({ seed, year: 2022, level: 'county', kind: 'department' }).truth);
  const cities = Array.from({ length: 60 }, (_, seed) => generateModel({ seed, year: 2022, level: 'prefectural', kind: 'government' }).truth);

  it('townships receive few applications, county departments tens, big cities hundreds or more', () => {
    expect(quantile(townships.map(received), 0.5)).toBeLessThanOrEqual(2);
    expect(quantile(townships.map(received), 0.9)).toBeLessThanOrEqual(6);
    expect(quantile(countyDepts.map(received), 0.5)).toBeLessThanOrEqual(10);
    expect(quantile(countyDepts.map(received), 0.9)).toBeLessThanOrEqual(40);
    expect(quantile(cities.map(received), 0.5)).toBeGreaterThanOrEqual(80);
    expect(Math.max(...cities.map(received))).toBeGreaterThanOrEqual(1000);
  });

  it('most results are 予以公开 or 不掌握; 表四 is mostly zeros', () => {
    const all = [...townships, ...countyDepts, ...cities];
    const total = all.reduce((s, r) => s + (cellValue(r.applications?.results.total.total) ?? 0), 0);
    const main = all.reduce(
      (s, r) => s + (cellValue(r.applications?.results.granted.total) ?? 0) + (cellValue(r.applications?.results.unableToProvide.notHeld.total) ?? 0),
      0,
    );
    expect(main / total).toBeGreaterThan(0.55);
    const quiet = all.filter((r) => (cellValue(r.reviewLitigation?.review.total) ?? 0) === 0 && (cellValue(r.reviewLitigation?.litigationDirect.total) ?? 0) === 0);
    expect(quiet.length / all.length).toBeGreaterThan(0.5);
    expect(cities.some((r) => (cellValue(r.reviewLitigation?.review.total) ?? 0) > 0)).toBe(true);
  });

  it('2019 本年增/减 is signed and money cells carry decimals', () => {
    const models = Array.from({ length: 150 }, (_, seed) => generateModel({ seed, year: seed % 2 === 0 ? 2019 : 2023, level: 'prefectural', kind: 'department' }).truth);
    const deltas = models.flatMap((r) => (r.proactive?.template === 'national-2019' ? [cellValue(r.proactive.penalty.delta), cellValue(r.proactive.licensing.delta)] : []));
    expect(deltas.some((d) => (d ?? 0) < 0)).toBe(true);
    const fees = models.flatMap((r) => (r.proactive?.template === 'national-2021' ? [cellValue(r.proactive.feesAmount) ?? 0] : []));
    expect(fees.some((f) => !Number.isInteger(f))).toBe(true);
    expect(fees.every((f) => Number((f).toFixed(6)) === f)).toBe(true);
    const units = new Set(models.flatMap((r) => (r.proactive?.template === 'national-2019' ? [r.proactive.procurement.unit] : [])));
    expect(units).toEqual(new Set(['元', '万元']));
  });
});
