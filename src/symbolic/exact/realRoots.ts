/**
 * Real roots of polynomials with rational coefficients, isolated exactly by
 * Sturm sequences (square-free part, then bisection of a Cauchy bound), and
 * the rational ones read off their isolating intervals: a rational root p/q of
 * an integer polynomial has q | a_n, so a_n·(p/q) is an integer, and an
 * interval narrower than 1/|a_n| holds at most two candidates k/a_n. No search
 * over divisors: the cost grows with the degree and the bit size, not with the
 * number of divisors of the coefficients.
 */
import * as Q from './rational.js';
import type { Rational } from './rational.js';
import { checkBudget } from '../budget.js';

/** Coefficients in ascending order; the last is non-zero (an empty array is 0). */
export type Poly = readonly Rational[];

/** p without its leading zero coefficients (in place). */
export const trim = (p: Rational[]): Rational[] => {
  while (p.length && Q.isZero(p[p.length - 1]!)) p.pop();
  return p;
};

const derivative = (p: Poly): Rational[] => p.slice(1).map((c, i) => Q.mul(c, Q.rat(i + 1)));

/** Quotient and remainder of a by b (b ≠ 0). */
export function divide(a: Poly, b: Poly): { quotient: Rational[]; remainder: Rational[] } {
  const r = [...a];
  const lead = b[b.length - 1]!;
  const q: Rational[] = new Array<Rational>(Math.max(a.length - b.length + 1, 0)).fill(Q.ZERO);
  for (let i = a.length - b.length; i >= 0; i--) {
    checkBudget();
    const c = Q.div(r[i + b.length - 1]!, lead);
    q[i] = c;
    if (!Q.isZero(c)) for (let j = 0; j < b.length; j++) r[i + j] = Q.sub(r[i + j]!, Q.mul(c, b[j]!));
  }
  return { quotient: trim(q), remainder: trim(r.slice(0, b.length - 1)) };
}

/**
 * A positive multiple of the remainder of a by b (integer coefficients, b ≠ 0),
 * divided by its content: |lc(b)|^k·a − q·b for integers, so no rational
 * arithmetic and no gcd per coefficient operation. A positive factor changes
 * neither a gcd up to scale nor the signs a Sturm sequence is read by.
 */
function remainderMultiple(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  const r = [...a];
  const m = b.length;
  const lead = b[m - 1]!;
  const scale = lead < 0n ? -lead : lead;
  const sign = lead < 0n ? -1n : 1n;
  for (let top = r.length - 1; top >= m - 1; top--) {
    checkBudget();
    const c = r[top]!;
    if (c === 0n) continue;
    // r ← |lc(b)|·r − sign(lc(b))·c·b·t^(top − m + 1): the term of degree top cancels.
    for (let j = 0; j < top; j++) r[j]! *= scale;
    const f = sign * c;
    const shift = top - m + 1;
    for (let j = 0; j < m - 1; j++) r[shift + j]! -= f * b[j]!;
    r[top] = 0n;
  }
  while (r.length && r[r.length - 1] === 0n) r.pop();
  return primitive(r);
}

/** Monic greatest common divisor. */
export function gcd(a: Poly, b: Poly): Rational[] {
  let x = integral(a);
  let y = integral(b);
  while (y.length) [x, y] = [y, remainderMultiple(x, y)];
  const lead = x[x.length - 1]!;
  return x.map((c) => Q.rat(c, lead));
}

/** p with every root simple, scaled to integer coefficients with no common factor: the same real zeros. */
export function squareFreeIntegral(p: Poly): Rational[] {
  const g = gcd(p, derivative(p));
  return integral(g.length > 1 ? divide(p, g).quotient : p).map((c) => Q.rat(c));
}

const bigGcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

/**
 * The Sturm sequence of p (degree ≥ 1) as integer polynomials, each member
 * scaled by a positive number (no common factor in its coefficients): p, p′,
 * then the negated remainders, by remainderMultiple.
 */
export function sturmSequence(p: Poly): bigint[][] {
  const first = integral(p);
  const seq: bigint[][] = [first, primitive(first.slice(1).map((c, i) => c * BigInt(i + 1)))];
  for (;;) {
    const r = remainderMultiple(seq[seq.length - 2]!, seq[seq.length - 1]!);
    if (!r.length) return seq;
    seq.push(r.map((c) => -c));
  }
}

/** p divided by the gcd of its coefficients (a positive number). */
function primitive(p: bigint[]): bigint[] {
  const content = p.reduce((g, c) => bigGcd(g, c), 0n);
  return content > 1n ? p.map((c) => c / content) : p;
}

/** Integer coefficients with the same signs everywhere: p times a positive rational. */
export function integral(p: Poly): bigint[] {
  const lcm = p.reduce((l, c) => (l * c.den) / bigGcd(l, c.den), 1n);
  const ints = p.map((c) => (c.num * lcm) / c.den);
  const content = ints.reduce((g, c) => bigGcd(g, c), 0n) || 1n;
  return ints.map((c) => c / content);
}

