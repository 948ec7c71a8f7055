import { findingFingerprints } from '@xxgk/lint';
import type { StoredFinding } from '@xxgk/store';
import { builder } from '../builder.js';
import { GatewayError } from '../errors.js';
import { FindingRef } from './finding.js';

/** Largest draft lintDraft and ingestReport accept. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

interface LintResultShape {
  readonly filePath: string;
  readonly messages: readonly StoredFinding[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly text: string;
  readonly report: unknown;
}

export const LintResultRef = builder.objectRef<LintResultShape>('LintResult').implement({
  description: "The findings for one draft, in the shape of the CLI's JSON (`xxgk lint --format json`).",
  fields: (t) => ({
    filePath: t.exposeString('filePath'),
    messages: t.field({ type: [FindingRef], resolve: (r) => [...r.messages] }),
    errorCount: t.exposeInt('errorCount'),
    warningCount: t.exposeInt('warningCount'),
    text: t.exposeString('text', {
      description: 'The decoded text (for DOCX and PDF the extracted text) that line and column point into.',
    }),
    report: t.field({
      type: 'JSON',
      description: 'The parsed Report, as @xxgk/schema describes it (report.schema.json).',
      resolve: (r) => r.report,
    }),
  }),
});

export const LintDraftInput = builder.inputType('LintDraftInput', {
  description: 'A draft as text or as an uploaded file (exactly one of them).',
  fields: (t) => ({
    text: t.string(),
    file: t.field({ type: 'File' }),
    name: t.string({ description: 'File name, a hint for format detection (draft.docx, report.html).' }),
  }),
});

/** The document of a { text, file, name } input, checked. */
export async function documentOf(input: { text?: string | null; file?: File | null; name?: string | null }): Promise<{
  bytes: Uint8Array | string;
  name: string | undefined;
}> {
  const hasText = input.text != null;
  const hasFile = input.file != null;
  if (hasText === hasFile) throw new GatewayError('BAD_USER_INPUT', 'Give exactly one of text and file.');
  if (input.file) {
    if (input.file.size > MAX_DOCUMENT_BYTES) throw new GatewayError('TOO_LARGE', `The file is larger than ${MAX_DOCUMENT_BYTES} bytes.`);
    return { bytes: new Uint8Array(await input.file.arrayBuffer()), name: input.name ?? (input.file.name || undefined) };
  }
  const text = input.text ?? '';
  if (text.length > MAX_DOCUMENT_BYTES) throw new GatewayError('TOO_LARGE', `The text is longer than ${MAX_DOCUMENT_BYTES} characters.`);
  return { bytes: text, name: input.name ?? undefined };
}

/** A parser error as a client error (its code kept in extensions.parseCode). */
export function parseFailure(error: unknown): GatewayError | null {
  if (error instanceof Error && error.name === 'ParseError') {
    const code = (error as { code?: unknown }).code;
    return new GatewayError('PARSE_FAILED', error.message, typeof code === 'string' ? { parseCode: code } : {});
  }
  return null;
}

builder.queryField('lintDraft', (t) =>
  t.field({
    type: LintResultRef,
    description: 'Lint a draft without storing it.',
    args: { input: t.arg({ type: LintDraftInput, required: true }) },
    complexity: 50,
    resolve: async (_root, { input }, ctx) => {
      const { bytes, name } = await documentOf(input);
      let parsed;
      try {
        parsed = await ctx.analyzer.parse(bytes, name !== undefined ? { name } : {});
      } catch (error) {
        throw parseFailure(error) ?? error;
      }
      const messages = await ctx.analyzer.lint(parsed.report, { text: parsed.text });
      const fingerprints = findingFingerprints(messages, parsed.text);
      return {
        filePath: name ?? '<input>',
        messages: messages.map((m, i) => ({ ...m, fingerprint: fingerprints[i] ?? '' })),
        errorCount: messages.filter((m) => m.severity === 2).length,
        warningCount: messages.filter((m) => m.severity === 1).length,
        text: parsed.text,
        report: parsed.report,
      };
    },
  }),
);
