/**
 * Periodic families of breakpoints (t = c + kP, k ∈ ℤ) against hand
 * derivations: where sin and cos vanish or meet, the exact one-sided slopes
 * there (cos and sin at multiples of π/12), classes and Clarke sets; each
 * derivation verified by the numeric verifier, which also probes copies of
 * every piece several periods away. What is not periodic, or needs an inverse
 * sine, is refused with its reason.
 */
import { describe, expect, it } from 'vitest';
import { checkEqual, checkGradient, checkProof, deriveAnalysis, KinkproofError, parseProof } from '../../src/index.js';
import { approximate } from '../../src/symbolic/exact/calculus.js';
import { exactText } from '../../src/symbolic/scalar/print.js';
import { classText } from '../../src/analysisText.js';
import type { Limit } from '../../src/index.js';
import { summary } from '../../src/cli/summary.js';
import { deriveJson } from '../../src/api/json.js';
import { verify } from '../../src/numeric/verify.js';
import { cli, parsed } from '../cli/inProcess.js';
import { call, int, VAR } from '../../src/symbolic/scalar/expr.js';
import { addS, mulS, subS } from '../../src/symbolic/scalar/build.js';
import katex from 'katex';
import { narrate } from '../../src/report/narrate.js';
import { KATEX_OPTIONS, renderHtml } from '../../src/report/html.js';
import { renderLatex } from '../../src/report/latex.js';
import { compilePdf } from '../../src/report/pdf.js';
import { assertSafeMath } from '../../src/report/mathGuard.js';
import { allMath, haveTex } from '../report/helpers.js';

const slope = (l: Limit): string => (l.kind === 'finite' ? exactText(l.value) : 'unknown');

interface Case {
  readonly f: string;
  readonly period: string;
  readonly cls: string;
  /** Each breakpoint in [0, P): where, φ′₋ and φ′₊ there. */
  readonly kinks: readonly (readonly [string, string, string])[];
}

/**
 * By hand: relu(sin t) switches where sin t = 0, slopes cos 0 = 1 and cos π = −1 on the sine's side;
 * |cos t| at π/2, 3π/2 with slopes ∓sin; max(sin, cos) where tan t = 1 (π/4, 5π/4), slopes
 * −sin(π/4) = −√2/2 then cos(π/4) = √2/2, and at 5π/4 cos(5π/4) = −√2/2 then −sin(5π/4) = √2/2;
 * sin(2t + 1) = 0 at t = (kπ − 1)/2, period π, slopes ±2; sin t = ½ at π/6, 5π/6, slopes ±√3/2;
 * sin + cos = √2·sin(t + π/4) vanishes at 3π/4, 7π/4 with |slope| √2; √(1 + sin t) near 3π/2 is
 * √(1 − cos h) ≈ |h|/√2; relu(sin)² has slopes 0 on both sides (C¹), and φ″ jumps from 0 to 2cos²0 = 2.
 */
