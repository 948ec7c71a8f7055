import { DEFECT_IDS, SYNTH_FORMATS } from '@xxgk/synth';
import { describe, expect, it } from 'vitest';
import { roundTrip, wrongValues } from './roundtrip.js';

/** The bigger sweep (runs in test:corpus): hundreds of seeds per format. */
const COUNT = Number(process.env.XXGK_ROUNDTRIP_SEEDS ?? 300);

describe('round trip sweep', () => {
  it.each(SYNTH_FORMATS)(`%s: ${COUNT} seeds`, { timeout: 600_000 }, async (format) => {
    const failures: string[] = [];
    for (let seed = 1000; seed < 1000 + COUNT; seed++) {
      const r = await roundTrip(seed, format);
      if (r.problems.length > 0) failures.push(`seed ${seed}: ${r.problems.slice(0, 3).join('; ')}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('defect sweep', () => {
  it.each(SYNTH_FORMATS)('%s: no wrong value under any defect', { timeout: 600_000 }, async (format) => {
    const failures: string[] = [];
    for (const defect of DEFECT_IDS) {
      for (let seed = 100; seed < 100 + Math.max(4, Math.round(COUNT / 30)); seed++) {
        const wrong = await wrongValues(seed, format, defect);
        if (wrong && wrong.length > 0) failures.push(`${defect} seed ${seed}: ${wrong.slice(0, 3).join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
