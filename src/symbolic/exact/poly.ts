/**
 * Canonical form for elementary expressions in one variable t: a finite sum of
 * rational multiples of monomials, a monomial being a product of "atoms" with
 * rational exponents. Atoms are t, roots of integers (√2 = 2^{1/2}), exp(·),
 * log(·) and powers of sums that cannot be expanded ((t²+1)^{1/2}, 1/(1+t)).
 *
 * Soundness over completeness: every rewrite used here is an identity wherever
 * both sides are defined, so a difference that normalises to 0 *is* 0. A
 * non-zero normal form may still be 0 through a relation we do not know; callers
 * then look for a point where it is provably non-zero, or answer `unknown`.
 */
import * as Q from './rational.js';
import type { Rational } from './rational.js';
import { checkBudget } from '../budget.js';
import { perfectPower } from './perfectPower.js';
import type { AnalyticRules, ConstantRules } from './analytic.js';
import type { AlgebraicRoot } from './algebraic.js';

export type Atom =
  | { readonly kind: 't' }
  | { readonly kind: 'root'; readonly n: bigint } // n^r, 0 < r < 1, n > 1 an integer
  | { readonly kind: 'exp'; readonly arg: Poly } // exponent always 1
  | { readonly kind: 'log'; readonly arg: Poly } // integer exponents
  | { readonly kind: 'pow'; readonly base: Poly } // base a sum, or a monomial we could not split
  | { readonly kind: 'fn'; readonly rules: AnalyticRules; readonly arg: Poly } // sin(u), tanh(u), …: the registry's rules travel with the atom
  | { readonly kind: 'const'; readonly rules: ConstantRules } // π, with its enclosures
  | { readonly kind: 'alg'; readonly root: AlgebraicRoot }; // an irrational real root of an integer polynomial; powers reduced below its degree

export interface Factor {
  readonly atom: Atom;
  readonly key: string;
  readonly exp: Rational;
}
export interface Monomial {
  readonly key: string;
  readonly factors: readonly Factor[];
}
export interface Term {
  readonly coef: Rational;
  readonly mono: Monomial;
}
export interface Poly {
  readonly key: string;
  readonly terms: readonly Term[];
}

/** Raised when a value is not a real number (log 0, 0^{-1}, √−1). */
export class Undefined extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Undefined';
  }
}

/** Raised when a result would grow past what we are willing to expand (also for numbers past Q.MAX_BITS). */
export { TooLarge } from './rational.js';
import { TooLarge } from './rational.js';

const MAX_TERMS = 2000;

const UNIT: Monomial = { key: '1', factors: [] };

function atomKey(a: Atom): string {
  switch (a.kind) {
    case 't':
      return 't';
    case 'root':
      return `r${a.n}`;
    case 'exp':
      return `e(${a.arg.key})`;
    case 'log':
      return `l(${a.arg.key})`;
    case 'pow':
      return `w(${a.base.key})`;
    case 'fn':
      return `${a.rules.name}(${a.arg.key})`;
    case 'const':
      return a.rules.name;
    case 'alg':
      return `alg(${a.root.key})`;
  }
}

function makePoly(terms: Term[]): Poly {
  checkBudget();
  if (terms.length > MAX_TERMS) throw new TooLarge(`expression has more than ${MAX_TERMS} terms`);
  terms.sort((x, y) => (x.mono.key < y.mono.key ? -1 : x.mono.key > y.mono.key ? 1 : 0));
  return { key: terms.map((t) => `${Q.toText(t.coef)}*${t.mono.key}`).join('+') || '0', terms };
}

/** Collect like monomials and drop zero coefficients. */
function collect(terms: readonly Term[]): Poly {
  const byKey = new Map<string, Term>();
  for (const t of terms) {
    const prev = byKey.get(t.mono.key);
    byKey.set(t.mono.key, prev ? { coef: Q.add(prev.coef, t.coef), mono: t.mono } : t);
  }
  return makePoly([...byKey.values()].filter((t) => !Q.isZero(t.coef)));
}

export const ZERO: Poly = makePoly([]);
export const constant = (q: Rational): Poly => (Q.isZero(q) ? ZERO : makePoly([{ coef: q, mono: UNIT }]));
export const ONE = constant(Q.ONE);
export const T: Poly = makePoly([{ coef: Q.ONE, mono: { key: 't^1', factors: [{ atom: { kind: 't' }, key: 't', exp: Q.ONE }] } }]);
export const integer = (n: number): Poly => constant(Q.rat(n));

