import { describe, expect, it } from 'vitest';
import { checkEqual } from '../../../src/check/claims/equal.js';
import { KinkproofError } from '../../../src/diagnostics.js';

const correct: [string, string][] = [
  ['abs(X)', 'max(X,-X)'],
  // (sign(X) + J)/2 is the Heaviside step with H(0) = 1/2, so this one holds.
  ['heaviside(X)', '(sign(X)+1)/2'],
  ['sign(X)', '2*heaviside(X)-1'],
  ['relu(X)-relu(-X)', 'X'],
  ['relu(X)+relu(-X)', 'abs(X)'],
  ['min(X,0)', '-relu(-X)'],
  ['X.*sign(X)', 'abs(X)'],
  ["relu(X)'", "relu(X')"],
  ['max(X,0.1*X)', '0.55*X + 0.45*abs(X)'],
  ['relu(X).^2 + relu(-X).^2', 'X.^2'],
  ['min(max(X,-1),1)', 'max(min(X,1),-1)'],
  ["norm(relu(X),'fro')^2", "trace(relu(X)'*relu(X))"],
  ['sum(abs(X))', 'sum(max(X,-X))'],
  ['sum(relu(1 - X))', 'sum(abs(1 - X) + 1 - X)/2'],
  ['2', '4/2'],
  ['abs(sign(X))', 'sign(X).^2'],
];

describe('check --equal: identities that hold', () => {
  it.each(correct)('%s = %s', (a, b) => {
    const r = checkEqual(a, b);
    expect(r.verdict).toBe('correct');
    expect(r.method).toBe('exact');
    expect(r.counterexample).toBeNull();
  });
});

const incorrect: { a: string; b: string; X: string[][]; lhs: string | string[][]; rhs: string | string[][]; where: string; method?: 'numeric' }[] = [
  // The published answer: sigma(X) = (sign(X) + J)/2 fails at X = [[2]].
  { a: 'relu(X)', b: '(sign(X)+1)/2', X: [['2']], lhs: [['2']], rhs: [['1']], where: 't > 0' },
  // Differ on one side only.
  { a: 'relu(X)', b: 'X', X: [['-1']], lhs: [['0']], rhs: [['-1']], where: 't < 0' },
  { a: 'abs(X)', b: 'X.*X', X: [['2']], lhs: [['2']], rhs: [['4']], where: 't > 0' },
  // Differ only at the breakpoint value.
  { a: 'abs(sign(X))', b: '1', X: [['0']], lhs: [['0']], rhs: [['1']], where: 't = 0' },
  { a: 'heaviside(X)', b: 'relu(sign(X))', X: [['0']], lhs: [['0.5']], rhs: [['0']], where: 't = 0' },
  { a: 'sign(X).^2', b: '1', X: [['0']], lhs: [['0']], rhs: [['1']], where: 't = 0' },
  { a: 'max(X,0)', b: '(X + abs(X) + 1 - abs(sign(X)))/2', X: [['0']], lhs: [['0']], rhs: [['0.5']], where: 't = 0' },
  // Irrational breakpoints, rational counterexample.
  { a: 'relu(X - sqrt(2))', b: 'relu(X) - sqrt(2)', X: [['1']], lhs: [['0']], rhs: [['1 - sqrt(2)']], where: '0 < t < sqrt(2)' },
  // Scalar f: equal on 1x1, but the constants differ, so two entries tell them apart.
  { a: 'sum(X+1)', b: 'sum(X)+1', X: [['0', '0']], lhs: '2', rhs: '1', where: 'X with two entries' },
  { a: "norm(relu(X),'fro')^2", b: 'sum(((sign(X)+1)/2).^2)', X: [['2']], lhs: '4', rhs: '1', where: 't > 0' },
  // X against X': the same entry function, told apart on 2x2.
  { a: 'relu(X)', b: "relu(X')", X: [['0', '0'], ['1', '0']], lhs: [['0', '0'], ['1', '0']], rhs: [['0', '1'], ['0', '0']], where: 'entries (1,2) and (2,1)' },
];

describe('check --equal: identities that fail, with counterexamples', () => {
  it.each(incorrect)('$a != $b', ({ a, b, X, lhs, rhs, where }) => {
    const r = checkEqual(a, b);
    expect(r.verdict).toBe('incorrect');
    expect(r.method).toBe('exact');
    expect(r.counterexample!.exact).toEqual({ X, lhs, rhs });
    expect(r.counterexample!.where).toBe(where);
  });

  it('refutes a matrix-product identity by the point search (method numeric)', () => {
    const r = checkEqual("X*X'", "X'*X");
    expect(r.verdict).toBe('incorrect');
    expect(r.method).toBe('numeric');
    const { X, lhs, rhs } = r.counterexample!;
    // Recompute by hand from X.
    const x = X as number[][];
    const t = x[0]!.map((_, j) => x.map((row) => row[j]!));
    const mul = (a: number[][], b: number[][]): number[][] => a.map((r) => b[0]!.map((_, j) => r.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
    expect(lhs).toEqual(mul(x, t));
    expect(rhs).toEqual(mul(t, x));
    expect(lhs).not.toEqual(rhs);
  });
});

describe('check --equal: details', () => {
  it('gives the case table of the split', () => {
    expect(checkEqual('relu(X)', '(sign(X)+1)/2').cases).toEqual([
      { where: 't < 0', lhs: '0', rhs: '0', equal: true },
      { where: 't = 0', lhs: '0', rhs: '0.5', equal: false },
      { where: 't > 0', lhs: 't', rhs: '1', equal: false },
    ]);
  });

  it('says unknown, and what was tried, when neither route decides', () => {
    // sqrt(4t^2+4) = 2 sqrt(t^2+1): pulling a square factor out of a radical is beyond the canonical forms; no point refutes it.
    const r = checkEqual('sqrt(4 + 4*X.^2)', '2*sqrt(1 + X.^2)');
    expect(r.verdict).toBe('unknown');
    expect(r.cases.find((c) => c.where === 'all t')?.equal).toBeNull();
    expect(r.explanation).toMatch(/could not decide all t; a search of \d+ points/);
  });

  it('decides sqrt of a perfect square exactly: sqrt(t^2+2t+1) = |t+1|', () => {
    expect(checkEqual('sqrt(X.^2 + 2*X + 1)', 'abs(X + 1)')).toMatchObject({ verdict: 'correct', method: 'exact' });
  });

  it('stays unknown for an identity of matrix products that holds', () => {
    expect(checkEqual("X'*X", "(X'*X)'").verdict).toBe('unknown');
  });

  it('rejects a scalar against a matrix, and syntax errors', () => {
    expect(() => checkEqual('sum(X)', 'X')).toThrow(/scalar function of X and the other a matrix/);
    expect(() => checkEqual('relu(X', 'X')).toThrow(KinkproofError);
  });
});

describe('numbers that differ beyond double precision are different numbers', () => {
  // Both sides once parsed to the same double, and the tree comparison called them equal before any exact work.
  it.each([
    ['relu(X-3)', 'relu(X-3.0000000000000000001)'],
    ['X+3', 'X+3.0000000000000000001'],
    ['abs(X).^1.0000000000000000001', 'abs(X).^1.00000000000000000001'],
  ])('%s ≠ %s', (a, b) => {
    expect(checkEqual(a, b).verdict).toBe('incorrect');
  });

  it('while the same number spelled differently is the same: 2.50 = 2.5 = 25e-1', () => {
    expect(checkEqual('relu(X-2.50)', 'relu(X-25e-1)').verdict).toBe('correct');
  });
});
