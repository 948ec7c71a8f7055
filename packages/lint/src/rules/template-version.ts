import { isOtherHandling2021 } from '@xxgk/schema';
import type { Report } from '@xxgk/schema';
import { defineRule } from '../rule.js';

/** The national tables a report lacks (表二, 表三, 表四). */
function missingTables(report: Report): string[] {
  const missing: string[] = [];
  if (!report.proactive) missing.push('表二（主动公开政府信息情况）');
  if (!report.applications) missing.push('表三（收到和处理政府信息公开申请情况）');
  if (!report.reviewLitigation) missing.push('表四（政府信息公开行政复议、行政诉讼情况）');
  return missing;
}

/** Markers of the 2019 trial format in a report (SPEC §7 template-version). */
function markers2019(report: Report): string[] {
  const found: string[] = [];
  if (report.template === 'national-2019') found.push('2019年试行格式');
  if (report.proactive?.template === 'national-2019') found.push('表二为2019年格式（本年新制作数量、其他对外管理服务事项、政府集中采购）');
  const other = report.applications?.results.otherHandling;
  if (other && !isOtherHandling2021(other)) found.push('表三“（六）其他处理”未分为三项');
  if (report.template === 'legacy-2008') found.push('2019年以前的格式');
  return found;
}

export default defineRule({
  meta: {
    id: 'template-version',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description: 'Require reports for 2021 and later to use the 2021 national format with all of its tables',
      recommended: true,
    },
    messages: {
      oldTemplate: '{{year}}年度报告应使用2021年版格式（国办公开办函〔2021〕30号），但本报告{{markers}}',
      missingTables: '{{year}}年度报告缺少统一格式要求的{{tables}}',
    },
  },
  create(context) {
    return {
      report(report) {
        const year = report.year;
        if (year === null || year < 2019) return;
        const missing = missingTables(report);
        if (year >= 2021) {
          const markers = markers2019(report);
          if (markers.length > 0) {
            context.report({ messageId: 'oldTemplate', data: { year, markers: `使用了${markers.join('；')}` } });
          }
          if (missing.length > 0 && report.template !== 'legacy-2008') {
            context.report({ messageId: 'missingTables', data: { year, tables: missing.join('、') } });
          }
          return;
        }
        // 2019–2020: the trial format's tables are expected; their absence is a warning.
        if (missing.length > 0) {
          context.report({ messageId: 'missingTables', data: { year, tables: missing.join('、') }, severity: 'warn' });
        }
      },
    };
  },
});