const cases: readonly Case[] = [
  { f: 'sum(relu(sin(X)))', period: '2*pi', cls: 'C0', kinks: [['0', '0', '1'], ['pi', '-1', '0']] },
  { f: 'sum(abs(cos(X)))', period: '2*pi', cls: 'C0', kinks: [['0.5*pi', '-1', '1'], ['1.5*pi', '-1', '1']] },
  { f: 'sum(max(sin(X), cos(X)))', period: '2*pi', cls: 'C0', kinks: [['0.25*pi', '-0.5*sqrt(2)', '0.5*sqrt(2)'], ['1.25*pi', '-0.5*sqrt(2)', '0.5*sqrt(2)']] },
  { f: 'sum(relu(sin(2*X + 1)))', period: 'pi', cls: 'C0', kinks: [['0.5*pi - 0.5', '-2', '0'], ['pi - 0.5', '0', '2']] },
  { f: 'sum(relu(sin(X) - 1/2))', period: '2*pi', cls: 'C0', kinks: [['pi/6', '0', '0.5*sqrt(3)'], ['5*pi/6', '-0.5*sqrt(3)', '0']] },
  { f: 'sum(abs(sin(X) + cos(X)))', period: '2*pi', cls: 'C0', kinks: [['0.75*pi', '-sqrt(2)', 'sqrt(2)'], ['1.75*pi', '-sqrt(2)', 'sqrt(2)']] },
  { f: 'sum(sqrt(1 + sin(X)))', period: '2*pi', cls: 'C0', kinks: [['1.5*pi', '-0.5*sqrt(2)', '0.5*sqrt(2)']] },
  { f: 'sum(relu(sin(X)).^2)', period: '2*pi', cls: 'C1', kinks: [['0', '0', '0'], ['pi', '0', '0']] },
  { f: 'sum(relu(tanh(sin(X))))', period: '2*pi', cls: 'C0', kinks: [['0', '0', '1'], ['pi', '-1', '0']] },
  { f: 'sum(relu(sin(X - pi/3)))', period: '2*pi', cls: 'C0', kinks: [['pi/3', '0', '1'], ['4*pi/3', '-1', '0']] },
  // Different arguments over one angle: g = sin t − sin 2t = sin t·(1 − 2cos t) vanishes at 0, π/3, π, 5π/3 with
  // g′ = cos t − 2cos 2t = −1, 3/2, −3, 3/2 there, so |g| has slopes ∓|g′|.
  { f: 'sum(abs(sin(X) - sin(2*X)))', period: '2*pi', cls: 'C0', kinks: [['0', '-1', '1'], ['pi/3', '-1.5', '1.5'], ['pi', '-3', '3'], ['5*pi/3', '-1.5', '1.5']] },
  // sin 3t − sin t = 2·cos 2t·sin t: zeros at kπ/4 (k odd) and kπ; on each side the slope of the larger one,
  // 3cos 3t or cos t (at 5π/4: sin t is larger just left, where cos 2t > 0 and sin t < 0; slopes −√2/2, then 3·√2/2).
  { f: 'sum(max(sin(3*X), sin(X)))', period: '2*pi', cls: 'C0', kinks: [['0', '1', '3'], ['0.25*pi', '-1.5*sqrt(2)', '0.5*sqrt(2)'], ['0.75*pi', '-0.5*sqrt(2)', '1.5*sqrt(2)'], ['pi', '-3', '-1'], ['1.25*pi', '-0.5*sqrt(2)', '1.5*sqrt(2)'], ['1.75*pi', '-1.5*sqrt(2)', '0.5*sqrt(2)']] },
  // Tenths of π (the pentagon): sin(π/10) = (√5 − 1)/4, slope cos(π/10) = √(10 + 2√5)/4; cos(π/5) = (√5 + 1)/4, slope −sin(π/5).
  { f: 'sum(relu(sin(X) - (sqrt(5) - 1)/4))', period: '2*pi', cls: 'C0', kinks: [['0.1*pi', '0', '0.25*sqrt(2*sqrt(5) + 10)'], ['0.9*pi', '-0.25*sqrt(2*sqrt(5) + 10)', '0']] },
  { f: 'sum(relu(cos(X) - (sqrt(5) + 1)/4))', period: '2*pi', cls: 'C0', kinks: [['0.2*pi', '-0.25*sqrt(10 - 2*sqrt(5))', '0'], ['1.8*pi', '0', '0.25*sqrt(10 - 2*sqrt(5))']] },
];

describe('periodic breakpoint families: hand-derived residues, slopes and classes', () => {
  it.each(cases)('$f', ({ f, period, cls, kinks }) => {
    const a = deriveAnalysis(f, { seed: 1 });
    expect(a.entry.piecewise.period && exactText(a.entry.piecewise.period)).toBe(period);
    expect(classText(a.entry.smoothness)).toBe(cls);
    expect(a.entry.breakpoints.map((b) => [exactText(b.at), slope(b.leftDerivative), slope(b.rightDerivative)])).toEqual(kinks);
    // Not convex: a convex function bounded above on ℝ is constant (and these are not).
    expect(a.convexity.convex).toBe(false);
    expect(a.verification?.status).toBe('passed');
    expect(a.verification?.checks).toBeGreaterThan(50);
  });

  it('the residues are exact: sin vanishes at each breakpoint of relu(sin(X)) to every digit', () => {
    const a = deriveAnalysis('sum(relu(sin(X)))', { verify: false });
    for (const b of a.entry.breakpoints) expect(Math.abs(Math.sin(approximate(b.at)))).toBeLessThan(1e-15);
  });
});

