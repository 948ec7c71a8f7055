import { ReportSchema, cellAt, cellValue } from '@xxgk/schema';
import { getTemplate } from '@xxgk/schema/templates';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../src/index.js';
import { SYNTH_FORMATS, contentId, generateModel, generateReport, render, renderSync, truthFor } from '../src/index.js';
import { failingIdentities } from './helpers/check.js';
import { unzip } from './helpers/unzip.js';

const TEXT_FORMATS = ['text', 'text-dump', 'markdown', 'html'] as const;

function negatedText(label: string): string[] {
  return ['未收到', label];
}

/** Every anchored thing of the truth sits where its span says, in the rendered text. */
function expectSpansPointIntoText(model: ReportModel, format: (typeof TEXT_FORMATS)[number]): void {
  const rendered = renderSync(model, format);
  const text = rendered.text ?? '';
  const truth = truthFor(model, rendered);
  const at = (span: { start: number; end: number }) => text.slice(span.start, span.end);
  expect(at(truth.titleSpan!)).toBe(truth.title);
  expect(at(truth.period!.span!)).toBe(truth.period!.raw);
  const [y, m, d] = truth.publishedOn!.split('-').map(Number);
  expect(at(truth.publishedOnSpan!)).toBe(`${y}年${m}月${d}日`);
  for (const fact of truth.facts) {
    const slice = at(fact.span);
    if (fact.negated) expect(negatedText(fact.label)).toContain(slice);
    else expect(slice).toBe(`${fact.value}${fact.unit}`);
  }
  for (const section of truth.sections) {
    expect(at(section.span).startsWith(section.heading)).toBe(true);
    for (const child of section.children) expect(at(child.span).startsWith(child.heading)).toBe(true);
  }
  if (truth.fees?.span) expect(at(truth.fees.span)).toBe(truth.fees.statement);
  // line/column agree with the offsets
  const lines = text.split('\n');
  const f = truth.facts[0]!;
  expect(lines[f.span.line - 1]?.slice(f.span.column - 1, f.span.endColumn - 1)).toBe(at(f.span));
}

