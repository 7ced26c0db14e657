/**
 * The verifier's error model at the edges: overflow, underflow, cancellation,
 * inexact constants and slow divergence. Correct claims must not fail there,
 * and wrong claims must still fail.
 */
import { describe, expect, it } from 'vitest';
import { compiled, compileEntry, compileFused, compileRoundingBound, SIGN_BUCKETS, TOTAL, TOTAL_SLOTS } from '../../src/numeric/compile.js';
import type { Compiled } from '../../src/numeric/compile.js';
import { approximation } from '../../src/numeric/constants.js';
import { divergesTo } from '../../src/numeric/errorModel.js';
import { rough } from '../../src/numeric/gradientChecks.js';
import { verify } from '../../src/numeric/verify.js';
import type { Evidence, VerifyInput } from '../../src/numeric/verify.js';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import * as P from '../../src/symbolic/exact/poly.js';
import * as Q from '../../src/symbolic/exact/rational.js';
import { subS } from '../../src/symbolic/scalar/build.js';
import { call, int, num } from '../../src/symbolic/scalar/expr.js';
import type { Scalar } from '../../src/symbolic/scalar/expr.js';
import { abs, input, t } from './subjects.js';
import { claimText, pointText } from '../../src/numeric/checkText.js';

// Raw nodes, so that no simplification removes the overflow a test is about.
const add = (...terms: Scalar[]): Scalar => ({ kind: 'add', terms });
const mul = (...factors: Scalar[]): Scalar => ({ kind: 'mul', factors });
const pow = (base: Scalar, p: number, q = 1): Scalar => ({ kind: 'pow', base, exponent: Q.rat(p, q) });
const exp = (s: Scalar): Scalar => call('exp', s);
const decimal = (x: number): Scalar => num(Q.fromNumber(x));

function subject(f: string, seed = 1, shape: [number, number] = [3, 4]): VerifyInput {
  const a = analyzeSymbolic(f);
  return { phi: a.separable.phi, offset: 0, gradient: a.gradient, entry: a.entry, rows: shape[0], cols: shape[1], seed, subdifferential: a.subdifferential };
}

const failures = (e: Evidence): string => e.failures.map((f) => `${f.kind}: ${claimText(f)} at ${pointText(f)}: ${f.symbolic} vs ${f.numeric}`).join('\n');

describe('running error bounds: non-finite values', () => {
  it('a pole hit exactly is the formula’s own value (finite bound); an overflow is not (bound ∞)', () => {
    expect(compileEntry(pow(t, -1))(0)).toBe(Infinity);
    expect(compileRoundingBound(pow(t, -1))(0, 0)).toBeLessThan(1e-250);
    expect(compileRoundingBound(exp(t))(1000, 0)).toBe(Infinity);
    // 9·heaviside(−e^{9t})·e^{9t} is 0 everywhere, but at t = 100 it computes 0·∞.
    const zero = mul(int(9), call('heaviside', mul(int(-1), exp(mul(int(9), t)))), exp(mul(int(9), t)));
    expect(compileEntry(zero)(100)).toBeNaN();
    expect(Number.isFinite(compileRoundingBound(zero)(100, 0))).toBe(false);
  });

  it('a pole within the argument’s error has no finite bound', () => {
    expect(compileRoundingBound(pow(add(t, decimal(-0.1)), -1))(0.1, 0.5)).toBe(Infinity);
    expect(compileRoundingBound(call('log', t))(1e-20, 1e-19)).toBe(Infinity);
  });
});

describe('running error bounds: cancellation and underflow', () => {
  it('a square of a difference that cancelled to 0 is not exact: (log(1 + e^t) − t)² at t = 33.28', () => {
    const phi = mul(int(4), pow(add(call('log', add(int(1), exp(t))), mul(int(-1), t)), 2));
    const x = 33.284937324759476;
    const computed = compileEntry(phi)(x);
    const exact = 4 * Math.log1p(Math.exp(-x)) ** 2; // ≈ 1.4e-29
    const bound = compileRoundingBound(phi)(x, 0);
    expect(Math.abs(computed - exact)).toBeLessThanOrEqual(bound);
    // Within the difference stencil too: the bound at x stands for x ± 2h.
    for (const y of [x - 1e-3, x + 1e-3]) expect(Math.abs(compileEntry(phi)(y) - 4 * Math.log1p(Math.exp(-y)) ** 2)).toBeLessThanOrEqual(8 * bound);
  });

  it('a subnormal result gets an absolute floor', () => {
    const phi = exp(mul(int(8), t));
    const x = -92.7741407210544;
    expect(compileEntry(phi)(x)).toBeLessThan(1e-300);
    expect(compileRoundingBound(phi)(x, 0)).toBeGreaterThanOrEqual(Number.MIN_VALUE);
  });

  it('an exact 0 inside the formula stays exact, so a switch at it stays decided', () => {
    // heaviside(t)⁴ = 0 for t < 0 exactly; heaviside(0) = ½ must not look uncertain.
    const phi = mul(int(20), call('heaviside', pow(call('heaviside', t), 4)));
    expect(compileEntry(phi)(-0.5)).toBe(10);
    expect(compileRoundingBound(phi)(-0.5, 1e-16)).toBeLessThan(1e-14); // 20·½ rounded; not 40
  });
});

