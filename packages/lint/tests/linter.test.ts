import type { LintMessage, Report, Section } from '@xxgk/schema';
import { describe, expect, it } from 'vitest';
import { applyFixes, defineRule, interpolate, lintReport, lintResult, LintError, resolveConfig, rules } from '../src/index.js';
import type { Rule } from '../src/index.js';
import { buildReport, spanOf, textOf } from './fixtures/build-report.js';

const probe = defineRule({
  meta: {
    id: 'probe',
    type: 'suggestion',
    defaultSeverity: 'warn',
    docs: { description: 'Disallow the word 示例 in a draft', recommended: true },
    messages: { found: '发现“{{word}}”（第{{line}}行）' },
    fixable: true,
  },
  create(context) {
    return {
      line(line) {
        const at = line.text.indexOf('示例');
        if (at < 0) return;
        context.report({
          messageId: 'found',
          data: { word: '示例', line: line.line },
          span: context.source.span(line.start + at, line.start + at + 2),
          fix: { range: [line.start + at, line.start + at + 2], text: '样本' },
        });
      },
    };
  },
});

const order: string[] = [];
const walker = defineRule({
  meta: {
    id: 'walker',
    type: 'suggestion',
    defaultSeverity: 'warn',
    docs: { description: 'Enforce nothing; records the visit order', recommended: true },
    messages: { none: 'none' },
  },
  create() {
    return {
      report: () => void order.push('report'),
      section: (s) => void order.push(`section:${s.heading}`),
      fact: (f) => void order.push(`fact:${f.id}`),
      line: (l) => void (l.line === 1 && order.push('line:1')),
      'report:exit': () => void order.push('exit'),
    };
  },
});

const crasher = defineRule({
  meta: {
    id: 'crasher',
    type: 'problem',
    defaultSeverity: 'error',
    docs: { description: 'Disallow nothing; throws', recommended: true },
    messages: { never: 'never' },
  },
  create() {
    return {
      section() {
        throw new Error('boom');
      },
    };
  },
});

const registry: Record<string, Rule> = { crasher, probe, walker };

