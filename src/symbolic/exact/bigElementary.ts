/**
 * Rigorous enclosures of sin, cos, tanh, the logistic sigmoid and softplus at
 * any precision, from the outward-rounded operations of bigInterval.ts. The
 * monotone ones take their endpoints through formulas with one occurrence of
 * the argument; sin and cos take the value at the midpoint (argument reduced
 * by a Machin enclosure of π, then Taylor with its alternating-series
 * remainder) widened by the half-width, since both are 1-Lipschitz.
 */
import * as Q from './rational.js';
import { bigOps as B } from './bigInterval.js';
import type { BigInterval } from './bigInterval.js';

const one = (bits: number): BigInterval => B.constant(Q.ONE, bits);

/**
 * The monotone functions below are written so that the exponential they take
 * is of a non-positive argument (it only underflows, to an enclosure of 0):
 * σ(−10⁶) is e^{−10⁶}/(1 + e^{−10⁶}), not 1/(1 + e^{10⁶}), which has no enclosure.
 * An interval straddling 0 is split there and the two halves joined.
 */
function monotone(x: BigInterval, bits: number, negative: (x: BigInterval) => BigInterval, positive: (x: BigInterval) => BigInterval): BigInterval {
  const { lo, hi } = B.approximate(x);
  if (hi <= 0) return negative(x);
  if (lo >= 0) return positive(x);
  const zero = B.constant(Q.ZERO, bits);
  return B.hull(negative({ lo: x.lo, hi: zero.hi }), positive({ lo: zero.lo, hi: x.hi }));
}

/** σ(x) = eˣ/(1 + eˣ) for x ≤ 0, 1/(1 + e^{−x}) for x ≥ 0. */
export const bigSigmoid = (x: BigInterval, bits: number): BigInterval =>
  B.clamp(
    monotone(
      x,
      bits,
      (n) => {
        const e = B.exp(n, bits);
        return B.mul(e, B.inv(B.add(one(bits), e, bits), bits), bits);
      },
      (p) => B.inv(B.add(one(bits), B.exp(B.neg(p), bits), bits), bits),
    ),
    0,
    1,
  );

/** tanh x = 2/(1 + e^{−2x}) − 1 for x ≥ 0, and tanh x = −tanh(−x). */
export const bigTanh = (x: BigInterval, bits: number): BigInterval => {
  const positive = (p: BigInterval): BigInterval => {
    const e = B.exp(B.mul(B.constant(Q.rat(-2), bits), p, bits), bits);
    return B.add(B.mul(B.constant(Q.rat(2), bits), B.inv(B.add(one(bits), e, bits), bits), bits), B.constant(Q.MINUS_ONE, bits), bits);
  };
  return B.clamp(
    monotone(x, bits, (n) => B.neg(positive(B.neg(n))), positive),
    -1,
    1,
  );
};

/** softplus x = log(1 + eˣ) for x ≤ 0, x + log(1 + e^{−x}) for x ≥ 0. */
export const bigSoftplus = (x: BigInterval, bits: number): BigInterval =>
  monotone(
    x,
    bits,
    (n) => B.log(B.add(one(bits), B.exp(n, bits), bits), bits),
    (p) => B.add(p, B.log(B.add(one(bits), B.exp(B.neg(p), bits), bits), bits), bits),
  );

/** Σ (−1)^i/((2i+1)·n^{2i+1}), with the first omitted term as the remainder (alternating, decreasing). */
function atanInverse(n: number, bits: number): BigInterval {
  let sum = B.constant(Q.ZERO, bits);
  for (let i = 0; ; i++) {
    const term = Q.rat(1n, BigInt(2 * i + 1) * BigInt(n) ** BigInt(2 * i + 1));
    if (Q.bitLength(term.den) > bits + 8) return B.widenByRadius(sum, B.symmetric(B.constant(term, bits)), bits);
    sum = B.add(sum, B.constant(i % 2 === 0 ? term : Q.neg(term), bits), bits);
  }
}

const piCache = new Map<number, BigInterval>();

/** π = 16·atan(1/5) − 4·atan(1/239) (Machin). */
export function bigPi(bits: number): BigInterval {
  let v = piCache.get(bits);
  if (!v) {
    const sixteen = B.mul(B.constant(Q.rat(16), bits), atanInverse(5, bits + 8), bits);
    const four = B.mul(B.constant(Q.rat(4), bits), atanInverse(239, bits + 8), bits);
    piCache.set(bits, (v = B.add(sixteen, B.neg(four), bits)));
  }
  return v;
}

/** Arguments past 2^this are enclosed by [−1, 1]: reducing them would cost more than they are worth (10³⁰⁸·10⁶ is still reduced). */
const LARGEST_REDUCED_EXPONENT = 8192;

/** Σ (−1)^j·x^{2j+s}/(2j+s)! for |x| ≤ 2 (s = 1: sin, s = 0: cos), the first omitted term as the remainder. */
function taylor(x: BigInterval, bits: number, s: 0 | 1): BigInterval {
  const x2 = B.mul(x, x, bits);
  let term = s === 1 ? x : one(bits);
  let sum = term;
  for (let j = 1; ; j++) {
    const k = 2 * j + s;
    term = B.neg(B.mul(term, B.mul(x2, B.constant(Q.rat(1, (k - 1) * k), bits), bits), bits));
    if (B.magnitudeExponent(term) < -bits - 8) return B.widenByRadius(sum, B.symmetric(term), bits);
    sum = B.add(sum, term, bits);
  }
}

function sinOrCos(x: BigInterval, bits: number, s: 0 | 1): BigInterval {
  const unit = B.symmetric(one(bits));
  const size = B.magnitudeExponent(x);
  // A wide x gains nothing from reduction (the half-width below keeps any width sound). The width is
  // taken exactly: as doubles both ends of an x past 1.8·10³⁰⁸ are ∞, and ∞ − ∞ is no width.
  if (size > LARGEST_REDUCED_EXPONENT || B.magnitudeExponent(B.add(x, B.neg(x), bits)) >= 0) return unit;
  const mid = B.midpoint(x);
  // sin(m) = (−1)^k·sin(m − kπ), cos likewise; any integer k is valid, the nearest to m/π makes |m − kπ| ≤ 2.
  const guess = Math.max(0, size) + 8;
  const k = B.nearestInteger(B.mul(mid, B.inv(bigPi(bits + guess + 16), bits + guess + 16), bits + guess + 16));
  const work = bits + 24 + k.toString(2).length;
  const reduced = B.add(mid, B.neg(B.mul(B.constant(Q.rat(k), work), bigPi(work), work)), work);
  const value = taylor(reduced, work, s);
  const signed = k % 2n === 0n ? value : B.neg(value);
  return B.clamp(B.widenByRadius(signed, x, bits), -1, 1);
}

export const bigSin = (x: BigInterval, bits: number): BigInterval => sinOrCos(x, bits, 1);
export const bigCos = (x: BigInterval, bits: number): BigInterval => sinOrCos(x, bits, 0);