export const isZero = (p: Poly): boolean => p.terms.length === 0;
export const equals = (a: Poly, b: Poly): boolean => a.key === b.key;

/** The rational value of a constant polynomial, or undefined when it has atoms. */
export function asRational(p: Poly): Rational | undefined {
  if (p.terms.length === 0) return Q.ZERO;
  const [only] = p.terms;
  return p.terms.length === 1 && only && only.mono.factors.length === 0 ? only.coef : undefined;
}

/** The polynomial an atom is a function of (exp, log, fn: the argument; pow: the base); none for t, roots, constants and algebraic numbers. */
export function atomInner(a: Atom): Poly | undefined {
  switch (a.kind) {
    case 't':
    case 'root':
    case 'const':
    case 'alg':
      return undefined;
    case 'exp':
    case 'log':
    case 'fn':
      return a.arg;
    case 'pow':
      return a.base;
  }
}

export function atomHasT(a: Atom): boolean {
  if (a.kind === 't') return true;
  const inner = atomInner(a);
  return inner !== undefined && hasT(inner);
}
/** Does an algebraic number α appear in p's terms (not looking inside other atoms)? */
export const hasAlgebraic = (p: Poly): boolean => p.terms.some((t) => t.mono.factors.some((f) => f.atom.kind === 'alg'));
export const hasT = (p: Poly): boolean => p.terms.some((t) => t.mono.factors.some((f) => atomHasT(f.atom)));

export const add = (a: Poly, b: Poly): Poly => collect([...a.terms, ...b.terms]);
export const neg = (a: Poly): Poly => makePoly(a.terms.map((t) => ({ coef: Q.neg(t.coef), mono: t.mono })));
export const sub = (a: Poly, b: Poly): Poly => add(a, neg(b));
export const scale = (a: Poly, q: Rational): Poly =>
  Q.isZero(q) ? ZERO : makePoly(a.terms.map((t) => ({ coef: Q.mul(t.coef, q), mono: t.mono })));
export const sum = (ps: readonly Poly[]): Poly => collect(ps.flatMap((p) => p.terms));

export function mul(a: Poly, b: Poly): Poly {
  if (a.terms.length * b.terms.length > MAX_TERMS) throw new TooLarge(`product has more than ${MAX_TERMS} terms`);
  const inT = tPolynomialProduct(a, b);
  if (inT) return inT;
  const out: Term[] = [];
  for (const x of a.terms) {
    for (const y of b.terms) {
      const coef = Q.mul(x.coef, y.coef);
      for (const t of monomial([...x.mono.factors, ...y.mono.factors]).terms) out.push({ coef: Q.mul(t.coef, coef), mono: t.mono });
    }
  }
  return collect(out);
}

/** Exponents of t up to this size take the convolution (their sums stay exact doubles). */
const CONVOLVED_EXPONENT = 2n ** 40n;

/** The exponent of a monomial that is t^k for an integer k (0 for the unit), else undefined. */
function tExponent(m: Monomial): number | undefined {
  if (m.factors.length === 0) return 0;
  const [f] = m.factors;
  if (m.factors.length !== 1 || f!.atom.kind !== 't' || f!.exp.den !== 1n) return undefined;
  const k = f!.exp.num;
  return k < CONVOLVED_EXPONENT && k > -CONVOLVED_EXPONENT ? Number(k) : undefined;
}

/** t^k for 0 ≤ k < MAX_TERMS, made once each on first use (they recur in every product). */
const T_POWERS: Monomial[] = [UNIT];

/** The canonical monomial t^k, as `monomial` writes it. */
function tPower(k: number): Monomial {
  const made = T_POWERS[k];
  if (made) return made;
  const m = monomial([factor({ kind: 't' }, Q.rat(k))]).terms[0]!.mono;
  if (k > 0 && k < MAX_TERMS) T_POWERS[k] = m;
  return m;
}

/** The least common multiple of the denominators of p's coefficients. */
function commonDenominator(p: Poly): bigint {
  return p.terms.reduce((l, t) => (l % t.coef.den === 0n ? l : (l * t.coef.den) / Q.gcd(l, t.coef.den)), 1n);
}

/**
 * a·b by convolving coefficients when both are Laurent polynomials in t (the
 * common case: pieces of polynomial φ), without building a monomial per pair
 * of terms; undefined when either has another atom.
 */
