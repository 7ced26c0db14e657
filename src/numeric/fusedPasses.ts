/**
 * The fused passes of the gradient checks (compile.ts), one per test point,
 * all at once: each pass is cut into ranges of CHUNK entries, every range's
 * sums go to its own slot, and the slots are added in order afterwards. A
 * large matrix's ranges are shared with helper threads (helperJobs.ts), so
 * the evidence is byte-identical for any number of threads.
 */
import { CHUNK, chunkCount, combinePartials, finite, PARTIAL_SLOTS, passRanges, SIGN_BUCKETS, TOTAL_SLOTS } from './compile.js';
import type { FusedKernels } from './compile.js';
import { runShared } from './helperJobs.js';
import { passRange } from './passJob.js';
import type { Pass, PassJob } from './passJob.js';
import { arrayOf, isShared, parallel } from './threads.js';

export type { Pass } from './passJob.js';

let helped = 0;

/** How many ranges of the last `runPasses` helper threads ran (for tests and benchmarks). */
export const rangesRunByHelpers = (): number => helped;

export interface PassResult {
  readonly buckets: Float64Array;
  readonly totals: Float64Array;
}

/**
 * Every pass, each with its sign buckets and totals as compileFused's
 * `directions` gives them (a pass whose fast sums are not all finite is run
 * again with the guarded kernel, on this thread).
 */
export function runPasses(
  kernels: FusedKernels,
  common: { readonly d: Float64Array; readonly shift: number; readonly signs: Uint8Array; readonly slack: number },
  passes: readonly Pass[],
): PassResult[] {
  const n = common.d.length;
  const chunks = chunkCount(n);
  const shared = parallel(n) && [common.d, common.signs, ...passes.map((p) => p.values)].every(isShared);
  const job: PassJob = {
    ...common,
    passes,
    chunks,
    chunk: CHUNK,
    partials: arrayOf(Float64Array, passes.length * chunks * PARTIAL_SLOTS, shared),
    slots: PARTIAL_SLOTS,
  };
  const claims = arrayOf(Int32Array, passes.length * chunks, shared);
  const { range, source, sample } = kernels;
  // The passes only read the shared arrays: a stalled helper's late writes go to this job's partials, the same numbers.
  helped = runShared({ kind: 'pass', job, claims, source, sample }, (k) => passRange(job, range, k), shared).helped;
  return passes.map((pass, i) => {
    const result = { buckets: new Float64Array(SIGN_BUCKETS), totals: new Float64Array(TOTAL_SLOTS) };
    const at = i * chunks * PARTIAL_SLOTS;
    combinePartials(job.partials, at, chunks, result.buckets, result.totals);
    if (!finite(result.totals) || !finite(result.buckets)) {
      passRanges(kernels.careful(), pass.values, pass.factor, common.d, common.shift, common.signs, pass.h, pass.reach, common.slack, job.partials, at);
      combinePartials(job.partials, at, chunks, result.buckets, result.totals);
    }
    return result;
  });
}
