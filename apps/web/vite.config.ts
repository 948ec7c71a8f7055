import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The page: src/client → dist/public (index.html + assets/), everything bundled (no CDN, no web fonts). */
export default defineConfig({
  root: fileURLToPath(new URL('./src/client', import.meta.url)),
  base: './',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist/public', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
});
