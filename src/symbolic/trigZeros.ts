/**
 * Exact zeros of a polynomial in S = sin u and C = cos u, u = a·t + b, over one
 * period of the entry function. With C² = 1 − S² it reads A(S) + B(S)·C, and
 * at a zero A² = B²·(1 − S²): the real roots y of that polynomial in S are the
 * only candidates. Each is matched against the exact sines of multiples of π/12
 * and π/10, each matching angle θ is kept where A(y) + B(y)·cos θ is exactly 0,
 * and other angles are refused (never approximated).
 */
import * as Q from './exact/rational.js';
import * as P from './exact/poly.js';
import type { Poly } from './exact/poly.js';
import { approximate, signOfConstant } from './exact/calculus.js';
import { nearInteger } from './exact/bigInterval.js';
import { piTimes } from './primitives/pi.js';
import { piMultiple, sinOfPiMultiple, SPECIAL_ANGLES } from './primitives/analyticRules.js';
import { sinRules } from './primitives/sin.js';
import { cosRules } from './primitives/cos.js';
import { KinkproofError } from '../diagnostics.js';
import { exactText } from './scalar/print.js';

/** Coefficient lists, index = power of S. */
type SPoly = Poly[];

/** The most breakpoints one period may hold (as many as the piecewise form allows). */
const MAX_RESIDUES = 200;

const unsupported = (why: string): KinkproofError => new KinkproofError('unsupported', why);

function addAt(p: SPoly, k: number, c: Poly): void {
  while (p.length <= k) p.push(P.ZERO);
  p[k] = P.add(p[k]!, c);
}

function mulS(a: SPoly, b: SPoly): SPoly {
  const out: SPoly = [];
  a.forEach((x, i) => b.forEach((y, j) => addAt(out, i + j, P.mul(x, y))));
  return out;
}

function subS(a: SPoly, b: SPoly): SPoly {
  const out = [...a];
  b.forEach((y, k) => addAt(out, k, P.neg(y)));
  return out;
}

const trim = (p: SPoly): SPoly => {
  const out = [...p];
  while (out.length && P.isZero(out[out.length - 1]!)) out.pop();
  return out;
};

const valueAt = (p: SPoly, y: Poly): Poly => p.reduceRight((acc, c) => P.add(P.mul(acc, y), c), P.ZERO);

const binomial = (n: number, k: number): bigint => {
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
};

/** p as A(S) + B(S)·C for one argument u, or undefined when p is not such a polynomial. */
function split(p: Poly): { u: Poly; A: SPoly; B: SPoly } | undefined {
  let u: Poly | undefined;
  const A: SPoly = [];
  const B: SPoly = [];
  for (const term of p.terms) {
    let s = 0;
    let c = 0;
    const rest: P.Factor[] = [];
    for (const f of term.mono.factors) {
      if (!P.atomHasT(f.atom)) rest.push(f);
      else if (f.atom.kind === 'fn' && f.atom.rules.circular && (!u || u.key === f.atom.arg.key) && Q.isInteger(f.exp) && f.exp.num > 0n) {
        u = f.atom.arg;
        if (f.atom.rules.circular === 'sin') s = Number(f.exp.num);
        else c = Number(f.exp.num);
      } else return undefined;
    }
    const coef = P.scale(P.monomial(rest), term.coef);
    // C^c = C^{c mod 2}·(1 − S²)^{⌊c/2⌋}
    const half = Math.floor(c / 2);
    for (let j = 0; j <= half; j++)
      addAt(c % 2 ? B : A, s + 2 * j, P.scale(coef, Q.rat(binomial(half, j) * (j % 2 ? -1n : 1n))));
  }
  return u ? { u, A: trim(A), B: trim(B) } : undefined;
}

/** The slope a when u = a·t + b with rational a ≠ 0 and constant b. */
function slope(u: Poly): Q.Rational | undefined {
  const lin = P.coefficientsInT(u);
  const a = lin?.length === 2 ? P.asRational(lin[1]!) : undefined;
  return a && !Q.isZero(a) ? a : undefined;
}

