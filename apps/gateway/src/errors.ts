import { GraphQLError } from 'graphql';

export type GatewayErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNKNOWN_CELL_PATH'
  | 'INVALID_ID'
  | 'PARSE_FAILED'
  | 'INVALID_REPORT'
  | 'TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'FINDING_NOT_FOUND'
  | 'QUERY_TOO_COMPLEX'
  | 'TOO_MANY_BUCKETS';

const HTTP_STATUS: Partial<Record<GatewayErrorCode, number>> = { UNAUTHENTICATED: 401 };

/** An error the client caused: shown to it (not masked) with `extensions.code`. */
export class GatewayError extends GraphQLError {
  readonly code: GatewayErrorCode;

  constructor(code: GatewayErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    const status = HTTP_STATUS[code];
    super(message, { extensions: { code, ...extensions, ...(status !== undefined ? { http: { status } } : {}) } });
    this.code = code;
    this.name = 'GatewayError';
  }
}

/** Largest page a connection returns. */
export const MAX_PAGE_SIZE = 100;

/** Refuse page sizes out of range (instead of silently returning fewer rows). */
export function checkPageArgs(args: { first?: number | null; last?: number | null }): void {
  for (const key of ['first', 'last'] as const) {
    const n = args[key];
    if (n != null && (n < 0 || n > MAX_PAGE_SIZE)) {
      throw new GatewayError('BAD_USER_INPUT', `${key} must be between 0 and ${MAX_PAGE_SIZE}.`, { argument: key });
    }
  }
}

/** Refuse filter strings PostgreSQL cannot take as text (U+0000 would surface as an internal error). */
export function checkFilterText(values: Readonly<Record<string, string | null | undefined>>): void {
  for (const [argument, value] of Object.entries(values)) {
    if (value != null && value.includes('\u0000')) {
      throw new GatewayError('BAD_USER_INPUT', `${argument} must not contain U+0000.`, { argument });
    }
  }
}
