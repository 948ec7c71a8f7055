/**
 * Ruling lines of a PDF page, read from pdf.js's operator list: every painted (stroked or filled)
 * axis-aligned segment, in PDF user space (origin bottom-left, y up), so they share the coordinate
 * system of `getTextContent()` items. Filled thin rectangles count as lines; larger filled
 * rectangles (cell backgrounds) contribute their four edges.
 */

/** A horizontal segment at `y` from `x1` to `x2` (x1 ≤ x2). */
export interface HSegment {
  readonly y: number;
  readonly x1: number;
  readonly x2: number;
}

/** A vertical segment at `x` from `y1` to `y2` (y1 ≤ y2). */
export interface VSegment {
  readonly x: number;
  readonly y1: number;
  readonly y2: number;
}

export interface Rulings {
  readonly horizontal: HSegment[];
  readonly vertical: VSegment[];
}

/** The pdf.js OPS codes this module reads (pdfjs-dist 5.x). */
export interface RulingOps {
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly constructPath: number;
  readonly paintFormXObjectBegin: number;
  readonly paintFormXObjectEnd: number;
  readonly stroke: number;
  readonly closeStroke: number;
  readonly fill: number;
  readonly eoFill: number;
  readonly fillStroke: number;
  readonly eoFillStroke: number;
  readonly closeFillStroke: number;
  readonly closeEOFillStroke: number;
  readonly setFillRGBColor: number;
  readonly setStrokeRGBColor: number;
  readonly setFillGray: number;
  readonly setStrokeGray: number;
  readonly setFillCMYKColor: number;
  readonly setStrokeCMYKColor: number;
}

/**
 * Whether a colour operand list (pdf.js gives "#rrggbb" for device colours) is white: white paint
 * on a white page draws no visible line (cell backgrounds, text highlight boxes).
 */
function isWhite(args: unknown, kind: 'rgb' | 'gray' | 'cmyk'): boolean {
  const list: unknown[] = Array.isArray(args) ? args : [];
  const first = list[0];
  if (typeof first === 'string') return /^#(?:f[a-f0-9]){3}$/iu.test(first);
  const nums = list.filter((n): n is number => typeof n === 'number');
  if (nums.length === 0) return false;
  const scale = nums.some((n) => n > 1) ? 255 : 1;
  if (kind === 'cmyk') return nums.every((n) => n / scale <= 0.05);
  return nums.every((n) => n / scale >= 0.95);
}

