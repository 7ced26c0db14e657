/**
 * Issue 10, classes 1 and 3: hand-derived truths.
 * Class 1: every real zero of a radicand is a breakpoint candidate; pieces merge
 * only where one analytic form covers the point. Class 3: what is said at a
 * point depends only on φ near the entries.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import { deriveAnalysis } from '../../src/index.js';
import { exactText } from '../../src/symbolic/scalar/print.js';
import { approximate } from '../../src/symbolic/exact/calculus.js';
import type { Limit } from '../../src/symbolic/analyze.js';
import * as Q from '../../src/symbolic/exact/rational.js';

const limitText = (l: Limit): string => (l.kind === 'finite' ? exactText(l.value) : l.kind === 'infinite' ? (l.sign > 0 ? 'inf' : '-inf') : 'unknown');

interface Truth {
  /** Breakpoint → [left derivative, right derivative, class there]. */
  readonly breakpoints: Record<string, readonly [string, string, number | 'inf']>;
  readonly smoothness: number | 'inf';
  readonly convex: boolean | null;
}

// φ written out by hand for each radical (|u| = √(u²)), then differentiated on each side.
const radicals: [string, string, Truth][] = [
  ['sum(sqrt((X-1).^2))', '|t − 1|', { breakpoints: { '1': ['-1', '1', 0] }, smoothness: 0, convex: true }],
  ['sum(sqrt((1-X).^2))', '|1 − t|', { breakpoints: { '1': ['-1', '1', 0] }, smoothness: 0, convex: true }],
  ['sum(((X-1).^2).^(1/3))', '|t − 1|^{2/3}: a cusp', { breakpoints: { '1': ['-inf', 'inf', 0] }, smoothness: 0, convex: false }],
  ['sum(sqrt(X.^2-2*X+1).^3)', '|t − 1|³', { breakpoints: { '1': ['0', '0', 2] }, smoothness: 2, convex: true }],
  ['sum(sqrt(4*X.^2+4*X+1))', '|2t + 1|', { breakpoints: { '-0.5': ['-2', '2', 0] }, smoothness: 0, convex: true }],
  ['sum(sqrt((X+2).^2) + X)', '|t + 2| + t', { breakpoints: { '-2': ['0', '2', 0] }, smoothness: 0, convex: true }],
  ['sum(sqrt((X.^2-1).^2))', '|t² − 1|', { breakpoints: { '-1': ['-2', '2', 0], '1': ['-2', '2', 0] }, smoothness: 0, convex: false }],
  ['sum(((X-3).^2).^(3/2))', '|t − 3|³', { breakpoints: { '3': ['0', '0', 2] }, smoothness: 2, convex: true }],
  ['sum(((X-0.75).^2).^(3/4))', '|t − 3/4|^{3/2}: φ″ infinite', { breakpoints: { '0.75': ['0', '0', 1] }, smoothness: 1, convex: true }],
  ['sum(((X-0.25).^4).^(2/3))', '|t − 1/4|^{8/3}: φ‴ infinite', { breakpoints: { '0.25': ['0', '0', 2] }, smoothness: 2, convex: true }],
  ['sum(sqrt((X-0.3).^2 .* (X+0.5).^2))', '|(t − 3/10)(t + 1/2)|', { breakpoints: { '-0.5': ['-0.8', '0.8', 0], '0.3': ['-0.8', '0.8', 0] }, smoothness: 0, convex: false }],
  ['sum((X.^2).^(1/4))', '|t|^{1/2}', { breakpoints: { '0': ['-inf', 'inf', 0] }, smoothness: 0, convex: false }],
  ['sum(sqrt((X-2).^2).^2)', '(t − 2)²: no breakpoint', { breakpoints: {}, smoothness: 'inf', convex: true }],
  ['sum(sqrt(X.^4))', 't²: no breakpoint', { breakpoints: {}, smoothness: 'inf', convex: true }],
];

