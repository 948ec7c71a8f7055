import { ParseError, parse } from '@xxgk/parse';
import { describe, expect, it } from 'vitest';
import { EslintPluginError, parseSync } from '../src/index.js';
import { drafts } from './drafts.js';
import type { DraftFormat } from './drafts.js';

describe.each<DraftFormat>(['text', 'markdown', 'html'])('parseSync on %s drafts', (format) => {
  it('gives the same Report, document and text as the async parse()', async () => {
    const files = (await drafts(format, 90)).slice(0, 6);
    for (const file of files) {
      const expected = await parse(file.bytes, { name: file.name });
      const actual = parseSync(file.text, { name: file.name });
      expect(actual.report, file.name).toEqual(expected.report);
      expect(actual.document, file.name).toEqual(expected.document);
      expect(actual.text).toBe(file.text);
    }
  });

  it('with a byte-order mark removed by the caller: same source bytes and sha256 as parse() of the file', async () => {
    const file = (await drafts(format, 95))[1]!;
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...file.bytes]);
    const expected = await parse(withBom, { name: file.name });
    const actual = parseSync(file.text, { name: file.name, bom: true });
    expect(actual.report.source).toEqual(expected.report.source);
    expect(actual.report).toEqual(expected.report);
  });
});

describe('parseSync format choice and errors', () => {
  it('forces a format over the extension', async () => {
    const file = (await drafts('markdown', 96))[0]!;
    expect(parseSync(file.text, { name: 'draft.txt' }).report.source.format).toBe('text');
    expect(parseSync(file.text, { name: 'draft.txt', format: 'markdown' }).report.source.format).toBe('markdown');
    expect(parseSync(file.text, { name: 'draft.txt', format: 'markdown' }).report).toEqual((await parse(file.text, { name: 'draft.txt', format: 'markdown' })).report);
  });

  it('sniffs HTML without a known extension, as parse() does', async () => {
    const file = (await drafts('html', 97))[0]!;
    expect(parseSync(file.text, { name: 'draft' }).report.source.format).toBe('html');
    expect(parseSync(file.text, { name: 'draft' }).report).toEqual((await parse(file.text, { name: 'draft' })).report);
  });

  it('throws ParseError EMPTY_INPUT for an empty or blank draft', () => {
    for (const text of ['', '  \n\n ']) {
      try {
        parseSync(text, { name: 'a.txt' });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ParseError);
        expect((error as ParseError).code).toBe('EMPTY_INPUT');
      }
    }
  });

  it('throws ParseError BINARY_INPUT for control characters (as parse() does), TOO_LARGE over maxBytes', async () => {
    const binary = '\u0001\u0002\u0003\u0004报告'.repeat(100);
    await expect(parse(binary, { name: 'a.txt' })).rejects.toMatchObject({ code: 'BINARY_INPUT' });
    expect(() => parseSync(binary, { name: 'a.txt' })).toThrowError(expect.objectContaining({ code: 'BINARY_INPUT' }) as Error);
    expect(() => parseSync('二〇二三年度报告', { name: 'a.txt', maxBytes: 4 })).toThrowError(expect.objectContaining({ code: 'TOO_LARGE' }) as Error);
  });

  it('refuses DOCX and PDF names with EslintPluginError UNSUPPORTED_FORMAT', () => {
    for (const name of ['a.docx', 'b.PDF']) {
      try {
        parseSync('text', { name });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(EslintPluginError);
        expect((error as EslintPluginError).code).toBe('UNSUPPORTED_FORMAT');
      }
    }
  });
});
