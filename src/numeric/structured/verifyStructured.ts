/**
 * The numeric verifier of an analysis of a function that is not separable
 * (symbolic/structured/result.ts): numbers only verify. Every claim checked
 * becomes a record (checkRecord.ts); evidence with no informative check is
 * 'inconclusive', never 'passed'; the same claims, f and seed give
 * byte-identical evidence (seeded streams, fixed order).
 *
 * - The gradient formula, at seeded Gaussian matrices and beside the probes
 *   on kink surfaces: ⟨∇f(X), D⟩ against R = (4·D(h) − D(2h))/3, D(h) the
 *   central difference along D. f is only piecewise smooth, so a kink may lie
 *   inside the stencil: D(h) − g(0) is the mean of g(t) + g(−t) − 2g(0) over
 *   0 < t ≤ h, g(t) = ⟨∇f(X + tD), D⟩, so the tolerance adds that bend of the
 *   claimed gradient at t = h and 2h (a check across a kink only becomes
 *   weak, or uninformative, never a false failure).
 * - At each probe, through one-sided quotients (f(X + hD) − f(X))/h, h
 *   halving, extrapolated (errorModel.ts): a claimed gradient G gives
 *   f′(X; ±D) = ±⟨G, D⟩; a claimed kink needs a direction with
 *   f′(X; D) + f′(X; −D) ≠ 0 or a pair with f′(X; D₁) + f′(X; D₂) ≠
 *   f′(X; D₁ + D₂) beyond their tolerances (a locally Lipschitz f is
 *   differentiable iff f′(X; ·) is linear); a claimed set S: f′(X; D) = h_S(D)
 *   for a convex subdifferential stated with equality (Rockafellar, Convex
 *   Analysis, Thm 23.4), else f′(X; D) ≤ h_S(D) and f′(X; D) ≥ −h_S(−D)
 *   (f′ ≤ f°, the support function of the Clarke set; Clarke 1983, Prop. 2.1.2).
 *   Directions: ±V for the parts' matrices, Gaussian ones, and differences of
 *   the claimed gradient on either side of X.
 * - The value claimed at each --at point against f there.
 */
import { KinkproofError } from '../../diagnostics.js';
import type { Matrix, Probe, SetAnswer, StructuredClaims } from '../../symbolic/index.js';
import type {
  DerivativeEstimate,
  MatrixDirectionPoint,
  ProbeRef,
  SetSupportClaim,
  StepRange,
  StructuredDirection,
  StructuredMatrix,
  StructuredMatrixKind,
} from '../checkRecord.js';
import { extrapolate, powerOfTwoAtMost, SAFETY, stepFor, UNIT_ROUNDOFF } from '../errorModel.js';
import type { Estimate } from '../errorModel.js';
import { EvidenceBuilder } from '../evidence.js';
import type { Evidence } from '../evidence.js';
import type { ProgressCallback } from '../progress.js';
import { Rng } from '../rng.js';
import { flatten } from './evaluate.js';
import type { Bounded } from './evaluate.js';

const u = UNIT_ROUNDOFF;

/** f at X (row-major, the claims' shape); `withError` adds a rounding bound (compileStructured gives both). */
export interface StructuredObjective {
  value(x: Float64Array): number;
  withError?(x: Float64Array): Bounded;
}

/** Streams of Rng beyond rng.ts's and subgradientChecks.ts's, so these checks never shift theirs. */
const STREAM = { points: 21, directions: 22, probes: 23 } as const;

/** Gaussian test matrices: their scales, and how many at σ = 1 by size. */
const SIGMAS = [0.1, 10] as const;
const unitPoints = (n: number): number => (n <= 100 ? 6 : n <= 10000 ? 3 : 2);
/** Directions per test matrix for the gradient formula (Gaussian, then one Rademacher). */
const GRADIENT_GAUSSIAN = 3;
/**
 * A large X has many entries whose kink lies within the stencil (each adds
 * its jump to the bend in the tolerance): the step shrinks by CROWD/√n beyond
 * n = CROWD², trading some rounding (tiny there) for fewer kinks inside.
 */
