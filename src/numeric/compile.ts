/**
 * Kernels for an entry function φ, compiled from generated JavaScript (see
 * emit.ts for how the source is built and why it is safe): φ at one point,
 * its rounding bound, f over a matrix, ψ entry-wise, and the fused
 * directional passes of the gradient checks.
 */
import type { Scalar } from '../symbolic/index.js';
import { Emitter, literal } from './emit.js';
import { UNIT_ROUNDOFF } from './errorModel.js';
import { wasmRange } from './wasm/fusedRange.js';

/** Passes over 256 entries that make V8 optimize a kernel before its first long pass (see warmUp). */
export const WARMUP_PASSES = 100;
/** Matrices from this many entries on get warmed-up fused kernels. */
const LONG_PASS = 1 << 16;
/**
 * …and from this many on, WebAssembly ones where φ and ψ translate: building and compiling a module
 * costs about as much as its passes save at this size (2.5 ms for relu(t)², 0.2 s for a φ of 300 nodes).
 */
const WASM_PASS = 1 << 18;

/**
 * V8 optimizes a long loop on the fly (OSR) but discards that code at the
 * first statement after the loop that never ran, so every new pass would start
 * unoptimized (three times slower at 2000×2000). Kernels therefore run on a
 * small sample first, with non-integer arguments like the real ones.
 */
function warmUp(run: () => void): void {
  for (let k = 0; k < WARMUP_PASSES; k++) run();
}

/** 256 entries: the kinks themselves, the rest well away from them. */
function warmUpSample(kinks: readonly number[]): Float64Array {
  const away = 1 + Math.max(0, ...kinks.map(Math.abs));
  return Float64Array.from({ length: 256 }, (_, i) => (i < kinks.length ? kinks[i]! : (i % 2 ? away : -away) * (1 + i / 256)));
}

/** Source whose body returns `fn`, with the emitter's hoisted constants (and `prelude`) before it: what other threads compile too. */
const functionSource = (emitter: Emitter, fn: string, prelude = ''): string => `"use strict";\n${emitter.hoisted.join('\n')}\n${prelude}\nreturn ${fn};`;

function build<T>(emitter: Emitter, fn: string): T {
  return new Function(functionSource(emitter, fn))() as T;
}

/** φ as a scalar function (for probing near breakpoints). */
export function compileEntry(phi: Scalar): (t: number) => number {
  const e = new Emitter();
  const body: string[] = [];
  const result = e.emit(phi, 't', 'v', body);
  return build(e, `function entry(t) {\n${body.join('\n')}\nreturn ${result.v};\n}`);
}

/** A first-order bound on the rounding error of the computed φ(t) when t itself is off by up to `inputError`. */
export function compileRoundingBound(phi: Scalar): (t: number, inputError: number) => number {
  const e = new Emitter();
  const body: string[] = [];
  const result = e.emit(phi, 't', 'v', body, 'inputError');
  return build(e, `function roundingBound(t, inputError) {\n${body.join('\n')}\nreturn ${result.e};\n}`);
}

/** Interleaved accumulators of compileSum: independent add chains keep the loop at memory speed (4 measured best; 2 and 8 are slower). */
const LANES = 4;

/** Pairwise sum of the accumulators s0 … s(k−1), as source. */
const pairwise = (names: readonly string[]): string =>
  names.length === 1 ? names[0]! : `(${pairwise(names.slice(0, names.length / 2))} + ${pairwise(names.slice(names.length / 2))})`;

