/**
 * One ```kinkproof fence → its derivation as mdast, or a failed build: the
 * library's own entry points derive f and check the claim (the same calls as
 * the CLI), the narration is the one every report uses, and `show:` only picks
 * which of its steps appear.
 */
import { checkGradient } from '../api/check.js';
import { deriveAnalysis } from '../api/derive.js';
import type { Analysis } from '../api/derive.js';
import { parseMatrix } from '../cli/optionValues.js';
import { KinkproofError } from '../diagnostics.js';
import { claimText, pointText } from '../numeric/checkText.js';
import type { Derivation, Step, StepKind } from '../report/model.js';
import { narrate } from '../report/narrate.js';
import { claimStep } from '../report/narrate/claim.js';
import { pointStep } from '../report/narrate/points.js';
import { FenceError, parseFence, SHOW_PARTS } from './fence.js';
import type { Fence } from './fence.js';
import type { File, Flow, HeadingDepth, Node } from './mdast.js';
import { derivationToMdast } from './toMdast.js';

export interface ExpandOptions {
  readonly headingDepth: HeadingDepth;
  readonly seed: number;
  readonly timeoutSeconds: number | undefined;
}

/** The claim and point steps go before the numeric cross-check, in the order the reader asked. */
function withExtraSteps(d: Derivation, extra: readonly Step[]): Derivation {
  const at = d.steps.findIndex((s) => s.kind === 'verification');
  const cut = at < 0 ? d.steps.length : at;
  return { ...d, steps: [...d.steps.slice(0, cut), ...extra, ...d.steps.slice(cut)] };
}

function shown(d: Derivation, fence: Fence): Derivation {
  if (fence.show === null) return d;
  const kinds = new Set<StepKind>(fence.show.flatMap((part) => SHOW_PARTS[part]));
  return { ...d, steps: d.steps.filter((s) => kinds.has(s.kind)) };
}

function derivation(fence: Fence, options: ExpandOptions, file: File, node: Node): Derivation {
  const budget = { seed: options.seed, timeoutSeconds: options.timeoutSeconds };
  const at = fence.at.map((m, i) => parseMatrix(m, `at #${i + 1}`));
  const analysis: Analysis = deriveAnalysis(fence.formula, { ...budget, at });
  const evidence = analysis.verification;
  if (evidence?.status === 'failed') {
    const worst = evidence.worst ? `: ${claimText(evidence.worst)} at ${pointText(evidence.worst)}` : '';
    file.fail(`kinkproof: the numeric verification of f = ${fence.formula} failed${worst}`, node);
  }
  if (evidence?.status === 'inconclusive') file.message(`kinkproof: the numeric verification of f = ${fence.formula} was inconclusive`, node);
  const extra: Step[] = [];
  if (fence.claim !== null) {
    const result = checkGradient(fence.formula, fence.claim, budget);
    if (result.verdict !== 'correct') {
      const verdict = result.verdict === 'incorrect' ? 'is false' : 'could not be decided';
      file.fail(`kinkproof: the claim ∇f = ${fence.claim} for f = ${fence.formula} ${verdict}: ${result.explanation}`, node);
    }
    extra.push(claimStep(fence.claim, result));
  }
  extra.push(...analysis.points.map(pointStep));
  return shown(withExtraSteps(narrate(analysis, evidence), extra), fence);
}

/** The fence's derivation; a malformed fence, bad input, a false claim or a failed verification stops the build at the fence. */
export function expandFence(node: Node, file: File, options: ExpandOptions): Flow[] {
  let d: Derivation;
  try {
    d = derivation(parseFence(node.value ?? ''), options, file, node);
  } catch (e) {
    if (e instanceof FenceError) file.fail(`kinkproof fence, line ${e.line}: ${e.message}`, node);
    if (e instanceof KinkproofError) file.fail(`kinkproof: ${e.oneLine()}`, node);
    throw e;
  }
  return derivationToMdast(d, options.headingDepth);
}
