/** Checking hand calculations: claimed gradients, identities, proof files. */
export { checkGradient } from './gradient.js';
export { checkEqual } from './equal.js';
export { parseProof } from './proof.js';
export type { Proof, Statement } from './proof.js';
export { checkProof } from './prove.js';
export type { ProofReport, StepReport, StepStatus } from './proofTypes.js';
export type { CaseRow, CheckOptions, CheckResult, Counterexample, GradientCheck, KinkRow, Method, Value, Verdict } from './types.js';
