/**
 * Is G the gradient of f? Correct means G = ∇f wherever f is differentiable:
 * for separable f, ψ = φ′ on every open piece and at every breakpoint where φ
 * is differentiable (the kinks are skipped; there we only report whether G
 * picks a subgradient). Exact first, then the point search. Structured f
 * (not separable) go to ../structured/gradient.ts.
 */
import { analyzeAny, derivativePiecewise, exactText, kinkTest, printText } from '../../symbolic/index.js';
import type { ConstantMatrix, Piecewise, Poly, SymbolicAnalysis } from '../../symbolic/index.js';
import { KinkproofError } from '../../diagnostics.js';
import { compare, proved, readsTranspose, refuted, searchVerdict, undecided, undecidedCases } from '../exact/attempt.js';
import type { Attempt, Undecided } from '../exact/attempt.js';
import { caseRows, differingCases } from '../result/caseTable.js';
import { oneByOne, pointSentence } from '../result/counterexample.js';
import { broadcast, evaluateOrNull, NoValue } from '../search/evaluate.js';
import { derivativeAt, valueOf } from '../exact/pointValue.js';
import { search } from '../search/pointSearch.js';
import { piecewiseOf, readSide, shapeAt } from '../exact/side.js';
import type { PiecewiseOr, Side } from '../exact/side.js';
import { kinkRows, selection } from './subgradient.js';
import { entryMatrix, isConstant, transposeWitnessPoint, twoValues } from '../exact/transpose.js';
import type { CaseRow, CheckOptions, CheckResult, GradientCheck, KinkRow } from '../result/checkResult.js';
import { witnessOf } from '../exact/witness.js';
import { checkStructuredGradient } from '../structured/gradient.js';

const SIDES = ['the claim gives', 'the gradient is'] as const;

/** A claim reading X': right only if φ′ is constant (see exact/transpose.ts). */
function transposedClaim(a: SymbolicAnalysis, pw: Piecewise, cases: readonly CaseRow[]): Attempt {
  const { entry } = a;
  const differentiableValues = entry.breakpoints.flatMap((b) => (b.differentiable && b.leftDerivative.kind === 'finite' ? [b.leftDerivative.value] : []));
  if (isConstant(entry.derivativePieces.map((p) => p.nf), differentiableValues))
    return proved(cases, "The claim reads X', but phi' is constant, so the claim equals the gradient wherever f is differentiable.");
  const w = twoValues((x) => derivativeAt(entry, x), entry.piecewise.breakpoints);
  if (!w) return undecided("the claim reads X'; no two points with different phi' were found", cases, entry.piecewise.breakpoints);
  const X = transposeWitnessPoint(w);
  const point = {
    X,
    lhs: entryMatrix(X, true, (x) => valueOf(pw, x)),
    rhs: entryMatrix(X, false, (x) => derivativeAt(entry, x)!),
    where: 'entries (1,2) and (2,1)',
  };
  return refuted(point, cases, `The claim agrees with phi' for 1x1 X, but it reads X': entry (1,2) of the claim is phi'(x_21), of the gradient phi'(x_12). ${pointSentence(point, SIDES)}`);
}

function exactGradient(a: SymbolicAnalysis, G: Side, pw: PiecewiseOr | null): Attempt {
  if (!G.entry || !pw) return undecided(G.why ?? `${G.text} is scalar-valued, not an entry-wise matrix`);
  if (!pw.pw) return undecided(`no exact case split of the claim: ${pw.why}`);
  const { entry } = a;
  const cmp = compare(pw.pw, derivativePiecewise(entry), kinkTest(entry));
  if (typeof cmp === 'string') return undecided(`the exact comparison failed: ${cmp}`, [], entry.piecewise.breakpoints);
  const cases = caseRows(cmp);
  const special = [...entry.piecewise.breakpoints, ...pw.pw.breakpoints];
  if (cmp.equal === false) {
    const w = witnessOf(cmp);
    if (w) {
      const point = oneByOne(w.x, w.lhs, w.rhs, w.where, true);
      return refuted(point, cases, `The claim differs from phi'(t) on ${differingCases(cmp)}. ${pointSentence(point, SIDES)}`);
    }
  }
  if (cmp.equal !== true) return undecided(undecidedCases(cases), cases, special);
  if (a.undecided.length)
    return undecided(`whether f is differentiable at t = ${a.undecided.map(exactText).join(', ')} is undecided`, cases, special);
  if (readsTranspose(G.entry)) return transposedClaim(a, pw.pw, cases);
  const bps = entry.piecewise.breakpoints;
  return proved(
    cases,
    bps.length
      ? `Exact case split at t = ${bps.map(exactText).join(', ')}: the claim equals phi'(t) on every interval and at every breakpoint where f is differentiable.`
      : `f has one elementary piece and the claim equals phi'(t) = ${printText(entry.derivativePieces[0]!.display)} exactly.`,
  );
}