describe('the answer at points, decided modulo the period', () => {
  it('relu(sin(X)): Clarke sets [0, 1] at 2kπ (0), derivatives cos x off the family (7 − 2π lies in (0, π); 2π − 3 beyond π)', () => {
    const [p] = deriveAnalysis('sum(relu(sin(X)))', { verify: false, at: [[[0, 3, 7, -3]]] }).points;
    expect(p!.differentiable).toBe(false);
    expect(p!.subdifferential).toEqual([[[0, 1], [Math.cos(3), Math.cos(3)], [Math.cos(7), Math.cos(7)], [0, 0]]]);
  });

  it('entries far out are reduced exactly (10³⁰⁰ and −10³⁰ as written; sin and cos there from mpmath at 700 digits)', async () => {
    // sin(10³⁰⁰) = −0.98575…, so relu(sin) is 0 there; sin(−10³⁰) = 0.0901169019121380580…, cos(−10³⁰) = −0.9959311944053957023…
    const r = await cli(['derive', 'sum(relu(sin(X)))', '--at', '[[1e300, -1e30]]', '--no-verify', '--json']);
    expect(r.stderr).toBe('');
    const [p] = parsed(r).at as { value: number; gradient: number[][] }[];
    expect(p!.value).toBeCloseTo(0.0901169019121380580, 15);
    expect(p!.gradient).toEqual([[0, -0.9959311944053957]]);
  });

  it('a rational point is never on a family other than at 0 (π is irrational): relu(sin(X)) at 355/113 is differentiable', () => {
    const [p] = deriveAnalysis('sum(relu(sin(X)))', { verify: false, at: [[[355 / 113]]] }).points;
    expect(p!.differentiable).toBe(true);
  });
});

describe('outputs name the family', () => {
  it('text and JSON give the period; the cases read modulo it', () => {
    const a = deriveAnalysis('sum(relu(sin(X)))', { seed: 1 });
    const text = summary(a, a.verification);
    expect(text).toContain('kinks:          0, pi (mod 2*pi)');
    expect(text).toContain('-pi < t < 0 (mod 2*pi):  phi(t) = 0');
    expect(text).toContain('G_ij in [0, 1] if x_ij = 0 (mod 2*pi)');
    const json = deriveJson(a, a.verification);
    expect(json.period?.exact).toBe('2*pi');
    expect(json.pieces.map((p) => [p.from, p.to])).toEqual([['-pi', '0'], ['0', 'pi'], ['pi', '2*pi']]);
  });
});

describe('identities between periodic functions', () => {
  it('relu(sin(X)) = max(sin(X), 0), and ≠ abs(sin(X)) (a counterexample in (π, 2π))', () => {
    expect(checkEqual('relu(sin(X))', 'max(sin(X), 0)').verdict).toBe('correct');
    expect(checkEqual('relu(sin(X))', 'abs(sin(X))').verdict).toBe('incorrect');
  });

  it.each([
    ['sin(X + pi/2)', 'cos(X)', 'correct'],
    ['abs(sin(X + pi))', 'abs(sin(X))', 'correct'],
    ['cos(X + 3*pi/2)', 'sin(X)', 'correct'],
    ['sin(pi - X)', 'sin(X)', 'correct'],
    ['cos(X + 3*pi/2)', '-sin(X)', 'incorrect'],
    ['relu(cos(X - pi))', 'relu(-cos(X))', 'correct'],
  ])('quarter turns: %s = %s is %s', (lhs, rhs, verdict) => {
    expect(checkEqual(lhs, rhs).verdict).toBe(verdict);
  });
});

describe('what is not periodic, or needs inverse sines, is refused with its reason', () => {
  it.each([
    ['sum(relu(sin(X)) + X)', /periodic/],
    ['sum(relu(sin(X.^2)))', /periodic/],
    ['sum(relu(sin(X) - 1/3))', /π\/12/],
  ])('%s', (f, reason) => {
    expect(() => deriveAnalysis(f)).toThrow(KinkproofError);
    try {
      deriveAnalysis(f);
    } catch (e) {
      expect((e as KinkproofError).kind).toBe('unsupported');
      expect((e as Error).message).toMatch(reason);
    }
  });
});

describe('pi, the constant', () => {
  it('is exact: relu(X - pi) kinks at π, relu(sin(X - pi/2)) is relu(−cos X) with kinks at π/2 and 3π/2', () => {
    expect(deriveAnalysis('sum(relu(X - pi))', { seed: 1 }).entry.breakpoints.map((b) => exactText(b.at))).toEqual(['pi']);
    const a = deriveAnalysis('sum(relu(sin(X - pi/2)))', { seed: 1 });
    expect(a.entry.breakpoints.map((b) => exactText(b.at))).toEqual(['0.5*pi', '1.5*pi']);
    expect(a.verification?.status).toBe('passed');
  });

  it('is not a function: pi(X) is refused at its position', () => {
    expect(() => deriveAnalysis('sum(pi(X))')).toThrow(/pi is a constant, not a function/);
  });
});

