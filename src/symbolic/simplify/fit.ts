/**
 * Closed forms for φ′ read off its cases (an elementary piece on each open
 * interval, a value at each breakpoint):
 * - the pieces switched on with Heaviside steps, L₀ + Σ (Lᵢ − Lᵢ₋₁)·H(t − cᵢ);
 * - when the outer pieces are opposite (L₀ = −L_k ≠ 0), the same with sign:
 *   Σ (Lᵢ − Lᵢ₋₁)/2·sign(t − cᵢ) (sign(t) for −1, 1);
 * - where φ′ is continuous, nested max/min of the pieces, each piece taking
 *   over at its breakpoint (Huber: min(max(t, −1), 1));
 * - where one piece is not constant and the constants continue it, that piece
 *   of t clipped to its interval (2·max(t, 0) = 2σ(t), 1.5·√σ(t)).
 * These are proposals: the caller proves each one equal to φ′ before using it.
 */
import * as Q from '../exact/rational.js';
import * as P from '../exact/poly.js';
import type { Poly } from '../exact/poly.js';
import type { EntryAnalysis } from '../analyze.js';
import { sameFinite } from '../analyze.js';
import { signOfConstant } from '../exact/calculus.js';
import { samplePoint, valueAt } from '../piecewise.js';
import type { Piece } from '../piecewise.js';
import { call, num, VAR } from '../scalar/expr.js';
import type { Scalar } from '../scalar/expr.js';
import { addS, mulS, replaceT, subS } from '../scalar/build.js';
import { fromPoly } from '../scalar/fromPoly.js';
import { printText } from '../scalar/print.js';
import { attempt } from '../attempt.js';

/** More breakpoints than this and a fitted form would not be short: none is proposed. */
const MAX_FITTED_BREAKPOINTS = 8;

const shorter = (a: Scalar, b: Scalar): Scalar => (printText(b).length < printText(a).length ? b : a);

const pieceFormsOf = new WeakMap<EntryAnalysis, readonly Scalar[]>();

/** φ′ on each open piece, in the shorter of its computed and its canonical form (made once per analysis: three proposals read them). */
export function pieceForms(entry: EntryAnalysis): readonly Scalar[] {
  let forms = pieceFormsOf.get(entry);
  if (!forms) pieceFormsOf.set(entry, (forms = entry.derivativePieces.map((p) => shorter(p.display, fromPoly(p.nf)))));
  return forms;
}

const shifted = (c: Poly): Scalar => subS(VAR, fromPoly(c));

/** L₀ + Σ (Lᵢ − Lᵢ₋₁)·H(t − cᵢ). */
export function heavisideForm(entry: EntryAnalysis): Scalar {
  const pieces = pieceForms(entry);
  let out = pieces[0]!;
  entry.piecewise.breakpoints.forEach((c, i) => {
    out = addS(out, mulS(subS(pieces[i + 1]!, pieces[i]!), call('heaviside', shifted(c))));
  });
  return out;
}

/**
 * Σ (Lᵢ − Lᵢ₋₁)/2·sign(t − cᵢ) when L₀ = −L_k: on interval j the terms add
 * up to (L_j − L₀)/2 − (L_k − L_j)/2 = L_j. Proposed for steps between
 * opposite values (sign(t) for −1, 1); a bump such as 0, 1, 0 reads better
 * with Heaviside steps than with halves of signs.
 */
function signForm(entry: EntryAnalysis, pieces: readonly Scalar[]): Scalar | undefined {
  const pw = entry.derivativePieces;
  const [first, last] = [pw[0]!.nf, pw[pw.length - 1]!.nf];
  if (P.isZero(first) || !P.isZero(P.add(first, last))) return undefined;
  const half = num(Q.HALF);
  return addS(...entry.piecewise.breakpoints.map((c, i) => mulS(half, subS(pieces[i + 1]!, pieces[i]!), call('sign', shifted(c)))));
}

