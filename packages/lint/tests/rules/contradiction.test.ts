import type { Fact, Report } from '@xxgk/schema';
import rule from '../../src/rules/contradiction.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { buildReport, spanOf } from '../fixtures/build-report.js';

interface FactSpec {
  /** The words the fact covers (value + unit, or the negation 未收到), unique in the text. */
  readonly text: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly quantity: string;
  readonly negated?: true;
}

/** Adds prose facts (as the parser records them) for words written in the report's paragraphs. */
function withFacts(report: Report, specs: readonly FactSpec[]): Report {
  const facts: Fact[] = specs.map((s, i) => ({
    id: `t${i + 1}`,
    label: s.label,
    value: s.value,
    unit: s.unit,
    span: spanOf(report, s.text),
    quantity: s.quantity,
    ...(s.negated ? { negated: true } : {}),
  }));
  return { ...report, facts: [...report.facts, ...facts] };
}

/** A 街道 report as an editor would paste it (parsed by @xxgk/parse). */
const STREET_DRAFT = `临江市城关街道办事处2016年政府信息公开工作年度报告

本报告所列数据的统计期限自2016年1月1日起至2016年12月31日止。

一、概述
2016年，街道调整政府信息公开工作领导小组，在各村（社区）设立信息员，全年未收到政府信息公开申请。
二、主动公开政府信息情况
全年主动公开政府信息186条，依申请公开政府信息2件，均在法定期限内答复。
三、依申请公开政府信息和不予公开政府信息的情况
依申请公开事项均在法定期限内办结。
四、政府信息公开的收费及减免情况
本年度未收取任何费用。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
无。
六、政府信息公开工作存在的主要问题及改进情况
信息员业务能力有待提高，下一步将加强培训。
七、其他需要报告的事项
无。

临江市城关街道办事处
2017年1月16日
`;

