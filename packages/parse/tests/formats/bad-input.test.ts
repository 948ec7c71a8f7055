import { cellAt, cellValue } from '@xxgk/schema';
import { describe, expect, it } from 'vitest';
import { ParseError, parse } from '../../src/index.js';

async function codeOf(input: Uint8Array | string, options = {}): Promise<string> {
  try {
    await parse(input, options);
    return 'OK';
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    return (error as ParseError).code;
  }
}

describe('bad input', () => {
  it('rejects empty input', async () => {
    expect(await codeOf(new Uint8Array())).toBe('EMPTY_INPUT');
    expect(await codeOf('')).toBe('EMPTY_INPUT');
    expect(await codeOf('   \n  ')).toBe('EMPTY_INPUT');
  });

  it('rejects binary data', async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    expect(await codeOf(bytes)).toBe('BINARY_INPUT');
    expect(await codeOf(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 0, 0, 0]))).toBe('BINARY_INPUT');
  });

  it('rejects input over maxBytes', async () => {
    expect(await codeOf('政府信息公开'.repeat(100), { maxBytes: 100 })).toBe('TOO_LARGE');
  });

  it('rejects a zip that is not a DOCX and a truncated PDF header', async () => {
    expect(await codeOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { name: 'x.docx' })).toBe('TRUNCATED_DOCX');
    expect(await codeOf('not a pdf', { name: 'x.pdf', format: 'pdf' })).toBe('TRUNCATED_PDF');
  });

  it('reports a 40-digit number as a diagnostic, not a crash', async () => {
    const text = `某局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 ${'9'.repeat(40)}\n`;
    const { report } = await parse(text, { name: 'x.txt' });
    expect(report.proactive?.template).toBe('national-2021');
    expect(cellValue(cellAt(report, 'proactive.licensing'))).toBeNull();
    expect(report.diagnostics.some((d) => d.path === 'proactive.licensing' || d.code === 'UNREADABLE_ROW')).toBe(true);
  });

  it('parses a 1 MB line without catastrophic backtracking', async () => {
    const line = `某局2021年政府信息公开工作年度报告\n${'共收到申请，其中'.repeat(20000)}${'1'.repeat(300000)}${'、。，'.repeat(100000)}`;
    const start = Date.now();
    const { report } = await parse(line, { name: 'big.txt' });
    expect(report.year).toBe(2021);
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  it('never throws anything but ParseError', async () => {
    const inputs: (Uint8Array | string)[] = [
      '<html><body><table><tr><td rowspan="999999999">x</td></tr></table></body></html>',
      '|||\n|---|\n| a | b |',
      '一、\n（一）\n1.\n（1）',
      '\u0000'.repeat(3),
      new Uint8Array([0xff, 0xfe, 0x00]),
      new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]),
    ];
    for (const input of inputs) {
      const code = await codeOf(input);
      expect(typeof code).toBe('string');
    }
  });
});
