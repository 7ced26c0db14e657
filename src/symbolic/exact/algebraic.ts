/**
 * Real algebraic numbers: an irrational real root α of an integer polynomial p
 * that is square-free and has no rational root, held as p and an isolating
 * interval (lo, hi) with rational ends (p changes sign across it, and no other
 * root of p lies inside). The interval is narrowed by bisection on demand.
 *
 * Everything is decided exactly: the sign of q(α) for a rational polynomial q
 * (0 exactly when gcd(p, q) vanishes at α, which a sign change of the gcd
 * across the interval shows; otherwise the interval is narrowed until a
 * Sturm sequence of q finds no root of q in it), and the order of two such
 * numbers (equal exactly when both are the same root of gcd(p₁, p₂)).
 */
import * as Q from './rational.js';
import type { Rational } from './rational.js';
import { checkBudget } from '../budget.js';
import * as I from './interval.js';
import type { Interval } from './interval.js';
import { cauchyBound, divide, gcd, integral, isolate, rationalRoots, signAt, signChanges, sturmSequence, trim } from './realRoots.js';
import type { Poly as Coefficients } from './realRoots.js';

interface Bounds {
  readonly lo: Rational;
  readonly hi: Rational;
}

const TWO = Q.rat(2);
const asRationals = (p: readonly bigint[]): Rational[] => p.map((c) => Q.rat(c));

/** The number of distinct roots of the integer polynomial with Sturm sequence `seq` in (lo, hi]. */
const rootsIn = (seq: readonly (readonly bigint[])[], b: Bounds): number => signChanges(seq, b.lo) - signChanges(seq, b.hi);

export class AlgebraicRoot {
  /** p's coefficients, ascending: integers with no common factor, the leading one positive. */
  readonly poly: readonly bigint[];
  /** α is p's real root number `index` (0 for the smallest). */
  readonly index: number;
  /** Equal for equal (p, index): the canonical form's name for α. */
  readonly key: string;
  /**
   * The current isolating interval, only ever narrowed. Its ends share one
   * denominator and are not reduced (bisection then needs no gcd): use them
   * only where lowest terms do not matter (signs, Sturm counts, order).
   */
  private lo: Rational;
  private hi: Rational;
  private readonly signLo: number;
  private shown: Bounds | undefined;
  /** The interval's width is at most |α|·2^−precision (narrowing never loses it). */
  private precision = 0;
  private double: number | undefined;
  private derivativeCache: bigint[] | undefined;
  private reduced: { lo: Rational; hi: Rational; bounds: Bounds } | undefined;
  private doubles: Interval | undefined;

  /**
   * (lo, hi) must isolate a root of p that is irrational: p(lo)·p(hi) < 0 and
   * no other root of p inside; `index` is its rank among p's real roots
   * (counted by a Sturm sequence when not given).
   */
  constructor(poly: readonly bigint[], lo: Rational, hi: Rational, index?: number) {
    const lead = poly[poly.length - 1]!;
    this.poly = lead < 0n ? poly.map((c) => -c) : [...poly];
    index ??= rootsIn(sturmSequence(asRationals(this.poly)), { lo: Q.neg(cauchyBound(asRationals(this.poly))), hi: lo });
    this.index = index;
    this.key = `${this.poly.join(',')}#${index}`;
    this.lo = { num: lo.num * hi.den, den: lo.den * hi.den };
    this.hi = { num: hi.num * lo.den, den: lo.den * hi.den };
    this.signLo = signAt(this.poly, lo);
    if (this.signLo === 0 || signAt(this.poly, hi) !== -this.signLo) throw new RangeError('not an isolating interval of an irrational root');
  }

  get degree(): number {
    return this.poly.length - 1;
  }

  /** The current isolating interval, in lowest terms. */
  bounds(): Bounds {
    if (this.reduced?.lo !== this.lo || this.reduced.hi !== this.hi)
      this.reduced = { lo: this.lo, hi: this.hi, bounds: { lo: Q.rat(this.lo.num, this.lo.den), hi: Q.rat(this.hi.num, this.hi.den) } };
    return this.reduced.bounds;
  }

