import type {
  Agency,
  ApplicantCounts,
  Applications,
  LegacyStatistics,
  LegacyStatisticsRow,
  Proactive2019,
  Proactive2021,
  ReviewLitigation,
  ReviewOutcome,
  TemplateId,
} from '@xxgk/schema';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS } from '@xxgk/schema';
import { getTemplate } from '@xxgk/schema/templates';
import type { Rng } from './random.js';

/** The six applicant columns of 表三, 总计 excluded. */
export const PART_COLUMNS = APPLICANT_COLUMNS.filter((c) => c !== 'total');
export type PartColumn = (typeof PART_COLUMNS)[number];

/** What one year hands to the next for the same agency (carry-over and continuity, SPEC §3 I4, I7, I8). */
export interface CarryState {
  readonly year: number;
  /** 四、结转下年度继续办理, per applicant column (national templates). */
  readonly carriedForward?: readonly number[];
  /** 2019 表二: 上一年项目数量 + 本年增/减, per row key (licensing, otherServices, penalty, enforcement, fees). */
  readonly items2019?: Readonly<Record<string, number>>;
  /** 2021 表二: 现行有效件数 (regulations, normativeDocuments). */
  readonly inForce?: Readonly<Record<string, number>>;
  /** Legacy statistics: 历年累计 per row key. */
  readonly cumulative?: Readonly<Record<string, number>>;
  /** The agency's typical yearly figures (so a series stays plausible). */
  readonly scale: Scale;
}

/** Typical yearly figures of an agency (medians; each year draws around them). */
export interface Scale {
  readonly applications: number;
  readonly proactive: number;
  readonly enforcementPower: boolean;
  readonly rulemaking: boolean;
}

export function scaleFor(agency: Agency, rng: Rng): Scale {
  const level = agency.level ?? 'county';
  const kind = agency.kind ?? 'department';
  const gov = kind === 'government';
  const table: Record<string, [number, number]> = {
    national: [300, 3000],
    provincial: gov ? [500, 6000] : kind === 'department' ? [60, 900] : [15, 300],
    prefectural: gov ? [180, 3500] : kind === 'department' ? [20, 500] : [8, 300],
    county: gov ? [35, 1500] : kind === 'department' ? [4, 150] : [3, 120],
    township: [1, 60],
  };
  const [apps, pro] = table[level] ?? [4, 100];
  const big = level === 'prefectural' && gov && rng.chance(0.25) ? 6 : 1;
  return {
    applications: apps * big * Math.exp(0.7 * rng.gaussian()),
    proactive: pro * Math.exp(0.5 * rng.gaussian()),
    enforcementPower: kind === 'department' ? rng.chance(0.65) : gov,
    rulemaking: (gov && (level === 'provincial' || level === 'prefectural')) || level === 'national',
  };
}

/** A count around a median: Poisson for small volumes, log-normal for large ones. */
export function drawCount(rng: Rng, median: number): number {
  if (median < 8) return rng.poisson(median * Math.exp(0.5 * rng.gaussian()));
  return rng.logNormalInt(median, 0.45);
}

const APPLICANT_WEIGHTS: Record<PartColumn, number> = {
  naturalPerson: 85,
  commercial: 7,
  research: 0.7,
  socialWelfare: 0.6,
  legalService: 4,
  otherOrg: 2.7,
};

/** Relative frequency of each 办理结果 row (keyed by path after `applications.results.`). */
const RESULT_WEIGHTS: Record<string, number> = {
  granted: 45,
  partiallyGranted: 7,
  'denied.stateSecret': 0.2,
  'denied.lawForbidden': 0.5,
  'denied.threeSafetyOneStability': 0.3,
  'denied.thirdPartyRights': 1,
  'denied.internalAffairs': 1,
  'denied.processInfo': 2,
  'denied.enforcementFile': 0.5,
  'denied.administrativeQuery': 2,
  'unableToProvide.notHeld': 25,
  'unableToProvide.needsCreation': 3,
  'unableToProvide.unclearAfterCorrection': 2,
  'notProcessed.complaint': 3,
  'notProcessed.duplicate': 2,
  'notProcessed.publication': 0.5,
  'notProcessed.massRepeated': 0.5,
  'notProcessed.confirmation': 1,
  otherHandling: 4,
  'otherHandling.overdueCorrection': 2.5,
  'otherHandling.overdueFee': 0,
  'otherHandling.other': 1.5,
};

