/**
 * Exact real zeros of a piece, used to place breakpoints. Polynomials with
 * constant coefficients: rational roots (rational root theorem), then the
 * linear / quadratic formula or a real n-th root for what is left.
 * Anything else is refused rather than approximated.
 */
import * as Q from './exact/rational.js';
import type { Rational } from './exact/rational.js';
import * as P from './exact/poly.js';
import type { Poly } from './exact/poly.js';
import { signOfConstant } from './exact/calculus.js';
import { KinkproofError } from '../diagnostics.js';
import { divide, integral, rationalRoots, realRootCount, squareFreeIntegral } from './exact/realRoots.js';
import { algebraicRoots, realQuadraticFactor } from './exact/algebraic.js';
import { trigZeros } from './trigZeros.js';

const unsupported = (why: string): KinkproofError => new KinkproofError('unsupported', why);

/** Compare two exact constants; refuses when an enclosure cannot separate them. */
export function compareExact(a: Poly, b: Poly): -1 | 0 | 1 {
  const s = signOfConstant(P.sub(a, b));
  if (s === undefined) throw unsupported('cannot decide the order of two breakpoints exactly');
  return s;
}

/**
 * All real zeros of p (not identically zero), in increasing order. With a
 * period P = qπ of p, the zeros in [0, P): every zero is one of them plus kP.
 */
export function realZeros(p: Poly, period?: Poly): Poly[] {
  const coeffs = P.coefficientsInT(p);
  if (!coeffs) return nonPolynomialZeros(p, period);
  const roots = polynomialZeros(trimmed(coeffs));
  roots.sort(compareExact);
  return roots.filter((r, i) => i === 0 || compareExact(roots[i - 1]!, r) !== 0);
}

function trimmed(c: Poly[]): Poly[] {
  const out = [...c];
  while (out.length && P.isZero(out[out.length - 1]!)) out.pop();
  return out;
}

type Sign = 'positive' | 'nonnegative';

/** The sign of one factor for every real t where it is defined, when it does not depend on t. */
function factorSign(f: P.Factor): Sign | undefined {
  switch (f.atom.kind) {
    case 'exp':
    case 'root':
      return 'positive';
    case 't':
      return Q.isInteger(f.exp) && f.exp.num % 2n === 0n ? (f.exp.num < 0n ? 'positive' : 'nonnegative') : undefined;
    case 'pow':
      // A positive base stays positive under any real power.
      return signEverywhere(f.atom.base) === 'positive' ? 'positive' : undefined;
    case 'log':
      return undefined;
    case 'fn':
    case 'const':
      return f.atom.rules.positive ? 'positive' : undefined;
    case 'alg':
      return f.atom.root.sign() > 0 ? 'positive' : undefined;
  }
}

function termSign(term: P.Term): Sign | undefined {
  let strict = true;
  for (const f of term.mono.factors) {
    const s = factorSign(f);
    if (!s) return undefined;
    if (s === 'nonnegative') strict = false;
  }
  return strict ? 'positive' : 'nonnegative';
}

/** 'positive' when every term is ≥ 0 with a positive coefficient and one is > 0 (1 + exp(t), t² + 1). */
function signEverywhere(p: Poly): Sign | undefined {
  const signs = p.terms.map((t) => (Q.sign(t.coef) > 0 ? termSign(t) : undefined));
  if (signs.length === 0 || signs.some((x) => x === undefined)) return undefined;
  return signs.includes('positive') ? 'positive' : 'nonnegative';
}

/** p or −p is positive for every real t: no zeros. */
const neverZero = (p: Poly): boolean => signEverywhere(p) === 'positive' || signEverywhere(P.neg(p)) === 'positive';

/** The exp(·) factor every term shares, if any: it is positive, so p and p/exp(·) have the same zeros. */
function commonExponential(p: Poly): Poly | undefined {
  const args = p.terms.map((t) => t.mono.factors.find((f) => f.atom.kind === 'exp'));
  const [first] = args;
  if (!first || first.atom.kind !== 'exp' || args.some((f) => f?.key !== first.key)) return undefined;
  return first.atom.arg;
}

/**
 * p = Π wᵢ^{mᵢ}·rest, where mᵢ is the lowest exponent of the power wᵢ (a power
 * of t or of a sum) over p's terms (0 where a term lacks it). Where p is
 * defined, its zeros are rest's zeros and the zeros of each wᵢ with mᵢ > 0: a
 * negative power is never 0, and multiplying by wᵢ^{−mᵢ} ≠ 0 moves no zero.
 * (t − 1)^{3/2}'' = ¾·(t − 1)^{−1/2} and t·√(t−1) − √(t−1) become polynomials.
 */
