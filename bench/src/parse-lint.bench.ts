/**
 * Parse and lint throughput per format on generated reports, one core, against the floor of reading
 * and decoding the same files in the same run. Usage: node dist/parse-lint.bench.js [--n 300] [--reps 5]
 * Writes the table to bench/RESULTS.md (section "parse + lint").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintReport } from '@xxgk/lint';
import { parse, type ParseResult } from '@xxgk/parse';
import { generateReport, type SynthFormat } from '@xxgk/synth';
import { fmt, machine, table, timeMedian } from './harness.js';
import { writeSection } from './results.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const N = option('n', 300);
const REPS = option('reps', 5);
const FORMATS: readonly SynthFormat[] = ['text', 'text-dump', 'markdown', 'html', 'docx'];
const YEARS = [2012, 2016, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
const rows: (string | number)[][] = [];
let lintRow: (string | number)[] | null = null;

for (const format of FORMATS) {
  const files: string[] = [];
  for (let i = 0; i < N; i++) {
    const generated = await generateReport({ seed: 10_000 + i, year: YEARS[i % YEARS.length] ?? 2023, format });
    const file = join(dir, `${format}-${i}-${generated.name}`);
    writeFileSync(file, generated.bytes);
    files.push(file);
  }
  const bytes = files.reduce((sum, f) => sum + readFileSync(f).byteLength, 0);
  const decoder = new TextDecoder();
  const floor = await timeMedian(() => {
    for (const f of files) {
      const b = readFileSync(f);
      if (format !== 'docx') decoder.decode(b);
    }
  }, REPS);
  const parsed: ParseResult[] = [];
  const parseMs = await timeMedian(async () => {
    parsed.length = 0;
    for (const f of files) parsed.push(await parse(readFileSync(f), { name: f }));
  }, REPS);
  const lintMs = await timeMedian(() => {
    for (const p of parsed) lintReport(p.report, { text: p.text });
  }, REPS);
  const bothMs = parseMs + lintMs;
  const perSecond = (ms: number) => (N / ms) * 1000;
  const mbPerSecond = (ms: number) => (bytes / 2 ** 20 / ms) * 1000;
  rows.push([
    format,
    N,
    fmt(bytes / N / 1024, 1),
    fmt(perSecond(floor)),
    fmt(perSecond(parseMs)),
    fmt(mbPerSecond(parseMs), 2),
    fmt(perSecond(bothMs)),
    fmt(parseMs / floor, 1),
  ]);
  if (format === 'text') {
    lintRow = ['lint only (parsed text reports)', N, fmt(perSecond(lintMs)), fmt(mbPerSecond(lintMs), 2), fmt(lintMs / floor, 2)];
  }
  console.log(`${format}: parse ${fmt(perSecond(parseMs))}/s, parse+lint ${fmt(perSecond(bothMs))}/s`);
}
rmSync(dir, { recursive: true, force: true });

const body = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; ${N} generated reports per format, median of ${REPS} runs after a warm-up, one process (one core).`,
  'Floor = read the files and decode them to text (DOCX: read only), in the same run.',
  '',
  table(['format', 'reports', 'KiB/report', 'floor reports/s', 'parse reports/s', 'parse MB/s', 'parse+lint reports/s', 'parse ÷ floor'], rows),
  '',
  lintRow ? table(['lint', 'reports', 'reports/s', 'MB/s', 'lint ÷ floor (text)'], [lintRow]) : '',
  '',
  'Goals (DESIGN.md): lint ≥ 2,000 reports/s per core; parse + lint ≥ 500 reports/s for text and HTML.',
  'Reproduce: `pnpm build && pnpm --filter @xxgk/bench bench:parse-lint`.',
].join('\n');
writeSection('parse + lint', body);
console.log(body);
