import { parseText } from '@xxgk/parse';
import type { ParseResult } from '@xxgk/parse';
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

function extension(name: string | undefined): string {
  const m = /\.[A-Za-z0-9]+$/.exec(name ?? '');
  return m ? m[0].toLowerCase() : '';
}

/**
 * `parseText()` of @xxgk/parse (the synchronous `parse()` for text, Markdown and HTML: ESLint's
 * `Language#parse` is synchronous), so the Report equals the one `xxgk lint` reads from the same file.
 * Puts back the byte-order mark ESLint removed (it counts in `source.bytes` and the hash). Throws
 * ParseError like `parse()`, and EslintPluginError UNSUPPORTED_FORMAT for DOCX/PDF names.
 */
export function parseSync(input: string, options: ParseSyncOptions = {}): ParseResult {
  const ext = extension(options.name);
  if (ext === '.docx' || ext === '.pdf') {
    throw new EslintPluginError('UNSUPPORTED_FORMAT', `${ext.slice(1).toUpperCase()} files are binary: lint them with \`xxgk lint\`.`);
  }
  return parseText(options.bom === true ? `\uFEFF${input}` : input, {
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.format !== undefined ? { format: options.format } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  });
}
