import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cellAt, cellValue } from '@xxgk/schema';
import { national2021 } from '@xxgk/schema/templates';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocCell, DocTable, SourceDocument } from '../../src/document.js';
import { pdfProcessor } from '../../src/formats/pdf.js';
import { parse } from '../../src/parse.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const corpusDir = resolve(process.env.XXGK_CORPUS_DIR ?? resolve(repoRoot, '../shared'), 'corpus');

interface Expected {
  readonly cells: Readonly<Record<string, number | null>>;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/u;

function tables(doc: SourceDocument): DocTable[] {
  return doc.blocks.filter((b): b is DocTable => b.type === 'table');
}

function numericCells(row: readonly DocCell[]): DocCell[] {
  return row.filter((c) => NUMBER.test(c.text));
}

function labelOf(row: readonly DocCell[]): string {
  return row
    .filter((c) => c.text !== '' && !NUMBER.test(c.text))
    .map((c) => c.text)
    .at(-1) ?? '';
}

const normal = (s: string): string => s.replace(/[\s"“”]/gu, '');

/** 表三 data rows by template path: matched by label, or by item number inside its group. */
function applicationRows(table: DocTable | undefined): Map<string, DocCell[]> {
  const rows = national2021.applications?.rows ?? [];
  const found = new Map<string, DocCell[]>();
  let group = '';
  for (const row of table?.rows ?? []) {
    const groupCell = row.find((c) => /^（[一二三四五六七]）/u.test(c.text) && c.rowSpan > 1);
    if (groupCell !== undefined) group = groupCell.text.slice(0, 3);
    const numbers = numericCells(row);
    if (numbers.length !== 7) continue;
    const label = normal(labelOf(row));
    const def =
      rows.find((r) => r.path !== null && [r.label, ...(r.aliases ?? [])].some((l) => normal(l) === label)) ??
      // A label misprinted in the report: the same item number inside the same group.
      rows.find((r) => r.path !== null && r.group === group && /^\d\./u.test(label) && r.label.startsWith(label.slice(0, 2)));
    if (def?.path != null) found.set(def.path, numbers);
  }
  return found;
}

describe('pdfProcessor on hongze-district_2024.pdf', () => {
  let doc: SourceDocument;
  let expected: Expected;

  beforeAll(async () => {
    const bytes = new Uint8Array(readFileSync(resolve(corpusDir, 'hongze-district_2024.pdf')));
    expected = JSON.parse(readFileSync(resolve(corpusDir, 'hongze-district_2024.expected.json'), 'utf8')) as Expected;
    doc = await pdfProcessor.toDocument({ bytes, name: 'hongze-district_2024.pdf' });
  }, 60_000);

  it('sniffs the file as PDF', () => {
    const bytes = new Uint8Array(readFileSync(resolve(corpusDir, 'hongze-district_2024.pdf')));
    expect(pdfProcessor.sniff(bytes)).toBe(true);
  });

  it('finds the three template tables, 表三 merged across its page break', () => {
    const found = tables(doc);
    expect(found).toHaveLength(3);
    const [proactive, applications, review] = found;
    // 表三: 3 header rows + 23 data rows ((六) has no sub-items in this report), one table.
    expect(applications?.rows).toHaveLength(26);
    const dataRows = (applications?.rows ?? []).filter((r) => numericCells(r).length === 7);
    expect(dataRows).toHaveLength(23);
    // The 三、本年度办理结果 label cell spans all 20 result rows, across the page break.
    const resultsLabel = applications?.rows[5]?.[0];
    expect(resultsLabel?.rowSpan).toBe(20);
    expect(resultsLabel?.text.startsWith('三、')).toBe(true);
    expect(review?.rows.at(-1)?.length).toBe(15);
    expect(proactive?.rows.filter((r) => numericCells(r).length > 0)).toHaveLength(6);
  });

  it('puts every 表三 number of expected.json in its cell', () => {
    const found = applicationRows(tables(doc)[1]);
    const columns = national2021.applications?.columns ?? [];
    // 25 template rows less the three （六） sub-items this report folds into one （六） row.
    expect([...found.keys()]).toHaveLength(22);
    for (const [path, numbers] of found) {
      columns.forEach((col, i) => expect(Number(numbers[i]?.text), `${path}.${col.key}`).toBe(expected.cells[`${path}.${col.key}`]));
    }
  });

  it('puts the 表二 and 表四 numbers of expected.json in their cells', () => {
    const [proactive, , review] = tables(doc);
    const cells = national2021.cells;
    for (const row of proactive?.rows ?? []) {
      const numbers = numericCells(row);
      if (numbers.length === 0) continue;
      const defs = cells.filter((c) => c.table === 'proactive' && c.row === row[0]?.text);
      expect(defs.length, row[0]?.text).toBe(numbers.length);
      defs.forEach((def, i) => expect(Number(numbers[i]?.text), def.path).toBe(expected.cells[def.path]));
    }
    const reviewDefs = cells.filter((c) => c.table === 'reviewLitigation');
    const values = numericCells(review?.rows.at(-1) ?? []);
    expect(values).toHaveLength(reviewDefs.length);
    reviewDefs.forEach((def, i) => expect(Number(values[i]?.text), def.path).toBe(expected.cells[def.path]));
  });

  it('gives every cell and block offsets into the text', () => {
    for (const block of doc.blocks) {
      if (block.type === 'table') {
        for (const cell of block.rows.flat()) expect(doc.text.slice(cell.start, cell.end)).toBe(cell.text);
      } else {
        const offsets = block.offsets ?? [...block.text].map((_, i) => block.start + i);
        [...block.text].forEach((ch, i) => {
          if (ch !== ' ') expect(doc.text[offsets[i] ?? -1]).toBe(ch);
        });
      }
    }
  });

  it('drops the page numbers and joins paragraphs across the page break', () => {
    expect(doc.text).not.toMatch(/^\s*[-—]\s*\d+\s*[-—]\s*$/mu);
    const headings = doc.blocks.filter((b) => b.type === 'paragraph' && /^[一二三四五六]、/u.test(b.text));
    expect(headings.map((b) => (b.type === 'paragraph' ? b.text.slice(0, 2) : ''))).toEqual([
      '一、',
      '二、',
      '三、',
      '四、',
      '五、',
      '六、',
    ]);
  });

  it('parse() reads every cell the PDF prints as expected.json says', async () => {
    const bytes = new Uint8Array(readFileSync(resolve(corpusDir, 'hongze-district_2024.pdf')));
    const { report } = await parse(bytes, { name: 'hongze-district_2024.pdf' });
    expect(report.source.format).toBe('pdf');
    expect(report.template).toBe('national-2021');
    expect(report.year).toBe(2024);
    // Cells of rows the PDF prints: 表二, 表四, and the 表三 rows found above (the report folds
    // （六）其他处理 into one row, so its three sub-items are not printed).
    const printed = new Set(applicationRows(tables(doc)[1]).keys());
    const paths = Object.keys(expected.cells).filter(
      (path) => !path.startsWith('applications.') || printed.has(path.slice(0, path.lastIndexOf('.'))),
    );
    expect(paths).toHaveLength(Object.keys(expected.cells).length - 21);
    const wrong = paths.filter((path) => cellValue(cellAt(report, path)) !== expected.cells[path]);
    expect(wrong).toEqual([]);
  }, 60_000);
});
