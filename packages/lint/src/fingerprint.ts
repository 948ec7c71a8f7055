import type { LintMessage } from '@xxgk/schema';
import { createSourceText } from './source-text.js';
import type { SourceText } from './rule.js';

/** What a fingerprint is computed from: a LintMessage or a stored finding. */
export type FingerprintInput = Pick<LintMessage, 'ruleId' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn' | 'path'>;

/** Characters of the offending line kept on each side of the finding's text as context. */
const CONTEXT = 6;
/** The offending text is cut to this many characters (after normalising) before hashing. */
const MAX_SNIPPET = 200;

/**
 * NFKC, no whitespace, digit runs as `#`: a figure edited or a line re-wrapped is the same text;
 * full-width and half-width forms are one.
 */
export function normaliseFingerprintText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').replace(/\d+/gu, '#');
}

/** The quoted parts of a message (“…”, 「…」, ‘…’): the data a rule names, kept when its wording changes. */
function quoted(message: string): string {
  const parts = message.match(/“[^”]*”|「[^」]*」|‘[^’]*’/gu);
  return parts ? normaliseFingerprintText(parts.join('|')) : '';
}

/** The slice of the source at the finding's range, with a little of its line on each side. */
function anchorText(source: SourceText | null, m: FingerprintInput): string {
  if (source === null) return '';
  const line = source.lines[m.line - 1];
  if (line === undefined) return '';
  const from = Math.max(0, Math.min(line.text.length, m.column - 1));
  let slice: string;
  let after: string;
  if (m.endLine === undefined || m.endColumn === undefined || m.endLine === m.line) {
    const to = m.endColumn === undefined ? from : Math.max(from, Math.min(line.text.length, m.endColumn - 1));
    slice = line.text.slice(from, to);
    after = line.text.slice(to);
  } else {
    const end = source.lines[m.endLine - 1];
    const endAt = end === undefined ? source.text.length : end.start + Math.max(0, Math.min(end.text.length, m.endColumn - 1));
    slice = source.text.slice(line.start + from, Math.max(line.start + from, endAt));
    after = end === undefined ? '' : end.text.slice(Math.max(0, m.endColumn - 1));
  }
  const before = normaliseFingerprintText(line.text.slice(0, from));
  const normalised = normaliseFingerprintText(slice).slice(0, MAX_SNIPPET);
  return `${before.slice(Math.max(0, before.length - CONTEXT))}[${normalised}]${normaliseFingerprintText(after).slice(0, CONTEXT)}`;
}

/** 64 bits of two seeded 32-bit string hashes (cyrb53's mixing), as 16 hex digits. Runs in browsers too. */
function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * Fingerprints of a report's findings, one per message, in order: the identity a review is attached to.
 *
 * A finding on a table cell or fact (with a model `path`) is `ruleId + path`: the same cell is the same
 * finding whatever its figures or the message's wording. Any other finding is `ruleId` + the offending
 * text at its range (normalised: NFKC, no whitespace, digits as `#`) + up to 6 normalised characters of
 * its line on each side + the quoted parts of the message (the section or snippet a rule names). Never
 * the line or column, so text moving elsewhere leaves fingerprints alone. Findings that still share a
 * key get their occurrence index among them (0, 1, …) as a last part.
 *
 * Pass the text the report was linted from; without it, text findings fall back to the rule and the
 * quoted parts of the message.
 */
export function findingFingerprints(messages: readonly FingerprintInput[], text?: string | SourceText | null): string[] {
  // The text is split into lines only when a finding has no model path.
  let source: SourceText | null | undefined = typeof text === 'object' && text !== null ? text : undefined;
  const sourceText = (): SourceText | null =>
    (source ??= typeof text === 'string' && text !== '' ? createSourceText(text) : null);
  const seen = new Map<string, number>();
  return messages.map((m) => {
    const rule = m.ruleId ?? '';
    const key =
      m.path !== undefined && m.path !== '' ? `${rule}\u0000p\u0000${m.path}` : `${rule}\u0000t\u0000${anchorText(sourceText(), m)}\u0000${quoted(m.message)}`;
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return hash64(index === 0 ? key : `${key}\u0000${index}`);
  });
}