function tPolynomialProduct(a: Poly, b: Poly): Poly | undefined {
  const ea = a.terms.map((t) => tExponent(t.mono));
  const eb = b.terms.map((t) => tExponent(t.mono));
  if (ea.includes(undefined) || eb.includes(undefined)) return undefined;
  // Over common denominators: a = A/da, b = B/db with integer A and B, so a·b = (A·B)/(da·db).
  const [da, db] = [commonDenominator(a), commonDenominator(b)];
  const [na, nb] = [a.terms.map((t) => t.coef.num * (da / t.coef.den)), b.terms.map((t) => t.coef.num * (db / t.coef.den))];
  const sums = new Map<number, bigint>();
  for (let i = 0; i < na.length; i++) {
    for (let j = 0; j < nb.length; j++) {
      const k = ea[i]! + eb[j]!;
      sums.set(k, (sums.get(k) ?? 0n) + na[i]! * nb[j]!);
    }
  }
  const coefficients = [...sums].map(([k, n]) => [k, Q.rat(n, da * db)] as const);
  return makePoly(coefficients.filter(([, c]) => !Q.isZero(c)).map(([k, coef]) => ({ coef, mono: tPower(k) })));
}

export const product = (ps: readonly Poly[]): Poly => ps.reduce(mul, ONE);

export const factor = (atom: Atom, exp: Rational): Factor => ({ atom, key: atomKey(atom), exp });

/**
 * Multiply factors into canonical form. Returns a Poly because some rules leave
 * the monomial world: a root's integer part is a rational coefficient, exp atoms
 * merge into one, and a power of a sum with a natural exponent is expanded.
 */
export function monomial(factors: readonly Factor[]): Poly {
  const byKey = new Map<string, Factor>();
  const expArgs: Poly[] = [];
  for (const f of factors) {
    if (f.atom.kind === 'exp') {
      expArgs.push(scale(f.atom.arg, f.exp));
      continue;
    }
    const prev = byKey.get(f.key);
    byKey.set(f.key, prev ? { ...f, exp: Q.add(prev.exp, f.exp) } : f);
  }
  let coef = Q.ONE;
  const kept: Factor[] = [];
  const expand: Poly[] = [];
  for (const f of byKey.values()) {
    if (Q.isZero(f.exp)) continue;
    if (f.atom.kind === 'root') {
      // n^e = n^{⌊e⌋} · n^{e−⌊e⌋}
      const whole = Q.floor(f.exp);
      coef = Q.mul(coef, Q.powInt(Q.rat(f.atom.n), whole));
      const frac = Q.sub(f.exp, Q.rat(whole));
      if (!Q.isZero(frac)) kept.push({ ...f, exp: frac });
    } else if (f.atom.kind === 'pow' && Q.isInteger(f.exp) && f.exp.num > 0n) {
      expand.push(powInteger(f.atom.base, f.exp.num));
    } else if (f.atom.kind === 'alg' && (Q.sign(f.exp) < 0 || Q.compare(f.exp, Q.rat(f.atom.root.degree)) >= 0)) {
      // α^e = α^{⌊e⌋}·α^{e−⌊e⌋}, the integer power reduced modulo α's polynomial.
      const whole = Q.floor(f.exp);
      const frac = Q.sub(f.exp, Q.rat(whole));
      if (!Q.isZero(frac)) kept.push({ ...f, exp: frac });
      expand.push(algebraicPower(f.atom, whole));
    } else {
      kept.push(f);
    }
  }
  const expArg = sum(expArgs);
  if (!isZero(expArg)) kept.push(factor({ kind: 'exp', arg: expArg }, Q.ONE));
  kept.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const mono: Monomial = kept.length
    ? { key: kept.map((f) => `${f.key}^${Q.toText(f.exp)}`).join('*'), factors: kept }
    : UNIT;
  const base = makePoly(Q.isZero(coef) ? [] : [{ coef, mono }]);
  return expand.length ? product([base, ...expand]) : base;
}

/** α^k for an integer k as a polynomial in α of degree below α's. */
const algebraicPower = (atom: Atom & { kind: 'alg' }, k: bigint): Poly => inAlgebraic(atom.root, atom.root.power(k));

/** Σ cᵢ·αⁱ for coefficients of degree below α's (no reduction needed). */
export function inAlgebraic(root: AlgebraicRoot, coeffs: readonly Rational[]): Poly {
  const atom: Atom = { kind: 'alg', root };
  const key = atomKey(atom);
  return collect(coeffs.map((coef, i) => ({ coef, mono: i === 0 ? UNIT : { key: `${key}^${i}`, factors: [{ atom, key, exp: Q.rat(i) }] } })));
}

