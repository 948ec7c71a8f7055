import { generateSample, hashString, renderSync } from '@xxgk/synth';
import type { Analyzer, ReportInput, Store } from '@xxgk/store';
import { StoreError } from '@xxgk/store';
import { identityLint } from '@xxgk/store/testing';

export interface DemoOptions {
  readonly seed?: number;
  /** How many agencies (each reports every year). Default 300. */
  readonly agencies?: number;
  /** Default 2019–2025. */
  readonly years?: readonly number[];
  /** Share of reports with an injected defect. Default 0.03. */
  readonly defectRate?: number;
  /**
   * Share of agency-years left unpublished (never an agency's first year), so the supervisors'
   * coverage view has gaps to show. Default 0.
   */
  readonly missingRate?: number;
  /** Lint with the rendered plain text, so text rules run too (default true; false: the model alone). */
  readonly withText?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface DemoResult {
  readonly reports: number;
  readonly agencies: number;
  readonly milliseconds: number;
}

/**
 * The analyzer for demo data: the real linter when it is built, else the template identities (so the
 * demo still has table-sum / application-balance / carryover-mismatch findings).
 */
export function demoAnalyzer(base: Analyzer): Analyzer {
  let fallback = false;
  return {
    parse: (input, options) => base.parse(input, options),
    async lint(report, options) {
      if (!fallback) {
        try {
          return await base.lint(report, options);
        } catch (error) {
          if (!(error instanceof StoreError && error.code === 'ANALYZER_UNAVAILABLE')) throw error;
          fallback = true;
        }
      }
      return identityLint(report, options.previousReport ? { previousReport: options.previousReport } : {});
    },
  };
}

/** Fill the store with a synthetic national sample from @xxgk/synth (Reports inserted directly). */
export async function seedDemo(store: Store, options: DemoOptions = {}): Promise<DemoResult> {
  const started = performance.now();
  const years = options.years ?? [2019, 2020, 2021, 2022, 2023, 2024, 2025];
  const agencies = options.agencies ?? 300;
  const total = agencies * years.length;
  const sample = generateSample({ seed: options.seed ?? 2024, agencies, years, defectRate: options.defectRate ?? 0.03 });
  const withText = options.withText !== false;
  const missing = (model: { truth: { agency: { name: string }; year: number | null } }): boolean =>
    model.truth.year !== years[0] && (hashString(`${model.truth.agency.name}|${model.truth.year}`) % 10_000) / 10_000 < (options.missingRate ?? 0);
  function* inputs(): Generator<ReportInput> {
    for (const model of sample) {
      if (missing(model)) continue;
      const text = withText ? renderSync(model, 'text').text : null;
      yield text !== null ? { report: model.truth, text } : { report: model.truth };
    }
  }
  const result = await store.importReports(inputs(), {
    batchSize: 250,
    ...(options.onProgress ? { onProgress: (done: number) => options.onProgress?.(done, total) } : {}),
  });
  const done = result.inserted;
  return { reports: done, agencies, milliseconds: performance.now() - started };
}
