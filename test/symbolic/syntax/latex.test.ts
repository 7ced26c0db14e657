/**
 * The LaTeX front end against its ASCII twins: each LaTeX input must give the
 * tree the ASCII parser gives for the twin (positions aside), and scalar
 * functions the same derivation. Errors must point at the LaTeX column.
 */
import { describe, expect, it } from 'vitest';
import { deriveAnalysis } from '../../../src/index.js';
import { deriveJson } from '../../../src/api/json.js';
import { sameExpr } from '../../../src/symbolic/syntax/ast.js';
import type { Expr } from '../../../src/symbolic/syntax/ast.js';
import { parseLatex } from '../../../src/symbolic/syntax/latex.js';
import { parse } from '../../../src/symbolic/syntax/parse.js';

/** [LaTeX, ASCII twin]: the same tree. */
const TWINS: readonly (readonly [string, string])[] = [
  // numbers, names, + - * /
  ['2', '2'],
  ['2.5', '2.5'],
  ['X', 'X'],
  ['A', 'A'],
  ['X + A', 'X + A'],
  ['X - 1', 'X - 1'],
  ['-X', '-X'],
  ['-X^{2}', '-X^2'],
  ['2 \\cdot X', '2*X'],
  ['2 \\times X', '2*X'],
  ['2X', '2*X'],
  ['A X', 'A*X'],
  ['X / 2', 'X/2'],
  ['10^{-3} X', '10^(-3)*X'],
  ['\\mathrm{W\\_1} X', 'W_1*X'],
  // Greek letters that no function claims are constants' names
  ['\\frac{\\lambda}{2} \\|X\\|_F^2 + \\mu', "lambda./2*norm(X,'fro')^2 + mu"],
  ['\\mathrm{constructor} + \\operatorname{toString}', 'constructor + toString'],
  ['2\\,X \\; + \\! 1\\quad', '2*X + 1'],
  // entry-wise operators
  ['X \\odot A', 'X .* A'],
  ['X \\circ A', 'X .* A'],
  ['X \\oslash A', 'X ./ A'],
  ['\\frac{X}{2}', 'X./2'],
  ['\\dfrac{X}{2}', 'X./2'],
  ['\\frac{1}{1 + X^{\\circ 2}}', '1./(1 + X.^2)'],
  // TeX's one-token arguments
  ['\\frac12 X', '1./2*X'],
  ['\\frac1A X', '1./A*X'],
  ['\\frac{X}2', 'X./2'],
  // a quotient followed by a written operator reads left to right; without one it is refused (latexErrors.test.ts)
  ['X / 2 \\cdot X', 'X / 2 * X'],
  ['\\frac{1}{2} X', '1./2*X'],
  ['X / (2 X)', 'X / (2*X)'],
  // powers and transposes
  ['X^{2}', 'X^2'],
  ['X^2', 'X^2'],
  ['2^{-3}', '2^(-3)'],
  ['X^{\\circ 2}', 'X.^2'],
  ['X^{\\circ \\frac{1}{2}}', 'X.^(1./2)'],
  ['X^\\top', "X'"],
  ['X^{\\top}', "X'"],
  ['X^T', "X'"],
  ['X^{T}', "X'"],
  ["X'", "X'"],
  ['A^\\top X', "A'*X"],
  ['(X + 1)^{\\top}', "(X + 1)'"],
  ['\\sqrt{X}', 'sqrt(X)'],
  // an odd root is the real one (∛−8 = −2), an even or other root the principal power
  ['\\sqrt[3]{X}', 'sign(X).*abs(X).^(1/3)'],
  ['\\sqrt[5]{X - 1}', 'sign(X - 1).*abs(X - 1).^(1/5)'],
  ['\\sqrt[4]{X}', 'X.^(1/4)'],
  // grouping
  ['(X + 1) \\odot X', '(X + 1).*X'],
  ['\\left( X + 1 \\right) \\odot X', '(X + 1).*X'],
  ['\\bigl( X + 1 \\bigr) \\odot X', '(X + 1).*X'],
  ['\\Bigl[ X + 1 \\Bigr] \\odot X', '(X + 1).*X'],
  ['{X + 1} \\odot X', '(X + 1).*X'],
  ['[X + 1] \\odot X', '(X + 1).*X'],
  // absolute values and norms
  ['|X|', 'abs(X)'],
  ['\\lvert X - 1 \\rvert', 'abs(X - 1)'],
  ['\\left| X \\right|', 'abs(X)'],
  ['|X| \\odot |A|', 'abs(X).*abs(A)'],
  ['2|X|', '2*abs(X)'],
  ['|\\max(X, 2|A|)|', 'abs(max(X, 2*abs(A)))'],
  // a bar after an operand closes; where it could also open a factor the input is refused (latexErrors.test.ts)
  ['|X| |A|', 'abs(X)*abs(A)'],
  ['|X| A + |A|', 'abs(X)*A + abs(A)'],
  ['||X| - 1|', 'abs(abs(X) - 1)'],
  ['\\left|2\\left|X\\right| - 1\\right|', 'abs(2*abs(X) - 1)'],
  ['\\lvert 2 \\lvert X \\rvert - 1 \\rvert', 'abs(2*abs(X) - 1)'],
  // inside explicit bars a plain bar opens; where only one reading parses, it is taken
  ['\\left|2|X| - 1\\right|', 'abs(2*abs(X) - 1)'],
  ['\\lvert 2|X|\\rvert', 'abs(2*abs(X))'],
  ['|2|X||', 'abs(2*abs(X))'],
  ['|X - 2|A||', 'abs(X - 2*abs(A))'],
  ['|X| + |A| - |X| + |A|', 'abs(X) + abs(A) - abs(X) + abs(A)'],
  ['|X| \\cdot A \\cdot |A|', 'abs(X)*A*abs(A)'],
  ['|X - |A||', 'abs(X - abs(A))'],
  ['\\|X\\|_F', "norm(X,'fro')"],
  ['\\|X\\|_{F}^{2}', "norm(X,'fro')^2"],
  ['\\left\\| \\max(X,0) \\right\\|_F^2', "norm(max(X,0),'fro')^2"],
  ['\\lVert X - A \\rVert_F^2', "norm(X - A,'fro')^2"],
  // the subscript after the power, as papers often write it
  ['\\|X\\|^2_F', "norm(X,'fro')^2"],
  ['\\left\\| X - A \\right\\|^{2}_{F}', "norm(X - A,'fro')^2"],
  ['\\|X\\|_{\\mathrm{F}}', "norm(X,'fro')"],
  ['\\|X\\|_1', 'norm(X,1)'],
  ['\\|X\\|_2', 'norm(X,2)'],
  ['\\|X\\|', 'norm(X)'],
  ['\\|X\\|_\\infty', "norm(X,'inf')"],
  // functions
  ['\\max(X, 0)', 'max(X, 0)'],
  ['\\max\\bigl(X, 0\\bigr)', 'max(X, 0)'],
  ['\\min(X, -X)', 'min(X, -X)'],
  ['\\sigma(X)', 'relu(X)'],
  ['{\\sigma\\!\\left(X - 1\\right)}', 'relu(X - 1)'],
  ['\\operatorname{relu}(X)', 'relu(X)'],
  ['\\mathrm{relu}(X)', 'relu(X)'],
  ['\\operatorname{pos}(X)', 'relu(X)'],
  ['\\operatorname{sign}(X)', 'sign(X)'],
  ['\\operatorname{softplus}(X)', 'softplus(X)'],
  ['\\operatorname{sigmoid}(X)', 'sigmoid(X)'],
  ['\\operatorname{logistic}(X)', 'sigmoid(X)'],
  ['\\operatorname{heaviside}(X)', 'heaviside(X)'],
  ['H(X)', 'heaviside(X)'],
  ['\\operatorname{abs}(X)', 'abs(X)'],
  ['\\exp(X)', 'exp(X)'],
  ['\\log(X)', 'log(X)'],
  ['\\ln(X)', 'log(X)'],
  ['\\sin(X)', 'sin(X)'],
  ['\\cos(X)', 'cos(X)'],
  ['\\tanh(X)', 'tanh(X)'],
  ['\\pi', 'pi'],
  ['\\sin(X + \\pi)', 'sin(X + pi)'],
  // sums and traces
  ['\\sum_{i,j} x_{ij}', 'sum(X)'],
  ['\\sum_{ij} \\sigma(x_{ij})^2', 'sum(relu(X).^2)'],
  ['\\sum_{i,j} |x_{ij} - A_{ij}|', 'sum(abs(X - A))'],
  ['\\sum_{i,j} \\left[\\sigma(X)\\right]_{ij}', 'sum(relu(X))'],
  ['\\sum_{i,j} [A X]_{ij}', 'sum(A*X)'],
  ['2\\sum_{i,j} x_{ij}^{2} + 1', '2*sum(X.^2) + 1'],
  ['\\sum_{i,j} x_{ij} \\cdot A_{ij}', 'sum(X.*A)'],
  ['\\sum_{i, j} \\frac{x_{ij}}{2}', 'sum(X./2)'],
  // a reduction's argument is a matrix, at matrix level even inside the summand
  ['\\sum_{i,j} x_{ij} \\operatorname{tr}(A B)', 'sum(X .* trace(A*B))'],
  ['\\sum_{i,j} x_{ij} \\|A B\\|_F', "sum(X .* norm(A*B,'fro'))"],
  ['\\sum_{i,j} \\max(x_{ij}, 0) A_{ij}', 'sum(max(X, 0) .* A)'],
  ['\\operatorname{tr}(A^\\top X)', "trace(A'*X)"],
  ['\\mathrm{tr}(X)', 'trace(X)'],
  ['\\operatorname{trace}(X^\\top X)', "trace(X'*X)"],
];

