/**
 * What the analytic primitives (sin, cos, tanh, sigmoid, softplus) share: the
 * canonical side of a symmetry, exact special values, and exact range tests
 * for preimages (or a refusal).
 */
import * as P from '../exact/poly.js';
import * as Q from '../exact/rational.js';
import type { Poly } from '../exact/poly.js';
import { signOfConstant } from '../exact/calculus.js';
import { KinkproofError } from '../../diagnostics.js';
import type { AnalyticRules } from '../exact/analytic.js';
import { piRules } from './pi.js';

/**
 * u depends on t and is the negative of the canonical representative of ±u
 * (its first term has a negative coefficient): f(−u) is then rewritten through
 * f's symmetry (sin(−u) = −sin u, cos(−u) = cos u, σ(−u) = 1 − σ(u)), so that
 * f(−t) and −f(t) have one normal form and cos|t| leaves no kink behind.
 * Constants keep the form they were written in: tanh(X) − tanh(−1) switches
 * where the preimage recognises tanh(−1) as written.
 */
export const leadsNegative = (u: Poly): boolean => P.hasT(u) && u.terms.length > 0 && Q.sign(u.terms[0]!.coef) < 0;

/**
 * g(e^{k·u}) for a constant u whose exponential simplifies (u = 0, log 3,
 * ½·log 3, log(e − 1)): tanh, sigmoid and softplus are such g, so their values
 * at the breakpoints they create are exact (sigmoid(log 3) = ¾,
 * softplus(log(e − 1)) = 1). Where e^{k·u} stays an exponential (u = 1), the
 * atom is kept: tanh(1) reads better than (e² − 1)/(e² + 1).
 */
export function viaExp(u: Poly, k: Q.Rational, g: (E: Poly) => Poly): Poly | undefined {
  if (P.hasT(u)) return undefined;
  const ku = P.scale(u, k);
  const E = P.exp(ku);
  const [only] = E.terms;
  const unsimplified = E.terms.length === 1 && only && Q.isOne(only.coef) && only.mono.factors.length === 1 && only.mono.factors[0]!.atom.kind === 'exp';
  return unsimplified ? undefined : g(E);
}

/**
 * The preimage of y under an injective f when y is written as f(c) itself
 * (tanh(X) − tanh(½) switches at ½, which the closed form ½·log((1 + y)/(1 − y))
 * would hide from exact comparison); else `closedForm(y)`.
 */
export function injectivePreimage(rules: AnalyticRules, y: Poly, closedForm: (y: Poly) => Poly[]): Poly[] {
  const [only] = y.terms;
  const factor = only?.mono.factors[0];
  if (y.terms.length === 1 && Q.isOne(only!.coef) && only!.mono.factors.length === 1 && Q.isOne(factor!.exp)) {
    const atom = factor!.atom;
    if (atom.kind === 'fn' && atom.rules === rules) return [atom.arg];
  }
  return closedForm(y);
}

/** sign(y − bound), exactly; refuses when an enclosure cannot decide. */
function side(y: Poly, bound: Poly): -1 | 0 | 1 {
  const s = signOfConstant(P.sub(y, bound));
  if (s === undefined) throw new KinkproofError('unsupported', 'cannot decide whether a constant lies in the range of a function');
  return s;
}

/** lo < y < hi (either bound may be absent: unbounded). */
export const insideOpen = (y: Poly, lo: Poly | undefined, hi: Poly | undefined): boolean =>
  (lo === undefined || side(y, lo) > 0) && (hi === undefined || side(y, hi) < 0);

/** sin u = y or cos u = y: none when |y| > 1, else infinitely many u. */
export function periodicPreimage(name: string, y: Poly): Poly[] {
  if (!insideClosed(y)) return [];
  throw new KinkproofError(
    'unsupported',
    `${name}(u) = c holds for infinitely many u (such as u = kπ, k ∈ ℤ); such families are solved only where u = a*t + b with rational a and phi is periodic (t only inside sin and cos of such arguments)`,
  );
}

const insideClosed = (y: Poly): boolean => side(y, P.integer(-1)) >= 0 && side(y, P.ONE) <= 0;

