import type { Span } from '@xxgk/schema';

/** Offsets of named runs and of every block in a rendered text. */
export interface Layout {
  readonly anchors: ReadonlyMap<string, readonly [number, number]>;
  /** [start, end) of each block of the document, by block index (null when the format drops it). */
  readonly blocks: readonly (readonly [number, number] | null)[];
}

export interface TextLayoutResult extends Layout {
  readonly text: string;
}

/** Builds a string and remembers where anchored pieces and blocks landed. */
export class Writer {
  private readonly parts: string[] = [];
  private length = 0;
  readonly anchors = new Map<string, [number, number]>();
  readonly blocks: ([number, number] | null)[] = [];
  private blockStart: number | null = null;
  private blockIndex = -1;

  get offset(): number {
    return this.length;
  }

  /** Append text; with an anchor (or several joined by `|`), remember its range. */
  write(text: string, anchor?: string): this {
    if (anchor) {
      for (const name of anchor.split('|')) {
        // The first occurrence wins (a second copy of the report must not move the spans).
        if (this.anchors.has(name) || (name.endsWith(':end') && this.anchors.has(name.slice(0, -':end'.length)))) continue;
        if (name.endsWith(':end')) {
          const base = name.slice(0, -':end'.length);
          const start = this.anchors.get(`${base}:start`)?.[0] ?? this.length;
          this.anchors.set(base, [start, this.length + text.length]);
        } else this.anchors.set(name, [this.length, this.length + text.length]);
      }
    }
    this.parts.push(text);
    this.length += text.length;
    return this;
  }

  /** Mark the start of block `index` (the text written next belongs to it). */
  beginBlock(index: number): void {
    if (this.blocks[index]) return;
    this.blockIndex = index;
    this.blockStart = this.length;
  }

  /** Mark the end of the current block (trailing markup/newlines excluded by calling before them). */
  endBlock(): void {
    if (this.blockStart === null) return;
    while (this.blocks.length < this.blockIndex) this.blocks.push(null);
    this.blocks[this.blockIndex] = [this.blockStart, this.length];
    this.blockStart = null;
  }

  toString(): string {
    return this.parts.join('');
  }

  result(): TextLayoutResult {
    return { text: this.toString(), anchors: this.anchors, blocks: this.blocks };
  }
}

/** Turns offsets into spans with 1-based lines and columns (columns in UTF-16 units, as ESLint). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  private position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(end);
    return { start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}
