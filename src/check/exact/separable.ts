/** A = B for scalar-valued sides f = offset + Σ φ(x_ij). */
import { addS, exactText, int, P, signOfConstant, subS, toPoly } from '../../symbolic/index.js';
import type { ConstantMatrix, Poly, Separable } from '../../symbolic/index.js';
import { compare, proved, refuted, undecided, undecidedCases } from './attempt.js';
import type { Attempt } from './attempt.js';
import { caseRows, differingCases } from '../result/caseTable.js';
import { oneByOne, pointSentence, SIDES } from '../result/counterexample.js';
import { breakpoints } from './entrywise.js';
import { evaluate, NoValue } from '../search/evaluate.js';
import type { Val } from '../search/evaluate.js';
import { isOutOfReach, piecewiseOf } from './side.js';
import type { Side } from './side.js';
import type { CaseRow } from '../result/checkResult.js';
import { witnessOf } from './witness.js';

/** A scalar side as offset + Σ φ (a constant is all offset). */
const separableOf = (s: Side): Separable | null =>
  s.separable ?? (s.entry && !s.dependsOnX ? { offset: s.entry.phi, phi: int(0), rules: [] } : null);

/**
 * Scalar sides. For every shape, o₁ + Σ φ₁(x_ij) = o₂ + Σ φ₂(x_ij) iff φ₁ = φ₂
 * and o₁ = o₂: X = [t] gives o₁ + φ₁(t) = o₂ + φ₂(t) for all t, X = [t s] gives
 * o₁ + φ₁(t) + φ₁(s) = o₂ + φ₂(t) + φ₂(s); subtracting, φ₁(s) = φ₂(s) for
 * all s, and then o₁ = o₂. So compare ψ = o + φ first (a 1×1 counterexample
 * when there is one), then the constants (a 1×2 counterexample).
 */
export function exactSeparable(A: Side, B: Side, constants: ReadonlyMap<string, ConstantMatrix>): Attempt {
  const sa = separableOf(A);
  const sb = separableOf(B);
  if (!sa || !sb) {
    const side = sa ? B : A;
    return undecided(side.why ?? `${side.text} is not a sum over entries`);
  }
  const pa = piecewiseOf(addS(sa.offset, sa.phi));
  const pb = piecewiseOf(addS(sb.offset, sb.phi));
  if (!pa.pw || !pb.pw) return undecided(`no exact case split: ${pa.why ?? pb.why}`);
  const cmp = compare(pa.pw, pb.pw);
  const special = breakpoints(pa.pw, pb.pw);
  if (typeof cmp === 'string') return undecided(`the exact comparison failed: ${cmp}`, [], special);
  const cases = caseRows(cmp);
  if (cmp.equal === false) {
    const w = witnessOf(cmp);
    if (w) {
      const point = oneByOne(w.x, w.lhs, w.rhs, w.where, false);
      return refuted(point, cases, `For 1x1 X the two sides differ on ${differingCases(cmp)}. ${pointSentence(point, SIDES)}`);
    }
  }
  if (cmp.equal !== true) return undecided(undecidedCases(cases), cases, special);
  let gap: Poly;
  try {
    gap = toPoly(subS(sa.offset, sb.offset), { tPositive: false });
  } catch (e) {
    if (isOutOfReach(e)) return undecided(`cannot compare the constant parts: ${e.message}`, cases, special);
    throw e;
  }
  const s = signOfConstant(gap);
  if (s === undefined) return undecided('cannot decide whether the constant parts are equal', cases, special);
  if (s === 0)
    return proved(cases, 'Both sides have the same entry function phi and the same constant part, so they agree for X of every shape (exact case split).');
  return offsetsDiffer(A, B, gap, cases, special, constants);
}

function offsetsDiffer(
  A: Side,
  B: Side,
  gap: Poly,
  cases: readonly CaseRow[],
  special: readonly Poly[],
  constants: ReadonlyMap<string, ConstantMatrix>,
): Attempt {
  const X = [[P.ZERO, P.ZERO]];
  try {
    const lhs = scalarValue(evaluate(A.expr, X, constants));
    const rhs = scalarValue(evaluate(B.expr, X, constants));
    const point = { X, lhs, rhs, where: 'X with two entries' };
    return refuted(
      point,
      cases,
      `The sides agree for 1x1 X, but their constant parts differ by ${exactText(gap)}, so their entry functions differ by a constant and the sums disagree as soon as X has two entries. ${pointSentence(point, SIDES)}`,
    );
  } catch (e) {
    if (e instanceof NoValue) return undecided(`the constant parts differ by ${exactText(gap)}, but X = [[0, 0]] has no value`, cases, special);
    throw e;
  }
}

export function scalarValue(v: Val): Poly {
  if (v.kind !== 'scalar') throw new NoValue('expected a scalar');
  return v.v;
}

