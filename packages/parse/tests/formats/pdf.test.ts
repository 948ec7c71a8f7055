import { national2021 } from '@xxgk/schema/templates';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocCell, DocParagraph, DocTable, SourceDocument } from '../../src/document.js';
import { ParseError } from '../../src/errors.js';
import { createPdfProcessor, pdfProcessor } from '../../src/formats/pdf.js';
import { PdfWriter, textWidth } from '../fixtures/pdf/pdf-writer.js';
import { drawTable, generatePages, generateReport, generateScan, wrap, type GeneratedReport, type TableSpec } from '../fixtures/pdf/report.js';

const NUMBER = /^\d+$/u;

function tables(doc: SourceDocument): DocTable[] {
  return doc.blocks.filter((b): b is DocTable => b.type === 'table');
}

function paragraphs(doc: SourceDocument): DocParagraph[] {
  return doc.blocks.filter((b): b is DocParagraph => b.type === 'paragraph');
}

function numbers(row: readonly DocCell[]): number[] {
  return row.filter((c) => NUMBER.test(c.text)).map((c) => Number(c.text));
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof ParseError ? error.code : `not a ParseError: ${String(error)}`;
  }
}

describe('pdfProcessor.sniff', () => {
  it('recognises the %PDF- magic, also after a few junk bytes', () => {
    const report = generateReport();
    expect(pdfProcessor.sniff(report.bytes)).toBe(true);
    const junk = new Uint8Array([0x0a, 0x0d, ...report.bytes.slice(0, 64)]);
    expect(pdfProcessor.sniff(junk)).toBe(true);
  });

  it('rejects text, DOCX (zip) and empty input', () => {
    expect(pdfProcessor.sniff(new TextEncoder().encode('政府信息公开工作年度报告'))).toBe(false);
    expect(pdfProcessor.sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe(false);
    expect(pdfProcessor.sniff(new Uint8Array())).toBe(false);
    expect(pdfProcessor.format).toBe('pdf');
    expect(pdfProcessor.extensions).toContain('.pdf');
  });
});

describe('pdfProcessor.toDocument on a generated report', () => {
  let report: GeneratedReport;
  let doc: SourceDocument;

  beforeAll(async () => {
    report = generateReport();
    doc = await pdfProcessor.toDocument({ bytes: report.bytes, name: 'report.pdf' });
  }, 30_000);

  it('reads the text one visual line per line, CJK joined without spaces, Latin words spaced', () => {
    expect(doc.format).toBe('pdf');
    const lines = doc.text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['示例县人民政府', '2025年政府信息公开工作年度报告']);
    expect(lines).toContain('一、总体情况');
    expect(doc.text).toContain('2025年1月1日起至2025年12月31');
    expect(doc.text).toContain('对照ISO 9001质量管理要求');
  });

  it('drops the page numbers', () => {
    expect(doc.text).not.toMatch(/-\s*\d\s*-/u);
  });

  it('drops a running header and 第 N 页 共 M 页 footers', async () => {
    const pages = await pdfProcessor.toDocument({ bytes: generatePages(4, { header: '示例县人民政府办公室' }) });
    expect(pages.text).not.toContain('示例县人民政府办公室');
    expect(pages.text).not.toMatch(/第 \d 页/u);
    expect(paragraphs(pages)).toHaveLength(4);
  });

  it('groups wrapped lines into paragraphs, also across a page break, with offsets', () => {
    const texts = paragraphs(doc).map((p) => p.text);
    for (const written of report.truth.paragraphs) expect(texts).toContain(written);
    // The title, centred over two lines, is one paragraph.
    expect(texts[0]).toBe('示例县人民政府2025年政府信息公开工作年度报告');
    for (const p of paragraphs(doc)) {
      const offsets = p.offsets ?? [...p.text].map((_, i) => p.start + i);
      expect(offsets).toHaveLength(p.text.length + (p.offsets === undefined ? 0 : 1));
      [...p.text].forEach((ch, i) => expect(doc.text[offsets[i] ?? -1]).toBe(ch));
      expect(doc.text.slice(p.start, p.end).replace(/\n/gu, '')).toBe(p.text);
    }
  });

  it('finds 表二, 表三 and 表四 as tables, in reading order between the headings', () => {
    const kinds = doc.blocks.map((b) => (b.type === 'table' ? 'table' : b.text.slice(0, 2)));
    expect(kinds.slice(4)).toEqual(['二、', 'table', '三、', 'table', '四、', 'table', '五、', '下一']);
    expect(tables(doc)).toHaveLength(3);
  });

  it('reads 表二 cell by cell, captions as full-width rows', () => {
    const [proactive] = tables(doc);
    const captions = proactive?.rows.filter((r) => r.length === 1 && r[0]?.colSpan === 4).map((r) => r[0]?.text);
    expect(captions).toEqual(national2021.proactive?.captions);
    for (const row of proactive?.rows ?? []) {
      const values = numbers(row);
      if (values.length === 0) continue;
      const defs = (national2021.proactive?.cells ?? []).filter((d) => d.row === row[0]?.text);
      expect(values).toEqual(defs.map((d) => report.truth.proactive.get(d.path)));
    }
  });

  it('merges 表三 across the page break: 续表 and repeated header dropped, cut label cells joined', () => {
    const [, applications] = tables(doc);
    expect(applications?.rows).toHaveLength(report.truth.applicationRows);
    const header = applications?.rows.slice(0, 3).map((r) => r.map((c) => [c.text, c.rowSpan, c.colSpan]));
    expect(header?.[0]).toEqual([
      [national2021.applications?.cornerNote, 3, 3],
      ['申请人情况', 1, 7],
    ]);
    expect(header?.[1]).toEqual([
      ['自然人', 2, 1],
      ['法人或其他组织', 1, 5],
      ['总计', 2, 1],
    ]);
    expect(doc.text).not.toContain('续表');
    // Header rows appear once although page 3 repeats them.
    expect(applications?.rows.filter((r) => r.some((c) => c.text === '申请人情况'))).toHaveLength(1);
    const cells = applications?.rows.flat() ?? [];
    // 三、本年度办理结果 spans all 22 result rows, and （四）无法提供 its 3 items, across the break.
    expect(cells.find((c) => c.text === '三、本年度办理结果')?.rowSpan).toBe(22);
    expect(cells.find((c) => c.text === '（四）无法提供')?.rowSpan).toBe(3);
    expect(cells.filter((c) => c.text === '')).toHaveLength(0);
  });

  it('puts every 表三 number in its row, wrapped labels read as one cell', () => {
    const [, applications] = tables(doc);
    const rows = (national2021.applications?.rows ?? []).filter((r) => r.path !== null);
    const dataRows = (applications?.rows ?? []).filter((r) => numbers(r).length === 7);
    expect(dataRows).toHaveLength(rows.length);
    dataRows.forEach((row, i) => {
      const def = rows[i];
      const label = row.filter((c) => !NUMBER.test(c.text)).at(-1);
      expect(label?.text).toBe(def?.label);
      expect(numbers(row)).toEqual(report.truth.applications.get(def?.path ?? ''));
    });
    // The long （六） labels wrap over two lines inside their cells.
    expect(dataRows.some((r) => r.some((c) => c.text.length > 30))).toBe(true);
  });

  it('reads 表四: two-line column headers joined, 15 numbers in one row', () => {
    const [, , review] = tables(doc);
    expect(review?.rows[0]?.map((c) => [c.text, c.colSpan])).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    expect(review?.rows[2]?.map((c) => c.text).slice(0, 5)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(numbers(review?.rows[3] ?? [])).toEqual(report.truth.review);
  });

  it('gives every cell a span whose slice of the text is the cell text', () => {
    for (const table of tables(doc)) {
      expect(doc.text.slice(table.start, table.end).split('\n')).toHaveLength(table.rows.length);
      for (const cell of table.rows.flat()) expect(doc.text.slice(cell.start, cell.end)).toBe(cell.text);
    }
  });
});

describe('pdfProcessor errors', () => {
  it('reports a truncated file as TRUNCATED_PDF', async () => {
    const { bytes } = generateReport();
    const truncated = bytes.slice(0, Math.floor(bytes.length * 0.6));
    expect(await codeOf(Promise.resolve(pdfProcessor.toDocument({ bytes: truncated })))).toBe('TRUNCATED_PDF');
  });

  it('reports a corrupt file as TRUNCATED_PDF', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nbroken\n%%EOF\n');
    expect(await codeOf(Promise.resolve(pdfProcessor.toDocument({ bytes })))).toBe('TRUNCATED_PDF');
  });

  it('reports a password-protected file as ENCRYPTED_PDF', async () => {
    const { bytes } = generateReport({ encryption: 'user-password' });
    expect(await codeOf(Promise.resolve(pdfProcessor.toDocument({ bytes })))).toBe('ENCRYPTED_PDF');
  });

  it('reads a file encrypted with an empty user password (owner restrictions only)', async () => {
    const { bytes, truth } = generateReport({ encryption: 'owner-password-only' });
    const doc = await pdfProcessor.toDocument({ bytes });
    expect(paragraphs(doc).map((p) => p.text)).toContain(truth.paragraphs[1]);
    expect(numbers(tables(doc)[2]?.rows[3] ?? [])).toEqual(truth.review);
  });

  it('reports a scan (no text but a page number) as NO_TEXT_LAYER', async () => {
    expect(await codeOf(Promise.resolve(pdfProcessor.toDocument({ bytes: generateScan() })))).toBe('NO_TEXT_LAYER');
  });

  it('refuses more pages than the limit with TOO_LARGE', async () => {
    const small = createPdfProcessor({ maxPages: 2 });
    expect(await codeOf(Promise.resolve(small.toDocument({ bytes: generatePages(3) })))).toBe('TOO_LARGE');
    const doc = await createPdfProcessor({ maxPages: 3 }).toDocument({ bytes: generatePages(3) });
    expect(paragraphs(doc)).toHaveLength(3);
  });

  it('gives up after the time limit with TOO_LARGE', async () => {
    const hasty = createPdfProcessor({ timeoutMs: 1 });
    expect(await codeOf(Promise.resolve(hasty.toDocument({ bytes: generatePages(40) })))).toBe('TOO_LARGE');
  });
});

