/**
 * Numeric confirmation of the claimed subdifferential (symbolic/subdifferential.ts).
 * - At every breakpoint c, for either kind: lo and hi are the limits of φ′
 *   from the two sides (Clarke, Optimization and Nonsmooth Analysis, Thm 2.5.1),
 *   φ′ estimated by extrapolated central differences at c ± δ, δ halving;
 *   which end each side gives is part of the claim (lo = φ′₋ unless the
 *   Fréchet subdifferential is claimed empty).
 * - Convex f, at seeded matrices with entries exactly on breakpoints (where the
 *   breakpoint is a double): the one-sided directional derivative
 *   f′(X; D) = lim_{h→0⁺} (f(X+hD) − f(X))/h equals the support function
 *   σ_{∂f(X)}(D) = Σ max(lo·d, hi·d) (Rockafellar, Convex Analysis, Thm 23.4),
 *   and f(Y) − f(X) ≥ ⟨G, Y − X⟩ for corners and random points G of the box
 *   ∂f(X) and Y near and far.
 * f is separable, so f(X+hD) − f(X) is summed entry by entry (equal in exact
 * arithmetic, without cancelling two sums of size n·|φ|), and the matrix
 * checks use at most BLOCK entries of X: D and Y − X vanish on the rest.
 */
import { exactText, P } from '../symbolic/index.js';
import type { BreakpointSet, Scalar, Subdifferential } from '../symbolic/index.js';
import type { DisplacementPoint, NamedSet, NamedSets, SubgradientMatrix, SupportDirectionPoint } from './checkRecord.js';
import { compiled } from './compile.js';
import type { Compiled } from './compile.js';
import { approximation } from './constants.js';
import { extrapolate, powerOfTwoAtMost, SAFETY, UNIT_ROUNDOFF } from './errorModel.js';
import type { Comparison, Estimate } from './errorModel.js';
import type { EvidenceBuilder } from './evidence.js';
import { Rng } from './rng.js';

const u = UNIT_ROUNDOFF;
/** Matrix checks use the first BLOCK entries (row-major) of X at most. */
export const BLOCK = 64;
/** Halvings per sequence, from FIRST_STEP·max(1, |c|) (as the breakpoint checks). */
const STEPS = 12;
const FIRST_STEP = 2 ** -6;
/** A direction's first step is at least this (times max(1, |x|)); entries with less room to a breakpoint are left out. */
const MIN_FIRST_STEP = 2 ** -12;
/** Entries off the breakpoints sit at c ± (ROOM + |z|)·max(1, |c|), z ~ N(0, 1): room for the difference steps. */
const ROOM = 1 / 8;
const RADEMACHER = 3;
const GAUSSIAN = 3;
/** Y = X + s·Z, Z ~ N(0, 1): near, unit and far. */
const Y_SCALES = [2 ** -8, 1, 32] as const;
/** Breakpoint sets named in a matrix check's claim; the rest are counted. */
const CLAIM_SETS = 4;
/** Streams of Rng beyond rng.ts's STREAM (1–3), so these checks never shift the gradient checks' numbers. */
const STREAM = { placement: 11, directions: 12, subgradients: 13 } as const;

export type KnownSubdifferential = Extract<Subdifferential, { kind: 'convex' | 'clarke' }>;

export interface SubgradientSubject {
  readonly phi: Scalar;
  readonly sub: KnownSubdifferential;
  readonly rows: number;
  readonly cols: number;
  readonly seed: number;
  /** Per set of `sub.breakpoints`: its one-sided limits are approached fast enough for samples to show them. */
  readonly observable: readonly boolean[];
  /** Every breakpoint of φ, those without a set (jumps) too: samples near a set stay clear of all of them. */
  readonly breakpoints: readonly number[];
}

/** One breakpoint's set as doubles (each with the bound on its distance from the exact constant), and as written in claims. */
interface KinkSet {
  readonly c: number;
  readonly cError: number;
  /** The double c is the breakpoint itself: entries may sit on it. */
  readonly exact: boolean;
  readonly lo: number;
  readonly loError: number;
  readonly hi: number;
  readonly hiError: number;
  readonly set: BreakpointSet;
  readonly named: NamedSet;
}


