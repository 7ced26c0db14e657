/**
 * The answer at a user's point X for f = c + Σ φ(x_ij): f(X), and either ∇f(X)
 * or the subdifferential. A separable f is differentiable at X iff φ is at
 * every entry; near X it is locally Lipschitz iff φ is near every entry, and
 * then its Clarke set is the product of the entries' sets (the convex
 * subdifferential when φ is convex). Only φ near the entries matters.
 */
import * as Q from './exact/rational.js';
import type { EntryAnalysis } from './analyze.js';
import * as P from './exact/poly.js';
import type { Poly } from './exact/poly.js';
import { nearest } from './exact/calculus.js';
import { refinedValue } from './exact/bigInterval.js';
import type { EntryAtNumber, EntryAtPoint } from './pointwise.js';
import { entryAt, entryAtNumber, rounded } from './pointwise.js';
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
  /** The exact answers behind these doubles, when X has at most EXACT_ENTRIES distinct entries (else null). */
  readonly exact: ExactPoint | null;
}

/** X as written and φ at each of its entries, exactly; f(X) too unless its sum is too large to form. */
export interface ExactPoint {
  readonly X: readonly (readonly Q.Rational[])[];
  readonly value: Poly | null;
  readonly entries: readonly (readonly EntryAtPoint[])[];
}

/** Up to this many distinct entries, values are exact and then correctly rounded (f(X) too). */
export const EXACT_ENTRIES = 256;
/** Beyond EXACT_ENTRIES, f(X) is summed exactly when the double sum cannot vouch for itself, up to this many. */
export const EXACT_SUM_ENTRIES = 20_000;

interface Distinct {
  readonly x: Q.Rational;
  count: number;
}

export function pointResult(X: ConstantMatrix, entry: EntryAnalysis, offset: Poly, convexity: Convexity): PointResult {
  const distinct = new Map<string, Distinct>();
  for (const row of X.exact)
    for (const x of row) {
      const key = Q.toText(x);
      const d = distinct.get(key);
      if (d) d.count++;
      else distinct.set(key, { x, count: 1 });
    }
  const exact = distinct.size <= EXACT_ENTRIES;
  const answers = new Map<string, EntryAtNumber>();
  const exactAnswers = new Map<string, EntryAtPoint>();
  const exactValues: { p: Poly; weight: Q.Rational }[] = [];
  for (const [key, { x, count }] of distinct) {
    if (!exact) {
      answers.set(key, entryAtNumber(entry, x));
      continue;
    }
    const e = entryAt(entry, x);
    exactAnswers.set(key, e);
    answers.set(key, rounded(e));
    exactValues.push({ p: e.value, weight: Q.rat(count) });
  }
  const entries = X.exact.map((row) => row.map((x) => answers.get(Q.toText(x))!));
  const all = entries.flat();
  const total = exact ? exactTotal(offset, exactValues) : { value: largeTotal(offset, entry, distinct, answers), exact: null };
  const differentiable: Tri = all.some((r) => r.differentiable === false) ? false : all.some((r) => r.differentiable === null) ? null : true;
  const exactPoint: ExactPoint | null = exact
    ? { X: X.exact, value: total.exact, entries: X.exact.map((row) => row.map((x) => exactAnswers.get(Q.toText(x))!)) }
    : null;
  const base = { X: X.data, value: total.value, differentiable, exact: exactPoint };
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

/**
 * f(X) for many entries: a compensated sum of the entries' doubles, each within
 * |v|·2⁻⁵² of its exact value. When that bound is not small against the sum
 * (cancellation), the sum is redone exactly, for up to EXACT_SUM_ENTRIES
 * distinct entries.
 */
function largeTotal(offset: Poly, entry: EntryAnalysis, distinct: ReadonlyMap<string, Distinct>, answers: ReadonlyMap<string, EntryAtNumber>): number {
  const terms = [{ value: nearest(offset), count: 1 }, ...[...distinct].map(([key, d]) => ({ value: answers.get(key)!.value, count: d.count }))];
  const sum = compensatedSum(terms.map((t) => t.value * t.count));
  const bound = terms.reduce((b, t) => b + Math.abs(t.value) * t.count, 0) * 2 ** -52;
  if (bound <= Math.abs(sum) * 2 ** -50 || distinct.size > EXACT_SUM_ENTRIES) return sum;
  return exactTotal(offset, [...distinct.values()].map(({ x, count }) => ({ p: entryAt(entry, x).value, weight: Q.rat(count) }))).value;
}

/** c + Σ count·φ(x), summed exactly (cancellation included), then rounded once; `exact` is null when the sum is too large to form. */
function exactTotal(offset: Poly, values: readonly { p: Poly; weight: Q.Rational }[]): { value: number; exact: Poly | null } {
  try {
    const sum = P.sum([offset, ...values.map(({ p, weight }) => P.scale(p, weight))]);
    return { value: nearest(sum), exact: sum };
  } catch (e) {
    if (!(e instanceof P.TooLarge)) throw e;
    // Too many distinct irrational terms to add symbolically: enclose the sum term by term.
    const parts = [{ p: offset, weight: Q.ONE }, ...values];
    return { value: refinedValue(parts) ?? compensatedSum(parts.map(({ p, weight }) => nearest(p) * Q.toNumber(weight))), exact: null };
  }
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
