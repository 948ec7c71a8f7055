import type { AgencyKind, Applications, ApplicantCounts, TemplateId } from '@xxgk/schema';
import { cellValue } from '@xxgk/schema';
import { deadlineFor } from './agencies.js';
import type { ProseFlags, ReportCore } from './core.js';
import type { Block } from './document.js';
import type { CarryState, PartColumn, Scale } from './numbers.js';
import { PART_COLUMNS, generateProactive2019 } from './numbers.js';
import type { Rng } from './random.js';

/** The lint rule ids of DESIGN.md; each has exactly one injectable defect. */
export const DEFECT_IDS = [
  'required-section',
  'table-sum',
  'application-balance',
  'carryover-mismatch',
  'subtotal-exceeds-total',
  'contradiction',
  'fee-disclosure',
  'placeholder',
  'garbled-text',
  'conversion-artifact',
  'year-mismatch',
  'publication-deadline',
  'statistics-period',
  'template-version',
  'multiple-documents',
  'invalid-number',
  'government-accountability',
  'blank-total',
  'document-kind',
  'item-continuity',
] as const;

export type DefectId = (typeof DEFECT_IDS)[number];

export interface DefectDef {
  /** = the lint rule id that must report it. */
  readonly id: DefectId;
  readonly description: string;
  /** Reports the defect makes sense for. */
  readonly appliesTo: {
    readonly templates: readonly TemplateId[];
    readonly kinds?: readonly AgencyKind[];
    /** First report year it applies to (cross-year defects need a previous year of the same template family). */
    readonly fromYear?: number;
    readonly toYear?: number;
  };
  /** Needs last year's report of the same agency (generateReport returns it as `previous`). */
  readonly crossYear?: boolean;
}

/** What was injected into one report. */
export interface InjectedDefect {
  readonly id: DefectId;
  readonly description: string;
  /** What exactly changed (cells, sentences). */
  readonly detail: string;
  /** Model paths that changed, when the defect touches table cells. */
  readonly paths: readonly string[];
}

const ALL: readonly TemplateId[] = ['legacy-2008', 'national-2019', 'national-2021'];
const NATIONAL: readonly TemplateId[] = ['national-2019', 'national-2021'];

