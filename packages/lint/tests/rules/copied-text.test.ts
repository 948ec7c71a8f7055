import { generateConsecutive, renderSync } from '@xxgk/synth';
import rule from '../../src/rules/copied-text.js';
import { buildReport, ruleTester } from '../../src/testing/index.js';

/** Last year's report (2022) of 临江市交通运输局: this year's built report repeats its prose. */
const lastYear = buildReport({ year: 2022 });

/** Two consecutive generated reports of one agency: none, or 5 of last year's paragraphs copied (moved). */
const fresh = generateConsecutive({ seed: 4, year: 2024, copiedParagraphs: 0 });
const copied = generateConsecutive({ seed: 5, year: 2024, copiedParagraphs: 5 });
/** A county bureau's 2022 report (prose only, as some small offices publish it). */
const county2022 = [
  '清河县农业农村局2022年政府信息公开工作年度报告',
  '',
  '一、总体情况',
  '2022年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，在县委、县政府的正确领导下，紧紧围绕乡村振兴、农业生产和农村改革等重点工作，扎实做好政府信息公开工作，主动接受社会监督，切实保障人民群众的知情权、参与权和监督权。',
  '二、主动公开政府信息情况',
  '我局通过县政府门户网站、“清河农业”微信公众号等渠道及时发布惠农补贴、动物防疫、农产品质量安全等信息，做到应公开尽公开。对耕地地力保护补贴、农机购置补贴等涉及群众切身利益的事项，严格按照规定在村务公开栏进行公示。',
  '三、存在的主要问题及改进情况',
  '我局政府信息公开工作还存在信息更新不够及时、政策解读形式较为单一等问题。下一步，我局将进一步完善信息发布审核机制，丰富解读形式，不断提高政府信息公开工作水平。',
].join('\n');
/** Its 2023 report: the same text with the year changed. */
const county2023 = county2022.replaceAll('2022年', '2023年');

const textOf = (model: typeof fresh.base): string => renderSync(model, 'text').text ?? '';

ruleTester.run('copied-text', rule, {
  valid: [
    { name: 'no previous report: the rule does not run', report: buildReport() },
    {
      name: 'new prose of its own outweighs what was kept from last year',
      report: buildReport({
        paragraphs: {
          overview: [
            '2023年，本机关围绕交通建设项目审批和运输服务监管，新增“重点工程进展”公开专栏，逐月发布在建公路、桥梁项目的投资完成和建设进度，全年更新专栏信息四十余次。',
            '针对群众反映的出租车和网约车投诉处理不透明问题，本机关按季度公开投诉受理、办结和处理结果，对典型案例作匿名化处理后集中发布，并同步开通留言回复功能。',
            '本机关对执法公示平台进行改版，将行政许可、行政处罚的办理流程和结果统一归集，实现按企业名称、车牌号码等条件检索，方便运输企业和驾驶员查询本人办件情况。',
          ],
          problems: [
            '新开设的专栏更新频率不够均衡，部分月份信息集中发布，个别项目的进度数据与统计部门口径不一致，需要进一步建立数据会商机制。',
          ],
        },
      }),
      previousReport: lastYear,
    },
    { name: 'a threshold above the share', report: buildReport(), previousReport: lastYear, options: { threshold: 0.97 } },
    {
      name: 'generated consecutive reports whose narrative paragraphs are all new',
      report: fresh.other.truth,
      text: textOf(fresh.other),
      previousReport: fresh.base.truth,
      previousText: textOf(fresh.base),
    },
  ],
  invalid: [
    {
      name: "this year's prose repeats last year's word for word",
      report: buildReport(),
      previousReport: lastYear,
      errors: [{ messageId: 'copied', line: 6, column: 1, message: '本报告正文 95% 照搬2022年报告（422/442 字，9 段），此为首个照搬段落' }],
    },
    {
      name: 'generated consecutive reports with 5 copied paragraphs moved around',
      report: copied.other.truth,
      text: textOf(copied.other),
      previousReport: copied.base.truth,
      previousText: textOf(copied.base),
      errors: [{ messageId: 'copied', line: 4, column: 1, message: '本报告正文 75% 照搬2023年报告（686/917 字，8 段），此为首个照搬段落' }],
    },
    {
      name: 'seed-shaped: a county office files last year\'s text with the year changed',
      code: county2023,
      previousCode: county2022,
      errors: [{ messageId: 'copied', line: 4, column: 1, message: '本报告正文 99% 照搬2022年报告（266/270 字，3 段），此为首个照搬段落' }],
    },
  ],
});
