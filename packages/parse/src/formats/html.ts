import { defaultTreeAdapter, Parser, type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes, type Token, type TreeAdapter } from 'parse5';
import type { DocBlock, DocCell, FormatProcessor, ProcessorInput, SourceDocument } from '../document.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;
type TextNode = DefaultTreeAdapterTypes.TextNode;

const BLOCK_TAGS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'blockquote', 'pre',
  'dd', 'dt', 'dl', 'center', 'form', 'main', 'figure', 'figcaption', 'address', 'caption', 'hr', 'body', 'html',
]);
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'select', 'button', 'nav', 'header',
  'footer', 'aside', 'input', 'textarea',
]);
const ENTITY_RE = /&(?:#\d{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)/y;

/**
 * parse5's default tree adapter, except that an element's end location is written into its location
 * object instead of a merged copy (`{ ...loc, ...end }`, a slow object spread run for every element).
 * Safe because every element's location object is its own (made in LocatingParser below); text nodes
 * share their token's location, so they keep the copying update.
 */
const treeAdapter: TreeAdapter<DefaultTreeAdapterMap> = {
  ...defaultTreeAdapter,
  updateNodeSourceCodeLocation(node, endLocation) {
    const loc = node.sourceCodeLocation;
    if (loc && 'tagName' in node) Object.assign(loc, endLocation);
    else defaultTreeAdapter.updateNodeSourceCodeLocation(node, endLocation);
  },
};

/**
 * parse5's parser, except that an element's location is built as a plain literal rather than
 * `{ ...location, startTag: location }` (the hottest line of the parse: the spread takes V8's slow path
 * because start-tag locations come in several shapes). Same fields, same values.
 */
class LocatingParser extends Parser<DefaultTreeAdapterMap> {
  override _attachElementToTree(
    element: Element,
    location: Token.LocationWithAttributes | null,
    insertionLocation: Parameters<Parser<DefaultTreeAdapterMap>['_attachElementToTree']>[2],
  ): void {
    super._attachElementToTree(element, null, insertionLocation);
    if (location && this.options.sourceCodeLocationInfo) {
      const loc: Token.ElementLocation = {
        startLine: location.startLine,
        startCol: location.startCol,
        startOffset: location.startOffset,
        endLine: location.endLine,
        endCol: location.endCol,
        endOffset: location.endOffset,
        startTag: location,
      };
      if (location.attrs !== undefined) loc.attrs = location.attrs;
      element.sourceCodeLocation = loc;
    }
  }
}

/** Source offset of every character of a text node's decoded value (entities, CRLF accounted for). */
function mapText(html: string, start: number, end: number, value: string): number[] {
  const out: number[] = new Array<number>(value.length);
  let i = start;
  let k = 0;
  while (k < value.length && i < end) {
    const ch = html.charCodeAt(i);
    if (ch === 38 /* & */) {
      ENTITY_RE.lastIndex = i;
      const m = ENTITY_RE.exec(html);
      if (m && value[k] !== '&') {
        const code = value.codePointAt(k) ?? 0;
        const width = code > 0xffff ? 2 : 1;
        for (let w = 0; w < width && k < value.length; w++) out[k++] = i;
        i += m[0].length;
        continue;
      }
    }
    if (ch === 13 && html.charCodeAt(i + 1) === 10) {
      i++;
      continue;
    }
    out[k++] = i++;
  }
  if (k < value.length) {
    // The source did not line up (unusual markup): spread the rest over what remains.
    for (; k < value.length; k++) out[k] = Math.min(i, Math.max(start, end - 1));
  }
  return out;
}

function isHtmlSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0 || c === 0x3000;
}

/** Collects a block's visible text with whitespace collapsed, and the source offset of every character. */
class BlockBuilder {
  private parts: string[] = [];
  private offs: number[] = [];
  private lastSpace = true;
  lastEnd = 0;

  /** One character (used for separators: a space between cells' inner blocks). */
  push(ch: string, off: number): void {
    this.pushText(ch, [off]);
  }

