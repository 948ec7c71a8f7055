import type { Agency, Applications, Proactive, ReviewLitigation, TemplateId } from '@xxgk/schema';
import type { LegacyDraft } from './numbers.js';

/** Everything a report states, before it is written out as prose and tables. */
export interface ReportCore {
  readonly agency: Agency;
  readonly year: number;
  readonly template: TemplateId;
  readonly proactive: Proactive | null;
  readonly applications: Applications | null;
  readonly reviewLitigation: ReviewLitigation | null;
  readonly legacy: LegacyDraft | null;
  /** 全年主动公开政府信息X条 (prose only; legacy: = the statistics table's 主动公开文件数). */
  readonly proactiveItems: number;
  /** 信息处理费 (2021+): fee notices sent and amount collected in 元. */
  readonly fees: { readonly notices: number; readonly amount: number };
  /** 开展政府信息公开业务培训k次 (null: not stated). */
  readonly trainings: number | null;
  /** Signing date. */
  readonly publishedOn: { readonly year: number; readonly month: number; readonly day: number };
}

/**
 * Changes to the wording a defect asks for (each is documented in defects.ts). Empty for a clean report.
 */
export interface ProseFlags {
  omitSection?: 'problems' | 'fees';
  omitAccountability?: boolean;
  omitFees?: boolean;
  workSummary?: boolean;
  periodEnd?: { month: number; day: number };
  /** Replace the year in the opening sentence (year-mismatch) or write a placeholder (20**). */
  openingYear?: string;
  subtotalExcess?: number;
  /** State 本年新收 a second time, off by this much (contradiction). */
  contradiction?: number;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
