// @ts-check
/** Relaxations for tests: fixtures are built loosely and assertions narrow types themselves. */
export default [
  {
    name: 'xxgk/tests',
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
];
