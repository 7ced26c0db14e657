/**
 * Signs of a one-variable function everywhere, decided exactly from its
 * pieces: between consecutive real zeros of a piece its sign is constant, so
 * one exact sample per stretch (and the values at the breakpoints) decides it.
 */
import * as P from '../exact/poly.js';
import { signOfConstant } from '../exact/calculus.js';
import { KinkproofError } from '../../diagnostics.js';
import type { Piecewise } from '../piecewise.js';
import { intervalBounds, samplePoint, valueAt } from '../piecewise.js';
import { compareExact, realZeros } from '../solve.js';
import type { Univariate } from './univariate.js';

/** The least sign ψ takes (−1, 0 or 1), or null when it is not decided. */
export function leastSign(u: Univariate): -1 | 0 | 1 | null {
  let least: -1 | 0 | 1 = 1;
  for (const b of u.entry.breakpoints) {
    const s = signOfConstant(b.value);
    if (s === undefined) return null;
    least = Math.min(least, s) as -1 | 0 | 1;
  }
  const pieces = leastSignOnPieces(u.entry.piecewise);
  return pieces === null ? null : (Math.min(least, pieces) as -1 | 0 | 1);
}

/** The least sign of ψ′ off the breakpoints: 0 or 1 means ψ is nondecreasing (ψ continuous), null undecided. */
export function leastSlopeSign(u: Univariate): -1 | 0 | 1 | null {
  return leastSignOnPieces({ ...u.entry.piecewise, pieces: u.entry.derivativePieces });
}

function leastSignOnPieces(pw: Piecewise): -1 | 0 | 1 | null {
  let least: -1 | 0 | 1 = 1;
  for (let i = 0; i < pw.pieces.length; i++) {
    const s = pieceLeastSign(pw, i);
    if (s === null) return null;
    least = Math.min(least, s) as -1 | 0 | 1;
  }
  return least;
}

function pieceLeastSign(pw: Piecewise, i: number): -1 | 0 | 1 | null {
  const piece = pw.pieces[i]!;
  if (P.isZero(piece.nf)) return 0;
  const { lo, hi } = intervalBounds(pw.breakpoints, i, pw.period);
  let zeros;
  try {
    zeros = P.hasT(piece.nf) ? realZeros(piece.nf) : [];
  } catch (e) {
    if (e instanceof KinkproofError) return null;
    throw e;
  }
  const inside = zeros.filter((z) => (!lo || compareExact(lo, z) < 0) && (!hi || compareExact(z, hi) < 0));
  const cuts = [...(lo ? [lo] : []), ...inside, ...(hi ? [hi] : [])];
  let least: -1 | 0 | 1 = inside.length ? 0 : 1;
  for (let k = 0; k <= inside.length; k++) {
    const s = signOfConstant(valueAt(piece, samplePoint(cuts, k + (lo ? 1 : 0))));
    if (s === undefined) return null;
    least = Math.min(least, s) as -1 | 0 | 1;
  }
  return least;
}
