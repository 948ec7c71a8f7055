import type { SectionKind } from '@xxgk/schema';
import { legacy2008, national2019, national2021 } from '@xxgk/schema/templates';
import { bodyKey } from './labels.js';

/** Every section heading variant of the catalogues (national first, then legacy), longest first, as match keys. */
export const NATIONAL_SECTIONS_VARIANTS: readonly (readonly [string, SectionKind])[] = (() => {
  const out: [string, SectionKind][] = [];
  for (const cat of [national2021, legacy2008]) {
    for (const s of cat.sections) {
      for (const v of [s.heading, ...s.variants]) {
        const k = bodyKey(v);
        if (k.length > 1 && !out.some(([x]) => x === k)) out.push([k, s.kind]);
      }
    }
  }
  return out.sort((a, b) => b[0].length - a[0].length);
})();

/** 表三 row labels (both templates) as match keys: they look like headings and are not (SPEC §2.2). */
export const TABLE_ROW_KEYS: readonly string[] = (() => {
  const keys = new Set<string>();
  for (const cat of [national2019, national2021]) {
    for (const r of cat.applications?.rows ?? []) {
      const k = bodyKey(r.label);
      if (k.length >= 4) keys.add(k);
    }
  }
  return [...keys];
})();
