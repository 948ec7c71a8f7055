import { createHash } from 'node:crypto';
import type {
  Agency,
  Cell,
  CellObject,
  Fact,
  LegacyStatistics,
  Report,
  Section,
  SectionKind,
  Span,
  TemplateId,
} from '@xxgk/schema';
import { cellAt } from '@xxgk/schema';
import { getTemplate } from '@xxgk/schema/templates';
import type { SectionDef } from '@xxgk/schema/templates';

/** The source text a built report was rendered to (an enumerable symbol: kept by object spread, ignored by JSON). */
export const SOURCE_TEXT: unique symbol = Symbol.for('xxgk.lint.sourceText');

export type CellOverride = number | null | Partial<CellObject>;

export interface BuildReportOptions extends Partial<Omit<Report, 'agency'>> {
  /** Merged into the default agency (临江市交通运输局, a prefectural department). */
  readonly agency?: Partial<Agency>;
  /** Table cells by catalogue path (`applications.results.total.naturalPerson`): a value, null (blank) or a cell. */
  readonly cells?: Readonly<Record<string, CellOverride>>;
  /** Sections left out of the document (by kind). */
  readonly omitSections?: readonly SectionKind[];
  /** Extra paragraphs appended at the end of a section (by kind), or `preamble` (after the title). */
  readonly paragraphs?: Partial<Record<SectionKind | 'preamble', readonly string[]>>;
  /** Render the template tables (default true); false leaves 表二/表三/表四 (or the legacy 统计表) out. */
  readonly tables?: boolean;
  /** The 统计期限 sentence; null leaves it out. */
  readonly periodSentence?: string | null;
}

type Counts6 = readonly [number, number, number, number, number, number];

const PARTS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'] as const;

/** 表三 defaults: a realistic, balanced table (N + P = T + F in every column). */
const APPLICATION_DEFAULTS: Readonly<Record<string, Counts6>> = {
  'applications.carriedOver': [3, 0, 0, 0, 0, 0],
  'applications.results.granted': [30, 4, 1, 0, 2, 1],
  'applications.results.partiallyGranted': [6, 1, 0, 0, 0, 0],
  'applications.results.denied.stateSecret': [0, 0, 0, 0, 0, 0],
  'applications.results.denied.lawForbidden': [1, 0, 0, 0, 0, 0],
  'applications.results.denied.threeSafetyOneStability': [0, 0, 0, 0, 0, 0],
  'applications.results.denied.thirdPartyRights': [2, 1, 0, 0, 0, 0],
  'applications.results.denied.internalAffairs': [1, 0, 0, 0, 0, 0],
  'applications.results.denied.processInfo': [2, 0, 0, 0, 0, 0],
  'applications.results.denied.enforcementFile': [0, 0, 0, 0, 0, 0],
  'applications.results.denied.administrativeQuery': [1, 0, 0, 0, 0, 0],
  'applications.results.unableToProvide.notHeld': [12, 2, 0, 0, 1, 0],
  'applications.results.unableToProvide.needsCreation': [2, 0, 0, 0, 0, 0],
  'applications.results.unableToProvide.unclearAfterCorrection': [1, 0, 0, 0, 0, 0],
  'applications.results.notProcessed.complaint': [2, 0, 0, 0, 0, 0],
  'applications.results.notProcessed.duplicate': [1, 0, 0, 0, 0, 0],
  'applications.results.notProcessed.publication': [0, 0, 0, 0, 0, 0],
  'applications.results.notProcessed.massRepeated': [0, 0, 0, 0, 0, 0],
  'applications.results.notProcessed.confirmation': [0, 0, 0, 0, 0, 0],
  'applications.results.otherHandling.overdueCorrection': [1, 0, 0, 0, 0, 0],
  'applications.results.otherHandling.overdueFee': [0, 0, 0, 0, 0, 0],
  'applications.results.otherHandling.other': [1, 0, 0, 0, 0, 0],
  'applications.results.otherHandling': [2, 0, 0, 0, 0, 0],
  'applications.carriedForward': [4, 1, 0, 0, 0, 0],
};

