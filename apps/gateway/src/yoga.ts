import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { GraphQLError, parse, printSchema } from 'graphql';
import type { ParseOptions, Source } from 'graphql';
import { createYoga, maskError } from 'graphql-yoga';
import type { Plugin, YogaServerInstance } from 'graphql-yoga';
import { createDefaultAnalyzer } from '@xxgk/store';
import type { Analyzer, Store } from '@xxgk/store';
import { LIMITS } from './builder.js';
import { createContext, parseApiTokens } from './context.js';
import { responseCachePlugins } from './response-cache.js';
import type { ResponseCacheOptions } from './response-cache.js';
import { checkDocumentSize, depthLimitRule } from './depth-limit.js';
import type { Context, GatewayServices } from './context.js';
import { schema } from './schema/index.js';

export interface GatewayOptions {
  readonly store: Store;
  /** parse + lint for lintDraft (give the store's own analyzer). Default: @xxgk/parse + @xxgk/lint. */
  readonly analyzer?: Analyzer;
  /** Bearer tokens allowed to call mutations: a list, or the XXGK_API_TOKENS string. Default: XXGK_API_TOKENS. */
  readonly apiTokens?: Iterable<string> | string;
  /** Serve GraphiQL on GET /graphql from a browser (default true). */
  readonly graphiql?: boolean;
  /**
   * Cache public reads in memory (see response-cache.ts): off by default here; `startServer` (what
   * `xxgk serve` runs) turns it on. Mutations through this gateway invalidate at once.
   */
  readonly responseCache?: ResponseCacheOptions | boolean;
}

export type Gateway = YogaServerInstance<Record<string, never>, Context>;

/** The GraphQL endpoint as a fetch handler (`gateway.fetch(request)`); no listening here. */
export function createGateway(options: GatewayOptions): Gateway {
  const services: GatewayServices = {
    store: options.store,
    analyzer: options.analyzer ?? createDefaultAnalyzer(),
    apiTokens:
      typeof options.apiTokens === 'string' || options.apiTokens === undefined
        ? parseApiTokens(typeof options.apiTokens === 'string' ? options.apiTokens : process.env.XXGK_API_TOKENS)
        : new Set(options.apiTokens),
  };
  return createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: ({ request }) => createContext(services, { request }),
    // isDev false: no stack traces in answers even when NODE_ENV=development slips into production
    maskedErrors: { maskError: maskWithCode, isDev: false },
    plugins: [
      depthLimitPlugin,
      ...(options.responseCache === undefined || options.responseCache === false
        ? []
        : responseCachePlugins(options.responseCache === true ? {} : options.responseCache)),
    ],
    graphiql: options.graphiql === false ? false : { title: 'xxgk GraphQL', defaultQuery: DEFAULT_QUERY },
    renderGraphiQL,
    landingPage: false,
    logging: false,
  });
}

/** Size and depth limits checked at parse and validation, before anything runs (introspection included). */
const depthLimitPlugin: Plugin<Record<string, never>> = {
  onParse({ setParseFn }) {
    setParseFn((source: string | Source, options?: ParseOptions) => {
      checkDocumentSize(typeof source === 'string' ? source : source.body, 64);
      return parse(source, { ...options, maxTokens: 20_000 });
    });
  },
  onValidate({ addValidationRule }) {
    addValidationRule(depthLimitRule({ depth: LIMITS.depth, introspectionDepth: 20, introspectionFields: 5 }));
  },
};

/**
 * Yoga's masking (internal errors become "Unexpected error."), plus a code on every error a client
 * sees: errors the libraries raise about the input (an undecodable global id or cursor) carry none.
 */
function maskWithCode(error: unknown, message: string, isDev?: boolean): Error {
  const masked = maskError(error, message, isDev);
  if (!(masked instanceof GraphQLError) || masked.extensions.code !== undefined) return masked;
  const code = /global ID/i.test(masked.message) ? 'INVALID_ID' : 'BAD_USER_INPUT';
  return new GraphQLError(masked.message, {
    ...(masked.nodes ? { nodes: masked.nodes } : {}),
    ...(masked.source ? { source: masked.source } : {}),
    ...(masked.positions ? { positions: masked.positions } : {}),
    ...(masked.path ? { path: masked.path } : {}),
    extensions: { ...masked.extensions, code },
  });
}

/** The SDL of the gateway's schema (what schema.graphql holds and `xxgk schema --graphql` prints). */
export function printSchemaSDL(): string {
  return `${printSchema(schema)}\n`;
}

const DEFAULT_QUERY = `# Ten prefectures with most applications in 2024, and their denial reasons
{
  stats(
    filter: { year: 2024, level: [PREFECTURAL] }
    groupBy: [REGION]
    orderBy: { path: "applications.newReceived.total" }
    first: 10
  ) {
    regionCode
    applicationsReceived
    deniedByReason { label count }
  }
}
`;