describe('class 1: kinks under radicals and fractional powers', () => {
  it.each(radicals)('%s is %s', (input, _phi, truth) => {
    const a = analyzeSymbolic(input);
    const found = Object.fromEntries(
      a.entry.breakpoints.map((b) => [exactText(b.at), [limitText(b.leftDerivative), limitText(b.rightDerivative), b.order]]),
    );
    expect(found).toEqual(truth.breakpoints);
    expect(a.entry.smoothness).toBe(truth.smoothness);
    expect(a.entry.differentiable).toBe(Object.values(truth.breakpoints).every(([l, r]) => l === r && !l.includes('inf')));
    expect(a.convexity.convex).toBe(truth.convex);
  });

  it('at a kink of a radical the set is the one-sided interval: ∂f = [−1,1] × {−1} for √((x−1)²) at [[1,0]]', () => {
    const [p] = analyzeSymbolic('sum(sqrt((X-1).^2))', { at: [[[1, 0]]] }).points;
    expect(p).toMatchObject({ value: 1, differentiable: false, gradient: null, subdifferential: [[[-1, 1], [-1, -1]]], subdifferentialKind: 'convex' });
  });

  it('a merged piece is evaluated where the written form is 0/0: √(x⁴) has gradient 0 at 0', () => {
    const [p] = analyzeSymbolic('sum(sqrt(X.^4))', { at: [[[0, 1.5]]] }).points;
    expect(p).toMatchObject({ differentiable: true, gradient: [[0, 3]] });
  });
});

// Convexity of pieces with radicals, by hand: the sign of φ″ on each piece and the order of the slopes.
describe('convexity through radicals', () => {
  it.each([
    ['sum(sqrt(relu(X-1)).^3)', true], // (t − 1)^{3/2} for t > 1: φ″ = ¾(t − 1)^{−1/2} > 0
    ['sum(abs(X-1).^0.5 .* (X-1))', false], // −(1 − t)^{3/2} for t < 1: φ″ = −¾(1 − t)^{−1/2} < 0
    ['sum(sqrt((X-1).^2+(X-1).^4))', true], // |u|√(1 + u²): (u√(1+u²))″ = (2u³ + 3u)/(1 + u²)^{3/2} > 0, slopes −1 < 1
    ['sum(sqrt(X.^2-2*sqrt(2)*X+2))', true], // |t − √2|
    ['sum(abs(X).^(2/3).*X.^2)', true], // |t|^{8/3}
  ] as const)('%s: convex %s', (f, convex) => {
    expect(analyzeSymbolic(f).convexity.convex).toBe(convex);
  });
});

interface PointTruth {
  readonly f: string;
  readonly at: number[][];
  readonly differentiable: boolean;
  readonly gradient?: number[][];
  readonly set?: [number, number][][];
  readonly kind?: 'convex' | 'clarke';
  readonly reason?: RegExp;
}

// Only φ near the entries matters: jumps and infinite slopes elsewhere change nothing at the point.
const points: PointTruth[] = [
  { f: 'sum(heaviside(X-5)+abs(X))', at: [[0, 2]], differentiable: false, set: [[[-1, 1], [1, 1]]], kind: 'clarke' },
  { f: 'sum(heaviside(X-5)+abs(X))', at: [[5, 2]], differentiable: false, reason: /entry \(1,1\) = 5: phi is not continuous there/ },
  { f: 'sum(heaviside(X-5)+abs(X))', at: [[1, 2], [3, -4]], differentiable: true, gradient: [[1, 1], [1, -1]] },
  { f: 'sum(heaviside(X-5)+abs(X))', at: [[0, 0], [0, 0]], differentiable: false, set: [[[-1, 1], [-1, 1]], [[-1, 1], [-1, 1]]], kind: 'clarke' },
  { f: 'sum(sign(X-1)+relu(X))', at: [[0, 2]], differentiable: false, set: [[[0, 1], [1, 1]]], kind: 'clarke' },
  // φ′ of √|t − 3| at 0 is −1/(2√3): the set is [−1 − 1/(2√3), 1 − 1/(2√3)] (decimals from Python's decimal module).
  { f: 'sum(sqrt(abs(X-3))+abs(X))', at: [[0]], differentiable: false, set: [[[-1.2886751345948129, 0.7113248654051871]]], kind: 'clarke' },
  { f: 'sum(sqrt(abs(X-3))+abs(X))', at: [[3]], differentiable: false, reason: /infinite/ },
  { f: 'sum(heaviside(X)+X.^2)', at: [[0.5, -1]], differentiable: true, gradient: [[1, -2]] },
  { f: 'sum(log(abs(X)+1)+heaviside(X-2))', at: [[0]], differentiable: false, set: [[[-1, 1]]], kind: 'clarke' },
  { f: 'sum(log(abs(X)+1)+heaviside(X-2))', at: [[2]], differentiable: false, reason: /phi is not continuous there/ },
  { f: 'sum(relu(X-0.1))', at: [[0.1, 0.2]], differentiable: false, set: [[[0, 1], [1, 1]]], kind: 'convex' },
  { f: 'sum(abs(X-0.3)+heaviside(X+7))', at: [[0.3], [0.29]], differentiable: false, set: [[[-1, 1]], [[-1, -1]]], kind: 'clarke' },
];

