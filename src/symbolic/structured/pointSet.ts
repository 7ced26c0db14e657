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
import * as P from '../exact/poly.js';
import type { Poly } from '../exact/poly.js';
import * as Q from '../exact/rational.js';
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
    const u = table.doubles(dir.u);
    for (let i = 0; i < m; i++) acc[i]! += k * u[i]!;
  }
  for (const [wId, acc] of byW) {
    const w = table.doubles(wId);
    for (let i = 0; i < m; i++) {
      const a = acc[i]!;
      if (a === 0) continue;
      const row = G[i]!;
      for (let j = 0; j < n; j++) row[j]! += a * w[j]!;
    }
  }
  return G;
}

/** The same matrix exactly: G_ij = Σ c·u_i·w_j over the form's directions. */
export function exactFormMatrix(table: VectorTable, form: LinearForm, m: number, n: number): Poly[][] {
  const G = Array.from({ length: m }, () => Array.from({ length: n }, (): Poly => P.ZERO));
  for (const { dir, c } of form.entries()) {
    const u = table.vectors[dir.u]!;
    const w = table.vectors[dir.w]!;
    for (let i = 0; i < m; i++) {
      if (Q.isZero(u[i]!)) continue;
      for (let j = 0; j < n; j++) if (!Q.isZero(w[j]!)) G[i]![j] = P.add(G[i]![j]!, P.scale(c, Q.mul(u[i]!, w[j]!)));
    }
  }
  return G;
}

function directionMatrix(table: VectorTable, d: Direction, scale: number, m: number, n: number): Matrix {
  const u = table.doubles(d.u);
  const w = table.doubles(d.w);
  return Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => scale * u[i]! * w[j]!));
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
  if (d.steep.length) return { reason: `f is not locally Lipschitz near X (${d.steep[0]}), so it has no Clarke generalized gradient there` };
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
  return { ...rule, center, parts, ...describe(parts, rule.relation, center) };
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

/** An integer, p/q (q ≤ 1000) when the double is exactly that, else the shortest decimal of the double. */
function fraction(x: number): { p: number; q: number } | null {
  if (Number.isInteger(x)) return { p: x === 0 ? 0 : x, q: 1 };
  for (let q = 2; q <= 1000; q++) if (Math.round(x * q) / q === x) return { p: Math.round(x * q), q };
  return null;
}
const fmt = (x: number): string => {
  const f = fraction(x);
  return f ? (f.q === 1 ? `${f.p}` : `${f.p}/${f.q}`) : `${x}`;
};
const fmtLatex = (x: number): string => {
  const f = fraction(x);
  if (!f) return `${x}`.replace(/e([+-]?\d+)$/, (_, e: string) => ` \\cdot 10^{${Number(e)}}`);
  return f.q === 1 ? `${f.p}` : `${f.p < 0 ? '-' : ''}\\tfrac{${Math.abs(f.p)}}{${f.q}}`;
};

/** c·E_ij: exactly one non-zero entry (indices from 0). */
function unitOf(M: Matrix): { i: number; j: number; c: number } | null {
  let found: { i: number; j: number; c: number } | null = null;
  for (let i = 0; i < M.length; i++)
    for (let j = 0; j < M[i]!.length; j++) {
      const c = M[i]![j]!;
      if (c === 0) continue;
      if (found) return null;
      found = { i, j, c };
    }
  return found;
}
const isZero = (M: Matrix): boolean => M.every((r) => r.every((x) => x === 0));
const idx = (i: number, j: number, latex: boolean): string => (i >= 9 || j >= 9 ? `${i + 1},${j + 1}` : latex ? `{${i + 1}${j + 1}}` : `${i + 1}${j + 1}`);
const idxLatex = (i: number, j: number): string => (i >= 9 || j >= 9 ? `{${i + 1},${j + 1}}` : `{${i + 1}${j + 1}}`);

/** Matrices printed inline in the short description; larger ones are named by their part. */
const INLINE_ENTRIES = 16;

interface Both {
  readonly text: string;
  readonly latex: string;
}

function matrixBoth(M: Matrix, name: string): Both {
  const u = unitOf(M);
  if (u) {
    const c = u.c === 1 ? '' : u.c === -1 ? '-' : `${fmt(u.c)}*`;
    const cl = u.c === 1 ? '' : u.c === -1 ? '-' : `${fmtLatex(u.c)} `;
    return { text: `${c}E_${idx(u.i, u.j, false)}`, latex: `${cl}E_${idxLatex(u.i, u.j)}` };
  }
  if (M.length * (M[0]?.length ?? 0) > INLINE_ENTRIES) return { text: name, latex: `\\text{${name.replace(/_/g, ' ')}}` };
  return {
    text: `[${M.map((r) => `[${r.map(fmt).join(', ')}]`).join(', ')}]`,
    latex: `\\begin{bmatrix} ${M.map((r) => r.map(fmtLatex).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`,
  };
}

