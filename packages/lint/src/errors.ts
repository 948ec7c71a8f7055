export type LintErrorCode =
  | 'INVALID_CONFIG'
  | 'CONFIG_NOT_FOUND'
  | 'CONFIG_LOAD_FAILED'
  | 'UNKNOWN_RULE'
  | 'INVALID_RULE_OPTIONS'
  | 'UNKNOWN_PRESET'
  | 'UNKNOWN_FORMAT';

/** A configuration or usage problem of the linter (findings in a document are never exceptions). */
export class LintError extends Error {
  override readonly name = 'LintError';
  readonly code: LintErrorCode;
  constructor(code: LintErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