describe('class 3: answers at a point are local', () => {
  it.each(points)('$f at $at', (truth) => {
    const [p] = analyzeSymbolic(truth.f, { at: [truth.at] }).points;
    expect(p!.differentiable).toBe(truth.differentiable);
    expect(p!.gradient).toEqual(truth.gradient ?? null);
    expect(p!.subdifferential).toEqual(truth.set ?? null);
    expect(p!.subdifferentialKind).toBe(truth.kind ?? null);
    if (truth.reason) expect(p!.reason).toMatch(truth.reason);
    else expect(p!.reason).toBeNull();
  });
});

describe('point values are exact or correctly rounded', () => {
  it.each([
    ['sum(log(1+exp(X)))', [[1000]], 1000],
    ['sum(relu(X-0.1))', [[0.1000000001]], 1e-10],
    // The double 3/7 means its shortest decimal 0.42857142857142855; e to that, rounded (Python's decimal module).
    ['sum(exp(X))', [[3 / 7]], 1.5350630092552098],
    ['sum(log(X.^2+1))', [[1e-9]], 1e-18],
  ] as const)('%s at %j', (f, at, value) => {
    const [p] = analyzeSymbolic(f, { at: [at.map((r) => [...r])] }).points;
    expect(p!.value).toBe(value);
  });

  // Reference values: Python's decimal module at 60 digits, rounded with float().
  it.each([
    ['sum(log(1+abs(X)))', '1e-220', 1e-220, 1],
    ['sum(log(1+exp(X)))', '-500', 7.124576406741286e-218, 7.124576406741286e-218],
    ['sum(exp(X))', '-100000', 0, 0],
    ['sum(exp(-X.^2))', '1000', 0, -0],
    ['sum(abs(X))-0.1', '0.1000000000000000000001', 1e-22, 1],
    ['sum(exp(X))-1', '1e-20', 1e-20, 1],
    ['sum(log(2+exp(X)))-log(2)', '-600', 1.3251982765021554e-261, 1.3251982765021554e-261],
    ['sum(sqrt(X.^2-2*sqrt(2)*X+2))', '1.4142135623730951', 5.1198311275790304e-17, 1],
    ['sum(sqrt(abs(X-0.1)))', '0.100000000000000000000000000000001', 3.1622776601683796e-17, 15811388300841896],
    ['sum(abs(X).^1.0000002)', '1e-300', 9.998618544373974e-301, 0.9998620544097684],
    ['sum(log(1+exp(X)))', '123456.789', 123456.789, 1],
    ['sum(abs(X).^1.0000002)', '1e-30', 9.999861845848757e-31, 0.9999863845821126],
  ] as const)('%s at %s: value and gradient correctly rounded', (f, x, value, gradient) => {
    const [p] = analyzeSymbolic(f, { at: [{ rows: 1, cols: 1, data: [[Number(x)]], exact: [[Q.fromDecimal(x)]] }] }).points;
    expect(p!.value).toBe(value);
    expect(p!.gradient).toEqual([[gradient]]);
  });

  it('sums exactly before rounding: 0.1 + 0.2 is 0.3', () => {
    expect(analyzeSymbolic('sum(X)', { at: [[[0.1, 0.2]]] }).points[0]!.value).toBe(0.3);
    expect(analyzeSymbolic('sum(sqrt(abs(X)))', { at: [[[0.3, -0.7, 1.1, 2.5, 1e-5]]] }).points[0]!.value).toBe(4.017492539953751);
  });

  it('an exact constant is rounded to the nearest double, also past the range of a double enclosure', () => {
    const a = analyzeSymbolic('sum(relu(X-1000))+log(1+exp(1000))');
    expect(approximate(a.offset)).toBe(1000);
  });
});

