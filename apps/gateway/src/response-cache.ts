import { createInMemoryCache, hashSHA256, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { Kind, OperationTypeNode } from 'graphql';
import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface ResponseCacheOptions {
  /**
   * How long a read is served from memory, in ms (default 5,000). Mutations through this gateway
   * invalidate at once; the TTL bounds how stale a read can be after a write this process did not see
   * (another gateway instance, `xxgk ingest` on the same database).
   */
  readonly ttl?: number;
  /** Most operations kept (least recently used go first; default 2,000). */
  readonly max?: number;
}

/**
 * Caches the results of public reads (every query but `lintDraft`, which reads the caller's draft)
 * keyed by document, variables and operation name. Any mutation executed by this gateway starts a new
 * generation: every earlier entry becomes unreachable, so a list never misses a report just ingested.
 */
export function responseCachePlugins(options: ResponseCacheOptions = {}): Plugin[] {
  let generation = 0;
  const bumpOnMutation: Plugin = {
    onExecute({ args }) {
      const document = args.document as DocumentNode;
      const isMutation = document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.MUTATION);
      if (!isMutation) return undefined;
      return {
        onExecuteDone() {
          generation++;
        },
      };
    },
  };
  const cache = useResponseCache({
    session: () => null,
    cache: createInMemoryCache({ max: options.max ?? 2_000 }),
    ttl: options.ttl ?? 5_000,
    ttlPerSchemaCoordinate: { 'Query.lintDraft': 0 },
    invalidateViaMutation: false,
    includeExtensionMetadata: false,
    buildResponseCacheKey: ({ documentString, variableValues, operationName }) =>
      hashSHA256([generation, documentString, JSON.stringify(variableValues ?? {}), operationName ?? ''].join('\u0000')),
  });
  return [bumpOnMutation, cache];
}
