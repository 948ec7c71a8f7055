import type { File } from '@eslint/core';
import { ESLint } from 'eslint';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin, { EslintPluginError, ReportLanguage } from '../src/index.js';
import type { ReportAstNode, ReportNode, ReportParseResult, SectionNode , ReportSourceCode } from '../src/index.js';
import { eslintFindings } from './compare.js';
import { drafts } from './drafts.js';

const language = new ReportLanguage();

function file(path: string, body: string, bom = false): File {
  return { path, physicalPath: path, bom, body };
}

function sourceCodeOf(path: string, text: string): ReportSourceCode {
  const result = language.parse(file(path, text), { languageOptions: {} });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return language.createSourceCode(file(path, text), result);
}

function sectionsOf(nodes: readonly SectionNode[]): SectionNode[] {
  return nodes.flatMap((n) => [n, ...sectionsOf(n.children)]);
}

describe('ReportLanguage', () => {
  it('is a text language counting lines and columns from 1', () => {
    expect(language.fileType).toBe('text');
    expect(language.lineStart).toBe(1);
    expect(language.columnStart).toBe(1);
    expect(language.nodeTypeKey).toBe('type');
    expect(language.visitorKeys.Report).toEqual(['title', 'sections', 'tables', 'facts']);
    expect(plugin.languages.report).toBeInstanceOf(ReportLanguage);
  });

  it('validates languageOptions: format (text / markdown / html) and previousReport (sibling / none)', () => {
    expect(() => language.validateLanguageOptions({})).not.toThrow();
    expect(() => language.validateLanguageOptions({ format: 'html', previousReport: 'none' })).not.toThrow();
    expect(() => language.validateLanguageOptions({ previousReport: 'folder' as never })).toThrowError(expect.objectContaining({ code: 'INVALID_LANGUAGE_OPTIONS' }) as Error);
    expect(() => language.validateLanguageOptions({ format: 'docx' as never })).toThrowError(expect.objectContaining({ code: 'INVALID_LANGUAGE_OPTIONS' }) as Error);
    expect(() => language.validateLanguageOptions({ ecmaVersion: 2022 })).toThrowError(EslintPluginError);
  });

  it('parses a draft into a Report tree whose locations agree with the text', async () => {
    const draft = (await drafts('text', 120))[2]!;
    const code = sourceCodeOf(`/tmp/${draft.name}`, draft.text);
    const ast: ReportNode = code.ast;
    expect(code.report?.source.format).toBe('text');
    expect(ast.type).toBe('Report');
    expect(ast.range).toEqual([0, draft.text.length]);
    expect(ast.loc.start).toEqual({ line: 1, column: 1 });
    expect(ast.loc.end).toEqual(code.getLocFromIndex(draft.text.length));
    expect(ast.title?.text).toBe(code.report?.title);
    expect(draft.text.slice(ast.title?.range[0], ast.title?.range[1])).toContain(code.report?.title.slice(0, 8));
    const sections = sectionsOf(ast.sections);
    expect(sections.length).toBeGreaterThanOrEqual(6);
    for (const section of sections) {
      expect(draft.text.slice(section.range[0]).startsWith(section.heading), section.heading).toBe(true);
      expect(code.getLocFromIndex(section.range[0])).toEqual(section.loc.start);
      expect(code.getLocFromIndex(section.range[1])).toEqual(section.loc.end);
      expect(code.getRange(section)).toEqual(section.range);
    }
    expect(ast.tables.map((t) => t.name)).toEqual(['proactive', 'applications', 'reviewLitigation']);
    expect(ast.facts.length).toBeGreaterThan(0);
    expect(ast.facts.map((f) => [f.id, f.value, ...f.range])).toEqual(code.report?.facts.map((f) => [f.id, f.value, f.span.start, f.span.end]));
  });

  it('traverses depth-first with enter and exit steps and knows each node’s parent', async () => {
    const draft = (await drafts('markdown', 121))[2]!;
    const code = sourceCodeOf(`/tmp/${draft.name}`, draft.text);
    const steps = [...code.traverse()];
    const count = (n: ReportAstNode): number =>
      1 +
      (n.type === 'Report'
        ? (n.title ? 1 : 0) + n.sections.reduce((s, c) => s + count(c), 0) + n.tables.length + n.facts.length
        : n.type === 'Section'
          ? n.children.reduce((s, c) => s + count(c), 0)
          : 0);
    expect(steps).toHaveLength(2 * count(code.ast));
    expect(steps[0]?.target).toBe(code.ast);
    expect(steps[0]?.phase).toBe(1);
    expect(steps.at(-1)?.target).toBe(code.ast);
    expect(steps.at(-1)?.phase).toBe(2);
    const first = code.ast.sections[0]!;
    expect(code.getParent(first)).toBe(code.ast);
    if (first.children[0]) expect(code.getParent(first.children[0])).toBe(first);
    expect(code.getParent(code.ast)).toBeUndefined();
  });

  it('an empty draft parses to a bare Report root without a report (nothing to lint)', () => {
    const result = language.parse(file('/tmp/new.md', ''), { languageOptions: {} }) as ReportParseResult;
    expect(result.ok).toBe(true);
    expect(result.report).toBeNull();
    expect(result.ast).toMatchObject({ type: 'Report', sections: [], range: [0, 0] });
  });

  it('unreadable input is a fatal parse error with the ParseError code', () => {
    const result = language.parse(file('/tmp/x.txt', '\u0001\u0002\u0003\u0004报告'.repeat(50)), { languageOptions: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ line: 1, column: 1, message: expect.stringMatching(/^BINARY_INPUT: /) as string });
  });

  it('languageOptions.format reads a .txt file holding Markdown as Markdown', async () => {
    const draft = (await drafts('markdown', 122))[0]!;
    const result = language.parse(file('/tmp/draft.txt', draft.text), { languageOptions: { format: 'markdown' } }) as ReportParseResult;
    expect(result.report?.source.format).toBe('markdown');
  });
});

