import { cellAt, cellValue, type Cell, type Report } from '@xxgk/schema';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { T3, T4, report2021Text } from '../fixtures/report-2021.js';

const COLS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'];

function rowOf(report: Report, path: string): (number | null)[] {
  return COLS.map((c) => cellValue(cellAt(report, `${path}.${c}`)));
}

function objectCell(cell: Cell | undefined): { value: number | null; raw: string; span: { start: number; end: number } | null } {
  if (cell === null || cell === undefined || typeof cell === 'number') throw new Error('expected a cell object');
  return cell;
}

describe.each([
  ['spaced lines', false],
  ['glued text dump', true],
])('text report, %s', (_name, glued) => {
  it('reads every table cell', async () => {
    const { report } = await parse(report2021Text({ glued }), { name: 'r.txt' });
    expect(report.source.format).toBe('text');
    expect(report.template).toBe('national-2021');
    for (const [path, values] of Object.entries(T3)) expect(rowOf(report, path)).toEqual(values);
    expect(rowOf(report, 'applications.results.denied.stateSecret')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const t4 = ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((g) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => cellValue(cellAt(report, `reviewLitigation.${g}.${c}`))),
    );
    expect(t4).toEqual(T4);
    expect(cellValue(cellAt(report, 'proactive.licensing'))).toBe(1520);
    expect(cellValue(cellAt(report, 'proactive.feesAmount'))).toBe(12.5);
  });

  it('points every cell span at its digits in the source', async () => {
    const { report, text } = await parse(report2021Text({ glued }), { name: 'r.txt' });
    const cell = objectCell(cellAt(report, 'applications.newReceived.total'));
    expect(cell.raw).toBe('21');
    expect(cell.span && text.slice(cell.span.start, cell.span.end)).toBe('21');
    const lic = objectCell(cellAt(report, 'proactive.licensing'));
    expect(lic.span && text.slice(lic.span.start, lic.span.end)).toBe('1520');
  });
});

