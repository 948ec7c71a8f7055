import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellValue } from '@xxgk/schema';
import type { Report } from '@xxgk/schema';
import { StoreError, openStore } from '../src/index.js';
import type { IngestResult, Store } from '../src/index.js';

const root = process.env.XXGK_CORPUS_DIR ?? resolve(fileURLToPath(new URL('../../..', import.meta.url)), '../shared');

async function documents(): Promise<string[]> {
  const out: string[] = [];
  for (const dir of ['seeds', 'corpus']) {
    for (const name of (await readdir(join(root, dir))).sort()) {
      if (/\.(txt|md|html|docx|pdf)$/.test(name) && name !== 'README.md') out.push(join(dir, name));
    }
  }
  return out;
}

describe('ingest of the real seeds and corpus (default parse + lint)', () => {
  let store: Store;
  let files: string[];
  const results = new Map<string, IngestResult | StoreError>();
  beforeAll(async () => {
    store = await openStore({ inMemory: true });
    files = await documents();
    for (const file of files) {
      const bytes = new Uint8Array(await readFile(join(root, file)));
      try {
        results.set(file, await store.ingest(bytes, { name: file.split('/').pop() as string }));
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        results.set(file, error);
      }
    }
  }, 300_000);
  afterAll(async () => {
    await store.close();
  });

  it('stores every readable document once, with its findings, and fails the rest with a code', async () => {
    const stored = [...results.values()].filter((r): r is IngestResult => !(r instanceof StoreError));
    for (const r of results.values()) {
      if (r instanceof StoreError) expect(r.code).toBe('PARSE_FAILED');
    }
    expect(stored.length).toBeGreaterThanOrEqual(files.length - 2);
    expect(await store.countReports()).toBe(new Set(stored.map((r) => r.reportId)).size);
    const [findings = []] = await store.findingsByReport([stored[0]?.reportId ?? -1]);
    // read back from the findings table: the same findings, each with its row id and report
    expect(findings.map(({ id: _id, reportId: _report, ...finding }) => finding)).toEqual(stored[0]?.findings);
    expect(new Set(findings.map((f) => f.reportId))).toEqual(new Set([stored[0]?.reportId]));
  });

  it('matches one agency across years (pingtan-zone 2019, 2021, 2023)', () => {
    const ids = ['2019', '2021', '2023'].map((y) => {
      const r = results.get(`corpus/pingtan-zone_${y}.txt`);
      return r instanceof StoreError ? undefined : r?.agencyId;
    });
    expect(ids[0]).toBeDefined();
    expect(new Set(ids).size).toBe(1);
  });

  it('is idempotent on real documents', async () => {
    for (const file of files) {
      if (results.get(file) instanceof StoreError) continue;
      const again = await store.ingest(new Uint8Array(await readFile(join(root, file))), { name: file.split('/').pop() as string });
      expect(again.status, file).toBe('unchanged');
    }
  });

  it('keeps the figures the expected files give', async () => {
    for (const file of files.filter((f) => f.startsWith('corpus/'))) {
      const base = file.replace(/\.[a-z]+$/, '');
      let expected: Report;
      try {
        expected = JSON.parse(await readFile(join(root, `${base}.expected.json`), 'utf8')) as Report;
      } catch {
        continue;
      }
      const result = results.get(file);
      if (!result || result instanceof StoreError) continue;
      const [stored] = await store.getReports([result.reportId]);
      expect(stored?.year, file).toBe(expected.year);
      const want = cellValue(expected.applications?.newReceived.total);
      if (want !== null && want !== undefined) {
        const cells = await store.cellValues([result.reportId], ['applications.newReceived.total']);
        expect(cells.get(result.reportId)?.get('applications.newReceived.total')?.value, file).toBe(want);
      }
    }
  });
});
