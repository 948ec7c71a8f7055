import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createDefaultAnalyzer, defaultDataDir, openStore } from '@xxgk/store';
import type { Store } from '@xxgk/store';
import { demoAnalyzer, seedDemo } from './demo.js';
import type { DemoOptions } from './demo.js';
import type { ResponseCacheOptions } from './response-cache.js';
import { createGateway } from './yoga.js';

export interface ServerOptions {
  /** Default PORT, else 4000; 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Embedded database folder (default XXGK_DATA_DIR, else .xxgk/data). */
  readonly dataDir?: string;
  /** PostgreSQL URL (default DATABASE_URL); the embedded database when absent. */
  readonly databaseUrl?: string;
  /** Fill an empty database with the synthetic national sample. Default: true for the embedded database. */
  readonly seedDemo?: boolean | DemoOptions;
  /** Bearer tokens for mutations (default XXGK_API_TOKENS). */
  readonly apiTokens?: Iterable<string> | string;
  /** Where progress and URLs are printed (default stdout). */
  readonly log?: (line: string) => void;
  /**
   * Serves the editors' page (e.g. `serveWeb` of @xxgk/web): called for every non-GraphQL GET/HEAD;
   * null falls through to the placeholder page at / and 404 elsewhere.
   */
  readonly web?: (request: Request) => Promise<Response | null>;
  /** Cache public reads (default on, 5 s TTL; mutations through this server invalidate at once). */
  readonly responseCache?: ResponseCacheOptions | boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly graphqlUrl: string;
  readonly server: Server;
  readonly store: Store;
  close(): Promise<void>;
}

const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>xxgk</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}</style></head>
<body><h1>xxgk</h1>
<p>政府信息公开工作年度报告 — the editors' page will live here.</p>
<p>For now: <a href="/graphql">GraphiQL</a> (the GraphQL API at <code>/graphql</code>).</p>
</body></html>
`;

/** Open the store (seeding demo data into an empty embedded one), then serve /graphql and /. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => void process.stdout.write(`${line}\n`));
  // An explicit URL wins, then an explicit folder, then DATABASE_URL, then the default folder.
  const databaseUrl = options.databaseUrl ?? (options.dataDir !== undefined ? undefined : process.env.DATABASE_URL || undefined);
  const analyzer = demoAnalyzer(createDefaultAnalyzer());
  const store = await openStore({
    analyzer,
    ...(databaseUrl !== undefined ? { databaseUrl } : { dataDir: resolve(options.dataDir ?? defaultDataDir()) }),
  });
  try {
    const seed = options.seedDemo ?? databaseUrl === undefined;
    if (seed !== false && (await store.isEmpty())) {
      log('Empty database: loading a synthetic national sample from @xxgk/synth …');
      let shown = 0;
      const demo = await seedDemo(store, {
        agencies: 200,
        onProgress: (done, total) => {
          if (done - shown >= 500 && done < total) {
            shown = done;
            log(`  … ${done} of ${total} reports`);
          }
        },
        // the default sample leaves 2 % of agency-years unpublished (coverage has gaps to show)
        ...(typeof seed === 'object' ? seed : { missingRate: 0.02 }),
      });
      log(`Loaded ${demo.reports} reports of ${demo.agencies} agencies in ${(demo.milliseconds / 1000).toFixed(1)} s.`);
    }
  } catch (error) {
    await store.close();
    throw error;
  }

  const gateway = createGateway({
    store,
    analyzer,
    responseCache: options.responseCache ?? true,
    ...(options.apiTokens !== undefined ? { apiTokens: options.apiTokens } : {}),
  });
  const fallback = (path: string | undefined, res: ServerResponse) => {
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PLACEHOLDER_PAGE);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  };
  const web = options.web;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/graphql' || path?.startsWith('/graphql/')) {
      void gateway.requestListener(req, res);
    } else if (web !== undefined && (req.method === 'GET' || req.method === 'HEAD')) {
      const request = new Request(new URL(req.url ?? '/', 'http://localhost'), { method: req.method });
      web(request).then(
        async (response) => {
          if (response === null) return fallback(path, res);
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()));
        },
        () => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Internal error\n'),
      );
    } else {
      fallback(path, res);
    }
  });
  const port = options.port ?? (process.env.PORT !== undefined ? Number(process.env.PORT) : 4000);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://localhost:${address.port}/`;
  const graphqlUrl = `${url}graphql`;
  log(`xxgk gateway on ${url} — GraphQL and GraphiQL at ${graphqlUrl}`);
  return {
    url,
    graphqlUrl,
    server,
    store,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
