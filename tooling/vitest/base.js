// @ts-check
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/**/*.corpus.test.ts'],
    restoreMocks: true,
    globals: false,
    testTimeout: 60_000,
  },
});
