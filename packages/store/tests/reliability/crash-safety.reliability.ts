import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { dropPostgresSchema, openStore } from '../../src/index.js';
import type { Store } from '../../src/index.js';
import { random as prng } from '../../src/testing/index.js';
import { expectedReports, runChild, verifyStore } from './crash.js';

/**
 * Crash safety: a child process (node + the BUILT @xxgk/store) ingests N generated reports and is
 * SIGKILLed at random points (a random progress line, then 0–40 ms, so inside a transaction too);
 * after every kill the store holds only whole reports, no duplicates, no history; a re-run finishes
 * the job and leaves exactly N reports. Then several processes ingest the same documents at once.
 * Run by `pnpm --filter @xxgk/store test:reliability` (needs `pnpm --filter @xxgk/store build`).
 */

const N = Number(process.env.XXGK_CRASH_REPORTS ?? 45);
const KILLS = Number(process.env.XXGK_CRASH_KILLS ?? 5);
const SEED = Number(process.env.XXGK_CRASH_SEED ?? Date.now() % 1_000_000);
const URL = process.env.XXGK_TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

interface Target {
  readonly name: 'pglite' | 'postgres';
  readonly env: Record<string, string>;
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

function pgliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-crash-'));
  return {
    name: 'pglite',
    env: { XXGK_CHILD_DATA_DIR: dir },
    open: () => openStore({ dataDir: dir }),
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

function postgresTarget(): Target {
  const schema = `xxgk_crash_${randomBytes(6).toString('hex')}`;
  return {
    name: 'postgres',
    env: { XXGK_CHILD_DATABASE_URL: URL, XXGK_CHILD_SCHEMA: schema },
    open: () => openStore({ databaseUrl: URL, schema }),
    cleanup: () => dropPostgresSchema(URL, schema),
  };
}

const figures: string[] = [];
afterAll(() => {
  process.stdout.write(`[crash] seed ${SEED} (replay: XXGK_CRASH_SEED=${SEED})\n${figures.join('\n')}\n`);
});

describe.each([pgliteTarget, postgresTarget])('crash safety (%#: 0 = pglite, 1 = postgres)', (make) => {
  const target = make();
  afterAll(() => target.cleanup());

  it(`SIGKILL at ${KILLS} random points of a ${N}-report ingest: every document fully in or fully out, then exactly ${N}`, async () => {
    const expected = expectedReports(N);
    const random = prng(SEED + (target.name === 'pglite' ? 0 : 1));
    const env = { ...target.env, XXGK_CHILD_FROM: '0', XXGK_CHILD_COUNT: String(N) };
    const kills: string[] = [];
    let landed = 0;
    for (let k = 0; k < KILLS; k += 1) {
      const killAfter = 1 + Math.floor(random() * (N - 1));
      const delayMs = Math.floor(random() * 40);
      const run = await runChild(env, { killAfter, delayMs });
      // Once earlier runs stored most documents, a re-run skips them fast and may finish before its kill
      // point: then it must have ended cleanly (and the store is checked the same way).
      if (!run.killed) expect(run.code, `child neither killed nor clean: ${run.stderr}`).toBe(0);
      else landed += 1;
      const store = await target.open();
      try {
        const verdict = await verifyStore(store, expected);
        expect(verdict.problems).toEqual([]);
        kills.push(`${run.killed ? 'killed' : 'finished before the kill'} after line ${killAfter} + ${delayMs} ms → ${verdict.reports} whole reports`);
      } finally {
        await store.close();
      }
    }
    expect(landed, 'no kill landed during an ingest').toBeGreaterThan(0);
    const last = await runChild(env);
    expect(last.code, last.stderr).toBe(0);
    expect(last.ingested).toBe(N);
    const store = await target.open();
    try {
      const verdict = await verifyStore(store, expected);
      expect(verdict.problems).toEqual([]);
      expect(verdict.reports).toBe(N);
    } finally {
      await store.close();
    }
    figures.push(`[crash] ${target.name}: ${landed} of ${KILLS} kills landed (${kills.join('; ')}), re-run → ${N}/${N} reports, 0 partial, 0 duplicate`);
  }, 900_000);
});

describe('concurrent ingest of the same documents (postgres, 4 processes)', () => {
  const target = postgresTarget();
  afterAll(() => target.cleanup());

  it('yields one report per document', async () => {
    const n = 15;
    const expected = expectedReports(n);
    // create the schema first, so the four children race on ingest and not on migrations
    await (await target.open()).close();
    const env = { ...target.env, XXGK_CHILD_FROM: '0', XXGK_CHILD_COUNT: String(n) };
    const runs = await Promise.all([runChild(env), runChild(env), runChild(env), runChild(env)]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const store = await target.open();
    try {
      const verdict = await verifyStore(store, expected);
      expect(verdict.problems).toEqual([]);
      expect(verdict.reports).toBe(n);
    } finally {
      await store.close();
    }
    figures.push(`[crash] postgres: 4 processes × ${n} same documents → ${n} reports`);
  }, 600_000);
});
