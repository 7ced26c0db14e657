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
import { addS, mulS, powS, subS } from './scalar/build.js';
import { primitives } from './primitives/registry.js';
import { signOfConstant } from './exact/calculus.js';
import { locate, valueAt } from './piecewise.js';
import { realZeros } from './solve.js';
import { printText } from './scalar/print.js';
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

function fromPieces(entry: EntryAnalysis): Scalar {
  // A piece's canonical form holds on its whole interval and is often shorter (1, not (t−1)/√((t−1)²)).
  const pieces = entry.derivativePieces.map((p) => shorter(p.display, fromPoly(p.nf)));
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

/**
 * A switch that never changes sign selects one branch everywhere:
 * heaviside(−exp(9t)) is 0, and writing it as 0 spares 0·∞ in numeric use.
 */
function resolveConstantSwitches(s: Scalar): Scalar {
  switch (s.kind) {
    case 'const':
    case 'algebraic':
    case 'var':
      return s;
    case 'add':
      return addS(...s.terms.map(resolveConstantSwitches));
    case 'mul':
      return mulS(...s.factors.map(resolveConstantSwitches));
    case 'pow':
      return powS(resolveConstantSwitches(s.base), s.exponent);
    case 'call': {
      const args = s.args.map(resolveConstantSwitches);
      const split = primitives[s.fn].split;
      const side = split && constantSign(split.switchOf(args));
      return split && side ? split.branch(args, side) : { ...s, args };
    }
  }
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

const shorter = (a: Scalar, b: Scalar): Scalar => (printText(b).length < printText(a).length ? b : a);

/** The entry function of ∇f, valid wherever f is differentiable; null if none verifies. */
export function gradientEntry(phi: Scalar, entry: EntryAnalysis): Scalar | null {
  const target = derivativePiecewise(entry);
  const skip = kinkTest(entry);
  const [only] = entry.derivativePieces;
  // One piece: its derivative as computed, or read off the canonical form (3·exp(3t) for (e^{2.5t}/e^t)²).
  const smooth = entry.derivativePieces.length === 1 && only ? [() => shorter(only.display, fromPoly(only.nf))] : [];
  const chainRule = () => tidy(resolveConstantSwitches(differentiate(phi)));
  for (const candidate of [...smooth, chainRule, () => fromPieces(entry)]) {
    const c = candidate();
    if (agrees(c, target, skip)) return c;
  }
  return null;
}