describe('pdfProcessor layout details', () => {
  it('reads a bordered box holding one paragraph as text, not as a table', async () => {
    const writer = new PdfWriter();
    const page = writer.addPage();
    const line = '本机关全年未发生因政府信息公开引起的行政复议案件。';
    page.line(70, 700, 520, 700);
    page.line(70, 740, 520, 740);
    page.line(70, 700, 70, 740);
    page.line(520, 700, 520, 740);
    page.text(80, 715, 14, line);
    const doc = await pdfProcessor.toDocument({ bytes: writer.toBytes() });
    expect(tables(doc)).toHaveLength(0);
    expect(doc.text).toBe(line);
  });

  it('splits one text run drawn across a cell wall into its cells', async () => {
    const writer = new PdfWriter();
    const page = writer.addPage();
    for (const y of [700, 720, 740]) page.line(100, y, 300, y);
    for (const x of [100, 200, 300]) page.line(x, 700, x, 740);
    page.text(110, 725, 10, '行政规范性文件');
    // One run "12" + spaces + "34" spanning both columns of the second row.
    const run = `12${' '.repeat(Math.round((190 - textWidth('12', 10)) / 5) - 4)}34`;
    page.text(110, 705, 10, run);
    page.text(210, 725, 10, '本年制发件数');
    const doc = await pdfProcessor.toDocument({ bytes: writer.toBytes() });
    const [table] = tables(doc);
    expect(table?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['行政规范性文件', '本年制发件数'],
      ['12', '34'],
    ]);
  });

  it('reads a landscape page (/Rotate 90) in its reading frame', async () => {
    const writer = new PdfWriter();
    const page = writer.addPage({ rotate: 90 });
    const heading = '四、政府信息公开行政复议、行政诉讼情况';
    page.text(80, 540, 14, heading);
    const xs = [80, 280, 480, 680];
    for (const y of [460, 490, 520]) page.line(80, y, 680, y);
    for (const x of xs) page.line(x, 460, x, 520);
    ['行政复议', '未经复议直接起诉', '复议后起诉'].forEach((label, i) => page.text((xs[i] ?? 0) + 10, 500, 10, label));
    ['2', '1', '3'].forEach((value, i) => page.text((xs[i] ?? 0) + 10, 470, 10, value));
    const doc = await pdfProcessor.toDocument({ bytes: writer.toBytes() });
    expect(doc.text.split('\n')[0]).toBe(heading);
    expect(tables(doc)[0]?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['行政复议', '未经复议直接起诉', '复议后起诉'],
      ['2', '1', '3'],
    ]);
  });

  it('reads a Word-style table: borders as thin filled rectangles over white backgrounds', async () => {
    const writer = new PdfWriter();
    const page = writer.addPage();
    page.fillRect(0, 0, 595, 842, 1); // white page background
    const xs = [80, 180, 300, 420];
    const ys = [700, 680, 660];
    page.fillRect(80, 660, 340, 40, 1);
    for (const y of ys) page.fillRect(80, y - 0.25, 340, 0.5, 0);
    for (const x of xs) page.fillRect(x - 0.25, 660, 0.5, 40, 0);
    // A white-filled box elsewhere (a text highlight) draws no table.
    page.fillRect(80, 600, 340, 30, 1);
    page.text(90, 610, 12, '本年度未收取信息处理费');
    [['行政处罚', '行政强制', '行政许可'], ['12', '7', '305']].forEach((row, r) =>
      row.forEach((text, c) => page.text((xs[c] ?? 0) + 8, (ys[r] ?? 0) - 14, 10, text)),
    );
    const doc = await pdfProcessor.toDocument({ bytes: writer.toBytes() });
    expect(tables(doc)).toHaveLength(1);
    expect(tables(doc)[0]?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['行政处罚', '行政强制', '行政许可'],
      ['12', '7', '305'],
    ]);
    expect(doc.text.split('\n').at(-1)).toBe('本年度未收取信息处理费');
  });

  it('reads a label written up the page in a tall merged cell', async () => {
    const writer = new PdfWriter();
    const page = writer.addPage();
    const label = '三、本年度办理结果';
    // Columns: rotated label | item label | value; three item rows.
    const xs = [80, 110, 300, 380];
    const ys = [700, 670, 640, 610];
    page.line(80, 700, 380, 700);
    page.line(80, 610, 380, 610);
    for (const y of [670, 640]) page.line(110, y, 380, y);
    for (const x of xs) page.line(x, 610, x, 700);
    page.text(100, 615, 10, label, 'up');
    ['（一）予以公开', '（二）部分公开', '（七）总计'].forEach((text, i) => {
      page.text(118, (ys[i] ?? 0) - 20, 10, text);
      page.text(330, (ys[i] ?? 0) - 20, 10, String(i + 4));
    });
    const doc = await pdfProcessor.toDocument({ bytes: writer.toBytes() });
    const rows = tables(doc)[0]?.rows;
    expect(rows?.[0]?.map((c) => [c.text, c.rowSpan])).toEqual([
      [label, 3],
      ['（一）予以公开', 1],
      ['4', 1],
    ]);
    expect(rows?.map((r) => r.length)).toEqual([3, 2, 2]);
  });

  it('joins a row broken across the page: the wrapped label goes on, nothing else moves', async () => {
    const label = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
    const cols = [80, 200, 260, 320];
    const [head = '', ...tail] = wrap(label, 120 - 6, 10);
    // Row 2 holds the label's first line and the numbers; row 3 is its rest, on the next page.
    const spec: TableSpec = {
      cols,
      size: 10,
      cells: [
        { r: 0, c: 0, text: '办理结果' },
        { r: 0, c: 1, text: '自然人' },
        { r: 0, c: 2, text: '总计' },
        { r: 1, c: 0, text: '（一）予以公开' },
        { r: 1, c: 1, text: '6' },
        { r: 1, c: 2, text: '6' },
        { r: 2, c: 0, text: head },
        { r: 2, c: 1, text: '2' },
        { r: 2, c: 2, text: '2' },
        { r: 3, c: 0, text: tail.join('') },
        { r: 3, c: 1, text: '' },
        { r: 3, c: 2, text: '' },
        { r: 4, c: 0, text: '（七）总计' },
        { r: 4, c: 1, text: '8' },
        { r: 4, c: 2, text: '8' },
      ],
    };
    const writer = new PdfWriter();
    const first = writer.addPage();
    first.text(80, 200, 14, '三、收到和处理政府信息公开申请情况');
    drawTable(first, spec, [0, 1, 2], 180);
    drawTable(writer.addPage(), spec, [0, 3, 4], 780);
    const doc = await pdfProcessor.toDocument({ bytes: writer.toBytes() });
    expect(tables(doc)).toHaveLength(1);
    expect(tables(doc)[0]?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['办理结果', '自然人', '总计'],
      ['（一）予以公开', '6', '6'],
      [label, '2', '2'],
      ['（七）总计', '8', '8'],
    ]);
  });
});