const ordered = (a: number, b: number): [number, number] => [Math.min(a, b), Math.max(a, b)];

/** Segments along distinct unit matrices: the box of entry intervals (the other entries those of G0). */
function boxOf(parts: readonly SetPart[], center: Matrix): Both | null {
  if (!parts.length || !parts.every((p) => p.kind === 'segment')) return null;
  const units = parts.map((p) => (p.kind === 'segment' ? unitOf(p.matrix) : null));
  if (units.some((u) => !u) || new Set(units.map((u) => `${u!.i},${u!.j}`)).size !== units.length) return null;
  const text: string[] = [];
  const latex: string[] = [];
  parts.forEach((p, k) => {
    const u = units[k]!;
    const g = center[u.i]![u.j]!;
    const [lo, hi] = ordered(g + u.c * (p as { lo: number }).lo, g + u.c * (p as { hi: number }).hi);
    text.push(`g_${idx(u.i, u.j, false)} in [${fmt(lo)}, ${fmt(hi)}]`);
    latex.push(`g_${idxLatex(u.i, u.j)} \\in [${fmtLatex(lo)}, ${fmtLatex(hi)}]`);
  });
  const rest: { i: number; j: number; x: number }[] = [];
  center.forEach((r, i) => r.forEach((x, j) => (units.some((u) => u!.i === i && u!.j === j) ? undefined : rest.push({ i, j, x }))));
  if (rest.length && rest.every((e) => e.x === 0)) {
    text.push('g_ij = 0 otherwise');
    latex.push('g_{ij} = 0 \\text{ otherwise}');
  } else if (rest.length <= 6)
    for (const e of rest) {
      text.push(`g_${idx(e.i, e.j, false)} = ${fmt(e.x)}`);
      latex.push(`g_${idxLatex(e.i, e.j)} = ${fmtLatex(e.x)}`);
    }
  else {
    text.push('g_ij = (G0)_ij otherwise');
    latex.push('g_{ij} = (G_0)_{ij} \\text{ otherwise}');
  }
  return { text: `{G : ${text.join(', ')}}`, latex: `\\{G : ${latex.join(',\\ ')}\\}` };
}

/**
 * One ball on distinct unit matrices E_k, k ∈ K, all components alike:
 * Σ μ_k c_k E_k with μ ≥ 0, c_k ∈ [0, a] is every G ≥ 0 supported on K with
 * ‖G‖_F ≤ r·a; [−a, 0] gives G ≤ 0; [−a, a], or c_k = ±a with μ free, no sign.
 */
function unitBallOf(part: Extract<SetPart, { kind: 'ball' }>, m: number, n: number): Both | null {
  const units = part.components.map((c) => unitOf(c.matrix));
  if (!units.length || units.some((u) => !u) || new Set(units.map((u) => `${u!.i},${u!.j}`)).size !== units.length) return null;
  const ranges = part.components.map((c, k) => {
    const v = units[k]!.c;
    return c.nonnegative ? { free: false, lo: Math.min(v * c.lo, v * c.hi), hi: Math.max(v * c.lo, v * c.hi) } : { free: true, lo: -Math.abs(v * c.lo), hi: Math.abs(v * c.lo) };
  });
  const r0 = ranges[0]!;
  if (!ranges.every((r) => r.free === r0.free && r.lo === r0.lo && r.hi === r0.hi)) return null;
  let sign: Both | null;
  let a: number;
  if (r0.lo === 0 && r0.hi > 0) [sign, a] = [{ text: 'G >= 0', latex: 'G \\ge 0' }, r0.hi];
  else if (r0.hi === 0 && r0.lo < 0) [sign, a] = [{ text: 'G <= 0', latex: 'G \\le 0' }, -r0.lo];
  else if (r0.lo === -r0.hi && r0.hi > 0) [sign, a] = [null, r0.hi];
  else return null;
  const all = units.length === m * n;
  const K = units.map((u) => `(${u!.i + 1}, ${u!.j + 1})`).join(', ');
  const radius = part.radius * a;
  const text = [...(sign ? [sign.text] : []), ...(all ? [] : ['supp G in K']), `||G||_F <= ${fmt(radius)}`];
  const latex = [...(sign ? [sign.latex] : []), ...(all ? [] : ['\\operatorname{supp} G \\subseteq K']), `\\lVert G \\rVert_F \\le ${fmtLatex(radius)}`];
  return {
    text: `{G : ${text.join(', ')}}${all ? '' : `, K = {${K}}`}`,
    latex: `\\{G : ${latex.join(',\\ ')}\\}${all ? '' : `,\\ K = \\{${K}\\}`}`,
  };
}

