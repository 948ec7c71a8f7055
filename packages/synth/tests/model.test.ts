import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ReportSchema } from '@xxgk/schema';
import { templateForYear } from '@xxgk/schema/templates';
import { describe, expect, it } from 'vitest';
import { generateModel, MAX_YEAR, MIN_YEAR, renderSync } from '../src/index.js';
import { detectProblems, failingIdentities } from './helpers/check.js';

const require = createRequire(import.meta.url);
const jsonSchema = JSON.parse(readFileSync(require.resolve('@xxgk/schema/report.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020.default({ strict: false, allErrors: true, validateFormats: false });
const validate = ajv.compile(jsonSchema);

const YEARS = Array.from({ length: MAX_YEAR - MIN_YEAR + 1 }, (_, i) => MIN_YEAR + i);

describe('clean models', () => {
  it('satisfy every identity of their template, for every year 2008–2025', () => {
    let checked = 0;
    for (const year of YEARS) {
      for (let seed = 0; seed < 12; seed++) {
        const model = generateModel({ seed, year });
        expect(model.template).toBe(templateForYear(year));
        expect(failingIdentities(model.truth).map((i) => i.id)).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBe(YEARS.length * 12);
  });

  it('have no problem an independent checker can find (prose agrees with the tables)', () => {
    for (let seed = 0; seed < 160; seed++) {
      const model = generateModel({ seed });
      const text = renderSync(model, 'text').text ?? '';
      expect([...detectProblems(model.truth, text, null)], `seed ${seed}`).toEqual([]);
    }
  });

  it('pass ReportSchema.parse and the published JSON Schema over hundreds of seeds', () => {
    for (let seed = 0; seed < 200; seed++) {
      const { truth } = generateModel({ seed });
      expect(() => ReportSchema.parse(truth)).not.toThrow();
      const ok = validate(truth);
      if (!ok) throw new Error(`seed ${seed}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  });

  it('blankZeros leaves zero parts blank (null) and keeps every total filled', () => {
    let blanks = 0;
    for (let seed = 0; seed < 30; seed++) {
      const model = generateModel({ seed, year: 2019 + (seed % 6), blankZeros: true });
      const a = model.truth.applications!;
      expect(failingIdentities(model.truth)).toEqual([]);
      expect([...detectProblems(model.truth, renderSync(model, 'text').text!, null)]).toEqual([]);
      expect(validate(model.truth)).toBe(true);
      expect(a.newReceived.total).not.toBeNull();
      expect(a.results.total.naturalPerson).not.toBeNull();
      expect(model.truth.reviewLitigation!.review.total).not.toBeNull();
      if (a.results.denied.stateSecret.naturalPerson === null) blanks++;
      expect(a.results.denied.stateSecret.naturalPerson).not.toBe(0);
    }
    expect(blanks).toBeGreaterThan(20);
  });

  it('use the right tables for each template', () => {
    const legacy = generateModel({ seed: 3, year: 2015 }).truth;
    expect(legacy.template).toBe('legacy-2008');
    expect(legacy.applications).toBeNull();
    expect(legacy.legacyStatistics?.rows.length).toBeGreaterThanOrEqual(16);
    const n2019 = generateModel({ seed: 3, year: 2019 }).truth;
    expect(n2019.proactive?.template).toBe('national-2019');
    expect('stateSecret' in (n2019.applications?.results.denied ?? {})).toBe(true);
    expect('overdueCorrection' in (n2019.applications?.results.otherHandling ?? {})).toBe(false);
    const n2021 = generateModel({ seed: 3, year: 2023 }).truth;
    expect(n2021.proactive?.template).toBe('national-2021');
    expect('overdueCorrection' in (n2021.applications?.results.otherHandling ?? {})).toBe(true);
  });
});