/** f(X) = offset + Σ φ(x_i) over a row-major buffer. */
export function compileSum(phi: Scalar, offset: number): (x: Float64Array) => number {
  const e = new Emitter();
  const accumulators = Array.from({ length: LANES }, (_, j) => `s${j}`);
  const lanes = accumulators.map((acc, j) => {
    const body = [`const t${j} = x[i + ${j}];`];
    const r = e.emit(phi, `t${j}`, `l${j}_`, body);
    return `${body.join('\n')}\n${acc} += ${r.v};`;
  });
  const tail: string[] = ['const t = x[i];'];
  const r = e.emit(phi, 't', 'v', tail);
  const sum = build<(x: Float64Array) => number>(
    e,
    `function sum(x) {
  const n = x.length;
  let ${accumulators.map((a) => `${a} = 0`).join(', ')}, i = 0;
  for (; i + ${LANES - 1} < n; i += ${LANES}) {\n${lanes.join('\n')}\n  }
  for (; i < n; i++) {\n${tail.join('\n')}\ns0 += ${r.v};\n  }
  return ${literal(offset)} + ${pairwise(accumulators)};
}`,
  );
  const sample = warmUpSample([]);
  warmUp(() => sum(sample));
  return sum;
}

/** out[i] = ψ(x[i]): the claimed gradient, entry-wise. */
export function compileMap(psi: Scalar): (x: Float64Array, out: Float64Array) => void {
  const e = new Emitter();
  const body: string[] = ['const t = x[i];'];
  const r = e.emit(psi, 't', 'v', body);
  const map = build<(x: Float64Array, out: Float64Array) => void>(
    e,
    `function map(x, out) {\n  const n = x.length;\n  for (let i = 0; i < n; i++) {\n${body.join('\n')}\nout[i] = ${r.v};\n  }\n}`,
  );
  const sample = warmUpSample([]);
  const out = new Float64Array(sample.length);
  warmUp(() => map(sample, out));
  return map;
}

/**
 * Slots of `totals` after a fused pass. The first five are the Rademacher
 * directions' magnitudes; the three sums of each of those directions are
 * formed from the sign buckets (`directionSums`). The Gaussian direction D has
 * its own magnitudes and its three sums Σ d·(φ(x+h) − φ(x−h)) at steps h and
 * 2h and Σ d·ψ(x) = ⟨G, D⟩. Entries within reach of a kink are left out of
 * every sum (see `compileFused`).
 */
export const TOTAL = {
  /** Σ running error bound of φ near x (each of φ(x ± h), φ(x ± 2h) is taken to err by as much) */
  phiError: 0,
  /** Σ |φ(x+h) − φ(x−h)| */
  differences: 1,
  /** Σ running error bound of ψ(x) */
  gradientError: 2,
  /** Σ |ψ(x)| */
  gradient: 3,
  /** entries used (by every direction) */
  used: 4,
  /** The Gaussian direction: Σ |d|·(bound of φ) plus the rounding of the products by d */
  gaussianPhiError: 5,
  /** Σ |d·(φ(x+h) − φ(x−h))| */
  gaussianDifferences: 6,
  /** Σ |d|·(bound of ψ(x)) plus the rounding of d·ψ(x) */
  gaussianGradientError: 7,
  /** Σ |d·ψ(x)| */
  gaussianGradient: 8,
  step1: 9,
  step2: 10,
  inner: 11,
} as const;
export const TOTAL_SLOTS = 12;

/** Per byte value b of `signs`: slots 3b, 3b+1, 3b+2 hold the step-h, step-2h and ψ sums of entries with that byte. */
export const SIGN_BUCKETS = 256 * 3;

/**
 * One fused pass at a test point X = factor·x (entry by entry): eight
 * Rademacher directions and one Gaussian direction D, D_i = d[(i + shift) mod n].
 * Bit j of signs[i] is the sign of Rademacher direction j at entry i.
 *
 * Every direction is formed from the same central differences of φ per entry,
 * φ(x ± h) and φ(x ± 2h). f is separable, so f(X + hS) − f(X − hS) for a ±1
 * direction S is Σ sᵢ·(φ(xᵢ + h) − φ(xᵢ − h)): the pass sorts each entry's
 * differences into 256 buckets by its sign byte, and `directionSums` forms
 * each Rademacher direction's sums from them. The Gaussian direction's
 * derivative f′(X; D) = Σ dᵢ·φ′(xᵢ) is formed from the same differences
 * weighted by dᵢ, Σ dᵢ·(φ(xᵢ + h) − φ(xᵢ − h)), and compared with ⟨G, D⟩ =
 * Σ dᵢ·ψ(xᵢ): a Gaussian projection of the entry-wise residuals
 * (φ(xᵢ + h) − φ(xᵢ − h))/2h − ψ(xᵢ), which is 0 almost surely only if every
 * residual is (where a Rademacher projection is 0 with probability up to ½).
 * It adds no evaluation of φ: cost per entry hardly grows with the directions.
 */
