import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultAnalyzer, openStore } from '@xxgk/store';
import type { Store } from '@xxgk/store';
import { createGateway } from '../src/yoga.js';
import type { Gateway } from '../src/yoga.js';

const root = process.env.XXGK_CORPUS_DIR ?? resolve(fileURLToPath(new URL('../../..', import.meta.url)), '../shared');

describe('lintDraft and ingestReport on real documents (default parse + lint)', () => {
  let store: Store;
  let gateway: Gateway;
  beforeAll(async () => {
    const analyzer = createDefaultAnalyzer();
    store = await openStore({ inMemory: true, analyzer });
    gateway = createGateway({ store, analyzer, apiTokens: ['t'] });
  }, 120_000);
  afterAll(async () => {
    await store.close();
  });

  async function post(body: FormData | string, headers: Record<string, string> = {}): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
    const response = await gateway.fetch('http://localhost/graphql', { method: 'POST', body, headers });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  }

  it('finds the seed’s template residue and mojibake in an uploaded file, like the CLI', async () => {
    const body = new FormData();
    body.set('operations', JSON.stringify({
      query: 'query ($input: LintDraftInput!) { lintDraft(input: $input) { filePath errorCount warningCount messages { ruleId severity line column } } }',
      variables: { input: { file: null } },
    }));
    body.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
    body.set('0', new File([await readFile(join(root, 'seeds', '001_f2e2464724e2d28a.txt'))], '001.txt'));
    const res = await post(body);
    expect(res.errors).toBeUndefined();
    const result = res.data?.lintDraft as { filePath: string; errorCount: number; warningCount: number; messages: { ruleId: string; severity: number; line: number }[] };
    expect(result.filePath).toBe('001.txt');
    const rules = new Set(result.messages.map((m) => m.ruleId));
    for (const rule of ['placeholder', 'garbled-text', 'subtotal-exceeds-total', 'multiple-documents']) expect(rules).toContain(rule);
    expect(result.errorCount).toBe(result.messages.filter((m) => m.severity === 2).length);
    expect(result.messages.every((m) => m.line >= 1)).toBe(true);
    expect(await store.countReports()).toBe(0);
  });

  it('ingests a real report through the API and serves its tables', async () => {
    const text = await readFile(join(root, 'corpus', 'pingtan-zone_2021.txt'), 'utf8');
    const ingest = await post(
      JSON.stringify({
        query: 'mutation ($input: IngestReportInput!) { ingestReport(input: $input) { status report { id year template applications { newReceived { total { value raw } } } } } }',
        variables: { input: { text, name: 'pingtan-zone_2021.txt' } },
      }),
      { 'content-type': 'application/json', authorization: 'Bearer t' },
    );
    expect(ingest.errors).toBeUndefined();
    const payload = ingest.data?.ingestReport as { status: string; report: { year: number; template: string; applications: { newReceived: { total: { value: number; raw: string } } } } };
    expect(payload.status).toBe('INSERTED');
    expect(payload.report).toMatchObject({ year: 2021, template: 'NATIONAL_2021' });
    expect(payload.report.applications.newReceived.total.raw).toBe(String(payload.report.applications.newReceived.total.value));
  });
});
