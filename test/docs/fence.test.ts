import { describe, expect, it } from 'vitest';
import { FenceError, parseFence } from '../../src/docs/fence.js';

const fenceError = (body: string): FenceError => {
  try {
    parseFence(body);
  } catch (e) {
    if (e instanceof FenceError) return e;
    throw e;
  }
  throw new Error(`no error for ${JSON.stringify(body)}`);
};

describe('parseFence', () => {
  it('reads f, then claim, at (repeatable) and show, skipping blank lines', () => {
    const body = "\n  norm(relu(X),'fro')^2\nclaim: 2*max(X,0)\nat: [[0,1],[-2,0]]\n\nat: 3\nshow: cases, gradient,verification\n";
    expect(parseFence(body)).toEqual({
      formula: "norm(relu(X),'fro')^2",
      claim: '2*max(X,0)',
      at: ['[[0,1],[-2,0]]', '3'],
      show: ['cases', 'gradient', 'verification'],
    });
    expect(parseFence('sum(abs(X))')).toEqual({ formula: 'sum(abs(X))', claim: null, at: [], show: null });
  });

  it('names the fence line of each mistake', () => {
    expect([fenceError(''), fenceError('  \n')].map((e) => e.line)).toEqual([1, 1]);
    expect(fenceError('sum(X)\nclaim: X\nclaim: 2*X')).toMatchObject({ line: 3, message: 'claim: given twice' });
    expect(fenceError('sum(X)\nshow: cases\nshow: gradient')).toMatchObject({ line: 3, message: 'show: given twice' });
    expect(fenceError('sum(X)\n\ntitle: mine')).toMatchObject({ line: 3, message: 'unknown key "title" (known: claim, at, show)' });
    expect(fenceError('sum(X)\nsum(abs(X))').line).toBe(2);
    expect(fenceError('sum(X)\nat:').message).toBe('at: the value is missing');
    expect(fenceError('sum(X)\nshow: cases, proof').message).toMatch(/^show: unknown part "proof" \(known: statement, cases, /);
  });
});
