import { defineProject } from 'vitest/config';

/** The crash-safety run (`pnpm test:reliability`): child processes over the BUILT dist, SIGKILLed at random points. */
export default defineProject({
  test: {
    name: 'store:reliability',
    environment: 'node',
    include: ['tests/reliability/**/*.reliability.ts'],
    restoreMocks: true,
    globals: false,
    testTimeout: 900_000,
    hookTimeout: 120_000,
  },
});