/** The sign of b − a at an exact point, or undefined when a piece has no value there or it is not decided. */
function signOfDifference(a: Piece, b: Piece, x: Poly): -1 | 0 | 1 | undefined {
  return attempt(() => signOfConstant(P.sub(valueAt(b, x), valueAt(a, x))), undefined);
}

/** Variable first, as a reader writes max(t, −1). */
const twoArguments = (fn: 'max' | 'min', a: Scalar, b: Scalar): Scalar => (a.kind === 'const' ? call(fn, b, a) : call(fn, a, b));

/**
 * Left to right: g = L₀, then g = max(g, Lᵢ) where Lᵢ lies above Lᵢ₋₁ just
 * after cᵢ, min where below. Right to left likewise. Each holds when every
 * piece stays on its side of the ones it replaces.
 */
function minMaxForms(entry: EntryAnalysis, pieces: readonly Scalar[]): Scalar[] {
  const { breakpoints: bps } = entry.piecewise;
  const raw = entry.derivativePieces;
  const choice = (i: number, side: 1 | -1): 'max' | 'min' | undefined => {
    // Which of pieces i−1 and i is larger on interval i (side 1) or i−1 (side −1).
    const s = signOfDifference(raw[i - 1]!, raw[i]!, samplePoint(bps, side > 0 ? i : i - 1));
    if (s === undefined || s === 0) return undefined;
    return s * side > 0 ? 'max' : 'min';
  };
  const out: Scalar[] = [];
  let left: Scalar | undefined = pieces[0]!;
  for (let i = 1; left && i < pieces.length; i++) {
    const fn = choice(i, 1);
    left = fn && twoArguments(fn, left, pieces[i]!);
  }
  if (left) out.push(left);
  let right: Scalar | undefined = pieces[pieces.length - 1]!;
  for (let i = pieces.length - 1; right && i > 0; i--) {
    const fn = choice(i, -1);
    right = fn && twoArguments(fn, right, pieces[i - 1]!);
  }
  if (right) out.push(right);
  return out;
}

/** The one non-constant piece L_k of t clipped to [c_k, c_{k+1}], when all other pieces are constant. */
function clippedForm(entry: EntryAnalysis, pieces: readonly Scalar[]): Scalar | undefined {
  const varying = entry.derivativePieces.flatMap((p, i) => (P.hasT(p.nf) ? [i] : []));
  if (varying.length !== 1) return undefined;
  const k = varying[0]!;
  const { breakpoints: bps } = entry.piecewise;
  let clipped: Scalar = VAR;
  const lo = bps[k - 1];
  const hi = bps[k];
  if (lo) clipped = P.isZero(lo) ? call('relu', clipped) : call('max', clipped, fromPoly(lo));
  if (hi) clipped = call('min', clipped, fromPoly(hi));
  return replaceT(pieces[k]!, clipped);
}

/** φ′ has equal one-sided limits at every breakpoint. */
const continuousDerivative = (entry: EntryAnalysis): boolean =>
  entry.breakpoints.every((b) => b.leftLimits[1] !== undefined && b.rightLimits[1] !== undefined && sameFinite(b.leftLimits[1], b.rightLimits[1]) === true);

/** Closed forms proposed for φ′ from its cases, beside the Heaviside form. */
export function fittedForms(entry: EntryAnalysis): Scalar[] {
  const bps = entry.piecewise.breakpoints;
  if (bps.length === 0 || bps.length > MAX_FITTED_BREAKPOINTS || entry.piecewise.period) return [];
  const pieces = pieceForms(entry);
  const signed = signForm(entry, pieces);
  const out = signed ? [signed] : [];
  if (!continuousDerivative(entry)) return out;
  const clipped = clippedForm(entry, pieces);
  return [...out, ...minMaxForms(entry, pieces), ...(clipped ? [clipped] : [])];
}
