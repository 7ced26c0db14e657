/**
 * Convexity of φ (with its witness when it fails) and the subdifferential of f:
 * convex ∂f, Clarke's ∂_C f, or why neither exists.
 */
import { exactLatex, P } from '../../symbolic/index.js';
import type { BreakpointSet, ConvexityWitness, SymbolicAnalysis } from '../../symbolic/index.js';
import { kinkSetsNotation, setLatex, subdifferentialNotation } from '../setNotation.js';
import type { Block, Established, Inline, Step } from '../model.js';
import { display, math, paragraph, text } from '../model.js';
import { NO_SET, noSetCause, noSetReason } from './nonsmoothWords.js';
import { at, exact, limitLatex, listInlines, oneSidedDerivative } from './notation.js';

export const CONVEX_CITATION = 'Rockafellar, Convex Analysis, Thm 23.8 and 24.1: subdifferentials of sums and of convex functions of one variable';
export const CLARKE_CITATION = 'Clarke, Optimization and Nonsmooth Analysis, Thm 2.5.1 and Prop. 2.3.15';
const SMOOTH_CLARKE_CITATION = 'Clarke, Optimization and Nonsmooth Analysis, Prop. 2.2.4 (C¹ functions)';
const NO_CLARKE_CITATION = 'Clarke, Optimization and Nonsmooth Analysis, §2.1 (the generalized gradient is defined for locally Lipschitz functions)';

/** Formulas two to a line, so that many breakpoints do not run off the page. */
function displays(formulas: readonly string[]): Block[] {
  const lines: Block[] = [];
  for (let i = 0; i < formulas.length; i += 2)
    lines.push(display(`${formulas.slice(i, i + 2).join(', \\qquad ')}${i + 2 >= formulas.length ? '.' : ','}`));
  return lines;
}

const slopes = (a: SymbolicAnalysis, relation: string): string[] =>
  a.entry.breakpoints.map(
    (b) => `${oneSidedDerivative(b.at, -1)} = ${limitLatex(b.leftDerivative) ?? '?'} ${relation} ${limitLatex(b.rightDerivative) ?? '?'} = ${oneSidedDerivative(b.at, 1)}`,
  );

function witnessBlocks(w: ConvexityWitness): Block[] {
  const c = exact(w.at);
  switch (w.kind) {
    case 'discontinuity':
      return [paragraph(math('\\varphi'), text(' is not continuous at '), math(c), text(', and a convex function on '), math('\\mathbb{R}'), text(' is continuous.'))];
    case 'curvature':
      return [paragraph(text('The second derivative is negative inside a piece:')), display(`\\varphi''(${c}) = ${exactLatex(w.secondDerivative)} < 0.`)];
    case 'slopes': {
      const [l, r] = [limitLatex(w.left), limitLatex(w.right)];
      if (w.left.kind === 'finite' && w.right.kind === 'finite')
        return [paragraph(text('The slope decreases at '), math(c), text(':')), display(`${oneSidedDerivative(w.at, -1)} = ${l} > ${r} = ${oneSidedDerivative(w.at, 1)}.`)];
      return [
        paragraph(
          text('At '),
          math(c),
          text(' a one-sided derivative is infinite ('),
          math(`${oneSidedDerivative(w.at, -1)} = ${l ?? '?'}`),
          text(', '),
          math(`${oneSidedDerivative(w.at, 1)} = ${r ?? '?'}`),
          text('), which a convex function that is finite on '),
          math('\\mathbb{R}'),
          text(' cannot have.'),
        ),
      ];
    }
  }
}

