import { ReportSchema, cellValue } from '@xxgk/schema';
import { getTemplate } from '@xxgk/schema/templates';
import { cellAt } from '@xxgk/schema';
import { describe, expect, it } from 'vitest';
import { buildReport, spanOf, textOf } from './fixtures/build-report.js';

describe('buildReport', () => {
  for (const template of ['national-2021', 'national-2019', 'legacy-2008'] as const) {
    it(`builds a valid, balanced ${template} report whose spans point at its text`, () => {
      const report = buildReport({ template });
      expect(ReportSchema.safeParse(report).success).toBe(true);
      const text = textOf(report);
      expect(text.split('\n')[0]).toBe(report.title);
      const catalogue = getTemplate(template);
      for (const identity of catalogue.identities) {
        const lhs = identity.lhs.map((p) => cellValue(cellAt(report, p)) ?? 0).reduce((a, b) => a + b, 0);
        const rhs = identity.rhs.map((p) => cellValue(cellAt(report, p)) ?? 0).reduce((a, b) => a + b, 0);
        if (identity.relation === 'equal') expect(lhs, identity.id).toBe(rhs);
        else expect(lhs, identity.id).toBeGreaterThanOrEqual(rhs);
      }
      for (const def of catalogue.cells) {
        const cell = cellAt(report, def.path);
        if (cell === undefined || cell === null || typeof cell !== 'object' || !cell.span) continue;
        expect(text.slice(cell.span.start, cell.span.end), def.path).toBe(cell.raw);
        const line = text.split('\n')[cell.span.line - 1]!;
        expect(line.slice(cell.span.column - 1, cell.span.endColumn - 1)).toBe(cell.raw);
      }
      for (const fact of report.facts) {
        expect(text.slice(fact.span.start, fact.span.end)).toBe(`${fact.value}${fact.unit}`);
      }
      for (const section of report.sections) {
        expect(text.slice(section.span.start).startsWith(section.heading)).toBe(true);
      }
    });
  }

  it('applies cell overrides and renders them', () => {
    const report = buildReport({ cells: { 'applications.results.total.naturalPerson': 79 } });
    const cell = cellAt(report, 'applications.results.total.naturalPerson');
    expect(cellValue(cell)).toBe(79);
    expect(spanOf(report, '（七）总计').line).toBe((cell as { span: { line: number } }).span.line);
  });

  it('renders a legacy 统计表 row that is only in the overrides', () => {
    const report = buildReport({ template: 'legacy-2008', cells: { 'legacyStatistics.applicationsFax.year': 2 } });
    expect(cellValue(cellAt(report, 'legacyStatistics.applicationsFax.year'))).toBe(2);
    expect(textOf(report)).toContain('传真申请数\t条\t2\t');
  });

  it('keeps its text through object spread', () => {
    const report = buildReport();
    expect(textOf({ ...report, title: 'x' })).toBe(textOf(report));
  });
});
