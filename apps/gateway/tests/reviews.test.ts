import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultAnalyzer } from '@xxgk/store';
import { generateReport } from '@xxgk/synth';
import type { DefectId } from '@xxgk/synth';
import { createGateway } from '../src/yoga.js';
import type { Gateway } from '../src/yoga.js';
import type { Harness } from './helpers/harness.js';
import { TOKEN, testDrivers } from './helpers/harness.js';

const PARAGRAPH = '我局高度重视政务公开工作，主要负责同志多次听取专题汇报，研究部署年度重点任务，现将有关情况报告如下。';

const INGEST = `mutation ($input: IngestReportInput!) {
  ingestReport(input: $input) { status report { id } findings { ruleId fingerprint line review { decision } } }
}`;
const REVIEW = `mutation ($input: ReviewFindingInput!) {
  reviewFinding(input: $input) { review { id decision comment reviewer createdAt resolvedAt fingerprint ruleId finding { ruleId line } } }
}`;
const REPORT = `query ($id: ID!, $resolved: Boolean) {
  report(id: $id) {
    findings { ruleId fingerprint line review { id decision comment reviewer } }
    reviews(includeResolved: $resolved) { id decision comment reviewer resolvedAt ruleId message finding { fingerprint line } }
  }
}`;

interface FindingOut {
  ruleId: string;
  fingerprint: string;
  line: number;
  review: { id: string; decision: string; comment: string | null; reviewer: string } | null;
}
interface ReviewOut {
  id: string;
  decision: string;
  comment: string | null;
  reviewer: string;
  resolvedAt: string | null;
  ruleId: string;
  message: string;
  finding: { fingerprint: string; line: number } | null;
}

async function generatedText(seed: number, defect: DefectId): Promise<string> {
  const g = await generateReport({ seed, format: 'text', defect });
  if (g.text === null) throw new Error('text format has text');
  return g.text;
}

function withParagraph(text: string): string {
  const lines = text.split('\n');
  lines.splice(lines.findIndex((l) => l.startsWith('一、')) + 1, 0, PARAGRAPH);
  return lines.join('\n');
}

