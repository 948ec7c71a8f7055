import type { Agency, AgencyKind, AgencyLevel, Report, SourceFormat, TemplateId } from '@xxgk/schema';
import { AgencyKindSchema, AgencyLevelSchema, AgencySchema, cellValue } from '@xxgk/schema';
import { templateForYear } from '@xxgk/schema/templates';
import { AgencyFactory, deadlineFor } from './agencies.js';
import type { ReportCore } from './core.js';
import type { DefectDef, DefectId, InjectedDefect } from './defects.js';
import { DEFECTS, defectApplies, defectNeeds, mutateBlocks, mutateCore } from './defects.js';
import type { Block, SynthDocument } from './document.js';
import { SynthError } from './errors.js';
import type { CarryState, Scale } from './numbers.js';
import {
  PART_COLUMNS,
  cumulativeCarry,
  drawCount,
  generateApplications,
  generateLegacyStatistics,
  generateProactive2019,
  generateProactive2021,
  generateReviewLitigation,
  items2019Carry,
  scaleFor,
} from './numbers.js';
import type { Composition } from './prose.js';
import { compose } from './prose.js';
import { Rng } from './random.js';
import { renderHtml } from './render/html.js';
import { renderMarkdown } from './render/markdown.js';
import type { RenderStyle } from './render/style.js';
import { drawStyle } from './render/style.js';
import { renderText, renderTextDump } from './render/text.js';
import type { TextLayoutResult } from './render/writer.js';
import { buildTruth } from './truth.js';

export type SynthFormat = 'text' | 'text-dump' | 'markdown' | 'html' | 'docx';
export const SYNTH_FORMATS: readonly SynthFormat[] = ['text', 'text-dump', 'markdown', 'html', 'docx'];

export const MIN_YEAR = 2008;
export const MAX_YEAR = 2025;

export interface GenerateOptions {
  seed: number;
  /** Report year, 2008–2025 (default: drawn from the seed, fitting the defect). */
  year?: number;
  level?: AgencyLevel;
  kind?: AgencyKind;
  /** Use this agency instead of inventing one. */
  agency?: Agency;
  defect?: DefectId | null;
  /**
   * Leave zero part cells of 表三 and 表四 blank (null in the truth), as some publishers do; totals
   * stay filled. Off by default. In the text dump blank cells vanish from the glued runs, so use it
   * with the other formats.
   */
  blankZeros?: boolean;
}

/** A generated report before rendering: the truth plus what the renderers need. */
export interface ReportModel {
  /** Ground truth, with spans, id and source of the plain-text rendering (see `truthFor` for other formats). */
  readonly truth: Report;
  readonly seed: number;
  readonly year: number;
  readonly template: TemplateId;
  readonly agency: Agency;
  readonly defect: InjectedDefect | null;
  /** Last year's report of the same agency (cross-year defects only). */
  readonly previous: ReportModel | null;
  readonly document: SynthDocument;
  readonly style: RenderStyle;
  /** What the next year of this agency continues from (sample series). */
  readonly carry: CarryState;
  readonly core: ReportCore;
  readonly composition: Composition;
}

export interface Rendered {
  readonly bytes: Uint8Array;
  /** The decoded text (null for DOCX). */
  readonly text: string | null;
  /** A file name with the format's extension. */
  readonly name: string;
  readonly format: SynthFormat;
}

export interface GeneratedReport extends Rendered {
  readonly truth: Report;
  readonly defect: InjectedDefect | null;
  readonly previous: GeneratedReport | null;
}

const EXTENSIONS: Record<SynthFormat, string> = { text: 'txt', 'text-dump': 'txt', markdown: 'md', html: 'html', docx: 'docx' };
const SOURCE_FORMAT: Record<SynthFormat, SourceFormat> = {
  text: 'text',
  'text-dump': 'text',
  markdown: 'markdown',
  html: 'html',
  docx: 'docx',
};

