/**
 * What a numeric check claims and where it was tested, as data. Each check
 * kind pairs with the claims and points it can have (`Check`); its wording is
 * written in one place, checkText.ts, for the CLI, the JSON output and the
 * report alike.
 */

/** An exact constant or formula as the symbolic printer writes it (printText), e.g. "sqrt(2)" or "2*relu(X)". */
export type Notation = string;

/** The side a point is approached from: c − δ (−1) or c + δ (+1). */
export type Side = -1 | 1;

/** What φ is claimed to tend to: an exact constant, or ±∞. */
export type ClaimedLimit = { readonly kind: 'finite'; readonly value: Notation } | { readonly kind: 'infinite'; readonly sign: 1 | -1 };

/** The open interval of a claimed smooth piece; an end left out is ∓∞. */
export interface OpenInterval {
  readonly lo?: Notation;
  readonly hi?: Notation;
  /** The period P of a periodic φ: the claim holds on lo + kP < t < hi + kP for every integer k. */
  readonly period?: Notation;
}

/** The claimed subdifferential at one breakpoint: ∂φ(at) = [lo, hi] ({lo} when lo = hi). */
export interface NamedSet {
  readonly at: Notation;
  readonly lo: Notation;
  readonly hi: Notation;
}

// ---------------------------------------------------------------- claims

/** ∇f = formula (entry-wise). */
export interface GradientClaim {
  readonly kind: 'gradient';
  readonly formula: Notation;
}

/** φ(at) = value. */
export interface ValueClaim {
  readonly kind: 'value';
  readonly at: Notation;
  readonly value: Notation;
}

/** φ(t) or φ′(t) → limit as t → at from one side. */
export interface LimitClaim {
  readonly kind: 'limit';
  readonly of: 'φ' | 'φ′';
  readonly at: Notation;
  readonly side: Side;
  readonly limit: ClaimedLimit;
}

/** φ'₋(at) or φ'₊(at) = value: the limit of the one-sided difference quotients. */
export interface OneSidedDerivativeClaim {
  readonly kind: 'one-sided-derivative';
  readonly at: Notation;
  readonly side: Side;
  readonly value: ClaimedLimit;
}

/** φ'₋(at) = φ'₊(at): φ is differentiable at the breakpoint. */
export interface DifferentiableClaim {
  readonly kind: 'differentiable';
  readonly at: Notation;
}

/** φ(t) = formula (or φ′(t) = formula) on an open interval between breakpoints. */
export interface PieceClaim {
  readonly kind: 'piece';
  readonly of: 'φ' | 'φ′';
  readonly formula: Notation;
  readonly interval: OpenInterval;
}

/** φ is continuous (differentiable) at a point inside a claimed smooth piece. */
export interface SmoothClaim {
  readonly kind: 'smooth';
  readonly property: 'continuous' | 'differentiable';
  readonly t: number;
  readonly interval: OpenInterval;
}

/** φ′(t) → end as t → c from one side, where end is an end of the claimed ∂φ(c). */
export interface SubdifferentialEndClaim {
  readonly kind: 'subdifferential-end';
  readonly side: Side;
  /** Which end of the set the side gives ('only' for a single point). */
  readonly end: 'lower' | 'upper' | 'only';
  readonly set: NamedSet;
  readonly subdifferential: 'convex' | 'Clarke';
  /** φ′₋ > φ′₊ at c: the sides give the ends the other way round and there is no Fréchet subgradient. */
  readonly frechetEmpty: boolean;
}

/** The breakpoint sets a matrix check names, and how many more it uses. */
export interface NamedSets {
  readonly sets: readonly NamedSet[];
  readonly more: number;
}

/** f′(X; D) = max over G ∈ ∂f(X) of ⟨G, D⟩, ∂f(X) built from the breakpoint sets. */
export interface SupportFunctionClaim extends NamedSets {
  readonly kind: 'support-function';
}

/** f(Y) − f(X) ≥ ⟨G, Y − X⟩ for G ∈ ∂f(X), ∂f(X) built from the breakpoint sets. */
export interface SubgradientInequalityClaim extends NamedSets {
  readonly kind: 'subgradient-inequality';
}

