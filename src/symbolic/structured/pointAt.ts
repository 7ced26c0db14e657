/**
 * The exact answer at one point X: f(X), and whether f is differentiable there,
 * decided through f′(X; ·) (directional.ts). A locally Lipschitz f is Fréchet
 * differentiable at X iff d ↦ f′(X; d) is linear. The pieces decide it:
 * - σ(⟨v, D⟩) terms on pairwise non-parallel v: Σ c_v σ(⟨v, D⟩) is linear iff
 *   every c_v = 0 (off the other hyperplanes it kinks across v⊥ by c_v·v);
 * - sublinear pieces only (c_v > 0, w·norm with w > 0, w·max with w > 0) or
 *   superlinear ones only: a sum of sublinear functions is linear iff each is
 *   (p(D) + p(−D) ≥ 0 for each, and the sum of these is 0);
 * - a mixture of the two kinds is not decided (`unknown`, with the reason).
 */
import * as P from '../exact/poly.js';
import type { Poly } from '../exact/poly.js';
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';
import type { Scalar } from '../scalar/expr.js';
import { nearest, signOfConstant } from '../exact/calculus.js';
import type { Cell } from './cells.js';
import { ScaledPoint } from './directions.js';
import { oddnessWitness } from './oddness.js';
import type { Direction } from './directions.js';
import type { Model, Part } from './model.js';
import { DirectionalDerivative, LinearForm } from './directional.js';
import type { Piece, Slopes } from './directional.js';
import type { Local, Univariates } from './univariate.js';
import { constantPoly } from './univariate.js';
import { compareExact } from '../solve.js';

export type Decision =
  | { readonly differentiable: true }
  | { readonly differentiable: false; readonly why: string }
  | { readonly differentiable: null; readonly why: string };

export interface ExactPoint {
  readonly value: Poly | null;
  /** Distance to the nearest kink surface X is not on, where known (Infinity otherwise). */
  readonly margin: number;
  readonly derivative: DirectionalDerivative;
  readonly decision: Decision;
}

const constantOf = (c: Cell): Poly => constantPoly(c.c);

export class PointEvaluator {
  private readonly point: ScaledPoint;

  constructor(
    private readonly model: Model,
    private readonly univariates: Univariates,
    X: readonly (readonly Rational[])[],
  ) {
    this.point = new ScaledPoint(model.table, X);
  }

  evaluate(): ExactPoint {
    const d = new DirectionalDerivative();
    let value: Poly | null = constantOf(this.model.ridge);
    const add = (v: Poly | null): void => {
      value = value && v ? P.add(value, v) : null;
    };
    add(this.cell(this.model.ridge, d, P.ONE, false));
    for (const part of this.model.parts) add(this.part(part, d));
    const [m, n] = this.model.shape;
    return { value, derivative: d, decision: decide(d, (x) => oddnessWitness(this.model.table, x, m, n)), margin: this.margin };
  }

  /** The distance from X to the nearest kink surface it is not on (only where the ridge function was analysed; numbers steer numeric steps only). */
  margin = Infinity;

  private noteMargin(dir: Direction, phi: Scalar, u: number, offKink: boolean): void {
    const a = this.univariates.peek(phi);
    if (!a || a.breakpointsApprox.length === 0) return;
    const scale = Math.hypot(...this.model.table.doubles(dir.u)) * Math.hypot(...this.model.table.doubles(dir.w));
    const gaps = a.breakpointsApprox.map((c) => {
      const gap = Math.abs(u - c);
      return a.periodApprox ? Math.min(gap % a.periodApprox, a.periodApprox - (gap % a.periodApprox)) : gap;
    });
    // On a kink surface (decided exactly), the nearest is the one X is on, not a neighbour to stay away from;
    // every other one is, however close (kinks 10⁻²⁰ apart leave no room for numeric steps).
    const own = offKink ? -1 : gaps.indexOf(Math.min(...gaps));
    gaps.forEach((gap, i) => {
      if (i !== own) this.margin = Math.min(this.margin, gap / scale);
    });
  }

