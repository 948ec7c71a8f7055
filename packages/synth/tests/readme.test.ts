import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFECTS } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('documents every defect and every public function', () => {
    for (const d of DEFECTS) expect(readme).toContain(`| \`${d.id}\` |`);
    for (const name of ['generateModel', 'render', 'renderSync', 'generateReport', 'truthFor', 'generateSample', 'DEFECTS']) {
      expect(readme).toContain(`${name}`);
    }
  });
});
