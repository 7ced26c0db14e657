/**
 * An exact witness that f′(X; ·) is not linear: a direction D with
 * f′(X; D) + f′(X; −D) ≠ 0 (a linear function is odd). Used where the pieces
 * alone do not decide, e.g. a convex and a concave kink meeting at X:
 * σ(d₁) + σ(d₂) + min(d₁, d₂) is not odd along D = (1, 1).
 */
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';
import * as P from '../exact/poly.js';
import type { Poly } from '../exact/poly.js';
import { signOfConstant } from '../exact/calculus.js';
import { compareExact } from '../solve.js';
import { formAt } from './directions.js';
import type { VectorTable } from './directions.js';
import type { DirectionalDerivative, LinearForm, Piece } from './directional.js';

/** Up to this many entries, pairs E_k ± E_l are tried too. */
const PAIRS_UP_TO = 16;
const MAX_ENTRIES = 64;

type D = readonly (readonly Rational[])[];

const form = (table: VectorTable, f: LinearForm, D: D): Poly =>
  P.sum(f.entries().map(({ dir, c }) => P.mul(c, P.constant(formAt(table, dir, D)))));

const positivePart = (p: Poly): Poly => (signOfConstant(p) === 1 ? p : P.ZERO);

/** The value of one piece along D; undefined when it cannot be evaluated exactly. */
function pieceAt(table: VectorTable, piece: Piece, D: D): Poly | undefined {
  switch (piece.kind) {
    case 'composite':
      return undefined;
    case 'outerKink':
      return P.mul(piece.jump, positivePart(form(table, piece.g, D)));
    case 'norm': {
      const squares = P.sum(
        piece.components.map((c) => {
          const s = P.constant(formAt(table, c.dir, D));
          const r = P.mul(signOfConstant(s) === 1 ? c.right : c.left, s);
          return P.mul(r, r);
        }),
      );
      return P.mul(piece.weight, P.pow(squares, Q.HALF, { tPositive: true }));
    }
    case 'hull':
    case 'hullForms': {
      const values =
        piece.kind === 'hull'
          ? piece.vertices.map((v) => P.mul(v.slope, P.constant(formAt(table, v.dir, D))))
          : piece.vertices.map((f) => form(table, f, D));
      const pick = piece.kind === 'hull' && piece.which === 'min' ? -1 : 1;
      let best = values[0]!;
      for (const v of values) if (compareExact(v, best) === pick) best = v;
      return P.mul(piece.weight, best);
    }
  }
}

/** f′(X; D), exactly, or undefined. */
function along(table: VectorTable, d: DirectionalDerivative, D: D): Poly | undefined {
  let total = P.add(form(table, d.linear, D), P.sum(d.sigma.entries().map(({ dir, c }) => P.mul(c, positivePart(P.constant(formAt(table, dir, D)))))));
  for (const piece of d.pieces) {
    const v = pieceAt(table, piece, D);
    if (!v) return undefined;
    total = P.add(total, v);
  }
  return total;
}

function* directions(m: number, n: number): Generator<Rational[][]> {
  const unit = (k: number, l = -1, sign = 1): Rational[][] =>
    Array.from({ length: m }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i * n + j === k ? Q.ONE : i * n + j === l ? Q.rat(sign) : Q.ZERO)),
    );
  for (let k = 0; k < m * n; k++) yield unit(k);
  yield Array.from({ length: m }, () => Array.from({ length: n }, () => Q.ONE));
  if (m * n > PAIRS_UP_TO) return;
  for (let k = 0; k < m * n; k++) for (let l = k + 1; l < m * n; l++) for (const sign of [1, -1]) yield unit(k, l, sign);
}

/** A direction D (as text) with f′(X; D) + f′(X; −D) ≠ 0, decided exactly; null when none of the tried ones shows it. */
export function oddnessWitness(table: VectorTable, d: DirectionalDerivative, m: number, n: number): string | null {
  if (m * n > MAX_ENTRIES) return null;
  for (const D of directions(m, n)) {
    const plus = along(table, d, D);
    const minus = along(table, d, D.map((r) => r.map(Q.neg)));
    if (!plus || !minus) return null;
    if (signOfConstant(P.add(plus, minus)) !== 0) return `[${D.map((r) => `[${r.map(Q.toText).join(',')}]`).join(',')}]`;
  }
  return null;
}