export const DEFECTS: readonly DefectDef[] = [
  { id: 'required-section', description: 'Section 五 (problems and improvements; legacy: Art. 32(五)) is left out.', appliesTo: { templates: ALL } },
  {
    id: 'table-sum',
    description: 'One part cell is off by a few so its total no longer adds up (表四 结果维持; legacy: one 答复 sub-row), breaking exactly one identity.',
    appliesTo: { templates: ALL },
  },
  {
    id: 'application-balance',
    description: '结转下年度 is raised in one applicant column and its row total, so 新收 + 上年结转 ≠ 办理结果总计 + 结转下年度 (I3) while I1/I2 hold.',
    appliesTo: { templates: NATIONAL },
  },
  {
    id: 'carryover-mismatch',
    description: "This year's 上年结转 differs from last year's 结转下年度 (the difference is absorbed by 予以公开 so this year's tables still balance).",
    appliesTo: { templates: NATIONAL, fromYear: 2020 },
    crossYear: true,
  },
  {
    id: 'subtotal-exceeds-total',
    description: 'The prose “共主动公开X条，其中A条、B条…” lists parts that add up to more than X.',
    appliesTo: { templates: ALL },
  },
  {
    id: 'contradiction',
    description: 'The number of applications received is stated a second time with a different value.',
    appliesTo: { templates: ALL },
  },
  { id: 'fee-disclosure', description: 'The 信息处理费 statement is missing from 六、其他需要报告的事项.', appliesTo: { templates: ['national-2021'] } },
  { id: 'placeholder', description: 'Template residue: the opening sentence says “20**年”.', appliesTo: { templates: ALL } },
  { id: 'garbled-text', description: 'Mojibake (“?” or U+FFFD) inside Chinese text.', appliesTo: { templates: ALL } },
  { id: 'conversion-artifact', description: 'A conversion leftover such as “[image: image1.png]” stands in the body.', appliesTo: { templates: ALL } },
  {
    id: 'year-mismatch',
    description: "The opening sentence names the previous year instead of the title's report year.",
    appliesTo: { templates: ALL },
  },
  {
    id: 'publication-deadline',
    description: 'The report is dated after every legal deadline (April–May of the following year).',
    appliesTo: { templates: ALL },
  },
  {
    id: 'statistics-period',
    description: 'The statistics period ends before the year does (…至YYYY年12月10日止).',
    appliesTo: { templates: ALL },
  },
  {
    id: 'template-version',
    description: 'A report for 2021 or later uses the 2019 表二 (five sub-tables, 本年新制作数量, 政府集中采购).',
    appliesTo: { templates: ['national-2021'] },
  },
  { id: 'multiple-documents', description: 'A second copy of the report is appended to the same file.', appliesTo: { templates: ALL } },
  {
    id: 'invalid-number',
    description: 'A count cell that no identity covers is negative (表二 行政许可/行政处罚; legacy: 举报数).',
    appliesTo: { templates: ALL },
  },
  {
    id: 'government-accountability',
    description: 'A 人民政府 report says nothing of 工作考核、社会评议和责任追究.',
    appliesTo: { templates: NATIONAL, kinds: ['government'] },
  },
  {
    id: 'blank-total',
    description: 'The 行政复议 总计 cell of 表四 is blank while its parts are not.',
    appliesTo: { templates: NATIONAL },
  },
  { id: 'document-kind', description: 'The title calls the document a 工作总结 instead of a 年度报告.', appliesTo: { templates: ALL } },
  {
    id: 'item-continuity',
    description: "2019 template: this year's 上一年项目数量 of 行政许可 ≠ last year's 上一年项目数量 + 本年增/减.",
    appliesTo: { templates: ['national-2019'], fromYear: 2020, toYear: 2020 },
    crossYear: true,
  },
];

export function defectDef(id: DefectId): DefectDef | undefined {
  return DEFECTS.find((d) => d.id === id);
}

/** Whether the defect makes sense for a report of this year and agency kind. */
export function defectApplies(def: DefectDef, template: TemplateId, year: number, kind: AgencyKind | undefined): boolean {
  const a = def.appliesTo;
  if (!a.templates.includes(template)) return false;
  if (a.kinds && (!kind || !a.kinds.includes(kind))) return false;
  if (a.fromYear !== undefined && year < a.fromYear) return false;
  if (a.toYear !== undefined && year > a.toYear) return false;
  return true;
}