function validate(options: GenerateOptions): void {
  if (!Number.isInteger(options.seed)) throw new SynthError('INVALID_OPTIONS', `seed must be an integer, got ${String(options.seed)}`);
  if (options.year !== undefined && (!Number.isInteger(options.year) || options.year < MIN_YEAR || options.year > MAX_YEAR)) {
    throw new SynthError('INVALID_OPTIONS', `year must be an integer in ${MIN_YEAR}–${MAX_YEAR}, got ${String(options.year)}`);
  }
  if (options.level !== undefined && !AgencyLevelSchema.options.includes(options.level)) {
    throw new SynthError('INVALID_OPTIONS', `unknown level ${String(options.level)}`);
  }
  if (options.kind !== undefined && !AgencyKindSchema.options.includes(options.kind)) {
    throw new SynthError('INVALID_OPTIONS', `unknown kind ${String(options.kind)}`);
  }
  if (options.agency !== undefined && !AgencySchema.safeParse(options.agency).success) {
    throw new SynthError('INVALID_OPTIONS', 'agency is not a valid Agency');
  }
}

function yearsFor(def: DefectDef | null): number[] {
  const years: number[] = [];
  for (let y = MIN_YEAR; y <= MAX_YEAR; y++) {
    if (!def || def.appliesTo.templates.includes(templateForYear(y))) {
      if (def?.appliesTo.fromYear !== undefined && y < def.appliesTo.fromYear) continue;
      if (def?.appliesTo.toYear !== undefined && y > def.appliesTo.toYear) continue;
      years.push(y);
    }
  }
  return years;
}

/** Report years, weighted toward recent ones (more reports are online for them). */
function drawYear(rng: Rng, def: DefectDef | null): number {
  const years = yearsFor(def);
  return rng.weighted(years.map((y) => [y, y >= 2019 ? 3 : 1] as const));
}

function dateWithin(rng: Rng, agency: Agency, year: number): ReportCore['publishedOn'] {
  const deadline = deadlineFor(agency, year);
  const month = rng.int(1, deadline.month);
  const lastDay = month === deadline.month ? deadline.day : month === 2 ? 28 : 31;
  return { year: year + 1, month, day: rng.int(month === 1 ? 8 : 1, lastDay) };
}

export interface BuildInput {
  readonly seed: number;
  readonly agency: Agency;
  readonly year: number;
  readonly def: DefectDef | null;
  /** Last year's carry of this agency (sample series or cross-year defects). */
  readonly carry?: CarryState;
  readonly previous: ReportModel | null;
  readonly blankZeros?: boolean;
  /** Sign the report on this date instead of one drawn before the deadline; null: leave it undated. */
  readonly publishedOn?: ReportCore['publishedOn'] | null;
}

/** Blank every zero part cell of 表三 and 表四 (never a total: 总计 column, （七）总计 row, group totals). */
function blankZeroParts(core: ReportCore): ReportCore {
  const c = structuredClone(core);
  const blankRow = (row: Record<string, unknown>, keys: readonly string[]) => {
    for (const k of keys) if (row[k] === 0) row[k] = null;
  };
  const walk = (node: unknown, path: string) => {
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if ('naturalPerson' in obj) {
      if (path !== 'results.total') blankRow(obj, PART_COLUMNS);
      return;
    }
    for (const [k, v] of Object.entries(obj)) walk(v, path ? `${path}.${k}` : k);
  };
  if (c.applications) walk(c.applications, '');
  if (c.reviewLitigation) {
    for (const g of Object.values(c.reviewLitigation)) {
      if (g && typeof g === 'object') blankRow(g, ['upheld', 'corrected', 'other', 'pending']);
    }
  }
  return c;
}

