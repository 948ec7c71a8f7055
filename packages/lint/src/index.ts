export { defineRule } from './rule.js';
export type {
  ReportDescriptor,
  Rule,
  RuleContext,
  RuleMeta,
  RuleVisitors,
  SourceLine,
  SourceText,
} from './rule.js';
export { applyFixes, interpolate, lintReport, lintResult, ruleApplies } from './linter.js';
export type { FixResult, LintOptions } from './linter.js';
export {
  CONFIG_FILES,
  ConfigSchema,
  RuleEntrySchema,
  loadConfig,
  parseConfig,
  presets,
  resolveConfig,
  severityName,
} from './config.js';
export type { Config, PresetName, ResolvedRule, RuleEntry, RuleSeverity, SeverityName } from './config.js';
export { configJsonSchema } from './config-schema.js';
export { LintError } from './errors.js';
export type { LintErrorCode } from './errors.js';
export { createSourceText } from './source-text.js';
export { isDisabled, readDirectives } from './directives.js';
export type { Directives } from './directives.js';
export { rules } from './rules/index.js';
export { compareFigures, compareReports, compareSections, nonProseLines, textReuse } from './compare/index.js';
export type {
  ComparedReport,
  CopiedParagraph,
  FigureChange,
  ReportComparison,
  SectionChanges,
  SectionRef,
  TextReuse,
  TextReuseOptions,
} from './compare/index.js';
export { recommended } from './presets/recommended.js';
export { strict } from './presets/strict.js';
export { formatters, getFormatter } from './formatters/index.js';
export type { Formatter, FormatterName } from './formatters/index.js';
export { findingFingerprints, normaliseFingerprintText } from './fingerprint.js';
export type { FingerprintInput } from './fingerprint.js';
