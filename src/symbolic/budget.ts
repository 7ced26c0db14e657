/**
 * A wall-clock budget for symbolic work (simplification and expansion can
 * explode on adversarial input). Hot loops call `checkBudget()`; it reads the
 * clock only every 1024 calls.
 */
import { KinkproofError } from '../diagnostics.js';

export const DEFAULT_TIMEOUT_SECONDS = 20;

let deadline = Number.POSITIVE_INFINITY;
let seconds = 0;
let calls = 0;

export function startBudget(timeoutSeconds: number): void {
  seconds = timeoutSeconds;
  deadline = performance.now() + timeoutSeconds * 1000;
  calls = 0;
}

export function clearBudget(): void {
  deadline = Number.POSITIVE_INFINITY;
}

export function checkBudget(): void {
  if (++calls & 1023) return;
  checkBudgetNow();
}

/** Reads the clock at once: for loops whose single steps are slow (arithmetic on huge numbers). */
export function checkBudgetNow(): void {
  if (performance.now() > deadline)
    throw new KinkproofError('limit', `symbolic work took longer than the ${seconds} s budget (--timeout)`);
}
