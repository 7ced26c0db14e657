/** One-sided Puiseux expansions (src/symbolic/exact/series.ts) and the derivative limits read from them. */
import { describe, expect, it } from 'vitest';
import * as P from '../../../src/symbolic/exact/poly.js';
import type { Poly } from '../../../src/symbolic/exact/poly.js';
import * as Q from '../../../src/symbolic/exact/rational.js';
import { derivativeLimit, seriesAt } from '../../../src/symbolic/exact/series.js';
import type { Limit, Series } from '../../../src/symbolic/exact/series.js';
import { exactText } from '../../../src/symbolic/scalar/print.js';

const q = (n: number, d = 1): Poly => P.constant(Q.rat(n, d));
const t = P.T;
const CAP = Q.rat(4);
/** "e:c" for each term, e.g. ['0:1', '1:2']. */
const terms = (s: Series): string[] => s.terms.map((x) => `${Q.toText(x.e)}:${exactText(x.c)}`);
const limitText = (l: Limit): string => (l.kind === 'finite' ? exactText(l.value) : l.kind === 'infinite' ? (l.sign > 0 ? '+inf' : '-inf') : 'unknown');

describe('seriesAt: p(c + side·u) in powers of u', () => {
  it('expands a polynomial exactly, from either side', () => {
    const square = P.mul(t, t);
    expect(terms(seriesAt(square, q(1), 1, CAP))).toEqual(['0:1', '1:2', '2:1']);
    expect(terms(seriesAt(square, q(1), -1, CAP))).toEqual(['0:1', '1:-2', '2:1']);
    expect(seriesAt(square, q(1), 1, CAP).order).toBeNull();
  });

  it('gives a fractional power its Puiseux exponent', () => {
    expect(terms(seriesAt(P.pow(t, Q.HALF, { tPositive: true }), q(0), 1, CAP))).toEqual(['1/2:1']);
  });

  it('expands exp at 0 up to the cap, and says where it stopped', () => {
    const s = seriesAt(P.exp(t), q(0), 1, CAP);
    expect(terms(s).slice(0, 4)).toEqual(['0:1', '1:1', '2:0.5', '3:1/6']);
    expect(s.order).not.toBeNull();
  });
});

describe('derivativeLimit: lim p^(k)(t) as t → c from one side', () => {
  it('reads finite one-sided derivatives off the coefficients, with the side\'s orientation', () => {
    const square = P.mul(t, t);
    expect(limitText(derivativeLimit(seriesAt(square, q(1), 1, CAP), 1, 1))).toBe('2');
    expect(limitText(derivativeLimit(seriesAt(square, q(1), -1, CAP), 1, -1))).toBe('2');
    expect(limitText(derivativeLimit(seriesAt(square, q(1), -1, CAP), 2, -1))).toBe('2');
    expect(limitText(derivativeLimit(seriesAt(P.exp(t), q(0), 1, CAP), 2, 1))).toBe('1');
  });

  it('finds the infinite slope of √t at 0⁺, and its sign', () => {
    const root = seriesAt(P.pow(t, Q.HALF, { tPositive: true }), q(0), 1, CAP);
    expect(limitText(derivativeLimit(root, 1, 1))).toBe('+inf');
    expect(limitText(derivativeLimit(root, 0, 1))).toBe('0');
    const negRoot = seriesAt(P.neg(P.pow(t, Q.HALF, { tPositive: true })), q(0), 1, CAP);
    expect(limitText(derivativeLimit(negRoot, 1, 1))).toBe('-inf');
  });

  it('is unknown beyond the precision of a truncated expansion', () => {
    const s = seriesAt(P.exp(t), q(0), 1, Q.rat(2));
    expect(derivativeLimit(s, 5, 1).kind).toBe('unknown');
  });
});
