import type { Report } from '@xxgk/schema';
import { cellAt, cellSpan } from '@xxgk/schema';
import { getTemplate } from '@xxgk/schema/templates';
import { compareFigures } from './figures.js';
import type { FigureChange } from './figures.js';
import { compareSections } from './sections.js';
import type { SectionRef } from './sections.js';
import { textReuse } from './text-reuse.js';
import type { TextReuse, TextReuseOptions } from './text-reuse.js';

export { compareFigures, compareSections, textReuse };
export type { CopiedParagraph, TextReuse, TextReuseOptions } from './text-reuse.js';
export type { FigureChange } from './figures.js';
export type { SectionChanges, SectionRef } from './sections.js';

/** One report with the decoded text its spans point into (the parser's `text`, the store's `reports.text`). */
export interface ComparedReport {
  readonly report: Report;
  readonly text: string;
}

export interface ReportComparison {
  /** Every template table figure of both reports with its change. */
  readonly figures: FigureChange[];
  /** Figures whose value differs (a subset of `figures`). */
  readonly changed: FigureChange[];
  readonly sectionsAdded: SectionRef[];
  readonly sectionsRemoved: SectionRef[];
  /** How much of B's text was copied from A. */
  readonly reuse: TextReuse;
}

/**
 * Offsets of the lines of a report that are not prose: the title, section headings, the tables (from
 * a table's first cell to its last) and the signature. They are left out of the text comparison
 * (every report of a template has them).
 */
export function nonProseLines(report: Report, text: string): Set<number> {
  const starts = new Set<number>();
  const lineStart = (offset: number): number => {
    const at = Math.min(offset, text.length);
    return text.lastIndexOf('\n', at - 1) + 1;
  };
  if (report.titleSpan) starts.add(lineStart(report.titleSpan.start));
  const stack = [...report.sections];
  for (let s = stack.pop(); s !== undefined; s = stack.pop()) {
    starts.add(lineStart(s.span.start));
    stack.push(...s.children);
  }
  // Tables: every line from a table's first cell to its last (label-only rows such as 三、本年度办理结果 too).
  const extent = new Map<string, [number, number]>();
  for (const def of getTemplate(report.template).cells) {
    const span = cellSpan(cellAt(report, def.path));
    if (!span) continue;
    const e = extent.get(def.table);
    extent.set(def.table, e ? [Math.min(e[0], span.start), Math.max(e[1], span.end)] : [span.start, span.end]);
  }
  for (const [from, to] of extent.values()) {
    for (let at = lineStart(from); at <= to && at < text.length; ) {
      starts.add(at);
      const next = text.indexOf('\n', at);
      if (next < 0) break;
      at = next + 1;
    }
  }
  // The signature: the agency's name on a line of its own.
  const name = report.agency.name;
  if (name !== '') {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const start = lineStart(at);
      const end = text.indexOf('\n', at);
      if (text.slice(start, end < 0 ? text.length : end).trim() === name) starts.add(start);
    }
  }
  return starts;
}

/**
 * Compares report A (`base`, usually last year's) with report B (`other`): figures, sections and text
 * reuse. Pure: no I/O, no database.
 */
export function compareReports(base: ComparedReport, other: ComparedReport, options: TextReuseOptions = {}): ReportComparison {
  const figures = compareFigures(base.report, other.report);
  const { added, removed } = compareSections(base.report, other.report);
  const reuse = textReuse(base.text, other.text, {
    skipBase: nonProseLines(base.report, base.text),
    skipOther: nonProseLines(other.report, other.text),
    ...options,
  });
  return {
    figures,
    changed: figures.filter((f) => f.before !== f.after || f.inBase !== f.inOther),
    sectionsAdded: added,
    sectionsRemoved: removed,
    reuse,
  };
}
