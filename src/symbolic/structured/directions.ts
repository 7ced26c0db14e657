/**
 * Directions of linear forms X ↦ ⟨D, X⟩ over the entries of X (m×n). Every
 * form kinkproof meets is rank one, D = u wᵀ: x_ij is e_i e_jᵀ, (A·X·B)_ij is
 * (row i of A)ᵀ(column j of B)ᵀ, (A·Xᵀ·B)_ij is (column j of B)(row i of A).
 * Vectors are interned with their first non-zero entry scaled to 1, so two
 * forms are parallel exactly when their interned ids agree (u wᵀ determines u
 * and w up to reciprocal scales): kinks on one surface meet in one key.
 */
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';

/** A rank-one direction u wᵀ, u and w interned canonical vectors. */
export interface Direction {
  readonly u: number;
  readonly w: number;
  readonly key: string;
}

export class VectorTable {
  private readonly ids = new Map<string, number>();
  readonly vectors: (readonly Rational[])[] = [];
  private readonly asDoubles: (Float64Array | undefined)[] = [];

  /** The vector as doubles (cached). */
  doubles(id: number): Float64Array {
    return (this.asDoubles[id] ??= Float64Array.from(this.vectors[id]!, Q.toNumber));
  }
  private readonly units = new Map<string, number>();

  /** The canonical multiple of v (first non-zero entry 1) and the scale λ with v = λ·canonical; null for v = 0. */
  intern(v: readonly Rational[]): { id: number; scale: Rational } | null {
    const first = v.find((x) => !Q.isZero(x));
    if (!first) return null;
    const canonical = Q.isOne(first) ? v : v.map((x) => Q.div(x, first));
    const key = canonical.map(Q.toText).join(',');
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.vectors.length;
      this.ids.set(key, id);
      this.vectors.push(canonical);
    }
    return { id, scale: first };
  }

  /** e_k in ℚ^length. */
  unit(k: number, length: number): number {
    const key = `${k}/${length}`;
    let id = this.units.get(key);
    if (id === undefined) {
      const v = Array.from({ length }, (_, i) => (i === k ? Q.ONE : Q.ZERO));
      id = this.intern(v)!.id;
      this.units.set(key, id);
    }
    return id;
  }
}

export const direction = (u: number, w: number): Direction => ({ u, w, key: `${u}|${w}` });

/**
 * A point prepared for many forms ⟨u wᵀ, X⟩: X as integers over one common
 * denominator, and the interned vectors likewise (cached), so that each form
 * is an integer dot product — in doubles while every partial sum stays below
 * 2^53 (then exact), else in BigInt — and one division at the end.
 */
export class ScaledPoint {
  private readonly ints: bigint[][];
  private readonly den: bigint;
  private readonly small: number[][] | null;
  private readonly maxAbs: number;
  private readonly cols = new Map<number, { small: Float64Array | null; big: bigint[]; bound: number }>();

  constructor(
    private readonly table: VectorTable,
    X: readonly (readonly Rational[])[],
  ) {
    this.den = X.flat().reduce((l, q) => lcm(l, q.den), 1n);
    this.ints = X.map((r) => r.map((q) => (q.num * this.den) / q.den));
    const max = this.ints.flat().reduce((a, b) => (abs(b) > a ? abs(b) : a), 0n);
    this.maxAbs = Number(max);
    this.small = max < SAFE ? this.ints.map((r) => r.map(Number)) : null;
  }

  /** ⟨u wᵀ, X⟩ exactly. */
  form(d: Direction): Rational {
    const u = scaled(this.table, d.u);
    const w = scaled(this.table, d.w);
    const xw = this.timesW(d.w, w);
    if (xw.small && u.small && xw.bound * u.maxAbs * u.support.length < Number.MAX_SAFE_INTEGER) {
      let total = 0;
      for (const i of u.support) total += u.small[i]! * xw.small[i]!;
      return Q.rat(BigInt(total), u.den * w.den * this.den);
    }
    let total = 0n;
    for (const i of u.support) total += u.ints[i]! * xw.big[i]!;
    return Q.rat(total, u.den * w.den * this.den);
  }

