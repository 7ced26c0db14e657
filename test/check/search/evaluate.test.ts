import { describe, expect, it } from 'vitest';
import { approximate, exactText, P, parse, Q } from '../../../src/symbolic/index.js';
import type { Poly } from '../../../src/symbolic/index.js';
import { evaluate, NoValue } from '../../../src/check/search/evaluate.js';
import type { Val } from '../../../src/check/search/evaluate.js';

const q = (n: number, d = 1): Poly => P.constant(Q.rat(n, d));

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
