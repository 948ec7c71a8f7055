import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LintResult } from '@xxgk/schema';
import { buildReport, textOf } from '@xxgk/lint/testing';
import { generateReport } from '@xxgk/synth';
import { describe, expect, it } from 'vitest';
import { previousReports, run } from '../src/commands/lint.js';
import { memoryIo } from '../src/io.js';

/** A balanced 2023 report, one whose （七）总计 · 自然人 says 79 instead of 63, and a 2022 report of the same agency. */
const clean = textOf(buildReport());
const unbalanced = textOf(buildReport({ cells: { 'applications.results.total.naturalPerson': 79 } }));
const lastYear = textOf(buildReport({ year: 2022 }));
const summary = textOf(buildReport({ title: '临江市交通运输局2023年政府信息公开工作总结' }));

function workspace(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-lint-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

async function lint(args: string[], files: Record<string, string | Uint8Array>, stdin?: string) {
  const cwd = workspace(files);
  const io = memoryIo({ cwd, ...(stdin !== undefined ? { stdin } : {}) });
  const code = await run(args, io);
  return { code, out: io.out, err: io.err, cwd };
}

describe('xxgk lint', () => {
  it('exits 0 and prints nothing for a correct report', async () => {
    const { code, out, err } = await lint(['2023.txt'], { '2023.txt': clean });
    expect([code, out, err]).toEqual([0, '', '']);
  });

  it('reports a total that does not add up: stylish output, exit 1', async () => {
    const { code, out, cwd } = await lint(['drafts'], { 'drafts/2023.txt': unbalanced, 'drafts/ok.md': clean, 'drafts/notes.json': '{}' });
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[1]).toBe(join(cwd, 'drafts/2023.txt'));
    expect(lines[2]).toMatch(/^ {2}59:7 +error {2}（七）总计 · 自然人: 79 ≠ 63 \(= 30 \+ 6 .*\) +table-sum$/);
    expect(out).not.toContain('ok.md');
    expect(out).toMatch(/✖ 2 problems \(2 errors, 0 warnings\)/);
  });

  it('prints ESLint’s JSON result array with --format json', async () => {
    const { code, out, cwd } = await lint(['--format', 'json', 'a.txt', 'b.txt'], { 'a.txt': unbalanced, 'b.txt': clean });
    expect(code).toBe(1);
    const results = JSON.parse(out) as LintResult[];
    expect(results.map((r) => [r.filePath, r.errorCount, r.warningCount])).toEqual([
      [join(cwd, 'a.txt'), 2, 0],
      [join(cwd, 'b.txt'), 0, 0],
    ]);
    expect(results[0]!.messages[0]).toMatchObject({
      ruleId: 'table-sum',
      severity: 2,
      message: expect.stringContaining('（七）总计 · 自然人: 79 ≠ 63') as unknown,
      line: 59,
      column: 7,
      endLine: 59,
      endColumn: 9,
    });
  });

  it('prints SARIF 2.1.0 with --format=sarif', async () => {
    const { code, out } = await lint(['--format=sarif', 'a.txt'], { 'a.txt': unbalanced });
    expect(code).toBe(1);
    const log = JSON.parse(out) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ['table-sum', 59],
      ['table-sum', 59],
    ]);
  });

  it('reads stdin with -', async () => {
    const { code, out } = await lint(['--format', 'json', '-'], {}, unbalanced);
    expect(code).toBe(1);
    expect((JSON.parse(out) as LintResult[])[0]).toMatchObject({ filePath: '<stdin>', errorCount: 2 });
  });

  it('reads DOCX and HTML drafts found in a folder', async () => {
    const docx = await generateReport({ seed: 5, format: 'docx', defect: 'table-sum' });
    const html = await generateReport({ seed: 6, format: 'html', defect: null });
    const { code, out, cwd } = await lint(['--format', 'json', 'in'], { [`in/${docx.name}`]: docx.bytes, [`in/sub/${html.name}`]: html.bytes });
    const results = JSON.parse(out) as LintResult[];
    expect(results.map((r) => r.filePath).sort()).toEqual([join(cwd, 'in', docx.name), join(cwd, 'in/sub', html.name)].sort());
    const docxResult = results.find((r) => r.filePath.endsWith('.docx'))!;
    expect(docxResult.messages.map((m) => m.ruleId)).toContain('table-sum');
    expect(code).toBe(1);
  });

  it('expands globs', async () => {
    const { code, out, cwd } = await lint(['--format', 'json', 'reports/**/*.txt'], {
      'reports/2023/a.txt': clean,
      'reports/2023/b.txt': unbalanced,
      'reports/c.md': unbalanced,
    });
    expect(code).toBe(1);
    expect((JSON.parse(out) as LintResult[]).map((r) => r.filePath)).toEqual([join(cwd, 'reports/2023/a.txt'), join(cwd, 'reports/2023/b.txt')]);
  });

  it('changes severities with --rule and with xxgk.config.json', async () => {
    expect((await lint(['--rule', 'table-sum:off', 'a.txt'], { 'a.txt': unbalanced })).code).toBe(0);
    const warned = await lint(['--rule', 'table-sum:1', 'a.txt'], { 'a.txt': unbalanced });
    expect(warned.code).toBe(0);
    expect(warned.out).toMatch(/✖ 2 problems \(0 errors, 2 warnings\)/);
    const configured = await lint(['a.txt'], { 'a.txt': unbalanced, 'xxgk.config.json': '{"rules":{"table-sum":"warn"}}' });
    expect(configured.code).toBe(0);
    expect(configured.out).toContain('warning');
    const explicit = await lint(['--config', 'conf/strict.json', 'a.txt'], { 'a.txt': summary, 'conf/strict.json': '{"preset":"strict"}' });
    expect(explicit.code).toBe(1);
    expect(explicit.out).toMatch(/1:1 +error +.*工作总结.* +document-kind/);
  });

  it('honours disable directives written in the draft', async () => {
    const lines = unbalanced.split('\n');
    const at = lines.findIndex((l) => l.startsWith('（七）总计'));
    const nextLine = [...lines.slice(0, at), '【xxgk-disable-next-line table-sum】', ...lines.slice(at)].join('\n');
    expect((await lint(['a.txt'], { 'a.txt': nextLine })).code).toBe(0);
    const wholeDocument = unbalanced.replace('\n\n一、总体情况', '\n// xxgk-disable table-sum\n\n一、总体情况');
    expect((await lint(['a.txt'], { 'a.txt': wholeDocument })).code).toBe(0);
    const otherRule = unbalanced.replace('\n\n一、总体情况', '\n// xxgk-disable blank-total\n\n一、总体情况');
    expect((await lint(['a.txt'], { 'a.txt': otherRule })).code).toBe(1);
  });

  it('--quiet hides warnings and --max-warnings turns them into a failure', async () => {
    const plain = await lint(['summary.txt'], { 'summary.txt': summary });
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/1:1 +warning .* document-kind/);
    const quiet = await lint(['--quiet', 'summary.txt'], { 'summary.txt': summary });
    expect([quiet.code, quiet.out]).toEqual([0, '']);
    const strict = await lint(['--max-warnings', '0', 'summary.txt'], { 'summary.txt': summary });
    expect(strict.code).toBe(1);
    expect(strict.err).toBe('xxgk lint: 1 warning, more than the maximum of 0 (--max-warnings)\n');
    expect((await lint(['--max-warnings', '1', 'summary.txt'], { 'summary.txt': summary })).code).toBe(0);
  });

  it('gives a report last year’s report of the same agency (cross-year rules)', async () => {
    const { code, out, cwd } = await lint(['--format', 'json', '.'], { '2022.txt': lastYear, '2023.txt': clean });
    const results = JSON.parse(out) as LintResult[];
    expect(results.map((r) => r.filePath)).toEqual([join(cwd, '2022.txt'), join(cwd, '2023.txt')]);
    expect(results[0]!.messages).toEqual([]);
    // The built 2023 report also repeats the 2022 report's prose (copied-text needs last year's text too).
    expect(results[1]!.messages).toMatchObject([
      { ruleId: 'copied-text', severity: 1, line: 6, column: 1, message: '本报告正文 95% 照搬2022年报告（422/442 字，9 段），此为首个照搬段落' },
      { ruleId: 'carryover-mismatch', severity: 2, line: 32, column: 30, message: '上年结转 3 件，但2022年报告的结转下年度为 5 件' },
    ]);
    expect(code).toBe(1);
    // Alone, the 2023 report has nothing to compare with.
    expect((await lint(['2023.txt'], { '2023.txt': clean })).code).toBe(0);
  });

  it('--fix removes conversion residue from a text draft and writes the file', async () => {
    const draft = clean.replace('二、主动公开政府信息情况', '二、主动公开政府信息情况{#_Toc8721 .anchor}');
    const before = await lint(['a.txt'], { 'a.txt': draft });
    expect(before.out).toContain('conversion-artifact');
    const { code, out, cwd } = await lint(['--fix', 'a.txt'], { 'a.txt': draft });
    expect([code, out]).toEqual([0, '']);
    expect(readFileSync(join(cwd, 'a.txt'), 'utf8')).toBe(clean);
  });

  it('exits 2 with a one-line reason for unreadable input', async () => {
    const missing = await lint(['nope.txt'], {});
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('xxgk lint: cannot read nope.txt: no such file or no match\n');
    const empty = await lint(['empty.txt', 'ok.txt'], { 'empty.txt': '', 'ok.txt': clean });
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/^xxgk lint: cannot read empty\.txt: EMPTY_INPUT: .*\n$/);
    const binary = await lint(['blob.pdf'], { 'blob.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0xff, 0]) });
    expect(binary.code).toBe(2);
    expect(binary.err.split('\n')).toHaveLength(2);
  });

  it('exits 2 on bad usage', async () => {
    for (const args of [[], ['--format', 'xml', 'a.txt'], ['--bogus', 'a.txt'], ['--rule', 'table-sum', 'a.txt'], ['--rule', 'no-such-rule:error', 'a.txt'], ['--max-warnings', 'many', 'a.txt'], ['--format']]) {
      const { code, err } = await lint(args, { 'a.txt': clean });
      expect(code, args.join(' ')).toBe(2);
      expect(err.split('\n'), args.join(' ')).toHaveLength(2);
    }
    const badConfig = await lint(['a.txt'], { 'a.txt': clean, 'xxgk.config.json': '{"rules":{"table-sum":"loud"}}' });
    expect(badConfig.code).toBe(2);
    expect(badConfig.err).toMatch(/^xxgk lint: INVALID_CONFIG: /);
  });

  it('prints its usage with --help', async () => {
    const { code, out } = await lint(['--help'], {});
    expect(code).toBe(0);
    expect(out).toContain('Usage: xxgk lint');
  });
});

describe('previousReports', () => {
  it('pairs reports of one agency in consecutive years only', () => {
    const a2022 = buildReport({ year: 2022 });
    const a2023 = buildReport({ year: 2023 });
    const a2021 = buildReport({ year: 2021 });
    const other2022 = buildReport({ year: 2022, agency: { name: '临江市财政局' } });
    const pairs = previousReports([a2023, other2022, a2021, a2022]);
    expect(pairs.get(a2023)).toBe(a2022);
    expect(pairs.get(a2022)).toBe(a2021);
    expect(pairs.has(a2021)).toBe(false);
    expect(pairs.has(other2022)).toBe(false);
  });
});
