import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Report } from '@xxgk/schema';
import { reportCells } from '../../src/index.js';
import type { Store } from '../../src/index.js';
import { buildReport } from '../../src/testing/index.js';
import { childReport } from './reports.mjs';

const CHILD = fileURLToPath(new URL('./ingest-child.mjs', import.meta.url));

export interface ChildRun {
  readonly ingested: number;
  readonly killed: boolean;
  readonly code: number | null;
  readonly stderr: string;
}

/**
 * Runs the child (node, the built @xxgk/store) with `env`; when `killAfter` is given, SIGKILLs it
 * `delayMs` after its `killAfter`-th progress line. Every child is killed after `timeoutMs` anyway.
 */
export function runChild(
  env: Record<string, string>,
  options: { killAfter?: number; delayMs?: number; timeoutMs?: number } = {},
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let ingested = 0;
    let killed = false;
    let buffer = '';
    let stderr = '';
    const kill = (): void => {
      if (child.exitCode === null && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(kill, options.timeoutMs ?? 180_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('ingested ')) {
          ingested += 1;
          if (options.killAfter !== undefined && ingested === options.killAfter) setTimeout(kill, options.delayMs ?? 0);
        }
        nl = buffer.indexOf('\n');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ ingested, killed, code, stderr: stderr.slice(-2000) });
    });
  });
}

/** The reports children 0…n-1 ingest. */
export function expectedReports(n: number): Report[] {
  return Array.from({ length: n }, (_, i) => childReport(buildReport as (o: object) => Report, i));
}

export interface Verdict {
  readonly reports: number;
  readonly problems: string[];
}

/**
 * Every stored report is one of `expected`, whole (all its cells, findings matching its counts), at
 * most one per agency and year, and no history row exists (each document was ingested unchanged).
 */
export async function verifyStore(store: Store, expected: readonly Report[]): Promise<Verdict> {
  const bySha = new Map(expected.map((r) => [r.source.sha256, r]));
  const rows = await sql<{
    id: number;
    agency_id: number;
    year: number | null;
    source_sha256: string;
    error_count: number;
    warning_count: number;
    cells: string | number;
    findings: string | number;
  }>`SELECT r.id, r.agency_id, r.year, r.source_sha256, r.error_count, r.warning_count,
            (SELECT count(*) FROM cells c WHERE c.report_id = r.id) AS cells,
            (SELECT count(*) FROM findings f WHERE f.report_id = r.id) AS findings
       FROM reports r`.execute(store.db);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of rows.rows) {
    const report = bySha.get(row.source_sha256);
    if (!report) {
      problems.push(`report ${row.id}: unknown document ${row.source_sha256}`);
      continue;
    }
    const key = `${row.agency_id}/${row.year}`;
    if (seen.has(key)) problems.push(`duplicate report for agency/year ${key}`);
    seen.add(key);
    const cells = reportCells(report).length;
    if (Number(row.cells) !== cells) problems.push(`report ${row.id}: ${row.cells} cells, expected ${cells} (partial write)`);
    if (Number(row.findings) !== row.error_count + row.warning_count) {
      problems.push(`report ${row.id}: ${row.findings} findings, counts say ${row.error_count + row.warning_count}`);
    }
  }
  const versions = await sql<{ n: string | number }>`SELECT count(*) AS n FROM report_versions`.execute(store.db);
  if (Number(versions.rows[0]?.n ?? 0) !== 0) problems.push(`${versions.rows[0]?.n} history rows: a re-ingest changed a stored report`);
  const orphans = await sql<{ n: string | number }>`SELECT count(*) AS n FROM cells c WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = c.report_id)`.execute(store.db);
  if (Number(orphans.rows[0]?.n ?? 0) !== 0) problems.push(`${orphans.rows[0]?.n} orphan cells`);
  return { reports: rows.rows.length, problems };
}

