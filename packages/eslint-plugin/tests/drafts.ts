import { DEFECT_IDS, generateReport } from '@xxgk/synth';
import type { DefectId } from '@xxgk/synth';

export type DraftFormat = 'text' | 'markdown' | 'html';

export interface Draft {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly text: string;
  readonly defect: DefectId | null;
  readonly year: number | undefined;
}

/**
 * Realistic drafts from @xxgk/synth: one clean report per template era, and one report per defect
 * (the generator picks a year the defect fits), in the given format.
 */
export async function drafts(format: DraftFormat, seed = 7): Promise<Draft[]> {
  const plan: { defect: DefectId | null; year?: number }[] = [
    { defect: null, year: 2012 },
    { defect: null, year: 2020 },
    { defect: null, year: 2023 },
    ...DEFECT_IDS.map((defect) => ({ defect })),
  ];
  const out: Draft[] = [];
  for (const [i, item] of plan.entries()) {
    const generated = await generateReport({ seed: seed + i, format, defect: item.defect, ...(item.year !== undefined ? { year: item.year } : {}) });
    const ext = generated.name.slice(generated.name.lastIndexOf('.'));
    out.push({
      name: `${String(i).padStart(2, '0')}-${item.defect ?? `clean-${item.year}`}${ext}`,
      bytes: generated.bytes,
      text: generated.text ?? '',
      defect: item.defect,
      year: item.year,
    });
  }
  return out;
}
