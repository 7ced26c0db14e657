/**
 * Checks at each breakpoint c of φ, from both sides, on halving sequences
 * δ_k = δ₀·2⁻ᵏ: the value φ(c), the one-sided limits of φ, the one-sided
 * difference quotients (φ(c ± δ) − φ(c))/(±δ) against φ′₋(c) and φ′₊(c),
 * their agreement where φ is claimed differentiable, the claimed gradient at
 * c, and the one-sided limits of φ′ (continuity of the derivative). A finite
 * claim is compared with the extrapolated sequence; a claimed divergence must
 * show in the numbers (see `divergence`). Exact constants (c, φ(c), the
 * limits) enter as doubles with their error bounds (constants.ts).
 */
import { approximate, exactText, P, printText, Q } from '../symbolic/index.js';
import type { BreakpointAnalysis, EntryAnalysis, Limit, Poly, Scalar } from '../symbolic/index.js';
import { compiled } from './compile.js';
import type { Compiled } from './compile.js';
import { approximation } from './constants.js';
import type { Approximation } from './constants.js';
import { divergesTo, extrapolate, powerOfTwoAtMost, SAFETY, UNIT_ROUNDOFF } from './errorModel.js';
import type { Estimate } from './errorModel.js';
import type { ClaimedLimit, DivergenceEvidence, LimitClaim, OneSidedDerivativeClaim, SequencePoint, Side, SlopeSource } from './checkRecord.js';
import type { EvidenceBuilder } from './evidence.js';
import type { GradientClaim } from './gradientChecks.js';
import { leadingSign } from './leadingTerm.js';

/** Halvings per sequence: δ from 2⁻⁶·max(1, |c|) down to 2⁻¹⁷·max(1, |c|) (closer to c if breakpoints are close). */
const STEPS = 12;
const FIRST_STEP = 2 ** -6;
/** The members c + kP of a periodic breakpoint family that are checked, by k. */
const FAMILY_MEMBERS = [0, 1, -3] as const;
/** A claimed divergence may take the sequence on, up to this many samples in all (δ down to 2⁻⁶³ of the first step)… */
const DIVERGENCE_STEPS = 64;
/** …while δ stays this many times above the uncertainty of c (its distance from the double, and the rounding of c ± δ). */
const DIVERGENCE_ROOM = 2 ** 20;
const u = UNIT_ROUNDOFF;

type KnownLimit = Exclude<Limit, { kind: 'unknown' }>;
const claimedLimit = (l: KnownLimit): ClaimedLimit => (l.kind === 'finite' ? { kind: 'finite', value: exactText(l.value) } : { kind: 'infinite', sign: l.sign });


/** Values of some g at t = c ± δ for each δ given, with their rounding bounds. */
type Sampler = (deltas: readonly number[]) => { samples: number[]; rounding: number[] };

/**
 * Samples g(y) at y = c + side·δ with their rounding bounds. The input error
 * covers the rounding of c ± δ and the distance of the double c from the
 * exact breakpoint, so the samples stand for g at exact c ± δ.
 */
const sampleAt =
  (g: Compiled, a: Approach): Sampler =>
  (deltas) => {
    const ys = deltas.map((d) => a.c + a.side * d);
    return { samples: ys.map(g.fn), rounding: ys.map((y) => g.bound(y, u * (Math.abs(y) + Math.abs(a.c)) + a.cError)) };
  };

/** One breakpoint seen from one side. */
interface Approach {
  readonly c: number;
  /** How far the double c may be from the exact breakpoint. */
  readonly cError: number;
  readonly text: string;
  readonly side: Side;
  readonly steps: readonly number[];
  readonly builder: EvidenceBuilder;
}

const lastOf = (xs: readonly number[]): number => xs[xs.length - 1]!;

/** The exponents γ of the sampled g(c ± δ) = Σ a_γ·δ^γ, the smallest one (whose term diverges), and |a| of that term. */
interface Expansion {
  readonly leading: number;
  readonly leadingText: string;
  readonly leadingSize: number;
  readonly exponents: readonly number[];
}

/** A term a·δ^e of the sampled g: the exact exponent and |a| as a double. */
interface Term {
  readonly e: Q.Rational;
  readonly size: number;
}

function expansionOf(terms: readonly Term[]): Expansion {
  const lead = terms.reduce<Term | undefined>((m, t) => (m === undefined || Q.compare(t.e, m.e) < 0 ? t : m), undefined);
  const leading = lead?.e ?? Q.ZERO;
  return { leading: Q.toNumber(leading), leadingText: Q.toText(leading), leadingSize: lead?.size ?? 0, exponents: terms.map((t) => Q.toNumber(t.e)) };
}

