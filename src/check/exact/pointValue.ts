/** Exact values of a piecewise function, and of φ′, at an exact point. */
import { compareExact, valueAt } from '../../symbolic/index.js';
import type { EntryAnalysis, Piecewise, Poly } from '../../symbolic/index.js';

/** Index of the interval holding x, and whether x is that interval's right breakpoint. */
function locate(bps: readonly Poly[], x: Poly): { i: number; on: boolean } {
  let i = 0;
  while (i < bps.length && compareExact(bps[i]!, x) < 0) i++;
  return { i, on: i < bps.length && compareExact(bps[i]!, x) === 0 };
}

/** pw(x); throws where it has no value (KinkproofError or Undefined). */
export function valueOf(pw: Piecewise, x: Poly): Poly {
  const { i, on } = locate(pw.breakpoints, x);
  return on ? pw.values[i]! : valueAt(pw.pieces[i]!, x);
}

/** φ′(x) exactly, or null where φ is not (known to be) differentiable. */
export function derivativeAt(entry: EntryAnalysis, x: Poly): Poly | null {
  const { i, on } = locate(entry.piecewise.breakpoints, x);
  if (!on) return valueAt(entry.derivativePieces[i]!, x);
  const b = entry.breakpoints[i]!;
  return b.differentiable === true && b.leftDerivative.kind === 'finite' ? b.leftDerivative.value : null;
}
