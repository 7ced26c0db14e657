/**
 * ∇f in matrix notation. Candidates: the chain-rule derivative of φ, tidied
 * (2·σ(t), not 2t·H(t)), then a piece-by-piece formula L₀ + Σ (Lᵢ − Lᵢ₋₁)·H(t − cᵢ).
 * One is accepted only if it equals φ′ exactly on every open piece and at
 * every breakpoint where φ is differentiable. ./simplify/gradientForm.ts
 * chooses among more (shorter) candidates with the same test for display.
 */
import * as P from './exact/poly.js';
import type { Poly } from './exact/poly.js';
import type { EntryAnalysis } from './analyze.js';
import { comparePiecewise } from './compare.js';
import type { Piecewise } from './piecewise.js';
import { toPiecewise } from './piecewise.js';
import type { Scalar } from './scalar/expr.js';
import { rebuild } from './scalar/build.js';
import { primitives } from './primitives/registry.js';
import { signOfConstant } from './exact/calculus.js';
import { locate, valueAt } from './piecewise.js';
import { realZeros } from './solve.js';
import { differentiate } from './scalar/derivative.js';
import { heavisideForm, pieceForms } from './simplify/fit.js';
import { attempt } from './attempt.js';
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
    ...(entry.piecewise.period && { period: entry.piecewise.period }),
  };
}

/** Breakpoints where φ′ does not exist (or is not known to). */
export const kinkTest =
  (entry: EntryAnalysis) =>
  (c: Poly): boolean => {
    // A periodic φ has a kink at every member of a kink's family: c is compared by its residue.
    const { i, onBreakpoint } = locate(entry.piecewise, c);
    return onBreakpoint && entry.breakpoints[i]!.differentiable !== true;
  };

/**
 * Is the candidate φ′ wherever φ is differentiable? The exact comparison
 * `check --claim` makes: equal on every open piece and at every breakpoint
 * that is not a kink. Undecided or failed comparisons answer no.
 */
export function derivativeTest(entry: EntryAnalysis): (candidate: Scalar) => boolean {
  const target = derivativePiecewise(entry);
  const skip = kinkTest(entry);
  return (candidate) => attempt(() => comparePiecewise(toPiecewise(candidate), target, skip).equal === true, false);
}

/**
 * A switch that never changes sign selects one branch everywhere:
 * heaviside(−exp(9t)) is 0, and writing it as 0 spares 0·∞ in numeric use.
 */
function resolveConstantSwitches(s: Scalar): Scalar {
  if (s.kind !== 'call') return rebuild(s, resolveConstantSwitches);
  const args = s.args.map(resolveConstantSwitches);
  const split = primitives[s.fn].split;
  const side = split && constantSign(split.switchOf(args));
  return split && side ? split.branch(args, side) : { ...s, args };
}

/** −1 or 1 when the expression has that sign at every real t; undefined otherwise or when undecided. */
function constantSign(s: Scalar): -1 | 1 | undefined {
  try {
    const pw = toPiecewise(s);
    const [piece] = pw.pieces;
    if (pw.breakpoints.length > 0 || !piece || !P.hasT(piece.nf) || realZeros(piece.nf).length > 0) return undefined;
    const sign = signOfConstant(valueAt(piece, P.ZERO));
    return sign === 1 || sign === -1 ? sign : undefined;
  } catch (e) {
    if (e instanceof KinkproofError) return undefined;
    throw e;
  }
}

/** The forms φ′ is derived in, in order of preference: the single piece's derivative, the chain rule, the pieces switched by Heaviside steps. */
export function derivedForms(phi: Scalar, entry: EntryAnalysis): (() => Scalar)[] {
  const [only] = entry.derivativePieces;
  // One piece: its derivative as computed, or read off the canonical form (3·exp(3t) for (e^{2.5t}/e^t)²).
  const smooth = entry.derivativePieces.length === 1 && only ? [() => pieceForms(entry)[0]!] : [];
  return [...smooth, () => tidy(resolveConstantSwitches(differentiate(phi))), () => heavisideForm(entry)];
}

/** The entry function of ∇f, valid wherever f is differentiable: the first derived form proved equal to φ′, or null. */
export function gradientEntry(phi: Scalar, entry: EntryAnalysis): Scalar | null {
  const proved = derivativeTest(entry);
  for (const candidate of derivedForms(phi, entry)) {
    const c = candidate();
    if (proved(c)) return c;
  }
  return null;
}
