import type { Agency, AgencyKind, AgencyLevel } from '@xxgk/schema';
import { cellAt, cellValue } from '@xxgk/schema';
import { getTemplate } from '@xxgk/schema/templates';
import type { Block } from './document.js';
import { plainText } from './document.js';
import { SynthError } from './errors.js';
import type { ReportModel } from './generate.js';
import { MAX_YEAR, MIN_YEAR, build, generateModel, renderSync, withBlocks } from './generate.js';
import { Rng } from './random.js';

export interface ConsecutiveOptions {
  seed: number;
  /** The later report's year (the earlier one is year − 1); 2009–2025. */
  year: number;
  /** How many prose paragraphs of last year's report reappear word for word (moved) in this year's. */
  copiedParagraphs: number;
  agency?: Agency;
  level?: AgencyLevel;
  kind?: AgencyKind;
}

/** A paragraph of B copied from A, with where it stands in both texts. */
export interface CopiedParagraphTruth {
  readonly text: string;
  /** Offsets [start, end) of the paragraph in B's plain text and in A's. */
  readonly other: readonly [number, number];
  readonly base: readonly [number, number];
}

export interface FigureTruth {
  readonly path: string;
  readonly before: number | null;
  readonly after: number | null;
  readonly delta: number | null;
}

export interface ConsecutiveReports {
  /** Last year's report (A). */
  readonly base: ReportModel;
  /** This year's report (B), carry-over consistent with A. */
  readonly other: ReportModel;
  readonly expected: {
    /** B's paragraphs copied from A, in B's order. */
    readonly copiedParagraphs: readonly CopiedParagraphTruth[];
    /** Letters and digits of B's prose (paragraphs of 8 or more, not the signature or table captions). */
    readonly proseChars: number;
    /**
     * Of which found in A: characters of B's prose that lie in a run of at least 16 letters and digits
     * occurring in A's prose as it stands (found by plain substring search). The copied paragraphs,
     * plus the stock wording B shares with A (the formula opening the report, the words around a figure).
     */
    readonly copiedChars: number;
    /** copiedChars / proseChars. */
    readonly share: number;
    /** Letters and digits of the copied paragraphs alone, and their share of B's prose. */
    readonly copiedParagraphChars: number;
    readonly copiedParagraphShare: number;
    /** Every template table figure of both reports (A's template's cells). */
    readonly figures: readonly FigureTruth[];
  };
}

/** Runs shorter than this (in letters and digits) are not counted as shared. */
const MIN_RUN = 16;

/** Fragments of the narrative paragraphs: each at most 6 characters, so no two fragments make a copied run. */
const LEADS = ['本年度', '年内', '报告期内', '一年来', '今年以来', '全年', '这一年', '过去一年', '年度内', '同期'];
const ACTS = ['细化', '修订', '梳理', '完善', '健全', '优化', '压实', '深化', '统筹', '强化', '落实', '推进', '规范', '更新', '改进', '拓展', '夯实', '加快', '提升', '巩固'];
const OBJECTS = ['公开目录', '解读机制', '审核流程', '栏目设置', '发布台账', '考核办法', '保密审查', '申请登记', '答复模板', '档案管理', '数据开放', '意见征集', '政策问答', '办事指南', '专栏内容', '基层目录', '培训课程', '回应机制', '监督渠道', '工作台账', '检索功能', '移动端口', '热线联动', '公开清单'];
const MEANS = ['结合', '依托', '对照', '围绕', '借助', '通过', '按照', '参照', '立足', '针对'];
const BASES = ['群众来信', '上级通报', '年度要点', '第三方评估', '自查结果', '网民留言', '督查意见', '专项检查', '评议结果', '整改清单', '人大建议', '政协提案', '座谈反馈', '抽查结果', '调研成果', '试点经验'];
const AIMS = ['提高时效', '减少差错', '方便查阅', '回应诉求', '统一口径', '压缩时限', '扩大覆盖', '增强互动', '便民利企', '堵塞漏洞', '提升质效', '方便办事', '规范运行', '形成闭环', '夯实基础', '改善体验'];

/** A narrative paragraph that no other generated paragraph repeats (2–3 sentences of random fragments). */
function narrative(rng: Rng): string {
  const sentences: string[] = [];
  const n = rng.int(2, 3);
  for (let i = 0; i < n; i++) {
    sentences.push(
      `${rng.pick(LEADS)}${rng.pick(MEANS)}${rng.pick(BASES)}，${rng.pick(ACTS)}${rng.pick(OBJECTS)}、${rng.pick(ACTS)}${rng.pick(OBJECTS)}，` +
        `以${rng.pick(AIMS)}为目标${rng.pick(ACTS)}${rng.pick(OBJECTS)}${rng.pick(OBJECTS)}。`,
    );
  }
  return sentences.join('');
}

/** Paragraphs with no anchored run (no figure, period or date) and no role: narrative text. */
function freeParagraphs(blocks: readonly Block[]): number[] {
  const out: number[] = [];
  blocks.forEach((b, i) => {
    if (b.type === 'paragraph' && b.role === undefined && !b.runs.some((r) => r.anchor !== undefined)) out.push(i);
  });
  return out;
}

/** Letters and digits, full-width folded: the characters the comparison counts. */
function normalised(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
}

