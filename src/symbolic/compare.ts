/**
 * Exact comparison of two piecewise functions: split ℝ at the union of both
 * sides' breakpoints, compare the elementary pieces on each open interval
 * (difference normalises to 0, or is provably non-zero at a point), and the
 * values at every breakpoint.
 */
import * as Q from './exact/rational.js';
import * as P from './exact/poly.js';
import type { Poly } from './exact/poly.js';
import { signOfConstant } from './exact/calculus.js';
import type { Tri } from './primitives/spec.js';
import type { Piece, Piecewise } from './piecewise.js';
import { refine, samplePoint, union, valueAt } from './piecewise.js';
import { compareExact } from './solve.js';

export type Case =
  | { readonly kind: 'interval'; readonly from: Poly | null; readonly to: Poly | null; readonly lhs: Piece; readonly rhs: Piece; readonly equal: Tri; readonly witness: Poly | null }
  | { readonly kind: 'point'; readonly at: Poly; readonly lhs: Poly; readonly rhs: Poly; readonly equal: Tri };

export interface Comparison {
  readonly equal: Tri;
  readonly cases: readonly Case[];
}

/** Points to try inside an interval when a difference did not normalise to 0. */
function probes(bps: readonly Poly[], i: number): Poly[] {
  const lo = bps[i - 1];
  const hi = bps[i];
  const mid = samplePoint(bps, i);
  if (lo && hi) {
    const quarter = P.scale(P.sub(hi, lo), Q.rat(1, 4));
    return [mid, P.add(lo, quarter), P.sub(hi, quarter)];
  }
  const step = (k: number): Poly => P.integer(k);
  if (lo) return [mid, P.add(lo, step(3)), P.add(lo, P.constant(Q.HALF))];
  if (hi) return [mid, P.sub(hi, step(3)), P.sub(hi, P.constant(Q.HALF))];
  return [mid, step(1), step(-2), P.constant(Q.rat(1, 3))];
}

function comparePieces(a: Piece, b: Piece, bps: readonly Poly[], i: number): { equal: Tri; witness: Poly | null } {
  const diff = P.sub(a.nf, b.nf);
  if (P.isZero(diff)) return { equal: true, witness: null };
  for (const x of probes(bps, i)) {
    try {
      const s = signOfConstant(P.sub(valueAt(a, x), valueAt(b, x)));
      if (s !== undefined && s !== 0) return { equal: false, witness: x };
    } catch {
      // no value at this probe: try the next
    }
  }
  return { equal: null, witness: null };
}

const sameConstant = (a: Poly, b: Poly): Tri => {
  const s = signOfConstant(P.sub(a, b));
  return s === undefined ? null : s === 0;
};

/**
 * Compare a and b. `skip(c)` excludes breakpoints of either side where the
 * values need not agree (e.g. the kinks of φ when checking a gradient).
 */
export function comparePiecewise(a: Piecewise, b: Piecewise, skip: (c: Poly) => boolean = () => false): Comparison {
  const bps = union([a.breakpoints, b.breakpoints]);
  const ra = refine(a, bps);
  const rb = refine(b, bps);
  const cases: Case[] = [];
  for (let i = 0; i <= bps.length; i++) {
    const { equal, witness } = comparePieces(ra.pieces[i]!, rb.pieces[i]!, bps, i);
    cases.push({ kind: 'interval', from: bps[i - 1] ?? null, to: bps[i] ?? null, lhs: ra.pieces[i]!, rhs: rb.pieces[i]!, equal, witness });
    const c = bps[i];
    if (c && !skip(c)) cases.push({ kind: 'point', at: c, lhs: ra.values[i]!, rhs: rb.values[i]!, equal: sameConstant(ra.values[i]!, rb.values[i]!) });
  }
  const verdicts = cases.map((c) => c.equal);
  return { equal: verdicts.includes(false) ? false : verdicts.includes(null) ? null : true, cases };
}

export const samePoint = (a: Poly, b: Poly): boolean => compareExact(a, b) === 0;
