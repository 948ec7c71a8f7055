import type { Agency, AgencyKind, AgencyLevel } from '@xxgk/schema';
import type { Rng } from './random.js';

/**
 * Invented agencies at every level of government. Place names are composed from syllable lists
 * (any resemblance to a real place is chance); region codes follow GB/T 2260's shape: province
 * `PP0000`, prefecture `PPCC00`, county `PPCCXX`; a township carries its county's code.
 */

const FIRST = [...'安宁清临平永汉云秦丰嘉长兴泰昌广瑞怀新和华龙凤金玉明德崇青白石桂兰松柳梅文武定靖济沁洛黎岳梧榆桐枫樟桑竹荷莲溪泉源潭锦翠银碧丹紫绿'];
const SECOND = [...'安宁平川江河山阳源州城泉溪林原丰兴华昌和德明泰庆康乐远通海湖峰岭水口桥湾坪沙石田塘店集营屯桥'];
const PROVINCE_CODES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65];

export const NATIONAL_DEPARTMENTS = [
  '教育部', '科学技术部', '工业和信息化部', '民政部', '司法部', '财政部', '人力资源和社会保障部', '自然资源部',
  '生态环境部', '住房和城乡建设部', '交通运输部', '水利部', '农业农村部', '商务部', '文化和旅游部',
  '国家卫生健康委员会', '应急管理部', '审计署', '国家市场监督管理总局', '国家统计局', '国家医疗保障局',
  '国家林业和草原局', '国家药品监督管理局', '国家知识产权局',
] as const;
const NATIONAL_OTHER = ['中国气象局', '中国地震局', '国家档案局'] as const;
const PROVINCIAL_DEPARTMENTS = [
  '教育厅', '科学技术厅', '公安厅', '民政厅', '司法厅', '财政厅', '人力资源和社会保障厅', '自然资源厅', '生态环境厅',
  '住房和城乡建设厅', '交通运输厅', '水利厅', '农业农村厅', '商务厅', '文化和旅游厅', '卫生健康委员会', '应急管理厅',
  '审计厅', '市场监督管理局', '统计局', '医疗保障局', '林业局', '发展和改革委员会',
] as const;
const PREFECTURAL_DEPARTMENTS = [
  '教育局', '科学技术局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源和规划局', '生态环境局',
  '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '文化和旅游局', '卫生健康委员会', '应急管理局',
  '审计局', '市场监督管理局', '统计局', '医疗保障局', '发展和改革委员会', '城市管理局', '退役军人事务局',
] as const;
const COUNTY_DEPARTMENTS = [
  '教育局', '公安局', '民政局', '财政局', '人力资源和社会保障局', '自然资源局', '住房和城乡建设局', '交通运输局', '水利局',
  '农业农村局', '卫生健康局', '应急管理局', '市场监督管理局', '统计局', '医疗保障局', '发展和改革局', '退役军人事务局',
  '文化和旅游局', '林业局', '生态环境分局',
] as const;
const TOWNSHIP_DEPARTMENTS = ['综合行政执法队', '社会事务办公室', '经济发展办公室'] as const;

/** A place of the invented geography. */
export interface Place {
  readonly code: string;
  /** Full name with its suffix (宁川省, 清源市, 临江区, 青石镇). */
  readonly name: string;
  /** How agencies of this place prefix their names (清源市临江区 for a district). */
  readonly prefix: string;
}

export interface Geography {
  readonly province: Place;
  readonly prefecture: Place;
  readonly county: Place;
  readonly township: Place;
  readonly countyIsDistrict: boolean;
}

/** Draws places and agencies, never the same name or code twice. */
export class AgencyFactory {
  private readonly usedNames = new Set<string>();
  private readonly usedCodes = new Set<string>();
  private readonly usedAgencies = new Set<string>();

  constructor(private readonly rng: Rng) {}

