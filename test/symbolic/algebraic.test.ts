/**
 * Breakpoints at real algebraic numbers of degree 3–8 that have no radical
 * form here: each is found as (polynomial, isolating interval) and decided
 * exactly. Checked against roots computed independently in the test (sign
 * changes on a grid, then bisection in doubles) and against the class a hand
 * derivation gives: at a simple root c of q, relu(q)^k and |q|^k·… have
 * one-sided derivatives of order < k that agree, and the k-th jumps.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import { approximate } from '../../src/symbolic/exact/calculus.js';
import { exactLatex, exactText } from '../../src/symbolic/scalar/print.js';
import { classText } from '../../src/analysisText.js';
import { run } from '../fuzz/oracle.js';

/** q(t) written in the input language (t as X), from coefficients in ascending order. */
function polynomialText(coeffs: readonly number[]): string {
  const terms = coeffs.flatMap((c, k) => (c === 0 ? [] : [k === 0 ? `${c}` : `${c}*X.^${k}`]));
  return terms.reverse().join('+').replace(/\+-/g, '-');
}

const value = (coeffs: readonly number[], t: number): number => coeffs.reduceRight((acc, c) => acc * t + c, 0);

/** The real roots of q, independently: sign changes on a fine grid over a Cauchy bound, then bisection in doubles. */
function doubleRoots(coeffs: readonly number[]): number[] {
  const lead = coeffs[coeffs.length - 1]!;
  const bound = 1 + Math.max(...coeffs.slice(0, -1).map((c) => Math.abs(c / lead)));
  const steps = 200_000;
  const roots: number[] = [];
  let a = -bound;
  for (let i = 1; i <= steps; i++) {
    const b = -bound + (2 * bound * i) / steps;
    const [fa, fb] = [value(coeffs, a), value(coeffs, b)];
    if (fa === 0) roots.push(a);
    else if (fa * fb < 0) {
      let [lo, hi] = [a, b];
      for (let k = 0; k < 200; k++) {
        const m = (lo + hi) / 2;
        if (Math.sign(value(coeffs, m)) === Math.sign(fa)) lo = m;
        else hi = m;
      }
      roots.push((lo + hi) / 2);
    }
    a = b;
  }
  return roots;
}

/** Polynomials with simple real roots, at least one irrational; `algebraic`: how many print as "the root of". */
const polynomials: { name: string; coeffs: number[]; algebraic: number }[] = [
  { name: 'the plastic number t^3 - t - 1', coeffs: [-1, -1, 0, 1], algebraic: 1 },
  { name: 'casus irreducibilis t^3 - 3t + 1', coeffs: [1, -3, 0, 1], algebraic: 3 },
  { name: 'Eisenstein cubic t^3 - 2t - 2', coeffs: [-2, -2, 0, 1], algebraic: 1 },
  { name: '2t^3 - 6t + 1', coeffs: [1, -6, 0, 2], algebraic: 3 },
  { name: 'sqrt(2) ± sqrt(3): t^4 - 10t^2 + 1', coeffs: [1, 0, -10, 0, 1], algebraic: 4 },
  { name: '±sqrt(2 ± sqrt(2)): t^4 - 4t^2 + 2', coeffs: [2, 0, -4, 0, 1], algebraic: 4 },
  { name: 't^4 - t - 1', coeffs: [-1, -1, 0, 0, 1], algebraic: 2 },
  { name: 't^4 - 3t^3 + 3', coeffs: [3, 0, 0, -3, 1], algebraic: 2 },
  { name: '(t - 1)(t^3 - 3t - 1), a rational root beside three irrational ones', coeffs: [1, 2, -3, -1, 1], algebraic: 3 },
  { name: 'the irreducible quintic t^5 - t - 1', coeffs: [-1, -1, 0, 0, 0, 1], algebraic: 1 },
  { name: 't^5 - 5t + 1', coeffs: [1, -5, 0, 0, 0, 1], algebraic: 3 },
  { name: 't(t^4 - 4t^2 + 2): 0 beside four irrational roots', coeffs: [0, 2, 0, -4, 0, 1], algebraic: 4 },
  { name: '(t^2 - 2)(t^3 - t - 1): ±sqrt(2) split off as a quadratic factor inside a quintic', coeffs: [2, 2, -1, -3, 0, 1], algebraic: 1 },
  { name: '(t^2 - 3)(t^2 - t - 1): two quadratic factors, four radicals', coeffs: [3, 3, -4, -1, 1], algebraic: 0 },
  { name: '(2t^2 - 3)(t^4 - 10t^2 + 1): ±sqrt(3/2) beside an irreducible quartic', coeffs: [-3, 0, 32, 0, -23, 0, 2], algebraic: 4 },
  { name: '(t^2 - 2)(t^2 - 3)(t^2 - 5)', coeffs: [-30, 0, 31, 0, -10, 0, 1], algebraic: 0 },
  { name: '(3t^2 - 2t - 2)(t^3 - 2): a quadratic factor, then a binomial', coeffs: [4, 4, -6, -2, -2, 3], algebraic: 0 },
  { name: 'Chebyshev T5 = 16t^5 - 20t^3 + 5t', coeffs: [0, 5, 0, -20, 0, 16], algebraic: 4 },
  { name: 't^6 - 2t^3 - 1 (t^3 = 1 ± sqrt(2))', coeffs: [-1, 0, 0, -2, 0, 0, 1], algebraic: 2 },
  { name: 't^6 - 6t^4 + 9t^2 - 3', coeffs: [-3, 0, 9, 0, -6, 0, 1], algebraic: 6 },
  { name: 't^7 - 7t + 3', coeffs: [3, -7, 0, 0, 0, 0, 0, 1], algebraic: 3 },
  { name: 'Chebyshev T8', coeffs: [1, 0, -32, 0, 160, 0, -256, 0, 128], algebraic: 8 },
  { name: 't^8 - 3t^2 + 1', coeffs: [1, 0, -3, 0, 0, 0, 0, 0, 1], algebraic: 4 },
  { name: 't^8 - t^7 - 1', coeffs: [-1, 0, 0, 0, 0, 0, 0, -1, 1], algebraic: 2 },
  { name: 'the slow cubic 735134400t^3 + t + 735134400', coeffs: [735134400, 1, 0, 735134400], algebraic: 1 },
  { name: 'the slower cubic 963761198400t^3 + t + 963761198400', coeffs: [963761198400, 1, 0, 963761198400], algebraic: 1 },
];