const CROWD = 8;
/** Test matrices beside each probe on a surface (at most NEAR_PROBES probes): X_p + NEAR_RADIUS·Z. */
const NEAR_PROBES = 4;
const NEAR_RADIUS = 2 ** -8;
/** One-sided quotients: halvings from FIRST_STEP·max(1, ‖X‖∞)/‖D‖∞. */
const STEPS = 12;
/** Below this distance (relative to X) to a neighbouring kink surface, one-sided quotients at a probe show nothing. */
const MIN_REACH = 2 ** -30;
/** Up to this many entries, a claimed kink is also probed along each ±E_k for a jump. */
const MAX_UNIT_DIRECTIONS = 64;
const FIRST_STEP = 2 ** -6;
/** Directions at a probe: Gaussian, gradient differences, and at most MAX_MEMBERS matrices per part of a set. */
const PROBE_GAUSSIAN = 4;
const GRADIENT_DIFFERENCES = 2;
const DIFFERENCE_STEP = 2 ** -20;
const MAX_MEMBERS = 8;
/** Pairs (D₁, D₂) of the additivity test of a claimed kink. */
const PAIRS = 3;
/** The claimed gradient as evaluated in doubles is taken to be right to this relative size of Σ|g·d| (its own rounding is not known here). */
const CLAIM_RELATIVE = 2 ** -40;
/** Fallback rounding bound of an f without `withError`: this many u·|f|·√n. */
const FALLBACK_ROUNDINGS = 64;
/** Matrices with at most this many entries are printed in records. */
const PRINTED_ENTRIES = 12;

// ---------------------------------------------------------------- small linear algebra

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
const absDot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! * b[i]!);
  return s;
};
const maxAbs = (a: Float64Array): number => a.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
const rms = (a: Float64Array): number => Math.sqrt(dot(a, a) / a.length);
/** out = x + t·d. */
const along = (out: Float64Array, x: Float64Array, t: number, d: Float64Array): Float64Array => {
  for (let i = 0; i < x.length; i++) out[i] = x[i]! + t * d[i]!;
  return out;
};

const sameShape = (m: Matrix, rows: number, cols: number): boolean => m.length === rows && m.every((r) => r.length === cols);

const shortNumber = (x: number): string => String(Number(x.toPrecision(6)));

// ---------------------------------------------------------------- the subject

interface Subject {
  readonly rows: number;
  readonly cols: number;
  readonly n: number;
  readonly value: (x: Float64Array) => number;
  readonly bounded: (x: Float64Array) => Bounded;
  readonly gradient: (x: Float64Array) => Float64Array | null;
  /** The claimed gradient's raw matrix (null where the formula does not apply). */
  readonly rawGradient: (x: Float64Array) => Matrix | null;
  readonly builder: EvidenceBuilder;
  readonly scratch: Float64Array;
  /** The matrix as records name it. */
  readonly named: (m: StructuredMatrixKind, x: Float64Array) => StructuredMatrix;
}

function subjectOf(claims: StructuredClaims, f: StructuredObjective | ((x: Float64Array) => number), builder: EvidenceBuilder): Subject {
  const [rows, cols] = claims.shape;
  const n = rows * cols;
  const objective: StructuredObjective = typeof f === 'function' ? { value: f } : f;
  const value = (x: Float64Array): number => objective.value(x);
  const bounded = objective.withError
    ? (x: Float64Array): Bounded => objective.withError!(x)
    : (x: Float64Array): Bounded => {
        const v = objective.value(x);
        return { value: v, error: FALLBACK_ROUNDINGS * Math.sqrt(n) * u * Math.abs(v) };
      };
  const toMatrix = (x: Float64Array): Matrix => Array.from({ length: rows }, (_, i) => Array.from(x.subarray(i * cols, (i + 1) * cols)));
  const rawGradient = (x: Float64Array): Matrix | null => claims.gradientAt(toMatrix(x));
  const gradient = (x: Float64Array): Float64Array | null => {
    const g = rawGradient(x);
    return g && sameShape(g, rows, cols) ? flatten(g, rows, cols) : null;
  };
  const printed = (x: Float64Array): string | null =>
    n > PRINTED_ENTRIES ? null : `[${toMatrix(x).map((r) => `[${r.map(shortNumber).join(', ')}]`).join(', ')}]`;
  const named = (m: StructuredMatrixKind, x: Float64Array): StructuredMatrix => ({ ...m, rows, cols, entries: printed(x) });
  return { rows, cols, n, value, bounded, gradient, rawGradient, builder, scratch: new Float64Array(n), named };
}

// ---------------------------------------------------------------- the gradient formula

/** g(t) = ⟨G(X + tD), D⟩ from the claimed formula; null where it does not apply. */
function claimedSlope(s: Subject, x: Float64Array, t: number, d: Float64Array): number | null {
  const g = s.gradient(along(s.scratch, x, t, d));
  return g ? dot(g, d) : null;
}