ruleTester.run('contradiction', rule, {
  valid: [
    { name: 'a correct 2021 report: prose 78/3/76/5 = 表三', report: buildReport() },
    { name: 'a correct 2019 report', report: buildReport({ template: 'national-2019' }) },
    { name: 'a correct legacy report: 受理26件 = 统计表', report: buildReport({ template: 'legacy-2008' }) },
    {
      name: 'the same figures stated again in section 三',
      report: withFacts(
        buildReport({ paragraphs: { applications: ['本年度新收政府信息公开申请78件，办结76件，办结率100%。'] } }),
        [
          { text: '78件，办结', label: '新收政府信息公开申请', value: 78, unit: '件', quantity: 'applications.newReceived' },
          { text: '76件，办结率', label: '办结', value: 76, unit: '件', quantity: 'applications.results.total' },
          { text: '100%', label: '办结率', value: 100, unit: '%', quantity: 'applications.results.total' },
        ],
      ),
    },
    {
      name: 'a stated absence that the table confirms (行政复议 0)',
      report: withFacts(
        buildReport({
          cells: { 'reviewLitigation.review.upheld': 0, 'reviewLitigation.review.corrected': 0, 'reviewLitigation.review.pending': 0 },
          paragraphs: { reviewLitigation: ['本年度未发生政府信息公开行政复议案件。'] },
        }),
        [{ text: '未发生政府信息公开行政复议', label: '政府信息公开行政复议案件', value: 0, unit: '件', quantity: 'reviewLitigation.review', negated: true }],
      ),
    },
    {
      name: '主动公开 counts and 申请 counts are different quantities',
      report: withFacts(
        buildReport({ paragraphs: { proactive: ['本年度未制发规章，现行有效规章0件。'] } }),
        [
          { text: '未制发', label: '制发规章', value: 0, unit: '件', quantity: 'proactive.regulations.issued', negated: true },
          { text: '0件。', label: '现行有效规章', value: 0, unit: '件', quantity: 'proactive.regulations.inForce' },
        ],
      ),
    },
    {
      name: '行政诉讼 = 未经复议直接起诉 + 复议后起诉 (2 + 0)',
      report: withFacts(
        buildReport({ paragraphs: { reviewLitigation: ['全年以本机关为被告的政府信息公开行政诉讼案件2件。'] } }),
        [{ text: '2件。', label: '政府信息公开行政诉讼案件', value: 2, unit: '件', quantity: 'reviewLitigation.litigation' }],
      ),
    },
    {
      name: 'a blank table total is not compared',
      report: withFacts(
        buildReport({ cells: { 'reviewLitigation.review.total': null }, paragraphs: { reviewLitigation: ['全年行政复议3件。'] } }),
        [{ text: '3件。', label: '行政复议', value: 3, unit: '件', quantity: 'reviewLitigation.review' }],
      ),
    },
    {
      name: 'the same draft, consistent (parsed)',
      code: STREET_DRAFT.replace('，全年未收到政府信息公开申请。', '。'),
    },
    {
      name: '“共收到申请81件” counting the 3 carried over from last year',
      report: withFacts(
        buildReport({ paragraphs: { applications: ['本年度共收到政府信息公开申请81件（含上年结转3件）。'] } }),
        [{ text: '81件', label: '收到政府信息公开申请', value: 81, unit: '件', quantity: 'applications.newReceived.total' }],
      ),
    },
    {
      name: 'counts of a part of the agency or of one channel are not the table total',
      report: withFacts(
        buildReport({
          paragraphs: {
            overview: ['局办公室代表本局受理政府信息公开申请17件，均已在法定期限内予以答复。', '全年通过网上申请平台收到政府信息公开申请52件。'],
          },
        }),
        [
          { text: '17件', label: '受理政府信息公开申请', value: 17, unit: '件', quantity: 'applications.newReceived' },
          { text: '52件', label: '收到政府信息公开申请', value: 52, unit: '件', quantity: 'applications.newReceived' },
        ],
      ),
    },
    {
      name: 'counts of another year are not this year’s',
      report: withFacts(
        buildReport({
          paragraphs: { overview: ['申请数量较上年的60件增长30%。2022年度报告所述收到申请65件中，有2件结转至本年度办理。'] },
        }),
        [
          { text: '60件', label: '申请数量', value: 60, unit: '件', quantity: 'applications.newReceived' },
          { text: '65件', label: '收到申请', value: 65, unit: '件', quantity: 'applications.newReceived' },
        ],
      ),
    },
    {
      name: 'an absence of one kind of application is no absence of applications',
      report: withFacts(
        buildReport({ paragraphs: { applications: ['本年度未收到涉及商业秘密的政府信息公开申请。'] } }),
        [{ text: '未收到涉及商业秘密的政府信息公开申请', label: '收到申请', value: 0, unit: '件', quantity: 'applications.newReceived', negated: true }],
      ),
    },
  ],
  invalid: [
    {
      name: 'prose 办结74件 and 3件结转 vs 表三 76 and 5 (I9)',
      report: withFacts(
        { ...buildReport({ paragraphs: { applications: ['本年度办结政府信息公开申请74件，3件结转下年度继续办理。'] } }), facts: [] },
        [
          { text: '74件', label: '办结政府信息公开申请', value: 74, unit: '件', quantity: 'applications.results.total' },
          { text: '3件结转', label: '结转下年度继续办理', value: 3, unit: '件', quantity: 'applications.carriedForward' },
        ],
      ),
      errors: [
        {
          messageId: 'tableMismatch',
          line: 61,
          column: 14,
          path: 'applications.results.total.total',
          message: '正文称“办结政府信息公开申请”74件，而表三“（七）总计”为76',
        },
        {
          messageId: 'tableMismatch',
          line: 61,
          column: 18,
          path: 'applications.carriedForward.total',
          message: '正文称“结转下年度继续办理”3件，而表三“四、结转下年度继续办理”为5',
        },
      ],
    },
    {
      name: 'draft text (parsed): 未收到申请 in 一, 依申请公开2件 in 二',
      code: STREET_DRAFT,
      errors: [{ messageId: 'absenceContradicted', line: 8, column: 25, path: 'legacyStatistics.applicationsTotal.year' }],
    },
    {
      name: 'seed-shaped: 依申请公开2件 in 二, then 未收到…申请 in 三',
      report: withFacts(
        buildReport({
          template: 'legacy-2008',
          year: 2016,
          paragraphs: {
            proactive: ['本年度依申请公开政府信息2件，均在法定期限内答复。'],
            applications: ['本年度未收到公民、法人或其他组织提出的政府信息公开申请。'],
          },
        }),
        [
          { text: '2件，均在', label: '依申请公开政府信息', value: 2, unit: '件', quantity: 'applications.newReceived' },
          { text: '未收到公民', label: '收到政府信息公开申请', value: 0, unit: '件', quantity: 'applications.newReceived', negated: true },
        ],
      ),
      errors: [
        {
          messageId: 'statedAbsence',
          line: 17,
          column: 4,
          message: '此处称没有“收到政府信息公开申请”，但第13行称“依申请公开政府信息”2件',
        },
      ],
    },
    {
      name: 'an absence first, a count later',
      report: withFacts(
        buildReport({
          template: 'legacy-2008',
          paragraphs: {
            overview: ['本年度未收到公民、法人或其他组织提出的政府信息公开申请。'],
            applications: ['本年度依申请公开政府信息2件，均在法定期限内答复。'],
          },
        }),
        [
          { text: '未收到公民', label: '收到政府信息公开申请', value: 0, unit: '件', quantity: 'applications.newReceived', negated: true },
          { text: '2件，均在', label: '依申请公开政府信息', value: 2, unit: '件', quantity: 'applications.newReceived' },
        ],
      ),
      errors: [{ messageId: 'absenceContradicted', line: 17, column: 13 }],
    },
    {
      name: '78 applications in 一, 82 in 三',
      report: withFacts(
        buildReport({ paragraphs: { applications: ['本年度共受理政府信息公开申请82件，均已按期答复。'] } }),
        [{ text: '82件', label: '受理政府信息公开申请', value: 82, unit: '件', quantity: 'applications.newReceived' }],
      ),
      errors: [
        {
          messageId: 'conflictingValues',
          line: 61,
          column: 15,
          message: '“受理政府信息公开申请”此处为82件，第8行为78件，前后不一致',
          path: 'applications.newReceived',
        },
      ],
    },
    {
      name: 'prose 予以公开40件 vs 表三 38',
      report: withFacts(
        buildReport({ paragraphs: { applications: ['本年度新收政府信息公开申请中，予以公开40件，部分公开7件。'] } }),
        [
          { text: '40件', label: '予以公开', value: 40, unit: '件', quantity: 'applications.results.granted' },
          { text: '7件。', label: '部分公开', value: 7, unit: '件', quantity: 'applications.results.partiallyGranted' },
        ],
      ),
      errors: [
        {
          messageId: 'tableMismatch',
          line: 61,
          column: 20,
          message: '正文称“予以公开”40件，而表三“（一）予以公开”为38',
          path: 'applications.results.granted.total',
        },
      ],
    },
    {
      name: 'prose 行政复议3件 vs 表四 4',
      report: withFacts(
        buildReport({ template: 'national-2019', paragraphs: { reviewLitigation: ['全年发生政府信息公开行政复议案件3件，均已审结或正在审理。'] } }),
        [{ text: '3件，均已', label: '政府信息公开行政复议案件', value: 3, unit: '件', quantity: 'reviewLitigation.review' }],
      ),
      errors: [
        {
          messageId: 'tableMismatch',
          line: 68,
          column: 17,
          message: '正文称“政府信息公开行政复议案件”3件，而表四“行政复议”为4',
          path: 'reviewLitigation.review.total',
        },
      ],
    },
    {
      name: 'prose says no 行政复议, 表四 has 4',
      report: withFacts(
        buildReport({ paragraphs: { reviewLitigation: ['本年度未发生政府信息公开行政复议案件。'] } }),
        [{ text: '未发生政府信息公开行政复议', label: '政府信息公开行政复议案件', value: 0, unit: '件', quantity: 'reviewLitigation.review', negated: true }],
      ),
      errors: [{ messageId: 'absenceVsTable', line: 67, column: 4, path: 'reviewLitigation.review.total' }],
    },
    {
      name: 'prose 行政诉讼1件 vs 表四 2 + 0',
      report: withFacts(
        buildReport({ paragraphs: { reviewLitigation: ['全年以本机关为被告的政府信息公开行政诉讼案件1件。'] } }),
        [{ text: '1件。', label: '政府信息公开行政诉讼案件', value: 1, unit: '件', quantity: 'reviewLitigation.litigation' }],
      ),
      errors: [{ messageId: 'tableMismatch', line: 67, column: 23 }],
    },
  ],
});
