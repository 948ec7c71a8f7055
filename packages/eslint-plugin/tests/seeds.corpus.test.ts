import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { normalise, sorted, xxgkFolderFindings } from './compare.js';
import type { Finding } from './compare.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = process.env.XXGK_CORPUS_DIR ?? resolve(repoRoot, '../shared');

/** The real drafts ESLint can read as text: the seeds and the corpus' .txt / .md / .html files. */
const files = [
  ...readdirSync(join(shared, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `seeds/${f}`),
  ...readdirSync(join(shared, 'corpus'))
    .filter((f) => /\.(txt|md|html)$/.test(f) && f !== 'README.md')
    .map((f) => `corpus/${f}`),
].sort();

describe('ESLint on the seeds and the corpus (read in place)', () => {
  const findings = new Map<string, Finding[]>();
  /** xxgk lint over each folder (the cross-year rules pair reports of one folder, as 'sibling' does). */
  const expected = new Map<string, Finding[]>();
  beforeAll(async () => {
    for (const folder of ['seeds', 'corpus']) {
      const inFolder = files.filter((f) => f.startsWith(`${folder}/`)).map((f) => ({ name: f.slice(folder.length + 1), bytes: readFileSync(join(shared, f)) }));
      for (const [name, list] of await xxgkFolderFindings(inFolder)) expected.set(`${folder}/${name}`, list);
    }
    const config: Linter.Config[] = [{ ...(plugin.configs.recommended as Linter.Config), ignores: ['corpus/README.md'] }];
    const eslint = new ESLint({ cwd: shared, overrideConfigFile: true, overrideConfig: config });
    for (const result of await eslint.lintFiles(files)) {
      findings.set(relative(shared, result.filePath), sorted(result.messages.map((m) => normalise(m as Finding, ''))));
    }
  }, 300_000);

  it('finds the five seeds and the corpus drafts', () => {
    expect(files.filter((f) => f.startsWith('seeds/'))).toHaveLength(5);
    expect(files.filter((f) => f.startsWith('corpus/')).length).toBeGreaterThanOrEqual(3);
    expect([...findings.keys()].sort()).toEqual(files);
  });

  for (const file of files) {
    it(`${file}: the same findings as xxgk lint`, () => {
      expect(expected.get(file)).toBeDefined();
      expect(findings.get(file)).toEqual(expected.get(file));
    });
  }

  it('the seeds show what DESIGN.md says (the comparison is not vacuous)', () => {
    const ids = (prefix: string): string[] => [...new Set([...findings].filter(([f]) => f.startsWith(`seeds/${prefix}`)).flatMap(([, list]) => list.map((m) => m.ruleId ?? '')))];
    expect(ids('001')).toEqual(expect.arrayContaining(['xxgk/garbled-text', 'xxgk/placeholder']));
    expect(ids('003')).toEqual(expect.arrayContaining(['xxgk/conversion-artifact']));
  });
});
