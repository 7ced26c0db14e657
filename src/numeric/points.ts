/**
 * The matrices X the gradient is tested at, all reproducible from the seed:
 * one standard Gaussian sample Z scaled to 0.01, 1 and 100, and (when φ has
 * breakpoints) a matrix whose entries sit exactly on breakpoints, at a
 * breakpoint ± δ, or are N(0, 1) — a third each.
 */
import type { TestMatrix } from './checkRecord.js';
import { Rng, STREAM } from './rng.js';
import { stepFor } from './errorModel.js';
import { Scratch } from './scratch.js';
import { parallel } from './threads.js';

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

/** Placement words drawn at a time for the mixed point (a small buffer, reused). */
const PLACEMENT_CHUNK = 4096;

/** x = σ·z (a module-level loop: V8 optimizes it once for every scale). */
function scaleInto(x: Float64Array, z: Float64Array, sigma: number): void {
  for (let i = 0; i < z.length; i++) x[i] = sigma * z[i]!;
}

/**
 * Entries start … start + words.length − 1 of the mixed point, one placement
 * word each: bits 0–15 choose the category (0: on, 1: beside, 2: Gaussian),
 * 16–30 the breakpoint, 31 the side. (A module-level function: a loop nested
 * in another would lose its optimized code at the end of every run.)
 */
function placeRun(
  x: Float64Array,
  z: Float64Array,
  start: number,
  words: Uint32Array,
  kinks: readonly number[],
  offsets: readonly number[],
  gaussianWeight: readonly number[],
): void {
  for (let k = 0; k < words.length; k++) {
    const i = start + k;
    // Arithmetic selection, exact because one of the two terms is ±0: a branch here would mispredict.
    const w = words[k]!;
    const slot = 2 * (((w & 0xffff) * 3) >>> 16) + (w >>> 31);
    const kink = kinks[(((w >>> 16) & 0x7fff) * kinks.length) >>> 15]!;
    const weight = gaussianWeight[slot]!;
    x[i] = weight * z[i]! + (1 - weight) * (kink + offsets[slot]!);
  }
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
}

/** The test points; their arrays come from `scratch` (fresh ones when none is given). */
export function testSet(rows: number, cols: number, seed: number, kinks: readonly number[], scratch = new Scratch()): TestSet {
  const n = rows * cols;
  // Shared memory when the fused passes over these points run on several threads (fusedPasses.ts).
  const shared = parallel(n);
  const z = scratch.array(Float64Array, n, shared, 'gaussian');
  new Rng(seed, STREAM.points).fillGaussian(z);

  const points: TestPoint[] = GAUSSIAN_SCALES.map((sigma) => ({
    matrix: { kind: 'gaussian', sigma, rows, cols },
    scale: sigma,
    values: z,
    factor: sigma,
    fill: (x) => scaleInto(x, z, sigma),
  }));
  if (kinks.length > 0) {
    const delta = NEAR_BREAKPOINT_STEPS * stepFor(1);
    // Per category and side: the offset from the breakpoint, and the weight of the Gaussian entry.
    const offsets = [0, 0, -delta, delta, 0, 0];
    const gaussianWeight = [0, 0, 0, 0, 1, 1];
    const place = (x: Float64Array): void => {
      const rng = new Rng(seed, STREAM.placement);
      const words = new Uint32Array(Math.min(n, PLACEMENT_CHUNK));
      for (let start = 0; start < n; start += words.length) {
        const count = Math.min(words.length, n - start);
        rng.fillWords(words.subarray(0, count));
        placeRun(x, z, start, words.subarray(0, count), kinks, offsets, gaussianWeight);
      }
    };
    const mixed = scratch.array(Float64Array, n, shared, 'mixed');
    place(mixed);
    points.push({ matrix: { kind: 'mixed', offset: delta, rows, cols }, scale: 1, values: mixed, factor: 1, fill: (x) => x.set(mixed) });
  }
  return { points, direction: { values: z, shift: Math.ceil(n / 2) } };
}
