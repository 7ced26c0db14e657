/**
 * The fused passes of the gradient checks as tasks (fusedPasses.ts): task k is
 * range k mod chunks of pass ⌊k / chunks⌋, and writes its sums to its own slots.
 */
import type { RangeKernel } from './compile.js';

/** One test point's pass: X = factor·values, step h, entries within reach (+ slack) of a kink left out. */
export interface Pass {
  readonly values: Float64Array;
  readonly factor: number;
  readonly h: number;
  readonly reach: number;
}

/** Everything a thread needs to run ranges of the passes (structured-cloneable: shared arrays and numbers). */
export interface PassJob {
  readonly passes: readonly Pass[];
  readonly d: Float64Array;
  readonly shift: number;
  readonly signs: Uint8Array;
  readonly slack: number;
  /** Ranges a pass. */
  readonly chunks: number;
  /** Entries a range. */
  readonly chunk: number;
  /** Per task, `slots` partial sums. */
  readonly partials: Float64Array;
  readonly slots: number;
}

/** Runs task k of the job with `range`. Self-contained: the helpers compile it from its source (helperJobs.ts). */
export function passRange(job: PassJob, range: RangeKernel, k: number): void {
  const { passes, d, shift, signs, slack, chunks, chunk, partials, slots } = job;
  const p = passes[Math.floor(k / chunks)]!;
  const from = (k % chunks) * chunk;
  range(p.values, p.factor, d, shift, signs, p.h, p.reach, slack, from, Math.min(d.length, from + chunk), partials, k * slots);
}
