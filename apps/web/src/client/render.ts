import type { DocNode, ElementNode } from './doc.js';
import type { PlacedFinding } from './positions.js';
import { segment } from './positions.js';
import type { MarkedCell } from './tables.js';
import { numberTables } from './tables.js';

export interface RenderedDocument {
  readonly element: HTMLElement;
  /** For each finding index: the first place showing it (a <mark>, else the element around its start). */
  readonly anchors: ReadonlyMap<number, HTMLElement>;
}

const TABLE_NAMES = { 2: '表二 主动公开政府信息情况', 3: '表三 收到和处理政府信息公开申请情况', 4: '表四 政府信息公开行政复议、行政诉讼情况' } as const;

export function expectedText(cell: MarkedCell): string | null {
  if (!cell.expected) return null;
  return cell.expected.relation === 'equal' ? `应为 ${cell.expected.value}` : `应不小于 ${cell.expected.value}`;
}

/** Build the document view: the tree as HTML, findings as <mark>s, flagged table cells with the expected value. */
export function renderDocument(root: ElementNode, placed: readonly PlacedFinding[], marked: readonly MarkedCell[]): RenderedDocument {
  const anchors = new Map<number, HTMLElement>();
  const markedByCell = new Map(marked.map((m) => [m.cell, m]));
  const tableNumbers = numberTables(root);
  /** Deepest element containing each finding's start, for findings that cover no text. */
  const fallback = new Map<number, { el: HTMLElement; depth: number }>();

  const renderNode = (node: DocNode, parent: HTMLElement, depth: number, candidates: readonly PlacedFinding[]) => {
    if (node.kind === 'text') {
      const here = candidates.filter((p) => p.start < node.end && p.end > node.start);
      const segments = node.literal ? segment(node.start, node.end, here) : [{ start: node.start, end: node.end, findings: here.map((p) => p.index) }];
      for (const s of segments) {
        const text = node.literal ? node.text.slice(s.start - node.start, s.end - node.start) : node.text;
        if (s.findings.length === 0) {
          parent.append(text);
          continue;
        }
        const mark = document.createElement('mark');
        const severity = Math.max(...s.findings.map((i) => placed[i]?.finding.severity ?? 1));
        mark.className = `hl sev-${severity}`;
        mark.dataset.findings = s.findings.join(' ');
        mark.textContent = text;
        parent.append(mark);
        for (const i of s.findings) if (!anchors.has(i)) anchors.set(i, mark);
      }
      return;
    }
    const el = document.createElement(node.tag);
    if (node.className) el.className = node.className;
    if (node.colspan) el.setAttribute('colspan', String(node.colspan));
    if (node.rowspan) el.setAttribute('rowspan', String(node.rowspan));
    el.dataset.start = String(node.start);
    el.dataset.end = String(node.end);
    const inside = candidates.filter((p) => (p.start < node.end && p.end > node.start) || (p.start === p.end && p.start >= node.start && p.start <= node.end));
    for (const p of inside) {
      if (p.start >= node.start && p.start < Math.max(node.end, node.start + 1)) {
        const best = fallback.get(p.index);
        if (!best || depth > best.depth) fallback.set(p.index, { el, depth });
      }
    }
    const flagged = markedByCell.get(node);
    if (flagged) {
      el.classList.add('cell-flag', `sev-${flagged.severity}`);
      el.dataset.findings = flagged.findings.join(' ');
    }
    for (const child of node.children) renderNode(child, el, depth + 1, inside);
    if (flagged) {
      const expected = expectedText(flagged);
      if (expected) {
        const badge = document.createElement('span');
        badge.className = 'expected';
        badge.textContent = expected;
        el.append(badge);
      }
    }
    if (node.tag === 'table') {
      const number = tableNumbers.get(node) ?? null;
      const figure = document.createElement('figure');
      figure.className = 'doc-table';
      if (number !== null) {
        figure.dataset.table = String(number);
        const caption = document.createElement('figcaption');
        caption.textContent = TABLE_NAMES[number];
        figure.append(caption);
      }
      figure.append(el);
      parent.append(figure);
    } else {
      parent.append(el);
    }
  };

  const container = document.createElement('div');
  container.className = 'doc';
  renderNode(root, container, 0, placed);
  for (const [index, { el }] of fallback) if (!anchors.has(index)) {
    el.classList.add('anchor-flag');
    anchors.set(index, el);
  }
  return { element: container, anchors };
}
