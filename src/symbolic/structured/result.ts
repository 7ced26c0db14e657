/**
 * What kinkproof answers about a function that is not f = c + Σ φ(x_ij) with
 * one φ (NONSMOOTH.md): data matrices, linear layers, outer functions of sums,
 * maxima over entries. Plain data, JSON-safe: this is also `derive --json`
 * with `separable: false` (README, "JSON output").
 */

/** A matrix of doubles, row by row (each the nearest double of an exact number). */
export type Matrix = number[][];

/**
 * One summand of a set S = center + Σ parts (a Minkowski sum). The support
 * function h_S(D) = max_{G∈S} ⟨G, D⟩ is ⟨center, D⟩ + Σ h_part(D):
 * - segment {t·V : lo ≤ t ≤ hi}: max(lo·⟨V,D⟩, hi·⟨V,D⟩);
 * - hull conv{V_1, …, V_r}: max_r ⟨V_r, D⟩;
 * - ball {Σ_k μ_k c_k V_k : ‖μ‖₂ ≤ radius, c_k ∈ [lo_k, hi_k], μ_k ≥ 0 where
 *   `nonnegative`}: radius·‖(h_k(D))_k‖₂ with h_k(D) = max(lo_k s_k, hi_k s_k),
 *   s_k = ⟨V_k, D⟩, clipped at 0 when the component is `nonnegative`, and
 *   max(|lo_k s_k|, |hi_k s_k|) when it is not.
 */
export type SetPart =
  | { readonly kind: 'segment'; readonly matrix: Matrix; readonly lo: number; readonly hi: number }
  | { readonly kind: 'hull'; readonly vertices: Matrix[] }
  | {
      readonly kind: 'ball';
      readonly radius: number;
      readonly components: readonly { readonly matrix: Matrix; readonly lo: number; readonly hi: number; readonly nonnegative: boolean }[];
    };

export interface SetAnswer {
  /** 'convex': the convex subdifferential; 'clarke': Clarke's generalized gradient. */
  readonly kind: 'convex' | 'clarke';
  /** 'equal' only with a theorem for equality; 'subset' when only an outer bound is proved. */
  readonly relation: 'equal' | 'subset';
  /** The theorem used, as it is cited in reports. */
  readonly rule: string;
  readonly center: Matrix;
  readonly parts: readonly SetPart[];
  /** The set in words and formulas, e.g. {G >= 0, supp G in K, ||G||_F <= 1}. */
  readonly text: string;
  readonly latex: string;
}

/** X, f(X) and ∇f(X) as exact numbers, one string per entry (null where not exact, or for a large X). */
export interface ExactPointStrings {
  readonly X: string[][];
  readonly value: string | null;
  readonly gradient: string[][] | null;
}

/** The answer at one point the user gave. */
export interface StructuredPoint {
  /** The nearest doubles of X as given (`exact` has X as written). */
  readonly X: Matrix;
  /** f(X) rounded to the nearest double (`exact` has it exactly). */
  readonly value: number;
  /** The same answer in exact numbers, as text and as LaTeX. */
  readonly exact: { readonly text: ExactPointStrings; readonly latex: ExactPointStrings };
  /** Why f is not locally Lipschitz near X (a ridge function jumps or has an infinite slope there), else null. */
  readonly notLipschitz: string | null;
  /** Decided exactly through the one-sided directional derivative; null with `reason` when not. */
  readonly differentiable: boolean | null;
  readonly gradient: Matrix | null;
  /** Where f is not differentiable (or differentiability is undecided) and a set is proved. */
  readonly subdifferential: SetAnswer | null;
  /** Why f is or is not differentiable here, or why no set is given (null at a differentiable point). */
  readonly reason: string | null;
}

/** A kink surface of f after kinks on the same surface were combined. */
export interface SurfaceJson {
  /** e.g. "(A*X+B)_ij = 0" or "x_ij = 1/2". */
  readonly text: string;
  readonly latex: string;
  /** How many distinct surfaces this line stands for (entries sharing the description). */
  readonly count: number;
  /** What happens across it: a kink (C⁰ only), or the class it keeps (C^k, not C^(k+1)). */
  readonly smoothness: string | null;
  /** Continuous across it with an infinite one-sided slope (a cusp such as √|t|): C⁰ but not a kink, and not locally Lipschitz there. */
  readonly infiniteSlope: boolean;
}

/** A statement with the reason it is exact, cited, or undecided. */
export interface Claim<T> {
  readonly value: T | null;
  /** exact: decided by exact arithmetic; theorem: by the cited theorem; null when undecided. */
  readonly basis: 'exact' | 'theorem' | null;
  readonly reason: string;
}

export interface StructuredJson {
  readonly input: string;
  readonly separable: false;
  /** m×n of X the statements are about (2×2 when the input left the shape free: `shapeWasFree`). */
  readonly shape: readonly [number, number];
  readonly shapeWasFree: boolean;
  /** How f was decomposed, one line per step (chain rule, combining kinks on one surface). */
  readonly structure: string[];
  readonly surfaces: SurfaceJson[];
  /** Whether f is differentiable everywhere. */
  readonly differentiable: Claim<boolean>;
  /** Where f is differentiable, as a condition on X (text and LaTeX). */
  readonly differentiableWhere: { readonly text: string; readonly latex: string; readonly exact: boolean };
  readonly continuous: Claim<boolean>;
  /** 'C^0', 'C^1', …, 'C^inf'. */
  readonly smoothness: Claim<string>;
  readonly convex: Claim<boolean>;
  /**
   * ∇f in matrix notation (the chain rule), and where it is claimed: `differentiable`, wherever f
   * is differentiable (the formula is continuous and f is); `everyTermDifferentiable`, only off the
   * kinks of f's terms (no kinked function's argument at its kink, no tie of a max or min, no norm
   * of 0): where kinks cancel, f can be differentiable on one and the formula wrong there.
   * `note`: where the formula has a singular point of its own.
   */
  readonly gradient: { readonly text: string; readonly latex: string; readonly where: 'differentiable' | 'everyTermDifferentiable'; readonly note?: string } | null;
  /** The set at points where f is not differentiable, described in general. */
  readonly subdifferential: { readonly text: string; readonly latex: string; readonly kind: 'convex' | 'clarke' | null; readonly relation: 'equal' | 'subset' | null; readonly rule: string } | null;
  readonly at: StructuredPoint[];
}

/** A point where the analysis states something, with what it states (what the numeric verifier checks). */
export interface Probe {
  readonly X: Matrix;
  /** Where the point came from: the user's --at, or a point the analysis put on a kink surface or off all of them. */
  readonly origin: 'at' | 'surface' | 'smooth';
  readonly differentiable: boolean | null;
  readonly gradient: Matrix | null;
  readonly subdifferential: SetAnswer | null;
  /** The distance from X to the nearest kink surface it is not on, where known: finite differences must stay closer. */
  readonly margin?: number;
  /** f(X), exactly computed and rounded (checked against f evaluated in doubles). */
  readonly value?: number;
}

/**
 * The analysis as the verifier sees it: the claims, the probes, and the
 * gradient formula evaluated in doubles at any point (null on a kink surface
 * or outside the domain, where the formula does not apply).
 */
export interface StructuredClaims {
  readonly json: StructuredJson;
  /** The shape the claims and probes use (m×n). */
  readonly shape: readonly [number, number];
  readonly probes: readonly Probe[];
  gradientAt(X: Matrix): Matrix | null;
}
