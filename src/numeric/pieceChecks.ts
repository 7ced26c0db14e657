/**
 * Checks of every claimed smooth piece on its own open interval, against φ
 * evaluated from the original expression (never from the claimed pieces):
 * - at seeded probe points inside the interval, the claimed piece's value
 *   against φ, and the claimed φ′ against extrapolated central differences of
 *   φ whose stencil stays inside the interval (a claimed value that is not
 *   finite where φ is fails);
 * - at every zero of a switch argument of φ (switches.ts) inside the interval,
 *   that φ and φ′ do not jump there: the gaps φ(p + δ) − φ(p − δ) and
 *   φ′(p + δ) − φ′(p − δ) must close as δ shrinks by 16 each step, as they do
 *   (by 16 or more) where φ is smooth. A gap resolved above rounding that does
 *   not shrink down to the resolution of doubles at p is a kink (or jump, or
 *   cusp) the analysis lost, and the check fails. A gap within rounding says
 *   nothing and is not counted.
 */
import { approximate, exactText, intervalBounds, printText } from '../symbolic/index.js';
import type { EntryAnalysis, Scalar } from '../symbolic/index.js';
import type { OpenInterval, PieceClaim } from './checkRecord.js';
import { rough } from './gradientChecks.js';
import { compiled } from './compile.js';
import type { Compiled } from './compile.js';
import { approximation } from './constants.js';
import type { Approximation } from './constants.js';
import { extrapolate, powerOfTwoAtMost, SAFETY, UNIT_ROUNDOFF } from './errorModel.js';
import type { EvidenceBuilder } from './evidence.js';
import { Rng } from './rng.js';
import { zeroCandidates } from './switches.js';

const u = UNIT_ROUNDOFF;
/** Stream of Rng for the probe points (rng.ts and subgradientChecks.ts use 1–3 and 11–13). */
const STREAM_PROBES = 21;
/** Halvings of the central-difference step at a probe point, from FIRST_STEP·max(1, |q|). */
const STEPS = 12;
const FIRST_STEP = 2 ** -6;
/** A probe keeps this relative distance from the ends of its interval at least. */
const MIN_ROOM = 2 ** -30;
/** Offsets of probes from a finite end, in units of max(1, |end|); plus one seeded offset. */
const END_OFFSETS = [1 / 2, 5 / 2, 30, 1000] as const;
/** Copies of a probe tried for a periodic φ, in periods away from it. */
const PERIOD_SHIFTS = [0, 1, -3, 16] as const;
/** Ordinary points probed in whichever interval holds them. */
const ORDINARY = [0, 0.75, -0.75, 1.5, -1.5, 7, -7] as const;
/** Gap sequences: δ shrinks by this factor per level, down to RESOLUTION·u·|p|, at most LEVELS levels. */
const SHRINK = 16;
const RESOLUTION = 2 ** 12;
const LEVELS = 260;
/** Rounding that takes over below this relative δ ends a steady gap as a kink (see gapSequence). */
const DEEP = 2 ** -40;
/** Values of φ above this are far from where the underflow floor (2⁻⁹⁶⁰, or 2⁻⁴⁸⁰ after a square root) matters. */
const NORMAL_SIZE = 2 ** -400;
/** Where φ is smooth its gaps shrink by SHRINK or more per level: keeping at most KEEPS of the gap is shrinking… */
const KEEPS = 1 / 8;
/** …and keeping more than STEADY is a gap that does not close (a kink keeps about all of it; a feature of a smooth φ just resolved keeps less). */
const STEADY = 1 / 2;


interface Interval {
  readonly lo: Approximation | undefined;
  readonly hi: Approximation | undefined;
  readonly ends: OpenInterval;
  readonly value: Scalar;
  readonly derivative: Scalar;
}

export interface PieceSubject {
  readonly phi: Scalar;
  readonly entry: EntryAnalysis;
  readonly seed: number;
}

/** One unit of progress per claimed interval. */
export const pieceSteps = (entry: EntryAnalysis): number => entry.breakpoints.length + 1;

function intervals(entry: EntryAnalysis): Interval[] {
  const { breakpoints, period } = entry.piecewise;
  return entry.derivativePieces.map((d, i) => {
    const { lo, hi } = intervalBounds(breakpoints, i, period);
    return {
      lo: lo && approximation(lo),
      hi: hi && approximation(hi),
      ends: { ...(lo && { lo: exactText(lo) }), ...(hi && { hi: exactText(hi) }), ...(period && { period: exactText(period) }) },
      value: entry.piecewise.pieces[i]!.display,
      derivative: d.display,
    };
  });
}

/** How far t is known to be inside the interval (≤ 0: outside, or too close to an end to tell). */
function room(t: number, { lo, hi }: Interval): number {
  const gap = (end: Approximation | undefined, side: 1 | -1): number =>
    end === undefined ? Infinity : side * (t - end.value) - (end.error + u * Math.abs(end.value));
  return Math.min(gap(lo, 1), gap(hi, -1));
}