/** The real algebraic number α as a canonical form. */
export const algebraic = (root: AlgebraicRoot): Poly => monomial([factor({ kind: 'alg', root }, Q.ONE)]);

const MAX_POWER = 64n;

function powInteger(p: Poly, n: bigint): Poly {
  if (n > MAX_POWER && p.terms.length > 1) throw new TooLarge(`power ${n} of a sum is too large to expand`);
  let result = ONE;
  let base = p;
  for (let k = n; k > 0n; k >>= 1n) {
    if (k & 1n) result = mul(result, base);
    if (k > 1n) base = mul(base, base);
  }
  return result;
}

/**
 * Prime factorisation by trial division (up to 10^6, or 10^4 for numbers past
 * 10^18 such as the exact value of a double); a larger cofactor is kept whole.
 * Only the canonical form of roots depends on it, never correctness.
 */
function factorInteger(n: bigint): Map<bigint, bigint> {
  const out = new Map<bigint, bigint>();
  const bound = n > 10n ** 18n ? 10_000n : 1_000_000n;
  for (let p = 2n; p * p <= n && p < bound; p += p === 2n ? 1n : 2n) {
    while (n % p === 0n) {
      out.set(p, (out.get(p) ?? 0n) + 1n);
      n /= p;
    }
  }
  if (n > 1n) out.set(n, (out.get(n) ?? 0n) + 1n);
  return out;
}

/** q^α for a positive rational q, as rational × roots of primes. */
function rationalPower(q: Rational, alpha: Rational): Poly {
  if (Q.isInteger(alpha)) return constant(Q.powInt(q, alpha.num));
  const factors: Factor[] = [];
  for (const [n, sgn] of [
    [q.num, 1n],
    [q.den, -1n],
  ] as const)
    for (const [p, e] of factorInteger(n)) factors.push(factor({ kind: 'root', n: p }, Q.mul(alpha, Q.rat(e * sgn))));
  return monomial(factors);
}

export interface PowerContext {
  /** t > 0 wherever this expression is used (lets t^{1/2}·t^{1/2} become t). */
  readonly tPositive: boolean;
  /** t < 0 wherever this expression is used (lets (t²)^{1/2} become −t). */
  readonly tNegative?: boolean;
  /**
   * The sign of a polynomial q on the interval where this expression is used,
   * when q has no zero inside it (lets √((t−1)²) become t − 1 for t > 1).
   */
  readonly signOn?: (q: Poly) => 1 | -1 | undefined;
}

/** p^α for rational α. Throws Undefined for 0^{α≤0}, and for a negative constant to a fractional power. */
export function pow(p: Poly, alpha: Rational, ctx: PowerContext = { tPositive: false }): Poly {
  if (Q.isZero(alpha)) return ONE;
  if (isZero(p)) {
    if (Q.sign(alpha) > 0) return ZERO;
    throw new Undefined('0 to a non-positive power');
  }
  if (Q.isInteger(alpha) && alpha.num > 0n) return powInteger(p, alpha.num);
  const q = asRational(p);
  if (q !== undefined) {
    if (Q.sign(q) < 0 && !Q.isInteger(alpha)) throw new Undefined('fractional power of a negative number');
    const magnitude = rationalPower(Q.sign(q) < 0 ? Q.neg(q) : q, alpha);
    return Q.sign(q) < 0 && alpha.num % 2n !== 0n ? neg(magnitude) : magnitude;
  }
  const [only] = p.terms;
  if (p.terms.length === 1 && only && canSplit(only, alpha, ctx)) {
    const coefPart = Q.sign(only.coef) > 0 ? rationalPower(only.coef, alpha) : pow(constant(only.coef), alpha);
    return mul(coefPart, monomial(only.mono.factors.map((f) => ({ ...f, exp: Q.mul(f.exp, alpha) }))));
  }
  if (p.terms.length === 1 && only && ctx.tNegative) {
    const split = splitOnNegative(only, alpha);
    if (split) return split;
  }
  if (Q.isInteger(alpha) && alpha.num < 0n) {
    const inverse = surdInverse(p);
    if (inverse) return powInteger(inverse, -alpha.num);
  }
  if (!Q.isInteger(alpha) && ctx.signOn) {
    const root = rootOfPerfectPower(p, alpha, ctx);
    if (root) return root;
  }
  return monomial([factor({ kind: 'pow', base: p }, alpha)]);
}