function convexityBlocks(a: SymbolicAnalysis): Block[] {
  const { convex, witness, undecided } = a.convexity;
  if (convex === true) {
    const hasBreakpoints = a.entry.breakpoints.length > 0;
    return [
      paragraph(
        math('\\varphi'),
        text(' is continuous, '),
        math("\\varphi'' \\ge 0"),
        text(hasBreakpoints ? ' on each open piece, and its slope does not decrease at any breakpoint:' : ' on all of '),
        ...(hasBreakpoints ? [] : [math('\\mathbb{R}'), text('.')]),
      ),
      ...(hasBreakpoints ? displays(slopes(a, '\\le')) : []),
      paragraph(text('So '), math('\\varphi'), text(' is convex, and so is '), math('f'), text(', a sum of convex functions of separate entries.')),
    ];
  }
  if (convex === false)
    return [
      ...(witness ? witnessBlocks(witness) : []),
      paragraph(
        text('So '),
        math('\\varphi'),
        text(' is not convex, and neither is '),
        math('f'),
        text(': with all other entries fixed, '),
        math('f'),
        text(' is '),
        math('\\varphi'),
        text(' of one entry plus a constant.'),
      ),
    ];
  return [paragraph(text(`Convexity was not decided (${undecided ?? 'unknown reason'}).`))];
}

const intervalLatex = (symbol: string, sets: readonly BreakpointSet[]): string[] => sets.map((s) => `${symbol} ${at(s.at)} = ${setLatex(s.lo, s.hi)}`);

type NoSubdifferential = Extract<SymbolicAnalysis['subdifferential'], { kind: null }>;

/**
 * Where some breakpoints have no set (a jump, an infinite slope): why, one
 * paragraph per reason, then Clarke's sets at the other breakpoints, which
 * still hold at every X whose entries avoid the first kind.
 */
function missingSetBlocks(a: SymbolicAnalysis, sub: NoSubdifferential, brief: boolean): { blocks: Block[]; citation?: string; decided: boolean } {
  const causes = sub.missing.map((m) => ({ at: m.at, reason: m.reason, cause: noSetCause(a.entry.breakpoints.find((b) => P.equals(b.at, m.at))) }));
  const groups = [...new Set(causes.map((c) => c.cause ?? c.reason))].map((key) => causes.filter((c) => (c.cause ?? c.reason) === key));
  const blocks: Block[] = groups.map((group) => {
    const [{ cause, reason }] = group as [(typeof causes)[number]];
    return paragraph(...NO_SET, text(' at an '), math('X'), text(' with an entry equal to '), ...listInlines(group.map((c) => [math(exact(c.at))]), 'or'), text(': '), ...(cause ? noSetReason(cause) : [text(reason)]), text('.'));
  });
  if (sub.missing.length === 0) blocks.push(paragraph(...NO_SET, text(`: ${sub.reason}.`)));
  const decided = sub.missing.length > 0 && causes.every((c) => c.cause !== null);
  const kinkSets = kinkSetsNotation(sub, a.entry.piecewise);
  if (!kinkSets) return { blocks, ...(decided ? { citation: NO_CLARKE_CITATION } : {}), decided };
  const avoid: Inline[] = [text('At an '), math('X'), text(' with no entry equal to '), ...listInlines(sub.missing.map((m) => [math(exact(m.at))]), 'or'), text(', ')];
  const lipschitz: Inline[] = [math('f'), text(' is locally Lipschitz (near '), math('X'), text(' only '), math('\\varphi'), text(' near the entries matters), and Clarke’s generalized gradient of '), math('\\varphi'), text(' at the other breakpoints is the interval between its one-sided derivatives')];
  const intervals = intervalLatex('\\partial_C', sub.breakpoints);
  const product = (lead: string): Inline[] => [text(lead), math('\\partial_C f(X)'), text(' is the product of these sets over the entries ('), math("\\varphi'(x_{ij})"), text(' elsewhere)')];
  const citation = decided ? `${NO_CLARKE_CITATION}; ${CLARKE_CITATION}` : CLARKE_CITATION;
  if (brief) return { blocks: [...blocks, paragraph(...avoid, ...lipschitz, text(': '), ...listInlines(intervals.map((i) => [math(i)])), text('; '), ...product('so '), text('.'))], citation, decided };
  return { blocks: [...blocks, paragraph(...avoid, ...lipschitz, text(':')), ...displays(intervals), paragraph(...product('So '), text(':')), display(`${kinkSets.latex}.`)], citation, decided };
}