const SCALAR_DEFAULTS: Readonly<Record<string, number>> = {
  // national-2021 表二
  'proactive.regulations.issued': 0,
  'proactive.regulations.repealed': 0,
  'proactive.regulations.inForce': 0,
  'proactive.normativeDocuments.issued': 5,
  'proactive.normativeDocuments.repealed': 2,
  'proactive.normativeDocuments.inForce': 38,
  'proactive.licensing': 1260,
  'proactive.penalty': 87,
  'proactive.enforcement': 12,
  'proactive.feesAmount': 36.5,
  // national-2019 表二
  'proactive.regulations.newlyMade': 0,
  'proactive.regulations.newlyPublished': 0,
  'proactive.regulations.totalPublished': 0,
  'proactive.normativeDocuments.newlyMade': 4,
  'proactive.normativeDocuments.newlyPublished': 4,
  'proactive.normativeDocuments.totalPublished': 35,
  'proactive.licensing.prevYearItems': 42,
  'proactive.licensing.delta': -3,
  'proactive.licensing.decisions': 1180,
  'proactive.otherServices.prevYearItems': 15,
  'proactive.otherServices.delta': 2,
  'proactive.otherServices.decisions': 340,
  'proactive.penalty.prevYearItems': 120,
  'proactive.penalty.delta': 0,
  'proactive.penalty.decisions': 95,
  'proactive.enforcement.prevYearItems': 18,
  'proactive.enforcement.delta': 0,
  'proactive.enforcement.decisions': 9,
  'proactive.fees.prevYearItems': 6,
  'proactive.fees.delta': -1,
  'proactive.procurement.projects': 14,
  'proactive.procurement.totalAmount': 3862500,
  // 表四
  'reviewLitigation.review.upheld': 2,
  'reviewLitigation.review.corrected': 1,
  'reviewLitigation.review.other': 0,
  'reviewLitigation.review.pending': 1,
  'reviewLitigation.litigationDirect.upheld': 1,
  'reviewLitigation.litigationDirect.corrected': 0,
  'reviewLitigation.litigationDirect.other': 0,
  'reviewLitigation.litigationDirect.pending': 1,
  'reviewLitigation.litigationAfterReview.upheld': 0,
  'reviewLitigation.litigationAfterReview.corrected': 0,
  'reviewLitigation.litigationAfterReview.other': 0,
  'reviewLitigation.litigationAfterReview.pending': 0,
  // legacy 统计表 (本年度 / 历年累计)
  'legacyStatistics.proactiveTotal.year': 1250,
  'legacyStatistics.proactiveTotal.cumulative': 9860,
  'legacyStatistics.proactiveWebsite.year': 1180,
  'legacyStatistics.proactiveWebsite.cumulative': 9120,
  'legacyStatistics.proactiveGazette.year': 45,
  'legacyStatistics.proactiveGazette.cumulative': 410,
  'legacyStatistics.applicationsTotal.year': 26,
  'legacyStatistics.applicationsTotal.cumulative': 152,
  'legacyStatistics.applicationsInPerson.year': 8,
  'legacyStatistics.applicationsInPerson.cumulative': 60,
  'legacyStatistics.applicationsOnline.year': 15,
  'legacyStatistics.applicationsOnline.cumulative': 70,
  'legacyStatistics.applicationsLetterFax.year': 3,
  'legacyStatistics.applicationsLetterFax.cumulative': 22,
  'legacyStatistics.responsesTotal.year': 26,
  'legacyStatistics.responsesTotal.cumulative': 150,
  'legacyStatistics.responsesGranted.year': 18,
  'legacyStatistics.responsesGranted.cumulative': 110,
  'legacyStatistics.responsesPartial.year': 3,
  'legacyStatistics.responsesPartial.cumulative': 15,
  'legacyStatistics.responsesDenied.year': 2,
  'legacyStatistics.responsesDenied.cumulative': 10,
  'legacyStatistics.responsesOther.year': 3,
  'legacyStatistics.responsesOther.cumulative': 15,
  'legacyStatistics.feesWaived.year': 0,
  'legacyStatistics.feesWaived.cumulative': 0,
  'legacyStatistics.complaints.year': 0,
  'legacyStatistics.complaints.cumulative': 1,
  'legacyStatistics.reviews.year': 1,
  'legacyStatistics.reviews.cumulative': 3,
  'legacyStatistics.litigations.year': 0,
  'legacyStatistics.litigations.cumulative': 1,
};

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const DEFAULT_YEAR: Record<TemplateId, number> = { 'legacy-2008': 2016, 'national-2019': 2020, 'national-2021': 2023 };