function drawCore(rng: Rng, input: BuildInput, scale: Scale): ReportCore {
  const { agency, year } = input;
  const template = templateForYear(year);
  const carry = input.carry && input.carry.year === year - 1 ? input.carry : undefined;
  const needs = defectNeeds(input.def?.id ?? null);
  const national = template !== 'legacy-2008';
  const fees =
    template === 'national-2021' && scale.applications >= 25 && rng.chance(0.06)
      ? (() => {
          const notices = rng.int(1, 3);
          return { notices, amount: notices * rng.int(1, 12) * 100 };
        })()
      : { notices: 0, amount: 0 };
  const applications = national
    ? generateApplications(rng.fork('applications'), template, {
        volume: scale.applications,
        ...(carry?.carriedForward ? { carriedOver: carry.carriedForward } : {}),
        feeNotices: fees.notices,
        minNew: needs.minNew,
      })
    : null;
  const reviewLitigation = national
    ? generateReviewLitigation(rng.fork('review'), cellValue(applications?.newReceived.total) ?? 0)
    : null;
  const proactive =
    template === 'national-2021'
      ? generateProactive2021(rng.fork('proactive'), agency, scale, carry)
      : template === 'national-2019'
        ? generateProactive2019(rng.fork('proactive'), agency, scale, carry)
        : null;
  const legacy = national
    ? null
    : generateLegacyStatistics(rng.fork('legacy'), {
        volume: scale.applications,
        proactive: scale.proactive,
        year,
        ...(carry ? { carry } : {}),
        minResponses: needs.minResponses,
      });
  return {
    agency,
    year,
    template,
    proactive,
    applications,
    reviewLitigation,
    legacy,
    proactiveItems: legacy ? (legacy.year.proactiveTotal ?? 1) : Math.max(1, drawCount(rng.fork('items'), scale.proactive)),
    fees,
    trainings: rng.chance(0.5) ? rng.int(1, 6) : null,
    publishedOn: dateWithin(rng.fork('date'), agency, year),
  };
}

function carryOf(core: ReportCore, scale: Scale, previous: CarryState | undefined): CarryState {
  const a = core.applications;
  const p = core.proactive;
  return {
    year: core.year,
    scale,
    ...(a ? { carriedForward: PART_COLUMNS.map((c) => cellValue(a.carriedForward[c]) ?? 0) } : {}),
    ...(p?.template === 'national-2019' ? { items2019: items2019Carry(p) } : {}),
    ...(p?.template === 'national-2021'
      ? { inForce: { regulations: cellValue(p.regulations.inForce) ?? 0, normativeDocuments: cellValue(p.normativeDocuments.inForce) ?? 0 } }
      : previous?.inForce
        ? { inForce: previous.inForce }
        : {}),
    ...(core.legacy ? { cumulative: cumulativeCarry(core.legacy.statistics) } : {}),
  };
}

/** Every format's file name: ASCII, deterministic. */
function fileName(model: ReportModel, format: SynthFormat): string {
  const code = model.agency.region?.code ?? 'cn';
  return `xxgk-${code}-${model.year}-${model.truth.id.slice(0, 10)}.${EXTENSIONS[format]}`;
}

/** One report of one agency and year (exported for region.ts; not part of the package API). */
export function build(input: BuildInput): ReportModel {
  const rng = new Rng(`synth:${input.seed}:${input.agency.name}:${input.year}`);
  const scale = input.carry?.scale ?? scaleFor(input.agency, rng.fork('scale'));
  let core = drawCore(rng.fork('core'), input, scale);
  if (input.publishedOn) core = { ...core, publishedOn: input.publishedOn };
  let flags = {};
  let detail = '';
  let paths: string[] = [];
  if (input.def) {
    const m = mutateCore(input.def.id, rng.fork('defect'), core, { scale, ...(input.carry ? { carry: input.carry } : {}) });
    core = m.core;
    flags = m.flags;
    detail = m.detail;
    paths = m.paths;
  }
  if (input.blankZeros) core = blankZeroParts(core);
  let composition = compose(rng.fork('prose'), core, flags);
  if (input.publishedOn === null) {
    // Undated: no signing date under the signature.
    const blocks = composition.blocks.filter((b) => !(b.type === 'paragraph' && b.runs.some((r) => r.anchor === 'date')));
    composition = { ...composition, blocks, publishedOn: null };
  }
  let blocks: Block[] = composition.blocks;
  if (input.def) {
    const m = mutateBlocks(input.def.id, rng.fork('defect-text'), blocks);
    blocks = m.blocks;
    if (m.detail) detail = m.detail;
  }
  const document: SynthDocument = { blocks };
  const style = drawStyle(rng.fork('style'), input.agency);
  const layout = renderText(document, style);
  const bytes = new TextEncoder().encode(layout.text);
  const partial = {
    seed: input.seed,
    year: input.year,
    template: core.template,
    agency: input.agency,
    defect: input.def ? { id: input.def.id, description: input.def.description, detail, paths } : null,
    previous: input.previous,
    document,
    style,
    carry: carryOf(core, scale, input.carry),
    core,
    composition,
  };
  const truth = buildTruth({
    core,
    composition,
    blocks,
    layout,
    idText: layout.text,
    source: { format: 'text', bytes, name: '' },
  });
  const model: ReportModel = { ...partial, truth };
  const name = fileName(model, 'text');
  return { ...model, truth: { ...truth, source: { ...truth.source, name } } };
}

