/**
 * Trying something that may fail for a reason that only means "no": a value
 * that does not exist, no closed form, a number too large, an unsupported
 * case. Used where a failed attempt is simply not used (a shorter display, a
 * second way to compare). Time running out is not such a reason: it is the
 * analysis' limit, and is rethrown.
 */
import { KinkproofError } from '../diagnostics.js';
import { checkBudgetNow } from './budget.js';
import { TooLarge, Undefined } from './exact/poly.js';
import { NotElementary } from './scalar/toPoly.js';

export function attempt<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof KinkproofError || e instanceof Undefined || e instanceof NotElementary || e instanceof TooLarge)) throw e;
    checkBudgetNow();
    return fallback;
  }
}
