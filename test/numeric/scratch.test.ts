/**
 * The verifier's large arrays are lent and kept (scratch.ts): the next verification of the same
 * size gets them back, one lent at the moment is never handed out twice, and reusing them changes
 * no number of the evidence.
 */
import { describe, expect, it } from 'vitest';
import { Scratch } from '../../src/numeric/scratch.js';
import { verify } from '../../src/numeric/verify.js';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';

describe('Scratch', () => {
  it('gives a released array back for the same role, size and kind, and a fresh one while it is lent', () => {
    const first = new Scratch();
    const a = first.array(Float64Array, 1000, false, 'test-role');
    const during = new Scratch().array(Float64Array, 1000, false, 'test-role');
    expect(during).not.toBe(a);
    first.release();
    const again = new Scratch();
    expect(again.array(Float64Array, 1000, false, 'test-role')).toBe(a);
    expect(new Scratch().array(Float64Array, 1001, false, 'test-role')).not.toBe(a);
    expect(new Scratch().array(Uint8Array, 1000, false, 'test-role')).toBeInstanceOf(Uint8Array);
  });

  it('never keeps an array withheld (another thread may still write it)', () => {
    const first = new Scratch();
    const a = first.array(Float64Array, 999, false, 'withheld-role');
    const b = first.array(Uint8Array, 999, false, 'withheld-role');
    first.withhold(a);
    first.release();
    const next = new Scratch();
    expect(next.array(Float64Array, 999, false, 'withheld-role')).not.toBe(a);
    expect(next.array(Uint8Array, 999, false, 'withheld-role')).toBe(b);
  });
});

describe('verify with kept arrays', () => {
  const subject = (f: string, m: number) => {
    const a = analyzeSymbolic(f);
    return { phi: a.separable.phi, offset: 0, gradient: a.gradient, entry: a.entry, rows: m, cols: m, seed: 7, subdifferential: a.subdifferential };
  };

  it('gives byte-identical evidence the second time, after another f of the same size has used the arrays (600x600: shared, helper threads)', () => {
    const founding = subject("norm(relu(X),'fro')^2", 600);
    const first = JSON.stringify(verify(founding));
    // Another φ with other breakpoints writes other numbers into the kept arrays.
    expect(verify(subject('sum(abs(X-1)+relu(X+2))', 600)).status).toBe('passed');
    expect(JSON.stringify(verify(founding))).toBe(first);
    expect(JSON.parse(first).status).toBe('passed');
  });
});
