import { describe, expect, it } from 'vitest';
import type { DocNode, ElementNode } from '../src/client/doc.js';
import { buildDocument, detectFormat, elementsOf, htmlDocument, splitFields, textDocument, textOf } from '../src/client/doc.js';

/** The tree as nested arrays of tags and texts, for readable expectations. */
function shape(node: DocNode): unknown {
  return node.kind === 'text' ? node.text : [node.tag, ...node.children.map(shape)];
}

const HTML = [
  '<!DOCTYPE html><html><head><title>标题不显示</title><style>td{color:red}</style></head><body>',
  '<h1>某某局2023年政府信息公开工作年度报告</h1>',
  '<p>第一段&nbsp;A&amp;B<p>第二段<script>alert("x")</script>',
  '<!-- 注释 --><img src="http://example.invalid/x.png" onerror="alert(1)">',
  '<p><a href="javascript:alert(1)" style="color:red">链接文字</a></p>',
  '<p>四、政府信息公开行政复议、行政诉讼情况</p>',
  '<table border=1><tr><td colspan="5">行政复议<td>行政诉讼</tr>',
  '<tr><td>结果维持<td>总计</tr>',
  '<tr><td>3</td><td>&#49;2</td></tr></table>',
  '</body></html>',
].join('\n');

describe('HTML drafts', () => {
  const root = htmlDocument(HTML);

  it('keeps the structure and the text, drops head, scripts, comments, images and attributes', () => {
    const body = root.children.find((c) => c.kind === 'element') as ElementNode;
    expect(body.tag).toBe('div');
    const text = textOf(root);
    expect(text).toContain('第一段\u00a0A&B');
    expect(text).not.toContain('标题不显示');
    expect(text).not.toContain('alert');
    expect(text).not.toContain('注释');
    expect(text).toContain('链接文字');
    // <p> closes the open <p>; <a> becomes a plain span.
    const ps = elementsOf(root, new Set(['p']));
    expect(ps.map((p) => textOf(p).trim())).toEqual(['第一段\u00a0A&B', '第二段', '链接文字', '四、政府信息公开行政复议、行政诉讼情况']);
    expect(elementsOf(root, new Set(['img'])).length).toBe(0);
    expect(shape(ps[2] as ElementNode)).toEqual(['p', ['span', '链接文字']]);
  });

  it('builds table rows and cells with implicit ends and colspan', () => {
    const rows = elementsOf(root, new Set(['tr']));
    expect(rows.map((r) => r.children.filter((c) => c.kind === 'element').map((c) => textOf(c).trim()))).toEqual([
      ['行政复议', '行政诉讼'],
      ['结果维持', '总计'],
      ['3', '12'],
    ]);
    const cells = elementsOf(root, new Set(['td']));
    expect(cells[0]?.colspan).toBe(5);
    expect(cells[1]?.colspan).toBeUndefined();
  });

  it('knows where every piece of text and every cell stands in the source', () => {
    const cells = elementsOf(root, new Set(['td']));
    const last = cells[cells.length - 1] as ElementNode;
    expect(HTML.slice(last.start, last.end)).toBe('<td>&#49;2</td>');
    const pieces = last.children.filter((c) => c.kind === 'text');
    expect(pieces.map((p) => [p.text, HTML.slice(p.start, p.end), p.literal])).toEqual([
      ['1', '&#49;', false],
      ['2', '2', true],
    ]);
    // A cell closed implicitly (by the next <td>) ends where the next one starts.
    const first = cells[0] as ElementNode;
    expect(HTML.slice(first.start, first.end)).toBe('<td colspan="5">行政复议');
    // Every literal piece is exactly its source.
    const walk = (n: DocNode): void => {
      if (n.kind === 'text') {
        if (n.literal) expect(HTML.slice(n.start, n.end)).toBe(n.text);
      } else n.children.forEach(walk);
    };
    walk(root);
  });

  it('survives broken markup', () => {
    const broken = htmlDocument('<p>甲<td>乙</table></div><b>丙<');
    expect(textOf(broken)).toBe('甲乙丙<');
    expect(htmlDocument('').children).toEqual([]);
  });
});