describe.each(testDrivers())('reviewed findings ($name)', (driver) => {
  let h: Harness;
  /** The same store behind a gateway whose tokens carry names. */
  let named: Gateway;
  const auth = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    const analyzer = createDefaultAnalyzer();
    h = await driver.open({ analyzer });
    named = createGateway({ store: h.store, analyzer, apiTokens: `张审核:s3cret-zhang,${TOKEN}` });
  });
  afterAll(async () => {
    await h.close();
  });

  async function ingest(text: string) {
    const res = await h.query<{ ingestReport: { status: string; report: { id: string }; findings: FindingOut[] } }>(
      INGEST,
      { input: { text, name: 'report.txt' } },
      auth,
    );
    expect(res.errors).toBeUndefined();
    return res.data?.ingestReport ?? { status: 'none', report: { id: '' }, findings: [] };
  }

  async function review(input: Record<string, unknown>, headers: Record<string, string>) {
    const response = await named.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query: REVIEW, variables: { input } }),
    });
    return (await response.json()) as {
      data?: { reviewFinding: { review: ReviewOut & { createdAt: string; fingerprint: string } } } | null;
      errors?: { extensions?: { code?: string } }[];
    };
  }

  async function report(id: string, resolved = false) {
    const res = await h.query<{ report: { findings: FindingOut[]; reviews: ReviewOut[] } }>(REPORT, { id, resolved });
    expect(res.errors).toBeUndefined();
    return res.data?.report ?? { findings: [], reviews: [] };
  }

  it('refuses a review without a valid token, and stores nothing', async () => {
    const first = await ingest(await generatedText(41, 'table-sum'));
    const fingerprint = first.findings.find((f) => f.ruleId === 'table-sum')?.fingerprint;
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong' }];
    for (const headers of attempts) {
      const res = await review({ reportId: first.report.id, fingerprint, decision: 'DISMISSED' }, headers);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await report(first.report.id, true)).reviews).toEqual([]);
  });

  it('shows the decision with the finding and keeps it across re-ingests of the same and an edited document', async () => {
    const text = await generatedText(42, 'table-sum');
    const first = await ingest(text);
    const finding = first.findings.find((f) => f.ruleId === 'table-sum');
    expect(finding?.review).toBeNull();
    const res = await review(
      { reportId: first.report.id, fingerprint: finding?.fingerprint, decision: 'ACCEPTED', comment: '已通知填报单位更正表四' },
      { authorization: 'Bearer s3cret-zhang' },
    );
    expect(res.errors).toBeUndefined();
    const decided = res.data?.reviewFinding.review;
    expect(decided).toMatchObject({
      decision: 'ACCEPTED',
      comment: '已通知填报单位更正表四',
      reviewer: '张审核',
      resolvedAt: null,
      ruleId: 'table-sum',
      fingerprint: finding?.fingerprint,
      finding: { ruleId: 'table-sum', line: finding?.line },
    });
    expect(Number.isNaN(Date.parse(decided?.createdAt ?? ''))).toBe(false);

    const shown = await report(first.report.id);
    expect(shown.findings.find((f) => f.fingerprint === finding?.fingerprint)?.review).toEqual({
      id: decided?.id,
      decision: 'ACCEPTED',
      comment: '已通知填报单位更正表四',
      reviewer: '张审核',
    });
    expect(shown.findings.filter((f) => f.review !== null)).toHaveLength(1);
    expect(shown.reviews.map((r) => r.id)).toEqual([decided?.id]);

    expect((await ingest(text)).status).toBe('UNCHANGED');
    const edited = await ingest(withParagraph(text));
    expect(edited.status).toBe('UPDATED');
    expect(edited.report.id).toBe(first.report.id);
    const moved = edited.findings.find((f) => f.fingerprint === finding?.fingerprint);
    expect(moved?.line).toBe((finding?.line ?? 0) + 1);
    expect(moved?.review).toEqual({ decision: 'ACCEPTED' });
    const after = await report(first.report.id);
    expect(after.reviews).toMatchObject([{ id: decided?.id, resolvedAt: null, finding: { line: moved?.line } }]);
  });

  it('marks the decision resolved when the finding is fixed, and keeps it in the history', async () => {
    const text = await generatedText(43, 'placeholder');
    const first = await ingest(text);
    const finding = first.findings.find((f) => f.ruleId === 'placeholder');
    const res = await review({ reportId: first.report.id, fingerprint: finding?.fingerprint, decision: 'ACCEPTED' }, { authorization: `Bearer ${TOKEN}` });
    expect(res.errors).toBeUndefined();
    expect(res.data?.reviewFinding.review.reviewer).toMatch(/^token-[0-9a-f]{8}$/);
    const year = /(\d{4})年政府信息公开/u.exec(text)?.[1] ?? '2024';
    const fixed = await ingest(text.replaceAll('20**', year));
    expect(fixed.status).toBe('UPDATED');
    expect(fixed.findings.some((f) => f.ruleId === 'placeholder')).toBe(false);
    expect((await report(first.report.id)).reviews).toEqual([]);
    const [resolved] = (await report(first.report.id, true)).reviews;
    expect(resolved).toMatchObject({ id: res.data?.reviewFinding.review.id, decision: 'ACCEPTED', ruleId: 'placeholder', finding: null });
    expect(resolved?.message).toContain('20**');
    expect(Number.isNaN(Date.parse(resolved?.resolvedAt ?? ''))).toBe(false);
  });

  it('refuses unknown findings and over-long comments', async () => {
    const first = await ingest(await generatedText(44, 'table-sum'));
    const fingerprint = first.findings[0]?.fingerprint;
    const headers = { authorization: 'Bearer s3cret-zhang' };
    const unknown = await review({ reportId: first.report.id, fingerprint: 'ffffffffffffffff', decision: 'DISMISSED' }, headers);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('FINDING_NOT_FOUND');
    const long = await review({ reportId: first.report.id, fingerprint, decision: 'DISMISSED', comment: '误'.repeat(2001) }, headers);
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badId = await review({ reportId: 'nope', fingerprint, decision: 'DISMISSED' }, headers);
    expect(badId.errors?.[0]?.extensions?.code).toBe('INVALID_ID');
  });

  it('loads the reviews of a page of reports in one statement', async () => {
    const count = async (first: number) => {
      h.statements.length = 0;
      const res = await h.query(`{ reports(first: ${first}) { edges { node { findings { fingerprint review { reviewer } } reviews { id } } } } }`);
      expect(res.errors).toBeUndefined();
      return h.statements.filter((s) => /from "reviews"/i.test(s)).length;
    };
    expect(await count(1)).toBe(1);
    expect(await count(4)).toBe(1);
  });
});
