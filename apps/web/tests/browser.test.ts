import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '@xxgk/synth';
import type { GeneratedReport } from '@xxgk/synth';
import { lineStarts, offsetOf } from '../src/client/positions.js';
import { openBrowser, startTestServer } from './support.js';
import type { TestServer } from './support.js';

const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url));

interface Finding {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number | null;
  endColumn: number | null;
}

/** Mean and variance of the screenshot's pixels, decoded by the browser itself (a blank page has ~0 variance). */
async function pixelStats(page: Page, png: Buffer): Promise<{ width: number; height: number; mean: number; variance: number; colours: number }> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(image, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    let sumSq = 0;
    const colours = new Set<number>();
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const grey = 0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0);
      sum += grey;
      sumSq += grey * grey;
      if (colours.size < 5000) colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    }
    const mean = sum / n;
    return { width: canvas.width, height: canvas.height, mean, variance: sumSq / n - mean * mean, colours: colours.size };
  }, png.toString('base64'));
}

describe('the editors’ page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let report: GeneratedReport;
  let tmp: string;
  let requests: string[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    [server, report, tmp] = await Promise.all([
      startTestServer(),
      generateReport({ seed: 11, year: 2023, format: 'html', defect: 'table-sum' }),
      mkdtemp(join(tmpdir(), 'xxgk-web-upload-')),
    ]);
    ({ browser, page, errors: pageErrors, requests } = await openBrowser());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('uploads a report with a broken 表四 total, marks the cell, and flashes it when the finding is clicked', async () => {
    const file = join(tmp, report.name);
    await writeFile(file, report.bytes);
    const html = report.text ?? '';
    const review = report.truth.reviewLitigation?.review;
    expect(review).toBeDefined();
    const value = (v: unknown): number => (typeof v === 'number' ? v : ((v as { value?: number | null } | null | undefined)?.value ?? 0));
    const total = value(review?.total);
    const parts = value(review?.upheld) + value(review?.corrected) + value(review?.other) + value(review?.pending);
    expect(parts).not.toBe(total);

    await page.goto(`${server.origin}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.setInputFiles('#file', file);
    await page.waitForSelector('body[data-state="done"], body[data-state="error"]', { timeout: 60_000 });
    expect(await page.textContent('#status')).toContain('1 个错误');

    // The finding as the gateway gives it, placed in the uploaded source.
    const item = page.locator('.finding', { has: page.locator('code.rule', { hasText: /^table-sum$/ }) });
    await expect.poll(() => item.count()).toBe(1);
    const index = Number(await item.getAttribute('data-index'));
    const lint = (await (
      await server.gateway.fetch(`${server.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query($t: String!, $n: String) { lintDraft(input: { text: $t, name: $n }) { messages { ruleId severity message line column endLine endColumn } } }',
          variables: { t: html, n: report.name },
        }),
      })
    ).json()) as { data: { lintDraft: { messages: Finding[] } } };
    const finding = lint.data.lintDraft.messages[index];
    expect(finding?.ruleId).toBe('table-sum');
    const offset = offsetOf(html, lineStarts(html), finding?.line ?? 0, finding?.column ?? 0);

    // Exactly one flagged cell, in 表四, the one the finding points at, with the total as written and the sum expected.
    const flagged = page.locator('td.cell-flag');
    expect(await flagged.count()).toBe(1);
    const start = Number(await flagged.getAttribute('data-start'));
    const end = Number(await flagged.getAttribute('data-end'));
    expect(start).toBeLessThanOrEqual(offset);
    expect(end).toBeGreaterThan(offset);
    expect(await flagged.evaluate((td) => td.closest('figure')?.dataset.table)).toBe('4');
    expect(await flagged.locator('mark.hl.sev-2').textContent()).toBe(String(total));
    expect(await flagged.locator('.expected').textContent()).toBe(`应为 ${parts}`);

    // Summary from the title and the table heads.
    const summary = await page.textContent('#summary');
    expect(summary).toContain('2023 年');
    expect(summary).toContain('2021 版格式');
    expect(summary).toContain(report.truth.agency.name);

    // Scroll away, click the finding: the cell comes back into view and flashes.
    await page.locator('#document').evaluate((d) => d.scrollTo(0, 0));
    const before = await flagged.boundingBox();
    await item.click();
    await expect.poll(() => flagged.evaluate((td) => td.classList.contains('flash'))).toBe(true);
    await expect.poll(() => item.evaluate((li) => li.classList.contains('selected'))).toBe(true);
    await expect
      .poll(async () => {
        const box = await flagged.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= 768;
      })
      .toBe(true);
    expect((await flagged.boundingBox())?.y).not.toBe(before?.y);

    const png = await page.screenshot({ type: 'png' });
    await mkdir(RESULTS, { recursive: true });
    await writeFile(join(RESULTS, 'lint-page.png'), png);
    expect(png.byteLength).toBeGreaterThan(20_000);
    const stats = await pixelStats(page, png);
    expect(stats.width).toBe(1366);
    expect(stats.variance).toBeGreaterThan(200);
    expect(stats.colours).toBeGreaterThan(50);

    expect(requests.every((url) => url.startsWith(`${server.origin}/`) || url.startsWith('data:'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('lints pasted plain text and marks the cell in the text table', async () => {
    const draft = await generateReport({ seed: 12, year: 2023, format: 'text', defect: 'table-sum' });
    const text = draft.text ?? '';
    const review = draft.truth.reviewLitigation?.review;
    const value = (v: unknown): number => (typeof v === 'number' ? v : ((v as { value?: number | null } | null | undefined)?.value ?? 0));
    const parts = value(review?.upheld) + value(review?.corrected) + value(review?.other) + value(review?.pending);
    await page.fill('#draft', text);
    await page.evaluate(() => delete document.body.dataset.state);
    await page.click('#check');
    await page.waitForSelector('body[data-state="done"], body[data-state="error"]', { timeout: 60_000 });
    expect(await page.getAttribute('body', 'data-state')).toBe('done');
    expect(await page.textContent('#status')).toContain('粘贴的文本');
    const flagged = page.locator('figure[data-table="4"] td.cell-flag');
    expect(await flagged.count()).toBe(1);
    expect(await flagged.locator('mark').textContent()).toBe(String(value(review?.total)));
    expect(await flagged.locator('.expected').textContent()).toBe(`应为 ${parts}`);
    // The text tables: 表二, 表三 and 表四 are all drawn as tables.
    expect(await page.locator('figure[data-table] table').count()).toBeGreaterThanOrEqual(3);
    await page.locator('.finding', { has: page.locator('code.rule', { hasText: /^table-sum$/ }) }).click();
    await expect.poll(() => flagged.evaluate((td) => td.classList.contains('flash'))).toBe(true);
    await expect
      .poll(async () => {
        const box = await flagged.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= 768;
      })
      .toBe(true);
    await writeFile(join(RESULTS, 'lint-text.png'), await page.screenshot({ type: 'png' }));
    expect(pageErrors).toEqual([]);
  });

  it('takes a Markdown report dropped on the page', async () => {
    const draft = await generateReport({ seed: 13, year: 2022, format: 'markdown', defect: 'table-sum' });
    const review = draft.truth.reviewLitigation?.review;
    const value = (v: unknown): number => (typeof v === 'number' ? v : ((v as { value?: number | null } | null | undefined)?.value ?? 0));
    const parts = value(review?.upheld) + value(review?.corrected) + value(review?.other) + value(review?.pending);
    await page.evaluate(() => delete document.body.dataset.state);
    const dataTransfer = await page.evaluateHandle(
      ({ text, name }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: 'text/markdown' }));
        return dt;
      },
      { text: draft.text ?? '', name: draft.name },
    );
    await page.dispatchEvent('#drop', 'dragover', { dataTransfer });
    expect(await page.locator('#drop.over').count()).toBe(1);
    await page.dispatchEvent('#drop', 'drop', { dataTransfer });
    await page.waitForSelector('body[data-state="done"], body[data-state="error"]', { timeout: 60_000 });
    expect(await page.textContent('#status')).toContain(draft.name);
    const flagged = page.locator('figure[data-table="4"] td.cell-flag');
    expect(await flagged.count()).toBe(1);
    expect(await flagged.locator('mark').textContent()).toBe(String(value(review?.total)));
    expect(await flagged.locator('.expected').textContent()).toBe(`应为 ${parts}`);
    expect(await page.textContent('#summary')).toContain('2022 年');
    expect(pageErrors).toEqual([]);
  });

  it('lists the findings of a DOCX upload, and draws it when the gateway returns its text', async () => {
    const draft = await generateReport({ seed: 14, year: 2023, format: 'docx', defect: 'table-sum' });
    const file = join(tmp, draft.name);
    await writeFile(file, draft.bytes);
    await page.evaluate(() => delete document.body.dataset.state);
    await page.setInputFiles('#file', file);
    await page.waitForSelector('body[data-state="done"], body[data-state="error"]', { timeout: 60_000 });
    expect(await page.getAttribute('body', 'data-state')).toBe('done');
    expect(await page.locator('.finding code.rule', { hasText: /^table-sum$/ }).count()).toBe(1);
    const introspection = (await (
      await server.gateway.fetch(`${server.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __type(name: "LintResult") { fields { name } } }' }),
      })
    ).json()) as { data: { __type: { fields: { name: string }[] } } };
    if (introspection.data.__type.fields.some((f) => f.name === 'text')) {
      // The gateway returns the extracted text: the page draws it and marks the cell.
      expect(await page.locator('figure[data-table="4"] td.cell-flag').count()).toBe(1);
    } else {
      // Without LintResult.text there is no document to draw: the pane says so.
      expect(await page.textContent('#document')).toContain('DOCX/PDF');
    }
    expect(pageErrors).toEqual([]);
  });

  it('says in Chinese when a file cannot be read', async () => {
    const file = join(tmp, 'broken.pdf');
    await writeFile(file, '%PDF-1.7\nnot really a pdf\n');
    await page.evaluate(() => delete document.body.dataset.state);
    await page.setInputFiles('#file', file);
    await page.waitForSelector('body[data-state="done"], body[data-state="error"]', { timeout: 60_000 });
    expect(await page.getAttribute('body', 'data-state')).toBe('error');
    expect(await page.getAttribute('#status', 'data-kind')).toBe('error');
    expect(await page.textContent('#status')).toMatch(/^检查失败：无法读取该文件/);
    expect(pageErrors).toEqual([]);
  });

  it('draws the cross-agency charts from stats', async () => {
    await page.click('[data-tab="stats"]');
    await page.waitForSelector('#charts[data-state="done"], #charts[data-state="error"]', { timeout: 60_000 });
    expect(await page.getAttribute('#charts', 'data-state')).toBe('done');
    const years = await page.locator('#chart-applications rect[data-category]').evaluateAll((rects) => rects.map((r) => r.getAttribute('data-category')));
    expect(years).toEqual(['2021', '2022', '2023']);
    expect(await page.locator('#chart-denied svg').count()).toBe(1);
    const levels = await page.locator('#chart-levels rect[data-category]').count();
    expect(levels).toBeGreaterThan(0);
    const png = await page.screenshot({ type: 'png' });
    await writeFile(join(RESULTS, 'stats-page.png'), png);
    // One province only: fewer reports than the whole country.
    const national = Number((await page.textContent('#stats-status'))?.match(/共 (\d+) 份报告/)?.[1]);
    expect(national).toBe(18);
    const province = await page.locator('#provinces option').first().getAttribute('value');
    expect(province).toMatch(/^\d\d$/);
    await page.evaluate(() => delete document.querySelector<HTMLElement>('#charts')?.dataset.state);
    await page.fill('#region', province ?? '');
    await page.click('#stats-form button[type="submit"]');
    await page.waitForSelector('#charts[data-state="done"]');
    const regional = Number((await page.textContent('#stats-status'))?.match(/共 (\d+) 份报告/)?.[1]);
    expect(regional).toBeGreaterThan(0);
    expect(regional).toBeLessThanOrEqual(national);
    expect(await page.textContent('#chart-applications')).toContain(`地区 ${province}`);
    expect((await pixelStats(page, png)).variance).toBeGreaterThan(100);
    expect(requests.every((url) => url.startsWith(`${server.origin}/`) || url.startsWith('data:'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
