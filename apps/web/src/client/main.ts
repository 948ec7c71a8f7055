import './style.css';
import type { LintResult } from './api.js';
import { errorText, lintDraft, provinces, statsByLevel, statsByYear } from './api.js';
import { barChart, PALETTE, shareChart } from './charts.js';
import { setupCompare } from './compare.js';
import { setupCoverage } from './coverage.js';
import type { DocFormat } from './doc.js';
import { buildDocument, detectFormat } from './doc.js';
import type { PlacedFinding } from './positions.js';
import { placeFindings } from './positions.js';
import { renderDocument } from './render.js';
import { summarize } from './summary.js';
import { markCells } from './tables.js';

const ENDPOINT = new URL('graphql', document.baseURI).pathname;
const TEXT_EXTENSIONS = new Set(['txt', 'md', 'markdown', 'html', 'htm']);
const ACCEPTED = new Set([...TEXT_EXTENSIONS, 'docx', 'pdf']);

const LEVEL_NAMES: Readonly<Record<string, string>> = {
  NATIONAL: '国家级',
  PROVINCIAL: '省级',
  PREFECTURAL: '市级',
  COUNTY: '县级',
  TOWNSHIP: '乡镇级',
};
const LEVEL_ORDER = ['NATIONAL', 'PROVINCIAL', 'PREFECTURAL', 'COUNTY', 'TOWNSHIP'];

function $(selector: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`missing ${selector}`);
  return el;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function extensionOf(name: string): string {
  return name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
}

/** A text file's content: UTF-8, else GB18030 (what older drafts are saved in). */
async function readTextFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch (_error) {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

// ——— lint view ———

let anchors: ReadonlyMap<number, HTMLElement> = new Map();

function setStatus(message: string, kind: 'info' | 'error' | 'busy' = 'info'): void {
  const status = $('#status');
  status.textContent = message;
  status.dataset.kind = kind;
}

function flash(index: number): void {
  const anchor = anchors.get(index);
  document.querySelectorAll('.finding.selected').forEach((e) => e.classList.remove('selected'));
  document.querySelector(`.finding[data-index="${index}"]`)?.classList.add('selected');
  document.querySelectorAll('.doc .active').forEach((e) => e.classList.remove('active', 'flash'));
  if (!anchor) return;
  const related = document.querySelectorAll<HTMLElement>('.doc [data-findings]');
  related.forEach((e) => {
    if ((e.dataset.findings ?? '').split(' ').includes(String(index))) e.classList.add('active');
  });
  anchor.classList.add('active');
  anchor.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const cell = anchor.closest('td, th');
  for (const target of [anchor, ...(cell instanceof HTMLElement && cell !== anchor ? [cell] : [])]) {
    target.classList.remove('flash');
    void target.offsetWidth; // restart the animation
    target.classList.add('flash');
  }
}

function renderSummary(result: LintResult, text: string | null): void {
  const s = summarize(result, text);
  const box = $('#summary');
  box.replaceChildren();
  const item = (label: string, value: string, className = '') => {
    const d = el('div', `sum-item ${className}`);
    d.append(el('span', 'sum-label', label), el('span', 'sum-value', value));
    box.append(d);
  };
  item('错误', String(s.errors), s.errors > 0 ? 'sev-2' : 'ok');
  item('警告', String(s.warnings), s.warnings > 0 ? 'sev-1' : 'ok');
  item('年度', s.year !== null ? `${s.year} 年` : '未识别');
  item('机关', s.agency ?? '未识别', 'wide');
  item('模板', s.template ?? '未识别', 'wide');
  box.title = s.source === 'report' ? '模板、年度、机关取自网关解析结果' : '模板、年度、机关由页面从标题和表头推断';
  box.hidden = false;
}

function renderFindings(placed: readonly PlacedFinding[], hasText: boolean): void {
  const list = $('#findings');
  list.replaceChildren();
  if (placed.length === 0) {
    list.append(el('li', 'empty', '未发现问题。'));
    return;
  }
  const order = [...placed].sort((a, b) => b.finding.severity - a.finding.severity || a.start - b.start);
  for (const p of order) {
    const li = el('li', `finding sev-${p.finding.severity}`);
    li.dataset.index = String(p.index);
    li.tabIndex = 0;
    li.setAttribute('role', 'button');
    const head = el('div', 'finding-head');
    head.append(
      el('span', `badge sev-${p.finding.severity}`, p.finding.severity >= 2 ? '错误' : '警告'),
      el('code', 'rule', p.finding.ruleId ?? '—'),
      el('span', 'where', `第 ${p.finding.line} 行第 ${p.finding.column} 列`),
    );
    li.append(head, el('div', 'message', p.finding.message));
    const go = () => flash(p.index);
    li.addEventListener('click', go);
    li.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        go();
      }
    });
    if (!hasText) li.title = '原文不可显示，无法定位';
    list.append(li);
  }
}

