/**
 * The one-sided directional derivative f′(X; D) at an exact point, built by
 * composing one-sided derivatives (Shapiro 1990: (g∘h)′(x; d) = g′(h(x); h′(x; d))
 * for locally Lipschitz, directionally differentiable g, h). It comes out as
 *   f′(X; D) = ⟨G, D⟩ + Σ_v c_v·σ(⟨v, D⟩) + Σ (norm and max pieces),
 * a linear part plus positively homogeneous pieces, one σ per surface
 * direction after terms on one surface were added (directions are interned:
 * equal keys are parallel, different keys are not).
 */
import * as P from '../exact/poly.js';
import type { Poly } from '../exact/poly.js';
import { signOfConstant } from '../exact/calculus.js';
import type { Direction } from './directions.js';
import type { Local } from './univariate.js';

/** A linear form Σ_key coef·⟨v_key, D⟩ on interned rank-one directions. */
export class LinearForm {
  readonly coef = new Map<string, { dir: Direction; c: Poly }>();

  add(dir: Direction, c: Poly): void {
    if (P.isZero(c)) return;
    const slot = this.coef.get(dir.key);
    if (slot) slot.c = P.add(slot.c, c);
    else this.coef.set(dir.key, { dir, c });
  }

  addScaled(other: LinearForm, k: Poly): void {
    for (const { dir, c } of other.coef.values()) this.add(dir, P.mul(k, c));
  }

  /** Coefficients left after cancellation (exact zeros dropped by the caller's sign test). */
  entries(): { dir: Direction; c: Poly }[] {
    return [...this.coef.values()];
  }
}

/** One component of a norm at R = 0: R_k′(X; D) = right·s for s ≥ 0 and left·s for s < 0, s = ⟨dir, D⟩. */
export interface Slopes {
  readonly dir: Direction;
  readonly left: Poly;
  readonly right: Poly;
}

export type Piece =
  /** w·‖(R_k′(X; D))_k‖₂ at a point where R(X) = 0. */
  | { readonly kind: 'norm'; readonly weight: Poly; readonly components: readonly Slopes[] }
  /** w·max (or min) over tied entries of ⟨g_k, D⟩, g_k = slope_k·dir_k. */
  | { readonly kind: 'hull'; readonly which: 'max' | 'min'; readonly weight: Poly; readonly vertices: readonly { dir: Direction; slope: Poly }[] }
  /** w·h′(s; ⟨g, D⟩) at a kink of an outer h with s differentiable: a σ along g, which may be no single direction. */
  | { readonly kind: 'outerKink'; readonly jump: Poly; readonly g: LinearForm }
  /** w·max over general matrices (max(0, ⟨L + g_k, D⟩) at a kink of an outer function on a max). */
  | { readonly kind: 'hullForms'; readonly weight: Poly; readonly vertices: readonly LinearForm[] }
  /** A kink of an outer function on a non-linear inner derivative: known only to be sublinear (+1) or superlinear (−1) and not linear. */
  | { readonly kind: 'composite'; readonly sign: 1 | -1 };

/** f′(X; ·) as it is being assembled. */
export class DirectionalDerivative {
  readonly linear = new LinearForm();
  /** Coefficients c_v of σ(⟨v, D⟩). */
  readonly sigma = new LinearForm();
  readonly pieces: Piece[] = [];
  /** Why a part could not be composed (then nothing is decided). */
  readonly unknown: string[] = [];
  /** Ridge functions with a jump or an infinite slope here. */
  readonly steep: string[] = [];

  /** Adds k·ψ′(u; ⟨dir, D⟩) for ψ behaving as `local` at u. */
  addRidge(dir: Direction, local: Local, k: Poly): void {
    switch (local.kind) {
      case 'smooth':
        this.linear.add(dir, P.mul(k, local.slope));
        return;
      case 'kink':
        // ψ′(u; s) = left·s + (right − left)·σ(s).
        this.linear.add(dir, P.mul(k, local.left));
        this.sigma.add(dir, P.mul(k, P.sub(local.right, local.left)));
        return;
      case 'steep':
        // 0 times an infinite slope is no slope at all: (√|x|)² = |x| is not decided by a zero outer slope.
        if (P.isZero(k)) this.unknown.push(`an outer slope 0 meets ${local.reason}`);
        else this.steep.push(local.reason);
        return;
      case 'unknown':
        this.unknown.push(local.reason);
        return;
    }
  }

  /** Adds k times another directional derivative (an inner sum scaled by an outer slope). */
  addScaled(other: DirectionalDerivative, k: Poly): void {
    this.unknown.push(...other.unknown);
    if (P.isZero(k)) {
      if (other.steep.length) this.unknown.push(`an outer slope 0 meets ${other.steep[0]}`);
      return;
    }
    this.linear.addScaled(other.linear, k);
    this.sigma.addScaled(other.sigma, k);
    for (const p of other.pieces) this.pieces.push(scalePiece(p, k));
    this.steep.push(...other.steep);
  }

  /** Is this (an inner sum's) derivative linear with nothing undecided: the inner function is differentiable here. */
  isPlainLinear(): boolean {
    return this.unknown.length === 0 && this.steep.length === 0 && this.pieces.length === 0 && this.sigma.entries().every((e) => P.isZero(e.c));
  }
}

/** k times a piece: weights (and jumps) scale; a negative k turns a sublinear piece superlinear. */
function scalePiece(p: Piece, k: Poly): Piece {
  switch (p.kind) {
    case 'norm':
    case 'hull':
    case 'hullForms':
      return { ...p, weight: P.mul(k, p.weight) };
    case 'outerKink':
      return { ...p, jump: P.mul(k, p.jump) };
    case 'composite': {
      const s = signOfConstant(k);
      return { ...p, sign: (s === -1 ? -p.sign : p.sign) as 1 | -1 };
    }
  }
}
