import { createRequire } from 'node:module';
import corpus from '@xxgk/vitest-config/corpus';
import { defineProject, mergeConfig } from 'vitest/config';

// One graphql realm (see vitest.config.ts).
const graphql = createRequire(import.meta.url).resolve('graphql');

export default mergeConfig(
  corpus,
  defineProject({
    resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
    test: { name: 'gateway:corpus', hookTimeout: 120_000 },
  }),
);