/**
 * 1/(a + b·m) = (a − b·m)/(a² − b²·m²) for rationals a, b ≠ 0 and m a product
 * of square roots of integers (m² rational): the denominator is rationalised,
 * so y + 1/y − 3 is 0 for y = (3 + √5)/2 and breakpoints such as
 * ±log((3 + √5)/2) decide their switches exactly.
 */
function surdInverse(p: Poly): Poly | undefined {
  if (p.terms.length !== 2) return undefined;
  const a = p.terms.find((t) => t.mono.factors.length === 0);
  const b = p.terms.find((t) => t !== a);
  if (!a || !b || !b.mono.factors.every((f) => f.atom.kind === 'root' && Q.equals(f.exp, Q.HALF))) return undefined;
  const mSquared = b.mono.factors.reduce((acc, f) => (f.atom.kind === 'root' ? Q.mul(acc, Q.rat(f.atom.n)) : acc), Q.ONE);
  const norm = Q.sub(Q.mul(a.coef, a.coef), Q.mul(Q.mul(b.coef, b.coef), mSquared));
  if (Q.isZero(norm)) return undefined; // a + b·m = 0 cannot happen for m irrational; kept as a guard
  return scale(sub(constant(a.coef), makePoly([b])), Q.inv(norm));
}

/** (c·q^k)^α = |c|^α·(s·q)^{kα} where q has the sign s and c·q^k > 0 on the interval. */
function rootOfPerfectPower(p: Poly, alpha: Rational, ctx: PowerContext): Poly | undefined {
  const coeffs = coefficientsInT(p)?.map(asRational);
  if (!coeffs || !coeffs.every((c): c is Rational => c !== undefined)) return undefined;
  const found = perfectPower(coeffs);
  if (!found) return undefined;
  const q = fromCoefficients(found.q.map(constant));
  const s = ctx.signOn?.(q);
  if (s === undefined || Q.sign(found.c) * (found.k % 2 === 0 ? 1 : s) <= 0) return undefined;
  const magnitude = Q.sign(found.c) < 0 ? Q.neg(found.c) : found.c;
  return mul(pow(constant(magnitude), alpha), pow(scale(q, Q.rat(s)), Q.mul(Q.rat(found.k), alpha), ctx));
}

/**
 * For t < 0: (c·t^e·Π)^α with e even and eα an integer is c^α·(−1)^{eα}·t^{eα}·Π^α,
 * since t^e = |t|^e and |t| = −t (so √(t²) = −t there).
 */
function splitOnNegative(term: Term, alpha: Rational): Poly | undefined {
  if (Q.sign(term.coef) < 0) return undefined;
  let flip = false;
  for (const f of term.mono.factors) {
    if (f.atom.kind === 'log' || (f.atom.kind === 'fn' && !f.atom.rules.positive) || (f.atom.kind === 'alg' && f.atom.root.sign() < 0)) return undefined;
    if (f.atom.kind !== 't') continue;
    const e = Q.mul(f.exp, alpha);
    if (!Q.isInteger(f.exp) || f.exp.num % 2n !== 0n || !Q.isInteger(e)) return undefined;
    flip = e.num % 2n !== 0n;
  }
  const magnitude = mul(rationalPower(term.coef, alpha), monomial(term.mono.factors.map((f) => ({ ...f, exp: Q.mul(f.exp, alpha) }))));
  return flip ? neg(magnitude) : magnitude;
}

/** (c·Π fᵢ^{eᵢ})^α = c^α·Π fᵢ^{eᵢα} holds when α is an integer or every factor is positive. */
function canSplit(term: Term, alpha: Rational, ctx: PowerContext): boolean {
  if (Q.isInteger(alpha)) return true;
  if (Q.sign(term.coef) < 0) return false;
  return term.mono.factors.every((f) => {
    switch (f.atom.kind) {
      case 't':
        return ctx.tPositive;
      case 'root':
      case 'exp':
      case 'pow':
        return true;
      case 'log':
        return false;
      case 'fn':
      case 'const':
        return f.atom.rules.positive;
      case 'alg':
        return f.atom.root.sign() > 0;
    }
  });
}

