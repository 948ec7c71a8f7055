// The client side of load.reliability.ts, in a worker thread: the requests, the report generation of
// the ingests and the timing run here, so none of it competes with the gateway for its event loop.
// workerData: { url, token, seconds, warmSeconds, concurrency, maxRequests, ingestEvery, firstIngest, reads: [{ name, query, variables: [...] }] }
// (ingestEvery 0: reads only)
// Posts back { reads: { name: ms[] }, ingests: ms[], statuses: { status: n }, errors: string[], requests }.
import { parentPort, workerData } from 'node:worker_threads';
import { buildReport } from '@xxgk/store/testing';

const { url, token, seconds, warmSeconds, concurrency, maxRequests, ingestEvery, firstIngest, reads: READS } = workerData;
/** Distinct agency-years the ingests cycle through: first inserted, then corrected again and again. */
const DISTINCT = 400;

/** The n-th ingest: report n mod DISTINCT, as revision floor(n / DISTINCT) (a correction after the first round). */
function ingestBody(n) {
  const k = n % DISTINCT;
  const report = buildReport({
    seed: 5000 + k,
    agency: { name: `负载测试第${k}号街道办事处`, level: 'township', kind: 'other', region: { code: String(500101 + (k % 50)) } },
    year: 2020 + (k % 5),
    revision: Math.floor(n / DISTINCT),
  });
  return JSON.stringify({
    query: 'mutation ($t: String!) { ingestReport(input: { text: $t }) { status version } }',
    variables: { t: JSON.stringify(report) },
  });
}

const readTimes = Object.fromEntries(READS.map((r) => [r.name, []]));
const ingestTimes = [];
const statuses = {};
const errors = [];
let requests = 0;
let ingestNo = firstIngest;
const started = Date.now();
const deadline = started + seconds * 1000;
const warmUntil = started + warmSeconds * 1000;

async function post(body, auth) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const json = await res.json();
  if (res.status !== 200 || json.errors) errors.push(`${res.status} ${JSON.stringify(json.errors).slice(0, 300)}`);
  return json;
}

async function loop(w) {
  let i = 0;
  while (Date.now() < deadline && requests < maxRequests && errors.length < 20) {
    requests += 1;
    i += 1;
    if (ingestEvery > 0 && i % ingestEvery === 0) {
      // an ingest (the report generated before the clock starts)
      const body = ingestBody(ingestNo++);
      const t0 = performance.now();
      const json = await post(body, true);
      const ms = performance.now() - t0;
      const status = json.data?.ingestReport?.status ?? 'error';
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (Date.now() >= warmUntil) ingestTimes.push(ms);
    } else {
      const read = READS[(i + w) % READS.length];
      const body = JSON.stringify({ query: read.query, variables: read.variables[Math.floor(i / READS.length + w) % read.variables.length] });
      const t0 = performance.now();
      await post(body, false);
      const ms = performance.now() - t0;
      if (Date.now() >= warmUntil) readTimes[read.name].push(ms);
    }
  }
}

parentPort.postMessage({ type: 'started' });
await Promise.all(Array.from({ length: concurrency }, (_, w) => loop(w)));
parentPort.postMessage({ type: 'done', reads: readTimes, ingests: ingestTimes, statuses, errors, requests, ingested: ingestNo - firstIngest, elapsedMs: Date.now() - started });
