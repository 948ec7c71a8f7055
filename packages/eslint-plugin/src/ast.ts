import type { Fact, Report, Section, SectionKind, Span } from '@xxgk/schema';

/** 1-based line and column (ESLint `columnStart: 1`, `lineStart: 1`). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface SourceLocation {
  readonly start: Position;
  /** One past the last character, as in ESLint. */
  readonly end: Position;
}

interface NodeBase {
  readonly loc: SourceLocation;
  /** [start, end) offsets into the source text. */
  readonly range: readonly [number, number];
}

/** The report's title line. */
export interface TitleNode extends NodeBase {
  readonly type: 'Title';
  readonly text: string;
}

/** A section (一、总体情况 …) and its subsections. */
export interface SectionNode extends NodeBase {
  readonly type: 'Section';
  readonly kind: SectionKind;
  readonly heading: string;
  readonly level: number;
  readonly children: readonly SectionNode[];
}

export type TableName = 'proactive' | 'applications' | 'reviewLitigation' | 'legacyStatistics';

/** One of the statistics tables (表二, 表三, 表四, or the legacy statistics table). */
export interface TableNode extends NodeBase {
  readonly type: 'Table';
  readonly name: TableName;
}

/** A number stated in prose (共收到申请70件). */
export interface FactNode extends NodeBase {
  readonly type: 'Fact';
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
}

/** The root: the whole draft. */
export interface ReportNode extends NodeBase {
  readonly type: 'Report';
  readonly title: TitleNode | null;
  readonly sections: readonly SectionNode[];
  readonly tables: readonly TableNode[];
  readonly facts: readonly FactNode[];
}

export type ReportAstNode = ReportNode | TitleNode | SectionNode | TableNode | FactNode;

/** The child keys of every node type, in traversal order (ESLint's `visitorKeys`). */
export const visitorKeys: Readonly<Record<ReportAstNode['type'], string[]>> = Object.freeze({
  Report: ['title', 'sections', 'tables', 'facts'],
  Title: [],
  Section: ['children'],
  Table: [],
  Fact: [],
});

/** Converts offsets to positions with the line breaks of @xxgk/lint and of the source code object (\r\n, \r, \n). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

function positionAt(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

function fromSpan(span: Span): NodeBase {
  return {
    loc: { start: { line: span.line, column: span.column }, end: { line: span.endLine, column: span.endColumn } },
    range: [span.start, span.end],
  };
}

function sectionNode(section: Section): SectionNode {
  return {
    type: 'Section',
    kind: section.kind,
    heading: section.heading,
    level: section.level,
    ...fromSpan(section.span),
    children: section.children.map(sectionNode),
  };
}

function factNode(fact: Fact): FactNode {
  return { type: 'Fact', id: fact.id, label: fact.label, value: fact.value, unit: fact.unit, ...fromSpan(fact.span) };
}

const TABLES: readonly TableName[] = ['proactive', 'applications', 'reviewLitigation', 'legacyStatistics'];

/**
 * The small tree ESLint traverses: Report → Title, Section (nested), Table, Fact, each with
 * `loc` and `range`. Built from the Report's spans; a Report of null (an empty draft) gives a bare root.
 */
export function buildAst(report: Report | null, text: string): ReportNode {
  const starts = lineStarts(text);
  const root = { loc: { start: positionAt(starts, 0), end: positionAt(starts, text.length) }, range: [0, text.length] as const };
  if (!report) return { type: 'Report', ...root, title: null, sections: [], tables: [], facts: [] };
  const tables: TableNode[] = [];
  for (const name of TABLES) {
    const span = report[name]?.span;
    if (span) tables.push({ type: 'Table', name, ...fromSpan(span) });
  }
  tables.sort((a, b) => a.range[0] - b.range[0]);
  return {
    type: 'Report',
    ...root,
    title: report.titleSpan ? { type: 'Title', text: report.title ?? '', ...fromSpan(report.titleSpan) } : null,
    sections: report.sections.map(sectionNode),
    tables,
    facts: report.facts.map(factNode),
  };
}
