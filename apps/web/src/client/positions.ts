/** A lint finding as lintDraft returns it (ESLint's message shape: 1-based lines and columns). */
export interface Finding {
  readonly ruleId: string | null;
  readonly severity: number;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number | null;
  readonly endColumn: number | null;
  readonly path?: string | null;
  readonly messageId?: string | null;
}

/** A finding placed in the source: [start, end) UTF-16 offsets, end > start unless the text is empty. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface PlacedFinding extends Range {
  /** Index in the LintResult's messages. */
  readonly index: number;
  readonly finding: Finding;
}

/** Offsets where each line starts (line 1 at index 0). Lines end at \n; a \r before it belongs to the line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** End of a line's content (before its \r\n or \n). */
function lineEnd(text: string, starts: readonly number[], line: number): number {
  const next = starts[line];
  if (next === undefined) return text.length;
  let end = next - 1;
  if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** The offset of a 1-based line and column, clamped into the text (a column past the line's end → its end). */
export function offsetOf(text: string, starts: readonly number[], line: number, column: number): number {
  const l = Math.min(Math.max(1, Math.trunc(line)), starts.length);
  const start = starts[l - 1] ?? 0;
  const end = lineEnd(text, starts, l);
  return Math.min(start + Math.max(0, Math.trunc(column) - 1), end);
}

/**
 * Where a finding stands in the text. Without an end, or with an empty range, the finding covers the rest of the
 * token at its start (up to the next space or line end, at least one character) so that there is something to see.
 */
export function findingRange(text: string, starts: readonly number[], finding: Finding): Range {
  const start = offsetOf(text, starts, finding.line, finding.column);
  let end = finding.endLine != null && finding.endColumn != null ? offsetOf(text, starts, finding.endLine, finding.endColumn) : start;
  if (end <= start) {
    const stop = lineEnd(text, starts, Math.min(Math.max(1, finding.line), starts.length));
    end = start;
    while (end < stop && !/\s/.test(text[end] ?? ' ')) end++;
    if (end === start && start < text.length) end = start + 1;
  }
  return { start, end };
}

/** Every finding placed in the text, in the order of the messages. */
export function placeFindings(text: string, findings: readonly Finding[]): PlacedFinding[] {
  const starts = lineStarts(text);
  return findings.map((finding, index) => ({ ...findingRange(text, starts, finding), index, finding }));
}

export interface Segment extends Range {
  /** Indexes of the findings covering this stretch (sorted), empty for plain text. */
  readonly findings: readonly number[];
}

/**
 * Cut [from, to) at every finding boundary: consecutive segments covering the stretch, each with the findings that
 * overlap it. Overlapping findings give nested stretches with several indexes.
 */
export function segment(from: number, to: number, ranges: readonly PlacedFinding[]): Segment[] {
  const cuts = new Set<number>([from, to]);
  for (const r of ranges) {
    if (r.start > from && r.start < to) cuts.add(r.start);
    if (r.end > from && r.end < to) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const covering = ranges.filter((r) => r.start < end && r.end > start).map((r) => r.index);
    out.push({ start, end, findings: covering.sort((a, b) => a - b) });
  }
  return out;
}

/** Whether two ranges share at least one character (an empty range counts when it sits inside the other). */
export function overlaps(a: Range, b: Range): boolean {
  if (a.start === a.end) return a.start >= b.start && a.start < b.end;
  if (b.start === b.end) return b.start >= a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}
