export type StoreErrorCode =
  | 'PARSE_FAILED'
  | 'INVALID_REPORT'
  | 'ANALYZER_UNAVAILABLE'
  | 'MIGRATION_FAILED'
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND';

/** A failure of the store. Callers branch on `code`; `parseCode` carries the parser's code when parsing failed. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  /** The `code` of the parser's error, when `code` is PARSE_FAILED and the parser gave one. */
  readonly parseCode: string | undefined;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown; parseCode?: string }) {
    super(message, options);
    this.code = code;
    this.parseCode = options?.parseCode;
  }
}
