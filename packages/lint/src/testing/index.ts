export { RuleTester, resolveCase, ruleTester, runRule } from './rule-tester.js';
export type { ExpectedError, InvalidCase, RuleTests, ValidCase } from './rule-tester.js';
export { SOURCE_TEXT, buildReport, cellSpanAt, spanOf, textOf } from './build-report.js';
export type { BuildReportOptions, CellOverride } from './build-report.js';
