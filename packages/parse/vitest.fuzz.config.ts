import base from '@xxgk/vitest-config/base';
import { defineProject, mergeConfig } from 'vitest/config';

/** The long fuzz run (`pnpm test:fuzz`, part of the root `pnpm test:reliability`): 10,000 cases per property. */
export default mergeConfig(
  base,
  defineProject({
    test: {
      name: 'parse:fuzz',
      include: ['tests/fuzz/**/*.test.ts'],
      env: { XXGK_FUZZ_RUNS: process.env.XXGK_FUZZ_RUNS ?? '10000' },
      testTimeout: 3_600_000,
    },
  }),
);
