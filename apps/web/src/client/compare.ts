import { errorText, graphql } from './api.js';

/**
 * 年度对比: one agency's report compared with another year's (by default the year before): every
 * table figure with its change, sections added or removed, and the text copied from the other report.
 */

export interface FigureChange {
  readonly path: string;
  readonly label: string;
  readonly before: number | null;
  readonly after: number | null;
  readonly delta: number | null;
  readonly relative: number | null;
  readonly inBase: boolean;
  readonly inOther: boolean;
}

export interface ComparedSection {
  readonly kind: string;
  readonly heading: string;
  readonly level: number;
}

export interface CopiedParagraph {
  readonly text: string;
  readonly share: number;
  readonly span: { readonly line: number };
  readonly sourceSpan: { readonly line: number } | null;
}

export interface ReportHead {
  readonly id: string;
  readonly title: string;
  readonly year: number | null;
}

export interface Comparison {
  readonly base: ReportHead;
  readonly other: ReportHead;
  readonly figures: readonly FigureChange[];
  readonly sectionsAdded: readonly ComparedSection[];
  readonly sectionsRemoved: readonly ComparedSection[];
  readonly copiedShare: number;
  readonly proseChars: number;
  readonly copiedChars: number;
  readonly copiedParagraphs: readonly CopiedParagraph[];
}

const COMPARISON = `query Compare($id: ID!, $with: ID) {
  report(id: $id) {
    comparison(with: $with) {
      base { id title year }
      other { id title year }
      figures { path label before after delta relative inBase inOther }
      sectionsAdded { kind heading level }
      sectionsRemoved { kind heading level }
      copiedShare proseChars copiedChars
      copiedParagraphs { text share span { line } sourceSpan { line } }
    }
  }
}`;

const FIND = `query FindReport($filter: ReportFilter) {
  reports(filter: $filter, first: 20) { edges { node { id title year agency { name } } } }
}`;

interface FindJson {
  reports: { edges: { node: ReportHead & { agency: { name: string } } }[] };
}

/** A report of the agency (name as written, or a part of it) for the year; null when none. */
export async function findReport(endpoint: string, agency: string, year: number): Promise<ReportHead | null> {
  const data = await graphql<FindJson>(endpoint, FIND, { filter: { agencyName: agency, year } });
  const nodes = data.reports.edges.map((e) => e.node);
  return nodes.find((n) => n.agency.name === agency) ?? nodes[0] ?? null;
}

/** Report `id` compared with `withId` (default: last year's report of the same agency); null when there is none. */
export async function fetchComparison(endpoint: string, id: string, withId: string | null): Promise<Comparison | null> {
  const data = await graphql<{ report: { comparison: Comparison | null } | null }>(endpoint, COMPARISON, { id, with: withId });
  if (!data.report) throw new Error('没有这份报告。');
  return data.report.comparison;
}

/** +3, −2, 0 (money keeps its decimals). */
export function signed(n: number | null): string {
  if (n === null) return '';
  const abs = Math.abs(n);
  const text = Number.isInteger(abs) ? String(abs) : abs.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : '0';
}

/** 12.5% → "+12.5%". */
export function percent(n: number | null): string {
  if (n === null) return '';
  const p = Math.round(n * 1000) / 10;
  return `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p)}%`;
}