function commonPowers(p: Poly): { rest: Poly; vanishing: Poly[] } | undefined {
  const bases = new Map<string, { atom: P.Atom; min: Rational }>();
  for (const term of p.terms)
    for (const f of term.mono.factors)
      if ((f.atom.kind === 'pow' || f.atom.kind === 't') && !bases.has(f.key)) bases.set(f.key, { atom: f.atom, min: Q.ZERO });
  for (const [key, b] of bases)
    for (const term of p.terms) {
      const e = term.mono.factors.find((f) => f.key === key)?.exp ?? Q.ZERO;
      if (Q.compare(e, b.min) < 0) b.min = e;
    }
  // Only what makes progress: a negative power to clear, or a fractional one to take out.
  const moved = [...bases.values()].filter((b) => Q.sign(b.min) < 0 || (Q.sign(b.min) > 0 && !Q.isInteger(b.min)));
  if (moved.length === 0) return undefined;
  const multiplier = moved.map((b) => P.factor(b.atom, Q.neg(b.min)));
  const rest = P.sum(p.terms.map((t) => P.scale(P.monomial([...t.mono.factors, ...multiplier]), t.coef)));
  const vanishing = moved.filter((b) => Q.sign(b.min) > 0).map((b) => (b.atom.kind === 'pow' ? b.atom.base : P.T));
  return { rest, vanishing };
}

function nonPolynomialZeros(p: Poly, period: Poly | undefined): Poly[] {
  if (neverZero(p)) return [];
  const circular = period && trigZeros(p, period, (c) => polynomialZeros(trimmed(c)));
  if (circular) return union([circular]);
  const zeros = (q: Poly): Poly[] => realZeros(q, period);
  const shared = commonExponential(p);
  if (shared) return zeros(P.mul(p, P.exp(P.neg(shared))));
  const common = commonPowers(p);
  if (common) return union([P.isZero(common.rest) || !P.hasT(common.rest) ? [] : zeros(common.rest), ...common.vanishing.map(zeros)]);
  const [only] = p.terms;
  if (p.terms.length === 1 && only) return union(only.mono.factors.map((f) => factorZeros(f, period)));
  const inOneAtom = oneAtomZeros(p, period) ?? exponentialPolynomialZeros(p, period);
  if (inOneAtom) return inOneAtom;
  throw unsupported(`cannot solve ${describe(p)} = 0 exactly`);
}

/**
 * Where one factor of a product vanishes (where it is defined): a positive
 * power vanishes with its base, a negative power never, log(u)^k where u = 1.
 * A pole is no zero; no piece's open interval holds one (an entry function
 * without a real value somewhere is refused).
 */
function factorZeros(f: P.Factor, period: Poly | undefined): Poly[] {
  if (Q.sign(f.exp) < 0) return [];
  switch (f.atom.kind) {
    case 't':
      return [P.ZERO];
    case 'root':
    case 'const':
    case 'alg':
    case 'exp':
      return [];
    case 'pow':
      return realZeros(f.atom.base, period);
    case 'log':
      return realZeros(P.sub(f.atom.arg, P.ONE), period);
    case 'fn':
      return circularZeros(f, period) ?? preimageZeros(f.atom, P.ZERO, period);
  }
}

/** Where a power of sin u or cos u vanishes, over one period (sin(u)² at u = kπ). */
function circularZeros(f: P.Factor, period: Poly | undefined): Poly[] | undefined {
  return period ? trigZeros(P.monomial([P.factor(f.atom, Q.ONE)]), period, (c) => polynomialZeros(trimmed(c))) : undefined;
}

/** Where the atom A (exp(u), log(u) or f(u)) takes the constant value y: the zeros of u − v for each v in A's preimage of y. */
function preimageZeros(atom: P.Atom, y: Poly, period: Poly | undefined): Poly[] {
  switch (atom.kind) {
    case 'exp':
      return signOfConstant(y) === 1 ? realZeros(P.sub(atom.arg, P.log(y)), period) : [];
    case 'log':
      return realZeros(P.sub(atom.arg, P.exp(y)), period);
    case 'fn':
      return union(atom.rules.preimage(y).map((v) => realZeros(P.sub(atom.arg, v), period)));
    default:
      throw unsupported(`cannot solve ${describe(P.monomial([P.factor(atom, Q.ONE)]))} = const exactly`);
  }
}

/**
 * p = q(A) for one atom A with t inside (exp(u), log(u), f(u)) and q a
 * polynomial with constant coefficients: p vanishes where A takes a real root
 * y of q, that is on A's preimage of each y (exp(t) − 2 at t = log 2;
 * sigmoid(t) − sigmoid(t)² nowhere, its roots 0 and 1 being outside the range).
 */