/** The sign of p(n/d), d > 0, in integers alone: d^deg·p(n/d) = Σ a_i·n^i·d^{deg−i}. */
export function signAt(p: readonly bigint[], x: Rational): number {
  let acc = 0n;
  let dPower = 1n;
  for (let i = p.length - 1; i >= 0; i--) {
    acc = acc * x.num + p[i]! * dPower;
    dPower *= x.den;
  }
  return acc > 0n ? 1 : acc < 0n ? -1 : 0;
}

export function signChanges(seq: readonly (readonly bigint[])[], x: Rational): number {
  let count = 0;
  let last = 0;
  for (const p of seq) {
    const s = signAt(p, x);
    if (s !== 0) {
      if (last !== 0 && s !== last) count++;
      last = s;
    }
  }
  return count;
}

/** Cauchy: every root has |x| < 1 + max |a_i / a_n|. */
export function cauchyBound(p: Poly): Rational {
  const lead = p[p.length - 1]!;
  const bound = p.slice(0, -1).reduce((m, c) => {
    const r = Q.div(c, lead);
    const a = Q.sign(r) < 0 ? Q.neg(r) : r;
    return Q.compare(a, m) > 0 ? a : m;
  }, Q.ZERO);
  return Q.add(bound, Q.ONE);
}

/** An interval (lo, hi] holding exactly one real root. */
export interface Isolated {
  readonly lo: Rational;
  readonly hi: Rational;
}

/** Isolate every real root of the square-free p, each interval narrowed to width below `width`. */
export function isolate(p: Poly, width: Rational): Isolated[] {
  const seq = sturmSequence(p);
  const B = cauchyBound(p);
  const out: Isolated[] = [];
  const stack: [Rational, Rational, number, number][] = [[Q.neg(B), B, signChanges(seq, Q.neg(B)), signChanges(seq, B)]];
  while (stack.length) {
    checkBudget();
    const [lo, hi, vlo, vhi] = stack.pop()!;
    const count = vlo - vhi;
    if (count === 0) continue;
    if (count === 1 && Q.compare(Q.sub(hi, lo), width) < 0) {
      out.push({ lo, hi });
      continue;
    }
    const mid = Q.div(Q.add(lo, hi), Q.rat(2));
    const vmid = signChanges(seq, mid);
    stack.push([lo, mid, vlo, vmid], [mid, hi, vmid, vhi]);
  }
  return out;
}

const ceilOf = (q: Rational): bigint => -Q.floor(Q.neg(q));

/**
 * (lo, hi] holding exactly one root of the square-free p, halved until its
 * width is below 1/a. The root is simple, so p changes sign across it; where
 * p(lo) = 0 (a neighbour's root) p just right of lo has the sign of p′(lo).
 */
function narrowed(p: readonly bigint[], { lo, hi }: Isolated, a: bigint): Isolated {
  const den = lo.den * hi.den;
  let [l, h, d] = [lo.num * hi.den, hi.num * lo.den, den]; // (l/d, h/d]: a common denominator, no gcd per step
  if (signAt(p, hi) === 0) return { lo: Q.sub(hi, Q.rat(1n, 2n * a)), hi };
  const sLo = signAt(p, lo) || signAt(derivative(p.map((c) => Q.rat(c))).map((c) => c.num), lo);
  while ((h - l) * a >= d) {
    checkBudget();
    const m = l + h;
    [l, h, d] = [2n * l, 2n * h, 2n * d];
    const s = signAt(p, { num: m, den: d });
    if (s === 0) return { lo: Q.sub(Q.rat(m, d), Q.rat(1n, 2n * a)), hi: Q.rat(m, d) };
    if (s === sLo) l = m;
    else h = m;
  }
  return { lo: Q.rat(l, d), hi: Q.rat(h, d) };
}

/** The distinct rational roots of p (degree ≥ 1), increasing. */
export function rationalRoots(p: Poly): Rational[] {
  const s = squareFreeIntegral(p);
  if (s.length < 2) return [];
  const lead = s[s.length - 1]!;
  const a = Q.sign(lead) < 0 ? Q.neg(lead) : lead;
  const integers = s.map((c) => c.num);
  const roots: Rational[] = [];
  const B = cauchyBound(s);
  // Sturm sequences only separate the roots; each is then narrowed with the signs of p alone (one evaluation per halving).
  for (const { lo, hi } of isolate(s, Q.add(B, B)).map((i) => narrowed(integers, i, a.num))) {
    // Candidates k/a with k an integer in [a·lo, a·hi]: at most two, since the width is < 1/a.
    for (let k = ceilOf(Q.mul(a, lo)); k <= Q.floor(Q.mul(a, hi)); k++) {
      const r = Q.div(Q.rat(k), a);
      if (Q.compare(r, lo) > 0 && signAt(integers, r) === 0) roots.push(r);
    }
  }
  return roots.sort(Q.compare);
}

/** The number of distinct real roots of p (degree ≥ 1): Sturm's theorem on a Cauchy bound. */
export function realRootCount(p: Poly): number {
  const s = squareFreeIntegral(p);
  if (s.length < 2) return 0;
  const seq = sturmSequence(s);
  const B = cauchyBound(s);
  return signChanges(seq, Q.neg(B)) - signChanges(seq, B);
}
