/**
 * Interval arithmetic at any precision: endpoints are rationals rounded
 * outward to `bits` significant bits after every operation, and exp, log and
 * roots come with rigorous truncation bounds. Doubles overflow (e^1000) and
 * lose everything to cancellation (log(10¹⁷ + 1) − log(10¹⁷)); here the
 * precision is raised until the enclosure is as narrow as the caller needs,
 * which gives correctly rounded values and decides signs that a double
 * enclosure cannot.
 */
import * as Q from './rational.js';
import type { Rational } from './rational.js';
import type { Atom, Poly } from './poly.js';
import { checkBudget } from '../budget.js';

/** A dyadic number m·2^e: exact, and no gcd is ever taken (that is what makes it fast). */
interface Dyadic {
  readonly m: bigint;
  readonly e: number;
}

export interface BigInterval {
  readonly lo: Dyadic;
  readonly hi: Dyadic;
}

/** Raised where the enclosure leaves the domain (log of an interval reaching 0) or grows past reason. */
class NoEnclosure extends Error {}

const bitLength = (n: bigint): number => Q.bitLength(n < 0n ? -n : n);

/**
 * Magnitudes past 2^MAX_EXPONENT are not enclosed (e^(10⁶) has no use as a
 * double); below 2^−MAX_EXPONENT they are flushed outward (to 0, or to that
 * bound), which keeps every enclosure valid.
 */
const MAX_EXPONENT = 1 << 20;
const TINY: Dyadic = { m: 1n, e: -MAX_EXPONENT };

const ZERO: Dyadic = { m: 0n, e: 0 };
const ONE: Dyadic = { m: 1n, e: 0 };
const int = (n: bigint | number): Dyadic => ({ m: BigInt(n), e: 0 });
const sign = (d: Dyadic): -1 | 0 | 1 => (d.m > 0n ? 1 : d.m < 0n ? -1 : 0);

/** d rounded down (or up) to at most `bits` significant bits. */
function round(d: Dyadic, bits: number, up: boolean): Dyadic {
  const len = bitLength(d.m);
  if (len === 0) return ZERO;
  if (len + d.e > MAX_EXPONENT) throw new NoEnclosure('magnitude out of range');
  if (len + d.e < -MAX_EXPONENT) return d.m > 0n ? (up ? TINY : ZERO) : up ? ZERO : negate(TINY);
  if (len <= bits) return d;
  const shift = len - bits;
  let m = d.m >> BigInt(shift); // floor
  if (up && m << BigInt(shift) !== d.m) m += 1n;
  return { m, e: d.e + shift };
}

function addExact(a: Dyadic, b: Dyadic): Dyadic {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e };
}
const negate = (a: Dyadic): Dyadic => ({ m: -a.m, e: a.e });
const mulExact = (a: Dyadic, b: Dyadic): Dyadic => ({ m: a.m * b.m, e: a.e + b.e });
const compare = (a: Dyadic, b: Dyadic): -1 | 0 | 1 => sign(addExact(a, negate(b)));
const minOf = (xs: Dyadic[]): Dyadic => xs.reduce((a, b) => (compare(a, b) <= 0 ? a : b));
const maxOf = (xs: Dyadic[]): Dyadic => xs.reduce((a, b) => (compare(a, b) >= 0 ? a : b));

/** n/d for integers, rounded down or up, as a dyadic with about `bits` bits. */
function quotient(n: bigint, d: bigint, bits: number, up: boolean): Dyadic {
  if (d < 0n) return quotient(-n, -d, bits, up);
  const shift = Math.max(0, bits + bitLength(d) - bitLength(n) + 2);
  const N = n << BigInt(shift);
  let q = N / d; // truncates toward zero
  if (q * d !== N) {
    if (up && N > 0n) q += 1n;
    if (!up && N < 0n) q -= 1n;
  }
  return round({ m: q, e: -shift }, bits, up);
}