/**
 * ⟨∇f(X), D⟩ (claimed, G at X) against R = (4·D(h) − D(2h))/3. Tolerance:
 * SAFETY × (rounding of R, 1.5·e/h with e the larger bound of f at X ± 2hD,
 * and of ⟨G, D⟩) + the claimed gradient's bend within the stencil,
 * (4/3)·|s₂(h)| + (1/3)·max|s₂|, s₂(t) = g(t) + g(−t) − 2g(0), + |D(h) − R|.
 */
function checkGradientAlong(s: Subject, x: Float64Array, g: Float64Array, d: Float64Array, h: number, point: MatrixDirectionPoint, claim: { kind: 'gradient'; formula: string }): void {
  const g0 = dot(g, d);
  const slopes = STENCIL_SAMPLES.map((k) => claimedSlope(s, x, k * h, d));
  if (slopes.some((v) => v === null)) return; // a kink surface within the stencil, where the formula says nothing
  const [bend1, bend2] = bends(slopes as number[], g0);
  const y = new Float64Array(x.length);
  const p2 = s.bounded(along(y, x, 2 * h, d));
  const m2 = s.bounded(along(y, x, -2 * h, d));
  const p1 = s.value(along(y, x, h, d));
  const m1 = s.value(along(y, x, -h, d));
  const e = Math.max(p2.error, m2.error);
  const d1 = (p1 - m1) / (2 * h);
  const d2 = (p2.value - m2.value) / (4 * h);
  // D(h) and D(2h) far apart while the claimed slope is smooth: f itself jumps or kinks inside the stencil
  // (a jump makes D(h) ≈ 2·D(2h)), which the claimed formula cannot show: nothing can be concluded here.
  const roundingOfD = SAFETY * ((1.5 * e) / h);
  if (Math.abs(d1 - d2) > 0.25 * Math.max(Math.abs(d1), Math.abs(d2)) && Math.abs(d1 - d2) > roundingOfD + 4 * bend2) return;
  const r = (4 * d1 - d2) / 3;
  const terms = absDot(g, d);
  const innerError = (Math.sqrt(g.length) * u + CLAIM_RELATIVE) * terms;
  s.builder.compare(
    { kind: 'structured-gradient', claim, point },
    {
      symbolic: g0,
      numeric: r,
      tolerance: SAFETY * ((1.5 * e) / h + innerError) + (4 / 3) * bend1 + (1 / 3) * bend2 + Math.abs(d1 - r),
      scale: terms / Math.sqrt(g.length),
      claimError: innerError,
    },
  );
}

/** Where the claimed slope g(t) = ⟨G(X + tD), D⟩ is sampled: t = k·h for these k (0 excluded). */
const STENCIL_SAMPLES = [-2, -1.5, -1, -0.75, -0.5, -0.25, 0.25, 0.5, 0.75, 1, 1.5, 2] as const;

/**
 * The bend of g within ±h and ±2h: max |g(t) + g(−t) − 2g(0)| over the
 * samples. Where g jumps between samples (a kink inside the stencil: one step
 * of g much larger than the others), the mean of g(t) + g(−t) − 2g(0) over
 * (0, h] is bounded only by how far g moves on each side, so the bend is the
 * sum of those ranges instead: two symmetric jumps cancel at t = ±h but not
 * in between (max(X) − min(X) near a tie).
 */
function bends(slopes: readonly number[], g0: number): [number, number] {
  const at = (k: number): number => slopes[STENCIL_SAMPLES.indexOf(k as (typeof STENCIL_SAMPLES)[number])]!;
  const sorted = [...STENCIL_SAMPLES.slice(0, 6).map((_, i) => slopes[i]!), g0, ...STENCIL_SAMPLES.slice(6).map((_, i) => slopes[6 + i]!)];
  const steps = sorted.slice(1).map((v, i) => Math.abs(v - sorted[i]!));
  const typical = [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)]!;
  const jumps = Math.max(...steps) > 8 * typical + 1e-300;
  const bend = (limit: number): number => {
    let worst = 0;
    for (const k of STENCIL_SAMPLES) if (k > 0 && k <= limit) worst = Math.max(worst, Math.abs(at(k) + at(-k) - 2 * g0));
    if (!jumps) return worst;
    let up = 0;
    let down = 0;
    for (const k of STENCIL_SAMPLES) if (Math.abs(k) <= limit) (k > 0 ? (up = Math.max(up, Math.abs(at(k) - g0))) : (down = Math.max(down, Math.abs(at(k) - g0))));
    return Math.max(worst, up + down);
  };
  return [bend(1), Math.max(bend(1), bend(2))];
}

function gaussianDirection(rng: Rng, n: number): Float64Array {
  const d = new Float64Array(n);
  rng.fillGaussian(d);
  return d;
}

