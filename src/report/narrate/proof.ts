/**
 * A proof file's statements with their verdicts, as the last step of the
 * proof's page (docs builds). What the user wrote stays text (escaped by the
 * renderers); expressions are typeset only from their parsed tree, and a
 * statement whose math cannot be printed safely falls back to its text.
 */
import type { Proof, Statement } from '../../check/proofs/parseProof.js';
import type { ProofReport, StepReport, StepStatus } from '../../check/proofs/proofReport.js';
import type { ExactValue } from '../../check/result/checkResult.js';
import { SIDES } from '../../check/result/counterexample.js';
import { tally } from '../../check/proofs/proofReportText.js';
import { parseInput } from '../../symbolic/index.js';
import { assertSafeMath } from '../mathGuard.js';
import type { Block, Derivation, Established, Inline, Inlines, Step } from '../model.js';
import { math, paragraph, text } from '../model.js';
import { exprLatex } from './exprLatex.js';

/** A proof file's overall verdict: its worst statement. */
export type ProofStatus = 'passed' | 'failed' | 'undecided' | 'bad input';

export function proofStatus(r: ProofReport): ProofStatus {
  const t = tally([r]);
  return t.error ? 'bad input' : t.fail ? 'failed' : t.unknown ? 'undecided' : 'passed';
}

/** "8 statements: 7 passed, 1 failed" (plain text). */
export function proofCounts(r: ProofReport): string {
  const t = tally([r]);
  const parts = [`${t.pass} passed`];
  if (t.fail) parts.push(`${t.fail} failed`);
  if (t.unknown) parts.push(`${t.unknown} undecided`);
  if (t.error) parts.push(`${t.error} bad input`);
  const n = r.steps.length;
  return `${n} ${n === 1 ? 'statement' : 'statements'}: ${parts.join(', ')}`;
}

/** "7 of 8 statements passed" (plain text). */
export function passedOf(r: ProofReport): string {
  const n = r.steps.length;
  return `${tally([r]).pass} of ${n} ${n === 1 ? 'statement' : 'statements'} passed`;
}

const VERDICT: Record<StepStatus, string> = { pass: 'passed', fail: 'FAILED', unknown: 'undecided', error: 'bad input' };

/** The LaTeX of a parsed expression, or undefined if it cannot be printed within the math whitelist. */
function exprMath(source: string): string | undefined {
  try {
    return assertSafeMath(exprLatex(parseInput(source)));
  } catch {
    return undefined;
  }
}

/** The keyword as written, then the expression(s) typeset; `undefined` for statements shown as text. */
function typeset(s: Statement): Inlines | undefined {
  const one = (keyword: string, source: string, wrap = (l: string): string => l): Inlines | undefined => {
    const latex = exprMath(source);
    return latex === undefined ? undefined : [text(keyword), math(wrap(latex))];
  };
  switch (s.kind) {
    case 'function':
      return one('function: ', s.expr, (l) => `f(X) = ${l}`);
    case 'step':
      return one('', s.expr, (l) => `= ${l}`);
    case 'gradient':
      return one(s.subgradient ? 'subgradient: ' : 'gradient: ', s.expr);
    case 'refuteGradient':
      return one('refute gradient: ', s.expr);
    case 'identity': {
      const rhs = exprMath(s.rhs);
      return rhs === undefined ? undefined : one(s.expect === 'holds' ? 'identity: ' : 'refute: ', s.lhs, (l) => `${l} = ${rhs}`);
    }
    default:
      return undefined;
  }
}