/** Where a structured claim is stated: a probe of the analysis (1-based) and where it came from. */
export interface ProbeRef {
  readonly probe: number;
  readonly origin: 'at' | 'surface' | 'smooth';
}

/** f′(X; sD) = s·⟨G, D⟩ for the gradient G claimed at a probe, s = ±1 the side. */
export interface ProbeGradientClaim extends ProbeRef {
  readonly kind: 'probe-gradient';
  readonly side: Side;
}

/** f is (not) differentiable at a probe: f′(X; ·) is (not) linear. */
export interface DifferentiabilityClaim extends ProbeRef {
  readonly kind: 'differentiability';
  readonly differentiable: boolean;
}

/**
 * The set S claimed at a probe against f′(X; D): 'equal' f′(X; D) = h_S(D)
 * (S the convex subdifferential); 'upper' f′(X; D) ≤ h_S(D) and 'lower'
 * f′(X; D) ≥ −h_S(−D) (S contains the Clarke generalized gradient).
 */
export interface SetSupportClaim extends ProbeRef {
  readonly kind: 'set-support';
  readonly bound: 'equal' | 'upper' | 'lower';
  readonly set: 'convex' | 'Clarke';
  readonly relation: 'equal' | 'subset';
  /** The set as the analysis writes it. */
  readonly text: string;
}

/** f(X) = value at the user's point `at` (1-based), or at the analysis's own probe `probe`. */
export interface PointValueClaim {
  readonly kind: 'point-value';
  readonly at: number;
  readonly probe?: number;
  readonly value: number;
}

// ---------------------------------------------------------------- points

/** δ = first … last, halving (or shrinking by a fixed factor); both powers of two. */
export interface StepRange {
  readonly first: number;
  readonly last: number;
}

/** A matrix the gradient is tested at (points.ts). */
export type TestMatrix =
  | { readonly kind: 'gaussian'; readonly sigma: number; readonly rows: number; readonly cols: number }
  /** Entries on breakpoints, at a breakpoint ± offset, or N(0, 1). */
  | { readonly kind: 'mixed'; readonly offset: number; readonly rows: number; readonly cols: number };

/** A random direction, the index-th of count. */
export type RandomDirection = { readonly kind: 'rademacher'; readonly index: number; readonly count: number } | { readonly kind: 'gaussian' };

/** A directional derivative of f at a test matrix. */
export interface DirectionPoint {
  readonly kind: 'direction';
  readonly matrix: TestMatrix;
  readonly direction: RandomDirection;
}

/** A partial derivative of f at a test matrix: entry (row, col), 1-based, whose value is `value`. */
export interface EntryPoint {
  readonly kind: 'entry';
  readonly matrix: TestMatrix;
  readonly row: number;
  readonly col: number;
  readonly value: number;
}

/** An entry exactly on a breakpoint, its derivative from the one-sided estimates. */
export interface BreakpointEntryPoint {
  readonly kind: 'breakpoint-entry';
  readonly at: Notation;
}

/** t = at, an exact breakpoint. */
export interface AtPoint {
  readonly kind: 'at';
  readonly at: Notation;
}

/** t = a double inside a claimed piece. */
export interface ProbePoint {
  readonly kind: 'probe';
  readonly t: number;
}

/** Where φ′ near a breakpoint was taken from. */
export type SlopeSource =
  | { readonly kind: 'claimed-gradient'; readonly formula: Notation }
  | { readonly kind: 'piece-derivative'; readonly formula: Notation }
  /** Central differences of φ with step δ/8. */
  | { readonly kind: 'central-differences' };

/** What decided a claimed divergence when growth alone did not show it (breakpointChecks.ts). */
export type DivergenceEvidence =
  /** φ(t) − φ(at) → value ± tolerance ≠ 0. */
  | { readonly kind: 'jump'; readonly at: Notation; readonly value: number; readonly tolerance: number }
  /** The δ^exponent term has this sign once the known terms above it are differenced out. */
  | { readonly kind: 'leading-term'; readonly exponent: Notation; readonly sign: 1 | -1 };

/** Samples at t = at ± δ, δ halving over `steps`, extrapolated to δ → 0. */
export interface SequencePoint {
  readonly kind: 'sequence';
  readonly at: Notation;
  readonly side: Side;
  readonly steps: StepRange;
  readonly slope?: SlopeSource;
  readonly divergence?: DivergenceEvidence;
}

