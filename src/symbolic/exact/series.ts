/**
 * Truncated Puiseux series of a canonical form at t = c from one side:
 * t = c + s·u, u → 0⁺, p(t) = Σ cₑ·u^e. Coefficients are exact constants.
 * `order` tracks precision: every term with exponent below it is exact.
 * This is what decides one-sided limits of φ, φ′, φ″, … at a breakpoint
 * (DESIGN.md: the mean-value reduction φ′₊(c) = lim_{t→c⁺} p′(t)).
 */
import * as Q from './rational.js';
import type { Rational } from './rational.js';
import * as P from './poly.js';
import type { Atom, Poly } from './poly.js';
import { diff, signOfConstant, substitute } from './calculus.js';
import type { AnalyticRules } from './analytic.js';
import { checkBudget } from '../budget.js';

export interface SeriesTerm {
  readonly e: Rational;
  readonly c: Poly;
}
export interface Series {
  readonly terms: readonly SeriesTerm[]; // increasing e, non-zero c
  readonly order: Rational | null; // null: exact (finitely many terms)
}

/** The expansion cannot be decided (log singularity, a coefficient of unknown sign). */
export class Undecidable extends Error {}

const exactSeries = (terms: SeriesTerm[]): Series => normalise(terms, null);

function normalise(terms: readonly SeriesTerm[], order: Rational | null): Series {
  const byE = new Map<string, SeriesTerm>();
  for (const t of terms) {
    if (order && Q.compare(t.e, order) >= 0) continue;
    const k = Q.toText(t.e);
    const prev = byE.get(k);
    byE.set(k, prev ? { e: t.e, c: P.add(prev.c, t.c) } : t);
  }
  const kept = [...byE.values()].filter((t) => !P.isZero(t.c)).sort((a, b) => Q.compare(a.e, b.e));
  return { terms: kept, order };
}

const minOrder = (a: Rational | null, b: Rational | null): Rational | null =>
  a === null ? b : b === null ? a : Q.compare(a, b) <= 0 ? a : b;

const addSeries = (a: Series, b: Series): Series => normalise([...a.terms, ...b.terms], minOrder(a.order, b.order));

function leadExponent(s: Series): Rational | null {
  return s.terms[0]?.e ?? s.order;
}

function mulSeries(a: Series, b: Series, cap: Rational): Series {
  const la = leadExponent(a);
  const lb = leadExponent(b);
  let order: Rational | null = cap;
  if (a.order && lb) order = minOrder(order, Q.add(a.order, lb));
  if (b.order && la) order = minOrder(order, Q.add(b.order, la));
  const terms: SeriesTerm[] = [];
  for (const x of a.terms) for (const y of b.terms) terms.push({ e: Q.add(x.e, y.e), c: P.mul(x.c, y.c) });
  const exact = a.order === null && b.order === null;
  return normalise(terms, exact ? null : order);
}

/** Σ_k coef(k)·R^k for R with positive exponents, to the precision R and the cap allow. */
function composeWith(R: Series, coef: (k: number) => Poly, cap: Rational, terminatesAt?: number): Series {
  const lead = leadExponent(R);
  let result: Series = exactSeries([{ e: Q.ZERO, c: coef(0) }]);
  if (lead === null) return result; // R ≡ 0
  let power: Series = exactSeries([{ e: Q.ZERO, c: P.ONE }]);
  for (let k = 1; ; k++) {
    checkBudget();
    if (terminatesAt !== undefined && k > terminatesAt) return result;
    if (Q.compare(Q.mul(lead, Q.rat(k)), cap) >= 0) {
      // The remaining terms start at exponent ≥ k·lead ≥ cap.
      return normalise(result.terms, minOrder(result.order, cap));
    }
    power = mulSeries(power, R, cap);
    result = addSeries(result, scaleByConstant(power, coef(k)));
  }
}

/** Rational coefficients for composeWith. */
const rational =
  (coef: (k: number) => Rational) =>
  (k: number): Poly =>
    P.constant(coef(k));