/** sin(n·u) and cos(n·u) for n ≥ 0 as polynomials in S = sin u, C = cos u (angle addition, step by step). */
function multipleAngle(n: bigint, S: Poly, C: Poly): { sin: Poly; cos: Poly } {
  let sin = P.ZERO;
  let cos = P.ONE;
  for (let k = 0n; k < n; k++) [sin, cos] = [P.add(P.mul(sin, C), P.mul(cos, S)), P.sub(P.mul(cos, C), P.mul(sin, S))];
  return { sin, cos };
}

/** Multiples past this are not expanded (sin(1000·u) would be a polynomial of degree 1000). */
const MAX_MULTIPLE = 12n;

/**
 * p rewritten over one angle when its sines and cosines have different
 * arguments aᵢ·t + bᵢ (rational aᵢ): with g the greatest common divisor of the
 * aᵢ and u = g·t, each aᵢ·t = nᵢ·u, and sin(nᵢu + bᵢ) = sin(nᵢu)·cos bᵢ +
 * cos(nᵢu)·sin bᵢ is a polynomial in sin u and cos u. sin t − sin 2t becomes
 * sin t − 2·sin t·cos t. Undefined when p needs no rewriting or cannot have it.
 */
function onOneAngle(p: Poly): Poly | undefined {
  const args = new Map<string, Poly>();
  for (const term of p.terms)
    for (const f of term.mono.factors) {
      if (!P.atomHasT(f.atom)) continue;
      if (f.atom.kind !== 'fn' || !f.atom.rules.circular || !Q.isInteger(f.exp) || f.exp.num <= 0n) return undefined;
      args.set(f.atom.arg.key, f.atom.arg);
    }
  if (args.size < 2) return undefined;
  const slopes = [...args.values()].map(slope);
  if (slopes.some((a) => a === undefined)) return undefined;
  const g = slopes.reduce((acc, a) => Q.rat(Q.gcd(acc!.num, a!.num), (acc!.den * a!.den) / Q.gcd(acc!.den, a!.den)))!;
  if (slopes.some((a) => Q.div(a!, g).num > MAX_MULTIPLE || Q.div(a!, g).num < -MAX_MULTIPLE)) return undefined;
  const u = P.scale(P.T, g);
  const S = P.analytic(sinRules, u);
  const C = P.analytic(cosRules, u);
  const value = (f: P.Factor): Poly => {
    if (!P.atomHasT(f.atom) || f.atom.kind !== 'fn') return P.monomial([f]);
    const n = Q.div(slope(f.atom.arg)!, g).num;
    const shift = P.sub(f.atom.arg, P.scale(u, Q.rat(n)));
    const m = multipleAngle(n < 0n ? -n : n, S, C);
    const sinN = n < 0n ? P.neg(m.sin) : m.sin;
    const [cosB, sinB] = [P.analytic(cosRules, shift), P.analytic(sinRules, shift)];
    // sin(nu + b) = sin(nu)cos b + cos(nu)sin b; cos(nu + b) = cos(nu)cos b − sin(nu)sin b.
    const v = f.atom.rules.circular === 'sin' ? P.add(P.mul(sinN, cosB), P.mul(m.cos, sinB)) : P.sub(P.mul(m.cos, cosB), P.mul(sinN, sinB));
    return P.pow(v, f.exp);
  };
  return P.sum(p.terms.map((term) => P.scale(P.product(term.mono.factors.map(value)), term.coef)));
}

/**
 * v = y for constants with square roots, exactly: their difference normalises
 * to 0, or they have one sign and equal squares (√(2.5 − 0.5√5)/2 and
 * √(10 − 2√5)/4 differ in form, not in value).
 */
function sameConstant(v: Poly, y: Poly): boolean {
  if (signOfConstant(P.sub(v, y)) === 0) return true;
  const s = signOfConstant(v);
  return s !== undefined && s !== 0 && signOfConstant(y) === s && P.isZero(P.sub(P.mul(v, v), P.mul(y, y)));
}

