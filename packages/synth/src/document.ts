import type { SectionKind } from '@xxgk/schema';

/**
 * The format-independent document a report is rendered from: a title, paragraphs made of runs
 * (some runs carry an anchor so renderers can report where they ended up), headings and tables.
 */

/** A piece of paragraph text; `anchor` names it for spans (`fact:f3`, `period`, `date`, `fees`). */
export interface Run {
  readonly text: string;
  readonly anchor?: string;
}

/** A table cell in the merged layout (HTML/DOCX): what starts at this row, with its spans. */
export interface GridCell {
  readonly text: string;
  readonly rowSpan?: number;
  readonly colSpan?: number;
  readonly head?: boolean;
  /** The catalogue path of a data cell. */
  readonly path?: string;
}

/** A row in the flat layout (text, Markdown, text dump): every cell of the row, label first. */
export interface FlatRow {
  readonly cells: readonly string[];
  /** Catalogue path of each data cell (parallel to `cells`; undefined for labels). */
  readonly paths?: readonly (string | undefined)[];
  readonly header?: boolean;
  /** Catalogue path of the row (data rows only). */
  readonly path?: string;
}

export type TableId = 'proactive' | 'applications' | 'reviewLitigation' | 'legacyStatistics';

export interface TableLayout {
  readonly id: TableId;
  readonly columns: number;
  readonly grid: readonly (readonly GridCell[])[];
  readonly flat: readonly FlatRow[];
}

export type Block =
  | { readonly type: 'title'; readonly text: string }
  | {
      readonly type: 'heading';
      readonly level: 1 | 2;
      readonly text: string;
      readonly kind: SectionKind;
    }
  | { readonly type: 'paragraph'; readonly runs: readonly Run[]; readonly role?: 'signature' | 'caption' | 'artifact' }
  | { readonly type: 'table'; readonly table: TableLayout }
  /** Start of a second document in the same file (multiple-documents defect). */
  | { readonly type: 'separator' };

export interface SynthDocument {
  readonly blocks: readonly Block[];
}

export function para(...runs: (string | Run)[]): Block {
  return { type: 'paragraph', runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)) };
}

export function plainText(block: Block): string {
  switch (block.type) {
    case 'title':
    case 'heading':
      return block.text;
    case 'paragraph':
      return block.runs.map((r) => r.text).join('');
    default:
      return '';
  }
}
