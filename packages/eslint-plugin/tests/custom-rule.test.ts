import { defineRule, lintReport } from '@xxgk/lint';
import { parse } from '@xxgk/parse';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import plugin, { toEslintRule } from '../src/index.js';
import { eslintFindings, normalise, sorted } from './compare.js';
import { drafts } from './drafts.js';

/** A house rule written with @xxgk/lint's defineRule, with zod options. */
const maxHeadingLength = defineRule<'tooLong', { max: number }>({
  meta: {
    id: 'max-heading-length',
    type: 'suggestion',
    defaultSeverity: 'warn',
    docs: { description: 'Enforce a maximum length of section headings', recommended: 'strict' },
    messages: { tooLong: '标题“{{heading}}”超过 {{max}} 个字' },
    options: z.object({ max: z.number().int().positive() }),
    defaultOptions: { max: 30 },
  },
  create(context) {
    return {
      section(section) {
        if (section.heading.length > context.options.max) {
          context.report({ messageId: 'tooLong', data: { heading: section.heading, max: context.options.max }, span: section.span });
        }
      },
    };
  },
});

/** A rule that throws: xxgk turns it into one finding under the rule's id. */
const crashing = defineRule<'never'>({
  meta: {
    id: 'crashing',
    type: 'problem',
    defaultSeverity: 'error',
    docs: { description: 'Require a rule that never crashes', recommended: 'strict' },
    messages: { never: 'never' },
  },
  create() {
    return {
      report() {
        throw new Error('表三 not found');
      },
    };
  },
});

const house = {
  meta: { name: 'house' },
  rules: { 'max-heading-length': toEslintRule('max-heading-length', maxHeadingLength), crashing: toEslintRule('crashing', crashing) },
};

describe('toEslintRule with a custom xxgk rule and rule options', () => {
  it('passes the ESLint options to the rule and reports like lintReport with the same options', async () => {
    const files = (await drafts('markdown', 180)).slice(0, 3);
    const run = await eslintFindings(files, [
      { files: ['**/*.md'], plugins: { xxgk: plugin, house }, language: 'xxgk/report', rules: { 'house/max-heading-length': ['warn', { max: 8 }] } },
    ]);
    let total = 0;
    for (const file of files) {
      const { report, text } = await parse(file.bytes, { name: file.name });
      const expected = lintReport(report, {
        text,
        rules: { 'max-heading-length': maxHeadingLength },
        config: { rules: { 'max-heading-length': ['warn', { max: 8 }] } },
      }).map((m) => normalise(m, 'house/'));
      expect(run.findings.get(file.name)).toEqual(sorted(expected));
      total += expected.length;
    }
    expect(total).toBeGreaterThan(0);
    // Without options the rule's defaultOptions apply (max 30): fewer findings.
    const defaults = await eslintFindings(files, [
      { files: ['**/*.md'], plugins: { xxgk: plugin, house }, language: 'xxgk/report', rules: { 'house/max-heading-length': 'warn' } },
    ]);
    expect([...defaults.findings.values()].flat().length).toBeLessThan(total);
  });

  it('options failing the rule’s zod schema stop the run with INVALID_RULE_OPTIONS', async () => {
    const files = (await drafts('markdown', 181)).slice(0, 1);
    await expect(
      eslintFindings(files, [
        { files: ['**/*.md'], plugins: { xxgk: plugin, house }, language: 'xxgk/report', rules: { 'house/max-heading-length': ['warn', { max: -1 }] } },
      ]),
    ).rejects.toThrow(/invalid options for rule "max-heading-length"/);
  });

  it('a crashing rule gives the same single finding as in xxgk lint (position, no end)', async () => {
    const file = (await drafts('text', 182))[0]!;
    const run = await eslintFindings([file], [{ files: ['**/*.txt'], plugins: { xxgk: plugin, house }, language: 'xxgk/report', rules: { 'house/crashing': 'error' } }]);
    const { report, text } = await parse(file.bytes, { name: file.name });
    const expected = lintReport(report, { text, rules: { crashing }, config: { rules: { crashing: 'error' } } }).map((m) => normalise(m, 'house/'));
    expect(expected).toEqual([expect.objectContaining({ ruleId: 'house/crashing', message: expect.stringContaining('表三 not found') as string })]);
    expect(expected[0]?.endLine).toBeUndefined();
    expect(run.findings.get(file.name)).toEqual(expected);
  });

  it('a message ESLint would interpolate differently is reported as plain text, equal to xxgk’s', async () => {
    // ESLint replaces {{toString}} with Object.prototype.toString; xxgk leaves a name missing from data as written.
    const literal = defineRule<'braces'>({
      meta: {
        id: 'literal',
        type: 'suggestion',
        defaultSeverity: 'warn',
        docs: { description: 'Require nothing in particular', recommended: 'strict' },
        messages: { braces: '占位符“{{toString}}”未填写（{{n}}）' },
      },
      create(context) {
        return {
          report(report) {
            context.report({ messageId: 'braces', data: { n: 1 }, span: report.titleSpan ?? null });
          },
        };
      },
    });
    const local = { rules: { literal: toEslintRule('literal', literal) } };
    const file = (await drafts('html', 183))[0]!;
    const run = await eslintFindings([file], [{ files: ['**/*.html'], plugins: { xxgk: plugin, local }, language: 'xxgk/report', rules: { 'local/literal': 'warn' } }]);
    const found = run.findings.get(file.name) ?? [];
    expect(found.map((f) => f.message)).toEqual(['占位符“{{toString}}”未填写（1）']);
    expect(found[0]?.messageId).toBeUndefined();
  });
});
