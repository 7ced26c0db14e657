/**
 * The playground's Web Worker: the library's own entry points (src/api/, the ones
 * the CLI calls) derive f, cross-check it and check claims, and the HTML report's
 * renderer (src/report/htmlBody.ts) typesets the answer. It runs off the page's
 * thread, so typing never waits for it; the page cancels work by terminating it.
 */
import { analyzeFunction } from '../src/api/analyze.js';
import { checkGradient } from '../src/api/check.js';
import { crossCheck } from '../src/api/crossCheck.js';
import { classText, yesNo } from '../src/analysisText.js';
import { checkText } from '../src/check/result/checkResultText.js';
import type { ExactValue, GradientCheck } from '../src/check/result/checkResult.js';
import { parseConstants, parseMatrix, parseSeed, parseShape } from '../src/cli/optionValues.js';
import { summary } from '../src/cli/summary.js';
import { structuredSummary } from '../src/cli/structuredSummary.js';
import { asProblem, KinkproofError } from '../src/diagnostics.js';
import { claimText, pointText } from '../src/numeric/checkText.js';
import type { Evidence } from '../src/numeric/verify.js';
import { htmlRenderer, loadKatex } from '../src/report/htmlBody.js';
import type { HtmlRenderer } from '../src/report/htmlBody.js';
import { display, math, text } from '../src/report/model.js';
import type { Derivation, Inline } from '../src/report/model.js';
import { narrate } from '../src/report/narrate.js';
import { narrateStructured } from '../src/report/narrate/structured/index.js';
import { claimStep } from '../src/report/narrate/claim.js';
import { pointSteps } from '../src/report/narrate/points.js';
import { gradientCases, subdifferentialNotation } from '../src/report/setNotation.js';
import { exactLatex, loadLatexFrontEnd, MATRIX, MAX_POINT_ENTRIES, printLatex, printText } from '../src/symbolic/index.js';
import type { ConstantMatrix, StructuredAnalysis, SymbolicAnalysis } from '../src/symbolic/index.js';
import type { Field, Inputs, Problem, Reply, Request } from './protocol.js';

/** What this worker needs of its global scope (the page's DOM types describe a window, not a worker). */
interface WorkerScope {
  postMessage(message: Reply): void;
  onmessage: ((event: { readonly data: Request }) => void) | null;
}
const scope = self as unknown as WorkerScope;
const post = (reply: Reply): void => scope.postMessage(reply);

// Both are loaded once, while the page is still being read.
const renderer: Promise<HtmlRenderer> = loadKatex().then(htmlRenderer);
const latexReady: Promise<void> = loadLatexFrontEnd();

/** A problem with the input named by `field`. */
class InputProblem extends Error {
  constructor(
    readonly field: Field,
    readonly error: KinkproofError,
  ) {
    super(error.message);
  }
}

function inField<T>(field: Field, work: () => T): T {
  try {
    return work();
  } catch (e) {
    const problem = asProblem(e);
    if (problem) throw new InputProblem(field, problem);
    throw e;
  }
}

const lines = (s: string): string[] => s.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));

function options(inputs: Inputs): { constants: Map<string, ConstantMatrix>; at: ConstantMatrix[]; shape?: [number, number]; seed: number } {
  const constants = inField('constants', () => parseConstants(lines(inputs.constants)));
  const at = inField('at', () => lines(inputs.at).map((m, i) => parseMatrix(m, `point #${i + 1}`, MAX_POINT_ENTRIES)));
  const shapeText = inputs.shape.trim();
  const shape = shapeText === '' ? undefined : inField('shape', () => parseShape(shapeText));
  const seed = inField('seed', () => parseSeed(inputs.seed.trim() === '' ? undefined : inputs.seed.trim()));
  return { constants, at, seed, ...(shape ? { shape } : {}) };
}

// ---------------------------------------------------------------- the answer

function classInlines(s: number | 'inf' | null): Inline[] {
  if (s === null) return [text('not decided')];
  if (s === 'inf') return [math('C^{\\infty}'), text(' (smooth)')];
  if (s < 0) return [text(classText(s) ?? 'not continuous')];
  return [math(`C^{${s}} \\setminus C^{${s + 1}}`)];
}

function factsHtml(r: HtmlRenderer, a: SymbolicAnalysis): string {
  const { entry } = a;
  const period = entry.piecewise.period;
  const mod: Inline[] = period ? [text(' (mod '), math(exactLatex(period)), text(')')] : [];
  const kinks: Inline[] = a.kinks.length ? [...a.kinks.flatMap((k, i) => [...(i ? [text(', ')] : []), math(`t = ${exactLatex(k)}`)]), ...mod] : [text('none')];
  const convexity = yesNo(a.convexity.convex);
  const rows: [string, Inline[]][] = [
    ['class', classInlines(entry.smoothness)],
    ['differentiable', [text(entry.differentiable === true ? 'yes, everywhere' : yesNo(entry.differentiable))]],
    ['kinks of φ', kinks],
    ['convex', [text(a.convexity.undecided ? `${convexity} (${a.convexity.undecided})` : convexity)]],
  ];
  if (a.undecided.length) rows.push(['undecided at', a.undecided.map((u) => math(`t = ${exactLatex(u)}`))]);
  const dl = rows.map(([k, v]) => `<dt>${k}</dt><dd>${r.inlines(v)}</dd>`).join('');
  const formulas: string[] = [];
  const gradient = a.gradient ? `\\nabla f(X) = ${printLatex(a.gradient, MATRIX)}` : gradientCases(entry).latex;
  if (entry.differentiable === true) formulas.push(r.block(display(gradient)));
  else {
    formulas.push(`<p class="where">Away from the kinks:</p>`, r.block(display(gradient)));
    const sub = a.subdifferential;
    if (sub.kind === 'convex' || sub.kind === 'clarke') {
      const label = sub.kind === 'convex' ? 'At the kinks, the subdifferential (f is convex):' : 'At the kinks, Clarke’s generalized gradient:';
      formulas.push(`<p class="where">${label}</p>`, r.block(display(subdifferentialNotation(sub, entry.piecewise).latex)));
    } else formulas.push(`<p class="where">No subdifferential: ${r.inlines([text(subdifferentialNotation(sub, entry.piecewise).text)])}</p>`);
  }
  const points = pointSteps(a.points).map((s) => `<section class="point"><h3>${r.inlines(s.title)}</h3>${s.blocks.map(r.block).join('\n')}</section>`);
  return [`<dl class="facts">${dl}</dl>`, `<div class="formulas">`, ...formulas, '</div>', ...points].join('\n');
}

