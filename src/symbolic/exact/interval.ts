/**
 * Outward-rounded interval arithmetic on doubles. Used only to certify the sign
 * of an exact constant that is not rational (√2 − 1, e − 2): if the enclosure
 * excludes 0 the sign is proved; if not, the caller answers `unknown`.
 */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

// Each elementary operation is within 1 ulp in V8; widen by a few ulps and a
// tiny absolute term so the enclosure stays rigorous through subnormals.
const REL = 8 * Number.EPSILON;
const ABS = 1e-300;
const down = (x: number): number => (x === -Infinity ? x : x - Math.abs(x) * REL - ABS);
const up = (x: number): number => (x === Infinity ? x : x + Math.abs(x) * REL + ABS);

export const point = (x: number): Interval => ({ lo: down(x), hi: up(x) });
export const exact = (x: number): Interval => ({ lo: x, hi: x });

export const add = (a: Interval, b: Interval): Interval => ({ lo: down(a.lo + b.lo), hi: up(a.hi + b.hi) });
export const neg = (a: Interval): Interval => ({ lo: -a.hi, hi: -a.lo });

export function mul(a: Interval, b: Interval): Interval {
  const c = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].map((x) => (Number.isNaN(x) ? 0 : x));
  return { lo: down(Math.min(...c)), hi: up(Math.max(...c)) };
}

/** 1/a; undefined when a contains 0. */
export function inv(a: Interval): Interval | undefined {
  if (a.lo <= 0 && a.hi >= 0) return undefined;
  return { lo: down(1 / a.hi), hi: up(1 / a.lo) };
}

/** a^p for a rational exponent p (as a double); a must be ≥ 0 unless p is an integer. */
export function pow(a: Interval, p: number, pIsInteger: boolean): Interval | undefined {
  if (pIsInteger) {
    if (p < 0) {
      const r = inv(a);
      return r && pow(r, -p, true);
    }
    if (p % 2 === 0 && a.lo < 0 && a.hi > 0) return { lo: 0, hi: up(Math.max(a.lo ** p, a.hi ** p)) };
  } else if (a.lo < 0) {
    return undefined;
  }
  if (p < 0 && a.lo <= 0) return undefined;
  const x = a.lo ** p;
  const y = a.hi ** p;
  return { lo: down(Math.min(x, y)), hi: up(Math.max(x, y)) };
}

export const exp = (a: Interval): Interval => ({ lo: Math.max(0, down(Math.exp(a.lo))), hi: up(Math.exp(a.hi)) });

export function log(a: Interval): Interval | undefined {
  if (a.lo <= 0) return undefined;
  return { lo: down(Math.log(a.lo)), hi: up(Math.log(a.hi)) };
}

/** f over a, for an increasing f computed within a few ulps, kept inside f's range. */
export const increasing = (f: (x: number) => number, a: Interval, range: Interval): Interval => ({
  lo: Math.max(range.lo, down(f(a.lo))),
  hi: Math.min(range.hi, up(f(a.hi))),
});

/** f over a, for a 1-Lipschitz f with values in [−1, 1] computed within a few ulps (sin, cos): f(m) ± the half-width. */
export function lipschitz(f: (x: number) => number, a: Interval): Interval {
  if (!(a.hi - a.lo < 4)) return { lo: -1, hi: 1 };
  const m = a.lo / 2 + a.hi / 2;
  const r = up(Math.max(a.hi - m, m - a.lo));
  const v = f(m);
  return { lo: Math.max(-1, down(down(v) - r)), hi: Math.min(1, up(up(v) + r)) };
}

/** −1, 0 or 1 when the enclosure proves it; undefined when it straddles 0. */
export function signOf(a: Interval): -1 | 0 | 1 | undefined {
  if (a.lo > 0) return 1;
  if (a.hi < 0) return -1;
  if (a.lo === 0 && a.hi === 0) return 0;
  return undefined;
}

export const midpoint = (a: Interval): number => (a.lo === a.hi ? a.lo : a.lo / 2 + a.hi / 2);