/** Set a value at a dotted path, creating objects on the way. */
export function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === undefined || next === null || typeof next !== 'object') {
      const created: Record<string, unknown> = {};
      node[part] = created;
      node = created;
    } else node = next as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

function counts(parts: readonly number[]): ApplicantCounts {
  const out: Record<string, number> = {};
  PART_COLUMNS.forEach((c, i) => (out[c] = parts[i] ?? 0));
  out.total = parts.reduce((s, v) => s + v, 0);
  return out as unknown as ApplicantCounts;
}

/** The 表三 data rows of a template, as paths (from the catalogue). */
export function applicationRowPaths(template: TemplateId): string[] {
  const rows = getTemplate(template).applications?.rows ?? [];
  return rows.flatMap((r) => (r.path === null ? [] : [r.path]));
}

export interface ApplicationsDraft {
  readonly applications: Applications;
}

/**
 * 表三: new applications per applicant column, carried-over ones, the results per column, then the
 * totals derived from the parts, so I1, I2 and I3 hold by construction.
 */
export function generateApplications(
  rng: Rng,
  template: TemplateId,
  options: { volume: number; carriedOver?: readonly number[]; feeNotices: number; minNew?: number },
): Applications {
  const jitter = (w: number) => w * Math.exp(0.5 * rng.gaussian());
  const colWeights = PART_COLUMNS.map((c) => jitter(APPLICANT_WEIGHTS[c]));
  const newTotal = Math.max(options.minNew ?? 0, drawCount(rng, options.volume));
  const received = rng.multinomial(newTotal, colWeights);
  const forwardRate = rng.chance(0.4) ? 0 : 0.01 + rng.next() * 0.07;
  const carriedOver =
    options.carriedOver?.slice() ?? received.map((n) => (rng.chance(0.5) ? 0 : rng.binomial(n, forwardRate)));
  const available = received.map((n, i) => n + (carriedOver[i] ?? 0));
  const carriedForward = available.map((n) => rng.binomial(n, forwardRate));
  const handled = available.map((n, i) => n - (carriedForward[i] ?? 0));

  const paths = applicationRowPaths(template);
  const resultPaths = paths.filter((p) => p.startsWith('applications.results.') && p !== 'applications.results.total');
  const keyOf = (p: string) => p.slice('applications.results.'.length);
  const rowWeights = resultPaths.map((p) => jitter(RESULT_WEIGHTS[keyOf(p)] ?? 0.5));
  const perRow = new Map<string, number[]>(resultPaths.map((p) => [p, PART_COLUMNS.map(() => 0)]));
  handled.forEach((n, ci) => {
    const split = rng.multinomial(n, rowWeights);
    resultPaths.forEach((p, ri) => {
      const row = perRow.get(p);
      if (row) row[ci] = split[ri] ?? 0;
    });
  });
  // 逾期未缴费 needs a fee notice: at most as many as notices were sent, taken from 予以公开.
  const feeRow = perRow.get('applications.results.otherHandling.overdueFee');
  const grantedRow = perRow.get('applications.results.granted');
  if (feeRow && grantedRow && options.feeNotices > 0 && (grantedRow[0] ?? 0) > 0) {
    const k = Math.min(rng.int(0, options.feeNotices), grantedRow[0] ?? 0);
    grantedRow[0] = (grantedRow[0] ?? 0) - k;
    feeRow[0] = (feeRow[0] ?? 0) + k;
  }

  const out: Record<string, unknown> = {};
  setAt(out, 'newReceived', counts(received));
  setAt(out, 'carriedOver', counts(carriedOver));
  for (const p of resultPaths) setAt(out, p.slice('applications.'.length), counts(perRow.get(p) ?? []));
  setAt(out, 'results.total', counts(handled));
  setAt(out, 'carriedForward', counts(carriedForward));
  return out as unknown as Applications;
}

