import { expect } from 'vitest';
import type { Harness } from '../helpers/harness.js';

/** Strings an attacker puts in every text argument. */
export const SQL_INJECTIONS: readonly string[] = [
  `' OR '1'='1`,
  `'; DROP TABLE reports; --`,
  `" OR 1=1 --`,
  `1; SELECT pg_sleep(5); --`,
  `%' UNION SELECT id, key, name FROM agencies --`,
  `\\'; DELETE FROM agencies; --`,
  `%`,
  `_`,
  `\\`,
  `$1`,
  `\u0000`,
  `') OR ('a'='a`,
  `x' AND (SELECT count(*) FROM pg_catalog.pg_tables) > 0 --`,
  `'||(SELECT version())||'`,
  `1 OR 1=1`,
  `${'A'.repeat(10_000)}'`,
];

interface GraphQLBody {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown }[];
}

const LEAKS: readonly RegExp[] = [
  /\bat [\w.<>]+ \(/, // a stack frame
  /\.(ts|js|mjs|cjs):\d+/,
  /node_modules/,
  /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b.*\b(FROM|SET|VALUES|WHERE)\b/i,
  /syntax error at or near/i,
  /\brelation "/i,
  /\bpg_|\bkysely\b|\bPGlite\b/i,
  /invalid input syntax for/i,
];

/** No stack, SQL or driver message in any error (message or extensions); `echo`, the caller's own input, may appear. */
export function assertNoLeak(body: GraphQLBody, echo?: string): void {
  for (const error of body.errors ?? []) {
    let text = JSON.stringify({ message: error.message, extensions: error.extensions });
    if (echo !== undefined && echo !== '') text = text.split(JSON.stringify(echo).slice(1, -1)).join('<input>').split(echo).join('<input>');
    for (const leak of LEAKS) expect(text, `leak ${String(leak)} in ${text.slice(0, 500)}`).not.toMatch(leak);
    expect(error.extensions ?? {}).not.toHaveProperty('stack');
    // yoga names the cause of a request error (e.g. the JSON SyntaxError): its message, never its stack
    expect(error.extensions?.originalError ?? {}).not.toHaveProperty('stack');
    expect(error.extensions ?? {}).not.toHaveProperty('exception');
  }
}

/** POST a raw body (FormData or text) to the gateway; parse the answer when it is JSON. */
export async function post(
  h: Harness,
  body: FormData | string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; json: GraphQLBody }> {
  const response = await h.gateway.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { accept: 'application/graphql-response+json, application/json', ...headers },
    body,
  });
  const text = await response.text();
  let json: GraphQLBody;
  try {
    json = JSON.parse(text) as GraphQLBody;
  } catch {
    json = { errors: [{ message: text }] };
  }
  return { status: response.status, text: text.slice(0, 500), json };
}