const fromRational = (q: Rational, bits: number, up: boolean): Dyadic => quotient(q.num, q.den, bits, up);
const divInt = (a: Dyadic, k: number, bits: number, up: boolean): Dyadic => {
  const q = quotient(a.m, BigInt(k), bits, up);
  return { m: q.m, e: q.e + a.e };
};
const recip = (a: Dyadic, bits: number, up: boolean): Dyadic => {
  const q = quotient(1n, a.m, bits, up);
  return { m: q.m, e: q.e - a.e };
};
const half = (d: Dyadic): Dyadic => ({ m: d.m, e: d.e - 1 });
/** The double nearest m·2^e: 64 leading bits with a sticky bit, so that Number() rounds as the exact value would. */
function toDouble(d: Dyadic): number {
  const magnitude = d.m < 0n ? -d.m : d.m;
  const drop = Math.max(0, bitLength(magnitude) - 64);
  let top = magnitude >> BigInt(drop);
  if (top << BigInt(drop) !== magnitude) top |= 1n;
  let value = Number(top);
  for (let e = d.e + drop; e !== 0; ) {
    const step = Math.max(-1000, Math.min(1000, e));
    value *= 2 ** step;
    e -= step;
    if (value === 0 || !Number.isFinite(value)) break;
  }
  return d.m < 0n ? -value : value;
}

const make = (lo: Dyadic, hi: Dyadic, bits: number): BigInterval => ({ lo: round(lo, bits, false), hi: round(hi, bits, true) });
const point = (d: Dyadic): BigInterval => ({ lo: d, hi: d });
const ofRational = (q: Rational, bits: number): BigInterval => ({ lo: fromRational(q, bits, false), hi: fromRational(q, bits, true) });

const add = (a: BigInterval, b: BigInterval, bits: number): BigInterval => make(addExact(a.lo, b.lo), addExact(a.hi, b.hi), bits);

function mul(a: BigInterval, b: BigInterval, bits: number): BigInterval {
  const c = [mulExact(a.lo, b.lo), mulExact(a.lo, b.hi), mulExact(a.hi, b.lo), mulExact(a.hi, b.hi)];
  return make(minOf(c), maxOf(c), bits);
}

function inv(a: BigInterval, bits: number): BigInterval {
  if (sign(a.lo) <= 0 && sign(a.hi) >= 0) throw new NoEnclosure('division by an interval containing 0');
  return { lo: recip(a.hi, bits, false), hi: recip(a.lo, bits, true) };
}

function powInt(a: BigInterval, k: bigint, bits: number): BigInterval {
  if (k < 0n) return inv(powInt(a, -k, bits), bits);
  let result = point(ONE);
  let base = a;
  for (let n = k; n > 0n; n >>= 1n) {
    checkBudget();
    if (n & 1n) result = mul(result, base, bits);
    if (n > 1n) base = mul(base, base, bits);
  }
  // Interval multiplication of a with itself overestimates x² when a straddles 0.
  if (k % 2n === 0n && sign(result.lo) < 0) return { lo: ZERO, hi: result.hi };
  return result;
}

/** ⌊N^{1/n}⌋ for N ≥ 0 by Newton's iteration on BigInt. */
function floorRoot(N: bigint, n: bigint): bigint {
  if (N < 2n) return N;
  let x = 1n << BigInt(Math.ceil(bitLength(N) / Number(n)) + 1);
  for (;;) {
    const y = ((n - 1n) * x + N / x ** (n - 1n)) / n;
    if (y >= x) break;
    x = y;
  }
  while (x ** n > N) x--;
  while ((x + 1n) ** n <= N) x++;
  return x;
}

/** d^{1/n} for d ≥ 0, rounded down or up. */
function root(d: Dyadic, n: bigint, bits: number, up: boolean): Dyadic {
  if (d.m === 0n) return ZERO;
  const k = Number(n);
  // Make the exponent a multiple of n, with room for `bits` bits in the root.
  let shift = Math.max(0, k * (bits + 8) - bitLength(d.m));
  shift += (((d.e - shift) % k) + k) % k; // now d.e − shift is a multiple of k
  const N = d.m << BigInt(shift);
  let r = floorRoot(N, n);
  if (up && r ** n !== N) r += 1n;
  return round({ m: r, e: (d.e - shift) / k }, bits, up);
}

