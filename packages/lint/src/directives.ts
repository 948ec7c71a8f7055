/**
 * Disable directives written in a draft:
 *
 * - `<!-- xxgk-disable-next-line rule-a, rule-b -->` (Markdown / HTML comment),
 * - `【xxgk-disable-next-line rule-a】` (plain text, a line made only of the directive in 【】),
 * - `// xxgk-disable-next-line rule-a` (plain text, a line starting with //),
 *
 * and the same with `xxgk-disable` (the whole document). Without rule ids a directive applies to every rule.
 */
export interface Directives {
  /** Rule ids (or '*') disabled for the whole document. */
  readonly document: ReadonlySet<string>;
  /** Line number → rule ids (or '*') disabled on that line. */
  readonly lines: ReadonlyMap<number, ReadonlySet<string>>;
  /** Lines holding a directive: nothing is reported on them (the 【】 form is not template residue). */
  readonly directiveLines: ReadonlySet<number>;
}

const DIRECTIVE =
  /^\s*(?:<!--\s*(xxgk-disable(?:-next-line)?)\b([^>]*?)\s*-->|【\s*(xxgk-disable(?:-next-line)?)\b([^】]*)】|\/\/\s*(xxgk-disable(?:-next-line)?)\b(.*))\s*$/;

/** Reads the directives from the source lines (1-based line numbers). */
export function readDirectives(lines: readonly { line: number; text: string }[]): Directives {
  const document = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  const directiveLines = new Set<number>();
  for (const { line, text } of lines) {
    if (!text.includes('xxgk-disable')) continue;
    const m = DIRECTIVE.exec(text);
    if (!m) continue;
    directiveLines.add(line);
    const keyword = m[1] ?? m[3] ?? m[5] ?? '';
    const list = (m[2] ?? m[4] ?? m[6] ?? '').replace(/--.*$/, '');
    const ids = list
      .split(/[,，、\s]+/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const targets = ids.length > 0 ? ids : ['*'];
    if (keyword === 'xxgk-disable') {
      for (const id of targets) document.add(id);
    } else {
      const set = byLine.get(line + 1) ?? new Set<string>();
      for (const id of targets) set.add(id);
      byLine.set(line + 1, set);
    }
  }
  return { document, lines: byLine, directiveLines };
}

/** True when a finding of `ruleId` on `line` is disabled by a directive. */
export function isDisabled(directives: Directives, ruleId: string, line: number): boolean {
  if (directives.document.has('*') || directives.document.has(ruleId)) return true;
  if (directives.directiveLines.has(line)) return true;
  const set = directives.lines.get(line);
  return set !== undefined && (set.has('*') || set.has(ruleId));
}
