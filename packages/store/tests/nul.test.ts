import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '@xxgk/parse';
import { generateReport } from '@xxgk/synth';
import type { Report } from '@xxgk/schema';
import type { Store } from '../src/index.js';
import { jsonAnalyzer } from '../src/testing/index.js';
import { testDrivers } from './helpers/drivers.js';

/** A parsed synthetic report and its text with U+0000 written over characters of the text, title, a heading, the agency and a cell. */
async function withNuls(seed: number): Promise<{ report: Report; text: string; nulAt: number[] }> {
  const g = await generateReport({ seed, year: 2022, format: 'text' });
  const parsed = await parse(g.bytes, { name: g.name });
  const report: { -readonly [K in keyof Report]: Report[K] } = structuredClone(parsed.report);
  const text = parsed.text;
  // every 97th character of the text becomes U+0000 (offsets unchanged)
  const nulAt = Array.from({ length: Math.floor(text.length / 97) }, (_, i) => (i + 1) * 97);
  const chars = [...text];
  let nulText = '';
  for (let i = 0, offset = 0; i < chars.length; i += 1) {
    const ch = chars[i] as string;
    nulText += nulAt.includes(offset) && ch.length === 1 ? '\u0000' : ch;
    offset += ch.length;
  }
  report.title = `${report.title.slice(0, 3)}\u0000${report.title.slice(4)}`;
  report.agency = { ...report.agency, name: `${report.agency.name}\u0000` };
  const first = report.sections[0];
  if (!first) throw new Error('the synthetic report has no section');
  report.sections = [{ ...first, heading: `\u0000${first.heading}` }, ...report.sections.slice(1)];
  const total = report.applications?.newReceived.total;
  if (!report.applications || typeof total !== 'object' || total === null) throw new Error('the parsed report has no application table');
  {
    report.applications = { ...report.applications, newReceived: { ...report.applications.newReceived, total: { ...total, raw: `${total.raw}\u0000` } } };
  }
  return { report, text: nulText, nulAt: nulAt.filter((o) => nulText[o] === '\u0000') };
}

describe.each(testDrivers())('U+0000 in a Report ($name)', (driver) => {
  let store: Store;
  beforeAll(async () => {
    store = await driver.open();
  });
  afterAll(async () => {
    await store.close();
    await driver.cleanup();
  });

  it('ingests a Report and text containing U+0000, storing U+FFFD in its place with every offset kept', async () => {
    const { report, text, nulAt } = await withNuls(11);
    expect(nulAt.length).toBeGreaterThan(10);
    const result = await store.ingest({ report, text });
    expect(result.status).toBe('inserted');
    const [stored] = await store.getReports([result.reportId]);
    if (!stored) throw new Error('not stored');
    const json = JSON.stringify(stored.report);
    expect(json).not.toContain('\\u0000');
    expect(stored.report.title).toBe(`${report.title.slice(0, 3)}\ufffd${report.title.slice(4)}`);
    expect(stored.report.sections[0]?.heading).toBe(report.sections[0]?.heading.replace('\u0000', '\ufffd'));
    expect(JSON.stringify(stored.report.applications?.newReceived.total)).toContain('\ufffd');
    // the agency is stored under the cleaned name
    expect(stored.report.agency.name.endsWith('\ufffd')).toBe(true);
    // the findings were computed on the cleaned report and are readable
    expect(result.findings.every((f) => !f.message.includes('\u0000'))).toBe(true);
    // the same input again is the same report
    const again = await store.ingest({ report, text });
    expect(again.status).toBe('unchanged');
    expect(again.reportId).toBe(result.reportId);
  });

  it('ingests a JSON document whose Report has U+0000 (parser-supplied) without a database error', async () => {
    const { report } = await withNuls(12);
    const json = JSON.stringify({ ...report, agency: { ...report.agency, name: '测\u0000试县人民政府' } });
    expect(json).toContain('\\u0000');
    const other = await driver.open({ analyzer: jsonAnalyzer });
    try {
      const result = await other.ingest(json, { name: 'a.json' });
      const [stored] = await other.getReports([result.reportId]);
      expect(stored?.report.agency.name).toBe('测\ufffd试县人民政府');
      const agencies = await other.findAgencies({ limit: 10 });
      expect(agencies.map((a) => a.name)).toContain('测\ufffd试县人民政府');
    } finally {
      await other.close();
    }
  });

  it('imports Reports containing U+0000 in bulk', async () => {
    const { report, text } = await withNuls(13);
    const result = await store.importReports([{ report: { ...report, agency: { ...report.agency, name: '导入\u0000县人民政府' } }, text }]);
    expect(result.inserted).toBe(1);
    const agencies = await store.findAgencies({ filter: { name: '导入' }, limit: 10 });
    expect(agencies.map((a) => a.name)).toEqual(['导入\ufffd县人民政府']);
  });
});
