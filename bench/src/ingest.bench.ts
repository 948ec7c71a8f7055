/**
 * Ingest throughput into PGlite (in memory) and PostgreSQL, on generated reports (several years of a
 * generated sample of agencies, in year order so cross-year rules see last year's report).
 * Usage: node dist/ingest.bench.js [--n 1000] [--reps 3] [--batch 200] [--concurrency 2] [--pg postgres://…] [--no-pglite] [--no-pg]
 * Writes the table to bench/RESULTS.md (section "ingest").
 *
 * Measured per target, in the same process, median of --reps runs (each on a fresh database):
 * - lint floor: lint the same reports in memory (no database): the CPU work every ingest path does;
 * - raw floor: one multi-row INSERT per 200 reports of the report rows only (no cells, findings, lint);
 * - ingest: store.ingest(report) one at a time (one transaction per report);
 * - importReports: batched (one transaction per batch, each report's rows written together);
 *   on PostgreSQL also with --concurrency batches written at once (the store's default there: 2;
 *   PGlite has one connection).
 */
import type { Report } from '@xxgk/schema';
import { lintReport } from '@xxgk/lint';
import { dropPostgresSchema, openStore } from '@xxgk/store';
import type { ReportInput, Store } from '@xxgk/store';
import { generateSample, renderSync } from '@xxgk/synth';
import { fmt, machine, median, table } from './harness.js';
import { writeSection } from './results.js';
import { loadDescription, option, flag, stringOption } from './options.js';

const N = option('n', 1000);
const REPS = option('reps', 3);
const BATCH = option('batch', 200);
const CONCURRENCY = option('concurrency', 2);
const PG_URL = stringOption('pg', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const YEARS = [2021, 2022, 2023, 2024, 2025];

/** N reports with their text, years ascending (agencies × years). */
export function sampleInputs(n: number, seed = 1): ReportInput[] {
  const agencies = Math.ceil(n / YEARS.length);
  const out: ReportInput[] = [];
  for (const model of generateSample({ seed, agencies, years: YEARS })) {
    const rendered = renderSync(model, 'text');
    out.push({ report: model.truth, text: rendered.text ?? '' });
    if (out.length >= n) break;
  }
  return out;
}

interface Opened {
  readonly store: Store;
  readonly dispose: () => Promise<void>;
}
interface Target {
  readonly name: string;
  /** Several connections: importReports with --concurrency is measured too. */
  readonly concurrent: boolean;
  readonly open: (rep: number) => Promise<Opened>;
}

const targets: Target[] = [];
if (!flag('no-pglite')) {
  targets.push({
    name: 'PGlite (in memory)',
    concurrent: false,
    open: async () => {
      const store = await openStore({ inMemory: true });
      return { store, dispose: () => store.close() };
    },
  });
}
if (!flag('no-pg')) {
  targets.push({
    name: 'PostgreSQL 127.0.0.1',
    concurrent: true,
    open: async (rep) => {
      const schema = `xxgk_bench_ingest_${process.pid}_${rep}`;
      await dropPostgresSchema(PG_URL, schema);
      const store = await openStore({ databaseUrl: PG_URL, schema });
      return {
        store,
        dispose: async () => {
          await store.close();
          await dropPostgresSchema(PG_URL, schema);
        },
      };
    },
  });
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function rawFloor(store: Store, inputs: readonly ReportInput[]): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const agency = await trx.insertInto('agencies').values({ key: 'bench|raw', name: 'bench' }).returning('id').executeTakeFirstOrThrow();
    const agencyId = agency.id;
    for (let i = 0; i < inputs.length; i += 200) {
      const chunk = inputs.slice(i, i + 200);
      await trx
        .insertInto('reports')
        .values(
          chunk.map(({ report, text }, j) => ({
            agency_id: agencyId,
            year: i + j,
            content_id: report.id,
            source_sha256: report.source.sha256,
            title: report.title,
            template: report.template,
            published_on: report.publishedOn,
            balanced: null,
            error_count: 0,
            warning_count: 0,
            version: 1,
            report: JSON.stringify(report),
            text: text ?? null,
          })),
        )
        .execute();
    }
  });
}

console.log(`generating ${N} reports …`);
const inputs = sampleInputs(N);
const lintFloor = (reports: readonly ReportInput[]) => {
  const last = new Map<string, Report>();
  for (const { report, text } of reports) {
    const key = report.agency.name;
    const previous = last.get(key);
    lintReport(report, { text: text ?? '', ...(previous ? { previousReport: previous } : {}) });
    last.set(key, report);
  }
};
lintFloor(inputs.slice(0, 50));

