import { createRequire } from 'node:module';
import { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { messages } from './messages.js';

type Command = (args: readonly string[], io: Io) => Promise<number>;

/** Commands load lazily, so `xxgk --help` and `xxgk parse` start without the database or the gateway. */
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  lint: { summary: 'lint report drafts (files, folders, globs, - for stdin)', load: async () => (await import('./commands/lint.js')).run },
  parse: { summary: 'print the Report model a file holds, as JSON', load: async () => (await import('./commands/parse.js')).run },
  ingest: { summary: 'parse, lint and store reports (idempotent)', load: async () => (await import('./commands/ingest.js')).run },
  serve: { summary: 'start the GraphQL gateway and the editors\' page on PORT (default 4000)', load: async () => (await import('./commands/serve.js')).run },
  schema: { summary: 'print the published schemas (--json-schema | --graphql)', load: async () => (await import('./commands/schema.js')).run },
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `xxgk — 政府信息公开工作年度报告 tools

Usage: xxgk <command> [options]

Commands:
${lines.join('\n')}

Run "xxgk <command> --help" for a command's options.
`;
}

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}

/** Runs the CLI: returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? ExitCode.Usage : ExitCode.Ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version()}\n`);
    return ExitCode.Ok;
  }
  const command = commands[name];
  if (command === undefined) {
    io.stderr(`${messages.UNKNOWN_COMMAND(name)}\n`);
    return ExitCode.Usage;
  }
  return (await command.load())(rest, io);
}
