import { cellAt, cellValue } from '@xxgk/schema';
import { national2021 } from '@xxgk/schema/templates';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { T3, T4 } from '../fixtures/report-2021.js';

function markdown(options: { blankTotal?: boolean } = {}): string {
  const rows = (national2021.applications?.rows ?? []).map((r) => {
    if (r.path === null) return `| ${r.label} |  |  |  |  |  |  |  |`;
    const v = (T3[r.path] ?? [0, 0, 0, 0, 0, 0, 0]).map(String);
    if (options.blankTotal && r.path === 'applications.carriedForward') v[6] = '';
    return `| ${r.label} | ${v.join(' | ')} |`;
  });
  return [
    '# 青禾县交通运输局2023年政府信息公开工作年度报告',
    '',
    '## 一、总体情况',
    '',
    '2023年，我局共收到政府信息公开申请21件。',
    '',
    '## 二、主动公开政府信息情况',
    '',
    '| 第二十条第（一）项 |  |  |  |',
    '| --- | --- | --- | --- |',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '| 规章 | 0 | 0 | 0 |',
    '| 行政规范性文件 | 4 | 1 | 37 |',
    '| 第二十条第（五）项 |  |  |  |',
    '| 行政许可 | 1,520 |  |  |',
    '| 行政处罚 | 88 |  |  |',
    '| 行政强制 | — |  |  |',
    '| 行政事业性收费 | 12.5 |  |  |',
    '',
    '## 三、收到和处理政府信息公开申请情况',
    '',
    '|  | 申请人情况 |  |  |  |  |  |  |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
    ...rows,
    '',
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '',
    '| 行政复议 |  |  |  |  | 行政诉讼 |',
    '| --- | --- | --- | --- | --- | --- |',
    '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 |',
    `| ${T4.join(' | ')} |`,
    '',
    '## 五、存在的主要问题及改进情况',
    '',
    '## 六、其他需要报告的事项',
    '',
    '本年度未收取信息处理费。',
  ].join('\n');
}

describe('markdown', () => {
  it('reads pipe tables cell by cell, with spans into the Markdown', async () => {
    const { report, text } = await parse(markdown(), { name: 'r.md' });
    expect(report.source.format).toBe('markdown');
    expect(report.title).toBe('青禾县交通运输局2023年政府信息公开工作年度报告');
    expect(report.agency.kind).toBe('department');
    for (const [path, values] of Object.entries(T3)) {
      expect(['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'].map((c) => cellValue(cellAt(report, `${path}.${c}`)))).toEqual(values);
    }
    expect(cellValue(cellAt(report, 'reviewLitigation.litigationDirect.total'))).toBe(3);
    expect(cellValue(cellAt(report, 'proactive.licensing'))).toBe(1520);
    const lic = cellAt(report, 'proactive.licensing');
    expect(lic && typeof lic === 'object' && lic.span ? text.slice(lic.span.start, lic.span.end) : null).toBe('1,520');
    expect(cellAt(report, 'proactive.enforcement')).toMatchObject({ value: null, raw: '—' });
    expect(report.sections.map((s) => s.kind)).toEqual(['overview', 'proactive', 'applications', 'reviewLitigation', 'problems', 'otherMatters']);
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('keeps a blank total cell null (never 0)', async () => {
    const { report } = await parse(markdown({ blankTotal: true }), { name: 'r.md' });
    expect(cellAt(report, 'applications.carriedForward.total')).toMatchObject({ value: null, raw: '' });
    expect(cellValue(cellAt(report, 'applications.carriedForward.naturalPerson'))).toBe(2);
  });
});
