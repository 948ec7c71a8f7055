import type { Fact, Report } from '@xxgk/schema';
import rule from '../../src/rules/subtotal-exceeds-total.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { buildReport, spanOf } from '../fixtures/build-report.js';

interface FactSpec {
  /** The number as written (value + unit), unique in the text. */
  readonly text: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  /** Index (in this list) of the stated total this number is a part of. */
  readonly partOf?: number;
}

/** Adds prose facts (as the parser records them) for numbers written in the report's paragraphs. */
function withFacts(report: Report, specs: readonly FactSpec[]): Report {
  const ids = specs.map((_, i) => `t${i + 1}`);
  const facts: Fact[] = specs.map((s, i) => ({
    id: ids[i]!,
    label: s.label,
    value: s.value,
    unit: s.unit,
    span: spanOf(report, s.text),
    ...(s.partOf === undefined ? {} : { partOf: ids[s.partOf]! }),
  }));
  return { ...report, facts: [...report.facts, ...facts] };
}

/** A legacy report as an editor would paste it (parsed by @xxgk/parse). */
const LEGACY_DRAFT = `临江市文化广电旅游局2014年政府信息公开工作年度报告

本报告所列数据的统计期限自2014年1月1日起至2014年12月31日止。

一、概述
2014年，我局认真贯彻《中华人民共和国政府信息公开条例》，通过门户网站共发布各类信息312条，其中工作动态171条、政策法规83条、规划计划44条、项目信息29条。
二、主动公开政府信息情况
我局通过门户网站、政务微博和新闻发布会主动公开政府信息。
三、依申请公开政府信息和不予公开政府信息的情况
本年度共受理政府信息公开申请6件，均已按时答复。
四、政府信息公开的收费及减免情况
本年度未收取任何费用。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。
六、政府信息公开工作存在的主要问题及改进情况
信息更新不够及时，下一步将健全信息报送机制。
七、其他需要报告的事项
无。

临江市文化广电旅游局
2015年2月10日
`;

ruleTester.run('subtotal-exceeds-total', rule, {
  valid: [
    { name: 'a correct 2021 report (1265 + 77 = 1342)', report: buildReport() },
    { name: 'a correct legacy report (1180 + 45 ≤ 1250)', report: buildReport({ template: 'legacy-2008' }) },
    {
      name: 'parts that add up exactly to the total',
      report: withFacts(
        buildReport({ paragraphs: { proactive: ['全年共发布各类信息320条，其中工作动态150条、通知公告96条、政策文件74条。'] } }),
        [
          { text: '320条', label: '发布各类信息', value: 320, unit: '条' },
          { text: '150条', label: '工作动态', value: 150, unit: '条', partOf: 0 },
          { text: '96条', label: '通知公告', value: 96, unit: '条', partOf: 0 },
          { text: '74条', label: '政策文件', value: 74, unit: '条', partOf: 0 },
        ],
      ),
    },
    {
      name: 'a list that is not exhaustive (21 of 45)',
      report: withFacts(
        buildReport({ paragraphs: { otherMatters: ['全年办理人大代表建议和政协提案45件，其中人大代表建议21件，办理结果均已公开。'] } }),
        [
          { text: '45件', label: '办理人大代表建议和政协提案', value: 45, unit: '件' },
          { text: '21件', label: '人大代表建议', value: 21, unit: '件', partOf: 0 },
        ],
      ),
    },
    {
      name: 'a share in percent is not added to a count',
      report: withFacts(
        buildReport({ paragraphs: { applications: ['全年共收到政府信息公开申请60件，其中自然人申请占85%。'] } }),
        [
          { text: '60件', label: '收到政府信息公开申请', value: 60, unit: '件' },
          { text: '85%', label: '自然人申请', value: 85, unit: '%', partOf: 0 },
        ],
      ),
    },
    {
      name: 'the same draft with parts that fit (parsed)',
      code: LEGACY_DRAFT.replace('其中工作动态171条、政策法规83条', '其中工作动态156条、政策法规83条'),
    },
  ],
  invalid: [
    {
      name: 'seed-shaped draft text (parsed): 171 + 83 + 44 + 29 > 312',
      code: LEGACY_DRAFT,
      errors: [{ messageId: 'exceeds', line: 6, column: 44, endLine: 6, endColumn: 83 }],
    },
    {
      name: 'seed-shaped: 312 items of which 171 + 83 + 44 + 29 = 327',
      report: withFacts(
        buildReport({
          template: 'legacy-2008',
          year: 2014,
          paragraphs: {
            proactive: ['截至12月31日，本局通过门户网站共发布各类信息312条，其中工作动态171条、政策法规83条、规划计划44条、项目信息29条。'],
          },
        }),
        [
          { text: '312条', label: '发布各类信息', value: 312, unit: '条' },
          { text: '171条', label: '工作动态', value: 171, unit: '条', partOf: 0 },
          { text: '83条', label: '政策法规', value: 83, unit: '条', partOf: 0 },
          { text: '44条', label: '规划计划', value: 44, unit: '条', partOf: 0 },
          { text: '29条', label: '项目信息', value: 29, unit: '条', partOf: 0 },
        ],
      ),
      errors: [
        {
          messageId: 'exceeds',
          line: 13,
          column: 25,
          endLine: 13,
          endColumn: 64,
          message: '“发布各类信息”共312条，其中所列各项之和为327条（171+83+44+29），超出总数15条',
        },
      ],
    },
    {
      name: 'every listed part alone exceeds the stated total',
      report: withFacts(
        buildReport({ paragraphs: { proactive: ['全年共公开政府信息146条，其中在政府网站公开812条、政务微博公开905条、政务微信公开637条。'] } }),
        [
          { text: '146条', label: '公开政府信息', value: 146, unit: '条' },
          { text: '812条', label: '政府网站公开', value: 812, unit: '条', partOf: 0 },
          { text: '905条', label: '政务微博公开', value: 905, unit: '条', partOf: 0 },
          { text: '637条', label: '政务微信公开', value: 637, unit: '条', partOf: 0 },
        ],
      ),
      errors: [{ messageId: 'exceeds', line: 26, column: 10 }],
    },
    {
      name: 'amounts in 万元 (20.3 + 18.4 > 36.5)',
      report: withFacts(
        buildReport({ paragraphs: { proactive: ['全年征收行政事业性收费36.5万元，其中城市道路占用费20.3万元、车辆通行费18.4万元。'] } }),
        [
          { text: '36.5万元', label: '征收行政事业性收费', value: 36.5, unit: '万元' },
          { text: '20.3万元', label: '城市道路占用费', value: 20.3, unit: '万元', partOf: 0 },
          { text: '18.4万元', label: '车辆通行费', value: 18.4, unit: '万元', partOf: 0 },
        ],
      ),
      errors: [
        {
          messageId: 'exceeds',
          line: 26,
          column: 12,
          message: '“征收行政事业性收费”共36.5万元，其中所列各项之和为38.7万元（20.3+18.4），超出总数2.2万元',
        },
      ],
    },
  ],
});
