export { parse, parseText, extractReport, DEFAULT_MAX_BYTES, type ParseOptions, type ParseResult } from './parse.js';
export { ParseError, type ParseErrorCode } from './errors.js';
export type {
  DocBlock,
  DocCell,
  DocHeading,
  DocParagraph,
  DocRange,
  DocTable,
  FormatProcessor,
  ProcessorInput,
  SourceDocument,
} from './document.js';
export { parseNumber, chineseNumeral, type ParsedNumber } from './numbers.js';
export { decodeText, type Decoded } from './decode/detect-encoding.js';
export { toSimplified, traditionalShare } from './decode/to-simplified.js';
export { sectionKind } from './extract/sections.js';
export { solveTable, type CellRead, type Constraint, type RawToken, type RowInput, type SolveResult } from './extract/glued-digits.js';
export { textProcessor } from './formats/text.js';
export { markdownProcessor } from './formats/markdown.js';
export { htmlProcessor, htmlToDocument } from './formats/html.js';
export { docxProcessor } from './formats/docx.js';
export { flattenBlocks } from './formats/flatten.js';
export { LineIndex } from './util/spans.js';