/** Wrappers and the class they give at simple roots: relu(q)^k and |q|^k are C^{k−1} there for odd k, relu(q)^k for any k. */
const wrappers: { name: string; f: (q: string) => string; cls: string; kinks: boolean }[] = [
  { name: 'relu(q)', f: (q) => `sum(relu(${q}))`, cls: 'C0', kinks: true },
  { name: 'relu(q).^2', f: (q) => `sum(relu(${q}).^2)`, cls: 'C1', kinks: false },
  { name: 'relu(q).^3', f: (q) => `sum(relu(${q}).^3)`, cls: 'C2', kinks: false },
  { name: 'abs(q)', f: (q) => `sum(abs(${q}))`, cls: 'C0', kinks: true },
];

describe('algebraic breakpoints of degree 3-8: roots against an independent computation, class against hand derivation', () => {
  it.each(polynomials)('$name', ({ coeffs, algebraic }) => {
    const expected = doubleRoots(coeffs);
    const q = polynomialText(coeffs);
    for (const w of wrappers) {
      const a = analyzeSymbolic(w.f(q));
      const found = a.entry.piecewise.breakpoints;
      expect(found.map((c) => approximate(c)), w.name).toHaveLength(expected.length);
      found.forEach((c, i) => expect(Math.abs(approximate(c) - expected[i]!), `${w.name} root ${i}`).toBeLessThan(1e-9 * Math.max(1, Math.abs(expected[i]!))));
      expect(found.filter((c) => exactText(c).startsWith('(the root of ')), w.name).toHaveLength(algebraic);
      expect(classText(a.entry.smoothness), w.name).toBe(w.cls);
      expect(a.kinks.length, w.name).toBe(w.kinks ? expected.length : 0);
      expect(a.entry.differentiable, w.name).toBe(!w.kinks);
    }
  });
});

