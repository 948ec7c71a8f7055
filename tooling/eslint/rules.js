// @ts-check
/** Lint rule files must default-export a defineRule(...) call. */
export default [
  {
    name: 'xxgk/rules',
    files: ['src/rules/*.ts'],
    ignores: ['src/rules/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program:not(:has(ExportDefaultDeclaration > CallExpression[callee.name="defineRule"]))',
          message: 'A rule file must `export default defineRule({ meta, create })`.',
        },
      ],
    },
  },
];
