/**
 * Checks at each breakpoint c of φ, from both sides, on halving sequences
 * δ_k = δ₀·2⁻ᵏ: the value φ(c), the one-sided limits of φ, the one-sided
 * difference quotients (φ(c ± δ) − φ(c))/(±δ) against φ′₋(c) and φ′₊(c),
 * their agreement where φ is claimed differentiable, the claimed gradient at
 * c, and the one-sided limits of φ′ (continuity of the derivative). A finite
 * claim is compared with the extrapolated sequence; a claimed divergence must
 * show as samples growing with the claimed sign.
 */
import type { BreakpointAnalysis, EntryAnalysis, Limit } from '../symbolic/analyze.js';
import { approximate } from '../symbolic/exact/calculus.js';
import * as P from '../symbolic/exact/poly.js';
import * as Q from '../symbolic/exact/rational.js';
import type { Scalar } from '../symbolic/scalar/expr.js';
import { exactText, printText } from '../symbolic/scalar/print.js';
import { compileEntry, compileRoundingBound } from './compile.js';
import { divergesTo, extrapolate, powerOfTwoAtMost, SAFETY, UNIT_ROUNDOFF } from './errorModel.js';
import type { Estimate } from './errorModel.js';
import type { CheckKind, EvidenceBuilder } from './evidence.js';
import type { GradientClaim } from './gradientChecks.js';

/** Halvings per sequence: δ from 2⁻⁶·max(1, |c|) down to 2⁻¹⁷·max(1, |c|) (closer to c if breakpoints are close). */
const STEPS = 12;
const FIRST_STEP = 2 ** -6;
const u = UNIT_ROUNDOFF;

type Side = -1 | 1;
const approach = (s: Side): string => (s < 0 ? '⁻' : '⁺');
const sideIndex = (s: Side): string => (s < 0 ? '₋' : '₊');

type KnownLimit = Exclude<Limit, { kind: 'unknown' }>;
const limitText = (l: KnownLimit): string => (l.kind === 'finite' ? exactText(l.value) : l.sign > 0 ? '+∞' : '−∞');

interface Compiled {
  readonly fn: (t: number) => number;
  readonly bound: (t: number, inputError: number) => number;
}
const compiled = (s: Scalar): Compiled => ({ fn: compileEntry(s), bound: compileRoundingBound(s) });

/**
 * Samples g(y_k) at y_k = c ± δ_k with their rounding bounds. The input error
 * covers the rounding of c ± δ_k and the distance of the double c from the
 * exact breakpoint.
 */
function sampleAt(g: Compiled, c: number, ys: readonly number[]): { samples: number[]; rounding: number[] } {
  return { samples: ys.map(g.fn), rounding: ys.map((y) => g.bound(y, u * (Math.abs(y) + Math.abs(c)))) };
}

/** One breakpoint seen from one side. */
interface Approach {
  readonly c: number;
  readonly text: string;
  readonly side: Side;
  readonly steps: readonly number[];
  readonly builder: EvidenceBuilder;
}

/** Compares samples approaching a limit with the symbolic limit; returns the estimate when the claim is finite. */
function checkLimit(
  a: Approach,
  kind: CheckKind,
  claim: (limit: string) => string,
  limit: Limit | undefined,
  samples: readonly number[],
  rounding: readonly number[],
  note = '',
): Estimate | undefined {
  if (!limit || limit.kind === 'unknown') return undefined;
  const exponents = `2^${Math.log2(a.steps[0]!)} … 2^${Math.log2(a.steps[a.steps.length - 1]!)}`;
  const point = `t = ${a.text} ${a.side < 0 ? '−' : '+'} δ, δ = ${exponents}${note}`;
  const text = claim(limitText(limit));
  let estimate: Estimate | undefined;
  if (limit.kind === 'infinite') {
    a.builder.divergence(kind, text, point, limit.sign, samples[samples.length - 1]!, divergesTo(samples, limit.sign));
  } else {
    const symbolic = approximate(limit.value);
    estimate = extrapolate(samples, rounding);
    a.builder.compare(kind, text, point, {
      symbolic,
      numeric: estimate.value,
      tolerance: estimate.tolerance + SAFETY * u * Math.abs(symbolic),
      scale: estimate.scale,
    });
  }
  a.builder.endGroup();
  return estimate;
}

export interface BreakpointSubject {
  readonly phi: Scalar;
  readonly entry: EntryAnalysis;
  readonly gradient: GradientClaim | undefined;
}