/**
 * The expansion of φ(c ± δ) (k = 0) or of φ′(c ± δ) and the difference
 * quotient (k = 1), from φ's terms a_e·δ^e: a_e·δ^e itself; e·a_e·δ^{e−1}
 * for φ′ and a_e·δ^{e−1} for the quotient, for e ≠ 0 (the constant term
 * cancels); for the quotient, with the jump term δ^{−1} too when a faster
 * divergence leads (it is then among the terms removed).
 */
function shifted(exponents: readonly Q.Rational[], sizes: readonly number[], k: 0 | 1, quotient?: { readonly jump: number }): Expansion {
  const terms = exponents.map((e, i): Term => ({ e, size: sizes[i] ?? 0 }));
  if (k === 0) return expansionOf(terms);
  const moved = terms
    .filter((t) => !Q.isZero(t.e))
    .map((t): Term => ({ e: Q.sub(t.e, Q.ONE), size: quotient ? t.size : Math.abs(Q.toNumber(t.e)) * t.size }));
  if (!quotient) return expansionOf(moved);
  // The quotient's jump term (lim φ − φ(c))/δ: it leads where φ jumps, however little (½e^{−30}).
  const expansion = expansionOf(moved);
  return quotient.jump > 0 || expansion.leading < -1 ? expansionOf([...moved, { e: Q.rat(-1), size: quotient.jump }]) : expansion;
}

/**
 * Could the claimed divergence show at all? Its increment from one sample to
 * the next, |a|·δ^γ·(2^{−γ} − 1) at δ, against the rounding of the two
 * samples: e^{−30}·δ^{−½} beside a slope of 1 stays below 10⁻⁹ while the
 * quotients round to 10⁻⁷, so no δ a double can hold shows it, and samples
 * that do not grow say nothing against it.
 */
function couldShow(expansion: Expansion, steps: readonly number[], rounding: readonly number[]): boolean {
  const g = expansion.leading;
  if (!(g < 0) || !(expansion.leadingSize > 0)) return true;
  return steps.some((d, k) => k + 1 < steps.length && expansion.leadingSize * d ** g * (2 ** -g - 1) > SAFETY * (rounding[k]! + rounding[k + 1]!));
}

/**
 * Is a claimed divergence of g(c ± δ) to sign·∞ borne out? Either way:
 * - growth (`divergesTo`): halving δ beyond the usual sequence, as long as c ± δ
 *   stays clear of the uncertainty of c, until the last four samples grow with
 *   the claimed sign, beyond rounding and not like a convergent sequence (a
 *   jump of 0.001 beside a slope of −200 turns the quotient up only below
 *   δ = 5·10⁻⁶);
 * - a jump (one-sided quotients only, `numerators` the differences
 *   φ(c ± δ) − φ(c)): the differences tend to a limit J that the extrapolated
 *   estimate resolves from 0; then the quotient is J/(±δ) + O(1) and diverges
 *   with the sign of ±J whatever the slope beside it, however small J is;
 * - the leading term (leadingTerm.ts): with the exponents of the one-sided
 *   expansion known, the terms above the divergent δ^γ₀ are differenced out
 *   and the sign of what is left decides (½·δ^{−½} beside a slope of 10¹¹
 *   never shows as growth beyond rounding).
 * Growth that never shows, with no resolved jump or leading term, or either
 * of the wrong sign, contradicts the claim; unless no sample is resolved from 0 at
 * all (confirmed: null): then rounding dominates and the numbers say nothing,
 * as for a finite claim whose tolerance exceeds its size (evidence.ts).
 */
/**
 * The samples were still moving toward ±∞ when rounding took over: the last
 * increments larger than their rounding do not shrink (a divergence like δ^{−¼}
 * behind a large smooth slope, as in |t|^{1/4} − (t + 20)⁸, grows by 2^{¾} per
 * halving; a convergent quotient's increments halve). Then the samples neither
 * confirm nor refute the claim.
 */
function stillGrowing(samples: readonly number[], rounding: readonly number[], sign: 1 | -1): boolean {
  const increments: number[] = [];
  for (let k = 0; k + 1 < samples.length; k++) {
    const d = (samples[k + 1]! - samples[k]!) * sign;
    if (Math.abs(d) > SAFETY * (rounding[k]! + rounding[k + 1]!)) increments.push(d);
  }
  const [a, b] = increments.slice(-2);
  return a !== undefined && b !== undefined && a > 0 && b >= a;
}

