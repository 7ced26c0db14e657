/**
 * Exact points for checking a claimed gradient of a structured f: where f is
 * differentiable (decided exactly by the structured point evaluator, through
 * the one-sided directional derivative), its exact gradient from the linear
 * form of f′(X; ·), and the claim evaluated exactly there. A seeded search
 * over small rational points finds counterexamples; a found one is made
 * simpler entry by entry while it stays a counterexample.
 */
import { P, PointEvaluator, Q, signOfConstant, Univariates } from '../../symbolic/index.js';
import type { ConstantMatrix, Expr, Model, Poly, Rational } from '../../symbolic/index.js';
import { KinkproofError } from '../../diagnostics.js';
import { broadcast, evaluateOrNull, NoValue } from '../search/evaluate.js';
import { random } from '../search/pointSearch.js';

/** The claim and the gradient at one point where f is differentiable. */
export interface Sides {
  /** The claim's value (null: it has no real value at X); a matrix of another shape than X is kept as it is. */
  readonly claim: Poly[][] | null;
  readonly gradient: Poly[][];
}

export type PointOutcome =
  | { readonly kind: 'skip'; readonly why: string }
  | { readonly kind: 'agree'; readonly sides: Sides }
  | { readonly kind: 'differ'; readonly sides: Sides };

/** Simple numbers first: these make the counterexamples a person checks by hand. */
export const SIMPLE: readonly Rational[] = [Q.ONE, Q.MINUS_ONE, Q.rat(2), Q.rat(-2), Q.HALF, Q.rat(-1, 2), Q.ZERO];
const DENOMINATORS = [1, 2, 3, 4, 8] as const;
/** Point evaluations spent on making a counterexample simpler. */
const MAX_SIMPLIFY = 120;

/** Candidate points of shape m×n: constant matrices of simple numbers, random simple entries, then random small rationals. */
export function* candidates(m: number, n: number, seed: number, count: number): Generator<Rational[][]> {
  const next = random(seed);
  const fill = (f: () => Rational): Rational[][] => Array.from({ length: m }, () => Array.from({ length: n }, f));
  let emitted = 0;
  for (const v of [Q.ZERO, ...SIMPLE.slice(0, -1)]) {
    if (emitted++ >= count) return;
    yield fill(() => v);
  }
  const half = Math.floor((count - emitted) / 2);
  for (let k = 0; k < half; k++, emitted++) yield fill(() => SIMPLE[Math.floor(next() * SIMPLE.length)]!);
  for (; emitted < count; emitted++)
    yield fill(() => {
      const d = DENOMINATORS[Math.floor(next() * DENOMINATORS.length)]!;
      return Q.rat(Math.floor(next() * (6 * d + 1)) - 3 * d, d);
    });
}

/** Σ c·u wᵀ over the linear form of f′(X; ·), exactly. */
function gradientMatrix(model: Model, form: ReturnType<PointEvaluator['evaluate']>['derivative']['linear'], m: number, n: number): Poly[][] {
  const G: Poly[][] = Array.from({ length: m }, () => Array.from({ length: n }, () => P.ZERO));
  for (const { dir, c } of form.entries()) {
    const u = model.table.vectors[dir.u]!;
    const w = model.table.vectors[dir.w]!;
    for (let i = 0; i < m; i++) {
      if (Q.isZero(u[i]!)) continue;
      const row = G[i]!;
      for (let j = 0; j < n; j++) if (!Q.isZero(w[j]!)) row[j] = P.add(row[j]!, P.scale(c, Q.mul(u[i]!, w[j]!)));
    }
  }
  return G;
}

/** true: provably different (another shape, or only one side has a value); false: equal; null: undecided. */
export function differs(claim: Poly[][] | null, gradient: Poly[][]): boolean | null {
  if (claim === null) return true;
  if (claim.length !== gradient.length || claim[0]!.length !== gradient[0]!.length) return true;
  let open = false;
  for (let i = 0; i < claim.length; i++)
    for (let j = 0; j < claim[i]!.length; j++) {
      const s = signOfConstant(P.sub(claim[i]![j]!, gradient[i]![j]!));
      if (s === undefined) open = true;
      else if (s !== 0) return true;
    }
  return open ? null : false;
}

export class StructuredPoints {
  private readonly univariates = new Univariates();

  constructor(
    private readonly model: Model,
    private readonly claim: Expr,
    private readonly constants: ReadonlyMap<string, ConstantMatrix>,
  ) {}

  get shape(): readonly [number, number] {
    return this.model.shape;
  }

  /** The claim's exact value at X as a matrix (a scalar fills X's shape), or null where it has no real value. */
  claimAt(X: readonly (readonly Rational[])[]): Poly[][] | null {
    const Xp = X.map((r) => r.map((q) => P.constant(q)));
    const v = evaluateOrNull(this.claim, Xp, this.constants);
    if (!v) return null;
    const [m, n] = this.model.shape;
    return v.kind === 'matrix' ? v.m : broadcast(v, m, n);
  }

  at(X: readonly (readonly Rational[])[]): PointOutcome {
    const [m, n] = this.model.shape;
    let r: ReturnType<PointEvaluator['evaluate']>;
    try {
      r = new PointEvaluator(this.model, this.univariates, X).evaluate();
    } catch (e) {
      if (e instanceof KinkproofError || e instanceof P.Undefined || e instanceof P.TooLarge) return { kind: 'skip', why: e.message };
      throw e;
    }
    if (r.decision.differentiable !== true) return { kind: 'skip', why: r.decision.differentiable === false ? 'f is not differentiable here' : r.decision.why };
    const gradient = gradientMatrix(this.model, r.derivative.linear, m, n);
    let claim: Poly[][] | null;
    try {
      claim = this.claimAt(X);
    } catch (e) {
      if (e instanceof NoValue || e instanceof KinkproofError) return { kind: 'skip', why: `the claim's value is not decided here (${e.message})` };
      throw e;
    }
    const d = differs(claim, gradient);
    if (d === null) return { kind: 'skip', why: 'whether the two sides differ is not decided here' };
    return { kind: d ? 'differ' : 'agree', sides: { claim, gradient } };
  }

  /** A simpler counterexample: each entry replaced by the simplest number that keeps the sides apart (two passes). */
  simplify(X: readonly (readonly Rational[])[], sides: Sides, budget = MAX_SIMPLIFY): { X: Rational[][]; sides: Sides } {
    let best = { X: X.map((r) => [...r]), sides };
    let left = budget;
    for (let pass = 0; pass < 2; pass++)
      for (let i = 0; i < best.X.length; i++)
        for (let j = 0; j < best.X[i]!.length; j++) {
          const current = best.X[i]![j]!;
          for (const v of [Q.ZERO, ...SIMPLE.slice(0, -1)]) {
            if (!simplerThan(v, current)) continue;
            if (left-- <= 0) return best;
            const Y = best.X.map((r) => [...r]);
            Y[i]![j] = v;
            const o = this.at(Y);
            if (o.kind === 'differ') {
              best = { X: Y, sides: o.sides };
              break;
            }
          }
        }
    return best;
  }
}

/** Denominator, then magnitude, then positive first. */
function simplerThan(a: Rational, b: Rational): boolean {
  const key = (q: Rational): [bigint, number, number] => [q.den, Math.abs(Q.toNumber(q)), Q.sign(q) < 0 ? 1 : 0];
  const [x, y] = [key(a), key(b)];
  if (x[0] !== y[0]) return x[0] < y[0];
  if (x[1] !== y[1]) return x[1] < y[1];
  return x[2] < y[2];
}
