import { generateConsecutive, renderSync } from '@xxgk/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/index.js';
import { testDrivers } from './helpers/drivers.js';

/** Two consecutive generated reports of one agency, 5 paragraphs of last year's copied into this year's. */
const pair = generateConsecutive({ seed: 5, year: 2024, copiedParagraphs: 5 });
const earlier = renderSync(pair.base, 'text');
const later = renderSync(pair.other, 'text');

describe.each(testDrivers())('copied-text at ingest ($name)', (driver) => {
  let store: Store;
  beforeAll(async () => {
    // The default analyzer: @xxgk/parse and @xxgk/lint.
    store = await driver.open();
  });
  afterAll(async () => {
    await store.close();
    await driver.cleanup();
  });

  it("compares with last year's stored text, and again when last year's report arrives later", async () => {
    const second = await store.ingest(later.bytes, { name: later.name });
    expect(second.findings.filter((f) => f.ruleId === 'copied-text')).toEqual([]);
    const first = await store.ingest(earlier.bytes, { name: earlier.name });
    expect(first.relinted).toEqual([second.reportId]);
    const [findings] = await store.findingsByReport([second.reportId]);
    const copied = findings?.filter((f) => f.ruleId === 'copied-text') ?? [];
    expect(copied).toHaveLength(1);
    expect(copied[0]?.severity).toBe(1);
    // It points at the first paragraph copied whole.
    const firstCopied = pair.expected.copiedParagraphs[0]!;
    const line = later.text!.slice(0, firstCopied.other[0]).split('\n').length;
    expect(copied[0]?.line).toBe(line);
    expect(copied[0]?.message).toMatch(/^本报告正文 \d+% 照搬2023年报告/);
  });

  it('gives back the stored texts, in the order asked', async () => {
    const a = await store.ingest(earlier.bytes, { name: earlier.name });
    const b = await store.ingest(later.bytes, { name: later.name });
    expect(await store.reportTexts([b.reportId, 987654, a.reportId])).toEqual([later.text, null, earlier.text]);
    expect(await store.reportTexts([])).toEqual([]);
  });

  it('bulk import compares with last year too, within a batch and across batches', async () => {
    for (const batchSize of [2, 1]) {
      const fresh = await driver.open();
      try {
        const inputs = [
          { report: pair.base.truth, text: earlier.text ?? '' },
          { report: pair.other.truth, text: later.text ?? '' },
        ];
        expect(await fresh.importReports(inputs, { batchSize })).toMatchObject({ inserted: 2 });
        const [newest] = await fresh.findReports({ limit: 1 });
        const [findings] = await fresh.findingsByReport([newest?.id ?? -1]);
        expect(newest?.year).toBe(2024);
        expect(findings?.filter((f) => f.ruleId === 'copied-text'), `batch size ${batchSize}`).toHaveLength(1);
      } finally {
        await fresh.close();
      }
    }
  });
});
