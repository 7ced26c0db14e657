/** Every LaTeX error names the problem and points at its column in the LaTeX text. */
import { describe, expect, it } from 'vitest';
import { deriveAnalysis } from '../../../src/index.js';
import { MAX_DEPTH, MAX_SOURCE_LENGTH } from '../../../src/symbolic/syntax/parse.js';
import { parseLatex } from '../../../src/symbolic/syntax/latex.js';
import { thrownKinkproofError } from '../../kinkproofError.js';

/** [LaTeX, message (a substring), 1-based column of the span's start] */
const SYNTAX: readonly (readonly [string, string, number])[] = [
  ['\\sigma', '\\sigma is a function here: write \\sigma(...)', 1],
  ['2 \\sigma + 1', '\\sigma is a function here', 3],
  ['2 + \\href{x}', 'unknown LaTeX command \\href', 5],
  ['\\input{/etc/passwd}', 'unknown LaTeX command \\input', 1],
  ['\\def\\x{1} X', 'unknown LaTeX command \\def', 1],
  ['X + \\mathbf{X}', 'unknown LaTeX command \\mathbf', 5],
  ['\\|X\\|_3', "a norm's subscript is F (Frobenius), 1, 2 or \\infty", 7],
  ['\\left( X + 1', "unmatched '\\left('", 1],
  ['\\left( X \\right]', "expected '\\right)' to close '\\left(' (column 1), got '\\right]'", 10],
  ['2 |X', "unmatched '|'", 3],
  ['\\frac{X}', '\\frac needs its denominator in braces', 9],
  ['\\frac123 X', '\\frac takes one digit without braces: write {23}, or {2} and then 3', 7],
  ['\\frac\\pi2', '\\frac needs its numerator in braces', 6],
  ['X^2_F', 'a subscript is read only on a norm', 4],
  ['X^{}', 'empty superscript', 4],
  ['X^{2}^{3}', 'double superscript', 6],
  ['X^{23', "superscript: '}' expected at end of expression", 6],
  ['X^23', 'write the exponent in braces: ^{23}', 3],
  ['x_{ij} + 1', 'an entry x_{ij} is read only under \\sum_{i,j}', 2],
  ['\\sum X', '\\sum needs its indices: \\sum_{i,j}', 1],
  ['\\sum_{i,j} [X]', 'needs its entry subscript', 15],
  ['2 \\operatorname{tr} X', '\\operatorname{tr} is a function: write it with its argument in parentheses', 3],
  ['\\mathrm{relu}', '\\mathrm{relu} is a function', 1],
  ['1 + relu(X)', "'relu' reads as a product of single letters in LaTeX; write r e l u (spaced) for the product, \\operatorname{relu} for a function", 5],
  ['\\|AX - B\\|_F', "write A X (spaced) for the product", 3],
  ['\\varsigma X', 'unknown LaTeX command \\varsigma', 1],
  ['X + \\left 2', '\\left must be followed by a delimiter', 5],
  ['X \\cdot', 'missing operand at end of expression', 8],
  ['X + \\cdot Y', "missing operand before '\\cdot'", 5],
  ['\\max(X, 0', "unmatched '('", 5],
  ['X, 1', "unexpected ',' outside a function's arguments", 2],
  ['X # 2', "unexpected character '#'", 3],
  ['2 + \\', 'a lone backslash at the end', 5],
  // |2|·x·|-1| or |2|x|-1||? (a second reading of the bar that closed, the span)
  ['\\sum_{i,j} |2|x_{ij}|-1|', 'ambiguous bars', 14],
  ['|X| A |A|', "ambiguous bars: this '|' can close or open a factor, and the text reads both ways", 3],
  // two bars read the other way: |2|·x·||x|| or |2|x||x||
  ['\\sum_{i,j}|2|x_{ij}||x_{ij}||', 'ambiguous bars', 13],
  ['|X|-X|X|', 'ambiguous bars', 3],
  // an explicit opener takes an explicit closer
  ['\\lvert X| |Y\\rvert', "expected '|' to close '|' (column 11), got '\\rvert'", 13],
  ['|X\\rvert', "expected '|' to close '|' (column 1), got '\\rvert'", 3],
  ['\\|X\\| A \\|X\\|', 'ambiguous bars', 4],
  // numbers side by side print as one number (23, 1 000, a mixed number 2½)
  ['\\sum_{i,j} 2 3 x_{ij}', 'a number right after a number reads as one number in print', 12],
  ['1\\,000 X', 'a number right after a number', 1],
  ['2\\frac12 X', 'write 23, 2 \\cdot 3 or 2 + \\frac12', 1],
  // a one-argument max is over a matrix's entries: not inside an entry-wise summand
  ['\\sum_{i,j} \\max(A)', 'under \\sum_{i,j} the summand is read entry by entry', 12],
  // a real or a principal root? decided only for a written number
  ['\\sqrt[6/2]{X}', 'a root index is a number here', 7],
  ['\\sqrt[n]{X}', 'a root index is a number here', 7],
  // (x/2)x or x/(2x)? readers differ; the span runs from the divisor to the factor
  ['\\sum_{ij} x_{ij}/2x_{ij}', 'a factor right after a quotient is ambiguous', 18],
  ['1/2 \\|X\\|_F^2', 'a factor right after a quotient is ambiguous', 3],
  ['X \\oslash 2 X', 'a factor right after a quotient is ambiguous', 11],
  ['X / \\sigma(X) (X + 1)', 'write \\frac{..}{..}, or \\cdot before the factor', 5],
];