/** φ′ near a breakpoint, and where it comes from (for the record). */
interface Slope extends Compiled {
  readonly source: string;
}

/** The limit of φ, the one-sided derivative and the limit of φ′ from one side; returns the derivative estimate. */
function checkSide(a: Approach, b: BreakpointAnalysis, phi: Compiled, value: number, slope: Slope): Estimate | undefined {
  const { text, side, steps } = a;
  const limits = side < 0 ? b.leftLimits : b.rightLimits;
  const ys = steps.map((d) => a.c + side * d);
  const near = sampleAt(phi, a.c, ys);
  checkLimit(a, 'value', (l) => `φ(t) → ${l} as t → ${text}${approach(side)}`, limits[0], near.samples, near.rounding);

  const quotients = near.samples.map((v, k) => (v - value) / (side * steps[k]!));
  const quotientRounding = near.rounding.map((r, k) => (r + u * Math.abs(value)) / steps[k]!);
  const claimed = side < 0 ? b.leftDerivative : b.rightDerivative;
  const derivative = checkLimit(a, 'one-sided', (l) => `φ'${sideIndex(side)}(${text}) = ${l}`, claimed, quotients, quotientRounding);

  const slopes = sampleAt(slope, a.c, ys);
  const claim = (l: string): string => `φ′(t) → ${l} as t → ${text}${approach(side)}`;
  checkLimit(a, 'derivative-continuity', claim, limits[1], slopes.samples, slopes.rounding, `; φ′ from ${slope.source}`);
  return derivative;
}

export function checkBreakpoints(subject: BreakpointSubject, builder: EvidenceBuilder, breakpointDone: () => void): void {
  const phi = compiled(subject.phi);
  const gradient = subject.gradient;
  const psi = gradient && { ...compiled(gradient.psi), source: `the claimed gradient ${printText(gradient.psi)}` };
  const { breakpoints, derivativePieces } = subject.entry;
  const kinks = breakpoints.map((b) => approximate(b.at));

  breakpoints.forEach((b, i) => {
    const c = kinks[i]!;
    const text = exactText(b.at);
    const value = approximate(b.value);
    const rational = P.asRational(b.at);
    const exact = rational !== undefined && Q.equals(Q.fromNumber(c), rational);

    if (exact) {
      builder.compare('value', `φ(${text}) = ${exactText(b.value)}`, `t = ${text}`, {
        symbolic: value,
        numeric: phi.fn(c),
        tolerance: SAFETY * (phi.bound(c, 0) + u * Math.abs(value)),
        scale: 0,
      });
      builder.endGroup();
    }

    const gap = Math.min(i > 0 ? c - kinks[i - 1]! : Infinity, i + 1 < kinks.length ? kinks[i + 1]! - c : Infinity);
    const first = powerOfTwoAtMost(Math.min(FIRST_STEP * Math.max(1, Math.abs(c)), gap / 4));
    if (!(first > 0)) return breakpointDone(); // breakpoints closer than doubles can resolve
    const steps = Array.from({ length: STEPS }, (_, k) => first * 2 ** -k);
    // φ′ near c: the claimed gradient when there is one, else the derivative of the piece on that side.
    const slope = (piece: Scalar): Slope => psi ?? { ...compiled(piece), source: `the piece's derivative ${printText(piece)}` };
    const left = checkSide({ c, text, side: -1, steps, builder }, b, phi, value, slope(derivativePieces[i]!.display));
    const right = checkSide({ c, text, side: 1, steps, builder }, b, phi, value, slope(derivativePieces[i + 1]!.display));

    if (b.differentiable === true && left && right) {
      builder.compare('one-sided', `φ'₋(${text}) = φ'₊(${text}): φ is differentiable at ${text}`, `t = ${text}`, {
        symbolic: 0,
        numeric: right.value - left.value,
        tolerance: left.tolerance + right.tolerance,
        scale: Math.max(left.scale, right.scale),
      });
      builder.endGroup();
      if (gradient && psi && exact) {
        const g = psi.fn(c);
        builder.compare('gradient-entry', gradient.text, `an entry equal to the breakpoint, t = ${text}`, {
          symbolic: g,
          numeric: (left.value + right.value) / 2,
          tolerance: (left.tolerance + right.tolerance) / 2 + SAFETY * psi.bound(c, 0),
          scale: Math.max(left.scale, right.scale),
        });
        builder.endGroup();
      }
    }
    breakpointDone();
  });
}
