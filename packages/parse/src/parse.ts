import { createHash } from 'node:crypto';
import type { Diagnostic, Report, SourceFormat, TemplateId } from '@xxgk/schema';
import { templateForYear } from '@xxgk/schema/templates';
import { decodeText } from './decode/detect-encoding.js';
import { traditionalShare } from './decode/to-simplified.js';
import type { FormatProcessor, SourceDocument } from './document.js';
import { ParseError } from './errors.js';
import { extractFacts, extractFees, legacyQuantity } from './extract/facts.js';
import {
  documentKind,
  extractAgency,
  extractDocuments,
  extractPeriod,
  extractPublishedOn,
  extractTitle,
  extractYear,
} from './extract/metadata.js';
import { buildSections, findHeadings } from './extract/sections.js';
import { CELL, Stream } from './extract/stream.js';
import { extractTables } from './extract/tables.js';
import { docxProcessor } from './formats/docx.js';
import { htmlProcessor } from './formats/html.js';
import { markdownProcessor } from './formats/markdown.js';
import { textProcessor } from './formats/text.js';

export interface ParseOptions {
  /** File name: its extension helps choose the format. */
  name?: string;
  /** Force a format instead of sniffing. */
  format?: SourceFormat;
  /** Refuse inputs larger than this (default 50 MB). */
  maxBytes?: number;
}

export interface ParseResult {
  report: Report;
  document: SourceDocument;
  /** = document.text: what every span points into. */
  text: string;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

let pdfProcessor: FormatProcessor | null | undefined;

/** The PDF processor (src/formats/pdf.ts), loaded on first use: pdf.js is heavy and most inputs are text. */
async function loadPdf(): Promise<FormatProcessor | null> {
  if (pdfProcessor !== undefined) return pdfProcessor;
  try {
    pdfProcessor = (await import('./formats/pdf.js')).pdfProcessor;
  } catch {
    pdfProcessor = null;
  }
  return pdfProcessor;
}

function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function extension(name: string | undefined): string {
  const m = /\.[A-Za-z0-9]+$/.exec(name ?? '');
  return m ? m[0].toLowerCase() : '';
}

const TEXT_PROCESSORS: readonly FormatProcessor[] = [htmlProcessor, markdownProcessor, textProcessor];

async function toDocument(bytes: Uint8Array, options: ParseOptions): Promise<{ doc: SourceDocument; encoding: string }> {
  const ext = extension(options.name);
  const wanted = options.format;
  if (wanted === 'pdf' || (!wanted && (isPdf(bytes) || ext === '.pdf'))) {
    if (!isPdf(bytes)) throw new ParseError('TRUNCATED_PDF', 'The file has no PDF header.');
    const pdf = await loadPdf();
    if (!pdf) throw new ParseError('UNSUPPORTED_FORMAT', 'PDF support is not available in this build.');
    return { doc: await pdf.toDocument({ bytes, ...(options.name ? { name: options.name } : {}) }), encoding: 'binary' };
  }
  if (wanted === 'docx' || (!wanted && (docxProcessor.sniff(bytes) || ext === '.docx'))) {
    if (!docxProcessor.sniff(bytes)) throw new ParseError('TRUNCATED_DOCX', 'The file is not a DOCX (zip) file.');
    return { doc: await docxProcessor.toDocument({ bytes, ...(options.name ? { name: options.name } : {}) }), encoding: 'binary' };
  }
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw new ParseError('UNSUPPORTED_FORMAT', 'A zip archive that is not a DOCX document.');
  }
  return textDocument(bytes, options);
}

/** Decodes text bytes and runs the text, Markdown or HTML processor on them: all synchronous. */
function textDocument(bytes: Uint8Array, options: ParseOptions): { doc: SourceDocument; encoding: string } {
  const ext = extension(options.name);
  const decoded = decodeText(bytes);
  let processor: FormatProcessor | undefined;
  if (options.format) processor = TEXT_PROCESSORS.find((p) => p.format === options.format);
  processor ??= TEXT_PROCESSORS.find((p) => p.extensions.includes(ext));
  processor ??= TEXT_PROCESSORS.find((p) => p.sniff(bytes.subarray(0, 4096)));
  processor ??= textProcessor;
  // U+0000 cannot be stored as PostgreSQL text: read it as U+FFFD (same length, spans unchanged)
  const text = decoded.text.includes('\u0000') ? decoded.text.replaceAll('\u0000', '\ufffd') : decoded.text;
  const doc = processor.toDocument({ bytes, text, ...(options.name ? { name: options.name } : {}) });
  if (doc instanceof Promise) throw new ParseError('UNSUPPORTED_FORMAT', `The ${processor.format} processor is not synchronous.`);
  return { doc, encoding: decoded.encoding };
}