  /** A rigorous enclosure in doubles, about as narrow as doubles allow (made once). */
  doubleEnclosure(): Interval {
    if (!this.doubles) {
      // Correctly rounded ends, widened by a few ulps.
      const { lo, hi } = this.enclosure(60);
      this.doubles = { lo: I.point(Q.toNumber(lo)).lo, hi: I.point(Q.toNumber(hi)).hi };
    }
    return this.doubles;
  }

  /** Halve the interval once, keeping α inside (p(mid) ≠ 0: α is p's only root there and it is irrational). */
  private bisect(): void {
    checkBudget();
    const den = this.lo.den * 2n;
    const mid = { num: this.lo.num + this.hi.num, den };
    if (signAt(this.poly, mid) === this.signLo) [this.lo, this.hi] = [mid, { num: this.hi.num * 2n, den }];
    else [this.lo, this.hi] = [{ num: this.lo.num * 2n, den }, mid];
  }

  /**
   * One Newton step from the midpoint, kept only when p's exact signs confirm
   * the bracket: near a simple root the error squares, so a narrow interval of
   * width 2^−k becomes one of width about 2^−2k (hundreds of bits in a few
   * steps, where bisection gains one bit per evaluation).
   */
  private newtonStep(): boolean {
    const width = Q.rat(this.hi.num - this.lo.num, this.hi.den);
    const k = Q.bitLength(width.den) - Q.bitLength(width.num); // width ≈ 2^−k
    if (k < 8) return false;
    // In integers alone: with m = n/D, P = D^d·p(m) and P′ = D^{d−1}·p′(m), Newton's m − p(m)/p′(m) is (n·P′ − P)/(D·P′).
    const n = this.lo.num + this.hi.num;
    const D = 2n * this.lo.den;
    const P = scaledValue(this.poly, n, D);
    const slope = scaledValue(this.derivative, n, D);
    if (slope === 0n) return false;
    const e = BigInt(2 * k - 6); // the new half-width 2^−e
    const den = 1n << (e + 2n);
    const centre = floorDiv((n * slope - P) * den, D * slope);
    const [a, b] = [centre - 4n, centre + 4n];
    if (Q.compare(this.lo, Q.rat(a, den)) > 0 || Q.compare(Q.rat(b, den), this.hi) > 0) return false;
    if (signAt(this.poly, { num: a, den }) !== this.signLo || signAt(this.poly, { num: b, den }) !== -this.signLo) return false;
    [this.lo, this.hi] = [
      { num: a, den },
      { num: b, den },
    ];
    return true;
  }

  private get derivative(): bigint[] {
    return (this.derivativeCache ??= this.poly.slice(1).map((c, i) => c * BigInt(i + 1)));
  }

  /** Narrowed until `done` accepts the interval (its ends unreduced): Newton steps where they hold, else halving. */
  private narrowUntil(done: (b: Bounds) => boolean): Bounds {
    let halvings = 0;
    while (!done({ lo: this.lo, hi: this.hi })) {
      checkBudget();
      if (halvings > 0 || !this.newtonStep()) {
        this.bisect();
        halvings = (halvings + 1) % 3; // after a failed Newton step, two more halvings before the next try
      }
    }
    return { lo: this.lo, hi: this.hi };
  }

  /**
   * A head start for narrowing: bisection on p evaluated in doubles, its
   * result accepted only when p's exact signs at the two ends bracket α inside
   * the current interval (cheap where exact bisection would take ~60 steps of
   * growing numbers; no harm where doubles mislead).
   */
  private narrowInDoubles(): void {
    const coeffs = this.poly.map(Number);
    const f = (x: number): number => coeffs.reduceRight((acc, c) => acc * x + c, 0);
    let [a, b] = [Q.toNumber(this.lo), Q.toNumber(this.hi)];
    for (let i = 0; i < 1100; i++) {
      const m = a / 2 + b / 2;
      const s = Math.sign(f(m));
      if (m <= a || m >= b || !Number.isFinite(m) || s === 0 || Number.isNaN(s)) break;
      if (s === this.signLo) a = m;
      else b = m;
    }
    const [x, y] = [Q.fromNumber(a), Q.fromNumber(b)];
    const inside = Q.compare(this.lo, x) <= 0 && Q.compare(y, this.hi) <= 0 && Q.compare(x, y) < 0;
    if (!inside || signAt(this.poly, x) !== this.signLo || signAt(this.poly, y) !== -this.signLo) return;
    this.lo = { num: x.num * y.den, den: x.den * y.den };
    this.hi = { num: y.num * x.den, den: x.den * y.den };
  }