/**
 * The model with other document blocks (same numbers, agency and style): re-rendered, its truth
 * rebuilt. For blocks that keep every anchored run (facts, period, date, fees) of the original.
 */
export function withBlocks(model: ReportModel, blocks: Block[]): ReportModel {
  const document: SynthDocument = { blocks };
  const layout = renderText(document, model.style);
  const bytes = new TextEncoder().encode(layout.text);
  const composition = { ...model.composition, blocks };
  const truth = buildTruth({
    core: model.core,
    composition,
    blocks,
    layout,
    idText: layout.text,
    source: { format: 'text', bytes, name: '' },
  });
  const next: ReportModel = { ...model, document, composition, truth };
  return { ...next, truth: { ...truth, source: { ...truth.source, name: fileName(next, 'text') } } };
}

function resolveDefect(id: DefectId | null | undefined): DefectDef | null {
  if (id === undefined || id === null) return null;
  const def = DEFECTS.find((d) => d.id === id);
  if (!def) throw new SynthError('UNKNOWN_DEFECT', `unknown defect ${String(id)}`);
  return def;
}

/** Generate a report model (synchronous, no rendering beyond the plain text its truth refers to). */
export function generateModel(options: GenerateOptions): ReportModel {
  validate(options);
  const def = resolveDefect(options.defect);
  const rng = new Rng(`synth:${options.seed}`);
  const year = options.year ?? drawYear(rng.fork('year'), def);
  const template = templateForYear(year);
  let agency = options.agency;
  if (!agency) {
    const kinds = def?.appliesTo.kinds;
    const kind = options.kind ?? (kinds ? rng.fork('kind').pick(kinds) : undefined);
    const level =
      options.level ?? (kind === 'government' ? rng.fork('level').pick(['provincial', 'prefectural', 'county', 'county', 'township'] as const) : undefined);
    agency = new AgencyFactory(rng.fork('agency')).agency({ ...(level ? { level } : {}), ...(kind ? { kind } : {}) });
  }
  if (def && !defectApplies(def, template, year, agency.kind)) {
    throw new SynthError(
      'DEFECT_NOT_APPLICABLE',
      `defect ${def.id} does not apply to a ${year} (${template}) report of a ${agency.kind ?? 'unknown'} agency`,
    );
  }
  let previous: ReportModel | null = null;
  const blankZeros = options.blankZeros === true;
  if (def?.crossYear) previous = build({ seed: options.seed, agency, year: year - 1, def: null, previous: null, blankZeros });
  return build({ seed: options.seed, agency, year, def, previous, blankZeros, ...(previous ? { carry: previous.carry } : {}) });
}

function layoutFor(model: ReportModel, format: Exclude<SynthFormat, 'docx'>): TextLayoutResult {
  switch (format) {
    case 'text':
      return renderText(model.document, model.style);
    case 'text-dump':
      return renderTextDump(model.document, model.style);
    case 'markdown':
      return renderMarkdown(model.document);
    case 'html':
      return renderHtml(model.document, model.style, {
        title: model.truth.title,
        agency: model.agency.name,
        publishedOn: model.truth.publishedOn ?? '',
      });
    default:
      throw new SynthError('UNKNOWN_FORMAT', `unknown format ${String(format)}`);
  }
}

/** Render a model in a text format (synchronously). */
export function renderSync(model: ReportModel, format: Exclude<SynthFormat, 'docx'>): Rendered {
  const layout = layoutFor(model, format);
  return { bytes: new TextEncoder().encode(layout.text), text: layout.text, name: fileName(model, format), format };
}

/** Render a model in any format. */
export async function render(model: ReportModel, format: SynthFormat): Promise<Rendered> {
  if (format === 'docx') {
    // Loaded on demand: the docx package is large and most callers never need it.
    const { renderDocx } = await import('./render/docx.js');
    const bytes = await renderDocx(model.document, { title: model.truth.title, agency: model.agency.name });
    return { bytes, text: null, name: fileName(model, 'docx'), format };
  }
  if (!SYNTH_FORMATS.includes(format)) throw new SynthError('UNKNOWN_FORMAT', `unknown format ${String(format)}`);
  return renderSync(model, format);
}

