/**
 * f after reduction (NONSMOOTH.md §1): a ridge sum c + Σ_d ψ_d(⟨d, X⟩) with
 * pairwise non-parallel d, plus outer parts — w·h(s(X)) of a ridge sum s, the
 * Frobenius norm w·‖R(X)‖_F and w·max/min over the entries of R(X), each entry
 * of R one ridge function, and w·h(T(X)) of such a norm or max T.
 */
import type { Scalar } from '../scalar/expr.js';
import type { Cell } from './cells.js';
import type { VectorTable } from './directions.js';

export type Part =
  | { readonly kind: 'compose'; readonly weight: Scalar; readonly h: Scalar; readonly inner: Cell }
  | { readonly kind: 'norm'; readonly weight: Scalar; readonly components: readonly Cell[] }
  | { readonly kind: 'extremum'; readonly which: 'max' | 'min'; readonly weight: Scalar; readonly components: readonly Cell[] }
  /** w·h(T(X)) for a norm or max part T (its own weight included in T). */
  | { readonly kind: 'outer'; readonly weight: Scalar; readonly h: Scalar; readonly inner: Part };

/** Where a direction came from: entry (i, j) of a linear map Z of X, with z_ij = λ·⟨d, X⟩ + β. */
export interface Origin {
  readonly label: string;
  readonly i: number;
  readonly j: number;
  readonly scale: Scalar;
  readonly offset: Scalar;
}

export interface Model {
  readonly ridge: Cell;
  readonly parts: readonly Part[];
  readonly table: VectorTable;
  /** m×n of X. */
  readonly shape: readonly [number, number];
  /** Provenance of directions, by direction key (for naming kink surfaces). */
  readonly origins: ReadonlyMap<string, readonly Origin[]>;
  /** One line per rule used, for the report. */
  readonly rules: readonly string[];
}
