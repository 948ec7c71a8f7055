import { cellValue } from '@xxgk/schema';
import { describe, expect, it } from 'vitest';
import { SynthError, generateConsecutive, renderSync } from '../src/index.js';

describe('generateConsecutive', () => {
  const pair = generateConsecutive({ seed: 8, year: 2024, copiedParagraphs: 4 });
  const a = renderSync(pair.base, 'text').text ?? '';
  const b = renderSync(pair.other, 'text').text ?? '';

  it('gives two reports of one agency in consecutive years, carried over', () => {
    expect(pair.base.agency).toEqual(pair.other.agency);
    expect([pair.base.year, pair.other.year]).toEqual([2023, 2024]);
    expect(pair.base.truth.title).toContain('2023年');
    expect(pair.other.truth.title).toContain('2024年');
    const forward = pair.base.truth.applications?.carriedForward;
    const over = pair.other.truth.applications?.carriedOver;
    for (const column of ['naturalPerson', 'commercial', 'total'] as const) expect(cellValue(over?.[column])).toBe(cellValue(forward?.[column]));
  });

  it('puts the copied paragraphs word for word at the offsets it states, at other places', () => {
    expect(pair.expected.copiedParagraphs).toHaveLength(4);
    for (const p of pair.expected.copiedParagraphs) {
      expect(b.slice(p.other[0], p.other[1])).toBe(p.text);
      expect(a.slice(p.base[0], p.base[1])).toBe(p.text);
    }
    // Moved: listed in B's order, they are not in A's.
    const bOrder = pair.expected.copiedParagraphs.map((p) => p.other[0]);
    const aOrder = pair.expected.copiedParagraphs.map((p) => p.base[0]);
    expect(bOrder).toEqual([...bOrder].sort((x, y) => x - y));
    expect(aOrder).not.toEqual([...aOrder].sort((x, y) => x - y));
  });

  it('writes every other narrative paragraph anew (none of them is in last year’s text)', () => {
    const copied = new Set(pair.expected.copiedParagraphs.map((p) => p.text));
    const narrative = pair.other.document.blocks.filter(
      (blk) => blk.type === 'paragraph' && blk.role === undefined && !blk.runs.some((r) => r.anchor !== undefined),
    );
    expect(narrative.length).toBeGreaterThan(4);
    for (const blk of narrative) {
      if (blk.type !== 'paragraph') continue;
      const text = blk.runs.map((r) => r.text).join('');
      if (!copied.has(text)) expect(a).not.toContain(text);
    }
  });

  it('states the expected share: the copied paragraphs plus the stock wording, no more', () => {
    const e = pair.expected;
    expect(e.copiedParagraphShare).toBeCloseTo(e.copiedParagraphChars / e.proseChars, 12);
    expect(e.share).toBeGreaterThan(e.copiedParagraphShare);
    expect(e.share).toBeLessThan(e.copiedParagraphShare + 0.2);
    const none = generateConsecutive({ seed: 8, year: 2024, copiedParagraphs: 0 }).expected;
    expect([none.copiedParagraphs.length, none.copiedParagraphChars]).toEqual([0, 0]);
    expect(none.share).toBeLessThan(0.2);
  });

  it('lists every template figure of both with its change', () => {
    expect(pair.expected.figures.length).toBeGreaterThan(100);
    const newReceived = pair.expected.figures.find((f) => f.path === 'applications.newReceived.total')!;
    expect(newReceived.before).toBe(cellValue(pair.base.truth.applications?.newReceived.total));
    expect(newReceived.after).toBe(cellValue(pair.other.truth.applications?.newReceived.total));
    expect(newReceived.delta).toBe(newReceived.after! - newReceived.before!);
  });

  it('is deterministic and refuses impossible options', () => {
    expect(generateConsecutive({ seed: 8, year: 2024, copiedParagraphs: 4 }).expected).toEqual(pair.expected);
    expect(() => generateConsecutive({ seed: 8, year: 2024, copiedParagraphs: 99 })).toThrow(SynthError);
    expect(() => generateConsecutive({ seed: 8, year: 2008, copiedParagraphs: 1 })).toThrow(/year/);
    expect(() => generateConsecutive({ seed: 8, year: 2024, copiedParagraphs: -1 })).toThrow(SynthError);
  });
});
