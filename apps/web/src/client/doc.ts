/**
 * The draft as a small tree whose every piece of text knows where it stands in the source, so that lint findings
 * (line/column ranges into the decoded source) can be drawn on the rendered document.
 *
 * - HTML drafts: a forgiving tokenizer keeps the structure (paragraphs, headings, tables with colspan/rowspan) and
 *   nothing else: no attributes but colspan/rowspan, no scripts, no styles, no images, no links.
 * - Text and Markdown drafts: one block per line; runs of lines that look like table rows (Markdown pipes, or fields
 *   separated by two or more spaces) become tables.
 */

export interface TextPiece {
  readonly kind: 'text';
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** True when `text` is exactly source[start, end) (so it may be cut anywhere); false for an entity. */
  readonly literal: boolean;
}

export interface ElementNode {
  readonly kind: 'element';
  readonly tag: string;
  start: number;
  end: number;
  readonly children: DocNode[];
  readonly colspan?: number;
  readonly rowspan?: number;
  /** Extra class for text documents (line, blank). */
  readonly className?: string;
}

export type DocNode = TextPiece | ElementNode;

export type DocFormat = 'html' | 'markdown' | 'text';

/** Guess the format of a draft from its name, then from its content. */
export function detectFormat(text: string, name?: string): DocFormat {
  const ext = name?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'txt') return 'text';
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(table|p|div|body)[\s>]/.test(head)) return 'html';
  return 'text';
}

export function buildDocument(text: string, format: DocFormat): ElementNode {
  return format === 'html' ? htmlDocument(text) : textDocument(text);
}

// ——— HTML ———

/** Tags kept, and what they become. Others are transparent (their children stay). */
const KEPT: Readonly<Record<string, string>> = {
  p: 'p', div: 'div', center: 'div', section: 'div', article: 'div', main: 'div', body: 'div', blockquote: 'blockquote', pre: 'pre',
  h1: 'h1', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h5', h6: 'h6',
  table: 'table', thead: 'thead', tbody: 'tbody', tfoot: 'tfoot', tr: 'tr', td: 'td', th: 'th', caption: 'caption',
  ul: 'ul', ol: 'ol', li: 'li', dl: 'dl', dt: 'dt', dd: 'dd',
  br: 'br', hr: 'hr',
  span: 'span', font: 'span', a: 'span', strong: 'strong', b: 'strong', em: 'em', i: 'em', u: 'u', sub: 'sub', sup: 'sup',
};
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'param', 'source', 'track', 'wbr']);
/** Elements whose whole content is dropped. */
const SKIPPED = new Set(['head', 'title', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'select', 'button', 'textarea']);
const BLOCKS = new Set(['p', 'div', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'pre', 'blockquote', 'hr', 'dl']);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  middot: '·', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', hellip: '…', mdash: '—', ndash: '–', times: '×',
  divide: '÷', deg: '°', plusmn: '±', copy: '©', reg: '®', yen: '¥', permil: '‰', bull: '•', ne: '≠', le: '≤', ge: '≥',
};

const TAG_RE = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const ENTITY_RE = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/y;

function decodeEntity(body: string): string | null {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return null;
    return String.fromCodePoint(code);
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? null;
}

