/** Exact values of a piecewise function, and of φ′, at an exact point. */
import { locate, valueAt } from '../../symbolic/index.js';
import type { EntryAnalysis, Piecewise, Poly } from '../../symbolic/index.js';

/** pw(x); throws where it has no value (KinkproofError or Undefined). */
export function valueOf(pw: Piecewise, x: Poly): Poly {
  const { i, onBreakpoint } = locate(pw, x);
  return onBreakpoint ? pw.values[i]! : valueAt(pw.pieces[i]!, x);
}

/** φ′(x) exactly, or null where φ is not (known to be) differentiable. */
export function derivativeAt(entry: EntryAnalysis, x: Poly): Poly | null {
  const { i, onBreakpoint } = locate(entry.piecewise, x);
  if (!onBreakpoint) return valueAt(entry.derivativePieces[i]!, x);
  const b = entry.breakpoints[i]!;
  return b.differentiable === true && b.leftDerivative.kind === 'finite' ? b.leftDerivative.value : null;
}