export function exp(p: Poly): Poly {
  // exp(Σ qᵢ·log bᵢ + rest) = Π bᵢ^{qᵢ} · exp(rest): log bᵢ is defined, so bᵢ > 0.
  const parts: Poly[] = [];
  const rest: Term[] = [];
  for (const t of p.terms) {
    const [f] = t.mono.factors;
    if (t.mono.factors.length === 1 && f && f.atom.kind === 'log' && Q.isOne(f.exp))
      parts.push(pow(f.atom.arg, t.coef, { tPositive: false }));
    else rest.push(t);
  }
  const restPoly = makePoly(rest);
  if (!isZero(restPoly)) parts.push(monomial([factor({ kind: 'exp', arg: restPoly }, Q.ONE)]));
  return product(parts);
}

export function log(p: Poly, ctx: PowerContext = { tPositive: false }): Poly {
  const q = asRational(p);
  if (q !== undefined) {
    if (Q.sign(q) <= 0) throw new Undefined('log of a non-positive number');
    const out: Poly[] = [];
    for (const [n, sgn] of [
      [q.num, 1n],
      [q.den, -1n],
    ] as const)
      for (const [prime, e] of factorInteger(n)) out.push(scale(logAtomOf(constant(Q.rat(prime))), Q.rat(e * sgn)));
    return sum(out);
  }
  const [only] = p.terms;
  if (p.terms.length === 1 && only && Q.sign(only.coef) > 0 && canSplit(only, Q.HALF, ctx)) {
    // log(c·Π fᵢ^{eᵢ}) = log c + Σ eᵢ·log fᵢ for positive factors.
    const out: Poly[] = [log(constant(only.coef))];
    for (const f of only.mono.factors) {
      if (f.atom.kind === 'exp') out.push(scale(f.atom.arg, f.exp));
      else if (f.atom.kind === 'root') out.push(scale(log(constant(Q.rat(f.atom.n))), f.exp));
      else if (f.atom.kind === 'pow') out.push(scale(log(f.atom.base, ctx), f.exp));
      else out.push(scale(logAtomOf(monomial([factor(f.atom, Q.ONE)])), f.exp)); // t, positive here
    }
    return sum(out);
  }
  return logAtomOf(p);
}

const logAtomOf = (p: Poly): Poly => monomial([factor({ kind: 'log', arg: p }, Q.ONE)]);

/** A named constant (π) as a canonical form. */
export const namedConstant = (rules: ConstantRules): Poly => monomial([factor({ kind: 'const', rules }, Q.ONE)]);

/** f(u) for a registry function analytic on ℝ: its special value, or the atom. */
export const analytic = (rules: AnalyticRules, u: Poly): Poly => rules.special(u) ?? monomial([factor({ kind: 'fn', rules, arg: u }, Q.ONE)]);

/**
 * The highest power of t kinkproof works with: root finding, coefficient
 * lists and derivative-by-derivative comparisons grow with the degree
 * (t^100000 would mean 100000 coefficients and as many derivatives).
 */
export const MAX_DEGREE = 1000;

/** The coefficients c₀…c_d when p is a polynomial in t with constant coefficients, else undefined. Throws TooLarge on a power of t past ±MAX_DEGREE. */
export function coefficientsInT(p: Poly): Poly[] | undefined {
  for (const term of p.terms)
    for (const f of term.mono.factors)
      if (f.atom.kind === 't' && Q.compare(Q.rat(f.exp.num < 0n ? -f.exp.num : f.exp.num, f.exp.den), Q.rat(MAX_DEGREE)) > 0)
        throw new TooLarge(`powers of t are limited to degree ${MAX_DEGREE} (t^${Q.toText(f.exp)} arises)`);
  const coeffs: Poly[] = [];
  for (const term of p.terms) {
    let degree = 0n;
    const rest: Factor[] = [];
    for (const f of term.mono.factors) {
      if (f.atom.kind === 't') {
        if (!Q.isInteger(f.exp) || f.exp.num < 0n) return undefined;
        degree = f.exp.num;
      } else if (atomHasT(f.atom)) return undefined;
      else rest.push(f);
    }
    const d = Number(degree);
    while (coeffs.length <= d) coeffs.push(ZERO);
    coeffs[d] = add(coeffs[d] ?? ZERO, scale(monomial(rest), term.coef));
  }
  return coeffs;
}

export function fromCoefficients(coeffs: readonly Poly[]): Poly {
  return sum(coeffs.map((c, k) => mul(c, pow(T, Q.rat(k)))));
}