describe('algebraic numbers: printing, convexity, points, comparisons', () => {
  it('prints the root of p in an isolating interval with a decimal value, in text and LaTeX', () => {
    const [c] = analyzeSymbolic('sum(relu(X.^5-X-1))').kinks;
    expect(exactText(c!)).toBe('(the root of x^5 - x - 1 in (1, 2), ~1.167304)');
    expect(exactLatex(c!)).toBe('\\bigl(\\text{the root of } x^{5} - x - 1 \\text{ in } (1, 2) \\approx 1.167304\\bigr)');
  });

  it('prints the roots of rational quadratic factors as radicals: (t^2 - 3)(t^2 - t - 1)', () => {
    expect(analyzeSymbolic('sum(abs(X.^4 - X.^3 - 4*X.^2 + 3*X + 3))').kinks.map(exactText)).toEqual(['-sqrt(3)', '0.5 - 0.5*sqrt(5)', '0.5*sqrt(5) + 0.5', 'sqrt(3)']);
  });

  it('narrows the printed interval to the decimal grid that separates the roots', () => {
    const roots = analyzeSymbolic('sum(relu(128*X.^8-256*X.^6+160*X.^4-32*X.^2+1))').kinks.map(exactText);
    expect(roots[6]).toBe('(the root of 128*x^8 - 256*x^6 + 160*x^4 - 32*x^2 + 1 in (0.8, 0.9), ~0.8314696)');
    expect(roots[7]).toBe('(the root of 128*x^8 - 256*x^6 + 160*x^4 - 32*x^2 + 1 in (0.9, 1), ~0.9807853)');
  });

  it('shows enough digits to tell the value from the ends of its interval', () => {
    const [c] = analyzeSymbolic('sum(relu(735134400*X.^3+X+735134400))').kinks;
    expect(exactText(c!)).toBe('(the root of 735134400*x^3 + x + 735134400 in (-1, 0), ~-0.9999999995)');
  });

  it('decides convexity exactly (relu of the plastic cubic is convex; relu of T8 is not)', () => {
    expect(analyzeSymbolic('sum(relu(X.^3-X-1))').convexity.convex).toBe(true);
    expect(analyzeSymbolic('sum(relu(128*X.^8-256*X.^6+160*X.^4-32*X.^2+1))').convexity.convex).toBe(false);
  });

  it('locates points beside an algebraic kink exactly (1.32471 < rho < 1.32472)', () => {
    const [below, above] = analyzeSymbolic('sum(relu(X.^3-X-1))', { at: [[[1.32471]], [[1.32472]]] }).points;
    expect(below!.gradient).toEqual([[0]]);
    expect(above!.gradient![0]![0]).toBeCloseTo(3 * 1.32472 ** 2 - 1, 12);
  });

  it('compares a root of one polynomial with the same number found from another (2^(1/8) inside a degree-31 phi″)', () => {
    const a = analyzeSymbolic('sum(relu(X.^8-2).^4)');
    expect(a.entry.piecewise.breakpoints.map(exactText)).toEqual(['-2^0.125', '2^0.125']);
    expect(classText(a.entry.smoothness)).toBe('C3');
    expect(a.convexity.convex).toBe(true);
  });

  it('relu of a degree-8 polynomial to the 4th power is decided (its phi″ has algebraic zeros)', () => {
    const a = analyzeSymbolic('sum(relu(128*X.^8-256*X.^6+160*X.^4-32*X.^2+1).^4)');
    expect(classText(a.entry.smoothness)).toBe('C3');
    expect(a.kinks).toHaveLength(0);
    expect(a.convexity.convex).toBe(false);
  });

  it('sum(X.^1000) needs no recursion per zero root', () => {
    expect(classText(analyzeSymbolic('sum(X.^1000)').entry.smoothness)).toBe('Cinf');
  });
});

describe('algebraic breakpoints within the --timeout budget', () => {
  it('--timeout 1 stops relu of a sparse degree-999 polynomial with exit 2, naming the limit', { timeout: 60_000 }, async () => {
    const o = await run(['derive', 'sum(relu(X.^999-3*X.^500+X-1))', '--timeout', '1', '--no-verify']);
    expect(o.code, o.stderr).toBe(2);
    expect(o.stdout).toBe('');
    expect(o.stderr).toMatch(/^kinkproof: limit error: symbolic work took longer than the 1 s budget \(--timeout\)\n$/);
  });

  it('the slow inputs of issue 16 answer', async () => {
    for (const f of ['sum(relu(735134400*X.^3+X+735134400))', 'sum(relu(963761198400*X.^3+X+963761198400))']) {
      const o = await run(['derive', f, '--no-verify']);
      expect(o.code, o.stderr).toBe(0);
      expect(o.stdout).toMatch(/^class: +C0 \(not C1\)$/m);
    }
  });
});
