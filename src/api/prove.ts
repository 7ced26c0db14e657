/** `prove`: every statement of a parsed proof file, within one budget for the file. */
import { checkProof as proofClaims } from '../check/proofs/checkProof.js';
import type { Proof } from '../check/proofs/parseProof.js';
import type { ProofReport } from '../check/proofs/proofReport.js';
import type { BudgetedCheckOptions } from './check.js';
import { withBudget } from './budget.js';

export const checkProof = (proof: Proof, options: BudgetedCheckOptions = {}): ProofReport =>
  withBudget(options.timeoutSeconds, () => proofClaims(proof, options));