function kinkSets(sub: KnownSubdifferential): KinkSet[] {
  return sub.breakpoints.map((set) => {
    const at = approximation(set.at);
    const lo = approximation(set.lo);
    const hi = approximation(set.hi);
    const named = { at: exactText(set.at), lo: exactText(set.lo), hi: exactText(set.hi) };
    return { c: at.value, cError: at.error, exact: at.exact, lo: lo.value, loError: lo.error, hi: hi.value, hiError: hi.error, set, named };
  });
}

/** One unit per breakpoint, and one for the matrix checks of a convex f (for progress). */
export const subgradientSteps = (sub: KnownSubdifferential): number => sub.breakpoints.length + (sub.kind === 'convex' ? 1 : 0);

export function checkSubgradients(subject: SubgradientSubject, builder: EvidenceBuilder, stepDone: () => void): void {
  const phi = compiled(subject.phi);
  const sets = kinkSets(subject.sub);
  for (let i = 0; i < sets.length; i++) {
    if (subject.observable[i]) checkEndpoints(phi, sets, i, subject.breakpoints, subject.sub.kind, builder);
    stepDone();
  }
  // Matrix checks put entries on and next to every breakpoint: all must be observable.
  if (subject.sub.kind !== 'convex' || !subject.observable.every(Boolean)) {
    if (subject.sub.kind === 'convex') stepDone();
    return;
  }
  const model = entrySets(subject.sub, sets);
  const n = Math.min(subject.rows * subject.cols, BLOCK);
  const claim: NamedSets = { sets: sets.slice(0, CLAIM_SETS).map((k) => k.named), more: Math.max(0, sets.length - CLAIM_SETS) };
  const directions = new Rng(subject.seed, STREAM.directions);
  const subgradients = new Rng(subject.seed, STREAM.subgradients);
  for (const point of matrixPoints(subject, sets, n)) {
    const at = { ...point, ...evaluate(phi, model, point.x) };
    checkSupport(at, phi, sets, directionsFor(n, directions), claim, builder);
    checkInequality(at, phi, subgradients, claim, builder);
  }
  stepDone();
}

// ---------------------------------------------------------------- breakpoints

/**
 * lim φ′(t) as t → c from each side against the claimed end of ∂φ(c). φ′ at
 * y = c ± δ is R = (4·D(η) − D(2η))/3, D the central difference with step
 * η = δ/8, so the stencil stays on one side; its rounding is at most
 * (3/2)·(bound of φ)/η, and |D(η) − R| estimates its truncation.
 */
function checkEndpoints(
  phi: Compiled,
  sets: readonly KinkSet[],
  i: number,
  breakpoints: readonly number[],
  kind: 'convex' | 'clarke',
  builder: EvidenceBuilder,
): void {
  const k = sets[i]!;
  // Another breakpoint on the same double (closer than doubles resolve) leaves no room at all.
  const gap = breakpoints.filter((c) => c === k.c).length > 1 ? 0 : Math.min(...breakpoints.filter((c) => c !== k.c).map((c) => Math.abs(c - k.c)));
  const first = powerOfTwoAtMost(Math.min(FIRST_STEP * Math.max(1, Math.abs(k.c)), gap / 4));
  if (!(first > 0)) return; // breakpoints closer than doubles can resolve
  const steps = Array.from({ length: STEPS }, (_, j) => first * 2 ** -j);
  const flipped = k.set.frechetEmpty;
  const single = P.equals(k.set.lo, k.set.hi);
  for (const side of [-1, 1] as const) {
    const estimate = slopeLimit(phi, k, side, steps);
    const upper = (side > 0) !== flipped;
    const symbolic = upper ? k.hi : k.lo;
    const symbolicError = upper ? k.hiError : k.loError;
    const claim = {
      kind: 'subdifferential-end',
      side,
      end: single ? 'only' : upper ? 'upper' : 'lower',
      set: k.named,
      subdifferential: kind === 'convex' ? 'convex' : 'Clarke',
      frechetEmpty: flipped,
    } as const;
    const point = { kind: 'sequence', at: k.named.at, side, steps: { first, last: steps[STEPS - 1]! }, slope: { kind: 'central-differences' } } as const;
    builder.compare({ kind: 'clarke-endpoint', claim, point }, {
      symbolic,
      numeric: estimate.value,
      tolerance: estimate.tolerance + SAFETY * u * Math.abs(symbolic) + symbolicError,
      scale: estimate.scale,
      claimError: symbolicError,
    });
    builder.endGroup();
  }
}

