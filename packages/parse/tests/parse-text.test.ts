import { generateReport } from '@xxgk/synth';
import { describe, expect, it } from 'vitest';
import { ParseError, parse, parseText } from '../src/index.js';

describe('parseText: the synchronous parse() for text, Markdown and HTML', () => {
  for (const format of ['text', 'text-dump', 'markdown', 'html'] as const) {
    it(`${format}: gives the Report parse() gives`, async () => {
      for (const seed of [3, 4]) {
        const generated = await generateReport({ seed, format });
        const expected = await parse(generated.bytes, { name: generated.name });
        expect(parseText(generated.bytes, { name: generated.name })).toEqual(expected);
      }
    });
  }
  it('refuses DOCX and PDF, and empty or oversized input, with a ParseError', async () => {
    const docx = await generateReport({ seed: 3, format: 'docx' });
    expect(() => parseText(docx.bytes, { name: docx.name })).toThrow(ParseError);
    expect(() => parseText(docx.bytes)).toThrow(/DOCX and PDF/);
    expect(() => parseText('%PDF-1.7\n1 0 obj')).toThrow(/DOCX and PDF/);
    expect(() => parseText('')).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => parseText('临江市人民政府2023年政府信息公开工作年度报告', { maxBytes: 10 })).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }));
  });
  it('reads U+0000 as U+FFFD, as parse() does', () => {
    const body = '本年度，本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。\n'.repeat(20);
    const { text } = parseText(`临江市人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年\u0000度\n${body}`);
    expect(text).toContain('本年\ufffd度');
  });
});
