/** A small argv reader: `--flag`, `--key value`, `--key=value`, positionals, `--` ends options. */
export interface ParsedArgs {
  readonly flags: ReadonlyMap<string, string | true>;
  readonly positionals: readonly string[];
}

export function parseArgs(args: readonly string[], valued: readonly string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const key = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (eq !== -1) flags.set(key, arg.slice(eq + 1));
      else if (valued.includes(key) && i + 1 < args.length) flags.set(key, args[++i] ?? '');
      else flags.set(key, true);
    } else if (arg.startsWith('-') && arg.length === 2 && arg !== '-') {
      flags.set(arg.slice(1), true);
    } else {
      positionals.push(arg);
    }
  }
  return { flags, positionals };
}
