import type { SeverityName } from '../config.js';
import { rules } from '../rules/index.js';

/** The default preset: every rule at its meta.defaultSeverity (derived from the rule map). */
export const recommended: Readonly<Record<string, SeverityName>> = Object.freeze(
  Object.fromEntries(
    Object.entries(rules).map(([id, rule]) => [id, rule.meta.docs.recommended === true ? rule.meta.defaultSeverity : 'off']),
  ),
);
