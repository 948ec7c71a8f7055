import type { Agency, AgencyKind, AgencyLevel } from '@xxgk/schema';
import type { Geography, Place } from './agencies.js';
import { AgencyFactory, isCountyOrAboveGovernment } from './agencies.js';
import type { ReportCore } from './core.js';
import { DEFECTS } from './defects.js';
import { SynthError } from './errors.js';
import type { ReportModel } from './generate.js';
import { MAX_YEAR, MIN_YEAR, build } from './generate.js';
import type { CarryState } from './numbers.js';
import { Rng } from './random.js';

/**
 * A region as a supervising office (政务公开办) sees it each spring: every agency under a region code,
 * several years of reports, with some agency-years missing, published late, undated, or a 工作总结
 * filed in place of the 年度报告 — and the exact coverage a correct tool must report.
 */

export interface RegionOptions {
  seed: number;
  /**
   * The region: 2 digits (a province), 4 (a prefecture) or 6 (a county), as a prefix of GB/T 2260
   * codes. Default: a prefecture drawn from the seed.
   */
  regionCode?: string;
  /** Report years (2008–2025). */
  years: readonly number[];
  /** Agencies under the region (default 12; at least 1). */
  agencies?: number;
  /** Agency-years without any report (every agency keeps at least one report). Default 0. */
  missing?: number;
  /** Agency-years published after their deadline (by 1 to 120 days). Default 0. */
  late?: number;
  /** Agency-years whose document is titled 工作总结 instead of 年度报告 (published on time). Default 0. */
  workSummary?: number;
  /** Agency-years whose document carries no date. Default 0. */
  undated?: number;
  /** Agencies of a neighbouring region (same parent, another code) reporting every year on time. Default 2. */
  outside?: number;
}

/** ON_TIME / LATE by the publication date against the deadline; MISSING: no report; UNDATED: no date. */
export type PublicationStatus = 'ON_TIME' | 'LATE' | 'MISSING' | 'UNDATED';

/** One agency's publication record for one year. */
export interface ExpectedPublication {
  readonly agency: Agency;
  readonly year: number;
  readonly status: PublicationStatus;
  /** ISO date: the legal deadline (see `publicationDeadline`). */
  readonly deadline: string;
  readonly publishedOn: string | null;
  /** Days after the deadline (LATE only, else null). */
  readonly daysLate: number | null;
  /** The document is a 工作总结 rather than a 年度报告. */
  readonly workSummary: boolean;
  /** The report's content id (Report.id), null when missing. */
  readonly reportId: string | null;
}

export interface GeneratedRegion {
  readonly regionCode: string;
  /** Agencies under the region, in the order they were drawn. */
  readonly agencies: readonly Agency[];
  /** Agencies of a neighbouring region (their reports are in `reports`, never in `coverage`). */
  readonly outside: readonly Agency[];
  /** Every report published, year by year (inside and outside the region). */
  readonly reports: readonly ReportModel[];
  /** Every agency under the region × every year, ordered by region code, name, then year. */
  readonly coverage: readonly ExpectedPublication[];
}

const AREA_BODY = /(?:管理委员会|管委会)$/;

/**
 * The publication deadline (ISO date) of an agency's report for a year, as the `publication-deadline`
 * rule and the store's coverage apply it (SPEC §1.2): 3月31日 of year+1 before 2019; since 2019
 * 3月31日 for a 县级以上人民政府 and 1月31日 for a 部门, a 乡镇 or a 街道办事处. A 开发区管理委员会
 * (neither a 部门 nor a 人民政府; the regulation does not say) gets the later 3月31日.
 */
export function publicationDeadline(agency: Agency, year: number): string {
  const late = year <= 2018 || isCountyOrAboveGovernment(agency) || (agency.kind === 'other' && AREA_BODY.test(agency.name));
  return `${year + 1}-${late ? '03-31' : '01-31'}`;
}

function addDays(iso: string, days: number): ReportCore['publishedOn'] {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function count(name: string, value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0) throw new SynthError('INVALID_OPTIONS', `${name} must be a non-negative integer, got ${String(value)}`);
  return n;
}

function withCode(place: Place, code: string): Place {
  return { ...place, code };
}