function showResult(result: LintResult, text: string | null, format: DocFormat): void {
  const docPane = $('#document');
  docPane.replaceChildren();
  const shownText = result.text ?? text;
  const placed = shownText !== null ? placeFindings(shownText, result.messages) : result.messages.map((finding, index) => ({ start: 0, end: 0, index, finding }));
  renderSummary(result, shownText);
  renderFindings(placed, shownText !== null);
  if (shownText === null) {
    anchors = new Map();
    docPane.append(el('p', 'placeholder', '此格式（DOCX/PDF）的原文需由网关返回文本后才能显示；请参阅左侧问题列表。'));
    return;
  }
  const tree = buildDocument(shownText, result.text != null && format !== 'html' ? 'text' : format);
  const marked = markCells(tree, placed);
  const rendered = renderDocument(tree, placed, marked);
  anchors = rendered.anchors;
  rendered.element.addEventListener('click', (event) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-findings]');
    const first = target?.dataset.findings?.split(' ')[0];
    if (first === undefined) return;
    const item = document.querySelector<HTMLElement>(`.finding[data-index="${first}"]`);
    item?.scrollIntoView({ block: 'nearest' });
    flash(Number(first));
  });
  docPane.append(rendered.element);
  docPane.scrollTop = 0;
}

async function check(input: { text: string } | { file: File }): Promise<void> {
  const button = $('#check') as HTMLButtonElement;
  button.disabled = true;
  document.body.dataset.state = 'busy';
  setStatus('正在检查……', 'busy');
  try {
    let text: string | null;
    let format: DocFormat;
    let result: LintResult;
    if ('file' in input) {
      const ext = extensionOf(input.file.name);
      text = TEXT_EXTENSIONS.has(ext) ? await readTextFile(input.file) : null;
      format = text !== null ? detectFormat(text, input.file.name) : 'text';
      result = await lintDraft(ENDPOINT, { file: input.file, name: input.file.name });
    } else {
      text = input.text;
      format = detectFormat(text);
      result = await lintDraft(ENDPOINT, { text, ...(format === 'html' ? { name: 'draft.html' } : {}) });
    }
    showResult(result, text, format);
    const name = 'file' in input ? `“${input.file.name}”` : '粘贴的文本';
    setStatus(`${name}：${result.errorCount} 个错误，${result.warningCount} 个警告。`, 'info');
    document.body.dataset.state = 'done';
  } catch (error) {
    setStatus(`检查失败：${errorText(error)}`, 'error');
    document.body.dataset.state = 'error';
  } finally {
    button.disabled = false;
  }
}

function acceptFile(file: File | undefined): void {
  if (!file) return;
  if (!ACCEPTED.has(extensionOf(file.name))) {
    setStatus(`不支持的文件类型：${file.name}（可用 txt、md、html、docx、pdf）`, 'error');
    return;
  }
  void check({ file });
}

