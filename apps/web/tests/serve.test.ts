import { readFile, readdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveWeb, webRoot } from '../src/index.js';

const get = (path: string, method = 'GET') => serveWeb(new Request(`http://localhost${path}`, { method }));

describe('serveWeb', () => {
  it('serves index.html at / with the page’s script and style, and no external reference', async () => {
    expect(isAbsolute(webRoot)).toBe(true);
    const res = await get('/');
    expect(res?.status).toBe(200);
    expect(res?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res?.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = (await res?.text()) ?? '';
    expect(html).toBe(await readFile(join(webRoot, 'index.html'), 'utf8'));
    expect(html).toMatch(/src="\.\/assets\/[\w-]+\.js"/);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect((await get('/index.html'))?.status).toBe(200);
  });

  it('serves every built asset with its content type', async () => {
    const names = await readdir(join(webRoot, 'assets'));
    expect(names.some((n) => n.endsWith('.js'))).toBe(true);
    expect(names.some((n) => n.endsWith('.css'))).toBe(true);
    for (const name of names) {
      const res = await get(`/assets/${name}`);
      expect(res?.status).toBe(200);
      const type = name.endsWith('.js') ? 'text/javascript; charset=utf-8' : name.endsWith('.css') ? 'text/css; charset=utf-8' : null;
      if (type) expect(res?.headers.get('content-type')).toBe(type);
      expect(res?.headers.get('cache-control')).toContain('immutable');
      const body = new Uint8Array(await (res as Response).arrayBuffer());
      expect(body).toEqual(new Uint8Array(await readFile(join(webRoot, 'assets', name))));
      if (name.endsWith('.js') || name.endsWith('.css')) {
        // Bundled: nothing fetched from another host.
        expect(new TextDecoder().decode(body)).not.toMatch(/(?:import|url)\s*\(?\s*["']?https?:\/\//);
      }
    }
    const head = await get(`/assets/${names[0] ?? ''}`, 'HEAD');
    expect(head?.status).toBe(200);
    expect(await head?.text()).toBe('');
  });

  it('returns null for other paths, other methods, missing files and traversal attempts', async () => {
    for (const path of [
      '/graphql',
      '/favicon.ico',
      '/assets/',
      '/assets/missing.js',
      '/assets/../package.json',
      '/assets/%2e%2e%2fpackage.json',
      '/assets/..%2F..%2Fpackage.json',
      '/assets/.hidden',
      '/assets/sub/x.js',
      '/assets/%00.js',
      '/../../etc/passwd',
    ]) {
      expect(await get(path), path).toBeNull();
    }
    expect(await get('/', 'POST')).toBeNull();
  });
});
