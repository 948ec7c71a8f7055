import { describe, expect, it } from 'vitest';
import tableSum from '../src/rules/table-sum.js';
import carryover from '../src/rules/carryover-mismatch.js';
import { buildReport, resolveCase, runRule, textOf } from '../src/testing/index.js';

describe('rule tester helpers', () => {
  it('runs one rule on a model case with its built text', async () => {
    const report = buildReport({ cells: { 'reviewLitigation.review.total': 5 } });
    const { messages, text } = await runRule(tableSum, { report });
    expect(text).toBe(textOf(report));
    expect(messages.map((m) => [m.ruleId, m.messageId, m.line, m.column, m.severity])).toEqual([['table-sum', 'totalMismatch', 66, 10, 2]]);
  });

  it('parses code cases with @xxgk/parse, previous reports included', async () => {
    const { report, text, previousReport } = await resolveCase({
      code: textOf(buildReport()),
      previousCode: textOf(buildReport({ year: 2022 })),
    });
    expect(report.year).toBe(2023);
    expect(text.split('\n')[0]).toBe(report.title);
    expect(previousReport?.year).toBe(2022);
    const { messages } = await runRule(carryover, { code: textOf(buildReport()), previousCode: textOf(buildReport({ year: 2022 })) });
    expect(messages.map((m) => m.messageId)).toEqual(['totalMismatch']);
  });

  it('rejects a case with neither code nor report', async () => {
    await expect(resolveCase({})).rejects.toThrow('needs `code` or `report`');
  });
});
