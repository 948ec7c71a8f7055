/**
 * Parse and lint throughput per format on generated reports, one core, against the floor of reading
 * and decoding the same files in the same run. Usage: node dist/parse-lint.bench.js [--n 300] [--reps 5]
 * Also runs ESLint with @xxgk/eslint-plugin over the same text, Markdown and HTML files.
 * Writes the table to bench/RESULTS.md (section "parse + lint").
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import xxgk from '@xxgk/eslint-plugin';
import { lintReport } from '@xxgk/lint';
import { parse, type ParseResult } from '@xxgk/parse';
import { generateReport, type SynthFormat } from '@xxgk/synth';
import { fmt, machine, table, timeMedian } from './harness.js';
import { loadDescription } from './options.js';
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
const eslintRows: (string | number)[][] = [];
/** ESLint formats: the plugin reads .txt, .md and .html drafts. */
const ESLINT_FORMATS: Partial<Record<SynthFormat, string>> = { text: '.txt', markdown: '.md', html: '.html' };

for (const format of FORMATS) {
  const files: string[] = [];
  mkdirSync(join(dir, format), { recursive: true });
  for (let i = 0; i < N; i++) {
    const generated = await generateReport({ seed: 10_000 + i, year: YEARS[i % YEARS.length] ?? 2023, format });
    const ext = ESLINT_FORMATS[format];
    const file = join(dir, format, `${i}-${generated.name}${ext !== undefined && !generated.name.endsWith(ext) ? ext : ''}`);
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
  // Each run lints fresh copies: the linter memoises per Report object, so re-linting the same objects
  // would measure its cache, not its work.
  const copies = Array.from({ length: REPS + 1 }, () => parsed.map((p) => ({ report: structuredClone(p.report), text: p.text })));
  const lintMs = await timeMedian(() => {
    for (const p of copies.pop() ?? []) lintReport(p.report, { text: p.text });
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
  if (ESLINT_FORMATS[format] !== undefined) {
    // The same files through ESLint and @xxgk/eslint-plugin (recommended rules; no sibling lookup of
    // last year's report, as in lintReport above), one process, no cache.
    const eslint = new ESLint({
      cwd: join(dir, format),
      overrideConfigFile: true,
      overrideConfig: [{ ...xxgk.configs.recommended, languageOptions: { previousReport: 'none' } }],
      cache: false,
    });
    const eslintMs = await timeMedian(() => eslint.lintFiles(['.']), Math.max(1, Math.min(REPS, 3)));
    eslintRows.push([format, N, fmt(perSecond(eslintMs)), fmt(perSecond(bothMs)), fmt(eslintMs / bothMs, 1)]);
    console.log(`${format}: ESLint + @xxgk/eslint-plugin ${fmt(perSecond(eslintMs))}/s`);
  }
  if (format === 'text') {
    lintRow = ['lint only (parsed text reports)', N, fmt(perSecond(lintMs)), fmt(mbPerSecond(lintMs), 2), fmt(lintMs / floor, 2)];
  }
  console.log(`${format}: parse ${fmt(perSecond(parseMs))}/s, parse+lint ${fmt(perSecond(bothMs))}/s`);
}
rmSync(dir, { recursive: true, force: true });

const body = [
  `Measured ${new Date().toISOString()} on ${machine()}; ${loadDescription()}; ${N} generated reports per format, median of ${REPS} runs after a warm-up, one process (one core).`,
  'Floor = read the files and decode them to text (DOCX: read only), in the same run.',
  '',
  table(['format', 'reports', 'KiB/report', 'floor reports/s', 'parse reports/s', 'parse MB/s', 'parse+lint reports/s', 'parse ÷ floor'], rows),
  '',
  lintRow ? table(['lint', 'reports', 'reports/s', 'MB/s', 'lint ÷ floor (text)'], [lintRow]) : '',
  '',
  'ESLint running @xxgk/eslint-plugin (recommended) over the same files, in the same run:',
  '',
  table(['format', 'reports', 'ESLint reports/s', 'xxgk parse+lint reports/s', 'ESLint time ÷ xxgk time'], eslintRows),
  '',
  'Goals (DESIGN.md): lint ≥ 2,000 reports/s per core; parse + lint ≥ 500 reports/s for text and HTML.',
  `Reproduce: \`pnpm --filter @xxgk/bench build && pnpm --filter @xxgk/bench bench:parse-lint -- --n ${N} --reps ${REPS}\`.`,
].join('\n');
writeSection('parse + lint', body);
console.log(body);
