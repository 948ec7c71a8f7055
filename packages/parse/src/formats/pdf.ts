/**
 * PDF processor: pdf.js (legacy build, no eval, no font faces, no network) reads each page's text
 * items with their positions and the page's ruling lines; `pdf/layout.ts` turns them into lines,
 * paragraphs and bordered tables with real grid cells.
 */
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { FormatProcessor, ProcessorInput, SourceDocument } from '../document.js';
import { ParseError } from '../errors.js';
import { detectGrids, type Grid } from './pdf/grid.js';
import { buildDocument, layoutPage, type PageLayout } from './pdf/layout.js';
import { multiply, readRulings, type Matrix } from './pdf/rulings.js';
import { toFragment, type Fragment } from './pdf/text.js';

export interface PdfProcessorOptions {
  /** Refuse documents with more pages than this (ParseError TOO_LARGE). Default 500. */
  readonly maxPages?: number;
  /** Give up after this many milliseconds (ParseError TOO_LARGE). Default 60,000. */
  readonly timeoutMs?: number;
}

const MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
/** The PDF header may follow some junk; readers accept it within the first 1024 bytes. */
const HEADER_WINDOW = 1024;
/** `%%EOF` must appear this close to the end of a complete file. */
const TRAILER_WINDOW = 4096;
/** Fewer letters/digits than this in the whole document: a scan without a text layer. */
const MIN_TEXT_CHARS = 10;

function indexOfBytes(bytes: Uint8Array, pattern: readonly number[], from: number, to: number): number {
  const last = Math.min(to, bytes.length) - pattern.length;
  outer: for (let i = Math.max(0, from); i <= last; i++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return i;
  }
  return -1;
}

function sniffPdf(bytes: Uint8Array): boolean {
  return indexOfBytes(bytes, MAGIC, 0, HEADER_WINDOW) >= 0;
}

const EOF_MARK = [...'%%EOF'].map((c) => c.charCodeAt(0));

function hasTrailer(bytes: Uint8Array): boolean {
  return indexOfBytes(bytes, EOF_MARK, bytes.length - TRAILER_WINDOW, bytes.length) >= 0;
}

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

const RULING_OPS = {
  save: OPS.save,
  restore: OPS.restore,
  transform: OPS.transform,
  constructPath: OPS.constructPath,
  paintFormXObjectBegin: OPS.paintFormXObjectBegin,
  paintFormXObjectEnd: OPS.paintFormXObjectEnd,
  stroke: OPS.stroke,
  closeStroke: OPS.closeStroke,
  fill: OPS.fill,
  eoFill: OPS.eoFill,
  fillStroke: OPS.fillStroke,
  eoFillStroke: OPS.eoFillStroke,
  closeFillStroke: OPS.closeFillStroke,
  closeEOFillStroke: OPS.closeEOFillStroke,
  setFillRGBColor: OPS.setFillRGBColor,
  setStrokeRGBColor: OPS.setStrokeRGBColor,
  setFillGray: OPS.setFillGray,
  setStrokeGray: OPS.setStrokeGray,
  setFillCMYKColor: OPS.setFillCMYKColor,
  setStrokeCMYKColor: OPS.setStrokeCMYKColor,
};

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

function toParseError(error: unknown): ParseError {
  if (error instanceof ParseError) return error;
  if (errorName(error) === 'PasswordException') {
    return new ParseError('ENCRYPTED_PDF', 'The PDF is encrypted and cannot be opened without a password.', { cause: error });
  }
  return new ParseError('TRUNCATED_PDF', 'The PDF is truncated or corrupt and cannot be read.', { cause: error });
}

/** Await a pdf.js call: its failures mean the file cannot be read (errors of ours pass through). */
async function fromPdfjs<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw toParseError(error);
  }
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

