// @ts-check
import { defineConfig } from 'vitest/config';

/** Tests that read ../shared (seeds, corpus): run by the uncached `test:corpus` task. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.corpus.test.ts'],
    restoreMocks: true,
    globals: false,
    testTimeout: 60_000,
  },
});