/** Geographies whose codes all start with `code` (2, 4 or 6 digits); for a county, its townships. */
function geographiesUnder(factory: AgencyFactory, code: string, n: number): Geography[] {
  const first = factory.geography();
  const province = withCode(first.province, `${code.slice(0, 2)}0000`);
  const prefectureCode = code.length >= 4 ? code.slice(0, 4) : `${code.slice(0, 2)}${first.prefecture.code.slice(2, 4)}`;
  const prefecture = withCode(first.prefecture, `${prefectureCode}00`);
  const geos: Geography[] = [];
  for (let i = 0; i < n; i++) {
    const geo = factory.geography({ province, prefecture });
    const base = geos[0];
    if (code.length < 6) geos.push(geo);
    else if (!base) geos.push({ ...geo, county: withCode(geo.county, code), township: withCode(geo.township, code) });
    // One county: further geographies only add townships of it.
    else geos.push({ ...base, township: { ...geo.township, code, prefix: `${base.county.prefix}${geo.township.name}` } });
  }
  return geos;
}

/** A sibling of the region under the same parent (another province for a province). */
function neighbourCode(code: string, rng: Rng): string {
  const head = code.slice(0, -2);
  const own = Number(code.slice(-2));
  const lo = code.length === 2 ? 11 : 1;
  const hi = code.length === 2 ? 65 : code.length === 4 ? 20 : 40;
  let n = own;
  while (n === own) n = rng.int(lo, hi);
  return `${head}${String(n).padStart(2, '0')}`;
}

interface Plan {
  readonly level: AgencyLevel;
  readonly kind: AgencyKind;
}

/** The agencies of a region: its own government first, then a 部门, a 乡镇, a 街道, a 管委会, then drawn. */
function plans(code: string, n: number, rng: Rng): Plan[] {
  const top: AgencyLevel = code.length === 2 ? 'provincial' : code.length === 4 ? 'prefectural' : 'county';
  const levels: AgencyLevel[] = code.length === 2 ? ['provincial', 'prefectural', 'county', 'township'] : code.length === 4 ? ['prefectural', 'county', 'township'] : ['county', 'township'];
  const fixed: Plan[] = [
    { level: top, kind: 'government' },
    { level: top, kind: 'department' },
    { level: 'township', kind: 'government' },
    { level: 'township', kind: 'other' },
    { level: top, kind: 'other' },
    { level: 'county', kind: 'government' },
    { level: 'county', kind: 'department' },
  ];
  const out = fixed.slice(0, n);
  while (out.length < n) {
    const level = rng.pick(levels);
    const kind: AgencyKind =
      level === 'township' ? rng.weighted<AgencyKind>([['government', 3], ['other', 1]]) : rng.weighted<AgencyKind>([['government', 1], ['department', 6], ['other', 1]]);
    out.push({ level, kind });
  }
  return out;
}

function agenciesFor(factory: AgencyFactory, code: string, n: number, rng: Rng): Agency[] {
  const geos = geographiesUnder(factory, code, Math.max(1, Math.ceil(n / 8)));
  const top: AgencyLevel = code.length === 2 ? 'provincial' : code.length === 4 ? 'prefectural' : 'county';
  // When a name is taken (each place has one government) the factory moves to another place: fall
  // back to 部门 and 街道 of the region's places, of which there are dozens.
  const fallbacks: Plan[] = [
    { level: top, kind: 'department' },
    { level: 'county', kind: 'department' },
    { level: 'township', kind: 'other' },
    { level: 'township', kind: 'department' },
  ];
  return plans(code, n, rng).map((plan, i) => {
    for (let attempt = 0; attempt < 80; attempt++) {
      const geography = geos[(i + attempt) % geos.length] as Geography;
      const next = attempt === 0 ? plan : (fallbacks[attempt % fallbacks.length] as Plan);
      const agency = factory.agency({ ...next, geography });
      if (agency.region?.code?.startsWith(code)) return agency;
    }
    throw new SynthError('INVALID_OPTIONS', `too many agencies for region ${code}`);
  });
}

type Special = 'missing' | 'late' | 'workSummary' | 'undated';

/**
 * A region of agencies reporting over several years, some missing a year, some late, some undated,
 * some filing a 工作总结, with the coverage a supervisor's tool must report (`coverage`).
 */
