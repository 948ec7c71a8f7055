import { DEFECT_IDS, SYNTH_FORMATS } from '@xxgk/synth';
import { describe, expect, it } from 'vitest';
import { factDiff, roundTrip, wrongValues } from './roundtrip.js';

const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);

describe('round trip with @xxgk/synth', () => {
  it.each(SYNTH_FORMATS)('%s: 30 generated reports parse back to their truth', async (format) => {
    const failures: string[] = [];
    let ambiguous = 0;
    for (const seed of SEEDS) {
      const r = await roundTrip(seed, format);
      ambiguous += r.ambiguous;
      if (r.problems.length > 0) failures.push(`seed ${seed}: ${r.problems.slice(0, 3).join('; ')}`);
    }
    expect(failures).toEqual([]);
    // only glued text dumps may leave cells ambiguous
    if (format !== 'text-dump') expect(ambiguous).toBe(0);
  });
});

describe('reports with injected defects', () => {
  it.each(SYNTH_FORMATS)('%s: no defect makes the parser claim a wrong value', async (format) => {
    const failures: string[] = [];
    for (const defect of DEFECT_IDS) {
      for (const seed of [1, 2]) {
        const wrong = await wrongValues(seed, format, defect);
        if (wrong && wrong.length > 0) failures.push(`${defect} seed ${seed}: ${wrong.slice(0, 3).join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('prose facts', () => {
  it.each(['text', 'text-dump', 'markdown', 'html'] as const)('%s: the stated totals, parts, quantities and absences are read', async (format) => {
    const failures: string[] = [];
    for (const seed of SEEDS) {
      const { missing, extra } = await factDiff(seed, format);
      if (missing.length > 0 || extra.length > 0) failures.push(`seed ${seed}: missing ${missing.join(' ')}; extra ${extra.join(' ')}`);
    }
    expect(failures).toEqual([]);
  });
});
