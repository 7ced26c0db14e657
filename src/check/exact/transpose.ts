/**
 * Entry-wise expressions that read X on one side and X' on the other. They
 * agree on 1×1 X exactly when their entry functions agree; on a square X of
 * size 2, entry (1,2) is ψ(x_12) on one side and ψ(x_21) on the other, so they
 * agree for every X only if ψ is constant. The witness is X = [[a, a], [b, a]]
 * with ψ(a) ≠ ψ(b).
 */
import { P, signOfConstant } from '../../symbolic/index.js';
import type { Poly } from '../../symbolic/index.js';
import { simpleNumbersIn } from './simpleNumbers.js';

export interface TwoValues {
  readonly a: Poly;
  readonly b: Poly;
}

const CANDIDATES = 12;

/** Two simple numbers where `value` provably differs (null where it has none). */
export function twoValues(value: (x: Poly) => Poly | null, extra: readonly Poly[]): TwoValues | null {
  const xs: Poly[] = [];
  for (const x of simpleNumbersIn(null, null)) {
    xs.push(x);
    if (xs.length >= CANDIDATES) break;
  }
  const seen: { x: Poly; v: Poly }[] = [];
  for (const x of [...xs, ...extra]) {
    let v: Poly | null;
    try {
      v = value(x);
    } catch {
      v = null;
    }
    if (!v) continue;
    for (const s of seen) {
      const d = signOfConstant(P.sub(s.v, v));
      if (d !== undefined && d !== 0) return { a: s.x, b: x };
    }
    seen.push({ x, v });
  }
  return null;
}

/** Every piece the same constant and every listed value equal to it. */
export function isConstant(pieces: readonly Poly[], values: readonly Poly[]): boolean {
  const [first] = pieces;
  if (!first || P.hasT(first)) return false;
  return [...pieces, ...values].every((p) => P.equals(p, first));
}

export const transposeWitnessPoint = (w: TwoValues): Poly[][] => [
  [w.a, w.a],
  [w.b, w.a],
];

/** M with M_ij = value(x_ij), or value(x_ji) for a side that reads X'. */
export function entryMatrix(X: Poly[][], transposed: boolean, value: (x: Poly) => Poly): Poly[][] {
  return X.map((row, i) => row.map((x, j) => value(transposed ? X[j]![i]! : x)));
}
