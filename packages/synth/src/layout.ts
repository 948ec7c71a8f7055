import type { Cell, LegacyStatistics, Proactive, Report } from '@xxgk/schema';
import { cellAt, cellValue } from '@xxgk/schema';
import type { TemplateId } from '@xxgk/schema';
import type { CellDef } from '@xxgk/schema/templates';
import { APPLICANT_COLUMN_DEFS, REVIEW_COLUMN_DEFS, REVIEW_GROUP_DEFS, getTemplate } from '@xxgk/schema/templates';
import type { FlatRow, GridCell, TableLayout } from './document.js';

/** Layout words that are not template labels (the template's group headers). */
const APPLICANT_GROUP = '申请人情况';
const ORGANISATION_GROUP = '法人或其他组织';
const LITIGATION_GROUP = '行政诉讼';
const CONTENT_HEADER = '信息内容';

const SPLIT = new Map<string, readonly string[]>();

/** `cellAt` for the national tables without re-splitting the path each time (layouts read thousands). */
function cellOf(tables: Tables, path: string): Cell | undefined {
  let parts = SPLIT.get(path);
  if (!parts) {
    parts = path.split('.');
    SPLIT.set(path, parts);
  }
  if (parts[0] === 'legacyStatistics') return cellAt(tables, path);
  let node: unknown = tables;
  for (const part of parts) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node as Cell | undefined;
}

/** How a cell is printed: '' for a blank, the number otherwise (money with its decimals, signed deltas with '-'). */
export function formatCell(cell: Cell | undefined): string {
  const v = cellValue(cell);
  if (v === null) return '';
  return String(v);
}

type Tables = Pick<Report, 'proactive' | 'applications' | 'reviewLitigation' | 'legacyStatistics'>;

/** 表三 in the template's merged layout (3 label columns + 7 value columns) and flat. */
export function applicationsLayout(template: TemplateId, tables: Tables): TableLayout {
  const cat = getTemplate(template).applications;
  if (!cat) throw new Error(`template ${template} has no 表三`);
  const cols = APPLICANT_COLUMN_DEFS;
  const rows = cat.rows;
  const resultRows = rows.filter((r) => r.block === '三' && r.path !== null);
  const blockHead = rows.find((r) => r.block === '三' && r.path === null && !r.group);
  const grid: GridCell[][] = [
    [
      { text: cat.cornerNote, rowSpan: 3, colSpan: 3, head: true },
      { text: APPLICANT_GROUP, colSpan: 7, head: true },
    ],
    [
      { text: cols[0]?.label ?? '', rowSpan: 2, head: true },
      { text: ORGANISATION_GROUP, colSpan: 5, head: true },
      { text: cols[6]?.label ?? '', rowSpan: 2, head: true },
    ],
    cols.slice(1, 6).map((c) => ({ text: c.label, head: true })),
  ];
  const flat: FlatRow[] = [
    { cells: ['', APPLICANT_GROUP], header: true },
    { cells: [cat.cornerNote, ...cols.map((c) => c.label)], header: true },
  ];
  const values = (path: string): GridCell[] =>
    cols.map((c) => ({ text: formatCell(cellOf(tables, `${path}.${c.key}`)), path: `${path}.${c.key}` }));
  let firstResult = true;
  const groupHeadSeen = new Set<string>();
  for (const row of rows) {
    if (row.path === null) {
      flat.push({ cells: [row.label] });
      continue;
    }
    const rowValues = values(row.path);
    flat.push({ cells: [row.label, ...rowValues.map((v) => v.text)], paths: [undefined, ...rowValues.map((v) => v.path)], path: row.path });
    if (row.block !== '三') {
      grid.push([{ text: row.label, colSpan: 3 }, ...rowValues]);
      continue;
    }
    const out: GridCell[] = [];
    if (firstResult) {
      out.push({ text: blockHead?.label ?? '', rowSpan: resultRows.length });
      firstResult = false;
    }
    const groupHead = rows.find((r) => r.path === null && r.group !== undefined && r.group === row.group);
    if (groupHead) {
      if (!groupHeadSeen.has(groupHead.label)) {
        groupHeadSeen.add(groupHead.label);
        out.push({ text: groupHead.label, rowSpan: resultRows.filter((r) => r.group === row.group).length });
      }
      out.push({ text: row.label });
    } else out.push({ text: row.label, colSpan: 2 });
    grid.push([...out, ...rowValues]);
  }
  return { id: 'applications', columns: 10, grid, flat };
}

