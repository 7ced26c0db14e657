/** The last step: what was established about f, in one paragraph per question. */
import { MATRIX, P, printLatex } from '../../symbolic/index.js';
import type { Poly, SymbolicAnalysis } from '../../symbolic/index.js';
import type { Evidence } from '../../numeric/verify.js';
import type { Block, Inline, Inlines, Step } from '../model.js';
import { math, paragraph, text } from '../model.js';
import { discontinuityInlines, noSetCause } from './nonsmoothWords.js';
import type { NoSetCause } from './nonsmoothWords.js';
import { classLatex, domainLatex, exact, listInlines, onPoints } from './notation.js';
import { kinkSetsNotation } from '../setNotation.js';

function fClass(k: SymbolicAnalysis['entry']['smoothness']): Inline[] {
  if (k === null) return [text('its smoothness class is not decided')];
  if (k === 'inf') return [math('f \\in C^{\\infty}')];
  if (k < 0) return [math('f'), text(' is not continuous')];
  return [math(`f \\in ${classLatex(k)} \\setminus ${classLatex(k + 1)}`)];
}

const gradientInline = (a: SymbolicAnalysis): Inline[] => (a.gradient ? [math(`\\nabla f(X) = ${printLatex(a.gradient, MATRIX)}`)] : [math("\\nabla f(X)_{ij} = \\varphi'(x_{ij})")]);

function differentiability(a: SymbolicAnalysis): Inline[] {
  const differentiable = a.entry.differentiable;
  if (differentiable === true)
    return [math('f'), text(' is Fréchet differentiable on all of '), math(domainLatex(a.dims)), text(', '), ...fClass(a.entry.smoothness), text(', and '), ...gradientInline(a), text('.')];
  const { period } = a.entry.piecewise;
  return [
    math('f'),
    text(' is Fréchet differentiable at every '),
    math('X'),
    text(' with no entry'),
    ...onPoints([...a.kinks, ...a.undecided], period),
    text(', where '),
    ...gradientInline(a),
    text('. '),
    ...(a.kinks.length ? [text('It is not differentiable at any '), math('X'), text(' with an entry'), ...onPoints(a.kinks, period), text('. ')] : []),
    ...(a.undecided.length ? [text('At entries'), ...onPoints(a.undecided, period), text(' this was not decided. ')] : []),
    ...nonsmooth(a),
    ...(a.entry.smoothness === -1 ? discontinuityInlines(a.entry) : [text('Globally '), ...fClass(a.entry.smoothness), text('.')]),
  ];
}

function nonsmooth(a: SymbolicAnalysis): Inline[] {
  const sub = a.subdifferential;
  if (a.entry.differentiable === true) return [];
  if (sub.kind === 'convex') return [text('At those '), math('X'), text(' the subdifferential '), math('\\partial f(X)'), text(' is the box of intervals given above. ')];
  if (sub.kind !== null) return [text('At those '), math('X'), text(' Clarke’s generalized gradient '), math('\\partial_C f(X)'), text(' is the box of intervals given above. ')];
  const causeAt = (at: Poly): NoSetCause | null => noSetCause(a.entry.breakpoints.find((b) => P.equals(b.at, at)));
  const points = (ps: readonly Poly[]): Inlines => listInlines(ps.map((p) => [math(exact(p))]), 'or');
  const none = sub.missing.filter((m) => causeAt(m.at) !== null).map((m) => m.at);
  const open = sub.missing.filter((m) => causeAt(m.at) === null).map((m) => m.at);
  return [
    ...(kinkSetsNotation(sub, a.entry.piecewise)
      ? [text('At those '), math('X'), text(' with no entry equal to '), ...points(sub.missing.map((m) => m.at)), text(', Clarke’s generalized gradient '), math('\\partial_C f(X)'), text(' is the box of intervals given above. ')]
      : []),
    ...(none.length ? [math('f'), text(' has no convex or Clarke subdifferential at an '), math('X'), text(' with an entry equal to '), ...points(none), text(' (see above). ')] : []),
    ...(open.length ? [text('Whether '), math('f'), text(' has one at an '), math('X'), text(' with an entry equal to '), ...points(open), text(' was not decided. ')] : []),
    ...(sub.missing.length ? [] : [text('Its subdifferential there was not decided (see above). ')]),
  ];
}

function convexity(a: SymbolicAnalysis): Inline[] {
  const c = a.convexity.convex;
  return c === null ? [text('Whether '), math('f'), text(' is convex was not decided.')] : [math('f'), text(c ? ' is convex.' : ' is not convex.')];
}

function numeric(evidence: Evidence | null): Inline[] {
  if (!evidence) return [text('No numeric cross-check was run.')];
  if (evidence.status === 'passed') return [text(`All ${evidence.checks} numeric checks agree with these results.`)];
  if (evidence.status === 'inconclusive') return [text('The numeric cross-check was inconclusive: no check could be made.')];
  return [text('WARNING: the numeric cross-check contradicts a symbolic claim (see the cross-check); treat the results above with suspicion.')];
}

/** `brief` leaves out where f is differentiable and its gradient (the brief report's gradient step says both). */
export function conclusionStep(a: SymbolicAnalysis, evidence: Evidence | null, brief = false): Step {
  const decided = a.entry.differentiable !== null && a.entry.smoothness !== null && a.convexity.convex !== null;
  const blocks: Block[] = brief
    ? [paragraph(...fClass(a.entry.smoothness), text('. '), ...convexity(a), text(' '), ...numeric(evidence))]
    : [paragraph(...differentiability(a)), paragraph(...convexity(a), text(' '), ...numeric(evidence))];
  return { kind: 'conclusion', title: [text('Conclusion')], established: decided ? 'exact' : 'unknown', blocks };
}
