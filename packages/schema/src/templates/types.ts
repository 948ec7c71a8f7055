import type { SectionKind } from '../section.js';
import type { TemplateId } from '../report.js';

/** A section the template (or, for legacy reports, Art. 32 of the 2008 条例) requires. */
export interface SectionDef {
  readonly kind: SectionKind;
  /** Ordinal in the national templates (一 … 六); absent for legacy items. */
  readonly ordinal?: string;
  /** The heading as the template writes it, without numbering. */
  readonly heading: string;
  /** Headings seen in real reports that mean the same section (numbering stripped, SPEC §2.2, §6). */
  readonly variants: readonly string[];
  /** Legacy reports: the item is present when the text mentions one keyword of every group (SPEC §6). */
  readonly keywords?: readonly (readonly string[])[];
  readonly source: string;
}

/** How a cell's value may look (SPEC §2.3): a count, a signed delta, or an amount of money. */
export type CellKind = 'count' | 'signed' | 'money';

/** One data cell of a template table, with the labels that locate it. */
export interface CellDef {
  readonly path: string;
  readonly table: 'proactive' | 'applications' | 'reviewLitigation' | 'legacyStatistics';
  readonly row: string;
  readonly column: string;
  readonly kind: CellKind;
}

/** A row of 表三 in template order; `path` is null for label-only rows (三、本年度办理结果, （三）不予公开). */
export interface RowDef {
  readonly path: string | null;
  readonly label: string;
  /** Other spellings of the label seen in real reports (quotes, brackets, abbreviations). */
  readonly aliases?: readonly string[];
  /** The block (一 … 四) and group ((一) … (七)) the row belongs to. */
  readonly block: string;
  readonly group?: string;
}

export interface ColumnDef {
  readonly key: string;
  readonly label: string;
}

/**
 * An arithmetic identity as data: Σ lhs (= or ≥) Σ rhs over cell paths (SPEC §3).
 * `rule` is the lint rule that reports it.
 */
export interface Identity {
  readonly id: string;
  readonly kind: 'row-total' | 'column-total' | 'balance' | 'group-total' | 'legacy-total';
  readonly rule: 'table-sum' | 'application-balance';
  readonly relation: 'equal' | 'at-least';
  readonly description: string;
  readonly lhs: readonly string[];
  readonly rhs: readonly string[];
  /** The cell a finding points at when the identity fails (a total). */
  readonly target: string;
}

export interface TemplateCatalogue {
  readonly id: TemplateId;
  readonly title: string;
  readonly source: string;
  /** Report years the template governs (inclusive; `to` null = still in force). */
  readonly years: { readonly from: number; readonly to: number | null };
  readonly sections: readonly SectionDef[];
  readonly proactive?: { readonly captions: readonly string[]; readonly cells: readonly CellDef[] };
  readonly applications?: {
    readonly columns: readonly ColumnDef[];
    readonly rows: readonly RowDef[];
    readonly cornerNote: string;
  };
  readonly reviewLitigation?: { readonly groups: readonly ColumnDef[]; readonly columns: readonly ColumnDef[] };
  readonly legacyStatistics?: { readonly rows: readonly LegacyRowDef[] };
  readonly identities: readonly Identity[];
  /** Every data cell of the template's tables, in reading order. */
  readonly cells: readonly CellDef[];
}

/** A known indicator of the legacy statistics tables (SPEC §6). */
export interface LegacyRowDef {
  readonly key: string;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly unit: string;
  /** Key of the row this one is a 其中 of. */
  readonly parent?: string;
  readonly kind: CellKind;
}
