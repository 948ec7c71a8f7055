import type { Agency } from '@xxgk/schema';
import { defineRule } from '../rule.js';

/** Names of 部门 (and 派出机构) rather than of a 人民政府 (SPEC §1.2). */
const DEPARTMENT_NAME = /(?:局|委员会|委|办公室|办|厅|部|署|中心|所|站|处|队|街道办事处|街道)$/;
/** Bodies that publish a whole-area report (开发区/实验区 管委会, 行政公署): never assume a 部门. */
const AREA_BODY = /(?:管理委员会|管委会|人民政府|行政公署|行署)$/;
const TOWNSHIP_GOVERNMENT = /(?:乡|镇|苏木)人民政府$/;

type Issuer = 'government' | 'department' | 'unknown';

/**
 * The issuer type Art. 49 distinguishes. `other` (派出机构, 街道办事处, or what the parser could not
 * classify) counts as unknown unless the name is clearly a 部门's or a 街道's.
 */
function issuerOf(agency: Agency): Issuer {
  const name = agency.name.trim();
  // 乡（镇）人民政府 are not named in Art. 49; local rules give them 1月31日 (SPEC §1.2).
  const township = agency.level === 'township' || TOWNSHIP_GOVERNMENT.test(name);
  if (agency.kind === 'government') return township ? 'department' : 'government';
  if (agency.kind === 'department') return 'department';
  if (name.endsWith('人民政府')) return township ? 'department' : 'government';
  return clearlyDepartment(name) ? 'department' : 'unknown';
}

function clearlyDepartment(name: string): boolean {
  const trimmed = name.trim();
  return DEPARTMENT_NAME.test(trimmed) && !AREA_BODY.test(trimmed);
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y ?? ''}年${Number(m)}月${Number(d)}日`;
}

/**
 * 条例 (2008) Art. 31: reports due 3月31日 for every 行政机关. 条例 (2019) Art. 49: a 部门's report by
 * 1月31日, the 本级政府 report by 3月31日 (SPEC §1.2). An issuer whose kind is unknown gets 3月31日,
 * and a warning after 1月31日 only when its name is clearly a 部门's (…局, …委员会, …办公室).
 */
export default defineRule({
  meta: {
    id: 'publication-deadline',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      description: 'Enforce the legal publication deadline: 1月31日 for 部门, 3月31日 for 本级政府 and all reports before 2019',
      recommended: true,
    },
    messages: {
      late: '{{year}}年度报告落款日期为{{publishedOn}}，晚于法定公布期限{{deadline}}（{{basis}}）',
    },
  },
  create(context) {
    return {
      report(report) {
        const year = report.year;
        const publishedOn = report.publishedOn;
        if (year === null || publishedOn === null) return;
        let deadline: string;
        let basis: string;
        if (year <= 2018) {
          deadline = `${year + 1}-03-31`;
          basis = '《政府信息公开条例》（2007年）第三十一条：每年3月31日前公布';
        } else {
          const department = issuerOf(report.agency) === 'department';
          deadline = department ? `${year + 1}-01-31` : `${year + 1}-03-31`;
          basis = department
            ? '《政府信息公开条例》第四十九条：政府部门每年1月31日前公布'
            : '《政府信息公开条例》第四十九条：本级政府年度报告每年3月31日前公布';
        }
        // ISO dates compare as strings.
        if (publishedOn <= deadline) return;
        context.report({
          messageId: 'late',
          data: { year, publishedOn: chineseDate(publishedOn), deadline: chineseDate(deadline), basis },
          span: report.publishedOnSpan ?? null,
          path: 'publishedOn',
        });
      },
    };
  },
});
