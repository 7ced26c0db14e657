import { describe, expect, it } from 'vitest';
import { exactText, P, Q } from '../../../src/symbolic/index.js';
import type { Poly } from '../../../src/symbolic/index.js';
import { simpleNumbersIn } from '../../../src/check/exact/simpleNumbers.js';

const q = (n: number, d = 1): Poly => P.constant(Q.rat(n, d));
const first = (lo: Poly | null, hi: Poly | null, n = 4): string[] => {
  const out: string[] = [];
  for (const x of simpleNumbersIn(lo, hi)) {
    out.push(exactText(x));
    if (out.length >= n) break;
  }
  return out;
};

describe('simple numbers for counterexamples', () => {
  it('prefers small integers, positive first', () => {
    expect(first(null, null)).toEqual(['0', '1', '-1', '2']);
    expect(first(q(0), null)).toEqual(['1', '2', '3', '4']);
    expect(first(null, q(0))).toEqual(['-1', '-2', '-3', '-4']);
    expect(first(q(100), null, 1)).toEqual(['101']);
  });
  it('falls back to halves, then quarters, inside narrow intervals', () => {
    expect(first(q(0), q(1), 3)).toEqual(['0.5', '0.25', '0.75']);
    expect(first(q(1, 3), q(2, 5), 1)).toEqual(['0.375']);
  });
  it('stays strictly inside irrational bounds', () => {
    const sqrt2 = P.pow(q(2), Q.HALF);
    expect(first(P.neg(sqrt2), sqrt2, 3)).toEqual(['0', '1', '-1']);
    expect(first(q(1), sqrt2, 1)).toEqual(['1.25']);
  });
});
