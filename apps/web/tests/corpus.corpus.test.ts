import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDefaultAnalyzer } from '@xxgk/store';
import type { DocNode } from '../src/client/doc.js';
import { buildDocument, detectFormat } from '../src/client/doc.js';
import type { Finding } from '../src/client/positions.js';
import { placeFindings } from '../src/client/positions.js';
import { titleOf } from '../src/client/summary.js';
import { markCells, numberTables } from '../src/client/tables.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const corpusDir = process.env.XXGK_CORPUS_DIR ?? resolve(repoRoot, '../shared');
const TEXT_FORMATS = /\.(html?|md|txt)$/i;

async function documents(): Promise<string[]> {
  const out: string[] = [];
  for (const sub of ['corpus', 'seeds']) {
    const dir = join(corpusDir, sub);
    for (const name of (await readdir(dir)).sort()) if (TEXT_FORMATS.test(name) && name !== 'README.md') out.push(join(dir, name));
  }
  return out;
}

/** Text pieces in document order. */
function pieces(node: DocNode, out: { start: number; end: number; text: string; literal: boolean }[] = []) {
  if (node.kind === 'text') out.push(node);
  else for (const c of node.children) pieces(c, out);
  return out;
}

const files = await documents();
const analyzer = createDefaultAnalyzer();

describe('the page’s reading of real reports', () => {
  it('finds the real documents', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files.map((f) => [f.slice(corpusDir.length + 1), f]))('%s: text pieces map to the source, tables are numbered, title read, findings placed', async (_name, file) => {
    const parsed = await analyzer.parse(new Uint8Array(await readFile(file)), { name: file });
    const text = parsed.text;
    const format = detectFormat(text, file);
    const root = buildDocument(text, format);
    const all = pieces(root);
    let last = 0;
    for (const p of all) {
      expect(p.start).toBeGreaterThanOrEqual(last);
      if (p.literal) expect(text.slice(p.start, p.end)).toBe(p.text);
      last = p.end;
    }
    // HTML and Markdown reports carry real tables: the page draws them as tables.
    if (format !== 'text') {
      // …each under its section: 表二, 表三, 表四 for the tables the parser read.
      const numbers = new Set(numberTables(root).values());
      if (parsed.report.proactive) expect(numbers).toContain(2);
      if (parsed.report.applications) expect(numbers).toContain(3);
      if (parsed.report.reviewLitigation) expect(numbers).toContain(4);
    }
    // The summary's reading of the title agrees with the parser on the year.
    if (parsed.report.year != null) expect(titleOf(text)?.year).toBe(parsed.report.year);
    const messages = (await analyzer.lint(parsed.report, { text })) as readonly Finding[];
    const placed = placeFindings(text, messages);
    for (const p of placed) {
      expect(p.start).toBeGreaterThanOrEqual(0);
      expect(p.end).toBeLessThanOrEqual(text.length);
      expect(p.end).toBeGreaterThanOrEqual(p.start);
    }
    // A table-sum finding of an HTML or Markdown report marks the table cell it points at.
    if (format !== 'text') {
      const inCells = new Set(markCells(root, placed).flatMap((m) => m.findings));
      for (const p of placed.filter((q) => q.finding.ruleId === 'table-sum')) {
        expect(inCells.has(p.index), `${p.finding.message} at ${p.finding.line}:${p.finding.column}`).toBe(true);
      }
    }
  });
});