function outcome(rng: Rng, mean: number): ReviewOutcome {
  const n = rng.poisson(mean);
  const [upheld = 0, corrected = 0, other = 0, pending = 0] = rng.multinomial(n, [6, 1.2, 1.5, 1.3]);
  return { upheld, corrected, other, pending, total: upheld + corrected + other + pending };
}

/** 表四: mostly zeros; a few reviews and suits for agencies with many applications. */
export function generateReviewLitigation(rng: Rng, newApplications: number): ReviewLitigation {
  const n = newApplications;
  return {
    review: outcome(rng, n * 0.02 + (rng.chance(0.05) ? 1 : 0)),
    litigationDirect: outcome(rng, n * 0.008),
    litigationAfterReview: outcome(rng, n * 0.004),
  };
}

/** A decimal amount of money with up to `maxDecimals` decimals (as published: 24252.311082). */
export function money(rng: Rng, median: number, maxDecimals: number): number {
  const value = median * Math.exp(0.9 * rng.gaussian());
  const decimals = rng.pick([0, 2, 2, 4, maxDecimals].filter((d) => d <= maxDecimals));
  return Number(value.toFixed(decimals));
}

/** 表二, national-2021. */
export function generateProactive2021(rng: Rng, agency: Agency, scale: Scale, carry?: CarryState): Proactive2021 {
  const docCounts = (key: string, issuedMean: number, inForceMedian: number) => {
    const issued = rng.poisson(issuedMean);
    const repealed = rng.poisson(issuedMean * 0.4);
    const before = carry?.inForce?.[key] ?? (inForceMedian > 0 ? rng.logNormalInt(inForceMedian, 0.5) + repealed : repealed);
    return { issued, repealed: Math.min(repealed, before), inForce: Math.max(0, before + issued - Math.min(repealed, before)) };
  };
  const gov = agency.kind === 'government';
  const township = agency.level === 'township';
  const regulations = scale.rulemaking ? docCounts('regulations', 2.5, 60) : { issued: 0, repealed: 0, inForce: 0 };
  const normativeDocuments = township
    ? docCounts('normativeDocuments', 0.3, 0)
    : docCounts('normativeDocuments', gov ? 8 : 2, gov ? 80 : 15);
  const decisions = (median: number, zeroRate: number) =>
    !scale.enforcementPower || rng.chance(zeroRate) ? 0 : rng.logNormalInt(median, 1.1);
  const levelFactor = { national: 8, provincial: 4, prefectural: 2, county: 1, township: 0.1 }[agency.level ?? 'county'];
  return {
    template: 'national-2021',
    regulations,
    normativeDocuments,
    licensing: decisions(200 * levelFactor, 0.2),
    penalty: decisions(120 * levelFactor, 0.25),
    enforcement: decisions(8 * levelFactor, 0.6),
    feesAmount: scale.enforcementPower && !township && rng.chance(0.45) ? money(rng, 40 * levelFactor, 6) : 0,
  };
}

export const ITEM_ROWS_2019 = ['licensing', 'otherServices', 'penalty', 'enforcement', 'fees'] as const;