describe('LaTeX syntax errors', () => {
  it.each(SYNTAX)('%s', (latex, message, column) => {
    const e = thrownKinkproofError(() => parseLatex(latex));
    expect(e.kind).toBe('syntax');
    expect(e.message).toContain(message);
    expect(e.span!.start + 1).toBe(column);
    expect(e.source).toBe(latex);
  });
});

/** Errors of later stages (shapes, norms, reduction) point into the LaTeX text too. */
const LATER: readonly (readonly [string, 'input' | 'unsupported', string, number])[] = [
  ['\\|X\\|_1', 'unsupported', '\\|X\\|_1 means the largest absolute column sum in mathjs', 7],
  ['\\|X\\|_2^2', 'unsupported', 'means the spectral norm (largest singular value)', 7],
  ['2 + \\left\\| X \\right\\|^2', 'unsupported', 'means the spectral norm', 5],
  ['\\|X\\|_\\infty', 'unsupported', 'means the largest absolute row sum', 7],
  ['\\sigma(X)^{2}', 'input', "'^' on a matrix is a matrix power; use '.^' for an entry-wise power (in LaTeX ^{\\circ k})", 1],
  ['\\|X\\|_F^2 + \\operatorname{foo}(X)', 'input', "unknown function 'foo'", 13],
  ['\\|X\\|_F^2 + B', 'input', "unknown name 'B'", 13],
  ['\\sum_{i,j} x_{ij} + \\|X\\|_F', 'unsupported', '\\|X\\|_F is sqrt(sum_ij ...), not a sum over entries', 21],
];

describe('later errors on LaTeX input', () => {
  it.each(LATER)('%s', (latex, kind, message, column) => {
    const e = thrownKinkproofError(() => deriveAnalysis(latex, { verify: false }));
    expect(e.kind).toBe(kind);
    expect(e.message).toContain(message);
    expect(e.span!.start + 1).toBe(column);
    expect(e.source).toBe(latex);
  });
});

describe('limits of the ASCII parser hold for LaTeX', () => {
  it('refuses text longer than the limit', () => {
    const e = thrownKinkproofError(() => parseLatex(`\\sigma(${'X+'.repeat(MAX_SOURCE_LENGTH / 2)}X)`));
    expect(e.kind).toBe('limit');
  });
  it('refuses nesting deeper than the limit, at the opener', () => {
    const text = `${'{'.repeat(MAX_DEPTH + 1)}X${'}'.repeat(MAX_DEPTH + 1)}`;
    const e = thrownKinkproofError(() => parseLatex(text));
    expect(e.message).toContain(`nested more than ${MAX_DEPTH} levels`);
    expect(e.span!.start).toBe(MAX_DEPTH);
  });
  it('refuses deep nesting of every kind without a stack overflow', () => {
    for (const [open, close] of [['\\left(', '\\right)'], ['|', '|'], ['\\sigma(', ')'], ['\\frac{', '}{2}'], ['-', ''], ['X^{', '}']]) {
      const e = thrownKinkproofError(() => parseLatex(`${open!.repeat(MAX_DEPTH + 1)}X${close!.repeat(MAX_DEPTH + 1)}`));
      expect(e.kind, open).toBe('limit');
    }
  });
});
