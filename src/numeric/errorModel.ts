/**
 * The floating-point error model behind every step size and tolerance.
 *
 * u = 2⁻⁵³ is the unit roundoff. Every computed value of φ or ψ comes with a
 * running error bound (emit.ts): each operation adds u·|its result|, and
 * errors of operands, including the rounding of the argument itself, are
 * carried through local derivatives. A sum of m terms adds at most about
 * √m·u·Σ|terms| (the probabilistic bound of Higham and Mary, 2019, for
 * rounding errors that are not systematic). Rounding bounds are multiplied
 * by SAFETY before use.
 *
 * Truncation is estimated from the numbers themselves: two Richardson steps
 * cancel the h and h² terms of a halving sequence, and the remaining error is
 * bounded by a geometric tail fitted to the last differences.
 */

export const UNIT_ROUNDOFF = 2 ** -53;

/**
 * Factor on every rounding bound. For sums it is the λ of Higham and Mary's
 * λ·√m·u, exceeded with probability below 2·exp(−λ²/2) ≈ 3·10⁻¹⁴; for the
 * running bounds, which are first order, it covers the terms they drop.
 */
export const SAFETY = 8;

/** The largest power of two ≤ x: steps that are powers of two make h·d, 2h·d and c ± δ_k halvings exact. */
export const powerOfTwoAtMost = (x: number): number => 2 ** Math.floor(Math.log2(x));

/**
 * Step for the extrapolated central difference R(h) = (4·D(h) − D(2h))/3,
 * D(h) = (φ(x+h) − φ(x−h))/(2h): its truncation is O(h⁴·|φ⁽⁵⁾|) and its
 * rounding O(u·|φ|/h), balanced at h ≈ u^{1/5}·ℓ, ℓ the length over which φ
 * changes. ℓ is taken as the scale of the entries, at most 1 (breakpoints and
 * curvature of φ sit at unit scale unless φ says otherwise).
 */
export const stepFor = (scale: number): number => powerOfTwoAtMost(UNIT_ROUNDOFF ** 0.2 * Math.min(scale, 1));

/**
 * How far (per unit of |d|) an entry must stay from a kink: four times the
 * widest step 2h. The difference stencil then never straddles a kink, and it
 * spans at most a quarter of the distance to the nearest singularity of the
 * piece, so the expansion in powers of h that extrapolation and the
 * truncation estimate rest on converges fast (|t|^{3/2}, whose third
 * derivative is unbounded at 0, needs that room).
 */
export const kinkMargin = (h: number): number => 8 * h;

/**
 * Room for a kink's double being off its exact value (`errors`: bounds on that
 * distance, constants.ts; u·|c| at least), and for rounding of entries near it.
 */
export const kinkSlack = (kinks: readonly number[], errors: readonly number[] = []): number =>
  4 * UNIT_ROUNDOFF * Math.max(0, ...kinks.map(Math.abs)) + 2 * Math.max(0, ...errors);

/** Bound (before SAFETY) for a sum of `count` terms whose magnitudes add up to `absSum`. */
const summationError = (count: number, absSum: number): number => Math.sqrt(count) * UNIT_ROUNDOFF * absSum;

/** Slowest shrinking of successive differences that counts as convergence in divergesTo, and the cap on the ratio of rounding noise. */
const CONVERGENT_RATIO = 0.95;
/** Slowest resolved shrinking for which extrapolate still bounds the tail (|t|^(1/100) converges at 2^(−1/100) ≈ 0.993). */
const SLOWEST_RATIO = 0.999;

/** Factor on the fitted tail (see extrapolate). */
const TAIL_SAFETY = 2;

export interface Estimate {
  /** The extrapolated value. */
  readonly value: number;
  /** Absolute error bound: SAFETY × propagated rounding + fitted truncation tail. */
  readonly tolerance: number;
  /** Largest |sample|: the size of the quantity, for relative errors. */
  readonly scale: number;
}

/**
 * The limit as δ → 0 of samples g(δ_k), δ_k = δ₀·2⁻ᵏ, with absolute rounding
 * bounds per sample. Richardson twice (assumes g(δ) = L + aδ + bδ² + …; for
 * other expansions, such as √δ, it leaves a tail that the fit below measures),
 * then the tail: with successive differences shrinking by ratio r, the error
 * after the last one is |last difference|·r/(1 − r), r fitted (at least ½).
 * A slow rate is honoured, not capped: |t|^(1/100) → 0 converges at ratio
 * 0.993, and a cap of 0.95 made its true limit fail. Where the rate is not
 * resolved (differences within rounding) r is capped at 0.95 as before; where
 * it is resolved and at least 0.999 the tail is unbounded and the estimate
 * says nothing (a check with it is skipped, evidence.ts). The tail is exact
 * for a purely geometric error, so it is doubled to leave room for the rest.
 */