describe('lintReport', () => {
  it('finds nothing in a correct report of every template (all built-in rules)', () => {
    for (const template of ['national-2021', 'national-2019', 'legacy-2008'] as const) {
      const report = buildReport({ template });
      const messages = lintReport(report, { text: textOf(report) });
      expect(messages.map((m) => `${template} ${m.ruleId}: ${m.message}`)).toEqual([]);
    }
  });

  it('walks the report once in order: report, sections, facts, lines, report:exit', () => {
    order.length = 0;
    const report = buildReport();
    lintReport(report, { text: textOf(report), rules: { walker } });
    expect(order[0]).toBe('report');
    expect(order[1]).toBe('section:一、总体情况');
    expect(order.filter((o) => o.startsWith('section:'))).toHaveLength(6);
    expect(order.indexOf('fact:f1')).toBeGreaterThan(order.indexOf('section:六、其他需要报告的事项'));
    expect(order.indexOf('line:1')).toBeGreaterThan(order.indexOf(`fact:f${report.facts.length}`));
    expect(order.at(-1)).toBe('exit');
  });

  it('walks nested sections depth-first, however deep', () => {
    order.length = 0;
    const report = buildReport();
    const [first, ...rest] = report.sections;
    const leaf = (heading: string): Section => ({ ...first!, heading, level: 2, children: [] });
    let deep: Section = leaf('deepest');
    for (let i = 0; i < 50_000; i++) deep = { ...leaf(`level ${i}`), children: [deep] };
    const nested: Report = {
      ...report,
      sections: [{ ...first!, children: [leaf('（一）a'), { ...leaf('（二）b'), children: [leaf('1.c')] }] }, ...rest, deep],
    };
    lintReport(nested, { text: textOf(report), rules: { walker } });
    const sections = order.filter((o) => o.startsWith('section:'));
    expect(sections.slice(0, 5)).toEqual(['section:一、总体情况', 'section:（一）a', 'section:（二）b', 'section:1.c', 'section:二、主动公开政府信息情况']);
    expect(sections).toHaveLength(6 + 3 + 50_001);
    expect(sections.at(-1)).toBe('section:deepest');
  });

  it('turns a crashing rule into a finding under its id and keeps the others running', () => {
    const report = buildReport({ paragraphs: { problems: ['本段为示例。'] } });
    const messages = lintReport(report, { text: textOf(report), rules: registry });
    const crash = messages.find((m) => m.ruleId === 'crasher');
    expect(crash).toMatchObject({ severity: 2, line: 1, column: 1 });
    expect(crash?.message).toContain('boom');
    expect(messages.filter((m) => m.ruleId === 'crasher')).toHaveLength(1);
    expect(messages.some((m) => m.ruleId === 'probe')).toBe(true);
  });

  it('interpolates messages, takes positions from spans and sorts findings', () => {
    const report = buildReport({ paragraphs: { problems: ['第二个示例。'], overview: ['第一个示例。'] } });
    const text = textOf(report);
    const messages = lintReport(report, { text, rules: { probe } });
    const first = spanOf(report, '示例');
    const second = spanOf(report, '示例', 1);
    expect(messages.map((m) => [m.line, m.column, m.endColumn, m.message, m.severity])).toEqual([
      [first.line, first.column, first.endColumn, `发现“示例”（第${first.line}行）`, 1],
      [second.line, second.column, second.endColumn, `发现“示例”（第${second.line}行）`, 1],
    ]);
    expect(interpolate('{{a}} + {{b}} = {{c}}', { a: 1, b: 2 })).toBe('1 + 2 = {{c}}');
  });

  it('applies the configured severity and turns rules off', () => {
    const report = buildReport({ paragraphs: { overview: ['示例'] } });
    const text = textOf(report);
    expect(lintReport(report, { text, rules: { probe }, config: { rules: { probe: 'error' } } })[0]?.severity).toBe(2);
    expect(lintReport(report, { text, rules: { probe }, config: { rules: { probe: 0 } } })).toEqual([]);
    expect(lintReport(report, { text, rules: { probe }, config: { rules: { probe: ['warn', {}] } } })[0]?.severity).toBe(1);
  });

  it('lets a finding carry its own severity unless the configuration fixes it', () => {
    const previous = buildReport({ year: 2022 });
    const columnsOnly = buildReport({ cells: { 'applications.carriedOver.naturalPerson': 5 } });
    const totals = buildReport();
    const sev = (report: ReturnType<typeof buildReport>, config = {}) =>
      lintReport(report, { text: textOf(report), previousReport: previous, config })
        .filter((m) => m.ruleId === 'carryover-mismatch')
        .map((m) => m.severity);
    expect(sev(columnsOnly)).toEqual([1, 1]);
    expect(sev(totals)).toEqual([2]);
    expect(sev(totals, { rules: { 'carryover-mismatch': 'warn' } })).toEqual([1]);
    expect(sev(columnsOnly, { preset: 'strict' })).toEqual([2, 2]);
  });

  it('skips rules whose templates exclude the report or which need a previous report', () => {
    const report = buildReport({ template: 'legacy-2008', cells: { 'legacyStatistics.responsesTotal.year': 30 } });
    const text = textOf(report);
    const ids = new Set(lintReport(report, { text }).map((m) => m.ruleId));
    expect(ids.has('table-sum')).toBe(true);
    expect(ids.has('application-balance')).toBe(false);
    const national = buildReport({ cells: { 'applications.carriedOver.naturalPerson': 9 } });
    const withoutPrevious = lintReport(national, { text: textOf(national) });
    expect(withoutPrevious.some((m) => m.ruleId === 'carryover-mismatch')).toBe(false);
    const previous = buildReport({ year: 2022 });
    const withPrevious = lintReport(national, { text: textOf(national), previousReport: previous });
    expect(withPrevious.some((m) => m.ruleId === 'carryover-mismatch')).toBe(true);
  });
});