function spanAttr(attrs: string, name: string): number | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d{1,3})`, 'i').exec(attrs);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 1 ? Math.min(n, 100) : undefined;
}

/** Text between tags, cut into literal runs and decoded entities. */
function textPieces(html: string, from: number, to: number, out: DocNode[]): void {
  let run = from;
  let i = html.indexOf('&', from);
  while (i !== -1 && i < to) {
    ENTITY_RE.lastIndex = i;
    const m = ENTITY_RE.exec(html);
    const decoded = m && m.index + m[0].length <= to ? decodeEntity(m[1] ?? '') : null;
    if (m && decoded !== null) {
      if (i > run) out.push({ kind: 'text', text: html.slice(run, i), start: run, end: i, literal: true });
      const end = i + m[0].length;
      out.push({ kind: 'text', text: decoded, start: i, end, literal: false });
      run = end;
      i = html.indexOf('&', end);
    } else {
      i = html.indexOf('&', i + 1);
    }
  }
  if (to > run) out.push({ kind: 'text', text: html.slice(run, to), start: run, end: to, literal: true });
}

export function htmlDocument(html: string): ElementNode {
  const root: ElementNode = { kind: 'element', tag: 'div', start: 0, end: html.length, children: [] };
  const stack: ElementNode[] = [root];
  const top = () => stack[stack.length - 1] as ElementNode;
  const close = (at: number, count = 1) => {
    for (let k = 0; k < count && stack.length > 1; k++) (stack.pop() as ElementNode).end = at;
  };
  /** Pop until (not including) the innermost element named in `stops`, closing what `closes` names. */
  const closeImplicit = (at: number, closes: ReadonlySet<string>, stops: ReadonlySet<string>) => {
    for (let d = stack.length - 1; d > 0; d--) {
      const tag = (stack[d] as ElementNode).tag;
      if (stops.has(tag)) return;
      if (closes.has(tag)) {
        close(at, stack.length - d);
        return;
      }
    }
  };
  const CELL = new Set(['td', 'th']);
  const ROW = new Set(['tr']);
  const TABLE = new Set(['table']);
  const SECTION = new Set(['thead', 'tbody', 'tfoot', 'table']);
  const PARA = new Set(['p']);
  const LI = new Set(['li']);
  const LIST = new Set(['ul', 'ol']);

  let i = 0;
  let text = 0;
  const flushText = (to: number) => {
    if (to > text) textPieces(html, text, to, top().children);
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      flushText(lt);
      const end = html.indexOf('-->', lt + 4);
      i = text = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<!', lt) || html.startsWith('<?', lt)) {
      flushText(lt);
      const end = html.indexOf('>', lt);
      i = text = end === -1 ? html.length : end + 1;
      continue;
    }
    TAG_RE.lastIndex = lt;
    const m = TAG_RE.exec(html);
    if (!m) {
      i = lt + 1;
      continue;
    }
    flushText(lt);
    const after = lt + m[0].length;
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    const attrs = m[3] ?? '';
    i = text = after;
    if (!closing && SKIPPED.has(name) && !attrs.trimEnd().endsWith('/')) {
      const endTag = html.toLowerCase().indexOf(`</${name}`, after);
      const gt = endTag === -1 ? -1 : html.indexOf('>', endTag);
      i = text = gt === -1 ? html.length : gt + 1;
      continue;
    }
    const tag = KEPT[name];
    if (tag === undefined) continue;
    if (closing) {
      for (let d = stack.length - 1; d > 0; d--) {
        if ((stack[d] as ElementNode).tag === tag) {
          close(after, stack.length - d);
          break;
        }
        // A closing tag never crosses a table boundary.
        if ((stack[d] as ElementNode).tag === 'table') break;
      }
      continue;
    }
    if (CELL.has(tag)) closeImplicit(lt, CELL, ROW);
    else if (tag === 'tr') closeImplicit(lt, ROW, SECTION);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') closeImplicit(lt, new Set(['thead', 'tbody', 'tfoot']), TABLE);
    else if (tag === 'li') closeImplicit(lt, LI, LIST);
    if (BLOCKS.has(tag) || tag === 'li') closeImplicit(lt, PARA, new Set(['td', 'th', 'li', 'div', 'table', 'blockquote']));
    const colspan = tag === 'td' || tag === 'th' ? spanAttr(attrs, 'colspan') : undefined;
    const rowspan = tag === 'td' || tag === 'th' ? spanAttr(attrs, 'rowspan') : undefined;
    const node: ElementNode = {
      kind: 'element',
      tag,
      start: lt,
      end: after,
      children: [],
      ...(colspan !== undefined ? { colspan } : {}),
      ...(rowspan !== undefined ? { rowspan } : {}),
    };
    top().children.push(node);
    if (!VOID.has(name) && !attrs.trimEnd().endsWith('/')) stack.push(node);
  }
  flushText(html.length);
  close(html.length, stack.length - 1);
  return root;
}

// ——— Text and Markdown ———

const FIELD_SEP = /(?:[ \t\u3000]{2,}|\t)/g;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

interface Field {
  readonly start: number;
  readonly end: number;
}

/** Fields of a line separated by pipes (Markdown) or by 2+ spaces, trimmed, as source ranges. */
export function splitFields(text: string, lineStart: number, lineEnd: number): Field[] {
  const line = text.slice(lineStart, lineEnd);
  const fields: Field[] = [];
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(line[a] ?? '')) a++;
    while (b > a && /\s/.test(line[b - 1] ?? '')) b--;
    fields.push({ start: lineStart + a, end: lineStart + b });
  };
  if (PIPE_ROW.test(line)) {
    const first = line.indexOf('|');
    const last = line.lastIndexOf('|');
    let a = first + 1;
    for (let k = a; k <= last; k++) {
      if (line[k] === '|' && line[k - 1] !== '\\') {
        push(a, k);
        a = k + 1;
      }
    }
    return fields;
  }
  if (line.includes('\t')) {
    // Tab-separated (copied from a spreadsheet or a Word table): one tab, one column; empty cells kept.
    let from = 0;
    for (let k = 0; k <= line.length; k++) {
      if (k === line.length || line[k] === '\t') {
        push(from, k);
        from = k + 1;
      }
    }
    while (fields.length > 0 && (fields[fields.length - 1] as Field).start === (fields[fields.length - 1] as Field).end) fields.pop();
    return fields;
  }
  let a = 0;
  while (a < line.length && /[ \u3000]/.test(line[a] ?? '')) a++;
  FIELD_SEP.lastIndex = a;
  for (let m = FIELD_SEP.exec(line); m; m = FIELD_SEP.exec(line)) {
    if (m.index > a) push(a, m.index);
    a = m.index + m[0].length;
  }
  if (a < line.length) push(a, line.length);
  return fields.filter((f) => f.end > f.start);
}

function isRowLike(text: string, start: number, end: number): boolean {
  const line = text.slice(start, end);
  if (PIPE_ROW.test(line)) return true;
  const fields = splitFields(text, start, end).filter((f) => f.end > f.start);
  return fields.length >= 2 && !line.includes('。');
}

/** 二、主动公开政府信息情况 … 五、存在的主要问题…: a top-level section, never a row heading inside a table. */
function isSectionHeading(line: string): boolean {
  const t = line.trim().replace(/^#{1,6}\s*/, '');
  return /^[一二三四五六七八九十]+、/.test(t) && /(?:主动公开政府信息|收到和处理政府信息公开申请|行政复议|行政诉讼|存在的主要问题|其他需要报告|总体情况)/.test(t);
}

function textPiece(text: string, start: number, end: number): TextPiece {
  return { kind: 'text', text: text.slice(start, end), start, end, literal: true };
}

export function textDocument(text: string): ElementNode {
  const root: ElementNode = { kind: 'element', tag: 'div', start: 0, end: text.length, children: [] };
  const lines: { start: number; end: number }[] = [];
  for (let s = 0; s <= text.length; ) {
    const nl = text.indexOf('\n', s);
    const stop = nl === -1 ? text.length : nl;
    lines.push({ start: s, end: stop > s && text[stop - 1] === '\r' ? stop - 1 : stop });
    if (nl === -1) break;
    s = nl + 1;
  }
  let k = 0;
  while (k < lines.length) {
    const l = lines[k] as { start: number; end: number };
    // A table: 2+ row-like lines, possibly with short heading lines (no 。) between them.
    if (isRowLike(text, l.start, l.end)) {
      const rows: number[] = [k];
      // A Markdown table goes on with pipe rows only.
      const piped = PIPE_ROW.test(text.slice(l.start, l.end));
      let j = k + 1;
      while (j < lines.length) {
        const lj = lines[j] as { start: number; end: number };
        const body = text.slice(lj.start, lj.end);
        if (piped) {
          if (!PIPE_ROW.test(body) && !PIPE_RULE.test(body)) break;
          rows.push(j);
          j++;
          continue;
        }
        if (isRowLike(text, lj.start, lj.end) || PIPE_RULE.test(body)) {
          rows.push(j);
          j++;
          continue;
        }
        // A one-field heading row inside the table, when a row follows soon (but a section heading ends the table).
        const next = lines.slice(j + 1, j + 3).some((n) => isRowLike(text, n.start, n.end));
        if (body.trim() !== '' && !body.includes('。') && body.trim().length <= 60 && next && !isSectionHeading(body)) {
          rows.push(j);
          j++;
          continue;
        }
        break;
      }
      const rowCount = rows.filter((r) => isRowLike(text, (lines[r] as Field).start, (lines[r] as Field).end)).length;
      if (rowCount >= 2) {
        root.children.push(textTable(text, rows.map((r) => lines[r] as Field)));
        k = j;
        continue;
      }
    }
    const blank = text.slice(l.start, l.end).trim() === '';
    root.children.push({
      kind: 'element',
      tag: 'div',
      className: blank ? 'line blank' : 'line',
      start: l.start,
      end: l.end,
      children: l.end > l.start ? [textPiece(text, l.start, l.end)] : [],
    });
    k++;
  }
  return root;
}

function textTable(text: string, rows: readonly Field[]): ElementNode {
  const fieldsOf = rows.map((r) => (PIPE_RULE.test(text.slice(r.start, r.end)) ? null : splitFields(text, r.start, r.end)));
  const width = Math.max(...fieldsOf.map((f) => f?.length ?? 0));
  const trs: ElementNode[] = [];
  rows.forEach((r, n) => {
    const fields = fieldsOf[n];
    if (!fields) return;
    // The row's short of fields: a space-separated row lacks them after a long first label, a tab-separated
    // one at its end (trailing empty cells).
    const widen = text.slice(r.start, r.end).includes('\t') ? fields.length - 1 : 0;
    const cells: ElementNode[] = fields.map((f, c) => ({
      kind: 'element',
      tag: 'td',
      start: f.start,
      end: f.end,
      children: f.end > f.start ? [textPiece(text, f.start, f.end)] : [],
      ...(c === widen && fields.length < width ? { colspan: width - fields.length + 1 } : {}),
    }));
    trs.push({ kind: 'element', tag: 'tr', start: r.start, end: r.end, children: cells });
  });
  const first = rows[0] as Field;
  const last = rows[rows.length - 1] as Field;
  return { kind: 'element', tag: 'table', start: first.start, end: last.end, children: trs };
}

/** Every element of the tree with the given tags, in document order. */
export function elementsOf(root: ElementNode, tags: ReadonlySet<string>): ElementNode[] {
  const out: ElementNode[] = [];
  const walk = (n: ElementNode) => {
    if (tags.has(n.tag)) out.push(n);
    for (const c of n.children) if (c.kind === 'element') walk(c);
  };
  walk(root);
  return out;
}

/** The visible text of a node. */
export function textOf(node: DocNode): string {
  return node.kind === 'text' ? node.text : node.children.map(textOf).join('');
}
