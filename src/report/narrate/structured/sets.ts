/**
 * A set of a structured answer (SetAnswer: center + a Minkowski sum of
 * segments, hulls and balls) as an exact LaTeX statement. Recognised forms,
 * each equal to the sum it stands for:
 * - segments along distinct unit matrices: a box {G : g_ij ∈ [a, b] on K, g_ij = (G_0)_ij elsewhere};
 * - one hull: conv{E_11, E_12} (or named matrices V_k);
 * - one ball on distinct unit matrices with one kind of component:
 *   {G : supp G ⊆ K, ‖G‖_F ≤ r} (fixed slopes), with G ≥ 0 or G ≤ 0 when the
 *   slopes are [0, a] or [−a, 0] (Σ μ_k c_k E_k with μ ≥ 0, c_k ∈ [0, a] is
 *   every G ≥ 0 on K with ‖G‖_F ≤ r·a);
 * and otherwise the sum written out, with the matrices named V_k.
 */
import type { Matrix, SetAnswer, SetPart } from '../../../symbolic/index.js';
import { entrySetLatex, indexLatex, isZeroMatrix, matrixLatex, numberLatex, unitEntry, unitLatex } from './matrices.js';

export interface SetLatex {
  /** The set (without "∂f(X) ="). */
  readonly set: string;
  /** Definitions of the names it uses (G_0, V_k, K), one formula each. */
  readonly definitions: readonly string[];
}

type Unit = { i: number; j: number; c: number };

const interval = (a: number, b: number): string => `\\left[${numberLatex(Math.min(a, b))}, ${numberLatex(Math.max(a, b))}\\right]`;

const distinctEntries = (units: readonly (Unit | null)[]): units is Unit[] =>
  units.every((u) => u !== null) && new Set(units.map((u) => `${u!.i},${u!.j}`)).size === units.length;

class Namer {
  readonly definitions: string[] = [];
  private count = 0;
  /** c·E_ij inline, any other matrix as a named V_k defined below. */
  matrix(M: Matrix, preferred?: string): string {
    const u = unitEntry(M);
    if (u) return unitLatex(u);
    if (isZeroMatrix(M)) return '0';
    const name = preferred ?? `V_{${++this.count}}`;
    this.definitions.push(`${name} = ${matrixLatex(M)}`);
    return name;
  }
}

/** "g_{11} \in [0, 2]" conditions, entries with one interval grouped. */
function boxConditions(entries: readonly { u: Unit; lo: number; hi: number }[], all: boolean): string[] {
  const groups = new Map<string, Unit[]>();
  for (const e of entries) {
    const key = interval(e.lo, e.hi);
    groups.set(key, [...(groups.get(key) ?? []), e.u]);
  }
  return [...groups].map(([iv, us]) =>
    us.length === 1 ? `g_{${indexLatex(us[0]!.i, us[0]!.j)}} \\in ${iv}` : all && groups.size === 1 ? `g_{ij} \\in ${iv} \\text{ for all } i, j` : `g_{ij} \\in ${iv} \\text{ for } (i, j) \\in ${entrySetLatex(us)}`,
  );
}

/** Conditions on the entries outside K: equal to G_0's. */
function restConditions(center: Matrix, inK: (i: number, j: number) => boolean, definitions: string[]): string[] {
  const rest: { i: number; j: number; x: number }[] = [];
  center.forEach((r, i) => r.forEach((x, j) => (inK(i, j) ? undefined : rest.push({ i, j, x }))));
  if (rest.length === 0) return [];
  if (rest.every((e) => e.x === 0)) return ['g_{ij} = 0 \\text{ otherwise}'];
  if (rest.length <= 3) return rest.map((e) => `g_{${indexLatex(e.i, e.j)}} = ${numberLatex(e.x)}`);
  definitions.push(`G_0 = ${matrixLatex(center)}`);
  return ['g_{ij} = (G_0)_{ij} \\text{ otherwise}'];
}

const braces = (conditions: readonly string[]): string => `\\left\\{ G : ${conditions.join(',\\ ')} \\right\\}`;

function box(s: SetAnswer, units: readonly Unit[]): SetLatex {
  const parts = s.parts as Extract<SetPart, { kind: 'segment' }>[];
  const definitions: string[] = [];
  const entries = parts.map((p, k) => {
    const u = units[k]!;
    const g = s.center[u.i]![u.j]!;
    return { u, lo: g + u.c * p.lo, hi: g + u.c * p.hi };
  });
  const all = entries.length === s.center.length * (s.center[0]?.length ?? 0);
  const inK = (i: number, j: number): boolean => units.some((u) => u.i === i && u.j === j);
  return { set: braces([...boxConditions(entries, all), ...restConditions(s.center, inK, definitions)]), definitions };
}

