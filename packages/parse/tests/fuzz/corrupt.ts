import fc from 'fast-check';
import iconv from 'iconv-lite';
import { generateModel, render, SYNTH_FORMATS } from '@xxgk/synth';
import type { SynthFormat } from '@xxgk/synth';

/** How many property cases a fuzz test runs: XXGK_FUZZ_RUNS (the dedicated run sets it), else `fallback`. */
export function fuzzRuns(fallback: number): number {
  const n = Number(process.env.XXGK_FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The fast-check seed: XXGK_FUZZ_SEED to replay a failure, else fast-check's own. */
export function fuzzSeed(): { seed?: number } {
  const n = Number(process.env.XXGK_FUZZ_SEED);
  return Number.isInteger(n) ? { seed: n } : {};
}

export interface BaseDocument {
  readonly format: SynthFormat;
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The text of the text formats (null for docx). */
  readonly text: string | null;
}

/** `perFormat` synthetic documents of every synth format (seeds 1…perFormat, every template). */
export async function baseDocuments(perFormat: number): Promise<BaseDocument[]> {
  const out: BaseDocument[] = [];
  for (let seed = 1; seed <= perFormat; seed += 1) {
    const model = generateModel({ seed: seed * 7919, year: 2008 + (seed % 18) });
    for (const format of SYNTH_FORMATS) {
      const r = await render(model, format);
      out.push({ format, name: r.name, bytes: r.bytes, text: r.text });
    }
  }
  return out;
}

/** One corruption, applied to the decoded text (text formats) or the raw bytes (every format). */
export type Corruption =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'splice-bytes'; at: number; bytes: number[] }
  | { kind: 'encoding'; to: 'gbk' | 'big5' | 'utf16le' | 'utf16be' | 'latin1-mojibake' | 'gbk-as-utf8-bom' }
  | { kind: 'control'; at: number; chars: string }
  | { kind: 'nest'; at: number; open: string; close: string; depth: number }
  | { kind: 'table'; at: number; rows: number; cols: number; html: boolean }
  | { kind: 'long-line'; at: number; unit: string; length: number }
  | { kind: 'big-numbers'; every: number; digits: number }
  | { kind: 'duplicate'; from: number; to: number; at: number };

const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u200b', '\u200e', '\u202e', '\u2028', '\u2029', '\ufeff', '\ufffd', '\ud800', '\udfff', '\r', '\t'];
const NESTS: readonly (readonly [string, string])[] = [
  ['<div>', '</div>'],
  ['<table><tr><td>', '</td></tr></table>'],
  ['<b><i>', '</i></b>'],
  ['> ', ''],
  ['（', '）'],
  ['[', ']'],
  ['<!--', '-->'],
  ['<ul><li>', '</li></ul>'],
];
const LONG_UNITS = ['x', '9', '年', '申请', ' ', '\t', '<', '表', '一、', '共1件，'];

/**
 * Corruptions, the heavy ones (long lines, deep nesting, big tables) rarer than the light ones. Their
 * sizes are capped here (50,000-character lines, 2,000-deep nesting, 300-row tables: ~4 ms a case on
 * average, so 10,000 cases fit a CI step); the full sizes — 10⁶-character lines, 20,000-deep nesting,
 * 5,000-row tables, 40-digit numbers — run as fixed cases on every format (FULL_SIZE_CORRUPTIONS).
 */
export const corruptionArb: fc.Arbitrary<Corruption> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0.02, max: 1, noNaN: true }) }) },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), xor: fc.integer({ min: 1, max: 255 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('splice-bytes' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('encoding' as const),
      to: fc.constantFrom<'gbk' | 'big5' | 'utf16le' | 'utf16be' | 'latin1-mojibake' | 'gbk-as-utf8-bom'>(
        'gbk',
        'big5',
        'utf16le',
        'utf16be',
        'latin1-mojibake',
        'gbk-as-utf8-bom',
      ),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('control' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      chars: fc.array(fc.constantFrom(...CONTROL), { minLength: 1, maxLength: 20 }).map((a) => a.join('')),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('nest' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      open: fc.constant(''),
      close: fc.constant(''),
      depth: fc.integer({ min: 50, max: 2_000 }),
    }).chain((r) => fc.constantFrom(...NESTS).map(([open, close]) => ({ ...r, open, close }))),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('table' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      rows: fc.integer({ min: 20, max: 300 }),
      cols: fc.integer({ min: 2, max: 40 }),
      html: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('long-line' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      unit: fc.constantFrom(...LONG_UNITS),
      length: fc.constantFrom(1_000, 10_000, 50_000),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('big-numbers' as const), every: fc.integer({ min: 1, max: 5 }), digits: fc.integer({ min: 16, max: 60 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('duplicate' as const),
      from: fc.double({ min: 0, max: 1, noNaN: true }),
      to: fc.double({ min: 0, max: 1, noNaN: true }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  },
);

/** The hostile sizes the property's arbitraries cap, as fixed cases: each is applied to a document of every format. */
export const FULL_SIZE_CORRUPTIONS: readonly (readonly Corruption[])[] = [
  [{ kind: 'table', at: 0.5, rows: 5_000, cols: 30, html: true }],
  [{ kind: 'table', at: 0.5, rows: 5_000, cols: 30, html: false }],
  [{ kind: 'long-line', at: 0.3, unit: 'x', length: 1_000_000 }],
  [{ kind: 'long-line', at: 0.6, unit: '年', length: 1_000_000 }],
  [{ kind: 'long-line', at: 0.9, unit: '共1件，', length: 1_000_000 }],
  [{ kind: 'long-line', at: 0.5, unit: '9', length: 1_000_000 }],
  [{ kind: 'nest', at: 0.5, open: '<div>', close: '</div>', depth: 20_000 }],
  [{ kind: 'nest', at: 0.5, open: '<table><tr><td>', close: '</td></tr></table>', depth: 20_000 }],
  [{ kind: 'nest', at: 0.2, open: '> ', close: '', depth: 20_000 }],
  [{ kind: 'nest', at: 0.7, open: '（', close: '）', depth: 20_000 }],
  [{ kind: 'big-numbers', every: 1, digits: 40 }],
  [
    { kind: 'big-numbers', every: 2, digits: 40 },
    { kind: 'table', at: 0.8, rows: 2_000, cols: 40, html: true },
    { kind: 'encoding', to: 'gbk' },
  ],
];

function index(fraction: number, length: number): number {
  return Math.min(length, Math.max(0, Math.floor(fraction * length)));
}

function spliceText(text: string, at: number, insert: string): string {
  const i = index(at, text.length);
  return text.slice(0, i) + insert + text.slice(i);
}

function table(rows: number, cols: number, html: boolean): string {
  const cell = (r: number, c: number): string => String((r * 31 + c * 17) % 1000);
  if (html) {
    const tr = (r: number): string => `<tr>${Array.from({ length: cols }, (_, c) => `<td>${cell(r, c)}</td>`).join('')}</tr>`;
    return `<table>${Array.from({ length: rows }, (_, r) => tr(r)).join('')}</table>`;
  }
  const line = (r: number): string => `（${r}）项目\t${Array.from({ length: cols }, (_, c) => cell(r, c)).join('\t')}`;
  return `\n${Array.from({ length: rows }, (_, r) => line(r)).join('\n')}\n`;
}

const encoder = new TextEncoder();

/** Applies the corruptions in order; text corruptions of a docx fall back to byte splices. */
export function corrupt(doc: BaseDocument, corruptions: readonly Corruption[]): Uint8Array {
  let text: string | null = doc.text;
  let bytes: Uint8Array = doc.bytes;
  const asBytes = (): Uint8Array => {
    if (text !== null) {
      bytes = encoder.encode(text);
      text = null;
    }
    return bytes;
  };
  for (const c of corruptions) {
    switch (c.kind) {
      case 'truncate': {
        const b = asBytes();
        bytes = b.slice(0, index(c.at, b.length));
        break;
      }
      case 'flip': {
        const b = asBytes().slice();
        if (b.length > 0) {
          const i = Math.min(b.length - 1, index(c.at, b.length));
          b[i] = (b[i] as number) ^ c.xor;
        }
        bytes = b;
        break;
      }
      case 'splice-bytes': {
        const b = asBytes();
        const i = index(c.at, b.length);
        const out = new Uint8Array(b.length + c.bytes.length);
        out.set(b.subarray(0, i), 0);
        out.set(c.bytes, i);
        out.set(b.subarray(i), i + c.bytes.length);
        bytes = out;
        break;
      }
      case 'encoding': {
        if (text === null) break; // bytes already (docx or after a byte corruption): nothing to re-encode
        if (c.to === 'latin1-mojibake') bytes = encoder.encode(Buffer.from(encoder.encode(text)).toString('latin1'));
        else if (c.to === 'gbk-as-utf8-bom') bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...iconv.encode(text, 'gbk')]);
        else bytes = new Uint8Array(iconv.encode(text, c.to, { addBOM: c.to.startsWith('utf16') }));
        text = null;
        break;
      }
      case 'control':
      case 'nest':
      case 'table':
      case 'long-line': {
        const insert =
          c.kind === 'control'
            ? c.chars
            : c.kind === 'nest'
              ? c.open.repeat(c.depth) + '政府信息公开' + c.close.repeat(c.depth)
              : c.kind === 'table'
                ? table(c.rows, c.cols, c.html)
                : c.unit.repeat(Math.ceil(c.length / c.unit.length)).slice(0, c.length);
        if (text !== null) text = spliceText(text, c.at, insert);
        else {
          const b = bytes;
          const extra = encoder.encode(insert);
          const i = index(c.at, b.length);
          const out = new Uint8Array(b.length + extra.length);
          out.set(b.subarray(0, i), 0);
          out.set(extra, i);
          out.set(b.subarray(i), i + extra.length);
          bytes = out;
        }
        break;
      }
      case 'big-numbers': {
        if (text === null) break;
        let n = 0;
        text = text.replace(/\d+/g, (m) => {
          n += 1;
          if (n % c.every !== 0) return m;
          return '9'.repeat(c.digits - 1) + m.slice(-1);
        });
        break;
      }
      case 'duplicate': {
        if (text === null) break;
        const a = index(Math.min(c.from, c.to), text.length);
        const b = index(Math.max(c.from, c.to), text.length);
        text = spliceText(text, c.at, text.slice(a, b));
        break;
      }
    }
  }
  return text !== null ? encoder.encode(text) : bytes;
}

/** A described case, for failure messages (replay with XXGK_FUZZ_SEED + the printed path). */
export function describeCase(doc: BaseDocument, corruptions: readonly Corruption[]): string {
  return `${doc.format} ${doc.name} ${JSON.stringify(corruptions.map((c) => ('chars' in c ? { ...c, chars: [...c.chars].map((ch) => ch.codePointAt(0)) } : c)))}`;
}