function oneAtomZeros(p: Poly, period: Poly | undefined): Poly[] | undefined {
  let atom: P.Atom | undefined;
  let key: string | undefined;
  const coeffs: Poly[] = [];
  for (const term of p.terms) {
    let degree = 0;
    const rest: P.Factor[] = [];
    for (const f of term.mono.factors) {
      if (!P.atomHasT(f.atom)) rest.push(f);
      else if ((key === undefined || f.key === key) && f.atom.kind !== 't' && f.atom.kind !== 'pow' && Q.isInteger(f.exp) && f.exp.num > 0n) {
        key = f.key;
        atom = f.atom;
        degree = Number(f.exp.num);
      } else return undefined;
    }
    while (coeffs.length <= degree) coeffs.push(P.ZERO);
    coeffs[degree] = P.add(coeffs[degree]!, P.scale(P.monomial(rest), term.coef));
  }
  if (!atom || coeffs.length > P.MAX_DEGREE) return undefined;
  const found = atom;
  return union(polynomialZeros(trimmed(coeffs)).map((y) => preimageZeros(found, y, period)));
}

/** r with b = r·a for a t-dependent a, when there is one (compared term by term). */
function ratio(b: Poly, a: Poly): Rational | undefined {
  const [first] = a.terms;
  const match = first && b.terms.find((t) => t.mono.key === first.mono.key);
  if (!first || !match) return undefined;
  const r = Q.div(match.coef, first.coef);
  return P.isZero(P.sub(b, P.scale(a, r))) ? r : undefined;
}

/**
 * p = Σ cᵢ·exp(rᵢ·g) with constant cᵢ, rational rᵢ and one t-dependent g: with
 * y = exp(g/d) (d the common denominator of the rᵢ) p·y^m is a polynomial in y
 * for a shift m, and y > 0 never vanishes. p = 0 where y is one of its positive
 * roots y₀, that is where g = d·log y₀ (eᵗ − e⁻ᵗ at 0; e²ᵗ − 3eᵗ + 2 at 0 and log 2).
 */
function exponentialPolynomialZeros(p: Poly, period: Poly | undefined): Poly[] | undefined {
  let g: Poly | undefined;
  const terms: { r: Rational; c: Poly }[] = [];
  for (const term of p.terms) {
    const exps = term.mono.factors.filter((f) => f.atom.kind === 'exp');
    const rest = term.mono.factors.filter((f) => f.atom.kind !== 'exp');
    if (exps.length > 1 || rest.some((f) => P.atomHasT(f.atom))) return undefined;
    const arg = exps[0]?.atom.kind === 'exp' ? exps[0].atom.arg : undefined;
    if (arg && !P.hasT(arg)) return undefined;
    g ??= arg;
    const r = arg === undefined ? Q.ZERO : ratio(arg, g!);
    if (r === undefined) return undefined;
    terms.push({ r, c: P.scale(P.monomial(rest), term.coef) });
  }
  if (!g) return undefined;
  const d = terms.reduce((acc, { r }) => (acc * r.den) / Q.gcd(acc, r.den), 1n);
  const powers = terms.map(({ r }) => Number((r.num * d) / r.den));
  const low = Math.min(...powers);
  if (Math.max(...powers) - low > P.MAX_DEGREE) return undefined;
  const coeffs: Poly[] = [];
  terms.forEach(({ c }, i) => {
    const k = powers[i]! - low;
    while (coeffs.length <= k) coeffs.push(P.ZERO);
    coeffs[k] = P.add(coeffs[k]!, c);
  });
  const base = P.scale(g, Q.rat(1n, d));
  const roots = polynomialZeros(trimmed(coeffs)).filter((y) => signOfConstant(y) === 1);
  return union(roots.map((y) => realZeros(P.sub(base, P.log(y)), period)));
}


function union(lists: readonly Poly[][]): Poly[] {
  const all = lists.flat().sort(compareExact);
  return all.filter((r, i) => i === 0 || compareExact(all[i - 1]!, r) !== 0);
}

const describe = (p: Poly): string => (p.key.length > 60 ? 'a non-polynomial expression' : 'this non-polynomial piece');

