import { SYNTH_FORMATS } from '@xxgk/synth';
import { describe, expect, it } from 'vitest';
import { roundTrip } from './roundtrip.js';

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
