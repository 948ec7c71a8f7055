import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@xxgk/parse';
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

describe('corpus', () => {
  const files = readdirSync(join(shared, 'corpus'))
    .filter((f) => !f.endsWith('.json') && f !== 'README.md')
    .sort();
  for (const file of files) {
    it(`${file}: no rule crashes; real tables that add up raise no table finding`, async () => {
      const { report, messages } = await lintFile('corpus', file);
      expect(messages.filter((m) => m.messageId === undefined)).toEqual([]);
      if (report.template !== 'legacy-2008') {
        const arithmetic = messages.filter((m) => m.ruleId === 'table-sum' || m.ruleId === 'application-balance');
        expect(arithmetic.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
      }
    });
  }
});
