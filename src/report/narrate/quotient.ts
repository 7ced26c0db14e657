/**
 * The difference quotient (φ(c+h) − φ(c))/h written out with the piece that
 * φ equals on one side: its numerator p(c+h) − φ(c) as an expression in h, and
 * the quotient itself when dividing by h simplifies (h²/h = h, √(−h)/h =
 * −1/√(−h) for h < 0, proved on that side). Both are identities for h ≠ 0 on
 * that side; the limit's value comes from the analysis.
 */
import { fromPoly, P, printLatex, Q, simplerOn, substitute } from '../../symbolic/index.js';
import type { Piece, Poly } from '../../symbolic/index.js';
import { difference, exact } from './notation.js';
import type { Side } from './notation.js';

const IN_H = { variable: 'h', matrix: false } as const;

export interface QuotientForms {
  /** p(c+h) − φ(c), in h. */
  readonly numerator: string;
  /** (p(c+h) − φ(c))/h when that is simpler than the fraction. */
  readonly quotient?: string;
}

/** `\varphi(c + h)`, or `\varphi(h)` at 0. */
export const shiftedArgument = (c: Poly): string => (P.isZero(c) ? 'h' : `${exact(c)} + h`);

/** Is the numerator one term, or a polynomial in h without constant term, so that dividing by h may tidy it? */
function dividesNicely(n: Poly): boolean {
  if (n.terms.length === 1) return true;
  const coefficients = P.coefficientsInT(n);
  return coefficients !== undefined && P.isZero(coefficients[0] ?? P.ZERO);
}

function fallback(piece: Piece, c: Poly, value: Poly): QuotientForms {
  const shifted = printLatex(piece.display, { variable: P.isZero(c) ? 'h' : `(${exact(c)} + h)`, matrix: false });
  return { numerator: P.isZero(value) ? shifted : difference(shifted, exact(value)) };
}

export function quotientForms(piece: Piece, c: Poly, value: Poly, side: Side): QuotientForms {
  let numerator: Poly;
  try {
    numerator = P.sub(substitute(piece.nf, P.add(c, P.T), { tPositive: false }), value);
  } catch (e) {
    // The canonical form may not substitute (a root of a sum, a size limit): print the piece as it is.
    if (e instanceof P.Undefined || e instanceof P.TooLarge) return fallback(piece, c, value);
    throw e;
  }
  const shown = printLatex(fromPoly(numerator), IN_H);
  if (P.isZero(numerator) || !dividesNicely(numerator)) return { numerator: shown };
  const nf = P.mul(numerator, P.pow(P.T, Q.MINUS_ONE));
  const [lo, hi] = side < 0 ? [undefined, P.ZERO] : [P.ZERO, undefined];
  const quotient = printLatex(simplerOn({ display: fromPoly(nf), nf }, lo, hi), IN_H);
  return quotient === `\\frac{${shown}}{h}` ? { numerator: shown } : { numerator: shown, quotient };
}