export type Matrix = readonly [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** Thickness below which a filled rectangle is a line. */
const THIN = 3;
/** Segments shorter than this are ignored (dots, glyph-like marks). */
const MIN_LENGTH = 2;
/** A segment is axis-aligned when it deviates less than this. */
const AXIS_TOLERANCE = 1;

// pdf.js DrawOPS (path data encoding inside constructPath).
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

export function multiply(m: Matrix, n: Matrix): Matrix {
  // Apply n first, then m (PDF: CTM' = n × CTM).
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function asMatrix(value: unknown): Matrix | undefined {
  if (value === null || typeof value !== 'object' || !('length' in value)) return undefined;
  const list = value as ArrayLike<unknown>;
  if (list.length !== 6) return undefined;
  const out: number[] = [];
  for (let i = 0; i < 6; i++) {
    const n = list[i];
    if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
    out.push(n);
  }
  return out as unknown as Matrix;
}

function asNumbers(value: unknown): ArrayLike<number> | undefined {
  if (value instanceof Float32Array || value instanceof Float64Array) return value;
  if (Array.isArray(value) && value.every((n) => typeof n === 'number')) return value;
  return undefined;
}

type Point = readonly [number, number];

function apply(m: Matrix, x: number, y: number): Point {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Split pdf.js path data into polylines (subpaths), transformed to user space. */
function subpaths(data: ArrayLike<number>, ctm: Matrix): { points: Point[]; closed: boolean }[] {
  const out: { points: Point[]; closed: boolean }[] = [];
  let current: { points: Point[]; closed: boolean } | undefined;
  let i = 0;
  const at = (k: number): number => data[k] ?? 0;
  while (i < data.length) {
    const op = at(i);
    if (op === MOVE_TO) {
      current = { points: [apply(ctm, at(i + 1), at(i + 2))], closed: false };
      out.push(current);
      i += 3;
    } else if (op === LINE_TO) {
      const p = apply(ctm, at(i + 1), at(i + 2));
      if (current === undefined) {
        current = { points: [p], closed: false };
        out.push(current);
      } else current.points.push(p);
      i += 3;
    } else if (op === CURVE_TO) {
      // Curves are not rulings: start a new polyline at the curve's end point.
      current = { points: [apply(ctm, at(i + 5), at(i + 6))], closed: false };
      out.push(current);
      i += 7;
    } else if (op === QUAD_TO) {
      current = { points: [apply(ctm, at(i + 3), at(i + 4))], closed: false };
      out.push(current);
      i += 5;
    } else if (op === CLOSE) {
      if (current !== undefined) {
        current.closed = true;
        const first = current.points[0];
        current = first === undefined ? undefined : { points: [first], closed: false };
        if (current !== undefined) out.push(current);
      }
      i += 1;
    } else {
      break; // unknown encoding: stop reading this path
    }
  }
  return out;
}

function addSegment(rulings: Rulings, a: Point, b: Point): void {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy < AXIS_TOLERANCE && dx >= MIN_LENGTH) {
    rulings.horizontal.push({ y: (a[1] + b[1]) / 2, x1: Math.min(a[0], b[0]), x2: Math.max(a[0], b[0]) });
  } else if (dx < AXIS_TOLERANCE && dy >= MIN_LENGTH) {
    rulings.vertical.push({ x: (a[0] + b[0]) / 2, y1: Math.min(a[1], b[1]), y2: Math.max(a[1], b[1]) });
  }
}

function addFilled(rulings: Rulings, points: readonly Point[], pageArea: number): void {
  if (points.length < 3) return;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  // Only axis-aligned boxes: every point on the bounding box's border.
  const onBorder = points.every(
    ([x, y]) =>
      Math.abs(x - minX) < AXIS_TOLERANCE ||
      Math.abs(x - maxX) < AXIS_TOLERANCE ||
      Math.abs(y - minY) < AXIS_TOLERANCE ||
      Math.abs(y - maxY) < AXIS_TOLERANCE,
  );
  if (!onBorder) return;
  const w = maxX - minX;
  const h = maxY - minY;
  if (h < THIN && w >= MIN_LENGTH && w > h) {
    rulings.horizontal.push({ y: (minY + maxY) / 2, x1: minX, x2: maxX });
  } else if (w < THIN && h >= MIN_LENGTH && h > w) {
    rulings.vertical.push({ x: (minX + maxX) / 2, y1: minY, y2: maxY });
  } else if (w >= THIN && h >= THIN && w * h < pageArea * 0.9) {
    rulings.horizontal.push({ y: minY, x1: minX, x2: maxX }, { y: maxY, x1: minX, x2: maxX });
    rulings.vertical.push({ x: minX, y1: minY, y2: maxY }, { x: maxX, y1: minY, y2: maxY });
  }
}

/**
 * Collect the page's rulings from an operator list (`page.getOperatorList()`): the transform stack
 * is followed through save/restore/transform and form XObjects.
 */
export function readRulings(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: RulingOps,
  pageArea: number,
  /** User space → the page's reading frame (y up, /Rotate and the media box origin applied). */
  base: Matrix = IDENTITY,
): Rulings {
  const rulings: Rulings = { horizontal: [], vertical: [] };
  interface State {
    ctm: Matrix;
    whiteFill: boolean;
    whiteStroke: boolean;
  }
  const stack: State[] = [];
  let ctm: Matrix = base;
  let whiteFill = false;
  let whiteStroke = false;
  const push = (): void => {
    stack.push({ ctm, whiteFill, whiteStroke });
  };
  const pop = (): void => {
    const state = stack.pop();
    ctm = state?.ctm ?? base;
    whiteFill = state?.whiteFill ?? false;
    whiteStroke = state?.whiteStroke ?? false;
  };
  const stroked = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const filled = new Set([ops.fill, ops.eoFill]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === ops.save) {
      push();
    } else if (fn === ops.restore) {
      pop();
    } else if (fn === ops.setFillRGBColor || fn === ops.setFillGray || fn === ops.setFillCMYKColor) {
      whiteFill = isWhite(args, fn === ops.setFillCMYKColor ? 'cmyk' : fn === ops.setFillGray ? 'gray' : 'rgb');
    } else if (fn === ops.setStrokeRGBColor || fn === ops.setStrokeGray || fn === ops.setStrokeCMYKColor) {
      whiteStroke = isWhite(args, fn === ops.setStrokeCMYKColor ? 'cmyk' : fn === ops.setStrokeGray ? 'gray' : 'rgb');
    } else if (fn === ops.transform) {
      const m = asMatrix(args);
      if (m !== undefined) ctm = multiply(ctm, m);
    } else if (fn === ops.paintFormXObjectBegin) {
      push();
      const m = Array.isArray(args) ? asMatrix(args[0]) : undefined;
      if (m !== undefined) ctm = multiply(ctm, m);
    } else if (fn === ops.paintFormXObjectEnd) {
      pop();
    } else if (fn === ops.constructPath && Array.isArray(args)) {
      const paintOp: unknown = args[0];
      if (typeof paintOp !== 'number') continue;
      const isStroke = stroked.has(paintOp) && !whiteStroke;
      const isFill = filled.has(paintOp) && !whiteFill;
      if (!isStroke && !isFill) continue;
      const holder: unknown = args[1];
      const data = asNumbers(Array.isArray(holder) ? holder[0] : holder);
      if (data === undefined) continue;
      for (const sub of subpaths(data, ctm)) {
        if (isStroke) {
          for (let k = 1; k < sub.points.length; k++) {
            const a = sub.points[k - 1];
            const b = sub.points[k];
            if (a !== undefined && b !== undefined) addSegment(rulings, a, b);
          }
          const first = sub.points[0];
          const last = sub.points[sub.points.length - 1];
          if (sub.closed && first !== undefined && last !== undefined) addSegment(rulings, last, first);
        } else {
          addFilled(rulings, sub.points, pageArea);
        }
      }
    }
  }
  return rulings;
}
