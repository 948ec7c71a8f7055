import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LintMessage } from '@xxgk/schema';
import { generateReport } from '@xxgk/synth';
import type { DefectId } from '@xxgk/synth';
import { StoreError, createDefaultAnalyzer, dropPostgresSchema, openStore } from '../src/index.js';
import type { Analyzer, Store, StoredFinding } from '../src/index.js';
import { backfillFingerprints } from '../src/queries/reviews.js';
import { testDrivers } from './helpers/drivers.js';

const PARAGRAPH = '我局高度重视政务公开工作，主要负责同志多次听取专题汇报，研究部署年度重点任务，现将有关情况报告如下。';

/** The real parser and linter; with `upgraded` on, every message is worded anew (a rule upgrade). */
const base = createDefaultAnalyzer();
const rules = { upgraded: false };
const analyzer: Analyzer = {
  parse: (input, options) => base.parse(input, options),
  async lint(report, options) {
    const messages: LintMessage[] = await base.lint(report, options);
    return rules.upgraded ? messages.map((m) => ({ ...m, message: `【新版】${m.message.replace(/，/gu, '；')}` })) : messages;
  },
};

async function generatedText(seed: number, defect: DefectId): Promise<string> {
  const g = await generateReport({ seed, format: 'text', defect });
  if (g.text === null) throw new Error('text format has text');
  return g.text;
}

/** A paragraph inserted after 一、总体情况 and a line added before the last one: the findings move. */
function lightlyEdited(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('一、'));
  lines.splice(at + 1, 0, PARAGRAPH);
  const last = lines.length - 1 - [...lines].reverse().findIndex((l) => l.trim() !== '');
  lines.splice(last, 0, '特此报告。');
  return lines.join('\n');
}

function byRule(findings: readonly StoredFinding[], ruleId: string): StoredFinding {
  const found = findings.find((f) => f.ruleId === ruleId);
  if (!found) throw new Error(`no ${ruleId} finding in ${findings.map((f) => f.ruleId).join(', ')}`);
  return found;
}

