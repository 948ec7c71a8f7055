import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { eslintFindings, xxgkFindings } from './compare.js';
import type { Finding } from './compare.js';
import { drafts } from './drafts.js';
import type { Draft, DraftFormat } from './drafts.js';

/** The draft with a line inserted before line `line` (1-based). */
function insertBefore(text: string, line: number, inserted: string): string {
  const lines = text.split('\n');
  lines.splice(line - 1, 0, inserted);
  return lines.join('\n');
}

describe.each<DraftFormat>(['markdown', 'html'])('disable comments in a %s draft', (format) => {
  let draft: Draft;
  let target: Finding;
  beforeAll(async () => {
    draft = (await drafts(format, 150)).find((d) => d.defect === 'placeholder')!;
    const run = await eslintFindings([draft]);
    target = (run.findings.get(draft.name) ?? []).find((f) => f.ruleId === 'xxgk/placeholder')!;
    expect(target).toBeDefined();
  }, 60_000);

  const lintEdited = async (text: string): Promise<Finding[]> => {
    const run = await eslintFindings([{ name: draft.name, bytes: text }]);
    return run.findings.get(draft.name) ?? [];
  };

  it('<!-- eslint-disable-next-line xxgk/placeholder --> silences the finding on the next line', async () => {
    const found = await lintEdited(insertBefore(draft.text, target.line, '<!-- eslint-disable-next-line xxgk/placeholder -->'));
    expect(found.filter((f) => f.ruleId === 'xxgk/placeholder' && f.line === target.line + 1)).toEqual([]);
    expect(found.filter((f) => f.ruleId === null)).toEqual([]); // the directive is used: no “unused directive” warning
  });

  it('<!-- eslint-disable xxgk/placeholder --> at the top silences the rule in the whole draft', async () => {
    const found = await lintEdited(`<!-- eslint-disable xxgk/placeholder -->\n${draft.text}`);
    expect(found.filter((f) => f.ruleId === 'xxgk/placeholder')).toEqual([]);
  });

  it('<!-- eslint xxgk/placeholder: warn --> changes the severity inline', async () => {
    const found = await lintEdited(`<!-- eslint xxgk/placeholder: warn -->\n${draft.text}`);
    const placeholder = found.filter((f) => f.ruleId === 'xxgk/placeholder');
    expect(placeholder.length).toBeGreaterThan(0);
    expect(placeholder.every((f) => f.severity === 1)).toBe(true);
  });

  it('xxgk’s own <!-- xxgk-disable-next-line placeholder --> works too, exactly as in xxgk lint', async () => {
    const text = insertBefore(draft.text, target.line, '<!-- xxgk-disable-next-line placeholder -->');
    const found = await lintEdited(text);
    expect(found.filter((f) => f.ruleId === 'xxgk/placeholder' && f.line === target.line + 1)).toEqual([]);
    expect(found).toEqual(await xxgkFindings(text, draft.name));
  });

  it('an unused eslint-disable comment is reported as ESLint reports unused directives', async () => {
    const found = await lintEdited(`<!-- eslint-disable xxgk/fee-disclosure -->\n${draft.text}`);
    expect(found.filter((f) => f.ruleId === null)).toEqual([
      expect.objectContaining({ line: 1, column: 1, severity: 1, message: expect.stringMatching(/Unused eslint-disable directive/) as string }),
    ]);
  });
});

describe('configs', () => {
  it('configs.recommended ignores files it does not match (.json)', async () => {
    const draft = (await drafts('text', 160))[0]!;
    const run = await eslintFindings([draft, { name: 'data.json', bytes: '{}' }], [
      plugin.configs.recommended,
    ]);
    const json = run.results.find((r) => r.filePath.endsWith('data.json'));
    expect(json?.messages.map((m) => m.message)).toEqual(['File ignored because no matching configuration was supplied.']);
    const txt = run.results.find((r) => r.filePath.endsWith(draft.name));
    expect(txt?.messages.filter((m) => m.fatal === true)).toEqual([]);
  });
});