/** t = a double, φ′ from extrapolated central differences of φ with step h over `steps`. */
export interface CentralDifferencePoint {
  readonly kind: 'central-differences';
  readonly t: number;
  readonly steps: StepRange;
}

/** The gap of φ (or φ′) across t = a double, δ shrinking by `shrink` per level over `steps`. */
export interface GapPoint {
  readonly kind: 'gap';
  readonly t: number;
  readonly of: 'φ' | 'φ′';
  readonly steps: StepRange;
  readonly shrink: number;
}

/** A matrix of the subgradient checks (subgradientChecks.ts). */
export interface SubgradientMatrix {
  readonly rows: number;
  readonly cols: number;
  /** Only the first `block` entries take part (D and Y − X vanish on the rest); undefined: all. */
  readonly block?: number;
  /** 'on': every entry on a breakpoint; 'near': at c ± (room + |N(0, 1)|)·max(1, |c|); 'on-or-near': either. */
  readonly entries: 'on' | 'near' | 'on-or-near';
  readonly room: number;
}

/** f′(X; D) along D = ±𝟙 or a random direction. */
export interface SupportDirectionPoint {
  readonly kind: 'support-direction';
  readonly matrix: SubgradientMatrix;
  readonly direction: { readonly kind: 'ones'; readonly sign: 1 | -1 } | { readonly kind: 'rademacher' | 'gaussian'; readonly index: number; readonly count: number };
}

/** A subgradient G of ∂f(X) and a displacement Y − X. */
export interface DisplacementPoint {
  readonly kind: 'displacement';
  readonly matrix: SubgradientMatrix;
  readonly subgradient:
    | { readonly kind: 'lower-corner' | 'upper-corner' }
    | { readonly kind: 'random-corner' | 'random-point'; readonly index: number };
  /** Y = X + scale·Z, Z ~ N(0, 1); against: Y = X + scale·S|Z|, S the signs against G. */
  readonly scale: number;
  readonly against: boolean;
}

/** Where a matrix X of the structured checks came from. */
export type StructuredMatrixKind =
  | { readonly kind: 'gaussian'; readonly sigma: number; readonly index: number }
  /** A probe X_p plus radius·Z, Z ~ N(0, 1): beside a kink surface. */
  | { readonly kind: 'near-probe'; readonly probe: number; readonly radius: number }
  | { readonly kind: 'probe'; readonly probe: number }
  | { readonly kind: 'at'; readonly index: number };

/** A matrix X of the structured checks; `entries`: X itself, printed, when it is small. */
export type StructuredMatrix = StructuredMatrixKind & { readonly rows: number; readonly cols: number; readonly entries: string | null };

/** A direction D of the structured checks (index of count, 1-based). */
export type StructuredDirection =
  | { readonly kind: 'gaussian' | 'rademacher'; readonly index: number; readonly count: number }
  /** ±V for the matrix V of part `part` of the claimed set (`member`: its vertex or component). */
  | { readonly kind: 'part'; readonly part: number; readonly member: number; readonly sign: 1 | -1 }
  /** ∇f(X + εE) − ∇f(X − εE) from the claimed gradient formula, E Gaussian. */
  | { readonly kind: 'gradient-difference'; readonly index: number }
  /** ±E_k, the unit matrix of entry k (row-major, from 1). */
  | { readonly kind: 'unit'; readonly entry: number; readonly sign: 1 | -1 };

/** How a derivative along D was estimated. */
export type DerivativeEstimate =
  /** Central differences with steps h and 2h, extrapolated; the tolerance includes how far the claimed gradient bends within the stencil. */
  | { readonly kind: 'central'; readonly h: number }
  /** One-sided quotients (f(X + hD) − f(X))/h over the halving steps, extrapolated. */
  | { readonly kind: 'one-sided'; readonly steps: StepRange };

/** A derivative of f at X along D. */
export interface MatrixDirectionPoint {
  readonly kind: 'matrix-direction';
  readonly matrix: StructuredMatrix;
  readonly direction: StructuredDirection;
  readonly estimate: DerivativeEstimate;
}