function setupLint(): void {
  const textarea = $('#draft') as HTMLTextAreaElement;
  const fileInput = $('#file') as HTMLInputElement;
  const drop = $('#drop');
  $('#check').addEventListener('click', () => {
    if (textarea.value.trim() === '') {
      setStatus('请先粘贴报告文本，或选择文件。', 'error');
      return;
    }
    void check({ text: textarea.value });
  });
  fileInput.addEventListener('change', () => {
    acceptFile(fileInput.files?.[0]);
    fileInput.value = '';
  });
  for (const type of ['dragenter', 'dragover'] as const) {
    drop.addEventListener(type, (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
  }
  for (const type of ['dragleave', 'drop'] as const) drop.addEventListener(type, () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    acceptFile(e.dataTransfer?.files[0]);
  });
}

// ——— stats view ———

let statsLoaded = false;

async function loadStats(): Promise<void> {
  const region = ($('#region') as HTMLInputElement).value.trim();
  const yearValue = ($('#stats-year') as HTMLSelectElement).value;
  const charts = $('#charts');
  charts.dataset.state = 'busy';
  $('#stats-status').textContent = '正在加载……';
  try {
    const [byYear, byLevel] = await Promise.all([
      statsByYear(ENDPOINT, region),
      statsByLevel(ENDPOINT, region, yearValue === '' ? null : Number(yearValue)),
    ]);
    const yearSelect = $('#stats-year') as HTMLSelectElement;
    if (yearSelect.options.length <= 1) {
      for (const b of byYear) if (b.year !== null) yearSelect.append(new Option(`${b.year} 年`, String(b.year)));
    }
    const where = region === '' ? '全国' : `地区 ${region}`;
    const years = byYear.map((b) => (b.year === null ? '未知' : String(b.year)));
    const apps = barChart({
      title: `${where}：本年新收政府信息公开申请（件）`,
      categories: years,
      series: [{ name: '本年新收申请', color: PALETTE[0] as string, values: byYear.map((b) => b.applicationsReceived) }],
      unit: ' 件',
    });
    const reasons = byYear[0]?.deniedByReason ?? [];
    const denied = barChart({
      title: `${where}：不予公开的理由（件）`,
      categories: years,
      stacked: true,
      height: 360,
      series: reasons.map((r, i) => ({
        name: r.label.replace(/^\d+\./, ''),
        color: PALETTE[i % PALETTE.length] as string,
        values: byYear.map((b) => b.deniedByReason.find((x) => x.reason === r.reason)?.count ?? null),
      })),
      unit: ' 件',
    });
    const levels = [...byLevel].sort((a, b) => LEVEL_ORDER.indexOf(a.level ?? '') - LEVEL_ORDER.indexOf(b.level ?? ''));
    const share = shareChart(
      `表格数据不平衡的报告占比（按机关层级${yearValue === '' ? '，全部年度' : `，${yearValue} 年`}）`,
      levels.map((l) => ({ label: LEVEL_NAMES[l.level ?? ''] ?? (l.level ?? '未知'), part: l.unbalanced, total: l.reports })),
    );
    const total = byYear.reduce((s, b) => s + b.reports, 0);
    $('#chart-applications').innerHTML = apps;
    $('#chart-denied').innerHTML = denied;
    $('#chart-levels').innerHTML = share;
    $('#stats-status').textContent = total === 0 ? '没有符合条件的报告。' : `共 ${total} 份报告。`;
    charts.dataset.state = 'done';
  } catch (error) {
    $('#stats-status').textContent = `加载失败：${errorText(error)}`;
    charts.dataset.state = 'error';
  }
}

function setupStats(): void {
  $('#stats-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void loadStats();
  });
  $('#stats-year').addEventListener('change', () => void loadStats());
}

async function fillProvinces(): Promise<void> {
  try {
    const list = $('#provinces');
    for (const p of await provinces(ENDPOINT)) {
      if (p.province === null) continue;
      const option = document.createElement('option');
      option.value = p.province.slice(0, 2);
      option.label = `${p.province}（${p.reports} 份）`;
      list.append(option);
    }
  } catch (_error) {
    // The list is a convenience only.
  }
}

/** Every view: a tab `[data-tab=<name>]` shows `#view-<name>` (location hash `#<name>`). */
const VIEWS = ['lint', 'stats', 'coverage', 'compare'] as const;
type View = (typeof VIEWS)[number];

function viewOf(name: string | undefined): View {
  return VIEWS.find((v) => v === name) ?? 'lint';
}

function showView(view: View): void {
  document.body.dataset.view = view;
  document.querySelectorAll<HTMLElement>('[data-tab]').forEach((t) => t.setAttribute('aria-selected', String(t.dataset.tab === view)));
  for (const v of VIEWS) $(`#view-${v}`).hidden = v !== view;
  if (view === 'stats' && !statsLoaded) {
    statsLoaded = true;
    void fillProvinces();
    void loadStats();
  }
}

function setupTabs(): void {
  document.querySelectorAll<HTMLElement>('[data-tab]').forEach((t) =>
    t.addEventListener('click', () => {
      const view = viewOf(t.dataset.tab);
      history.replaceState(null, '', view === 'lint' ? '#' : `#${view}`);
      showView(view);
    }),
  );
  showView(viewOf(location.hash.slice(1)));
}

setupLint();
setupStats();
setupCoverage(ENDPOINT);
setupCompare(ENDPOINT);
setupTabs();
document.body.dataset.ready = 'true';
