/**
 * The fused passes of the gradient checks (compile.ts), one per test point,
 * all at once: each pass is cut into ranges of CHUNK entries, every range's
 * sums go to its own slot, and the slots are added in order afterwards. A
 * large matrix's ranges are shared with helper threads (threads.ts): each
 * thread claims the next free range with an atomic compare-and-swap, and the
 * calling thread, after the last free one, waits for the ranges still in
 * hand. Who ran a range never changes its slot, so the evidence is
 * byte-identical for any number of threads.
 */
import { CHUNK, chunkCount, combinePartials, finite, PARTIAL_SLOTS, passRanges, SIGN_BUCKETS, TOTAL_SLOTS, WARMUP_PASSES, warmUpRange } from './compile.js';
import type { FusedKernels, RangeKernel } from './compile.js';
import { arrayOf, helperThreads, isShared, parallel } from './threads.js';

/** One test point's pass: X = factor·values, step h, entries within reach (+ slack) of a kink left out. */
export interface Pass {
  readonly values: Float64Array;
  readonly factor: number;
  readonly h: number;
  readonly reach: number;
}

/** Everything a thread needs to run ranges of the passes (structured-cloneable: shared arrays and numbers). */
interface Job {
  readonly passes: readonly Pass[];
  readonly d: Float64Array;
  readonly shift: number;
  readonly signs: Uint8Array;
  readonly slack: number;
  readonly chunks: number;
  /** Per range (pass-major): 0 free, 1 being run, 2 + t done by thread t (0 the calling thread, 1… the helpers). */
  readonly states: Int32Array;
  readonly partials: Float64Array;
  readonly chunk: number;
  readonly slots: number;
}

/**
 * Claims and runs free ranges until none is left. Self-contained (it is also
 * compiled from its source in the helper threads): it refers to nothing but
 * its arguments and globals.
 */
function claimRanges(job: Job, range: RangeKernel, thread: number): void {
  const { passes, d, shift, signs, slack, chunks, states, partials, chunk, slots } = job;
  for (let k = 0; k < states.length; k++) {
    if (Atomics.compareExchange(states, k, 0, 1) !== 0) continue;
    const p = passes[Math.floor(k / chunks)]!;
    const from = (k % chunks) * chunk;
    try {
      range(p.values, p.factor, d, shift, signs, p.h, p.reach, slack, from, Math.min(d.length, from + chunk), partials, k * slots);
    } catch (error) {
      Atomics.store(states, k, 0); // free again, for the calling thread
      Atomics.notify(states, k);
      throw error;
    }
    Atomics.store(states, k, 2 + thread);
    Atomics.notify(states, k);
  }
}

/** Compiled kernels a helper keeps (a long-lived process may verify many functions). */
const HELPER_KERNELS = 16;

/** The helper threads' script: compile each kernel source once, warm it up, then claim ranges of every job posted. */
const HELPER_SOURCE = `"use strict";
const { parentPort } = require('node:worker_threads');
const claimRanges = ${claimRanges.toString()};
const warmUp = ${warmUpRange.toString()};
const kernels = new Map();
parentPort.on('message', ({ job, source, sample, thread }) => {
  let range = kernels.get(source);
  if (!range) {
    if (kernels.size >= ${HELPER_KERNELS}) kernels.clear();
    range = new Function(source)();
    warmUp(range, sample, ${WARMUP_PASSES}, job.slots);
    kernels.set(source, range);
  }
  claimRanges(job, range, thread);
});`;

/** A helper holding a range this long is taken to have stopped: the calling thread runs the range itself (same slot, same numbers). */
const STALL_MS = 20_000;

/** Runs ranges here until every range is done, waiting for those other threads hold. */
function finishRanges(job: Job, range: RangeKernel): void {
  for (;;) {
    claimRanges(job, range, 0);
    const held = job.states.findIndex((s) => s < 2);
    if (held < 0) return;
    if (Atomics.wait(job.states, held, 1, STALL_MS) === 'timed-out') Atomics.compareExchange(job.states, held, 1, 0);
  }
}

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
  const job: Job = {
    ...common,
    passes,
    chunks,
    states: arrayOf(Int32Array, passes.length * chunks, shared),
    partials: arrayOf(Float64Array, passes.length * chunks * PARTIAL_SLOTS, shared),
    chunk: CHUNK,
    slots: PARTIAL_SLOTS,
  };
  if (shared) helperThreads(HELPER_SOURCE).forEach((helper, i) => helper.postMessage({ job, source: kernels.source, sample: kernels.sample, thread: i + 1 }));
  finishRanges(job, kernels.range);
  helped = job.states.filter((s) => s > 2).length;
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