describe('text metadata, sections and facts', () => {
  it('reads title, year, agency, dates and sections', async () => {
    const { report, text } = await parse(report2021Text(), { name: 'r.txt' });
    expect(report.title).toBe('青禾县人民政府2022年政府信息公开工作年度报告');
    expect(report.year).toBe(2022);
    expect(report.agency).toEqual({ name: '青禾县人民政府', kind: 'government', level: 'county', region: { name: '青禾县' } });
    expect(report.publishedOn).toBe('2023-01-20');
    expect(report.period).toMatchObject({ from: '2022-01-01', to: '2022-12-31' });
    expect(report.documentKind).toBe('annual-report');
    expect(report.language).toBe('zh-Hans');
    expect(report.sections.map((s) => s.kind)).toEqual(['overview', 'proactive', 'applications', 'reviewLitigation', 'problems', 'otherMatters']);
    const problems = report.sections[4];
    expect(problems?.children.map((c) => c.level)).toEqual([2, 2]);
    const first = report.sections[0];
    expect(first && text.slice(first.span.start, first.span.start + 6)).toBe('一、总体情况');
    expect(report.fees).toMatchObject({ mentioned: true, charged: false });
  });

  it('does not turn table-3 row labels into sections', async () => {
    const { report } = await parse(report2021Text(), { name: 'r.txt' });
    const headings = report.sections.flatMap((s) => [s.heading, ...s.children.map((c) => c.heading)]);
    expect(headings.some((h) => h.includes('本年度办理结果'))).toBe(false);
    expect(headings.some((h) => h.includes('结转下年度继续办理'))).toBe(false);
  });

  it('states prose totals, parts and quantities with spans', async () => {
    const { report, text } = await parse(report2021Text(), { name: 'r.txt' });
    const received = report.facts.find((f) => f.quantity === 'applications.newReceived.total');
    expect(received?.value).toBe(21);
    expect(received && text.slice(received.span.start, received.span.end)).toBe('21件');
    expect(report.facts.find((f) => f.quantity === 'applications.results.total.total')?.value).toBe(20);
    expect(report.facts.find((f) => f.quantity === 'applications.carriedForward.total')?.value).toBe(2);
    const total = report.facts.find((f) => f.value === 1205);
    expect(total?.unit).toBe('条');
    const parts = report.facts.filter((f) => f.partOf === total?.id).map((f) => f.value);
    expect(parts).toEqual([310, 820]);
  });

  it('reads a stated absence as a negated zero', async () => {
    const { report } = await parse('某局2022年政府信息公开工作年度报告\n二、依申请公开情况\n本年度未收到政府信息公开申请。\n全年未发生行政复议案件。', { name: 'a.txt' });
    expect(report.facts.find((f) => f.quantity === 'applications.newReceived.total')).toMatchObject({ value: 0, negated: true });
    expect(report.facts.find((f) => f.quantity === 'reviewLitigation.review.total')).toMatchObject({ value: 0, negated: true });
  });

  it('names legacy quantities after the 统计表 rows', async () => {
    const { report } = await parse('某局2016年政府信息公开工作年度报告\n二、依申请公开情况\n本年度未收到政府信息公开申请。\n全年未发生行政诉讼案件。', { name: 'a.txt' });
    expect(report.template).toBe('legacy-2008');
    expect(report.facts.map((f) => f.quantity)).toEqual(['legacyStatistics.applicationsTotal.year', 'legacyStatistics.litigations.year']);
  });

  it('reads Chinese numerals in prose', async () => {
    const { report } = await parse('某局2022年政府信息公开工作年度报告\n全年共收到政府信息公开申请十二件，办结十二件。', { name: 'a.txt' });
    expect(report.facts.find((f) => f.quantity === 'applications.newReceived.total')?.value).toBe(12);
  });

  it('lists every report in a file and reads Traditional Chinese', async () => {
    const text = [
      '某市衛生局2014年政府信息公開工作總結',
      '一、主動公開政府信息情況',
      '全年共發布信息120條，其中，工作動態80條，法規公文60條。',
      '篇2:某鎮政府信息公開工作總結',
      '一、組織領導',
    ].join('\n');
    const { report } = await parse(text, { name: 't.txt' });
    expect(report.language).toBe('zh-Hant');
    expect(report.documentKind).toBe('work-summary');
    expect(report.documents?.map((d) => d.title)).toEqual(['某市衛生局2014年政府信息公開工作總結', '篇2:某鎮政府信息公開工作總結']);
    expect(report.sections[0]?.kind).toBe('proactive');
    const total = report.facts.find((f) => f.value === 120);
    expect(report.facts.filter((f) => f.partOf === total?.id).map((f) => f.value)).toEqual([80, 60]);
    const part = report.facts.find((f) => f.value === 80);
    expect(part && text.slice(part.span.start, part.span.end)).toBe('80條');
  });
});

describe('fees (信息处理费)', () => {
  it('reads notices and amounts', async () => {
    const text = '某局2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n本年度共发出收费通知3件，实际收取信息处理费1,200元。';
    const { report } = await parse(text, { name: 'f.txt' });
    expect(report.fees).toMatchObject({ mentioned: true, charged: true, unit: '元' });
    expect(cellValue(report.fees?.notices)).toBe(3);
    expect(cellValue(report.fees?.amount)).toBe(1200);
  });

  it('reads a statement that nothing was charged', async () => {
    const { report } = await parse('某局2022年政府信息公开工作年度报告\n本年度未发出收费通知，未收取信息处理费。', { name: 'f.txt' });
    expect(report.fees).toMatchObject({ charged: false });
    expect(cellValue(report.fees?.notices)).toBe(0);
  });

  it('is null when the report says nothing about fees', async () => {
    const { report } = await parse('某局2022年政府信息公开工作年度报告\n一、总体情况\n工作平稳推进。', { name: 'f.txt' });
    expect(report.fees).toBeNull();
  });
});
