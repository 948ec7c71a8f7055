import { createDefaultAnalyzer } from '@xxgk/store';
import { generateConsecutive, renderSync } from '@xxgk/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './helpers/harness.js';
import { testDrivers } from './helpers/harness.js';

/** Two consecutive reports of one agency, 4 paragraphs of last year's copied (moved) into this year's. */
const pair = generateConsecutive({ seed: 8, year: 2024, copiedParagraphs: 4 });
const earlier = renderSync(pair.base, 'text');
const later = renderSync(pair.other, 'text');
/** Another agency's report of the same year. */
const stranger = renderSync(generateConsecutive({ seed: 12, year: 2024, copiedParagraphs: 0 }).other, 'text');

const COMPARISON = /* GraphQL */ `
  query ($id: ID!, $with: ID) {
    report(id: $id) {
      year
      comparison(with: $with) {
        base { id year }
        other { id year }
        figures { path label before after delta relative inBase inOther }
        changed: figures(changedOnly: true) { path }
        sectionsAdded { kind heading level }
        sectionsRemoved { kind heading level }
        copiedShare
        proseChars
        copiedChars
        copiedParagraphs { text share span { start end line } sourceSpan { start end } }
      }
    }
  }
`;

interface FigureJson {
  path: string;
  label: string;
  before: number | null;
  after: number | null;
  delta: number | null;
  relative: number | null;
  inBase: boolean;
  inOther: boolean;
}
interface ComparisonJson {
  base: { id: string; year: number };
  other: { id: string; year: number };
  figures: FigureJson[];
  changed: { path: string }[];
  sectionsAdded: { kind: string; heading: string; level: number }[];
  sectionsRemoved: { kind: string; heading: string; level: number }[];
  copiedShare: number;
  proseChars: number;
  copiedChars: number;
  copiedParagraphs: { text: string; share: number; span: { start: number; end: number; line: number }; sourceSpan: { start: number; end: number } | null }[];
}
interface ReportJson {
  report: { year: number; comparison: ComparisonJson | null } | null;
}

describe.each(testDrivers())('Report.comparison ($name)', (driver) => {
  let h: Harness;
  let earlierId: string;
  let laterId: string;
  let strangerId: string;
  beforeAll(async () => {
    // Texts, parsed and linted as `xxgk ingest` does.
    h = await driver.open({ analyzer: createDefaultAnalyzer() });
    const ids = [];
    for (const file of [earlier, later, stranger]) ids.push((await h.store.ingest(file.bytes, { name: file.name })).reportId);
    const { data } = await h.query<{ reports: { edges: { node: { id: string; year: number; title: string } }[] } }>(
      '{ reports(first: 10, orderBy: { field: YEAR, direction: ASC }) { edges { node { id year title } } } }',
    );
    const byTitle = new Map(data!.reports.edges.map((e) => [e.node.title, e.node.id]));
    earlierId = byTitle.get(pair.base.truth.title)!;
    laterId = byTitle.get(pair.other.truth.title)!;
    strangerId = [...byTitle.values()].find((id) => id !== earlierId && id !== laterId)!;
    expect(ids).toHaveLength(3);
  });
  afterAll(async () => {
    await h.close();
  });

  it('compares with last year’s report of the same agency by default', async () => {
    const { data, errors } = await h.query<ReportJson>(COMPARISON, { id: laterId });
    expect(errors).toBeUndefined();
    const c = data!.report!.comparison!;
    expect([c.base.id, c.base.year, c.other.id, c.other.year]).toEqual([earlierId, 2023, laterId, 2024]);

    // Every figure of the template with the generator's values and change.
    const truth = new Map(pair.expected.figures.map((f) => [f.path, f]));
    expect(c.figures.length).toBe(pair.expected.figures.length);
    for (const f of c.figures) {
      const t = truth.get(f.path)!;
      expect([f.before, f.after], f.path).toEqual([t.before, t.after]);
      if (t.delta === null) expect(f.delta, f.path).toBeNull();
      else expect(f.delta, f.path).toBeCloseTo(t.delta, 9);
      expect([f.inBase, f.inOther]).toEqual([true, true]);
    }
    const newReceived = c.figures.find((f) => f.path === 'applications.newReceived.total')!;
    expect(newReceived.label).toBe('一、本年新收政府信息公开申请数量 / 总计');
    expect(c.changed.map((f) => f.path)).toEqual(c.figures.filter((f) => f.before !== f.after).map((f) => f.path));
    expect(c.changed.length).toBeGreaterThan(0);

    // The copied paragraphs, where they stand in this year's text and last year's.
    const whole = c.copiedParagraphs.filter((p) => p.share >= 0.99);
    const found = pair.expected.copiedParagraphs.map((e) => whole.find((p) => p.span.start === e.other[0]));
    expect(found.map((p) => p && [p.text, p.span.start, p.span.end, p.sourceSpan?.start, p.sourceSpan?.end])).toEqual(
      pair.expected.copiedParagraphs.map((e) => [e.text, e.other[0], e.other[1], e.base[0], e.base[1]]),
    );
    // Any other paragraph copied whole stands word for word in last year's text.
    for (const p of whole) expect(earlier.text, p.text).toContain(p.text);
    expect(Math.abs(c.copiedShare - pair.expected.share)).toBeLessThan(0.035);
    expect(c.copiedChars / c.proseChars).toBeCloseTo(c.copiedShare, 10);
  });

  it('compares with any report given by id, and is null without a previous year', async () => {
    const { data } = await h.query<ReportJson>(COMPARISON, { id: laterId, with: strangerId });
    const c = data!.report!.comparison!;
    expect(c.base.id).toBe(strangerId);
    expect(c.copiedShare).toBeLessThan(0.25);
    // No paragraph copied whole but the formula that opens every report (stock wording around figures
    // may share half a paragraph).
    expect(c.copiedParagraphs.filter((p) => p.share >= 0.9 && !p.text.includes('《中华人民共和国政府信息公开条例》'))).toEqual([]);

    const first = await h.query<ReportJson>(COMPARISON, { id: earlierId });
    expect(first.data!.report).toEqual({ year: 2023, comparison: null });
  });

  it('refuses an id that is not a report’s', async () => {
    const { errors } = await h.query<ReportJson>(COMPARISON, { id: laterId, with: 'not-an-id' });
    expect(errors?.[0]?.extensions?.code).toBe('INVALID_ID');
  });
});