function slopeLimit(phi: Compiled, { c, cError }: KinkSet, side: -1 | 1, steps: readonly number[]): Estimate {
  const samples: number[] = [];
  const rounding: number[] = [];
  for (const delta of steps) {
    const y = c + side * delta;
    const eta = delta / 8;
    const d1 = (phi.fn(y + eta) - phi.fn(y - eta)) / (2 * eta);
    const d2 = (phi.fn(y + 2 * eta) - phi.fn(y - 2 * eta)) / (4 * eta);
    const r = (4 * d1 - d2) / 3;
    const inputError = 2 * u * (Math.abs(y) + Math.abs(c) + 2 * eta) + cError;
    samples.push(r);
    rounding.push((1.5 * phi.bound(y, inputError)) / eta + Math.abs(d1 - r));
  }
  return extrapolate(samples, rounding);
}

// ---------------------------------------------------------------- ∂φ entry-wise

/** ∂φ(t) = [lo, hi] and a bound on the rounding of lo and hi as computed. */
type EntrySet = (t: number) => { lo: number; hi: number; error: number };

function entrySets(sub: KnownSubdifferential, sets: readonly KinkSet[]): EntrySet {
  const pieces = sub.pieces.map(compiled);
  return (t) => {
    const on = sets.find((k) => k.exact && k.c === t);
    if (on) return { lo: on.lo, hi: on.hi, error: u * Math.max(Math.abs(on.lo), Math.abs(on.hi)) + Math.max(on.loError, on.hiError) };
    const piece = pieces[sets.filter((k) => k.c < t).length]!;
    const g = piece.fn(t);
    return { lo: g, hi: g, error: piece.bound(t, 0) + u * Math.abs(g) };
  };
}

interface MatrixPoint {
  readonly matrix: SubgradientMatrix;
  readonly x: Float64Array;
}

/** A matrix point with φ, its rounding bound and ∂φ at every entry. */
interface Evaluated extends MatrixPoint {
  readonly value: Float64Array;
  readonly valueError: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly setError: Float64Array;
}

function evaluate(phi: Compiled, model: EntrySet, x: Float64Array): Omit<Evaluated, keyof MatrixPoint> {
  const n = x.length;
  const e = { value: new Float64Array(n), valueError: new Float64Array(n), lo: new Float64Array(n), hi: new Float64Array(n), setError: new Float64Array(n) };
  x.forEach((t, i) => {
    const s = model(t);
    e.value[i] = phi.fn(t);
    e.valueError[i] = phi.bound(t, 0);
    e.lo[i] = s.lo;
    e.hi[i] = s.hi;
    e.setError[i] = s.error;
  });
  return e;
}

/**
 * Entries on exact breakpoints (half, at random) or at c ± (ROOM + |z|)·max(1, |c|) for a
 * random breakpoint c; and, when some breakpoint is a double, a matrix with
 * every entry on one (round-robin).
 */
function matrixPoints(subject: SubgradientSubject, sets: readonly KinkSet[], n: number): MatrixPoint[] {
  const { rows, cols, seed } = subject;
  const block = rows * cols > n ? { block: n } : {};
  const exact = sets.filter((k) => k.exact).map((k) => k.c);
  const centres = sets.length > 0 ? sets.map((k) => k.c) : [0];
  const pick = (w: number, from: readonly number[]): number => from[Math.floor((w / 0x100000000) * from.length)]!;
  const rng = new Rng(seed, STREAM.placement);
  const z = new Float64Array(n);
  rng.fillGaussian(z);
  const mixed = Float64Array.from(z, (zi) => {
    if (exact.length > 0 && rng.nextUint32() & 1) return pick(rng.nextUint32(), exact);
    const c = pick(rng.nextUint32(), centres);
    // Scaled with |c|: beside c = 1e30 an offset of 0.125 is below the spacing of doubles.
    return c + Math.sign(zi) * (ROOM + Math.abs(zi)) * Math.max(1, Math.abs(c));
  });
  const matrix = (entries: SubgradientMatrix['entries']): SubgradientMatrix => ({ rows, cols, ...block, entries, room: ROOM });
  const points = [{ matrix: matrix(exact.length ? 'on-or-near' : 'near'), x: mixed }];
  if (exact.length > 0) points.push({ matrix: matrix('on'), x: Float64Array.from({ length: n }, (_, i) => exact[i % exact.length]!) });
  return points;
}

// ---------------------------------------------------------------- support function