function divergence(
  a: Approach,
  sampler: Sampler,
  sign: 1 | -1,
  expansion: Expansion,
  numerators?: Sampler,
): { confirmed: boolean | null; last: number; steps: number[]; evidence?: DivergenceEvidence } {
  const steps = [...a.steps];
  const { samples, rounding } = sampler(steps);
  const floor = Math.max(steps[0]! * 2 ** (1 - DIVERGENCE_STEPS), DIVERGENCE_ROOM * (u * Math.abs(a.c) + a.cError));
  while (!divergesTo(samples, sign, rounding) && steps.length < DIVERGENCE_STEPS && lastOf(steps) / 2 >= floor) {
    const delta = lastOf(steps) / 2;
    const next = sampler([delta]);
    if (!Number.isFinite(next.samples[0]!) || !Number.isFinite(next.rounding[0]!)) break;
    steps.push(delta);
    samples.push(next.samples[0]!);
    rounding.push(next.rounding[0]!);
  }
  const grows = divergesTo(samples, sign, rounding);
  if (!grows && numerators) {
    const n = numerators(a.steps);
    const jump = extrapolate(n.samples, n.rounding);
    if (Math.abs(jump.value) > jump.tolerance) {
      const evidence = { kind: 'jump', at: a.text, value: jump.value, tolerance: jump.tolerance } as const;
      return { confirmed: Math.sign(jump.value) * a.side === sign, last: lastOf(samples), steps, evidence };
    }
  }
  // Only a leading term of negative exponent diverges; otherwise the exponents contradict the claim and the samples alone decide.
  if (!grows && expansion.exponents.length > 0 && expansion.leading < 0) {
    const leading = leadingSign(samples, rounding, expansion.leading, expansion.exponents);
    if (leading !== null) {
      const evidence = { kind: 'leading-term', exponent: expansion.leadingText, sign: leading } as const;
      return { confirmed: leading === sign, last: lastOf(samples), steps, evidence };
    }
  }
  // Not informative: every sample is within its rounding of 0 (and not all exactly 0, which would say φ is flat).
  const unresolved = samples.every((q, k) => Math.abs(q) <= SAFETY * rounding[k]!) && samples.some((q) => q !== 0);
  // Rounding took over at the finest step (1 + δ⁸ = 1 in doubles): the tail says nothing either.
  // (An exact 0 with no rounding is information: φ is flat there.)
  const tailUnresolved = lastOf(rounding) > 0 && Math.abs(lastOf(samples)) <= SAFETY * lastOf(rounding);
  const inconclusive = unresolved || tailUnresolved || stillGrowing(samples, rounding, sign) || !couldShow(expansion, steps, rounding);
  return { confirmed: grows ? true : inconclusive ? null : false, last: lastOf(samples), steps };
}

/**
 * Below this rate δ^β the samples at δ = 2^-6 … 2^-17 move by less than a few
 * per cent and cannot show the limit (|t|^(1+10⁻²⁰) has slope 0 at 0, yet every
 * sampled quotient is ±1): such a limit is not checked rather than failed.
 */
const SLOWEST_OBSERVABLE_RATE = 0.005;

/**
 * How fast the k-th derivative approaches its limit (or diverges): like u^{±β},
 * β the smallest |e − k| over the expansion's exponents e ≠ k, leaving out
 * integers below k (those terms vanish after k derivatives).
 */
function approachRate(exponents: readonly Q.Rational[], k: number): number {
  const order = Q.rat(k);
  const gaps = exponents
    .filter((e) => Q.compare(e, order) > 0 || (Q.compare(e, order) < 0 && !Q.isInteger(e)))
    .map((e) => Math.abs(Q.toNumber(Q.sub(e, order))));
  return Math.min(Infinity, ...gaps);
}

/** Steps below this lose precision to gradual underflow (doubles are normal down to 2^-1022). */
const SMALLEST_STEP = 2 ** -1000;

/** φ and φ′ approach their one-sided limits at c fast enough for samples to show them. */
export const observable = (b: BreakpointAnalysis): boolean =>
  [b.leftExponents, b.rightExponents].every((e) => approachRate(e, 0) >= SLOWEST_OBSERVABLE_RATE && approachRate(e, 1) >= SLOWEST_OBSERVABLE_RATE);

/** A check on one-sided samples, given the claimed limit. */
type LimitCheck = (
  limit: ClaimedLimit,
) =>
  | { readonly kind: 'value'; readonly claim: LimitClaim }
  | { readonly kind: 'derivative-continuity'; readonly claim: LimitClaim }
  | { readonly kind: 'one-sided'; readonly claim: OneSidedDerivativeClaim };

