/**
 * Is G the gradient of a structured f (not c + Σ φ(x_ij) with one φ)?
 * Correct means G(X) = ∇f(X) wherever f is differentiable.
 * - Refuted: at an exact rational point X where f is differentiable (decided
 *   exactly through f′(X; ·)) the exact gradient and the claim evaluated
 *   exactly differ, or the claim has another shape than X (no X can agree).
 * - Correct: only with the exact argument of ridgeProof.ts, for the shape of
 *   X that f fixes.
 * - Otherwise unknown, saying what was tried (a point search cannot prove).
 */
import { analyzeAny, inferShapes, P, parseInput } from '../../symbolic/index.js';
import type { ConstantMatrix, Expr, Model, Poly, Rational, Shape, StructuredAnalysis } from '../../symbolic/index.js';
import { KinkproofError } from '../../diagnostics.js';
import { matrixText, toCounterexample } from '../result/counterexample.js';
import type { ExactPoint } from '../result/counterexample.js';
import type { CheckOptions, GradientCheck } from '../result/checkResult.js';
import { candidates, StructuredPoints } from './points.js';
import type { Sides } from './points.js';
import { proveByRidges } from './ridgeProof.js';

/** Points tried per shape: up to POINTS, fewer for large X (about POINT_ENTRIES entries in all; each point is an exact evaluation). */
const POINTS = 240;
const MIN_POINTS = 4;
const POINT_ENTRIES = 2400;
const FREE_SHAPES: readonly (readonly [number, number])[] = [[1, 1], [1, 2], [2, 1], [2, 2]];

const WHERE = 'f is differentiable at X (decided exactly)';

const shapeText = (s: Shape): string => (s.kind === 'scalar' ? 'a scalar' : `${s.rows}x${s.cols}`);

function result(verdict: GradientCheck['verdict'], method: GradientCheck['method'], explanation: string, point: ExactPoint | null = null): GradientCheck {
  return { verdict, method, counterexample: point && toCounterexample(point), cases: [], explanation, subgradientSelection: null, kinks: [] };
}

const toPolys = (X: readonly (readonly Rational[])[]): Poly[][] => X.map((r) => r.map((q) => P.constant(q)));

/** The claim's shape when X is m×n, or the reason it has none there. */
function claimShape(expr: Expr, text: string, constants: ReadonlyMap<string, ConstantMatrix>, shape: readonly [number, number]): Shape | string {
  try {
    return inferShapes(expr, { constants, shape: [shape[0], shape[1]] }, text).shape;
  } catch (e) {
    if (e instanceof KinkproofError) return e.message;
    throw e;
  }
}

interface ShapeModel {
  readonly model: Model;
  readonly shape: readonly [number, number];
}

/** The models to search: f's own shape, or (shape left free) small shapes first, for small counterexamples. */
function models(a: StructuredAnalysis, options: CheckOptions): ShapeModel[] {
  if (!a.json.shapeWasFree) return [{ model: a.model, shape: a.model.shape }];
  const out: ShapeModel[] = [];
  for (const shape of FREE_SHAPES) {
    if (shape[0] === a.model.shape[0] && shape[1] === a.model.shape[1]) {
      out.push({ model: a.model, shape });
      continue;
    }
    try {
      const other = analyzeAny(a.input, { constants: a.constants, shape, language: options.language });
      if (other.kind === 'structured') out.push({ model: other.model, shape });
    } catch (e) {
      if (!(e instanceof KinkproofError)) throw e;
    }
  }
  return out;
}

function describe(X: readonly (readonly Rational[])[], sides: Sides): string {
  const claim = sides.claim ? matrixText(sides.claim) : 'no real value';
  return `At X = ${matrixText(toPolys(X))} f is differentiable (decided exactly through its directional derivative) and its gradient is ${matrixText(sides.gradient)}, but the claim gives ${claim}.`;
}

export function checkStructuredGradient(a: StructuredAnalysis, claim: string, options: CheckOptions = {}): GradientCheck {
  const constants = options.constants ?? a.constants;
  const expr = parseInput(claim, options.language);
  inferShapes(expr, { constants }, claim); // a claim that types for no X is bad input
  const seed = options.seed ?? 1;
  const shapes = models(a, options);
  const [m, n] = a.model.shape;
  const fixed = !a.json.shapeWasFree;

  // The claim's shape against X's: a mismatch refutes at any point where f is differentiable.
  const typed = claimShape(expr, claim, constants, [m, n]);
  if (fixed && (typeof typed === 'string' || (typed.kind === 'matrix' && (typed.rows !== m || typed.cols !== n)))) {
    const points = new StructuredPoints(a.model, expr, constants);
    const why = typeof typed === 'string' ? `the claim is not defined for X of shape ${m}x${n} (${typed})` : `the claim is ${shapeText(typed)} but X, and so the gradient of f, is ${m}x${n}`;
    for (const X of candidates(m, n, seed, POINTS)) {
      const o = points.at(X);
      if (o.kind === 'skip') continue;
      const point: ExactPoint = { X: toPolys(X), lhs: o.sides.claim, rhs: o.sides.gradient, where: WHERE };
      return result('incorrect', 'exact', `Incorrect for every X: ${why}. For instance at X = ${matrixText(point.X)} the gradient is ${matrixText(o.sides.gradient)}.`, point);
    }
    return result('incorrect', 'exact', `Incorrect for every X: ${why}.`);
  }

  // The exact argument first (a proof makes the search moot); the search then looks for a counterexample.
  const proof = proveByRidges(a.model, expr, claim, typeof typed !== 'string' && typed.kind === 'scalar', constants);
  if (proof.proved && fixed) return result('correct', 'exact', proof.explanation);

  // The point search: exact points, exact decisions; it can only refute.
  let tried = 0;
  let skipped = 0;
  for (const { model, shape } of shapes) {
    const s = claimShape(expr, claim, constants, shape);
    if (typeof s === 'string' || (s.kind === 'matrix' && (s.rows !== shape[0] || s.cols !== shape[1]))) continue;
    const points = new StructuredPoints(model, expr, constants);
    const count = Math.max(MIN_POINTS, Math.min(POINTS, Math.floor(POINT_ENTRIES / (shape[0] * shape[1]))));
    for (const X of candidates(shape[0], shape[1], seed, count)) {
      const o = points.at(X);
      if (o.kind === 'skip') {
        skipped++;
        continue;
      }
      tried++;
      if (o.kind === 'differ') {
        const small = points.simplify(X, o.sides);
        const point: ExactPoint = { X: toPolys(small.X), lhs: small.sides.claim, rhs: small.sides.gradient, where: WHERE };
        return result('incorrect', 'numeric', `The point search found a counterexample, with both sides evaluated exactly. ${describe(small.X, small.sides)}`, point);
      }
    }
  }
  const searched = `a search of ${tried} exact points (shape${shapes.length === 1 ? '' : 's'} ${shapes.map((s) => `${s.shape[0]}x${s.shape[1]}`).join(', ')}; small rationals, seed ${seed}) found no difference${skipped ? ` (${skipped} more points skipped: f not differentiable there, or undecided)` : ''}`;

  if (proof.proved)
    return result('unknown', 'numeric', `Proved exactly only for ${m}x${n} X (the shape of X is free and the proof is per shape): ${proof.explanation} Other shapes: ${searched}.`);
  return result('unknown', 'numeric', `Not decided: no exact proof (${proof.why}); ${searched}. Numeric evidence only.`);
}
