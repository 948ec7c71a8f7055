import type { Report, Section, SectionKind } from '@xxgk/schema';
import { normaliseHeading } from '../utils/headings.js';

/** A section of one report, flattened out of the tree. */
export interface SectionRef {
  readonly kind: SectionKind;
  readonly heading: string;
  readonly level: number;
  readonly span: Section['span'];
}

export interface SectionChanges {
  /** Sections of B with no counterpart in A. */
  readonly added: SectionRef[];
  /** Sections of A with no counterpart in B. */
  readonly removed: SectionRef[];
}

function flatten(sections: readonly Section[]): SectionRef[] {
  const out: SectionRef[] = [];
  const stack = [...sections].reverse();
  for (let s = stack.pop(); s !== undefined; s = stack.pop()) {
    out.push({ kind: s.kind, heading: s.heading, level: s.level, span: s.span });
    for (let i = s.children.length - 1; i >= 0; i--) stack.push(s.children[i]!);
  }
  return out;
}

const key = (s: SectionRef): string => `${s.kind}:${normaliseHeading(s.heading)}`;

/**
 * Sections added and removed between A and B. Sections match by kind and heading (numbering and
 * spaces ignored); a template section (any kind but `other`) left unmatched then matches one of the
 * same kind and level in the other report (a renamed heading is the same section).
 */
export function compareSections(base: Report, other: Report): SectionChanges {
  const a = flatten(base.sections);
  const b = flatten(other.sections);
  const pool = new Map<string, SectionRef[]>();
  for (const s of a) {
    const list = pool.get(key(s));
    if (list) list.push(s);
    else pool.set(key(s), [s]);
  }
  const unmatched: SectionRef[] = [];
  for (const s of b) {
    const list = pool.get(key(s));
    if (list && list.length > 0) list.shift();
    else unmatched.push(s);
  }
  const removed = [...pool.values()].flat();
  const added: SectionRef[] = [];
  for (const s of unmatched) {
    const i = s.kind === 'other' ? -1 : removed.findIndex((r) => r.kind === s.kind && r.level === s.level);
    if (i >= 0) removed.splice(i, 1);
    else added.push(s);
  }
  removed.sort((x, y) => x.span.start - y.span.start);
  return { added, removed };
}
