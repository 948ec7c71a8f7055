import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@xxgk/store';
import type { Store, StoreOptions } from '@xxgk/store';
import { buildReport, jsonAnalyzer } from '@xxgk/store/testing';
import { run } from '../src/commands/ingest.js';
import { memoryIo } from '../src/io.js';

const agency = { name: '云阳县人民政府', level: 'county' as const, kind: 'government' as const, region: { code: '510235' } };

describe('xxgk ingest', () => {
  let dir: string;
  let dataDir: string;
  // Documents here are Reports serialised as JSON, read by a stand-in parser.
  const open = (options: StoreOptions): Promise<Store> => openStore({ ...options, analyzer: jsonAnalyzer });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xxgk-ingest-'));
    dataDir = join(dir, 'data');
    await mkdir(join(dir, 'reports', '2023'), { recursive: true });
    await writeFile(join(dir, 'reports', '2022.txt'), JSON.stringify(buildReport({ seed: 1, agency, year: 2022 })));
    await writeFile(join(dir, 'reports', '2023', 'a.txt'), JSON.stringify(buildReport({ seed: 2, agency, year: 2023 })));
    await writeFile(join(dir, 'reports', '2023', 'notes.xlsx'), 'not a report, skipped in folders');
    await writeFile(join(dir, 'empty.txt'), '');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores every document of a folder and prints a summary', async () => {
    const io = memoryIo({ cwd: dir });
    const code = await run(['--data-dir', 'data', 'reports'], io, { openStore: open });
    expect(io.err).toBe('');
    expect(io.out).toMatch(/^ingested 2 \(2 new, 0 updated\), unchanged 0, failed 0 — 2 files in \d+\.\d s\n$/);
    expect(code).toBe(0);
    const store = await open({ dataDir });
    try {
      expect(await store.countReports()).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('is idempotent and reports failures with their reasons', async () => {
    const io = memoryIo({ cwd: dir });
    const code = await run(['reports', 'empty.txt', 'missing.txt'], io, {
      openStore: (options) => open({ ...options, dataDir }),
    });
    expect(code).toBe(1);
    expect(io.out).toContain('ingested 0 (0 new, 0 updated), unchanged 2, failed 2');
    expect(io.out).toContain('  failed empty.txt: EMPTY_INPUT: the document is empty\n');
    expect(io.out).toContain('  failed missing.txt: no such file or folder\n');
  });

  it('shows a progress bar on a terminal', async () => {
    const io = { ...memoryIo({ cwd: dir }), isTTY: true };
    let err = '';
    io.stderr = (text: string) => {
      err += text;
    };
    await run(['reports'], io, { openStore: (options) => open({ ...options, dataDir }) });
    expect(err).toContain('[------------------------] 0/2 reports/2022.txt');
    expect(err).toContain('[########################] 2/2');
  });

  it('rejects bad usage with exit code 2', async () => {
    const io = memoryIo({ cwd: dir });
    expect(await run([], io, { openStore: open })).toBe(2);
    expect(io.err).toContain('missing PATHS');
    expect(await run(['--frobnicate', 'x'], memoryIo(), { openStore: open })).toBe(2);
  });
});