/**
 * The truth for a rendering (optionally with cell spans): `source` from its bytes; spans into its own text for text,
 * text-dump, Markdown and HTML; for DOCX the spans of the plain-text rendering. The id is the same
 * for every format (sha256 of the normalised plain text).
 */
export function truthFor(model: ReportModel, rendered: Rendered, options: TruthOptions = {}): Report {
  const layout = rendered.format === 'docx' ? renderText(model.document, model.style) : layoutFor(model, rendered.format);
  const plain = rendered.format === 'text' ? layout : renderText(model.document, model.style);
  return buildTruth({
    core: model.core,
    composition: model.composition,
    blocks: model.document.blocks,
    layout,
    idText: plain.text,
    source: { format: SOURCE_FORMAT[rendered.format], bytes: rendered.bytes, name: rendered.name },
    cellSpans: options.cellSpans === true && rendered.format !== 'docx',
  });
}

export interface TruthOptions {
  /**
   * Table cells as `{ value, raw, span }` pointing into the rendered text (text, text-dump,
   * Markdown, HTML) instead of plain numbers. Ignored for DOCX. Default false.
   */
  cellSpans?: boolean;
}

async function generated(model: ReportModel, format: SynthFormat, options: TruthOptions): Promise<GeneratedReport> {
  const rendered = await render(model, format);
  return {
    ...rendered,
    truth: truthFor(model, rendered, options),
    defect: model.defect,
    previous: model.previous ? await generated(model.previous, format, options) : null,
  };
}

/** Generate and render a report, with its truth (and last year's report for cross-year defects). */
export async function generateReport(options: GenerateOptions & { format: SynthFormat } & TruthOptions): Promise<GeneratedReport> {
  if (!SYNTH_FORMATS.includes(options.format)) throw new SynthError('UNKNOWN_FORMAT', `unknown format ${String(options.format)}`);
  return generated(generateModel(options), options.format, { cellSpans: options.cellSpans ?? false });
}

export interface SampleOptions {
  seed: number;
  /** How many agencies (each reports every year). */
  agencies: number;
  years: readonly number[];
  /** Share of reports with one injected defect (default 0.03). */
  defectRate?: number;
}

/**
 * A national sample for the demo database: the same agencies every year, carry-over consistent
 * (上年结转 = last year's 结转下年度; 2019→2020 上一年项目数量 continuity; legacy 历年累计 accumulating),
 * a few percent with a defect. Yields year by year, agency by agency.
 */
export function* generateSample(options: SampleOptions): Generator<ReportModel> {
  if (!Number.isInteger(options.agencies) || options.agencies < 0) {
    throw new SynthError('INVALID_OPTIONS', `agencies must be a non-negative integer, got ${String(options.agencies)}`);
  }
  for (const y of options.years) validate({ seed: options.seed, year: y });
  const rng = new Rng(`sample:${options.seed}`);
  const factory = new AgencyFactory(rng.fork('agencies'));
  const geos: ReturnType<AgencyFactory['geography']>[] = [];
  const agencies: Agency[] = [];
  for (let i = 0; i < options.agencies; i++) {
    const reuse = geos.length > 0 && rng.chance(0.75) ? rng.pick(geos) : undefined;
    const geo = factory.geography(reuse);
    geos.push(geo);
    agencies.push(factory.agency({ geography: geo }));
  }
  const rate = options.defectRate ?? 0.03;
  const years = [...new Set(options.years)].sort((a, b) => a - b);
  const carries = new Map<string, CarryState>();
  const defectRng = rng.fork('defects');
  for (const year of years) {
    const template = templateForYear(year);
    for (const agency of agencies) {
      const carry = carries.get(agency.name);
      const usable = carry && carry.year === year - 1 ? carry : undefined;
      let def: DefectDef | null = null;
      if (defectRng.chance(rate)) {
        const candidates = DEFECTS.filter((d) => defectApplies(d, template, year, agency.kind) && (!d.crossYear || usable));
        if (candidates.length > 0) def = defectRng.pick(candidates);
      }
      const model = build({ seed: options.seed, agency, year, def, previous: null, ...(usable ? { carry: usable } : {}) });
      carries.set(agency.name, model.carry);
      yield model;
    }
  }
}
