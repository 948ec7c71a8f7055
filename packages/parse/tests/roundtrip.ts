import { cellAt, cellValue, type Report } from '@xxgk/schema';
import { getTemplate } from '@xxgk/schema/templates';
import { generateReport, type SynthFormat } from '@xxgk/synth';
import { parse } from '../src/index.js';

export interface RoundTrip {
  seed: number;
  format: SynthFormat;
  problems: string[];
  ambiguous: number;
}

/**
 * Generate a report with @xxgk/synth, parse it back and compare with its truth: every template cell
 * equal — or, where the rendering runs digits together and the identities cannot decide, left blank
 * with the true value among its candidates (never a wrong value).
 */
export async function roundTrip(seed: number, format: SynthFormat): Promise<RoundTrip> {
  const generated = await generateReport({ seed, format, defect: null });
  const { report } = await parse(generated.bytes, { name: generated.name });
  const truth: Report = generated.truth;
  const problems: string[] = [];
  let ambiguous = 0;
  if (report.template !== truth.template) problems.push(`template ${truth.template} ≠ ${report.template}`);
  if (report.year !== truth.year) problems.push(`year ${String(truth.year)} ≠ ${String(report.year)}`);
  if (report.title !== truth.title) problems.push(`title ${truth.title} ≠ ${report.title}`);
  if (report.agency.name !== truth.agency.name) problems.push(`agency ${truth.agency.name} ≠ ${report.agency.name}`);
  if (report.publishedOn !== truth.publishedOn) problems.push(`publishedOn ${String(truth.publishedOn)} ≠ ${String(report.publishedOn)}`);
  if (report.period?.from !== truth.period?.from || report.period?.to !== truth.period?.to) problems.push('period');
  const kinds = (r: Report): string => r.sections.map((s) => s.kind).join(',');
  if (kinds(report) !== kinds(truth)) problems.push(`sections ${kinds(truth)} ≠ ${kinds(report)}`);
  for (const def of getTemplate(truth.template).cells) {
    const want = cellAt(truth, def.path);
    const got = cellAt(report, def.path);
    if (want === undefined && got === undefined) continue;
    const a = cellValue(want);
    const b = cellValue(got);
    if (a === b) continue;
    const candidates = got !== null && typeof got === 'object' ? got.candidates : undefined;
    if (b === null && a !== null && candidates?.includes(a)) {
      ambiguous++;
      continue;
    }
    problems.push(`${def.path}: ${String(a)} ≠ ${String(b)}`);
  }
  return { seed, format, problems, ambiguous };
}