/**
 * Where the body of the (first) report ends: before the closing signature and date lines
 * (青禾县人民政府办公室 / 2023年1月20日), which belong to no section.
 */
function bodyEnd(stream: Stream, nextDocument: number | undefined, agencyName: string): number {
  const limit = nextDocument ?? stream.flat.length;
  const blocks = stream.blocks.filter((b) => b.to <= limit && b.block.type !== 'table' && !(b.block.type === 'heading' && b.block.level === 0));
  const textOf = (i: number): string => {
    const b = blocks[i];
    return b ? stream.norm.slice(b.from, b.to).trim() : '';
  };
  const isDate = (t: string): boolean => /^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(t);
  const isSignature = (t: string): boolean => t.length > 0 && t.length <= 30 && !/[。,;:\t\d]/.test(t) && !/^[一二三四五六七八九十]+、/.test(t);
  // the date line, ignoring page chrome after it (footers, 打印本页)
  for (let i = blocks.length - 1; i >= 0 && i >= blocks.length - 8; i--) {
    if (!isDate(textOf(i))) continue;
    let end = blocks[i]?.from ?? limit;
    for (let j = i - 1; j >= 0 && j >= i - 3 && isSignature(textOf(j)); j--) end = blocks[j]?.from ?? end;
    return end;
  }
  // a text dump: …最后一段。龙塘市司法局2024年1月23日 — the signature runs into the last paragraph
  if (agencyName.length > 1) {
    for (let i = blocks.length - 1; i >= 0 && i >= blocks.length - 3; i--) {
      const b = blocks[i];
      if (!b) break;
      const tail = stream.norm.slice(Math.max(b.from, b.to - agencyName.length - 16), b.to);
      const at = tail.lastIndexOf(agencyName);
      if (at >= 0 && /^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/.test(tail.slice(at + agencyName.length))) {
        return b.to - tail.length + at;
      }
    }
  }
  return limit;
}

/** Build the Report from a SourceDocument (what every format processor produces). */
export function extractReport(doc: SourceDocument, source: Report['source']): Report {
  const diagnostics: Diagnostic[] = [];
  const sample = doc.blocks.slice(0, 200).map((b) => (b.type === 'table' ? '' : b.text)).join('');
  const hant = traditionalShare(sample) > 0.04;
  const stream = new Stream(doc, hant);
  const title = extractTitle(stream);
  const titleNorm = stream.norm.slice(title.from, title.to);
  const period = extractPeriod(stream);
  const year = extractYear(titleNorm, period);
  const agency = extractAgency(title.title, titleNorm);
  const documents = extractDocuments(stream, title);
  // the date line of the first report, when the file holds several
  const published = extractPublishedOn(stream, documents.starts[0]);
  const tables = extractTables(stream);
  diagnostics.push(...tables.diagnostics);
  const template: TemplateId =
    tables.shapes.proactive ?? tables.shapes.applications ?? (year !== null ? templateForYear(year) : 'legacy-2008');
  if (template !== 'legacy-2008' && !tables.applications) {
    diagnostics.push({ code: 'TABLE_NOT_FOUND', severity: 'warning', message: '表三 (收到和处理政府信息公开申请情况) was not found.', span: null, path: 'applications' });
  }
  if (template !== 'legacy-2008' && !tables.proactive) {
    diagnostics.push({ code: 'TABLE_NOT_FOUND', severity: 'warning', message: '表二 (主动公开政府信息情况) was not found.', span: null, path: 'proactive' });
  }
  if (template !== 'legacy-2008' && !tables.reviewLitigation) {
    diagnostics.push({ code: 'TABLE_NOT_FOUND', severity: 'warning', message: '表四 (行政复议、行政诉讼情况) was not found.', span: null, path: 'reviewLitigation' });
  }
  if (year === null) {
    diagnostics.push({ code: 'YEAR_NOT_FOUND', severity: 'warning', message: 'The reporting year could not be read from the title or the statistics period.', span: title.span });
  }
  const headings = findHeadings(stream, []);
  const sections = buildSections(stream, headings, bodyEnd(stream, documents.starts[0], agency.name));
  const facts = extractFacts(stream, template === 'legacy-2008');
  const tableSpans = [tables.proactive?.span, tables.applications?.span, tables.reviewLitigation?.span, tables.legacyStatistics?.span].filter(
    (s): s is NonNullable<typeof s> => s !== null && s !== undefined,
  );
  const fees = extractFees(stream, tableSpans);
  if (fees) {
    // the fee statement's numbers are facts too (fee-disclosure, contradiction)
    let n = facts.length;
    for (const [key, label, unit] of [
      ['notices', '发出收费通知', '件'],
      ['amount', '收取信息处理费', fees.unit ?? '元'],
    ] as const) {
      const cell = fees[key];
      // a number as written (an absence such as 未发出收费通知 stays on report.fees only)
      if (cell && typeof cell === 'object' && cell.span && cell.value !== null && /\d/.test(cell.raw)) {
        facts.push({ id: `f${++n}`, label, value: cell.value, unit, span: cell.span, quantity: `fees.${key}` });
      }
    }
  }
  if (template === 'legacy-2008') for (const f of facts) if (f.quantity) f.quantity = legacyQuantity(f.quantity);
  // content id: sha256 of the text with NFKC applied and all whitespace (and cell marks) removed
  const id = createHash('sha256')
    .update(
      stream.blocks
        .filter((b) => !(b.block.type === 'heading' && b.block.level === 0))
        .map((b) => stream.flat.slice(b.from, b.to))
        .join('')
        .replaceAll(CELL, '')
        .normalize('NFKC')
        .replace(/\s+/g, ''), // \s is the same set with or without /u; without is faster
      'utf8',
    )
    .digest('hex');
  const report: Report = {
    id,
    title: title.title,
    titleSpan: title.span,
    year,
    agency,
    template,
    documentKind: documentKind(titleNorm),
    publishedOn: published.date,
    publishedOnSpan: published.span,
    period,
    language: hant ? 'zh-Hant' : 'zh-Hans',
    source,
    sections,
    facts,
    proactive: tables.proactive,
    applications: tables.applications,
    reviewLitigation: tables.reviewLitigation,
    legacyStatistics: tables.legacyStatistics,
    fees,
    documents: documents.parts,
    diagnostics,
  };
  return report;
}