describe('inside ESLint', () => {
  it('rules of other plugins can visit the Report tree with selectors (Section, Table, Fact)', async () => {
    const draft = (await drafts('html', 130))[2]!;
    const seen: string[] = [];
    const probe = {
      rules: {
        sections: {
          meta: { type: 'suggestion' as const, messages: { heading: '{{heading}}' }, schema: [] },
          create(context: { report(d: unknown): void }) {
            return {
              'Section[level=1]'(node: SectionNode) {
                context.report({ node, messageId: 'heading', data: { heading: node.heading } });
              },
              Table(node: { name: string }) {
                seen.push(`table:${node.name}`);
              },
              'Report:exit'() {
                seen.push('exit');
              },
            };
          },
        },
      },
    };
    const run = await eslintFindings([draft], [
      { files: ['**/*.html'], plugins: { xxgk: plugin, probe: probe }, language: 'xxgk/report', rules: { 'probe/sections': 'warn' } },
    ]);
    const headings = (run.findings.get(draft.name) ?? []).map((f) => f.message);
    expect(headings.length).toBeGreaterThanOrEqual(6);
    expect(headings[0]).toMatch(/^一、/);
    expect(seen).toEqual(['table:proactive', 'table:applications', 'table:reviewLitigation', 'exit']);
  });

  it('an empty draft gives no message; an unreadable one a fatal message', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'xxgk-eslint-'));
    try {
      writeFileSync(join(cwd, 'empty.md'), '');
      writeFileSync(join(cwd, 'binary.txt'), '\u0001\u0002\u0003\u0004报告'.repeat(50));
      const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
      const [binary, empty] = await eslint.lintFiles(['binary.txt', 'empty.md']);
      expect(empty?.messages).toEqual([]);
      expect(binary?.messages).toHaveLength(1);
      expect(binary?.messages[0]).toMatchObject({ fatal: true, severity: 2, ruleId: null, line: 1, column: 1 });
      expect(binary?.messages[0]?.message).toMatch(/BINARY_INPUT/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
