import { createHash } from 'node:crypto';
import type {
  Agency,
  ApplicantCounts,
  Applications,
  Proactive,
  Report,
  ReviewLitigation,
  ReviewOutcome,
  Section,
} from '@xxgk/schema';
import { APPLICANT_COLUMNS } from '@xxgk/schema';
import { templateForYear } from '@xxgk/schema/templates';

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BuildReportOptions {
  readonly seed: number;
  readonly agency: Agency;
  /** 2019 or later (national templates). */
  readonly year: number;
  /** Typical number of new applications (spread over the applicant columns). Default 40. */
  readonly scale?: number;
  /** unbalanced: 自然人 予以公开 raised by 3, so row and column totals and the balance fail. */
  readonly defect?: 'unbalanced' | null;
  /** Changes the document (and its hash) without changing the figures: a corrected re-issue. */
  readonly revision?: number;
  /** This year's 上年结转 per applicant column (e.g. last year's 结转下年度), instead of random. */
  readonly carriedOver?: Partial<Record<(typeof APPLICANT_COLUMNS)[number], number>>;
}

type Counts = Record<(typeof APPLICANT_COLUMNS)[number], number>;
const PARTS = APPLICANT_COLUMNS.filter((c) => c !== 'total');

function row(values: Omit<Counts, 'total'>): ApplicantCounts {
  const total = PARTS.reduce((s, c) => s + values[c], 0);
  return { ...values, total };
}

function zeros(): Omit<Counts, 'total'> {
  return { naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0 };
}

const RESULT_ROWS_2021 = [
  'granted',
  'partiallyGranted',
  'denied.stateSecret',
  'denied.lawForbidden',
  'denied.threeSafetyOneStability',
  'denied.thirdPartyRights',
  'denied.internalAffairs',
  'denied.processInfo',
  'denied.enforcementFile',
  'denied.administrativeQuery',
  'unableToProvide.notHeld',
  'unableToProvide.needsCreation',
  'unableToProvide.unclearAfterCorrection',
  'notProcessed.complaint',
  'notProcessed.duplicate',
  'notProcessed.publication',
  'notProcessed.massRepeated',
  'notProcessed.confirmation',
  'otherHandling.overdueCorrection',
  'otherHandling.overdueFee',
  'otherHandling.other',
] as const;
const WEIGHTS_2021 = [40, 12, 1, 1, 1, 2, 2, 3, 1, 2, 14, 3, 2, 3, 2, 1, 1, 1, 2, 1, 5];

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1) as string] = value;
}

function buildApplications(rand: () => number, options: BuildReportOptions, template: Report['template']): Applications {
  const scale = options.scale ?? 40;
  const rowKeys: string[] =
    template === 'national-2021' ? [...RESULT_ROWS_2021] : [...RESULT_ROWS_2021.slice(0, 18), 'otherHandling'];
  const weights = template === 'national-2021' ? WEIGHTS_2021 : [...WEIGHTS_2021.slice(0, 18), 8];
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const share = [0.78, 0.1, 0.01, 0.02, 0.03, 0.06];
  const newReceived = zeros();
  const carriedOver = zeros();
  const carriedForward = zeros();
  const results = new Map(rowKeys.map((k) => [k, zeros()]));
  PARTS.forEach((col, i) => {
    const n = Math.round(scale * (share[i] ?? 0) * (0.5 + rand()));
    const c = options.carriedOver?.[col] ?? (rand() < 0.4 ? Math.floor(rand() * 3) : 0);
    const f = Math.min(n + c, rand() < 0.4 ? Math.floor(rand() * 3) : 0);
    newReceived[col] = n;
    carriedOver[col] = c;
    carriedForward[col] = f;
    let left = n + c - f;
    while (left > 0) {
      let pick = rand() * weightSum;
      let k = 0;
      while (k < weights.length - 1 && pick >= (weights[k] ?? 0)) pick -= weights[k++] ?? 0;
      const r = results.get(rowKeys[k] as string);
      if (r) r[col] += 1;
      left -= 1;
    }
  });
  const resultTotal = zeros();
  for (const values of results.values()) for (const col of PARTS) resultTotal[col] += values[col];
  if (options.defect === 'unbalanced') {
    const granted = results.get('granted');
    if (granted) granted.naturalPerson += 3;
  }
  const out: Record<string, unknown> = {};
  for (const [key, values] of results) setPath(out, key, row(values));
  // The defect leaves the printed totals as they were (the sums no longer match).
  const grantedRow = out.granted as ApplicantCounts;
  if (options.defect === 'unbalanced') grantedRow.total = (grantedRow.total as number) - 3;
  out.total = row(resultTotal);
  return {
    newReceived: row(newReceived),
    carriedOver: row(carriedOver),
    results: out as unknown as Applications['results'],
    carriedForward: row(carriedForward),
  };
}