  /** A text node's value, with the source offset of each of its characters. */
  pushText(value: string, offs: readonly number[]): void {
    let runStart = -1;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (isHtmlSpace(c)) {
        if (runStart >= 0) {
          this.parts.push(value.slice(runStart, i));
          runStart = -1;
        }
        if (this.lastSpace) continue;
        this.parts.push(' ');
        this.offs.push(offs[i] ?? 0);
        this.lastSpace = true;
        continue;
      }
      if (runStart < 0) runStart = i;
      const off = offs[i] ?? 0;
      this.offs.push(off);
      this.lastEnd = off + 1;
      this.lastSpace = false;
    }
    if (runStart >= 0) this.parts.push(value.slice(runStart));
  }

  take(): { text: string; offsets: number[]; start: number; end: number } | null {
    let text = this.parts.join('');
    const offs = this.offs;
    this.parts = [];
    this.offs = [];
    this.lastSpace = true;
    let n = text.length;
    while (n > 0 && text.charCodeAt(n - 1) === 32) n--;
    if (n < text.length) {
      text = text.slice(0, n);
      offs.length = n;
    }
    if (n === 0) return null;
    const last = offs[n - 1] ?? 0;
    offs.push(Math.max(last + 1, Math.min(this.lastEnd, last + 12)));
    return { text, offsets: offs, start: offs[0] ?? 0, end: offs[offs.length - 1] ?? 0 };
  }
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function span(el: Element, name: 'rowspan' | 'colspan'): number {
  const n = Number.parseInt(attr(el, name) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : 1;
}

const ARTICLE_RE = /(?:^|[\s_-])(?:zoom|article|articles|content|contents|TRS_Editor|detail|details|main-?text|text-?con|wzcon|xxgk-?content|con-?text|bt-?content|view)(?:$|[\s_-])/i;

/** Visible text length under a node, and whether it mentions 信息公开 (iterative). */
function textStats(root: Node): { length: number; topical: boolean } {
  let length = 0;
  let topical = false;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (node.nodeName === '#text') {
      const v = (node as TextNode).value;
      length += v.trim().length;
      if (!topical && (v.includes('信息公开') || v.includes('信息公開'))) topical = true;
      continue;
    }
    if ('tagName' in node && SKIP_TAGS.has(node.tagName)) continue;
    if ('childNodes' in node) for (const c of node.childNodes) stack.push(c);
  }
  return { length, topical };
}

/**
 * The article container of a government page (div#zoom, .article, .TRS_Editor …): the candidate with
 * the most text that speaks of 信息公开, when it holds most of the page's text. Page chrome around it
 * (navigation, related-report lists, footers) is then left out. Null when there is no clear container.
 */
function findArticle(doc: DefaultTreeAdapterTypes.Document): Element | null {
  const candidates: Element[] = [];
  const stack: Node[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if ('tagName' in node) {
      if (SKIP_TAGS.has(node.tagName) || node.tagName === 'head') continue;
      const id = attr(node, 'id') ?? '';
      const cls = attr(node, 'class') ?? '';
      if ((node.tagName === 'div' || node.tagName === 'article' || node.tagName === 'section' || node.tagName === 'td' || node.tagName === 'main') && (ARTICLE_RE.test(id) || ARTICLE_RE.test(cls))) {
        candidates.push(node);
      }
    }
    if ('childNodes' in node) for (const c of node.childNodes) stack.push(c);
  }
  if (candidates.length === 0) return null;
  const body = textStats(doc).length;
  let best: { el: Element; length: number } | null = null;
  for (const el of candidates) {
    const st = textStats(el);
    if (!st.topical) continue;
    if (!best || st.length > best.length) best = { el, length: st.length };
  }
  if (!best || best.length < 200 || best.length < body * 0.5) return null;
  return best.el;
}

/**
 * Government-site HTML: visible text by block (p, div, h1–h6, li …), tables with rowspan/colspan and
 * `&nbsp;` cells. Offsets point into the HTML source (parse5 source locations). Iterative walk: deep
 * nesting cannot overflow the stack.
 */