/** Split S = a·u^α·(1 + R). */
function factorLead(s: Series): { a: Poly; alpha: Rational; R: Series } {
  const [first] = s.terms;
  if (!first) throw new Undecidable('the expansion vanishes to the precision computed');
  const sgn = signOfConstant(first.c);
  if (sgn === undefined || sgn === 0) throw new Undecidable('cannot decide the sign of a leading coefficient');
  const inverse = P.pow(first.c, Q.MINUS_ONE);
  const rest = s.terms.slice(1).map((t) => ({ e: Q.sub(t.e, first.e), c: P.mul(t.c, inverse) }));
  return { a: first.c, alpha: first.e, R: normalise(rest, s.order && Q.sub(s.order, first.e)) };
}

function binomial(e: Rational, k: number): Rational {
  let r = Q.ONE;
  for (let j = 0; j < k; j++) r = Q.div(Q.mul(r, Q.sub(e, Q.rat(j))), Q.rat(j + 1));
  return r;
}

/** Integer powers up to this are repeated products (cheap when s has few terms); higher ones square and multiply. */
const LINEAR_POWER = 64n;
/** Powers of two-term series up to this use the binomial theorem (t = c + u to the 1000th: 1000 terms, not 1000 series products). */
const BINOMIAL_POWER = 4096n;

/**
 * (a + b)^n for exact terms a = α·u^p, b = β·u^q with p < q: Σ_k C(n,k)·α^{n−k}·β^k·u^{p(n−k)+qk},
 * the terms with exponent below `cap` (exact when none is dropped, else precise to `cap`).
 */
function binomialPower(a: SeriesTerm, b: SeriesTerm, n: number, cap: Rational): Series {
  const step = Q.sub(b.e, a.e);
  const terms: SeriesTerm[] = [];
  let count = 0;
  for (let k = 0; k <= n; k++, count++) if (Q.compare(Q.add(Q.mul(a.e, Q.rat(n)), Q.mul(step, Q.rat(k))), cap) >= 0) break;
  if (count === 0) return normalise([], cap);
  // α^{n−k} for the k kept: α^{n−count+1} once, then up by one factor at a time.
  let lowest = a.c.terms.length === 1 ? P.pow(a.c, Q.rat(n - count + 1)) : P.ONE; // a power of a sum is expanded step by step
  for (let j = 0; a.c.terms.length > 1 && j < n - count + 1; j++) {
    checkBudget();
    lowest = P.mul(lowest, a.c);
  }
  const alphaPowers: Poly[] = [lowest];
  for (let j = 1; j < count; j++) {
    checkBudget();
    alphaPowers.push(P.mul(alphaPowers[j - 1]!, a.c));
  }
  let choose = 1n;
  let betaPower = P.ONE;
  for (let k = 0; k < count; k++) {
    checkBudget();
    terms.push({ e: Q.add(Q.mul(a.e, Q.rat(n - k)), Q.mul(b.e, Q.rat(k))), c: P.scale(P.mul(alphaPowers[count - 1 - k]!, betaPower), Q.rat(choose)) });
    choose = (choose * BigInt(n - k)) / BigInt(k + 1);
    betaPower = P.mul(betaPower, b.c);
  }
  return normalise(terms, count === n + 1 ? null : cap);
}

function powSeries(s: Series, e: Rational, cap: Rational): Series {
  if (Q.isInteger(e) && e.num >= 0n) {
    const [first, second] = s.terms;
    if (s.order === null && s.terms.length === 2 && e.num <= BINOMIAL_POWER) return binomialPower(first!, second!, Number(e.num), cap);
    let out = exactSeries([{ e: Q.ZERO, c: P.ONE }]);
    if (e.num <= LINEAR_POWER) {
      for (let k = 0n; k < e.num; k++) out = mulSeries(out, s, cap);
      return out;
    }
    // Square and multiply: t^(10^9) is 30 squarings, not 10^9 products.
    let base = s;
    for (let k = e.num; k > 0n; k >>= 1n) {
      checkBudget();
      if (k & 1n) out = mulSeries(out, base, cap);
      if (k > 1n) base = mulSeries(base, base, cap);
    }
    return out;
  }
  const { a, alpha, R } = factorLead(s);
  const shift = Q.mul(alpha, e);
  const relCap = Q.sub(cap, shift);
  const body = composeWith(R, rational((k) => binomial(e, k)), relCap);
  const scale = P.pow(a, e);
  return normalise(
    body.terms.map((t) => ({ e: Q.add(t.e, shift), c: P.mul(t.c, scale) })),
    body.order && Q.add(body.order, shift),
  );
}