describe('formats', () => {
  it('render every format for every template', async () => {
    for (const year of [2011, 2019, 2024]) {
      const model = generateModel({ seed: 21, year });
      for (const format of SYNTH_FORMATS) {
        const r = await render(model, format);
        expect(r.format).toBe(format);
        expect(r.bytes.length).toBeGreaterThan(1000);
        expect(r.name).toMatch(new RegExp(`-${year}-[0-9a-f]{10}\\.(txt|md|html|docx)$`));
        if (format !== 'docx') expect(new TextDecoder().decode(r.bytes)).toBe(r.text);
      }
    }
  });

  it('text: one table row per line, cells separated by tabs or aligned spaces', () => {
    const model = generateModel({ seed: 4, year: 2022 });
    const text = renderSync(model, 'text').text!;
    const a = model.truth.applications!;
    const row = text.split('\n').find((l) => l.startsWith('（一）予以公开'))!;
    expect(row.split(/\s+/).slice(1).map(Number)).toEqual(
      (['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'] as const).map((c) =>
        cellValue(a.results.granted[c]),
      ),
    );
  });

  it('text-dump glues each 表三 row into one digit run', () => {
    const model = generateModel({ seed: 4, year: 2022 });
    const dump = renderSync(model, 'text-dump').text!;
    const g = model.truth.applications!.results.granted;
    const run = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total']
      .map((c) => String(cellValue(g[c as 'total'])))
      .join('');
    expect(dump).toContain(`（一）予以公开${run}`);
    expect(dump.startsWith('当前位置：')).toBe(true);
  });

  it('text-dump glues 表二 and legacy cells only in the glue-all style', () => {
    const styles = new Set<boolean>();
    for (let seed = 0; seed < 12; seed++) {
      const model = generateModel({ seed, year: 2021 });
      const p = model.truth.proactive;
      if (p?.template !== 'national-2021') throw new Error('2021 表二 expected');
      const dump = renderSync(model, 'text-dump').text!;
      const cells = [p.normativeDocuments.issued, p.normativeDocuments.repealed, p.normativeDocuments.inForce].map((c) => String(cellValue(c)));
      expect(dump).toContain(`行政规范性文件${model.style.dumpGlueAll ? '' : ' '}${cells.join(model.style.dumpGlueAll ? '' : ' ')}`);
      styles.add(model.style.dumpGlueAll);
    }
    expect(styles.size).toBe(2);
  });

  it('markdown: # headings and pipe tables', () => {
    const md = renderSync(generateModel({ seed: 4, year: 2020 }), 'markdown').text!;
    expect(md).toMatch(/^# .+年政府信息公开工作年度报告$/m);
    expect(md).toMatch(/^## 三、(收到和处理政府信息公开申请的?情况|依申请公开政府信息情况)$/m);
    expect(md).toMatch(/^\| 一、本年新收政府信息公开申请数量 \| \d+ \|/m);
  });

  it('html: a site page with the article in div.article and the template’s merged cells', () => {
    // Cell text may be wrapped in <p align="center"> (pages pasted from Word): compare without it.
    const plainCells = (h: string) => h.replace(/<p align="center">/g, '').replace(/<\/p><\/td>/g, '</td>');
    const m2021 = generateModel({ seed: 4, year: 2022 });
    const html = plainCells(renderSync(m2021, 'html').text!);
    expect(html).toContain('<div class="article">');
    expect(html).toMatch(/<div class="footer">/);
    expect(html).toContain('<td rowspan="3" colspan="3" class="th">（本列数据的勾稽关系为');
    expect(html).toContain('<td rowspan="22">三、本年度办理结果</td>');
    expect(html).toContain('<td rowspan="3">（六）其他处理</td>');
    expect(html).toContain('<td colspan="10" class="th">行政诉讼</td>');
    const h2019 = plainCells(renderSync(generateModel({ seed: 4, year: 2019 }), 'html').text!);
    expect(h2019).toContain('<td rowspan="20">三、本年度办理结果</td>');
    expect(h2019).toContain('<td colspan="2">（六）其他处理</td>');
    expect(h2019).toContain('第二十条第（九）项');
    const blank = plainCells(renderSync(generateModel({ seed: 2, year: 2022, defect: 'blank-total' }), 'html').text!);
    expect(blank).toMatch(/<td>(&nbsp;)?<\/td>/);
  });

  it('docx: a valid zip with word/document.xml holding real merged tables', async () => {
    const model = generateModel({ seed: 4, year: 2022 });
    const r = await render(model, 'docx');
    expect(r.text).toBeNull();
    const files = unzip(r.bytes);
    const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
    expect(files.has('[Content_Types].xml')).toBe(true);
    expect(xml).toContain(model.truth.title);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toMatch(/<w:gridSpan w:val="3"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
  });

  it('spans of the truth point into each text format', () => {
    for (let seed = 0; seed < 25; seed++) {
      const model = generateModel({ seed });
      for (const format of TEXT_FORMATS) expectSpansPointIntoText(model, format);
    }
    expectSpansPointIntoText(generateModel({ seed: 3, year: 2022, defect: 'multiple-documents' }), 'html');
  });

  it('truthFor(…, { cellSpans: true }) gives every table cell its raw text and span', () => {
    for (const [seed, year] of [[1, 2012], [2, 2019], [3, 2024], [4, 2022]] as const) {
      const model = generateModel({ seed, year, ...(seed === 4 ? { defect: 'blank-total' as const } : {}) });
      for (const format of TEXT_FORMATS) {
        const rendered = renderSync(model, format);
        const text = rendered.text!;
        const truth = truthFor(model, rendered, { cellSpans: true });
        expect(() => ReportSchema.parse(truth)).not.toThrow();
        let cells = 0;
        for (const def of getTemplate(truth.template).cells) {
          const cell = cellAt(truth, def.path);
          if (cell === undefined) continue;
          cells++;
          if (cell === null || typeof cell !== 'object') throw new Error(`${format} ${def.path}: no span`);
          expect(text.slice(cell.span!.start, cell.span!.end)).toBe(cell.raw);
          expect(cell.value).toBe(cellValue(cellAt(model.truth, def.path)));
          expect(cell.raw).toBe(cell.value === null ? '' : `${cell.value}${def.path === 'proactive.procurement.totalAmount' && truth.proactive?.template === 'national-2019' ? (truth.proactive.procurement.unit ?? '') : ''}`);
        }
        expect(cells).toBe(getTemplate(truth.template).cells.filter((d) => cellAt(model.truth, d.path) !== undefined).length);
        expect(cells).toBeGreaterThanOrEqual(30);
        expect(failingIdentities(truth).length).toBe(failingIdentities(model.truth).length);
      }
    }
  });

  it('generateReport returns the truth of the rendered bytes (source, id) and last year for cross-year defects', async () => {
    const report = await generateReport({ seed: 12, year: 2021, format: 'html' });
    expect(report.truth.source.format).toBe('html');
    expect(report.truth.source.bytes).toBe(report.bytes.length);
    expect(report.truth.source.name).toBe(report.name);
    const text = await generateReport({ seed: 12, year: 2021, format: 'text' });
    expect(report.truth.id).toBe(text.truth.id);
    expect(text.truth.id).toBe(contentId(text.text!));
    expect(report.previous).toBeNull();
    const cross = await generateReport({ seed: 12, year: 2021, format: 'docx', defect: 'carryover-mismatch' });
    expect(cross.previous?.truth.year).toBe(2020);
    expect(cross.previous?.format).toBe('docx');
  });
});

describe('determinism', () => {
  it('the same seed gives the same bytes in every format; another seed does not', async () => {
    for (const options of [{ seed: 77 }, { seed: 78, year: 2016 }, { seed: 79, year: 2020, defect: 'item-continuity' as const }]) {
      for (const format of SYNTH_FORMATS) {
        const a = await generateReport({ ...options, format });
        const b = await generateReport({ ...options, format });
        expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes)), `${format}`).toBe(true);
        expect(a.truth).toEqual(b.truth);
      }
    }
    const x = renderSync(generateModel({ seed: 1 }), 'text').text;
    const y = renderSync(generateModel({ seed: 2 }), 'text').text;
    expect(x).not.toBe(y);
  });

  it('varies the wording across seeds', () => {
    const openings = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const text = renderSync(generateModel({ seed, year: 2022 }), 'text').text!;
      const line = text.split('\n').find((l) => /^2022年，/.test(l));
      if (line) openings.add(line.replace(/^2022年，(我\S|本机关)/, ''));
    }
    expect(openings.size).toBeGreaterThanOrEqual(3);
  });
});