/** The ball of a norm part on distinct unit matrices, when all its components are of one kind; null otherwise. */
function unitBall(part: Extract<SetPart, { kind: 'ball' }>, m: number, n: number): { conditions: string[]; K: Unit[] } | null {
  const units = part.components.map((c) => unitEntry(c.matrix));
  if (!distinctEntries(units) || units.length === 0) return null;
  // Each component's range of g_k / μ_k.
  const ranges = part.components.map((c, k) => {
    const v = units[k]!.c;
    return c.nonnegative ? { signed: false, lo: Math.min(v * c.lo, v * c.hi), hi: Math.max(v * c.lo, v * c.hi) } : { signed: true, lo: Math.abs(v * c.lo), hi: Math.abs(v * c.lo) };
  });
  const first = ranges[0]!;
  if (!ranges.every((r) => r.signed === first.signed && r.lo === first.lo && r.hi === first.hi)) return null;
  let sign: string | null;
  let scale: number;
  if (first.signed) [sign, scale] = [null, first.hi];
  else if (first.lo === 0 && first.hi > 0) [sign, scale] = ['G \\ge 0', first.hi];
  else if (first.hi === 0 && first.lo < 0) [sign, scale] = ['G \\le 0', -first.lo];
  else if (first.lo === -first.hi && first.hi > 0) [sign, scale] = [null, first.hi];
  else return null;
  const radius = part.radius * scale;
  const all = units.length === m * n;
  const conditions = [...(sign ? [sign] : []), ...(all ? [] : ['\\operatorname{supp} G \\subseteq K']), `\\lVert G \\rVert_F \\le ${numberLatex(radius)}`];
  return { conditions, K: units };
}

function generic(parts: readonly SetPart[], namer: Namer): string[] {
  return parts.map((p) => {
    switch (p.kind) {
      case 'segment': {
        const u = unitEntry(p.matrix);
        if (u) return `\\left\\{ t E_{${indexLatex(u.i, u.j)}} : t \\in ${interval(u.c * p.lo, u.c * p.hi)} \\right\\}`;
        return `\\left\\{ t ${namer.matrix(p.matrix)} : t \\in ${interval(p.lo, p.hi)} \\right\\}`;
      }
      case 'hull':
        return `\\operatorname{conv}\\left\\{ ${p.vertices.map((v) => namer.matrix(v)).join(', ')} \\right\\}`;
      case 'ball': {
        const names = p.components.map((c) => namer.matrix(c.matrix));
        const ranges = p.components.map((c, k) => (c.lo === c.hi && !c.nonnegative ? `c_{${k + 1}} = ${numberLatex(c.lo)}` : `c_{${k + 1}} \\in ${interval(c.lo, c.hi)}`));
        const signs = p.components.flatMap((c, k) => (c.nonnegative ? [k + 1] : []));
        const mu = signs.length === p.components.length ? ',\\ \\mu \\ge 0' : signs.length ? `,\\ \\mu_k \\ge 0 \\text{ for } k \\in \\{${signs.join(', ')}\\}` : '';
        return `\\left\\{ \\textstyle\\sum_{k} \\mu_k c_k W_k : \\lVert \\mu \\rVert_2 \\le ${numberLatex(p.radius)}${mu} \\right\\}, \\ (W_k) = (${names.join(', ')}),\\ ${ranges.join(',\\ ')}`;
      }
    }
  });
}

export function setLatex(s: SetAnswer): SetLatex {
  const m = s.center.length;
  const n = s.center[0]?.length ?? 0;
  const units = s.parts.map((p) => (p.kind === 'segment' ? unitEntry(p.matrix) : null));
  if (s.parts.length > 0 && s.parts.every((p) => p.kind === 'segment') && distinctEntries(units)) return box(s, units);
  const namer = new Namer();
  const centerTerm = (): string[] => (isZeroMatrix(s.center) ? [] : [namer.matrix(s.center, 'G_0')]);
  const only = s.parts.length === 1 ? s.parts[0]! : null;
  if (only?.kind === 'ball') {
    const ball = unitBall(only, m, n);
    if (ball) {
      const center = centerTerm();
      const K = ball.K.length === m * n ? [] : [`K = ${entrySetLatex(ball.K)}`];
      return { set: [...center, braces(ball.conditions)].join(' + '), definitions: [...namer.definitions, ...K] };
    }
  }
  const terms = [...centerTerm(), ...generic(s.parts, namer)];
  return { set: terms.join(' + ') || '\\{0\\}', definitions: namer.definitions };
}
