import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '@xxgk/schema';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';
import { buildReport, runRule, spanOf, textOf } from '../src/testing/index.js';
import type { BuildReportOptions } from '../src/testing/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Example {
  readonly kind: 'incorrect' | 'correct';
  readonly code: string;
  /** buildReport options (`<!-- model: {...} -->` before the fence): the example is an excerpt of that report. */
  readonly model?: BuildReportOptions & { patch?: Record<string, unknown> };
  readonly previous?: BuildReportOptions;
}

interface Doc {
  readonly frontmatter: Record<string, string>;
  readonly headings: string[];
  readonly examples: Example[];
}

function readDoc(id: string): Doc {
  const text = readFileSync(join(root, 'docs/rules', `${id}.md`), 'utf8');
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const frontmatter: Record<string, string> = {};
  for (const line of (fm?.[1] ?? '').split('\n')) {
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (m) frontmatter[m[1]!] = m[2]!.replace(/^['"]|['"]$/g, '');
  }
  const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
  const examples: Example[] = [];
  let kind: Example['kind'] | null = null;
  let model: Example['model'];
  let previous: Example['previous'];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      const h = heading[1]!.trim().toLowerCase();
      kind = h === 'incorrect' ? 'incorrect' : h === 'correct' ? 'correct' : null;
      continue;
    }
    const modelComment = /^<!-- model: (.*) -->$/.exec(line);
    if (modelComment) {
      model = JSON.parse(modelComment[1]!) as Example['model'];
      continue;
    }
    const previousComment = /^<!-- previous: (.*) -->$/.exec(line);
    if (previousComment) {
      previous = JSON.parse(previousComment[1]!) as Example['previous'];
      continue;
    }
    if (kind && line.startsWith('```text')) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
      examples.push({ kind, code: body.join('\n'), ...(model ? { model } : {}), ...(previous ? { previous } : {}) });
      model = undefined;
      previous = undefined;
    }
  }
  return { frontmatter, headings, examples };
}

/** Replaces every `span: "needle"` in a patch by the needle's span in the built text. */
function resolveSpans(value: unknown, report: Report): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveSpans(v, report));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'span' && typeof v === 'string' ? (spanOf(report, v)) : resolveSpans(v, report)]),
    );
  }
  return value;
}

function modelOf(example: Example): { report: Report; previousReport?: Report } {
  const { patch, ...options } = example.model ?? {};
  const built = buildReport(options);
  const report = patch ? ({ ...built, ...(resolveSpans(patch, built) as Partial<Report>) }) : built;
  return example.previous ? { report, previousReport: buildReport(example.previous) } : { report };
}

const ids = Object.keys(rules).filter((id) => existsSync(join(root, 'docs/rules', `${id}.md`)));

describe.each(ids)('docs/rules/%s.md', (id) => {
  const rule = rules[id]!;
  const doc = readDoc(id);

  it('has frontmatter matching meta', () => {
    expect(doc.frontmatter.id).toBe(id);
    expect(doc.frontmatter.description).toBe(rule.meta.docs.description);
  });

  it('has the sections of a rule doc and at least one example of each kind', () => {
    for (const h of ['Rule details', 'Incorrect', 'Correct', 'Options', 'When not to use it']) expect(doc.headings).toContain(h);
    expect(doc.examples.some((e) => e.kind === 'incorrect')).toBe(true);
    expect(doc.examples.some((e) => e.kind === 'correct')).toBe(true);
  });

  doc.examples.forEach((example, i) => {
    const title = `${example.kind} example #${i + 1} ${example.kind === 'incorrect' ? 'reports' : 'does not report'} ${id}`;
    it(title, async () => {
      let messages;
      if (example.model) {
        const { report, previousReport } = modelOf(example);
        const text = textOf(report);
        const lines = new Set(text.split('\n'));
        for (const line of example.code.split('\n')) {
          if (line.trim() !== '') expect(lines.has(line), `example line not in the model's text: ${line}`).toBe(true);
        }
        ({ messages } = await runRule(rule, previousReport ? { report, previousReport } : { report }));
        // The same draft read by @xxgk/parse must lead to the same verdict (unless a `patch` set model
        // fields the text alone does not carry).
        if (example.model?.patch) return;
        const parsed = await runRule(rule, {
          code: text,
          ...(previousReport ? { previousCode: textOf(previousReport) } : {}),
        });
        const parsedOwn = parsed.messages.filter((m) => m.ruleId === id);
        if (example.kind === 'incorrect') expect(parsedOwn.length, 'parsed draft').toBeGreaterThan(0);
        else expect(parsedOwn.map((m) => m.message), 'parsed draft').toEqual([]);
      } else {
        ({ messages } = await runRule(rule, { code: example.code }));
      }
      const own = messages.filter((m) => m.ruleId === id);
      if (example.kind === 'incorrect') expect(own.length).toBeGreaterThan(0);
      else expect(own.map((m) => m.message)).toEqual([]);
    });
  });
});
