import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { ParseError, parse } from '@xxgk/parse';
import { parseArgs } from '../args.js';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { messages } from '../messages.js';

const FORMATS = ['json', 'summary'] as const;

export const usage = `Usage: xxgk parse [--format json|summary] FILE

Read a report (text, Markdown, HTML, DOCX or PDF; "-" for stdin) and print it as the xxgk Report
model in JSON (valid against @xxgk/schema/report.schema.json), or a one-screen summary.`;

/** `xxgk parse`: print the Report a file holds. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { flags, positionals } = parseArgs(args, ['format']);
  if (flags.has('help') || flags.has('h')) {
    io.stdout(`${usage}\n`);
    return ExitCode.Ok;
  }
  for (const key of flags.keys()) {
    if (key !== 'format') {
      io.stderr(`${messages.UNKNOWN_OPTION('parse', `--${key}`)}\n`);
      return ExitCode.Usage;
    }
  }
  const format = flags.get('format') ?? 'json';
  if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) {
    io.stderr(`${messages.BAD_FORMAT('parse', String(format), FORMATS)}\n`);
    return ExitCode.Usage;
  }
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) {
    io.stderr(`${messages.MISSING_FILE('parse')}\n${usage}\n`);
    return ExitCode.Usage;
  }
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await io.readStdin() : await readFile(resolve(io.cwd, file));
  } catch (error) {
    io.stderr(`${messages.UNREADABLE(file, (error as NodeJS.ErrnoException).code ?? String(error))}\n`);
    return ExitCode.Usage;
  }
  try {
    const { report } = await parse(bytes, { name: file === '-' ? 'stdin' : basename(file) });
    if (format === 'json') {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const cells = report.applications ? `表三 新收 ${JSON.stringify(report.applications.newReceived.total)}` : '无表三';
      io.stdout(
        `${report.title}\n${report.agency.name} · ${report.year ?? '年度不明'} · ${report.template} · ${report.source.format}/${report.source.encoding}\n` +
          `章节 ${report.sections.length} · 事实 ${report.facts.length} · ${cells} · 诊断 ${report.diagnostics.length}\n`,
      );
    }
    return ExitCode.Ok;
  } catch (error) {
    if (error instanceof ParseError) {
      io.stderr(`${messages.UNREADABLE(file, `${error.code}: ${error.message}`)}\n`);
      return ExitCode.Usage;
    }
    throw error;
  }
}