function checkGradientFormula(s: Subject, claims: StructuredClaims, seed: number, step: () => void): void {
  const formula = claims.json.gradient?.text ?? 'the claimed gradient formula';
  const claim = { kind: 'gradient', formula } as const;
  const rng = new Rng(seed, STREAM.points);
  const directions = new Rng(seed, STREAM.directions);
  for (const { matrix, x } of gradientPoints(s, claims, rng)) {
    const raw = s.rawGradient(x);
    if (raw && !sameShape(raw, s.rows, s.cols)) {
      const entries = raw.reduce((k, r) => k + r.length, 0);
      s.builder.verdict({ kind: 'structured-gradient', claim, point: { kind: 'matrix-value', matrix } }, s.n, entries, false);
    }
    const g = s.gradient(x);
    if (g) {
      const list: [StructuredDirection, Float64Array][] = [];
      for (let j = 0; j < GRADIENT_GAUSSIAN; j++) list.push([{ kind: 'gaussian', index: j + 1, count: GRADIENT_GAUSSIAN }, gaussianDirection(directions, s.n)]);
      list.push([{ kind: 'rademacher', index: 1, count: 1 }, Float64Array.from({ length: s.n }, () => (directions.nextUint32() & 1 ? 1 : -1))]);
      for (const [direction, d] of list) {
        const h = powerOfTwoAtMost((stepFor(Math.max(rms(x), 2 ** -20)) * Math.min(1, CROWD / Math.sqrt(s.n))) / Math.max(1, maxAbs(d)));
        checkGradientAlong(s, x, g, d, h, { kind: 'matrix-direction', matrix, direction, estimate: { kind: 'central', h } }, claim);
      }
    }
    s.builder.endGroup();
    step();
  }
}

interface TestPoint {
  readonly matrix: StructuredMatrix;
  readonly x: Float64Array;
}

/** Gaussian matrices at σ = 1 (by size), 0.1 and 10, then matrices beside the probes on kink surfaces. */
function gradientPoints(s: Subject, claims: StructuredClaims, rng: Rng): TestPoint[] {
  const sigmas = [...Array.from({ length: unitPoints(s.n) }, () => 1), ...SIGMAS];
  const points: TestPoint[] = sigmas.map((sigma, i) => {
    const x = gaussianDirection(rng, s.n).map((z) => sigma * z);
    return { matrix: s.named({ kind: 'gaussian', sigma, index: i + 1 }, x), x };
  });
  claims.probes.forEach((p, i) => {
    if (p.origin !== 'surface' || points.length >= sigmas.length + NEAR_PROBES) return;
    const base = flatten(p.X, s.rows, s.cols);
    const radius = NEAR_RADIUS * Math.max(1, maxAbs(base));
    const x = gaussianDirection(rng, s.n).map((z, k) => base[k]! + radius * z);
    points.push({ matrix: s.named({ kind: 'near-probe', probe: i + 1, radius: powerOfTwoAtMost(radius) }, x), x });
  });
  return points;
}

// ---------------------------------------------------------------- one-sided derivatives

interface OneSided extends Estimate {
  readonly steps: StepRange;
}

/**
 * f′(X; D) from q(h) = (f(X + hD) − f(X))/h, h = h₀·2⁻ᵏ, k < STEPS,
 * h₀ = FIRST_STEP·max(1, ‖X‖∞)/‖D‖∞ (a power of two): f is piecewise smooth,
 * so q(h) = f′(X; D) + ah + bh² + … once X + hD stays in one piece.
 * Rounding of q(h): 2e/h, e the larger bound of f at X and X + h₀D.
 */
function oneSided(s: Subject, x: Float64Array, f0: Bounded, d: Float64Array, reach = Infinity): OneSided | undefined {
  const size = maxAbs(d);
  if (size === 0) return undefined;
  // Steps stay within `reach` of X: the distance to the nearest kink surface X is not on, when the analysis knows it.
  const h0 = powerOfTwoAtMost(Math.min((FIRST_STEP * Math.max(1, maxAbs(x))) / size, reach / (2 * Math.sqrt(dot(d, d)))));
  const y = new Float64Array(x.length);
  const far = s.bounded(along(y, x, h0, d));
  const e = Math.max(f0.error, far.error);
  const samples: number[] = [];
  const rounding: number[] = [];
  for (let k = 0; k < STEPS; k++) {
    const h = h0 * 2 ** -k;
    const v = k === 0 ? far.value : s.value(along(y, x, h, d));
    samples.push((v - f0.value) / h);
    rounding.push((2 * e) / h);
  }
  return { ...extrapolate(samples, rounding), steps: { first: h0, last: h0 * 2 ** -(STEPS - 1) } };
}

