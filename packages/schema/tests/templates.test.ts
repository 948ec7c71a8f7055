import { describe, expect, it } from 'vitest';
import { cellAt, cellValue } from '../src/index.js';
import { TEMPLATES, national2019, national2021, legacy2008, templateForYear } from '../src/templates/index.js';
import { report2021 } from './fixtures.js';

describe('template catalogues', () => {
  it('maps report years to the template in force', () => {
    expect([2008, 2018, 2019, 2020, 2021, 2025].map(templateForYear)).toEqual([
      'legacy-2008',
      'legacy-2008',
      'national-2019',
      'national-2019',
      'national-2021',
      'national-2021',
    ]);
  });

  it('has 22 data and label rows under 三 in 2021 and 20 in 2019 (SPEC §2.4)', () => {
    // The printed rows that 三、本年度办理结果 spans (its rowspan): one per data row.
    const under3 = (rows: readonly { block: string; path: string | null }[]) =>
      rows.filter((r) => r.block === '三' && r.path !== null).length;
    expect(under3(national2021.applications!.rows)).toBe(22);
    expect(under3(national2019.applications!.rows)).toBe(20);
    expect(national2019.applications!.rows.filter((r) => r.path !== null)).toHaveLength(23);
    expect(national2021.applications!.rows.filter((r) => r.path !== null)).toHaveLength(25);
  });

  it('lists 15 表四 cells and the 2019/2021 表二 cells', () => {
    expect(national2021.cells.filter((c) => c.table === 'reviewLitigation')).toHaveLength(15);
    expect(national2021.cells.filter((c) => c.table === 'proactive')).toHaveLength(10);
    expect(national2019.cells.filter((c) => c.table === 'proactive')).toHaveLength(22);
    expect(national2019.cells.filter((c) => c.kind === 'signed').map((c) => c.path)).toContain('proactive.penalty.delta');
    expect(national2021.cells.find((c) => c.path === 'proactive.feesAmount')?.kind).toBe('money');
  });

  it('gives every national identity paths that exist in a 2021 report', () => {
    const report = report2021();
    for (const identity of national2021.identities) {
      for (const path of [...identity.lhs, ...identity.rhs]) {
        expect(cellAt(report, path), `${identity.id}: ${path}`).not.toBeUndefined();
      }
    }
  });

  it('holds every identity on a balanced report and catches a changed cell', () => {
    const report = report2021();
    const sum = (paths: readonly string[]) => paths.reduce((s, p) => s + (cellValue(cellAt(report, p)) ?? 0), 0);
    const failing = () => national2021.identities.filter((i) => sum(i.lhs) !== sum(i.rhs)).map((i) => i.id);
    expect(failing()).toEqual([]);
    report.applications!.results.granted.naturalPerson = 13;
    expect(failing()).toEqual(['I1:applications.results.granted', 'I2:naturalPerson']);
  });

  it('counts the identities: 7 columns × (I2, I3), one I1 per data row, three I5', () => {
    const kinds = (ids: readonly { kind: string }[]) =>
      ids.reduce<Record<string, number>>((acc, i) => ({ ...acc, [i.kind]: (acc[i.kind] ?? 0) + 1 }), {});
    expect(kinds(national2021.identities)).toEqual({ 'row-total': 25, 'column-total': 7, balance: 7, 'group-total': 3 });
    expect(kinds(national2019.identities)).toEqual({ 'row-total': 23, 'column-total': 7, balance: 7, 'group-total': 3 });
  });

  it('has the six required sections in the national templates and Art. 32 keywords for legacy reports', () => {
    expect(national2021.sections.map((s) => s.ordinal)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(legacy2008.sections.find((s) => s.kind === 'fees')?.keywords).toEqual([['收费', '减免', '费用']]);
    expect(Object.keys(TEMPLATES)).toEqual(['legacy-2008', 'national-2019', 'national-2021']);
  });
});
