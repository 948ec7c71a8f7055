import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, parse } from '../../src/index.js';

const SIMPLIFIED = '青禾县农业农村局2021年政府信息公开工作年度报告\n一、总体情况\n本年度共收到政府信息公开申请5件，办结5件。\n';
const TRADITIONAL = '青禾縣農業農村局2021年政府信息公開工作年度報告\n一、總體情況\n本年度共收到政府信息公開申請5件，辦結5件。\n';

describe('encodings', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(SIMPLIFIED), 'UTF-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SIMPLIFIED)]), 'UTF-8'],
    ['UTF-16LE with BOM', new Uint8Array(iconv.encode(SIMPLIFIED, 'utf16le', { addBOM: true })), 'UTF-16LE'],
    ['UTF-16BE with BOM', new Uint8Array(iconv.encode(SIMPLIFIED, 'utf16-be', { addBOM: true })), 'UTF-16BE'],
    ['UTF-16LE without BOM', new Uint8Array(iconv.encode(SIMPLIFIED, 'utf16le')), 'UTF-16LE'],
    ['GB18030', new Uint8Array(iconv.encode(SIMPLIFIED, 'gb18030')), 'GB18030'],
    ['GBK', new Uint8Array(iconv.encode(SIMPLIFIED, 'gbk')), 'GB18030'],
  ])('decodes %s', async (_name, bytes, encoding) => {
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(SIMPLIFIED);
    const { report } = await parse(bytes, { name: 'r.txt' });
    expect(report.source.encoding).toBe(encoding);
    expect(report.title).toBe('青禾县农业农村局2021年政府信息公开工作年度报告');
    expect(report.facts.find((f) => f.quantity === 'applications.newReceived.total')?.value).toBe(5);
  });

  it('decodes Big5 and matches Traditional text through Simplified', async () => {
    const bytes = new Uint8Array(iconv.encode(TRADITIONAL, 'big5'));
    const { report, text } = await parse(bytes, { name: 'r.txt' });
    expect(report.source.encoding).toBe('Big5');
    expect(text).toBe(TRADITIONAL);
    expect(report.language).toBe('zh-Hant');
    expect(report.year).toBe(2021);
    expect(report.sections[0]?.kind).toBe('overview');
    const fact = report.facts.find((f) => f.quantity === 'applications.newReceived.total');
    expect(fact?.value).toBe(5);
    // spans point at the original Traditional characters
    expect(fact && text.slice(fact.span.start - 2, fact.span.end)).toBe('申請5件');
  });
});