// ---------------------------------------------------------------- support functions

/** h_S(D) and the size of its terms (for its rounding), as result.ts defines it. */
function support(set: SetAnswer, d: Float64Array, rows: number, cols: number): { value: number; terms: number } {
  const inner = (m: Matrix): [number, number] => {
    const v = flatten(m, rows, cols);
    return [dot(v, d), absDot(v, d)];
  };
  let [value, terms] = inner(set.center);
  for (const part of set.parts) {
    if (part.kind === 'segment') {
      const [t, size] = inner(part.matrix);
      value += Math.max(part.lo * t, part.hi * t);
      terms += Math.max(Math.abs(part.lo), Math.abs(part.hi)) * size;
    } else if (part.kind === 'hull') {
      const values = part.vertices.map(inner);
      value += Math.max(...values.map((v) => v[0]));
      terms += Math.max(...values.map((v) => v[1]));
    } else {
      let squares = 0;
      for (const c of part.components) {
        const [t, size] = inner(c.matrix);
        const k = c.nonnegative ? Math.max(0, c.lo * t, c.hi * t) : Math.max(Math.abs(c.lo * t), Math.abs(c.hi * t));
        squares += k * k;
        terms += part.radius * Math.max(Math.abs(c.lo), Math.abs(c.hi)) * size;
      }
      value += part.radius * Math.sqrt(squares);
    }
  }
  return { value, terms };
}

/** The matrices of the set's parts, ±, as directions (at most MAX_MEMBERS per part). */
function partDirections(set: SetAnswer, rows: number, cols: number): [StructuredDirection, Float64Array][] {
  const out: [StructuredDirection, Float64Array][] = [];
  set.parts.forEach((part, p) => {
    const members = part.kind === 'segment' ? [part.matrix] : part.kind === 'hull' ? part.vertices : part.components.map((c) => c.matrix);
    members.slice(0, MAX_MEMBERS).forEach((m, k) => {
      const v = flatten(m, rows, cols);
      if (maxAbs(v) === 0) return;
      for (const sign of [1, -1] as const) out.push([{ kind: 'part', part: p + 1, member: k + 1, sign }, v.map((t) => sign * t)]);
    });
  });
  return out;
}

// ---------------------------------------------------------------- probes

interface ProbeSite {
  /** How far steps may go from X without crossing a kink surface X is not on. */
  readonly reach: number;
  readonly probe: Probe;
  readonly ref: ProbeRef;
  readonly matrix: StructuredMatrix;
  readonly x: Float64Array;
  readonly f0: Bounded;
  readonly memo: Map<StructuredDirection, OneSided | undefined>;
}

function probeDirections(s: Subject, site: ProbeSite, rng: Rng): [StructuredDirection, Float64Array][] {
  const list: [StructuredDirection, Float64Array][] = site.probe.subdifferential ? partDirections(site.probe.subdifferential, s.rows, s.cols) : [];
  for (let j = 0; j < PROBE_GAUSSIAN; j++) list.push([{ kind: 'gaussian', index: j + 1, count: PROBE_GAUSSIAN }, gaussianDirection(rng, s.n)]);
  const eps = DIFFERENCE_STEP * Math.max(1, maxAbs(site.x));
  for (let j = 0; j < GRADIENT_DIFFERENCES; j++) {
    const e = gaussianDirection(rng, s.n);
    const plus = s.gradient(along(new Float64Array(s.n), site.x, eps, e));
    const minus = s.gradient(along(new Float64Array(s.n), site.x, -eps, e));
    if (!plus || !minus) continue;
    const v = plus.map((g, i) => g - minus[i]!);
    if (maxAbs(v) > 0) list.push([{ kind: 'gradient-difference', index: j + 1 }, v]);
  }
  return list;
}

function derivative(s: Subject, site: ProbeSite, direction: StructuredDirection, d: Float64Array): OneSided | undefined {
  if (!site.memo.has(direction)) site.memo.set(direction, oneSided(s, site.x, site.f0, d, site.reach));
  return site.memo.get(direction);
}

/**
 * Does the claimed gradient formula, by its own account, change ⟨G, D⟩ by more than a quarter of its size
 * between X and X + hD, h the smallest step the quotients take? Then f bends at a scale no step
 * resolves (√(‖X‖² + 10⁻³⁰) at 0, softplus(10⁸·Σx), whose slope doubles within the step), and no quotient can confirm
 * or refute G(X). Unknown (no formula, or it does not apply there): the check goes ahead.
 */
