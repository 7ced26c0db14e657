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
import { intervalBounds, reflectedForm, refine, samplePoint, union, valueAt } from './piecewise.js';
import { compareExact } from './solve.js';

export type Case =
  | { readonly kind: 'interval'; readonly from: Poly | null; readonly to: Poly | null; readonly lhs: Piece; readonly rhs: Piece; readonly equal: Tri; readonly witness: Poly | null }
  | { readonly kind: 'point'; readonly at: Poly; readonly lhs: Poly; readonly rhs: Poly; readonly equal: Tri };

export interface Comparison {
  readonly equal: Tri;
  readonly cases: readonly Case[];
}

/** Points to try inside an interval when a difference did not normalise to 0. */
function probes(bps: readonly Poly[], i: number, period: Poly | undefined): Poly[] {
  const { lo, hi } = intervalBounds(bps, i, period);
  const mid = samplePoint(bps, i, period);
  if (lo && hi) {
    const quarter = P.scale(P.sub(hi, lo), Q.rat(1, 4));
    return [mid, P.add(lo, quarter), P.sub(hi, quarter)];
  }
  const step = (k: number): Poly => P.integer(k);
  if (lo) return [mid, P.add(lo, step(3)), P.add(lo, P.constant(Q.HALF))];
  if (hi) return [mid, P.sub(hi, step(3)), P.sub(hi, P.constant(Q.HALF))];
  return [mid, step(1), step(-2), P.constant(Q.rat(1, 3))];
}

/** The two displays have one canonical form after t = −u, on an interval in t ≤ 0. */
function equalReflected(a: Piece, b: Piece, bps: readonly Poly[], i: number, period: Poly | undefined): boolean {
  const { lo, hi } = intervalBounds(bps, i, period);
  const ra = reflectedForm(a.display, lo, hi);
  const rb = ra && reflectedForm(b.display, lo, hi);
  return rb !== undefined && P.isZero(P.sub(ra!, rb));
}

function comparePieces(a: Piece, b: Piece, bps: readonly Poly[], i: number, period: Poly | undefined): { equal: Tri; witness: Poly | null } {
  const diff = P.sub(a.nf, b.nf);
  if (P.isZero(diff) || equalReflected(a, b, bps, i, period)) return { equal: true, witness: null };
  for (const x of probes(bps, i, period)) {
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
export function comparePiecewise(a0: Piecewise, b0: Piecewise, skip: (c: Poly) => boolean = () => false): Comparison {
  const common = commonPeriod(a0, b0);
  // A periodic side against one with breakpoints that does not repeat: one period says nothing about the rest.
  if (common === null) return { equal: null, cases: [] };
  const [a, b] = common ? [onPeriod(a0, common), onPeriod(b0, common)] : [a0, b0];
  const bps = union([a.breakpoints, b.breakpoints]);
  const ra = refine(a, bps);
  const rb = refine(b, bps);
  const cases: Case[] = [];
  for (let i = 0; i <= bps.length; i++) {
    const { equal, witness } = comparePieces(ra.pieces[i]!, rb.pieces[i]!, bps, i, common);
    const { lo, hi } = intervalBounds(bps, i, common);
    cases.push({ kind: 'interval', from: lo ?? null, to: hi ?? null, lhs: ra.pieces[i]!, rhs: rb.pieces[i]!, equal, witness });
    const c = bps[i];
    if (c && !skip(c)) cases.push({ kind: 'point', at: c, lhs: ra.values[i]!, rhs: rb.values[i]!, equal: sameConstant(ra.values[i]!, rb.values[i]!) });
  }
  const verdicts = cases.map((c) => c.equal);
  return { equal: verdicts.includes(false) ? false : verdicts.includes(null) ? null : true, cases };
}

/**
 * The period both sides can be compared over: undefined when neither repeats,
 * the least common multiple of their periods (both rational multiples of π),
 * or null when one repeats and the other has breakpoints but no period. A side
 * without breakpoints is one piece on all of ℝ and fits any period.
 */
function commonPeriod(a: Piecewise, b: Piecewise): Poly | undefined | null {
  const periodic = [a, b].filter((x) => x.period);
  if (periodic.length === 0) return undefined;
  if ([a, b].some((x) => !x.period && x.breakpoints.length > 0)) return null;
  const [first, second] = periodic.map((x) => x.period!);
  if (!second) return first;
  const ratio = P.asRational(P.mul(second, P.pow(first!, Q.MINUS_ONE)));
  if (!ratio) return null;
  // lcm(p, q·p) = p·lcm(1, q) = p·num(q) for q = num/den in lowest terms.
  return P.scale(first!, Q.rat(ratio.num));
}

/** pw restated over a period that is a whole multiple of its own: its breakpoints, pieces and values repeated. */
function onPeriod(pw: Piecewise, period: Poly): Piecewise {
  if (!pw.period) return pw;
  const copies = P.asRational(P.mul(period, P.pow(pw.period, Q.MINUS_ONE)));
  if (!copies || !Q.isInteger(copies)) throw new Error('not a multiple of the period');
  const ks = Array.from({ length: Number(copies.num) }, (_, k) => k);
  return {
    breakpoints: ks.flatMap((k) => pw.breakpoints.map((c) => P.add(c, P.scale(pw.period!, Q.rat(k))))),
    // pieces[0] is the copy of the last piece before the period starts; the others repeat in order.
    pieces: [pw.pieces[0]!, ...ks.flatMap(() => pw.pieces.slice(1))],
    values: ks.flatMap(() => pw.values),
    period,
  };
}

export const samePoint = (a: Poly, b: Poly): boolean => compareExact(a, b) === 0;