describe.each(testDrivers())('reviews ($name)', (driver) => {
  let store: Store;
  beforeAll(async () => {
    store = await driver.open({ analyzer });
  });
  afterAll(async () => {
    await store.close();
    await driver.cleanup();
  });

  it('stores fingerprints with the findings at ingest', async () => {
    const text = await generatedText(31, 'table-sum');
    const result = await store.ingest(text, { name: 'r.txt' });
    expect(result.findings.length).toBeGreaterThan(0);
    const [stored] = await store.findingsByReport([result.reportId]);
    expect(stored?.map((f) => f.fingerprint)).toEqual(result.findings.map((f) => f.fingerprint));
    for (const f of stored ?? []) {
      expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(f.reportId).toBe(result.reportId);
    }
  });

  it('keeps a decision across re-ingesting the same document and a lightly edited one', async () => {
    const text = await generatedText(32, 'placeholder');
    const first = await store.ingest(text, { name: 'r.txt' });
    const finding = byRule(first.findings, 'placeholder');
    const review = await store.reviewFinding({
      target: { reportId: first.reportId, fingerprint: finding.fingerprint ?? '' },
      decision: 'dismissed',
      comment: '  “20**”为引用的文件标题原文，不是模板残留。 ',
      reviewer: '张审核',
    });
    expect(review).toMatchObject({
      reportId: first.reportId,
      agencyId: first.agencyId,
      year: first.report.year,
      reportVersion: 1,
      ruleId: 'placeholder',
      decision: 'dismissed',
      comment: '“20**”为引用的文件标题原文，不是模板残留。',
      reviewer: '张审核',
      resolvedAt: null,
      supersededAt: null,
    });
    expect(review.createdAt).toBeInstanceOf(Date);

    const again = await store.ingest(text, { name: 'r.txt' });
    expect(again.status).toBe('unchanged');
    expect(await store.reviews(first.reportId)).toEqual([review]);

    const edited = await store.ingest(lightlyEdited(text), { name: 'r.txt' });
    expect(edited.status).toBe('updated');
    expect(edited.reportId).toBe(first.reportId);
    const moved = edited.findings.find((f) => f.fingerprint === finding.fingerprint);
    expect(moved?.ruleId).toBe('placeholder');
    expect(moved?.line).toBe(finding.line + 1);
    const [kept] = await store.reviews(first.reportId);
    expect(kept).toMatchObject({ id: review.id, resolvedAt: null, decision: 'dismissed' });
  });

  it('marks the decision resolved, and keeps it, when the finding is fixed; reopens it when it comes back', async () => {
    const text = await generatedText(33, 'placeholder');
    const first = await store.ingest(text, { name: 'r.txt' });
    const finding = byRule(first.findings, 'placeholder');
    const review = await store.reviewFinding({ target: { findingId: (await findingId(first.reportId, finding)) }, decision: 'accepted', reviewer: '李编辑' });
    expect(review.comment).toBeNull();

    const fixed = await store.ingest(text.replaceAll('20**', String(first.report.year)), { name: 'r.txt' });
    expect(fixed.status).toBe('updated');
    expect(fixed.findings.some((f) => f.fingerprint === finding.fingerprint)).toBe(false);
    expect(await store.reviews(first.reportId)).toEqual([]);
    const [resolved] = await store.reviews(first.reportId, { includeResolved: true });
    expect(resolved?.id).toBe(review.id);
    expect(resolved?.resolvedAt).toBeInstanceOf(Date);
    expect(resolved?.message).toBe(finding.message);

    const back = await store.ingest(text, { name: 'r.txt' });
    expect(back.status).toBe('updated');
    const [reopened] = await store.reviews(first.reportId);
    expect(reopened).toMatchObject({ id: review.id, resolvedAt: null, decision: 'accepted' });
  });

  it('survives a rule upgrade that rewords every message', async () => {
    const text = await generatedText(34, 'table-sum');
    const first = await store.ingest(text, { name: 'r.txt' });
    const finding = byRule(first.findings, 'table-sum');
    const review = await store.reviewFinding({
      target: { reportId: first.reportId, fingerprint: finding.fingerprint ?? '' },
      decision: 'accepted',
      comment: '已通知填报单位更正',
      reviewer: '王科长',
    });
    rules.upgraded = true;
    try {
      const relinted = await store.ingest(lightlyEdited(text), { name: 'r.txt' });
      const same = relinted.findings.find((f) => f.fingerprint === finding.fingerprint);
      expect(same?.message).toMatch(/^【新版】/u);
      expect(same?.path).toBe(finding.path);
    } finally {
      rules.upgraded = false;
    }
    expect(await store.reviews(first.reportId)).toEqual([{ ...review }]);
  });

  it('keeps every decision: a new one supersedes the old', async () => {
    const text = await generatedText(35, 'table-sum');
    const first = await store.ingest(text, { name: 'r.txt' });
    const target = { reportId: first.reportId, fingerprint: byRule(first.findings, 'table-sum').fingerprint ?? '' };
    const a = await store.reviewFinding({ target, decision: 'dismissed', comment: '系统误报', reviewer: '李编辑' });
    const b = await store.reviewFinding({ target, decision: 'accepted', comment: '复核后确认有误', reviewer: '王科长' });
    expect(await store.reviews(first.reportId)).toEqual([b]);
    const history = await store.reviews(first.reportId, { includeSuperseded: true });
    expect(history.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(history[0]).toMatchObject({ decision: 'dismissed', supersededBy: b.id });
    expect(history[0]?.supersededAt).toBeInstanceOf(Date);
    const [many] = await store.reviewsByReport([first.reportId, 999999]);
    expect(many).toEqual([b]);
  });

  it('refuses unknown findings, empty reviewers and long comments', async () => {
    const text = await generatedText(36, 'table-sum');
    const first = await store.ingest(text, { name: 'r.txt' });
    const target = { reportId: first.reportId, fingerprint: byRule(first.findings, 'table-sum').fingerprint ?? '' };
    const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof StoreError ? e.code : String(e)));
    expect(await code(store.reviewFinding({ target: { ...target, fingerprint: '0000000000000000' }, decision: 'accepted', reviewer: 'a' }))).toBe('NOT_FOUND');
    expect(await code(store.reviewFinding({ target, decision: 'accepted', reviewer: '  ' }))).toBe('INVALID_ARGUMENT');
    expect(await code(store.reviewFinding({ target, decision: 'accepted', reviewer: 'a', comment: '长'.repeat(2001) }))).toBe('INVALID_ARGUMENT');
    expect(await store.reviews(first.reportId)).toEqual([]);
  });

  it('fills in the fingerprints of findings stored without them', async () => {
    const text = await generatedText(37, 'placeholder');
    const first = await store.ingest(text, { name: 'r.txt' });
    await store.db.updateTable('findings').set({ fingerprint: null }).where('report_id', '=', first.reportId).execute();
    expect(await backfillFingerprints(store.db, analyzer)).toBe(1);
    const [stored] = await store.findingsByReport([first.reportId]);
    expect(stored?.map((f) => f.fingerprint)).toEqual(first.findings.map((f) => f.fingerprint));
  });

  async function findingId(reportId: number, finding: StoredFinding): Promise<number> {
    const [list] = await store.findingsByReport([reportId]);
    const id = list?.find((f) => f.fingerprint === finding.fingerprint)?.id;
    if (id === undefined) throw new Error('finding not stored');
    return id;
  }
});

describe('fingerprints of findings stored before migration 0002', () => {
  const url = process.env.XXGK_TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  /** Two stores on one database, one after the other: [open the first, open the second, clean up]. */
  type Setup = [() => Promise<Store>, () => Promise<Store>, () => Promise<void>];
  const setups: [string, () => Setup | Promise<Setup>][] = [
    [
      'pglite',
      async () => {
        const lite = await PGlite.create();
        // Each store owns (and closes) its PGlite: the second opens a copy of the first's database.
        return [() => openStore({ pglite: lite, analyzer }), async () => openStore({ pglite: (await lite.clone()) as PGlite, analyzer }), async () => {}];
      },
    ],
    [
      'postgres',
      () => {
        const schema = `xxgk_test_${randomBytes(6).toString('hex')}`;
        const open = () => openStore({ databaseUrl: url, schema, analyzer });
        return [open, open, () => dropPostgresSchema(url, schema)];
      },
    ],
  ];
  it.each(setups)('are filled in when the store opens (%s)', async (_name, setup) => {
    const [openFirst, openSecond, cleanup] = await setup();
    try {
      const first = await openFirst();
      const results = [];
      for (const [seed, defect] of [[51, 'placeholder'], [52, 'table-sum']] as const) {
        results.push(await first.ingest(await generatedText(seed, defect), { name: 'r.txt' }));
      }
      // As 0002 leaves rows written before it: no fingerprint.
      await first.db.updateTable('findings').set({ fingerprint: null }).execute();
      const second = await openSecond();
      await first.close();
      const stored = await second.findingsByReport(results.map((r) => r.reportId));
      expect(stored.map((list) => list.map((f) => f.fingerprint))).toEqual(results.map((r) => r.findings.map((f) => f.fingerprint)));
      expect(stored.flat().length).toBeGreaterThan(1);
      await second.close();
    } finally {
      await cleanup();
    }
  });
});
