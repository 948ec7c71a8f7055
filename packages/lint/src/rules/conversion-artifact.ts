import type { SourceFormat } from '@xxgk/schema';
import { defineRule } from '../rule.js';

type ArtifactMessage = 'pandocResidue' | 'htmlResidue' | 'escapeResidue';

interface Artifact {
  readonly messageId: ArtifactMessage;
  readonly regex: RegExp;
  /** The text that replaces the match (default: delete it). */
  readonly replace?: (match: RegExpExecArray) => string;
  /** Formats the pattern is residue in (all when absent). */
  readonly formats?: readonly SourceFormat[];
}

/** Formats whose text should hold no markup at all (HTML is parsed; its tags are the document). */
const PLAIN: readonly SourceFormat[] = ['text', 'markdown', 'docx', 'pdf'];
/** Formats in which a backslash escape is not markup (Markdown's own escapes are legal). */
const NO_ESCAPES: readonly SourceFormat[] = ['text', 'docx', 'pdf'];

const ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: '　',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  times: '×',
};

function decodeEntity(entity: string): string {
  const body = entity.slice(1, -1);
  if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
  return ENTITIES[body] ?? '';
}

const ARTIFACTS: readonly Artifact[] = [
  // pandoc fenced divs: ::: {.section} / :::
  { messageId: 'pandocResidue', regex: /^[ \t]*:{3,}[ \t]*(?:\{[^}\n]*\}|[\w-]+)?[ \t]*$/g },
  { messageId: 'pandocResidue', regex: /\[(?:image|bookmark|footnote|comment)\s*:[^\]\n]*\]/gi },
  // [text]{.underline} keeps its text; []{#_Toc123 .anchor} goes
  { messageId: 'pandocResidue', regex: /\[([^\]\n]*)\]\{[#.][^}\n]*\}/g, replace: (m) => m[1] ?? '' },
  // image attributes and heading anchors: {width="5.7in" height="3in"}, {#_Toc12345}, {.underline}
  { messageId: 'pandocResidue', regex: /[ \t]?\{(?:#[\w:.-]+|\.[\w-]+|width="[^"\n]*"|height="[^"\n]*")(?:[ \t]+(?:#[\w:.-]+|\.[\w-]+|[\w-]+="[^"\n]*"))*\}/g },
  { messageId: 'pandocResidue', regex: /!\[[^\]\n]*\]\([^)\n]*\)/g, formats: NO_ESCAPES },
  {
    messageId: 'htmlResidue',
    regex: /<\/?(?:p|br|span|div|font|b|i|u|strong|em|table|tr|td|th|tbody|thead|a|img|sup|sub|center|o:p|st1:\w+|w:\w+)(?:\s[^<>\n]*)?\/?>|<!--[^\n]*?-->/gi,
    formats: PLAIN,
  },
  {
    messageId: 'htmlResidue',
    regex: /&(?:nbsp|ensp|emsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|times|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});/g,
    replace: (m) => decodeEntity(m[0]),
    formats: PLAIN,
  },
];

/** A character every residue contains. */
const TRIGGER = /[[\]{}:<>&\\]/;

/** pandoc's backslash escapes (\*, \[, \#…) and its trailing-backslash hard line break. */
const ESCAPES = /\\[*_[\]#\-.'"()!<>|~`{}$\\]|\\$/g;

/**
 * Leftovers of document conversion (DOCX/PDF → text via pandoc or similar) that the publisher never
 * meant to print: [image: …], [bookmark: …], {#anchor}, ::: divs, HTML tags and entities, \-escapes.
 * Each finding carries a fix that removes the residue (or keeps its text, for [text]{.underline}).
 */
export default defineRule({
  meta: {
    id: 'conversion-artifact',
    type: 'suggestion',
    defaultSeverity: 'warn',
    docs: {
      description: 'Disallow leftovers of document conversion such as [image: …], [bookmark: …] and stray markup',
      recommended: true,
    },
    messages: {
      pandocResidue: '文档转换残留“{{text}}”，应删除',
      htmlResidue: 'HTML 标记残留“{{text}}”，应删除',
      escapeResidue: '文档转换残留的转义符“{{text}}”，应删除反斜杠',
    },
    fixable: true,
  },
  create(context) {
    let format: SourceFormat | null = null;
    const applies = (formats: readonly SourceFormat[] | undefined): boolean =>
      formats === undefined || format === null || formats.includes(format);
    return {
      report(report) {
        format = report.source.format;
      },
      line(line) {
        const text = line.text;
        // Every residue holds one of these ASCII characters; Chinese prose and table rows seldom do.
        if (!TRIGGER.test(text)) return;
        const taken: [number, number][] = [];
        for (const artifact of ARTIFACTS) {
          if (!applies(artifact.formats)) continue;
          artifact.regex.lastIndex = 0;
          for (let m = artifact.regex.exec(text); m !== null; m = artifact.regex.exec(text)) {
            const start = m.index;
            const end = start + m[0].length;
            if (end === start) {
              artifact.regex.lastIndex++;
              continue;
            }
            if (taken.some(([a, b]) => start < b && end > a)) continue;
            taken.push([start, end]);
            context.report({
              messageId: artifact.messageId,
              data: { text: m[0].trim() },
              span: context.source.span(line.start + start, line.start + end),
              fix: { range: [line.start + start, line.start + end], text: artifact.replace ? artifact.replace(m) : '' },
            });
          }
        }
        if (!applies(NO_ESCAPES)) return;
        const escapes = [...text.matchAll(ESCAPES)].filter(
          (m) => !taken.some(([a, b]) => m.index < b && m.index + m[0].length > a),
        );
        const first = escapes[0];
        const last = escapes[escapes.length - 1];
        if (!first || !last) return;
        const start = first.index;
        const end = last.index + last[0].length;
        const fixed = text.slice(start, end).replace(ESCAPES, (e) => e.slice(1));
        context.report({
          messageId: 'escapeResidue',
          data: { text: first[0] },
          span: context.source.span(line.start + start, line.start + end),
          fix: { range: [line.start + start, line.start + end], text: fixed },
        });
      },
    };
  },
});