/**
 * Bytes (or a string) in, Report out. Throws only ParseError, for input that cannot be read at all
 * (empty, binary, too large, truncated DOCX, unknown encoding); every problem inside a readable
 * document is a diagnostic on the Report.
 */
export async function parse(input: Uint8Array | string, options: ParseOptions = {}): Promise<ParseResult> {
  try {
    const bytes = checkedBytes(input, options);
    const { doc, encoding } = await toDocument(bytes, options);
    return finish(bytes, doc, encoding, options);
  } catch (error) {
    throw asParseError(error);
  }
}

/**
 * The synchronous `parse()` for the text formats (text, Markdown, HTML), for callers that cannot
 * await (ESLint's `Language#parse`): the same steps, limits and Report. DOCX and PDF input is refused
 * with UNSUPPORTED_FORMAT.
 */
export function parseText(input: Uint8Array | string, options: ParseOptions & { format?: 'text' | 'markdown' | 'html' } = {}): ParseResult {
  try {
    const bytes = checkedBytes(input, options);
    const ext = extension(options.name);
    if (ext === '.docx' || ext === '.pdf' || isPdf(bytes) || docxProcessor.sniff(bytes) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
      throw new ParseError('UNSUPPORTED_FORMAT', 'DOCX and PDF files are binary: parse them with the asynchronous parse().');
    }
    const { doc, encoding } = textDocument(bytes, options);
    return finish(bytes, doc, encoding, options);
  } catch (error) {
    throw asParseError(error);
  }
}

function checkedBytes(input: Uint8Array | string, options: ParseOptions): Uint8Array {
  const bytes =
    typeof input === 'string'
      ? new TextEncoder().encode(input)
      : new Uint8Array(input.buffer, input.byteOffset, input.byteLength); // a plain view, also of a Buffer
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new ParseError('EMPTY_INPUT', 'The input is empty.');
  if (bytes.length > maxBytes) throw new ParseError('TOO_LARGE', `The input is ${bytes.length} bytes; the limit is ${maxBytes}.`);
  return bytes;
}

function finish(bytes: Uint8Array, doc: SourceDocument, encoding: string, options: ParseOptions): ParseResult {
  if (doc.text.trim().length === 0 && doc.blocks.length === 0) throw new ParseError('EMPTY_INPUT', 'The document holds no text.');
  const source: Report['source'] = {
    format: doc.format,
    encoding,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    ...(options.name !== undefined ? { name: options.name } : {}),
  };
  return { report: extractReport(doc, source), document: doc, text: doc.text };
}

function asParseError(error: unknown): ParseError {
  if (error instanceof ParseError) return error;
  return new ParseError('UNSUPPORTED_FORMAT', `The document could not be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
