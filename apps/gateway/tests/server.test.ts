import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/server.js';
import type { RunningServer } from '../src/server.js';

describe('startServer', () => {
  let dir: string;
  let server: RunningServer;
  const lines: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xxgk-serve-'));
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: join(dir, 'data'),
      seedDemo: { agencies: 6, years: [2023, 2024], seed: 5 },
      apiTokens: 'a,b',
      log: (line) => lines.push(line),
    });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('fills an empty embedded database with the synthetic sample and prints the URLs', () => {
    expect(lines[0]).toMatch(/^Empty database: loading a synthetic national sample/);
    expect(lines[1]).toMatch(/^Loaded 12 reports of 6 agencies in \d+\.\d s\.$/);
    expect(lines.at(-1)).toBe(`xxgk gateway on ${server.url} — GraphQL and GraphiQL at ${server.graphqlUrl}`);
  });

  it('serves GraphQL, GraphiQL and the placeholder page', async () => {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ reports { totalCount } stats(groupBy: [YEAR]) { year reports } }' }),
    });
    expect(await response.json()).toEqual({
      data: { reports: { totalCount: 12 }, stats: [{ year: 2023, reports: 6 }, { year: 2024, reports: 6 }] },
    });
    const graphiql = await fetch(server.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toContain('xxgk GraphQL');
    const page = await fetch(server.url);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('/graphql');
    expect((await fetch(`${server.url}nope`)).status).toBe(404);
  });

  it('does not seed a database that has reports', async () => {
    await server.close();
    lines.length = 0;
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), log: (line) => lines.push(line) });
    expect(lines).toHaveLength(1);
    expect(await server.store.countReports()).toBe(12);
  });
});

describe('startServer with the editors\' page', () => {
  it('serves what the web handler answers and falls back to 404 when it answers null', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xxgk-serve-web-'));
    const seen: string[] = [];
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: join(dir, 'data'),
      seedDemo: false,
      log: () => undefined,
      web: (request) => {
        const { pathname } = new URL(request.url);
        seen.push(`${request.method} ${pathname}`);
        return Promise.resolve(
          pathname === '/' ? new Response('<h1>政府信息公开年报检查</h1>', { headers: { 'content-type': 'text/html; charset=utf-8' } }) : null,
        );
      },
    });
    try {
      const page = await fetch(server.url);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toBe('<h1>政府信息公开年报检查</h1>');
      expect((await fetch(server.url, { method: 'HEAD' })).status).toBe(200);
      expect((await fetch(`${server.url}assets/missing.js`)).status).toBe(404);
      const graphql = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ reports { totalCount } }' }),
      });
      expect(await graphql.json()).toEqual({ data: { reports: { totalCount: 0 } } });
      expect(seen).toEqual(['GET /', 'HEAD /', 'GET /assets/missing.js']);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
