/**
 * A numeric detector of jumps, kinks and class changes of a scalar function
 * φ: R → R given only as a black box (evaluated in floating point). It is
 * deliberately conservative: a verdict is 'differ' or 'agree' only when it is
 * robust under refinement of the step, otherwise 'unclear'.
 *
 * One-sided estimates: on each side of a point p, a degree-4 polynomial
 * through φ(p ± jh), j = 1..5 (never φ(p) itself), differentiated at p
 * (Fornberg weights) gives the one-sided limits of φ, φ′, φ″, φ‴ with
 * truncation error O(h^{5-m}). Repeating with shrinking h separates a real
 * mismatch (the difference stays or grows) from a smooth point (it shrinks
 * like a power of h) and from round-off (bounded by the intermediate
 * magnitudes the evaluator saw).
 */

export type Phi = (t: number, mag: { max: number }) => number;

/** Of the one-sided limits of φ^{(m)} at a point: equal and finite, robustly not (different or infinite), or unclear. */
export type Verdict = 'agree' | 'differ' | 'unclear';

/** Fornberg (1988): weights c[j][k] of the k-th derivative at z from values at nodes x[j]. */
export function fornberg(z: number, x: readonly number[], m: number): number[][] {
  const n = x.length - 1;
  const c = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  let c1 = 1;
  let c4 = x[0]! - z;
  c[0]![0] = 1;
  for (let i = 1; i <= n; i++) {
    const mn = Math.min(i, m);
    let c2 = 1;
    const c5 = c4;
    c4 = x[i]! - z;
    for (let j = 0; j < i; j++) {
      const c3 = x[i]! - x[j]!;
      c2 *= c3;
      if (j === i - 1) {
        for (let k = mn; k >= 1; k--) c[i]![k] = (c1 * (k * c[i - 1]![k - 1]! - c5 * c[i - 1]![k]!)) / c2;
        c[i]![0] = (-c1 * c5 * c[i - 1]![0]!) / c2;
      }
      for (let k = mn; k >= 1; k--) c[j]![k] = (c4 * c[j]![k]! - k * c[j]![k - 1]!) / c3;
      c[j]![0] = (c4 * c[j]![0]!) / c3;
    }
    c1 = c2;
  }
  return c;
}

const NODES = 5;
export const MAX_ORDER = 3;
const LEFT = fornberg(0, [-1, -2, -3, -4, -5], MAX_ORDER);
const RIGHT = fornberg(0, [1, 2, 3, 4, 5], MAX_ORDER);
/** Σ|w| per order: how much round-off a stencil amplifies. */
const AMPLIFY = Array.from({ length: MAX_ORDER + 1 }, (_, k) => LEFT.reduce((s, w) => s + Math.abs(w[k]!), 0));

/** Relative round-off assumed per evaluation, times the largest intermediate magnitude. */
const ROUNDOFF = 1e-14;

export interface OneSided {
  /** [level] estimates of φ^{(m)}(p∓) for m = 0..3: left[m][level], right[m][level]. */
  readonly left: number[][];
  readonly right: number[][];
  /** [m][level] round-off bound of an estimate. */
  readonly noise: number[][];
  /** [m][level] largest |φ| on the stencils. */
  readonly size: number[][];
  readonly ok: boolean;
}

/** Step sizes per order: four levels, shrinking (by 3 for m ≤ 1, by 2 for m ≥ 2, where round-off grows fast). */
export function levels(m: number, h0: number): number[] {
  return m <= 1 ? [h0, h0 / 3, h0 / 9, h0 / 27] : [2 * h0, h0, h0 / 2, h0 / 4];
}

