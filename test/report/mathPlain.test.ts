import { describe, expect, it } from 'vitest';
import { mathPlainText } from '../../src/report/mathPlain.js';

describe('generated math as plain text (PDF bookmarks)', () => {
  it.each([
    ['f ( X ) = \\lVert \\sigma ( X ) \\rVert_{F}^{2}', 'f(X) = ‖σ(X)‖_F^2'],
    ["\\varphi'", 'φ′'],
    ['\\varphi^{\\prime}_{+}(0)', 'φ′_+(0)'],
    ['\\frac{\\sigma(X)}{\\lVert \\sigma(X) \\rVert_F}', '(σ(X))/(‖σ(X)‖_F)'],
    ['\\operatorname{sign}(X - 1) \\in \\mathbb{R}^{m \\times n}', 'sign(X - 1) ∈ ℝ^(m × n)'],
    ['\\partial \\varphi(0) = \\left[-1, 1\\right]', '∂φ(0) = [-1, 1]'],
    ['\\max_{i} x_{i} \\le \\sqrt{2}', 'max_i x_i ≤ √2'],
  ])('%s reads %s', (latex, plain) => {
    expect(mathPlainText(latex)).toBe(plain);
  });
});
