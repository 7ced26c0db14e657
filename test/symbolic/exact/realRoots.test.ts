import { describe, expect, it } from 'vitest';
import * as Q from '../../../src/symbolic/exact/rational.js';
import type { Rational } from '../../../src/symbolic/exact/rational.js';
import { rationalRoots, realRootCount } from '../../../src/symbolic/exact/realRoots.js';

const multiply = (a: readonly Rational[], b: readonly Rational[]): Rational[] => {
  const out = Array.from({ length: a.length + b.length - 1 }, () => Q.ZERO);
  a.forEach((x, i) => b.forEach((y, j) => (out[i + j] = Q.add(out[i + j]!, Q.mul(x, y)))));
  return out;
};
const product = (factors: readonly (readonly Rational[])[]): Rational[] => factors.reduce<Rational[]>((p, f) => multiply(p, f), [Q.ONE]);
const linear = (r: Rational): Rational[] => [Q.neg(r), Q.ONE];
const ints = (...cs: number[]): Rational[] => cs.map((c) => Q.rat(c));

// Factors without rational roots (irrational or complex roots only).
const irreducible = [ints(1, 0, 1), ints(-2, 0, 1), ints(-2, 0, 0, 1), ints(1, -10, 0, 0, 1).reverse(), ints(3, 0, 0, 0, 0, 1), ints(-1, 1, 0, 0, 0, 1)];

/** A small seeded generator (xorshift32): the roots are known by construction. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe('rational roots read off Sturm isolating intervals', () => {
  it.each([
    ['735134400 t³ + t + 735134400: none (the divisor search took 14 s)', [Q.rat(735134400), Q.ONE, Q.ZERO, Q.rat(735134400)], []],
    ['t³ − t: −1, 0, 1', ints(0, -1, 0, 1), ['-1', '0', '1']],
    ['(t − 1/3)²(t + 2)(t² − 2): −2, 1/3', product([linear(Q.rat(1, 3)), linear(Q.rat(1, 3)), linear(Q.rat(-2)), ints(-2, 0, 1)]), ['-2', '1/3']],
    ['(2t − 1)(3t + 1)(t⁴ − 10t² + 1)', product([ints(-1, 2), ints(1, 3), ints(1, 0, -10, 0, 1)]), ['-1/3', '1/2']],
    ['10^12 t − 1: 10⁻¹²', [Q.rat(-1), Q.rat(10n ** 12n)], ['1/1000000000000']],
  ] as const)('%s', (_name, p, expected) => {
    expect(rationalRoots(p).map(Q.toText)).toEqual(expected);
  });

  it('finds exactly the rational roots of 200 seeded products of linear and irreducible factors', () => {
    const next = rng(20261201);
    let checked = 0;
    for (let n = 0; n < 200; n++) {
      const roots = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        Q.rat(Math.floor(next() * 41) - 20, 1 + Math.floor(next() * 12)),
      );
      const extra = Array.from({ length: Math.floor(next() * 3) }, () => irreducible[Math.floor(next() * irreducible.length)]!);
      const scale = Q.rat(1 + Math.floor(next() * 1000), 1 + Math.floor(next() * 7));
      const p = product([...roots.map(linear), ...extra]).map((c) => Q.mul(c, scale));
      const distinct = [...new Map(roots.map((r) => [Q.toText(r), r])).values()].sort(Q.compare);
      expect(rationalRoots(p).map(Q.toText)).toEqual(distinct.map(Q.toText));
      checked++;
    }
    expect(checked).toBe(200);
  });
});

describe('how many real roots (Sturm)', () => {
  it.each([
    ['t⁴ + t² + 10', ints(10, 0, 1, 0, 1), 0],
    ['t⁴ − 10t² + 1 (±√2 ± √3)', ints(1, 0, -10, 0, 1), 4],
    ['(t − 1)³(t² + 1)', product([linear(Q.ONE), linear(Q.ONE), linear(Q.ONE), ints(1, 0, 1)]), 1],
    ['t⁵ − t − 1 (one real root)', ints(-1, -1, 0, 0, 0, 1), 1],
    ['T₈, Chebyshev (8 roots in (−1, 1))', ints(1, 0, -32, 0, 160, 0, -256, 0, 128), 8],
  ] as const)('%s', (_name, p, count) => {
    expect(realRootCount(p)).toBe(count);
  });
});