describe('reports of a periodic φ', () => {
  it('name each family (t ∈ π + 2πℤ), every math fragment renders with KaTeX and passes the whitelist, and the LaTeX compiles', async () => {
    const a = deriveAnalysis('sum(max(sin(X), cos(X)))', { seed: 1 });
    const d = narrate(a, a.verification ?? null);
    const fragments = allMath(d);
    expect(fragments).toContain('t \\in \\frac{5 \\pi}{4} + 2 \\pi\\mathbb{Z}');
    expect(fragments.some((m) => m.includes('\\left(\\frac{\\pi}{4}, \\frac{5 \\pi}{4}\\right) + 2 \\pi\\mathbb{Z}'))).toBe(true);
    for (const m of fragments) {
      expect(() => katex.renderToString(m, { ...KATEX_OPTIONS, displayMode: true }), m).not.toThrow();
      expect(() => assertSafeMath(m), m).not.toThrow();
    }
    expect(await renderHtml(d)).not.toContain('katex-error');
    if (haveTex) await expect(compilePdf(renderLatex(d, { fragment: false }))).resolves.toBeDefined();
  });
});

describe('the verifier checks family members, not only residues', () => {
  it('an analysis that holds near 0 and π but not beyond 5 fails at t = 2π, a member of the family of 0', () => {
    const a = deriveAnalysis('sum(relu(sin(X)))', { verify: false });
    // relu(sin t)·(1 + relu(t − 5)) is relu(sin t) up to t = 5 only: its slope at 2π from the right is 2π − 4, not 1.
    const phi = mulS(call('relu', call('sin', VAR)), addS(int(1), call('relu', subS(VAR, int(5)))));
    const evidence = verify({ phi, offset: 0, gradient: null, entry: a.entry, rows: 2, cols: 2, seed: 1 });
    expect(evidence.status).toBe('failed');
    expect(evidence.failures.some((f) => f.kind === 'one-sided' && f.claim.kind === 'one-sided-derivative' && f.claim.at === '2*pi')).toBe(true);
    expect(verify({ phi: a.separable.phi, offset: 0, gradient: null, entry: a.entry, rows: 2, cols: 2, seed: 1 }).status).toBe('passed');
  });
});

describe('claims and proofs over whole families (each found false before)', () => {
  it('a claim with a longer period is read at every member it tells apart: 0 at 2π is no subgradient of |sin| + 2 sin ([1, 3] there)', () => {
    const r = checkGradient('sum(abs(sin(X))+2*sin(X))', 'sign(sin(X)).*cos(X)+2*cos(X)-4*heaviside(-cos(X/2)-1)+4*heaviside(-sin(X/2)-1)');
    expect(r.verdict).toBe('correct'); // it is φ′ wherever f is differentiable
    expect(r.subgradientSelection).toBe(false);
    expect(r.kinks.find((k) => k.at === '2*pi')).toMatchObject({ claim: '0', left: '1', right: '3', selects: false });
    expect(r.kinks.find((k) => k.at === '3*pi')).toMatchObject({ claim: '0', selects: false });
  });

  it('a claim that differs from φ′ only on kink families is correct, not refuted at a member', () => {
    expect(checkGradient('sum(abs(sin(X)))', 'sign(sin(X)).*cos(X)+heaviside(-sin(X/2)-1)').verdict).toBe('correct');
  });

  it('proof files read points and kinks modulo the period', () => {
    const subdiff = checkProof(parseProof('function: sum(relu(sin(X)))\nsubdifferential at [[7]]: [[0]]\nsubdifferential at [[100]]: [[0]]\n', 'p.proof'));
    expect(subdiff.steps.map((s) => s.status)).toEqual(['pass', 'fail', 'pass']); // cos 7 > 0 there; 100 − 30π ∈ (π, 2π)
    const kinks = checkProof(parseProof('function: sum(abs(sin(X)))\nkinks: 0, pi, 2*pi\nkinks: -pi, 7*pi\nkinks: 0, pi, 1\n', 'k.proof'));
    expect(kinks.steps.map((s) => s.status)).toEqual(['pass', 'pass', 'fail', 'fail']); // −π and 7π are both in π + 2πℤ
  });

  it('the reports name the kink families where f is not differentiable', () => {
    const a = deriveAnalysis('sum(abs(sin(X)))', { seed: 1 });
    const text = allMath(narrate(a, a.verification ?? null));
    expect(text).toContain('2 \\pi\\mathbb{Z} \\cup (\\pi + 2 \\pi\\mathbb{Z})');
    expect(text.some((m) => m.includes('\\{0, \\pi\\}'))).toBe(false);
  });

  it('entries past the double range are reduced exactly (sin(2·10³⁰⁸) from mpmath at 2000 digits)', async () => {
    const r = await cli(['derive', 'sum(relu(sin(2*X)))', '--at', '[[1e308]]', '--no-verify', '--json']);
    const [p] = parsed(r).at as { value: number; gradient: number[][] }[];
    expect(p!.value).toBeCloseTo(0.97061233474487665, 15);
    expect(p!.gradient[0]![0]).toBeCloseTo(-0.48129697959201666, 15);
  });
});
