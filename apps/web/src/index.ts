import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the built page (index.html and assets/): `dist/public` of this package, built by `vite build`.
 * Resolved the same from src/ (tests) and from dist/ (the built package).
 */
export const webRoot: string = fileURLToPath(new URL('../dist/public/', import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** One file name under assets/: letters, digits, dot, dash, underscore; no leading dot (so no `..`). */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  // Everything is bundled: the page may talk to its own origin only (the intranet rule).
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'",
  'referrer-policy': 'no-referrer',
};

async function fileResponse(path: string, method: string, cacheControl: string): Promise<Response | null> {
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch (_error) {
    return null;
  }
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { 'content-type': type, 'content-length': String(body.byteLength), 'cache-control': cacheControl, ...SECURITY_HEADERS },
  });
}

/**
 * Serve the editors' page: `/` (and `/index.html`) → index.html, `/assets/<file>` → the bundled scripts and styles.
 * Resolves to null for anything else (other paths, other methods, missing files, any traversal attempt), so the
 * caller can fall through to its own routes (/graphql) or a 404.
 */
export async function serveWeb(request: Request): Promise<Response | null> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  let pathname: string;
  try {
    pathname = new URL(request.url, 'http://localhost').pathname;
  } catch (_error) {
    return null;
  }
  if (pathname === '/' || pathname === '/index.html') {
    return fileResponse(join(webRoot, 'index.html'), request.method, 'no-cache');
  }
  if (pathname.startsWith('/assets/')) {
    let name: string;
    try {
      name = decodeURIComponent(pathname.slice('/assets/'.length));
    } catch (_error) {
      return null;
    }
    if (!ASSET_NAME.test(name)) return null;
    // Vite names assets by content hash: they never change under the same name.
    return fileResponse(join(webRoot, 'assets', name), request.method, 'public, max-age=31536000, immutable');
  }
  return null;
}
