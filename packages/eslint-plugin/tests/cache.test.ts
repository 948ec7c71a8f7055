import type * as XxgkLint from '@xxgk/lint';
import { describe, expect, it, vi } from 'vitest';
import { eslintFindings, xxgkFindings } from './compare.js';
import { drafts } from './drafts.js';

const counter = vi.hoisted(() => ({ calls: 0 }));

vi.mock('@xxgk/lint', async (importOriginal) => {
  const original = await importOriginal<typeof XxgkLint>();
  return {
    ...original,
    lintReport: (...args: Parameters<typeof original.lintReport>) => {
      counter.calls++;
      return original.lintReport(...args);
    },
  };
});

describe('one xxgk lint per file', () => {
  it('twenty enabled ESLint rules share one lintReport run per file', async () => {
    const { default: plugin } = await import('../src/index.js');
    const files = (await drafts('text', 170)).slice(0, 4);
    const enabled = Object.keys(plugin.configs.strict.rules ?? {});
    expect(enabled.length).toBe(Object.keys(plugin.rules).length);
    counter.calls = 0;
    const run = await eslintFindings(files, [plugin.configs.strict]);
    expect(counter.calls).toBe(files.length);
    expect([...run.findings.values()].flat().length).toBeGreaterThan(0);
    // The reference linting below goes through the mock too: one call per file.
    counter.calls = 0;
    await xxgkFindings(files[0]!.bytes, files[0]!.name);
    expect(counter.calls).toBe(1);
  });
});
