import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { createGateway, demoAnalyzer, seedDemo } from '@xxgk/gateway';
import type { Gateway } from '@xxgk/gateway';
import { createDefaultAnalyzer, openStore } from '@xxgk/store';
import type { Store } from '@xxgk/store';
import { serveWeb } from '../src/index.js';

export interface TestServer {
  readonly origin: string;
  readonly gateway: Gateway;
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
  });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * The lead's wiring in miniature: the page from serveWeb, POST /graphql to the gateway's fetch handler, over a
 * fresh embedded store in a temporary folder with a small synthetic sample (for the stats view).
 */
export async function startTestServer(
  options: { agencies?: number; years?: readonly number[]; /** Fill the store instead of the demo sample. */ populate?: (store: Store) => Promise<void> } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'xxgk-web-'));
  const analyzer = demoAnalyzer(createDefaultAnalyzer());
  let store: Store | undefined;
  try {
    store = await openStore({ analyzer, dataDir });
    if (options.populate) await options.populate(store);
    else await seedDemo(store, { seed: 5, agencies: options.agencies ?? 6, years: options.years ?? [2021, 2022, 2023], defectRate: 0.3 });
  } catch (error) {
    await store?.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const openedStore = store;
  const gateway = createGateway({ store: openedStore, analyzer, graphiql: false });
  let origin = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const request = await toRequest(req, origin);
        const path = new URL(request.url).pathname;
        const response = path === '/graphql' ? await gateway.fetch(request) : ((await serveWeb(request)) ?? new Response('Not found\n', { status: 404 }));
        await send(res, response);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    gateway,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await openedStore.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM = '/usr/bin/chromium';

export interface TestBrowser {
  readonly browser: Browser;
  readonly page: Page;
  /** Uncaught page errors and console errors, for `expect(errors).toEqual([])`. */
  readonly errors: string[];
  /** Every URL the page requested. */
  readonly requests: string[];
}

/** Debian's headless Chromium (never a downloaded browser) with one page that records its errors and requests. */
export async function openBrowser(options: { height?: number; acceptDownloads?: boolean } = {}): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({
    viewport: { width: 1366, height: options.height ?? 768 },
    locale: 'zh-CN',
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { browser, page, errors, requests };
}