/** One-sided estimates at p. `h0` must leave 5·2·h0 on both sides inside the smooth region. */
export function oneSided(phi: Phi, p: number, h0: number): OneSided {
  const left: number[][] = [];
  const right: number[][] = [];
  const noise: number[][] = [];
  const size: number[][] = [];
  let ok = true;
  for (let m = 0; m <= MAX_ORDER; m++) {
    const L: number[] = [];
    const Rr: number[] = [];
    const N: number[] = [];
    const Z: number[] = [];
    for (const h of levels(m, h0)) {
      const mag = { max: 0 };
      let z = 0;
      let l = 0;
      let r = 0;
      for (let j = 1; j <= NODES; j++) {
        const a = phi(p - j * h, mag);
        const b = phi(p + j * h, mag);
        if (!Number.isFinite(a) || !Number.isFinite(b)) ok = false;
        z = Math.max(z, Math.abs(a), Math.abs(b));
        l += LEFT[j - 1]![m]! * a;
        r += RIGHT[j - 1]![m]! * b;
      }
      const scale = h ** m;
      L.push(l / scale);
      Rr.push(r / scale);
      N.push((ROUNDOFF * Math.max(1e-300, mag.max) * AMPLIFY[m]!) / scale);
      Z.push(z);
    }
    size.push(Z);
    left.push(L);
    right.push(Rr);
    noise.push(N);
  }
  return { left, right, noise, size, ok: ok && mag_ok(left, right) };
}

const mag_ok = (l: number[][], r: number[][]): boolean => l.every((a) => a.every(Number.isFinite)) && r.every((a) => a.every(Number.isFinite));

/** A sequence of estimates settles: its successive changes shrink (or are round-off). */
function settles(xs: readonly number[], noise: readonly number[]): boolean {
  const n = xs.length;
  const d1 = Math.abs(xs[n - 1]! - xs[n - 2]!);
  const d0 = Math.abs(xs[n - 2]! - xs[n - 3]!);
  const floor = 10 * noise[n - 1]!;
  return d1 <= floor || d1 <= 0.6 * d0;
}

/** Compare the one-sided limits of φ^{(m)} at p. */
export function compareOrder(s: OneSided, m: number): Verdict {
  if (!s.ok) return 'unclear';
  const L = s.left[m]!;
  const Rr = s.right[m]!;
  const N = s.noise[m]!;
  const J = L.length - 1;
  const diff = L.map((l, j) => Math.abs(Rr[j]! - l));
  const scale = (j: number): number => Math.max(1, Math.abs(L[j]!), Math.abs(Rr[j]!));
  // differ: a mismatch well above round-off and tolerance that does not shrink with h (a jump) or grows (a singularity).
  const big = (j: number): boolean => diff[j]! > 1e-5 * scale(j) + 100 * N[j]! && diff[j]! > 1e-9;
  if (big(J) && big(J - 1) && big(J - 2) && diff[J]! >= 0.85 * diff[J - 1]! && diff[J - 1]! >= 0.85 * diff[J - 2]!) return 'differ';
  // differ, too: one side blows up (an infinite one-sided limit), growing geometrically far above round-off.
  const blowsUp = (xs: readonly number[]): boolean =>
    Math.abs(xs[J]!) > 1e3 * N[J]! + 1 &&
    Math.abs(xs[J]!) >= 1.3 * Math.abs(xs[J - 1]!) &&
    Math.abs(xs[J - 1]!) >= 1.3 * Math.abs(xs[J - 2]!) &&
    Math.sign(xs[J]!) === Math.sign(xs[J - 1]!) &&
    Math.sign(xs[J - 1]!) === Math.sign(xs[J - 2]!);
  if (blowsUp(L) || blowsUp(Rr)) return 'differ';
  // agree: both sides settle, round-off is small, and the mismatch is tiny or shrinks like a power ≥ ~1.5 of h.
  // The scale here has no floor of 1: a kink of size 1e-9 in a function of size 1e-10 is a kink.
  if (!settles(L, N) || !settles(Rr, N)) return 'unclear';
  const own = Math.max(Math.abs(L[J]!), Math.abs(Rr[J]!), s.size[m]![J]!);
  if (10 * N[J]! > 1e-6 * own) return 'unclear';
  if (diff[J]! <= 1e-9 * own + 10 * N[J]!) return 'agree';
  const fast = m <= 1 ? 0.2 : 0.35;
  if (diff[J]! <= 1e-3 * own && diff[J]! <= fast * diff[J - 1]! && diff[J - 1]! <= fast * diff[J - 2]!) return 'agree';
  return 'unclear';
}

