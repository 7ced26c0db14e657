/**
 * The numeric verifier: cross-checks the symbolic claims about
 * f(X) = offset + Σ_ij φ(x_ij) by finite differences. Numbers only verify:
 * a claim the numbers contradict becomes a failure record naming the claim,
 * the point and both numbers. Same input and seed, byte-identical evidence.
 * Every claimed piece is probed on its own interval (pieceChecks.ts), so
 * something is always checked; evidence with no informative check at all is
 * 'inconclusive', never 'passed'.
 */
import { KinkproofError } from '../diagnostics.js';
import { MAX_ENTRIES } from '../sizeLimits.js';
import { MATRIX, printText } from '../symbolic/index.js';
import type { BreakpointSet, EntryAnalysis, Scalar, Subdifferential } from '../symbolic/index.js';
import { checkBreakpoints, observable } from './breakpointChecks.js';
import { approximation } from './constants.js';
import { EvidenceBuilder } from './evidence.js';
import type { Evidence } from './evidence.js';
import { checkGradient } from './gradientChecks.js';
import { checkPieces, pieceSteps } from './pieceChecks.js';
import { testSet } from './points.js';
import { Scratch } from './scratch.js';
import type { ProgressCallback } from './progress.js';
import { checkSubgradients, subgradientSteps } from './subgradientChecks.js';
import type { KnownSubdifferential } from './subgradientChecks.js';

export type { CheckKind, CheckRecord, Evidence } from './evidence.js';

export interface VerifyInput {
  readonly phi: Scalar;
  readonly offset: number;
  /** ∇f entry-wise, valid where f is differentiable; null: no gradient to check. */
  readonly gradient: Scalar | null;
  readonly entry: EntryAnalysis;
  readonly rows: number;
  readonly cols: number;
  readonly seed: number;
  /** The claimed subdifferential; when its kind is not null it is confirmed too (subgradientChecks.ts). */
  readonly subdifferential?: Subdifferential;
}

function validate(input: VerifyInput): void {
  const { rows, cols, offset, seed } = input;
  if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || rows < 1 || cols < 1)
    throw new KinkproofError('input', `the shape must be two positive integers, not ${rows}x${cols}`);
  if (rows * cols > MAX_ENTRIES)
    throw new KinkproofError('limit', `a ${rows}x${cols} matrix has more than ${MAX_ENTRIES} entries`);
  if (!Number.isFinite(offset)) throw new KinkproofError('input', `the constant term must be finite, not ${offset}`);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new KinkproofError('input', `the seed must be a non-negative integer below 2^53, not ${seed}`);
}

export function verify(input: VerifyInput, onProgress?: ProgressCallback): Evidence {
  validate(input);
  const { phi, gradient, entry, rows, cols, seed, subdifferential } = input;
  const breakpoints = entry.breakpoints.map((b) => approximation(b.at));
  const kinks = breakpoints.map((b) => b.value);
  const kinkErrors = breakpoints.map((b) => b.error);
  const claim = gradient ? { phi, psi: gradient, formula: printText(gradient, MATRIX) } : undefined;
  // The large arrays are kept for the next verification of this size once this one is done with them.
  const scratch = new Scratch();
  try {
    const tests = claim ? testSet(rows, cols, seed, kinks, scratch) : undefined;
    const sub = knownSets(subdifferential);
    const total = (tests?.points.length ?? 0) + kinks.length + pieceSteps(entry) + (sub ? subgradientSteps(sub) : 0);
    let done = 0;
    const step = (): void => onProgress?.(++done, total);
    onProgress?.(0, total);

    const builder = new EvidenceBuilder();
    if (claim && tests) checkGradient(claim, { rows, cols, kinks, kinkErrors }, tests, builder, step);
    checkBreakpoints({ phi, entry, gradient: claim }, builder, step);
    checkPieces({ phi, entry, seed }, builder, step);
    if (sub) {
      const observableAt = (set: BreakpointSet): boolean => observable(entry.breakpoints.find((b) => b.at === set.at)!);
      checkSubgradients({ phi, sub, rows, cols, seed, observable: sub.breakpoints.map(observableAt), breakpoints: kinks }, builder, step);
    }
    return builder.finish(seed);
  } finally {
    scratch.release();
  }
}

/**
 * The sets to confirm: all of them, or, where φ jumps at some breakpoints, Clarke's
 * sets at the others (f is locally Lipschitz near an X whose entries avoid the jumps).
 */
function knownSets(sub: Subdifferential | undefined): KnownSubdifferential | undefined {
  if (!sub) return undefined;
  if (sub.kind !== null) return sub;
  return sub.breakpoints.length > 0 ? { kind: 'clarke', pieces: sub.pieces, breakpoints: sub.breakpoints } : undefined;
}
