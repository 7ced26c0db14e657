/**
 * φ, φ′ and the local subdifferential at an exact number x: the user's
 * decimals, exactly (0.1 is 1/10, so an entry written 0.1 sits on a kink at
 * 1/10). Where x lies is decided exactly; what is said there depends only on
 * φ near x (a jump elsewhere does not matter).
 */
import * as Q from './exact/rational.js';
import type { Rational } from './exact/rational.js';
import * as P from './exact/poly.js';
import type { Poly } from './exact/poly.js';
import * as I from './exact/interval.js';
import { enclose, isTight, nearest, signOfConstant, substitute } from './exact/calculus.js';
import { refinedValue } from './exact/bigInterval.js';
import type { BreakpointAnalysis, EntryAnalysis } from './analyze.js';
import type { Piece } from './piecewise.js';
import { locate } from './piecewise.js';
import { KinkproofError } from '../diagnostics.js';
import { exactText } from './scalar/print.js';
import type { Tri } from './primitives/spec.js';

/** What φ is near one entry, exactly. */
export interface EntryAtPoint {
  /** φ(x) as an exact constant. */
  readonly value: Poly;
  readonly differentiable: Tri;
  /** φ′(x) where φ is differentiable at x. */
  readonly derivative: Poly | null;
  /**
   * The Clarke set [lo, hi] of φ at x where φ is locally Lipschitz near x
   * ([φ′(x), φ′(x)] where differentiable); null with a reason otherwise.
   */
  readonly set: readonly [Poly, Poly] | null;
  readonly reason: string | null;
  /** The breakpoint x sits on, if any. */
  readonly breakpoint: BreakpointAnalysis | null;
}

/** The same, with doubles: correctly rounded where `exact`, else from a tight enclosure. */
export interface EntryAtNumber {
  readonly value: number;
  readonly differentiable: Tri;
  readonly derivative: number | null;
  readonly set: readonly [number, number] | null;
  readonly reason: string | null;
}

/** Where the entry x lies among the breakpoints (modulo the period), decided exactly. */
function locateEntry(entry: EntryAnalysis, x: Poly): { i: number; onBreakpoint: boolean } {
  try {
    return locate(entry.piecewise, x);
  } catch (e) {
    if (e instanceof KinkproofError && e.kind === 'unsupported')
      throw new KinkproofError('unsupported', `cannot decide where the entry ${exactText(x)} lies among the breakpoints: ${e.message}`);
    throw e;
  }
}

function atBreakpoint(b: BreakpointAnalysis): EntryAtPoint {
  const at = (reason: string, differentiable: Tri): EntryAtPoint => ({ value: b.value, differentiable, derivative: null, set: null, reason, breakpoint: b });
  if (b.continuous === false) return at('phi is not continuous there, so neither is f, and f has no Clarke subdifferential there', false);
  if (b.continuous === null) return at('continuity of phi there is not decided', null);
  const left = b.leftDerivative;
  const right = b.rightDerivative;
  if (left.kind === 'unknown' || right.kind === 'unknown') return at('a one-sided derivative of phi there is not decided', null);
  if (left.kind === 'infinite' || right.kind === 'infinite')
    return at('a one-sided derivative of phi there is infinite, so f is not locally Lipschitz there (no Clarke subdifferential)', false);
  const order = signOfConstant(P.sub(right.value, left.value));
  if (order === undefined) return at('the order of the one-sided derivatives of phi there is not decided', null);
  const [l, r] = [left.value, right.value];
  if (order === 0) return { value: b.value, differentiable: true, derivative: l, set: [l, l], reason: null, breakpoint: b };
  return { value: b.value, differentiable: false, derivative: null, set: order > 0 ? [l, r] : [r, l], reason: null, breakpoint: b };
}

const contextAt = (x: Rational): P.PowerContext => ({ tPositive: Q.sign(x) > 0, tNegative: Q.sign(x) < 0 });

/** φ near x, exactly; off the breakpoints φ is analytic, so φ′(x) is the piece's derivative there. */
export const entryAt = (entry: EntryAnalysis, x: Rational): EntryAtPoint => entryAtConstant(entry, P.constant(x), contextAt(x));

/** The same at an exact constant x (a value such as e + e², where an outer function is applied). */
export function entryAtConstant(entry: EntryAnalysis, c: Poly, ctx: P.PowerContext): EntryAtPoint {
  const { i, onBreakpoint } = locateEntry(entry, c);
  if (onBreakpoint) return atBreakpoint(entry.breakpoints[i]!);
  const derivative = substitute(entry.derivativePieces[i]!.nf, c, ctx);
  return {
    value: substitute(entry.piecewise.pieces[i]!.nf, c, ctx),
    differentiable: true,
    derivative,
    set: [derivative, derivative],
    reason: null,
    breakpoint: null,
  };
}

/** The exact answer rounded to the nearest doubles. */
export function rounded(e: EntryAtPoint): EntryAtNumber {
  const derivative = e.derivative && nearest(e.derivative);
  const set = e.set && ([nearest(e.set[0]), nearest(e.set[1])] as const);
  return { value: nearest(e.value), differentiable: e.differentiable, derivative, set, reason: e.reason };
}

const enclosureOf = (x: Rational): I.Interval => {
  const d = Q.toNumber(x);
  return Q.equals(Q.fromNumber(d), x) ? I.exact(d) : I.point(d);
};

/** A piece's canonical form at x: a double enclosure when it is tight (fast), else a refined one. */
function pieceValue(piece: Piece, x: Rational): number {
  let double: I.Interval | undefined;
  try {
    double = enclose(piece.nf, enclosureOf(x));
    if (isTight(double)) return I.midpoint(double);
  } catch {
    // a double enclosure left the domain; a refined one may not
  }
  return refinedValue([{ p: piece.nf, weight: Q.ONE }], x) ?? (double ? I.midpoint(double) : NaN);
}

/**
 * φ near x with doubles, for large matrices: where x lies is still decided
 * exactly, but off the breakpoints values come from enclosures (within a few
 * ulps) instead of exact substitution.
 */
export function entryAtNumber(entry: EntryAnalysis, x: Rational): EntryAtNumber {
  const { i, onBreakpoint } = locateEntry(entry, P.constant(x));
  if (onBreakpoint) return rounded(atBreakpoint(entry.breakpoints[i]!));
  const derivative = pieceValue(entry.derivativePieces[i]!, x);
  return { value: pieceValue(entry.piecewise.pieces[i]!, x), differentiable: true, derivative, set: [derivative, derivative], reason: null };
}