/** Appends lines and hands out spans into the text being built. */
class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private lineNo = 1;

  get offset(): number {
    return this.length;
  }

  /** Appends one line built from segments; returns the spans of the segments (in order). */
  line(...segments: string[]): Span[] {
    const spans: Span[] = [];
    let column = 1;
    for (const segment of segments) {
      spans.push({
        start: this.length,
        end: this.length + segment.length,
        line: this.lineNo,
        column,
        endLine: this.lineNo,
        endColumn: column + segment.length,
      });
      this.parts.push(segment);
      this.length += segment.length;
      column += segment.length;
    }
    this.parts.push('\n');
    this.length += 1;
    this.lineNo += 1;
    return spans;
  }

  /** The span of `needle` inside the line whose span is `line`. */
  static within(line: Span, lineText: string, needle: string, from = 0): Span {
    const at = lineText.indexOf(needle, from);
    if (at < 0) throw new Error(`"${needle}" not in "${lineText}"`);
    return {
      start: line.start + at,
      end: line.start + at + needle.length,
      line: line.line,
      column: line.column + at,
      endLine: line.line,
      endColumn: line.column + at + needle.length,
    };
  }

  /** A span from `from` (a span start) to the current end of the text (the trailing newline excluded). */
  spanFrom(from: Span): Span {
    const end = Math.max(from.end, this.length - 1);
    return { ...from, end, endLine: Math.max(from.line, this.lineNo - 1), endColumn: 1 + this.lastLineLength() };
  }

  private lastLineLength(): number {
    const text = this.toString();
    const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
    return trimmed.length - (trimmed.lastIndexOf('\n') + 1);
  }

  toString(): string {
    return this.parts.join('');
  }
}

function toCellObject(value: CellOverride | undefined, fallback: number | null): { value: number | null; raw: string; candidates?: number[] } {
  if (value === undefined) return { value: fallback, raw: fallback === null ? '' : formatNumber(fallback) };
  if (value === null) return { value: null, raw: '' };
  if (typeof value === 'number') return { value, raw: formatNumber(value) };
  const v = value.value === undefined ? fallback : value.value;
  const out: { value: number | null; raw: string; candidates?: number[] } = {
    value: v,
    raw: value.raw ?? (v === null ? '' : formatNumber(v)),
  };
  if (value.candidates) out.candidates = [...value.candidates];
  return out;
}

function formatNumber(n: number): string {
  return String(n);
}

function sum(values: readonly (number | null)[]): number {
  return values.reduce<number>((a, b) => a + (b ?? 0), 0);
}

