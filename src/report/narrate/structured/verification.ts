/** The numeric cross-check of a structured analysis: one row per kind of claim, with its worst error. Numbers verify; they never decide. */
import type { Evidence } from '../../../numeric/verify.js';
import type { CheckRecord } from '../../../numeric/checkRecord.js';
import { claimPhrase, pointPhrase } from '../../../numeric/checkText.js';
import type { Block, Inlines, Step } from '../../model.js';
import { math, paragraph, text } from '../../model.js';
import { errorLatex } from '../numbers.js';
import { verifierInlines } from '../verifierText.js';
import { evidenceSummary, noCrossCheckStep } from '../verification.js';

const KINDS: readonly { kind: CheckRecord['claim']['kind']; words: string }[] = [
  { kind: 'point-value', words: 'f(X) at the points given with --at' },
  { kind: 'gradient', words: 'the gradient formula at random matrices (central differences)' },
  { kind: 'probe-gradient', words: 'the gradient at the probe points' },
  { kind: 'differentiability', words: 'differentiable or not at the probe points (linearity of one-sided quotients)' },
  { kind: 'set-support', words: 'the claimed sets against one-sided derivatives (support function)' },
];

export function structuredVerificationStep(evidence: Evidence | null): Step {
  if (!evidence) return noCrossCheckStep();
  const title = [text('Numeric cross-check')];
  const blocks: Block[] = [
    paragraph(...evidenceSummary(evidence)),
    paragraph(
      text('The probes are the given points and points the analysis placed on and off the kink surfaces. Derivatives along directions '),
      math('E'),
      text(' are estimated from '),
      math('f'),
      text(' alone, by central differences or by one-sided quotients '),
      math('(f(X + hE) - f(X))/h'),
      text(' extrapolated to '),
      math('h \\to 0'),
      text('.'),
    ),
  ];
  const rows: Inlines[][] = [];
  for (const { kind, words } of KINDS) {
    const records = evidence.records.filter((r) => r.claim.kind === kind);
    if (!records.length) continue;
    const worst = Math.max(...records.map((r) => (Number.isFinite(r.relError) ? r.relError : 0)));
    rows.push([[text(words)], [text(String(records.length))], [text(String(records.filter((r) => r.passed).length))], [math(errorLatex(worst))]]);
  }
  if (rows.length)
    blocks.push({
      kind: 'table',
      columns: [
        { header: [text('claims checked')], align: 'left' },
        { header: [text('groups')], align: 'right' },
        { header: [text('passed')], align: 'right' },
        { header: [text('worst rel. error')], align: 'right' },
      ],
      rows,
      caption: [text('The worst check of each group (one claim at one kind of point), by kind of claim.')],
    });
  for (const f of evidence.failures.slice(0, 5))
    blocks.push(paragraph(text('FAILED: '), ...verifierInlines(claimPhrase(f.claim)), text(' at '), ...verifierInlines(pointPhrase(f.point)), text('.')));
  return { kind: 'verification', title, established: 'numeric', blocks };
}