describe('disable directives', () => {
  const cases: [string, string][] = [
    ['HTML comment, next line', '<!-- xxgk-disable-next-line probe -->'],
    ['【】 in plain text, next line', '【xxgk-disable-next-line probe】'],
    ['// in plain text, next line', '// xxgk-disable-next-line probe, walker'],
    ['HTML comment, no rule list', '<!-- xxgk-disable-next-line -->'],
  ];
  for (const [name, directive] of cases) {
    it(`${name}: ${directive}`, () => {
      const report = buildReport({ paragraphs: { overview: [directive, '这是示例。', '另一处示例。'] } });
      const messages = lintReport(report, { text: textOf(report), rules: { probe } });
      expect(messages).toHaveLength(1);
      expect(messages[0]?.line).toBe(spanOf(report, '另一处示例').line);
    });
  }

  it('xxgk-disable applies to the whole document, for the listed rules only', () => {
    const report = buildReport({ paragraphs: { preamble: ['【xxgk-disable probe】'], overview: ['示例'], problems: ['示例'] } });
    expect(lintReport(report, { text: textOf(report), rules: { probe } })).toEqual([]);
    const other = buildReport({ paragraphs: { preamble: ['<!-- xxgk-disable table-sum -->'], overview: ['示例'] } });
    expect(lintReport(other, { text: textOf(other), rules: { probe } })).toHaveLength(1);
  });

  it('nothing is reported on a directive line itself (the 【】 form is not template residue)', () => {
    const brackets = defineRule({
      meta: {
        id: 'brackets',
        type: 'problem',
        defaultSeverity: 'error',
        docs: { description: 'Disallow 【】 instructions', recommended: true },
        messages: { found: '【】' },
      },
      create(context) {
        return {
          line(line) {
            const at = line.text.indexOf('【');
            if (at >= 0) context.report({ messageId: 'found', span: context.source.span(line.start + at, line.start + at + 1) });
          },
        };
      },
    });
    const report = buildReport({ paragraphs: { overview: ['【xxgk-disable-next-line probe】', '示例', '【填写说明】'] } });
    const messages = lintReport(report, { text: textOf(report), rules: { brackets, probe } });
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['brackets', spanOf(report, '【填写说明】').line]]);
  });

  it('a directive for another rule does not hide the finding', () => {
    const report = buildReport({ paragraphs: { overview: ['// xxgk-disable-next-line table-sum', '示例'] } });
    expect(lintReport(report, { text: textOf(report), rules: { probe } })).toHaveLength(1);
  });
});

describe('fixes', () => {
  it('applies non-overlapping fixes in one pass and returns the rest', () => {
    const text = 'abcdef';
    const m = (range: [number, number], t: string): LintMessage => ({ ruleId: 'x', severity: 1, message: '', line: 1, column: range[0] + 1, fix: { range, text: t } });
    const result = applyFixes(text, [m([3, 4], 'D'), m([0, 2], 'AB'), m([1, 3], 'zz'), { ruleId: 'y', severity: 2, message: '', line: 1, column: 1 }]);
    expect(result.output).toBe('ABcDef');
    expect(result.fixed).toBe(true);
    expect(result.messages.map((x) => x.ruleId)).toEqual(['y', 'x']);
  });

  it('fixes a report through a rule fix and counts fixable findings', () => {
    const report = buildReport({ paragraphs: { overview: ['这是示例。'] } });
    const text = textOf(report);
    const messages = lintReport(report, { text, rules: { probe } });
    const { output } = applyFixes(text, messages);
    expect(output).toBe(text.replace('这是示例。', '这是样本。'));
    const result = lintResult('draft.txt', messages, output);
    expect(result).toMatchObject({ filePath: 'draft.txt', errorCount: 0, warningCount: 1, fixableWarningCount: 1, fixableErrorCount: 0, output });
  });
});

describe('config resolution', () => {
  it('rejects unknown rules and bad options with typed errors', () => {
    expect(() => resolveConfig({ rules: { 'no-such-rule': 'error' } })).toThrow(LintError);
    try {
      resolveConfig({ rules: { 'no-such-rule': 'error' } });
    } catch (error) {
      expect((error as LintError).code).toBe('UNKNOWN_RULE');
    }
  });

  it('enables the recommended rules by default and every rule in strict', () => {
    const recommended = resolveConfig({});
    const strict = resolveConfig({ preset: 'strict' });
    expect(strict.size).toBe(Object.keys(rules).length);
    for (const [id, entry] of recommended) expect(entry.severity).toBe(rules[id]?.meta.defaultSeverity);
    for (const entry of strict.values()) {
      const base = entry.rule.meta.docs.recommended === true ? entry.rule.meta.defaultSeverity : 'off';
      expect(entry.severity).toBe(base === 'off' ? 'warn' : 'error');
    }
  });
});
