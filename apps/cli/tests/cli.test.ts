import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { memoryIo } from '../src/io.js';

describe('xxgk', () => {
  it('lists the commands with --help and exits 0', async () => {
    const io = memoryIo();
    expect(await main(['--help'], io)).toBe(0);
    for (const command of ['lint', 'parse', 'ingest', 'serve', 'schema']) expect(io.out).toContain(`  ${command}`);
  });

  it('prints the usage and exits 2 without a command', async () => {
    const io = memoryIo();
    expect(await main([], io)).toBe(2);
    expect(io.out).toContain('Usage: xxgk <command>');
  });

  it('rejects an unknown command with one line and exit 2', async () => {
    const io = memoryIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err.trim().split('\n')).toEqual(['xxgk: unknown command "frobnicate". Run "xxgk --help" for the list.']);
  });

  it('prints its version', async () => {
    const io = memoryIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
