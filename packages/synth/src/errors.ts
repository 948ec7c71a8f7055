export type SynthErrorCode = 'INVALID_OPTIONS' | 'DEFECT_NOT_APPLICABLE' | 'UNKNOWN_DEFECT' | 'UNKNOWN_FORMAT';

/** A request the generator cannot satisfy (bad options, a defect that does not fit the report). */
export class SynthError extends Error {
  override readonly name = 'SynthError';
  readonly code: SynthErrorCode;

  constructor(code: SynthErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
