import { errorText, graphql } from './api.js';
import type { CsvValue } from './csv.js';
import { toCsv } from './csv.js';

/** 覆盖情况: who under a region published their report for a year, late, undated, or as a 工作总结. */

export type PublicationStatus = 'ON_TIME' | 'LATE' | 'MISSING' | 'UNDATED' | 'NOT_DUE';

export interface CoverageRow {
  readonly agency: string;
  readonly kind: string | null;
  readonly level: string | null;
  readonly regionCode: string | null;
  readonly year: number;
  readonly status: PublicationStatus;
  readonly deadline: string;
  readonly publishedOn: string | null;
  readonly daysLate: number | null;
  readonly workSummary: boolean;
  readonly title: string | null;
}

export type CoverageFilter = '' | 'missingReportFor' | 'lateFor' | 'workSummaryFor';

export const STATUS_NAMES: Readonly<Record<PublicationStatus, string>> = {
  ON_TIME: '按时公开',
  LATE: '逾期公开',
  MISSING: '未公开',
  UNDATED: '未注明日期',
  NOT_DUE: '未到期限',
};

const KIND_NAMES: Readonly<Record<string, string>> = { GOVERNMENT: '人民政府', DEPARTMENT: '部门', OTHER: '其他机关' };
const LEVEL_NAMES: Readonly<Record<string, string>> = { NATIONAL: '国家级', PROVINCIAL: '省级', PREFECTURAL: '市级', COUNTY: '县级', TOWNSHIP: '乡镇级' };

/** 县级人民政府, 市级部门 … */
export function kindName(row: Pick<CoverageRow, 'kind' | 'level'>): string {
  const kind = row.kind ? (KIND_NAMES[row.kind] ?? row.kind) : '未知';
  return row.level ? `${LEVEL_NAMES[row.level] ?? row.level}${kind}` : kind;
}

export const CSV_HEADER = ['地区代码', '机关', '类别', '年度', '状态', '截止日期', '发布日期', '逾期天数', '工作总结', '报告标题'] as const;

/** The table as CSV (UTF-8 with BOM, every text field quoted) for Excel/WPS. */
export function coverageCsv(rows: readonly CoverageRow[]): string {
  return toCsv(
    CSV_HEADER,
    rows.map((r): CsvValue[] => [
      r.regionCode,
      r.agency,
      kindName(r),
      r.year,
      STATUS_NAMES[r.status],
      r.deadline,
      r.publishedOn,
      r.daysLate,
      r.status === 'MISSING' || r.status === 'NOT_DUE' ? null : r.workSummary ? '是' : '否',
      r.title,
    ]),
  );
}

interface PublicationJson {
  year: number;
  status: PublicationStatus;
  deadline: string;
  publishedOn: string | null;
  daysLate: number | null;
  workSummary: boolean;
  report: { title: string } | null;
}
interface AgencyJson {
  name: string;
  kind: string | null;
  level: string | null;
  regionCode: string | null;
  publications: PublicationJson[];
}
interface PageJson {
  agencies: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: AgencyJson }[] };
}

const QUERY = `query Coverage($filter: AgencyFilter, $after: String, $year: Int) {
  agencies(filter: $filter, first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { name kind level regionCode publications(from: $year, to: $year) { year status deadline publishedOn daysLate workSummary report { title } } } }
  }
}`;

/** Every agency under the region (page by page) with its record for the year. */
export async function fetchCoverage(endpoint: string, regionCode: string, year: number, only: CoverageFilter = ''): Promise<CoverageRow[]> {
  const filter: Record<string, unknown> = {};
  if (regionCode !== '') filter.regionCode = regionCode;
  if (only !== '') filter[only] = year;
  const rows: CoverageRow[] = [];
  let after: string | null = null;
  for (let page = 0; page < 200; page++) {
    const data: PageJson = await graphql<PageJson>(endpoint, QUERY, { filter, after, year });
    for (const { node } of data.agencies.edges) {
      for (const p of node.publications) {
        rows.push({
          agency: node.name,
          kind: node.kind,
          level: node.level,
          regionCode: node.regionCode,
          year: p.year,
          status: p.status,
          deadline: p.deadline,
          publishedOn: p.publishedOn,
          daysLate: p.daysLate,
          workSummary: p.workSummary,
          title: p.report?.title ?? null,
        });
      }
    }
    if (!data.agencies.pageInfo.hasNextPage || data.agencies.pageInfo.endCursor === null) break;
    after = data.agencies.pageInfo.endCursor;
  }
  return rows;
}