export interface PointReport {
  /** Verdicts for φ, φ′, φ″, φ‴. */
  readonly orders: Verdict[];
  /** Both one-sided limits of φ are numerically settled (their last estimates agree to ~1e-8): leftValue/rightValue are the limits. */
  readonly limitsSettled: boolean;
  /** The left and right estimates at the finest level (for messages). */
  readonly leftValue: number;
  readonly rightValue: number;
  readonly leftSlope: number;
  readonly rightSlope: number;
}

export function examinePoint(phi: Phi, p: number, h0: number): PointReport {
  const s = oneSided(phi, p, h0);
  const orders = Array.from({ length: MAX_ORDER + 1 }, (_, m) => compareOrder(s, m));
  const last = (xs: number[]): number => xs[xs.length - 1]!;
  const settled = (xs: number[]): boolean => {
    const n = xs.length;
    return Math.abs(xs[n - 1]! - xs[n - 2]!) <= 1e-8 * Math.max(1, Math.abs(xs[n - 1]!)) + 10 * s.noise[0]![n - 1]!;
  };
  const limitsSettled = s.ok && settled(s.left[0]!) && settled(s.right[0]!);
  return { orders, limitsSettled, leftValue: last(s.left[0]!), rightValue: last(s.right[0]!), leftSlope: last(s.left[1]!), rightSlope: last(s.right[1]!) };
}

/** The smallest order whose one-sided limits robustly differ, or -1. */
export const firstDiffer = (r: PointReport): number => r.orders.indexOf('differ');

// ---------------------------------------------------------------- scanning an interval

/** Fourth differences on a uniform grid, |Δ⁴φ|; NaN where a value is not finite. */
function fourth(v: readonly number[]): number[] {
  const out = new Array<number>(v.length).fill(NaN);
  for (let i = 2; i + 2 < v.length; i++) out[i] = Math.abs(v[i - 2]! - 4 * v[i - 1]! + 6 * v[i]! - 4 * v[i + 1]! + v[i + 2]!);
  return out;
}

const median = (xs: number[]): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)]!;
};

function grid(phi: Phi, a: number, b: number, n: number): { x: number[]; v: number[]; mag: number } {
  const x: number[] = [];
  const v: number[] = [];
  const mag = { max: 0 };
  for (let i = 0; i < n; i++) {
    const t = a + ((b - a) * i) / (n - 1);
    x.push(t);
    const m = { max: 0 };
    v.push(phi(t, m));
    if (m.max > mag.max) mag.max = m.max;
  }
  return { x, v, mag: mag.max };
}

/** Indices whose |Δ⁴| stands out (30×) against windows 5–9 cells away on both sides, strongest first. */
function spikes(d4: readonly number[], noise: number): number[] {
  const found: number[] = [];
  for (let i = 9; i + 9 < d4.length; i++) {
    const here = d4[i]!;
    if (!Number.isFinite(here) || here <= 1000 * noise) continue;
    const left = median(d4.slice(i - 9, i - 4));
    const right = median(d4.slice(i + 5, i + 10));
    if (!Number.isFinite(left) || !Number.isFinite(right)) continue;
    if (here > 30 * Math.max(left, right) && here >= d4[i - 1]! && here >= d4[i + 1]!) found.push(i);
  }
  // one per cluster
  const kept: number[] = [];
  for (const i of found.sort((a, b) => d4[b]! - d4[a]!)) if (kept.every((k) => Math.abs(k - i) > 4)) kept.push(i);
  return kept;
}

