import { generateConsecutive, generateReport, renderSync } from '@xxgk/synth';
import type { DefectId } from '@xxgk/synth';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { eslintFindings, xxgkFindings, xxgkFolderFindings } from './compare.js';
import type { DraftFormat } from './drafts.js';

const CASES: [DefectId, DraftFormat][] = [
  ['carryover-mismatch', 'text'],
  ['carryover-mismatch', 'markdown'],
  ['carryover-mismatch', 'html'],
  ['item-continuity', 'text'],
  ['item-continuity', 'html'],
];

describe.each(CASES)('cross-year rule %s on %s drafts', (defect, format) => {
  it('finds last year’s draft in the same folder and reports what xxgk lint reports for both files', async () => {
    const current = await generateReport({ seed: 210, format, defect });
    const previous = current.previous;
    expect(previous).not.toBeNull();
    const files = [
      { name: `2-${current.name}`, bytes: current.bytes },
      { name: `1-${previous!.name}`, bytes: previous!.bytes },
    ];
    const run = await eslintFindings(files);
    const expected = await xxgkFolderFindings(files);
    for (const file of files) expect(run.findings.get(file.name), file.name).toEqual(expected.get(file.name));
    const rules = (run.findings.get(files[0]!.name) ?? []).map((f) => f.ruleId);
    expect(rules).toContain(`xxgk/${defect}`);
    // Alone, xxgk lint cannot run the rule; the pairing is what finds the defect.
    expect((await xxgkFindings(current.bytes, files[0]!.name)).map((f) => f.ruleId)).not.toContain(`xxgk/${defect}`);
  });

  it('with languageOptions.previousReport "none" the cross-year rule does not run', async () => {
    const current = await generateReport({ seed: 210, format, defect });
    const files = [
      { name: `2-${current.name}`, bytes: current.bytes },
      { name: `1-${current.previous!.name}`, bytes: current.previous!.bytes },
    ];
    const run = await eslintFindings(files, [plugin.configs.recommended, { files: ['**/*'], languageOptions: { previousReport: 'none' } }]);
    expect((run.findings.get(files[0]!.name) ?? []).map((f) => f.ruleId)).not.toContain(`xxgk/${defect}`);
    expect(run.findings.get(files[0]!.name)).toEqual(await xxgkFindings(current.bytes, files[0]!.name));
  });
});

describe('copied-text on text drafts', () => {
  it('reads last year’s draft and its text, and reports what xxgk lint reports for both files', async () => {
    // 5 of last year's paragraphs copied (moved) into this year's report.
    const pair = generateConsecutive({ seed: 5, year: 2024, copiedParagraphs: 5 });
    const current = renderSync(pair.other, 'text');
    const previous = renderSync(pair.base, 'text');
    const files = [
      { name: `2-${current.name}`, bytes: current.bytes },
      { name: `1-${previous.name}`, bytes: previous.bytes },
    ];
    const run = await eslintFindings(files);
    const expected = await xxgkFolderFindings(files);
    for (const file of files) expect(run.findings.get(file.name), file.name).toEqual(expected.get(file.name));
    const copied = (run.findings.get(files[0]!.name) ?? []).filter((f) => f.ruleId === 'xxgk/copied-text');
    expect(copied).toHaveLength(1);
    expect((await xxgkFindings(current.bytes, files[0]!.name)).map((f) => f.ruleId)).not.toContain('xxgk/copied-text');
  });
});
