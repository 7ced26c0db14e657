/** Every entry point runs its symbolic work under one wall-clock budget, set up here. */
import { clearBudget, DEFAULT_TIMEOUT_SECONDS, startBudget } from '../symbolic/index.js';

export interface Budgeted {
  /** Budget for the symbolic work in seconds (default 20). */
  readonly timeoutSeconds?: number;
}

/** `work()` under a budget of `timeoutSeconds` (default 20 s); past it, the symbolic layer throws a 'limit' KinkproofError. */
export function withBudget<T>(timeoutSeconds: number | undefined, work: () => T): T {
  startBudget(timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
  try {
    return work();
  } finally {
    clearBudget();
  }
}
