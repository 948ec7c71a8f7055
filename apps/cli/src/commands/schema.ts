import { reportJsonSchema } from '@xxgk/schema';
import { parseArgs } from '../args.js';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { messages } from '../messages.js';

export const usage = `Usage: xxgk schema [--json-schema | --graphql]

Print the published schemas: the Report's JSON Schema (default) or the gateway's GraphQL SDL.`;

/** `xxgk schema`: print the published schemas. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { flags, positionals } = parseArgs(args, []);
  if (flags.has('help') || flags.has('h')) {
    io.stdout(`${usage}\n`);
    return ExitCode.Ok;
  }
  const flag = [...flags.keys()].find((k) => k !== 'json-schema' && k !== 'graphql');
  const unknown = flag !== undefined ? `--${flag}` : positionals[0];
  if (unknown !== undefined) {
    io.stderr(`${messages.UNKNOWN_OPTION('schema', unknown)}\n${usage}\n`);
    return ExitCode.Usage;
  }
  if (flags.has('graphql')) {
    const { printSchemaSDL } = await import('@xxgk/gateway');
    io.stdout(printSchemaSDL());
    return ExitCode.Ok;
  }
  io.stdout(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
  return ExitCode.Ok;
}
