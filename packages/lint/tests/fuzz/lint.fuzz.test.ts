import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, ParseError } from '@xxgk/parse';
import { LintMessageSchema, ReportSchema } from '@xxgk/schema';
import type { LintMessage, Report } from '@xxgk/schema';
import { generateModel, render, renderSync, SYNTH_FORMATS } from '@xxgk/synth';
import type { SynthFormat } from '@xxgk/synth';
import { lintReport } from '../../src/index.js';

/**
 * Property: whatever the parser makes of a corrupted document, and whatever absurd (but schema-valid)
 * numbers and strings a Report holds, lintReport never throws, no rule crashes (the engine turns a
 * throwing rule into a "rule crashed" finding: that is a bug here), and every message is a valid
 * LintMessage whose position lies inside the text — within a time bound per MB.
 * Normal run: 200 cases per property; `pnpm test:reliability` runs 10,000 (XXGK_FUZZ_RUNS) of each.
 */

function fuzzRuns(fallback: number): number {
  const n = Number(process.env.XXGK_FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
function fuzzSeed(): { seed?: number } {
  const n = Number(process.env.XXGK_FUZZ_SEED);
  return Number.isInteger(n) ? { seed: n } : {};
}
const RUNS = fuzzRuns(200);

interface Base {
  readonly format: SynthFormat;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly text: string | null;
  readonly truth: Report;
  /** The `text` rendering of the same model: what the truth's spans point into. */
  readonly truthText: string;
}

interface Figures {
  cases: number;
  messages: number;
  worstMs: number;
  worstMsPerMb: number;
}
const figures: Record<string, Figures> = {};
function record(label: string, ms: number, bytes: number, messages: number): void {
  const f = (figures[label] ??= { cases: 0, messages: 0, worstMs: 0, worstMsPerMb: 0 });
  f.cases += 1;
  f.messages += messages;
  f.worstMs = Math.max(f.worstMs, ms);
  f.worstMsPerMb = Math.max(f.worstMsPerMb, ms / Math.max(bytes / 1e6, 0.01));
}

/** Bound on one lint: 1 s plus 5 s per MB of text (generous: the machine is shared). */
function boundMs(chars: number): number {
  return 1_000 + (5_000 * chars * 3) / 1e6;
}

function lintChecked(report: Report, text: string, previousReport: Report | null, label: string, spansInText = true): LintMessage[] {
  // CPU time, not wall time: on a shared machine waiting for a core is not the linter's cost
  const started = process.cpuUsage();
  const messages = lintReport(report, { text, previousReport, config: { preset: 'strict' } });
  const cpu = process.cpuUsage(started);
  const ms = (cpu.user + cpu.system) / 1000;
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const m of messages) {
    const checked = LintMessageSchema.safeParse(m);
    if (!checked.success) throw new Error(`${label}: invalid LintMessage ${JSON.stringify(m)}: ${checked.error.message}`);
    if (/rule crashed/.test(m.message)) throw new Error(`${label}: ${m.message}`);
    if (spansInText && m.line > lines + 1) throw new Error(`${label}: line ${m.line} beyond the ${lines} lines of the text`);
    if (m.endLine !== undefined && m.endLine < m.line) throw new Error(`${label}: endLine ${m.endLine} < line ${m.line}`);
  }
  record(label.split(' ')[0] as string, ms, text.length * 3, messages.length);
  if (ms > boundMs(text.length)) throw new Error(`${label}: lint took ${ms.toFixed(0)} ms for ${text.length} chars`);
  return messages;
}

// ---------------------------------------------------------------------------------------- corruption

type TextOp =
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; what: string }
  | { op: 'digits'; every: number; digits: number }
  | { op: 'duplicate'; from: number; to: number; at: number }
  | { op: 'delete'; from: number; to: number };

const INSERTS = [
  '\u0000',
  '\u001b[31m',
  '\ufeff',
  '\ud800',
  '\u202e',
  '\r',
  '\u2028',
  '?',
  '\ufffd\ufffd',
  '20**年',
  '【填写】',
  '[image: x.png]',
  '其中',
  '共1234567890123456789012345678901234567890件',
  '-5件',
  '0.5件',
  '截至12月10日',
  '<table><tr><td>'.repeat(50),
  '（一）予以公开'.repeat(200),
];

const frac = fc.double({ min: 0, max: 1, noNaN: true });
const textOpArb: fc.Arbitrary<TextOp> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: frac,
    what: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 30 }), fc.constantFrom('x', '9', '年').map((u) => u.repeat(10_000))),
  }),
  fc.record({ op: fc.constant('digits' as const), every: fc.integer({ min: 1, max: 4 }), digits: fc.integer({ min: 16, max: 45 }) }),
  fc.record({ op: fc.constant('duplicate' as const), from: frac, to: frac, at: frac }),
  fc.record({ op: fc.constant('delete' as const), from: frac, to: frac }),
);

function at(fraction: number, length: number): number {
  return Math.min(length, Math.max(0, Math.floor(fraction * length)));
}

function applyOps(text: string, ops: readonly TextOp[]): string {
  let t = text;
  for (const o of ops) {
    if (o.op === 'truncate') t = t.slice(0, at(o.at, t.length));
    else if (o.op === 'insert') t = t.slice(0, at(o.at, t.length)) + o.what + t.slice(at(o.at, t.length));
    else if (o.op === 'digits') {
      let n = 0;
      t = t.replace(/\d+/g, (m) => ((n += 1) % o.every === 0 ? '9'.repeat(o.digits - 1) + m.slice(-1) : m));
    } else {
      const a = at(Math.min(o.from, o.to), t.length);
      const b = at(Math.max(o.from, o.to), t.length);
      if (o.op === 'delete') t = t.slice(0, a) + t.slice(b);
      else t = t.slice(0, at(o.at, t.length)) + t.slice(a, b) + t.slice(at(o.at, t.length));
    }
  }
  return t;
}