const rows: (string | number)[][] = [];
const goals: Record<string, number> = { 'PGlite (in memory)': 200, 'PostgreSQL 127.0.0.1': 1000 };
const summary: string[] = [];
for (const target of targets) {
  const times = { lint: [] as number[], raw: [] as number[], ingest: [] as number[], import: [] as number[], concurrent: [] as number[] };
  for (let rep = 0; rep < REPS; rep++) {
    times.lint.push(await timed(() => Promise.resolve(lintFloor(inputs))));
    {
      const { store, dispose } = await target.open(rep);
      times.raw.push(await timed(() => rawFloor(store, inputs)));
      await dispose();
    }
    {
      const { store, dispose } = await target.open(rep);
      times.ingest.push(
        await timed(async () => {
          for (const input of inputs) await store.ingest(input);
        }),
      );
      if ((await store.countReports()) !== inputs.length) throw new Error('ingest stored a different number of reports');
      await dispose();
    }
    {
      const { store, dispose } = await target.open(rep);
      times.import.push(await timed(() => store.importReports(inputs, { batchSize: BATCH, concurrency: 1 })));
      if ((await store.countReports()) !== inputs.length) throw new Error('importReports stored a different number of reports');
      await dispose();
    }
    if (target.concurrent && CONCURRENCY > 1) {
      const { store, dispose } = await target.open(rep);
      times.concurrent.push(await timed(() => store.importReports(inputs, { batchSize: BATCH, concurrency: CONCURRENCY })));
      if ((await store.countReports()) !== inputs.length) throw new Error('importReports stored a different number of reports');
      await dispose();
    }
    console.log(
      `${target.name} rep ${rep + 1}: lint ${fmt(times.lint.at(-1) ?? 0)} ms, raw ${fmt(times.raw.at(-1) ?? 0)} ms, ingest ${fmt(times.ingest.at(-1) ?? 0)} ms, import ${fmt(times.import.at(-1) ?? 0)} ms${times.concurrent.length > 0 ? `, import × ${CONCURRENCY} ${fmt(times.concurrent.at(-1) ?? 0)} ms` : ''}`,
    );
  }
  const perSecond = (ms: number) => (N / ms) * 1000;
  const lint = median(times.lint);
  const raw = median(times.raw);
  const modes: [string, number[]][] = [
    ['ingest (1 report / transaction)', times.ingest],
    [`importReports (batch ${BATCH}, concurrency 1)`, times.import],
  ];
  if (times.concurrent.length > 0) modes.push([`importReports (batch ${BATCH}, concurrency ${CONCURRENCY})`, times.concurrent]);
  for (const [mode, list] of modes) {
    const ms = median(list);
    rows.push([target.name, mode, N, fmt(perSecond(ms)), fmt(perSecond(lint)), fmt(perSecond(raw)), fmt(ms / lint, 2), fmt(ms / raw, 2)]);
    summary.push(`${target.name} ${mode}: ${fmt(perSecond(ms))}/s (goal ≥ ${fmt(goals[target.name] ?? 0)}/s)`);
  }
}

const body = [
  `Measured ${new Date().toISOString()} on ${machine()}; ${loadDescription()}.`,
  `${N} generated reports (text rendering's Report + text; ${YEARS.join(', ')}, years ascending), median of ${REPS} runs, each on a fresh database; one process.`,
  'Lint floor = lint the same reports in memory (no database); raw floor = the report rows alone in 200-row INSERTs (no cells, findings, lint); both in the same run.',
  '',
  table(['target', 'mode', 'reports', 'reports/s', 'lint floor/s', 'raw floor/s', 'time ÷ lint floor', 'time ÷ raw floor'], rows),
  '',
  'Goals (issue): ≥ 200 reports/s into PGlite, ≥ 1,000 reports/s into PostgreSQL (100,000 reports: `--n 100000 --reps 1`).',
  `Reproduce: \`pnpm --filter @xxgk/bench build && pnpm --filter @xxgk/bench bench:ingest -- --n ${N} --reps ${REPS} --batch ${BATCH} --concurrency ${CONCURRENCY}\`.`,
].join('\n');
writeSection('ingest', body);
console.log(body);
console.log(summary.join('\n'));
