import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateConsecutive, renderSync } from '@xxgk/synth';
import { openBrowser, startTestServer } from './support.js';
import type { TestServer } from './support.js';

const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url));

/** Two consecutive reports of one agency: 4 of the 2023 report's paragraphs reappear (moved) in 2024's. */
const pair = generateConsecutive({ seed: 8, year: 2024, copiedParagraphs: 4 });
const files = [renderSync(pair.base, 'text'), renderSync(pair.other, 'text')];
const agency = pair.other.agency.name;

/** How the page writes a figure and its change. */
const shown = (n: number | null) => (n === null ? '—' : String(n));

describe('the 年度对比 view in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      // Ingested as `xxgk ingest` does: parsed, linted (copied-text against last year's text), stored.
      populate: async (store) => {
        for (const f of files) expect((await store.ingest(f.bytes, { name: f.name })).status).toBe('inserted');
      },
    });
    ({ browser, page, errors: pageErrors } = await openBrowser({ height: 900 }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function compare(fields: Record<string, string>): Promise<string> {
    for (const id of ['#compare-agency', '#compare-year', '#compare-base-year', '#compare-id', '#compare-base-id']) await page.fill(id, fields[id] ?? '');
    await page.evaluate(() => delete document.querySelector<HTMLElement>('#view-compare')?.dataset.state);
    await page.click('#compare-form button[type="submit"]');
    await page.waitForSelector('#view-compare[data-state="done"], #view-compare[data-state="error"]', { timeout: 60_000 });
    return (await page.getAttribute('#view-compare', 'data-state')) ?? '';
  }

  it('shows every figure with its change, the sections added and removed, and the copied paragraphs', async () => {
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('[data-tab="compare"]');
    expect(await page.isVisible('#view-compare')).toBe(true);
    expect(page.url()).toMatch(/#compare$/);

    expect(await compare({ '#compare-agency': agency, '#compare-year': '2024' })).toBe('done');
    expect(await page.textContent('#compare-title')).toBe(`${pair.other.truth.title} 对比 ${pair.base.truth.title}`);

    // Every template figure: before, after and change as the generator made them; changes highlighted.
    const rows = await page.locator('#compare-figures tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        path: (tr as HTMLElement).dataset.path ?? '',
        changed: tr.classList.contains('changed'),
        cells: [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent ?? ''),
      })),
    );
    expect(rows.map((r) => r.path)).toEqual(pair.expected.figures.map((f) => f.path));
    rows.forEach((row, i) => {
      const f = pair.expected.figures[i]!;
      expect(row.cells.slice(1, 3), f.path).toEqual([shown(f.before), shown(f.after)]);
      // The change as written (+3, −2, 0; money to 2 decimals).
      if (f.delta === null) expect(row.cells[3], f.path).toBe('');
      else expect(Number(row.cells[3]!.replace('−', '-')), f.path).toBeCloseTo(f.delta, 2);
      expect(row.changed, f.path).toBe(f.before !== f.after);
    });
    expect(rows.some((r) => r.changed)).toBe(true);
    const newReceived = rows.find((r) => r.path === 'applications.newReceived.total')!;
    expect(newReceived.cells[0]).toBe('一、本年新收政府信息公开申请数量 / 总计');

    // Only the changed ones, on request.
    await page.check('#compare-changed-only');
    expect(await page.locator('#compare-figures tbody tr').count()).toBe(pair.expected.figures.filter((f) => f.before !== f.after).length);
    await page.uncheck('#compare-changed-only');

    // The copied share and the copied paragraphs (the known ones copied whole, highlighted).
    const share = Number(await page.getAttribute('#compare-share', 'data-share'));
    expect(Math.abs(share - pair.expected.share)).toBeLessThan(0.035);
    expect(await page.textContent('#compare-share strong')).toBe(`${Math.round(share * 100)}%`);
    const whole = await page.locator('#compare-copied mark.whole').allTextContents();
    for (const p of pair.expected.copiedParagraphs) expect(whole).toContain(p.text);
    // Any other paragraph marked as copied whole stands word for word in last year's text (a stock sentence).
    for (const t of whole) expect(files[0]!.text, t).toContain(t.replace(/^[\s\u3000]+/, ''));

    // Sections: both lists are shown (template sections match by kind; drawn subsection headings may differ).
    expect(await page.locator('#compare-sections h3').allTextContents()).toEqual([
      expect.stringMatching(/^新增章节（\d+）$/),
      expect.stringMatching(/^删除章节（\d+）$/),
    ]);

    await mkdir(RESULTS, { recursive: true });
    await writeFile(join(RESULTS, 'compare-page.png'), await page.screenshot({ type: 'png', fullPage: true }));
    expect(pageErrors).toEqual([]);
  });

  it('compares two reports given by id, and says when there is nothing to compare with', async () => {
    const ids = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ reports(first: 10, orderBy: { field: YEAR, direction: ASC }) { edges { node { id year } } } }' }),
      });
      const body = (await response.json()) as { data: { reports: { edges: { node: { id: string; year: number } }[] } } };
      return body.data.reports.edges.map((e) => e.node);
    });
    const [first, second] = ids;
    // The later one compared with itself: everything copied, nothing changed.
    expect(await compare({ '#compare-id': second!.id, '#compare-base-id': second!.id })).toBe('done');
    expect(Number(await page.getAttribute('#compare-share', 'data-share'))).toBe(1);
    expect(await page.locator('#compare-figures tbody tr.changed').count()).toBe(0);
    // The 2023 report has no 2022 report to compare with.
    expect(await compare({ '#compare-id': first!.id })).toBe('error');
    expect(await page.textContent('#compare-status')).toContain('没有可对比的上一年度报告');
    expect(pageErrors).toEqual([]);
  });
});