  private placeName(): string {
    for (let i = 0; i < 200; i++) {
      const a = this.rng.pick(FIRST);
      const b = this.rng.pick(SECOND);
      if (a === b) continue;
      const name = a + b;
      if (!this.usedNames.has(name)) {
        this.usedNames.add(name);
        return name;
      }
    }
    return this.rng.pick(FIRST) + this.rng.pick(SECOND) + this.rng.pick(SECOND);
  }

  private code(make: () => string): string {
    for (let i = 0; i < 500; i++) {
      const code = make();
      if (!this.usedCodes.has(code)) {
        this.usedCodes.add(code);
        return code;
      }
    }
    return make();
  }

  /** A fresh chain province → prefecture → county → township. */
  geography(parent?: Pick<Geography, 'province' | 'prefecture'>): Geography {
    const rng = this.rng;
    const province: Place =
      parent?.province ??
      (() => {
        const name = `${this.placeName()}省`;
        return { name, prefix: name, code: this.code(() => `${rng.pick(PROVINCE_CODES)}0000`) };
      })();
    const pp = province.code.slice(0, 2);
    const prefecture: Place =
      parent?.prefecture ??
      (() => {
        const name = `${this.placeName()}市`;
        return { name, prefix: name, code: this.code(() => `${pp}${String(rng.int(1, 20)).padStart(2, '0')}00`) };
      })();
    const pc = prefecture.code.slice(0, 4);
    const countyIsDistrict = rng.chance(0.4);
    const countyName = `${this.placeName()}${countyIsDistrict ? '区' : rng.chance(0.85) ? '县' : '市'}`;
    const countySuffix = countyName.slice(-1);
    const countyCode = this.code(() => {
      const n = countySuffix === '区' ? rng.int(2, 19) : countySuffix === '县' ? rng.int(21, 40) : rng.int(81, 85);
      return `${pc}${String(n).padStart(2, '0')}`;
    });
    const county: Place = {
      name: countyName,
      prefix: countyIsDistrict ? `${prefecture.name}${countyName}` : countyName,
      code: countyCode,
    };
    const townName = `${this.placeName()}${rng.weighted([
      ['镇', 6],
      ['乡', 2],
    ] as const)}`;
    const township: Place = { name: townName, prefix: `${county.prefix}${townName}`, code: county.code };
    return { province, prefecture, county, township, countyIsDistrict };
  }

  /** A new agency at the given (or a random) level and kind. */
  agency(options: { level?: AgencyLevel; kind?: AgencyKind; geography?: Geography } = {}): Agency {
    for (let i = 0; i < 50; i++) {
      const agency = this.agencyOnce(options);
      if (!this.usedAgencies.has(agency.name)) {
        this.usedAgencies.add(agency.name);
        return agency;
      }
    }
    return this.agencyOnce({ ...options, geography: this.geography() });
  }

