import { rules as xxgkRules, strict } from '@xxgk/lint';
import type { Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { eslintFindings, xxgkFindings, xxgkFolderFindings } from './compare.js';
import type { EslintRun } from './compare.js';
import { drafts } from './drafts.js';
import type { Draft, DraftFormat } from './drafts.js';

describe.each<DraftFormat>(['text', 'markdown', 'html'])('ESLint with configs.recommended on generated %s drafts', (format) => {
  let files: Draft[] = [];
  let run: EslintRun;
  beforeAll(async () => {
    files = await drafts(format);
    run = await eslintFindings(files);
  }, 120_000);

  it('lints every draft with the xxgk/report language (no fatal parse error)', () => {
    expect(run.results).toHaveLength(files.length);
    for (const result of run.results) expect(result.messages.filter((m) => m.fatal === true)).toEqual([]);
  });

  it('reports exactly what xxgk lint reports: rule, severity, message, messageId, positions, fixes', async () => {
    const expected = await xxgkFolderFindings(files);
    for (const file of files) expect(run.findings.get(file.name), file.name).toEqual(expected.get(file.name));
  });

  it('finds the injected defects (the comparison is not vacuous)', () => {
    const ruleIds = new Set([...run.findings.values()].flat().map((f) => f.ruleId));
    for (const id of ['xxgk/placeholder', 'xxgk/table-sum', 'xxgk/required-section', 'xxgk/document-kind']) expect([...ruleIds]).toContain(id);
    const placeholder = files.find((f) => f.defect === 'placeholder');
    const found = run.findings.get(placeholder?.name ?? '')?.find((f) => f.ruleId === 'xxgk/placeholder');
    expect(found?.messageId).toBe('slot');
    // The finding points at the “20**” the generator wrote.
    const lines = (placeholder?.text ?? '').split(/\r\n|\r|\n/);
    expect(lines[(found?.line ?? 0) - 1]?.slice((found?.column ?? 0) - 1, (found?.endColumn ?? 0) - 1)).toContain('20**');
  });
});

describe('severity and rule selection come from the ESLint config', () => {
  let files: Draft[] = [];
  beforeAll(async () => {
    files = (await drafts('text', 40)).filter((f) => f.defect === 'placeholder' || f.defect === 'table-sum' || f.defect === 'document-kind');
  }, 60_000);

  it('configs.strict equals xxgk lint with the strict preset', async () => {
    const run = await eslintFindings(files, [plugin.configs.strict]);
    const expected = await xxgkFolderFindings(files, strict);
    for (const file of files) expect(run.findings.get(file.name), file.name).toEqual(expected.get(file.name));
  });

  it('a rule set to warn reports at severity 1, a rule turned off reports nothing', async () => {
    const run = await eslintFindings(files, [
      plugin.configs.recommended,
      { files: ['**/*.txt'], rules: { 'xxgk/placeholder': 'warn', 'xxgk/table-sum': 'off' } },
    ]);
    const all = [...run.findings.values()].flat();
    const placeholder = all.filter((f) => f.ruleId === 'xxgk/placeholder');
    expect(placeholder.length).toBeGreaterThan(0);
    expect(placeholder.every((f) => f.severity === 1)).toBe(true);
    expect(all.filter((f) => f.ruleId === 'xxgk/table-sum')).toEqual([]);
    const reference = (await Promise.all(files.map((f) => xxgkFindings(f.bytes, f.name)))).flat();
    expect(reference.some((f) => f.ruleId === 'xxgk/table-sum')).toBe(true);
  });

  it('a single rule enabled without the preset reports only that rule', async () => {
    const run = await eslintFindings(files, [
      { files: ['**/*.txt'], plugins: { xxgk: plugin }, language: 'xxgk/report', rules: { 'xxgk/document-kind': 'error' } },
    ]);
    const all = [...run.findings.values()].flat();
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((f) => f.ruleId))).toEqual(new Set(['xxgk/document-kind']));
    const reference = (await Promise.all(files.map((f) => xxgkFindings(f.bytes, f.name)))).flat().filter((f) => f.ruleId === 'xxgk/document-kind');
    expect(all).toEqual(reference.map((f) => ({ ...f, severity: 2 })));
  });

  it('rejects options for a rule that takes none (the rule schema is [])', async () => {
    const id = Object.entries(xxgkRules).find(([, rule]) => rule.meta.options === undefined)?.[0] ?? '';
    await expect(
      eslintFindings(files.slice(0, 1), [plugin.configs.recommended as Linter.Config, { files: ['**/*.txt'], rules: { [`xxgk/${id}`]: ['error', { any: 1 }] } }]),
    ).rejects.toThrow(/Key "xxgk\/[a-z-]+":\s+Value \[\{"any":1\}\] should NOT have more than 0 items/);
  });

  it('refuses an xxgk rule enabled for another language (meta.languages)', async () => {
    await expect(
      eslintFindings([{ name: 'a.js', bytes: 'export {};\n' }], [{ files: ['**/*.js'], plugins: { xxgk: plugin }, rules: { 'xxgk/placeholder': 'error' } }]),
    ).rejects.toThrow(/The following rules do not support the language "js\/js":\s+- "xxgk\/placeholder"/);
  });
});