  /** The sign of α (α ≠ 0: p has no rational root). */
  sign(): -1 | 1 {
    const b = this.narrowUntil(({ lo, hi }) => lo.num >= 0n || hi.num <= 0n);
    return b.lo.num >= 0n ? 1 : -1;
  }

  /** An interval around α of width at most |α|·2^−bits (relative precision). */
  enclosure(bits: number): Bounds {
    if (bits > this.precision && this.precision === 0) this.narrowInDoubles();
    if (bits > this.precision) {
      const positive = this.sign() > 0;
      const shift = BigInt(bits);
      // Common denominator: (hi − lo)·2^bits ≤ min(|lo|, |hi|).
      this.narrowUntil(({ lo, hi }) => (hi.num - lo.num) << shift <= (positive ? lo.num : -hi.num));
      this.precision = bits;
    }
    return this.bounds();
  }

  /** The double nearest α (within an ulp), for display and numeric use. */
  approximate(): number {
    if (this.double === undefined) {
      const { lo, hi } = this.enclosure(64);
      this.double = Q.toNumber(Q.div(Q.add(lo, hi), TWO));
    }
    return this.double;
  }

  /** The sign of q(α) for rational coefficients q (ascending), decided exactly. */
  signOf(q: Coefficients): -1 | 0 | 1 {
    const p = asRationals(this.poly);
    const r = divide(q, p).remainder;
    if (r.length === 0) return 0;
    if (r.length === 1) return Q.sign(r[0]!);
    // A common factor g of p and r has at most one root in the interval, α, and a simple one: g changes sign there iff g(α) = 0.
    const g = gcd(p, r);
    if (g.length > 1) {
      const gi = integral(g);
      if (signAt(gi, this.lo) * signAt(gi, this.hi) < 0) return 0;
    }
    // r(α) ≠ 0: narrow until r has no root in (lo, hi]; its sign at hi is then its sign at α.
    const seq = sturmSequence(r);
    const ri = integral(r);
    const b = this.narrowUntil((x) => rootsIn(seq, x) === 0 && signAt(ri, x.hi) !== 0);
    return signAt(ri, b.hi) > 0 ? 1 : -1;
  }

  /** The order of α and β, decided exactly. */
  compare(other: AlgebraicRoot): -1 | 0 | 1 {
    if (this.key === other.key) return 0;
    const g = gcd(asRationals(this.poly), asRationals(other.poly));
    const gi = integral(g);
    const vanishesAt = (a: AlgebraicRoot): boolean => g.length > 1 && signAt(gi, a.lo) * signAt(gi, a.hi) < 0;
    // Both roots of g: equal iff one root of g lies in the hull of the two intervals once they are narrow enough.
    const seq = vanishesAt(this) && vanishesAt(other) ? sturmSequence(g) : undefined;
    for (;;) {
      if (Q.compare(this.hi, other.lo) <= 0) return -1;
      if (Q.compare(other.hi, this.lo) <= 0) return 1;
      if (seq) {
        const hull = { lo: Q.compare(this.lo, other.lo) < 0 ? this.lo : other.lo, hi: Q.compare(this.hi, other.hi) > 0 ? this.hi : other.hi };
        if (rootsIn(seq, hull) === 1) return 0;
      }
      this.bisect();
      other.bisect();
    }
  }

  /**
   * An isolating interval for display: the cell of the coarsest decimal grid
   * (units, tenths, hundredths, …) that holds α and no other root of p.
   */
  displayInterval(): Bounds {
    if (this.shown) return this.shown;
    const seq = sturmSequence(asRationals(this.poly));
    for (let step = Q.ONE; ; step = Q.div(step, Q.rat(10))) {
      // Narrower than a cell, the interval meets at most two cells; p's sign at the boundary says which holds α.
      const { lo, hi } = this.narrowUntil((b) => Q.compare(Q.sub(b.hi, b.lo), step) < 0);
      let from = Q.mul(Q.rat(Q.floor(Q.div(lo, step))), step);
      const boundary = Q.add(from, step);
      if (Q.compare(boundary, hi) < 0 && signAt(this.poly, boundary) === this.signLo) from = boundary;
      const cell = { lo: from, hi: Q.add(from, step) };
      if (rootsIn(seq, cell) === 1) return (this.shown = cell);
    }
  }

