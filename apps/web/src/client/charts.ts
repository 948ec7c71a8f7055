/** Hand-drawn SVG charts (strings): no chart library, nothing fetched. */

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Round tick values from 0 to at least `max` (1, 2, 2.5, 5 × 10^k steps). */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  if ((ticks[ticks.length - 1] ?? 0) < max) ticks.push(Number((ticks.length * step).toFixed(10)));
  return ticks;
}

/** Approximate width in px of a label at 12 px: CJK and full-width characters 12, others 7. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFEF“”‘’]/.test(ch) ? 12 : 7;
  return w;
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('zh-CN') : n.toLocaleString('zh-CN', { maximumFractionDigits: 1 });
}

export interface Series {
  readonly name: string;
  readonly color: string;
  readonly values: readonly (number | null)[];
}

export interface BarChartOptions {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly Series[];
  /** Stack the series in one bar per category (else side by side). */
  readonly stacked?: boolean;
  readonly width?: number;
  readonly height?: number;
  readonly unit?: string;
}

/** Palette readable on white and by most colour-blind readers (Okabe–Ito, then greys). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000', '#999999'];

/** A vertical bar chart as an SVG string; every bar carries data-category/data-series/data-value. */
export function barChart(options: BarChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const plotW = width - 64 - 16;
  // Legend columns wide enough for the longest name (CJK glyphs ≈ 12 px at 12 px font).
  const longest = Math.max(1, ...options.series.map((se) => textWidth(se.name)));
  const legendCols = Math.max(1, Math.min(options.series.length, Math.floor(plotW / (longest + 28))));
  const legendW = plotW / legendCols;
  const legendRows = Math.ceil(options.series.length / legendCols);
  const margin = { top: 36, right: 16, bottom: 36 + legendRows * 20, left: 64 };
  const plotH = height - margin.top - margin.bottom;
  const n = options.categories.length;
  const totals = options.categories.map((_c, i) =>
    options.stacked
      ? options.series.reduce((s, se) => s + Math.max(0, se.values[i] ?? 0), 0)
      : Math.max(0, ...options.series.map((se) => se.values[i] ?? 0)),
  );
  const ticks = niceTicks(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1] ?? 1;
  const y = (v: number) => margin.top + plotH - (v / top) * plotH;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(options.title)}" class="chart">`,
  );
  parts.push(`<text x="${margin.left}" y="20" class="chart-title">${escapeXml(options.title)}</text>`);
  for (const t of ticks) {
    const ty = y(t).toFixed(1);
    parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${ty}" y2="${ty}" class="grid"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${ty}" dy="0.32em" text-anchor="end" class="tick">${escapeXml(formatNumber(t))}</text>`);
  }
  const band = n > 0 ? plotW / n : plotW;
  const barW = Math.max(2, band * 0.7);
  options.categories.forEach((category, i) => {
    const x0 = margin.left + i * band + (band - barW) / 2;
    let stackBase = 0;
    options.series.forEach((se, s) => {
      const v = se.values[i];
      if (v == null || v <= 0) return;
      let x: number;
      let w: number;
      let yTop: number;
      let h: number;
      if (options.stacked) {
        x = x0;
        w = barW;
        yTop = y(stackBase + v);
        h = y(stackBase) - yTop;
        stackBase += v;
      } else {
        w = barW / options.series.length;
        x = x0 + s * w;
        yTop = y(v);
        h = y(0) - yTop;
      }
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${yTop.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${se.color}" data-category="${escapeXml(category)}" data-series="${escapeXml(se.name)}" data-value="${v}"><title>${escapeXml(`${category} · ${se.name}：${formatNumber(v)}${options.unit ?? ''}`)}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${(margin.left + i * band + band / 2).toFixed(1)}" y="${margin.top + plotH + 16}" text-anchor="middle" class="tick">${escapeXml(category)}</text>`,
    );
  });
  parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(0)}" y2="${y(0)}" class="axis"/>`);
  options.series.forEach((se, s) => {
    const lx = margin.left + (s % legendCols) * legendW;
    const ly = margin.top + plotH + 34 + Math.floor(s / legendCols) * 20;
    parts.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${se.color}"/>`);
    parts.push(`<text x="${lx + 16}" y="${ly}" class="legend">${escapeXml(se.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface ShareRow {
  readonly label: string;
  readonly part: number;
  readonly total: number;
}

/** Horizontal bars of part/total shares (0–100 %), with the counts written beside them. */
export function shareChart(title: string, rows: readonly ShareRow[], width = 640): string {
  const rowH = 28;
  const margin = { top: 36, right: 150, bottom: 12, left: 90 };
  const height = margin.top + rows.length * rowH + margin.bottom;
  const plotW = width - margin.left - margin.right;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}" class="chart">`,
    `<text x="${margin.left}" y="20" class="chart-title">${escapeXml(title)}</text>`,
  ];
  rows.forEach((r, i) => {
    const share = r.total > 0 ? r.part / r.total : 0;
    const yy = margin.top + i * rowH;
    parts.push(`<text x="${margin.left - 8}" y="${yy + rowH / 2}" dy="0.32em" text-anchor="end" class="tick">${escapeXml(r.label)}</text>`);
    parts.push(`<rect x="${margin.left}" y="${yy + 5}" width="${plotW}" height="${rowH - 10}" class="track"/>`);
    parts.push(
      `<rect x="${margin.left}" y="${yy + 5}" width="${(share * plotW).toFixed(1)}" height="${rowH - 10}" fill="${PALETTE[3]}" data-category="${escapeXml(r.label)}" data-value="${share.toFixed(4)}"><title>${escapeXml(`${r.label}：${r.part} / ${r.total}`)}</title></rect>`,
    );
    parts.push(
      `<text x="${margin.left + plotW + 8}" y="${yy + rowH / 2}" dy="0.32em" class="tick">${(share * 100).toFixed(1)}%（${formatNumber(r.part)}/${formatNumber(r.total)}）</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