function $(selector: string): HTMLElement {
  const e = document.querySelector<HTMLElement>(selector);
  if (!e) throw new Error(`missing ${selector}`);
  return e;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const value = (n: number | null, present: boolean): string => (!present ? '无此项' : n === null ? '—' : String(n));

function renderFigures(c: Comparison, changedOnly: boolean): void {
  const table = $('#compare-figures') as HTMLTableElement;
  const head = table.tHead ?? table.createTHead();
  head.replaceChildren();
  const hr = head.insertRow();
  for (const h of ['项目', `${c.base.year ?? '?'} 年`, `${c.other.year ?? '?'} 年`, '变化', '变化率']) hr.append(el('th', undefined, h));
  const body = table.tBodies[0] ?? table.createTBody();
  body.replaceChildren();
  for (const f of c.figures) {
    const changed = f.before !== f.after || f.inBase !== f.inOther;
    if (changedOnly && !changed) continue;
    const tr = body.insertRow();
    tr.dataset.path = f.path;
    if (changed) tr.classList.add('changed');
    const cells = [f.label, value(f.before, f.inBase), value(f.after, f.inOther), signed(f.delta), percent(f.relative)];
    cells.forEach((text, i) => {
      const td = tr.insertCell();
      td.textContent = text;
      if (i > 0) td.className = 'num';
    });
    const delta = tr.cells[3];
    if (delta && f.delta !== null && f.delta !== 0) delta.classList.add(f.delta > 0 ? 'up' : 'down');
  }
}

function renderSections(c: Comparison): void {
  const box = $('#compare-sections');
  box.replaceChildren();
  const list = (title: string, sections: readonly ComparedSection[], className: string) => {
    const section = el('div', `section-changes ${className}`);
    section.append(el('h3', undefined, `${title}（${sections.length}）`));
    const ul = el('ul');
    for (const s of sections) ul.append(el('li', undefined, s.heading));
    if (sections.length === 0) ul.append(el('li', 'empty', '无'));
    section.append(ul);
    box.append(section);
  };
  list('新增章节', c.sectionsAdded, 'added');
  list('删除章节', c.sectionsRemoved, 'removed');
}

function renderCopied(c: Comparison): void {
  const share = $('#compare-share');
  share.dataset.share = String(c.copiedShare);
  share.replaceChildren(
    el('strong', c.copiedShare >= 0.6 ? 'high' : undefined, `${Math.round(c.copiedShare * 100)}%`),
    document.createTextNode(` 的正文（${c.copiedChars}/${c.proseChars} 字）与 ${c.base.year ?? '?'} 年报告相同`),
  );
  const list = $('#compare-copied');
  list.replaceChildren();
  for (const p of c.copiedParagraphs) {
    const li = el('li');
    li.dataset.share = String(p.share);
    li.append(
      el('mark', p.share >= 0.9 ? 'copied whole' : 'copied', p.text),
      el('span', 'where', `第 ${p.span.line} 行 · ${Math.round(p.share * 100)}%${p.sourceSpan ? ` · 原文第 ${p.sourceSpan.line} 行` : ''}`),
    );
    list.append(li);
  }
  if (c.copiedParagraphs.length === 0) list.append(el('li', 'empty', '没有照搬的段落。'));
}

let current: Comparison | null = null;

function render(c: Comparison): void {
  $('#compare-title').textContent = `${c.other.title} 对比 ${c.base.title}`;
  renderFigures(c, ($('#compare-changed-only') as HTMLInputElement).checked);
  renderSections(c);
  renderCopied(c);
  $('#compare-result').hidden = false;
}

/** Wires the 年度对比 view: agency + two years, or two report ids. */
export function setupCompare(endpoint: string): void {
  const view = $('#view-compare');
  const status = $('#compare-status');
  const input = (id: string) => ($(id) as HTMLInputElement).value.trim();
  $('#compare-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      view.dataset.state = 'busy';
      status.textContent = '正在对比……';
      try {
        let id = input('#compare-id');
        let withId: string | null = input('#compare-base-id') || null;
        if (id === '') {
          const agency = input('#compare-agency');
          const year = Number(input('#compare-year'));
          const baseYear = input('#compare-base-year') === '' ? year - 1 : Number(input('#compare-base-year'));
          if (agency === '' || !Number.isInteger(year)) throw new Error('请填写机关名称和年度，或两份报告的编号。');
          const [other, base] = await Promise.all([findReport(endpoint, agency, year), findReport(endpoint, agency, baseYear)]);
          if (!other) throw new Error(`没有找到${agency} ${year} 年的报告。`);
          if (!base) throw new Error(`没有找到${agency} ${baseYear} 年的报告。`);
          id = other.id;
          withId = base.id;
        }
        const c = await fetchComparison(endpoint, id, withId);
        if (!c) throw new Error('没有可对比的上一年度报告。');
        current = c;
        render(c);
        const changed = c.figures.filter((f) => f.before !== f.after).length;
        status.textContent = `${changed} 项数据有变化，新增 ${c.sectionsAdded.length} 个、删除 ${c.sectionsRemoved.length} 个章节，${c.copiedParagraphs.length} 段照搬。`;
        view.dataset.state = 'done';
      } catch (error) {
        status.textContent = `对比失败：${errorText(error)}`;
        view.dataset.state = 'error';
      }
    })();
  });
  $('#compare-changed-only').addEventListener('change', () => {
    if (current) renderFigures(current, ($('#compare-changed-only') as HTMLInputElement).checked);
  });
}
