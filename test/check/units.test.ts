import { describe, expect, it } from 'vitest';
import * as Q from '../../src/symbolic/exact/rational.js';
import * as P from '../../src/symbolic/exact/poly.js';
import type { Poly } from '../../src/symbolic/exact/poly.js';
import { exactText } from '../../src/symbolic/scalar/print.js';
import { approximate } from '../../src/symbolic/exact/calculus.js';
import { parse } from '../../src/symbolic/syntax/parse.js';
import { simpleNumbersIn } from '../../src/check/simple.js';
import { LiteralError, numberMatrix, setMatrix } from '../../src/check/literal.js';
import { evaluate, NoValue } from '../../src/check/evaluate.js';
import type { Val } from '../../src/check/evaluate.js';

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

describe('exact matrix literals', () => {
  it('reads numbers exactly, with fractions', () => {
    const m = numberMatrix('[[0, 3], [-2, 0.1]]');
    expect(m.map((r) => r.map(Q.toText))).toEqual([['0', '3'], ['-2', '1/10']]);
    expect(numberMatrix('-1/2').map((r) => r.map(Q.toText))).toEqual([['-1/2']]);
  });
  it('reads intervals as set entries', () => {
    const s = setMatrix('[[[-1, 1], 1]]');
    expect(s[0]!.map((e) => (Array.isArray(e) ? e.map(Q.toText) : Q.toText(e as Q.Rational)))).toEqual([['-1', '1'], '1']);
  });
  it.each(['[[1, 2], [3]]', '[[1, 2]', '[1, 2]', '[[1, x]]', '[[]]', '[[1/0]]'])('rejects %s', (text) =>
    expect(() => numberMatrix(text)).toThrow(LiteralError),
  );
  it('rejects an empty interval', () => expect(() => setMatrix('[[[1, 0]]]')).toThrow(/empty interval/));
});

describe('exact evaluation of matrix expressions', () => {
  const X = [
    [q(1), q(-2)],
    [q(0), q(3)],
  ];
  const text = (v: Val): string | string[][] => (v.kind === 'scalar' ? exactText(v.v) : v.m.map((r) => r.map(exactText)));
  const at = (e: string): string | string[][] => text(evaluate(parse(e), X, new Map()));
  it('evaluates products, transposes and reductions', () => {
    expect(at("X*X'")).toEqual([['5', '-6'], ['-6', '9']]);
    expect(at('trace(X)')).toBe('4');
    const fro = evaluate(parse("norm(X,'fro')"), X, new Map());
    expect(fro.kind === 'scalar' && approximate(fro.v)).toBeCloseTo(Math.sqrt(14), 12);
    // norm(X,1) is mathjs's largest column sum (6 here would be the entry-wise sum): never evaluated as something else.
    expect(() => evaluate(parse('norm(X,1)'), X, new Map())).toThrow(NoValue);
    expect(() => evaluate(parse('norm(X)'), X, new Map())).toThrow(NoValue);
    expect(at('sum(relu(X))')).toBe('4');
  });
  it('evaluates kinked primitives by their own split rules', () => {
    expect(at('heaviside(X)')).toEqual([['1', '0'], ['0.5', '1']]);
    expect(at('max(X, 0.5)')).toEqual([['1', '0.5'], ['0.5', '3']]);
    expect(at('sign(X - sqrt(2))')).toEqual([['-1', '-1'], ['-1', '1']]);
  });
  it('reports a missing real value as NoValue', () => {
    expect(() => evaluate(parse('log(X)'), X, new Map())).toThrow(NoValue);
    expect(() => evaluate(parse('1./X'), X, new Map())).toThrow(NoValue);
  });
});
