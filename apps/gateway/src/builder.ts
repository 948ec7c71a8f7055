import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { Context } from './context.js';
import { GatewayError } from './errors.js';

/** Limits on every operation (hostile queries are refused before they run). */
export const LIMITS = { depth: 12, complexity: 25_000, breadth: 400 } as const;

export type Scalars = {
  DateTime: { Input: Date; Output: Date | string };
  JSON: { Input: unknown; Output: unknown };
  File: { Input: File; Output: never };
};

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: Scalars;
  AuthScopes: { apiToken: boolean };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, DataloaderPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesQueryOptions: false,
    // the connection field already multiplies by the page size
    edgesFieldOptions: { complexity: { field: 1, multiplier: 1 } },
  },
  scopeAuth: {
    authScopes: (context) => ({ apiToken: context.principal !== null }),
    unauthorizedError: () =>
      new GatewayError('UNAUTHENTICATED', 'This operation needs "Authorization: Bearer <token>" with a token from XXGK_API_TOKENS.'),
  },
  errors: { defaultTypes: [] },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { depth: LIMITS.depth, complexity: LIMITS.complexity, breadth: LIMITS.breadth },
    complexityError: (kind, result) => {
      const key = kind.toLowerCase() as 'depth' | 'complexity' | 'breadth';
      const max = result[`max${kind}`];
      return new GatewayError('QUERY_TOO_COMPLEX', `Query ${key} ${result[key]} exceeds the limit of ${max ?? '?'}.`, { kind: key });
    },
  },
});

builder.queryType({});
builder.mutationType({});