/** Resolves every table cell value (defaults, derived totals, then overrides). */
function cellValues(template: TemplateId, overrides: Readonly<Record<string, CellOverride>>): Map<string, { value: number | null; raw: string; candidates?: number[] }> {
  const catalogue = getTemplate(template);
  const values = new Map<string, { value: number | null; raw: string; candidates?: number[] }>();
  const valueOf = (path: string): number | null => {
    const o = overrides[path];
    if (o !== undefined) return typeof o === 'object' && o !== null ? (o.value ?? null) : o;
    return values.get(path)?.value ?? null;
  };
  // Pass 1: part cells (defaults).
  for (const cell of catalogue.cells) {
    const path = cell.path;
    let fallback: number | null = null;
    if (path in SCALAR_DEFAULTS) fallback = SCALAR_DEFAULTS[path] ?? null;
    const rowPath = path.slice(0, path.lastIndexOf('.'));
    const col = path.slice(path.lastIndexOf('.') + 1);
    const row = APPLICATION_DEFAULTS[rowPath];
    const ci = PARTS.indexOf(col as (typeof PARTS)[number]);
    if (row && ci >= 0) fallback = row[ci] ?? 0;
    values.set(path, toCellObject(overrides[path], fallback));
  }
  if (template !== 'legacy-2008') {
    const rows = catalogue.applications?.rows ?? [];
    const resultRows = rows
      .map((r) => r.path)
      .filter((p): p is string => p !== null && p.startsWith('applications.results.') && p !== 'applications.results.total');
    // （七）总计 per column from the result rows, then 一 新收 = T + F − P.
    for (const col of PARTS) {
      const total = sum(resultRows.map((r) => valueOf(`${r}.${col}`)));
      const tPath = `applications.results.total.${col}`;
      values.set(tPath, toCellObject(overrides[tPath], total));
      const nPath = `applications.newReceived.${col}`;
      const n = (valueOf(tPath) ?? 0) + (valueOf(`applications.carriedForward.${col}`) ?? 0) - (valueOf(`applications.carriedOver.${col}`) ?? 0);
      values.set(nPath, toCellObject(overrides[nPath], n));
    }
    // Row totals.
    for (const row of rows) {
      if (row.path === null) continue;
      const tPath = `${row.path}.total`;
      values.set(tPath, toCellObject(overrides[tPath], sum(PARTS.map((c) => valueOf(`${row.path}.${c}`)))));
    }
    for (const group of ['review', 'litigationDirect', 'litigationAfterReview']) {
      const tPath = `reviewLitigation.${group}.total`;
      const parts = ['upheld', 'corrected', 'other', 'pending'].map((c) => valueOf(`reviewLitigation.${group}.${c}`));
      values.set(tPath, toCellObject(overrides[tPath], sum(parts)));
    }
  }
  for (const [path, o] of Object.entries(overrides)) if (!values.has(path)) values.set(path, toCellObject(o, null));
  return values;
}

function headingOf(def: SectionDef): string {
  return def.heading;
}

/** Paragraph texts (facts are marked ⟦label|value|unit|quantity|partOf⟧ and rendered as value+unit). */
function sectionBody(kind: SectionKind, ctx: { year: number; template: TemplateId; n: number; p: number; t: number; f: number; agencyName: string }): string[] {
  const { year, template } = ctx;
  switch (kind) {
    case 'overview':
      return [
        `${year}年，本机关深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕中心工作扎实推进政府信息公开。`,
        template === 'legacy-2008'
          ? `全年主动公开政府信息⟦主动公开政府信息|1250|条|proactive.total|⟧，其中通过政府网站公开⟦政府网站公开|1180|条||f1⟧、政府公报公开⟦政府公报公开|45|条||f1⟧。`
          : `全年主动公开政府信息⟦主动公开政府信息|1342|条|proactive.total|⟧，其中通过政府网站公开⟦政府网站公开|1265|条||f1⟧、政务新媒体公开⟦政务新媒体公开|77|条||f1⟧。`,
        template === 'legacy-2008'
          ? `全年共受理政府信息公开申请⟦受理政府信息公开申请|26|件|legacyStatistics.applicationsTotal|⟧，均在法定期限内答复。`
          : `全年共收到政府信息公开申请⟦收到政府信息公开申请|${ctx.n}|件|applications.newReceived|⟧，上年结转⟦上年结转|${ctx.p}|件|applications.carriedOver|⟧，办结⟦办结|${ctx.t}|件|applications.results.total|⟧，结转下年度继续办理⟦结转下年度继续办理|${ctx.f}|件|applications.carriedForward|⟧。`,
        '监督保障方面，将政府信息公开工作纳入年度绩效考核，邀请群众代表开展社会评议，全年未发生因政府信息公开工作被责任追究的情况。',
      ];
    case 'proactive':
      return template === 'legacy-2008'
        ? ['本机关通过门户网站、政府公报和政务新媒体主动公开机构职能、规划计划、财政预决算和重点领域信息。']
        : [];
    case 'applications':
      return template === 'legacy-2008'
        ? ['本年度受理的依申请公开事项均在法定期限内办结，未发生超期答复。']
        : [];
    case 'fees':
      return ['本年度未向申请人收取检索、复制、邮寄等费用，也无减免情况。'];
    case 'reviewLitigation':
      return template === 'legacy-2008' ? ['本年度因政府信息公开申请行政复议1件，未发生行政诉讼。'] : [];
    case 'problems':
      return [
        '一是信息公开的及时性有待提高；二是政策解读形式较为单一。',
        '下一步，本机关将健全信息发布审核机制，丰富图表、视频等解读形式，推动政府信息公开工作提质增效。',
      ];
    case 'otherMatters':
      return template === 'legacy-2008'
        ? ['本年度无其他需要报告的事项。']
        : [
            `${year}年，本机关未收取信息处理费，未发出收费通知。`,
            '本机关认真落实年度政务公开工作要点，按期办结人大代表建议和政协提案并公开办理结果。',
          ];
    default:
      return [];
  }
}