/** Positions dropped, so a failure shows which part of the tree differs. */
function shape(e: Expr): unknown {
  const { span: _span, ...rest } = e as Expr & { nameSpan?: unknown };
  const out: Record<string, unknown> = { ...rest };
  delete out['nameSpan'];
  for (const [k, v] of Object.entries(out)) {
    if (Array.isArray(v)) out[k] = v.map((x) => shape(x as Expr));
    else if (v && typeof v === 'object') out[k] = shape(v as Expr);
  }
  return out;
}

describe('LaTeX input gives the tree of its ASCII twin', () => {
  it('covers at least 60 LaTeX inputs', () => expect(TWINS.length).toBeGreaterThanOrEqual(60));

  it.each(TWINS)('%s  ~  %s', (latex, ascii) => {
    const got = parseLatex(latex);
    const want = parse(ascii);
    if (!sameExpr(got, want)) expect(shape(got)).toEqual(shape(want));
    expect(sameExpr(got, want)).toBe(true);
  });

  it('spans point into the LaTeX text', () => {
    const e = parseLatex('2 + \\left\\| X \\right\\|_F^2');
    expect(e.kind === 'binary' && e.right.span).toEqual({ start: 4, end: 26 });
  });
});

/** The derivation with the input text left out (the twins are spelled differently). */
function derivation(text: string): unknown {
  const { input: _input, ...rest } = deriveJson(deriveAnalysis(text, { verify: false }), null);
  return rest;
}