/** q when u = q·π for a rational q (π/2, −3π, 0), else undefined. */
export function piMultiple(u: Poly): Q.Rational | undefined {
  if (P.isZero(u)) return Q.ZERO;
  const [only] = u.terms;
  const [f] = only?.mono.factors ?? [];
  const isPi = u.terms.length === 1 && only!.mono.factors.length === 1 && f!.atom.kind === 'const' && f!.atom.rules === piRules && Q.isOne(f!.exp);
  return isPi ? only!.coef : undefined;
}

const CONSTANT = { tPositive: false } as const;
const surd = (p: Poly): Poly => P.pow(p, Q.HALF, CONSTANT);
const root = (n: number): Poly => surd(P.integer(n));
const quarter = (p: Poly): Poly => P.scale(p, Q.rat(1, 4));

/**
 * sin(kπ/(2n)) for k = 0…n, the first quadrant, for the angles whose sines
 * have closed forms in square roots: twelfths (π/12 = 15°) and tenths
 * (π/10 = 18°, from the regular pentagon).
 */
const FIRST_QUADRANT = new Map<bigint, readonly Poly[]>([
  [6n, [P.ZERO, quarter(P.sub(root(6), root(2))), P.constant(Q.HALF), P.scale(root(2), Q.HALF), P.scale(root(3), Q.HALF), quarter(P.add(root(6), root(2))), P.ONE]],
  [
    5n,
    [
      P.ZERO,
      quarter(P.sub(root(5), P.ONE)),
      quarter(surd(P.sub(P.integer(10), P.scale(root(5), Q.rat(2))))),
      quarter(P.add(root(5), P.ONE)),
      quarter(surd(P.add(P.integer(10), P.scale(root(5), Q.rat(2))))),
      P.ONE,
    ],
  ],
]);

/** The angles, as multiples q of π in [0, 2), whose sines are known exactly. */
export const SPECIAL_ANGLES: readonly Q.Rational[] = (() => {
  const seen = new Map<string, Q.Rational>();
  for (const n of FIRST_QUADRANT.keys())
    for (let k = 0n; k < 4n * n; k++) {
      const q = Q.rat(k, 2n * n);
      seen.set(Q.toText(q), q);
    }
  return [...seen.values()].sort(Q.compare);
})();

/** sin(qπ) exactly when 12q or 10q is an integer (by sin(π − x) = sin x and sin(x + π) = −sin x), else undefined. */
export function sinOfPiMultiple(q: Q.Rational): Poly | undefined {
  for (const [n, table] of FIRST_QUADRANT) {
    const k = Q.mul(q, Q.rat(2n * n));
    if (!Q.isInteger(k)) continue;
    const r = ((k.num % (4n * n)) + 4n * n) % (4n * n); // in units of π/(2n), within one turn
    const half = r % (2n * n);
    const value = table[Number(half <= n ? half : 2n * n - half)]!;
    return r < 2n * n ? value : P.neg(value);
  }
  return undefined;
}

/** sin(qπ) (shift 0) or cos(qπ) = sin(qπ + π/2) (shift ½) for u = qπ at a special angle: exact, else undefined. */
export function atPiMultiple(u: Poly, shift: Q.Rational): Poly | undefined {
  const q = piMultiple(u);
  return q === undefined ? undefined : sinOfPiMultiple(Q.add(q, shift));
}

/**
 * sin(v + qπ) for q a multiple of ½ and t in v, in quarter turns: sin v, cos v,
 * −sin v, −cos v (shift 6: cos(u) = sin(u + π/2)). One normal form for
 * |sin(t + π)| and |sin t|; undefined when u has no such π term.
 */
export function quarterTurns(u: Poly, shift: 0n | 6n, sin: AnalyticRules, cos: AnalyticRules): Poly | undefined {
  if (!P.hasT(u)) return undefined;
  const turn = u.terms.find((t) => piMultiple(P.monomial(t.mono.factors)) !== undefined && t.mono.factors.length > 0);
  const halves = turn && Q.mul(turn.coef, Q.rat(2));
  if (!turn || !halves || !Q.isInteger(halves)) return undefined;
  const v = P.sub(u, P.scale(P.monomial(turn.mono.factors), turn.coef));
  const k = Number((((halves.num + shift / 6n) % 4n) + 4n) % 4n);
  const value = P.analytic(k % 2 === 0 ? sin : cos, v);
  return k < 2 ? value : P.neg(value);
}
