import { createRequire } from 'node:module';
import { defineProject } from 'vitest/config';

// as vitest.config.ts: point vite at the graphql build Node loads (one realm)
const graphql = createRequire(import.meta.url).resolve('graphql');

/** The loopback load run (`pnpm test:reliability`): 60 s, or 300 s with XXGK_LOAD_LONG=1. */
export default defineProject({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
  test: {
    name: 'gateway:reliability',
    environment: 'node',
    include: ['tests/hardening/**/*.reliability.ts'],
    restoreMocks: true,
    globals: false,
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