const FACT_MARK = /⟦([^|⟧]*)\|([^|⟧]*)\|([^|⟧]*)\|([^|⟧]*)\|([^|⟧]*)⟧/g;

/**
 * A complete, valid report model for tests (balanced tables, the template's sections, realistic
 * prose facts), rendered to a plain-text draft so every span points at real text (see `textOf`).
 * Options override the defaults; table cells by catalogue path in `cells`.
 */
export function buildReport(options: BuildReportOptions = {}): Report {
  const template: TemplateId = options.template ?? 'national-2021';
  const catalogue = getTemplate(template);
  const year = options.year ?? DEFAULT_YEAR[template];
  const agency: Agency = {
    name: '临江市交通运输局',
    level: 'prefectural',
    kind: 'department',
    region: { code: '360800', name: '临江市' },
    ...options.agency,
  };
  const title = options.title ?? `${agency.name}${year === null ? '' : `${year}年`}政府信息公开工作年度报告`;
  const publishedOn = options.publishedOn === undefined ? (year === null ? null : `${year + 1}-01-20`) : options.publishedOn;
  const tables = options.tables ?? true;
  const omit = new Set(options.omitSections ?? []);
  const values = cellValues(template, options.cells ?? {});
  const b = new TextBuilder();

  const cells = new Map<string, Cell>();
  const emitRow = (label: string, paths: readonly string[]): Span => {
    const raws = paths.map((p) => values.get(p)?.raw ?? '');
    const segs: string[] = [label];
    for (const raw of raws) segs.push('\t', raw);
    const spans = b.line(...segs);
    paths.forEach((p, i) => {
      const v = values.get(p) ?? { value: null, raw: '' };
      const span = spans[2 + i * 2] ?? null;
      const cell: CellObject = { value: v.value, raw: v.raw, span };
      if (v.candidates) cell.candidates = v.candidates;
      cells.set(p, cell);
    });
    const first = spans[0]!;
    const last = spans[spans.length - 1]!;
    return { ...first, end: last.end, endColumn: last.endColumn };
  };

  const titleSpan = b.line(title)[0] ?? null;
  b.line('');
  const periodSentence =
    options.periodSentence === undefined
      ? year === null
        ? null
        : `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`
      : options.periodSentence;
  const intro =
    template === 'legacy-2008'
      ? `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由${agency.name}编制。`
      : `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求，由${agency.name}编制。`;
  const introLine = intro + (periodSentence ?? '') + `本报告电子版可在${agency.region?.name ?? ''}人民政府门户网站查阅。`;
  const introSpan = b.line(introLine)[0]!;
  const periodSpan = periodSentence ? TextBuilder.within(introSpan, introLine, periodSentence) : null;
  for (const p of options.paragraphs?.preamble ?? []) b.line(p);

  const facts: Fact[] = [];
  const factIds = new Map<string, string>();
  const emitParagraph = (paragraph: string): void => {
    let text = '';
    const marks: { start: number; end: number; label: string; value: number; unit: string; quantity: string; partOf: string }[] = [];
    let last = 0;
    for (const m of paragraph.matchAll(FACT_MARK)) {
      text += paragraph.slice(last, m.index);
      const [, label = '', value = '0', unit = '', quantity = '', partOf = ''] = m;
      const start = text.length;
      text += value + unit;
      marks.push({ start, end: text.length, label, value: Number(value), unit, quantity, partOf });
      last = m.index + m[0].length;
    }
    text += paragraph.slice(last);
    const line = b.line(text)[0]!;
    let localFirst: string | undefined;
    for (const mark of marks) {
      const id = `f${facts.length + 1}`;
      const fact: Fact = {
        id,
        label: mark.label,
        value: mark.value,
        unit: mark.unit,
        span: {
          start: line.start + mark.start,
          end: line.start + mark.end,
          line: line.line,
          column: line.column + mark.start,
          endLine: line.line,
          endColumn: line.column + mark.end,
        },
      };
      if (mark.quantity) fact.quantity = mark.quantity;
      if (mark.partOf && localFirst) fact.partOf = localFirst;
      localFirst ??= id;
      factIds.set(id, id);
      facts.push(fact);
    }
  };

  const n = values.get('applications.newReceived.total')?.value ?? 0;
  const p = values.get('applications.carriedOver.total')?.value ?? 0;
  const t = values.get('applications.results.total.total')?.value ?? 0;
  const f = values.get('applications.carriedForward.total')?.value ?? 0;
  const sections: Section[] = [];
  let ordinal = 0;
  for (const def of catalogue.sections) {
    if (omit.has(def.kind)) continue;
    const heading = `${ORDINALS[ordinal] ?? String(ordinal + 1)}、${headingOf(def)}`;
    ordinal++;
    b.line('');
    const headingSpan = b.line(heading)[0]!;
    for (const paragraph of sectionBody(def.kind, { year: year ?? 0, template, n: n ?? 0, p: p ?? 0, t: t ?? 0, f: f ?? 0, agencyName: agency.name })) {
      emitParagraph(paragraph);
    }
    if (tables) renderTables(def.kind, template, b, emitRow, year, options.cells ?? {});
    for (const paragraph of options.paragraphs?.[def.kind] ?? []) b.line(paragraph);
    sections.push({ kind: def.kind, heading, level: 1, span: b.spanFrom(headingSpan), children: [] });
  }
  b.line('');
  b.line(agency.name);
  let publishedOnSpan: Span | null = null;
  if (publishedOn) {
    const [y, m, d] = publishedOn.split('-').map(Number);
    publishedOnSpan = b.line(`${y}年${m}月${d}日`)[0] ?? null;
  }
  const text = b.toString();
  const sha = createHash('sha256').update(text).digest('hex');

  const cellOf = (path: string): Cell => cells.get(path) ?? null;
  const counts = (row: string): Record<string, Cell> =>
    Object.fromEntries([...PARTS, 'total'].map((c) => [c, cellOf(`${row}.${c}`)]));
  const applications = (): NonNullable<Report['applications']> => {
    const R = 'applications.results';
    return {
      newReceived: counts('applications.newReceived'),
      carriedOver: counts('applications.carriedOver'),
      results: {
        granted: counts(`${R}.granted`),
        partiallyGranted: counts(`${R}.partiallyGranted`),
        denied: Object.fromEntries(
          ['stateSecret', 'lawForbidden', 'threeSafetyOneStability', 'thirdPartyRights', 'internalAffairs', 'processInfo', 'enforcementFile', 'administrativeQuery'].map((k) => [k, counts(`${R}.denied.${k}`)]),
        ),
        unableToProvide: Object.fromEntries(['notHeld', 'needsCreation', 'unclearAfterCorrection'].map((k) => [k, counts(`${R}.unableToProvide.${k}`)])),
        notProcessed: Object.fromEntries(['complaint', 'duplicate', 'publication', 'massRepeated', 'confirmation'].map((k) => [k, counts(`${R}.notProcessed.${k}`)])),
        otherHandling:
          template === 'national-2021'
            ? Object.fromEntries(['overdueCorrection', 'overdueFee', 'other'].map((k) => [k, counts(`${R}.otherHandling.${k}`)]))
            : counts(`${R}.otherHandling`),
        total: counts(`${R}.total`),
      },
      carriedForward: counts('applications.carriedForward'),
    } as unknown as NonNullable<Report['applications']>;
  };
  const review = (g: string): Record<string, Cell> =>
    Object.fromEntries(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => [c, cellOf(`reviewLitigation.${g}.${c}`)]));
  const national = template !== 'legacy-2008' && tables;
  const proactive: Report['proactive'] = !national
    ? null
    : template === 'national-2021'
      ? {
          template: 'national-2021',
          regulations: { issued: cellOf('proactive.regulations.issued'), repealed: cellOf('proactive.regulations.repealed'), inForce: cellOf('proactive.regulations.inForce') },
          normativeDocuments: {
            issued: cellOf('proactive.normativeDocuments.issued'),
            repealed: cellOf('proactive.normativeDocuments.repealed'),
            inForce: cellOf('proactive.normativeDocuments.inForce'),
          },
          licensing: cellOf('proactive.licensing'),
          penalty: cellOf('proactive.penalty'),
          enforcement: cellOf('proactive.enforcement'),
          feesAmount: cellOf('proactive.feesAmount'),
        }
      : {
          template: 'national-2019',
          regulations: docs2019('regulations', cellOf),
          normativeDocuments: docs2019('normativeDocuments', cellOf),
          licensing: items2019('licensing', cellOf),
          otherServices: items2019('otherServices', cellOf),
          penalty: items2019('penalty', cellOf),
          enforcement: items2019('enforcement', cellOf),
          fees: { prevYearItems: cellOf('proactive.fees.prevYearItems'), delta: cellOf('proactive.fees.delta') },
          procurement: { projects: cellOf('proactive.procurement.projects'), totalAmount: cellOf('proactive.procurement.totalAmount'), unit: '元' },
        };
  const legacyStatistics: LegacyStatistics | null =
    template === 'legacy-2008' && tables
      ? {
          rows: (catalogue.legacyStatistics?.rows ?? [])
            .filter((r) => cells.has(`legacyStatistics.${r.key}.year`))
            .map((r) => ({
              key: r.key,
              label: r.label,
              unit: r.unit,
              year: cellOf(`legacyStatistics.${r.key}.year`),
              cumulative: cellOf(`legacyStatistics.${r.key}.cumulative`),
            })),
        }
      : null;

  const documentSpan: Span = { ...(titleSpan ?? { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 }) };
  const built: Report = {
    id: sha,
    title,
    titleSpan,
    year,
    agency,
    template,
    documentKind: 'annual-report',
    publishedOn,
    publishedOnSpan,
    period:
      year === null || !periodSentence
        ? null
        : { from: `${year}-01-01`, to: `${year}-12-31`, raw: periodSentence, span: periodSpan },
    language: 'zh-Hans',
    source: { format: 'text', encoding: 'UTF-8', sha256: sha, bytes: Buffer.byteLength(text, 'utf8'), name: `${title}.txt` },
    sections,
    facts,
    proactive,
    applications: national ? applications() : null,
    reviewLitigation: national
      ? { review: review('review'), litigationDirect: review('litigationDirect'), litigationAfterReview: review('litigationAfterReview') } as unknown as NonNullable<Report['reviewLitigation']>
      : null,
    legacyStatistics,
    fees: {
      mentioned: true,
      charged: false,
      statement: template === 'legacy-2008' ? '本年度未向申请人收取检索、复制、邮寄等费用，也无减免情况。' : `${year}年，本机关未收取信息处理费，未发出收费通知。`,
    },
    documents: [{ title, span: documentSpan }],
    diagnostics: [],
  };
  const {
    agency: _a,
    cells: _c,
    omitSections: _o,
    paragraphs: _p,
    tables: _t,
    periodSentence: _s,
    template: _tp,
    year: _y,
    title: _ti,
    publishedOn: _po,
    ...rest
  } = options;
  const report = { ...built, ...rest };
  Object.defineProperty(report, SOURCE_TEXT, { value: text, enumerable: true, writable: false, configurable: true });
  return report;
}

