import { createHash } from 'node:crypto';
import type { Report } from '@xxgk/schema';
import {
  DEFAULT_MAX_BYTES,
  ParseError,
  decodeText,
  extractReport,
  htmlProcessor,
  markdownProcessor,
  textProcessor,
} from '@xxgk/parse';
import type { FormatProcessor, ParseResult, SourceDocument } from '@xxgk/parse';
import { EslintPluginError } from './errors.js';

/** The formats ESLint can hand over as text. */
export type TextFormat = 'text' | 'markdown' | 'html';

export interface ParseSyncOptions {
  /** File name: its extension chooses the format (as in @xxgk/parse). */
  readonly name?: string;
  /** Force a format instead of the extension / sniffing. */
  readonly format?: TextFormat;
  /** True when the file started with a byte-order mark that the caller (ESLint) removed. */
  readonly bom?: boolean;
  readonly maxBytes?: number;
}

/** Same order as @xxgk/parse: HTML and Markdown are sniffed before falling back to plain text. */
const TEXT_PROCESSORS: readonly FormatProcessor[] = [htmlProcessor, markdownProcessor, textProcessor];

function extension(name: string | undefined): string {
  const m = /\.[A-Za-z0-9]+$/.exec(name ?? '');
  return m ? m[0].toLowerCase() : '';
}

function isDocument(value: SourceDocument | Promise<SourceDocument>): value is SourceDocument {
  return typeof (value as { then?: unknown }).then !== 'function';
}

/**
 * The synchronous twin of `parse()` from @xxgk/parse for the text formats (text, Markdown, HTML):
 * ESLint's `Language#parse` is synchronous, and the text processors and `extractReport` are.
 * It follows `parse()` step by step (size limits, decoding, processor choice, `source`), so the
 * Report equals the one `xxgk lint` reads from the same file. Throws ParseError like `parse()`, and
 * EslintPluginError UNSUPPORTED_FORMAT for DOCX/PDF names (binary formats are never text).
 */
export function parseSync(input: string, options: ParseSyncOptions = {}): ParseResult {
  const ext = extension(options.name);
  if (ext === '.docx' || ext === '.pdf') {
    throw new EslintPluginError('UNSUPPORTED_FORMAT', `${ext.slice(1).toUpperCase()} files are binary: lint them with \`xxgk lint\`.`);
  }
  const bytes = new TextEncoder().encode(options.bom === true ? `\uFEFF${input}` : input);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new ParseError('EMPTY_INPUT', 'The input is empty.');
  if (bytes.length > maxBytes) throw new ParseError('TOO_LARGE', `The input is ${bytes.length} bytes; the limit is ${maxBytes}.`);
  const decoded = decodeText(bytes);
  let processor: FormatProcessor | undefined;
  if (options.format) processor = TEXT_PROCESSORS.find((p) => p.format === options.format);
  processor ??= TEXT_PROCESSORS.find((p) => p.extensions.includes(ext));
  processor ??= TEXT_PROCESSORS.find((p) => p.sniff(bytes.subarray(0, 4096)));
  processor ??= textProcessor;
  const result = processor.toDocument({ bytes, text: decoded.text, ...(options.name !== undefined ? { name: options.name } : {}) });
  if (!isDocument(result)) {
    throw new EslintPluginError('ASYNC_PROCESSOR', `The ${processor.format} processor of @xxgk/parse became asynchronous.`);
  }
  const doc = result;
  if (doc.text.trim().length === 0 && doc.blocks.length === 0) throw new ParseError('EMPTY_INPUT', 'The document holds no text.');
  const source: Report['source'] = {
    format: doc.format,
    encoding: decoded.encoding,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    ...(options.name !== undefined ? { name: options.name } : {}),
  };
  return { report: extractReport(doc, source), document: doc, text: doc.text };
}
