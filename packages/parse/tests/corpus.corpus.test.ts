import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReportSchema, cellAt, type Cell, type Report, type SectionKind } from '@xxgk/schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const shared = process.env.XXGK_CORPUS_DIR ?? resolve(root, '../shared');
const corpusDir = resolve(shared, 'corpus');
const seedsDir = resolve(shared, 'seeds');

const require = createRequire(import.meta.url);
const jsonSchemaPath = require.resolve('@xxgk/schema/report.schema.json');
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
const validateJson = ajv.compile(JSON.parse(readFileSync(jsonSchemaPath, 'utf8')) as object);

function expectValid(report: Report): void {
  const zod = ReportSchema.safeParse(report);
  expect(zod.success, zod.success ? '' : JSON.stringify(zod.error.issues.slice(0, 3))).toBe(true);
  const json = JSON.parse(JSON.stringify(report)) as unknown;
  const ok = validateJson(json);
  expect(ok, JSON.stringify(validateJson.errors?.slice(0, 3))).toBe(true);
}

function valueOf(cell: Cell | undefined): number | null | 'missing' {
  if (cell === undefined) return 'missing';
  if (cell === null || typeof cell === 'number') return cell;
  return cell.value;
}

interface Expected {
  source: string;
  agency: string;
  year: number;
  template: Report['template'];
  cells: Record<string, number | null>;
}

const expectedFiles = readdirSync(corpusDir).filter((f) => f.endsWith('.expected.json'));

describe('corpus: every cell equals its expected.json', () => {
  it.each(expectedFiles)('%s', async (file) => {
    const expected = JSON.parse(readFileSync(resolve(corpusDir, file), 'utf8')) as Expected;
    const bytes = readFileSync(resolve(corpusDir, expected.source));
    const { report, text } = await parse(bytes, { name: expected.source });
    expect(report.year).toBe(expected.year);
    expect(report.template).toBe(expected.template);
    const wrong: string[] = [];
    for (const [path, value] of Object.entries(expected.cells)) {
      const got = valueOf(cellAt(report, path));
      if (got !== value) wrong.push(`${path}: expected ${String(value)}, got ${String(got)}`);
      const cell = cellAt(report, path);
      // every cell read from the source carries a span onto its digits
      if (cell && typeof cell === 'object' && cell.span && cell.value !== null) {
        const slice = text.slice(cell.span.start, cell.span.end).replace(/[\s,，]/g, '');
        expect(slice.length).toBeGreaterThan(0);
      }
    }
    expect(wrong).toEqual([]);
    expectValid(report);
  });

  it('claims no value in the ambiguous 2021-template 表二 row of pingtan-zone_2023', async () => {
    const { report } = await parse(readFileSync(resolve(corpusDir, 'pingtan-zone_2023.txt')), { name: 'pingtan-zone_2023.txt' });
    for (const col of ['issued', 'repealed', 'inForce']) {
      const cell = cellAt(report, `proactive.normativeDocuments.${col}`);
      expect(valueOf(cell)).toBeNull();
      expect(cell && typeof cell === 'object' ? cell.candidates?.length : 0).toBeGreaterThan(1);
    }
    expect(report.diagnostics.some((d) => d.code === 'AMBIGUOUS_DIGITS' && d.path === 'proactive.normativeDocuments')).toBe(true);
  });

  it.each(readdirSync(corpusDir).filter((f) => !f.endsWith('.json') && !f.endsWith('.md') || f.endsWith('.md') && f !== 'README.md'))(
    '%s parses into a valid Report',
    async (file) => {
      const { report } = await parse(readFileSync(resolve(corpusDir, file)), { name: file });
      expect(report.title.length).toBeGreaterThan(5);
      expect(report.year).not.toBeNull();
      expectValid(report);
    },
  );

  it('reads the legacy statistics tables of the legacy reports', async () => {
    const { report } = await parse(readFileSync(resolve(corpusDir, 'pingtan-zone_2014.txt')), { name: 'pingtan-zone_2014.txt' });
    expect(report.template).toBe('legacy-2008');
    const rows = report.legacyStatistics?.rows ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.find((r) => r.key === 'applicationsTotal')).toBeDefined();
    expect(report.sections.map((s) => s.kind)).toContain('fees');
    expect(report.sections.map((s) => s.kind)).toContain('statistics');
  });
});

interface SeedTruth {
  title: string;
  year: number | null;
  agency: string;
  kind: Report['documentKind'];
  language: Report['language'];
  documents: number;
  kinds: SectionKind[];
  missing: SectionKind[];
}

