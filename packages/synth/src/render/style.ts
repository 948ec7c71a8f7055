import type { Agency } from '@xxgk/schema';
import type { Rng } from '../random.js';

/** Per-report presentation choices (drawn from the seed, so every format of one model agrees). */
export interface RenderStyle {
  /** Plain text: table cells separated by tabs or aligned with spaces. */
  readonly textTableSeparator: 'tab' | 'spaces';
  /** Plain text: a blank line between paragraphs. */
  readonly textBlankLines: boolean;
  /** Text dump: the whole body on one line (as many site dumps), else one line per paragraph/table row. */
  readonly dumpOneLine: boolean;
  /**
   * Text dump: glue the cells of every table (表二 and legacy tables too, as real dumps do — some
   * runs then have no unique split), else only 表三 and 表四 (which the identities let a parser split)
   * with one space between the cells of the others.
   */
  readonly dumpGlueAll: boolean;
  /** HTML: section headings as <h2>/<h3> or as bold paragraphs. */
  readonly htmlHeadings: 'h' | 'strong';
  /** HTML: how an empty cell is written. */
  readonly htmlBlankCell: '&nbsp;' | '';
  /** HTML: spacer paragraphs (<p>&nbsp;</p>) before the signature. */
  readonly htmlSpacers: boolean;
  /** HTML: cell text wrapped in <p> (as pages pasted from Word are). */
  readonly htmlCellParagraphs: boolean;
  /** Plain text: paragraphs indented with two full-width spaces. */
  readonly textIndent: '' | '\u3000\u3000';
  readonly siteName: string;
  readonly icp: string;
}

export function drawStyle(rng: Rng, agency: Agency): RenderStyle {
  const region = agency.region?.name ?? '';
  const province = agency.region?.code?.slice(0, 2) ?? '11';
  return {
    textTableSeparator: rng.chance(0.5) ? 'tab' : 'spaces',
    textBlankLines: rng.chance(0.4),
    dumpOneLine: rng.chance(0.5),
    htmlHeadings: rng.chance(0.5) ? 'h' : 'strong',
    htmlBlankCell: rng.chance(0.5) ? '&nbsp;' : '',
    htmlSpacers: rng.chance(0.6),
    htmlCellParagraphs: rng.chance(0.4),
    dumpGlueAll: rng.chance(0.5),
    textIndent: rng.chance(0.3) ? '\u3000\u3000' : '',
    siteName: agency.level === 'national' ? `${agency.name}门户网站` : `${region}人民政府门户网站`,
    icp: `ICP备${province}${String(rng.int(0, 999999)).padStart(6, '0')}号`,
  };
}