  /** x^k reduced modulo p (k any integer): the coefficients of a polynomial of degree < deg p with the same value at α. */
  power(k: bigint): Rational[] {
    const p = asRationals(this.poly);
    const d = this.degree;
    if (k < 0n) {
      // α ≠ 0, so p(0) ≠ 0 and α⁻¹ = −(a₁ + a₂α + … + a_d α^{d−1})/a₀.
      const inverse = p.slice(1).map((c) => Q.neg(Q.div(c, p[0]!)));
      return powerMod(inverse, -k, p, d);
    }
    return powerMod([Q.ZERO, Q.ONE], k, p, d); // d ≥ 2: α is irrational
  }
}

/** base^k mod p by squaring. */
function powerMod(base: Rational[], k: bigint, p: Coefficients, d: number): Rational[] {
  let result: Rational[] = [Q.ONE];
  let b = base;
  const mulMod = (x: Rational[], y: Rational[]): Rational[] => {
    const out: Rational[] = new Array<Rational>(Math.max(x.length + y.length - 1, 0)).fill(Q.ZERO);
    for (let i = 0; i < x.length; i++) {
      checkBudget();
      if (!Q.isZero(x[i]!)) for (let j = 0; j < y.length; j++) out[i + j] = Q.add(out[i + j]!, Q.mul(x[i]!, y[j]!));
    }
    return out.length > d ? divide(out, p).remainder : trim(out);
  };
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = mulMod(result, b);
    if (e > 1n) b = mulMod(b, b);
  }
  return result;
}

/** D^deg·p(n/D) = Σ aᵢ·nⁱ·D^{deg−i}, in integers. */
function scaledValue(p: readonly bigint[], n: bigint, D: bigint): bigint {
  let acc = 0n;
  let power = 1n;
  for (let i = p.length - 1; i >= 0; i--) {
    acc = acc * n + p[i]! * power;
    power *= D;
  }
  return acc;
}

const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
};


/** The real roots of p, square-free with integer coefficients and no rational root, as algebraic numbers in increasing order. */
export function algebraicRoots(p: Coefficients): AlgebraicRoot[] {
  const B = cauchyBound(p);
  const isolated = isolate(p, Q.add(B, B)).sort((a, b) => Q.compare(a.lo, b.lo));
  const integers = integral(p);
  return isolated.map(({ lo, hi }, i) => new AlgebraicRoot(integers, lo, hi, i));
}

/** Σ cᵢ·((x − a)/k)^i, p composed with the inverse of x ↦ k·x + a. */
function composeAffine(p: Coefficients, k: Rational, a: Rational): Rational[] {
  const inner: Rational[] = [Q.neg(Q.div(a, k)), Q.inv(k)];
  let out: Rational[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    checkBudget();
    // Horner: out = out·inner + cᵢ.
    const next: Rational[] = new Array<Rational>(out.length + 1).fill(Q.ZERO);
    out.forEach((c, j) => {
      next[j] = Q.add(next[j]!, Q.mul(c, inner[0]!));
      next[j + 1] = Q.add(next[j + 1]!, Q.mul(c, inner[1]!));
    });
    next[0] = Q.add(next[0]!, p[i]!);
    out = trim(next);
  }
  return out;
}

/** k·α + a (k ≠ 0) as an algebraic number: a root of p((x − a)/k), isolated by the image of α's interval. */
export function affine(alpha: AlgebraicRoot, k: Rational, a: Rational): AlgebraicRoot {
  if (Q.isOne(k) && Q.isZero(a)) return alpha;
  const { lo, hi } = alpha.bounds();
  const [x, y] = [lo, hi].map((e) => Q.add(Q.mul(k, e), a)) as [Rational, Rational];
  const q = integral(composeAffine(asRationals(alpha.poly), k, a));
  return Q.sign(k) > 0 ? new AlgebraicRoot(q, x, y) : new AlgebraicRoot(q, y, x);
}

/** The largest D accepted for a surd a + b·m with m^D rational (the polynomial has degree D). */
const MAX_SURD_DEGREE = 64n;

