/**
 * Recall and false positives of the linter on generated reports: for every defect of @xxgk/synth and
 * every format, N reports with the defect injected (caught = its rule reports it; stray = another
 * error-severity rule fires too) and N clean reports per format (false positive = any error).
 *
 *   pnpm --filter @xxgk/bench build && pnpm --filter @xxgk/bench recall -- --n 100
 */
import { lintReport } from '@xxgk/lint';
import { parse } from '@xxgk/parse';
import { DEFECT_IDS, SYNTH_FORMATS, generateReport, type DefectId, type SynthFormat } from '@xxgk/synth';
import { loadDescription, option } from './options.js';
import { writeSection } from './results.js';

interface Cell {
  n: number;
  caught: number;
  /** Reports where an error of another rule fired too. */
  stray: number;
  examples: string[];
}

async function lintGenerated(seed: number, format: SynthFormat, defect: DefectId | null): Promise<{ errors: string[]; ids: string[]; label: string }> {
  const generated = await generateReport({ seed, format, defect });
  const { report, text } = await parse(generated.bytes, { name: generated.name });
  const previousReport = generated.previous ? (await parse(generated.previous.bytes, { name: generated.previous.name })).report : null;
  const messages = lintReport(report, { text, previousReport, config: { preset: 'recommended' } });
  return {
    ids: [...new Set(messages.map((m) => m.ruleId ?? ''))],
    errors: [...new Set(messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? ''))],
    label: `seed ${seed} ${generated.name}`,
  };
}

async function main(): Promise<void> {
  const n = option('n', 20);
  const started = performance.now();
  const rows: string[] = [];
  let total = 0;
  let caught = 0;
  let stray = 0;
  const misses: string[] = [];
  for (const defect of DEFECT_IDS) {
    const cells: Cell[] = [];
    for (const format of SYNTH_FORMATS) {
      const cell: Cell = { n, caught: 0, stray: 0, examples: [] };
      for (let i = 0; i < n; i++) {
        const { ids, errors, label } = await lintGenerated(1_000 + i, format, defect);
        if (ids.includes(defect)) cell.caught++;
        else if (cell.examples.length < 2) cell.examples.push(`${label}: ${ids.join(', ') || 'nothing'}`);
        if (errors.some((id) => id !== defect)) cell.stray++;
      }
      cells.push(cell);
      total += cell.n;
      caught += cell.caught;
      stray += cell.stray;
      misses.push(...cell.examples.map((e) => `${defect} (${format}): ${e}`));
    }
    rows.push(`| ${defect} | ${cells.map((c) => `${c.caught}/${c.n}${c.stray ? ` (+${c.stray})` : ''}`).join(' | ')} |`);
    process.stdout.write(`${rows.at(-1) ?? ''}\n`);
  }
  const clean: string[] = [];
  let cleanTotal = 0;
  let falsePositives = 0;
  const fpExamples: string[] = [];
  for (const format of SYNTH_FORMATS) {
    let fp = 0;
    const warnings = new Map<string, number>();
    for (let i = 0; i < n * 2; i++) {
      const { errors, ids, label } = await lintGenerated(5_000 + i, format, null);
      for (const id of ids) if (!errors.includes(id)) warnings.set(id, (warnings.get(id) ?? 0) + 1);
      if (errors.length > 0) {
        fp++;
        if (fpExamples.length < 6) fpExamples.push(`${format} ${label}: ${errors.join(', ')}`);
      }
    }
    cleanTotal += n * 2;
    falsePositives += fp;
    const warned = [...warnings].map(([id, count]) => `${id} ×${count}`).join(', ') || '—';
    clean.push(`| ${format} | ${n * 2} | ${fp} | ${warned} |`);
  }
  const seconds = (performance.now() - started) / 1000;
  const body = [
    `${total} reports with one injected defect each (${n} per defect and format, seeds 1000…) and ${cleanTotal} clean`,
    `reports (seeds 5000…), parsed from their rendered bytes and linted with the \`recommended\` preset; ${loadDescription()}, ${seconds.toFixed(0)} s.`,
    '',
    `**Recall ${caught}/${total} (${((100 * caught) / total).toFixed(1)} %)**; reports where another rule also raised an error: ${stray}.`,
    `**Clean reports with an error (false positives): ${falsePositives}/${cleanTotal}.**`,
    '',
    `| defect → its rule reports it | ${SYNTH_FORMATS.join(' | ')} |`,
    `|---|${SYNTH_FORMATS.map(() => '---:').join('|')}|`,
    ...rows,
    '',
    '(+k): k of those reports also had an error from another rule.',
    '',
    '| clean format | reports | with an error | warnings seen (rule × reports) |',
    '|---|---:|---:|---|',
    ...clean,
    ...(misses.length > 0 || fpExamples.length > 0 ? ['', 'Misses and false positives (first few):', '', ...[...misses, ...fpExamples].map((m) => `- ${m}`)] : []),
    '',
    `Reproduce: \`pnpm --filter @xxgk/bench build && pnpm --filter @xxgk/bench recall -- --n ${n}\``,
  ].join('\n');
  process.stdout.write(`${body}\n`);
  writeSection('Lint recall on generated reports', body);
}

await main();
