import { describe, expect, it } from 'vitest';
import { notationLatex } from '../../src/numeric/notationLatex.js';

describe('notationLatex: a formula of the verifier’s wording as whitelisted LaTeX', () => {
  it('transliterates symbols, applied function names, powers, roots and shapes', () => {
    expect(notationLatex("φ'₊(sqrt(2)) = 2^(1/3)")).toBe("\\varphi '_{+}(\\sqrt{2}) = 2^{1/3}");
    expect(notationLatex('2*relu(t) - heaviside(t)')).toBe('2\\cdot \\sigma(t) - H(t)');
    expect(notationLatex('~ N(0, 0.01²) 3x4')).toBe('\\sim  N(0, 0.01^{2}) \\;(3 \\times 4)');
    expect(notationLatex('δ = 2^-6 … 2^-17')).toBe('\\delta  = 2^{-6} \\dots  2^{-17}');
    expect(notationLatex('δ^γ')).toBe('\\delta ^\\gamma');
    // A function the table does not name (one added to the registry later) is an operator name.
    expect(notationLatex('softplus(t)')).toBe('\\operatorname{softplus}(t)');
  });

  it('writes sqrt(…) of any argument as a radical, nested ones too', () => {
    expect(notationLatex('-0.5/sqrt(-t)')).toBe('-0.5/\\sqrt{-t}');
    expect(notationLatex('sqrt(t^2 + sqrt(t + 1))')).toBe('\\sqrt{t^{2} + \\sqrt{t + 1}}');
    expect(notationLatex('sqrt(t')).toBeUndefined(); // unbalanced: shown as text
  });

  it('shortens long decimals and writes exponents as powers of ten', () => {
    expect(notationLatex('t = 0.30000000000000004')).toBe('t = 0.3');
    expect(notationLatex('φ(t) − φ(1) → -9.99989e-10')).toBe('\\varphi (t) - \\varphi (1) \\to  -9.99989 \\cdot 10^{-10}');
  });

  it('has no LaTeX for a formula with anything not whitelisted', () => {
    expect(notationLatex('relu t')).toBeUndefined(); // a name not applied is a word
    expect(notationLatex('\\input{x}')).toBeUndefined();
    expect(notationLatex('$x$ % #')).toBeUndefined();
  });
});
