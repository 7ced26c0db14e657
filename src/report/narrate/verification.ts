/**
 * The numeric cross-check as tables: the claimed gradient against central
 * differences at random test matrices, and the breakpoint claims against
 * extrapolated one-sided sequences. Numbers verify; they never decide, so this
 * step is always marked `numeric`.
 */
import { MATRIX, printLatex, printText } from '../../symbolic/index.js';
import type { SymbolicAnalysis } from '../../symbolic/index.js';
import type { CheckRecord, Evidence } from '../../numeric/verify.js';
import { MAX_FAILURES } from '../../numeric/evidence.js';
import type { Block, Inline, Inlines, Step, TableBlock } from '../model.js';
import { math, paragraph, text } from '../model.js';
import { errorLatex, valueLatex } from './numbers.js';
import { verifierInlines } from './verifierText.js';

/** "<test matrix>, <direction>" as the gradient checks write their points. */
const GRADIENT_POINT = /^(.*), (?:(Rademacher) direction (\d+) of \d+|(Gaussian) direction|entry \((\d+), (\d+)\) = \S+)$/;
/** "t = c ± δ, δ = …[; note]" as the breakpoint checks write theirs. */
const SEQUENCE_POINT = /^(t = .+? [−+] δ), δ = ([^;]+?)(?:; (.*))?$/;

type Column = TableBlock['columns'][number];
const column = (header: string, align: Column['align'] = 'right'): Column => ({ header: [text(header)], align });

function resultCells(r: CheckRecord, withResult: boolean): Inlines[] {
  const divergence = !Number.isFinite(r.symbolic);
  const cells: Inlines[] = [
    [math(valueLatex(r.numeric))],
    [math(valueLatex(r.symbolic))],
    divergence ? [text(r.passed ? 'diverges' : 'bounded')] : [math(errorLatex(r.relError))],
  ];
  return withResult ? [...cells, [text(r.passed ? 'ok' : 'FAILED')]] : cells;
}

function gradientTable(records: readonly CheckRecord[], withResult: boolean): Block[] {
  const labels: string[] = [];
  const rows = records.map((r) => {
    const m = GRADIENT_POINT.exec(r.point)!;
    if (!labels.includes(m[1]!)) labels.push(m[1]!);
    const direction = m[2] ? `Rademacher ${m[3]}` : m[4] ? 'Gaussian' : `entry (${m[5]}, ${m[6]})`;
    return [[math(`X_{${labels.indexOf(m[1]!) + 1}}`)], [text(direction)], ...resultCells(r, withResult)];
  });
  // "X ~ N(0, 1²) 3x4" becomes "X_2 ~ N(0, 1²) (3 × 4)".
  const legend = labels.map((label, i) => paragraph(math(`X_{${i + 1}}`), text(' '), ...verifierInlines(label.replace(/^X\s+/, '')), text('.')));
  const table: TableBlock = {
    kind: 'table',
    columns: [column('matrix', 'left'), column('direction', 'left'), column('finite difference'), column('symbolic'), column('rel. error'), ...(withResult ? [column('result', 'left')] : [])],
    rows,
    caption: [
      text('Directional derivatives '),
      math('\\langle \\nabla f(X), D \\rangle'),
      text(' along random directions and single entries, against central differences; the worst check of each group.'),
    ],
  };
  return [...legend, table];
}

/** The claim cell: the gradient's check at a breakpoint in words, other claims without a trailing explanation. */
function claimCell(r: CheckRecord, gradientClaim: string | undefined): Inlines {
  const at = /(?:^|, )(t = [^,;]+)$/.exec(r.point)?.[1];
  if (r.claim === gradientClaim && at) return [text('the formula for '), math('\\nabla f'), text(' at '), ...verifierInlines(at)];
  return verifierInlines(r.claim.replace(/:\s+[^:=]*$/, ''));
}

function breakpointTable(records: readonly CheckRecord[], withResult: boolean, a: SymbolicAnalysis): Block[] {
  const gradientClaim = claimText(a);
  const notes: string[] = [];
  let deltas: string | undefined;
  const rows = records.map((r) => {
    const m = SEQUENCE_POINT.exec(r.point);
    if (m) {
      deltas ??= m[2];
      if (m[3] && !notes.includes(m[3])) notes.push(m[3]);
    }
    return [claimCell(r, gradientClaim), ...resultCells(r, withResult)];
  });
  const intro: Inline[] = [
    text('At each breakpoint '),
    math('c'),
    text(', values are evaluated at '),
    math('c'),
    text(' and limits from the left (right) are estimated from samples at '),
    math('t = c - \\delta'),
    text(' ('),
    math('t = c + \\delta'),
    text(')'),
    ...(deltas ? [text(' with '), ...verifierInlines(`δ = ${deltas}`)] : []),
    text(', extrapolated to '),
    math('\\delta \\to 0'),
    text('; a claimed divergence must show as growth with the claimed sign.'),
    ...notes.flatMap((n) => [text(' Near the breakpoints '), ...verifierInlines(n.replace(/^φ′ from /, 'φ′ is taken from ')), text('.')]),
  ];
  const table: TableBlock = {
    kind: 'table',
    columns: [column('claim', 'left'), column('numeric'), column('symbolic'), column('rel. error'), ...(withResult ? [column('result', 'left')] : [])],
    rows,
    caption: [text('Claims at the breakpoints against one-sided sequences; the worst check of each group.')],
  };
  return [paragraph(...intro), table];
}

/** The verifier's wording of the gradient claim (verify.ts), to recognise its records. */
const claimText = (a: SymbolicAnalysis): string | undefined => (a.gradient ? `∇f = ${printText(a.gradient, MATRIX)}` : undefined);

function summary(evidence: Evidence): Inline[] {
  if (evidence.status === 'inconclusive')
    return [text(`Inconclusive (seed ${evidence.seed}): no numeric check could be made, so nothing above is confirmed by numbers.`)];
  const failed = evidence.failures.length;
  const verdict: Inline[] =
    evidence.status === 'passed'
      ? [text('all passed; the largest relative error is '), math(errorLatex(evidence.maxRelError)), text('.')]
      : [text(`${failed}${failed >= MAX_FAILURES ? ' or more' : ''} FAILED: the numbers contradict a symbolic claim above, which points to a bug in kinkproof — please report this input.`)];
  return [text(`${evidence.checks} numeric checks (seed ${evidence.seed}): `), ...verdict];
}

export function verificationStep(a: SymbolicAnalysis, evidence: Evidence | null): Step {
  const title = [text('Numeric cross-check')];
  if (!evidence)
    return { kind: 'verification', title, established: 'unknown', blocks: [paragraph(text('No numeric cross-check was run for this report.'))] };
  const withResult = evidence.status === 'failed';
  const gradientClaim = claimText(a);
  const isGradient = (r: CheckRecord): boolean => r.claim === gradientClaim && GRADIENT_POINT.test(r.point);
  const gradient = evidence.records.filter(isGradient);
  const rest = evidence.records.filter((r) => !isGradient(r));
  const blocks: Block[] = [paragraph(...summary(evidence))];
  if (gradient.length) {
    blocks.push(paragraph(text('The claimed gradient '), math(`\\nabla f(X) = ${printLatex(a.gradient!, MATRIX)}`), text(' was tested at these matrices:')));
    blocks.push(...gradientTable(gradient, withResult));
  }
  if (rest.length) blocks.push(...breakpointTable(rest, withResult, a));
  return { kind: 'verification', title, established: 'numeric', blocks };
}
