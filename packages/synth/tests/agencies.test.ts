import type { AgencyKind, AgencyLevel } from '@xxgk/schema';
import { AgencySchema } from '@xxgk/schema';
import { describe, expect, it } from 'vitest';
import { AgencyFactory, Rng, deadlineFor, generateModel } from '../src/index.js';

const LEVELS: AgencyLevel[] = ['national', 'provincial', 'prefectural', 'county', 'township'];
const KINDS: AgencyKind[] = ['government', 'department', 'other'];

describe('agencies', () => {
  it('names and region codes follow the hierarchy at every level and kind', () => {
    const factory = new AgencyFactory(new Rng(1));
    for (const level of LEVELS) {
      for (const kind of KINDS) {
        for (let i = 0; i < 20; i++) {
          const a = factory.agency({ level, kind });
          expect(() => AgencySchema.parse(a)).not.toThrow();
          expect(a.level).toBe(level);
          const code = a.region?.code ?? '';
          expect(code).toMatch(/^\d{6}$/);
          if (level === 'provincial') expect(code).toMatch(/^\d{2}0000$/);
          if (level === 'prefectural') expect(code).toMatch(/^\d{2}(?!00)\d{2}00$/);
          if (level === 'county' || level === 'township') expect(code).toMatch(/^\d{4}(?!00)\d{2}$/);
          if (kind === 'government' && level !== 'national') expect(a.name).toMatch(/(省|市|区|县|镇|乡)人民政府$/);
          if (kind === 'department' && level !== 'township' && level !== 'national') expect(a.name).toMatch(/(厅|局|委员会|分局)$/);
          if (kind === 'other' && level !== 'national') expect(a.name).toMatch(/(管理委员会|街道办事处)$/);
        }
      }
    }
  });

  it('keeps a county inside its prefecture and province', () => {
    const factory = new AgencyFactory(new Rng(2));
    for (let i = 0; i < 50; i++) {
      const g = factory.geography();
      expect(g.prefecture.code.slice(0, 2)).toBe(g.province.code.slice(0, 2));
      expect(g.county.code.slice(0, 4)).toBe(g.prefecture.code.slice(0, 4));
      expect(g.township.code).toBe(g.county.code);
    }
  });

  it('never repeats an agency name within one factory', () => {
    const factory = new AgencyFactory(new Rng(3));
    const names = Array.from({ length: 500 }, () => factory.agency({ level: 'county' }).name);
    expect(new Set(names).size).toBe(500);
  });

  it('dates reports within the legal deadline of the issuer', () => {
    for (let seed = 0; seed < 200; seed++) {
      const { agency, year, truth } = generateModel({ seed });
      const d = deadlineFor(agency, year);
      const deadline = `${year + 1}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
      expect(truth.publishedOn! <= deadline && truth.publishedOn! > `${year}-12-31`).toBe(true);
      if (year >= 2019 && agency.kind === 'department') expect(d).toEqual({ month: 1, day: 31 });
    }
  });

  it('honours level, kind and a given agency', () => {
    const m = generateModel({ seed: 1, level: 'township', kind: 'government', year: 2022 });
    expect(m.agency.level).toBe('township');
    expect(m.truth.title).toBe(`${m.agency.name}2022年政府信息公开工作年度报告`);
    const agency = { name: '示例市统计局', level: 'prefectural' as const, kind: 'department' as const, region: { code: '990100', name: '示例市' } };
    expect(generateModel({ seed: 1, agency }).truth.agency).toEqual(agency);
  });
});
