import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportSchema } from '@xxgk/schema';
import { generateReport } from '@xxgk/synth';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { memoryIo } from '../src/io.js';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-parse-'));

describe('xxgk parse', () => {
  it('prints the Report of a generated HTML report as JSON valid against the model', async () => {
    const generated = await generateReport({ seed: 7, year: 2023, format: 'html' });
    const file = join(dir, generated.name);
    writeFileSync(file, generated.bytes);
    const io = memoryIo({ cwd: dir });
    expect(await main(['parse', generated.name], io)).toBe(0);
    const report = ReportSchema.parse(JSON.parse(io.out));
    expect(report.title).toBe(generated.truth.title);
    expect(report.year).toBe(2023);
    expect(report.template).toBe('national-2021');
    expect(report.source.format).toBe('html');
  });

  it('reads stdin with "-"', async () => {
    const generated = await generateReport({ seed: 8, year: 2020, format: 'text' });
    const io = memoryIo({ stdin: generated.bytes });
    expect(await main(['parse', '--format', 'summary', '-'], io)).toBe(0);
    expect(io.out).toContain(generated.truth.agency.name);
    expect(io.out).toContain('national-2019');
  });

  it('exits 2 with a one-line reason on empty and binary input', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 9, 0, 0x80, 0x81, 0]));
    for (const [name, code] of [
      ['empty.txt', 'EMPTY_INPUT'],
      ['blob.bin', 'BINARY_INPUT'],
    ] as const) {
      const io = memoryIo({ cwd: dir });
      expect(await main(['parse', name], io)).toBe(2);
      expect(io.err.trim().split('\n')).toHaveLength(1);
      expect(io.err).toContain(code);
      expect(io.out).toBe('');
    }
  });

  it('exits 2 on a missing file and on bad usage', async () => {
    const missing = memoryIo({ cwd: dir });
    expect(await main(['parse', 'nope.txt'], missing)).toBe(2);
    expect(missing.err).toContain('ENOENT');
    const usage = memoryIo();
    expect(await main(['parse'], usage)).toBe(2);
    const format = memoryIo();
    expect(await main(['parse', '--format', 'xml', 'x.txt'], format)).toBe(2);
    expect(format.err).toContain('--format must be one of json, summary');
  });
});
