import { parse } from '@xxgk/parse';
import type { LintMessage } from '@xxgk/schema';
import { generateReport } from '@xxgk/synth';
import type { DefectId } from '@xxgk/synth';
import { describe, expect, it } from 'vitest';
import { findingFingerprints, lintReport, normaliseFingerprintText } from '../src/index.js';

const PARAGRAPH = '我局高度重视政务公开工作，主要负责同志多次听取专题汇报，研究部署年度重点任务，现将有关情况报告如下。';

async function lintText(text: string): Promise<{ messages: LintMessage[]; fingerprints: string[] }> {
  const parsed = await parse(text, { name: 'report.txt' });
  const messages = lintReport(parsed.report, { text: parsed.text });
  return { messages, fingerprints: findingFingerprints(messages, parsed.text) };
}

async function generated(seed: number, defect: DefectId): Promise<string> {
  const g = await generateReport({ seed, format: 'text', defect });
  if (g.text === null) throw new Error('text format has text');
  return g.text;
}

/** Inserts a paragraph after the first heading (一、总体情况), above every finding in the body. */
function insertParagraph(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('一、'));
  expect(at).toBeGreaterThan(0);
  lines.splice(at + 1, 0, PARAGRAPH);
  return lines.join('\n');
}

const DEFECTS: DefectId[] = [
  'placeholder',
  'garbled-text',
  'conversion-artifact',
  'subtotal-exceeds-total',
  'table-sum',
  'invalid-number',
  'required-section',
  'statistics-period',
  'contradiction',
];

describe('findingFingerprints', () => {
  it('gives each finding of a report its own fingerprint', async () => {
    for (const defect of DEFECTS) {
      const { messages, fingerprints } = await lintText(await generated(7, defect));
      expect(messages.length, defect).toBeGreaterThan(0);
      expect(fingerprints).toHaveLength(messages.length);
      expect(new Set(fingerprints).size, defect).toBe(fingerprints.length);
      for (const fp of fingerprints) expect(fp).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  it('insert a paragraph above: fingerprints unchanged, though the findings moved', async () => {
    let moved = 0;
    for (const defect of DEFECTS) {
      for (const seed of [3, 21]) {
        const text = await generated(seed, defect);
        const before = await lintText(text);
        const after = await lintText(insertParagraph(text));
        expect(after.messages.map((m) => m.ruleId), `${defect} #${seed}`).toEqual(before.messages.map((m) => m.ruleId));
        expect(after.fingerprints, `${defect} #${seed}`).toEqual(before.fingerprints);
        moved += after.messages.filter((m, i) => m.line !== before.messages[i]?.line).length;
      }
    }
    // The test means something only if findings did change line.
    expect(moved).toBeGreaterThan(DEFECTS.length);
  });

  it('a table cell keeps its fingerprint when its figures change', async () => {
    const text = await generated(9, 'table-sum');
    const before = await lintText(text);
    const finding = before.messages.find((m) => m.ruleId === 'table-sum');
    expect(finding?.path).toBeDefined();
    if (finding === undefined) return;
    // Edit the offending cell's figure in place: the cell still does not add up, with other numbers.
    const lines = text.split('\n');
    const line = lines[finding.line - 1] ?? '';
    const figure = line.slice(finding.column - 1, (finding.endColumn ?? finding.column) - 1);
    expect(figure).toMatch(/^\d+$/);
    const edited = String(Number(figure) + 1000);
    lines[finding.line - 1] = line.slice(0, finding.column - 1) + edited + line.slice((finding.endColumn ?? finding.column) - 1);
    const after = await lintText(lines.join('\n'));
    const same = after.messages.findIndex((m) => m.ruleId === 'table-sum' && m.path === finding.path);
    expect(same).toBeGreaterThanOrEqual(0);
    expect(after.messages[same]?.message).not.toBe(finding.message);
    expect(after.fingerprints[same]).toBe(before.fingerprints[before.messages.indexOf(finding)]);
  });

  it('ignores the wording of the message (a rule upgrade) but not the rule or the place', async () => {
    const text = await generated(4, 'placeholder');
    const { messages, fingerprints } = await lintText(text);
    const reworded = messages.map((m) => ({ ...m, message: `新版规则：${m.message.replace(/未替换为实际内容/u, '仍在文中')}` }));
    expect(findingFingerprints(reworded, text)).toEqual(fingerprints);
    const otherRule = messages.map((m) => ({ ...m, ruleId: 'garbled-text' }));
    expect(findingFingerprints(otherRule, text)).not.toEqual(fingerprints);
    const first = messages[0];
    expect(first).toBeDefined();
    if (first === undefined) return;
    // The same snippet elsewhere (another line with other context) is another finding.
    const lines = text.split('\n');
    const elsewhere = lines.findIndex((l, i) => i > first.line && l.length > 10 && !l.includes('20**'));
    const moved = { ...first, line: elsewhere + 1, column: 3, endLine: elsewhere + 1, endColumn: 7 };
    expect(findingFingerprints([moved], text)[0]).not.toBe(fingerprints[0]);
  });

  it('tells identical findings apart by occurrence and by what the message quotes', () => {
    const base = { ruleId: 'required-section', severity: 2 as const, line: 1, column: 1, endLine: 1, endColumn: 5 };
    const text = '某某报告\n一、总体情况';
    const a = { ...base, message: '缺少“五、存在的主要问题及改进情况”部分' };
    const b = { ...base, message: '缺少“六、其他需要报告的事项”部分' };
    const [fa, fb] = findingFingerprints([a, b], text);
    expect(fa).not.toBe(fb);
    // One of two missing sections added: the other keeps its fingerprint.
    expect(findingFingerprints([b], text)[0]).toBe(fb);
    const twice = findingFingerprints([a, a], text);
    expect(twice[0]).not.toBe(twice[1]);
    expect(twice[0]).toBe(fa);
  });

  it('works without the text, from the rule, the path and the quoted parts', () => {
    const m = { ruleId: 'table-sum', severity: 2 as const, message: '总计: 3 ≠ 4', line: 60, column: 3, path: 'applications.results.total.total' };
    expect(findingFingerprints([m])).toEqual(findingFingerprints([{ ...m, line: 61, message: '总计: 5 ≠ 9' }], 'x'));
  });

  it('normalises width, whitespace and figures', () => {
    expect(normaliseFingerprintText('２０２１年 共 12 条')).toBe(normaliseFingerprintText('2022年共3条'));
  });
});
