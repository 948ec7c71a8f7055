import { cellAt, cellValue } from '@xxgk/schema';
import { national2021 } from '@xxgk/schema/templates';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { T3, T4 } from '../fixtures/report-2021.js';

const td = (v: string, attrs = ''): string => `<td${attrs}>${v}</td>`;

function html(): string {
  const rows = national2021.applications?.rows ?? [];
  const body: string[] = [];
  for (const r of rows) {
    if (r.path === null) continue;
    const v = (T3[r.path] ?? [0, 0, 0, 0, 0, 0, 0]).map((n) => (n === 0 && r.path?.includes('denied') ? '&nbsp;' : String(n)));
    let lead = td(r.label, ' colspan="2"');
    if (r.path === 'applications.results.granted') lead = td('三、本年度办理结果', ' rowspan="20"') + td(r.label);
    else if (r.path.endsWith('denied.stateSecret')) lead = td('（三）不予公开', ' rowspan="8"') + td(r.label);
    else if (r.path.startsWith('applications.results.') && r.group && r.group !== '（一）' && r.group !== '（二）' && r.group !== '（七）') lead = td(r.label);
    else if (r.path.startsWith('applications.results.')) lead = td(r.label);
    body.push(`<tr>${lead}${v.map((x) => td(x)).join('')}</tr>`);
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>青禾市2024年政府信息公开工作年度报告_青禾市人民政府</title>
<script>var x = "<p>一、总体情况</p>";</script></head>
<body><nav><a href="/">首页</a> &gt; 政务公开</nav>
<div class="article"><h1>青禾市2024年政府信息公开工作年度报告</h1>
<p>本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。</p>
<p>一、总体情况</p><p>2024年全市共收到政府信息公开申请21件&nbsp;，办结20件。</p>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1"><tbody>
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
${body.join('\n')}
</tbody></table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((x) => td(x)).join('')}</tr>
<tr>${T4.map((n) => td(String(n))).join('')}</tr></table>
<p>六、其他需要报告的事项</p><p>本年度收取信息处理费&nbsp;300元。</p>
<p style="text-align:right">2025年3月10日</p></div>
<footer>版权所有</footer></body></html>`;
}

describe('html', () => {
  it('reads rowspan/colspan tables and &nbsp; cells, with spans into the HTML source', async () => {
    const { report, text } = await parse(html(), { name: 'r.html' });
    expect(report.source.format).toBe('html');
    expect(report.title).toBe('青禾市2024年政府信息公开工作年度报告');
    expect(report.agency).toMatchObject({ name: '青禾市', kind: 'government', level: 'prefectural' });
    expect(report.year).toBe(2024);
    for (const [path, values] of Object.entries(T3)) {
      expect(['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'].map((c) => cellValue(cellAt(report, `${path}.${c}`)))).toEqual(values);
    }
    // &nbsp; cells are blank, not 0
    expect(cellAt(report, 'applications.results.denied.lawForbidden.naturalPerson')).toMatchObject({ value: null });
    const cell = cellAt(report, 'applications.results.granted.total');
    expect(cell && typeof cell === 'object' && cell.span ? text.slice(cell.span.start, cell.span.end) : null).toBe('11');
    expect(cellValue(cellAt(report, 'reviewLitigation.litigationDirect.total'))).toBe(3);
    expect(report.publishedOn).toBe('2025-03-10');
    expect(report.fees).toMatchObject({ charged: true, unit: '元' });
    expect(report.sections.map((s) => s.kind)).toEqual(['overview', 'applications', 'reviewLitigation', 'otherMatters']);
    const overview = report.sections[0];
    expect(overview && text.slice(overview.span.start, overview.span.start + 6)).toBe('一、总体情况');
  });

  it('ignores script text and page chrome', async () => {
    const { report } = await parse(html(), { name: 'r.html' });
    expect(report.sections.filter((s) => s.kind === 'overview')).toHaveLength(1);
    expect(report.sections.some((s) => s.heading.includes('首页'))).toBe(false);
  });

  it('survives deeply nested markup', async () => {
    const deep = `<html><body>${'<div>'.repeat(20000)}<p>某局2020年政府信息公开工作年度报告</p>${'</div>'.repeat(20000)}</body></html>`;
    const { report } = await parse(deep, { name: 'deep.html' });
    expect(report.year).toBe(2020);
  });
});

describe('html cells that are not numbers', () => {
  it('reports an absurd number in a cell as INVALID_NUMBER', async () => {
    const big = '9'.repeat(40);
    const page = `<html><body><p>某局2022年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p><table>
<tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>${big}</td></tr></table></body></html>`;
    const { report } = await parse(page, { name: 'x.html' });
    expect(cellAt(report, 'proactive.licensing')).toMatchObject({ value: null, raw: big });
    expect(report.diagnostics.find((d) => d.code === 'INVALID_NUMBER')?.path).toBe('proactive.licensing');
  });
});

describe('html page chrome', () => {
  it('reads the article container and leaves related-report lists out', async () => {
    const body = Array.from({ length: 6 }, (_, i) => `<p>${'一二三四五六'[i]}、${['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'][i]}</p><p>本年度，本局认真贯彻落实政府信息公开条例，持续推进各项工作，全年工作平稳有序开展，成效明显。</p>`).join('\n');
    const page = `<html><head><title>首页</title></head><body>
<div class="top"><p>青禾市交通运输局</p><p>2025年4月1日 星期二</p></div>
<div id="zoom"><p>青禾市交通运输局2024年政府信息公开工作年度报告</p>${body}<p>2025年1月20日</p></div>
<div class="related"><p>相关阅读</p><p>青禾市交通运输局2023年政府信息公开工作年度报告</p><p>青禾市交通运输局2022年政府信息公开工作年度报告</p></div>
</body></html>`;
    const { report } = await parse(page, { name: 'p.html' });
    expect(report.title).toBe('青禾市交通运输局2024年政府信息公开工作年度报告');
    expect(report.documents).toHaveLength(1);
    expect(report.publishedOn).toBe('2025-01-20');
    expect(report.sections.map((s) => s.kind)).toEqual(['overview', 'proactive', 'applications', 'reviewLitigation', 'problems', 'otherMatters']);
  });
});