function pow(a: BigInterval, e: Rational, bits: number): BigInterval {
  if (Q.isInteger(e)) return powInt(a, e.num, bits);
  // The exact base is ≥ 0 wherever a fractional power is defined; rounding may dip below.
  if (sign(a.hi) < 0) throw new NoEnclosure('fractional power of a negative interval');
  const lo = sign(a.lo) < 0 ? ZERO : a.lo;
  if (e.den <= 64n) return powInt({ lo: root(lo, e.den, bits, false), hi: root(a.hi, e.den, bits, true) }, e.num, bits);
  // x^e = e^{e·log x}, monotone in x (increasing for e > 0, decreasing for e < 0).
  const at = (x: Dyadic, up: boolean): Dyadic => {
    if (sign(x) === 0) {
      if (Q.sign(e) < 0) throw new NoEnclosure('negative power of an interval reaching 0');
      return ZERO;
    }
    const exponent = mul(ofRational(e, bits + 16), point(logRounded(x, bits + 16, Q.sign(e) > 0 ? up : !up)), bits + 16);
    return expRounded(up ? exponent.hi : exponent.lo, bits, up);
  };
  return Q.sign(e) > 0 ? { lo: at(lo, false), hi: at(a.hi, true) } : { lo: at(a.hi, false), hi: at(lo, true) };
}

/** e^x for 0 ≤ x ≤ 1/2: Taylor terms (all positive) and the tail bound 2·(last term). */
function expSmall(x: Dyadic, bits: number, up: boolean): Dyadic {
  let term = ONE;
  let sum = ONE;
  for (let k = 1; term.m !== 0n && bitLength(term.m) + term.e > -bits - 4; k++) {
    term = divInt(round(mulExact(term, x), bits, up), k, bits, up);
    sum = round(addExact(sum, term), bits, up);
  }
  return up ? addExact(sum, mulExact(term, int(2))) : sum;
}

/** e^x rounded down or up: e^x = (e^{x/2^s})^{2^s}, and e^{−x} = 1/e^x. */
function expRounded(x: Dyadic, bits: number, up: boolean): Dyadic {
  // e^x ≥ 2^MAX_EXPONENT once x ≥ 2^19 (beyond any double); below −2^19 it flushes to [0, 2^−MAX_EXPONENT].
  const huge = bitLength(x.m) + x.e > 19;
  if (sign(x) < 0) return huge ? (up ? TINY : ZERO) : recip(expRounded(negate(x), bits + 4, !up), bits, up);
  if (huge) throw new NoEnclosure('exponential out of range');
  let s = 0;
  let r = x;
  while (bitLength(r.m) + r.e > -1) {
    r = half(r);
    s++;
  }
  const work = bits + 2 * s + 16;
  let v = expSmall(r, work, up);
  for (let i = 0; i < s; i++) v = round(mulExact(v, v), work, up);
  return round(v, bits, up);
}

/** atanh(z) = Σ z^{2i+1}/(2i+1) for 0 ≤ z ≤ 1/3; the tail after the last term is < 2·term. */
function atanhRounded(z: Dyadic, bits: number, up: boolean): Dyadic {
  const z2 = round(mulExact(z, z), bits, up);
  let power = z;
  let sum = z;
  let term = z;
  for (let i = 1; term.m !== 0n && bitLength(term.m) + term.e > -bits - 4; i++) {
    power = round(mulExact(power, z2), bits, up);
    term = divInt(power, 2 * i + 1, bits, up);
    sum = round(addExact(sum, term), bits, up);
  }
  return up ? addExact(sum, mulExact(term, int(2))) : sum;
}

const log2Cache = new Map<string, Dyadic>();

/** log 2 = 2·atanh(1/3), rounded down or up; kept per precision (it is the costly part of every log). */
function log2Rounded(bits: number, up: boolean): Dyadic {
  const key = `${bits}${up ? '+' : '-'}`;
  let v = log2Cache.get(key);
  if (!v) log2Cache.set(key, (v = mulExact(atanhRounded(quotient(1n, 3n, bits, up), bits, up), int(2))));
  return v;
}

/** log y for y > 0: y = 2^k·m with m ∈ [1, 2), log m = 2·atanh((m−1)/(m+1)), log 2 = 2·atanh(1/3). */
function logRounded(y: Dyadic, bits: number, up: boolean): Dyadic {
  const work = bits + 16;
  const len = bitLength(y.m);
  const k = len - 1 + y.e; // y = m·2^k with m = y.m·2^{−(len−1)} ∈ [1, 2)
  const m: Dyadic = { m: y.m, e: -(len - 1) };
  // z = (m − 1)/(m + 1), rounded the way the sum needs.
  const num = addExact(m, int(-1));
  const den = addExact(m, ONE);
  const e = Math.min(num.e, den.e);
  const z = quotient(num.m << BigInt(num.e - e), den.m << BigInt(den.e - e), work, up);
  const logM = mulExact(atanhRounded(z, work, up), int(2));
  // k·log 2: round log 2 the same way when k ≥ 0, the other way when k < 0.
  const log2 = log2Rounded(work, k >= 0 ? up : !up);
  return round(addExact(mulExact(int(k), log2), logM), bits, up);
}

