import { describe, expect, it } from 'vitest';
import { solveTable, type Constraint, type RowInput } from '../src/index.js';

const COLS = ['a', 'b', 'c', 'd', 'e', 'f', 't'];
const rowTotal = (row: string): Constraint => ({
  id: `I1:${row}`,
  lhs: [`${row}.t`],
  rhs: COLS.slice(0, 6).map((c) => `${row}.${c}`),
  relation: 'equal',
});
const glued = (key: string, text: string, from = 0): RowInput => ({
  key,
  paths: COLS.map((c) => `${key}.${c}`),
  tokens: [{ from, to: from + text.length, text, exact: false }],
});

describe('solveTable (glued digits)', () => {
  it('splits a run uniquely determined by its row total', () => {
    // 41|0|0|3|0|2|46
    const { cells, issues } = solveTable([glued('r', '410030246')], [rowTotal('r')]);
    expect(COLS.map((c) => cells.get(`r.${c}`)?.value)).toEqual([41, 0, 0, 3, 0, 2, 46]);
    expect(issues).toEqual([]);
    expect(cells.get('r.t')).toMatchObject({ raw: '46', from: 7, to: 9 });
  });

  it('keeps candidates and reports AMBIGUOUS_DIGITS when several splits fit', () => {
    // 18|0|0|1|0|2|21  or  1|8|0|0|10|2|21: the row total alone cannot tell
    const { cells, issues } = solveTable([glued('r', '180010221')], [rowTotal('r')]);
    const first = cells.get('r.a');
    expect(first?.value).toBeNull();
    expect(first?.candidates).toEqual([1, 18]);
    expect(cells.get('r.t')?.value).toBe(21);
    expect(cells.get('r.f')?.value).toBe(2);
    expect(issues.map((i) => i.code)).toEqual(['AMBIGUOUS_DIGITS']);
  });

  it('resolves an ambiguous row with identities across rows', () => {
    // row x is ambiguous alone; the column identity x + y = z fixes it
    const rows = [glued('x', '180010221'), glued('y', '1000001', 20), glued('z', '190010222', 40)];
    const columns: Constraint[] = COLS.map((c) => ({ id: `col:${c}`, lhs: [`z.${c}`], rhs: [`x.${c}`, `y.${c}`], relation: 'equal' }));
    const { cells, issues } = solveTable(rows, [rowTotal('x'), rowTotal('y'), rowTotal('z'), ...columns]);
    expect(COLS.map((c) => cells.get(`x.${c}`)?.value)).toEqual([18, 0, 0, 1, 0, 2, 21]);
    expect(issues).toEqual([]);
  });

  it('never repairs an unbalanced exact row', () => {
    const row: RowInput = {
      key: 'r',
      paths: COLS.map((c) => `r.${c}`),
      tokens: ['1', '2', '0', '0', '0', '0', '9'].map((t, i) => ({ from: i * 2, to: i * 2 + 1, text: t, exact: true })),
    };
    const { cells } = solveTable([row], [rowTotal('r')]);
    expect(cells.get('r.t')?.value).toBe(9);
    expect(cells.get('r.a')?.value).toBe(1);
  });

  it('reads blank cells as null', () => {
    const row: RowInput = {
      key: 'r',
      paths: COLS.map((c) => `r.${c}`),
      tokens: ['3', '', '—', '0', '0', '0', ''].map((t, i) => ({ from: i * 2, to: i * 2 + 1, text: t, exact: true })),
    };
    const { cells } = solveTable([row], [rowTotal('r')]);
    expect(cells.get('r.b')?.value).toBeNull();
    expect(cells.get('r.c')?.value).toBeNull();
    expect(cells.get('r.t')?.value).toBeNull();
  });

  it('gives up on runs that cannot fill the row, with a diagnostic', () => {
    const { cells, issues } = solveTable([glued('r', '12')], [rowTotal('r')]);
    expect(cells.size).toBe(0);
    expect(issues[0]?.code).toBe('UNREADABLE_ROW');
  });

  it('stays bounded on a pathological run', () => {
    const start = Date.now();
    const { issues } = solveTable([glued('r', '7'.repeat(200))], [rowTotal('r')]);
    expect(issues[0]?.code).toBe('UNREADABLE_ROW');
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('gives up at once on runs with more readings than it keeps (40–60 digits), instead of building millions', () => {
    // 30 rows of 40-digit runs: each has millions of ways to cut into 7 cells (≈ 50 ms a row before)
    const rows = Array.from({ length: 30 }, (_, i) => glued(`r${i}`, `${'9'.repeat(38 + (i % 3) * 10)}${i % 10}`, i * 100));
    const started = process.cpuUsage();
    const { cells, issues } = solveTable(rows, rows.map((r) => rowTotal(r.key)));
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(300);
    expect(issues.filter((i) => i.code === 'UNREADABLE_ROW')).toHaveLength(30);
    expect([...cells.values()].every((c) => c.value === null)).toBe(true);
  });
});
