import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import type { LintResult } from '@xxgk/schema';
import type { Rule } from '../rule.js';
import { rules as builtinRules } from '../rules/index.js';

const LEVEL = { 1: 'warning', 2: 'error' } as const;

function uriOf(filePath: string): string {
  if (filePath === '<stdin>' || filePath === '-') return 'stdin';
  return isAbsolute(filePath) ? pathToFileURL(filePath).href : filePath.split('\\').join('/');
}

/** SARIF 2.1.0: one run, tool.driver.rules from the rules' meta, one result per finding. */
export function sarif(
  results: readonly LintResult[],
  options: { rules?: Readonly<Record<string, Rule>>; version?: string } = {},
): string {
  const registry = options.rules ?? builtinRules;
  const used = new Set<string>();
  for (const r of results) for (const m of r.messages) if (m.ruleId) used.add(m.ruleId);
  const ids = Object.keys(registry).sort();
  for (const id of used) if (!ids.includes(id)) ids.push(id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const driverRules = ids.map((id) => {
    const rule = registry[id];
    const descriptor: Record<string, unknown> = { id };
    if (rule) {
      descriptor.shortDescription = { text: rule.meta.docs.description };
      descriptor.helpUri = rule.meta.docs.url;
      descriptor.properties = { type: rule.meta.type, recommended: rule.meta.docs.recommended };
      if (rule.meta.defaultSeverity !== 'off') {
        descriptor.defaultConfiguration = { level: rule.meta.defaultSeverity === 'error' ? 'error' : 'warning' };
      } else {
        descriptor.defaultConfiguration = { enabled: false };
      }
    }
    return descriptor;
  });
  const sarifResults = results.flatMap((r) =>
    r.messages.map((m) => {
      const region: Record<string, number> = { startLine: m.line, startColumn: m.column };
      if (m.endLine !== undefined) region.endLine = m.endLine;
      if (m.endColumn !== undefined) region.endColumn = m.endColumn;
      const result: Record<string, unknown> = {
        level: LEVEL[m.severity],
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(r.filePath) }, region } }],
      };
      if (m.ruleId) {
        result.ruleId = m.ruleId;
        const i = index.get(m.ruleId);
        if (i !== undefined) result.ruleIndex = i;
      }
      return result;
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'xxgk',
            informationUri: 'https://github.com/xxgk/xxgk',
            version: options.version ?? '0.1.0',
            rules: driverRules,
          },
        },
        artifacts: results.map((r) => ({ location: { uri: uriOf(r.filePath) } })),
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
