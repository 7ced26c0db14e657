/**
 * The display simplifier: the gradient formula and the pieces of φ and φ′ are
 * shown in the shortest form proved exactly equal to the derived one.
 * Expected forms are derived by hand below; a seeded property test checks
 * every accepted form numerically against the derived one.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import { derivativeTest, gradientEntry } from '../../src/symbolic/gradient.js';
import { fittedForms } from '../../src/symbolic/simplify/fit.js';
import { approximate } from '../../src/symbolic/exact/calculus.js';
import { evaluateScalar } from '../../src/symbolic/scalar/evaluate.js';
import { fromPoly } from '../../src/symbolic/scalar/fromPoly.js';
import { MATRIX, printLatex, printText } from '../../src/symbolic/scalar/print.js';
import type { Scalar } from '../../src/symbolic/scalar/expr.js';
import { clearBudget, startBudget } from '../../src/symbolic/budget.js';
import { KinkproofError } from '../../src/diagnostics.js';
import { Rng, separableCase } from '../fuzz/differentialGen.js';
import { rewrite } from '../../src/symbolic/simplify/rewrite.js';
import { Reducer } from '../../src/symbolic/reduce.js';
import { parse } from '../../src/symbolic/syntax/parse.js';

interface Expected {
  readonly f: string;
  /** ∇f as printed in matrix notation, or null where no single formula is proved (shown case by case). */
  readonly gradient: string | null;
  /** φ′ on each open piece, left to right. */
  readonly slopes?: readonly string[];
  /** φ on each open piece, where its display is simplified. */
  readonly values?: readonly string[];
}

const cases: readonly Expected[] = [
  // Huber, δ = 1: φ = t²/2 on |t| ≤ 1, |t| − 1/2 beyond; φ′ = t clipped to [−1, 1].
  { f: 'sum(min(abs(X),1).*(abs(X) - min(abs(X),1)/2))', gradient: 'min(max(X, -1), 1)', slopes: ['-1', 't', '1'] },
  // Huber, δ = 2: φ′ = t clipped to [−2, 2].
  { f: 'sum(min(abs(X),2).*(abs(X) - min(abs(X),2)/2))', gradient: 'min(max(X, -2), 2)' },
  // σ(t)²: 2σ(t) was already the shortest; it stays.
  { f: "norm(relu(X),'fro')^2", gradient: '2*relu(X)', slopes: ['0', '2*t'] },
  // |t|³: 3t² on t > 0, −3t² on t < 0, i.e. 3|t|·t.
  { f: 'sum(abs(X).^3)', gradient: '3*abs(X).*X', slopes: ['-3*t^2', '3*t^2'], values: ['-t^3', 't^3'] },
  // √σ(t): slope +∞ at 0 from the right, so no formula holds at 0 and none is shown.
  { f: 'sum(sqrt(relu(X)))', gradient: null, slopes: ['0', '0.5/sqrt(t)'] },
  // σ(t)·√σ(t) = t^(3/2) on t > 0: φ′ = 1.5√t there, 0 below; φ′(0) = 0.
  { f: 'sum(relu(X).*sqrt(relu(X)))', gradient: '1.5*sqrt(relu(X))', slopes: ['0', '1.5*sqrt(t)'], values: ['0', 't^1.5'] },
  { f: 'sum(sqrt(relu(X)).^3)', gradient: '1.5*sqrt(relu(X))', slopes: ['0', '1.5*sqrt(t)'] },
  // t·√|t|: φ′ = 1.5√(−t) on t < 0 (√(−t) − t/(2√(−t)) with −t = |t|), 1.5√t on t > 0.
  { f: 'sum(X.*sqrt(abs(X)))', gradient: '1.5*sqrt(abs(X))', slopes: ['1.5*sqrt(-t)', '1.5*sqrt(t)'] },
  // |u|·u with u = t² − 1: the product rule gives 2t·|u| + |u|·2t, like terms in another factor order; φ′ = 4t|u|.
  { f: 'sum(abs(X.^2-1).*(X.^2-1))', gradient: '4*X.*abs(X.^2 - 1)' },
  // √(t²) = |t|: t/√(t²) is −1 and 1 on the two pieces; ∇f = sign(X) off the kink.
  { f: 'sum(sqrt(X.^2))', gradient: 'sign(X)', slopes: ['-1', '1'], values: ['-t', 't'] },
  // σ(1 − t): slope −1 below 1, 0 above; the step reads 1 − X.
  { f: 'sum(relu(1-X))', gradient: '-heaviside(1 - X)', values: ['1 - t', '0'] },
  // σ(t)² − t² = −t² on t < 0, 0 above: φ′ = −2t on t < 0 = 2σ(−t).
  { f: 'sum(relu(X).^2 - X.^2)', gradient: '2*relu(-X)', slopes: ['-2*t', '0'] },
  // σ(t − 1)² − σ(t − 2)²: φ′ = 0, 2(t − 1), 2 on t < 1, 1 < t < 2, t > 2.
  { f: 'sum(relu(X-1).^2 - relu(X-2).^2)', gradient: 'min(2*relu(X - 1), 2)' },
  // clip(t, −1, 1): slope 1 inside, 0 outside: a bump of Heaviside steps.
  { f: 'sum(min(max(X,-1),1))', gradient: 'heaviside(X + 1) - heaviside(X - 1)' },
  // |t − 1| + |t + 1|: slopes −2, 0, 2.
  { f: 'sum(abs(X-1)+abs(X+1))', gradient: 'sign(X - 1) + sign(X + 1)', slopes: ['-2', '0', '2'], values: ['-2*t', '2', '2*t'] },
  // sign(t)·|t| = t.
  { f: 'sum(sign(X).*abs(X))', gradient: '1', slopes: ['1'] },
  // σ(t − 1) − σ(−t − 1): t + 1 below −1 (written −(−t − 1) by the reduction), 0 between, t − 1 above.
  { f: 'sum(relu(X-1) - relu(-X-1))', gradient: 'heaviside(X - 1) + heaviside(-X - 1)', values: ['t + 1', '0', 't - 1'] },
  // max(t, t/5): slope 1/5 then 1: 0.2 + 0.8·H(t).
  { f: 'sum(max(X,0.2*X))', gradient: '0.8*heaviside(X) + 0.2' },
  // Smooth functions keep their chain-rule gradient.
  { f: 'sum(softplus(X))', gradient: 'sigmoid(X)' },
  { f: 'sum(log(1+X.^2))', gradient: '2*X./(X.^2 + 1)' },
  { f: 'sum(exp(-abs(X)))', gradient: '-exp(-abs(X)).*sign(X)', slopes: ['exp(t)', '-exp(-t)'] },
  // log σ(t) = −softplus(−t): slope 1 − σ(t), constant first.
  { f: 'sum(log(sigmoid(X)))', gradient: '1 - sigmoid(X)' },
];

