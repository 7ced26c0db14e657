/**
 * p = c·q^k for a polynomial p with rational coefficients, k ≥ 2 as large as
 * possible: (t−1)² = t² − 2t + 1 is found as (t − 1)². Used to take radicals
 * of perfect powers exactly: √((t−1)²) = |t − 1|, which is t − 1 or 1 − t on
 * an interval where the sign of t − 1 is known.
 */
import * as Q from './rational.js';
import type { Rational } from './rational.js';

export interface PerfectPower {
  readonly c: Rational;
  /** Monic, ascending coefficients. */
  readonly q: readonly Rational[];
  readonly k: number;
}

function multiply(a: readonly Rational[], b: readonly Rational[]): Rational[] {
  const out = Array.from({ length: a.length + b.length - 1 }, () => Q.ZERO);
  a.forEach((x, i) => b.forEach((y, j) => (out[i + j] = Q.add(out[i + j]!, Q.mul(x, y)))));
  return out;
}

function power(q: readonly Rational[], k: number): Rational[] {
  let out: Rational[] = [Q.ONE];
  for (let i = 0; i < k; i++) out = multiply(out, q);
  return out;
}

/**
 * The monic k-th root of a monic polynomial P of degree d = k·m, if it has one.
 * With s = 1/t, P = t^d·R(s) and R = 1 + a₁s + …; the root is t^m·R(s)^{1/k}
 * truncated at s^m, whose series coefficients follow J. C. P. Miller's
 * recurrence b_n = (1/n)·Σ_{j=1..n} ((α+1)·j − n)·a_j·b_{n−j} with α = 1/k.
 */
function monicRoot(P: readonly Rational[], k: number): Rational[] | undefined {
  const d = P.length - 1;
  const m = d / k;
  const a = [...P].reverse(); // a[j] is the coefficient of t^{d−j}
  const alpha = Q.rat(1, k);
  const b: Rational[] = [Q.ONE];
  for (let n = 1; n <= m; n++) {
    let acc = Q.ZERO;
    for (let j = 1; j <= n; j++)
      acc = Q.add(acc, Q.mul(Q.mul(Q.sub(Q.mul(Q.add(alpha, Q.ONE), Q.rat(j)), Q.rat(n)), a[j] ?? Q.ZERO), b[n - j]!));
    b.push(Q.div(acc, Q.rat(n)));
  }
  const q = b.reverse(); // ascending: b_m is the constant term
  const back = power(q, k);
  return back.length === P.length && back.every((x, i) => Q.equals(x, P[i]!)) ? q : undefined;
}

/** The largest k ≥ 2 with p = c·q^k, or undefined when p (degree ≥ 1) is no such power. */
export function perfectPower(p: readonly Rational[]): PerfectPower | undefined {
  const d = p.length - 1;
  const lead = p[d];
  if (d < 2 || !lead || Q.isZero(lead) || d > 64) return undefined;
  const monic = p.map((x) => Q.div(x, lead));
  for (let k = d; k >= 2; k--) {
    if (d % k !== 0) continue;
    const q = monicRoot(monic, k);
    if (q) return { c: lead, q, k };
  }
  return undefined;
}