  /** A kink of h at c is at least |s(X) − c| / ‖∇s‖ away in X (s changes at most that fast): the margin for numeric steps. */
  private noteOuterMargin(h: Scalar, s: number, innerD: DirectionalDerivative): void {
    const kinks = this.univariates.knownKinks(h);
    if (!kinks.length) return;
    let speed = 0;
    for (const { dir, c } of innerD.linear.entries())
      speed += Math.abs(nearest(c)) * Math.hypot(...this.model.table.doubles(dir.u)) * Math.hypot(...this.model.table.doubles(dir.w));
    if (speed === 0) return;
    for (const c of kinks) this.margin = Math.min(this.margin, Math.abs(s - c) / speed);
  }

  /** An entry that does not attain the extremum catches up at least |gap| / (speed of both) away: the margin for numeric steps. */
  private noteTieMargin(best: Poly, active: readonly { d: DirectionalDerivative }[], parts: readonly { value: Poly | null; d: DirectionalDerivative }[]): void {
    const speed = (d: DirectionalDerivative): number =>
      d.linear.entries().reduce((sum, { dir, c }) => sum + Math.abs(nearest(c)) * Math.hypot(...this.model.table.doubles(dir.u)) * Math.hypot(...this.model.table.doubles(dir.w)), 0);
    const fastest = Math.max(0, ...active.map((p) => speed(p.d)));
    for (const p of parts) {
      if (active.includes(p) || !p.value) continue;
      const total = fastest + speed(p.d);
      if (total > 0) this.margin = Math.min(this.margin, Math.abs(nearest(P.sub(best, p.value))) / total);
    }
  }

  /** Σ of the cell's atoms at X (without its constant unless asked), their derivatives added to d scaled by k. */
  private cell(c: Cell, d: DirectionalDerivative, k: Poly, withConstant: boolean): Poly | null {
    let value: Poly | null = withConstant ? constantOf(c) : P.ZERO;
    for (const atom of c.atoms) {
      const q = this.point.form(atom.dir);
      const u = P.constant(q);
      const local = this.univariates.at(atom.phi, u);
      this.noteMargin(atom.dir, atom.phi, Q.toNumber(q), local.kind === 'smooth');
      d.addRidge(atom.dir, local, k);
      value = value && local.value ? P.add(value, local.value) : null;
    }
    return value;
  }

  private part(part: Part, d: DirectionalDerivative): Poly | null {
    const w = constantPoly(part.weight);
    switch (part.kind) {
      case 'compose':
        return this.compose(part.h, part.inner, w, d);
      case 'norm':
        return this.norm(part.components, w, d);
      case 'extremum':
        return this.extremum(part.which, part.components, w, d);
      case 'outer': {
        const innerD = new DirectionalDerivative();
        return this.outer(part.h, this.part(part.inner, innerD), innerD, w, d);
      }
    }
  }

  private compose(h: Scalar, inner: Cell, w: Poly, d: DirectionalDerivative): Poly | null {
    const innerD = new DirectionalDerivative();
    return this.outer(h, this.cell(inner, innerD, P.ONE, true), innerD, w, d, sumOfSquares(inner));
  }

  /** w·h(s) with s's value and directional derivative known: h′(s; s′(X; D)). */
  private outer(h: Scalar, s: Poly | null, innerD: DirectionalDerivative, w: Poly, d: DirectionalDerivative, nonnegativeInner = false): Poly | null {
    if (!s) {
      d.unknown.push(...innerD.unknown, 'the inner value has no exact value here');
      return null;
    }
    const local = (nonnegativeInner ? flatPowerAtZero(h, s, innerD) : undefined) ?? this.univariates.at(h, s);
    if (local.kind === 'smooth') this.noteOuterMargin(h, nearest(s), innerD);
    switch (local.kind) {
      case 'smooth':
        d.addScaled(innerD, P.mul(w, local.slope));
        return P.mul(w, local.value);
      case 'kink': {
        if (!innerD.isPlainLinear()) {
          this.kinkOfKink(innerD, local.left, local.right, w, d);
          return P.mul(w, local.value);
        }
        d.linear.addScaled(innerD.linear, P.mul(w, local.left));
        if (innerD.linear.entries().length) d.pieces.push({ kind: 'outerKink', jump: P.mul(w, P.sub(local.right, local.left)), g: innerD.linear });
        return P.mul(w, local.value);
      }
      case 'steep':
      case 'unknown':
        d.unknown.push(`the outer function at the inner sum's value: ${local.reason}`);
        return local.value && P.mul(w, local.value);
    }
  }

