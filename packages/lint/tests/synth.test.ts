import { parse } from '@xxgk/parse';
import type { Report } from '@xxgk/schema';
import { generateReport } from '@xxgk/synth';
import type { DefectId, SynthFormat } from '@xxgk/synth';
import { describe, expect, it } from 'vitest';
import { lintReport } from '../src/index.js';

/**
 * End to end through @xxgk/synth and @xxgk/parse: a generated report with a defect named after one
 * of these rules must raise that rule (and none of the others); a clean one must raise none.
 */
const RULES = [
  'application-balance',
  'blank-total',
  'carryover-mismatch',
  'document-kind',
  'invalid-number',
  'item-continuity',
  'multiple-documents',
  'required-section',
  'table-sum',
  'template-version',
] as const;

async function lintGenerated(seed: number, format: SynthFormat, defect: DefectId | null): Promise<{ report: Report; ids: string[] }> {
  const generated = await generateReport({ seed, format, defect });
  const { report, text } = await parse(generated.bytes, { name: generated.name });
  const previousReport = generated.previous
    ? (await parse(generated.previous.bytes, { name: generated.previous.name })).report
    : null;
  const ids = [...new Set(lintReport(report, { text, previousReport }).map((m) => m.ruleId ?? ''))];
  return { report, ids: ids.filter((id) => (RULES as readonly string[]).includes(id)).sort() };
}

/**
 * Formats per defect. Left out, and reported to the parser: multiple-documents (the parser lists one
 * document for a file holding two copies) and blank-total in plain text (a blank cell between tabs is lost).
 */
const MATRIX: [DefectId, SynthFormat[]][] = [
  ['application-balance', ['text', 'html', 'markdown', 'docx']],
  ['blank-total', ['html', 'markdown', 'docx']],
  ['carryover-mismatch', ['text', 'html', 'markdown', 'docx']],
  ['document-kind', ['text', 'html', 'markdown', 'docx']],
  ['invalid-number', ['text', 'html', 'markdown', 'docx']],
  ['item-continuity', ['text', 'html', 'markdown', 'docx']],
  ['required-section', ['text', 'html', 'markdown', 'docx']],
  ['table-sum', ['text', 'html', 'markdown', 'docx']],
  ['template-version', ['text', 'html', 'markdown', 'docx']],
];

describe('generated reports, parsed and linted', () => {
  for (const format of ['text', 'html', 'markdown', 'docx'] as const) {
    it(`${format}: clean reports raise none of the rules`, async () => {
      for (const seed of [11, 12, 13]) {
        const { report, ids } = await lintGenerated(seed, format, null);
        expect(ids, `seed ${seed} (${report.year}, ${report.template})`).toEqual([]);
      }
    });
  }
  for (const [defect, formats] of MATRIX) {
    for (const format of formats) {
      it(`${format}: the ${defect} defect raises ${defect} only`, async () => {
        for (const seed of [1, 2]) {
          const { report, ids } = await lintGenerated(seed, format, defect);
          expect(ids, `seed ${seed} (${report.year}, ${report.template})`).toEqual([defect]);
        }
      });
    }
  }
});
