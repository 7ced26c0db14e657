/**
 * The answer at a user's point X for f = c + Σ φ(x_ij): f(X), and either ∇f(X)
 * or the subdifferential. A separable f is differentiable at X iff φ is at
 * every entry; near X it is locally Lipschitz iff φ is near every entry, and
 * then its Clarke set is the product of the entries' sets (the convex
 * subdifferential when φ is convex). Only φ near the entries matters.
 */
import * as Q from './exact/rational.js';
import type { EntryAnalysis } from './analyze.js';
import type { EntryAtNumber } from './pointwise.js';
import { entryAtNumber } from './pointwise.js';
import type { ConstantMatrix } from './shapes.js';
import type { SubdifferentialKind } from './subdifferential.js';
import type { Convexity } from './convexity.js';
import type { Tri } from './primitives/spec.js';

export interface PointResult {
  /** The point as doubles (the decisions used the exact numbers). */
  readonly X: readonly (readonly number[])[];
  readonly value: number;
  readonly differentiable: Tri;
  readonly gradient: number[][] | null;
  /** Per-entry intervals [lo, hi] of ∂f(X) where f is not differentiable at X but has a set there. */
  readonly subdifferential: [number, number][][] | null;
  readonly subdifferentialKind: SubdifferentialKind | null;
  /** Why neither a gradient nor a set is given (null when one is). */
  readonly reason: string | null;
}

export function pointResult(X: ConstantMatrix, entry: EntryAnalysis, offset: number, convexity: Convexity): PointResult {
  const cache = new Map<string, EntryAtNumber>();
  const at = (x: Q.Rational): EntryAtNumber => {
    const key = Q.toText(x);
    let r = cache.get(key);
    if (!r) cache.set(key, (r = entryAtNumber(entry, x)));
    return r;
  };
  const entries = X.exact.map((row) => row.map(at));
  const all = entries.flat();
  const value = compensatedSum([offset, ...all.map((r) => r.value)]);
  const differentiable: Tri = all.some((r) => r.differentiable === false) ? false : all.some((r) => r.differentiable === null) ? null : true;
  const base = { X: X.data, value, differentiable };
  if (differentiable === true)
    return { ...base, gradient: entries.map((row) => row.map((r) => r.derivative!)), subdifferential: null, subdifferentialKind: null, reason: null };
  const missing = entries.flatMap((row, i) => row.map((r, j) => [r, i, j] as const)).find(([r]) => r.set === null);
  if (missing) {
    const [r, i, j] = missing;
    return { ...base, gradient: null, subdifferential: null, subdifferentialKind: null, reason: `entry (${i + 1},${j + 1}) = ${X.data[i]![j]}: ${r.reason}` };
  }
  return {
    ...base,
    gradient: null,
    subdifferential: entries.map((row) => row.map((r) => [r.set![0], r.set![1]])),
    subdifferentialKind: convexity.convex === true ? 'convex' : 'clarke',
    reason: null,
  };
}

/** Neumaier's compensated sum: the entries are correctly rounded, the total loses almost nothing more. */
function compensatedSum(xs: readonly number[]): number {
  let sum = 0;
  let carry = 0;
  for (const x of xs) {
    const t = sum + x;
    carry += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + carry;
}
