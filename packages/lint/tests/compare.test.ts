import { parse } from '@xxgk/parse';
import { generateConsecutive, renderSync } from '@xxgk/synth';
import type { Section } from '@xxgk/schema';
import type { ConsecutiveReports, ReportModel } from '@xxgk/synth';
import { describe, expect, it } from 'vitest';
import { compareReports, textReuse } from '../src/compare/index.js';
import type { ComparedReport } from '../src/compare/index.js';
import { buildReport, textOf } from '../src/testing/index.js';

/** A generated report as the parser reads it (the text the store keeps). */
async function read(model: ReportModel): Promise<ComparedReport> {
  const rendered = renderSync(model, 'text');
  const { report, text } = await parse(rendered.bytes, { name: rendered.name });
  return { report, text };
}

async function compare(pair: ConsecutiveReports) {
  return compareReports(await read(pair.base), await read(pair.other));
}

describe('compareReports on generated consecutive reports', () => {
  // Pairs of the 2021 template and one across the change of template (2020 → 2021, seed 3).
  const cases = [
    { seed: 1, year: 2024, copiedParagraphs: 3 },
    { seed: 3, year: 2021, copiedParagraphs: 3 },
    { seed: 8, year: 2024, copiedParagraphs: 4 },
    { seed: 4, year: 2024, copiedParagraphs: 0 },
  ] as const;

  it.each(cases)('seed $seed, $copiedParagraphs copied paragraphs: the copied paragraphs, where they stand in both', async (options) => {
    const pair = generateConsecutive(options);
    const comparison = await compare(pair);
    const whole = comparison.reuse.copiedParagraphs.filter((p) => p.share >= 0.99);
    // Every known copied paragraph is found whole, at its place in B, traced to its place in A.
    const expected = pair.expected.copiedParagraphs;
    const found = expected.map((e) => whole.find((p) => p.span.start === e.other[0]));
    expect(found.map((p) => p?.text)).toEqual(expected.map((e) => e.text));
    expect(found.map((p) => p && [p.span.start, p.span.end])).toEqual(expected.map((e) => [...e.other]));
    expect(found.map((p) => p?.sourceSpan && [p.sourceSpan.start, p.sourceSpan.end])).toEqual(expected.map((e) => [...e.base]));
    // Paragraphs copied whole are the known ones only (narrative paragraphs are otherwise all new).
    const narrative = whole.filter((p) => !p.text.includes('《中华人民共和国政府信息公开条例》'));
    expect(narrative.length).toBe(expected.length);
  });

  it.each(cases)('seed $seed, $copiedParagraphs copied paragraphs: the share of B found in A', async (options) => {
    const pair = generateConsecutive(options);
    const { reuse } = await compare(pair);
    // The measured share agrees with a plain substring search over the generator's paragraphs.
    expect(Math.abs(reuse.share - pair.expected.share)).toBeLessThan(0.035);
    expect(Math.abs(reuse.chars - pair.expected.proseChars) / pair.expected.proseChars).toBeLessThan(0.08);
    if (options.copiedParagraphs > 0) expect(reuse.share).toBeGreaterThan(pair.expected.copiedParagraphShare);
  });

  it.each(cases)('seed $seed: every table figure with its change', async (options) => {
    const pair = generateConsecutive(options);
    const comparison = await compare(pair);
    const byPath = new Map(comparison.figures.map((f) => [f.path, f]));
    for (const truth of pair.expected.figures) {
      const figure = byPath.get(truth.path);
      expect(figure, truth.path).toBeDefined();
      expect([figure?.before, figure?.after], truth.path).toEqual([truth.before, truth.after]);
      if (truth.delta === null) expect(figure?.delta, truth.path).toBeNull();
      else expect(figure?.delta, truth.path).toBeCloseTo(truth.delta, 9);
    }
    // 上年结转 of B is A's 结转下年度 (the pair is carry-over consistent).
    const carried = byPath.get('applications.carriedOver.total');
    const forward = pair.base.truth.applications?.carriedForward.total;
    expect(carried?.after).toBe(typeof forward === 'object' && forward !== null ? forward.value : forward);
    expect(comparison.changed.every((f) => f.before !== f.after)).toBe(true);
  });

  it.each(cases)('seed $seed: the sections added and removed', async (options) => {
    const pair = generateConsecutive(options);
    const comparison = await compare(pair);
    // Template sections match by kind (their heading may be worded otherwise from one year to the
    // next); subsections by heading, numbering aside: those drawn differently are added and removed.
    const keys = (sections: readonly Section[]): string[] =>
      sections.flatMap((s) => [s.kind !== 'other' ? s.kind : s.heading.replace(/^[（(][一二三四五六七八九十]+[)）]/, ''), ...keys(s.children)]);
    const key = (s: { kind: string; heading: string }) => (s.kind !== 'other' ? s.kind : s.heading.replace(/^[（(][一二三四五六七八九十]+[)）]/, ''));
    const before = keys(pair.base.truth.sections);
    const after = keys(pair.other.truth.sections);
    expect(comparison.sectionsAdded.map(key)).toEqual(after.filter((h) => !before.includes(h)));
    expect(comparison.sectionsRemoved.map(key)).toEqual(before.filter((h) => !after.includes(h)));
    expect([...comparison.sectionsAdded, ...comparison.sectionsRemoved].every((s) => s.kind === 'other' || s.level > 1)).toBe(true);
  });

  it('the share grows with the number of copied paragraphs', async () => {
    const shares = [];
    for (const n of [0, 2, 4]) shares.push((await compare(generateConsecutive({ seed: 5, year: 2024, copiedParagraphs: n }))).reuse.share);
    expect(shares[0]!).toBeLessThan(shares[1]!);
    expect(shares[1]!).toBeLessThan(shares[2]!);
  });

  it('reports of different agencies share little', async () => {
    const a = await read(generateConsecutive({ seed: 11, year: 2024, copiedParagraphs: 0 }).other);
    const b = await read(generateConsecutive({ seed: 12, year: 2024, copiedParagraphs: 0 }).other);
    const { reuse } = compareReports(a, b);
    expect(reuse.share).toBeLessThan(0.25);
    // At most the formula that opens every report.
    expect(reuse.copiedParagraphs.filter((p) => !p.text.includes('《中华人民共和国政府信息公开条例》'))).toEqual([]);
  });
});

