/** Derivative, substitution and numeric enclosure of normal forms. */
import * as Q from './rational.js';
import * as I from './interval.js';
import type { Interval } from './interval.js';
import { refinedSign, refinedValue } from './bigInterval.js';
import { analytic, asRational, exp, factor, log, monomial, mul, ONE, pow, product, scale, sum, T, Undefined, ZERO } from './poly.js';
import type { Atom, Factor, Poly, PowerContext, Term } from './poly.js';
import { affine, AlgebraicRoot, surd } from './algebraic.js';

function atomDerivative(a: Atom): Poly {
  switch (a.kind) {
    case 't':
      return ONE;
    case 'root':
    case 'const':
    case 'alg':
      return ZERO;
    case 'exp':
      return mul(monomial([factor(a, Q.ONE)]), diff(a.arg));
    case 'log':
      // 1/u through pow, which splits a monomial u (σ(t)·σ(t)⁻¹ = 1), keeping an atom only for a sum.
      return mul(diff(a.arg), pow(a.arg, Q.MINUS_ONE));
    case 'pow':
      return diff(a.base);
    case 'fn':
      return mul(a.rules.derivative(a.arg), diff(a.arg));
  }
}

/** d/dt by the product and chain rules, atom by atom. */
export function diff(p: Poly): Poly {
  const out: Poly[] = [];
  for (const term of p.terms) {
    term.mono.factors.forEach((f, i) => {
      const d = atomDerivative(f.atom);
      if (d.terms.length === 0) return;
      const others: Factor[] = term.mono.factors.filter((_, j) => j !== i);
      // exp atoms carry exponent 1 and are their own derivative's factor.
      const own = f.atom.kind === 'exp' ? [] : [{ ...f, exp: Q.sub(f.exp, Q.ONE) }];
      const coef = f.atom.kind === 'exp' ? term.coef : Q.mul(term.coef, f.exp);
      out.push(scale(mul(monomial([...others, ...own]), d), coef));
    });
  }
  return sum(out);
}

/**
 * p with t replaced by c. Throws Undefined where p has no real value there.
 * `ctx` says whether c > 0, for splitting fractional powers.
 */
export function substitute(p: Poly, c: Poly, ctx: PowerContext): Poly {
  const atomValue = (a: Atom): Poly => {
    switch (a.kind) {
      case 't':
        return c;
      case 'root':
      case 'const':
      case 'alg':
        return monomial([factor(a, Q.ONE)]);
      case 'exp':
        return exp(substitute(a.arg, c, ctx));
      case 'log':
        return log(substitute(a.arg, c, ctx), ctx);
      case 'pow':
        return substitute(a.base, c, ctx);
      case 'fn':
        return analytic(a.rules, substitute(a.arg, c, ctx));
    }
  };
  return sum(
    p.terms.map((term) =>
      scale(
        product(term.mono.factors.map((f) => (f.atom.kind === 'exp' ? atomValue(f.atom) : pow(atomValue(f.atom), f.exp, ctx)))),
        term.coef,
      ),
    ),
  );
}

/**
 * Proved that p is real-analytic near t = c (a neighbourhood of c, c included):
 * every power is of a base that is non-zero at c (positive for a fractional
 * power), every log of a positive argument. false means "not proved": a base
 * that vanishes at c under a fractional or negative power (√((t−1)²) = |t−1|)
 * is exactly where two equal-looking canonical forms hide a kink.
 */
export function analyticAt(p: Poly, c: Poly, ctx: PowerContext): boolean {
  const signAtC = (q: Poly): -1 | 0 | 1 | undefined => {
    try {
      return signOfConstant(substitute(q, c, ctx));
    } catch (e) {
      if (e instanceof Undefined) return undefined;
      throw e;
    }
  };
  const powerOk = (base: Poly, e: Q.Rational): boolean => {
    if (Q.isInteger(e) && e.num >= 0n) return true;
    const s = signAtC(base);
    return Q.isInteger(e) ? s === 1 || s === -1 : s === 1;
  };
  return p.terms.every((term) =>
    term.mono.factors.every((f) => {
      switch (f.atom.kind) {
        case 't':
          return powerOk(T, f.exp);
        case 'root':
        case 'const':
        case 'alg':
          return true;
        case 'exp':
          return analyticAt(f.atom.arg, c, ctx);
        case 'log':
          return analyticAt(f.atom.arg, c, ctx) && signAtC(f.atom.arg) === 1 && powerOk(log(f.atom.arg, ctx), f.exp);
        case 'pow':
          return analyticAt(f.atom.base, c, ctx) && powerOk(f.atom.base, f.exp);
        case 'fn':
          return analyticAt(f.atom.arg, c, ctx) && powerOk(monomial([factor(f.atom, Q.ONE)]), f.exp);
      }
    }),
  );
}

const rationalEnclosure = (q: Q.Rational): Interval => {
  const x = Q.toNumber(q);
  return Number.isInteger(x) && Math.abs(x) < 2 ** 53 ? I.exact(x) : I.point(x);
};

