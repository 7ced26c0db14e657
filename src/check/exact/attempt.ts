/** The outcome of the exact route: a result, or what it could not decide (for the search to take over). */
import { comparePiecewise, dependsOnT } from '../../symbolic/index.js';
import type { Comparison, EntryWise, Piecewise, Poly } from '../../symbolic/index.js';
import { pointSentence, toCounterexample } from '../result/counterexample.js';
import type { SearchOutcome } from '../search/pointSearch.js';
import type { ExactPoint } from '../result/counterexample.js';
import { isOutOfReach } from './side.js';
import type { CaseRow, CheckResult } from '../result/checkResult.js';

export interface Undecided {
  /** What the exact route could not decide, as a clause ("t < 0 could not be decided"). */
  readonly why: string;
  readonly cases: readonly CaseRow[];
  /** Breakpoints known so far, for the search. */
  readonly special: readonly Poly[];
}

export type Attempt = { readonly result: CheckResult } | { readonly undecided: Undecided };

export const undecided = (why: string, cases: readonly CaseRow[] = [], special: readonly Poly[] = []): Attempt => ({
  undecided: { why, cases, special },
});

/** The side reads X' entry-wise (a transposed constant reads nothing). */
export const readsTranspose = (e: EntryWise): boolean => e.transposed && dependsOnT(e.phi);

export function undecidedCases(cases: readonly CaseRow[]): string {
  const open = cases.filter((c) => c.equal === null).map((c) => c.where);
  return open.length ? `the exact comparison could not decide ${open.join(', ')}` : 'the exact comparison could not decide';
}

export const refuted = (point: ExactPoint, cases: readonly CaseRow[], explanation: string): Attempt => ({
  result: { verdict: 'incorrect', method: 'exact', counterexample: toCounterexample(point), cases, explanation },
});

export const proved = (cases: readonly CaseRow[], explanation: string): Attempt => ({
  result: { verdict: 'correct', method: 'exact', counterexample: null, cases, explanation },
});

/** comparePiecewise, or why it could not run. */
export function compare(a: Piecewise, b: Piecewise, skip?: (c: Poly) => boolean): Comparison | string {
  try {
    return comparePiecewise(a, b, skip);
  } catch (e) {
    if (isOutOfReach(e)) return e.message;
    throw e;
  }
}

/** After an undecided exact route: a counterexample from the point search, or `unknown` saying what was tried. */
export function searchVerdict(outcome: SearchOutcome, u: Undecided, sides: readonly [string, string]): CheckResult {
  if (outcome.found)
    return {
      verdict: 'incorrect',
      method: 'numeric',
      counterexample: toCounterexample(outcome.found),
      cases: u.cases,
      explanation: `No exact decision (${u.why}), but the point search found a counterexample, with both sides evaluated exactly. ${pointSentence(outcome.found, sides)}`,
    };
  return { verdict: 'unknown', method: 'numeric', counterexample: null, cases: u.cases, explanation: `Not decided: ${u.why}; ${outcome.summary}.` };
}
