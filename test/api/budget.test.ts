/** Every library entry point runs within one time budget (src/api/budget.ts), which it clears again. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/api/analyze.js';
import { withBudget } from '../../src/api/budget.js';
import { checkEqual, checkGradient } from '../../src/api/check.js';
import { derive } from '../../src/api/derive.js';
import { checkProof } from '../../src/api/prove.js';
import { parseProof } from '../../src/check/proofs/parseProof.js';
import { thrownKinkproofError } from '../kinkproofError.js';

/** Σ |x - k - shift| multiplied out: 2^n pieces, far more symbolic work than 1 ms allows. */
const absProduct = (n: number, shift: number): string =>
  `sum(${Array.from({ length: n }, (_, k) => `abs(X - ${k + 1 + shift})`).join(' .* ')})`;

const overBudget = /symbolic work took longer than the 0\.001 s budget/;

const limitError = thrownKinkproofError;

describe('the time budget of the library', () => {
  it('withBudget returns what the work returns', () => {
    expect(withBudget(1, () => 42)).toBe(42);
  });

  it('analyze, derive and checkGradient stop at their budget with a limit error', () => {
    const f = absProduct(20, 0);
    for (const work of [
      () => analyze(f, { timeoutSeconds: 0.001 }),
      () => derive(f, { timeoutSeconds: 0.001 }),
      () => checkGradient(f, 'X', { timeoutSeconds: 0.001 }),
    ]) {
      const e = limitError(work);
      expect(e.kind).toBe('limit');
      expect(e.message).toMatch(overBudget);
    }
  });

  it('checkEqual past its budget leaves the exact route to the point search, naming the limit', () => {
    const result = checkEqual(absProduct(20, 0), absProduct(20, 1), { timeoutSeconds: 0.001 });
    expect(result.method).toBe('numeric');
    expect(result.explanation).toMatch(overBudget);
  });

  it('checkProof reports a statement past its budget as undecided, naming the limit', () => {
    const report = checkProof(parseProof(`function: ${absProduct(20, 0)}\nclass: C0\n`, 'slow.proof'), { timeoutSeconds: 0.001 });
    expect(report.steps[0]).toMatchObject({ status: 'unknown', note: 'limit reached', explanation: expect.stringMatching(overBudget) });
  });

  it('the budget is cleared afterwards: later symbolic work outside any entry point is not stopped', () => {
    limitError(() => analyze(absProduct(20, 0), { timeoutSeconds: 0.001 }));
    expect(analyze('sum(relu(X))').entry.smoothness).toBe(0);
  });
});
