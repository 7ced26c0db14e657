/**
 * A counterexample from an exact comparison: the simplest number inside an
 * interval where the two pieces differ (a difference on an interval does not
 * hang on a convention at one point), else the breakpoint where they differ.
 */
import { P, signOfConstant, valueAt } from '../../symbolic/index.js';
import type { Case, Comparison, Poly } from '../../symbolic/index.js';
import { whereOf } from '../result/caseTable.js';
import { simpleNumbersIn, simpler } from './simpleNumbers.js';

export interface Witness {
  readonly x: Poly;
  readonly where: string;
  /** The two sides' values at x. */
  readonly lhs: Poly;
  readonly rhs: Poly;
}

const TRIES = 60;

function differsAt(c: Extract<Case, { kind: 'interval' }>, x: Poly): Witness | null {
  try {
    const lhs = valueAt(c.lhs, x);
    const rhs = valueAt(c.rhs, x);
    const s = signOfConstant(P.sub(lhs, rhs));
    return s === undefined || s === 0 ? null : { x, where: whereOf(c), lhs, rhs };
  } catch {
    return null; // no value at this x: try another
  }
}

function inInterval(c: Extract<Case, { kind: 'interval' }>): Witness | null {
  let n = 0;
  for (const x of simpleNumbersIn(c.from, c.to)) {
    const w = differsAt(c, x);
    if (w) return w;
    if (++n >= TRIES) break;
  }
  return c.witness ? differsAt(c, c.witness) : null;
}

export function witnessOf(cmp: Comparison): Witness | null {
  let best: Witness | null = null;
  for (const c of cmp.cases) {
    if (c.kind !== 'interval' || c.equal !== false) continue;
    const w = inInterval(c);
    if (w && (!best || simpler(w.x, best.x))) best = w;
  }
  if (best) return best;
  for (const c of cmp.cases)
    if (c.kind === 'point' && c.equal === false) return { x: c.at, where: whereOf(c), lhs: c.lhs, rhs: c.rhs };
  return null;
}
