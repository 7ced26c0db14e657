/**
 * φ, φ′ and the local subdifferential at an exact number x: the user's
 * decimals, exactly (0.1 is 1/10, so an entry written 0.1 sits on a kink at
 * 1/10). Where x lies is decided exactly; what is said there depends only on
 * φ near x (a jump elsewhere does not matter).
 */
import * as Q from './exact/rational.js';
import type { Rational } from './exact/rational.js';
import * as P from './exact/poly.js';
import * as I from './exact/interval.js';
import { approximate, enclose, isTight, signOfConstant } from './exact/calculus.js';
import { refinedValue } from './exact/bigInterval.js';
import type { BreakpointAnalysis, EntryAnalysis } from './analyze.js';
import type { Piece } from './piecewise.js';
import { compareExact } from './solve.js';
import type { Tri } from './primitives/spec.js';

/** What φ is near one entry. */
export interface EntryAtNumber {
  readonly value: number;
  readonly differentiable: Tri;
  /** φ′(x) where φ is differentiable at x. */
  readonly derivative: number | null;
  /**
   * The Clarke set [lo, hi] of φ at x where φ is locally Lipschitz near x
   * ({φ′(x)} where differentiable); null with a reason otherwise.
   */
  readonly set: readonly [number, number] | null;
  readonly reason: string | null;
  /** The breakpoint x sits on, if any. */
  readonly breakpoint: BreakpointAnalysis | null;
}

/** The index of the first breakpoint ≥ x, and whether x is that breakpoint (decided exactly). */
function locate(entry: EntryAnalysis, x: Rational): { i: number; onBreakpoint: boolean } {
  const at = P.constant(x);
  const bps = entry.piecewise.breakpoints;
  let lo = 0;
  let hi = bps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareExact(bps[mid]!, at) < 0) lo = mid + 1;
    else hi = mid;
  }
  return { i: lo, onBreakpoint: lo < bps.length && compareExact(bps[lo]!, at) === 0 };
}

const enclosureOf = (x: Rational): I.Interval => {
  const d = Q.toNumber(x);
  return Q.equals(Q.fromNumber(d), x) ? I.exact(d) : I.point(d);
};

/**
 * The value of a piece's canonical form at x, to the nearest double: a double
 * interval evaluation when it is tight (fast), else a refined enclosure.
 */
function pieceValue(piece: Piece, x: Rational): number {
  let double: I.Interval | undefined;
  try {
    double = enclose(piece.nf, enclosureOf(x));
    if (isTight(double)) return I.midpoint(double);
  } catch {
    // a double enclosure left the domain; the refined one may not
  }
  return refinedValue(piece.nf, x) ?? (double ? I.midpoint(double) : NaN);
}

function atBreakpoint(b: BreakpointAnalysis): EntryAtNumber {
  const value = approximate(b.value);
  const at = (reason: string, differentiable: Tri): EntryAtNumber => ({ value, differentiable, derivative: null, set: null, reason, breakpoint: b });
  if (b.continuous === false) return at('phi jumps there, so f is not continuous and has no Clarke subdifferential', false);
  if (b.continuous === null) return at('continuity of phi there is not decided', null);
  const left = b.leftDerivative;
  const right = b.rightDerivative;
  if (left.kind === 'unknown' || right.kind === 'unknown') return at('a one-sided derivative of phi there is not decided', null);
  if (left.kind === 'infinite' || right.kind === 'infinite')
    return at('a one-sided derivative of phi there is infinite, so f is not locally Lipschitz there (no Clarke subdifferential)', false);
  const order = signOfConstant(P.sub(right.value, left.value));
  if (order === undefined) return at('the order of the one-sided derivatives of phi there is not decided', null);
  const l = approximate(left.value);
  const r = approximate(right.value);
  if (order === 0) return { value, differentiable: true, derivative: l, set: [l, l], reason: null, breakpoint: b };
  return { value, differentiable: false, derivative: null, set: order > 0 ? [l, r] : [r, l], reason: null, breakpoint: b };
}

/** φ near x; off the breakpoints φ is analytic, so φ′(x) is the piece's derivative there. */
export function entryAtNumber(entry: EntryAnalysis, x: Rational): EntryAtNumber {
  const { i, onBreakpoint } = locate(entry, x);
  if (onBreakpoint) return atBreakpoint(entry.breakpoints[i]!);
  const derivative = pieceValue(entry.derivativePieces[i]!, x);
  return {
    value: pieceValue(entry.piecewise.pieces[i]!, x),
    differentiable: true,
    derivative,
    set: [derivative, derivative],
    reason: null,
    breakpoint: null,
  };
}
