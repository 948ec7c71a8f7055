// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The shared flat config: eslint recommended + type-aware typescript-eslint. */
export default tseslint.config(
  { name: 'xxgk/ignores', ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**', '**/json-schema/**'] },
  { name: 'xxgk/js', ...js.configs.recommended },
  { name: 'xxgk/node-globals', languageOptions: { globals: { ...globals.node } } },
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.ts'] })),
  {
    name: 'xxgk/typescript',
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    name: 'xxgk/js-files',
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  { name: 'xxgk/scripts', files: ['scripts/**', '**/scripts/**'], rules: { 'no-console': 'off' } },
);