/** 表四: one data row of 15 cells under a three-level header. */
export function reviewLayout(tables: Tables): TableLayout {
  const groups = REVIEW_GROUP_DEFS;
  const cols = REVIEW_COLUMN_DEFS;
  const [review, direct, after] = groups;
  const grid: GridCell[][] = [
    [
      { text: review?.label ?? '', colSpan: 5, head: true },
      { text: LITIGATION_GROUP, colSpan: 10, head: true },
    ],
    [
      ...cols.map((c) => ({ text: c.label, rowSpan: 2, head: true })),
      { text: direct?.label ?? '', colSpan: 5, head: true },
      { text: after?.label ?? '', colSpan: 5, head: true },
    ],
    [...cols, ...cols].map((c) => ({ text: c.label, head: true })),
  ];
  const data: GridCell[] = groups.flatMap((g) =>
    cols.map((c) => {
      const path = `reviewLitigation.${g.key}.${c.key}`;
      return { text: formatCell(cellOf(tables, path)), path };
    }),
  );
  grid.push(data);
  const blank = (n: number) => Array.from({ length: n }, () => '');
  // Header cells placed over the columns they head; the data row has no label cell (as in the template).
  const flat: FlatRow[] = [
    { cells: [review?.label ?? '', ...blank(4), LITIGATION_GROUP], header: true },
    { cells: [...blank(5), direct?.label ?? '', ...blank(4), after?.label ?? ''], header: true },
    { cells: [...cols, ...cols, ...cols].map((c) => c.label), header: true },
    { cells: data.map((c) => c.text), paths: data.map((c) => c.path), path: 'reviewLitigation' },
  ];
  return { id: 'reviewLitigation', columns: 15, grid, flat };
}

/** Which rows each 表二 caption holds, by path prefix. */
const PROACTIVE_GROUPS: Record<'national-2019' | 'national-2021', readonly (readonly string[])[]> = {
  'national-2021': [
    ['proactive.regulations', 'proactive.normativeDocuments'],
    ['proactive.licensing'],
    ['proactive.penalty', 'proactive.enforcement'],
    ['proactive.feesAmount'],
  ],
  'national-2019': [
    ['proactive.regulations', 'proactive.normativeDocuments'],
    ['proactive.licensing', 'proactive.otherServices'],
    ['proactive.penalty', 'proactive.enforcement'],
    ['proactive.fees'],
    ['proactive.procurement'],
  ],
};

/** 表二 in the template's layout: one caption row per 第二十条 item, a header row, its data rows. */
export function proactiveLayout(proactive: Proactive, tables: Tables): TableLayout {
  const template = proactive.template;
  const cat = getTemplate(template).proactive;
  if (!cat) throw new Error(`template ${template} has no 表二`);
  const grid: GridCell[][] = [];
  const flat: FlatRow[] = [];
  const cellsOf = (prefix: string): CellDef[] =>
    cat.cells.filter((c) => c.path === prefix || c.path.startsWith(`${prefix}.`));
  PROACTIVE_GROUPS[template].forEach((prefixes, i) => {
    const caption = cat.captions[i] ?? '';
    grid.push([{ text: caption, colSpan: 4, head: true }]);
    flat.push({ cells: [caption], header: true });
    const first = cellsOf(prefixes[0] ?? '');
    const header = spread(first.map((c) => c.column));
    grid.push([{ text: CONTENT_HEADER, head: true }, ...header.map((h) => ({ ...h, head: true }))]);
    flat.push({ cells: [CONTENT_HEADER, ...first.map((c) => c.column)], header: true });
    for (const prefix of prefixes) {
      const cells = cellsOf(prefix);
      const label = cells[0]?.row ?? prefix;
      const texts = cells.map((c) => {
        const text = formatCell(cellOf(tables, c.path));
        const unit = c.path === 'proactive.procurement.totalAmount' && proactive.template === 'national-2019' ? proactive.procurement.unit ?? '' : '';
        return text === '' ? '' : `${text}${unit}`;
      });
      grid.push([{ text: label }, ...spread(texts).map((c, k) => ({ ...c, path: cells[k]?.path }))]);
      flat.push({ cells: [label, ...texts], paths: [undefined, ...cells.map((c) => c.path)], path: prefix });
    }
  });
  return { id: 'proactive', columns: 4, grid, flat };
}

/** Spread n texts over 3 value columns (the last one takes what is left). */
function spread(texts: readonly string[]): GridCell[] {
  return texts.map((text, i) => (i === texts.length - 1 && texts.length < 3 ? { text, colSpan: 4 - texts.length } : { text }));
}

/** The legacy statistics table: 指标名称 · 计量单位 · YYYY年度 · 历年累计. */
export function legacyLayout(stats: LegacyStatistics, year: number): TableLayout {
  const defs = getTemplate('legacy-2008').legacyStatistics?.rows ?? [];
  const header = ['指标名称', '计量单位', `${year}年度`, '历年累计'];
  const grid: GridCell[][] = [header.map((text) => ({ text, head: true }))];
  const flat: FlatRow[] = [{ cells: header, header: true }];
  const seenParent = new Set<string>();
  for (const row of stats.rows) {
    const def = defs.find((d) => d.key === row.key);
    let label = row.label;
    if (def?.parent && !seenParent.has(def.parent)) {
      seenParent.add(def.parent);
      label = `其中：${label}`;
    }
    const cells = [label, row.unit ?? '', formatCell(row.year), formatCell(row.cumulative)];
    grid.push(cells.map((text, i) => ({ text, ...(i >= 2 ? { path: `legacyStatistics.${row.key}.${i === 2 ? 'year' : 'cumulative'}` } : {}) })));
    flat.push({
      cells,
      paths: [undefined, undefined, `legacyStatistics.${row.key}.year`, `legacyStatistics.${row.key}.cumulative`],
      path: `legacyStatistics.${row.key}`,
    });
  }
  return { id: 'legacyStatistics', columns: 4, grid, flat };
}