describe('text and Markdown drafts', () => {
  const TEXT = [
    '某某局2023年政府信息公开工作年度报告',
    '　　一段正文，两个  空格也不成表。',
    '信息内容  本年制发件数  本年废止件数',
    '规章            0  0',
    '行政规范性文件  1  1',
    '',
    '| 结果维持 | 总计 |',
    '| --- | --- |',
    '| 3 | 12 |',
    '末行',
  ].join('\n');

  it('splits fields on pipes or on two or more spaces', () => {
    const line = '规章            0  0';
    expect(splitFields(line, 0, line.length).map((f) => line.slice(f.start, f.end))).toEqual(['规章', '0', '0']);
    const md = '| 3 | 12 |';
    expect(splitFields(md, 0, md.length).map((f) => md.slice(f.start, f.end))).toEqual(['3', '12']);
  });

  it('keeps the empty cells of tab-separated rows, so that columns line up', () => {
    const text = ['复议\t\t\t诉讼\t\t', '\t\t\t直接\t后诉', '维持\t纠正\t总计\t维持\t总计', '2\t0\t0\t1\t1'].join('\n');
    const rows = elementsOf(textDocument(text), new Set(['tr']));
    expect(rows.map((r) => r.children.map((c) => textOf(c)))).toEqual([
      ['复议', '', '', '诉讼'],
      ['', '', '', '直接', '后诉'],
      ['维持', '纠正', '总计', '维持', '总计'],
      ['2', '0', '0', '1', '1'],
    ]);
    // The first row lacks a trailing column: its last cell spans it.
    expect(rows[0]?.children.map((c) => (c.kind === 'element' ? (c.colspan ?? 1) : 0))).toEqual([1, 1, 1, 2]);
    // An empty cell sits between its two tabs.
    const empty = rows[1]?.children[1];
    expect(empty && text.slice(empty.start - 1, empty.end + 1)).toBe('\t\t');
  });

  it('turns runs of row-like lines into tables and keeps the rest as lines', () => {
    const root = textDocument(TEXT);
    expect(root.children.map((c) => (c.kind === 'element' ? c.tag + (c.className ? `.${c.className}` : '') : 'text'))).toEqual([
      'div.line',
      'div.line',
      'table',
      'div.line blank',
      'table',
      'div.line',
    ]);
    const tables = elementsOf(root, new Set(['table']));
    const cells = (t: ElementNode) => elementsOf(t, new Set(['tr'])).map((r) => r.children.map((c) => textOf(c)));
    expect(cells(tables[0] as ElementNode)).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数'],
      ['规章', '0', '0'],
      ['行政规范性文件', '1', '1'],
    ]);
    expect(cells(tables[1] as ElementNode)).toEqual([
      ['结果维持', '总计'],
      ['3', '12'],
    ]);
    for (const td of elementsOf(root, new Set(['td']))) expect(TEXT.slice(td.start, td.end)).toBe(textOf(td));
  });

  it('gives one-field heading rows inside a table the whole width', () => {
    const text = ['项目  自然人  总计', '三、本年度办理结果', '（一）予以公开  1  1'].join('\n');
    const rows = elementsOf(textDocument(text), new Set(['tr']));
    expect(rows.map((r) => r.children.map((c) => (c.kind === 'element' ? (c.colspan ?? 1) : 0)))).toEqual([[1, 1, 1], [3], [1, 1, 1]]);
  });

  it('ends a table at the next section heading', () => {
    const text = ['项目  自然人  总计', '三、本年度办理结果', '（一）予以公开  1  1', '四、政府信息公开行政复议、行政诉讼情况', '结果维持\t总计', '2\t0'].join('\n');
    const root = textDocument(text);
    expect(root.children.map((c) => (c.kind === 'element' ? c.tag : 'text'))).toEqual(['table', 'div', 'table']);
    expect(textOf(root.children[1] as ElementNode)).toBe('四、政府信息公开行政复议、行政诉讼情况');
  });

  it('detects the format by name, then by content', () => {
    expect(detectFormat('x', 'a.HTML')).toBe('html');
    expect(detectFormat('<p>x</p>', 'a.md')).toBe('markdown');
    expect(detectFormat('  <!doctype html><html>')).toBe('html');
    expect(detectFormat('总计  1')).toBe('text');
    expect(buildDocument('<table><tr><td>1</td></tr></table>', 'html').children[0]).toMatchObject({ tag: 'table' });
  });
});