function changesWithin(s: Subject, x: Float64Array, g: Float64Array, d: Float64Array, h: number): boolean {
  const far = s.gradient(along(new Float64Array(s.n), x, h, d));
  if (!far) return false;
  const [near, there] = [dot(g, d), dot(far, d)];
  return Math.abs(there - near) > 0.25 * Math.max(Math.abs(near), Math.abs(there));
}

function checkProbeGradient(s: Subject, site: ProbeSite, g: Float64Array, directions: readonly [StructuredDirection, Float64Array][]): void {
  for (const [direction, d] of directions) {
    const terms = absDot(g, d);
    const claimError = (Math.sqrt(s.n) * u + CLAIM_RELATIVE) * terms;
    for (const side of [1, -1] as const) {
      const dir = side > 0 ? d : d.map((t) => -t);
      const est = oneSided(s, site.x, site.f0, dir, site.reach);
      if (!est || changesWithin(s, site.x, g, dir, est.steps.last)) continue;
      const symbolic = side * dot(g, d);
      const estimate: DerivativeEstimate = { kind: 'one-sided', steps: est.steps };
      s.builder.compare(
        { kind: 'structured-gradient', claim: { kind: 'probe-gradient', side, ...site.ref }, point: { kind: 'matrix-direction', matrix: site.matrix, direction, estimate } },
        { symbolic, numeric: est.value, tolerance: est.tolerance + SAFETY * claimError, scale: Math.max(est.scale, terms / Math.sqrt(s.n)), claimError },
      );
    }
  }
  s.builder.endGroup();
}

/** A defect of linearity and its tolerance; resolved when it clearly exceeds both its tolerance and the rounding of its terms. */
interface Defect {
  readonly value: number;
  readonly tolerance: number;
  readonly size: number;
}
const resolved = (d: Defect): boolean => Math.abs(d.value) > 2 * d.tolerance && Math.abs(d.value) > 2 ** -30 * d.size;

function checkDifferentiability(s: Subject, site: ProbeSite, directions: readonly [StructuredDirection, Float64Array][], rng: Rng, differentiable: boolean): void {
  const claim = { kind: 'differentiability', differentiable, ...site.ref } as const;
  const defects: [StructuredDirection, Defect, StepRange][] = [];
  for (const [direction, d] of directions) {
    if (direction.kind === 'part' && direction.sign < 0) continue; // the pair ±V is one test
    const plus = oneSided(s, site.x, site.f0, d, site.reach);
    const minus = oneSided(s, site.x, site.f0, d.map((t) => -t), site.reach);
    if (!plus || !minus) continue;
    defects.push([direction, { value: plus.value + minus.value, tolerance: plus.tolerance + minus.tolerance, size: Math.max(plus.scale, minus.scale) }, plus.steps]);
  }
  for (let j = 0; j < PAIRS; j++) {
    const d1 = gaussianDirection(rng, s.n);
    const d2 = gaussianDirection(rng, s.n);
    const both = d1.map((t, i) => t + d2[i]!);
    const [a, b, c] = [d1, d2, both].map((d) => oneSided(s, site.x, site.f0, d, site.reach));
    if (!a || !b || !c) continue;
    const direction: StructuredDirection = { kind: 'gaussian', index: j + 1, count: PAIRS };
    defects.push([direction, { value: a.value + b.value - c.value, tolerance: a.tolerance + b.tolerance + c.tolerance, size: Math.max(a.scale, b.scale, c.scale) }, a.steps]);
  }
  const finite = defects.filter(([, d]) => Number.isFinite(d.tolerance));
  const jump = differentiable ? undefined : [...directions, ...unitDirections(s.n)].find(([, d]) => jumpsAlong(s, site, d));
  if (jump) {
    // f does not even tend to f(X) along this direction: not continuous, so not differentiable.
    const steps = { first: FIRST_STEP, last: FIRST_STEP * 2 ** -(STEPS - 1) };
    s.builder.verdict({ kind: 'differentiability', claim, point: { kind: 'kink-search', matrix: site.matrix, tried: defects.length, best: jump[0], steps } }, 0, 1, true);
    s.builder.endGroup();
    return;
  }
  if (differentiable) {
    for (const [direction, d, steps] of finite)
      s.builder.compare(
        { kind: 'differentiability', claim, point: { kind: 'matrix-direction', matrix: site.matrix, direction, estimate: { kind: 'one-sided', steps } } },
        { symbolic: 0, numeric: d.value, tolerance: d.tolerance, scale: d.size },
      );
  } else if (finite.length > 0) {
    const found = finite.filter(([, d]) => resolved(d));
    // Nothing resolved, and no defect measured finely enough to show linearity either (rounding swamps the
    // quotients, as when a neighbouring kink forces tiny steps on a large f): nothing is shown either way.
    if (found.length === 0 && !finite.some(([, d]) => d.size > 0 && d.tolerance < 0.25 * d.size)) {
      s.builder.endGroup();
      return;
    }
    const pool = found.length > 0 ? found : finite;
    const [best, defect, steps] = pool.reduce((m, c) => (Math.abs(c[1].value) > Math.abs(m[1].value) ? c : m));
    const point = { kind: 'kink-search', matrix: site.matrix, tried: defects.length, best: found.length > 0 ? best : null, steps } as const;
    s.builder.verdict({ kind: 'differentiability', claim, point }, 0, defect.value, found.length > 0);
  }
  s.builder.endGroup();
}