/** The special angles qπ in [0, 2π) with sin qπ = y exactly; refuses a y that is no such value. */
function anglesWithSine(y: Poly): Q.Rational[] {
  const approx = approximate(y);
  const out = SPECIAL_ANGLES.filter((q) => {
    const v = sinOfPiMultiple(q)!;
    return Math.abs(approximate(v) - approx) <= 1e-6 && sameConstant(v, y);
  });
  if (out.length === 0) {
    const value = exactText(y);
    throw unsupported(`sin u = ${value.length > 60 ? 'c' : value} at angles u other than multiples of π/12 and π/10 (inverse sines); not supported yet`);
  }
  return out;
}

/** The x in [0, w) with x ≡ t (mod w), exactly; w a positive multiple of π. */
export function reduceModulo(t: Poly, w: Poly): Poly {
  const near = nearInteger(P.mul(t, P.pow(w, Q.MINUS_ONE)));
  // Within 1 of t/w, so ⌊t/w⌋ is near or the integer below.
  for (const n of near === undefined ? [] : [near, near - 1n]) {
    const x = P.sub(t, P.scale(w, Q.rat(n)));
    const lo = signOfConstant(x);
    const hi = signOfConstant(P.sub(x, w));
    if (lo === undefined || hi === undefined) break;
    if (lo >= 0 && hi < 0) return x;
  }
  throw unsupported(`cannot reduce ${exactText(t)} modulo the period ${exactText(w)} exactly`);
}

/**
 * The zeros of p in [0, P) when p is a polynomial in sin u and cos u for one
 * u = a·t + b (a rational, P = qπ a multiple of its period 2π/|a|); undefined
 * when p has another form. `rootsOf` solves a polynomial with constant coefficients.
 */
export function trigZeros(p: Poly, period: Poly, rootsOf: (coeffs: Poly[]) => Poly[]): Poly[] | undefined {
  const parts = split(onOneAngle(p) ?? p);
  if (!parts) return undefined;
  const { u, A, B } = parts;
  const lin = P.coefficientsInT(u);
  const a = lin?.length === 2 ? P.asRational(lin[1]!) : undefined;
  if (!lin || !a) return undefined;
  const b = lin[0]!;
  const oneMinusS2: SPoly = [P.ONE, P.ZERO, P.integer(-1)];
  const resultant = trim(B.length ? subS(mulS(A, A), mulS(mulS(B, B), oneMinusS2)) : A);
  if (resultant.length === 0) throw unsupported('a switching expression in sin and cos vanishes identically (sin² + cos² = 1); it has no sign to switch on');
  const base = Q.div(Q.rat(2), Q.sign(a) < 0 ? Q.neg(a) : a); // u's period, in units of π
  const copies = Q.div(piMultiple(period) ?? Q.ZERO, base);
  if (!Q.isInteger(copies) || Q.sign(copies) <= 0) throw new Error('the period is not a multiple of its parts');
  const w = piTimes(base);
  const angles: Poly[] = [];
  for (const y of resultant.length > 1 ? rootsOf(resultant) : []) {
    if (signOfConstant(P.sub(y, P.ONE)) === 1 || signOfConstant(P.add(y, P.ONE)) === -1) continue;
    for (const q of anglesWithSine(y)) {
      const residual = P.add(valueAt(A, y), P.mul(valueAt(B, y), sinOfPiMultiple(Q.add(q, Q.HALF))!));
      const s = signOfConstant(residual);
      if (s === undefined) throw unsupported('cannot decide whether a candidate angle is a zero of a switch in sin and cos');
      if (s === 0) angles.push(piTimes(q));
    }
  }
  if (angles.length * Number(copies.num) > MAX_RESIDUES)
    throw new KinkproofError('limit', `more than ${MAX_RESIDUES} breakpoints in one period`);
  // a·t + b = θ + 2kπ: t = (θ − b)/a + k·(2π/|a|).
  const firsts = angles.map((theta) => reduceModulo(P.scale(P.sub(theta, b), Q.inv(a)), w));
  return firsts.flatMap((x) => Array.from({ length: Number(copies.num) }, (_, k) => P.add(x, P.scale(w, Q.rat(k)))));
}
