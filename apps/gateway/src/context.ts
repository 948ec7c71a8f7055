import type { Analyzer, Store } from '@xxgk/store';
import { createAgencyLoader } from './loaders/agency.js';
import { createCellLoader } from './loaders/cell.js';
import { createFindingsLoader } from './loaders/finding.js';
import { createAgencyReportsLoader, createReportHistoryLoader, createReportLoader } from './loaders/report.js';

/** Who is calling: a token holder (may ingest) or nobody (reads only). */
export interface Principal {
  readonly kind: 'token';
}

export interface GatewayServices {
  readonly store: Store;
  /** parse + lint for lintDraft (and what the store uses for ingest). */
  readonly analyzer: Analyzer;
  /** Bearer tokens that may call mutations. */
  readonly apiTokens: ReadonlySet<string>;
}

export interface Loaders {
  readonly report: ReturnType<typeof createReportLoader>;
  readonly agencyReports: ReturnType<typeof createAgencyReportsLoader>;
  readonly reportHistory: ReturnType<typeof createReportHistoryLoader>;
  readonly agency: ReturnType<typeof createAgencyLoader>;
  readonly findings: ReturnType<typeof createFindingsLoader>;
  readonly cell: ReturnType<typeof createCellLoader>;
}

export interface Context extends GatewayServices {
  readonly principal: Principal | null;
  readonly loaders: Loaders;
}

/** Tokens from XXGK_API_TOKENS (comma-separated; blanks ignored). */
export function parseApiTokens(value: string | undefined): Set<string> {
  return new Set((value ?? '').split(',').map((t) => t.trim()).filter((t) => t !== ''));
}

function principalOf(request: Request, tokens: ReadonlySet<string>): Principal | null {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const token = match?.[1];
  return token !== undefined && tokens.has(token) ? { kind: 'token' } : null;
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
      agency: createAgencyLoader(store),
      findings: createFindingsLoader(store),
      cell: createCellLoader(store),
    },
  };
}