/** Characters of `text` inside a substring of at least MIN_RUN characters that occurs in `base`. */
function sharedChars(text: string, base: string): number {
  const covered = new Uint8Array(text.length);
  for (let i = 0; i + MIN_RUN <= text.length; i++) {
    if (base.includes(text.slice(i, i + MIN_RUN))) covered.fill(1, i, i + MIN_RUN);
  }
  return covered.reduce((sum, c) => sum + c, 0);
}

function paragraphText(block: Block): string {
  return plainText(block);
}

/** Offsets of each block in the rendered text (a block's text is found in order). */
function blockOffsets(text: string, blocks: readonly Block[]): Map<number, readonly [number, number]> {
  const out = new Map<number, readonly [number, number]>();
  let cursor = 0;
  blocks.forEach((b, i) => {
    if (b.type !== 'paragraph') return;
    const t = paragraphText(b);
    if (t === '') return;
    const at = text.indexOf(t, cursor);
    if (at < 0) return;
    out.set(i, [at, at + t.length]);
    cursor = at + t.length;
  });
  return out;
}

/**
 * Two consecutive reports of one agency (year − 1 and year, figures carried over) whose narrative
 * paragraphs are all different except `copiedParagraphs` of last year's, which reappear word for
 * word, at other places, in this year's. Returns both models and the exact expected comparison.
 */
export function generateConsecutive(options: ConsecutiveOptions): ConsecutiveReports {
  const { seed, year, copiedParagraphs: n } = options;
  if (!Number.isInteger(year) || year <= MIN_YEAR || year > MAX_YEAR) {
    throw new SynthError('INVALID_OPTIONS', `year must be an integer in ${MIN_YEAR + 1}–${MAX_YEAR}, got ${String(year)}`);
  }
  if (!Number.isInteger(n) || n < 0) throw new SynthError('INVALID_OPTIONS', `copiedParagraphs must be a non-negative integer, got ${String(n)}`);
  const agency =
    options.agency ??
    generateModel({ seed, year: year - 1, ...(options.level ? { level: options.level } : {}), ...(options.kind ? { kind: options.kind } : {}) }).agency;
  const rng = new Rng(`consecutive:${seed}:${agency.name}:${year}`);
  const a0 = build({ seed, agency, year: year - 1, def: null, previous: null });
  const b0 = build({ seed, agency, year, def: null, previous: a0, carry: a0.carry });

  const rewrite = (model: ReportModel, r: Rng): Block[] =>
    model.document.blocks.map((b, i) =>
      freeParagraphs(model.document.blocks).includes(i) ? { type: 'paragraph', runs: [{ text: narrative(r.fork(`p${i}`)) }] } : b,
    );
  const aBlocks = rewrite(a0, rng.fork('a'));
  const bBlocks = rewrite(b0, rng.fork('b'));
  const aFree = freeParagraphs(aBlocks);
  const bFree = freeParagraphs(bBlocks);
  if (n > Math.min(aFree.length, bFree.length)) {
    throw new SynthError('INVALID_OPTIONS', `copiedParagraphs must be at most ${Math.min(aFree.length, bFree.length)} for this agency, got ${n}`);
  }
  const sources = rng.fork('sources').shuffle(aFree).slice(0, n);
  // Copied paragraphs land at other places: the targets are shuffled independently of the sources.
  const targets = rng.fork('targets').shuffle(bFree).slice(0, n);
  targets.forEach((t, i) => {
    bBlocks[t] = aBlocks[sources[i]!]!;
  });
  const base = withBlocks(a0, aBlocks);
  const other = withBlocks(b0, bBlocks);

  const aText = renderSync(base, 'text').text ?? '';
  const bText = renderSync(other, 'text').text ?? '';
  const aOffsets = blockOffsets(aText, aBlocks);
  const bOffsets = blockOffsets(bText, bBlocks);
  const aNorm = aBlocks.filter((b) => b.type === 'paragraph').map((b) => normalised(paragraphText(b))).join('\n');

  let proseChars = 0;
  let copiedChars = 0;
  let copiedParagraphChars = 0;
  const copied: CopiedParagraphTruth[] = [];
  const targetSet = new Set(targets);
  bBlocks.forEach((b, i) => {
    if (b.type !== 'paragraph' || b.role !== undefined) return;
    const text = normalised(paragraphText(b));
    // Lines this short say nothing (and the comparison leaves them out).
    if (text.length < 8) return;
    proseChars += text.length;
    copiedChars += sharedChars(text, aNorm);
    if (targetSet.has(i)) {
      copiedParagraphChars += text.length;
      const source = sources[targets.indexOf(i)]!;
      copied.push({ text: paragraphText(b), other: bOffsets.get(i) ?? [0, 0], base: aOffsets.get(source) ?? [0, 0] });
    }
  });

  const figures: FigureTruth[] = getTemplate(base.truth.template).cells.map((def) => {
    const before = cellValue(cellAt(base.truth, def.path));
    const after = cellValue(cellAt(other.truth, def.path));
    return { path: def.path, before, after, delta: before !== null && after !== null ? after - before : null };
  });

  return {
    base,
    other,
    expected: {
      copiedParagraphs: copied,
      proseChars,
      copiedChars,
      share: proseChars === 0 ? 0 : copiedChars / proseChars,
      copiedParagraphChars,
      copiedParagraphShare: proseChars === 0 ? 0 : copiedParagraphChars / proseChars,
      figures,
    },
  };
}
