import type { LintMessage, Report } from '@xxgk/schema';
import { StoreError } from './errors.js';

export interface ParsedDocument {
  readonly report: Report;
  readonly text: string;
}

/** What ingest needs from @xxgk/parse and @xxgk/lint; injectable so tests and loaders can pass Reports directly. */
export interface Analyzer {
  parse(input: Uint8Array | string, options: { name?: string }): Promise<ParsedDocument>;
  lint(report: Report, options: { text: string; previousReport?: Report; previousText?: string }): LintMessage[] | Promise<LintMessage[]>;
  /**
   * The findings' fingerprints, one per message (what reviews attach to). Default: @xxgk/lint's
   * findingFingerprints, so an injected analyzer need not give it.
   */
  fingerprint?(messages: readonly FingerprintInput[], text: string): string[] | Promise<string[]>;
}

/** What a fingerprint is computed from (a LintMessage or a stored finding). */
export type FingerprintInput = Pick<LintMessage, 'ruleId' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn' | 'path'>;

interface ParseModule {
  parse(input: Uint8Array | string, options?: { name?: string }): Promise<ParsedDocument>;
}
interface LintModule {
  lintReport(report: Report, options: { text: string; previousReport?: Report; previousText?: string }): LintMessage[];
  findingFingerprints(messages: readonly FingerprintInput[], text?: string | null): string[];
}

// Loaded lazily by name: the store works (and its tests run) with injected analyzers when the
// parser or linter is not built.
const PARSE_MODULE: string = '@xxgk/parse';
const LINT_MODULE: string = '@xxgk/lint';

async function load<T>(name: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (cause) {
    throw new StoreError('ANALYZER_UNAVAILABLE', `${name} could not be loaded: ${(cause as Error).message}`, { cause });
  }
}

let defaultAnalyzer: Analyzer | undefined;

/** parse from @xxgk/parse and lintReport from @xxgk/lint. */
export function createDefaultAnalyzer(): Analyzer {
  defaultAnalyzer ??= {
    async parse(input, options) {
      const mod = await load<ParseModule>(PARSE_MODULE);
      return mod.parse(input, options);
    },
    async lint(report, options) {
      const mod = await load<LintModule>(LINT_MODULE);
      return mod.lintReport(report, options);
    },
  };
  return defaultAnalyzer;
}

let lintModule: Promise<LintModule> | undefined;

/** The fingerprints of a report's findings: the analyzer's own, else @xxgk/lint's findingFingerprints. */
export async function fingerprintsOf(analyzer: Analyzer, messages: readonly FingerprintInput[], text: string | null): Promise<string[]> {
  if (messages.length === 0) return [];
  if (analyzer.fingerprint) return analyzer.fingerprint(messages, text ?? '');
  lintModule ??= load<LintModule>(LINT_MODULE);
  const mod = await lintModule.catch((error: unknown) => {
    lintModule = undefined;
    throw error;
  });
  return mod.findingFingerprints(messages, text);
}
