import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '@xxgk/schema';
import type { Report, Section, Span } from '@xxgk/schema';
import { parse, ParseError } from '../../src/index.js';
import type { ParseErrorCode } from '../../src/index.js';
import type { BaseDocument } from './corrupt.js';
import { baseDocuments, corrupt, corruptionArb, describeCase, FULL_SIZE_CORRUPTIONS, fuzzRuns, fuzzSeed } from './corrupt.js';
import { FuzzStats, heapBoundBytes, timeBoundMs } from './fuzz-stats.js';

/**
 * Property: whatever bytes come in (synthetic reports of every format, corrupted), parse() either
 * returns a Report that ReportSchema accepts, with every span inside the text, or rejects with a
 * ParseError of a known code — never another error, never a programming error masked as
 * UNSUPPORTED_FORMAT — within a time and heap bound per MB.
 * Normal run: 200 cases; `pnpm test:reliability` runs 10,000 (XXGK_FUZZ_RUNS).
 */

const CODES: readonly ParseErrorCode[] = [
  'EMPTY_INPUT',
  'BINARY_INPUT',
  'UNSUPPORTED_FORMAT',
  'UNKNOWN_ENCODING',
  'TOO_LARGE',
  'TRUNCATED_DOCX',
  'TRUNCATED_PDF',
  'ENCRYPTED_PDF',
  'NO_TEXT_LAYER',
];

const RUNS = fuzzRuns(200);
const TRACE = process.env.XXGK_FUZZ_TRACE;
/** Every full-size corruption in the dedicated run (XXGK_FUZZ_RUNS set); one in four in a normal test run. */
const FULL_SIZE = process.env.XXGK_FUZZ_RUNS ? FULL_SIZE_CORRUPTIONS : FULL_SIZE_CORRUPTIONS.filter((_, i) => i % 4 === 0);

function checkSpan(span: Span | null | undefined, length: number, where: string): void {
  if (!span) return;
  if (!(span.start >= 0 && span.start <= span.end && span.end <= length)) {
    throw new Error(`${where}: span ${span.start}–${span.end} outside the text (${length} chars)`);
  }
}

function checkSections(sections: readonly Section[], length: number): void {
  for (const s of sections) {
    checkSpan(s.span, length, `section ${s.heading}`);
    checkSections(s.children, length);
  }
}

function checkReport(report: Report, text: string): void {
  ReportSchema.parse(report);
  // what the store writes must be storable as PostgreSQL text
  if (text.includes('\u0000') || JSON.stringify(report).includes('\\u0000')) throw new Error('U+0000 in the text or the Report');
  checkSpan(report.titleSpan, text.length, 'titleSpan');
  checkSpan(report.publishedOnSpan, text.length, 'publishedOnSpan');
  checkSections(report.sections, text.length);
  for (const f of report.facts) checkSpan(f.span, text.length, `fact ${f.label}`);
}

/** A programming error inside the parser, rewrapped as UNSUPPORTED_FORMAT, is a bug too. */
function isMaskedCrash(error: ParseError): boolean {
  const cause = error.cause;
  return cause instanceof TypeError || cause instanceof RangeError || cause instanceof ReferenceError || cause instanceof SyntaxError;
}

/**
 * One case: parse, check the outcome, record the figures. A case over the time bound is run once more
 * and fails only if it is over again (a GC pause or a neighbour's load on the shared machine is not a
 * parser bug; a super-linear algorithm is slow both times).
 */
async function runCase(bytes: Uint8Array, name: string | undefined, stats: FuzzStats, label: string): Promise<void> {
  const first = await timedCase(bytes, name, stats, label);
  if (first <= timeBoundMs(bytes.length)) return;
  const again = await timedCase(bytes, name, stats, label);
  if (again > timeBoundMs(bytes.length)) {
    throw new Error(`${label}: ${first.toFixed(0)} then ${again.toFixed(0)} ms for ${bytes.length} bytes (bound ${timeBoundMs(bytes.length).toFixed(0)} ms)`);
  }
}

async function timedCase(bytes: Uint8Array, name: string | undefined, stats: FuzzStats, label: string): Promise<number> {
  const heapBefore = process.memoryUsage().heapUsed;
  // CPU time of this process, not wall time: on a shared machine waiting for a core is not the parser's cost
  const started = process.cpuUsage();
  let outcome: string | null = null;
  try {
    const { report, text, document } = await parse(bytes, name !== undefined ? { name } : {});
    expect(text).toBe(document.text);
    checkReport(report, text);
  } catch (error) {
    if (!(error instanceof ParseError)) throw new Error(`${label}: untyped ${String(error)}`, { cause: error });
    if (!CODES.includes(error.code)) throw new Error(`${label}: unknown code ${String(error.code)}`, { cause: error });
    if (isMaskedCrash(error)) throw new Error(`${label}: internal crash masked as ${error.code}: ${error.message}`, { cause: error });
    outcome = error.code;
  }
  const cpu = process.cpuUsage(started);
  const ms = (cpu.user + cpu.system) / 1000;
  const heap = Math.max(0, process.memoryUsage().heapUsed - heapBefore);
  stats.record(outcome, bytes.length, ms, heap);
  // XXGK_FUZZ_TRACE=file: one line per case (CPU ms, bytes, case), to find what is slow
  if (TRACE) appendFileSync(TRACE, `${ms.toFixed(1)}\t${bytes.length}\t${label}\n`);
  if (heap > heapBoundBytes(bytes.length)) throw new Error(`${label}: heap grew ${(heap / 1e6).toFixed(0)} MB for ${bytes.length} bytes`);
  return ms;
}

