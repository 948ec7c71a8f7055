import type { SeverityName } from '../config.js';
import { rules } from '../rules/index.js';

function strictSeverity(base: SeverityName): SeverityName {
  return base === 'off' ? 'warn' : 'error';
}

/** The strict preset (SPEC §7): every `warn` becomes `error`, every `off` becomes `warn`. */
export const strict: Readonly<Record<string, SeverityName>> = Object.freeze(
  Object.fromEntries(
    Object.entries(rules).map(([id, rule]) => [
      id,
      strictSeverity(rule.meta.docs.recommended === true ? rule.meta.defaultSeverity : 'off'),
    ]),
  ),
);
