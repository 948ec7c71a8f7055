import type { ApplicantCounts, Applications, Report, ReviewLitigation } from '../src/index.js';

/** A row whose columns are given in template order (自然人 … 其他, 总计). */
export function row(...values: (number | null)[]): ApplicantCounts {
  const [naturalPerson = 0, commercial = 0, research = 0, socialWelfare = 0, legalService = 0, otherOrg = 0, total = 0] =
    values;
  return { naturalPerson, commercial, research, socialWelfare, legalService, otherOrg, total };
}

const zero = (): ApplicantCounts => row(0, 0, 0, 0, 0, 0, 0);

export function applications2021(): Applications {
  return {
    newReceived: row(20, 1, 0, 0, 0, 0, 21),
    carriedOver: row(1, 0, 0, 0, 0, 0, 1),
    results: {
      granted: row(12, 1, 0, 0, 0, 0, 13),
      partiallyGranted: row(2, 0, 0, 0, 0, 0, 2),
      denied: {
        stateSecret: zero(),
        lawForbidden: zero(),
        threeSafetyOneStability: zero(),
        thirdPartyRights: row(1, 0, 0, 0, 0, 0, 1),
        internalAffairs: zero(),
        processInfo: zero(),
        enforcementFile: zero(),
        administrativeQuery: zero(),
      },
      unableToProvide: { notHeld: row(4, 0, 0, 0, 0, 0, 4), needsCreation: zero(), unclearAfterCorrection: zero() },
      notProcessed: { complaint: zero(), duplicate: row(1, 0, 0, 0, 0, 0, 1), publication: zero(), massRepeated: zero(), confirmation: zero() },
      otherHandling: { overdueCorrection: zero(), overdueFee: zero(), other: zero() },
      total: row(20, 1, 0, 0, 0, 0, 21),
    },
    carriedForward: row(1, 0, 0, 0, 0, 0, 1),
  };
}

export function reviewLitigation(): ReviewLitigation {
  const group = (upheld: number, corrected: number, other: number, pending: number) => ({
    upheld,
    corrected,
    other,
    pending,
    total: upheld + corrected + other + pending,
  });
  return { review: group(1, 0, 0, 1), litigationDirect: group(0, 0, 0, 0), litigationAfterReview: group(0, 0, 0, 0) };
}

const span = { start: 0, end: 10, line: 1, column: 1, endLine: 1, endColumn: 11 };

export function report2021(): Report {
  return {
    id: 'a'.repeat(64),
    title: '某市生态环境局2023年政府信息公开工作年度报告',
    year: 2023,
    agency: { name: '某市生态环境局', level: 'prefectural', kind: 'department', region: { code: '350100', name: '某市' } },
    template: 'national-2021',
    publishedOn: '2024-01-20',
    period: { from: '2023-01-01', to: '2023-12-31' },
    language: 'zh-Hans',
    source: { format: 'text', encoding: 'UTF-8', sha256: 'b'.repeat(64), bytes: 12000, name: 'report.txt' },
    sections: [{ kind: 'overview', heading: '一、总体情况', level: 1, span, children: [] }],
    facts: [
      { id: 'f1', label: '主动公开政府信息', value: 258, unit: '条', span },
      { id: 'f2', label: '其中规范性文件', value: 12, unit: '件', span, partOf: 'f1' },
    ],
    proactive: {
      template: 'national-2021',
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 3, repealed: 1, inForce: { value: 25, raw: '25', span } },
      licensing: 120,
      penalty: 45,
      enforcement: 2,
      feesAmount: 12.5,
    },
    applications: applications2021(),
    reviewLitigation: reviewLitigation(),
    fees: { mentioned: true, charged: false, statement: '本年度未收取信息处理费。' },
    diagnostics: [],
  };
}