function partBoth(p: SetPart, k: number): Both {
  switch (p.kind) {
    case 'segment': {
      const u = unitOf(p.matrix);
      if (u) {
        const [lo, hi] = ordered(u.c * p.lo, u.c * p.hi);
        return { text: `[${fmt(lo)}, ${fmt(hi)}]*E_${idx(u.i, u.j, false)}`, latex: `[${fmtLatex(lo)}, ${fmtLatex(hi)}]\\, E_${idxLatex(u.i, u.j)}` };
      }
      const V = matrixBoth(p.matrix, `V of part ${k + 1}`);
      return { text: `[${fmt(p.lo)}, ${fmt(p.hi)}]*${V.text}`, latex: `[${fmtLatex(p.lo)}, ${fmtLatex(p.hi)}]\\, ${V.latex}` };
    }
    case 'hull': {
      const vs = p.vertices.map((v, r) => matrixBoth(v, `vertex ${r + 1} of part ${k + 1}`));
      return { text: `conv{${vs.map((v) => v.text).join(', ')}}`, latex: `\\operatorname{conv}\\{${vs.map((v) => v.latex).join(', ')}\\}` };
    }
    case 'ball': {
      const vs = p.components.map((c, r) => matrixBoth(c.matrix, `V_${r + 1} of part ${k + 1}`));
      const cs = p.components.map((c, r) => (c.lo === c.hi && !c.nonnegative ? `c_${r + 1} = ${fmt(c.lo)}` : `c_${r + 1} in [${fmt(c.lo)}, ${fmt(c.hi)}]`));
      const csl = p.components.map((c, r) => (c.lo === c.hi && !c.nonnegative ? `c_{${r + 1}} = ${fmtLatex(c.lo)}` : `c_{${r + 1}} \\in [${fmtLatex(c.lo)}, ${fmtLatex(c.hi)}]`));
      const nonneg = p.components.every((c) => c.nonnegative) ? ', mu >= 0' : p.components.some((c) => c.nonnegative) ? ', mu_k >= 0 where c_k ranges over an interval' : '';
      const nonnegLatex = p.components.every((c) => c.nonnegative) ? ',\\ \\mu \\ge 0' : p.components.some((c) => c.nonnegative) ? ',\\ \\mu_k \\ge 0 \\text{ where } c_k \\text{ ranges over an interval}' : '';
      return {
        text: `{sum_k mu_k c_k V_k : ||mu|| <= ${fmt(p.radius)}${nonneg}, ${cs.join(', ')}} with (V_k) = (${vs.map((v) => v.text).join(', ')})`,
        latex: `\\{\\textstyle\\sum_k \\mu_k c_k V_k : \\lVert \\mu \\rVert \\le ${fmtLatex(p.radius)}${nonnegLatex},\\ ${csl.join(',\\ ')}\\},\\ (V_k) = (${vs.map((v) => v.latex).join(', ')})`,
      };
    }
  }
}

/**
 * The set in words and LaTeX, exact for the doubles it is given (fractions
 * p/q when a double is exactly one): a box of entry intervals, conv{E_11, E_12},
 * {G >= 0, supp G in K, ||G||_F <= r}, or the Minkowski sum written out.
 */
function describe(parts: readonly SetPart[], relation: 'equal' | 'subset', center: Matrix): Both {
  const rel = relation === 'equal' ? '= ' : 'is contained in ';
  const latexRel = relation === 'equal' ? '= ' : '\\subseteq ';
  const m = center.length;
  const n = center[0]?.length ?? 0;
  const box = boxOf(parts, center);
  if (box) return { text: rel + box.text, latex: latexRel + box.latex };
  const G0 = isZero(center) ? null : matrixBoth(center, 'G0');
  const ball = parts.length === 1 && parts[0]!.kind === 'ball' ? unitBallOf(parts[0]!, m, n) : null;
  const terms = ball ? [ball] : parts.map(partBoth);
  const all = [...(G0 ? [G0] : []), ...terms];
  if (!all.length) return { text: `${rel}{0}`, latex: `${latexRel}\\{0\\}` };
  return { text: rel + all.map((t) => t.text).join(' + '), latex: latexRel + all.map((t) => t.latex).join(' + ') };
}