/** The sets of f; `brief`: the entries' intervals in one sentence, their product in words, and no Fréchet subdifferential. */
function setBlocks(a: SymbolicAnalysis, brief = false): { blocks: Block[]; citation?: string; decided: boolean } {
  const sub = a.subdifferential;
  const smooth = typeof a.entry.smoothness === 'number' ? a.entry.smoothness >= 1 : a.entry.smoothness === 'inf';
  if (a.entry.differentiable === true) {
    if (a.convexity.convex === true)
      return { blocks: [paragraph(text('A convex function differentiable at '), math('X'), text(' has '), math('\\partial f(X) = \\{\\nabla f(X)\\}'), text('.'))], citation: CONVEX_CITATION, decided: true };
    if (smooth)
      return { blocks: [paragraph(text('Since '), math('f \\in C^{1}'), text(', its Clarke generalized gradient is '), math('\\partial_C f(X) = \\{\\nabla f(X)\\}'), text('.'))], citation: SMOOTH_CLARKE_CITATION, decided: true };
    return { blocks: [], decided: true };
  }
  if (sub.kind === null) return missingSetBlocks(a, sub, brief);
  const symbol = sub.kind === 'convex' ? '\\partial' : '\\partial_C';
  const intervals = intervalLatex(symbol, sub.breakpoints);
  const frechet = sub.breakpoints.filter((s) => s.frechetEmpty);
  const citation = sub.kind === 'convex' ? CONVEX_CITATION : CLARKE_CITATION;
  const lead: Inline[] = [
    text(sub.kind === 'convex' ? 'The subdifferential of the convex ' : 'Clarke’s generalized gradient of the locally Lipschitz '),
    math('\\varphi'),
    text(' at a breakpoint is the interval between its one-sided derivatives'),
  ];
  const product: Inline[] = [text('For the separable '), math('f'), text(' it is the product of these sets over the entries ('), math('\\varphi\'(x_{ij})'), text(' elsewhere')];
  if (brief) return { blocks: [paragraph(...lead, text(': '), ...listInlines(intervals.map((i) => [math(i)])), text('. '), ...product, text(').'))], citation, decided: true };
  const blocks: Block[] = [
    paragraph(...lead, text(':')),
    ...displays(intervals),
    paragraph(...product, text('):')),
    display(subdifferentialNotation(sub, a.entry.piecewise).latex),
  ];
  if (frechet.length) {
    const points = listInlines(frechet.map((s) => [math(exact(s.at))]));
    blocks.push(
      paragraph(
        text('At '),
        ...points,
        text(' the slope decreases, so the Fréchet (regular) subdifferential of '),
        math('\\varphi'),
        text(' is empty there, and so is that of '),
        math('f'),
        text(' at every '),
        math('X'),
        text(' with an entry equal to '),
        ...listInlines(frechet.map((s) => [math(exact(s.at))]), 'or'),
        text('.'),
      ),
    );
  }
  return { blocks, citation, decided: true };
}

export function subdifferentialStep(a: SymbolicAnalysis): Step {
  const sets = setBlocks(a);
  const decided = a.convexity.convex !== null && sets.decided;
  const established: Established = decided ? 'theorem' : 'unknown';
  const citation = [a.convexity.convex !== null ? CONVEX_CITATION : undefined, sets.citation].filter((c, i, all): c is string => !!c && all.indexOf(c) === i).join('; ');
  return {
    kind: 'subdifferential',
    title: [text(a.entry.differentiable === true ? 'Convexity' : 'Convexity and subdifferential')],
    established,
    ...(citation ? { citation } : {}),
    blocks: [...convexityBlocks(a), ...sets.blocks],
  };
}

/** For --brief: the sets where f is not differentiable, or null where it is everywhere; convexity is left to the conclusion. */
export function subdifferentialSummaryStep(a: SymbolicAnalysis): Step | null {
  if (a.entry.differentiable === true) return null;
  const sets = setBlocks(a, true);
  const title = a.subdifferential.kind === 'clarke' ? 'Clarke’s generalized gradient' : 'Subdifferential';
  return {
    kind: 'subdifferential',
    title: [text(title)],
    established: sets.decided ? 'theorem' : 'unknown',
    ...(sets.citation ? { citation: sets.citation } : {}),
    blocks: sets.blocks,
  };
}