  private agencyOnce(options: { level?: AgencyLevel; kind?: AgencyKind; geography?: Geography }): Agency {
    const rng = this.rng;
    const level: AgencyLevel =
      options.level ??
      rng.weighted<AgencyLevel>([
        ['national', 2],
        ['provincial', 6],
        ['prefectural', 20],
        ['county', 47],
        ['township', 25],
      ]);
    let kind: AgencyKind = options.kind ?? randomKind(rng, level);
    if (level === 'national' && kind === 'government') kind = 'department';
    const geo = options.geography ?? this.geography();
    switch (level) {
      case 'national':
        return {
          name: kind === 'other' ? rng.pick(NATIONAL_OTHER) : rng.pick(NATIONAL_DEPARTMENTS),
          level,
          kind,
          region: { code: '100000', name: '中华人民共和国' },
        };
      case 'provincial': {
        const p = geo.province;
        const name =
          kind === 'government'
            ? `${p.prefix}人民政府`
            : kind === 'department'
              ? `${p.prefix}${rng.pick(PROVINCIAL_DEPARTMENTS)}`
              : `${p.prefix}${this.placeName()}${rng.pick(['经济技术开发区', '高新技术产业开发区'])}管理委员会`;
        return { name, level, kind, region: { code: p.code, name: p.name } };
      }
      case 'prefectural': {
        const p = geo.prefecture;
        const name =
          kind === 'government'
            ? `${p.prefix}人民政府`
            : kind === 'department'
              ? `${p.prefix}${rng.pick(PREFECTURAL_DEPARTMENTS)}`
              : `${p.prefix}${rng.pick(['高新技术产业开发区', '经济技术开发区', `${this.placeName()}新区`])}管理委员会`;
        return { name, level, kind, region: { code: p.code, name: p.name } };
      }
      case 'county': {
        const p = geo.county;
        const name =
          kind === 'government'
            ? `${p.prefix}人民政府`
            : kind === 'department'
              ? `${p.prefix}${rng.pick(COUNTY_DEPARTMENTS)}`
              : `${p.prefix}${rng.pick(['经济开发区', '工业园区', '产业园区'])}管理委员会`;
        return { name, level, kind, region: { code: p.code, name: p.name } };
      }
      case 'township': {
        const t = geo.township;
        if (kind === 'other') {
          const street = `${this.placeName()}街道`;
          return {
            name: `${geo.county.prefix}${street}办事处`,
            level,
            kind,
            region: { code: t.code, name: street },
          };
        }
        const name = kind === 'government' ? `${t.prefix}人民政府` : `${t.prefix}${rng.pick(TOWNSHIP_DEPARTMENTS)}`;
        return { name, level, kind, region: { code: t.code, name: t.name } };
      }
    }
  }
}

function randomKind(rng: Rng, level: AgencyLevel): AgencyKind {
  switch (level) {
    case 'national':
      return rng.chance(0.9) ? 'department' : 'other';
    case 'township':
      return rng.weighted<AgencyKind>([
        ['government', 7],
        ['other', 3],
      ]);
    default:
      return rng.weighted<AgencyKind>([
        ['government', 2],
        ['department', 7],
        ['other', 1],
      ]);
  }
}

/** One random agency (a convenience over `AgencyFactory`). */
export function generateAgency(rng: Rng, options: { level?: AgencyLevel; kind?: AgencyKind } = {}): Agency {
  return new AgencyFactory(rng).agency(options);
}

/** True for a 县级以上人民政府 (its report is due 3月31日 since 2019). */
export function isCountyOrAboveGovernment(agency: Agency): boolean {
  return agency.kind === 'government' && agency.level !== 'township';
}

/**
 * The legal deadline (month, day of year+1) for the report: 3月31日 before 2019; since 2019
 * 1月31日 for 部门 (and, as local rules say, 乡镇/街道), 3月31日 for a 县级以上人民政府 (SPEC §1.2).
 */
export function deadlineFor(agency: Agency, year: number): { month: number; day: number } {
  if (year <= 2018) return { month: 3, day: 31 };
  return isCountyOrAboveGovernment(agency) ? { month: 3, day: 31 } : { month: 1, day: 31 };
}

/** How the agency refers to itself in prose (我局, 我市, 本机关 …). */
export function selfReference(agency: Agency, rng: Rng): string {
  const name = agency.name;
  if (rng.chance(0.2)) return '本机关';
  if (agency.kind === 'government') {
    const m = /(省|市|区|县|镇|乡)人民政府$/.exec(name);
    return m ? `我${m[1]}` : '本机关';
  }
  if (name.endsWith('街道办事处')) return '我街道';
  if (name.endsWith('管理委员会')) return '我委';
  const last = name.slice(-1);
  if (last === '厅' || last === '局' || last === '部' || last === '署' || last === '队') return `我${last}`;
  if (name.endsWith('委员会')) return '我委';
  if (name.endsWith('办公室')) return '我办';
  return '本机关';
}