/** ∇f(X) exactly, or null where f is not (known to be) differentiable at X. */
function gradientAt(a: SymbolicAnalysis, X: Poly[][]): Poly[][] | null {
  const out: Poly[][] = [];
  for (const row of X) {
    const r: Poly[] = [];
    for (const x of row) {
      const d = derivativeAt(a.entry, x);
      if (!d) return null;
      r.push(d);
    }
    out.push(r);
  }
  return out;
}

function bySearch(f: string, a: SymbolicAnalysis, G: Side, u: Undecided, constants: ReadonlyMap<string, ConstantMatrix>, seed: number): CheckResult {
  const outcome = search({
    special: a.entry.piecewise.breakpoints,
    seed,
    admits: (shape) => {
      const g = shapeAt(G, constants, shape);
      if (!shapeAt({ expr: a.expr, text: f }, constants, shape) || !g) return false;
      return g.kind === 'scalar' || (g.rows === shape[0] && g.cols === shape[1]);
    },
    at: (X) => {
      try {
        const rhs = gradientAt(a, X);
        if (!rhs) return null;
        const g = evaluateOrNull(G.expr, X, constants);
        const lhs = g && broadcast(g, X.length, X[0]!.length);
        return g && !lhs ? null : { lhs, rhs };
      } catch (e) {
        if (e instanceof NoValue || (e instanceof KinkproofError && e.kind === 'unsupported')) return null;
        throw e;
      }
    },
  });
  return searchVerdict(outcome, u, SIDES);
}

function kinkSentence(rows: readonly KinkRow[]): string {
  if (rows.length === 0) return '';
  const parts = rows.map((r) =>
    r.selects === true
      ? `at t = ${r.at} the claim's value ${r.claim} lies between the one-sided derivatives ${r.left} and ${r.right}`
      : r.note ?? `t = ${r.at} undecided`,
  );
  const selects = selection(rows);
  const lead = selects === true ? 'It selects a subgradient at the kinks' : selects === false ? 'It does not select a subgradient at every kink' : 'Subgradient selection at the kinks is not decided';
  return ` ${lead}: ${parts.join('; ')}.`;
}

export function checkGradient(f: string, claim: string, options: CheckOptions = {}): GradientCheck {
  const constants = options.constants ?? new Map<string, ConstantMatrix>();
  const any = analyzeAny(f, { constants, language: options.language });
  // f that is not separable: the structured check (exact points, and an exact proof for sums of ridge functions).
  if (any.kind === 'structured') return checkStructuredGradient(any, claim, { ...options, constants });
  const analysis = any;
  const G = readSide(claim, constants, options.language);
  const pw = G.entry ? piecewiseOf(G.entry.phi) : null;
  const claimPw = pw?.pw && G.entry && !readsTranspose(G.entry) ? pw.pw : null;
  const kinks = kinkRows(analysis.entry, claimPw ? (c) => valueOf(claimPw, c) : null, claimPw ? G.entry!.phi : null);
  const attempt = exactGradient(analysis, G, pw);
  const result = 'result' in attempt ? attempt.result : bySearch(f, analysis, G, attempt.undecided, constants, options.seed ?? 1);
  return { ...result, explanation: result.explanation + kinkSentence(kinks), subgradientSelection: selection(kinks), kinks };
}