  /**
   * h with a kink at T0 where T′(X; ·) is not linear either: h′(T0; T′(D)).
   * With T′ sublinear and h nondecreasing with a convex kink (0 ≤ left ≤
   * right), the composition is sublinear and not linear (it is linear only if
   * T′ is); mirrored for superlinear T′. Other combinations are not decided.
   */
  private kinkOfKink(innerD: DirectionalDerivative, left: Poly, right: Poly, w: Poly, d: DirectionalDerivative): void {
    const signs = nonlinearSigns(innerD);
    const [l, jump] = [signOfConstant(left), signOfConstant(P.sub(right, left))];
    const ws = signOfConstant(w);
    if (typeof signs === 'string' || signs.length === 0 || l === undefined || jump === undefined || !ws) {
      d.unknown.push('an outer function has a kink where its inner value is not differentiable');
      return;
    }
    const inner = signs[0]!;
    const monotone = inner > 0 ? l >= 0 && jump >= 0 : l >= 0 && jump <= 0;
    if (!signs.every((x) => x === inner) || !monotone) {
      d.unknown.push('an outer function has a kink where its inner value is not differentiable, and their curvatures differ');
      return;
    }
    const hull = onlyMax(innerD);
    if (!hull) {
      d.pieces.push({ kind: 'composite', sign: (inner * ws) as 1 | -1 });
      return;
    }
    // T′ = ⟨L, D⟩ + c·max_k ⟨g_k, D⟩: h′(T0; T′) = left·T′ + jump·max(0, max_k ⟨L + c·g_k, D⟩).
    d.linear.addScaled(innerD.linear, P.mul(w, left));
    d.pieces.push({ ...hull, weight: P.mul(P.mul(w, left), hull.weight) });
    const tips = hull.vertices.map((v) => {
      const form = new LinearForm();
      form.addScaled(innerD.linear, P.ONE);
      form.add(v.dir, P.mul(hull.weight, v.slope));
      return form;
    });
    d.pieces.push({ kind: 'hullForms', weight: P.mul(w, P.sub(right, left)), vertices: [new LinearForm(), ...tips] });
  }

  private norm(components: readonly Cell[], w: Poly, d: DirectionalDerivative): Poly | null {
    const parts = components.map((c) => {
      const cd = new DirectionalDerivative();
      return { value: this.cell(c, cd, P.ONE, true), d: cd, cell: c };
    });
    if (parts.some((p) => !p.value)) {
      d.unknown.push('an entry of the norm has no exact value here');
      return null;
    }
    const squares = P.sum(parts.map((p) => P.mul(p.value!, p.value!)));
    const sign = signOfConstant(squares);
    if (sign === undefined) {
      d.unknown.push('whether the norm vanishes here is not decided');
      return null;
    }
    if (sign > 0) {
      // ‖R‖ is smooth where R ≠ 0: ‖R‖′(X; D) = ⟨R/‖R‖, R′(X; D)⟩.
      const norm = P.pow(squares, Q.HALF, { tPositive: true });
      const inverse = P.pow(norm, Q.MINUS_ONE, { tPositive: true });
      for (const p of parts) d.addScaled(p.d, P.mul(w, P.mul(p.value!, inverse)));
      return P.mul(w, norm);
    }
    const slopes: Slopes[] = [];
    for (const p of parts) {
      if (p.d.unknown.length || p.d.steep.length) {
        d.unknown.push('an entry of the norm is not Lipschitz here');
        return P.ZERO;
      }
      // Each entry is one ridge function: its linear and σ coefficients sit on its one direction.
      const atom = p.cell.atoms[0];
      if (!atom) continue;
      const lin = p.d.linear.coef.get(atom.dir.key)?.c ?? P.ZERO;
      const jump = p.d.sigma.coef.get(atom.dir.key)?.c ?? P.ZERO;
      slopes.push({ dir: atom.dir, left: lin, right: P.add(lin, jump) });
    }
    const moving = slopes.filter((s) => signOfConstant(s.left) !== 0 || signOfConstant(s.right) !== 0);
    if (moving.length) d.pieces.push({ kind: 'norm', weight: w, components: moving });
    return P.ZERO;
  }

