/**
 * Seeded properties of the LaTeX front end: random well-formed ASCII functions,
 * printed as LaTeX by kinkproof and read back, derive exactly as the ASCII text;
 * random LaTeX-like token soup never gets past the parser with anything but a
 * KinkproofError whose span lies in the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveAnalysis, KinkproofError } from '../../../src/index.js';
import { deriveJson } from '../../../src/api/json.js';
import { exprLatex } from '../../../src/report/narrate/exprLatex.js';
import { parseLatex } from '../../../src/symbolic/syntax/latex.js';
import { separable } from '../../fuzz/grammar.js';

/** The derivation without the input text. */
function derivation(text: string): unknown {
  const { input: _input, ...rest } = deriveJson(deriveAnalysis(text, { verify: false }), null);
  return rest;
}

const PIECES = [
  'X', 'A', 'x_{ij}', '2', '0.5', '+', '-', '\\cdot', '\\odot', '^', '_', '{', '}', '(', ')', '[', ']', '|', '\\|', ',', "'",
  '\\left(', '\\right)', '\\left|', '\\right|', '\\left\\|', '\\right\\|', '\\bigl(', '\\bigr)', '\\frac', '\\sqrt', '\\sum_{i,j}',
  '\\sigma', '\\max', '\\operatorname{relu}', '\\mathrm{', '\\top', '\\circ', 'T', 'F', '\\infty', '\\,', '\\href', ' ', '\\',
];

describe('LaTeX properties', () => {
  it('kinkproof LaTeX of a random function derives as the ASCII text it was printed from', () => {
    let read = 0;
    fc.assert(
      fc.property(separable(2), (ascii) => {
        let latex: string;
        try {
          latex = exprLatex(deriveAnalysis(ascii, { verify: false }).expr);
        } catch (e) {
          if (e instanceof KinkproofError) return; // outside what kinkproof decides: nothing to read back
          throw e;
        }
        read++;
        expect(derivation(latex), latex).toEqual(derivation(ascii));
      }),
      { numRuns: 60, seed: 20261201 },
    );
    expect(read).toBeGreaterThan(30); // most random functions are decided, so most were read back
  });

  it('token soup: a tree or a KinkproofError with a span inside the text, never anything else', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((p) => p.join('')), (text) => {
        try {
          parseLatex(text);
        } catch (e) {
          expect(e).toBeInstanceOf(KinkproofError);
          const { span } = e as KinkproofError;
          expect(span).toBeDefined();
          expect(span!.start).toBeGreaterThanOrEqual(0);
          expect(span!.start).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });
});
