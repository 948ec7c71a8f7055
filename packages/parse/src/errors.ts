export type ParseErrorCode =
  | 'EMPTY_INPUT'
  | 'BINARY_INPUT'
  | 'UNSUPPORTED_FORMAT'
  | 'UNKNOWN_ENCODING'
  | 'TOO_LARGE'
  | 'TRUNCATED_DOCX'
  | 'TRUNCATED_PDF'
  | 'ENCRYPTED_PDF'
  | 'NO_TEXT_LAYER';

/** Input the parser cannot read at all. Problems inside a readable document are diagnostics instead. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  readonly code: ParseErrorCode;

  constructor(code: ParseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
