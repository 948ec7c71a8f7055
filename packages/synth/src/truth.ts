import { createHash } from 'node:crypto';
import type { CellObject, DocumentPart, Fact, Report, Section, SourceFormat } from '@xxgk/schema';
import { cellAt, cellValue } from '@xxgk/schema';
import type { ReportCore } from './core.js';
import type { Block } from './document.js';
import type { Composition } from './prose.js';
import type { Layout } from './render/writer.js';
import { LineIndex } from './render/writer.js';

/** The text a content id is computed from: NFKC, all whitespace removed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** sha256 (hex) of the normalised text. */
export function contentId(text: string): string {
  return createHash('sha256').update(normalizeText(text), 'utf8').digest('hex');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sectionsOf(blocks: readonly Block[], layout: Layout, index: LineIndex): Section[] {
  const limit = blocks.findIndex((b) => b.type === 'separator');
  const end = limit >= 0 ? limit : blocks.length;
  const top: Section[] = [];
  for (let i = 0; i < end; i++) {
    const b = blocks[i];
    if (b?.type !== 'heading') continue;
    const range = layout.blocks[i];
    if (!range) continue;
    let last = range[1];
    for (let j = i + 1; j < end; j++) {
      const n = blocks[j];
      if (!n) break;
      if (n.type === 'heading' && n.level <= b.level) break;
      if (n.type === 'paragraph' && n.role === 'signature') break;
      const r = layout.blocks[j];
      if (r) last = r[1];
    }
    const section: Section = { kind: b.kind, heading: b.text, level: b.level, span: index.span(range[0], last), children: [] };
    if (b.level === 1) top.push(section);
    else top[top.length - 1]?.children.push(section);
  }
  return top;
}

function documentsOf(blocks: readonly Block[], layout: Layout, index: LineIndex): DocumentPart[] {
  const parts: DocumentPart[] = [];
  let startBlock = 0;
  const flush = (endBlock: number) => {
    const title = blocks[startBlock];
    const ranges = layout.blocks.slice(startBlock, endBlock).filter((r): r is readonly [number, number] => r !== null && r !== undefined);
    const first = ranges[0];
    const lastRange = ranges[ranges.length - 1];
    if (title?.type === 'title' && first && lastRange) parts.push({ title: title.text, span: index.span(first[0], lastRange[1]) });
  };
  blocks.forEach((b, i) => {
    if (b.type === 'separator') {
      flush(i);
      startBlock = i + 1;
    }
  });
  flush(blocks.length);
  return parts;
}

type Tables = Pick<Report, 'proactive' | 'applications' | 'reviewLitigation' | 'legacyStatistics'>;

/** Replace every rendered table cell by `{ value, raw, span }` (the span of its printed text). */
function withCellSpans(tables: Tables, text: string, layout: Layout, index: LineIndex): Tables {
  const out = structuredClone(tables);
  for (const [name, [start, end]] of layout.anchors) {
    if (!name.startsWith('cell:')) continue;
    const path = name.slice('cell:'.length);
    const value = cellValue(cellAt(out, path));
    const cell: CellObject = { value, raw: text.slice(start, end), span: index.span(start, end) };
    const parts = path.split('.');
    if (parts[0] === 'legacyStatistics') {
      const row = out.legacyStatistics?.rows.find((r) => r.key === parts[1]);
      if (row && parts[2] === 'cumulative') row.cumulative = cell;
      else if (row) row.year = cell;
      continue;
    }
    let node = out as unknown as Record<string, unknown>;
    for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
    node[parts[parts.length - 1] as string] = cell;
  }
  return out;
}

/**
 * The ground-truth Report of a rendered document. Spans are offsets into `layout`'s text (the
 * rendered source for text, text-dump, Markdown and HTML; the plain-text rendering for DOCX).
 */
export function buildTruth(args: {
  core: ReportCore;
  composition: Composition;
  blocks: readonly Block[];
  layout: Layout & { text: string };
  idText: string;
  source: { format: SourceFormat; bytes: Uint8Array; name: string };
  /** Table cells as { value, raw, span } into `layout`'s text instead of plain numbers. */
  cellSpans?: boolean;
}): Report {
  const { core, composition, blocks, layout } = args;
  const index = new LineIndex(layout.text);
  const anchor = (name: string) => {
    const r = layout.anchors.get(name);
    return r ? index.span(r[0], r[1]) : null;
  };
  const facts: Fact[] = composition.facts.map((f) => {
    const span = anchor(`fact:${f.id}`) ?? index.span(0, 0);
    return { ...f, span };
  });
  const fees = composition.fees ? { ...composition.fees, span: anchor('fees') } : null;
  const plainTables: Tables = {
    proactive: core.proactive,
    applications: core.applications,
    reviewLitigation: core.reviewLitigation,
    legacyStatistics: core.legacy?.statistics ?? null,
  };
  const tables = args.cellSpans ? withCellSpans(plainTables, layout.text, layout, index) : plainTables;
  return {
    id: contentId(args.idText),
    title: composition.title,
    titleSpan: anchor('title'),
    year: core.year,
    agency: core.agency,
    template: core.template,
    documentKind: composition.documentKind,
    publishedOn: composition.publishedOn,
    publishedOnSpan: anchor('date'),
    period: { ...composition.period, span: anchor('period') },
    language: 'zh-Hans',
    source: {
      format: args.source.format,
      encoding: 'UTF-8',
      sha256: sha256Hex(args.source.bytes),
      bytes: args.source.bytes.length,
      name: args.source.name,
    },
    sections: sectionsOf(blocks, layout, index),
    facts,
    ...tables,
    fees,
    documents: documentsOf(blocks, layout, index),
    diagnostics: [],
  };
}
