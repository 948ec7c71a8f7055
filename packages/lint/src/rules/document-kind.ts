import { defineRule } from '../rule.js';

const ANNUAL_REPORT = /年度(?:工作)?[报報]告|年[报報]/;
const SUMMARY = /工作总结|工作總結|总结|總結/;
const PLAN = /工作计划|工作計劃|工作要点|工作要點|计划|計劃/;

export default defineRule({
  meta: {
    id: 'document-kind',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      description: 'Disallow a 工作总结 or 工作计划 filed in place of the annual report',
      recommended: true,
    },
    messages: {
      workSummary: '“{{title}}”是工作总结，不是《条例》要求的政府信息公开工作年度报告',
      workPlan: '“{{title}}”是工作计划，不是《条例》要求的政府信息公开工作年度报告',
      notAnnualReport: '标题“{{title}}”中没有“年度报告”，文种不明确',
    },
  },
  create(context) {
    return {
      report(report) {
        const title = report.title.trim();
        const span = report.titleSpan ?? null;
        const kind =
          report.documentKind === 'work-summary' || report.documentKind === 'work-plan'
            ? report.documentKind
            : ANNUAL_REPORT.test(title)
              ? 'annual-report'
              : SUMMARY.test(title)
                ? 'work-summary'
                : PLAN.test(title)
                  ? 'work-plan'
                  : 'unknown';
        if (kind === 'work-summary') context.report({ messageId: 'workSummary', data: { title }, span });
        else if (kind === 'work-plan') context.report({ messageId: 'workPlan', data: { title }, span });
        else if (kind === 'unknown') context.report({ messageId: 'notAnnualReport', data: { title: title || '（无标题）' }, span });
      },
    };
  },
});
