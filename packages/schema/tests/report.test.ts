import { describe, expect, it } from 'vitest';
import {
  ApplicationsSchema,
  ProactiveSchema,
  ReportSchema,
  cellAt,
  cellSpan,
  cellValue,
  isOtherHandling2021,
} from '../src/index.js';
import { applications2021, report2021, row } from './fixtures.js';

describe('ReportSchema', () => {
  it('accepts a complete national-2021 report', () => {
    const parsed = ReportSchema.parse(report2021());
    expect(parsed.applications?.results.total.total).toBe(21);
  });

  it('describes shape, not judgement: negative, fractional and unbalanced numbers still fit', () => {
    const report = report2021();
    report.applications!.newReceived = row(-3, 0.5, 0, 0, 0, 0, 999);
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('keeps blank cells as null, never 0', () => {
    const report = report2021();
    report.applications!.carriedForward.total = null;
    const parsed = ReportSchema.parse(report);
    expect(parsed.applications!.carriedForward.total).toBeNull();
  });

  it('rejects a cell that is not a number, null or a cell object', () => {
    const report = report2021() as unknown as { applications: { newReceived: { total: unknown } } };
    report.applications.newReceived.total = '21';
    expect(ReportSchema.safeParse(report).success).toBe(false);
  });

  it('rejects an unknown template id and a malformed date', () => {
    expect(ReportSchema.safeParse({ ...report2021(), template: 'national-2022' }).success).toBe(false);
    expect(ReportSchema.safeParse({ ...report2021(), publishedOn: '2024年1月20日' }).success).toBe(false);
  });

  it('models both shapes of 表二: five 2019 sub-tables with signed deltas, four 2021 ones', () => {
    const p2019 = ProactiveSchema.parse({
      template: 'national-2019',
      regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 3 },
      normativeDocuments: { newlyMade: 5, newlyPublished: 5, totalPublished: 60 },
      licensing: { prevYearItems: 320, delta: -15, decisions: 5200 },
      otherServices: { prevYearItems: 40, delta: 2, decisions: 800 },
      penalty: { prevYearItems: 2648, delta: -185, decisions: 1200 },
      enforcement: { prevYearItems: 12, delta: 0, decisions: 30 },
      fees: { prevYearItems: 8, delta: -1 },
      procurement: { projects: 41, totalAmount: 75394432.52, unit: '元' },
    });
    expect(p2019.template).toBe('national-2019');
    expect(ProactiveSchema.safeParse({ ...p2019, template: 'national-2021' }).success).toBe(false);
  });

  it('models （六）其他处理 as one row in 2019 and three in 2021', () => {
    const a2021 = ApplicationsSchema.parse(applications2021());
    expect(isOtherHandling2021(a2021.results.otherHandling)).toBe(true);
    const a2019 = ApplicationsSchema.parse({ ...applications2021(), results: { ...applications2021().results, otherHandling: row(1, 0, 0, 0, 0, 0, 1) } });
    expect(isOtherHandling2021(a2019.results.otherHandling)).toBe(false);
  });
});

describe('cells and paths', () => {
  it('reads plain and object cells alike', () => {
    const report = report2021();
    expect(cellValue(cellAt(report, 'proactive.normativeDocuments.inForce'))).toBe(25);
    expect(cellSpan(cellAt(report, 'proactive.normativeDocuments.inForce'))?.line).toBe(1);
    expect(cellValue(cellAt(report, 'applications.results.denied.thirdPartyRights.naturalPerson'))).toBe(1);
    expect(cellValue(cellAt(report, 'reviewLitigation.review.total'))).toBe(2);
  });

  it('returns undefined for a path the report does not have', () => {
    const report = report2021();
    expect(cellAt(report, 'applications.results.nothing.total')).toBeUndefined();
    expect(cellAt({ ...report, applications: null }, 'applications.newReceived.total')).toBeUndefined();
    expect(cellAt(report, 'legacyStatistics.applicationsTotal.year')).toBeUndefined();
  });

  it('finds legacy statistics rows by key', () => {
    const report = {
      ...report2021(),
      legacyStatistics: { rows: [{ key: 'applicationsTotal', label: '受理依申请公开信息总数', year: 3, cumulative: 17 }] },
    };
    expect(cellValue(cellAt(report, 'legacyStatistics.applicationsTotal.year'))).toBe(3);
    expect(cellValue(cellAt(report, 'legacyStatistics.applicationsTotal.cumulative'))).toBe(17);
  });
});
