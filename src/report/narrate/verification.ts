/**
 * The numeric cross-check as tables: the claimed gradient against central
 * differences at random test matrices, and the breakpoint claims against
 * extrapolated one-sided sequences. Numbers verify; they never decide, so this
 * step is always marked `numeric`.
 */
import { MATRIX, printLatex } from '../../symbolic/index.js';
import type { SymbolicAnalysis } from '../../symbolic/index.js';
import type { CheckRecord, Evidence } from '../../numeric/verify.js';
import type { DirectionPoint, EntryPoint, SequencePoint, SlopeSource, StepRange, TestMatrix } from '../../numeric/checkRecord.js';
import { atPhrase, deltaRangePhrase, divergencePhrase, formulaPhrase, phraseText, slopeOriginPhrase, statementPhrase, testMatrixPhrase } from '../../numeric/checkText.js';
import type { Phrase } from '../../numeric/checkText.js';
import { MAX_FAILURES } from '../../numeric/evidence.js';
import type { Block, Inline, Inlines, Step, TableBlock } from '../model.js';
import { math, paragraph, text } from '../model.js';
import { errorLatex, valueLatex } from './numbers.js';
import { listInlines } from './notation.js';
import { verifierInlines } from './verifierText.js';

/** A check of the gradient at a test matrix: along a direction or one entry. */
type GradientRecord = CheckRecord & { readonly point: DirectionPoint | EntryPoint };
const isGradient = (r: CheckRecord): r is GradientRecord => r.point.kind === 'direction' || r.point.kind === 'entry';

type Column = TableBlock['columns'][number];
const column = (header: string, align: Column['align'] = 'right'): Column => ({ header: [text(header)], align });

const INEQUALITY = { 'at-least': '\\ge', 'at-most': '\\le' } as const;

/** The error cell: a relative error for an equality; for an inequality or a yes/no test, what was tested and whether it held. */
function errorCell(r: CheckRecord): Inlines {
  if (!Number.isFinite(r.symbolic)) return [text(r.passed ? 'diverges' : 'bounded')];
  if (r.relation === 'at-least' || r.relation === 'at-most')
    return r.passed ? [math(INEQUALITY[r.relation]), text(' holds')] : [math(INEQUALITY[r.relation]), text(' fails by '), math(errorLatex(r.relError))];
  if (r.relation === 'verdict') return [text(r.passed ? 'confirmed' : 'not confirmed')];
  return [math(errorLatex(r.relError))];
}

function resultCells(r: CheckRecord, withResult: boolean): Inlines[] {
  const cells: Inlines[] = [[math(valueLatex(r.numeric))], [math(valueLatex(r.symbolic))], errorCell(r)];
  return withResult ? [...cells, [text(r.passed ? 'ok' : 'FAILED')]] : cells;
}

/** What the rows that are not equalities test, for the caption (empty when every row is an equality). */
function relationNotes(records: readonly CheckRecord[]): Inline[] {
  const notes: Inline[] = [];
  if (records.some((r) => r.relation === 'at-least' || r.relation === 'at-most'))
    notes.push(
      text(' Rows marked '),
      math('\\ge'),
      text(' or '),
      math('\\le'),
      text(' check an inequality, numeric '),
      math('\\ge'),
      text(' (or '),
      math('\\le'),
      text(') symbolic: the two numbers may differ, and only a violation would count as error.'),
    );
  if (records.some((r) => r.relation === 'verdict' && Number.isFinite(r.symbolic)))
    notes.push(text(' Rows marked confirmed are decided by how a sequence behaves as '), math('\\delta \\to 0'), text(' (a gap that shrinks), not by one comparison; numeric shows its last term.'));
  return notes;
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

type SequenceRecord = CheckRecord & { readonly point: SequencePoint };
const isSequence = (r: CheckRecord): r is SequenceRecord => r.point.kind === 'sequence';

/** The distinct phrases, in order of first appearance. */
function distinctPhrases(phrases: readonly Phrase[]): Phrase[] {
  const seen = new Map<string, Phrase>();
  for (const p of phrases) if (!seen.has(phraseText(p))) seen.set(phraseText(p), p);
  return [...seen.values()];
}

const listedPhrases = (phrases: readonly Phrase[]): Inlines => listInlines(phrases.map((p) => [...verifierInlines(p)]));

/**
 * Where the sampled φ′ came from, one sentence per kind of row: the limits of
 * φ′ read the claimed gradient (or each side's piece derivative), the ends of
 * a set read central differences of φ. Then what decided a divergence.
 */
function sampleNotes(records: readonly SequenceRecord[]): Inline[] {
  const slopes = (rs: readonly SequenceRecord[]): SlopeSource[] => rs.flatMap((r) => (r.point.slope ? [r.point.slope] : []));
  const limits = slopes(records.filter((r) => r.claim.kind !== 'subdifferential-end'));
  const ends = slopes(records.filter((r) => r.claim.kind === 'subdifferential-end'));
  const pieces = distinctPhrases(limits.flatMap((s) => (s.kind === 'piece-derivative' ? [formulaPhrase(s.formula)] : [])));
  const others = distinctPhrases(limits.filter((s) => s.kind !== 'piece-derivative').map(slopeOriginPhrase));
  const origins: Inline[][] = [
    ...others.map((p) => [...verifierInlines(p)]),
    ...(pieces.length ? [[text('the derivative of the piece on the side of the limit ('), ...listedPhrases(pieces), text(')')]] : []),
  ];
  const divergences = distinctPhrases(records.flatMap((r) => (r.point.divergence ? [divergencePhrase(r.point.divergence)] : [])));
  const notes: Inline[] = [];
  if (origins.length) notes.push(text(' In the rows on limits of '), math("\\varphi'"), text(', the samples of '), math("\\varphi'"), text(' are taken from '), ...listInlines(origins), text('.'));
  const endOrigins = distinctPhrases(ends.map(slopeOriginPhrase));
  if (endOrigins.length) notes.push(text(' In the rows on the ends of a set '), math('\\partial \\varphi(c)'), text(', the one-sided slopes are taken from '), ...listedPhrases(endOrigins), text('.'));
  if (divergences.length) notes.push(text(' Divergences were confirmed by: '), ...listedPhrases(divergences), text('.'));
  return notes;
}

function breakpointTable(records: readonly CheckRecord[], withResult: boolean): Block[] {
  const sequences = records.filter(isSequence);
  const deltas: StepRange | undefined = sequences[0]?.point.steps;
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
    ...sampleNotes(sequences),
  ];
  const table: TableBlock = {
    kind: 'table',
    columns: [column('claim', 'left'), column('numeric'), column('symbolic'), column('rel. error'), ...(withResult ? [column('result', 'left')] : [])],
    rows,
    caption: [text('Claims at the breakpoints against one-sided sequences; the worst check of each group.'), ...relationNotes(records)],
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
