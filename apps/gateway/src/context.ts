import { createHash } from 'node:crypto';
import type { Analyzer, Store } from '@xxgk/store';
import { createAgencyLoader } from './loaders/agency.js';
import { createCellLoader } from './loaders/cell.js';
import { createFindingsLoader } from './loaders/finding.js';
import { createPublicationsLoader } from './loaders/publication.js';
import { createAgencyReportsLoader, createReportHistoryLoader, createReportLoader } from './loaders/report.js';
import { createReportTextLoader } from './loaders/report-text.js';
import { createReviewHistoryLoader, createReviewsLoader } from './loaders/review.js';

/** Who is calling: a token holder (may ingest and review) or nobody (reads only). */
export interface Principal {
  readonly kind: 'token';
  /** The name a review is signed with: from a `name:token` entry, else `token-` + 8 hex digits of the token's sha256. */
  readonly name: string;
}

export interface GatewayServices {
  readonly store: Store;
  /** parse + lint for lintDraft (and what the store uses for ingest). */
  readonly analyzer: Analyzer;
  /** Bearer tokens that may call mutations: `token` or `name:token` entries. */
  readonly apiTokens: ReadonlySet<string>;
}

export interface Loaders {
  readonly report: ReturnType<typeof createReportLoader>;
  readonly agencyReports: ReturnType<typeof createAgencyReportsLoader>;
  readonly reportHistory: ReturnType<typeof createReportHistoryLoader>;
  readonly reportText: ReturnType<typeof createReportTextLoader>;
  readonly agency: ReturnType<typeof createAgencyLoader>;
  readonly findings: ReturnType<typeof createFindingsLoader>;
  readonly cell: ReturnType<typeof createCellLoader>;
  readonly publications: ReturnType<typeof createPublicationsLoader>;
  readonly reviews: ReturnType<typeof createReviewsLoader>;
  readonly reviewHistory: ReturnType<typeof createReviewHistoryLoader>;
}

export interface Context extends GatewayServices {
  readonly principal: Principal | null;
  readonly loaders: Loaders;
}

/** Tokens from XXGK_API_TOKENS (comma-separated; blanks ignored). */
export function parseApiTokens(value: string | undefined): Set<string> {
  return new Set((value ?? '').split(',').map((t) => t.trim()).filter((t) => t !== ''));
}

const NAME_PART = /^([^:\s]{1,100}):(\S+)$/u;
const tokenNames = new WeakMap<ReadonlySet<string>, Map<string, string>>();

/**
 * Bearer token → reviewer name. An entry `name:token` accepts `token` signed as `name` (and, as before
 * names existed, the whole entry); a bare entry is signed `token-` + 8 hex digits of its sha256.
 */
export function tokenTable(tokens: ReadonlySet<string>): Map<string, string> {
  let table = tokenNames.get(tokens);
  if (!table) {
    table = new Map();
    for (const entry of tokens) {
      const named = NAME_PART.exec(entry);
      const anonymous = `token-${createHash('sha256').update(entry).digest('hex').slice(0, 8)}`;
      table.set(entry, named?.[1] ?? anonymous);
      if (named?.[2] !== undefined && !table.has(named[2])) table.set(named[2], named[1] ?? anonymous);
    }
    tokenNames.set(tokens, table);
  }
  return table;
}

function principalOf(request: Request, tokens: ReadonlySet<string>): Principal | null {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const token = match?.[1];
  const name = token === undefined ? undefined : tokenTable(tokens).get(token);
  return name !== undefined ? { kind: 'token', name } : null;
}

/** A request's context: services, the caller, and fresh DataLoaders (batching within the request only). */
export function createContext(services: GatewayServices, { request }: { request: Request }): Context {
  const { store } = services;
  return {
    ...services,
    principal: principalOf(request, services.apiTokens),
    loaders: {
      report: createReportLoader(store),
      agencyReports: createAgencyReportsLoader(store),
      reportHistory: createReportHistoryLoader(store),
      reportText: createReportTextLoader(store),
      agency: createAgencyLoader(store),
      findings: createFindingsLoader(store),
      cell: createCellLoader(store),
      publications: createPublicationsLoader(store),
      reviews: createReviewsLoader(store),
      reviewHistory: createReviewHistoryLoader(store),
    },
  };
}
