import { ReportSchema } from '@xxgk/schema';
import { describe, expect, it } from 'vitest';
import { SynthError, generateRegion, publicationDeadline, renderSync } from '../src/index.js';

const OPTIONS = { seed: 41, regionCode: '3205', years: [2018, 2022, 2023, 2024], agencies: 10, missing: 4, late: 3, workSummary: 2, undated: 1 };

describe('generateRegion', () => {
  const region = generateRegion(OPTIONS);

  it('puts every agency under the region code and the neighbours outside it', () => {
    expect(region.regionCode).toBe('3205');
    expect(region.agencies).toHaveLength(10);
    expect(region.outside).toHaveLength(2);
    for (const a of region.agencies) expect(a.region?.code).toMatch(/^3205\d\d$/);
    for (const a of region.outside) expect(a.region?.code?.startsWith('3205')).toBe(false);
    for (const a of region.outside) expect(a.region?.code?.startsWith('32')).toBe(true);
    // Its own government, a 部门, a 乡镇, a 街道 and a 管委会 are among them.
    const names = region.agencies.map((a) => a.name);
    expect(names.some((n) => /市人民政府$/.test(n))).toBe(true);
    expect(names.some((n) => /(镇|乡)人民政府$/.test(n))).toBe(true);
    expect(names.some((n) => /街道办事处$/.test(n))).toBe(true);
    expect(names.some((n) => /管理委员会$/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it('reports exactly the asked numbers of missing, late, undated and work-summary agency-years', () => {
    expect(region.coverage).toHaveLength(10 * 4);
    const by = (s: string) => region.coverage.filter((p) => p.status === s);
    expect(by('MISSING')).toHaveLength(4);
    expect(by('LATE')).toHaveLength(3);
    expect(by('UNDATED')).toHaveLength(1);
    expect(by('ON_TIME')).toHaveLength(40 - 8);
    expect(region.coverage.filter((p) => p.workSummary)).toHaveLength(2);
    // Every agency published at least one year (a store knows it).
    for (const a of region.agencies) expect(region.coverage.some((p) => p.agency === a && p.status !== 'MISSING')).toBe(true);
    // Inside reports + outside reports.
    expect(region.reports).toHaveLength(40 - 4 + 2 * 4);
  });

  it('agrees with the reports themselves', () => {
    const byId = new Map(region.reports.map((m) => [m.truth.id, m]));
    for (const p of region.coverage) {
      expect(p.deadline).toBe(publicationDeadline(p.agency, p.year));
      if (p.status === 'MISSING') {
        expect(p.reportId).toBeNull();
        expect(region.reports.some((m) => m.agency === p.agency && m.year === p.year)).toBe(false);
        continue;
      }
      const model = byId.get(p.reportId ?? '');
      expect(model?.agency).toBe(p.agency);
      expect(model?.year).toBe(p.year);
      expect(model?.truth.publishedOn).toBe(p.publishedOn);
      if (p.status === 'LATE') {
        expect(p.publishedOn! > p.deadline).toBe(true);
        expect(p.daysLate).toBe((Date.parse(p.publishedOn!) - Date.parse(p.deadline)) / 86_400_000);
        expect(p.daysLate).toBeGreaterThanOrEqual(1);
        expect(p.daysLate).toBeLessThanOrEqual(120);
      } else {
        expect(p.daysLate).toBeNull();
      }
      if (p.status === 'ON_TIME') expect(p.publishedOn! <= p.deadline).toBe(true);
      if (p.status === 'UNDATED') {
        expect(p.publishedOn).toBeNull();
        // No signing date in the document either.
        expect(renderSync(model!, 'text').text).not.toMatch(new RegExp(`${p.year + 1}年\\d{1,2}月\\d{1,2}日\\s*$`));
      }
      expect(model?.truth.title.endsWith(p.workSummary ? '政府信息公开工作总结' : '政府信息公开工作年度报告')).toBe(true);
      expect(ReportSchema.safeParse(model?.truth).success).toBe(true);
    }
  });

  it('applies the deadline of each kind: 部门 1月31日, 本级政府 3月31日, all 3月31日 before 2019', () => {
    const gov = region.agencies.find((a) => a.kind === 'government' && a.level === 'prefectural');
    const dept = region.agencies.find((a) => a.kind === 'department');
    const town = region.agencies.find((a) => a.kind === 'government' && a.level === 'township');
    const street = region.agencies.find((a) => a.name.endsWith('街道办事处'));
    const zone = region.agencies.find((a) => a.name.endsWith('管理委员会'));
    expect(publicationDeadline(gov!, 2023)).toBe('2024-03-31');
    expect(publicationDeadline(dept!, 2023)).toBe('2024-01-31');
    expect(publicationDeadline(town!, 2023)).toBe('2024-01-31');
    expect(publicationDeadline(street!, 2023)).toBe('2024-01-31');
    expect(publicationDeadline(zone!, 2023)).toBe('2024-03-31');
    expect(publicationDeadline(dept!, 2018)).toBe('2019-03-31');
  });

  it('is deterministic, and a county or a province works too', () => {
    expect(generateRegion(OPTIONS).coverage).toEqual(region.coverage);
    const county = generateRegion({ seed: 3, regionCode: '320581', years: [2024], agencies: 5, outside: 1 });
    for (const a of county.agencies) expect(a.region?.code).toBe('320581');
    expect(county.outside[0]?.region?.code?.startsWith('3205')).toBe(true);
    expect(county.outside[0]?.region?.code).not.toBe('320581');
    const province = generateRegion({ seed: 3, regionCode: '44', years: [2024], agencies: 6, outside: 1 });
    for (const a of province.agencies) expect(a.region?.code).toMatch(/^44/);
    expect(province.outside[0]?.region?.code).not.toMatch(/^44/);
    expect(province.coverage.every((p) => p.status === 'ON_TIME')).toBe(true);
    const big = generateRegion({ seed: 9, regionCode: '440305', years: [2023, 2024], agencies: 60, missing: 10, late: 10 });
    expect(new Set(big.agencies.map((a) => a.name)).size).toBe(60);
    for (const a of big.agencies) expect(a.region?.code).toBe('440305');
    for (const code of ['44', '4403']) {
      const large = generateRegion({ seed: 9, regionCode: code, years: [2024], agencies: 200, outside: 0 });
      expect(new Set(large.agencies.map((a) => a.name)).size).toBe(200);
      for (const a of large.agencies) expect(a.region?.code?.startsWith(code)).toBe(true);
    }
  });

  it('refuses impossible plans', () => {
    expect(() => generateRegion({ seed: 1, years: [2024], agencies: 3, missing: 1 })).toThrow(SynthError);
    expect(() => generateRegion({ seed: 1, years: [2023, 2024], agencies: 2, late: 5 })).toThrow(/cannot hold/);
    expect(() => generateRegion({ seed: 1, regionCode: '3200', years: [2024] })).toThrow(/regionCode/);
    expect(() => generateRegion({ seed: 1, years: [2030] })).toThrow(/year/);
  });
});