/** 表二, national-2019 (signed 本年增/减, procurement amount with a unit). */
export function generateProactive2019(rng: Rng, agency: Agency, scale: Scale, carry?: CarryState): Proactive2019 {
  const docs = (mean: number, totalMedian: number) => {
    const newlyMade = rng.poisson(mean);
    const newlyPublished = rng.chance(0.85) ? newlyMade : rng.int(0, newlyMade);
    return { newlyMade, newlyPublished, totalPublished: newlyPublished + (totalMedian > 0 ? rng.logNormalInt(totalMedian, 0.6) : 0) };
  };
  const gov = agency.kind === 'government';
  const township = agency.level === 'township';
  const levelFactor = { national: 8, provincial: 4, prefectural: 2, county: 1, township: 0.1 }[agency.level ?? 'county'];
  const items = (key: string, itemsMedian: number, decisionsMedian: number) => {
    const prevYearItems = carry?.items2019?.[key] ?? (scale.enforcementPower ? rng.logNormalInt(itemsMedian, 0.7) : 0);
    const delta = rng.chance(0.7) ? 0 : Math.max(-prevYearItems, Math.round(prevYearItems * 0.15 * rng.gaussian()));
    const decisions = scale.enforcementPower && prevYearItems > 0 ? rng.logNormalInt(decisionsMedian, 1.0) : 0;
    return { prevYearItems, delta, decisions };
  };
  const fees = (() => {
    const prevYearItems = carry?.items2019?.fees ?? (scale.enforcementPower && !township ? rng.int(0, 12) : 0);
    const delta = rng.chance(0.8) ? 0 : Math.max(-prevYearItems, rng.int(-3, 2));
    return { prevYearItems, delta };
  })();
  const unit = rng.chance(0.6) ? '元' : '万元';
  const projects = township ? rng.poisson(1) : rng.poisson(6 * levelFactor);
  const totalAmount = projects === 0 ? 0 : unit === '元' ? money(rng, 400000 * projects, 2) : money(rng, 40 * projects, 4);
  return {
    template: 'national-2019',
    regulations: scale.rulemaking ? docs(2.5, 50) : { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
    normativeDocuments: township ? docs(0.3, 0) : docs(gov ? 8 : 2, gov ? 60 : 12),
    licensing: items('licensing', 40 * levelFactor, 200 * levelFactor),
    otherServices: items('otherServices', 15 * levelFactor, 150 * levelFactor),
    penalty: items('penalty', 200 * levelFactor, 100 * levelFactor),
    enforcement: items('enforcement', 15 * levelFactor, 8 * levelFactor),
    fees,
    procurement: { projects, totalAmount, unit },
  };
}

/** The next year's carry of a 2019 表二: 上一年项目数量 + 本年增/减 (SPEC §3 I7). */
export function items2019Carry(p: Proactive2019): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of ITEM_ROWS_2019) {
    const row = p[key];
    out[key] = num(row.prevYearItems) + num(row.delta);
  }
  return out;
}

export function num(cell: unknown): number {
  if (typeof cell === 'number') return cell;
  if (cell !== null && typeof cell === 'object' && 'value' in cell && typeof cell.value === 'number') return cell.value;
  return 0;
}

/** The two forms of legacy statistics tables (SPEC §6): Fujian-style and Shanghai-derived. */
const LEGACY_FORMS: Record<'fujian' | 'shanghai', readonly string[]> = {
  fujian: [
    'proactiveTotal', 'proactiveWebsite', 'proactiveGazette', 'applicationsTotal', 'applicationsInPerson',
    'applicationsOnline', 'applicationsLetterFax', 'responsesTotal', 'responsesGranted', 'responsesPartial',
    'responsesDenied', 'responsesOther', 'feesWaived', 'complaints', 'reviews', 'litigations',
  ],
  shanghai: [
    'proactiveTotal', 'proactiveWebsite', 'proactiveGazette', 'applicationsTotal', 'applicationsInPerson',
    'applicationsFax', 'applicationsEmail', 'applicationsOnline', 'applicationsLetter', 'applicationsOther',
    'responsesTotal', 'responsesGranted', 'responsesPartial', 'responsesDenied', 'responsesOther', 'feesWaived',
    'complaints', 'reviews', 'litigations',
  ],
};

export interface LegacyDraft {
  readonly statistics: LegacyStatistics;
  /** The year's values by key (for prose). */
  readonly year: Readonly<Record<string, number>>;
}