function outcome(rand: () => number, max: number): ReviewOutcome {
  const upheld = Math.floor(rand() * max);
  const corrected = Math.floor(rand() * (max / 4 + 1));
  const other = Math.floor(rand() * 2);
  const pending = Math.floor(rand() * 2);
  return { upheld, corrected, other, pending, total: upheld + corrected + other + pending };
}

function buildProactive(rand: () => number, template: Report['template']): Proactive {
  const n = (max: number) => Math.floor(rand() * max);
  if (template === 'national-2021') {
    return {
      template: 'national-2021',
      regulations: { issued: n(3), repealed: n(2), inForce: 5 + n(20) },
      normativeDocuments: { issued: n(12), repealed: n(5), inForce: 20 + n(80) },
      licensing: n(5000),
      penalty: n(800),
      enforcement: n(60),
      feesAmount: Math.round(rand() * 50000) / 100,
    };
  }
  const items = () => ({ prevYearItems: 10 + n(200), delta: n(11) - 5, decisions: n(3000) });
  return {
    template: 'national-2019',
    regulations: { newlyMade: n(3), newlyPublished: n(3), totalPublished: 5 + n(20) },
    normativeDocuments: { newlyMade: n(12), newlyPublished: n(12), totalPublished: 20 + n(80) },
    licensing: items(),
    otherServices: items(),
    penalty: items(),
    enforcement: items(),
    fees: { prevYearItems: n(20), delta: n(3) - 1 },
    procurement: { projects: n(40), totalAmount: Math.round(rand() * 100000) / 100, unit: '万元' },
  };
}

const SECTION_HEADINGS: [Section['kind'], string][] = [
  ['overview', '一、总体情况'],
  ['proactive', '二、主动公开政府信息情况'],
  ['applications', '三、收到和处理政府信息公开申请情况'],
  ['reviewLitigation', '四、政府信息公开行政复议、行政诉讼情况'],
  ['problems', '五、存在的主要问题及改进情况'],
  ['otherMatters', '六、其他需要报告的事项'],
];

/**
 * A realistic national-template Report (2019 on) whose tables balance unless a defect is asked for;
 * deterministic for a seed. For tests and as demo data when @xxgk/synth is not at hand.
 */
export function buildReport(options: BuildReportOptions): Report {
  const rand = random(options.seed);
  const template = templateForYear(options.year);
  if (template === 'legacy-2008') throw new RangeError('buildReport makes national-template reports (2019 on)');
  const applications = buildApplications(rand, options, template);
  const review = outcome(rand, 6);
  const reviewLitigation: ReviewLitigation = {
    review,
    litigationDirect: outcome(rand, 4),
    litigationAfterReview: outcome(rand, 2),
  };
  const proactive = buildProactive(rand, template);
  const title = `${options.agency.name}${options.year}年政府信息公开工作年度报告`;
  const sections: Section[] = SECTION_HEADINGS.map(([kind, heading], i) => ({
    kind,
    heading,
    level: 1,
    span: { start: i * 1000 + 40, end: i * 1000 + 1040, line: i * 20 + 3, column: 1, endLine: i * 20 + 22, endColumn: 1 },
    children: [],
  }));
  const body = { title, agency: options.agency, year: options.year, applications, proactive, reviewLitigation };
  const sha256 = createHash('sha256')
    .update(JSON.stringify(body))
    .update(`revision:${options.revision ?? 0}`)
    .digest('hex');
  const m = 1 + Math.floor(rand() * 3);
  return {
    id: sha256,
    title,
    year: options.year,
    agency: options.agency,
    template,
    publishedOn: `${options.year + 1}-0${m}-${String(10 + Math.floor(rand() * 18))}`,
    period: { from: `${options.year}-01-01`, to: `${options.year}-12-31` },
    language: 'zh-Hans',
    source: { format: 'text', encoding: 'UTF-8', sha256, bytes: 6000 + Math.floor(rand() * 4000) },
    sections,
    facts: [],
    proactive,
    applications,
    reviewLitigation,
    fees: { mentioned: true, charged: false, statement: '本年度未收取信息处理费。' },
    diagnostics: [],
  };
}