export type DirectionsKernel = (...args: [...PassHead, buckets: Float64Array, totals: Float64Array]) => void;

/** The arguments every pass starts with: the point, the directions, the step and the distance kept from kinks. */
type PassHead = [x: Float64Array, factor: number, d: Float64Array, shift: number, signs: Uint8Array, h: number, reach: number, slack: number];

/**
 * The fused pass over entries from … to − 1 only: its totals go to
 * out[at … at + TOTAL_SLOTS − 1], its sign buckets right after them
 * (PARTIAL_SLOTS in all). Passes over disjoint ranges can run on different
 * threads; `combinePartials` adds their results in a fixed order.
 */
export type RangeKernel = (...args: [...PassHead, from: number, to: number, out: Float64Array, at: number]) => void;

/** One range's results: its totals, then its sign buckets. */
export const PARTIAL_SLOTS = TOTAL_SLOTS + SIGN_BUCKETS;

/**
 * Entries per range. A pass sums range by range and then adds the ranges' sums
 * in order, whatever thread ran which range, so its result does not depend on
 * the number of threads; a matrix of at most this many entries is one range.
 */
export const CHUNK = 1 << 16;

export const chunkCount = (n: number): number => Math.max(1, Math.ceil(n / CHUNK));

/** totals and buckets: the sums of `chunks` consecutive partials starting at partials[at], added in order. */
export function combinePartials(partials: Float64Array, at: number, chunks: number, buckets: Float64Array, totals: Float64Array): void {
  totals.fill(0);
  buckets.fill(0);
  for (let c = 0; c < chunks; c++) {
    const base = at + c * PARTIAL_SLOTS;
    for (let s = 0; s < TOTAL_SLOTS; s++) totals[s] += partials[base + s]!;
    for (let b = 0; b < SIGN_BUCKETS; b++) buckets[b] += partials[base + TOTAL_SLOTS + b]!;
  }
}

export interface FusedKernels {
  /** The whole pass, range by range on this thread. */
  readonly directions: DirectionsKernel;
  /** The fast range kernel (no guards for non-finite values) and its source, for other threads to compile. */
  readonly range: RangeKernel;
  readonly source: string;
  /** The guarded range kernel (compiled on first use): for a pass whose fast sums are not all finite. */
  readonly careful: () => RangeKernel;
  /** What `range` is warmed up on (warmUpRange), for other threads to do the same. */
  readonly sample: Float64Array;
}

export const finite = (xs: Float64Array): boolean => xs.every(Number.isFinite);

/** Every range of a pass with `range` on this thread, into consecutive partials from partials[at] on. */
export function passRanges(
  range: RangeKernel,
  ...[x, factor, d, shift, signs, h, reach, slack, partials, at]: [...PassHead, partials: Float64Array, at: number]
): void {
  for (let c = 0; c < chunkCount(x.length); c++)
    range(x, factor, d, shift, signs, h, reach, slack, c * CHUNK, Math.min(x.length, (c + 1) * CHUNK), partials, at + c * PARTIAL_SLOTS);
}

/** The whole pass with `range` on this thread, range by range, into buckets and totals. */
function wholePass(range: RangeKernel, ...[x, factor, d, shift, signs, h, reach, slack, buckets, totals]: Parameters<DirectionsKernel>): void {
  const partials = new Float64Array(chunkCount(x.length) * PARTIAL_SLOTS);
  passRanges(range, x, factor, d, shift, signs, h, reach, slack, partials, 0);
  combinePartials(partials, 0, chunkCount(x.length), buckets, totals);
}

