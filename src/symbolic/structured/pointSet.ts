/**
 * The answer at a point in numbers: the gradient, or the set whose support
 * function is f′(X; ·) — each piece of the directional derivative is the
 * support function of one summand (result.ts, SetPart):
 * c·σ(⟨v,D⟩) of the segment {t·v : t between 0 and c}; w·‖(R_k′)‖ of a ball;
 * w·max_k ⟨g_k, D⟩ of the hull conv{w·g_k}.
 * Kind and relation follow the theorem that applies:
 * - f convex: ∂f(X) = ∂ f′(X; ·)(0), the Minkowski sum of the summands
 *   (Rockafellar, Convex Analysis, Thms 23.2 and 23.8);
 * - σ pieces only, all of one sign (each term regular, or each −term) or on
 *   linearly independent directions (a separable function in new coordinates):
 *   Clarke's generalized gradient, equal to the sum (Clarke 1983, Prop. 2.3.3
 *   and Thm 2.3.10 [verify]); otherwise only ⊆ by the sum rule;
 * - one tie of smooth entries in a max or min, the rest smooth: co{∇f_k}
 *   (Clarke 1983, Prop. 2.3.12 [verify]).
 */
import * as Q from '../exact/rational.js';
import * as P from '../exact/poly.js';
import type { Poly } from '../exact/poly.js';
import { nearest, signOfConstant } from '../exact/calculus.js';
import { independent } from './directions.js';
import type { Direction, VectorTable } from './directions.js';
import type { DirectionalDerivative, LinearForm, Piece } from './directional.js';
import type { Matrix, SetAnswer, SetPart } from './result.js';

/** Σ c·u wᵀ over a linear form, in doubles; rank-one terms are grouped by w so that A 200×200 times X 200×50 stays cheap. */
export function formMatrix(table: VectorTable, form: LinearForm, m: number, n: number): Matrix {
  const G = Array.from({ length: m }, () => new Array<number>(n).fill(0));
  const byW = new Map<number, Float64Array>();
  for (const { dir, c } of form.entries()) {
    const k = nearest(c);
    if (k === 0) continue;
    let acc = byW.get(dir.w);
    if (!acc) byW.set(dir.w, (acc = new Float64Array(m)));
    const u = table.vectors[dir.u]!;
    for (let i = 0; i < m; i++) if (!Q.isZero(u[i]!)) acc[i]! += k * Q.toNumber(u[i]!);
  }
  for (const [wId, acc] of byW) {
    const w = table.vectors[wId]!.map(Q.toNumber);
    for (let i = 0; i < m; i++) {
      const a = acc[i]!;
      if (a === 0) continue;
      const row = G[i]!;
      for (let j = 0; j < n; j++) row[j]! += a * w[j]!;
    }
  }
  return G;
}

function directionMatrix(table: VectorTable, d: Direction, scale: number, m: number, n: number): Matrix {
  const u = table.vectors[d.u]!;
  const w = table.vectors[d.w]!;
  return Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => scale * Q.toNumber(u[i]!) * Q.toNumber(w[j]!)));
}

/** The summand whose support function is the piece; null when no summand of the four kinds has it. */
function pieceSet(table: VectorTable, piece: Piece, m: number, n: number): SetPart | null {
  switch (piece.kind) {
    case 'outerKink': {
      const c = nearest(piece.jump);
      return { kind: 'segment', matrix: formMatrix(table, piece.g, m, n), lo: Math.min(0, c), hi: Math.max(0, c) };
    }
    case 'composite':
      return null;
    case 'hullForms': {
      const w = nearest(piece.weight);
      return { kind: 'hull', vertices: piece.vertices.map((f) => formMatrix(table, f, m, n).map((r) => r.map((x) => w * x))) };
    }
    case 'hull':
      return { kind: 'hull', vertices: piece.vertices.map((v) => directionMatrix(table, v.dir, nearest(P.mul(piece.weight, v.slope)), m, n)) };
    case 'norm': {
      const radius = nearest(piece.weight);
      if (radius < 0) return null;
      const components = [];
      for (const s of piece.components) {
        const [l, r] = [signOfConstant(s.left), signOfConstant(s.right)];
        const left = nearest(s.left);
        const right = nearest(s.right);
        const matrix = directionMatrix(table, s.dir, 1, m, n);
        if (l === r && P.equals(s.left, s.right)) components.push({ matrix, lo: left, hi: left, nonnegative: false });
        // R_k′ ≥ 0 everywhere (right ≥ 0 ≥ left), or ≤ 0 (then ‖R′‖ is read off −R_k′).
        else if ((r ?? -1) >= 0 && (l ?? 1) <= 0) components.push({ matrix, lo: left, hi: right, nonnegative: true });
        else if ((r ?? 1) <= 0 && (l ?? -1) >= 0) components.push({ matrix, lo: -left, hi: -right, nonnegative: true });
        else return null;
      }
      return { kind: 'ball', radius, components };
    }
  }
}

