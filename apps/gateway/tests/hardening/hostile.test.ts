import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReports } from '@xxgk/store/testing';
import { LIMITS } from '../../src/builder.js';
import { MAX_PAGE_SIZE } from '../../src/errors.js';
import { MAX_DOCUMENT_BYTES } from '../../src/schema/lint-draft.js';
import type { Harness } from '../helpers/harness.js';
import { TOKEN, testDrivers } from '../helpers/harness.js';
import { assertNoLeak, post, SQL_INJECTIONS } from './hostile.js';

/**
 * Hostile GraphQL operations: every one is refused with a clear code (or answered within bounds),
 * the refused ones before any SQL runs, and no answer leaks a stack trace or SQL.
 */
describe.each(testDrivers())('hostile operations ($name)', { timeout: 60_000 }, (driver) => {
  let h: Harness;
  let reports = 0;
  beforeAll(async () => {
    h = await driver.open();
    for (const report of sampleReports([2023, 2024])) await h.store.ingest(report);
    reports = await h.store.countReports();
  });
  afterAll(async () => {
    await h.close();
  });

  /** Refused with one of `codes`, before any SQL, within 2 s. */
  async function refused(query: string, codes: string | readonly string[], variables?: Record<string, unknown>): Promise<void> {
    h.statements.length = 0;
    const started = performance.now();
    const res = await h.query(query, variables);
    const ms = performance.now() - started;
    assertNoLeak(res);
    expect([codes].flat(), JSON.stringify(res.errors).slice(0, 500)).toContain(res.errors?.[0]?.extensions?.code);
    expect(res.data ?? null).toBeNull();
    expect(h.statements, 'no SQL runs for a refused operation').toEqual([]);
    expect(ms).toBeLessThan(2_000);
  }

  it('refuses deep nesting (sections, agency→reports→agency…) before any SQL', async () => {
    const nested = (d: number): string => (d === 0 ? 'heading' : `heading children { ${nested(d - 1)} }`);
    await refused(`{ reports(first: 1) { edges { node { sections { ${nested(LIMITS.depth + 5)} } } } } }`, 'QUERY_TOO_COMPLEX');
    const cycle = (d: number): string => (d === 0 ? 'name' : `name reports { title agency { ${cycle(d - 1)} } }`);
    await refused(`{ agencies(first: 1) { edges { node { ${cycle(10)} } } } }`, 'QUERY_TOO_COMPLEX');
    // a 2,000-deep selection: refused, and quickly (no stack overflow in the validators)
    await refused(`{ reports(first: 1) { edges { node { sections { ${nested(2_000)} } } } } }`, 'QUERY_TOO_COMPLEX');
  });

  it('refuses alias bombs', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: reports(first: 100) { edges { node { title } } }`).join(' ');
    await refused(`{ ${aliases} }`, 'QUERY_TOO_COMPLEX');
    const cells = Array.from({ length: 2_000 }, (_, i) => `c${i}: cell(path: "applications.newReceived.total") { value }`).join(' ');
    // 20,000 tokens and more are refused by the parser already
    await refused(`{ reports(first: 100) { edges { node { ${cells} } } } }`, ['QUERY_TOO_COMPLEX', 'GRAPHQL_PARSE_FAILED']);
  });

  it('refuses fragment bombs (exponential spreads) quickly, and fragment cycles', async () => {
    const levels = 40;
    const fragments = [`fragment F0 on Report { title year cells { path value } }`];
    for (let i = 1; i <= levels; i += 1) fragments.push(`fragment F${i} on Report { a: agency { name } ...F${i - 1} ...F${i - 1} }`);
    await refused(`{ reports(first: 100) { edges { node { ...F${levels} } } } } ${fragments.join(' ')}`, 'QUERY_TOO_COMPLEX');
    h.statements.length = 0;
    const cyclic = await h.query(`{ reports { edges { node { ...A } } } } fragment A on Report { ...B } fragment B on Report { ...A }`);
    assertNoLeak(cyclic);
    expect(cyclic.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(h.statements).toEqual([]);
  });

  it('refuses enormous or negative page sizes with BAD_USER_INPUT, and out-of-range Ints as invalid', async () => {
    for (const first of [MAX_PAGE_SIZE + 1, 2_147_483_647, -1]) {
      await refused(`{ reports(first: ${first}) { edges { node { title } } } }`, 'BAD_USER_INPUT');
      await refused(`{ agencies(first: ${first}) { edges { node { name } } } }`, 'BAD_USER_INPUT');
    }
    await refused(`{ reports(last: 1000000) { edges { node { title } } } }`, 'BAD_USER_INPUT');
    await refused(`{ reports(first: 99999999999999999999) { edges { node { title } } } }`, 'GRAPHQL_VALIDATION_FAILED');
    await refused(`{ stats(groupBy: [YEAR], first: -5) { year } }`, 'BAD_USER_INPUT');
    await refused(`query ($n: Int) { reports(first: $n) { edges { node { title } } } }`, 'BAD_USER_INPUT', { n: 1e6 });
  });

  it('refuses a stats call with an enormous first before any SQL, and answers one within the bound', async () => {
    await refused(`{ stats(groupBy: [YEAR], first: 2147483647) { year reports } }`, 'BAD_USER_INPUT');
    h.statements.length = 0;
    const res = await h.query<{ stats: unknown[] }>(`{ stats(groupBy: [YEAR], first: 2000) { year reports } }`);
    assertNoLeak(res);
    expect(res.errors).toBeUndefined();
    expect(res.data?.stats).toHaveLength(2);
    expect(h.statements.filter((s) => /GROUP BY/i.test(s)).every((s) => /\blimit\b/i.test(s))).toBe(true);
  });

  it('bounds introspection: the standard query works, deep ofType chains are refused', async () => {
    const ok = await h.query<{ __schema: { types: unknown[] } }>(`{ __schema { queryType { name } types { name kind fields { name } } } }`);
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.__schema.types.length).toBeGreaterThan(20);
    const ofType = (d: number): string => (d === 0 ? 'name' : `name ofType { ${ofType(d - 1)} }`);
    await refused(`{ __schema { types { fields { type { ${ofType(60)} } } } } }`, 'QUERY_TOO_COMPLEX');
    const many = Array.from({ length: 1_000 }, (_, i) => `s${i}: __schema { types { name fields { name args { name } } } }`).join(' ');
    await refused(`{ ${many} }`, 'QUERY_TOO_COMPLEX');
  });

  it('refuses U+0000 in filter strings with BAD_USER_INPUT (PostgreSQL cannot take it as text)', async () => {
    for (const [query, argument] of [
      [`query ($s: String!) { reports(filter: { agencyName: $s }) { totalCount } }`, 'agencyName'],
      [`query ($s: String!) { reports(filter: { title: $s }) { totalCount } }`, 'title'],
      [`query ($s: String!) { reports(filter: { hasFindings: { ruleId: $s } }) { totalCount } }`, 'ruleId'],
      [`query ($s: String!) { stats(filter: { title: $s }, groupBy: [YEAR]) { year } }`, 'title'],
      [`query ($s: String!) { agencies(filter: { name: $s }) { totalCount } }`, 'name'],
      [`query ($s: String!) { agencies(filter: { regionCode: $s }) { totalCount } }`, 'regionCode'],
    ] as const) {
      h.statements.length = 0;
      const res = await h.query(query, { s: `a\u0000b` });
      assertNoLeak(res);
      expect(res.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(h.statements).toEqual([]);
    }
  });

  it('keeps SQL injection strings in every filter as data: no error, nothing leaked, nothing dropped', async () => {
    for (const evil of SQL_INJECTIONS.filter((s) => !s.includes('\u0000'))) {
      h.statements.length = 0;
      const res = await h.query<{ reports: { totalCount: number }; agencies: { totalCount: number } }>(
        `query ($s: String!) {
          reports(filter: { agencyName: $s, title: $s, hasFindings: { ruleId: $s } }) { totalCount edges { node { title } } }
          agencies(filter: { name: $s }) { totalCount edges { node { name } } }
          stats(filter: { agencyName: $s, title: $s }, groupBy: [YEAR]) { year reports }
        }`,
        { s: evil },
      );
      assertNoLeak(res, evil);
      expect(res.errors, `${evil}: ${JSON.stringify(res.errors)}`).toBeUndefined();
      expect(res.data?.reports.totalCount).toBe(0);
      expect(res.data?.agencies.totalCount).toBe(0);
      if (evil.length >= 5) {
        for (const statement of h.statements) expect(statement, 'the string travels as a parameter, never inside SQL').not.toContain(evil);
      }

      const region = await h.query(`query ($s: String!) { reports(filter: { regionCode: $s }) { totalCount } }`, { s: evil });
      assertNoLeak(region, evil);
      expect(region.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const agencies = await h.query<{ agencies: { totalCount: number } }>(`query ($s: String!) { agencies(filter: { regionCode: $s }) { totalCount } }`, { s: evil });
      assertNoLeak(agencies, evil);
      expect(agencies.errors, JSON.stringify(agencies.errors)).toBeUndefined();
      expect(agencies.data?.agencies.totalCount).toBe(0);

      for (const [query, code] of [
        [`query ($s: ID!) { report(id: $s) { title } }`, 'INVALID_ID'],
        [`query ($s: ID!) { reports(filter: { agency: $s }) { totalCount } }`, 'INVALID_ID'],
        [`query ($s: String!) { stats(groupBy: [YEAR]) { sum(path: $s) } }`, 'UNKNOWN_CELL_PATH'],
        [`query ($s: String!) { stats(groupBy: [YEAR], orderBy: { path: $s }) { year } }`, 'UNKNOWN_CELL_PATH'],
      ] as const) {
        const r = await h.query(query, { s: evil });
        assertNoLeak(r, evil);
        expect(r.errors?.[0]?.extensions?.code, `${query} ${evil}: ${JSON.stringify(r.errors)}`).toBe(code);
      }
      const node = await h.query(`query ($s: ID!) { node(id: $s) { id } }`, { s: evil });
      assertNoLeak(node, evil);
      const cursor = await h.query(`query ($s: String!) { reports(first: 2, after: $s) { edges { node { title } } } }`, { s: evil });
      assertNoLeak(cursor, evil);
      const cells = await h.query<{ reports: { edges: { node: { cell: unknown; cells: unknown[] } }[] } }>(
        `query ($s: String!) { reports(first: 1) { edges { node { cell(path: $s) { value } cells(paths: [$s]) { path } } } } }`,
        { s: evil },
      );
      assertNoLeak(cells, evil);
      expect(cells.errors).toBeUndefined();
      expect(cells.data?.reports.edges[0]?.node).toEqual({ cell: null, cells: [] });
    }
    expect(await h.store.countReports()).toBe(reports);
  });

  it('refuses Agency ids that are not numbers with INVALID_ID (not an internal error)', async () => {
    for (const raw of ['abc', '1 OR 1=1', '1e999', '-1', '99999999999999999999', '']) {
      const id = Buffer.from(`Agency:${raw}`).toString('base64');
      const res = await h.query(`query ($id: ID!) { reports(filter: { agency: $id }) { totalCount } }`, { id });
      assertNoLeak(res);
      if (res.errors) expect(res.errors[0]?.extensions?.code, `${raw}: ${JSON.stringify(res.errors)}`).toBe('INVALID_ID');
      else expect(res.data).toEqual({ reports: { totalCount: 0 } });
    }
  });

  it('refuses ingestReport without, or with a wrong or malformed, token; nothing is written', async () => {
    const ingest = `mutation ($t: String!) { ingestReport(input: { text: $t }) { status } }`;
    const text = JSON.stringify(sampleReports([2022])[0]);
    for (const authorization of [
      undefined,
      'Bearer nope',
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}`,
      `Bearer`,
      `Bearer ${TOKEN} ${TOKEN}`,
      `Token ${TOKEN}`,
      `${TOKEN}`,
    ]) {
      h.statements.length = 0;
      const res = await h.query(ingest, { t: text }, authorization !== undefined ? { authorization } : {});
      assertNoLeak(res);
      expect(res.status, String(authorization)).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(h.statements.filter((s) => /^\s*(insert|update|delete)/i.test(s))).toEqual([]);
    }
    // a token in the URL is not a credential
    const res = await h.gateway.fetch(`http://localhost/graphql?token=${TOKEN}&authorization=Bearer%20${TOKEN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ingest, variables: { t: text } }),
    });
    expect(res.status).toBe(401);
    // and mutations never run over GET
    const get = await h.gateway.fetch(
      `http://localhost/graphql?query=${encodeURIComponent(ingest)}&variables=${encodeURIComponent(JSON.stringify({ t: 'x' }))}`,
      { headers: { accept: 'application/json', authorization: `Bearer ${TOKEN}` } },
    );
    expect(get.status).toBe(405);
    expect(await h.store.countReports()).toBe(reports);
  });

  it('refuses oversized text and uploads with TOO_LARGE', async () => {
    const big = 'x'.repeat(MAX_DOCUMENT_BYTES + 1);
    await refused(`query ($t: String!) { lintDraft(input: { text: $t }) { errorCount } }`, 'TOO_LARGE', { t: big });
    const body = new FormData();
    body.set('operations', JSON.stringify({ query: `mutation ($f: File!) { ingestReport(input: { file: $f }) { status } }`, variables: { f: null } }));
    body.set('map', JSON.stringify({ 0: ['variables.f'] }));
    body.set('0', new File([new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x41)], 'big.txt', { type: 'text/plain' }));
    const res = await post(h, body, { authorization: `Bearer ${TOKEN}` });
    assertNoLeak(res.json);
    expect(res.json.errors?.[0]?.extensions?.code).toBe('TOO_LARGE');
    expect(await h.store.countReports()).toBe(reports);
  });

  it('answers malformed multipart and malformed JSON with a coded client error (never 5xx)', async () => {
    const query = `query ($f: File!) { lintDraft(input: { file: $f }) { errorCount } }`;
    const cases: { name: string; body: FormData | string; contentType?: string }[] = [];
    const noMap = new FormData();
    noMap.set('operations', JSON.stringify({ query, variables: { f: null } }));
    noMap.set('0', new File(['x'], 'a.txt'));
    cases.push({ name: 'no map', body: noMap });
    const badOps = new FormData();
    badOps.set('operations', '{"query": ');
    badOps.set('map', '{}');
    cases.push({ name: 'operations not JSON', body: badOps });
    const badMap = new FormData();
    badMap.set('operations', JSON.stringify({ query, variables: { f: null } }));
    badMap.set('map', JSON.stringify({ 0: ['variables.f.__proto__.polluted'] }));
    badMap.set('0', new File(['x'], 'a.txt'));
    cases.push({ name: 'map into __proto__', body: badMap });
    const missingFile = new FormData();
    missingFile.set('operations', JSON.stringify({ query, variables: { f: null } }));
    missingFile.set('map', JSON.stringify({ 0: ['variables.f'] }));
    cases.push({ name: 'file missing', body: missingFile });
    const notAFile = new FormData();
    notAFile.set('operations', JSON.stringify({ query, variables: { f: null } }));
    notAFile.set('map', JSON.stringify({ 0: ['variables.f'] }));
    notAFile.set('0', 'just a string');
    cases.push({ name: 'string instead of file', body: notAFile });
    cases.push({ name: 'garbage multipart', body: '--xyz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query"', contentType: 'multipart/form-data; boundary=xyz' });
    cases.push({ name: 'no boundary', body: 'whatever', contentType: 'multipart/form-data' });
    cases.push({ name: 'bad JSON', body: '{"query": "{ reports { totalCount } }"', contentType: 'application/json' });
    cases.push({ name: 'JSON array batch', body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]), contentType: 'application/json' });
    cases.push({ name: 'JSON scalar', body: '42', contentType: 'application/json' });
    cases.push({ name: 'query not a string', body: JSON.stringify({ query: { a: 1 } }), contentType: 'application/json' });
    cases.push({ name: 'variables not an object', body: JSON.stringify({ query: '{ __typename }', variables: 'x' }), contentType: 'application/json' });
    for (const c of cases) {
      h.statements.length = 0;
      const res = await post(h, c.body, c.contentType !== undefined ? { 'content-type': c.contentType } : {});
      assertNoLeak(res.json);
      // yoga answers request errors 200 to an application/json client, 400 to graphql-response+json
      expect(res.status, `${c.name}: ${res.text}`).toBeLessThan(500);
      expect(res.json.data ?? null, c.name).toBeNull();
      expect(res.json.errors?.length, c.name).toBeGreaterThan(0);
      expect(res.json.errors?.[0]?.extensions?.code, `${c.name}: ${res.text}`).toMatch(/^[A-Z_]+$/);
      expect(h.statements, c.name).toEqual([]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a megabyte-long operation text and thousands of directives quickly', async () => {
    const fields = Array.from({ length: 50_000 }, () => 'title').join(' ');
    h.statements.length = 0;
    const started = performance.now();
    const wide = await h.query(`{ reports(first: 1) { edges { node { ${fields} } } } }`);
    assertNoLeak(wide);
    expect(wide.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(h.statements).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
    // 5,000 directives are more than 20,000 tokens: refused by the parser
    const directives = Array.from({ length: 5_000 }, () => '@include(if: true)').join(' ');
    h.statements.length = 0;
    const res = await h.query(`{ reports(first: 1) ${directives} { totalCount } }`);
    assertNoLeak(res);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(h.statements).toEqual([]);
  });
});

describe('masked errors under NODE_ENV=development', () => {
  it('still answers an internal error without a stack trace', async () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    const [driver] = testDrivers();
    const h = await (driver as NonNullable<typeof driver>).open();
    try {
      // the harness's analyzer reads JSON Reports: one without `source` crashes inside the store
      const res = await h.query(
        `mutation ($t: String!) { ingestReport(input: { text: $t }) { status } }`,
        { t: '{"title": 1, "agency": {"name": "x"}, "year": 2024}' },
        { authorization: `Bearer ${TOKEN}` },
      );
      assertNoLeak(res);
      expect(res.errors?.[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(res)).not.toMatch(/stack|\.ts:\d+/);
    } finally {
      process.env.NODE_ENV = saved;
      await h.close();
    }
  });
});
