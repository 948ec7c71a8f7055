/** Figures a fuzz run collects and prints at the end (cases, outcomes, worst time and heap per MB). */
export class FuzzStats {
  cases = 0;
  ok = 0;
  readonly errors = new Map<string, number>();
  worstMsPerMb = 0;
  worstMs = 0;
  worstHeapMb = 0;
  largestMb = 0;

  record(outcome: string | null, bytes: number, ms: number, heapBytes: number): void {
    this.cases += 1;
    if (outcome === null) this.ok += 1;
    else this.errors.set(outcome, (this.errors.get(outcome) ?? 0) + 1);
    const mb = Math.max(bytes / 1e6, 0.01);
    this.worstMsPerMb = Math.max(this.worstMsPerMb, ms / mb);
    this.worstMs = Math.max(this.worstMs, ms);
    this.worstHeapMb = Math.max(this.worstHeapMb, heapBytes / 1e6);
    this.largestMb = Math.max(this.largestMb, bytes / 1e6);
  }

  summary(label: string): string {
    const errors = [...this.errors].map(([code, n]) => `${code}=${n}`).join(' ');
    return (
      `[fuzz] ${label}: ${this.cases} cases, ${this.ok} parsed, refused: ${errors || 'none'}; ` +
      `worst ${this.worstMs.toFixed(0)} ms CPU, worst ${this.worstMsPerMb.toFixed(0)} ms CPU/MB (inputs ≥ 10 kB counted as 10 kB), ` +
      `worst heap growth ${this.worstHeapMb.toFixed(1)} MB, largest input ${this.largestMb.toFixed(2)} MB\n`
    );
  }
}

/** The CPU-time bound: a fixed allowance plus a per-MB allowance (generous: GC threads count too). */
export const TIME_BOUND = { baseMs: 3_000, perMbMs: 8_000 } as const;
/** The heap bound: a fixed allowance plus a multiple of the input size. */
export const HEAP_BOUND = { baseMb: 256, perMb: 150 } as const;

export function timeBoundMs(bytes: number): number {
  return TIME_BOUND.baseMs + (TIME_BOUND.perMbMs * bytes) / 1e6;
}

export function heapBoundBytes(bytes: number): number {
  return HEAP_BOUND.baseMb * 1e6 + HEAP_BOUND.perMb * bytes;
}