function verificationLine(e: Evidence): string {
  if (e.status === 'inconclusive') return `inconclusive: no numeric check could be made (seed ${e.seed})`;
  const head = `${e.status}: ${e.checks} numeric checks, max relative error ${e.maxRelError.toExponential(2)}, seed ${e.seed}`;
  const worst = e.status === 'failed' && e.failures[0] ? `; failed: ${claimText(e.failures[0])} at ${pointText(e.failures[0])}` : '';
  return head + worst;
}

function derivationHtml(r: HtmlRenderer, d: Derivation): string {
  return [
    `<h2 class="title">${r.inlines(d.title)}</h2>`,
    ...(d.subtitle ? [`<p class="subtitle">${r.inlines(d.subtitle)}</p>`] : []),
    ...d.steps.map(r.step),
  ].join('\n');
}

/** The progress callback of a cross-check: at most one message per percent. */
function progressOf(id: number): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
    if (percent === shown) return;
    shown = percent;
    post({ kind: 'progress', id, done, total });
  };
}

/** An f that is not separable: the structured answer, then its narrated derivation once cross-checked. */
function deriveStructured(id: number, r: HtmlRenderer, analysis: StructuredAnalysis, seed: number | undefined): void {
  const quick = narrateStructured(analysis, null);
  post({ kind: 'answer', id, html: derivationHtml(r, quick), gradientText: analysis.json.gradient?.text ?? null, summary: structuredSummary(analysis, null) });
  const evidence = crossCheck(analysis, { ...(seed === undefined ? {} : { seed }), progress: progressOf(id) });
  const d = narrateStructured(analysis, evidence);
  post({ kind: 'verified', id, status: evidence.status, line: verificationLine(evidence), derivationHtml: derivationHtml(r, d), summary: structuredSummary(analysis, evidence) });
}

async function derive(id: number, inputs: Inputs): Promise<void> {
  const r = await renderer;
  const { seed, ...rest } = options(inputs);
  const any = inField('f', () => analyzeFunction(inputs.f, rest));
  if (any.kind === 'structured') return deriveStructured(id, r, any, seed);
  const analysis = any;
  const gradientText = analysis.gradient ? printText(analysis.gradient, MATRIX) : null;
  post({ kind: 'answer', id, html: factsHtml(r, analysis), gradientText, summary: summary(analysis, null) });
  const evidence = crossCheck(analysis, {
    seed,
    ...(rest.shape ? { shape: rest.shape } : {}),
    progress: progressOf(id),
  });
  const d = narrate(analysis, evidence);
  post({ kind: 'verified', id, status: evidence.status, line: verificationLine(evidence), derivationHtml: derivationHtml(r, d), summary: summary(analysis, evidence) });
}

// ---------------------------------------------------------------- a claim

const valueText = (v: ExactValue | null): string =>
  v === null ? 'no real value' : typeof v === 'string' ? v : `[${v.map((row) => `[${row.join(', ')}]`).join(', ')}]`;

async function check(id: number, inputs: Inputs, claim: string): Promise<void> {
  const r = await renderer;
  const { constants, seed } = options(inputs);
  if (claim.trim() === '') throw new InputProblem('claim', new KinkproofError('input', 'type a claimed gradient, e.g. 2*relu(X)'));
  let result: GradientCheck;
  try {
    result = checkGradient(inputs.f, claim, { constants, seed });
  } catch (e) {
    const problem = asProblem(e);
    // The error names the text it is about: the claim's, or f's.
    if (problem) throw new InputProblem(problem.source === claim && problem.source !== inputs.f ? 'claim' : problem.source === inputs.f ? 'f' : 'claim', problem);
    throw e;
  }
  const step = claimStep(claim, result);
  const c = result.counterexample;
  post({
    kind: 'checked',
    id,
    verdict: result.verdict,
    method: result.method,
    html: step.blocks.map(r.block).join('\n'),
    counterexample: c && { X: valueText(c.exact.X), claim: valueText(c.exact.lhs), gradient: valueText(c.exact.rhs), where: c.where },
    text: checkText(result, 'gradient'),
  });
}

// ---------------------------------------------------------------- messages

function problemOf(e: InputProblem): Problem {
  return { field: e.field, message: e.error.oneLine(), caret: e.error.caret() };
}

scope.onmessage = ({ data }) => {
  const run = async (): Promise<void> => {
    await latexReady;
    if (data.kind === 'derive') await derive(data.id, data.inputs);
    else await check(data.id, data.inputs, data.claim);
  };
  run().catch((e: unknown) => {
    if (e instanceof InputProblem) post({ kind: 'problem', id: data.id, problem: problemOf(e) });
    else post({ kind: 'crash', id: data.id, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  });
};