/** Zoom in on a spike: regrid ±3 cells with 41 points, follow the largest |Δ⁴|, until it drowns in round-off. */
function locate(phi: Phi, x0: number, spacing: number, lo: number, hi: number): { center: number; width: number } {
  let center = x0;
  let w = spacing;
  for (let iter = 0; iter < 14; iter++) {
    const a = Math.max(lo, center - 3 * w);
    const b = Math.min(hi, center + 3 * w);
    const g = grid(phi, a, b, 41);
    const d4 = fourth(g.v);
    let best = -1;
    for (let i = 2; i + 2 < d4.length; i++) if (Number.isFinite(d4[i]!) && (best < 0 || d4[i]! > d4[best]!)) best = i;
    if (best < 0) break;
    if (d4[best]! <= 100 * ROUNDOFF * Math.max(1, g.mag) * 16) break;
    center = g.x[best]!;
    w = (b - a) / 40;
    if (w < 1e-10 * Math.max(1, Math.abs(center))) break;
  }
  return { center, width: w };
}

/** Signed R − L of the order-m one-sided estimates at p, finest level. */
function mismatch(phi: Phi, p: number, h0: number, m: number): number {
  const ls = levels(m, h0);
  const h = ls[ls.length - 1]!;
  const mag = { max: 0 };
  let d = 0;
  for (let j = 1; j <= NODES; j++) d += RIGHT[j - 1]![m]! * phi(p + j * h, mag) - LEFT[j - 1]![m]! * phi(p - j * h, mag);
  return d / h ** m;
}

/**
 * Off the true point by w, the two branches of a point where φ^{(k)} jumps by J
 * already differ in φ^{(k−1)} by about J·w, so the lowest mismatch seen may be
 * an artefact of the location. Where it changes sign across the located cell,
 * bisect it to zero: that is the point (a genuine mismatch keeps its sign).
 */
function sharpen(phi: Phi, p: number, width: number, h0: number, lo: number, hi: number): number {
  for (let round = 0; round < 3; round++) {
    const m = firstDiffer(examinePoint(phi, p, h0));
    if (m < 0) return p;
    let a = Math.max(lo, p - 4 * width);
    let b = Math.min(hi, p + 4 * width);
    let fa = mismatch(phi, a, h0, m);
    const fb = mismatch(phi, b, h0, m);
    if (!(fa * fb < 0)) return p;
    for (let i = 0; i < 60 && b - a > 1e-13 * Math.max(1, Math.abs(p)); i++) {
      const mid = (a + b) / 2;
      const fm = mismatch(phi, mid, h0, m);
      if (fm * fa <= 0) b = mid;
      else {
        a = mid;
        fa = fm;
      }
    }
    p = (a + b) / 2;
    width = b - a;
  }
  return p;
}

export interface Feature {
  readonly at: number;
  /** The lowest order m whose one-sided limits differ there (0 jump, 1 kink, 2-3 class). */
  readonly order: number;
  readonly report: PointReport;
}

export interface ScanStats {
  points: number;
  candidates: number;
}

/**
 * Look for non-smooth points of φ inside the open interval (a, b), which is
 * claimed to carry one analytic piece. Returns the robust ones.
 */
export function scanInterval(phi: Phi, a: number, b: number, stats: ScanStats): Feature[] {
  const width = b - a;
  if (!(width > 1e-6)) return [];
  const margin = Math.min(0.01, width / 10);
  const lo = a + margin;
  const hi = b - margin;
  const n = Math.max(41, Math.min(801, Math.ceil((hi - lo) / 0.02) + 1));
  const g = grid(phi, lo, hi, n);
  stats.points += n;
  const d4 = fourth(g.v);
  const spacing = (hi - lo) / (n - 1);
  const features: Feature[] = [];
  for (const i of spikes(d4, ROUNDOFF * Math.max(1, g.mag) * 16).slice(0, 6)) {
    stats.candidates++;
    const located = locate(phi, g.x[i]!, spacing, lo, hi);
    const room = Math.min(located.center - a, b - located.center);
    const h0 = Math.min(1e-2, room / 12);
    if (!(h0 > 1e-6)) continue;
    const p = sharpen(phi, located.center, located.width, h0, lo, hi);
    const report = examinePoint(phi, p, h0);
    const order = firstDiffer(report);
    if (order >= 0) features.push({ at: p, order, report });
  }
  return features;
}
