/**
 * Exact constants (breakpoints, values and limits at breakpoints, ends of
 * subdifferentials) as doubles with a bound on how far each double is from
 * the exact value. `approximate` gives a double near the constant, but a
 * constant such as 1 − 0.02·√2495 ≈ 0.001 or log(101)² − 4·log(101)·log(10)
 * + 4·log(10)² ≈ 10⁻⁴ is formed by cancellation, and its double can be off by
 * far more than u·|value|. The bound comes from the same outward-rounded
 * enclosure `approximate` takes its midpoint of: the exact value lies in
 * [lo, hi], so it is at most max(|value − lo|, |hi − value|) from the double,
 * whatever double `approximate` returns. Tolerances add it; they no longer
 * assume a constant is correct to u·|value|.
 */
import { approximate, enclose, I, P, Q } from '../symbolic/index.js';
import type { Poly } from '../symbolic/index.js';
import { beyondDoubles } from './emit.js';
import { UNIT_ROUNDOFF } from './errorModel.js';

export interface Approximation {
  readonly value: number;
  /** |value − exact| ≤ error; 0 when the double is the constant itself. */
  readonly error: number;
  /** The double is the constant itself (a rational that is a double). */
  readonly exact: boolean;
}

export function approximation(p: Poly): Approximation {
  const value = approximate(p);
  if (value === Infinity || value === -Infinity) throw beyondDoubles();
  const rational = P.asRational(p);
  if (rational !== undefined && Q.equals(Q.fromNumber(value), rational)) return { value, error: 0, exact: true };
  const { lo, hi } = enclose(p, I.point(0));
  // value − lo and hi − value are themselves rounded (down by at most a relative u).
  const error = Math.max(Math.abs(value - lo), Math.abs(hi - value)) * (1 + 4 * UNIT_ROUNDOFF);
  return { value, error: Number.isNaN(error) ? Infinity : error, exact: false };
}