/** A rigorous enclosure of p's value with t in `t` (a point or an interval). */
export function enclose(p: Poly, t: Interval): Interval {
  let total = I.exact(0);
  for (const term of p.terms) {
    let value = rationalEnclosure(term.coef);
    for (const f of term.mono.factors) value = I.mul(value, encloseFactor(f, t));
    total = I.add(total, value);
  }
  return total;
}

function encloseFactor(f: Factor, t: Interval): Interval {
  const e = Q.toNumber(f.exp);
  const base = ((): Interval | undefined => {
    switch (f.atom.kind) {
      case 't':
        return t;
      case 'root':
        return rationalEnclosure(Q.rat(f.atom.n));
      case 'exp':
        return I.exp(enclose(f.atom.arg, t));
      case 'log':
        return I.log(enclose(f.atom.arg, t));
      case 'pow':
        return enclose(f.atom.base, t);
      case 'fn':
        return f.atom.rules.enclose(enclose(f.atom.arg, t));
      case 'const':
        return f.atom.rules.enclose();
      case 'alg':
        return f.atom.root.doubleEnclosure();
    }
  })();
  const value = base && (f.atom.kind === 'exp' ? base : I.pow(base, e, Q.isInteger(f.exp)));
  if (!value) throw new Undefined('no real value on this enclosure');
  return value;
}

/**
 * sign(a + b·r) for rationals a, b and r = Π nᵢ^{eᵢ} a product of roots, exactly:
 * with D the common denominator of the eᵢ, r^D is rational, so |a| ≷ |b|·r is
 * decided by comparing (|a|/|b|)^D with r^D. This separates a double from a
 * breakpoint such as √2 however close it is.
 */
function surdSign(p: Poly): -1 | 0 | 1 | undefined {
  const constant = p.terms.find((t) => t.mono.factors.length === 0);
  const surds = p.terms.filter((t) => t !== constant);
  const [surd] = surds;
  if (surds.length !== 1 || !surd || surd.mono.factors.some((f) => f.atom.kind !== 'root')) return undefined;
  const b = surd.coef;
  const a = constant?.coef ?? Q.ZERO;
  if (Q.sign(a) === 0 || Q.sign(a) === Q.sign(b)) return Q.sign(b);
  const D = surd.mono.factors.reduce((d, f) => (d * f.exp.den) / Q.gcd(d, f.exp.den), 1n);
  let rD = Q.ONE; // r^D
  for (const f of surd.mono.factors) if (f.atom.kind === 'root') rD = Q.mul(rD, Q.powInt(Q.rat(f.atom.n), (f.exp.num * D) / f.exp.den));
  const ratio = Q.powInt(Q.div(a, b), D); // (a/b)^D, sign irrelevant for even D
  const aDominates = Q.compare(D % 2n === 0n ? ratio : Q.sign(ratio) < 0 ? Q.neg(ratio) : ratio, rD) > 0;
  return aDominates ? Q.sign(a) : Q.sign(b);
}

const rootOf = (f: Factor): AlgebraicRoot | undefined => (f.atom.kind === 'alg' ? f.atom.root : undefined);

/** q(α) for a polynomial in one algebraic number α (powers already below its degree): the coefficients and α. */
function inOneRoot(p: Poly): { alpha: AlgebraicRoot; coeffs: Q.Rational[] } | undefined {
  let alpha: AlgebraicRoot | undefined;
  for (const term of p.terms)
    for (const f of term.mono.factors) {
      const root = rootOf(f);
      if (!root || !Q.isInteger(f.exp) || (alpha && alpha.key !== root.key) || term.mono.factors.length > 1) return undefined;
      alpha = root;
    }
  if (!alpha) return undefined;
  const coeffs: Q.Rational[] = new Array<Q.Rational>(alpha.degree).fill(Q.ZERO);
  for (const term of p.terms) {
    const k = Number(term.mono.factors[0]?.exp.num ?? 0n);
    coeffs[k] = Q.add(coeffs[k]!, term.coef);
  }
  while (coeffs.length && Q.isZero(coeffs[coeffs.length - 1]!)) coeffs.pop();
  return { alpha, coeffs };
}

