/**
 * Checks of a claimed gradient ∇f = ψ(X) (entry-wise) at the test points:
 * eight Rademacher directions and one Gaussian direction per point by
 * extrapolated central differences, all nine from one fused pass per point
 * (compile.ts), and for small matrices every partial derivative. Entries
 * within 8h of a kink (`kinkMargin`) are left out of the directional tests
 * and skipped entry by entry (the step is not moved), so
 * no difference straddles a kink; the value of ψ on a breakpoint itself is
 * checked by the breakpoint checks.
 */
import type { Scalar } from '../symbolic/index.js';
import type { DirectionPoint, GradientClaim as ClaimedGradient, Notation, TestMatrix } from './checkRecord.js';
import { compiled, compileEntry, compileFused, compileRoundingBound, directionSums, TOTAL } from './compile.js';
import type { Compiled } from './compile.js';
import { compareDirectional, kinkMargin, kinkSlack, stepFor, UNIT_ROUNDOFF } from './errorModel.js';
import type { DirectionalTotals } from './errorModel.js';
import type { EvidenceBuilder } from './evidence.js';
import { runPasses } from './fusedPasses.js';
import type { TestPoint, TestSet } from './points.js';

export const DIRECTIONS = 8;

/** Entry-by-entry partial derivatives up to this many entries (100×100). */
export const ENTRYWISE_MAX = 100 * 100;

export interface GradientClaim {
  readonly phi: Scalar;
  readonly psi: Scalar;
  /** ψ as a matrix formula, e.g. "2*relu(X)". */
  readonly formula: Notation;
}

export interface Shape {
  readonly rows: number;
  readonly cols: number;
  readonly kinks: readonly number[];
  /** How far each kink's double may be from the exact breakpoint (constants.ts). */
  readonly kinkErrors?: readonly number[];
}

/** Entries of a test matrix sampled for roughness (all of a small one). */
const ROUGHNESS_SAMPLE = 64;

/**
 * Is φ rough at the scale of h near t, by the claim's own account? The
 * central quotient averages φ′ over [t − h, t + h]; where the claimed φ′ = ψ
 * changes there by half its size at one of the steps h/2, h and 2h
 * (sin(e^t) at t = 32 turns over every 10⁻¹³, 3t²·cos(t³) at t = −151 every
 * 10⁻⁴; values some radians apart can line up at one step, not at three), no
 * quotient at these steps can confirm or refute it. A smooth ψ changes by
 * about |ψ′|·s ≪ |ψ|, a wrong smooth claim included; only within 2h of a zero
 * of ψ does a smooth ψ count, and then that entry (or that matrix's
 * directions) is merely left out.
 */
export function rough(psi: Compiled, t: number, h: number): boolean {
  const jumps = [h / 2, h, 2 * h].some((s) => {
    const [a, b, c] = [psi.fn(t - s), psi.fn(t), psi.fn(t + s)];
    return Math.max(Math.abs(a - b), Math.abs(c - b)) > 0.5 * Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
  });
  return jumps || unresolved(psi, t, h);
}

/** Sub-steps 2h·ρ·k/CURVATURE_SAMPLES, k = 1 … CURVATURE_SAMPLES, at which `unresolved` looks. */
const CURVATURE_SAMPLES = 8;
/**
 * ρ = (√5 − 1)/2 keeps the sub-steps off the dyadic steps the quotients take: cos(10¹²t) sampled at
 * multiples of 2⁻²⁰ turns by nearly whole periods and looks smooth there, as it does to the quotients.
 */
const OFF_GRID = 0.6180339887498949;

/**
 * The second test of `rough`, for a small oscillation on a large ψ (sin(u)² − u² at u ≈ 2·10⁵:
 * ψ varies by 10⁻⁵ of its size, period below the step). A central quotient is ψ(t) plus an average
 * of W(s) = ψ(t + s) + ψ(t − s) − 2ψ(t) over its stencil. A smooth ψ has W(s) ≈ ψ″(t)·s²: from
 * s = 2h down it shrinks like s². Where some W(s) is more than 4·(s/2h)² of W(2h) (beyond
 * rounding), ψ is not resolved at step h, and no quotient there can confirm or refute it.
 */
function unresolved(psi: Compiled, t: number, h: number): boolean {
  const center = psi.fn(t);
  const centerError = psi.bound(t, UNIT_ROUNDOFF * Math.abs(t));
  const beyondRounding = (s: number): number => {
    const input = UNIT_ROUNDOFF * (Math.abs(t) + s);
    const rounding = psi.bound(t + s, input) + psi.bound(t - s, input) + 2 * centerError;
    return Math.max(0, Math.abs(psi.fn(t + s) + psi.fn(t - s) - 2 * center) - 2 * rounding);
  };
  const widest = beyondRounding(2 * h);
  for (let k = 1; k <= CURVATURE_SAMPLES; k++) {
    const share = (OFF_GRID * k) / CURVATURE_SAMPLES;
    if (beyondRounding(2 * h * share) > 4 * share * share * widest) return true;
  }
  return false;
}

/** Entries of a point (a sample) where φ is rough at step h, away from the kinks. */
function roughEntries(psi: Compiled, point: TestPoint, h: number, kinks: readonly number[], near: number): Set<number> {
  const { values, factor } = point;
  const at = (i: number): number => factor * values[i]!;
  const step = Math.max(1, Math.floor(values.length / ROUGHNESS_SAMPLE));
  const sample: number[] = [];
  for (let i = 0; i < values.length; i += step) if (!kinks.some((c) => Math.abs(at(i) - c) <= near)) sample.push(i);
  return new Set(sample.filter((i) => rough(psi, at(i), h)));
}

