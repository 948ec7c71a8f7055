import { applyFixes, lintReport, recommended } from '@xxgk/lint';
import { parse } from '@xxgk/parse';
import { describe, expect, it } from 'vitest';
import { eslintFindings } from './compare.js';
import { drafts } from './drafts.js';
import type { DraftFormat } from './drafts.js';

/** `xxgk lint --fix`: passes of applyFixes over a fresh parse until nothing changes (ESLint does at most 10). */
async function xxgkFix(text: string, name: string): Promise<string> {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const { report, text: parsed } = await parse(current, { name });
    const { fixed, output } = applyFixes(parsed, lintReport(report, { text: parsed, config: { rules: { ...recommended } } }));
    if (!fixed) break;
    current = output;
  }
  return current;
}

describe.each<DraftFormat>(['text', 'markdown', 'html'])('eslint --fix on a %s draft with conversion residue', (format) => {
  it('writes the same output as xxgk lint --fix, and the residue is gone', async () => {
    const files = (await drafts(format, 60)).filter((f) => f.defect === 'conversion-artifact');
    expect(files).toHaveLength(1);
    const file = files[0]!;
    const before = await eslintFindings([file]);
    const fixable = (before.findings.get(file.name) ?? []).filter((f) => f.fix !== undefined);
    expect(fixable.length).toBeGreaterThan(0);
    expect(fixable.every((f) => f.ruleId === 'xxgk/conversion-artifact')).toBe(true);

    const after = await eslintFindings([file], undefined, { fix: true });
    const output = after.results[0]?.output;
    expect(output).toBeDefined();
    expect(output).toBe(await xxgkFix(file.text, file.name));
    expect(after.results[0]?.messages.filter((m) => m.ruleId === 'xxgk/conversion-artifact')).toEqual([]);
  });
});