/** [LaTeX, ASCII twin] of scalar functions: the same derivation (entry function, pieces, kinks, class, gradient). */
const FUNCTIONS: readonly (readonly [string, string])[] = [
  ['\\left\\|\\max(X,0)\\right\\|_F^2', "norm(max(X,0),'fro')^2"],
  ['\\|\\sigma(X)\\|_F^2', "norm(relu(X),'fro')^2"],
  ['\\frac{1}{2}\\|X - 1\\|_F^2', "norm(X - 1,'fro')^2/2"],
  ['\\sum_{i,j} |x_{ij}|', 'sum(abs(X))'],
  ['\\sum_{i,j} \\max(x_{ij}, 0)^{2}', 'sum(max(X, 0).^2)'],
  ['\\operatorname{tr}(X^\\top X)', "trace(X'*X)"],
  ['\\sum_{ij} \\operatorname{softplus}(x_{ij}) - \\sum_{ij} \\sqrt{x_{ij}^2 + 1}', 'sum(softplus(X)) - sum(sqrt(X.^2 + 1))'],
  ['\\sum_{i,j} \\sin(x_{ij} + \\pi)', 'sum(sin(X + pi))'],
  ['\\sum_{i,j} \\ln(1 + \\exp(x_{ij}))', 'sum(log(1 + exp(X)))'],
  ['\\sum_{i,j} \\operatorname{sign}(x_{ij}) \\cdot x_{ij}', 'sum(sign(X).*X)'],
  ['\\left\\lVert \\operatorname{relu}(X - 1) \\right\\rVert_{F}^{2}', "norm(relu(X - 1),'fro')^2"],
  ['\\sum_{i,j} \\left[\\sigma(X)^{\\circ 2}\\right]_{ij} + 3', 'sum(relu(X).^2) + 3'],
];

describe('LaTeX functions derive as their ASCII twins', () => {
  it.each(FUNCTIONS)('%s  ~  %s', (latex, ascii) => {
    expect(derivation(latex)).toEqual(derivation(ascii));
  });
});