export function checkGradient(
  claim: GradientClaim,
  shape: Shape,
  { points, direction, signs }: TestSet,
  builder: EvidenceBuilder,
  pointDone: () => void,
): void {
  const { rows, cols, kinks } = shape;
  const n = rows * cols;
  const kernels = compileFused(claim.phi, claim.psi, kinks, n);
  const slack = kinkSlack(kinks, shape.kinkErrors);
  const sums = { step1: new Float64Array(DIRECTIONS), step2: new Float64Array(DIRECTIONS), inner: new Float64Array(DIRECTIONS) };
  const entrywiseCheck = n <= ENTRYWISE_MAX ? entrywise(claim, cols, kinks, builder) : undefined;
  // The point itself, written out only for the entry-by-entry checks (small matrices).
  const x = entrywiseCheck ? new Float64Array(n) : undefined;
  const gradient: ClaimedGradient = { kind: 'gradient', formula: claim.formula };
  const record = (matrix: TestMatrix, direction: DirectionPoint['direction'], t: DirectionalTotals, h: number, rough: boolean): void => {
    if (t.used > 0 && !rough) builder.compare({ kind: 'gradient-direction', claim: gradient, point: { kind: 'direction', matrix, direction } }, compareDirectional(t, h));
  };

  const psi = compiled(claim.psi);
  const steps = points.map((point) => {
    const h = stepFor(point.scale);
    return { h, reach: kinkMargin(h) };
  });
  const passes = runPasses(
    kernels,
    { d: direction.values, shift: direction.shift, signs, slack },
    points.map((point, i) => ({ values: point.values, factor: point.factor, ...steps[i]! })),
  );
  points.forEach((point, i) => {
    const { h, reach } = steps[i]!;
    const { buckets, totals } = passes[i]!;
    // Directions sum over every entry: one rough entry leaves them nothing to say at this matrix.
    const roughHere = roughEntries(psi, point, h, kinks, reach + slack);
    const shared = {
      phiError: totals[TOTAL.phiError]!,
      differences: totals[TOTAL.differences]!,
      gradientError: totals[TOTAL.gradientError]!,
      gradient: totals[TOTAL.gradient]!,
      used: totals[TOTAL.used]!,
    };
    directionSums(buckets, DIRECTIONS, sums);
    for (let j = 0; j < DIRECTIONS; j++) {
      const t = { ...shared, step1: sums.step1[j]!, step2: sums.step2[j]!, inner: sums.inner[j]! };
      record(point.matrix, { kind: 'rademacher', index: j + 1, count: DIRECTIONS }, t, h, roughHere.size > 0);
    }
    builder.endGroup();
    const gaussian: DirectionalTotals = {
      step1: totals[TOTAL.step1]!,
      step2: totals[TOTAL.step2]!,
      inner: totals[TOTAL.inner]!,
      phiError: totals[TOTAL.gaussianPhiError]!,
      differences: totals[TOTAL.gaussianDifferences]!,
      gradientError: totals[TOTAL.gaussianGradientError]!,
      gradient: totals[TOTAL.gaussianGradient]!,
      used: totals[TOTAL.used]!,
    };
    record(point.matrix, { kind: 'gaussian' }, gaussian, h, roughHere.size > 0);
    builder.endGroup();

    if (entrywiseCheck && x) {
      point.fill(x);
      entrywiseCheck(x, point.matrix, h, reach + slack, roughHere);
    }
    pointDone();
  });
}

/**
 * A check of ∂f/∂x_ij = ψ(x_ij) for every entry of a point, away from the
 * kinks; f is separable, so the partial difference quotient is φ's.
 */
type EntrywiseCheck = (x: Float64Array, matrix: TestMatrix, h: number, near: number, rough: ReadonlySet<number>) => void;

function entrywise(claim: GradientClaim, cols: number, kinks: readonly number[], builder: EvidenceBuilder): EntrywiseCheck {
  const phi = compileEntry(claim.phi);
  const psi = compileEntry(claim.psi);
  const phiBound = compileRoundingBound(claim.phi);
  const psiBound = compileRoundingBound(claim.psi);
  const gradient: ClaimedGradient = { kind: 'gradient', formula: claim.formula };
  return (x, matrix, h, near, rough) => {
    x.forEach((t, i) => {
      if (kinks.some((c) => Math.abs(t - c) <= near) || rough.has(i)) return;
      const a1 = phi(t + h);
      const b1 = phi(t - h);
      const g = psi(t);
      const totals: DirectionalTotals = {
        step1: a1 - b1,
        step2: phi(t + 2 * h) - phi(t - 2 * h),
        inner: g,
        phiError: phiBound(t, UNIT_ROUNDOFF * (Math.abs(t) + 2 * h)),
        differences: Math.abs(a1 - b1),
        gradientError: psiBound(t, 0),
        gradient: Math.abs(g),
        used: 1,
      };
      const point = { kind: 'entry', matrix, row: Math.floor(i / cols) + 1, col: (i % cols) + 1, value: t } as const;
      builder.compare({ kind: 'gradient-entry', claim: gradient, point }, compareDirectional(totals, h));
    });
    builder.endGroup();
  };
}
