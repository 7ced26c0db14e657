/** What `prove` reports per statement and per file. */
import type { CheckResult, Method } from '../result/checkResult.js';

/** `error`: the statement is bad input (a shape error found while checking). */
export type StepStatus = 'pass' | 'fail' | 'unknown' | 'error';

export interface StepReport {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly status: StepStatus;
  readonly method: Method | null;
  /** Shown in parentheses after the statement: "exact", "refuted, exact", "C1, not C2". */
  readonly note: string;
  /** The counterexample in one line (failures, and refutations that passed). */
  readonly counterexample: string | null;
  /** Why, for anything but a plain pass. */
  readonly explanation: string | null;
  readonly result: CheckResult | null;
  /** The entry function φ(t) as ASCII, on the function line of a separable f (typeset by the proof page). */
  readonly entryFunction?: string;
}

export interface ProofReport {
  readonly file: string;
  readonly title: string | null;
  readonly steps: readonly StepReport[];
}

/** What a property check (class, kinks, …) found. */
export interface Finding {
  readonly status: StepStatus;
  readonly note: string;
  readonly explanation: string | null;
}