function probes(iv: Interval, rng: Rng): number[] {
  const seeded = 0.1 + Math.abs(gaussian(rng));
  const points: number[] = [];
  const { lo, hi } = iv;
  if (lo && hi) points.push(lo.value + (hi.value - lo.value) / 2, lo.value + (hi.value - lo.value) * (0.1 + 0.8 * rng.uniform()));
  else
    for (const s of [...END_OFFSETS, seeded]) {
      if (lo) points.push(lo.value + s * Math.max(1, Math.abs(lo.value)));
      if (hi) points.push(hi.value - s * Math.max(1, Math.abs(hi.value)));
      if (!lo && !hi) points.push(seeded * s, -s);
    }
  points.push(...ORDINARY);
  return [...new Set(points)].filter((t) => Number.isFinite(t) && room(t, iv) > MIN_ROOM * Math.max(1, Math.abs(t)));
}

function gaussian(rng: Rng): number {
  const z = new Float64Array(1);
  rng.fillGaussian(z);
  return z[0]!;
}

export function checkPieces(subject: PieceSubject, builder: EvidenceBuilder, intervalDone: () => void): void {
  const phi = compiled(subject.phi);
  const rng = new Rng(subject.seed, STREAM_PROBES);
  const candidates = zeroCandidates(subject.phi);
  const period = subject.entry.piecewise.period;
  const shifts = period ? PERIOD_SHIFTS.map((k) => k * approximate(period)) : [0];
  for (const iv of intervals(subject.entry)) {
    const value = compiled(iv.value);
    const slope = compiled(iv.derivative);
    // A periodic claim covers every copy of the interval: each probe is also tried a few periods away.
    const at = probes(iv, rng).flatMap((q) => shifts.map((s) => ({ q: q + s, space: room(q, iv) })));
    const valueClaim: PieceClaim = { kind: 'piece', of: 'φ', formula: printText(iv.value), interval: iv.ends };
    for (const { q } of at) checkValue(phi, value, q, valueClaim, builder);
    builder.endGroup();
    const slopeClaim: PieceClaim = { kind: 'piece', of: 'φ′', formula: printText(iv.derivative), interval: iv.ends };
    for (const { q, space } of at) checkSlope(phi, slope, q, space, slopeClaim, builder);
    builder.endGroup();
    const inside = candidates.filter((p) => room(p, iv) > MIN_ROOM * Math.max(1, Math.abs(p)));
    // Stencils around p stay clear of the other candidates too: zeros at ±1e-10 need steps below 1e-10.
    const neighbours = (p: number): number => Math.min(...candidates.filter((c) => c !== p).map((c) => Math.abs(c - p)));
    for (const p of inside) checkSmooth(phi, p, Math.min(room(p, iv), neighbours(p)), iv.ends, builder);
    builder.endGroup();
    intervalDone();
  }
}

function checkValue(phi: Compiled, piece: Compiled, q: number, claim: PieceClaim, builder: EvidenceBuilder): void {
  const claimed = piece.fn(q);
  const claimError = piece.bound(q, 0);
  builder.compare({ kind: 'piece-value', claim, point: { kind: 'probe', t: q } }, {
    symbolic: claimed,
    numeric: phi.fn(q),
    tolerance: SAFETY * (claimError + phi.bound(q, 0)),
    scale: 0,
    claimError,
  });
}

/** The claimed φ′(q) against R = extrapolated central differences (φ(q + h) − φ(q − h))/2h, h halving, q ± h inside the interval. */
function checkSlope(phi: Compiled, piece: Compiled, q: number, space: number, claim: PieceClaim, builder: EvidenceBuilder): void {
  const first = powerOfTwoAtMost(Math.min(FIRST_STEP * Math.max(1, Math.abs(q)), space / 4));
  if (!(first > 0)) return;
  const steps = Array.from({ length: STEPS }, (_, k) => first * 2 ** -k);
  const samples = steps.map((h) => (phi.fn(q + h) - phi.fn(q - h)) / (2 * h));
  const rounding = steps.map((h) => {
    const input = u * (Math.abs(q) + h);
    return (phi.bound(q + h, input) + phi.bound(q - h, input)) / (2 * h);
  });
  // By the claim's own account φ is rough at the finest step (sin(10t²) at t = 343): the quotients say nothing.
  if (rough(piece, q, steps[STEPS - 1]!)) return;
  const estimate = extrapolate(samples, rounding);
  const claimed = piece.fn(q);
  const claimError = piece.bound(q, 0);
  // The slope φ's own size implies, so that samples that are all 0 within a large rounding bound count as uninformative.
  const natural = (Math.abs(phi.fn(q)) + SAFETY * phi.bound(q, 0)) / Math.max(1, Math.abs(q));
  const where = { kind: 'central-differences', t: q, steps: { first, last: steps[STEPS - 1]! } } as const;
  builder.compare({ kind: 'piece-derivative', claim, point: where }, {
    symbolic: claimed,
    numeric: estimate.value,
    tolerance: estimate.tolerance + SAFETY * (claimError + u * Math.abs(claimed)),
    scale: Math.max(estimate.scale, Number.isFinite(natural) ? natural : 0),
    claimError,
  });
}

