/** `check`: a claimed gradient or an identity, within the budget. */
import { checkEqual as equalClaim } from '../check/claims/equal.js';
import { checkGradient as gradientClaim } from '../check/claims/gradient.js';
import type { CheckOptions, CheckResult, GradientCheck } from '../check/result/checkResult.js';
import { withBudget } from './budget.js';
import type { Budgeted } from './budget.js';

export interface BudgetedCheckOptions extends CheckOptions, Budgeted {}

/** Is `claim` the gradient of f wherever f is differentiable? */
export const checkGradient = (f: string, claim: string, options: BudgetedCheckOptions = {}): GradientCheck =>
  withBudget(options.timeoutSeconds, () => gradientClaim(f, claim, options));

/** Does A = B hold for every X of every shape? */
export const checkEqual = (a: string, b: string, options: BudgetedCheckOptions = {}): CheckResult =>
  withBudget(options.timeoutSeconds, () => equalClaim(a, b, options));