/** Compares samples approaching a limit with the symbolic limit; returns the estimate when the claim is finite. */
function checkLimit(
  a: Approach,
  check: LimitCheck,
  limit: Limit | undefined,
  sampler: Sampler,
  rate: number,
  expansion: Expansion,
  slope?: SlopeSource,
  numerators?: Sampler,
): Estimate | undefined {
  if (!limit || limit.kind === 'unknown' || rate < SLOWEST_OBSERVABLE_RATE) return undefined;
  const point = (steps: readonly number[], divergence?: DivergenceEvidence): SequencePoint => ({
    kind: 'sequence',
    at: a.text,
    side: a.side,
    steps: { first: steps[0]!, last: lastOf(steps) },
    ...(slope && { slope }),
    ...(divergence && { divergence }),
  });
  const claimed = check(claimedLimit(limit));
  let estimate: Estimate | undefined;
  if (limit.kind === 'infinite') {
    const d = divergence(a, sampler, limit.sign, expansion, numerators);
    if (d.confirmed !== null) a.builder.divergence({ ...claimed, point: point(d.steps, d.evidence) }, limit.sign, d.last, d.confirmed);
  } else {
    const symbolic = approximation(limit.value);
    const { samples, rounding } = sampler(a.steps);
    estimate = extrapolate(samples, rounding);
    a.builder.compare({ ...claimed, point: point(a.steps) }, {
      symbolic: symbolic.value,
      numeric: estimate.value,
      tolerance: estimate.tolerance + SAFETY * u * Math.abs(symbolic.value) + symbolic.error,
      scale: estimate.scale,
      claimError: symbolic.error,
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
  readonly source: SlopeSource;
}

/** The limit of φ, the one-sided derivative and the limit of φ′ from one side; returns the derivative estimate. */
function checkSide(a: Approach, b: BreakpointAnalysis, phi: Compiled, value: Approximation, slope: Slope): Estimate | undefined {
  const { text, side } = a;
  const limits = side < 0 ? b.leftLimits : b.rightLimits;
  const exponents = side < 0 ? b.leftExponents : b.rightExponents;
  const sizes = side < 0 ? b.leftSizes : b.rightSizes;
  const near = sampleAt(phi, a);
  const limitOf =
    (of: LimitClaim['of']) =>
    (limit: ClaimedLimit): LimitClaim => ({ kind: 'limit', of, at: text, side, limit });
  const valueCheck: LimitCheck = (limit) => ({ kind: 'value', claim: limitOf('φ')(limit) });
  checkLimit(a, valueCheck, limits[0], near, approachRate(exponents, 0), shifted(exponents, sizes, 0));

  // φ(c ± δ) − φ(c), with φ(c) to within value.error (see reference).
  const numerators: Sampler = (deltas) => {
    const n = near(deltas);
    return { samples: n.samples.map((v) => v - value.value), rounding: n.rounding.map((r) => r + value.error) };
  };
  const quotients: Sampler = (deltas) => {
    const n = numerators(deltas);
    return { samples: n.samples.map((v, k) => v / (side * deltas[k]!)), rounding: n.rounding.map((r, k) => r / deltas[k]!) };
  };
  const claimed = side < 0 ? b.leftDerivative : b.rightDerivative;
  const rate = approachRate(exponents, 1);
  const derivativeCheck: LimitCheck = (value) => ({ kind: 'one-sided', claim: { kind: 'one-sided-derivative', at: text, side, value } });
  const limit = limits[0];
  const jump = limit?.kind === 'finite' ? Math.abs(approximate(P.sub(limit.value, b.value))) : 0;
  const derivative = checkLimit(a, derivativeCheck, claimed, quotients, rate, shifted(exponents, sizes, 1, { jump }), undefined, numerators);

  const continuityCheck: LimitCheck = (limit) => ({ kind: 'derivative-continuity', claim: limitOf('φ′')(limit) });
  checkLimit(a, continuityCheck, limits[1], sampleAt(slope, a), rate, shifted(exponents, sizes, 1), slope.source);
  return derivative;
}

/**
 * φ(c) for the difference quotients, with a bound on its error: the exact
 * value's double (its enclosure error, plus u·|φ(c)| for the subtraction), or,
 * where c is a double, φ evaluated there (the kernels take the symbolic value
 * at switching points), whichever bound is smaller. A value formed by
 * cancellation, such as log(101)² − 4·log(101)·log(10) + 4·log(10)² ≈ 10⁻⁴,
 * has an enclosure error near 10⁻¹³, which the quotients divide by δ; the
 * evaluation of φ at c errs by about u·|φ(c)|. The 'value' check compares the
 * two.
 */
function referenceValue(phi: Compiled, c: number, exact: boolean, value: Approximation): Approximation {
  const symbolic = { value: value.value, error: value.error + u * Math.abs(value.value), exact: false };
  if (!exact) return symbolic;
  const evaluated = { value: phi.fn(c), error: SAFETY * phi.bound(c, 0) + u * Math.abs(value.value), exact: false };
  return evaluated.error < symbolic.error && Number.isFinite(evaluated.value) ? evaluated : symbolic;
}

export function checkBreakpoints(subject: BreakpointSubject, builder: EvidenceBuilder, breakpointDone: () => void): void {
  const phi = compiled(subject.phi);
  const gradient = subject.gradient;
  const psi = gradient && { ...compiled(gradient.psi), source: { kind: 'claimed-gradient', formula: printText(gradient.psi) } as const };
  const { breakpoints, derivativePieces, piecewise } = subject.entry;
  const kinks = breakpoints.map((b) => approximation(b.at));
  const { period } = piecewise;
  // A periodic φ claims the same at every member of a family: a few members are checked besides the residue.
  const members = (c: Poly): Poly[] => (period ? FAMILY_MEMBERS.map((k) => P.add(c, P.scale(period, Q.rat(k)))) : [c]);

  breakpoints.forEach((b, i) => {
    for (const member of members(b.at)) checkBreakpoint(b, i, member);
    breakpointDone();
  });

  function checkBreakpoint(b: BreakpointAnalysis, i: number, member: Poly): void {
    const { value: c, error: cError, exact } = approximation(member);
    const text = exactText(member);
    const value = approximation(b.value);

    if (exact) {
      const at = { kind: 'at', at: text } as const;
      builder.compare({ kind: 'value', claim: { kind: 'value', at: text, value: exactText(b.value) }, point: at }, {
        symbolic: value.value,
        numeric: phi.fn(c),
        tolerance: SAFETY * (phi.bound(c, 0) + u * Math.abs(value.value)) + value.error,
        scale: 0,
        claimError: value.error,
      });
      builder.endGroup();
    }

    const reference = referenceValue(phi, c, exact, value);
    const own = kinks[i]!.value;
    const gap = Math.min(i > 0 ? own - kinks[i - 1]!.value : Infinity, i + 1 < kinks.length ? kinks[i + 1]!.value - own : Infinity, period ? approximate(period) - (kinks.at(-1)!.value - kinks[0]!.value) : Infinity);
    const first = powerOfTwoAtMost(Math.min(FIRST_STEP * Math.max(1, Math.abs(c)), gap / 4));
    // Breakpoints closer than doubles resolve (1e-320 apart): every step would be subnormal or 0.
    if (!(first * 2 ** (1 - STEPS) >= SMALLEST_STEP)) return;
    const steps = Array.from({ length: STEPS }, (_, k) => first * 2 ** -k);
    // φ′ near c: the claimed gradient when there is one, else the derivative of the piece on that side.
    const slope = (piece: Scalar): Slope => psi ?? { ...compiled(piece), source: { kind: 'piece-derivative', formula: printText(piece) } };
    const from = (side: Side): Approach => ({ c, cError, text, side, steps, builder });
    const left = checkSide(from(-1), b, phi, reference, slope(derivativePieces[i]!.display));
    const right = checkSide(from(1), b, phi, reference, slope(derivativePieces[i + 1]!.display));

    if (b.differentiable === true && left && right) {
      builder.compare({ kind: 'one-sided', claim: { kind: 'differentiable', at: text }, point: { kind: 'at', at: text } }, {
        symbolic: 0,
        numeric: right.value - left.value,
        tolerance: left.tolerance + right.tolerance,
        scale: Math.max(left.scale, right.scale),
      });
      builder.endGroup();
      if (gradient && psi && exact) {
        const g = psi.fn(c);
        const gError = psi.bound(c, 0);
        const claim = { kind: 'gradient', formula: gradient.formula } as const;
        builder.compare({ kind: 'gradient-entry', claim, point: { kind: 'breakpoint-entry', at: text } }, {
          symbolic: g,
          numeric: (left.value + right.value) / 2,
          tolerance: (left.tolerance + right.tolerance) / 2 + SAFETY * gError,
          scale: Math.max(left.scale, right.scale),
          claimError: gError,
        });
        builder.endGroup();
      }
    }
  }
}
