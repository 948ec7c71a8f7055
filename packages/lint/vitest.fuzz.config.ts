import { defineProject } from 'vitest/config';

/** The long fuzz run (`pnpm test:fuzz`, part of the root `pnpm test:reliability`): 10,000 cases per property. */
export default defineProject({
  test: {
    name: 'lint:fuzz',
    environment: 'node',
    include: ['tests/fuzz/**/*.test.ts'],
    restoreMocks: true,
    globals: false,
    env: { XXGK_FUZZ_RUNS: process.env.XXGK_FUZZ_RUNS ?? '10000' },
    testTimeout: 3_600_000,
  },
});