describe('fused directional passes: entries whose numbers are not finite', () => {
  const phi = exp(mul(int(3), t));
  const h = 2 ** -10;
  const along = (psi: Scalar, x: number[]): Float64Array => {
    const totals = new Float64Array(TOTAL_SLOTS);
    const signs = new Uint8Array(x.length);
    compileFused(phi, psi, []).directions(Float64Array.from(x), 1, Float64Array.from(x, () => 1), 0, signs, h, 0, 0, new Float64Array(SIGN_BUCKETS), totals);
    return totals;
  };

  it('an overflow (∞/∞ at x = 200) is left out, and the rest sums as without it', () => {
    const psi = mul(int(3), pow(exp(mul(decimal(2.5), t)), 2), pow(exp(t), -2));
    const withOverflow = along(psi, [0.5, -1, 200, 1.5]);
    expect(withOverflow[TOTAL.used]).toBe(3);
    expect(Array.from(withOverflow)).toEqual(Array.from(along(psi, [0.5, -1, 1.5])));
  });

  it('a pole hit exactly stays in, so the check sees a claim without a finite value', () => {
    const totals = along(pow(t, -1), [0, 1]);
    expect(totals[TOTAL.used]).toBe(2);
    expect(totals[TOTAL.inner]).toBe(Infinity);
    expect(Number.isFinite(totals[TOTAL.gradientError]!)).toBe(true);
    expect(Number.isFinite(totals[TOTAL.gaussianGradientError]!)).toBe(true);
  });
});

describe('verify: a correct gradient formula that overflows where f is finite', () => {
  // f(X) = Σ|x|, claimed ∇f = 9·heaviside(−e^{9X})·e^{9X} + sign(X): correct, but 0·∞ at x ≳ 79.
  const absSubject = (psi: Scalar): VerifyInput => ({ ...input(abs(t)), gradient: psi });
  const overflowing = (scale: number): Scalar =>
    add(mul(int(9), call('heaviside', mul(int(-1), exp(mul(int(9), t)))), exp(mul(int(9), t))), mul(decimal(scale), call('sign', t)));

  it('passes: the overflowing entries are not informative, the others are checked', () => {
    const e = verify(absSubject(overflowing(1)));
    expect(e.status, failures(e)).toBe('passed');
    expect(e.records.some((r) => r.kind === 'gradient-direction' && pointText(r).startsWith('X ~ N(0, 100²)'))).toBe(true);
  });

  it('a wrong formula that also overflows still fails where it is finite', () => {
    const e = verify(absSubject(overflowing(1.01)));
    expect(e.status).toBe('failed');
    expect(e.failures.some((f) => f.kind === 'gradient-entry' || f.kind === 'gradient-direction')).toBe(true);
  });

  it('∞/∞: Σ exp(3X) with ∇f = 3·exp(2.5X)²/exp(X)²; and 3.001·… fails', () => {
    const phi = exp(mul(int(3), t));
    const claim = (c: number): Scalar => mul(decimal(c), pow(exp(mul(decimal(2.5), t)), 2), pow(exp(t), -2));
    const good = verify({ ...input(phi), gradient: claim(3) });
    expect(good.status, failures(good)).toBe('passed');
    expect(verify({ ...input(phi), gradient: claim(3.001) }).status).toBe('failed');
  });
});