// Found by the fuzzers (KINKPROOF_FUZZ_RUNS=100000, seeds 12345, 1, 777).
describe('fuzz-found regressions', () => {
  it('u⁰ has derivative 0, not 0·u⁻¹·u′ (undefined where u = 0)', () => {
    const a = deriveAnalysis('sum((X./exp(X)).^0)', { seed: 12345 });
    expect(a.entry.smoothness).toBe('inf');
    expect(a.verification!.status).toBe('passed');
  });

  it.each(['sum(0*(0*X).^(-1))', 'sum(0*(0*X-3).^1.5)'])('%s has no real value anywhere: refused, not 0', (f) => {
    expect(() => analyzeSymbolic(f)).toThrow(/not defined on all of R/);
  });

  it.each([
    ['sum(X.^pos(-1/2))', 0],
    ['sum(X.^abs(-2))', 2],
  ] as const)('%s: a kinked primitive of a constant is a constant exponent', (f, degree) => {
    const a = analyzeSymbolic(f, { at: [[[3]]] });
    expect(a.points[0]!.value).toBe(3 ** degree);
  });

  it('a divergence behind a large smooth slope is not refuted: |t|^(1/4) − (t + 20)⁸', () => {
    expect(deriveAnalysis('sum(sqrt(sqrt(relu(X)))) - sum((X+20).^8)', { seed: 0 }).verification!.status).toBe('passed');
  });
});

describe('fuzz-found regressions, 100k runs', () => {
  it('a product by 0 inside a radical differentiates to 0 on the piece, not 0/0', () => {
    const a = deriveAnalysis('sum(sqrt((log(1 + ((-2e1)*X).^2)) * (-0)))', { seed: 0 });
    expect(a.verification!.status).toBe('passed');
  });

  it('a value past the range of a double enclosure of the divisor: −√|x|/log(1 + e^(x/e^x)) at x ≈ −2.99', () => {
    // Python's decimal module at 60 digits, rounded with float().
    const [p] = analyzeSymbolic('sum(-sqrt(abs(X)) ./ log(1 + exp(X./exp(X))))', { at: [[[-2.994246083938189]]] }).points;
    expect(p!.value).toBe(-1.6114288221663948e26);
  });
});

describe('breakpoints of repeated factors: the square-free part is solved', () => {
  it.each([
    ['sum(sqrt((X.^2-2).^2))', 2, 0], // |t² − 2|: kinks at ±√2
    ['sum(relu((X.^2-2).^3))', 0, 2], // relu(u³) with u = t² − 2 changing sign: C², not C³
    ['sum(abs((X-1).^2.*(X+2).^3))', 0, 2], // |t + 2|³(t − 1)²: C² at −2, smooth at 1
  ] as const)('%s', (f, kinks, smoothness) => {
    const a = analyzeSymbolic(f);
    expect(a.kinks.length).toBe(kinks);
    expect(a.entry.smoothness).toBe(smoothness);
  });
});

describe('verifier: a divergence whose samples are lost to rounding is not refuted', () => {
  it.each([
    'sum(abs(sign(log(1 + (((X + 0)).^4).^2))))', // 1 + δ⁸ = 1 in doubles from δ = 2^-7 on
    "sum((relu(sqrt(relu(X)))).^(3/2)) + norm(((X) + (max(0*X, 2e1))).^4,'fro')^2", // δ^{-1/4} behind a slope of 10^10
  ])('%s', (f) => {
    expect(deriveAnalysis(f, { seed: 1 }).verification!.status).toBe('passed');
  });
});