function factorial(k: number): Rational {
  let r = Q.ONE;
  for (let j = 2; j <= k; j++) r = Q.mul(r, Q.rat(j));
  return r;
}

function splitConstant(s: Series): { c0: Poly; rest: Series } {
  if (s.terms.some((t) => Q.sign(t.e) < 0)) throw new Undecidable('exponential of an unbounded argument');
  const c0 = s.terms.find((t) => Q.isZero(t.e))?.c ?? P.ZERO;
  return { c0, rest: normalise(s.terms.filter((t) => Q.sign(t.e) > 0), s.order) };
}

function atomSeries(atom: Atom, at: Poly, side: 1 | -1, cap: Rational): Series {
  switch (atom.kind) {
    case 't':
      return exactSeries([
        { e: Q.ZERO, c: at },
        { e: Q.ONE, c: P.integer(side) },
      ]);
    case 'root':
    case 'const':
    case 'alg':
      return exactSeries([{ e: Q.ZERO, c: P.monomial([P.factor(atom, Q.ONE)]) }]);
    case 'exp': {
      const { c0, rest } = splitConstant(seriesAt(atom.arg, at, side, cap));
      return scaleByConstant(composeWith(rest, rational((k) => Q.inv(factorial(k))), cap), P.exp(c0));
    }
    case 'log': {
      const { a, alpha, R } = factorLead(seriesAt(atom.arg, at, side, cap));
      if (!Q.isZero(alpha)) throw new Undecidable('logarithmic singularity');
      const body = composeWith(R, rational((k) => (k === 0 ? Q.ZERO : Q.rat(k % 2 ? 1 : -1, k))), cap);
      return addSeries(exactSeries([{ e: Q.ZERO, c: P.log(a) }]), body);
    }
    case 'pow':
      return seriesAt(atom.base, at, side, cap);
    case 'fn': {
      // f is analytic at c₀ = lim u: f(c₀ + r) = Σ f⁽ᵏ⁾(c₀)/k!·rᵏ.
      const { c0, rest } = splitConstant(seriesAt(atom.arg, at, side, cap));
      return composeWith(rest, taylorCoefficients(atom.rules, c0), cap);
    }
  }
}

/** k ↦ f⁽ᵏ⁾(c)/k!, the derivatives taken exactly on the atom f(t) and kept as they are reached. */
function taylorCoefficients(rules: AnalyticRules, c: Poly): (k: number) => Poly {
  const derivatives: Poly[] = [P.analytic(rules, P.T)];
  return (k) => {
    while (derivatives.length <= k) derivatives.push(diff(derivatives[derivatives.length - 1]!));
    return P.scale(substitute(derivatives[k]!, c, { tPositive: false }), Q.inv(factorial(k)));
  };
}

const scaleByConstant = (s: Series, c: Poly): Series =>
  normalise(
    s.terms.map((t) => ({ e: t.e, c: P.mul(t.c, c) })),
    s.order,
  );

/** The expansion of p at t = c + side·u, every term with exponent below `cap` exact. */
export function seriesAt(p: Poly, at: Poly, side: 1 | -1, cap: Rational): Series {
  const shifted = shiftAtAlgebraic(p, at, side, cap);
  if (shifted) return shifted;
  let total: Series = exactSeries([]);
  for (const term of p.terms) {
    let s: Series = exactSeries([{ e: Q.ZERO, c: P.constant(term.coef) }]);
    for (const f of term.mono.factors) {
      const base = atomSeries(f.atom, at, side, cap);
      s = mulSeries(s, f.atom.kind === 'exp' ? base : powSeries(base, f.exp, cap), cap);
    }
    total = addSeries(total, s);
  }
  return total;
}