/**
 * The fused directional kernel for φ and its claimed gradient ψ. An entry x is
 * left out when |x − c| ≤ reach + slack for a kink c, so that no step x ± 2h
 * straddles a kink, and when its differences or the rounding bounds of φ or ψ
 * are not finite (an overflow: the numbers say nothing there). The
 * difference f(X+hD) − f(X−hD) is accumulated entry by entry rather than as
 * two totals: for a separable f the two are equal in exact arithmetic, and the
 * entry-wise form avoids cancelling two sums of size n·|φ| to resolve a
 * difference of size h·|⟨G, D⟩|.
 */
export function compileFused(phi: Scalar, psi: Scalar, kinks: readonly number[], length = Number.POSITIVE_INFINITY): FusedKernels {
  // Warming up pays only before long passes; on a small matrix it would be most of the work.
  const warm = length >= LONG_PASS;
  const sample = warmUpSample(kinks);
  const fast = fusedKernel(phi, psi, kinks, length >= WASM_PASS ? 'wasm' : 'fast');
  if (warm) warmUpRange(fast.range, sample, WARMUP_PASSES, PARTIAL_SLOTS);
  let careful: RangeKernel | undefined; // compiled on the first overflow only
  const guarded = (): RangeKernel => {
    if (careful) return careful;
    careful = fusedKernel(phi, psi, kinks, 'careful').range;
    if (warm) warmUpRange(careful, sample, WARMUP_PASSES, PARTIAL_SLOTS);
    return careful;
  };
  return {
    directions: (x, factor, d, shift, signs, h, reach, slack, buckets, totals) => {
      if (!(Number.isSafeInteger(shift) && shift >= 0 && shift <= x.length && d.length === x.length && signs.length === x.length))
        throw new RangeError('a fused pass needs x, d and signs of one length and a shift within it');
      wholePass(fast.range, x, factor, d, shift, signs, h, reach, slack, buckets, totals);
      if (!finite(totals) || !finite(buckets)) wholePass(guarded(), x, factor, d, shift, signs, h, reach, slack, buckets, totals);
    },
    range: fast.range,
    source: fast.source,
    careful: guarded,
    sample,
  };
}

/**
 * Runs a range kernel `passes` times on a small sample, with arguments like
 * the real ones (see warmUp). Self-contained: helper threads compile it from
 * its source (helperJobs.ts).
 */
export function warmUpRange(range: RangeKernel, sample: Float64Array, passes: number, slots: number): void {
  const signs = new Uint8Array(sample.length);
  const out = new Float64Array(slots);
  for (let k = 0; k < passes; k++) range(sample, 1.5, sample, sample.length >>> 1, signs, 0.5, 2 ** -20, 2 ** -30, 0, sample.length, out, 0);
}

/** The WebAssembly range kernel, or undefined where this engine will not compile it here (a browser's main thread compiles only small modules synchronously). */
function instantiate(source: string): RangeKernel | undefined {
  try {
    return new Function(source)() as RangeKernel;
  } catch {
    return undefined;
  }
}

/**
 * The range kernel of compileFused, in two versions. The careful one leaves out an
 * entry whose differences or bounds are not finite (an overflow, or a value
 * rounding cannot resolve; see emit.ts: such an entry says nothing), and
 * keeps an entry whose claimed value is not finite with a finite bound (the
 * check then fails). The fast one has neither the test nor the bounds of
 * non-finite values (Emitter `guarded`): on entries where everything is
 * finite both do the same arithmetic, so when every sum of a fast pass is
 * finite it is the careful pass's result, and otherwise the careful pass runs.
 * (An entry the careful pass treats differently has a non-finite value in
 * φ or ψ; the first such value comes from a rounding, whose unguarded bound
 * u·|∞| is not finite, and from there the unguarded bound stays non-finite
 * wherever the guarded one is (the guards only turn some bounds into 0); the
 * one way back to a finite unguarded bound, heaviside or sign of NaN at the
 * root, is caught by 0·φ(x) and by summing ψ.) The test and the guards cost
 * a third of a pass over relu(X)².
 *
 * Both sum a range as two halves, each entry after entry, and add the two
 * halves' sums at the end: the fast kernel of a long pass is the WebAssembly
 * one where φ and ψ translate ('wasm', wasm/fusedRange.ts), which runs the
 * halves side by side in the two lanes of its registers and so gives this
 * kernel's sums exactly (but for the sign bit of a NaN, which nothing reads:
 * a sum that is not finite sends the pass to the careful kernel), in about
 * two thirds of the time.
 */