async function readPages(doc: PDFDocumentProxy, checkTime: () => void): Promise<PageLayout[]> {
  const pages: PageLayout[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    checkTime();
    const page = await fromPdfjs(doc.getPage(n));
    // The reading frame: user space through the viewport (rotation, media box origin), y up.
    const viewport = page.getViewport({ scale: 1 });
    const width = viewport.width;
    const height = viewport.height;
    const [t0 = 1, t1 = 0, t2 = 0, t3 = -1, t4 = 0, t5 = height] = viewport.transform;
    const frame: Matrix = [t0, -t1, t2, -t3, t4, height - t5];
    const content = await fromPdfjs(page.getTextContent({ includeMarkedContent: false, disableNormalization: false }));
    const fragments: Fragment[] = [];
    for (const item of content.items) {
      if (!isTextItem(item)) continue;
      const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform as number[];
      const m = multiply(frame, [a, b, c, d, e, f]);
      const fragment = toFragment(item.str, m, item.width, item.height);
      if (fragment !== undefined) fragments.push(fragment);
    }
    // Rulings only matter around text (a scanned page has none worth reading).
    let grids: Grid[] = [];
    if (fragments.length > 0) {
      const ops = await fromPdfjs(page.getOperatorList());
      grids = detectGrids(readRulings(ops.fnArray, ops.argsArray, RULING_OPS, Math.abs(width * height), frame));
    }
    pages.push(layoutPage(fragments, grids, width, height));
    page.cleanup();
  }
  return pages;
}

function countTextChars(document: SourceDocument): number {
  return (document.text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

async function toDocument(bytes: Uint8Array, options: Required<PdfProcessorOptions>): Promise<SourceDocument> {
  if (!sniffPdf(bytes)) throw new ParseError('TRUNCATED_PDF', 'The file has no PDF header.');
  if (!hasTrailer(bytes)) throw new ParseError('TRUNCATED_PDF', 'The PDF is truncated: its end-of-file marker is missing.');
  let task: PDFDocumentLoadingTask | undefined;
  let timer: NodeJS.Timeout | undefined;
  const tooSlow = (): ParseError => new ParseError('TOO_LARGE', `The PDF took longer than ${options.timeoutMs} ms to read.`);
  // pdf.js runs in this thread (no worker on Node), mostly in microtasks: the deadline is checked
  // between pages, and the timer catches anything that waits without returning.
  const deadline = Date.now() + options.timeoutMs;
  const checkTime = (): void => {
    if (Date.now() > deadline) throw tooSlow();
  };
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(tooSlow()), options.timeoutMs);
  });
  const work = async (): Promise<SourceDocument> => {
    task = getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      stopAtErrors: false,
      verbosity: 0,
      cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
      // Images are never read: drop them instead of decoding them (scans would be slow).
      maxImageSize: 1,
    });
    const doc = await fromPdfjs(task.promise);
    if (doc.numPages > options.maxPages) {
      throw new ParseError('TOO_LARGE', `The PDF has ${doc.numPages} pages (at most ${options.maxPages} are read).`);
    }
    checkTime();
    const pages = await readPages(doc, checkTime);
    const document = buildDocument(pages);
    if (countTextChars(document) < MIN_TEXT_CHARS) {
      throw new ParseError('NO_TEXT_LAYER', 'The PDF has no text layer (a scan?): nothing to read without OCR.');
    }
    return document;
  };
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
    if (task !== undefined) await task.destroy().catch(() => undefined);
  }
}

/** A PDF processor with its own limits. */
export function createPdfProcessor(options: PdfProcessorOptions = {}): FormatProcessor {
  const limits: Required<PdfProcessorOptions> = {
    maxPages: options.maxPages ?? 500,
    timeoutMs: options.timeoutMs ?? 60_000,
  };
  return {
    format: 'pdf',
    extensions: ['.pdf'],
    sniff: sniffPdf,
    toDocument: (input: ProcessorInput) => toDocument(input.bytes, limits),
  };
}

export const pdfProcessor: FormatProcessor = createPdfProcessor();
