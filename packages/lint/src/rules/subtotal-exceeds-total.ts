import type { Fact } from '@xxgk/schema';
import { defineRule } from '../rule.js';

/** Units that cannot be summed as parts of a count (rates, shares). */
const NON_ADDITIVE_UNITS = new Set(['%', '％', '百分点', '个百分点']);

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

function additive(part: Fact, total: Fact): boolean {
  if (NON_ADDITIVE_UNITS.has(part.unit)) return false;
  return part.unit === '' || total.unit === '' || part.unit === total.unit;
}

/**
 * SPEC §3 I10: the parts a report lists after a stated total (…共X条，其中A条、B条…) can never add up
 * to more than X. Reads the prose facts the parser linked with `partOf`.
 */
export default defineRule({
  meta: {
    id: 'subtotal-exceeds-total',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description: 'Disallow prose parts of a stated total (共X条，其中A条、B条) that add up to more than the total',
      recommended: true,
    },
    messages: {
      exceeds:
        '“{{label}}”共{{total}}{{unit}}，其中所列各项之和为{{sum}}{{unit}}（{{parts}}），超出总数{{excess}}{{unit}}',
    },
  },
  create(context) {
    const facts: Fact[] = [];
    return {
      fact(fact) {
        facts.push(fact);
      },
      'report:exit'() {
        const byId = new Map(facts.map((f) => [f.id, f]));
        const partsOf = new Map<string, Fact[]>();
        for (const fact of facts) {
          if (fact.partOf === undefined) continue;
          const list = partsOf.get(fact.partOf);
          if (list) list.push(fact);
          else partsOf.set(fact.partOf, [fact]);
        }
        for (const [totalId, parts] of partsOf) {
          const total = byId.get(totalId);
          if (!total || total.negated === true) continue;
          const counted = parts.filter((p) => additive(p, total));
          if (counted.length === 0) continue;
          const sum = round(counted.reduce((acc, p) => acc + p.value, 0));
          if (sum <= total.value + 1e-9) continue;
          const end = Math.max(total.span.end, ...counted.map((p) => p.span.end));
          context.report({
            messageId: 'exceeds',
            data: {
              label: total.label,
              total: total.value,
              unit: total.unit,
              sum,
              parts: counted.map((p) => p.value).join('+'),
              excess: round(sum - total.value),
            },
            span: context.source.span(total.span.start, end),
          });
        }
      },
    };
  },
});