/**
 * The directions tried for a nonlinearity of f′(X; ·): the defect
 * f′(X; D) + f′(X; −D) of each, and f′(X; D₁) + f′(X; D₂) − f′(X; D₁ + D₂)
 * of pairs; `best` the direction with the largest resolved defect.
 */
export interface KinkSearchPoint {
  readonly kind: 'kink-search';
  readonly matrix: StructuredMatrix;
  readonly tried: number;
  readonly best: StructuredDirection | null;
  readonly steps: StepRange;
}

/** f evaluated at a matrix. */
export interface MatrixValuePoint {
  readonly kind: 'matrix-value';
  readonly matrix: StructuredMatrix;
}

// ---------------------------------------------------------------- checks

/** Every check kind with the claims it makes and the points it makes them at. */
export type Check =
  | { readonly kind: 'gradient-direction'; readonly claim: GradientClaim; readonly point: DirectionPoint }
  | { readonly kind: 'gradient-entry'; readonly claim: GradientClaim; readonly point: EntryPoint | BreakpointEntryPoint }
  | { readonly kind: 'one-sided'; readonly claim: OneSidedDerivativeClaim; readonly point: SequencePoint }
  | { readonly kind: 'one-sided'; readonly claim: DifferentiableClaim; readonly point: AtPoint }
  | { readonly kind: 'derivative-continuity'; readonly claim: LimitClaim; readonly point: SequencePoint }
  | { readonly kind: 'value'; readonly claim: ValueClaim; readonly point: AtPoint }
  | { readonly kind: 'value'; readonly claim: LimitClaim; readonly point: SequencePoint }
  | { readonly kind: 'support-function'; readonly claim: SupportFunctionClaim; readonly point: SupportDirectionPoint }
  | { readonly kind: 'subgradient-inequality'; readonly claim: SubgradientInequalityClaim; readonly point: DisplacementPoint }
  | { readonly kind: 'clarke-endpoint'; readonly claim: SubdifferentialEndClaim; readonly point: SequencePoint }
  | { readonly kind: 'piece-value'; readonly claim: PieceClaim; readonly point: ProbePoint }
  | { readonly kind: 'piece-derivative'; readonly claim: PieceClaim; readonly point: CentralDifferencePoint }
  | { readonly kind: 'piece-smoothness'; readonly claim: SmoothClaim; readonly point: GapPoint }
  // Functions that are not separable (structured/verifyStructured.ts).
  | { readonly kind: 'structured-gradient'; readonly claim: GradientClaim | ProbeGradientClaim; readonly point: MatrixDirectionPoint }
  /** The formula's matrix has the wrong shape (symbolic: the entries of X, numeric: the entries it has). */
  | { readonly kind: 'structured-gradient'; readonly claim: GradientClaim; readonly point: MatrixValuePoint }
  | { readonly kind: 'differentiability'; readonly claim: DifferentiabilityClaim; readonly point: MatrixDirectionPoint | KinkSearchPoint }
  | { readonly kind: 'support-function'; readonly claim: SetSupportClaim; readonly point: MatrixDirectionPoint }
  | { readonly kind: 'value'; readonly claim: PointValueClaim; readonly point: MatrixValuePoint };

export type CheckKind = Check['kind'];
export type Claim = Check['claim'];
export type Point = Check['point'];

/** The numbers of a check. */
export interface Outcome {
  /** ±Infinity for a claimed divergence, NaN or ±Infinity for a claim without a finite value (JSON: null; the claim says which). */
  readonly symbolic: number;
  readonly numeric: number;
  /** |numeric − symbolic| / max(|symbolic|, |numeric|, the quantity's natural size, the absolute tolerance). */
  readonly relError: number;
  /** The absolute tolerance of the error model, on the same relative scale. */
  readonly tolerance: number;
  readonly passed: boolean;
  /**
   * How numeric was compared with symbolic: 'equal' up to the tolerance;
   * 'at-least' (numeric ≥ symbolic) or 'at-most' (numeric ≤ symbolic), an
   * inequality whose relative error counts only a violation; 'verdict', a
   * yes/no test (relError 0 or 1) such as a gap that shrinks.
   */
  readonly relation: Relation;
}

export type Relation = 'equal' | 'at-least' | 'at-most' | 'verdict';

export type CheckRecord = Check & Outcome;
