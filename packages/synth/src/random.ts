/**
 * A small seeded pseudo-random generator (sfc32 seeded through xmur3). Everything random in this
 * package goes through it, so the same seed gives the same reports, byte for byte.
 */

/** A 32-bit string hash (xmur3), used to derive independent streams from a seed and a label. */
export function hashString(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** The key this stream was derived from (for `fork`). */
  readonly key: string;

  constructor(seed: number | string) {
    this.key = String(seed);
    this.a = hashString(`a:${this.key}`);
    this.b = hashString(`b:${this.key}`);
    this.c = hashString(`c:${this.key}`);
    this.d = hashString(`d:${this.key}`);
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** An independent stream for a named purpose: the same (seed, label) always gives the same stream. */
  fork(label: string): Rng {
    return new Rng(`${this.key}/${label}`);
  }

  nextUint32(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of the items, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const sum = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * sum;
    for (const [item, w] of entries) {
      x -= w;
      if (x < 0) return item;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** A standard normal deviate (Box–Muller). */
  gaussian(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A skewed non-negative integer: log-normal with the given median and spread. */
  logNormalInt(median: number, sigma: number): number {
    if (median <= 0) return 0;
    return Math.max(0, Math.round(median * Math.exp(sigma * this.gaussian())));
  }

  /** A Poisson count (Knuth for small means, normal approximation for large). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.gaussian()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > limit);
    return k - 1;
  }

  /** Split `n` items over categories with the given weights (a multinomial draw). */
  multinomial(n: number, weights: readonly number[]): number[] {
    const out = weights.map(() => 0);
    let left = n;
    let rest = weights.reduce((s, w) => s + w, 0);
    for (let i = 0; i < weights.length && left > 0; i++) {
      const w = weights[i] ?? 0;
      if (i === weights.length - 1 || rest <= 0) {
        out[i] = left;
        break;
      }
      const k = this.binomial(left, Math.min(1, w / rest));
      out[i] = k;
      left -= k;
      rest -= w;
    }
    return out;
  }

  /** A binomial draw (exact for small n, normal approximation for large). */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n <= 60) {
      let k = 0;
      for (let i = 0; i < n; i++) if (this.next() < p) k++;
      return k;
    }
    const mean = n * p;
    const sd = Math.sqrt(n * p * (1 - p));
    return Math.min(n, Math.max(0, Math.round(mean + sd * this.gaussian())));
  }
}
