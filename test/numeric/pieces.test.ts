/**
 * The verifier can fail, and does not fail correct results: every claimed
 * smooth piece is probed on its own interval against φ itself, a lost kink,
 * jump or wrong piece fails, and a verification that checked nothing is
 * inconclusive, never "passed".
 */
import { describe, expect, it } from 'vitest';
import { summary } from '../../src/cli/summary.js';
import { verificationJson } from '../../src/api/json.js';
import { deriveAnalysis } from '../../src/index.js';
import { EvidenceBuilder } from '../../src/numeric/evidence.js';
import { zeroCandidates } from '../../src/numeric/switches.js';
import { verify } from '../../src/numeric/verify.js';
import type { Evidence, VerifyInput } from '../../src/numeric/verify.js';
import { verifyAnalysis } from '../../src/numeric/verifyAnalysis.js';
import type { EntryAnalysis } from '../../src/symbolic/analyze.js';
import * as Q from '../../src/symbolic/exact/rational.js';
import type { Piece } from '../../src/symbolic/piecewise.js';
import { conclusionStep } from '../../src/report/narrate/conclusion.js';
import { verificationStep } from '../../src/report/narrate/verification.js';
import { int, num } from '../../src/symbolic/scalar/expr.js';
import type { Scalar } from '../../src/symbolic/scalar/expr.js';
import * as P from '../../src/symbolic/exact/poly.js';
import { abs, analysis, pow, relu, t } from './subjects.js';
import { addS, divS, mulS, subS } from '../../src/symbolic/scalar/build.js';
import { call } from '../../src/symbolic/scalar/expr.js';
import { claimText, pointText } from '../../src/numeric/checkText.js';

const failures = (e: Evidence): string => e.failures.map((f) => `${f.kind} | ${claimText(f)} at ${pointText(f)}: ${f.symbolic} vs ${f.numeric}`).join('\n');

describe('correct results pass', () => {
  // Each of the first three failed before: exp(−t²) underflows to 0 at the test points (heaviside then gives ½),
  // entries at 1e30 ± 0.125 round onto the breakpoint's double, and |t|^(1/100) → 0 converges at rate 2^(−1/100).
  const inputs = [
    'sum(heaviside(exp(-X.^2)))',
    'sum(relu(X-1e30))',
    'sum(abs(X).^(1/100))',
    'sum(sqrt(X.^2+1e-12))',
    'sum(sqrt((X-1).^2))',
    "norm(relu(X),'fro')^2",
    'sum(abs(X.^2-2))',
    'sum(heaviside(X-5)+abs(X))',
  ];
  for (const expr of inputs)
    it(expr, () => {
      const a = deriveAnalysis(expr, { verify: false });
      for (const seed of [1, 2, 3]) {
        const e = verifyAnalysis(a, undefined, seed);
        expect(e.status, `seed ${seed}\n${failures(e)}`).toBe('passed');
        expect(e.checks).toBeGreaterThan(0);
      }
    });

  it('every claimed interval is probed: value and derivative checks appear for each piece', () => {
    const a = deriveAnalysis('sum(abs(X-1))', { verify: false });
    const e = verifyAnalysis(a, undefined, 1);
    const claims = e.records.map((r) => `${r.kind} | ${claimText(r)}`);
    for (const kind of ['piece-value', 'piece-derivative'])
      for (const interval of ['for −∞ < t < 1', 'for 1 < t < ∞'])
        expect(claims.some((c) => c.startsWith(`${kind} | `) && c.endsWith(interval)), `${kind} ${interval}`).toBe(true);
    expect(claims).toContain('piece-derivative | φ′(t) = -1 for −∞ < t < 1');
  });
});

// ---------------------------------------------------------------- deliberately wrong analyses

/** The verifier reads only the displayed formula of a piece; its canonical form is left at 0. */
const piece = (display: Scalar): Piece => ({ display, nf: P.ZERO });

/** The analysis of φ with every breakpoint dropped: one claimed smooth piece on ℝ. */
function oneSmoothPiece(entry: EntryAnalysis, value: Scalar, derivative: Scalar): EntryAnalysis {
  return {
    ...entry,
    piecewise: { breakpoints: [], pieces: [piece(value)], values: [] },
    derivativePieces: [piece(derivative)],
    breakpoints: [],
    continuous: true,
    differentiable: true,
    smoothness: 'inf',
  };
}

const subject = (phi: Scalar, entry: EntryAnalysis, seed = 1): VerifyInput => ({ phi, offset: 0, gradient: null, entry, rows: 3, cols: 4, seed });