export function generateRegion(options: RegionOptions): GeneratedRegion {
  if (!Number.isInteger(options.seed)) throw new SynthError('INVALID_OPTIONS', `seed must be an integer, got ${String(options.seed)}`);
  const years = [...new Set(options.years)].sort((a, b) => a - b);
  if (years.length === 0) throw new SynthError('INVALID_OPTIONS', 'years must not be empty');
  for (const y of years) {
    if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) {
      throw new SynthError('INVALID_OPTIONS', `year must be an integer in ${MIN_YEAR}–${MAX_YEAR}, got ${String(y)}`);
    }
  }
  const rng = new Rng(`region:${options.seed}`);
  const factory = new AgencyFactory(rng.fork('agencies'));
  let code = options.regionCode;
  if (code === undefined) code = factory.geography().prefecture.code.slice(0, 4);
  if (!/^\d{2}(?:\d{2}){0,2}$/.test(code) || (code.length > 2 && code.endsWith('00')) || code.startsWith('00')) {
    throw new SynthError('INVALID_OPTIONS', `regionCode must be 2, 4 or 6 digits of a GB/T 2260 code, got ${String(code)}`);
  }
  const n = count('agencies', options.agencies, 12);
  if (n < 1) throw new SynthError('INVALID_OPTIONS', 'agencies must be at least 1');
  const wanted: Record<Special, number> = {
    missing: count('missing', options.missing, 0),
    late: count('late', options.late, 0),
    workSummary: count('workSummary', options.workSummary, 0),
    undated: count('undated', options.undated, 0),
  };
  const slots = n * years.length;
  const specials = wanted.missing + wanted.late + wanted.workSummary + wanted.undated;
  if (wanted.missing > slots - n || specials > slots) {
    throw new SynthError(
      'INVALID_OPTIONS',
      `${n} agencies × ${years.length} years cannot hold ${wanted.missing} missing (each agency keeps one report) and ${specials} special agency-years`,
    );
  }

  const agencies = agenciesFor(factory, code, n, rng.fork('plans'));
  const outside = agenciesFor(factory, neighbourCode(code, rng.fork('neighbour')), count('outside', options.outside, 2), rng.fork('plans-outside'));

  // Which agency-year gets what: missing first (never an agency's last report), then the others.
  const plan = new Map<string, Special>();
  const key = (a: number, y: number) => `${a}:${y}`;
  const pickRng = rng.fork('specials');
  const published = agencies.map(() => years.length);
  const free = (): [number, number][] => agencies.flatMap((_, a) => years.filter((y) => !plan.has(key(a, y))).map((y): [number, number] => [a, y]));
  for (let i = 0; i < wanted.missing; i++) {
    const [a, y] = pickRng.pick(free().filter(([a]) => (published[a] ?? 0) > 1));
    plan.set(key(a, y), 'missing');
    published[a] = (published[a] ?? 0) - 1;
  }
  for (const special of ['late', 'workSummary', 'undated'] as const) {
    for (let i = 0; i < wanted[special]; i++) {
      const [a, y] = pickRng.pick(free());
      plan.set(key(a, y), special);
    }
  }

  const documentKind = DEFECTS.find((d) => d.id === 'document-kind') ?? null;
  const lateRng = rng.fork('late');
  const carries = new Map<string, CarryState>();
  const reports: ReportModel[] = [];
  const coverage: ExpectedPublication[] = [];
  for (const year of years) {
    const all = [...agencies.map((agency, a) => ({ agency, special: plan.get(key(a, year)) })), ...outside.map((agency) => ({ agency, special: undefined }))];
    for (const { agency, special } of all) {
      const inside = agencies.includes(agency);
      const deadline = publicationDeadline(agency, year);
      if (special === 'missing') {
        coverage.push({ agency, year, status: 'MISSING', deadline, publishedOn: null, daysLate: null, workSummary: false, reportId: null });
        continue;
      }
      const carry = carries.get(agency.name);
      const model = build({
        seed: options.seed,
        agency,
        year,
        def: special === 'workSummary' ? documentKind : null,
        previous: null,
        ...(carry && carry.year === year - 1 ? { carry } : {}),
        ...(special === 'late' ? { publishedOn: addDays(deadline, lateRng.int(1, 120)) } : special === 'undated' ? { publishedOn: null } : {}),
      });
      carries.set(agency.name, model.carry);
      reports.push(model);
      if (!inside) continue;
      const publishedOn = model.truth.publishedOn;
      const daysLate = publishedOn === null ? null : daysBetween(deadline, publishedOn);
      const status: PublicationStatus = publishedOn === null ? 'UNDATED' : daysLate !== null && daysLate > 0 ? 'LATE' : 'ON_TIME';
      coverage.push({
        agency,
        year,
        status,
        deadline,
        publishedOn,
        daysLate: status === 'LATE' ? daysLate : null,
        workSummary: model.truth.documentKind === 'work-summary',
        reportId: model.truth.id,
      });
    }
  }
  const order = (p: ExpectedPublication) => `${p.agency.region?.code ?? ''}\u0000${p.agency.name}`;
  coverage.sort((x, y) => (order(x) < order(y) ? -1 : order(x) > order(y) ? 1 : x.year - y.year));
  return { regionCode: code, agencies, outside, reports, coverage };
}
