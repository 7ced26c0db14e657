/** Reduction of f(X) to offset + Σ φ(x_ij), and of matrix expressions to an entry function (src/symbolic/reduce.ts). */
import { describe, expect, it } from 'vitest';
import { Reducer } from '../../src/symbolic/reduce.js';
import { printText } from '../../src/symbolic/scalar/print.js';
import { matrixFromNumbers } from '../../src/symbolic/shapes.js';
import type { ShapeEnv } from '../../src/symbolic/shapes.js';
import { parse } from '../../src/symbolic/syntax/parse.js';
import { thrownKinkproofError } from '../kinkproofError.js';

const NO_CONSTANTS: ShapeEnv = { constants: new Map() };
const separable = (source: string, env: ShapeEnv = NO_CONSTANTS) => new Reducer(env, source).separable(parse(source));
const entry = (source: string, env: ShapeEnv = NO_CONSTANTS) => new Reducer(env, source).entry(parse(source));

const refusal = thrownKinkproofError;

describe('Reducer.separable', () => {
  it('reads the founding example as Σ relu(x_ij)², naming the rule it used', () => {
    const s = separable("norm(relu(X),'fro')^2");
    expect(printText(s.phi)).toBe('relu(t)^2');
    expect(printText(s.offset)).toBe('0');
    expect(s.rules.length).toBeGreaterThan(0);
  });

  it('keeps constant terms apart from φ', () => {
    const s = separable('sum(abs(X)) + 3');
    expect(printText(s.phi)).toBe('abs(t)');
    expect(printText(s.offset)).toBe('3');
  });

  it("reads trace(R'*R) as the sum of squared entries", () => {
    expect(printText(separable("trace(relu(X)'*relu(X))").phi)).toBe('relu(t)^2');
  });

  it('refuses what is not a sum over entries, saying what is decided', () => {
    const e = refusal(() => separable("trace(X*X')*2 + max(sum(X), 0)"));
    expect(e.kind).toBe('unsupported');
  });
});

describe('Reducer.entry', () => {
  it('reduces an entry-wise matrix expression to φ(t), and notes a transpose', () => {
    const e = entry('2*relu(X) - X');
    expect(printText(e.phi)).toBe('2*relu(t) - t');
    expect(e.transposed).toBe(false);
    expect(entry("relu(X')").transposed).toBe(true);
  });

  it('refuses a constant matrix used entry-wise (φ would differ between entries) and a matrix product', () => {
    const env: ShapeEnv = { constants: new Map([['C', matrixFromNumbers([[2, 2], [2, 2]])]]) };
    expect(refusal(() => entry('X .* C', env)).message).toMatch(/the constant matrix C used entry-wise/);
    expect(refusal(() => entry("X*X'")).kind).toBe('unsupported');
  });
});