function polynomialZeros(coeffs: Poly[]): Poly[] {
  const degree = coeffs.length - 1;
  if (degree <= 0) return [];
  // t^k·q(t): 0 and the zeros of q, with every power of t taken out at once.
  const low = coeffs.findIndex((c) => !P.isZero(c));
  if (low > 0) return [P.ZERO, ...polynomialZeros(coeffs.slice(low))];
  if (degree === 1) return [P.neg(P.mul(coeffs[0]!, P.pow(coeffs[1]!, Q.MINUS_ONE)))];
  if (degree === 2) return quadraticZeros(coeffs[0]!, coeffs[1]!, coeffs[2]!);
  const rational = coeffs.map(P.asRational);
  if (rational.every((q): q is Rational => q !== undefined)) {
    const roots = rationalRoots(rational);
    if (roots.length) return [...roots.map(P.constant), ...polynomialZeros(roots.reduce(deflateFully, rational).map(P.constant))];
    if (realRootCount(rational) === 0) return [];
    // (t² − 2)³ has the zeros of t² − 2: solve the square-free part when it is smaller.
    const simple = squareFreeIntegral(rational);
    if (simple.length < rational.length) return polynomialZeros(simple.map(P.constant));
    if (coeffs.slice(1, -1).every(P.isZero)) return binomialZeros(rational[0]!, rational[degree]!, degree);
    const irrational = algebraicRoots(simple);
    // Two real roots of a rational quadratic factor have a radical form: the factor's, and the rest p's quotient's.
    const quadratic = realQuadraticFactor(integral(simple), irrational);
    if (quadratic) return [...quadraticZeros(...(quadratic.map(P.constant) as [Poly, Poly, Poly])), ...polynomialZeros(divide(simple, quadratic).quotient.map(P.constant))];
    // Square-free, no rational root, no radical form: each real root as itself, (p, isolating interval).
    return irrational.map(P.algebraic);
  } else if (coeffs.slice(1, -1).every(P.isZero)) {
    return constantBinomialZeros(coeffs[0]!, coeffs[degree]!, degree);
  }
  throw unsupported(`cannot solve a polynomial equation of degree ${degree} exactly`);
}

function quadraticZeros(c: Poly, b: Poly, a: Poly): Poly[] {
  const disc = P.sub(P.mul(b, b), P.scale(P.mul(a, c), Q.rat(4)));
  const s = signOfConstant(disc);
  if (s === undefined) throw unsupported('cannot decide the sign of a discriminant');
  if (s < 0) return [];
  const inv2a = P.pow(P.scale(a, Q.rat(2)), Q.MINUS_ONE);
  if (s === 0) return [P.neg(P.mul(b, inv2a))];
  const root = P.pow(disc, Q.HALF);
  return [P.mul(P.sub(P.neg(b), root), inv2a), P.mul(P.add(P.neg(b), root), inv2a)];
}

/** a·t^n + c = 0 → t = ±(−c/a)^{1/n}. */
function binomialZeros(c: Rational, a: Rational, n: number): Poly[] {
  const q = Q.neg(Q.div(c, a));
  if (Q.sign(q) === 0) return [P.ZERO];
  const magnitude = P.pow(P.constant(Q.sign(q) < 0 ? Q.neg(q) : q), Q.rat(1, n));
  if (n % 2 === 1) return [Q.sign(q) < 0 ? P.neg(magnitude) : magnitude];
  return Q.sign(q) < 0 ? [] : [P.neg(magnitude), magnitude];
}

/** a·t^n + c = 0 for exact constants a, c (log 2, √3): t = ±|c/a|^{1/n} by the sign of −c/a and the parity of n. */
function constantBinomialZeros(c: Poly, a: Poly, n: number): Poly[] {
  const q = P.neg(P.mul(c, P.pow(a, Q.MINUS_ONE)));
  const s = signOfConstant(q);
  if (s === undefined) throw unsupported('cannot decide the sign of a constant');
  if (s === 0) return [P.ZERO];
  const magnitude = P.pow(s < 0 ? P.neg(q) : q, Q.rat(1, n));
  if (n % 2 === 1) return [s < 0 ? P.neg(magnitude) : magnitude];
  return s < 0 ? [] : [P.neg(magnitude), magnitude];
}

/** Divide by (t − r) as often as r is a root. */
function deflateFully(coeffs: Rational[], r: Rational): Rational[] {
  let out = coeffs;
  while (out.length > 1 && Q.isZero(out.reduceRight((acc, c) => Q.add(Q.mul(acc, r), c), Q.ZERO))) out = deflate(out, r);
  return out;
}

/** Synthetic division by (t − r). */
function deflate(coeffs: Rational[], r: Rational): Rational[] {
  const out: Rational[] = new Array<Rational>(coeffs.length - 1);
  let carry = Q.ZERO;
  for (let i = coeffs.length - 1; i >= 1; i--) {
    carry = Q.add(Q.mul(carry, r), coeffs[i]!);
    out[i - 1] = carry;
  }
  return out;
}