/** What the generator must ensure before drawing numbers, so the defect has something to change. */
export function defectNeeds(id: DefectId | null): { minNew: number; minResponses: number } {
  switch (id) {
    case 'table-sum':
      return { minNew: 0, minResponses: 3 };
    case 'application-balance':
    case 'carryover-mismatch':
      return { minNew: 1, minResponses: 0 };
    default:
      return { minNew: 0, minResponses: 0 };
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

function bump(row: ApplicantCounts, column: PartColumn, d: number): void {
  const r = row as Mutable<ApplicantCounts> as Record<string, unknown>;
  r[column] = (cellValue(row[column]) ?? 0) + d;
  r.total = (cellValue(row.total) ?? 0) + d;
}

export interface CoreMutation {
  readonly core: ReportCore;
  readonly flags: ProseFlags;
  readonly detail: string;
  readonly paths: string[];
}

/** Apply the number- and wording-level part of a defect (before the prose is written). */
export function mutateCore(id: DefectId, rng: Rng, core: ReportCore, context: { scale: Scale; carry?: CarryState }): CoreMutation {
  const c = structuredClone(core) as Mutable<ReportCore>;
  const d = rng.int(1, 3);
  const out = (detail: string, paths: string[] = [], flags: ProseFlags = {}): CoreMutation => ({ core: c, flags, detail, paths });
  switch (id) {
    case 'required-section':
      return out('section 五 (problems) omitted', [], { omitSection: 'problems' });
    case 'table-sum': {
      if (c.reviewLitigation) {
        const r = c.reviewLitigation.review as Record<string, unknown>;
        r.upheld = (cellValue(c.reviewLitigation.review.upheld) ?? 0) + d;
        return out(`reviewLitigation.review.upheld +${d} (total unchanged)`, ['reviewLitigation.review.upheld']);
      }
      const rows = c.legacy?.statistics.rows ?? [];
      const parts = rows.filter((r) => ['responsesGranted', 'responsesPartial', 'responsesDenied', 'responsesOther'].includes(r.key ?? ''));
      const part = parts.reduce((best, r) => ((cellValue(r.year) ?? 0) > (cellValue(best?.year) ?? -1) ? r : best), parts[0]);
      if (!part) return out('no legacy statistics to change');
      const value = cellValue(part.year) ?? 0;
      const k = Math.max(1, Math.min(d, value));
      (part as Record<string, unknown>).year = value - k;
      if (c.legacy) (c.legacy.year as Record<string, number>)[part.key ?? ''] = value - k;
      return out(`legacyStatistics.${part.key}.year −${k} (答复总数 unchanged)`, [`legacyStatistics.${part.key}.year`]);
    }
    case 'application-balance': {
      const a = c.applications as Mutable<Applications>;
      const col = rng.pick(PART_COLUMNS.slice(0, 1));
      bump(a.carriedForward, col, d);
      return out(`applications.carriedForward.${col} and .total +${d}`, [`applications.carriedForward.${col}`, 'applications.carriedForward.total']);
    }
    case 'carryover-mismatch': {
      const a = c.applications as Mutable<Applications>;
      const col: PartColumn = 'naturalPerson';
      bump(a.carriedOver, col, d);
      bump(a.results.granted, col, d);
      bump(a.results.total, col, d);
      return out(`applications.carriedOver.${col} +${d} against last year's 结转下年度 (balanced through 予以公开)`, [
        `applications.carriedOver.${col}`,
        'applications.carriedOver.total',
      ]);
    }
    case 'subtotal-exceeds-total':
      return out(`first 其中 part of 主动公开 +${d}`, [], { subtotalExcess: d });
    case 'contradiction':
      return out(`applications received stated again as N+${d}`, [], { contradiction: d });
    case 'fee-disclosure':
      return out('信息处理费 statement removed', [], { omitFees: true });
    case 'placeholder':
      return out('opening year written 20**', [], { openingYear: '20**' });
    case 'garbled-text':
    case 'conversion-artifact':
    case 'multiple-documents':
      return out('');
    case 'year-mismatch':
      return out(`opening sentence names ${c.year - 1}`, [], { openingYear: String(c.year - 1) });
    case 'publication-deadline': {
      const deadline = deadlineFor(c.agency, c.year);
      const month = rng.int(4, 5);
      c.publishedOn = { year: c.year + 1, month, day: rng.int(1, 28) };
      return out(`dated ${c.year + 1}-${month} (deadline ${deadline.month}月${deadline.day}日)`, ['publishedOn']);
    }
    case 'statistics-period': {
      const end = rng.pick([
        { month: 12, day: 10 },
        { month: 11, day: 30 },
        { month: 12, day: 20 },
      ]);
      return out(`period ends ${end.month}月${end.day}日`, ['period'], { periodEnd: end });
    }
    case 'template-version':
      c.proactive = generateProactive2019(rng.fork('old-table'), c.agency, context.scale);
      return out('表二 in the 2019 shape', ['proactive']);
    case 'invalid-number': {
      const k = -rng.int(1, 20);
      const p = c.proactive as Record<string, unknown> | null;
      if (p && p.template === 'national-2021') {
        p.licensing = k;
        return out(`proactive.licensing = ${k}`, ['proactive.licensing']);
      }
      if (p && p.template === 'national-2019') {
        (p.penalty as Record<string, unknown>).decisions = k;
        return out(`proactive.penalty.decisions = ${k}`, ['proactive.penalty.decisions']);
      }
      const row = c.legacy?.statistics.rows.find((r) => r.key === 'complaints');
      if (row) (row as Record<string, unknown>).year = k;
      return out(`legacyStatistics.complaints.year = ${k}`, ['legacyStatistics.complaints.year']);
    }
    case 'government-accountability':
      return out('监督保障 paragraph without 考核/评议/追究', [], { omitAccountability: true });
    case 'blank-total': {
      const r = c.reviewLitigation?.review as Record<string, unknown> | undefined;
      if (r) {
        if ((cellValue(r.upheld as number) ?? 0) + (cellValue(r.corrected as number) ?? 0) + (cellValue(r.other as number) ?? 0) + (cellValue(r.pending as number) ?? 0) === 0) {
          r.upheld = 1;
        }
        r.total = null;
      }
      return out('reviewLitigation.review.total blank', ['reviewLitigation.review.total']);
    }
    case 'document-kind':
      return out('titled 工作总结', ['title'], { workSummary: true });
    case 'item-continuity': {
      const p = c.proactive as Record<string, unknown> | null;
      const lic = p?.licensing as Record<string, unknown> | undefined;
      if (lic) lic.prevYearItems = (cellValue(lic.prevYearItems as number) ?? 0) + d;
      return out(`proactive.licensing.prevYearItems +${d} against last year`, ['proactive.licensing.prevYearItems']);
    }
  }
}

/** Apply the document-level part of a defect (after the prose is written). */
export function mutateBlocks(id: DefectId, rng: Rng, blocks: Block[]): { blocks: Block[]; detail: string } {
  switch (id) {
    case 'garbled-text': {
      const problemsAt = blocks.findIndex((b) => b.type === 'heading' && b.kind === 'problems');
      const start = problemsAt >= 0 ? problemsAt : 0;
      const index = blocks.findIndex((b, i) => i > start && b.type === 'paragraph' && !b.role && b.runs.every((r) => !r.anchor));
      const block = blocks[index];
      if (!block || block.type !== 'paragraph') return { blocks, detail: '' };
      const text = block.runs.map((r) => r.text).join('');
      const positions: number[] = [];
      for (let i = 4; i + 3 < text.length; i++) if (/^[\u4e00-\u9fff]{3}$/.test(text.slice(i - 1, i + 2))) positions.push(i);
      const at = rng.pick(positions.length > 0 ? positions : [4]);
      const junk = rng.pick(['??', '\uFFFD\uFFFD', '?F', '\uFFFD']);
      const garbled = `${text.slice(0, at)}${junk}${text.slice(at + junk.length)}`;
      const out = [...blocks];
      out[index] = { type: 'paragraph', runs: [{ text: garbled }] };
      return { blocks: out, detail: `“${junk}” written into the problems section` };
    }
    case 'conversion-artifact': {
      const artifact = rng.pick(['[image: image1.png]', '[image: media/image2.jpeg]', '[bookmark: _Toc12345678]', '[bookmark: _GoBack]']);
      const first = blocks.findIndex((b) => b.type === 'heading' && b.level === 1);
      const at = first >= 0 ? first + 2 : 2;
      const out = [...blocks];
      out.splice(Math.min(at, out.length), 0, { type: 'paragraph', role: 'artifact', runs: [{ text: artifact }] });
      return { blocks: out, detail: `“${artifact}” inserted` };
    }
    case 'multiple-documents':
      return { blocks: [...blocks, { type: 'separator' }, ...blocks], detail: 'the report appears twice' };
    default:
      return { blocks, detail: '' };
  }
}
