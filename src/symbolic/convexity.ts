/**
 * Convexity of φ from its piecewise form. φ: ℝ → ℝ is convex iff it is
 * continuous, convex on each piece (φ″ ≥ 0 there) and φ′₋(c) ≤ φ′₊(c) at each
 * breakpoint (Rockafellar, Convex Analysis, Thm 24.1 / 24.2 for the one-sided
 * derivatives). f(X) = Σ φ(x_ij) is convex iff φ is (restrict f to one entry).
 */
import * as P from './exact/poly.js';
import type { Poly } from './exact/poly.js';
import { diff, signOfConstant } from './exact/calculus.js';
import type { Discontinuity, EntryAnalysis, Limit } from './analyze.js';
import { discontinuityOf } from './analyze.js';
import type { Tri } from './primitives/spec.js';
import type { Piece } from './piecewise.js';
import { intervalBounds, samplePoint, valueAt } from './piecewise.js';
import { compareExact, realZeros } from './solve.js';
import * as Q from './exact/rational.js';
import { KinkproofError } from '../diagnostics.js';

export type ConvexityWitness =
  | { readonly kind: 'discontinuity'; readonly at: Poly; readonly discontinuity: Discontinuity }
  | { readonly kind: 'curvature'; readonly at: Poly; readonly secondDerivative: Poly }
  | { readonly kind: 'slopes'; readonly at: Poly; readonly left: Limit; readonly right: Limit };

export interface Convexity {
  readonly convex: Tri;
  /** Why φ is not convex (a point or breakpoint where the condition fails). */
  readonly witness: ConvexityWitness | null;
  /** What could not be decided when `convex` is null. */
  readonly undecided: string | null;
}

type PieceVerdict = { convex: true } | { convex: false; at: Poly; value: Poly } | { convex: null; why: string };

/** φ″ ≥ 0 on (lo, hi): its sign between consecutive real zeros. */
function pieceConvex(piece: Piece, lo: Poly | undefined, hi: Poly | undefined): PieceVerdict {
  const second = diff(diff(piece.nf));
  if (P.isZero(second)) return { convex: true };
  let zeros: Poly[];
  try {
    zeros = P.hasT(second) ? realZeros(second) : [];
  } catch (e) {
    if (!(e instanceof KinkproofError)) throw e;
    // The zeros of φ″ are out of reach (sin t + cos t): a point where φ″ < 0 still refutes convexity.
    return negativeSomewhere(piece, second, lo, hi) ?? { convex: null, why: 'the sign of the second derivative of a piece is not decided' };
  }
  const inside = zeros.filter((z) => (!lo || compareExact(lo, z) < 0) && (!hi || compareExact(z, hi) < 0));
  const cuts = [...(lo ? [lo] : []), ...inside, ...(hi ? [hi] : [])];
  const offset = lo ? 1 : 0;
  for (let i = 0; i <= inside.length; i++) {
    const x = samplePoint(cuts, i + offset);
    const value = valueAt({ display: piece.display, nf: second }, x);
    const s = signOfConstant(value);
    if (s === undefined) return { convex: null, why: 'the sign of a second derivative is not decided' };
    if (s < 0) return { convex: false, at: x, value };
  }
  return { convex: true };
}

/** Points tried where the zeros of φ″ cannot be found: a few steps out from the piece's sample point. */
const PROBE_OFFSETS = [0, 1, -1, 2, -2, 3, -3].map((k) => Q.rat(k, 2));

function negativeSomewhere(piece: Piece, second: Poly, lo: Poly | undefined, hi: Poly | undefined): PieceVerdict | undefined {
  const centre = samplePoint([...(lo ? [lo] : []), ...(hi ? [hi] : [])], lo ? 1 : 0);
  for (const offset of PROBE_OFFSETS) {
    const x = P.add(centre, P.constant(offset));
    if ((lo && compareExact(lo, x) >= 0) || (hi && compareExact(x, hi) >= 0)) continue;
    const value = valueAt({ display: piece.display, nf: second }, x);
    if (signOfConstant(value) === -1) return { convex: false, at: x, value };
  }
  return undefined;
}

function slopesOrdered(left: Limit, right: Limit): Tri {
  if (left.kind === 'unknown' || right.kind === 'unknown') return null;
  // A convex function on ℝ has finite one-sided derivatives everywhere.
  if (left.kind === 'infinite' || right.kind === 'infinite') return false;
  const s = signOfConstant(P.sub(right.value, left.value));
  return s === undefined ? null : s >= 0;
}

export function convexity(entry: EntryAnalysis): Convexity {
  const bps = entry.piecewise.breakpoints;
  let undecided: string | null = null;
  for (const b of entry.breakpoints) {
    if (b.continuous === false) return { convex: false, witness: { kind: 'discontinuity', at: b.at, discontinuity: discontinuityOf(b) ?? 'undecided' }, undecided: null };
    if (b.continuous === null) undecided ??= 'continuity at a breakpoint is not decided';
    const ordered = slopesOrdered(b.leftDerivative, b.rightDerivative);
    if (ordered === false)
      return { convex: false, witness: { kind: 'slopes', at: b.at, left: b.leftDerivative, right: b.rightDerivative }, undecided: null };
    if (ordered === null) undecided ??= 'the order of one-sided derivatives is not decided';
  }
  for (const [i, piece] of entry.piecewise.pieces.entries()) {
    const { lo, hi } = intervalBounds(bps, i, entry.piecewise.period);
    const v = pieceConvex(piece, lo, hi);
    if (v.convex === false) return { convex: false, witness: { kind: 'curvature', at: v.at, secondDerivative: v.value }, undecided: null };
    if (v.convex === null) undecided ??= v.why;
  }
  return undecided ? { convex: null, witness: null, undecided } : { convex: true, witness: null, undecided: null };
}
