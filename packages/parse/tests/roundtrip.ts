import { cellAt, cellValue, type Report } from '@xxgk/schema';
import { getTemplate } from '@xxgk/schema/templates';
import { generateReport, type DefectId, type SynthFormat } from '@xxgk/synth';
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
  // the whole heading tree: text, level, kind and span (DOCX truth spans point into the plain-text
  // rendering, so not for DOCX)
  const at = (span: { start: number; end: number }): string => (format === 'docx' ? '' : `@${span.start}-${span.end}`);
  const tree = (list: Report['sections'], deep: boolean): string[] =>
    list.flatMap((s) => [`${s.level}:${s.kind}:${s.heading}${at(s.span)}`, ...(deep ? tree(s.children, deep) : [])]);
  const deep = true;
  const want = tree(truth.sections, deep).join(' | ');
  const got = tree(report.sections, deep).join(' | ');
  if (want !== got) problems.push(`sections ${want} ≠ ${got}`);
  for (const def of getTemplate(truth.template).cells) {
    const want = cellAt(truth, def.path);
    const got = cellAt(report, def.path);
    if (want === undefined && got === undefined) continue;
    const a = cellValue(want);
    const b = cellValue(got);
    if (a === b) {
      // and the span points where the truth says (DOCX truth spans are those of the plain-text rendering)
      const ws = want !== null && typeof want === 'object' ? want.span : null;
      const gs = got !== null && typeof got === 'object' ? got.span : null;
      if (format !== 'docx' && ws && gs && (ws.start !== gs.start || ws.end !== gs.end)) problems.push(`${def.path}: span ${ws.start}-${ws.end} ≠ ${gs.start}-${gs.end}`);
      continue;
    }
    const candidates = got !== null && typeof got === 'object' ? got.candidates : undefined;
    if (b === null && a !== null && candidates?.includes(a)) {
      ambiguous++;
      continue;
    }
    problems.push(`${def.path}: ${String(a)} ≠ ${String(b)}`);
  }
  return { seed, format, problems, ambiguous };
}

/**
 * A report with an injected defect: its tables may not balance, cells may be blank. The parser may
 * then leave cells unread (with a diagnostic), but it must never claim a value the document does not hold.
 */
export async function wrongValues(seed: number, format: SynthFormat, defect: DefectId): Promise<string[] | null> {
  let generated;
  try {
    generated = await generateReport({ seed, format, defect });
  } catch {
    return null; // the defect does not apply to this draw
  }
  const { report } = await parse(generated.bytes, { name: generated.name });
  const truth = generated.truth;
  const wrong: string[] = [];
  for (const def of getTemplate(truth.template).cells) {
    const want = cellAt(truth, def.path);
    const got = cellAt(report, def.path);
    if (want === undefined || got === undefined) continue;
    const b = cellValue(got);
    if (b !== null && b !== cellValue(want)) wrong.push(`${def.path}: ${String(cellValue(want))} ≠ ${String(b)}`);
  }
  if (defect === 'multiple-documents' && (report.documents?.length ?? 0) < 2) wrong.push('second document not listed');
  return wrong;
}

/** Prose facts of a generated report that the parser did not state (value, unit, quantity, negation), and extra ones. */
export async function factDiff(seed: number, format: SynthFormat): Promise<{ missing: string[]; extra: string[] }> {
  const generated = await generateReport({ seed, format, defect: null });
  const { report } = await parse(generated.bytes, { name: generated.name });
  const key = (f: Report['facts'][number]): string => `${f.value}${f.unit}|${f.quantity ?? ''}|${f.negated ? 'negated' : ''}|${f.partOf ? 'part' : ''}`;
  const want = generated.truth.facts.filter((f) => f.unit !== '次').map(key); // counts of events (培训5次) are not read
  const got = report.facts.map(key);
  return { missing: want.filter((k) => !got.includes(k)), extra: got.filter((k) => !want.includes(k)) };
}
