/** Shape inference (src/symbolic/shapes.ts): m x n stays free unless an operation or the user fixes it. */
import { describe, expect, it } from 'vitest';
import { inferShapes, matrixFromNumbers, shapeText } from '../../src/symbolic/shapes.js';
import type { ShapeEnv, Typed } from '../../src/symbolic/shapes.js';
import { parse } from '../../src/symbolic/syntax/parse.js';
import { thrownKinkproofError } from '../kinkproofError.js';

const NO_CONSTANTS: ShapeEnv = { constants: new Map() };
const infer = (source: string, env: ShapeEnv = NO_CONSTANTS): Typed => inferShapes(parse(source), env, source);
const described = (source: string, env?: ShapeEnv): string => {
  const t = infer(source, env);
  return `${shapeText(t.shape)} (m=${t.dims.m}, n=${t.dims.n})`;
};

const refusal = thrownKinkproofError;

describe('inferShapes', () => {
  it('leaves m and n free for entry-wise expressions and reductions', () => {
    expect(described('relu(X) + 1')).toBe('mxn (m=m, n=n)');
    expect(described('sum(X)')).toBe('a scalar (m=m, n=n)');
  });

  it("binds n to m for X*X' products of X with itself, and trace needs a square", () => {
    expect(described("X'*X")).toBe('nxn (m=m, n=n)');
    expect(described('trace(X)')).toBe('a scalar (m=n, n=n)');
  });

  it('takes m and n from --shape, and from a constant matrix', () => {
    expect(described('X', { constants: new Map(), shape: [2, 3] })).toBe('2x3 (m=2, n=3)');
    const env: ShapeEnv = { constants: new Map([['A', matrixFromNumbers([[1, 2, 3]])]]) };
    expect(described('A*X', env)).toBe('1xn (m=3, n=n)');
  });

  it('refuses mismatched shapes as input errors with a position', () => {
    const e = refusal(() => infer('X*X', { constants: new Map(), shape: [2, 3] }));
    expect(e.kind).toBe('input');
    const env: ShapeEnv = { constants: new Map([['A', matrixFromNumbers([[1, 2, 3]])]]) };
    expect(refusal(() => infer('A + X', { ...env, shape: [2, 2] })).kind).toBe('input');
  });
});
