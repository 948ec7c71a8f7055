import type { ElementNode } from './doc.js';
import { elementsOf, textOf } from './doc.js';
import type { Finding, PlacedFinding } from './positions.js';
import { overlaps } from './positions.js';

/** What a table identity expects instead of the cell's figure, read from the finding's message. */
export interface Expected {
  /** The figure as written. */
  readonly actual: string;
  readonly relation: 'equal' | 'atLeast';
  readonly value: string;
}

const NUMBER = String.raw`-?\d[\d,，]*(?:\.\d+)?`;
/** “{{cell}}: {{total}} ≠ {{sum}} (= parts)” and “{{cell}}: {{total}} < {{sum}} (= parts)” (table-sum). */
const SUM_MESSAGE = new RegExp(String.raw`:\s*(${NUMBER})\s*([≠<])\s*(${NUMBER})\s*[(（]=`);
/** “{{label}}”共{{total}}…，其中所列各项之和为{{sum}}… (subtotal-exceeds-total). */
const EXCEEDS_MESSAGE = new RegExp(String.raw`共(${NUMBER})[^，,]*[，,]其中所列各项之和为(${NUMBER})`);

/** The expected value of a total cell, when the finding says it (table-sum, subtotal-exceeds-total); else null. */
export function expectedOf(finding: Finding): Expected | null {
  const sum = SUM_MESSAGE.exec(finding.message);
  if (sum) return { actual: sum[1] ?? '', relation: sum[2] === '<' ? 'atLeast' : 'equal', value: sum[3] ?? '' };
  const exceeds = EXCEEDS_MESSAGE.exec(finding.message);
  if (exceeds) return { actual: exceeds[1] ?? '', relation: 'atLeast', value: exceeds[2] ?? '' };
  return null;
}

export interface MarkedCell {
  readonly cell: ElementNode;
  /** Indexes of the findings standing in this cell. */
  readonly findings: readonly number[];
  /** Worst severity among them (2 error, 1 warning). */
  readonly severity: number;
  /** What the cell should hold, when a finding says so. */
  readonly expected: Expected | null;
}

/** The table cells that findings point into, each with its findings and the expected value. */
export function markCells(root: ElementNode, placed: readonly PlacedFinding[]): MarkedCell[] {
  const out: MarkedCell[] = [];
  for (const cell of elementsOf(root, new Set(['td', 'th']))) {
    const inside = placed.filter((p) => overlaps(p, cell));
    if (inside.length === 0) continue;
    // A cell holding nested cells (a table inside a cell) leaves the marking to the innermost one.
    if (elementsOf(cell, new Set(['td', 'th'])).length > 1) continue;
    const withExpected = inside.map((p) => expectedOf(p.finding)).find((e) => e !== null) ?? null;
    out.push({
      cell,
      findings: inside.map((p) => p.index),
      severity: Math.max(...inside.map((p) => p.finding.severity)),
      expected: withExpected,
    });
  }
  return out;
}

/** Which statistical table (2, 3, 4) a table is, from the section heading before it; null when unknown. */
export function tableNumberOf(heading: string): 2 | 3 | 4 | null {
  if (/主动公开政府信息情况/.test(heading)) return 2;
  if (/收到和处理政府信息公开申请情况/.test(heading)) return 3;
  if (/行政复议|行政诉讼/.test(heading)) return 4;
  return null;
}

/**
 * For each table of the document, the table number from the nearest preceding section heading
 * (二、… → 表二, 三、… → 表三, 四、… → 表四), in document order.
 */
export function numberTables(root: ElementNode): Map<ElementNode, 2 | 3 | 4 | null> {
  const out = new Map<ElementNode, 2 | 3 | 4 | null>();
  let current: 2 | 3 | 4 | null = null;
  const walk = (n: ElementNode) => {
    if (n.tag === 'table') {
      out.set(n, current);
      return;
    }
    // Own text only (a block of text pieces); Markdown's '## ' marks dropped.
    const own = n.children.every((c) => c.kind === 'text') ? textOf(n).trim().replace(/^#{1,6}\s*/, '') : '';
    if (own !== '' && own.length <= 40 && /^[一二三四五六七八九十]+、/.test(own)) current = tableNumberOf(own);
    for (const c of n.children) if (c.kind === 'element') walk(c);
  };
  walk(root);
  return out;
}