/** The constant q as one algebraic number or rational: a rational, k·α + a, or a + b·m for a product m of roots of integers. */
function named(q: Poly): AlgebraicRoot | Q.Rational | undefined {
  const r = asRational(q);
  if (r !== undefined) return r;
  const a = q.terms.find((t) => t.mono.factors.length === 0)?.coef ?? Q.ZERO;
  const rest = q.terms.filter((t) => t.mono.factors.length > 0);
  const [only] = rest;
  if (rest.length !== 1 || !only) return undefined;
  const [first] = only.mono.factors;
  const root = first && rootOf(first);
  if (root) return only.mono.factors.length === 1 && Q.isOne(first.exp) ? affine(root, only.coef, a) : undefined;
  if (!only.mono.factors.every((f) => f.atom.kind === 'root')) return undefined;
  // m = Π nᵢ^{eᵢ} > 0 and m^D = Π nᵢ^{eᵢ·D}, D the common denominator of the eᵢ.
  const D = only.mono.factors.reduce((d, f) => (d * f.exp.den) / Q.gcd(d, f.exp.den), 1n);
  let mD = Q.ONE;
  for (const f of only.mono.factors) if (f.atom.kind === 'root') mD = Q.mul(mD, Q.powInt(Q.rat(f.atom.n), (f.exp.num * D) / f.exp.den));
  return surd(a, only.coef, D, mD);
}

/** sign(x − y) for an algebraic number or rational on each side. */
function order(x: AlgebraicRoot | Q.Rational, y: AlgebraicRoot | Q.Rational): -1 | 0 | 1 {
  if (x instanceof AlgebraicRoot) return y instanceof AlgebraicRoot ? x.compare(y) : x.signOf([Q.neg(y), Q.ONE]);
  return y instanceof AlgebraicRoot ? (-y.signOf([Q.neg(x), Q.ONE]) as -1 | 0 | 1) : Q.compare(x, y);
}

/**
 * The sign of a constant built from real algebraic numbers, exactly: of a
 * polynomial in one of them, α (powers already below its degree), or of
 * X − Y for X and Y each a rational, k·α + a or a surd a + b·m (α − β,
 * α − 2^{1/8}: breakpoints found from different polynomials). Undefined for
 * any other constant.
 */
function algebraicSign(p: Poly): -1 | 0 | 1 | undefined {
  const one = inOneRoot(p);
  if (one) return one.alpha.signOf(one.coeffs);
  // Terms grouped by their algebraic number (the rest in one group); a rational term joins the first group.
  const groups = new Map<string, Term[]>();
  for (const term of p.terms) {
    const root = term.mono.factors.map(rootOf).find((r) => r !== undefined);
    const key = root ? root.key : term.mono.factors.length ? 'surd' : 'rational';
    groups.set(key, [...(groups.get(key) ?? []), term]);
  }
  const rational = groups.get('rational') ?? [];
  groups.delete('rational');
  const [x, y, ...more] = [...groups.values()];
  if (!x || !y || more.length) return undefined;
  const X = named(sum([...x, ...rational].map(termPoly)));
  const Y = named(scale(sum(y.map(termPoly)), Q.MINUS_ONE));
  return X !== undefined && Y !== undefined ? order(X, Y) : undefined;
}

const termPoly = (t: Term): Poly => scale(monomial(t.mono.factors), t.coef);

/**
 * The sign of a constant, proved by an enclosure or, for a + b·√…, exactly;
 * undefined when neither can tell. `refine` allows a higher-precision
 * enclosure (tens of milliseconds for a constant that is 0 but not written as
 * 0); a search over many points that only refutes passes false.
 */
export function signOfConstant(p: Poly, refine = true): -1 | 0 | 1 | undefined {
  const refined = (): -1 | 1 | undefined => (refine ? refinedSign(p) : undefined);
  if (p.terms.length === 0) return 0;
  const q = p.terms.length === 1 && p.terms[0]?.mono.factors.length === 0 ? p.terms[0].coef : undefined;
  if (q) return Q.sign(q);
  try {
    return I.signOf(enclose(p, I.exact(0))) ?? surdSign(p) ?? algebraicSign(p) ?? refined();
  } catch {
    return surdSign(p) ?? algebraicSign(p) ?? refined();
  }
}

/**
 * The double nearest a constant's value (p at t), for display and numeric
 * checks only: a double enclosure's midpoint when it is tight, else an
 * enclosure refined in higher precision (e^1000, cancellation).
 */
export function approximate(p: Poly, t = 0): number {
  let double: I.Interval | undefined;
  try {
    double = enclose(p, t === 0 ? I.exact(0) : I.point(t));
    if (isTight(double)) return I.midpoint(double);
  } catch (e) {
    if (!(e instanceof Undefined)) throw e;
  }
  return refinedValue([{ p, weight: Q.ONE }], Q.fromNumber(t)) ?? (double ? I.midpoint(double) : NaN);
}

/** The double nearest a constant (correctly rounded) where an enclosure decides it, else `approximate`. */
export function nearest(p: Poly): number {
  const q = asRational(p);
  if (q !== undefined) return Q.toNumber(q);
  return refinedValue([{ p, weight: Q.ONE }]) ?? approximate(p);
}

/** Within a few ulps: its midpoint is as good as a double gets. */
export const isTight = (e: I.Interval): boolean =>
  (e.lo === 0 && e.hi === 0) ||
  (Number.isFinite(e.lo) && Number.isFinite(e.hi) && e.hi - e.lo <= 1e-14 * Math.max(Math.abs(e.lo), Math.abs(e.hi)));

