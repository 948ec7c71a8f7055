import type { FileProblem, LanguageOptions, RulesConfig, SourceLocation as CoreSourceLocation } from '@eslint/core';
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import type { SourceDocument } from '@xxgk/parse';
import type { Report } from '@xxgk/schema';
import type { ReportAstNode, ReportNode, SourceLocation } from './ast.js';
import { visitorKeys } from './ast.js';

/** An `<!-- eslint… -->` comment of a draft (Markdown, HTML, or written into a text file). */
export interface CommentNode {
  readonly type: 'Comment';
  /** The text between `<!--` and `-->`. */
  readonly value: string;
  readonly loc: SourceLocation;
  readonly range: readonly [number, number];
}

export interface ReportSourceCodeInit {
  readonly text: string;
  readonly ast: ReportNode;
  /** The parsed report; null for an empty draft. */
  readonly report: Report | null;
  readonly document: SourceDocument | null;
  /** Last year's report of the same agency, for the cross-year rules. */
  readonly previousReport?: Report | null;
  /** Its decoded text (for `copied-text`). */
  readonly previousText?: string | null;
}

const commentParser = new ConfigCommentParser();
const HTML_COMMENT = /<!--([\s\S]*?)-->/g;
const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

/**
 * The source code object ESLint gives rules for a report draft (`context.sourceCode`): the text,
 * the small AST, and the Report @xxgk/parse read from it (`report`), which the xxgk rules lint.
 * `<!-- eslint-disable … -->` / `<!-- eslint-disable-next-line … -->` / `<!-- eslint … -->`
 * comments work as in @eslint/markdown; xxgk's own `xxgk-disable` directives keep working too.
 */
export class ReportSourceCode extends TextSourceCodeBase<{
  LangOptions: LanguageOptions;
  RootNode: ReportNode;
  SyntaxElementWithLoc: ReportAstNode | CommentNode;
  ConfigNode: CommentNode;
}> {
  readonly report: Report | null;
  readonly document: SourceDocument | null;
  readonly previousReport: Report | null;
  readonly previousText: string | null;
  readonly visitorKeys: Record<string, string[]> = visitorKeys;
  #steps: VisitNodeStep[] | undefined;
  readonly #parents = new WeakMap<ReportAstNode, ReportAstNode>();
  #comments: CommentNode[] | undefined;

  constructor(init: ReportSourceCodeInit) {
    super({ text: init.text, ast: init.ast, lineEndingPattern: /\r\n|[\r\n]/u });
    this.report = init.report;
    this.document = init.document;
    this.previousReport = init.previousReport ?? null;
    this.previousText = init.previousText ?? null;
  }

  /** The parent of a node (undefined for the root and for comments). */
  override getParent(node: ReportAstNode | CommentNode): ReportAstNode | undefined {
    if (node.type === 'Comment') return undefined;
    if (!this.#steps) this.traverse();
    return this.#parents.get(node);
  }

  /** Depth-first enter/exit steps over the tree, following `visitorKeys`. */
  override traverse(): Iterable<VisitNodeStep> {
    if (this.#steps) return this.#steps.values();
    const steps: VisitNodeStep[] = [];
    const visit = (node: ReportAstNode, parent: ReportAstNode | null): void => {
      if (parent) this.#parents.set(node, parent);
      steps.push(new VisitNodeStep({ target: node, phase: 1, args: [node, parent] }));
      for (const key of visitorKeys[node.type]) {
        const value = (node as unknown as Record<string, ReportAstNode | readonly ReportAstNode[] | null>)[key];
        if (Array.isArray(value)) for (const child of value as readonly ReportAstNode[]) visit(child, node);
        else if (value) visit(value as ReportAstNode, node);
      }
      steps.push(new VisitNodeStep({ target: node, phase: 2, args: [node, parent] }));
    };
    visit(this.ast, null);
    this.#steps = steps;
    return steps.values();
  }

  /** Every `<!-- eslint… -->` comment of the draft. */
  getInlineConfigNodes(): CommentNode[] {
    if (this.#comments) return this.#comments;
    const comments: CommentNode[] = [];
    if (this.text.includes('<!--')) {
      for (const m of this.text.matchAll(HTML_COMMENT)) {
        const value = m[1] ?? '';
        if (!INLINE_CONFIG.test(value)) continue;
        const start = m.index;
        const end = start + m[0].length;
        comments.push({ type: 'Comment', value, loc: { start: this.getLocFromIndex(start), end: this.getLocFromIndex(end) }, range: [start, end] });
      }
    }
    this.#comments = comments;
    return comments;
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const problems: FileProblem[] = [];
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed) continue;
      const { label, value, justification } = parsed;
      if (label === 'eslint-disable-line' && comment.loc.start.line !== comment.loc.end.line) {
        problems.push({ ruleId: null, message: `${label} comment should not span multiple lines.`, loc: comment.loc });
        continue;
      }
      if (label === 'eslint-disable' || label === 'eslint-enable' || label === 'eslint-disable-next-line' || label === 'eslint-disable-line') {
        const type = label.slice('eslint-'.length) as 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
        directives.push(new Directive({ type, node: comment, value, justification }));
      }
    }
    return { problems, directives };
  }

  applyInlineConfig(): { configs: { config: { rules: RulesConfig }; loc: CoreSourceLocation }[]; problems: FileProblem[] } {
    const configs: { config: { rules: RulesConfig }; loc: CoreSourceLocation }[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed?.label !== 'eslint') continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ config: { rules: result.config }, loc: comment.loc });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
    }
    return { configs, problems };
  }
}