/**
 * a + b·m for rationals a, b ≠ 0 and an irrational m > 0 with m^D = c (a
 * product of roots of integers): the root of (x − a)^D − b^D·c, the larger of
 * its two real roots a ± |b|·m when D is even and b > 0. Undefined when D is
 * too large.
 */
export function surd(a: Rational, b: Rational, D: bigint, c: Rational): AlgebraicRoot | undefined {
  if (D > MAX_SURD_DEGREE) return undefined;
  // (x − a)^D by the binomial theorem, minus b^D·c.
  const coeffs: Rational[] = [];
  let binomial = 1n;
  for (let i = 0n; i <= D; i++) {
    coeffs.push(Q.mul(Q.rat(binomial), Q.powInt(Q.neg(a), D - i)));
    binomial = (binomial * (D - i)) / (i + 1n);
  }
  coeffs[0] = Q.sub(coeffs[0]!, Q.mul(Q.powInt(b, D), c));
  // m irrational means no rational root; a cofactor kept whole (a square of a large prime) would break that.
  if (rationalRoots(coeffs).length) return undefined;
  const roots = algebraicRoots(integral(coeffs).map((n) => Q.rat(n)));
  return roots.length === 1 ? roots[0] : Q.sign(b) > 0 ? roots[roots.length - 1] : roots[0];
}

/** Pairs of real roots are tried for a rational quadratic factor up to this degree of p (at most 66 pairs). */
const MAX_QUADRATIC_FACTOR_DEGREE = 12;

/** [lo, hi] of x·y for x in [a, b], y in [c, d]. */
function productBounds(x: Bounds, y: Bounds): Bounds {
  const corners = [Q.mul(x.lo, y.lo), Q.mul(x.lo, y.hi), Q.mul(x.hi, y.lo), Q.mul(x.hi, y.hi)].sort(Q.compare);
  return { lo: corners[0]!, hi: corners[3]! };
}

/** The integer in [lo, hi] (an interval narrower than 1), or undefined. */
function onlyInteger({ lo, hi }: Bounds): bigint | undefined {
  const k = Q.floor(hi);
  return Q.compare(Q.rat(k), lo) >= 0 ? k : undefined;
}

/**
 * A factor c + b·t + a·t² of p over the rationals (integers, a > 0) whose roots are two of p's
 * real roots `roots`, or undefined: (t² − 3)(t² − t − 1) then gets ±√3 and (1 ± √5)/2 by the
 * quadratic formula instead of four roots of a quartic. By Gauss's lemma such a factor of the
 * integer p has a dividing L = |lead p|, so L·(α + β) and L·αβ are integers for its roots α, β:
 * enclosures narrow enough to leave one integer candidate each, and exact division confirms it.
 */
export function realQuadraticFactor(p: readonly bigint[], roots: readonly AlgebraicRoot[]): Rational[] | undefined {
  if (p.length - 1 < 4 || p.length - 1 > MAX_QUADRATIC_FACTOR_DEGREE) return undefined;
  const L = Q.rat(p[p.length - 1]! < 0n ? -p[p.length - 1]! : p[p.length - 1]!);
  const coefficients = asRationals(p);
  for (let i = 0; i < roots.length; i++)
    for (let j = i + 1; j < roots.length; j++) {
      checkBudget();
      const [alpha, beta] = [roots[i]!, roots[j]!];
      const size = 1 + Math.abs(alpha.approximate()) + Math.abs(beta.approximate());
      // Relative widths 2^−bits leave L·(α + β) and L·αβ in intervals far narrower than 1.
      const bits = Math.ceil(Math.log2(8 * size * size)) + L.num.toString(2).length + 8;
      const [a, b] = [alpha.enclosure(bits), beta.enclosure(bits)];
      const sum = onlyInteger({ lo: Q.mul(L, Q.add(a.lo, b.lo)), hi: Q.mul(L, Q.add(a.hi, b.hi)) });
      const product = productBounds(a, b);
      const prod = onlyInteger({ lo: Q.mul(L, product.lo), hi: Q.mul(L, product.hi) });
      if (sum === undefined || prod === undefined) continue;
      const factor = [Q.rat(prod), Q.rat(-sum), L];
      if (divide(coefficients, factor).remainder.every(Q.isZero)) return integral(factor).map((c) => Q.rat(c));
    }
  return undefined;
}