function log(a: BigInterval, bits: number): BigInterval {
  if (sign(a.lo) <= 0) throw new NoEnclosure('log of an interval reaching 0');
  return { lo: logRounded(a.lo, bits, false), hi: logRounded(a.hi, bits, true) };
}

function atom(a: Atom, e: Rational, t: BigInterval, bits: number): BigInterval {
  switch (a.kind) {
    case 't':
      return pow(t, e, bits);
    case 'root':
      return pow(point(int(a.n)), e, bits);
    case 'exp': {
      const arg = enclosePoly(a.arg, t, bits);
      return { lo: expRounded(arg.lo, bits, false), hi: expRounded(arg.hi, bits, true) };
    }
    case 'log':
      return pow(log(enclosePoly(a.arg, t, bits), bits), e, bits);
    case 'pow':
      return pow(enclosePoly(a.base, t, bits), e, bits);
    case 'fn':
      return pow(a.rules.encloseBig(enclosePoly(a.arg, t, bits), bits), e, bits);
    case 'const':
      return pow(a.rules.encloseBig(bits), e, bits);
    case 'alg': {
      const { lo, hi } = a.root.enclosure(bits + 4);
      return pow(make(ofRational(lo, bits).lo, ofRational(hi, bits).hi, bits), e, bits);
    }
  }
}

function enclosePoly(p: Poly, t: BigInterval, bits: number): BigInterval {
  checkBudget();
  let total = point(ZERO);
  for (const term of p.terms) {
    let value = ofRational(term.coef, bits);
    for (const f of term.mono.factors) value = mul(value, atom(f.atom, f.exp, t, bits), bits);
    total = add(total, value, bits);
  }
  return total;
}

/** A weighted sum of constants (or of expressions at t = x), enclosed term by term. */
export interface Weighted {
  readonly p: Poly;
  readonly weight: Rational;
}

/**
 * Enclosures of Σ wᵢ·pᵢ(x) at rising precision, until `done` accepts one.
 * Returns the last enclosure (or undefined when none exists).
 */
function refine(parts: readonly Weighted[], x: Rational, precisions: readonly number[], done: (e: BigInterval) => boolean): BigInterval | undefined {
  let last: BigInterval | undefined;
  for (const bits of precisions) {
    try {
      const t = ofRational(x, bits);
      last = parts.reduce((acc, { p, weight }) => add(acc, mul(ofRational(weight, bits), enclosePoly(p, t, bits), bits), bits), point(ZERO));
    } catch (e) {
      // Too coarse to stay inside the domain (1/√u with u ≈ 10⁻³³ contains 0 at 96 bits): refine.
      if (e instanceof NoEnclosure) continue;
      throw e;
    }
    if (done(last)) return last;
  }
  return last;
}

/**
 * The sign of p at t = x, proved by an enclosure that excludes 0; undefined when none does.
 * A constant that is 0 but not written as 0 costs every level, so the levels stop at ~58 digits
 * beyond what p's coefficients can cancel (10³⁰⁰ − k·2π with k ≈ 10³⁰⁰/2π cancels a thousand bits).
 */
export function refinedSign(p: Poly, x: Rational = Q.ZERO): -1 | 1 | undefined {
  const cancel = Math.max(0, ...p.terms.map((t) => bitLength(t.coef.num) - bitLength(t.coef.den)));
  const e = refine([{ p, weight: Q.ONE }], x, [96 + cancel, 192 + cancel], (i) => sign(i.lo) > 0 || sign(i.hi) < 0);
  if (!e) return undefined;
  return sign(e.lo) > 0 ? 1 : sign(e.hi) < 0 ? -1 : undefined;
}

/**
 * The double nearest Σ wᵢ·pᵢ(x): correctly rounded once an enclosure's ends
 * round to the same double; where none does (the value is a tie between two
 * doubles, or precision runs out), the rounded midpoint of the narrowest
 * enclosure, within an ulp. Undefined only when no enclosure exists.
 */