describe('verify: claimed divergence', () => {
  it('a jump of 0.001 beside slope −200 diverges: shown by halving δ further', () => {
    const e = verify(subject('sum(0.001*sign(X) - 200*X)'));
    expect(e.status, failures(e)).toBe('passed');
    const left = e.records.find((r) => r.kind === 'one-sided' && r.symbolic === Infinity && pointText(r).startsWith('t = 0 − δ'));
    expect(left).toMatchObject({ passed: true, relError: 0 });
    expect(left!.numeric).toBeGreaterThan(0);
  });

  it('a jump too small to show before δ reaches the uncertainty of c is shown by φ(c ± δ) − φ(c) → J', () => {
    const e = verify(subject('sum(1e-9*sign(X - 1) - 200*X)'));
    expect(e.status, failures(e)).toBe('passed');
    const jumps = e.records.filter((r) => r.kind === 'one-sided' && !Number.isFinite(r.symbolic));
    expect(jumps.length).toBe(2);
    expect(jumps.every((r) => r.passed && pointText(r).includes('a jump'))).toBe(true);
  });

  it('the wrong sign fails', () => {
    const good = subject('sum(0.001*sign(X) - 200*X)');
    const [b] = good.entry.breakpoints;
    const entry = { ...good.entry, breakpoints: [{ ...b!, leftDerivative: { kind: 'infinite', sign: -1 } as const }] };
    const e = verify({ ...good, entry });
    expect(e.failures.map((f) => claimText(f))).toEqual(["φ'₋(0) = −∞"]);
  });

  it('a finite limit approached from below is not a divergence: |t| − t² with φ′₊(0) claimed +∞', () => {
    const good = input(subS(abs(t), mul(t, t)));
    const [b] = good.entry.breakpoints;
    const entry = { ...good.entry, breakpoints: [{ ...b!, rightDerivative: { kind: 'infinite', sign: 1 } as const }] };
    const e = verify({ ...good, entry });
    expect(e.failures.map((f) => claimText(f))).toEqual(["φ'₊(0) = +∞"]);
    expect(e.failures[0]!.numeric).toBeCloseTo(1, 6);
  });

  it('divergesTo: growth must not look like a convergent tail', () => {
    const steps = Array.from({ length: 12 }, (_, k) => 2 ** (-6 - k));
    expect(divergesTo(steps.map((d) => 1 - d), 1)).toBe(false);
    expect(divergesTo(steps.map((d) => Math.log(1 / d)), 1)).toBe(true);
    expect(divergesTo(steps.map((d) => 1 / d), 1, steps.map((d) => 1 / d))).toBe(false); // not resolved above rounding
  });

  it('is reproducible', () => {
    const run = (): string => JSON.stringify(verify(subject('sum(0.001*sign(X) - 200*X)', 4)));
    expect(run()).toBe(run());
  });
});

describe('verify: exact constants formed by cancellation', () => {
  it('approximation bounds the distance of the double from the exact constant', () => {
    const c = analyzeSymbolic('sum(max(2*X - 0.002, X.^2))').entry.breakpoints.find((b) => P.asRational(b.at) === undefined)!;
    const a = approximation(c.value); // −0.04·√2495 + 1.998 ≈ 1.0010012516659e-6
    expect(a.exact).toBe(false);
    expect(a.error).toBeGreaterThan(2 ** -53 * Math.abs(a.value));
    expect(a.error).toBeLessThan(1e-13);
    expect(approximation(P.constant(Q.rat(1, 4)))).toEqual({ value: 0.25, error: 0, exact: true });
  });

  it.each([
    ['sum(max(2*X - 0.002, X.^2))', 1, [3, 4]],
    ["norm(log(1 + (sigma(X - 0.25) - 0.1).^2),'fro')^2", 9, [3, 3]],
  ] as const)('%s passes', (f, seed, shape) => {
    const e = verify(subject(f, seed, [shape[0], shape[1]]));
    expect(e.status, failures(e)).toBe('passed');
  });

  it('a limit off by 10⁻¹² (10⁻⁶ relative) still fails', () => {
    const good = subject('sum(max(2*X - 0.002, X.^2))');
    const i = good.entry.breakpoints.findIndex((b) => P.asRational(b.at) === undefined);
    const b = good.entry.breakpoints[i]!;
    const off = P.add(b.value, P.constant(Q.rat(1, 10 ** 12)));
    const wrong = { ...b, leftLimits: [{ kind: 'finite', value: off } as const, ...b.leftLimits.slice(1)] };
    const entry = { ...good.entry, breakpoints: good.entry.breakpoints.map((x, j) => (j === i ? wrong : x)) };
    const e = verify({ ...good, entry });
    expect(e.failures.map((f) => f.kind)).toEqual(['value']);
  });
});

