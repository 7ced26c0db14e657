/** Which parser reads a text: a backslash means LaTeX; the language option overrides it everywhere. */
import { describe, expect, it } from 'vitest';
import { analyze, checkEqual, checkGradient, detectLanguage, parseInput } from '../../../src/index.js';
import { parse } from '../../../src/symbolic/syntax/parse.js';
import { sameExpr } from '../../../src/symbolic/syntax/ast.js';
import { thrownKinkproofError } from '../../kinkproofError.js';

describe('detectLanguage', () => {
  it.each([
    ["norm(relu(X),'fro')^2", 'ascii'],
    ["X'*X", 'ascii'],
    ['|X|', 'ascii'],
    ['\\|X\\|_F^2', 'latex'],
    ['2\\,X', 'latex'],
  ])('%s is %s', (text, language) => expect(detectLanguage(text)).toBe(language));
});

describe('parseInput', () => {
  it('reads ASCII as the ASCII parser does', () => {
    expect(sameExpr(parseInput("norm(relu(X),'fro')^2"), parse("norm(relu(X),'fro')^2"))).toBe(true);
  });
  it('reads LaTeX without a backslash when told to', () => {
    expect(sameExpr(parseInput('|X|^{\\circ 2}'), parse('abs(X).^2'))).toBe(true);
    expect(sameExpr(parseInput('X^T X', 'latex'), parse("X'*X"))).toBe(true);
    expect(thrownKinkproofError(() => parseInput('X^T X')).message).toContain('missing operator');
  });
  it('reads a backslash as ASCII when told to (and refuses it there)', () => {
    expect(thrownKinkproofError(() => parseInput('\\sigma(X)', 'ascii')).message).toContain("unexpected character '\\'");
  });
});

describe('every entry point takes the language option', () => {
  it('analyze', () => {
    expect(analyze('\\sum_{i,j} |x_{ij}|').kinks.length).toBe(1);
    const e = thrownKinkproofError(() => analyze("trace(X'*X)", { language: 'latex' }));
    expect(e.message).toContain("'trace' reads as a product of single letters");
  });
  it('checkGradient and checkEqual', () => {
    expect(checkGradient('\\|\\sigma(X)\\|_F^2', '2\\max(X,0)').verdict).toBe('correct');
    expect(checkGradient('\\|\\sigma(X)\\|_F^2', '\\frac{1}{2}(\\operatorname{sign}(X) + 1)').verdict).toBe('incorrect');
    // '|X|' has no backslash: ASCII unless told otherwise.
    expect(thrownKinkproofError(() => checkEqual('|X|', 'X \\odot \\operatorname{sign}(X)')).message).toBe("operator '|' is not supported");
    expect(checkEqual('|X|', 'X \\odot \\operatorname{sign}(X)', { language: 'latex' }).verdict).toBe('correct');
    expect(checkGradient('\\sum_{i,j} x_{ij}^2', '2X', { language: 'latex' }).verdict).toBe('correct');
  });
});
