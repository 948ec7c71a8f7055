import type { SeverityName } from '../config.js';
import { rules } from '../rules/index.js';

/** The strict preset (SPEC §7): every `warn` becomes `error`, every `off` becomes `warn`. */
export const strict: Readonly<Record<string, SeverityName>> = Object.freeze(
  Object.fromEntries(
    Object.entries(rules).map(([id, rule]) => {
      const base = rule.meta.docs.recommended === true ? rule.meta.defaultSeverity : 'off';
      return [id, base === 'off' ? 'warn' : 'error'];
    }),
  ),
);