describe('a deliberately wrong analysis fails', () => {
  const shifted = abs(subS(t, int(1)));

  it('abs(t − 1) claimed as the single smooth piece t − 1 (its right-hand piece on all of ℝ)', () => {
    const entry = analysis(shifted);
    const right = entry.piecewise.pieces[1]!.display;
    const e = verify(subject(shifted, oneSmoothPiece(entry, right, entry.derivativePieces[1]!.display)));
    expect(e.status).toBe('failed');
    expect(e.failures.some((f) => f.kind === 'piece-derivative')).toBe(true);
    expect(e.failures.some((f) => f.kind === 'piece-value')).toBe(true);
  });

  it('sqrt((t − 1)²) as one piece whose formulas are right everywhere except at the lost kink', () => {
    // The old symbolic answer: Cinf, no kinks, φ′ = (t − 1)/sqrt((t − 1)²). Only a check at t = 1 can see it.
    const phi = pow(pow(subS(t, int(1)), 2), 1, 2);
    const derivative = divS(subS(t, int(1)), phi);
    for (const seed of [1, 2, 3]) {
      const e = verify(subject(phi, oneSmoothPiece(analysis(shifted), phi, derivative), seed));
      expect(e.status).toBe('failed');
      expect(e.failures.some((f) => f.kind === 'piece-smoothness' && claimText(f).startsWith('φ is differentiable at t = 1,'))).toBe(true);
    }
  });

  it('a lost jump: heaviside(t − 1) claimed smooth with its own formula and derivative 0', () => {
    const phi = call('heaviside', subS(t, int(1)));
    const e = verify(subject(phi, oneSmoothPiece(analysis(phi), phi, int(0))));
    expect(e.status).toBe('failed');
    expect(e.failures.some((f) => f.kind === 'piece-smoothness' && claimText(f).startsWith('φ is continuous at t = 1,'))).toBe(true);
  });

  it('a lost cusp: |t − 2|^(1/3) claimed smooth', () => {
    const phi = pow(pow(subS(t, int(2)), 2), 1, 6);
    const derivative = mulS(num(Q.rat(1, 3)), subS(t, int(2)), pow(pow(subS(t, int(2)), 2), -5, 6));
    const e = verify(subject(phi, oneSmoothPiece(analysis(abs(subS(t, int(2)))), phi, derivative)));
    expect(e.status).toBe('failed');
    expect(e.failures.some((f) => f.kind === 'piece-smoothness')).toBe(true);
  });

  it('the analysis of another function: relu(t)² claimed for relu(t)³', () => {
    const e = verify(subject(pow(relu(t), 3), analysis(pow(relu(t), 2))));
    expect(e.status).toBe('failed');
    expect(e.failures.some((f) => f.kind === 'piece-value' || f.kind === 'piece-derivative')).toBe(true);
  });

  it('a claimed derivative that is not finite where φ is smooth', () => {
    const phi = mulS(t, t);
    const nan = pow(subS(int(-1), mulS(t, t)), 1, 2); // √(−1 − t²)
    const e = verify(subject(phi, oneSmoothPiece(analysis(phi), phi, nan)));
    expect(e.status).toBe('failed');
    expect(e.failures.some((f) => f.kind === 'piece-derivative' && Number.isNaN(f.symbolic))).toBe(true);
  });
});

describe('switch arguments locate candidate kinks without the symbolic layer', () => {
  it('finds sign changes, touching zeros and exact zeros', () => {
    expect(zeroCandidates(abs(subS(t, int(3))))).toContain(3);
    expect(zeroCandidates(pow(pow(subS(t, int(1)), 2), 1, 2))).toContain(1);
    const root2 = zeroCandidates(abs(subS(mulS(t, t), int(2))));
    expect(root2.some((c) => Math.abs(c - Math.SQRT2) < 1e-15)).toBe(true);
    expect(root2.some((c) => Math.abs(c + Math.SQRT2) < 1e-15)).toBe(true);
    expect(zeroCandidates(addS(mulS(t, t), int(1)))).toEqual([]);
  });
});

// ---------------------------------------------------------------- nothing checked

describe('a verification that checked nothing is inconclusive, not passed', () => {
  it('an empty builder', () => {
    const e = new EvidenceBuilder().finish(7);
    expect(e.status).toBe('inconclusive');
    expect(e.checks).toBe(0);
  });

  it('φ whose every evaluation is unresolved: the sign of t + 1/3 − t − 1/3 is within rounding everywhere', () => {
    // A raw sum (the builder would simplify it to 0): its computed value is 0 or a rounding error, never decided.
    const third = num(Q.rat(1, 3));
    const inner: Scalar = { kind: 'add', terms: [t, third, mulS(int(-1), t), mulS(int(-1), third)] };
    const phi = call('heaviside', inner);
    const half = num(Q.HALF);
    const e = verify(subject(phi, oneSmoothPiece(analysis(half), half, int(0))));
    expect(e.status).toBe('inconclusive');
    expect(e.checks).toBe(0);
    expect(e.failures).toEqual([]);
  });

  it('is rendered as inconclusive in the summary, JSON and report, never as passed', () => {
    const a = deriveAnalysis('sum(abs(X))', { verify: false });
    const e = new EvidenceBuilder().finish(1);
    const text = summary(a, e);
    expect(text).toContain('verification:   inconclusive');
    expect(text).not.toMatch(/passed/);
    expect(verificationJson(e).status).toBe('inconclusive');
    const words = (blocks: unknown): string => JSON.stringify(blocks);
    expect(words(verificationStep(a, e).blocks)).toMatch(/Inconclusive/);
    expect(words(verificationStep(a, e).blocks)).not.toMatch(/passed/);
    expect(words(conclusionStep(a, e).blocks)).toMatch(/inconclusive/);
    expect(words(conclusionStep(a, e).blocks)).not.toMatch(/WARNING|agree/);
  });
});
