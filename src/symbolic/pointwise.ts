/** φ and φ′ at a given number, exactly (the number is a double, hence a dyadic rational). */
import * as Q from './exact/rational.js';
import * as P from './exact/poly.js';
import type { Poly } from './exact/poly.js';
import type { BreakpointAnalysis, EntryAnalysis } from './analyze.js';
import { valueAt } from './piecewise.js';
import { compareExact } from './solve.js';

export interface EntryAtPoint {
  readonly value: Poly;
  /** φ′(x), or null where φ is not differentiable at x. */
  readonly derivative: Poly | null;
  /** The breakpoint x sits on, if any. */
  readonly breakpoint: BreakpointAnalysis | null;
}

export function entryAt(entry: EntryAnalysis, x: number): EntryAtPoint {
  const at = P.constant(Q.fromNumber(x));
  const bps = entry.piecewise.breakpoints;
  let i = 0;
  while (i < bps.length && compareExact(bps[i]!, at) < 0) i++;
  const onBreakpoint = i < bps.length && compareExact(bps[i]!, at) === 0;
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