/** ±E_k for every entry of a small X: a jump of one entry's function shows along them even where the sum of several jumps cancels along a random direction. */
function unitDirections(n: number): [StructuredDirection, Float64Array][] {
  if (n > MAX_UNIT_DIRECTIONS) return [];
  const out: [StructuredDirection, Float64Array][] = [];
  for (let k = 0; k < n; k++)
    for (const sign of [1, -1]) {
      const d = new Float64Array(n);
      d[k] = sign;
      out.push([{ kind: 'unit', entry: k + 1, sign: sign as 1 | -1 }, d]);
    }
  return out;
}

/**
 * A jump or an infinite slope of f at X along D: f(X + hD) − f(X − hD) shrinks
 * over the last halvings of h much more slowly than h (as it must for a
 * Lipschitz f), and stands far above the rounding of f.
 */
function jumpsAlong(s: Subject, site: ProbeSite, d: Float64Array): boolean {
  const size = maxAbs(d);
  if (size === 0) return false;
  const y = new Float64Array(site.x.length);
  const h0 = powerOfTwoAtMost(Math.min((FIRST_STEP * Math.max(1, maxAbs(site.x))) / size, site.reach / (2 * Math.sqrt(dot(d, d)))));
  // f(X + hD) − f(X − hD): f(X) itself is left out, as on a jump its computed value may be either side's.
  const gap = (k: number): { gap: number; error: number } => {
    const plus = s.bounded(along(y, site.x, h0 * 2 ** -k, d));
    const minus = s.bounded(along(y, site.x, -h0 * 2 ** -k, d));
    return { gap: Math.abs(plus.value - minus.value), error: plus.error + minus.error };
  };
  const [early, late] = [gap(STEPS - 4), gap(STEPS - 1)];
  // Over three halvings a Lipschitz f's gap shrinks about 8-fold (with h); a jump keeps it, an infinite
  // slope (√h) shrinks it under 3-fold: either way f is not differentiable at X.
  return late!.gap > 1e6 * late!.error && late!.gap > 0.25 * early!.gap;
}

function checkSet(s: Subject, site: ProbeSite, set: SetAnswer, directions: readonly [StructuredDirection, Float64Array][]): void {
  const base = { kind: 'set-support', set: set.kind === 'convex' ? 'convex' : 'Clarke', relation: set.relation, text: set.text, ...site.ref } as const;
  const exact = set.kind === 'convex' && set.relation === 'equal';
  const rounding = (terms: number): number => SAFETY * (Math.sqrt(s.n) + 2) * u * terms;
  for (const [direction, d] of directions) {
    const est = derivative(s, site, direction, d);
    if (!est) continue;
    const point: MatrixDirectionPoint = { kind: 'matrix-direction', matrix: site.matrix, direction, estimate: { kind: 'one-sided', steps: est.steps } };
    const h = support(set, d, s.rows, s.cols);
    const scale = Math.max(est.scale, h.terms / Math.sqrt(s.n));
    if (exact) {
      const claim: SetSupportClaim = { ...base, bound: 'equal' };
      s.builder.compare({ kind: 'support-function', claim, point }, { symbolic: h.value, numeric: est.value, tolerance: est.tolerance + rounding(h.terms), scale });
      continue;
    }
    s.builder.atMost({ kind: 'support-function', claim: { ...base, bound: 'upper' }, point }, { symbolic: h.value, numeric: est.value, tolerance: est.tolerance + rounding(h.terms), scale });
    const opposite = support(set, d.map((t) => -t), s.rows, s.cols);
    s.builder.atLeast(
      { kind: 'support-function', claim: { ...base, bound: 'lower' }, point },
      { symbolic: -opposite.value, numeric: est.value, tolerance: est.tolerance + rounding(opposite.terms), scale: Math.max(scale, opposite.terms / Math.sqrt(s.n)) },
    );
  }
  s.builder.endGroup();
}

