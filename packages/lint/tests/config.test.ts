import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, LintError, parseConfig } from '../src/index.js';

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'xxgk-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (error) {
    return error instanceof LintError ? error.code : 'other';
  }
}

describe('loadConfig', () => {
  it('reads xxgk.config.json from a directory', async () => {
    const d = dir({ 'xxgk.config.json': JSON.stringify({ preset: 'strict', rules: { 'blank-total': 'off', 'table-sum': ['error', {}] } }) });
    expect(await loadConfig(d)).toEqual({ preset: 'strict', rules: { 'blank-total': 'off', 'table-sum': ['error', {}] } });
  });

  it('reads the default export of xxgk.config.js', async () => {
    const d = dir({ 'xxgk.config.js': "export default { rules: { 'document-kind': 0 } };\n" });
    expect(await loadConfig(d)).toEqual({ rules: { 'document-kind': 0 } });
  });

  it('returns {} for a directory without a config file, and reads an explicit file', async () => {
    const d = dir({ 'mine.json': '{"rules":{"placeholder":"warn"}}' });
    expect(await loadConfig(d)).toEqual({});
    expect(await loadConfig(join(d, 'mine.json'))).toEqual({ rules: { placeholder: 'warn' } });
  });

  it('reports typed errors', async () => {
    const d = dir({ 'broken.json': '{ rules: ', 'bad.json': '{"rules":{"table-sum":"loud"}}', 'extra.json': '{"plugins":[]}' });
    expect(await code(loadConfig(join(d, 'missing.json')))).toBe('CONFIG_NOT_FOUND');
    expect(await code(loadConfig(join(d, 'broken.json')))).toBe('CONFIG_LOAD_FAILED');
    expect(await code(loadConfig(join(d, 'bad.json')))).toBe('INVALID_CONFIG');
    expect(await code(loadConfig(join(d, 'extra.json')))).toBe('INVALID_CONFIG');
  });

  it('parseConfig accepts every severity spelling', () => {
    expect(parseConfig({ rules: { a: 'off', b: 'warn', c: 'error', d: 0, e: 1, f: 2, g: [2], h: ['warn', { x: 1 }] } }).rules).toHaveProperty('h');
  });
});