export function htmlToDocument(html: string, format: 'html' | 'docx' = 'html'): SourceDocument {
  const doc = LocatingParser.parse(html, { sourceCodeLocationInfo: true, treeAdapter });
  const blocks: DocBlock[] = [];
  const para = new BlockBuilder();
  let headingLevel: number | undefined;
  let title: { text: string; offsets: number[]; start: number; end: number } | null = null;

  // Table state (outermost table only; nested tables flatten into the current cell).
  let tableDepth = 0;
  let tableStart = 0;
  let rows: DocCell[][] = [];
  let row: DocCell[] | null = null;
  let cell: { builder: BlockBuilder; el: Element } | null = null;

  const flushPara = (): void => {
    const b = para.take();
    if (!b) return;
    // explicit literals, not spreads: object spread is slow here and gives the blocks varying shapes
    if (headingLevel !== undefined) blocks.push({ type: 'heading', level: headingLevel, text: b.text, offsets: b.offsets, start: b.start, end: b.end });
    else blocks.push({ type: 'paragraph', text: b.text, offsets: b.offsets, start: b.start, end: b.end });
  };
  const closeCell = (): void => {
    if (!cell || !row) return;
    const b = cell.builder.take();
    const loc = cell.el.sourceCodeLocation;
    const at = loc?.startTag?.endOffset ?? loc?.startOffset ?? 0;
    const rowSpan = span(cell.el, 'rowspan');
    const colSpan = span(cell.el, 'colspan');
    row.push(
      b
        ? { text: b.text, offsets: b.offsets, start: b.start, end: b.end, rowSpan, colSpan }
        : { text: '', start: at, end: at, offsets: [at], rowSpan, colSpan },
    );
    cell = null;
  };
  const closeRow = (): void => {
    closeCell();
    if (row && row.length > 0) rows.push(row);
    row = null;
  };

  // <title> lives in <head>, which is otherwise skipped
  const htmlEl = doc.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'html');
  const headEl = htmlEl?.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'head');
  const titleEl = headEl?.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'title');
  const article = findArticle(doc);
  const stack: { node: Node; exit: boolean }[] = [{ node: article ?? doc, exit: false }];
  if (titleEl) stack.push({ node: titleEl, exit: false });
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const node = item.node;
    if (node.nodeName === '#text') {
      const t = node as TextNode;
      const loc = t.sourceCodeLocation;
      const offs = loc ? mapText(html, loc.startOffset, loc.endOffset, t.value) : [];
      const target = cell ? cell.builder : tableDepth > 0 ? null : para;
      if (target) target.pushText(t.value, offs);
      continue;
    }
    if (!('tagName' in node)) {
      if ('childNodes' in node) for (let k = node.childNodes.length - 1; k >= 0; k--) {
        const child = node.childNodes[k];
        if (child) stack.push({ node: child, exit: false });
      }
      continue;
    }
    const el = node;
    const tag = el.tagName;
    if (!item.exit) {
      if (tag === 'title' && title === null) {
        const text = el.childNodes.map((c) => ('value' in c ? c.value : '')).join('').trim();
        const loc = el.sourceCodeLocation;
        if (text && loc) {
          const inner = loc.startTag?.endOffset ?? loc.startOffset;
          const raw = html.slice(inner, loc.endTag?.startOffset ?? loc.endOffset);
          const lead = raw.length - raw.trimStart().length;
          const offs = mapText(html, inner + lead, inner + raw.length, text);
          title = { text, offsets: [...offs, (offs[offs.length - 1] ?? inner) + 1], start: offs[0] ?? inner, end: (offs[offs.length - 1] ?? inner) + 1 };
        }
        continue;
      }
      if (SKIP_TAGS.has(tag) || tag === 'head') continue;
      if (tag === 'table') {
        if (tableDepth === 0 && !cell) {
          flushPara();
          tableStart = el.sourceCodeLocation?.startOffset ?? para.lastEnd;
          rows = [];
          row = null;
        } else if (cell) cell.builder.push(' ', 0);
        tableDepth++;
      } else if (tableDepth === 1 && !cell && tag === 'tr') {
        closeRow();
        row = [];
      } else if (tableDepth === 1 && (tag === 'td' || tag === 'th')) {
        if (!row) row = [];
        closeCell();
        cell = { builder: new BlockBuilder(), el };
      } else if (tag === 'br') {
        if (cell) cell.builder.push(' ', el.sourceCodeLocation?.startOffset ?? 0);
        else flushPara();
      } else if (BLOCK_TAGS.has(tag)) {
        if (cell) cell.builder.push(' ', el.sourceCodeLocation?.startOffset ?? 0);
        else if (tableDepth === 0) {
          flushPara();
          headingLevel = /^h[1-6]$/.test(tag) ? Number(tag.slice(1)) : undefined;
        }
      }
      stack.push({ node: el, exit: true });
      const kids = tag === 'template' ? [] : el.childNodes;
      for (let k = kids.length - 1; k >= 0; k--) {
        const child = kids[k];
        if (child) stack.push({ node: child, exit: false });
      }
    } else {
      if (tag === 'table') {
        tableDepth--;
        if (tableDepth === 0) {
          closeRow();
          if (rows.length > 0) {
            blocks.push({ type: 'table', start: tableStart, end: el.sourceCodeLocation?.endOffset ?? tableStart, rows });
          }
          rows = [];
        } else if (cell) cell.builder.push(' ', 0);
      } else if (tableDepth === 1 && (tag === 'td' || tag === 'th') && cell?.el === el) {
        closeCell();
      } else if (tableDepth === 1 && tag === 'tr' && !cell) {
        closeRow();
      } else if (BLOCK_TAGS.has(tag) && tableDepth === 0 && !cell) {
        flushPara();
        headingLevel = undefined;
      }
    }
  }
  flushPara();
  if (title !== null) {
    const t: { text: string; offsets: number[]; start: number; end: number } = title;
    blocks.unshift({ type: 'heading', level: 0, ...t });
  }
  return { format, text: html, blocks };
}

export const htmlProcessor: FormatProcessor = {
  format: 'html',
  extensions: ['.html', '.htm', '.shtml', '.xhtml'],
  sniff(bytes: Uint8Array): boolean {
    const head = new TextDecoder().decode(bytes.subarray(0, 2048)).toLowerCase();
    return /<!doctype html|<html[\s>]|<body[\s>]|<meta[\s>]|<p[\s>]|<div[\s>]|<table[\s>]/.test(head);
  },
  toDocument(input: ProcessorInput): SourceDocument {
    return htmlToDocument(input.text ?? '');
  },
};
