/** φ and φ′ at a given number, exactly (the number is a double, hence a dyadic rational). */
import * as Q from './exact/rational.js';
import * as P from './exact/poly.js';
import type { Poly } from './exact/poly.js';
import type { BreakpointAnalysis, EntryAnalysis } from './analyze.js';
import { valueAt } from './piecewise.js';
import { compareExact } from './solve.js';
import { approximate } from './exact/calculus.js';
import { evaluateScalar } from './scalar/evaluate.js';

export interface EntryAtPoint {
  readonly value: Poly;
  /** φ′(x), or null where φ is not differentiable at x. */
  readonly derivative: Poly | null;
  /** The breakpoint x sits on, if any. */
  readonly breakpoint: BreakpointAnalysis | null;
}

/** x as an exact constant, the index of the first breakpoint ≥ x, and whether x is that breakpoint (decided exactly). */
function locate(entry: EntryAnalysis, x: number): { at: Poly; i: number; onBreakpoint: boolean } {
  const at = P.constant(Q.fromNumber(x));
  const bps = entry.piecewise.breakpoints;
  let i = 0;
  while (i < bps.length && compareExact(bps[i]!, at) < 0) i++;
  return { at, i, onBreakpoint: i < bps.length && compareExact(bps[i]!, at) === 0 };
}

export function entryAt(entry: EntryAnalysis, x: number): EntryAtPoint {
  const { at, i, onBreakpoint } = locate(entry, x);
  if (onBreakpoint) {
    const b = entry.breakpoints[i]!;
    const d = b.differentiable && b.leftDerivative.kind === 'finite' ? b.leftDerivative.value : null;
    return { value: b.value, derivative: d, breakpoint: b };
  }
  return {
    value: valueAt(entry.piecewise.pieces[i]!, at),
    derivative: valueAt(entry.derivativePieces[i]!, at),
    breakpoint: null,
  };
}

export interface EntryAtNumber {
  readonly value: number;
  readonly derivative: number | null;
  readonly breakpoint: BreakpointAnalysis | null;
}

/**
 * φ and φ′ at x as doubles. Where x lies is decided exactly; off the
 * breakpoints the piece is evaluated in floating point (exact arithmetic on a
 * 53-bit dyadic x costs milliseconds per entry), at a breakpoint the exact
 * values are rounded.
 */
export function entryAtNumber(entry: EntryAnalysis, x: number): EntryAtNumber {
  const { i, onBreakpoint } = locate(entry, x);
  if (onBreakpoint) {
    const exact = entryAt(entry, x);
    return { value: approximate(exact.value), derivative: exact.derivative && approximate(exact.derivative), breakpoint: exact.breakpoint };
  }
  return {
    value: evaluateScalar(entry.piecewise.pieces[i]!.display, x),
    derivative: evaluateScalar(entry.derivativePieces[i]!.display, x),
    breakpoint: null,
  };
}
