export type EslintPluginErrorCode = 'INVALID_LANGUAGE_OPTIONS' | 'UNSUPPORTED_FORMAT';

/** A configuration or usage problem of the plugin (findings in a draft are never exceptions). */
export class EslintPluginError extends Error {
  override readonly name = 'EslintPluginError';
  readonly code: EslintPluginErrorCode;
  constructor(code: EslintPluginErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
