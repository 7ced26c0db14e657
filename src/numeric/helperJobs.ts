/**
 * Work shared with the helper threads (threads.ts): a job is a list of
 * numbered tasks, each of which writes only its own part of shared arrays.
 * Every thread claims the next free task with an atomic compare-and-swap; the
 * calling thread, after the last free one, waits for the tasks still in hand.
 * Who ran a task never changes what it writes, so results are byte-identical
 * for any number of threads. Two kinds of jobs: drawing the blocks of a test
 * set (points.ts, draws.ts) and the fused passes' ranges (fusedPasses.ts).
 */
import { warmUpRange, WARMUP_PASSES } from './compile.js';
import { drawBlock, DRAW_FUNCTIONS, warmUpGaussian, zigguratTables } from './draws.js';
import type { DrawJob } from './draws.js';
import { passRange } from './passJob.js';
import type { PassJob } from './passJob.js';
import { helperThreads } from './threads.js';

/**
 * Claims and runs free tasks until none is left. `claims[k]`: 0 free, 1 being
 * run, 2 + t done by thread t (0 the calling thread, 1… the helpers).
 * Self-contained: the helpers compile it from its source.
 */
function claimTasks(claims: Int32Array, thread: number, run: (k: number) => void): void {
  for (let k = 0; k < claims.length; k++) {
    if (Atomics.compareExchange(claims, k, 0, 1) !== 0) continue;
    try {
      run(k);
    } catch (error) {
      Atomics.store(claims, k, 0); // free again, for the calling thread
      Atomics.notify(claims, k);
      throw error;
    }
    Atomics.store(claims, k, 2 + thread);
    Atomics.notify(claims, k);
  }
}

/** Compiled kernels a helper keeps (a long-lived process may verify many functions). */
const HELPER_KERNELS = 16;

/** A job as the helpers get it (each also gets its thread number); `claims` has one slot per task (claimTasks). */
export type HelperJob =
  | { readonly kind: 'draw'; readonly job: DrawJob; readonly claims: Int32Array }
  | { readonly kind: 'pass'; readonly job: PassJob; readonly claims: Int32Array; readonly source: string; readonly sample: Float64Array };

/**
 * The helper threads' script: draw blocks, or compile each kernel source once,
 * warm it up, and run ranges. The draw functions declare themselves under
 * their own names (draws.ts) inside a scope of their own, so that no name a
 * minifier gives them can meet a name of this script; the rest are bound to
 * fixed names here.
 */
const HELPER_SOURCE = `"use strict";
const { parentPort } = require('node:worker_threads');
const claimTasks = ${claimTasks.toString()};
const passRange = ${passRange.toString()};
const warmUp = ${warmUpRange.toString()};
const draws = (() => {
${DRAW_FUNCTIONS.map((f) => f.toString()).join('\n')}
return { drawBlock: ${drawBlock.name}, tables: ${zigguratTables.name}(), warmUpGaussian: ${warmUpGaussian.name} };
})();
draws.warmUpGaussian(draws.tables);
const kernels = new Map();
parentPort.on('message', (message) => {
  const { job, claims, thread } = message;
  if (message.kind === 'draw') return claimTasks(claims, thread, (task) => draws.drawBlock(job, task, draws.tables));
  let range = kernels.get(message.source);
  if (!range) {
    if (kernels.size >= ${HELPER_KERNELS}) kernels.clear();
    range = new Function(message.source)();
    warmUp(range, message.sample, ${WARMUP_PASSES}, job.slots);
    kernels.set(message.source, range);
  }
  claimTasks(claims, thread, (task) => passRange(job, range, task));
});`;

/**
 * A helper holding a task this long is taken to have stopped (it may have
 * died: its 'error' event cannot reach this thread while it waits), and the
 * calling thread runs every task still held itself. A helper merely slow may
 * still finish such a task later, writing the same output.
 */
const STALL_MS = 2_000;

/** Runs tasks here until every task is done, waiting for those other threads hold. Were any taken over from a stalled helper? */
function finishTasks(claims: Int32Array, run: (k: number) => void): boolean {
  let tookOver = false;
  for (;;) {
    claimTasks(claims, 0, run);
    // Atomics.load: what a helper wrote before it marked its task done is visible after this read.
    const held = claims.findIndex((_, k) => Atomics.load(claims, k) < 2);
    if (held < 0) return tookOver;
    if (Atomics.wait(claims, held, 1, STALL_MS) === 'timed-out')
      for (let k = 0; k < claims.length; k++) tookOver = Atomics.compareExchange(claims, k, 1, 0) === 1 || tookOver;
  }
}

/**
 * Runs every task of `job`, `run(k)` being task k on this thread: here, and,
 * when `shared` (the job's arrays in shared memory), on the helpers too.
 * Returns how many tasks the helpers ran, and whether a helper that stalled
 * may still write to the job's arrays.
 */
export function runShared(job: HelperJob, run: (k: number) => void, shared: boolean): { helped: number; tookOver: boolean } {
  if (shared) helperThreads(HELPER_SOURCE).forEach((helper, i) => helper.postMessage({ ...job, thread: i + 1 }));
  const tookOver = finishTasks(job.claims, run);
  return { helped: job.claims.filter((_, k) => Atomics.load(job.claims, k) > 2).length, tookOver };
}
