import { describe, expect, it } from 'vitest';
import { barChart, escapeXml, niceTicks, shareChart, textWidth } from '../src/client/charts.js';

/** The bars of a chart: category, series, value, height. */
function bars(svg: string): { category: string; series: string; value: number; y: number; height: number }[] {
  return [...svg.matchAll(/<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)" fill="[^"]+" data-category="([^"]*)" data-series="([^"]*)" data-value="([^"]*)"/g)].map(
    (m) => ({ y: Number(m[1]), height: Number(m[2]), category: m[3] ?? '', series: m[4] ?? '', value: Number(m[5]) }),
  );
}

describe('ticks', () => {
  it('picks round steps up to at least the maximum', () => {
    expect(niceTicks(447)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(12, 5)).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
});

describe('bar charts', () => {
  it('draws bars proportional to the values, skipping nulls and zeros', () => {
    const svg = barChart({
      title: '申请 <数量>',
      categories: ['2021', '2022', '2023'],
      series: [{ name: '本年新收', color: '#000', values: [100, 400, null] }],
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('申请 &#60;数量&#62;');
    const b = bars(svg);
    expect(b.map((x) => [x.category, x.value])).toEqual([
      ['2021', 100],
      ['2022', 400],
    ]);
    expect((b[1]?.height ?? 0) / (b[0]?.height ?? 1)).toBeCloseTo(4, 2);
  });

  it('stacks series on one another', () => {
    const svg = barChart({
      title: '理由',
      categories: ['2023'],
      stacked: true,
      series: [
        { name: '国家秘密', color: '#111', values: [2] },
        { name: '第三方', color: '#222', values: [6] },
      ],
    });
    const [a, b] = bars(svg);
    expect(a && b).toBeTruthy();
    // The second bar sits right on top of the first, three times as tall.
    expect((b?.y ?? 0) + (b?.height ?? 0)).toBeCloseTo(a?.y ?? 0, 1);
    expect((b?.height ?? 0) / (a?.height ?? 1)).toBeCloseTo(3, 2);
  });

  it('writes shares as percentages with the counts', () => {
    const svg = shareChart('占比', [
      { label: '县级', part: 1, total: 6 },
      { label: '乡镇级', part: 0, total: 0 },
    ]);
    expect(svg).toContain('16.7%（1/6）');
    expect(svg).toContain('0.0%（0/0）');
    expect(svg).toContain('data-value="0.1667"');
  });

  it('escapes text and measures labels', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&#60;a href=&#34;x&#34;&#62;&#38;&#39;');
    expect(textWidth('国家秘密')).toBe(48);
    expect(textWidth('ab')).toBe(14);
  });
});