describe('verify: numbers below what rounding resolves are not informative', () => {
  it.each([
    ['sum(exp(8*X))', 645245], // 8·e^{8x} is subnormal at x = −92.8
    ["4*norm(log(1 + exp(relu(X))) - X,'fro')^2", 76590734], // ∇f ≈ 10⁻²⁸ at x = 33.3, computed as 0
  ] as const)('%s, seed %d, passes without counting those entries', (f, seed) => {
    const e = verify(subject(f, seed));
    expect(e.status, failures(e)).toBe('passed');
    expect(e.maxRelError).toBeLessThan(0.01);
  });

  it('a flat φ is informative: a claimed divergence there fails', () => {
    const base = input(call('relu', t)); // flat on the left of 0
    const [b] = base.entry.breakpoints;
    const entry = { ...base.entry, breakpoints: [{ ...b!, leftDerivative: { kind: 'infinite', sign: 1 } as const }] };
    expect(verify({ ...base, entry }).failures.map((f) => claimText(f))).toEqual(["φ'₋(0) = +∞"]);
  });
});

describe('verify: breakpoints closer than doubles resolve', () => {
  // Each pair is one double apart or less: a one-sided step from one lands past the other.
  it.each([
    'sum(abs(X.^2 - 2 + 1e-25) + abs(X.^2-2))', // ±√2 and ±√(2 − 10⁻²⁵): one double each
    'sum(relu((X-1).*(X-1.000000000000000000000000000001).*(X-1.000000000000000000000000000002)))', // 1, 1 + 10⁻³⁰, 1 + 2·10⁻³⁰
  ])('%s passes: no one-sided check there, the other checks still run', (f) => {
    const e = verify(subject(f));
    expect(e.status, failures(e)).toBe('passed');
    expect(e.checks).toBeGreaterThan(50);
  });
});

describe('verify: a claim that oscillates faster than the difference step', () => {
  it.each([
    'sum(sin(abs(X.^5-X-1)).*sign(X.^5-X-1))', // sin(t⁵ − t − 1): at t ≈ −46 its period is 10⁻⁷
    'sum(sin(relu(X.^3-2)).^2 - relu(X.^3-2).^2)', // sin(u)² − u², u ≈ 2·10⁵ at t ≈ 57: a ripple of 10⁻⁵ of ψ
    'sum(cos(1e12*X))', // at the dyadic steps 10¹²·2⁻²⁰ turns by nearly whole periods: it looks smooth there
    'sum(sin(1e12*X))',
  ])('%s passes: such entries are left out, not failed', (f) => {
    const e = verify(subject(f));
    expect(e.status, failures(e)).toBe('passed');
    expect(e.checks).toBeGreaterThan(10);
  });

  it('a claim off by a factor 1.001 still fails where the steps resolve it (|t| of about 1)', () => {
    const s = subject('sum(sin(abs(X.^5-X-1)).*sign(X.^5-X-1))');
    const e = verify({ ...s, gradient: mul(decimal(1.001), s.gradient!) });
    expect(e.status).toBe('failed');
  });
});

describe('rough: where no difference quotient at step h can confirm or refute ψ', () => {
  const evaluated = (f: string): Compiled => compiled(analyzeSymbolic(f).gradient!);
  const h = 2 ** -11;

  it('finds a small ripple faster than the step on a large ψ, and a large one', () => {
    expect(rough(evaluated('sum(sin(relu(X.^3-2)).^2 - relu(X.^3-2).^2)'), 56.69276166459048, h)).toBe(true);
    expect(rough(evaluated('sum(sin(X.^5))'), -45.8, h)).toBe(true);
    // Off the dyadic grid too: cos(10¹²t) at steps of 2⁻¹⁸ looks smooth at multiples of them.
    expect(rough(evaluated('sum(cos(1e12*X))'), 0.0051027157653005, 2 ** -18)).toBe(true);
  });

  it.each([
    ['sum(X.^3)', [-3, 0.5, 7]],
    ['sum(exp(X))', [-2, 0, 3]],
    ['sum(relu(X).^4)', [0.01, 1]], // ψ = 4t³ beside a flat left half
    // sin(u)² − u² at small u: ψ = 3t²(sin 2u − 2u) cancels to (2u)³ of rounding noise; the rounding bound knows
    ['sum(sin(relu(X.^3-2)).^2 - relu(X.^3-2).^2)', [1.27, 1.3, 1.5, 3, 10]],
    ['sum(sin(X))', [1, 100]], // a period of 2π is resolved at any t
  ] as const)('leaves %s at %j alone', (f, ts) => {
    for (const t of ts) expect(rough(evaluated(f), t, h), `t = ${t}`).toBe(false);
  });
});
