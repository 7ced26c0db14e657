/**
 * An independent evaluator for the hand-derived table (cases.ts): mathjs's own
 * parser and its own meanings of the reductions (`max(X)` over all entries,
 * `norm(X,'fro')`, `sum`, `trace`, `*` the matrix product, `'` the transpose),
 * with kinkproof's entry-wise primitives added (relu, heaviside, sigmoid,
 * softplus, two-argument max/min). Nothing of kinkproof is imported: this is
 * what the table is checked against, not what it checks.
 *
 * Doubles only; finite differences (central for gradients, one-sided with a
 * Richardson step for directional derivatives). Deterministic.
 */
import { all, create } from 'mathjs';
import type { MathNode, Matrix as MathMatrix } from 'mathjs';

export type Matrix = number[][];

const math = create(all, {});

type Value = number | MathMatrix;
const isNumber = (v: unknown): v is number => typeof v === 'number';
const toArray = (v: Value): number[][] | number => (isNumber(v) ? v : (v.toArray() as number[][]));

/** An entry-wise version of a scalar function (mathjs 15 refuses exp, sqrt, sin, ... on matrices). */
const entrywise =
  (f: (t: number) => number) =>
  (x: Value): Value =>
    isNumber(x) ? f(x) : (math.map(x, (t: number) => f(t)) as MathMatrix);

/** Entry-wise binary function with scalar broadcasting (kinkproof's max(a,b) / min(a,b)). */
const entrywise2 =
  (f: (a: number, b: number) => number) =>
  (a: Value, b: Value): Value => {
    const A = toArray(a);
    const B = toArray(b);
    if (isNumber(A) && isNumber(B)) return f(A, B);
    const rows = isNumber(A) ? (B as number[][]) : A;
    const at = (M: number[][] | number, i: number, j: number): number => (isNumber(M) ? M : M[i]![j]!);
    if (!isNumber(A) && !isNumber(B) && (A.length !== B.length || A[0]!.length !== B[0]!.length))
      throw new Error('entry-wise max/min of matrices of different shapes');
    return math.matrix(rows.map((r, i) => r.map((_, j) => f(at(A, i, j), at(B, i, j)))));
  };

const relu = (t: number): number => (t > 0 ? t : 0);
const heaviside = (t: number): number => (t > 0 ? 1 : t < 0 ? 0 : 0.5);
const sigmoid = (t: number): number => 1 / (1 + Math.exp(-t));
const softplus = (t: number): number => (t > 30 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));

math.import(
  {
    relu: entrywise(relu),
    pos: entrywise(relu),
    sigma: entrywise(relu),
    heaviside: entrywise(heaviside),
    sigmoid: entrywise(sigmoid),
    logistic: entrywise(sigmoid),
    softplus: entrywise(softplus),
    ew_exp: entrywise(Math.exp),
    ew_log: entrywise(Math.log),
    ew_sqrt: entrywise(Math.sqrt),
    ew_sin: entrywise(Math.sin),
    ew_cos: entrywise(Math.cos),
    ew_tanh: entrywise(Math.tanh),
    emax: entrywise2((a, b) => Math.max(a, b)),
    emin: entrywise2((a, b) => Math.min(a, b)),
  },
  {},
);

/** mathjs refuses these on matrices; kinkproof applies them entry-wise. */
const ENTRYWISE = new Set(['exp', 'log', 'sqrt', 'sin', 'cos', 'tanh']);

/**
 * Rename, bottom-up: max(a,b)/min(a,b) with two arguments are kinkproof's
 * entry-wise max/min (mathjs would read the second argument as a dimension);
 * exp/log/... become their entry-wise versions. One-argument max/min stay
 * mathjs's reductions over all entries.
 */
function rewrite(node: MathNode): MathNode {
  const mapped = node.map((child) => rewrite(child));
  if (mapped.type === 'FunctionNode') {
    const fn = mapped as unknown as { fn: { name?: string }; args: MathNode[] };
    const name = fn.fn.name;
    if ((name === 'max' || name === 'min') && fn.args.length === 2)
      return new math.FunctionNode(new math.SymbolNode(name === 'max' ? 'emax' : 'emin'), fn.args);
    if (name !== undefined && ENTRYWISE.has(name) && fn.args.length === 1)
      return new math.FunctionNode(new math.SymbolNode(`ew_${name}`), fn.args);
  }
  return mapped;
}

export type Evaluate = (X: Matrix) => number;

/** f(X) for an expression in X with named constant matrices. */
export function compileReference(expr: string, consts: Record<string, Matrix>): Evaluate {
  const code = rewrite(math.parse(expr)).compile();
  const scope0: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(consts)) scope0[k] = math.matrix(v);
  return (X: Matrix): number => {
    const out = code.evaluate({ ...scope0, X: math.matrix(X) }) as unknown;
    if (isNumber(out)) return out;
    if (out && typeof (out as MathMatrix).toArray === 'function') {
      const flat = ((out as MathMatrix).toArray() as unknown[]).flat(2) as unknown[];
      if (flat.length === 1 && isNumber(flat[0])) return flat[0];
    }
    throw new Error(`${expr}: not a real scalar (${String(out)})`);
  };
}

// ---- matrix helpers (plain arrays) ----

export const zerosLike = (X: Matrix): Matrix => X.map((r) => r.map(() => 0));
export const addScaled = (X: Matrix, t: number, D: Matrix): Matrix => X.map((r, i) => r.map((x, j) => x + t * D[i]![j]!));
export const inner = (A: Matrix, B: Matrix): number => {
  let s = 0;
  A.forEach((r, i) => r.forEach((a, j) => (s += a * B[i]![j]!)));
  return s;
};
export const fro = (A: Matrix): number => Math.sqrt(inner(A, A));
export const maxAbs = (A: Matrix): number => Math.max(...A.flat().map(Math.abs));

/** Central-difference gradient, step h per entry. */
export function fdGradient(f: Evaluate, X: Matrix, h = 1e-6): Matrix {
  return X.map((r, i) =>
    r.map((_, j) => {
      const P = X.map((s) => s.slice());
      const M = X.map((s) => s.slice());
      P[i]![j]! += h;
      M[i]![j]! -= h;
      return (f(P) - f(M)) / (2 * h);
    }),
  );
}

/**
 * One-sided directional derivative f'(X; D) = lim_{t↓0} (f(X + tD) − f(X))/t,
 * with one Richardson step (exact to O(t²) along a ray on which f is smooth for t > 0).
 */
export function directional(f: Evaluate, X: Matrix, D: Matrix, t = 1e-5): number {
  const f0 = f(X);
  const q = (s: number): number => (f(addScaled(X, s, D)) - f0) / s;
  return 2 * q(t / 2) - q(t);
}

/** A small deterministic PRNG: the seeded mulberry32 of the point search. */
export { random as rng } from '../../src/check/search/pointSearch.js';

/** A random direction with entries uniform in [−1, 1], rounded to 1/1024 (exact in doubles). */
export function randomDirection(next: () => number, m: number, n: number): Matrix {
  return Array.from({ length: m }, () => Array.from({ length: n }, () => Math.round((2 * next() - 1) * 1024) / 1024));
}