  private extremum(which: 'max' | 'min', components: readonly Cell[], w: Poly, d: DirectionalDerivative): Poly | null {
    const parts = components.map((c) => {
      const cd = new DirectionalDerivative();
      return { value: this.cell(c, cd, P.ONE, true), d: cd, cell: c };
    });
    if (parts.some((p) => !p.value)) {
      d.unknown.push(`an entry of the ${which} has no exact value here`);
      return null;
    }
    let best = parts[0]!.value!;
    for (const p of parts) {
      const c = compareExact(p.value!, best);
      if (which === 'max' ? c > 0 : c < 0) best = p.value!;
    }
    const active = parts.filter((p) => compareExact(p.value!, best) === 0);
    this.noteTieMargin(best, active, parts);
    if (active.length === 1) {
      d.addScaled(active[0]!.d, w);
      return P.mul(w, best);
    }
    // Each tied entry contributes its one-sided slopes along its direction: f′ = w·max_k r_k′(X; D) (min for a minimum).
    const vertices: { dir: Direction; slope: Poly }[] = [];
    let constantTied = false;
    for (const p of active) {
      const atom = p.cell.atoms[0];
      if (!atom) {
        constantTied = true;
        continue;
      }
      if (p.d.unknown.length || p.d.steep.length) {
        d.unknown.push(`an entry attaining the ${which} is not Lipschitz there`);
        return P.mul(w, best);
      }
      const left = p.d.linear.coef.get(atom.dir.key)?.c ?? P.ZERO;
      const jump = p.d.sigma.coef.get(atom.dir.key)?.c ?? P.ZERO;
      const js = signOfConstant(jump);
      // A kinked entry keeps the max sublinear only if its kink is convex (concave for a min).
      if (js === undefined || (js !== 0 && js !== (which === 'max' ? 1 : -1))) {
        d.unknown.push(`an entry attaining the ${which} has a kink of the other curvature there`);
        return P.mul(w, best);
      }
      vertices.push({ dir: atom.dir, slope: left });
      if (js !== 0) vertices.push({ dir: atom.dir, slope: P.add(left, jump) });
    }
    // A constant entry's gradient is 0: the zero matrix, written as slope 0 on any direction present.
    if (vertices.length === 0) return P.mul(w, best);
    if (constantTied) vertices.push({ dir: vertices[0]!.dir, slope: P.ZERO });
    const first = vertices[0]!;
    const same = (v: { dir: Direction; slope: Poly }): boolean =>
      signOfConstant(v.slope) === 0 ? signOfConstant(first.slope) === 0 : v.dir.key === first.dir.key && signOfConstant(P.sub(v.slope, first.slope)) === 0;
    if (vertices.every(same)) d.addScaled(active[0]!.d, w);
    else d.pieces.push({ kind: 'hull', which, weight: w, vertices });
    return P.mul(w, best);
  }
}

/** c + Σ g_k² with c ≥ 0: never negative (‖R‖_F^p is reduced to such an inner sum). */
const sumOfSquares = (c: Cell): boolean =>
  c.c.kind === 'const' &&
  Q.sign(c.c.value) >= 0 &&
  c.atoms.every((a) => a.phi.kind === 'pow' && Q.isInteger(a.phi.exponent) && a.phi.exponent.num % 2n === 0n && a.phi.exponent.num > 0n);