interface Direction {
  readonly direction: SupportDirectionPoint['direction'];
  readonly d: Float64Array;
}

/** 𝟙 and −𝟙 (every entry's upper and lower end at once), then Rademacher and Gaussian directions. */
function directionsFor(n: number, rng: Rng): Direction[] {
  const list: Direction[] = [
    { direction: { kind: 'ones', sign: 1 }, d: new Float64Array(n).fill(1) },
    { direction: { kind: 'ones', sign: -1 }, d: new Float64Array(n).fill(-1) },
  ];
  for (let j = 0; j < RADEMACHER; j++)
    list.push({
      direction: { kind: 'rademacher', index: j + 1, count: RADEMACHER },
      d: Float64Array.from({ length: n }, () => (rng.nextUint32() & 1 ? 1 : -1)),
    });
  for (let j = 0; j < GAUSSIAN; j++) {
    const d = new Float64Array(n);
    rng.fillGaussian(d);
    list.push({ direction: { kind: 'gaussian', index: j + 1, count: GAUSSIAN }, d });
  }
  return list;
}

function checkSupport(
  p: Evaluated,
  phi: Compiled,
  kinks: readonly KinkSet[],
  directions: readonly Direction[],
  sets: NamedSets,
  builder: EvidenceBuilder,
): void {
  const claim = { kind: 'support-function', ...sets } as const;
  for (const { direction, d } of directions) {
    const c = directional(p, phi, kinks, d);
    if (c) builder.compare({ kind: 'support-function', claim, point: { kind: 'support-direction', matrix: p.matrix, direction } }, c);
  }
  builder.endGroup();
}

/** How far t is known to be from a breakpoint whose double may be off (0 when it may be on it). */
const distance = (t: number, k: KinkSet): number => Math.max(0, Math.abs(t - k.c) - (k.exact ? 0 : k.cError + u * Math.abs(k.c)));

/**
 * σ(D) = Σ max(lo·d, hi·d) against the forward quotients Σ (φ(x + hd) − φ(x))/h,
 * h halving from h₀, extrapolated. h₀·|d| is at most a quarter of each entry's
 * distance to the nearest other breakpoint, so x + hd stays in one piece (on
 * the side of d for an entry on a breakpoint); entries that would force h₀
 * below MIN_FIRST_STEP are left out. Rounding per quotient: the bounds of
 * φ(x + hd) (with the rounding of x + hd) and φ(x), plus √m·u·Σ|differences|,
 * over h; of σ: Σ|d|·(bound of lo, hi) and (√m + 2)·u·Σ|terms|.
 */
function directional(p: Evaluated, phi: Compiled, sets: readonly KinkSet[], d: Float64Array): Comparison | undefined {
  const scale = Math.max(1, ...p.x.map(Math.abs));
  const used: number[] = [];
  let h0 = FIRST_STEP * scale;
  p.x.forEach((t, i) => {
    const room = Math.min(...sets.filter((k) => !(k.exact && k.c === t)).map((k) => distance(t, k))) / (4 * Math.abs(d[i]!));
    if (room < MIN_FIRST_STEP * scale) return;
    used.push(i);
    h0 = Math.min(h0, room);
  });
  if (used.length === 0) return undefined;
  h0 = powerOfTwoAtMost(h0);

  let sigma = 0;
  let terms = 0;
  let sigmaError = 0;
  for (const i of used) {
    const term = Math.max(p.lo[i]! * d[i]!, p.hi[i]! * d[i]!);
    sigma += term;
    terms += Math.abs(term);
    sigmaError += Math.abs(d[i]!) * p.setError[i]!;
  }
  const root = Math.sqrt(used.length);
  const samples: number[] = [];
  const rounding: number[] = [];
  for (let k = 0; k < STEPS; k++) {
    const h = h0 * 2 ** -k;
    let sum = 0;
    let sizes = 0;
    let error = 0;
    for (const i of used) {
      const y = p.x[i]! + h * d[i]!;
      const difference = phi.fn(y) - p.value[i]!;
      sum += difference;
      sizes += Math.abs(difference);
      error += phi.bound(y, u * Math.abs(y)) + p.valueError[i]!;
    }
    samples.push(sum / h);
    rounding.push((error + root * u * sizes) / h);
  }
  const estimate = extrapolate(samples, rounding);
  return {
    symbolic: sigma,
    numeric: estimate.value,
    tolerance: estimate.tolerance + SAFETY * (sigmaError + (root + 2) * u * terms),
    // σ(D) can cancel to about 0; its natural size is that of one term times √m (as compareDirectional).
    scale: Math.max(estimate.scale, terms / root),
  };
}