/** What the seeds show (DESIGN.md), decided by reading them: 004 also appends next year's 工作计划 after its date line. */
const SEEDS: Record<string, SeedTruth> = {
  '000': { title: '镇海区妇联政府信息公开2015年工作总结', year: 2015, agency: '镇海区妇联', kind: 'work-summary', language: 'zh-Hans', documents: 1, kinds: ['proactive'], missing: ['fees', 'reviewLitigation'] },
  '001': { title: '20**年計劃生育委信息公開工作總結[1]', year: null, agency: '計劃生育委', kind: 'work-summary', language: 'zh-Hant', documents: 3, kinds: ['problems'], missing: ['fees'] },
  '002': { title: '棉洋镇2015年政府信息公开工作年度报告', year: 2015, agency: '棉洋镇', kind: 'annual-report', language: 'zh-Hans', documents: 1, kinds: ['applications', 'fees', 'reviewLitigation', 'problems'], missing: [] },
  '003': { title: '镇海城管局2013年政府信息公开工作总结', year: 2013, agency: '镇海城管局', kind: 'work-summary', language: 'zh-Hans', documents: 1, kinds: ['overview'], missing: ['fees', 'reviewLitigation'] },
  '004': { title: '蛟川街道办事处2016年政府信息公开年度报告', year: 2016, agency: '蛟川街道办事处', kind: 'annual-report', language: 'zh-Hans', documents: 2, kinds: ['overview', 'proactive', 'applications', 'reviewLitigation', 'problems'], missing: ['fees'] },
};

function allKinds(report: Report): Set<SectionKind> {
  const out = new Set<SectionKind>();
  const walk = (list: Report['sections']): void => {
    for (const s of list) {
      out.add(s.kind);
      walk(s.children);
    }
  };
  walk(report.sections);
  return out;
}

describe('seeds', () => {
  const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
  it.each(files)('%s', async (file) => {
    const truth = SEEDS[file.slice(0, 3)];
    expect(truth).toBeDefined();
    if (!truth) return;
    const { report, text } = await parse(readFileSync(resolve(seedsDir, file)), { name: file });
    expect(report.title).toBe(truth.title);
    expect(report.year).toBe(truth.year);
    expect(report.agency.name).toBe(truth.agency);
    expect(report.template).toBe('legacy-2008');
    expect(report.documentKind).toBe(truth.kind);
    expect(report.language).toBe(truth.language);
    expect(report.documents).toHaveLength(truth.documents);
    const kinds = allKinds(report);
    for (const k of truth.kinds) expect(kinds.has(k), `section kind ${k}`).toBe(true);
    for (const k of truth.missing) expect(kinds.has(k), `no section kind ${k}`).toBe(false);
    if (report.titleSpan) expect(text.slice(report.titleSpan.start, report.titleSpan.end)).toBe(truth.title);
    expectValid(report);
  });

  it('001 states a total smaller than its parts', async () => {
    const file = readdirSync(seedsDir).find((f) => f.startsWith('001'));
    const { report } = await parse(readFileSync(resolve(seedsDir, file ?? '')), { name: file });
    const total = report.facts.find((f) => f.value === 258);
    const parts = report.facts.filter((f) => f.partOf === total?.id).map((f) => f.value);
    expect(parts).toEqual([152, 65, 39, 18]);
  });

  it('004 states 依申请公开2件 and 未收到此类申请', async () => {
    const file = readdirSync(seedsDir).find((f) => f.startsWith('004'));
    const { report } = await parse(readFileSync(resolve(seedsDir, file ?? '')), { name: file });
    const stated = report.facts.filter((f) => f.quantity === 'legacyStatistics.applicationsTotal.year');
    expect(stated.map((f) => [f.value, f.negated ?? false])).toEqual([
      [2, false],
      [0, true],
    ]);
    expect(report.publishedOn).toBe('2016-12-16');
    const total = report.facts.find((f) => f.value === 336);
    expect(report.facts.filter((f) => f.partOf === total?.id).map((f) => f.value)).toEqual([70, 266]);
  });

  it('000 counts only to 12月10日', async () => {
    const file = readdirSync(seedsDir).find((f) => f.startsWith('000'));
    const { report } = await parse(readFileSync(resolve(seedsDir, file ?? '')), { name: file });
    expect(report.period?.to).toBe('2015-12-10');
    expect(report.publishedOn).toBe('2015-12-10');
  });
});