/**
 * p(α + s·u) = Σ_j b_j·(s·u)^j for a polynomial p with rational coefficients
 * of degree below the cap and a breakpoint α that is an algebraic number:
 * b_j = Σ_k a_k·C(k, j)·α^{k−j}, computed on coefficient arrays modulo α's
 * polynomial rather than through products of canonical forms. The same exact
 * series the general rule gives, an order of magnitude faster at a degree-8 α.
 */
function shiftAtAlgebraic(p: Poly, at: Poly, side: 1 | -1, cap: Rational): Series | undefined {
  const [only] = at.terms;
  const [f] = only?.mono.factors ?? [];
  if (at.terms.length !== 1 || !only || !Q.isOne(only.coef) || only.mono.factors.length !== 1 || f?.atom.kind !== 'alg' || !Q.isOne(f.exp)) return undefined;
  const coeffs = P.coefficientsInT(p)?.map(P.asRational);
  if (!coeffs || !coeffs.every((c): c is Rational => c !== undefined) || Q.compare(Q.rat(coeffs.length - 1), cap) >= 0) return undefined;
  const root = f.atom.root;
  const powers = coeffs.map((_, k) => root.power(BigInt(k)));
  const terms: SeriesTerm[] = [];
  for (let j = 0; j < coeffs.length; j++) {
    const b: Rational[] = new Array<Rational>(root.degree).fill(Q.ZERO);
    let choose = 1n; // C(k, j) for k = j, j + 1, …
    for (let k = j; k < coeffs.length; k++) {
      checkBudget();
      const a = Q.mul(coeffs[k]!, Q.rat(choose));
      if (!Q.isZero(a)) powers[k - j]!.forEach((c, i) => (b[i] = Q.add(b[i]!, Q.mul(a, c))));
      choose = (choose * BigInt(k + 1)) / BigInt(k + 1 - j);
    }
    terms.push({ e: Q.rat(j), c: P.scale(P.inAlgebraic(root, b), Q.rat(side ** j)) });
  }
  return exactSeries(terms);
}

/** An extended real: an exact constant, ±∞, or not decided. */
export type Limit =
  | { readonly kind: 'finite'; readonly value: Poly }
  | { readonly kind: 'infinite'; readonly sign: 1 | -1 }
  | { readonly kind: 'unknown'; readonly reason: string };

function fallingFactorial(e: Rational, k: number): Rational {
  let r = Q.ONE;
  for (let j = 0; j < k; j++) r = Q.mul(r, Q.sub(e, Q.rat(j)));
  return r;
}

/**
 * lim_{t→c^side} p^{(k)}(t) from p's series: term-by-term differentiation,
 * d/dt = side·d/du. A term u^e with e < k and e(e−1)…(e−k+1) ≠ 0 blows up.
 */
export function derivativeLimit(s: Series, k: number, side: 1 | -1): Limit {
  const orient = side < 0 && k % 2 === 1 ? -1 : 1;
  for (const t of s.terms) {
    if (Q.compare(t.e, Q.rat(k)) >= 0) break;
    checkBudget();
    if (Q.isInteger(t.e) && Q.sign(t.e) >= 0) continue; // e(e−1)…(e−k+1) = 0 for an integer 0 ≤ e < k
    const ff = fallingFactorial(t.e, k);
    if (Q.isZero(ff)) continue;
    const sgn = signOfConstant(t.c);
    if (sgn === undefined || sgn === 0) return { kind: 'unknown', reason: 'sign of a coefficient not decided' };
    return { kind: 'infinite', sign: (sgn * Q.sign(ff) * orient) as 1 | -1 };
  }
  if (s.order && Q.compare(s.order, Q.rat(k)) <= 0)
    return { kind: 'unknown', reason: `expansion not precise to order ${k}` };
  const exactTerm = s.terms.find((t) => Q.equals(t.e, Q.rat(k)));
  const value = exactTerm ? P.scale(exactTerm.c, Q.mul(factorial(k), Q.rat(orient))) : P.ZERO;
  return { kind: 'finite', value };
}
