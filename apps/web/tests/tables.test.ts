import { describe, expect, it } from 'vitest';
import { htmlDocument, textDocument, textOf } from '../src/client/doc.js';
import type { Finding } from '../src/client/positions.js';
import { lineStarts, placeFindings } from '../src/client/positions.js';
import { expectedOf, markCells, numberTables, tableNumberOf } from '../src/client/tables.js';

function findingAt(text: string, needle: string, message: string, severity = 2, from = 0): Finding {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`no ${needle}`);
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= offset) line++;
  const column = offset - (starts[line] ?? 0) + 1;
  return { ruleId: 'table-sum', severity, message, line: line + 1, column, endLine: line + 1, endColumn: column + needle.length };
}

const HTML = `<html><body>
<p>三、收到和处理政府信息公开申请情况</p>
<table><tr><td>（七）总计</td><td>5</td><td>9</td></tr></table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>3</td><td>1</td><td>0</td><td>0</td><td>7</td></tr>
</table>
</body></html>`;

describe('expected values from messages', () => {
  it('reads table-sum and subtotal-exceeds-total messages', () => {
    const base = { ruleId: 'table-sum', severity: 2, line: 1, column: 1, endLine: 1, endColumn: 2 };
    expect(expectedOf({ ...base, message: '行政复议 · 总计: 7 ≠ 4 (= 3 + 1 + 0 + 0)' })).toEqual({ actual: '7', relation: 'equal', value: '4' });
    expect(expectedOf({ ...base, message: '（七）总计 · 自然人: 2 < 5 (= 3 + 2)' })).toEqual({ actual: '2', relation: 'atLeast', value: '5' });
    expect(expectedOf({ ...base, message: '“主动公开政府信息”共20条，其中所列各项之和为26条（13 + 13），超出总数6条' })).toEqual({
      actual: '20',
      relation: 'atLeast',
      value: '26',
    });
    expect(expectedOf({ ...base, message: '缺少“四、政府信息公开行政复议、行政诉讼情况”' })).toBeNull();
  });
});

describe('marking table cells', () => {
  it('marks the cell a finding points into, with its expected value, in the right table', () => {
    const root = htmlDocument(HTML);
    const total = HTML.indexOf('<td>7</td>') + 4;
    const finding = findingAt(HTML, '7', '行政复议 · 总计: 7 ≠ 4 (= 3 + 1 + 0 + 0)', 2, total);
    const placed = placeFindings(HTML, [finding]);
    const marked = markCells(root, placed);
    expect(marked).toHaveLength(1);
    expect(textOf(marked[0]?.cell ?? root)).toBe('7');
    expect(marked[0]).toMatchObject({ findings: [0], severity: 2, expected: { value: '4', relation: 'equal' } });
    const numbers = numberTables(root);
    const tables = [...numbers.entries()];
    expect(tables.map(([, n]) => n)).toEqual([3, 4]);
    // The marked cell sits in 表四.
    const table4 = tables[1]?.[0];
    expect(table4 && marked[0] && marked[0].cell.start > table4.start && marked[0].cell.end < table4.end).toBe(true);
  });

  it('gathers several findings on one cell and keeps the worst severity', () => {
    const root = htmlDocument(HTML);
    const at = HTML.indexOf('<td>5</td>') + 4;
    const placed = placeFindings(HTML, [
      findingAt(HTML, '5', '（七）总计: 5 ≠ 6 (= 6)', 1, at),
      findingAt(HTML, '5', '数量存疑', 2, at),
    ]);
    const marked = markCells(root, placed);
    expect(marked.map((m) => [textOf(m.cell), m.findings, m.severity, m.expected?.value])).toEqual([['5', [0, 1], 2, '6']]);
  });

  it('marks cells of text tables too, and nothing for findings outside tables', () => {
    const text = ['标题', '项目  结果维持  总计', '行政复议  3  7', '正文 7 件。'].join('\n');
    const root = textDocument(text);
    const placed = placeFindings(text, [
      findingAt(text, '7', '行政复议 · 总计: 7 ≠ 3 (= 3)'),
      findingAt(text, '正文', '别处的问题', 1),
    ]);
    const marked = markCells(root, placed);
    expect(marked.map((m) => [textOf(m.cell), m.expected?.value])).toEqual([['7', '3']]);
  });

  it('numbers Markdown tables under ## headings', () => {
    const md = ['## 二、主动公开政府信息情况', '| a | b |', '| --- | --- |', '| 1 | 2 |', '## 四、政府信息公开行政复议、行政诉讼情况', '| c | d |', '| 3 | 4 |'].join('\n');
    expect([...numberTables(textDocument(md)).values()]).toEqual([2, 4]);
  });

  it('names the tables by their section headings', () => {
    expect(tableNumberOf('二、主动公开政府信息情况')).toBe(2);
    expect(tableNumberOf('三、收到和处理政府信息公开申请情况')).toBe(3);
    expect(tableNumberOf('四、政府信息公开行政复议、行政诉讼情况')).toBe(4);
    expect(tableNumberOf('五、存在的主要问题及改进情况')).toBeNull();
  });
});
