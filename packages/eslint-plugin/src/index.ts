import { readFileSync } from 'node:fs';
import type { ConfigObject, Plugin, RulesConfig } from '@eslint/core';
import { recommended as recommendedPreset, strict as strictPreset } from '@xxgk/lint';
import type { SeverityName } from '@xxgk/lint';
import { ReportLanguage } from './language.js';
import { rules } from './rules.js';

export { ReportLanguage } from './language.js';
export type { ReportLanguageOptions, ReportParseResult } from './language.js';
export { ReportSourceCode } from './source-code.js';
export type { CommentNode, ReportSourceCodeInit } from './source-code.js';
export { buildAst, visitorKeys } from './ast.js';
export type { FactNode, Position, ReportAstNode, ReportNode, SectionNode, SourceLocation, TableName, TableNode, TitleNode } from './ast.js';
export { parseSync } from './parse-sync.js';
export { agencyKey, findPrevious, findPreviousReport } from './previous-report.js';
export type { PreviousReport } from './previous-report.js';
export type { ParseSyncOptions, TextFormat } from './parse-sync.js';
export { findingsFor, rules, toEslintRule } from './rules.js';
export type { Finding, XxgkRuleDefinition } from './rules.js';
export { EslintPluginError } from './errors.js';
export type { EslintPluginErrorCode } from './errors.js';

const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

/** The files the configs apply to: report drafts as text, Markdown and HTML. */
export const FILES = ['**/*.{txt,md,html}'];

function eslintRules(preset: Readonly<Record<string, SeverityName>>): RulesConfig {
  return Object.fromEntries(Object.entries(preset).filter(([, severity]) => severity !== 'off').map(([id, severity]) => [`xxgk/${id}`, severity]));
}

export interface XxgkPlugin extends Plugin {
  readonly meta: { name: string; version: string; namespace: string };
  readonly languages: { report: ReportLanguage };
  readonly rules: typeof rules;
  readonly configs: { recommended: ConfigObject; strict: ConfigObject };
}

const plugins: Record<string, Plugin> = {};

/**
 * The plugin: `languages.report` (use as `language: 'xxgk/report'`), every @xxgk/lint rule as
 * `xxgk/<id>`, and the flat configs `recommended` and `strict` (the @xxgk/lint presets).
 */
const plugin: XxgkPlugin = {
  meta: { name, version, namespace: 'xxgk' },
  languages: { report: new ReportLanguage() },
  rules,
  configs: {
    recommended: { name: 'xxgk/recommended', files: FILES, plugins, language: 'xxgk/report', rules: eslintRules(recommendedPreset) },
    strict: { name: 'xxgk/strict', files: FILES, plugins, language: 'xxgk/report', rules: eslintRules(strictPreset) },
  },
};
plugins.xxgk = plugin;

export default plugin;
