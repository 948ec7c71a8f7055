import { createRequire } from 'node:module';
import base from '@xxgk/vitest-config/base';
import { defineProject, mergeConfig } from 'vitest/config';

// graphql 16 ships index.js (CJS, what Node and the Pothos/yoga packages load) and index.mjs (what
// vite would pick for our sources): two realms. Point vite at the one Node uses.
const graphql = createRequire(import.meta.url).resolve('graphql');

export default mergeConfig(
  base,
  defineProject({
    resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
    test: { name: 'gateway', hookTimeout: 120_000 },
  }),
);