/** A quantity on both sides of p: its gap (right − left), a bound on the gap's rounding, and the largest |φ| it used. */
type Gap = (delta: number) => { gap: number; error: number; size: number };

function checkSmooth(phi: Compiled, p: number, space: number, interval: OpenInterval, builder: EvidenceBuilder): void {
  const values: Gap = (delta) => {
    const input = u * (Math.abs(p) + delta);
    const a = phi.fn(p + delta);
    const b = phi.fn(p - delta);
    return { gap: a - b, error: phi.bound(p + delta, input) + phi.bound(p - delta, input), size: Math.max(Math.abs(a), Math.abs(b)) };
  };
  const derivative = (y: number, eta: number): { d: number; e: number; size: number } => {
    const input = u * (Math.abs(y) + eta);
    const a = phi.fn(y + eta);
    const b = phi.fn(y - eta);
    return { d: (a - b) / (2 * eta), e: (phi.bound(y + eta, input) + phi.bound(y - eta, input)) / (2 * eta), size: Math.max(Math.abs(a), Math.abs(b)) };
  };
  const slopes: Gap = (delta) => {
    const right = derivative(p + delta, delta / 8);
    const left = derivative(p - delta, delta / 8);
    return { gap: right.d - left.d, error: right.e + left.e, size: Math.max(right.size, left.size) };
  };
  const first = powerOfTwoAtMost(Math.min(FIRST_STEP * Math.max(1, Math.abs(p)), space / 4));
  if (!(first > 0)) return;
  const floor = Math.max(RESOLUTION * u * Math.abs(p), 2 ** -1000);
  for (const [property, of, gapOf] of [
    ['continuous', 'φ', values],
    ['differentiable', 'φ′', slopes],
  ] as const) {
    const seen = gapSequence(gapOf, first, floor, DEEP * Math.max(1, Math.abs(p)));
    if (seen.verdict === undefined) continue;
    const claim = { kind: 'smooth', property, t: p, interval } as const;
    const point = { kind: 'gap', t: p, of, steps: { first, last: seen.last }, shrink: SHRINK } as const;
    builder.verdict({ kind: 'piece-smoothness', claim, point }, 0, seen.gap, seen.verdict);
  }
}

/**
 * Follows a gap as δ shrinks: smooth (true) once it keeps at most KEEPS of
 * itself at two levels in a row while resolved above rounding; not smooth
 * (false) when it is resolved and keeps more than STEADY at the last three levels
 * before the resolution of doubles ends the sequence: the floor, or rounding
 * of φ's own values taking over below δ = DEEP·max(1, |p|) (exp(relu(t)) at
 * 0: exp(η) rounds to 1 once η < 10⁻¹⁶). A feature of a smooth φ narrower
 * than that is beyond what doubles resolve there. Where φ's values are below
 * NORMAL_SIZE the rounding bounds may be the underflow floor of emit.ts (which
 * hides sqrt(t² + 10⁻³⁰⁰) from δ = 10⁻¹⁴⁴ on, above its feature at 10⁻¹⁵⁰):
 * rounding that takes over there ends the sequence undecided.
 */
function gapSequence(gapOf: Gap, first: number, floor: number, deep: number): { verdict: boolean | undefined; gap: number; last: number } {
  const gaps: number[] = [];
  const steady = (): boolean => {
    const n = gaps.length;
    return n >= 3 && [n - 1, n - 2].every((k) => gaps[k]! > STEADY * gaps[k - 1]!);
  };
  let delta = first;
  for (let level = 0; level < LEVELS && delta >= floor; level++, delta /= SHRINK) {
    const { gap, error, size } = gapOf(delta);
    if (!Number.isFinite(gap) || !Number.isFinite(error) || Math.abs(gap) <= SAFETY * error) {
      const last = delta * SHRINK;
      const resolution = Number.isFinite(error) && size > NORMAL_SIZE;
      return { verdict: last <= deep && resolution && steady() ? false : undefined, gap: gaps[gaps.length - 1] ?? gap, last };
    }
    gaps.push(Math.abs(gap));
    const n = gaps.length;
    const shrinking = (k: number): boolean => gaps[k]! <= KEEPS * gaps[k - 1]!;
    if (n >= 3 && shrinking(n - 1) && shrinking(n - 2)) return { verdict: true, gap, last: delta };
  }
  return { verdict: steady() ? false : undefined, gap: gaps[gaps.length - 1] ?? 0, last: delta * SHRINK };
}
