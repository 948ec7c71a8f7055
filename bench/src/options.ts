import { loadavg, cpus } from 'node:os';

const args = process.argv.slice(2);

/** `--name <number>` from the command line, else `fallback`. */
export function option(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const value = i === -1 ? undefined : Number(args[i + 1]);
  return value === undefined || Number.isNaN(value) ? fallback : value;
}

/** `--name <string>` from the command line, else `fallback`. */
export function stringOption(name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : (args[i + 1] ?? fallback);
}

/** Whether `--name` was given. */
export function flag(name: string): boolean {
  return args.includes(`--${name}`);
}

/** The load average when the bench ran (the machine is shared). */
export function loadDescription(): string {
  const [one, five] = loadavg();
  return `load average ${(one ?? 0).toFixed(2)} (1 min) / ${(five ?? 0).toFixed(2)} (5 min) on ${cpus().length} cores`;
}
