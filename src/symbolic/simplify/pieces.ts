/**
 * Shorter displays for the pieces of φ and φ′ (t + 1 for −(−t − 1),
 * 1.5·√t for √t + 0.5·t/√t, 1 for t/√(t²) on t > 0). A piece's display is
 * replaced only by a proposal proved equal to it on the piece's open
 * interval: the same canonical form there (after t = −u on t ≤ 0), and a real
 * value at every point of it. The canonical form, which every decision uses,
 * stays as it is.
 */
import * as P from '../exact/poly.js';
import type { Poly, PowerContext } from '../exact/poly.js';
import type { EntryAnalysis } from '../analyze.js';
import { contextFor, hasValueWhere, intervalBounds, reflectedForm } from '../piecewise.js';
import type { Piece, Piecewise } from '../piecewise.js';
import { keyOf } from '../scalar/expr.js';
import type { Scalar } from '../scalar/expr.js';
import { fromPoly } from '../scalar/fromPoly.js';
import { toPoly } from '../scalar/toPoly.js';
import { shortestProved } from './choose.js';
import { rewrite } from './rewrite.js';
import { attempt } from '../attempt.js';

/** The sign of s on the interval, when s has no zero there; undefined otherwise. */
const signOn = (s: Scalar, ctx: PowerContext): 1 | -1 | undefined => attempt(() => ctx.signOn?.(toPoly(s, ctx)), undefined);

/** Is the candidate equal to the piece on (lo, hi)? */
function equalOn(candidate: Scalar, piece: Piece, lo: Poly | undefined, hi: Poly | undefined): boolean {
  const ctx = contextFor(lo, hi);
  if (!hasValueWhere(candidate, (x) => signOn(x, ctx))) return false;
  const form = attempt(() => toPoly(candidate, ctx), undefined);
  // The piece's own display read with what the interval tells (h^(1/2)·h^(−1) = h^(−1/2) for h > 0) may match where its given form does not.
  if (form && [piece.nf, attempt(() => toPoly(piece.display, ctx), undefined)].some((nf) => nf && P.isZero(P.sub(form, nf)))) return true;
  const a = reflectedForm(candidate, lo, hi);
  const b = a && reflectedForm(piece.display, lo, hi);
  return b !== undefined && P.isZero(P.sub(a!, b));
}

/** The shortest proposal for a piece's display proved equal to it on (lo, hi); the display itself when none is shorter. */
export function simplerOn(piece: Piece, lo: Poly | undefined, hi: Poly | undefined): Scalar {
  if (piece.display.kind === 'const' || piece.display.kind === 'var') return piece.display; // nothing is shorter
  const canonical = fromPoly(piece.nf);
  const own = keyOf(piece.display);
  const candidates = [piece.display, canonical, rewrite(piece.display), rewrite(canonical)];
  return shortestProved(candidates, (c) => keyOf(c) === own || equalOn(c, piece, lo, hi))!;
}

function simplerPiece(piece: Piece, lo: Poly | undefined, hi: Poly | undefined): Piece {
  const display = simplerOn(piece, lo, hi);
  return display === piece.display ? piece : { display, nf: piece.nf };
}

const simplerPieces = (pw: Piecewise, pieces: readonly Piece[]): Piece[] =>
  pieces.map((p, i) => {
    const { lo, hi } = intervalBounds(pw.breakpoints, i, pw.period);
    return simplerPiece(p, lo, hi);
  });

/** φ with the shortest proved display on each piece. */
export const withSimplerPieces = (pw: Piecewise): Piecewise => ({ ...pw, pieces: simplerPieces(pw, pw.pieces) });

/** The analysis with the shortest proved display of φ′ on each piece. */
export const withSimplerDerivatives = (entry: EntryAnalysis): EntryAnalysis => ({
  ...entry,
  derivativePieces: simplerPieces(entry.piecewise, entry.derivativePieces),
});
