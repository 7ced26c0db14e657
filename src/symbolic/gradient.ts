/**
 * ∇f in matrix notation. Candidate: the chain-rule derivative of φ, tidied
 * (2·σ(t), not 2t·H(t)). It is accepted only if it equals φ′ exactly on every
 * open piece and at every breakpoint where φ is differentiable; otherwise a
 * piece-by-piece formula L₀ + Σ (Lᵢ − Lᵢ₋₁)·H(t − cᵢ) is tried.
 */
import * as P from './exact/poly.js';
import type { Poly } from './exact/poly.js';
import type { EntryAnalysis } from './analyze.js';
import { comparePiecewise } from './compare.js';
import type { Piecewise } from './piecewise.js';
import { toPiecewise } from './piecewise.js';
import { call } from './scalar/expr.js';
import type { Scalar } from './scalar/expr.js';
import { addS, mulS, subS } from './scalar/build.js';
import { differentiate } from './scalar/derivative.js';
import { fromPoly } from './scalar/fromPoly.js';
import { tidy } from './scalar/tidy.js';
import { KinkproofError } from '../diagnostics.js';

/** φ′ as a piecewise function; values at kinks are placeholders the comparison skips. */
export function derivativePiecewise(entry: EntryAnalysis): Piecewise {
  return {
    breakpoints: entry.piecewise.breakpoints,
    pieces: entry.derivativePieces,
    values: entry.breakpoints.map((b) =>
      b.differentiable && b.leftDerivative.kind === 'finite' ? b.leftDerivative.value : P.ZERO,
    ),
  };
}

/** Breakpoints where φ′ does not exist (or is not known to). */
export const kinkTest =
  (entry: EntryAnalysis) =>
  (c: Poly): boolean =>
    entry.breakpoints.some((b) => b.differentiable !== true && P.isZero(P.sub(b.at, c)));

function fromPieces(entry: EntryAnalysis): Scalar {
  const pieces = entry.derivativePieces.map((p) => p.display);
  let out = pieces[0]!;
  entry.piecewise.breakpoints.forEach((c, i) => {
    const jump = subS(pieces[i + 1]!, pieces[i]!);
    out = addS(out, mulS(jump, call('heaviside', subS({ kind: 'var' }, fromPoly(c)))));
  });
  return out;
}

function agrees(candidate: Scalar, target: Piecewise, skip: (c: Poly) => boolean): boolean {
  try {
    return comparePiecewise(toPiecewise(candidate), target, skip).equal === true;
  } catch (e) {
    if (e instanceof KinkproofError) return false;
    throw e;
  }
}

/** The entry function of ∇f, valid wherever f is differentiable; null if none verifies. */
export function gradientEntry(phi: Scalar, entry: EntryAnalysis): Scalar | null {
  const target = derivativePiecewise(entry);
  const skip = kinkTest(entry);
  const smooth = entry.derivativePieces.length === 1 ? [() => entry.derivativePieces[0]!.display] : [];
  for (const candidate of [...smooth, () => tidy(differentiate(phi)), () => fromPieces(entry)]) {
    const c = candidate();
    if (agrees(c, target, skip)) return c;
  }
  return null;
}
