import type { SourceFormat } from '@xxgk/schema';

/**
 * The one intermediate document every format processor produces (textlint's model): the text that
 * spans point into, and its blocks in reading order. `src/extract/*` builds the Report from this only.
 *
 * - text/markdown/html: `text` is the decoded source itself, so spans point at the draft as written.
 * - docx/pdf: `text` is the text extracted from the file (one line per paragraph / table row).
 *
 * Every block and cell carries [start, end) offsets into `text`. When a block's `text` is not a
 * verbatim slice of the source (HTML entities and tags removed, PDF items joined), `offsets[i]` gives
 * the source offset of `text[i]` (length = text.length + 1, last entry = end).
 */
export interface DocRange {
  readonly start: number;
  readonly end: number;
  readonly offsets?: readonly number[];
}

export interface DocParagraph extends DocRange {
  readonly type: 'paragraph';
  readonly text: string;
}

export interface DocHeading extends DocRange {
  readonly type: 'heading';
  readonly text: string;
  /**
   * Level given by the markup (Markdown #, HTML h1–h6, DOCX heading styles), when any.
   * 0 marks the document's own title from metadata (HTML <title>), which is not part of the body.
   */
  readonly level?: number;
}

export interface DocCell extends DocRange {
  readonly text: string;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export interface DocTable extends DocRange {
  readonly type: 'table';
  readonly rows: readonly (readonly DocCell[])[];
}

export type DocBlock = DocParagraph | DocHeading | DocTable;

export interface SourceDocument {
  readonly format: SourceFormat;
  readonly text: string;
  readonly blocks: readonly DocBlock[];
}

/** What a format processor receives: the raw bytes, and for text formats the decoded text. */
export interface ProcessorInput {
  readonly bytes: Uint8Array;
  /** Decoded text (text, markdown, html); undefined for binary formats (docx, pdf). */
  readonly text?: string;
  readonly name?: string;
}

/** One processor per format (src/formats/<format>.ts). */
export interface FormatProcessor {
  readonly format: SourceFormat;
  readonly extensions: readonly string[];
  /** True when the bytes look like this format (magic numbers, markup). */
  sniff(bytes: Uint8Array): boolean;
  toDocument(input: ProcessorInput): SourceDocument | Promise<SourceDocument>;
}
