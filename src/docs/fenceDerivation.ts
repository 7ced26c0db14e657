/**
 * One ```kinkproof fence → its Derivation, for every docs route (the remark
 * plugin, `kinkproof render`): the library's own entry points derive f and
 * check the claim (the same calls as the CLI), the narration is the one every
 * report uses, and `show:` only picks which of its steps appear.
 */
import { checkGradient } from '../api/check.js';
import { deriveAnalysis } from '../api/derive.js';
import { parseMatrix } from '../cli/optionValues.js';
import { KinkproofError } from '../diagnostics.js';
import { claimText, pointText } from '../numeric/checkText.js';
import type { Derivation, Step, StepKind } from '../report/model.js';
import { narrate } from '../report/narrate.js';
import { claimStep } from '../report/narrate/claim.js';
import { FenceError, parseFence, SHOW_PARTS } from './fence.js';
import type { Fence } from './fence.js';

export interface FenceOptions {
  /** Seed of the numeric cross-check and of a claim's point search. */
  readonly seed: number;
  /** Budget of the symbolic work, in seconds (undefined: the default 20). */
  readonly timeoutSeconds: number | undefined;
}

/**
 * Why a fence gives no derivation: `input` (a malformed fence, bad or unsupported
 * input) or `check` (a false or undecided claim, a failed verification). The
 * message is one line; each route adds where (the plugin the fence's position,
 * `render` file:line).
 */
export class FenceFailure extends Error {
  constructor(
    message: string,
    readonly kind: 'input' | 'check',
  ) {
    super(message);
    this.name = 'FenceFailure';
  }
}

export interface FenceResult {
  readonly derivation: Derivation;
  /** Worth telling, not worth failing for (an inconclusive verification). */
  readonly warnings: readonly string[];
}

/** The claim step goes before the points' steps and the numeric cross-check, in the order the reader asked. */
function withExtraSteps(d: Derivation, extra: readonly Step[]): Derivation {
  const at = d.steps.findIndex((s) => s.kind === 'point' || s.kind === 'verification');
  const cut = at < 0 ? d.steps.length : at;
  return { ...d, steps: [...d.steps.slice(0, cut), ...extra, ...d.steps.slice(cut)] };
}

function shown(d: Derivation, fence: Fence): Derivation {
  if (fence.show === null) return d;
  const kinds = new Set<StepKind>(fence.show.flatMap((part) => SHOW_PARTS[part]));
  return { ...d, steps: d.steps.filter((s) => kinds.has(s.kind)) };
}

function derivation(fence: Fence, options: FenceOptions): FenceResult {
  const at = fence.at.map((m, i) => parseMatrix(m, `at #${i + 1}`));
  const analysis = deriveAnalysis(fence.formula, { ...options, at });
  const evidence = analysis.verification;
  if (evidence?.status === 'failed') {
    const worst = evidence.worst ? `: ${claimText(evidence.worst)} at ${pointText(evidence.worst)}` : '';
    throw new FenceFailure(`the numeric verification of f = ${fence.formula} failed${worst}`, 'check');
  }
  const warnings = evidence?.status === 'inconclusive' ? [`the numeric verification of f = ${fence.formula} was inconclusive`] : [];
  const extra: Step[] = [];
  if (fence.claim !== null) {
    const result = checkGradient(fence.formula, fence.claim, options);
    if (result.verdict !== 'correct') {
      const verdict = result.verdict === 'incorrect' ? 'is false' : 'could not be decided';
      throw new FenceFailure(`the claim ∇f = ${fence.claim} for f = ${fence.formula} ${verdict}: ${result.explanation}`, 'check');
    }
    extra.push(claimStep(fence.claim, result));
  }
  return { derivation: shown(withExtraSteps(narrate(analysis, evidence), extra), fence), warnings };
}

/** The fence's derivation; throws FenceFailure for anything that should stop a docs build. */
export function fenceDerivation(body: string, options: FenceOptions): FenceResult {
  try {
    return derivation(parseFence(body), options);
  } catch (e) {
    if (e instanceof FenceError) throw new FenceFailure(`fence line ${e.line}: ${e.message}`, 'input');
    if (e instanceof KinkproofError) throw new FenceFailure(e.oneLine(), 'input');
    throw e;
  }
}
