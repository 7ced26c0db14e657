/**
 * Where φ can fail to be analytic, found from φ's own expression: φ is built
 * from analytic operations and primitives, so it is analytic wherever every
 * switch argument (relu(u), abs(u), sign(u), heaviside(u): u; max(a, b),
 * min(a, b): a − b), the base of every power that is not a non-negative
 * integer, and the argument of every log is non-zero. The zeros of those
 * arguments, located numerically here without the symbolic layer, are where
 * the piece checks (pieceChecks.ts) look for a kink the analysis may have lost.
 */
import { dependsOnT, keyOf, primitives, Q } from '../symbolic/index.js';
import type { PrimitiveSpec, Scalar } from '../symbolic/index.js';
import { compileEntry } from './compile.js';

/** The arguments whose zeros may be kinks of φ, each once. */
export function switchArguments(phi: Scalar): Scalar[] {
  const found = new Map<string, Scalar>();
  const add = (s: Scalar): void => {
    if (dependsOnT(s)) found.set(keyOf(s), s);
  };
  const visit = (s: Scalar): void => {
    switch (s.kind) {
      case 'const':
      case 'var':
        return;
      case 'add':
        return s.terms.forEach(visit);
      case 'mul':
        return s.factors.forEach(visit);
      case 'pow':
        if (!Q.isInteger(s.exponent) || Q.sign(s.exponent) < 0) add(s.base);
        return visit(s.base);
      case 'call': {
        const spec: PrimitiveSpec = primitives[s.fn];
        if (spec.split) add(spec.split.switchOf(s.args));
        if (spec.domain) add(s.args[0]!);
        return s.args.forEach(visit);
      }
    }
  };
  visit(phi);
  return [...found.values()];
}

/** 0 and ±2^(k/4) for 2^−60 ≤ |t| ≤ 2^110: every scale a breakpoint of a user's expression is likely to have. */
const GRID: readonly number[] = (() => {
  const positive = Array.from({ length: 4 * 170 + 1 }, (_, k) => 2 ** ((k - 4 * 60) / 4));
  return [...positive.map((x) => -x).reverse(), 0, ...positive];
})();

/** Candidates closer than this (relative) are one: golden section finds a touching zero only to about √u. */
const SAME = 2 ** -26;

/** At most this many candidates per argument (a zero run of an underflowed exp(−t²) would give hundreds). */
const PER_ARGUMENT = 12;

/** The last double of [a, b] where g has the sign of g(a), by bisection; g(a)·g(b) < 0. */
function bisect(g: (t: number) => number, a: number, b: number): number {
  const sa = Math.sign(g(a));
  for (let k = 0; k < 2200; k++) {
    const m = a + (b - a) / 2;
    if (m === a || m === b) break;
    const sm = Math.sign(g(m));
    if (sm === 0) return m;
    if (sm === sa) a = m;
    else b = m;
  }
  return a;
}

/** The argmin of |g| on [a, b] by golden section (a touching zero such as (t − 1)² at 1). */
function touching(g: (t: number) => number, a0: number, b0: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let a = a0;
  let b = b0;
  for (let k = 0; k < 200 && b - a > 0; k++) {
    const x1 = b - r * (b - a);
    const x2 = a + r * (b - a);
    if (!(x1 < x2) || x1 === a || x2 === b) break;
    if (Math.abs(g(x1)) <= Math.abs(g(x2))) b = x2;
    else a = x1;
  }
  const m = a + (b - a) / 2;
  // A minimum at 0 is snapped to it: there the resolution of doubles is unlimited (pieceChecks.ts).
  return a0 <= 0 && 0 <= b0 && Math.abs(g(0)) <= Math.abs(g(m)) ? 0 : m;
}

/**
 * Points where some switch argument vanishes or comes closest to 0: sign
 * changes on GRID refined by bisection, exact zeros on the grid (the ends of
 * a run of them), and local minima of |g| refined by golden section. Sorted,
 * each once. Points that are not zeros are harmless: at a point inside a
 * smooth piece every check holds.
 */
export function zeroCandidates(phi: Scalar): number[] {
  const out = new Set<number>();
  for (const arg of switchArguments(phi)) {
    const g = compileEntry(arg);
    const values = GRID.map(g);
    const mine: number[] = [];
    for (let i = 0; i < GRID.length && mine.length < PER_ARGUMENT; i++) {
      const v = values[i]!;
      const prev = values[i - 1];
      const next = values[i + 1];
      if (v === 0) {
        if (prev !== 0 || next !== 0) mine.push(GRID[i]!);
      } else if (next !== undefined && Number.isFinite(v) && Number.isFinite(next) && next !== 0 && Math.sign(v) !== Math.sign(next)) {
        mine.push(bisect(g, GRID[i]!, GRID[i + 1]!));
      } else if (prev !== undefined && next !== undefined && Math.abs(v) < Math.abs(prev) && Math.abs(v) < Math.abs(next)) {
        mine.push(touching(g, GRID[i - 1]!, GRID[i + 1]!));
      }
    }
    mine.forEach((t) => Number.isFinite(t) && out.add(t));
  }
  // A zero found twice (by bisection and as a minimum of |g|, or from two arguments) is kept once.
  const sorted = [...out].sort((a, b) => a - b);
  return sorted.filter((t, i) => i === 0 || t - sorted[i - 1]! > SAME * Math.abs(t));
}