export interface SetContext {
  readonly table: VectorTable;
  readonly m: number;
  readonly n: number;
  /** f is convex (proved), so the convex subdifferential applies. */
  readonly convex: boolean;
}

/** The set at a point where f is not differentiable, or null with the reason. */
export function pointSet(d: DirectionalDerivative, ctx: SetContext): SetAnswer | { reason: string } {
  const { table, m, n } = ctx;
  const parts: SetPart[] = [];
  const sigma = d.sigma.entries().filter((e) => signOfConstant(e.c) !== 0);
  for (const { dir, c } of sigma) {
    const k = nearest(c);
    parts.push({ kind: 'segment', matrix: directionMatrix(table, dir, 1, m, n), lo: Math.min(0, k), hi: Math.max(0, k) });
  }
  for (const piece of d.pieces) {
    if (piece.kind !== 'composite' && signOfConstant(piece.kind === 'outerKink' ? piece.jump : piece.weight) === 0) continue;
    const part = pieceSet(table, piece, m, n);
    if (!part) return { reason: 'the directional derivative here is not the support function of a set of a known kind' };
    parts.push(part);
  }
  const center = formMatrix(table, d.linear, m, n);
  const rule = ruleFor(d, sigma, ctx);
  if ('reason' in rule) return rule;
  return { ...rule, center, parts, ...describe(parts, rule.relation) };
}

function ruleFor(
  d: DirectionalDerivative,
  sigma: readonly { dir: Direction; c: Poly }[],
  ctx: SetContext,
): { kind: 'convex' | 'clarke'; relation: 'equal' | 'subset'; rule: string } | { reason: string } {
  if (ctx.convex)
    return { kind: 'convex', relation: 'equal', rule: 'f is convex: ∂f(X) = ∂f′(X;·)(0), the sum of the parts (Rockafellar, Convex Analysis, Thms 23.2 and 23.8)' };
  if (d.pieces.length === 0) {
    const signs = sigma.map((e) => signOfConstant(e.c));
    if (signs.every((s) => s === 1) || signs.every((s) => s === -1))
      return { kind: 'clarke', relation: 'equal', rule: 'kinks of one curvature: each term (or its negative) is regular, so the Clarke sum rule holds with equality (Clarke 1983, Prop. 2.3.3)' };
    if (independent(ctx.table, sigma.map((e) => e.dir), ctx.m, ctx.n))
      return { kind: 'clarke', relation: 'equal', rule: 'kinks on linearly independent directions: separable in new coordinates, Clarke set a product, mapped by the chain rule with onto derivative (Clarke 1983, Thm 2.3.10)' };
    return { kind: 'clarke', relation: 'subset', rule: "Clarke's sum rule gives only an inclusion here (Clarke 1983, Prop. 2.3.3)" };
  }
  if (sigma.length === 0 && d.pieces.length === 1 && d.pieces[0]!.kind === 'hull')
    return { kind: 'clarke', relation: 'equal', rule: 'a maximum (or minimum) of smooth functions: the convex hull of the active gradients (Clarke 1983, Prop. 2.3.12)' };
  return { reason: 'no theorem gives this set exactly for a function not proved convex' };
}

const fmt = (x: number): string => `${Number(x.toPrecision(6))}`;

/** A short description of the set (the report gives the full one). */
function describe(parts: readonly SetPart[], relation: 'equal' | 'subset'): { text: string; latex: string } {
  const words = parts.map((p) => {
    switch (p.kind) {
      case 'segment':
        return `[${fmt(p.lo)}, ${fmt(p.hi)}]*V`;
      case 'hull':
        return `conv of ${p.vertices.length} matrices`;
      case 'ball':
        return `{sum_k mu_k c_k V_k : ||mu|| <= ${fmt(p.radius)}${p.components.every((c) => c.nonnegative) ? ', mu >= 0' : ''}}`;
    }
  });
  const rel = relation === 'equal' ? '=' : 'is contained in';
  const latexRel = relation === 'equal' ? '=' : '\\subseteq';
  return {
    text: `${rel} G0 + ${words.join(' + ') || '{0}'} (${parts.length} part${parts.length === 1 ? '' : 's'})`,
    latex: `${latexRel} G_0 + \\textstyle\\sum ${parts.length}\\ \\text{part${parts.length === 1 ? '' : 's'}}`,
  };
}