/**
 * h(s) = s^p with p > 1 at s = 0, where h is defined only for s ≥ 0 (p not an
 * integer): flat from the right, h(0) = 0, h′₊(0) = 0. Used only where the
 * inner value cannot go below 0 near X (a sum of squares, ‖R‖_F^p), so the
 * left side never matters; then f′ = 0·s′ = 0 exactly (s Lipschitz).
 */
function flatPowerAtZero(h: Scalar, s: Poly, inner: DirectionalDerivative): Local | undefined {
  if (!(h.kind === 'pow' && h.base.kind === 'var' && Q.compare(h.exponent, Q.ONE) > 0 && P.isZero(s))) return undefined;
  // s = 0 and s′(X; ·) = 0 in every direction: s stays at its minimum 0 to first order (a sum of squares at a common zero).
  if (!inner.isPlainLinear() || inner.linear.entries().some((e) => signOfConstant(e.c) !== 0)) return undefined;
  return { kind: 'smooth', value: P.ZERO, slope: P.ZERO };
}

/** The one max piece of an inner derivative that has nothing else non-linear (a max of smooth entries, maybe plus a linear part). */
function onlyMax(d: DirectionalDerivative): Extract<Piece, { kind: 'hull' }> | null {
  const [p, ...rest] = d.pieces;
  if (!p || rest.length || p.kind !== 'hull' || p.which !== 'max' || signOfConstant(p.weight) !== 1) return null;
  return d.sigma.entries().every((e) => signOfConstant(e.c) === 0) ? p : null;
}

/** +1 for each sublinear and −1 for each superlinear non-linear part of f′(X; ·), or why that is not decided. */
function nonlinearSigns(d: DirectionalDerivative): number[] | string {
  const signs: number[] = [];
  for (const { c } of d.sigma.entries()) {
    const s = signOfConstant(c);
    if (s === undefined) return 'the sign of a jump in slope is not decided';
    if (s !== 0) signs.push(s);
  }
  for (const p of d.pieces) {
    if (p.kind === 'composite') {
      signs.push(p.sign);
      continue;
    }
    const s = signOfConstant(p.kind === 'outerKink' ? p.jump : p.weight);
    if (s === undefined) return 'the sign of a weight is not decided';
    if (s !== 0) signs.push(p.kind === 'hull' && p.which === 'min' ? -s : s);
  }
  return signs;
}

/** The linear-or-not decision of f′(X; ·), exact, or null with the reason. */
export function decide(d: DirectionalDerivative, witness: (d: DirectionalDerivative) => string | null = () => null): Decision {
  if (d.unknown.length) return { differentiable: null, why: d.unknown[0]! };
  const signs = nonlinearSigns(d);
  if (typeof signs === 'string') return { differentiable: null, why: signs };
  const sigmaOnly = d.sigma.entries().filter((e) => signOfConstant(e.c) !== 0).length;
  if (d.steep.length)
    return signs.length === 0
      ? { differentiable: false, why: `${d.steep[0]}, so the one-sided difference quotients of f across it are unbounded` }
      : { differentiable: null, why: 'a jump or an infinite slope meets other kinks here' };
  if (signs.length === 0) return { differentiable: true };
  const onlySigma = sigmaOnly === signs.length && !d.pieces.some((p) => p.kind === 'outerKink');
  if (onlySigma) return { differentiable: false, why: 'a kink across a surface that no other term cancels' };
  if (signs.every((s) => s > 0) || signs.every((s) => s < 0))
    return { differentiable: false, why: 'every non-linear part of the directional derivative has the same curvature, so they cannot cancel' };
  const D = witness(d);
  if (D) return { differentiable: false, why: `a convex and a concave kink meet here, and f′(X; D) + f′(X; −D) ≠ 0 for D = ${D} (exact), so f′(X; ·) is not linear` };
  return { differentiable: null, why: 'a convex and a concave kink meet here; whether they cancel is not decided' };
}
