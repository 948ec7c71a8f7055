import { rules as builtinRules } from './rules/index.js';
import type { Rule } from './rule.js';

const SEVERITY = {
  description: 'off | warn | error, or 0 | 1 | 2',
  enum: ['off', 'warn', 'error', 0, 1, 2],
} as const;

/**
 * The JSON Schema of xxgk.config.json, with one property per rule (description and default severity
 * from its meta) so editors can complete and check rule ids. Published as `@xxgk/lint/config.schema.json`.
 */
export function configJsonSchema(registry: Readonly<Record<string, Rule>> = builtinRules): Record<string, unknown> {
  const properties = Object.fromEntries(
    Object.entries(registry).map(([id, rule]) => [
      id,
      {
        description: `${rule.meta.docs.description} (default: ${rule.meta.defaultSeverity}). ${rule.meta.docs.url}`,
        anyOf: [
          SEVERITY,
          { type: 'array', prefixItems: [SEVERITY, { description: 'rule options' }], minItems: 1, maxItems: 2 },
        ],
      },
    ]),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'xxgk lint configuration (xxgk.config.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      preset: {
        description: 'recommended (default): every rule at its default severity; strict: warn → error, off → warn',
        enum: ['recommended', 'strict'],
      },
      rules: { type: 'object', additionalProperties: false, properties },
    },
  };
}
