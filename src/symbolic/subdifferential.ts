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

export type Subdifferential =
  | {
      readonly kind: SubdifferentialKind;
      /** φ′ on each open piece, as an expression in t. */
      readonly pieces: readonly Scalar[];
      readonly breakpoints: readonly BreakpointSet[];
    }
  | { readonly kind: null; readonly reason: string; readonly at: Poly | null };

const finiteValue = (b: BreakpointAnalysis): [Poly, Poly] | undefined =>
  b.leftDerivative.kind === 'finite' && b.rightDerivative.kind === 'finite'
    ? [b.leftDerivative.value, b.rightDerivative.value]
    : undefined;

export function subdifferential(entry: EntryAnalysis, convex: Convexity): Subdifferential {
  const sets: BreakpointSet[] = [];
  for (const b of entry.breakpoints) {
    if (b.continuous === false)
      return { kind: null, reason: 'f is discontinuous there, so it has no (Clarke) subdifferential', at: b.at };
    const slopes = finiteValue(b);
    if (!slopes) {
      const undecided = b.leftDerivative.kind === 'unknown' || b.rightDerivative.kind === 'unknown';
      return {
        kind: null,
        reason: undecided
          ? 'a one-sided derivative is not decided, so the subdifferential is not either'
          : 'a one-sided derivative is infinite, so f is not locally Lipschitz there and has no Clarke subdifferential',
        at: b.at,
      };
    }
    const [left, right] = slopes;
    const order = signOfConstant(P.sub(right, left));
    if (order === undefined) return { kind: null, reason: 'the order of the one-sided derivatives is not decided', at: b.at };
    sets.push({ at: b.at, lo: order >= 0 ? left : right, hi: order >= 0 ? right : left, frechetEmpty: order < 0 });
  }
  if (entry.continuous !== true && entry.breakpoints.length > 0)
    return { kind: null, reason: 'continuity is not decided', at: null };
  // The Clarke set of a convex function is its convex subdifferential, so
  // 'clarke' is right whenever convexity is false or undecided.
  return {
    kind: convex.convex === true ? 'convex' : 'clarke',
    pieces: entry.derivativePieces.map((p) => p.display),
    breakpoints: sets,
  };
}
