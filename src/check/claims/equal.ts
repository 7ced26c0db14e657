/**
 * Does A = B hold for every X of every shape? Exact first (exact/entrywise.ts,
 * exact/separable.ts), then the point search, which can only refute.
 */
import { KinkproofError } from '../../diagnostics.js';
import { sameExpr } from '../../symbolic/index.js';
import type { ConstantMatrix } from '../../symbolic/index.js';
import { searchVerdict } from '../exact/attempt.js';
import type { Undecided } from '../exact/attempt.js';
import { exactEntryWise } from '../exact/entrywise.js';
import { SIDES } from '../result/counterexample.js';
import { broadcast, evaluateOrNull, NoValue } from '../search/evaluate.js';
import { search } from '../search/pointSearch.js';
import { exactSeparable, scalarValue } from '../exact/separable.js';
import { readSide, shapeAt } from '../exact/side.js';
import type { Side } from '../exact/side.js';
import type { CheckOptions, CheckResult } from '../result/checkResult.js';

const scalarFunction = (s: Side): boolean => s.shape.kind === 'scalar' && s.dependsOnX;

function bySearch(A: Side, B: Side, u: Undecided, constants: ReadonlyMap<string, ConstantMatrix>, seed: number): CheckResult {
  const matrix = A.shape.kind === 'matrix' || B.shape.kind === 'matrix';
  const outcome = search({
    special: u.special,
    seed,
    admits: (shape) => {
      const a = shapeAt(A, constants, shape);
      const b = shapeAt(B, constants, shape);
      if (!a || !b) return false;
      return a.kind === 'scalar' || b.kind === 'scalar' || (a.rows === b.rows && a.cols === b.cols);
    },
    at: (X) => {
      try {
        const a = evaluateOrNull(A.expr, X, constants);
        const b = evaluateOrNull(B.expr, X, constants);
        if (!matrix) return { lhs: a && scalarValue(a), rhs: b && scalarValue(b) };
        const m = a?.kind === 'matrix' ? a.m : b?.kind === 'matrix' ? b.m : X;
        const lhs = a && broadcast(a, m.length, m[0]!.length);
        const rhs = b && broadcast(b, m.length, m[0]!.length);
        return (a && !lhs) || (b && !rhs) ? null : { lhs, rhs };
      } catch (e) {
        if (e instanceof NoValue) return null;
        throw e;
      }
    },
  });
  return searchVerdict(outcome, u, SIDES);
}

export function checkEqual(a: string, b: string, options: CheckOptions = {}): CheckResult {
  const constants = options.constants ?? new Map<string, ConstantMatrix>();
  const A = readSide(a, constants, options.language);
  const B = readSide(b, constants, options.language);
  const scalar = scalarFunction(A) || scalarFunction(B);
  if (scalar && (A.shape.kind === 'matrix' || B.shape.kind === 'matrix'))
    throw new KinkproofError('input', `one side is a scalar function of X and the other a matrix (${A.shape.kind === 'matrix' ? a : b})`);
  if (sameExpr(A.expr, B.expr))
    return {
      verdict: 'correct',
      method: 'exact',
      counterexample: null,
      cases: [],
      explanation: 'Both sides are the same expression, so they agree wherever they are defined (and are undefined at the same points).',
    };
  const attempt = scalar ? exactSeparable(A, B, constants) : exactEntryWise(A, B);
  return 'result' in attempt ? attempt.result : bySearch(A, B, attempt.undecided, constants, options.seed ?? 1);
}
