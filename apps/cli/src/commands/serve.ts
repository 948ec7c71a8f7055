import { join, resolve } from 'node:path';
import { parseArgs } from '../args.js';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { messages } from '../messages.js';

export const usage = `Usage: xxgk serve [--port N] [--data-dir DIR] [--no-demo]

Start the GraphQL gateway (GraphiQL at /graphql) and the editors' page (/). Storage: PostgreSQL when
DATABASE_URL is set, else an embedded PGlite database in XXGK_DATA_DIR (default .xxgk/data), filled on
first start with a synthetic national sample. PORT (default 4000); XXGK_API_TOKENS for ingestReport.`;

/** `xxgk serve`: start the gateway and keep it running until SIGINT/SIGTERM. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { flags, positionals } = parseArgs(args, ['port', 'data-dir']);
  if (flags.has('help') || flags.has('h')) {
    io.stdout(`${usage}\n`);
    return ExitCode.Ok;
  }
  const flag = [...flags.keys()].find((k) => !['port', 'data-dir', 'no-demo'].includes(k));
  const unknown = flag !== undefined ? `--${flag}` : positionals[0];
  if (unknown !== undefined) {
    io.stderr(`${messages.UNKNOWN_OPTION('serve', unknown)}\n${usage}\n`);
    return ExitCode.Usage;
  }
  const portFlag = flags.get('port') ?? io.env.PORT ?? '4000';
  const port = Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`xxgk serve: --port must be an integer from 0 to 65535 (got "${String(portFlag)}").\n`);
    return ExitCode.Usage;
  }
  const dataDirFlag = flags.get('data-dir');
  const databaseUrl = io.env.DATABASE_URL || undefined;
  const dataDir = resolve(io.cwd, typeof dataDirFlag === 'string' ? dataDirFlag : (io.env.XXGK_DATA_DIR ?? join('.xxgk', 'data')));
  const [{ startServer }, { serveWeb }] = await Promise.all([import('@xxgk/gateway'), import('@xxgk/web')]);
  const server = await startServer({
    port,
    ...(databaseUrl !== undefined ? { databaseUrl } : { dataDir }),
    seedDemo: !flags.has('no-demo'),
    web: serveWeb,
    log: (line) => io.stdout(`${line}\n`),
  });
  io.stdout(`Editors' page: ${server.url}  ·  press Ctrl+C to stop\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      void server.close().then(done, done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return ExitCode.Ok;
}
