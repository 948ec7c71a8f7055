import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReports } from '@xxgk/store/testing';
import { LIMITS } from '../src/builder.js';
import type { Harness } from './helpers/harness.js';
import { testDrivers } from './helpers/harness.js';

describe('limits, GraphiQL and masking', () => {
  const [driver] = testDrivers();
  let h: Harness;
  beforeAll(async () => {
    h = await (driver as NonNullable<typeof driver>).open();
    await h.store.importReports(sampleReports([2024]).map((report) => ({ report })));
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses queries deeper than the limit before touching the database', async () => {
    const nested = (depth: number): string => (depth === 0 ? 'heading' : `heading children { ${nested(depth - 1)} }`);
    h.statements.length = 0;
    const res = await h.query(`{ reports(first: 1) { edges { node { sections { ${nested(LIMITS.depth)} } } } } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', kind: 'depth' });
    expect(res.data ?? null).toBeNull();
    expect(h.statements).toEqual([]);
  });

  it('refuses queries costlier than the limit', async () => {
    const res = await h.query(`{
      a: reports(first: 100) { edges { node { cells { path value raw } findings { ruleId } agency { reports { title cells { path } } } } } }
    }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', kind: 'complexity' });
  });

  it('lets a typical page through: 20 reports with their agency, findings, every cell and table 3', async () => {
    const counts = '{ naturalPerson { value raw } commercial { value } research { value } socialWelfare { value } legalService { value } otherOrg { value } total { value raw } }';
    const res = await h.query(`{
      reports(first: 20) { totalCount edges { cursor node {
        id title year template agency { name level regionCode }
        findings { ruleId severity message line column endLine endColumn }
        cells { path value raw }
        applications { newReceived ${counts} carriedOver ${counts} carriedForward ${counts}
          results { granted ${counts} partiallyGranted ${counts} total ${counts}
                    denied { stateSecret ${counts} thirdPartyRights ${counts} processInfo ${counts} } } }
        reviewLitigation { review { upheld { value } total { value } } }
      } } }
    }`);
    expect(res.errors).toBeUndefined();
  });

  it('caps page sizes and still answers reasonable queries', async () => {
    const res = await h.query<{ reports: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
      `{ reports(first: 100) { edges { node { title } } pageInfo { hasNextPage } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.reports.edges).toHaveLength(48);
    expect(res.data?.reports.pageInfo.hasNextPage).toBe(false);
    const tooMany = await h.query(`{ reports(first: 1000) { edges { node { title } } } }`);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('rejects malformed GraphQL with syntax and validation errors', async () => {
    const syntax = await h.query(`{ reports( { edges } }`);
    expect(syntax.data ?? null).toBeNull();
    expect(syntax.errors?.[0]?.message).toMatch(/Syntax Error/);
    const unknown = await h.query(`{ reports { nope } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('serves GraphiQL at /graphql to a browser, without a CDN', async () => {
    const response = await h.gateway.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('xxgk GraphQL');
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdnjs/);
  });
});
