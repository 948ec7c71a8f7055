import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRegion, renderSync } from '@xxgk/synth';
import type { ExpectedPublication } from '@xxgk/synth';
import { openBrowser, startTestServer } from './support.js';
import type { TestServer } from './support.js';
import { readCsv } from './read-csv.js';

const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url));
const YEAR = 2024;
const region = generateRegion({ seed: 23, regionCode: '5301', years: [2023, YEAR], agencies: 10, missing: 3, late: 3, workSummary: 2, undated: 1, outside: 2 });
const expectedYear = region.coverage.filter((p) => p.year === YEAR);

const STATUS: Record<ExpectedPublication['status'], string> = { ON_TIME: '按时公开', LATE: '逾期公开', MISSING: '未公开', UNDATED: '未注明日期' };
const LEVEL: Record<string, string> = { provincial: '省级', prefectural: '市级', county: '县级', township: '乡镇级' };
const KIND: Record<string, string> = { government: '人民政府', department: '部门', other: '其他机关' };
const kindOf = (a: ExpectedPublication['agency']) => `${LEVEL[a.level ?? ''] ?? ''}${KIND[a.kind ?? ''] ?? '未知'}`;
const titles = new Map(region.reports.map((m) => [m.truth.id, m.truth.title]));

/** What the table row of an expected record reads. */
function tableRow(p: ExpectedPublication): string[] {
  return [
    p.agency.name,
    kindOf(p.agency),
    STATUS[p.status],
    p.deadline,
    p.publishedOn ?? '—',
    p.daysLate === null ? '' : String(p.daysLate),
    p.status === 'MISSING' ? '' : p.workSummary ? '是' : '否',
  ];
}

const byName = (a: readonly string[], b: readonly string[]) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : (a[0] ?? '') > (b[0] ?? '') ? 1 : 0);

describe('the coverage view in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      // The region's documents, linted by the real linter (so 工作总结 are also document-kind findings).
      populate: async (store) => {
        const result = await store.importReports(region.reports.map((m) => ({ report: m.truth, text: renderSync(m, 'text').text ?? '' })));
        expect(result.inserted).toBe(region.reports.length);
      },
    });
    ({ browser, page, errors: pageErrors } = await openBrowser({ acceptDownloads: true }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function show(regionCode: string, only = ''): Promise<string[][]> {
    await page.fill('#coverage-region', regionCode);
    await page.fill('#coverage-year', String(YEAR));
    await page.selectOption('#coverage-only', only);
    await page.evaluate(() => delete document.querySelector<HTMLElement>('#view-coverage')?.dataset.state);
    await page.click('#coverage-form button[type="submit"]');
    await page.waitForSelector('#view-coverage[data-state="done"], #view-coverage[data-state="error"]', { timeout: 60_000 });
    expect(await page.getAttribute('#view-coverage', 'data-state')).toBe('done');
    return page.locator('#coverage-table tbody tr').evaluateAll((rows) =>
      rows.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent ?? '')),
    );
  }

  it('shows who published on time, late, undated, as a 工作总结 or not at all, and exports it as CSV', async () => {
    // The plan puts each kind of record into the year shown.
    for (const s of ['MISSING', 'LATE', 'ON_TIME'] as const) expect(expectedYear.some((p) => p.status === s), s).toBe(true);
    expect(expectedYear.some((p) => p.workSummary)).toBe(true);

    await page.goto(`${server.origin}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('[data-tab="coverage"]');
    expect(await page.isVisible('#view-coverage')).toBe(true);
    expect(await page.isHidden('#view-lint')).toBe(true);
    expect(page.url()).toMatch(/#coverage$/);

    const rows = await show(region.regionCode);
    expect([...rows].sort(byName)).toEqual(expectedYear.map(tableRow).sort(byName));
    const status = await page.textContent('#coverage-status');
    const n = (s: string) => expectedYear.filter((p) => p.status === s).length;
    expect(status).toContain(`共 ${region.agencies.length} 个机关`);
    expect(status).toContain(`逾期 ${n('LATE')}`);
    expect(status).toContain(`未公开 ${n('MISSING')}`);
    // The neighbouring region's agencies are not listed.
    for (const a of region.outside) expect(rows.some((r) => r[0] === a.name)).toBe(false);
    // Missing rows are marked.
    expect(await page.locator('#coverage-table tr[data-status="MISSING"] td.status-missing').count()).toBe(n('MISSING'));

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#coverage-export')]);
    expect(download.suggestedFilename()).toBe(`覆盖情况-${region.regionCode}-${YEAR}.csv`);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const csv = readCsv(text);
    expect(csv[0]).toEqual(['地区代码', '机关', '类别', '年度', '状态', '截止日期', '发布日期', '逾期天数', '工作总结', '报告标题']);
    const want = expectedYear.map((p) => [
      p.agency.region?.code ?? '',
      p.agency.name,
      kindOf(p.agency),
      String(YEAR),
      STATUS[p.status],
      p.deadline,
      p.publishedOn ?? '',
      p.daysLate === null ? '' : String(p.daysLate),
      p.status === 'MISSING' ? '' : p.workSummary ? '是' : '否',
      p.reportId === null ? '' : (titles.get(p.reportId) ?? '?'),
    ]);
    const key = (r: readonly string[]) => r[1] ?? '';
    expect(csv.slice(1).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))).toEqual(
      want.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
    );

    await mkdir(RESULTS, { recursive: true });
    await writeFile(join(RESULTS, 'coverage-page.png'), await page.screenshot({ type: 'png' }));
    expect(pageErrors).toEqual([]);
  });

  it('narrows to the agencies that did not publish, or filed a 工作总结', async () => {
    const missing = await show(region.regionCode, 'missingReportFor');
    expect(missing.map((r) => r[0]).sort()).toEqual(expectedYear.filter((p) => p.status === 'MISSING').map((p) => p.agency.name).sort());
    expect(missing.every((r) => r[2] === '未公开')).toBe(true);
    const summaries = await show(region.regionCode, 'workSummaryFor');
    expect(summaries.map((r) => r[0]).sort()).toEqual(expectedYear.filter((p) => p.workSummary).map((p) => p.agency.name).sort());
    expect(summaries.every((r) => r[6] === '是')).toBe(true);
    // The whole country: the neighbours appear too.
    const all = await show('');
    expect(all).toHaveLength(region.agencies.length + region.outside.length);
    expect(pageErrors).toEqual([]);
  });
});