function $(selector: string): HTMLElement {
  const e = document.querySelector<HTMLElement>(selector);
  if (!e) throw new Error(`missing ${selector}`);
  return e;
}

function cell(row: HTMLTableRowElement, text: string, className?: string): void {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
}

function renderTable(rows: readonly CoverageRow[]): void {
  const body = $('#coverage-table tbody') as HTMLTableSectionElement;
  body.replaceChildren();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.dataset.status = r.status;
    cell(tr, r.agency, 'agency');
    cell(tr, kindName(r), 'kind');
    cell(tr, STATUS_NAMES[r.status], `status status-${r.status.toLowerCase().replace('_', '-')}`);
    cell(tr, r.deadline, 'deadline');
    cell(tr, r.publishedOn ?? '—', 'published');
    cell(tr, r.daysLate === null ? '' : String(r.daysLate), 'days-late');
    cell(tr, r.status === 'MISSING' || r.status === 'NOT_DUE' ? '' : r.workSummary ? '是' : '否', 'work-summary');
  }
}

function summaryText(rows: readonly CoverageRow[], year: number): string {
  const n = (s: PublicationStatus) => rows.filter((r) => r.status === s).length;
  const ws = rows.filter((r) => r.workSummary).length;
  return `${year} 年度：共 ${rows.length} 个机关，按时 ${n('ON_TIME')}，逾期 ${n('LATE')}，未公开 ${n('MISSING')}，未注明日期 ${n('UNDATED')}，以工作总结代替年度报告 ${ws}。`;
}

let current: { rows: CoverageRow[]; region: string; year: number } | null = null;

async function load(endpoint: string): Promise<void> {
  const view = $('#view-coverage');
  const region = ($('#coverage-region') as HTMLInputElement).value.trim();
  const yearText = ($('#coverage-year') as HTMLInputElement).value.trim();
  const only = ($('#coverage-only') as HTMLSelectElement).value as CoverageFilter;
  const status = $('#coverage-status');
  const exportButton = $('#coverage-export') as HTMLButtonElement;
  if (!/^\d{0,6}$/.test(region) || !/^\d{4}$/.test(yearText)) {
    status.textContent = '请填写地区代码（数字，可留空）和四位年度。';
    view.dataset.state = 'error';
    return;
  }
  const year = Number(yearText);
  view.dataset.state = 'busy';
  status.textContent = '正在加载……';
  exportButton.disabled = true;
  try {
    const rows = await fetchCoverage(endpoint, region, year, only);
    current = { rows, region, year };
    renderTable(rows);
    status.textContent = rows.length === 0 ? '没有符合条件的机关。' : summaryText(rows, year);
    exportButton.disabled = rows.length === 0;
    view.dataset.state = 'done';
  } catch (error) {
    current = null;
    renderTable([]);
    status.textContent = `加载失败：${errorText(error)}`;
    view.dataset.state = 'error';
  }
}

function download(): void {
  if (!current) return;
  const blob = new Blob([coverageCsv(current.rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `覆盖情况-${current.region === '' ? '全国' : current.region}-${current.year}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Wire the form and the export button (once). */
export function setupCoverage(endpoint: string): void {
  const year = $('#coverage-year') as HTMLInputElement;
  if (year.value === '') year.value = String(new Date().getFullYear() - 1);
  $('#coverage-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void load(endpoint);
  });
  $('#coverage-export').addEventListener('click', download);
}
