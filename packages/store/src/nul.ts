import type { Report } from '@xxgk/schema';

/**
 * PostgreSQL cannot store U+0000 in `text` or `jsonb` (PGlite neither): ingest and import replace it
 * with U+FFFD, one UTF-16 unit for one, so every span into the text keeps its offsets and nothing is
 * dropped silently — the replacement character marks where the NUL was (as @xxgk/parse does when reading).
 */
export const NUL_REPLACEMENT = '\ufffd';

function clean(value: string): string {
  return value.includes('\u0000') ? value.replaceAll('\u0000', NUL_REPLACEMENT) : value;
}

/** A deep copy of a JSON value with U+0000 replaced in every string and key; the value itself when it has none. */
function cleanValue(value: unknown): unknown {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const v: unknown = value[i];
      const c = cleanValue(v);
      if (c !== v) {
        out ??= value.slice();
        out[i] = c;
      }
    }
    return out ?? value;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const entries = Object.entries(value).map(([k, v]) => {
      const ck = clean(k);
      const cv = cleanValue(v);
      if (ck !== k || cv !== v) changed = true;
      return [ck, cv] as const;
    });
    return changed ? Object.fromEntries(entries) : value;
  }
  return value;
}

/** The Report and its text, storable: U+0000 replaced by U+FFFD everywhere (same object when there was none). */
export function withoutNul<T extends { report: Report; text?: string | null | undefined }>(input: T): T {
  const report = cleanValue(input.report) as Report;
  const text = typeof input.text === 'string' ? clean(input.text) : input.text;
  return report === input.report && text === input.text ? input : { ...input, report, text };
}
