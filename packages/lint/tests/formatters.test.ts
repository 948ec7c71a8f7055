import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { LintResult } from '@xxgk/schema';
import type AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { formatters, getFormatter, lintReport, lintResult, LintError, rules } from '../src/index.js';
import { buildReport, textOf } from './fixtures/build-report.js';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
/** ajv-draft-04 is CommonJS: its class is the `default` property of the module object. */
const Ajv = (require('ajv-draft-04') as typeof AjvDraft04).default;
const sarifSchema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

function results(): LintResult[] {
  const bad = buildReport({
    cells: { 'applications.results.total.naturalPerson': 79, 'applications.results.granted.total': null },
    title: '临江市交通运输局2023年政府信息公开工作总结',
    documentKind: 'work-summary',
  });
  const good = buildReport();
  return [
    lintResult('/drafts/2023-bad.txt', lintReport(bad, { text: textOf(bad) })),
    lintResult('/drafts/2023-good.txt', lintReport(good, { text: textOf(good) })),
  ];
}

describe('formatters', () => {
  it('stylish: file, line:col, severity, message, rule id, summary', () => {
    const out = formatters.stylish(results());
    const lines = out.split('\n');
    expect(lines[1]).toBe('/drafts/2023-bad.txt');
    expect(lines[2]).toMatch(/^ {2}1:1 +warning {2}“临江市交通运输局2023年政府信息公开工作总结”是工作总结.* {2}document-kind$/);
    expect(out).toContain('59:7');
    expect(out).toContain('（七）总计 · 自然人: 79 ≠ 63');
    expect(out).toMatch(/table-sum\n/);
    expect(out).not.toContain('2023-good.txt');
    expect(out).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?\)\n$/);
    expect(formatters.stylish([results()[1]!])).toBe('');
  });

  it('json: ESLint’s result array', () => {
    const parsed = JSON.parse(formatters.json(results())) as LintResult[];
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ filePath: '/drafts/2023-bad.txt' });
    const tableSum = parsed[0]!.messages.find((m) => m.ruleId === 'table-sum');
    expect(tableSum).toMatchObject({ severity: 2, line: 59, column: 7, endLine: 59, endColumn: 9 });
    expect(parsed[0]!.errorCount).toBe(parsed[0]!.messages.filter((m) => m.severity === 2).length);
    expect(parsed[1]).toMatchObject({ messages: [], errorCount: 0, warningCount: 0 });
  });

  it('sarif: valid SARIF 2.1.0 with rules from meta and located results', () => {
    const log = JSON.parse(formatters.sarif(results())) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string; helpUri: string }[] } };
        results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[];
      }[];
    };
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    const validate = ajv.compile(sarifSchema);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const broken = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken)).toBe(false);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('xxgk');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(Object.keys(rules));
    expect(run.tool.driver.rules.find((r) => r.id === 'table-sum')?.helpUri).toMatch(/docs\/rules\/table-sum\.md$/);
    const tableSum = run.results.find((r) => r.ruleId === 'table-sum')!;
    expect(tableSum.level).toBe('error');
    expect(run.tool.driver.rules[tableSum.ruleIndex]?.id).toBe('table-sum');
    expect(tableSum.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'file:///drafts/2023-bad.txt' },
      region: { startLine: 59, startColumn: 7, endLine: 59, endColumn: 9 },
    });
    expect(run.results.find((r) => r.ruleId === 'document-kind')?.level).toBe('warning');
  });

  it('rejects an unknown format name', () => {
    expect(() => getFormatter('xml')).toThrow(LintError);
  });
});
