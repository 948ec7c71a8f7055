import type { LintResult } from './api.js';

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  /** 2021 版 / 2019 版 / 2008 版, or null when unknown. */
  readonly template: string | null;
  readonly year: number | null;
  readonly agency: string | null;
  /** Where template/year/agency come from: the gateway's parsed report, or the page's reading of the text. */
  readonly source: 'report' | 'text' | 'none';
}

const TEMPLATE_NAMES: Readonly<Record<string, string>> = {
  NATIONAL_2021: '2021 版格式',
  'national-2021': '2021 版格式',
  NATIONAL_2019: '2019 版格式',
  'national-2019': '2019 版格式',
  LEGACY_2008: '2008 版格式',
  'legacy-2008': '2008 版格式',
};

const AGENCY = String.raw`[^\s，,。：:；;《》“”"、|#*]{2,40}?`;
/** 年度报告, or 工作总结 / 年报 for older (2008-format) reports. */
const KIND = String.raw`(?:工作)?(?:年度报告|年报|总结)`;
/** [pattern, group of the agency, group of the year]. */
const TITLE_PATTERNS: readonly (readonly [RegExp, number, number])[] = [
  // 某某局2023年（度）政府信息公开工作年度报告
  [new RegExp(String.raw`(${AGENCY})[（(]?((?:19|20)\d\d)\s*年度?[）)]?政府信息公开${KIND}`), 1, 2],
  // 2024年某某局政府信息公开工作年度报告
  [new RegExp(String.raw`((?:19|20)\d\d)\s*年度?(${AGENCY})政府信息公开${KIND}`), 2, 1],
  // 某某局政府信息公开2015年工作总结
  [new RegExp(String.raw`(${AGENCY})政府信息公开((?:19|20)\d\d)\s*年度?${KIND}`), 1, 2],
];

/** The visible text of an HTML draft, crudely (for the title only): <title> kept, scripts and styles dropped. */
function plainText(text: string): string {
  return text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '\n')
    .replace(/&nbsp;|&#160;/g, ' ');
}

/** Agency and year from the title, which may be broken over up to three lines. */
export function titleOf(text: string): { agency: string; year: number } | null {
  const lines = plainText(text.slice(0, 20000))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  // Whole lines first; then two and three lines joined (a title broken by the layout).
  for (let size = 1; size <= 3; size++) {
    for (let i = 0; i + size <= Math.min(lines.length, 40); i++) {
      const joined = lines.slice(i, i + size).join('');
      for (const [pattern, agency, year] of TITLE_PATTERNS) {
        const m = pattern.exec(joined);
        if (m) return { agency: m[agency] ?? '', year: Number(m[year]) };
      }
    }
  }
  return null;
}

/** Errors and warnings from the result; template, year and agency from the report when given, else from the title. */
export function summarize(result: LintResult, text: string | null): Summary {
  const base = { errors: result.errorCount, warnings: result.warningCount };
  const report = result.report;
  if (report) {
    const agency = typeof report.agency === 'string' ? report.agency : (report.agency?.name ?? null);
    return {
      ...base,
      template: report.template ? (TEMPLATE_NAMES[report.template] ?? report.template) : null,
      year: report.year ?? null,
      agency,
      source: 'report',
    };
  }
  if (text === null) return { ...base, template: null, year: null, agency: null, source: 'none' };
  const title = titleOf(text);
  const year = title?.year ?? null;
  const agency = title?.agency ?? null;
  // The table-2 column heads tell the template apart: 本年制发件数 (2021), 本年新制作数量 (2019).
  const template = /本年制发件数/.test(text) ? TEMPLATE_NAMES.NATIONAL_2021 : /本年新制作数量/.test(text) ? TEMPLATE_NAMES.NATIONAL_2019 : null;
  return { ...base, template: template ?? null, year, agency, source: 'text' };
}
