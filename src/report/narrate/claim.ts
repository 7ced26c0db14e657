/**
 * A claimed gradient (a docs fence's `claim:` line) with kinkproof's verdict on it.
 * The claim's LaTeX is generated from its parsed tree, never passed through.
 */
import { parseInput } from '../../symbolic/index.js';
import type { GradientCheck } from '../../check/result/checkResult.js';
import type { Step } from '../model.js';
import { display, paragraph, text } from '../model.js';
import { exprLatex } from './exprLatex.js';

const VERDICT = {
  correct: 'Correct: the claim equals ∇f wherever f is differentiable.',
  incorrect: 'Incorrect.',
  unknown: 'Not decided.',
} as const;

export function claimStep(claim: string, result: GradientCheck): Step {
  return {
    kind: 'claim',
    title: [text('The claimed gradient')],
    // Only the exact case split proves a claim; a point search can only refute one.
    established: result.verdict === 'unknown' ? 'unknown' : result.method,
    blocks: [display(`\\nabla f(X) = ${exprLatex(parseInput(claim))}`), paragraph(text(`${VERDICT[result.verdict]} ${result.explanation}`))],
  };
}
