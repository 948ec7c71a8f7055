import { basename, isAbsolute } from 'node:path';
import type { File, Language, LanguageContext, OkParseResult, ParseResult } from '@eslint/core';
import { ParseError } from '@xxgk/parse';
import type { SourceDocument } from '@xxgk/parse';
import type { Report } from '@xxgk/schema';
import type { ReportAstNode, ReportNode } from './ast.js';
import { buildAst, visitorKeys } from './ast.js';
import { EslintPluginError } from './errors.js';
import type { TextFormat } from './parse-sync.js';
import { parseSync } from './parse-sync.js';
import { findPrevious } from './previous-report.js';
import { ReportSourceCode } from './source-code.js';

/** `languageOptions` of the `xxgk/report` language. */
export interface ReportLanguageOptions {
  /** Read every matched file as this format instead of choosing by extension (then sniffing). */
  format?: TextFormat;
  /**
   * Where the cross-year rules (carryover-mismatch, item-continuity, copied-text) find last year's report:
   * `'sibling'` (default) — a draft of the same agency for the year before in the same folder;
   * `'none'` — nowhere (those rules do not run).
   */
  previousReport?: 'sibling' | 'none';
  [key: string]: unknown;
}

/** What `parse` hands to `createSourceCode`: the tree plus the Report it was built from. */
export interface ReportParseResult extends OkParseResult<ReportNode> {
  readonly report: Report | null;
  readonly document: SourceDocument | null;
  /** Last year's report of the same agency (see `previousReport` in the language options). */
  readonly previousReport: Report | null;
  /** Its decoded text. */
  readonly previousText?: string | null;
}

const FORMATS: readonly TextFormat[] = ['text', 'markdown', 'html'];

/**
 * ESLint language for report drafts (.txt, .md, .html): `parse` reads the draft with @xxgk/parse
 * (synchronously, see `parseSync`), `createSourceCode` gives rules a `ReportSourceCode`.
 */
export class ReportLanguage
  implements Language<{ LangOptions: ReportLanguageOptions; Code: ReportSourceCode; RootNode: ReportNode; Node: ReportAstNode }>
{
  readonly fileType = 'text' as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 1 as const;
  readonly nodeTypeKey = 'type';
  readonly visitorKeys: Record<string, string[]> = { ...visitorKeys };
  readonly defaultLanguageOptions: ReportLanguageOptions = {};

  validateLanguageOptions(languageOptions: ReportLanguageOptions): void {
    for (const key of Object.keys(languageOptions)) {
      if (key !== 'format' && key !== 'previousReport') {
        throw new EslintPluginError('INVALID_LANGUAGE_OPTIONS', `Unknown language option "${key}" for xxgk/report (known: format, previousReport).`);
      }
    }
    const previous = languageOptions.previousReport;
    if (previous !== undefined && previous !== 'sibling' && previous !== 'none') {
      throw new EslintPluginError('INVALID_LANGUAGE_OPTIONS', `languageOptions.previousReport must be "sibling" or "none"; got ${JSON.stringify(previous)}.`);
    }
    const format = languageOptions.format;
    if (format !== undefined && !FORMATS.includes(format)) {
      throw new EslintPluginError('INVALID_LANGUAGE_OPTIONS', `languageOptions.format must be one of ${FORMATS.join(', ')}; got ${JSON.stringify(format)}.`);
    }
  }

  parse(file: File, context: LanguageContext<ReportLanguageOptions>): ParseResult<ReportNode> {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    const format = context.languageOptions.format;
    try {
      const { report, document } = parseSync(text, {
        name: basename(file.path),
        bom: file.bom,
        ...(format !== undefined ? { format } : {}),
      });
      const previous =
        context.languageOptions.previousReport === 'none' || !isAbsolute(file.physicalPath) ? null : findPrevious(file.physicalPath, report);
      const result: ReportParseResult = {
        ok: true,
        ast: buildAst(report, text),
        report,
        document,
        previousReport: previous?.report ?? null,
        previousText: previous?.text ?? null,
      };
      return result;
    } catch (error) {
      if (error instanceof ParseError && error.code === 'EMPTY_INPUT') {
        // An empty draft (a file just created in the editor) has nothing to lint; not a fatal error.
        const result: ReportParseResult = { ok: true, ast: buildAst(null, text), report: null, document: null, previousReport: null };
        return result;
      }
      const code = error instanceof ParseError || error instanceof EslintPluginError ? error.code : 'UNSUPPORTED_FORMAT';
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, errors: [{ message: `${code}: ${message}`, line: 1, column: 1 }] };
    }
  }

  createSourceCode(file: File, input: OkParseResult<ReportNode>): ReportSourceCode {
    const parsed = input as ReportParseResult;
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    return new ReportSourceCode({
      text,
      ast: parsed.ast,
      report: parsed.report,
      document: parsed.document,
      previousReport: parsed.previousReport,
      previousText: parsed.previousText ?? null,
    });
  }
}
