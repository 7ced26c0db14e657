/** The human summary of `derive` for an f that is not separable: its decomposition, the statements with their basis, the points. */
import type { SetAnswer, StructuredAnalysis, StructuredClaim as Claim, StructuredJson, StructuredPoint } from '../symbolic/index.js';
import type { Evidence } from '../numeric/verify.js';
import { verificationLines } from './summary.js';
import { exactSet } from '../report/narrate/structured/matrices.js';

const claimLine = <T>(c: Claim<T>, show: (v: T) => string): string =>
  c.value === null ? `unknown (${c.reason})` : `${show(c.value)}  [${c.basis === 'exact' ? 'exact' : 'theorem'}: ${c.reason}]`;

const yes = (b: boolean): string => (b ? 'yes' : 'no');

function setLine(s: SetAnswer): string {
  const name = s.kind === 'convex' ? 'subdifferential' : 'Clarke generalized gradient';
  return `${name} ${s.text}${exactSet(s) ? '' : ' (numbers in doubles, not exact)'}; ${s.rule}`;
}

/** A matrix of exact entries as [[a, b], [c, d]]. */
const exactMatrix = (M: readonly (readonly string[])[]): string => `[${M.map((r) => `[${r.join(', ')}]`).join(', ')}]`;

function pointLine(p: StructuredPoint): string {
  if (p.differentiable === true) return `gradient ${p.exact.text.gradient ? exactMatrix(p.exact.text.gradient) : `~ ${JSON.stringify(p.gradient)} (rounded)`}`;
  const verdict = p.differentiable === false ? 'not differentiable there' : 'differentiability there not decided';
  if (p.subdifferential) return `${verdict}; ${setLine(p.subdifferential)}`;
  return `${verdict}; ${p.reason}`;
}

/** Where the gradient formula is claimed (nothing where it is ∇f everywhere). */
function gradientWhere(j: StructuredJson): string {
  if (j.gradient?.where === 'everyTermDifferentiable') return '  (off the kinks of the terms of f; where kinks cancel, --at gives the gradient)';
  return j.differentiable.value === true ? '' : '  (where f is differentiable)';
}

export function structuredSummary(a: StructuredAnalysis, verification: Evidence | null): string {
  const j = a.json;
  const [m, n] = j.shape;
  const lines = [
    `f(X) = ${j.input}`,
    `X is ${m}x${n}${j.shapeWasFree ? ` (f left a dimension free: these statements are for ${m}x${n}; give --shape m,n for another)` : ''}`,
    `  ${j.structure[0]!.replace(/^X is \d+x\d+; /, '')}`,
    ...j.structure.slice(1).map((s) => `  ${s}`),
    '',
    `continuous:     ${claimLine(j.continuous, yes)}`,
    `differentiable: ${claimLine(j.differentiable, yes)}`,
    `  where:        ${j.differentiableWhere.text}${j.differentiableWhere.exact ? '' : '  (a sufficient condition; --at decides points exactly)'}`,
    `class:          ${claimLine(j.smoothness, (s) => s)}`,
    `convex:         ${claimLine(j.convex, yes)}`,
  ];
  if (j.surfaces.length) {
    lines.push('surfaces:');
    for (const s of j.surfaces) lines.push(`  ${s.text}: ${s.smoothness ?? 'class undecided'} across${s.infiniteSlope ? ', with an infinite slope (not locally Lipschitz)' : ''}`);
  }
  if (j.gradient) lines.push(`gradient:       ${j.gradient.text}${gradientWhere(j)}${j.gradient.note ? `; ${j.gradient.note}` : ''}`);
  else lines.push('gradient:       no formula in matrix notation for this f (--at gives the exact gradient at a point)');
  if (j.subdifferential) lines.push(`subdifferential: ${j.subdifferential.relation === 'equal' ? '' : 'contained in '}${j.subdifferential.text}  (${j.subdifferential.rule})`);
  for (const [i, p] of j.at.entries()) {
    const value = p.exact.text.value ?? (Number.isFinite(p.value) ? `~ ${p.value}` : 'not decided');
    lines.push('', `at #${i + 1}: ${p.exact.text.X.length ? `X = ${exactMatrix(p.exact.text.X)}, ` : ''}f = ${value}, ${pointLine(p)}`);
  }
  if (verification) lines.push('', ...verificationLines(verification));
  return lines.join('\n');
}