describe('display simplifier: hand-derived shortest forms, proved equal', () => {
  it.each(cases)('$f', ({ f, gradient, slopes, values }) => {
    const a = analyzeSymbolic(f);
    expect(a.gradient && printText(a.gradient, MATRIX)).toBe(gradient);
    // What is shown is what the exact comparison accepts as φ′.
    if (a.gradient) expect(derivativeTest(a.entry)(a.gradient)).toBe(true);
    if (slopes) expect(a.entry.derivativePieces.map((p) => printText(p.display))).toEqual(slopes);
    if (values) expect(a.entry.piecewise.pieces.map((p) => printText(p.display))).toEqual(values);
  });

  it('writes the clip of Huber as min and max in LaTeX too', () => {
    const g = analyzeSymbolic('sum(min(abs(X),1).*(abs(X) - min(abs(X),1)/2))').gradient!;
    expect(printLatex(g, MATRIX)).toBe('\\min(\\max(X, -1), 1)');
    expect(printLatex(g)).toBe('\\min(\\max(t, -1), 1)');
  });

  it('keeps the derived form when the shorter proposal is refuted', () => {
    // σ(t)² − σ(t)³: φ′ = 0 on t < 0 and 2t − 3t² on t > 0, negative at t = 1, so the
    // nested form min(2t − 3t², 0) is proposed; it is wrong on 0 < t < 2/3 (2t − 3t² > 0).
    const a = analyzeSymbolic('sum(relu(X).^2 - relu(X).^3)');
    const proposals = fittedForms(a.entry).map((s) => printText(s));
    expect(proposals).toContain('min(2*t - 3*t^2, 0)');
    const refuted = fittedForms(a.entry).find((s) => printText(s) === 'min(2*t - 3*t^2, 0)')!;
    expect(derivativeTest(a.entry)(refuted)).toBe(false);
    expect(printText(a.gradient!, MATRIX)).toBe('2*relu(X) - 3*relu(X).^2');
    expect(printText(refuted).length).toBeLessThan(printText(a.gradient!).length);
  });
});