function fusedKernel(phi: Scalar, psi: Scalar, kinks: readonly number[], kind: 'careful' | 'fast' | 'wasm'): { range: RangeKernel; source: string } {
  const careful = kind === 'careful';
  const e = new Emitter(careful);
  const body = ['const y1 = t + step, y2 = t - step, y3 = t + step2, y4 = t - step2;'];
  const [a1, b1, a2, b2] = (['y1', 'y2', 'y3', 'y4'] as const).map((y, k) => e.emit(phi, y, `p${k}_`, body).v);
  // The rounding of x ± 2h is the input error of φ; its bound at x stands for all four points.
  body.push(`const inputError = ${literal(UNIT_ROUNDOFF)} * (Math.abs(t) + step2);`);
  const atX = e.emit(phi, 't', 'q', body, 'inputError');
  // + 0·φ(x): exactly 0 where φ(x) is finite, NaN where it is not (then the bound says nothing either).
  const phiError = `(${atX.e} + 0 * ${atX.v})`;
  const g = e.emit(psi, 't', 'g', body, '0');
  body.push(`const a1 = ${a1}, b1 = ${b1}, a2 = ${a2}, b2 = ${b2}, g = ${g.v}, phiError = ${phiError}, gError = ${g.e};`);
  const statements = body.join('\n');
  // literal() refuses a kink that is not a finite number, whichever kernel runs.
  const skip =
    kinks.length === 0 ? '' : `if (${kinks.map((c) => `Math.abs(t - ${literal(c)}) <= near`).join(' || ')}) continue;`;
  // The fast kernel's arithmetic in WebAssembly SIMD where it translates (wasm/fusedRange.ts): the same sums.
  const wasm = kind === 'wasm' ? wasmRange(statements, e.hoisted, kinks) : undefined;
  const wasmSource = wasm && functionSource(e, wasm.fn, wasm.prelude);
  const wasmKernel = wasmSource ? instantiate(wasmSource) : undefined;
  if (wasmSource && wasmKernel) return { range: wasmKernel, source: wasmSource };
  // Careful: an entry whose differences or bounds (times 1 + |d|, for the Gaussian direction's products) are not finite says nothing.
  const unresolved = careful ? 'if (!((1 + ad) * (Math.abs(e1) + Math.abs(e2) + phiError + gError) < Infinity)) continue;' : '';
  // d·ψ(x) is exact where ψ(x) is itself not finite (a pole hit exactly): no rounding to add there, careful only.
  const productRounding = careful ? `(dg - dg === 0 ? ${literal(UNIT_ROUNDOFF)} * Math.abs(dg) : g - g === 0 ? Infinity : 0)` : `${literal(UNIT_ROUNDOFF)} * Math.abs(dg)`;
  const half = `function half(x, factor, d, shift, signs, h, reach, slack, from, to, buckets, at, sums, sumsAt) {
  buckets.fill(0, at, at + ${SIGN_BUCKETS});
  const n = x.length, wrap = n - shift, step = h, step2 = 2 * h, near = reach + slack;
  let phiErrors = 0, differences = 0, gradientErrors = 0, gradient = 0, used = 0;
  let dPhiErrors = 0, dDifferences = 0, dGradientErrors = 0, dGradient = 0, s1 = 0, s2 = 0, inner = 0;
  for (let part = 0; part < 2; part++) {
    // D_i = d[(i + shift) mod n], read in two runs: i below n − shift, and from there on.
    const lo = part === 0 ? from : Math.max(from, wrap), hi = part === 0 ? Math.min(to, wrap) : to, offset = part === 0 ? shift : shift - n;
    for (let i = lo; i < hi; i++) {
      const t = factor * x[i];
      ${skip}
      ${statements}
      const e1 = a1 - b1, e2 = a2 - b2, di = d[i + offset], ad = Math.abs(di);
      ${unresolved}
      phiErrors += phiError; differences += Math.abs(e1); used++;
      gradientErrors += gError; gradient += Math.abs(g);
      const b = at + 3 * signs[i];
      buckets[b] += e1; buckets[b + 1] += e2; buckets[b + 2] += g;
      const de1 = di * e1, de2 = di * e2, dg = di * g;
      dPhiErrors += ad * phiError + ${literal(UNIT_ROUNDOFF)} * (Math.abs(de1) + Math.abs(de2));
      dDifferences += Math.abs(de1);
      dGradientErrors += ad * gError + ${productRounding};
      dGradient += Math.abs(dg);
      s1 += de1; s2 += de2; inner += dg;
    }
  }
  sums[sumsAt + ${TOTAL.phiError}] = phiErrors; sums[sumsAt + ${TOTAL.differences}] = differences;
  sums[sumsAt + ${TOTAL.gradientError}] = gradientErrors; sums[sumsAt + ${TOTAL.gradient}] = gradient; sums[sumsAt + ${TOTAL.used}] = used;
  sums[sumsAt + ${TOTAL.gaussianPhiError}] = dPhiErrors; sums[sumsAt + ${TOTAL.gaussianDifferences}] = dDifferences;
  sums[sumsAt + ${TOTAL.gaussianGradientError}] = dGradientErrors; sums[sumsAt + ${TOTAL.gaussianGradient}] = dGradient;
  sums[sumsAt + ${TOTAL.step1}] = s1; sums[sumsAt + ${TOTAL.step2}] = s2; sums[sumsAt + ${TOTAL.inner}] = inner;
}`;
  const prelude = `const $sums = new Float64Array(${2 * TOTAL_SLOTS}), $second = new Float64Array(${SIGN_BUCKETS});
const $half = ${half};`;
  const range = `function range(x, factor, d, shift, signs, h, reach, slack, from, to, out, at) {
  const mid = from + Math.ceil((to - from) / 2);
  $half(x, factor, d, shift, signs, h, reach, slack, from, mid, out, at + ${TOTAL_SLOTS}, $sums, 0);
  $half(x, factor, d, shift, signs, h, reach, slack, mid, to, $second, 0, $sums, ${TOTAL_SLOTS});
  for (let s = 0; s < ${TOTAL_SLOTS}; s++) out[at + s] = $sums[s] + $sums[${TOTAL_SLOTS} + s];
  for (let b = 0; b < ${SIGN_BUCKETS}; b++) out[at + ${TOTAL_SLOTS} + b] += $second[b];
}`;
  const source = functionSource(e, range, prelude);
  return { range: new Function(source)() as RangeKernel, source };
}

/** Per-direction sums from the buckets of a Rademacher pass: step1[j], step2[j], inner[j] for j < count. */
export function directionSums(
  buckets: Float64Array,
  count: number,
  out: { step1: Float64Array; step2: Float64Array; inner: Float64Array },
): void {
  for (let j = 0; j < count; j++) {
    let s1 = 0;
    let s2 = 0;
    let inner = 0;
    for (let b = 0; b < 256; b++) {
      const sign = (b >> j) & 1 ? 1 : -1;
      s1 += sign * buckets[3 * b]!;
      s2 += sign * buckets[3 * b + 1]!;
      inner += sign * buckets[3 * b + 2]!;
    }
    out.step1[j] = s1;
    out.step2[j] = s2;
    out.inner[j] = inner;
  }
}

/** φ (or a claimed φ′) as a scalar function, with the running bound on its rounding. */
export interface Compiled {
  readonly fn: (t: number) => number;
  readonly bound: (t: number, inputError: number) => number;
}

export const compiled = (s: Scalar): Compiled => ({ fn: compileEntry(s), bound: compileRoundingBound(s) });
