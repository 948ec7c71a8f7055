import { describe, expect, it } from 'vitest';
import type { LintResult } from '../src/client/api.js';
import { summarize, titleOf } from '../src/client/summary.js';

const result: LintResult = { filePath: 'x.html', errorCount: 2, warningCount: 1, messages: [] };

describe('summary', () => {
  it('reads agency and year from the title, and the template from the table heads', () => {
    const html = '<html><head><title>x</title></head><body><h1>青山县交通运输局2023年政府信息公开工作年度报告</h1><p>信息内容 本年制发件数</p></body></html>';
    expect(summarize(result, html)).toEqual({
      errors: 2,
      warnings: 1,
      template: '2021 版格式',
      year: 2023,
      agency: '青山县交通运输局',
      source: 'text',
    });
    expect(summarize(result, '青山县人民政府2019年度政府信息公开工作年度报告\n本年新制作数量')).toMatchObject({
      year: 2019,
      agency: '青山县人民政府',
      template: '2019 版格式',
    });
  });

  it('prefers the gateway’s report, and admits what it does not know', () => {
    expect(summarize({ ...result, report: { year: 2022, template: 'national-2021', agency: { name: '某局' } } }, null)).toMatchObject({
      year: 2022,
      template: '2021 版格式',
      agency: '某局',
      source: 'report',
    });
    expect(summarize(result, null)).toMatchObject({ template: null, year: null, agency: null, source: 'none' });
    expect(summarize(result, '没有标题的文本')).toMatchObject({ template: null, year: null, agency: null });
  });

  it('finds the title in <title>, across broken lines, year first, or after a breadcrumb', () => {
    expect(titleOf('<html><head><title>青山市2025年政府信息公开工作年度报告</title></head><body><p>正文</p></body></html>')).toEqual({
      agency: '青山市',
      year: 2025,
    });
    expect(titleOf('正文\n2024 年青山市科委政府信息公开工作\n年度报告\n根据《条例》')).toEqual({ agency: '青山市科委', year: 2024 });
    expect(titleOf('当前位置：首页 政务公开 青山区2021年度政府信息公开工作年度报告 来源：青山区')).toEqual({ agency: '青山区', year: 2021 });
    expect(titleOf('# 青山县（2020年）政府信息公开年度报告')).toEqual({ agency: '青山县', year: 2020 });
    expect(titleOf('青山区文化局2013年政府信息公开工作总结')).toEqual({ agency: '青山区文化局', year: 2013 });
    expect(titleOf('\n青山区妇联政府信息公开2015年工作总结\n')).toEqual({ agency: '青山区妇联', year: 2015 });
    expect(titleOf('本报告依据《条例》编制。')).toBeNull();
  });
});
