import { ReportSchema, cellValue } from '@xxgk/schema';
import { templateForYear } from '@xxgk/schema/templates';
import { describe, expect, it } from 'vitest';
import type { DefectId, ReportModel } from '../src/index.js';
import { DEFECTS, DEFECT_IDS, SynthError, deadlineFor, defectApplies, generateModel, renderSync } from '../src/index.js';
import { detectProblems, failingIdentities } from './helpers/check.js';

const RULE_IDS = [
  'required-section', 'table-sum', 'application-balance', 'carryover-mismatch', 'subtotal-exceeds-total', 'contradiction',
  'fee-disclosure', 'placeholder', 'garbled-text', 'conversion-artifact', 'year-mismatch', 'publication-deadline',
  'statistics-period', 'template-version', 'multiple-documents', 'invalid-number', 'government-accountability',
  'blank-total', 'document-kind', 'item-continuity',
];

function textOf(model: ReportModel): string {
  return renderSync(model, 'text').text ?? '';
}

/** A seed/year/agency the defect applies to: years drawn from the seed when the defect allows. */
function defective(id: DefectId, seed: number): ReportModel {
  return generateModel({ seed, defect: id });
}

describe('DEFECTS', () => {
  it('has exactly one defect per rule id of DESIGN.md', () => {
    expect(DEFECTS.map((d) => d.id).sort()).toEqual([...RULE_IDS].sort());
    expect([...DEFECT_IDS].sort()).toEqual([...RULE_IDS].sort());
    for (const d of DEFECTS) {
      expect(d.description.length).toBeGreaterThan(10);
      expect(d.appliesTo.templates.length).toBeGreaterThan(0);
    }
    expect(DEFECTS.filter((d) => d.crossYear).map((d) => d.id).sort()).toEqual(['carryover-mismatch', 'item-continuity']);
  });

  it('rejects a defect that does not fit the report, and unknown ones', () => {
    expect(() => generateModel({ seed: 1, year: 2015, defect: 'fee-disclosure' })).toThrow(SynthError);
    try {
      generateModel({ seed: 1, year: 2022, level: 'county', kind: 'department', defect: 'government-accountability' });
      expect.unreachable();
    } catch (e) {
      expect((e as SynthError).code).toBe('DEFECT_NOT_APPLICABLE');
    }
    expect(() => generateModel({ seed: 1, defect: 'nope' as DefectId })).toThrow(/unknown defect/);
  });

  it.each(DEFECT_IDS.map((id) => [id]))('%s: produces exactly its own problem, over many seeds', (id) => {
    for (let seed = 0; seed < 12; seed++) {
      const model = defective(id, seed);
      expect(model.defect?.id).toBe(id);
      const def = DEFECTS.find((d) => d.id === id)!;
      expect(defectApplies(def, model.template, model.year, model.agency.kind)).toBe(true);
      expect(() => ReportSchema.parse(model.truth)).not.toThrow();
      const problems = detectProblems(model.truth, textOf(model), model.previous?.truth ?? null);
      expect([...problems], `seed ${seed} year ${model.year}`).toEqual([id]);
      if (def.crossYear) {
        expect(model.previous?.year).toBe(model.year - 1);
        expect([...detectProblems(model.previous!.truth, textOf(model.previous!), null)]).toEqual([]);
      } else expect(model.previous).toBeNull();
    }
  });

  it('table-sum breaks exactly one identity, reported by table-sum', () => {
    for (const year of [2012, 2019, 2023]) {
      const model = generateModel({ seed: 5, year, defect: 'table-sum' });
      const failing = failingIdentities(model.truth);
      expect(failing).toHaveLength(1);
      expect(failing[0]?.rule).toBe('table-sum');
      expect(failingIdentities(generateModel({ seed: 5, year }).truth)).toHaveLength(0);
    }
  });

  it('application-balance breaks only balance identities', () => {
    const failing = failingIdentities(generateModel({ seed: 9, year: 2022, defect: 'application-balance' }).truth);
    expect(failing.length).toBeGreaterThan(0);
    expect(new Set(failing.map((i) => i.rule))).toEqual(new Set(['application-balance']));
  });

  it('carryover-mismatch: last year’s 结转下年度 ≠ this year’s 上年结转', () => {
    const model = generateModel({ seed: 4, year: 2023, defect: 'carryover-mismatch' });
    const prev = model.previous!.truth.applications!;
    const cur = model.truth.applications!;
    expect(cellValue(cur.carriedOver.naturalPerson)).toBeGreaterThan(cellValue(prev.carriedForward.naturalPerson)!);
    expect(cellValue(cur.carriedOver.commercial)).toBe(cellValue(prev.carriedForward.commercial));
    expect(model.previous!.truth.year).toBe(2022);
    expect(failingIdentities(model.truth)).toHaveLength(0);
  });

  it('item-continuity: 上一年项目数量 disagrees with last year (2019→2020)', () => {
    const model = generateModel({ seed: 2, defect: 'item-continuity' });
    expect(model.year).toBe(2020);
    const prev = model.previous!.truth.proactive!;
    const cur = model.truth.proactive!;
    if (prev.template !== 'national-2019' || cur.template !== 'national-2019') throw new Error('2019 tables expected');
    const expected = (cellValue(prev.licensing.prevYearItems) ?? 0) + (cellValue(prev.licensing.delta) ?? 0);
    expect(cellValue(cur.licensing.prevYearItems)).not.toBe(expected);
    expect(cellValue(cur.penalty.prevYearItems)).toBe((cellValue(prev.penalty.prevYearItems) ?? 0) + (cellValue(prev.penalty.delta) ?? 0));
  });

  it('changes the text the way each textual defect says', () => {
    const text = (id: DefectId, year?: number) => textOf(generateModel({ seed: 8, ...(year ? { year } : {}), defect: id }));
    expect(text('placeholder')).toContain('20**年');
    expect(text('conversion-artifact')).toMatch(/\[(image|bookmark): [^\]]+\]/);
    expect(text('garbled-text')).toMatch(/[\u4e00-\u9fff][?\uFFFD]|[?\uFFFD][\u4e00-\u9fff]/);
    expect(text('fee-disclosure', 2022)).not.toContain('信息处理费');
    expect(text('statistics-period', 2020)).toMatch(/至2020年1[12]月(10|20|30)日止/);
    const summary = generateModel({ seed: 8, defect: 'document-kind' });
    expect(summary.truth.title.endsWith('政府信息公开工作总结')).toBe(true);
    expect(summary.truth.documentKind).toBe('work-summary');
    const twice = generateModel({ seed: 8, defect: 'multiple-documents' });
    expect(twice.truth.documents).toHaveLength(2);
    expect(textOf(twice).split(twice.truth.title)).toHaveLength(3);
    const mismatch = generateModel({ seed: 8, year: 2021, defect: 'year-mismatch' });
    expect(textOf(mismatch)).toContain('2020年，');
    expect(mismatch.truth.period?.to).toBe('2021-12-31');
  });

  it('publication-deadline dates the report after the deadline for its issuer', () => {
    for (let seed = 0; seed < 10; seed++) {
      const model = generateModel({ seed, defect: 'publication-deadline' });
      const d = deadlineFor(model.agency, model.year);
      const deadline = `${model.year + 1}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
      expect(model.truth.publishedOn! > deadline).toBe(true);
    }
  });

  it('government-accountability only drops 考核/评议/追究 from a 人民政府 report', () => {
    const model = generateModel({ seed: 3, year: 2022, kind: 'government', level: 'county', defect: 'government-accountability' });
    const clean = generateModel({ seed: 3, year: 2022, kind: 'government', level: 'county' });
    expect(textOf(clean)).toMatch(/考核/);
    expect(textOf(model)).not.toMatch(/考核|评议|追究/);
  });

  it('template-version puts the 2019 表二 in a 2021+ report', () => {
    const model = generateModel({ seed: 1, defect: 'template-version' });
    expect(templateForYear(model.year)).toBe('national-2021');
    expect(model.truth.template).toBe('national-2021');
    expect(model.truth.proactive?.template).toBe('national-2019');
    expect(textOf(model)).toContain('本年新制作数量');
  });

  it('invalid-number makes one count negative; blank-total leaves a total blank over non-zero parts', () => {
    const neg = generateModel({ seed: 6, year: 2021, defect: 'invalid-number' });
    expect(cellValue(neg.truth.proactive?.template === 'national-2021' ? neg.truth.proactive.licensing : null)).toBeLessThan(0);
    const blank = generateModel({ seed: 6, year: 2021, defect: 'blank-total' });
    const review = blank.truth.reviewLitigation!.review;
    expect(review.total).toBeNull();
    expect((cellValue(review.upheld) ?? 0) + (cellValue(review.corrected) ?? 0) + (cellValue(review.other) ?? 0) + (cellValue(review.pending) ?? 0)).toBeGreaterThan(0);
  });

  it('subtotal-exceeds-total and contradiction change the prose facts', () => {
    const sub = generateModel({ seed: 2, defect: 'subtotal-exceeds-total' }).truth;
    const total = sub.facts.find((f) => f.quantity === 'proactive.total')!;
    const parts = sub.facts.filter((f) => f.partOf === total.id);
    expect(parts.reduce((s, f) => s + f.value, 0)).toBeGreaterThan(total.value);
    const con = generateModel({ seed: 2, year: 2022, defect: 'contradiction' }).truth;
    const stated = con.facts.filter((f) => f.quantity === 'applications.newReceived.total').map((f) => f.value);
    expect(stated).toHaveLength(2);
    expect(new Set(stated).size).toBe(2);
  });
});