describe('parse fuzz: corrupted synthetic documents of every format', () => {
  let docs: BaseDocument[] = [];
  const stats = new FuzzStats();

  beforeAll(async () => {
    docs = await baseDocuments(6);
  }, 120_000);

  afterAll(() => {
    process.stdout.write(stats.summary('parse'));
  });

  it(`never throws an untyped error and always returns a valid Report (${RUNS} cases)`, async () => {
    // docx cases cost ~100 ms each (mammoth): one in ten picks a docx, the rest a text format.
    const pick = fc.oneof(
      { weight: 9, arbitrary: fc.nat().map((n) => docs.filter((d) => d.format !== 'docx')[n % docs.filter((d) => d.format !== 'docx').length] as BaseDocument) },
      { weight: 1, arbitrary: fc.nat().map((n) => docs.filter((d) => d.format === 'docx')[n % docs.filter((d) => d.format === 'docx').length] as BaseDocument) },
    );
    await fc.assert(
      fc.asyncProperty(pick, fc.array(corruptionArb, { minLength: 0, maxLength: 4 }), fc.boolean(), async (doc, corruptions, withName) => {
        const bytes = corrupt(doc, corruptions);
        await runCase(bytes, withName ? doc.name : undefined, stats, describeCase(doc, corruptions));
      }),
      { numRuns: RUNS, ...fuzzSeed(), endOnFailure: true },
    );
    expect(stats.cases).toBeGreaterThanOrEqual(RUNS);
  }, 3_600_000);
});

describe('parse: hostile inputs at full size', () => {
  const stats = new FuzzStats();
  afterAll(() => {
    process.stdout.write(stats.summary('parse hostile'));
  });

  const prose = '政府信息公开工作年度报告\n一、总体情况\n本年度共收到政府信息公开申请12件。\n';

  it(`reads every format with each full-size corruption (${FULL_SIZE.length} per format) within the bound`, async () => {
    const docs = await baseDocuments(1);
    let cases = 0;
    for (const doc of docs) {
      for (const corruptions of FULL_SIZE) {
        await runCase(corrupt(doc, corruptions), doc.name, stats, describeCase(doc, corruptions));
        cases += 1;
      }
    }
    expect(cases).toBe(docs.length * FULL_SIZE.length);
  }, 600_000);

  it('reads a document with a 10⁶-character line within the bound', async () => {
    for (const unit of ['x', '年', '9', '共1件，']) {
      await runCase(new TextEncoder().encode(prose + unit.repeat(Math.ceil(1e6 / unit.length)) + '\n' + prose), undefined, stats, `long line ${unit}`);
    }
  }, 120_000);

  it('reads 20,000-deep nested HTML and Markdown quotes within the bound', async () => {
    await runCase(new TextEncoder().encode(`<html><body>${'<div>'.repeat(20_000)}${prose}${'</div>'.repeat(20_000)}</body></html>`), 'a.html', stats, 'deep html');
    await runCase(new TextEncoder().encode(`# 报告\n${'> '.repeat(20_000)}${prose}`), 'a.md', stats, 'deep markdown');
  }, 120_000);

  it('reads an enormous table (5,000 rows × 30 columns) within the bound', async () => {
    const row = (r: number): string => `<tr>${Array.from({ length: 30 }, (_, c) => `<td>${(r + c) % 97}</td>`).join('')}</tr>`;
    const html = `<html><body><p>${prose}</p><table>${Array.from({ length: 5_000 }, (_, r) => row(r)).join('')}</table></body></html>`;
    await runCase(new TextEncoder().encode(html), 'big.html', stats, 'huge html table');
    const text = `${prose}${Array.from({ length: 5_000 }, (_, r) => `（${r}）\t${Array.from({ length: 30 }, (_, c) => (r * c) % 97).join('\t')}`).join('\n')}`;
    await runCase(new TextEncoder().encode(text), 'big.txt', stats, 'huge text table');
  }, 120_000);

  it('keeps 40-digit numbers as numbers (or diagnostics), never throwing', async () => {
    const big = '1234567890123456789012345678901234567890';
    const docs = await baseDocuments(1);
    for (const doc of docs.filter((d) => d.text !== null)) {
      const text = (doc.text as string).replace(/\d+/g, big);
      await runCase(new TextEncoder().encode(text), doc.name, stats, `40 digits ${doc.format}`);
    }
  }, 120_000);

  it('reads U+0000 as U+FFFD, keeping every offset (the store cannot write U+0000 as text)', async () => {
    const text = `${prose}二、主动公开\u0000政府信息情况\n`;
    const { text: read, report } = await parse(text);
    expect(read).toHaveLength(text.length);
    expect(read).not.toContain('\u0000');
    expect(read.indexOf('\ufffd')).toBe(text.indexOf('\u0000'));
    expect(JSON.stringify(report)).not.toContain('\\u0000');
  });

  it('refuses more than maxBytes with TOO_LARGE, and empty or binary input with their codes', async () => {
    await expect(parse(new Uint8Array(2_000_001).fill(0x41), { maxBytes: 2_000_000 })).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(parse(new Uint8Array(0))).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
    const binary = new Uint8Array(4096).map((_, i) => (i * 73) % 256);
    await expect(parse(binary)).rejects.toBeInstanceOf(ParseError);
  });
});
