/**
 * A = B for matrix-valued entry-wise sides: entry (i,j) is φ_A(x_ij) and
 * φ_B(x_ij), so A = B for every X iff φ_A = φ_B on ℝ — decided by the exact
 * case split, with a 1×1 counterexample when they differ. Sides reading X'
 * against X need a 2×2 one (transpose.ts).
 */
import { exactText } from '../../symbolic/index.js';
import type { Piecewise, Poly } from '../../symbolic/index.js';
import { compare, proved, readsTranspose, refuted, undecided, undecidedCases } from './attempt.js';
import type { Attempt } from './attempt.js';
import { caseRows, differingCases } from '../result/caseTable.js';
import { oneByOne, pointSentence, SIDES } from '../result/counterexample.js';
import { valueOf } from './pointValue.js';
import { piecewiseOf } from './side.js';
import type { Side } from './side.js';
import { entryMatrix, isConstant, transposeWitnessPoint, twoValues } from './transpose.js';
import type { CaseRow } from '../result/checkResult.js';
import { witnessOf } from './witness.js';


export const breakpoints = (...pws: Piecewise[]): Poly[] => pws.flatMap((p) => p.breakpoints);

/** Entry functions that agree, on sides reading X and X' (see transpose.ts). */
function transposed(A: Side, B: Side, pw: Piecewise, cases: readonly CaseRow[]): Attempt {
  const which = readsTranspose(A.entry!) ? 'the left side reads X\' and the right side X' : 'the left side reads X and the right side X\'';
  if (isConstant(pw.pieces.map((p) => p.nf), pw.values))
    return proved(cases, `Both sides are the same constant matrix (${which}, but the entry function is constant).`);
  const w = twoValues((x) => valueOf(pw, x), pw.breakpoints);
  if (!w) return undecided(`${which}; no two points with different entry values were found`, cases, pw.breakpoints);
  const X = transposeWitnessPoint(w);
  const value = (x: Poly): Poly => valueOf(pw, x);
  const point = { X, lhs: entryMatrix(X, readsTranspose(A.entry!), value), rhs: entryMatrix(X, readsTranspose(B.entry!), value), where: 'entries (1,2) and (2,1)' };
  return refuted(point, cases, `The entry functions agree (so 1x1 X cannot tell), but ${which}: entry (1,2) is phi(x_12) on one side and phi(x_21) on the other. ${pointSentence(point, SIDES)}`);
}

export function exactEntryWise(A: Side, B: Side): Attempt {
  if (!A.entry || !B.entry) {
    const side = A.entry ? B : A;
    return undecided(side.why ?? `${side.text} is not entry-wise`);
  }
  const pa = piecewiseOf(A.entry.phi);
  const pb = piecewiseOf(B.entry.phi);
  if (!pa.pw || !pb.pw) return undecided(`no exact case split: ${pa.why ?? pb.why}`);
  const cmp = compare(pa.pw, pb.pw);
  const special = breakpoints(pa.pw, pb.pw);
  if (typeof cmp === 'string') return undecided(`the exact comparison failed: ${cmp}`, [], special);
  const cases = caseRows(cmp);
  const matrix = A.shape.kind === 'matrix' || B.shape.kind === 'matrix';
  if (cmp.equal === false) {
    const w = witnessOf(cmp);
    if (w) {
      const point = oneByOne(w.x, w.lhs, w.rhs, w.where, matrix);
      return refuted(point, cases, `The two sides differ on ${differingCases(cmp)}. ${pointSentence(point, SIDES)}`);
    }
  }
  if (cmp.equal !== true) return undecided(undecidedCases(cases), cases, special);
  if (readsTranspose(A.entry) !== readsTranspose(B.entry)) return transposed(A, B, pa.pw, cases);
  const bps = pa.pw.breakpoints.length + pb.pw.breakpoints.length;
  const explanation = bps
    ? `Exact case split at t = ${[...new Set(special.map(exactText))].join(', ')}: both sides agree on every interval and at every breakpoint, so they agree entry by entry for every X.`
    : 'Both sides have the same entry function (one elementary piece each, equal after normalisation), so they agree for every X.';
  return proved(cases, explanation);
}