  /** X·w as integers (cached per w): in doubles when every entry is exact there. */
  private timesW(id: number, w: Scaled): { small: Float64Array | null; big: bigint[]; bound: number } {
    let xw = this.cols.get(id);
    if (xw) return xw;
    const bound = this.maxAbs * w.maxAbs * w.support.length;
    if (this.small && w.small && bound < Number.MAX_SAFE_INTEGER) {
      const small = new Float64Array(this.small.length);
      for (let i = 0; i < small.length; i++) {
        const row = this.small[i]!;
        let t = 0;
        for (const j of w.support) t += row[j]! * w.small[j]!;
        small[i] = t;
      }
      xw = { small, big: Array.from(small, (x) => BigInt(x)), bound };
    } else {
      const big = this.ints.map((row) => w.support.reduce((t, j) => t + row[j]! * w.ints[j]!, 0n));
      xw = { small: null, big, bound };
    }
    this.cols.set(id, xw);
    return xw;
  }
}

const SAFE = 1n << 26n;
const abs = (x: bigint): bigint => (x < 0n ? -x : x);
const gcdBig = (a: bigint, b: bigint): bigint => {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
};
const lcm = (a: bigint, b: bigint): bigint => (a / gcdBig(a, b)) * b;

interface Scaled {
  readonly ints: bigint[];
  readonly den: bigint;
  readonly support: number[];
  readonly small: number[] | null;
  readonly maxAbs: number;
}

const scaledCache = new WeakMap<readonly Rational[], Scaled>();

function scaled(table: VectorTable, id: number): Scaled {
  const v = table.vectors[id]!;
  let s = scaledCache.get(v);
  if (!s) {
    const den = v.reduce((l, q) => lcm(l, q.den), 1n);
    const ints = v.map((q) => (q.num * den) / q.den);
    const max = ints.reduce((a, b) => (abs(b) > a ? abs(b) : a), 0n);
    s = { ints, den, support: ints.flatMap((x, k) => (x === 0n ? [] : [k])), small: max < SAFE ? ints.map(Number) : null, maxAbs: Number(max) };
    scaledCache.set(v, s);
  }
  return s;
}

/** ⟨u wᵀ, X⟩ = uᵀ X w, exactly. */
export function formAt(table: VectorTable, d: Direction, X: readonly (readonly Rational[])[]): Rational {
  const u = table.vectors[d.u]!;
  const w = table.vectors[d.w]!;
  let total = Q.ZERO;
  for (let i = 0; i < u.length; i++) {
    if (Q.isZero(u[i]!)) continue;
    let row = Q.ZERO;
    const Xi = X[i]!;
    for (let j = 0; j < w.length; j++) if (!Q.isZero(w[j]!)) row = Q.add(row, Q.mul(Xi[j]!, w[j]!));
    total = Q.add(total, Q.mul(u[i]!, row));
  }
  return total;
}

/** The matrix u wᵀ in doubles. */
export function directionMatrix(table: VectorTable, d: Direction): number[][] {
  const u = table.vectors[d.u]!.map(Q.toNumber);
  const w = table.vectors[d.w]!.map(Q.toNumber);
  return u.map((a) => w.map((b) => a * b));
}

/** Are the rank-one directions linearly independent (exact Gaussian elimination; false when too large to try). */
export function independent(table: VectorTable, dirs: readonly Direction[], m: number, n: number): boolean {
  if (dirs.length > m * n) return false;
  if (dirs.length * m * n > 200_000) return false;
  const rows = dirs.map((d) => {
    const u = table.vectors[d.u]!;
    const w = table.vectors[d.w]!;
    return u.flatMap((a) => w.map((b) => Q.mul(a, b)));
  });
  let rank = 0;
  const cols = m * n;
  for (let col = 0; col < cols && rank < rows.length; col++) {
    const pivot = rows.findIndex((r, i) => i >= rank && !Q.isZero(r[col]!));
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot]!, rows[rank]!];
    const p = rows[rank]!;
    for (let i = rank + 1; i < rows.length; i++) {
      const r = rows[i]!;
      if (Q.isZero(r[col]!)) continue;
      const f = Q.div(r[col]!, p[col]!);
      for (let j = col; j < cols; j++) r[j] = Q.sub(r[j]!, Q.mul(f, p[j]!));
    }
    rank++;
  }
  return rank === rows.length;
}

