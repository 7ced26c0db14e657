/**
 * Numbers a person can check by hand: integers first, then halves, quarters, …,
 * each level by increasing magnitude (1 before 2, 1 before -1).
 */
import { approximate, compareExact, P, Q } from '../../symbolic/index.js';
import type { Poly } from '../../symbolic/index.js';

const MAX_LEVEL = 40; // denominators up to 2^40
const PER_LEVEL = 6;
const SAFE = 2 ** 50;

/** Integers in [lo, hi] by increasing magnitude, positive first; at most `count`. */
function byMagnitude(lo: number, hi: number, count: number): number[] {
  const out: number[] = [];
  if (lo <= 0 && hi >= 0) {
    out.push(0);
    for (let k = 1; out.length < count && (k <= hi || -k >= lo); k++) {
      if (k <= hi) out.push(k);
      if (-k >= lo) out.push(-k);
    }
  } else if (lo > 0) for (let k = lo; k <= hi && out.length < count; k++) out.push(k);
  else for (let k = hi; k >= lo && out.length < count; k--) out.push(k);
  return out;
}

const strictlyInside = (x: Poly, lo: Poly | null, hi: Poly | null): boolean => {
  try {
    return (!lo || compareExact(lo, x) < 0) && (!hi || compareExact(x, hi) < 0);
  } catch {
    return false;
  }
};

/** Rationals strictly inside (lo, hi) (null: unbounded), simplest first. */
export function* simpleNumbersIn(lo: Poly | null, hi: Poly | null): Generator<Poly> {
  const a = lo ? approximate(lo) : -Infinity;
  const b = hi ? approximate(hi) : Infinity;
  for (let level = 0; level <= MAX_LEVEL; level++) {
    const d = 2 ** level;
    // Widened by one on each side: the exact test below has the last word.
    const kmin = Number.isFinite(a) ? Math.floor(a * d) : -SAFE;
    const kmax = Number.isFinite(b) ? Math.ceil(b * d) : SAFE;
    if (Math.abs(kmin) > SAFE || Math.abs(kmax) > SAFE) return;
    let emitted = 0;
    for (const k of byMagnitude(kmin, kmax, 4 * PER_LEVEL + 4)) {
      if (level > 0 && k % 2 === 0) continue; // tried with a smaller denominator
      const x = P.constant(Q.rat(k, d));
      if (!strictlyInside(x, lo, hi)) continue;
      yield x;
      if (++emitted >= PER_LEVEL) break;
    }
  }
}

/** Sort key for "simpler": denominator, then magnitude, then positive first; irrational last. */
export function simplicity(x: Poly): [number, number, number] {
  const q = P.asRational(x);
  if (!q) return [Infinity, Infinity, 1];
  return [Number(q.den), Math.abs(Q.toNumber(q)), Q.sign(q) < 0 ? 1 : 0];
}

export const simpler = (a: Poly, b: Poly): boolean => {
  const x = simplicity(a);
  const y = simplicity(b);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
  return false;
};