export function extrapolate(samples: readonly number[], rounding: readonly number[]): Estimate {
  let values = [...samples];
  let errors = [...rounding];
  for (const order of [1, 2]) {
    const w = 2 ** order;
    values = values.slice(1).map((v, k) => (w * v - values[k]!) / (w - 1));
    errors = errors.slice(1).map((e, k) => (w * e + errors[k]!) / (w - 1));
  }
  const n = values.length;
  const last = values[n - 1]!;
  const d1 = Math.abs(last - values[n - 2]!);
  const d0 = Math.abs(values[n - 2]! - values[n - 3]!);
  // Differences within rounding carry no rate: the rounding term bounds them, and the ratio keeps its old floor and cap.
  const noise = d1 <= SAFETY * (errors[n - 1]! + errors[n - 2]!);
  const fitted = d0 === 0 ? 0.5 : Math.max(0.5, d1 / d0);
  const ratio = noise ? Math.min(CONVERGENT_RATIO, fitted) : fitted;
  // A resolved rate slower than SLOWEST_RATIO (δ^0.0014) is no measured convergence: the limit is not estimated.
  const tail = ratio >= SLOWEST_RATIO ? Infinity : (TAIL_SAFETY * d1 * ratio) / (1 - ratio);
  return {
    value: last,
    tolerance: SAFETY * errors[n - 1]! + tail,
    scale: Math.max(...samples.map(Math.abs)),
  };
}


/**
 * Do the samples (δ halving) diverge to ±∞ with the given sign? The last four
 * must have that sign and grow in size, each of their three increments must
 * be resolved above the samples' rounding (SAFETY × the two bounds), and the
 * increments must not shrink as a convergent sequence's do: by a factor of
 * CONVERGENT_RATIO or less per halving, which extrapolate reads as a finite
 * limit (L − δ grows towards L, not to ∞). δ^−p and jumps (q ~ J/δ) have
 * increments that grow, log δ constant ones.
 */
export function divergesTo(samples: readonly number[], sign: 1 | -1, rounding: readonly number[] = []): boolean {
  const n = samples.length;
  if (n < 4) return false;
  const tail = samples.slice(-4);
  const errors = rounding.length === n ? rounding.slice(-4) : [0, 0, 0, 0];
  if (!tail.every((v) => Math.sign(v) === sign)) return false;
  const increments = tail.slice(1).map((v, k) => sign * (v - tail[k]!));
  return increments.every(
    (d, k) =>
      d > SAFETY * (errors[k]! + errors[k + 1]!) && // grows in size, beyond rounding
      (k === 0 || d > CONVERGENT_RATIO * increments[k - 1]!), // and not like a convergent tail
  );
}

/** What a directional pass measured (the TOTAL slots of compile.ts, or one entry's own numbers). */
export interface DirectionalTotals {
  /** Σ d·(φ(x+hd) − φ(x−hd)) at steps h and 2h. */
  readonly step1: number;
  readonly step2: number;
  /** ⟨G, D⟩ from the claimed gradient. */
  readonly inner: number;
  readonly phiError: number;
  readonly differences: number;
  readonly gradientError: number;
  readonly gradient: number;
  readonly used: number;
}

export interface Comparison {
  readonly symbolic: number;
  readonly numeric: number;
  /** Absolute. */
  readonly tolerance: number;
  /** The natural size of the quantity compared (for relative errors). */
  readonly scale: number;
  /**
   * How far the double `symbolic` may be from the claim's exact value: the
   * running error bound of a claimed formula as evaluated, or the error of a
   * constant's double. Not finite: the claim's evaluation overflowed, and a
   * non-finite `symbolic` is no contradiction (evidence.ts). Absent: exact.
   */
  readonly claimError?: number;
}

/**
 * ⟨G, D⟩ against R(h). Rounding: each difference φ(x+hd) − φ(x−hd) errs by
 * at most twice the running error bound of φ near x (which includes the
 * rounding of x ± hd), summing the differences adds √m·u·Σ|differences|
 * (the 256 sign buckets add at most 256 more terms), and ⟨G, D⟩ errs by
 * Σ|d|·(bound of ψ) plus its own summation. R = (4D(h) − D(2h))/3 carries
 * the rounding of D(h) with a factor of at most 3/2 (that of D(2h) is half as
 * large). Truncation: |D(h) − R(h)| estimates the error of D(h), a generous
 * bound for that of R(h), which is smaller by a factor O(h²).
 */
export function compareDirectional(t: DirectionalTotals, h: number): Comparison {
  const d1 = t.step1 / (2 * h);
  const d2 = t.step2 / (4 * h);
  const extrapolated = (4 * d1 - d2) / 3;
  const terms = t.used + 256;
  const stepRounding = 2 * t.phiError + summationError(terms, t.differences);
  const innerRounding = t.gradientError + summationError(terms, t.gradient);
  return {
    symbolic: t.inner,
    numeric: extrapolated,
    tolerance: SAFETY * ((3 / 2) * (stepRounding / (2 * h)) + innerRounding) + Math.abs(d1 - extrapolated),
    scale: t.gradient / Math.sqrt(Math.max(t.used, 1)),
    claimError: t.gradientError,
  };
}
