import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { memoryIo } from '../src/io.js';

const require = createRequire(import.meta.url);

describe('xxgk schema', () => {
  it('prints the published JSON Schema, byte for byte', async () => {
    const io = memoryIo();
    expect(await main(['schema', '--json-schema'], io)).toBe(0);
    const published = readFileSync(require.resolve('@xxgk/schema/report.schema.json'), 'utf8');
    expect(io.out).toBe(published);
  });

  it('refuses an unknown option with exit 2', async () => {
    const io = memoryIo();
    expect(await main(['schema', '--yaml'], io)).toBe(2);
    expect(io.err).toContain('unknown option --yaml');
  });
});

describe('xxgk schema --graphql', () => {
  it('prints the gateway SDL committed as apps/gateway/schema.graphql', async () => {
    const io = memoryIo();
    expect(await main(['schema', '--graphql'], io)).toBe(0);
    const committed = readFileSync(new URL('../../gateway/schema.graphql', import.meta.url), 'utf8');
    expect(io.out.trim()).toBe(committed.trim());
    expect(io.out).toContain('lintDraft(input: LintDraftInput!): LintResult!');
  });
});