describe('rewrite rules: what a reader writes, proposed (each is proved before it is shown)', () => {
  const entryOf = (text: string): Scalar => new Reducer({ constants: new Map() }, text).separable(parse(`sum(${text})`)).phi;
  it.each([
    ['X./sqrt(X)', 'sqrt(t)'], // t/√t = √t on t > 0
    ['X./sqrt(X.^2)', 'sign(t)'], // t/|t|, sign(0) = 0 where t/√(t²) has no value
    ['sign(X).*abs(X)', 't'],
    ['sqrt(X).^2', 't'], // only for t ≥ 0
    ['X./sqrt(-X)', '-sqrt(-t)'], // on t < 0
    ['sqrt(X.^4)', 't^2'],
    ['abs(X).^3.*sign(X)', 'abs(t)^2*t'],
    ['max(X, 0)', 'relu(t)'],
    ['min(X, 0)', '-relu(-t)'],
    ['relu(2*X - 2)', '2*relu(t - 1)'],
    ['max(-3*X, 0)', '3*relu(-t)'],
  ])('%s → %s', (input, expected) => {
    expect(printText(rewrite(entryOf(input)))).toBe(expected);
  });
});

/** φ′ from its canonical piece at t, away from the breakpoints. */
function slopeAt(a: ReturnType<typeof analyzeSymbolic>, t: number): number {
  const bps = a.entry.piecewise.breakpoints.map(approximate);
  const i = bps.filter((c) => c < t).length;
  return evaluateScalar(fromPoly(a.entry.derivativePieces[i]!.nf), t);
}

const close = (x: number, y: number): boolean => Math.abs(x - y) <= 1e-8 * Math.max(1, Math.abs(x), Math.abs(y));

/** Each shown piece of φ and φ′ against its canonical form (which every decision uses) at random points of its interval; how many were compared. */
function comparePieces(a: ReturnType<typeof analyzeSymbolic>, rng: Rng, text: string): number {
  const bps = a.entry.piecewise.breakpoints.map(approximate);
  let compared = 0;
  for (const pieces of [a.entry.piecewise.pieces, a.entry.derivativePieces])
    pieces.forEach((piece, i) => {
      const lo = bps[i - 1] ?? (bps[0] ?? 0) - 4;
      const hi = bps[i] ?? (bps[bps.length - 1] ?? 0) + 4;
      const t = lo + (hi - lo) * (0.05 + 0.9 * rng.next());
      const shown = evaluateScalar(piece.display, t);
      const canonical = evaluateScalar(fromPoly(piece.nf), t);
      if (!Number.isFinite(shown) || !Number.isFinite(canonical) || Math.min(t - lo, hi - t) < 1e-6) return;
      expect(close(shown, canonical), `${text}, piece ${i}: ${printText(piece.display)} at t = ${t}`).toBe(true);
      compared++;
    });
  return compared;
}

describe('display simplifier: every accepted form equals the derived one (seeded property)', () => {
  it('at random points of 300 random separable functions (seed 13), the pieces of φ and φ′ too', () => {
    const rng = new Rng(13);
    let compared = 0;
    let replaced = 0;
    let piecesCompared = 0;
    for (let run = 0; run < 300; run++) {
      const { text } = separableCase(rng, 1 + (run % 2));
      let a: ReturnType<typeof analyzeSymbolic>;
      startBudget(2);
      try {
        a = analyzeSymbolic(text);
      } catch (e) {
        if (e instanceof KinkproofError) continue; // refused or over the budget: nothing shown
        throw e;
      } finally {
        clearBudget();
      }
      if (a.entry.piecewise.period) continue;
      piecesCompared += comparePieces(a, rng, text);
      if (!a.gradient) continue;
      const derived: Scalar | null = gradientEntry(a.separable.phi, a.entry);
      if (derived && printText(derived) !== printText(a.gradient)) replaced++;
      const bps = a.entry.piecewise.breakpoints.map(approximate);
      for (let k = 0; k < 8; k++) {
        const t = Number((rng.next() * 8 - 4).toFixed(3));
        if (bps.some((c) => Math.abs(c - t) < 1e-3)) continue;
        const shown = evaluateScalar(a.gradient, t);
        const reference = derived ? evaluateScalar(derived, t) : slopeAt(a, t);
        if (!Number.isFinite(shown) || !Number.isFinite(reference)) continue;
        expect(close(shown, reference), `${text} at t = ${t}: ${printText(a.gradient)} = ${shown}, derived ${reference}`).toBe(true);
        expect(close(shown, slopeAt(a, t)), `${text} at t = ${t}: ${printText(a.gradient)} against phi'`).toBe(true);
        compared++;
      }
    }
    // The property was exercised: many points, and forms that did replace the derived one.
    expect(compared).toBeGreaterThan(500);
    expect(replaced).toBeGreaterThan(10);
    expect(piecesCompared).toBeGreaterThan(500);
  });
});