// ---------------------------------------------------------------- subgradient inequality

type Subgradient = DisplacementPoint['subgradient'];
const SUBGRADIENTS: readonly Subgradient[] = [
  { kind: 'lower-corner' },
  { kind: 'upper-corner' },
  { kind: 'random-corner', index: 1 },
  { kind: 'random-corner', index: 2 },
  { kind: 'random-point', index: 1 },
  { kind: 'random-point', index: 2 },
];

/** G ∈ ∂f(X) entry-wise: a corner of the box (per entry lo or hi) or a uniform point in it. */
function subgradient(which: Subgradient, p: Evaluated, rng: Rng): Float64Array {
  return p.lo.map((lo, i) => {
    const hi = p.hi[i]!;
    if (which.kind === 'lower-corner') return lo;
    if (which.kind === 'upper-corner') return hi;
    if (which.kind === 'random-corner') return rng.nextUint32() & 1 ? hi : lo;
    return lo + rng.uniform() * (hi - lo);
  });
}

/**
 * Displacements Y − X = s·Z, Z ~ N(0, 1), and s·S·|Z| with the signs S
 * against G: down where g is the lower end of a proper interval, up where it
 * is the upper end (there f(Y) − f(X) ≥ ⟨G, Y − X⟩ is tight for a right end
 * and fails for a wrong one, entry by entry, so entries cannot mask each other).
 */
function displacements(p: Evaluated, g: Float64Array, s: number, rng: Rng): [{ scale: number; against: boolean }, Float64Array][] {
  const z = new Float64Array(p.x.length);
  rng.fillGaussian(z);
  const against = z.map((zi, i) => {
    const proper = p.lo[i]! < p.hi[i]!;
    const sign = proper && g[i] === p.lo[i] ? -1 : proper && g[i] === p.hi[i] ? 1 : Math.sign(zi);
    return s * sign * Math.abs(zi);
  });
  return [
    [{ scale: s, against: false }, z.map((zi) => s * zi)],
    [{ scale: s, against: true }, against],
  ];
}

/**
 * f(Y) − f(X) = Σ (φ(y) − φ(x)) against ⟨G, Y − X⟩: a shortfall beyond the
 * rounding fails. Rounding: the bounds of φ(y) and φ(x), √m·u·Σ|differences|,
 * Σ|y − x|·(bound of g, and 2u·(|lo| + |hi|) for a point inside the box), and
 * (√m + 3)·u·Σ|g·(y − x)| for the rounding of y − x, the products and the sum.
 */
function inequality(p: Evaluated, phi: Compiled, g: Float64Array, displacement: Float64Array): Comparison {
  const root = Math.sqrt(p.x.length);
  let increase = 0;
  let sizes = 0;
  let inner = 0;
  let terms = 0;
  let error = 0;
  p.x.forEach((x, i) => {
    const y = x + displacement[i]!;
    const difference = phi.fn(y) - p.value[i]!;
    const step = y - x;
    increase += difference;
    sizes += Math.abs(difference);
    inner += g[i]! * step;
    terms += Math.abs(g[i]! * step);
    error += phi.bound(y, 0) + p.valueError[i]! + Math.abs(step) * (p.setError[i]! + 2 * u * (Math.abs(p.lo[i]!) + Math.abs(p.hi[i]!)));
  });
  return {
    symbolic: inner,
    numeric: increase,
    tolerance: SAFETY * (error + root * u * sizes + (root + 3) * u * terms),
    scale: terms / root,
  };
}

function checkInequality(p: Evaluated, phi: Compiled, rng: Rng, sets: NamedSets, builder: EvidenceBuilder): void {
  const claim = { kind: 'subgradient-inequality', ...sets } as const;
  for (const which of SUBGRADIENTS) {
    const g = subgradient(which, p, rng);
    for (const s of Y_SCALES)
      for (const [y, displacement] of displacements(p, g, s, rng)) {
        const point = { kind: 'displacement', matrix: p.matrix, subgradient: which, ...y } as const;
        builder.atLeast({ kind: 'subgradient-inequality', claim, point }, inequality(p, phi, g, displacement));
      }
  }
  builder.endGroup();
}
