import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/client/positions.js';
import { findingRange, lineStarts, offsetOf, overlaps, placeFindings, segment } from '../src/client/positions.js';

const finding = (line: number, column: number, endLine: number | null, endColumn: number | null, severity = 2): Finding => ({
  ruleId: 'table-sum',
  severity,
  message: 'm',
  line,
  column,
  endLine,
  endColumn,
});

describe('line and column to offsets', () => {
  const text = '第一行\r\n总计  12  7\n\n末行';

  it('finds where every line starts, CRLF or LF', () => {
    expect(lineStarts(text)).toEqual([0, 5, 15, 16]);
    expect(lineStarts('')).toEqual([0]);
  });

  it('maps 1-based line/column to UTF-16 offsets and clamps past the line end', () => {
    const starts = lineStarts(text);
    expect(offsetOf(text, starts, 1, 1)).toBe(0);
    expect(text.slice(offsetOf(text, starts, 2, 5), offsetOf(text, starts, 2, 7))).toBe('12');
    // Column beyond the line stops before its \r\n.
    expect(offsetOf(text, starts, 1, 99)).toBe(3);
    // Lines beyond the text clamp to the last line.
    expect(offsetOf(text, starts, 9, 1)).toBe(16);
  });

  it('gives each finding its range, widening empty ones to the token', () => {
    const starts = lineStarts(text);
    expect(findingRange(text, starts, finding(2, 5, 2, 7))).toEqual({ start: 9, end: 11 });
    // No end: the token at the start (up to the next space).
    expect(findingRange(text, starts, finding(2, 5, null, null))).toEqual({ start: 9, end: 11 });
    // Empty range on a blank line: nothing to widen to, but still one character (the newline).
    expect(findingRange(text, starts, finding(3, 1, 3, 1))).toEqual({ start: 15, end: 16 });
    // Multi-line range.
    const r = findingRange(text, starts, finding(1, 2, 2, 3));
    expect(text.slice(r.start, r.end)).toBe('一行\r\n总计');
  });

  it('places findings in message order with their index', () => {
    const placed = placeFindings(text, [finding(4, 1, 4, 3), finding(2, 1, 2, 3, 1)]);
    expect(placed.map((p) => [p.index, text.slice(p.start, p.end), p.finding.severity])).toEqual([
      [0, '末行', 2],
      [1, '总计', 1],
    ]);
  });
});

describe('segments', () => {
  it('cuts a stretch at every finding boundary, nesting overlaps', () => {
    const placed = placeFindings('abcdefghij', [finding(1, 3, 1, 7), finding(1, 5, 1, 12)]);
    expect(segment(0, 10, placed)).toEqual([
      { start: 0, end: 2, findings: [] },
      { start: 2, end: 4, findings: [0] },
      { start: 4, end: 6, findings: [0, 1] },
      { start: 6, end: 10, findings: [1] },
    ]);
    // A stretch inside one finding is one segment.
    expect(segment(4, 6, placed)).toEqual([{ start: 4, end: 6, findings: [0, 1] }]);
  });

  it('tells overlapping ranges, empty ones included', () => {
    expect(overlaps({ start: 0, end: 2 }, { start: 2, end: 4 })).toBe(false);
    expect(overlaps({ start: 0, end: 3 }, { start: 2, end: 4 })).toBe(true);
    expect(overlaps({ start: 3, end: 3 }, { start: 2, end: 4 })).toBe(true);
    expect(overlaps({ start: 4, end: 4 }, { start: 2, end: 4 })).toBe(false);
  });
});
