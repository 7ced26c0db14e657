/**
 * Which subdifferential applies to f = Σ φ(x_ij), and the set per entry.
 * - convex φ: ∂φ(c) = [φ′₋(c), φ′₊(c)]; ∂f(X) is the box Π ∂φ(x_ij)
 *   (Rockafellar, Convex Analysis, Thm 23.4 and 23.8 for separable sums);
 * - φ locally Lipschitz, piecewise C¹, not convex: Clarke's generalized
 *   gradient [min, max] of the one-sided derivatives, the product over entries
 *   (Clarke, Optimization and Nonsmooth Analysis, Thm 2.5.1 and Prop. 2.3.15);
 *   the Fréchet subdifferential is empty where φ′₋(c) > φ′₊(c);
 * - an infinite one-sided derivative or a jump: no Clarke subdifferential.
 */
import * as P from './exact/poly.js';
import type { Poly } from './exact/poly.js';
import { signOfConstant } from './exact/calculus.js';
import type { BreakpointAnalysis, EntryAnalysis } from './analyze.js';
import type { Convexity } from './convexity.js';
import type { Scalar } from './scalar/expr.js';

export type SubdifferentialKind = 'convex' | 'clarke';

/** The set ∂φ(c) at one breakpoint. */
export interface BreakpointSet {
  readonly at: Poly;
  readonly lo: Poly;
  readonly hi: Poly;
  /** φ′₋(c) > φ′₊(c): no Fréchet subgradient at c. */
  readonly frechetEmpty: boolean;
}

/** A breakpoint where f has no set: φ jumps, a one-sided slope is infinite, or something there is undecided. */
export interface MissingSet {
  readonly at: Poly;
  readonly reason: string;
}

export type Subdifferential =
  | {
      readonly kind: SubdifferentialKind;
      /** φ′ on each open piece, as an expression in t. */
      readonly pieces: readonly Scalar[];
      readonly breakpoints: readonly BreakpointSet[];
    }
  | {
      readonly kind: null;
      /** Why, at the first breakpoint in `missing` (or globally when `at` is null). */
      readonly reason: string;
      readonly at: Poly | null;
      readonly pieces: readonly Scalar[];
      /** Every breakpoint with no set, in order. */
      readonly missing: readonly MissingSet[];
      /**
       * Clarke's set at the other breakpoints: near an X whose entries avoid
       * `missing`, f is locally Lipschitz (only φ near the entries matters),
       * so ∂_C f(X) is still the product of these intervals and of φ′ elsewhere.
       */
      readonly breakpoints: readonly BreakpointSet[];
    };

const finiteValue = (b: BreakpointAnalysis): [Poly, Poly] | undefined =>
  b.leftDerivative.kind === 'finite' && b.rightDerivative.kind === 'finite'
    ? [b.leftDerivative.value, b.rightDerivative.value]
    : undefined;

/** The set ∂φ(c) at one breakpoint, or why there is none. */
function breakpointSet(b: BreakpointAnalysis): BreakpointSet | MissingSet {
  if (b.continuous === false) return { at: b.at, reason: 'f is discontinuous there, so it has no (Clarke) subdifferential' };
  if (b.continuous !== true) return { at: b.at, reason: 'continuity is not decided' };
  const slopes = finiteValue(b);
  if (!slopes) {
    const undecided = b.leftDerivative.kind === 'unknown' || b.rightDerivative.kind === 'unknown';
    return {
      at: b.at,
      reason: undecided
        ? 'a one-sided derivative is not decided, so the subdifferential is not either'
        : 'a one-sided derivative is infinite, so f is not locally Lipschitz there and has no Clarke subdifferential',
    };
  }
  const [left, right] = slopes;
  const order = signOfConstant(P.sub(right, left));
  if (order === undefined) return { at: b.at, reason: 'the order of the one-sided derivatives is not decided' };
  return { at: b.at, lo: order >= 0 ? left : right, hi: order >= 0 ? right : left, frechetEmpty: order < 0 };
}

export function subdifferential(entry: EntryAnalysis, convex: Convexity): Subdifferential {
  const sets: BreakpointSet[] = [];
  const missing: MissingSet[] = [];
  for (const b of entry.breakpoints) {
    const s = breakpointSet(b);
    if ('reason' in s) missing.push(s);
    else sets.push(s);
  }
  const pieces = entry.derivativePieces.map((p) => p.display);
  const [first] = missing;
  if (first) return { kind: null, reason: first.reason, at: first.at, pieces, missing, breakpoints: sets };
  if (entry.continuous !== true && entry.breakpoints.length > 0)
    return { kind: null, reason: 'continuity is not decided', at: null, pieces, missing, breakpoints: [] };
  // The Clarke set of a convex function is its convex subdifferential, so
  // 'clarke' is right whenever convexity is false or undecided.
  return { kind: convex.convex === true ? 'convex' : 'clarke', pieces, breakpoints: sets };
}