describe('textReuse', () => {
  const base = [
    '一、总体情况',
    '　　2023年，我局坚持以公开为常态、不公开为例外，围绕中心工作扎实推进政府信息公开，全年主动公开政府信息1342条。',
    '　　我局对执法公示平台进行改版，将行政许可、行政处罚的办理流程和结果统一归集，方便群众查询办件情况。',
  ].join('\n');

  it('finds a paragraph that moved, whatever its whitespace and punctuation', () => {
    const other = [
      '　　本年度新建“重点工程进展”专栏，逐月发布在建公路、桥梁项目的投资完成和建设进度情况。',
      '我局对执法公示平台进行改版 将行政许可, 行政处罚的办理流程和结果统一归集; 方便群众查询办件情况',
    ].join('\n');
    const reuse = textReuse(base, other);
    expect(reuse.copiedParagraphs.map((p) => [p.span.line, p.share, p.sourceSpan?.line])).toEqual([[2, 1, 3]]);
    expect(reuse.copiedChars).toBe(reuse.copiedParagraphs[0]!.chars);
    // 。 ends the first paragraph's one sentence; ； splits the second in two.
    expect(reuse.sentences).toBe(3);
    expect(reuse.copiedSentences).toBe(2);
  });

  it('does not count a short stock phrase', () => {
    const other = '　　2024年，本局始终坚持以公开为常态、不公开为例外，新建“重点工程进展”专栏，逐月发布在建公路项目进度。';
    const reuse = textReuse(base, other);
    expect(reuse.copiedChars).toBe(0);
    expect(reuse.copiedParagraphs).toEqual([]);
  });

  it('counts a copied sentence whose figure changed, up to the figure', () => {
    const other = '　　2024年，我局坚持以公开为常态、不公开为例外，围绕中心工作扎实推进政府信息公开，全年主动公开政府信息1502条。';
    const reuse = textReuse(base, other);
    // Everything but 2024 → 2023 and 1502 → 1342 (and the characters around them shorter than a shingle).
    expect(reuse.share).toBeGreaterThan(0.7);
    expect(reuse.share).toBeLessThan(1);
  });

  it('leaves out table rows and headings', () => {
    const report = buildReport();
    const previous = buildReport({ year: 2022 });
    const { reuse } = compareReports({ report: previous, text: textOf(previous) }, { report, text: textOf(report) });
    expect(reuse.copiedParagraphs.some((p) => p.text.includes('\t') || p.text === '一、总体情况')).toBe(false);
    // The preamble, 4 paragraphs of 一, 2 of 五 and 2 of 六 (not the signature or the table rows).
    expect(reuse.paragraphs).toBe(9);
  });
});

describe('compareSections', () => {
  it('lists the sections removed and added, by kind and heading', () => {
    const before = buildReport({ year: 2022 });
    const after = buildReport({ omitSections: ['problems'] });
    const comparison = compareReports({ report: before, text: textOf(before) }, { report: after, text: textOf(after) });
    expect(comparison.sectionsRemoved.map((s) => [s.kind, s.heading])).toEqual([['problems', '五、存在的主要问题及改进情况']]);
    expect(comparison.sectionsAdded).toEqual([]);
    const back = compareReports({ report: after, text: textOf(after) }, { report: before, text: textOf(before) });
    expect(back.sectionsAdded.map((s) => s.kind)).toEqual(['problems']);
  });
});
