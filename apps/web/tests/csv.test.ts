import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from '../src/client/csv.js';
import { readCsv } from './read-csv.js';

describe('toCsv', () => {
  const header = ['机关', '状态', '逾期天数', '工作总结'];
  const rows = [
    ['清源市教育局', '逾期', 12, false],
    ['临江区"新区"管理委员会, 综合', '未公开', null, true],
    ['多行\n名称', '=HYPERLINK("http://x")', -3, undefined],
  ] as const;
  const csv = toCsv(header, rows);

  it('starts with the UTF-8 BOM, ends lines with CRLF', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(rows.length + 2);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes text so commas, quotes and line breaks stay in their cell', () => {
    expect(csv).toContain('"临江区""新区""管理委员会, 综合"');
    const back = readCsv(csv.slice(1));
    expect(back[0]).toEqual(header);
    expect(back[1]).toEqual(['清源市教育局', '逾期', '12', 'false']);
    expect(back[2]).toEqual(['临江区"新区"管理委员会, 综合', '未公开', '', 'true']);
    expect(back[3]?.[0]).toBe('多行\n名称');
  });

  it('writes numbers bare and neutralises formulas', () => {
    const back = readCsv(csv.slice(1));
    expect(back[3]?.[1]).toBe(`'=HYPERLINK("http://x")`);
    expect(back[3]?.[2]).toBe('-3');
    expect(back[3]?.[3]).toBe('');
    expect(csv).toContain(',12,');
  });
});
