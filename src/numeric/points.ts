/**
 * The matrices X the gradient is tested at, all reproducible from the seed:
 * one standard Gaussian sample Z scaled to 0.01, 1 and 100, and (when φ has
 * breakpoints) a matrix whose entries sit exactly on breakpoints, at a
 * breakpoint ± δ, or are N(0, 1) — a third each; and the directions the
 * gradient is tested in there.
 */
import type { TestMatrix } from './checkRecord.js';
import { drawBlock } from './draws.js';
import type { BlockStates, DrawJob } from './draws.js';
import { runShared } from './helperJobs.js';
import { Rng, STREAM, warmGaussian, ZIGGURAT } from './rng.js';
import { stepFor } from './errorModel.js';
import { Scratch } from './scratch.js';
import { arrayOf, parallel } from './threads.js';

export interface TestPoint {
  /** How it was drawn, e.g. X ~ N(0, 1²) 3x4. */
  readonly matrix: TestMatrix;
  /** Typical size of the entries: sets the difference step. */
  readonly scale: number;
  /** The point is factor·values entry by entry (row-major): no copy of a Gaussian sample per scale. */
  readonly values: Float64Array;
  readonly factor: number;
  /** Writes the point into x (length rows·cols, row-major). */
  readonly fill: (x: Float64Array) => void;
}

const GAUSSIAN_SCALES = [0.01, 1, 100] as const;

/** Entries at a breakpoint ± this many steps h: twice the distance the directional checks keep from kinks (8h). */
const NEAR_BREAKPOINT_STEPS = 16;

/**
 * Entries a block of the random draws. Block k of each stream starts k jumps
 * of 2^64 draws into it (Rng.jump), so that blocks can be drawn on any thread
 * with the same numbers; a matrix of at most this many entries is one block,
 * the streams' first draws.
 */
const DRAW_BLOCK = 1 << 16;

/** x = σ·z (a module-level loop: V8 optimizes it once for every scale). */
function scaleInto(x: Float64Array, z: Float64Array, sigma: number): void {
  for (let i = 0; i < z.length; i++) x[i] = sigma * z[i]!;
}

export interface TestSet {
  readonly points: readonly TestPoint[];
  /**
   * The Gaussian direction D: the standard normal sample Z behind the points,
   * rotated by half its length, D_i = values[(i + shift) mod n]. For n ≥ 2 it
   * is independent of X entry by entry (entry i of X comes from Z_i, of the
   * direction from another Z_j), and it saves drawing n more normals. It is
   * read in place, not copied.
   */
  readonly direction: { readonly values: Float64Array; readonly shift: number };
  /** Eight Rademacher (±1) directions at once: bit j of signs[i] is the sign of direction j at entry i. */
  readonly signs: Uint8Array;
}

/** The states of the stream's first `blocks` blocks. */
function blockStarts(seed: number, stream: number, blocks: number): Int32Array[] {
  const rng = new Rng(seed, stream);
  return Array.from({ length: blocks }, (_, k) => {
    if (k > 0) rng.jump();
    return rng.state.slice();
  });
}

let drawn = 0;

/** How many blocks of the last `testSet` helper threads drew (for tests and benchmarks). */
export const blocksDrawnByHelpers = (): number => drawn;

/**
 * The test points and directions; their arrays come from `scratch` (fresh ones
 * when none is given), and a large set is drawn block by block on every thread.
 */
export function testSet(rows: number, cols: number, seed: number, kinks: readonly number[], scratch = new Scratch()): TestSet {
  const n = rows * cols;
  // Shared memory when the blocks, and the fused passes over these points (fusedPasses.ts), run on several threads.
  const shared = parallel(n);
  const z = scratch.array(Float64Array, n, shared, 'gaussian');
  const signs = scratch.array(Uint8Array, n, shared, 'signs');
  const mixed = kinks.length > 0 ? scratch.array(Float64Array, n, shared, 'mixed') : new Float64Array(0);
  const delta = NEAR_BREAKPOINT_STEPS * stepFor(1);
  const blocks = Math.ceil(n / DRAW_BLOCK);
  const gaussian = blockStarts(seed, STREAM.points, blocks);
  const signStates = blockStarts(seed, STREAM.signs, blocks);
  const placement = blockStarts(seed, STREAM.placement, blocks);
  const states: BlockStates[] = gaussian.map((g, k) => ({ gaussian: g, signs: signStates[k]!, placement: placement[k]! }));
  const job: DrawJob = {
    z,
    signs,
    mixed,
    kinks: Float64Array.from(kinks),
    // Per category (on a breakpoint, beside it, Gaussian) and side: the offset from the breakpoint, the weight of the Gaussian entry.
    offsets: Float64Array.of(0, 0, -delta, delta, 0, 0),
    weights: Float64Array.of(0, 0, 0, 0, 1, 1),
    block: DRAW_BLOCK,
    states,
  };
  warmGaussian();
  const run = runShared({ kind: 'draw', job, claims: arrayOf(Int32Array, blocks, shared) }, (k) => drawBlock(job, k, ZIGGURAT), shared);
  drawn = run.helped;
  // A stalled helper may still write these (the same numbers); never lend them to a later verification.
  if (run.tookOver) scratch.withhold(z, signs, mixed);

  const points: TestPoint[] = GAUSSIAN_SCALES.map((sigma) => ({
    matrix: { kind: 'gaussian', sigma, rows, cols },
    scale: sigma,
    values: z,
    factor: sigma,
    fill: (x) => scaleInto(x, z, sigma),
  }));
  if (kinks.length > 0)
    points.push({ matrix: { kind: 'mixed', offset: delta, rows, cols }, scale: 1, values: mixed, factor: 1, fill: (x) => x.set(mixed) });
  return { points, direction: { values: z, shift: Math.ceil(n / 2) }, signs };
}