export function refinedValue(parts: readonly Weighted[], x: Rational = Q.ZERO): number | undefined {
  const same = (i: BigInterval): boolean => toDouble(i.lo) === toDouble(i.hi);
  const e = refine(parts, x, [96, 192, 384, 768, 1536, 3072], same);
  if (!e) return undefined;
  const value = same(e) ? toDouble(e.lo) : toDouble(half(addExact(e.lo, e.hi)));
  // An enclosure of [−tiny, tiny] rounds to ±0 at both ends; its sign is not known, so it reads as 0, not −0.
  // (One entirely below 0 is a negative number, correctly rounded to −0.)
  return value === 0 && sign(e.lo) < 0 && sign(e.hi) > 0 ? 0 : value;
}

/** The integer nearest the midpoint of a (ties up), exact however large. */
function nearestInteger(a: BigInterval): bigint {
  const m = half(addExact(a.lo, a.hi));
  if (m.e >= 0) return m.m << BigInt(m.e);
  return (m.m + (1n << BigInt(-m.e - 1))) >> BigInt(-m.e);
}

/**
 * An integer within 1 of the constant p, however large p is (10³⁰⁰/π needs
 * more than a double): a guess for exact comparisons to confirm. Undefined
 * when no enclosure is narrower than 1.
 */
export function nearInteger(p: Poly): bigint | undefined {
  const narrow = (i: BigInterval): boolean => compare(addExact(i.hi, negate(i.lo)), ONE) < 0;
  const e = refine([{ p, weight: Q.ONE }], Q.ZERO, [96, 384, 1536, 6144], narrow);
  return e && narrow(e) ? nearestInteger(e) : undefined;
}

/**
 * The operations the registry's analytic functions build their enclosures
 * from (bigElementary.ts): each rounds outward to `bits` bits and throws (to be
 * refined or given up) where the enclosure leaves the domain.
 */
export const bigOps = {
  constant: (q: Rational, bits: number): BigInterval => ofRational(q, bits),
  add,
  mul,
  inv,
  neg: (a: BigInterval): BigInterval => ({ lo: negate(a.hi), hi: negate(a.lo) }),
  exp: (a: BigInterval, bits: number): BigInterval => ({ lo: expRounded(a.lo, bits, false), hi: expRounded(a.hi, bits, true) }),
  log,
  /** The exact midpoint, as a point interval. */
  midpoint: (a: BigInterval): BigInterval => point(half(addExact(a.lo, a.hi))),
  /** [a.lo − r, a.hi + r] for r an upper bound on the half-width of b. */
  widenByRadius: (a: BigInterval, b: BigInterval, bits: number): BigInterval => {
    const r = half(addExact(b.hi, negate(b.lo)));
    return make(addExact(a.lo, negate(r)), addExact(a.hi, r), bits);
  },
  /** a ∩ [lo, hi] (for functions with a known range; a must meet it). */
  clamp: (a: BigInterval, lo: number, hi: number): BigInterval => ({
    lo: maxOf([a.lo, fromRational(Q.fromNumber(lo), 64, false)]),
    hi: minOf([a.hi, fromRational(Q.fromNumber(hi), 64, true)]),
  }),
  /** The integer nearest the midpoint of a (ties up): a reduction count, exact however large. */
  nearestInteger,
  /** The smallest interval holding a and b. */
  hull: (a: BigInterval, b: BigInterval): BigInterval => ({ lo: minOf([a.lo, b.lo]), hi: maxOf([a.hi, b.hi]) }),
  /** [−M, M] for M = max(|a.lo|, |a.hi|). */
  symmetric: (a: BigInterval): BigInterval => {
    const M = maxOf([a.hi, negate(a.lo)]);
    return { lo: negate(M), hi: M };
  },
  /** k with |x| < 2^k for every x in a (−Infinity for [0, 0]). */
  magnitudeExponent: (a: BigInterval): number =>
    Math.max(...[a.lo, a.hi].map((d) => (d.m === 0n ? -Infinity : bitLength(d.m) + d.e))),
  /** Bounds as doubles (rounded to nearest: for choosing a reduction, never for a claim). */
  approximate: (a: BigInterval): { lo: number; hi: number } => ({ lo: toDouble(a.lo), hi: toDouble(a.hi) }),
  fail: (why: string): never => {
    throw new NoEnclosure(why);
  },
};