/**
 * The legacy statistics table: the year's values (sub-rows summing to their totals where L1 says
 * so), and 历年累计 = last year's 累计 + this year (or an invented history when there is no last year).
 */
export function generateLegacyStatistics(
  rng: Rng,
  options: { volume: number; proactive: number; year: number; carry?: CarryState; minResponses?: number },
): LegacyDraft {
  // The form stays the same for an agency from year to year.
  const previousForm = options.carry?.cumulative ? ('applicationsEmail' in options.carry.cumulative ? 'shanghai' : 'fujian') : null;
  const drawn = rng.chance(0.6) ? 'fujian' : 'shanghai';
  const form = previousForm ?? drawn;
  const keys = LEGACY_FORMS[form];
  const y: Record<string, number> = {};
  const proactiveTotal = Math.max(1, drawCount(rng, options.proactive));
  y.proactiveTotal = proactiveTotal;
  y.proactiveWebsite = proactiveTotal - rng.binomial(proactiveTotal, 0.1);
  y.proactiveGazette = rng.binomial(proactiveTotal, 0.05);
  const applications = Math.max(options.minResponses ?? 0, drawCount(rng, options.volume * 0.6));
  const ways = keys.filter((k) => k.startsWith('applications') && k !== 'applicationsTotal');
  const wayWeights = ways.map((k) => (k === 'applicationsOnline' ? 5 : k === 'applicationsInPerson' ? 3 : 1));
  rng.multinomial(applications, wayWeights).forEach((n, i) => (y[ways[i] as string] = n));
  y.applicationsTotal = applications;
  const responses = applications - (rng.chance(0.8) ? 0 : rng.binomial(applications, 0.05));
  const [g = 0, p = 0, d = 0, o = 0] = rng.multinomial(responses, [70, 8, 7, 15]);
  Object.assign(y, { responsesTotal: responses, responsesGranted: g, responsesPartial: p, responsesDenied: d, responsesOther: o });
  y.feesWaived = 0;
  y.complaints = rng.poisson(applications * 0.005);
  y.reviews = rng.poisson(applications * 0.01);
  y.litigations = rng.poisson(applications * 0.004);

  const yearsBefore = Math.max(0, options.year - 2008);
  const cum: Record<string, number> = {};
  const history = yearsBefore * (0.6 + rng.next() * 0.6);
  for (const key of keys) {
    const prev = options.carry?.cumulative?.[key];
    if (prev !== undefined) cum[key] = prev + (y[key] ?? 0);
    else if (key === 'feesWaived') cum[key] = 0;
    else cum[key] = (y[key] ?? 0) + Math.round((y[key] ?? 0) * history);
  }
  // Re-derive totals of the cumulative column so L1 holds there too.
  cum.applicationsTotal = ways.reduce((s, k) => s + (cum[k] ?? 0), 0);
  cum.responsesTotal = ['responsesGranted', 'responsesPartial', 'responsesDenied', 'responsesOther'].reduce(
    (s, k) => s + (cum[k] ?? 0),
    0,
  );
  cum.proactiveWebsite = Math.min(cum.proactiveWebsite ?? 0, cum.proactiveTotal ?? 0);
  cum.proactiveGazette = Math.min(cum.proactiveGazette ?? 0, cum.proactiveTotal ?? 0);

  const defs = getTemplate('legacy-2008').legacyStatistics?.rows ?? [];
  const rows: LegacyStatisticsRow[] = keys.map((key) => {
    const def = defs.find((d) => d.key === key);
    return { key, label: def?.label ?? key, unit: def?.unit ?? '', year: y[key] ?? 0, cumulative: cum[key] ?? 0 };
  });
  return { statistics: { rows }, year: y };
}

export function cumulativeCarry(stats: LegacyStatistics): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of stats.rows) if (row.key) out[row.key] = num(row.cumulative);
  return out;
}

export { REVIEW_COLUMNS, REVIEW_GROUPS };
