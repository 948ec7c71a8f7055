export { buildReport, random } from './build-report.js';
export type { BuildReportOptions } from './build-report.js';
export { identityLint, jsonAnalyzer, FakeParseError } from './analyzer.js';
export { sampleAgencies, sampleReports } from './sample.js';
