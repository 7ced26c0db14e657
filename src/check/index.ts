/** Checking hand calculations: claimed gradients, identities, proof files. */
export { checkGradient } from './claims/gradient.js';
export { checkEqual } from './claims/equal.js';
export { parseProof } from './proofs/parseProof.js';
export type { Proof, Statement } from './proofs/parseProof.js';
export { checkProof } from './proofs/checkProof.js';
export type { ProofReport, StepReport, StepStatus } from './proofs/proofReport.js';
export type { CaseRow, CheckOptions, CheckResult, Counterexample, GradientCheck, KinkRow, Method, Value, Verdict } from './result/checkResult.js';
