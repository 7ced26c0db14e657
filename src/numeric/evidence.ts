/**
 * What the verifier found, as plain data for the report: every check counted,
 * a bounded representative list of records, and every failure (bounded too).
 */
import type { Check, CheckRecord, Relation } from './checkRecord.js';
import type { Comparison } from './errorModel.js';

export type { Check, CheckKind, CheckRecord } from './checkRecord.js';

/**
 * 'inconclusive': no check was informative (every candidate was skipped as
 * unresolvable in floating point), so nothing was confirmed. Not a failure.
 */
export type EvidenceStatus = 'passed' | 'failed' | 'inconclusive';

export interface Evidence {
  readonly status: EvidenceStatus;
  readonly checks: number;
  readonly maxRelError: number;
  readonly worst: CheckRecord | null;
  readonly seed: number;
  /** At most MAX_RECORDS: the worst check of each group (one claim at one kind of point). */
  readonly records: CheckRecord[];
  /** The first FAILURES_PER_GROUP failures of each group, at most MAX_FAILURES in all. */
  readonly failures: CheckRecord[];
}

export const MAX_RECORDS = 40;
export const MAX_FAILURES = 40;
export const FAILURES_PER_GROUP = 3;

interface Scored {
  readonly check: Check;
  readonly c: Comparison;
  readonly relError: number;
  readonly tolerance: number;
  readonly passed: boolean;
  readonly relation: Relation;
}

/**
 * `deviation`: how far the numbers are from the claim (|numeric − symbolic|
 * for an equality). Undefined when the check is not informative: it passes
 * only because its tolerance is at least the size of every quantity compared
 * (numbers in the underflow range, or a claim below what rounding resolves),
 * so it would pass for a claim of 0 or of the opposite sign as well. A check
 * whose deviation exceeds its tolerance is never dropped.
 */
function score(check: Check, c: Comparison, relation: Relation = 'equal', deviation = Math.abs(c.numeric - c.symbolic)): Scored | undefined {
  const natural = Math.max(Math.abs(c.symbolic), Math.abs(c.numeric), c.scale);
  const passed = deviation <= c.tolerance;
  if (passed && natural > 0 && c.tolerance >= natural) return undefined;
  const size = Math.max(natural, c.tolerance);
  const relError = deviation === 0 ? 0 : deviation / size;
  const tolerance = size > 0 ? c.tolerance / size : 0;
  return { check, c, relError, tolerance, passed, relation };
}

const materialize = (s: Scored): CheckRecord => ({
  ...s.check,
  symbolic: s.c.symbolic,
  numeric: s.c.numeric,
  relError: s.relError,
  tolerance: s.tolerance,
  passed: s.passed,
  relation: s.relation,
});

/** Failures first, then larger relative error; the earlier check wins ties. */
const worse = (a: Scored, b: Scored | undefined): boolean =>
  !b || (a.passed !== b.passed ? !a.passed : a.relError > b.relError);

export class EvidenceBuilder {
  private checks = 0;
  private maxRelError = 0;
  private readonly records: CheckRecord[] = [];
  private readonly failures: CheckRecord[] = [];
  private worst: { scored: Scored; record: CheckRecord } | undefined;
  private groupWorst: Scored | undefined;
  private groupFailures = 0;
  /** One record object per check, so the same check in several lists is the same object. */
  private readonly built = new Map<Scored, CheckRecord>();

  /**
   * A finite claim compared with a numeric estimate. A claim that is not finite
   * where the numbers are fails, unless its own error bound is not finite
   * either (the claimed formula overflowed as evaluated: 0·∞ or ∞/∞ where
   * the exact value is finite). Where the numbers themselves overflow (or
   * their error bound does), nothing is verified and nothing is counted.
   */
  compare(check: Check, c: Comparison): void {
    if (!Number.isFinite(c.numeric)) return;
    if (!Number.isFinite(c.symbolic)) {
      if (c.claimError !== undefined && !Number.isFinite(c.claimError)) return;
      this.add({ check, c, relError: 1, tolerance: 0, passed: false, relation: 'equal' });
      return;
    }
    if (!Number.isFinite(c.tolerance) || !Number.isFinite(c.scale)) return;
    const scored = score(check, c);
    if (scored) this.add(scored);
  }

  /**
   * A claimed lower bound, numeric ≥ symbolic (e.g. f(Y) − f(X) ≥ ⟨G, Y − X⟩):
   * only a shortfall counts as error, and it fails beyond the tolerance.
   */
  atLeast(check: Check, c: Comparison): void {
    if (![c.numeric, c.symbolic, c.tolerance, c.scale].every(Number.isFinite)) return;
    const scored = score(check, c, 'at-least', Math.max(0, c.symbolic - c.numeric));
    if (scored) this.add(scored);
  }

  /** A claimed upper bound, numeric ≤ symbolic (e.g. f′(X; D) ≤ h_S(D)): only an excess counts as error. */
  atMost(check: Check, c: Comparison): void {
    if (![c.numeric, c.symbolic, c.tolerance, c.scale].every(Number.isFinite)) return;
    const scored = score(check, c, 'at-most', Math.max(0, c.numeric - c.symbolic));
    if (scored) this.add(scored);
  }

  /** A claimed divergence to ±∞: confirmed (relative error 0) or contradicted (1); no tolerance applies. */
  divergence(check: Check, sign: 1 | -1, last: number, confirmed: boolean): void {
    this.add({
      check,
      c: { symbolic: sign * Infinity, numeric: last, tolerance: 0, scale: 0 },
      relError: confirmed ? 0 : 1,
      tolerance: 0,
      passed: confirmed,
      relation: 'verdict',
    });
  }

  /**
   * A check decided by the shape of a sequence rather than by one comparison
   * (e.g. a gap between the two sides of a point that never closes):
   * confirmed (relative error 0) or contradicted (1).
   */
  verdict(check: Check, symbolic: number, numeric: number, confirmed: boolean): void {
    this.add({
      check,
      c: { symbolic, numeric, tolerance: 0, scale: 0 },
      relError: confirmed ? 0 : 1,
      tolerance: 0,
      passed: confirmed,
      relation: 'verdict',
    });
  }

  /** Closes a group of checks of one claim at one kind of point: its worst check becomes a record. */
  endGroup(): void {
    if (this.groupWorst && this.records.length < MAX_RECORDS) this.records.push(this.record(this.groupWorst));
    this.groupWorst = undefined;
    this.groupFailures = 0;
  }

  finish(seed: number): Evidence {
    this.endGroup();
    return {
      status: this.failures.length > 0 ? 'failed' : this.checks === 0 ? 'inconclusive' : 'passed',
      checks: this.checks,
      maxRelError: this.maxRelError,
      worst: this.worst?.record ?? null,
      seed,
      records: this.records,
      failures: this.failures,
    };
  }

  private add(s: Scored): void {
    this.checks++;
    this.maxRelError = Math.max(this.maxRelError, s.relError);
    if (!s.passed && this.groupFailures++ < FAILURES_PER_GROUP && this.failures.length < MAX_FAILURES)
      this.failures.push(this.record(s));
    if (worse(s, this.groupWorst)) this.groupWorst = s;
    if (worse(s, this.worst?.scored)) this.worst = { scored: s, record: this.record(s) };
  }

  private record(s: Scored): CheckRecord {
    let r = this.built.get(s);
    if (!r) this.built.set(s, (r = materialize(s)));
    return r;
  }
}
