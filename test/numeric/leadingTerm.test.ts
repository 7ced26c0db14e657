/**
 * A divergence hidden behind a large smooth term: the leading term's sign
 * once the known terms are differenced out (src/numeric/leadingTerm.ts),
 * on synthetic sequences with hand-chosen coefficients and on the verifier.
 */
import { describe, expect, it } from 'vitest';
import { deriveAnalysis } from '../../src/index.js';
import { leadingSign } from '../../src/numeric/leadingTerm.js';
import { verify } from '../../src/numeric/verify.js';
import { addS, mulS } from '../../src/symbolic/scalar/build.js';
import { call, int, num } from '../../src/symbolic/scalar/expr.js';
import * as Q from '../../src/symbolic/exact/rational.js';
import { abs, input, pow, relu, t } from './subjects.js';
import { claimText } from '../../src/numeric/checkText.js';

const u = 2 ** -53;
const deltas = Array.from({ length: 30 }, (_, k) => 2 ** (-5 - k));

/** g(δ) = Σ c·δ^e in doubles, with a rounding bound that grows like 1/δ (a difference quotient of a value of size `scale`). */
function sequence(terms: ReadonlyArray<readonly [number, number]>, scale: number): { samples: number[]; rounding: number[] } {
  const samples = deltas.map((d) => terms.reduce((s, [c, e]) => s + c * d ** e, 0));
  return { samples, rounding: deltas.map((d) => (64 * u * scale) / d) };
}

describe('leadingSign: the sign of A in A·δ^γ₀ + known terms', () => {
  const hidden = (A: number): Array<readonly [number, number]> => [
    [A, -0.5],
    [-1.024e11, 0],
    [2.24e11, 1],
    [-1.8e11, 2],
  ];

  it('finds ±½·δ^{−½} beside a slope of 10¹¹ whose rounding hides it from plain growth', () => {
    for (const A of [0.5, -0.5]) {
      const { samples, rounding } = sequence(hidden(A), 2.56e10);
      expect(leadingSign(samples, rounding, -0.5, [-0.5, 0, 1, 2, 3])).toBe(Math.sign(A));
    }
  });

  it('says nothing when there is no such term, or it is lost in rounding', () => {
    const none = sequence(hidden(0), 2.56e10);
    expect(leadingSign(none.samples, none.rounding, -0.5, [-0.5, 0, 1, 2, 3])).toBeNull();
    const tiny = sequence(hidden(1e-6), 2.56e10);
    expect(leadingSign(tiny.samples, tiny.rounding, -0.5, [-0.5, 0, 1, 2, 3])).toBeNull();
  });

  it('does not take a term left in for the leading one', () => {
    // The claimed δ^{−½} is absent; δ^{¼} is not among the exponents named, so it stays, shrinking by 2^{−¼} where δ^{−½} grows by 2^{½}.
    const { samples, rounding } = sequence([[3, 0.25], [1e3, 0]], 1e3);
    expect(leadingSign(samples, rounding, -0.5, [-0.5, 0])).toBeNull();
    // Dense known exponents: the slack shrinks below half the distance to the first term left in (δ^{−0.45} after four removals).
    const dense = [-0.5, -0.49, -0.48, -0.47, -0.46, -0.45];
    const left = sequence([[1, -0.45]], 1);
    expect(leadingSign(left.samples, left.rounding, -0.5, dense)).toBeNull();
  });
});

describe('the verifier on hidden divergences', () => {
  // φ(t) = ½·√|t + 2| + (10t)⁸ near t = −2: φ′₋(−2) = −∞, φ′₊(−2) = +∞, beside a slope of −1.024·10¹¹.
  const phi = addS(mulS(num(Q.HALF), pow(abs(addS(t, int(2))), 1, 2)), pow(mulS(int(10), t), 8));

  it('confirms the true one-sided derivatives ∓∞ (fuzz seed 12345 failed them)', () => {
    const e = verify(input(phi));
    expect(e.status, e.failures.map((f) => claimText(f)).join('; ')).toBe('passed');
    const divergent = e.records.filter((r) => r.kind === 'one-sided' && Math.abs(r.symbolic) === Infinity);
    expect(divergent.map((r) => claimText(r)).sort()).toEqual(["φ'₊(-2) = +∞", "φ'₋(-2) = −∞"]);
    expect(divergent.every((r) => r.passed)).toBe(true);
  });

  it('refutes a divergence of the wrong sign', () => {
    const good = input(phi);
    const entry = {
      ...good.entry,
      breakpoints: good.entry.breakpoints.map((b) => ({ ...b, rightDerivative: { kind: 'infinite', sign: -1 } as const })),
    };
    const e = verify({ ...good, entry });
    expect(e.failures.map((f) => claimText(f))).toContain("φ'₊(-2) = −∞");
  });

  it('the whole derivation of the fuzz input verifies', () => {
    const f = "sum((sqrt(abs((X) + 2))) / 2) + trace((((relu(X)) + ((X) .* 10)).^4)'*(((relu(X)) + ((X) .* 10)).^4))";
    const v = deriveAnalysis(f, { seed: 1 }).verification!;
    expect(v.status).toBe('passed');
  });

  it('a claimed divergence at a kink of |t| still fails (slope ±1 is its leading term, not δ^γ with γ < 0)', () => {
    const good = input(abs(t));
    const entry = { ...good.entry, breakpoints: good.entry.breakpoints.map((b) => ({ ...b, rightDerivative: { kind: 'infinite', sign: 1 } as const })) };
    expect(verify({ ...good, entry }).failures.map((f) => claimText(f))).toEqual(["φ'₊(0) = +∞"]);
  });

  it('a divergence too weak for any double step to show is not failed: e^{−30}·√|t + 20| beside −t (fuzz seed 777)', () => {
    const weak = addS(mulS(call('exp', int(-30)), pow(abs(addS(t, int(20))), 1, 2)), mulS(int(-1), t));
    const e = verify(input(weak));
    expect(e.status, e.failures.map((f) => f.claim.kind).join('; ')).toBe('passed');
    expect(e.checks).toBeGreaterThan(20);
  });

  it('a jump too small for any double step to show is not failed: e^{−30}·H(t + 20) beside −t (fuzz seed 777)', () => {
    const tiny = addS(mulS(call('exp', int(-30)), call('heaviside', addS(t, int(20)))), mulS(int(-1), t));
    const e = verify(input(tiny));
    expect(e.status, e.failures.map((f) => f.claim.kind).join('; ')).toBe('passed');
    // a jump of 1/1000 shows, and its claimed divergences are confirmed
    const visible = verify(input(addS(mulS(num(Q.rat(1, 1000)), call('heaviside', addS(t, int(20)))), mulS(int(-1), t))));
    expect(visible.status).toBe('passed');
    expect(visible.records.some((r) => r.kind === 'one-sided' && Math.abs(r.symbolic) === Infinity && r.passed)).toBe(true);
  });

  it('relu beside the hidden divergence changes nothing', () => {
    const e = verify(input(addS(phi, relu(t))));
    expect(e.status).toBe('passed');
  });
});