function docs2019(key: string, cellOf: (p: string) => Cell) {
  return {
    newlyMade: cellOf(`proactive.${key}.newlyMade`),
    newlyPublished: cellOf(`proactive.${key}.newlyPublished`),
    totalPublished: cellOf(`proactive.${key}.totalPublished`),
  };
}

function items2019(key: string, cellOf: (p: string) => Cell) {
  return {
    prevYearItems: cellOf(`proactive.${key}.prevYearItems`),
    delta: cellOf(`proactive.${key}.delta`),
    decisions: cellOf(`proactive.${key}.decisions`),
  };
}

function renderTables(
  kind: SectionKind,
  template: TemplateId,
  b: TextBuilder,
  emitRow: (label: string, paths: readonly string[]) => Span,
  year: number | null,
  overrides: Readonly<Record<string, CellOverride>>,
): void {
  const catalogue = getTemplate(template);
  if (template === 'legacy-2008') {
    if (kind !== 'otherMatters') return;
    b.line('附表：政府信息公开情况统计表');
    b.line('指标名称\t计量单位\t' + `${year ?? ''}年度\t历年累计`);
    for (const row of catalogue.legacyStatistics?.rows ?? []) {
      const yearPath = `legacyStatistics.${row.key}.year`;
      if (!(yearPath in SCALAR_DEFAULTS) && !(yearPath in overrides)) continue;
      emitRow(`${row.label}\t${row.unit}`, [yearPath, `legacyStatistics.${row.key}.cumulative`]);
    }
    return;
  }
  if (kind === 'proactive') {
    const cells = catalogue.proactive?.cells ?? [];
    const captions = catalogue.proactive?.captions ?? [];
    const groups: Record<string, string[]> =
      template === 'national-2021'
        ? { '（一）': ['规章', '行政规范性文件'], '（五）': ['行政许可'], '（六）': ['行政处罚', '行政强制'], '（八）': ['行政事业性收费'] }
        : { '（一）': ['规章', '规范性文件'], '（五）': ['行政许可', '其他对外管理服务事项'], '（六）': ['行政处罚', '行政强制'], '（八）': ['行政事业性收费'], '（九）': ['政府集中采购'] };
    for (const caption of captions) {
      const key = /（[一二三四五六七八九十]+）/.exec(caption)?.[0] ?? caption;
      const rowLabels = groups[key] ?? [];
      b.line(caption);
      const first = cells.filter((c) => c.row === rowLabels[0]);
      b.line(['信息内容', ...first.map((c) => c.column)].join('\t'));
      for (const label of rowLabels) {
        emitRow(label, cells.filter((c) => c.row === label).map((c) => c.path));
      }
    }
    return;
  }
  if (kind === 'applications') {
    const rows = catalogue.applications?.rows ?? [];
    b.line(`（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况`);
    b.line('\t自然人\t法人或其他组织\t\t\t\t\t总计');
    b.line('\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t');
    for (const row of rows) {
      if (row.path === null) b.line(row.label);
      else emitRow(row.label, [...PARTS, 'total'].map((c) => `${row.path}.${c}`));
    }
    return;
  }
  if (kind === 'reviewLitigation') {
    b.line('行政复议\t\t\t\t\t行政诉讼');
    b.line('\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉');
    b.line(Array.from({ length: 3 }, () => '结果维持\t结果纠正\t其他结果\t尚未审结\t总计').join('\t'));
    const paths = ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((g) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `reviewLitigation.${g}.${c}`),
    );
    emitRow('', paths);
  }
}

/** The draft text a built report was rendered to ('' for a report that was not built here). */
export function textOf(report: Report): string {
  const text = (report as Report & { [SOURCE_TEXT]?: string })[SOURCE_TEXT];
  return typeof text === 'string' ? text : '';
}

/** The span of the `nth` (0-based) occurrence of `needle` in a built report's text. */
export function spanOf(report: Report, needle: string, nth = 0): Span {
  const text = textOf(report);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${nth}) not found in the report text`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1;
  const endBefore = text.slice(0, at + needle.length);
  const endLine = endBefore.split('\n').length;
  const endColumn = at + needle.length - (endBefore.lastIndexOf('\n') + 1) + 1;
  return { start: at, end: at + needle.length, line, column, endLine, endColumn };
}

/** The span of a table cell of a built (or parsed) report, by catalogue path. */
export function cellSpanAt(report: Report, path: string): Span | null {
  const cell = cellAt(report, path);
  return cell !== null && typeof cell === 'object' && cell !== undefined ? cell.span : null;
}