/** The analysis's probes, then the --at points no probe repeats (their claims from json.at). */
function probesOf(claims: StructuredClaims): Probe[] {
  const seen = new Set(claims.probes.map((p) => JSON.stringify(p.X)));
  const extra = claims.json.at
    .filter((a) => !seen.has(JSON.stringify(a.X)))
    .map((a): Probe => ({ X: a.X, origin: 'at', differentiable: a.differentiable, gradient: a.gradient, subdifferential: a.subdifferential }));
  return [...claims.probes, ...extra];
}

function checkProbe(s: Subject, probe: Probe, index: number, rng: Rng): void {
  const x = flatten(probe.X, s.rows, s.cols);
  const site: ProbeSite = {
    probe,
    ref: { probe: index, origin: probe.origin },
    matrix: s.named({ kind: 'probe', probe: index }, x),
    x,
    f0: s.bounded(x),
    memo: new Map(),
    reach: probe.margin ?? Infinity,
  };
  // A kink closer than doubles resolve (surfaces 10⁻²⁰ apart, a tie broken at 10⁻¹⁷) leaves nothing to check here.
  if (!Number.isFinite(site.f0.value) || site.reach < MIN_REACH * Math.max(1, maxAbs(x))) return;
  const directions = probeDirections(s, site, rng);
  if (probe.differentiable === true && probe.gradient) checkProbeGradient(s, site, flatten(probe.gradient, s.rows, s.cols), directions);
  else if (probe.differentiable !== null) checkDifferentiability(s, site, directions, rng, probe.differentiable);
  if (probe.subdifferential) checkSet(s, site, probe.subdifferential, directions);
}

// ---------------------------------------------------------------- values

function checkValues(s: Subject, claims: StructuredClaims): void {
  claims.json.at.forEach((a, i) => {
    // No value claimed there (its exact value was not decided): nothing to compare.
    if (!Number.isFinite(a.value)) return;
    const x = flatten(a.X, s.rows, s.cols);
    const f = s.bounded(x);
    const claim = { kind: 'point-value', at: i + 1, value: a.value } as const;
    const point = { kind: 'matrix-value', matrix: s.named({ kind: 'at', index: i + 1 }, x) } as const;
    s.builder.compare(
      { kind: 'value', claim, point },
      { symbolic: a.value, numeric: f.value, tolerance: SAFETY * (f.error + u * Math.abs(a.value)), scale: Math.abs(a.value) },
    );
  });
  // The exact values at the analysis's own probes too: even a constant f gets checked.
  claims.probes.forEach((p, i) => {
    if (p.origin === 'at' || p.value === undefined || !Number.isFinite(p.value)) return;
    const x = flatten(p.X, s.rows, s.cols);
    const f = s.bounded(x);
    const claim = { kind: 'point-value', at: 0, probe: i + 1, value: p.value } as const;
    const point = { kind: 'matrix-value', matrix: s.named({ kind: 'probe', probe: i + 1 }, x) } as const;
    s.builder.compare(
      { kind: 'value', claim, point },
      { symbolic: p.value, numeric: f.value, tolerance: SAFETY * (f.error + u * Math.abs(p.value)), scale: Math.abs(p.value) },
    );
  });
  s.builder.endGroup();
}

// ---------------------------------------------------------------- entry point

/**
 * Cross-checks the claims of a structured analysis against f by finite
 * differences (see the top of this file). `f`: f at X row-major in the
 * claims' shape; pass compileStructured's result for sound rounding bounds.
 */
export function verifyStructured(
  claims: StructuredClaims,
  f: StructuredObjective | ((x: Float64Array) => number),
  seed: number,
  onProgress?: ProgressCallback,
): Evidence {
  const [rows, cols] = claims.shape;
  if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || rows < 1 || cols < 1)
    throw new KinkproofError('input', `the shape must be two positive integers, not ${rows}x${cols}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new KinkproofError('input', `the seed must be a non-negative integer below 2^53, not ${seed}`);
  const builder = new EvidenceBuilder();
  const s = subjectOf(claims, f, builder);
  const probes = probesOf(claims);
  const gradientTotal = unitPoints(s.n) + SIGMAS.length + Math.min(NEAR_PROBES, claims.probes.filter((p) => p.origin === 'surface').length);
  const total = gradientTotal + probes.length + 1;
  let done = 0;
  const step = (): void => onProgress?.(++done, total);
  onProgress?.(0, total);

  checkGradientFormula(s, claims, seed, step);
  const rng = new Rng(seed, STREAM.probes);
  probes.forEach((p, i) => {
    checkProbe(s, p, i + 1, rng);
    step();
  });
  checkValues(s, claims);
  step();
  return builder.finish(seed);
}
