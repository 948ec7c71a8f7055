import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@xxgk/parse';
import { cellAt } from '@xxgk/schema';
import { describe, expect, it } from 'vitest';
import { lintReport } from '../src/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = process.env.XXGK_CORPUS_DIR ?? resolve(repoRoot, '../shared');

async function lintFile(dir: string, name: string) {
  const { report, text } = await parse(readFileSync(join(shared, dir, name)), { name });
  return { report, messages: lintReport(report, { text }) };
}

/** DESIGN.md “What the seeds show”, for the rules the linter has (by seed number). */
const EXPECTED: Record<string, string[]> = {
  '000': ['document-kind', 'required-section', 'statistics-period'],
  '001': ['document-kind', 'garbled-text', 'multiple-documents', 'placeholder', 'subtotal-exceeds-total'],
  '002': ['subtotal-exceeds-total'],
  '003': ['conversion-artifact', 'document-kind', 'required-section'],
  '004': ['contradiction', 'required-section'],
};

describe('seeds', () => {
  const seeds = readdirSync(join(shared, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
  it('has the five seeds', () => {
    expect(seeds.map((s) => s.slice(0, 3))).toEqual(Object.keys(EXPECTED));
  });
  for (const seed of seeds) {
    it(`${seed}: reports what DESIGN.md says the seed shows, and no rule crashes`, async () => {
      const { messages } = await lintFile('seeds', seed);
      expect(messages.filter((m) => m.messageId === undefined)).toEqual([]);
      const ids = new Set(messages.map((m) => m.ruleId));
      for (const id of EXPECTED[seed.slice(0, 3)] ?? []) expect([...ids], id).toContain(id);
    });
  }
});

/** Where `snippet` first stands in the seed (1-based line and column). */
function positionOf(text: string, snippet: string): { line: number; column: number } {
  const offset = text.indexOf(snippet);
  if (offset === -1) throw new Error(`snippet not found: ${snippet}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

describe('seeds: the findings DESIGN.md lists, at their places', () => {
  const seed = (prefix: string) => {
    const name = readdirSync(join(shared, 'seeds')).find((f) => f.startsWith(prefix));
    if (name === undefined) throw new Error(`no seed ${prefix}`);
    return name;
  };

  it('001: 20**年 placeholder, ?,F mojibake, 258 < 152+65+39+18 = 274, three articles', async () => {
    const name = seed('001');
    const text = readFileSync(join(shared, 'seeds', name), 'utf8');
    const { messages } = await lintFile('seeds', name);
    const at = (ruleId: string, snippet: string) =>
      messages.find((m) => m.ruleId === ruleId && m.line === positionOf(text, snippet).line && m.column === positionOf(text, snippet).column);
    expect(at('placeholder', '20**')).toMatchObject({ severity: 2 });
    expect(at('garbled-text', '?,F')).toMatchObject({ severity: 2 });
    const subtotal = messages.find((m) => m.ruleId === 'subtotal-exceeds-total');
    expect(subtotal?.message).toContain('258');
    expect(subtotal?.message).toContain('274');
    expect(subtotal?.message).toContain('152+65+39+18');
    expect(messages.filter((m) => m.ruleId === 'multiple-documents')).toHaveLength(2);
  });

  it('004: 依申请公开2件 contradicted by 未收到此类申请; 336 = 70 + 266 is not flagged', async () => {
    const name = seed('004');
    const { messages } = await lintFile('seeds', name);
    const contradiction = messages.filter((m) => m.ruleId === 'contradiction');
    expect(contradiction).toHaveLength(1);
    expect(contradiction[0]?.message).toContain('2件');
    expect(messages.filter((m) => m.ruleId === 'subtotal-exceeds-total')).toEqual([]);
  });

  it('000 counts only to 12月10日; 003 carries [image: image1.png]', async () => {
    const period = (await lintFile('seeds', seed('000'))).messages.find((m) => m.ruleId === 'statistics-period');
    expect(period?.message).toContain('12月10日');
    const text = readFileSync(join(shared, 'seeds', seed('003')), 'utf8');
    const artifact = (await lintFile('seeds', seed('003'))).messages.find((m) => m.ruleId === 'conversion-artifact');
    expect(artifact).toMatchObject(positionOf(text, '[image: image1.png]'));
  });
});

describe('corpus', () => {
  const files = readdirSync(join(shared, 'corpus'))
    .filter((f) => !f.endsWith('.json') && f !== 'README.md')
    .sort();
  for (const file of files) {
    const expectedFile = join(shared, 'corpus', file.replace(/\.[a-z]+$/, '.expected.json'));
    const expected = existsSync(expectedFile)
      ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as { publishedTablesBalance: boolean; cells: Record<string, number | null> })
      : null;
    it(`${file}: no rule crashes; tables that add up raise no table error, tables that don't, do`, async () => {
      const { report, messages } = await lintFile('corpus', file);
      expect(messages.filter((m) => m.messageId === undefined)).toEqual([]);
      if (report.template === 'legacy-2008') return;
      const arithmetic = messages.filter((m) => (m.ruleId === 'table-sum' || m.ruleId === 'application-balance') && m.severity === 2);
      if (expected === null || expected.publishedTablesBalance) {
        expect(arithmetic.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
      } else {
        expect(arithmetic.length).toBeGreaterThan(0);
        // Every error points at a cell of the table (a path the expected cells name), at its place in the draft.
        for (const m of arithmetic) {
          expect(Object.keys(expected.cells)).toContain(m.path);
          const cell = cellAt(report, m.path ?? '');
          const span = cell !== null && typeof cell === 'object' ? cell?.span : null;
          expect(span).toMatchObject({ line: m.line, column: m.column });
        }
      }
    });
  }
  it('prose that holds is not flagged: category counts (机构职能类信息594条) are not the 主动公开 total, years are right', async () => {
    const flagged: string[] = [];
    for (const file of files) {
      const { messages } = await lintFile('corpus', file);
      for (const m of messages) if (m.ruleId === 'contradiction' || m.ruleId === 'year-mismatch') flagged.push(`${file}:${m.line} ${m.message}`);
    }
    expect(flagged).toEqual([]);
  });
});
