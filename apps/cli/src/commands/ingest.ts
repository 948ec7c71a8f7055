import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { openStore, StoreError } from '@xxgk/store';
import type { IngestStatus, Store, StoreOptions } from '@xxgk/store';
import { parseArgs } from '../args.js';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';

export const usage = `Usage: xxgk ingest [--data-dir DIR] [--database-url URL] PATHS…

Parse, lint and store reports (files, or folders searched for .txt .md .html .docx .pdf). The same
document twice is one report; a corrected version replaces the earlier one and keeps its history.
Storage: PostgreSQL when --database-url or DATABASE_URL is given, else the embedded database in
--data-dir, XXGK_DATA_DIR or .xxgk/data.
Exit 0 when every document was stored, 1 when some failed, 2 on bad usage.`;

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf']);
const OPTIONS = ['data-dir', 'database-url'];

/** What ingest needs besides io: replaceable in tests. */
export interface IngestDeps {
  openStore(options: StoreOptions): Promise<Store>;
}

async function collect(paths: readonly string[], cwd: string): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(full);
    }
  }
  for (const path of paths) {
    const full = resolve(cwd, path);
    try {
      const info = await stat(full);
      if (info.isDirectory()) await walk(full);
      else files.push(full);
    } catch {
      missing.push(path);
    }
  }
  return { files: [...new Set(files)], missing };
}

function progressBar(done: number, total: number, label: string): string {
  const width = 24;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const name = label.length > 40 ? `…${label.slice(-39)}` : label;
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${name}\x1b[K`;
}

function reasonOf(error: unknown): string {
  if (error instanceof StoreError) {
    return error.parseCode !== undefined ? `${error.parseCode}: ${error.message}` : `${error.code}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** `xxgk ingest PATHS…`: parse, lint and store reports, then print a summary. */
export async function run(args: readonly string[], io: Io, deps: IngestDeps = { openStore }): Promise<number> {
  const { flags, positionals } = parseArgs(args, OPTIONS);
  if (flags.has('help') || flags.has('h')) {
    io.stdout(`${usage}\n`);
    return ExitCode.Ok;
  }
  for (const [key, value] of flags) {
    if (!OPTIONS.includes(key)) {
      io.stderr(`xxgk ingest: unknown option --${key}.\n`);
      return ExitCode.Usage;
    }
    if (value === true || value === '') {
      io.stderr(`xxgk ingest: --${key} needs a value.\n`);
      return ExitCode.Usage;
    }
  }
  if (positionals.length === 0) {
    io.stderr(`xxgk ingest: missing PATHS argument.\n${usage}\n`);
    return ExitCode.Usage;
  }
  const { files, missing } = await collect(positionals, io.cwd);
  const failed: { file: string; reason: string }[] = missing.map((file) => ({ file, reason: 'no such file or folder' }));

  const dataDir = flags.get('data-dir');
  // --database-url, else --data-dir, else DATABASE_URL, else the default folder
  const databaseUrl = flags.get('database-url') ?? (dataDir === undefined ? io.env.DATABASE_URL : undefined);
  const options: StoreOptions = {
    env: io.env,
    cwd: io.cwd,
    ...(typeof databaseUrl === 'string' && databaseUrl !== '' ? { databaseUrl } : {}),
    ...(typeof dataDir === 'string' ? { dataDir: resolve(io.cwd, dataDir) } : {}),
  };
  let store: Store;
  try {
    store = await deps.openStore(options);
  } catch (error) {
    io.stderr(`xxgk ingest: cannot open the database: ${reasonOf(error)}\n`);
    return ExitCode.Usage;
  }

  const tally: Record<IngestStatus, number> = { inserted: 0, updated: 0, unchanged: 0 };
  const started = performance.now();
  try {
    for (const [i, file] of files.entries()) {
      const shown = relative(io.cwd, file) || file;
      if (io.isTTY === true) io.stderr(progressBar(i, files.length, shown));
      try {
        const bytes = new Uint8Array(await readFile(file));
        const result = await store.ingest(bytes, { name: basename(file) });
        tally[result.status] += 1;
      } catch (error) {
        failed.push({ file: shown, reason: reasonOf(error) });
      }
    }
    if (io.isTTY === true) io.stderr(`${progressBar(files.length, files.length, '')}\n`);
  } finally {
    await store.close();
  }

  const seconds = (performance.now() - started) / 1000;
  const ingested = tally.inserted + tally.updated;
  io.stdout(
    `ingested ${ingested} (${tally.inserted} new, ${tally.updated} updated), unchanged ${tally.unchanged}, failed ${failed.length}` +
      ` — ${files.length} file${files.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s\n`,
  );
  for (const { file, reason } of failed) io.stdout(`  failed ${file}: ${reason}\n`);
  return failed.length > 0 ? ExitCode.Errors : ExitCode.Ok;
}