// ---------------------------------------------------------------------------------------- absurd models

const ABSURD: readonly number[] = [
  -1,
  -2_147_483_648,
  0.5,
  1e40,
  Number('1234567890123456789012345678901234567890'), // a 40-digit count, as a double
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  -0,
];

/** Replaces the n-th, (n+step)-th, … number inside the tables (and facts) with absurd values. */
function absurdReport(truth: Report, start: number, step: number, pick: number): Report {
  const copy = structuredClone(truth) as unknown as Record<string, unknown>;
  let i = 0;
  const walk = (node: unknown, key: string): unknown => {
    if (typeof node === 'number') {
      if (key === 'start' || key === 'end' || key === 'line' || key === 'column' || key === 'endLine' || key === 'endColumn' || key === 'bytes' || key === 'year' || key === 'level') return node;
      i += 1;
      return i >= start && (i - start) % step === 0 ? (ABSURD[(pick + i) % ABSURD.length] ?? 0) : node;
    }
    if (Array.isArray(node)) return node.map((v) => walk(v, key));
    if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) (node as Record<string, unknown>)[k] = walk(v, k);
    }
    return node;
  };
  for (const k of ['proactive', 'applications', 'reviewLitigation', 'legacyStatistics', 'facts', 'fees']) copy[k] = walk(copy[k], k);
  return copy as unknown as Report;
}

describe('lint fuzz', () => {
  let bases: Base[] = [];

  beforeAll(async () => {
    for (let seed = 1; seed <= 8; seed += 1) {
      const model = generateModel({ seed: seed * 104_729, year: 2008 + ((seed * 5) % 18) });
      const truthText = renderSync(model, 'text').text as string;
      for (const format of SYNTH_FORMATS) {
        const r = format === 'docx' ? await render(model, format) : renderSync(model, format);
        bases.push({ format, name: r.name, bytes: r.bytes, text: r.text, truth: model.truth, truthText });
      }
    }
    bases = bases.filter((b) => b.text !== null);
  }, 120_000);

  afterAll(() => {
    for (const [label, f] of Object.entries(figures)) {
      process.stdout.write(
        `[fuzz] lint ${label}: ${f.cases} cases, ${f.messages} messages, worst ${f.worstMs.toFixed(1)} ms CPU, worst ${f.worstMsPerMb.toFixed(0)} ms CPU/MB\n`,
      );
    }
  });

  it(`lints whatever the parser reads from corrupted documents (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(textOpArb, { maxLength: 4 }), fc.option(fc.nat()), async (n, ops, prev) => {
        const base = bases[n % bases.length] as Base;
        const text = applyOps(base.text as string, ops);
        let parsed;
        try {
          parsed = await parse(text, { name: base.name });
        } catch (error) {
          if (error instanceof ParseError) return;
          throw error;
        }
        const previousReport = prev === null ? null : (bases[prev % bases.length] as Base).truth;
        lintChecked(parsed.report, parsed.text, previousReport, `parsed ${base.format} ${JSON.stringify(ops).slice(0, 300)}`);
      }),
      { numRuns: RUNS, ...fuzzSeed(), endOnFailure: true },
    );
  }, 3_600_000);

  it(`lints reports with absurd numbers: negative, fractional, 40-digit, ±MAX_VALUE (${RUNS} cases)`, () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 7 }), fc.nat(), fc.boolean(), (n, start, step, pick, withPrev) => {
        const base = bases[n % bases.length] as Base;
        const report = absurdReport(base.truth, start, step, pick);
        if (!ReportSchema.safeParse(report).success) return; // the schema refuses it: nothing to lint
        valid += 1;
        const previousReport = withPrev ? absurdReport(base.truth, start + 1, step, pick + 1) : null;
        lintChecked(report, base.truthText, previousReport, `absurd seed-${n} start=${start} step=${step} pick=${pick}`);
      }),
      { numRuns: RUNS, ...fuzzSeed(), endOnFailure: true },
    );
    expect(valid).toBeGreaterThan(RUNS / 2);
  }, 3_600_000);

  it('lints a report whose text is 10⁶ characters on one line, and an empty text, without crashing', () => {
    const base = bases[0] as Base;
    lintChecked(base.truth, `${base.truthText}${'年'.repeat(1_000_000)}`, null, 'huge one-line');
    lintChecked(base.truth, '', null, 'empty-text', false);
    expect(figures['huge']?.cases).toBe(1);
  });

  it('lints a 10⁵-character word run after a U+FFFD in linear time (garbled-text was quadratic: 11 s)', () => {
    const base = bases[0] as Base;
    for (const unit of ['x', '9', 'a.b-']) {
      const started = process.cpuUsage();
      const messages = lintReport(base.truth, { text: `\ufffd${unit.repeat(100_000 / unit.length)}\n${base.truthText}`, config: { preset: 'strict' } });
      const cpu = process.cpuUsage(started);
      expect((cpu.user + cpu.system) / 1000).toBeLessThan(1_000);
      expect(messages.some((m) => m.ruleId === 'garbled-text' && m.line === 1)).toBe(true);
    }
  });
});
