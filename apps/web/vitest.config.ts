import { createRequire } from 'node:module';
import base from '@xxgk/vitest-config/base';
import { defineProject, mergeConfig } from 'vitest/config';

// The browser test loads the gateway (graphql 16 ships CJS index.js and ESM index.mjs): keep one realm.
const graphql = createRequire(import.meta.url).resolve('graphql');

export default mergeConfig(
  base,
  defineProject({
    resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
    test: { name: 'web', hookTimeout: 180_000, globalSetup: ['tests/global-setup.ts'] },
  }),
);