/** A value at a counterexample (a number or a matrix) in LaTeX, or undefined when it cannot be typeset. */
function valueLatex(v: ExactValue): string | undefined {
  if (typeof v === 'string') return exprMath(v);
  const cells = v.map((row) => row.map(exprMath));
  if (cells.some((row) => row.some((c) => c === undefined))) return undefined;
  return `\\begin{bmatrix} ${cells.map((row) => row.join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;
}

const valueText = (v: ExactValue): string => (typeof v === 'string' ? v : `[${v.map((row) => `[${row.join(', ')}]`).join(', ')}]`);

const RELATION: Record<string, string> = { '<': '<', '>': '>', '=': '=', '<=': '\\le', '>=': '\\ge' };

/** The case a counterexample lies in ("t > 0", "-1 < t < 1"), typeset; as text when a side cannot be. */
function caseInline(where: string): Inline {
  const parts = where.split(/\s*(<=|>=|<|>|=)\s*/);
  const sides = parts.filter((_, i) => i % 2 === 0).map(exprMath);
  if (sides.some((s) => s === undefined)) return text(where);
  return math(parts.map((p, i) => (i % 2 === 0 ? sides[i / 2]! : RELATION[p]!)).join(' '));
}

/** "Counterexample: X = …, claim …, gradient …", typeset from the check's exact point; the one-line text otherwise. */
function counterexampleBlock(step: StepReport): Block | null {
  const c = step.result?.counterexample;
  if (!c) return step.counterexample ? paragraph(text(`Counterexample: ${step.counterexample}`)) : null;
  const [left, right] = 'subgradientSelection' in step.result! ? ['claim', 'gradient'] : SIDES;
  const x = valueLatex(c.exact.X);
  return paragraph(
    text('Counterexample: '),
    ...(x === undefined ? [text(`X = ${valueText(c.exact.X)}`)] : [math(`X = ${x}`)]),
    ...(c.where ? [text(' ('), caseInline(c.where), text(')')] : []),
    text(`: ${left} `),
    ...valueInlines(c.exact.lhs),
    text(`, ${right} `),
    ...valueInlines(c.exact.rhs),
    text('.'),
  );
}

/** A side's value after its name: typeset, or as text. */
function valueInlines(v: ExactValue | null): Inline[] {
  if (v === null) return [text('no real value')];
  const latex = valueLatex(v);
  return [latex === undefined ? text(valueText(v)) : math(latex)];
}

function statementBlocks(step: StepReport, statement: Statement | undefined): Block[] {
  const shown: Inlines = (statement && typeset(statement)) ?? [text(step.text)];
  const word = VERDICT[step.status];
  const phi = step.entryFunction === undefined ? undefined : exprMath(step.entryFunction);
  const note: Inline[] = phi
    ? [text(' ('), math(`\\varphi(t) = ${phi}`), text(')')]
    : step.note && step.note !== word
      ? [text(` (${step.note})`)]
      : [];
  const blocks: Block[] = [paragraph(text(`Line ${step.line}: `), ...shown, text(` — ${word}`), ...note, text('.'))];
  const counterexample = counterexampleBlock(step);
  if (counterexample) blocks.push(counterexample);
  if (step.status !== 'pass' && step.explanation) blocks.push(paragraph(text(step.explanation)));
  return blocks;
}

/** The weakest basis of the verdicts: unknown if one is undecided, numeric if one came from a point search, else exact. */
function basisOf(report: ProofReport): Established {
  if (!report.steps.every((s) => s.status === 'pass' || s.status === 'fail')) return 'unknown';
  return report.steps.some((s) => s.method === 'numeric') ? 'numeric' : 'exact';
}

/** The "Proof check" step: every statement of the file, in file order, with its verdict. */
export function proofStep(proof: Proof, report: ProofReport, fileName: string): Step {
  const byLine = new Map(proof.statements.map((s) => [s.line, s]));
  return {
    kind: 'proof',
    title: [text('Proof check of '), text(fileName)],
    established: basisOf(report),
    blocks: [
      paragraph(
        text(`Each statement of the proof file ${fileName}, checked by kinkproof prove (${proofCounts(report)}). `),
        text('A verdict marked exact comes from a case split with exact arithmetic; one marked numeric from a point search, which can only refute (its counterexamples are still evaluated exactly).'),
      ),
      ...report.steps.flatMap((s) => statementBlocks(s, byLine.get(s.line))),
    ],
  };
}

/** The function's derivation, or why the page has none (plain text). */
export type FunctionDerivation = { readonly derivation: Derivation } | { readonly missing: string };

/** The proof's page: the function's derivation (when there is one) followed by the proof check. */
export function proofDerivation(proof: Proof, report: ProofReport, fileName: string, fn: FunctionDerivation): Derivation {
  const step = proofStep(proof, report, fileName);
  if ('derivation' in fn) return { ...fn.derivation, steps: [...fn.derivation.steps, step] };
  return {
    title: [text(proof.title ?? fileName)],
    subtitle: [text(`Proof file ${fileName}: ${proofStatus(report)} (${proofCounts(report)}). ${fn.missing}`)],
    steps: [step],
  };
}
