/**
 * The numeric cross-check as tables: the claimed gradient against central
 * differences at random test matrices, and the breakpoint claims against
 * extrapolated one-sided sequences. Numbers verify; they never decide, so this
 * step is always marked `numeric`.
 */
import { MATRIX, printLatex } from '../../symbolic/index.js';
import type { SymbolicAnalysis } from '../../symbolic/index.js';
import type { CheckRecord, Evidence } from '../../numeric/verify.js';
import type { DirectionPoint, EntryPoint, StepRange, TestMatrix } from '../../numeric/checkRecord.js';
import { atPhrase, deltaRangePhrase, phraseText, sequenceNotesPhrase, statementPhrase, testMatrixPhrase } from '../../numeric/checkText.js';
import type { Phrase } from '../../numeric/checkText.js';
import { MAX_FAILURES } from '../../numeric/evidence.js';
import type { Block, Inline, Inlines, Step, TableBlock } from '../model.js';
import { math, paragraph, text } from '../model.js';
import { errorLatex, valueLatex } from './numbers.js';
import { verifierInlines } from './verifierText.js';

/** A check of the gradient at a test matrix: along a direction or one entry. */
type GradientRecord = CheckRecord & { readonly point: DirectionPoint | EntryPoint };
const isGradient = (r: CheckRecord): r is GradientRecord => r.point.kind === 'direction' || r.point.kind === 'entry';

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

function gradientTable(records: readonly GradientRecord[], withResult: boolean): Block[] {
  const labels: string[] = [];
  const matrices: TestMatrix[] = [];
  const rows = records.map((r) => {
    const p = r.point;
    const label = phraseText(testMatrixPhrase(p.matrix));
    if (!labels.includes(label)) {
      labels.push(label);
      matrices.push(p.matrix);
    }
    const direction = p.kind === 'entry' ? `entry (${p.row}, ${p.col})` : p.direction.kind === 'rademacher' ? `Rademacher ${p.direction.index}` : 'Gaussian';
    return [[math(`X_{${labels.indexOf(label) + 1}}`)], [text(direction)], ...resultCells(r, withResult)];
  });
  // The legend: "X_2 ~ N(0, 1²) (3 × 4)".
  const legend = matrices.map((m, i) => paragraph(math(`X_{${i + 1}}`), text(' '), ...verifierInlines(testMatrixPhrase(m)), text('.')));
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

/** The claim cell: the gradient's check at a breakpoint in words, other claims without their explanation. */
function claimCell(r: CheckRecord): Inlines {
  if (r.point.kind === 'breakpoint-entry') return [text('the formula for '), math('\\nabla f'), text(' at '), ...verifierInlines(atPhrase(r.point.at))];
  return verifierInlines(statementPhrase(r.claim));
}

function breakpointTable(records: readonly CheckRecord[], withResult: boolean): Block[] {
  const notes: Phrase[] = [];
  let deltas: StepRange | undefined;
  for (const r of records) {
    if (r.point.kind !== 'sequence') continue;
    deltas ??= r.point.steps;
    const note = sequenceNotesPhrase(r.point, 'is taken from');
    if (note.length > 0 && !notes.some((n) => phraseText(n) === phraseText(note))) notes.push(note);
  }
  const rows = records.map((r) => [claimCell(r), ...resultCells(r, withResult)]);
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
    ...(deltas ? [text(' with '), ...verifierInlines(deltaRangePhrase(deltas))] : []),
    text(', extrapolated to '),
    math('\\delta \\to 0'),
    text('; a claimed divergence must show as growth with the claimed sign.'),
    ...notes.flatMap((n) => [text(' Near the breakpoints '), ...verifierInlines(n), text('.')]),
  ];
  const table: TableBlock = {
    kind: 'table',
    columns: [column('claim', 'left'), column('numeric'), column('symbolic'), column('rel. error'), ...(withResult ? [column('result', 'left')] : [])],
    rows,
    caption: [text('Claims at the breakpoints against one-sided sequences; the worst check of each group.')],
  };
  return [paragraph(...intro), table];
}

/** One sentence on the evidence as a whole (also used for structured analyses). */
export function evidenceSummary(evidence: Evidence): Inline[] {
  if (evidence.status === 'inconclusive')
    return [text(`Inconclusive (seed ${evidence.seed}): no numeric check could be made, so nothing above is confirmed by numbers.`)];
  const failed = evidence.failures.length;
  const verdict: Inline[] =
    evidence.status === 'passed'
      ? [text('all passed; the largest relative error is '), math(errorLatex(evidence.maxRelError)), text('.')]
      : [text(`${failed}${failed >= MAX_FAILURES ? ' or more' : ''} FAILED: the numbers contradict a symbolic claim above, which points to a bug in kinkproof — please report this input.`)];
  return [text(`${evidence.checks} numeric checks (seed ${evidence.seed}): `), ...verdict];
}

const TITLE = [text('Numeric cross-check')];

/** The step of a report whose f was not checked numerically (--no-verify). */
export const noCrossCheckStep = (): Step => ({
  kind: 'verification',
  title: TITLE,
  established: 'unknown',
  blocks: [paragraph(text('No numeric cross-check was run for this report.'))],
});

export function verificationStep(a: SymbolicAnalysis, evidence: Evidence | null): Step {
  if (!evidence) return noCrossCheckStep();
  const withResult = evidence.status === 'failed';
  const gradient = evidence.records.filter(isGradient);
  const rest = evidence.records.filter((r) => !isGradient(r));
  const blocks: Block[] = [paragraph(...evidenceSummary(evidence))];
  if (gradient.length) {
    blocks.push(paragraph(text('The claimed gradient '), math(`\\nabla f(X) = ${printLatex(a.gradient!, MATRIX)}`), text(' was tested at these matrices:')));
    blocks.push(...gradientTable(gradient, withResult));
  }
  if (rest.length) blocks.push(...breakpointTable(rest, withResult));
  return { kind: 'verification', title: TITLE, established: 'numeric', blocks };
}
