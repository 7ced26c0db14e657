/**
 * The continuity step: whether φ′ is continuous at each breakpoint, the first
 * derivative whose one-sided limits disagree, and the resulting class C^k of φ,
 * with the figure of φ and φ′.
 */
import { sameFinite } from '../../symbolic/index.js';
import { discontinuitiesVerb } from '../../analysisText.js';
import type { BreakpointAnalysis, EntryAnalysis, Scalar } from '../../symbolic/index.js';
import type { Block, Inline, Step } from '../model.js';
import { display, math, paragraph, text } from '../model.js';
import { plotData } from '../plotData.js';
import { approach, classLatex, derivativeSymbol, exact, familyLatex, limitLatex, limitOperator, listInlines, phiLatex } from './notation.js';

/** lim₋ = a ≠ b = lim₊; with `relation` '=' the one value is written once: lim₋ = φ′(c) = lim₊, both equal to it. */
function oneSidedLimits(b: BreakpointAnalysis, k: number, relation: string): string {
  const lim = (side: -1 | 1): string =>
    `${limitOperator('t', approach(b.at, side))} ${derivativeSymbol(k)}(t)`;
  const value = (l: BreakpointAnalysis['leftLimits'][number] | undefined): string => (l && limitLatex(l)) ?? '\\text{(not decided)}';
  if (relation === '=') return `${lim(-1)} = ${value(b.leftLimits[k])} = ${lim(1)}`;
  return `${lim(-1)} = ${value(b.leftLimits[k])} ${relation} ${value(b.rightLimits[k])} = ${lim(1)}`;
}

/** φ′ continuous at c, then the first order whose one-sided limits differ. */
function atBreakpoint(b: BreakpointAnalysis): Block[] {
  const c = exact(b.at);
  const where = [text('At '), math(`t = ${c}`)];
  if (b.order === -1 || b.continuous === false)
    return [paragraph(...where, text(', '), math('\\varphi'), text(' is not continuous (step above): it is not even '), math('C^{0}'), text(' there.'))];
  if (b.differentiable === false)
    return [paragraph(...where, text(', '), math('\\varphi'), text(' is continuous but not differentiable: '), math('C^{0}'), text(' but not '), math('C^{1}'), text(' there.'))];
  if (b.differentiable !== true) return [paragraph(...where, text(', differentiability was not decided.'))];
  const blocks: Block[] = [];
  const derivativeLimitsAgree = sameFinite(b.leftLimits[1]!, b.rightLimits[1]!) === true && sameFinite(b.leftLimits[1]!, b.leftDerivative) === true;
  if (derivativeLimitsAgree)
    blocks.push(
      paragraph(...where, text(', both one-sided limits of '), math("\\varphi'"), text(' equal '), math(`\\varphi'(${c}) = ${limitLatex(b.leftDerivative)}`), text(':')),
      display(`${oneSidedLimits(b, 1, '=')},`),
      paragraph(text('so '), math("\\varphi'"), text(' is continuous at '), math(c), text('.')),
    );
  const k = typeof b.order === 'number' ? b.order + 1 : undefined;
  if (k !== undefined && k >= 2)
    blocks.push(
      paragraph(text('The first derivative whose one-sided limits at '), math(c), text(' differ is '), math(derivativeSymbol(k)), text(':')),
      display(`${oneSidedLimits(b, k, '\\neq')},`),
      paragraph(text('so near '), math(c), text(', '), math('\\varphi'), text(' is '), math(classLatex(b.order as number)), text(' but not '), math(classLatex(k)), text('.')),
    );
  else if (b.order === null)
    blocks.push(
      paragraph(
        text('The one-sided limits of the derivatives agree up to order '),
        math(String(b.orderAtLeast)),
        text(', so '),
        math('\\varphi'),
        text(' is at least '),
        math(classLatex(b.orderAtLeast)),
        text(' near '),
        math(c),
        text('; higher orders were not decided.'),
      ),
    );
  return blocks;
}

/** φ ∈ C^k \ C^{k+1}, or what is known. */
/** φ ∈ C^k \\ C^{k+1}; for a discontinuous φ, where and how (a jump, a removable discontinuity), and that it is continuous elsewhere when every other breakpoint is decided. */
function classInlines(smoothness: EntryAnalysis['smoothness'], entry?: EntryAnalysis): Inline[] {
  if (smoothness === null) return [text('the smoothness class of '), math('\\varphi'), text(' is not decided')];
  if (smoothness === 'inf') return [math('\\varphi \\in C^{\\infty}(\\mathbb{R})')];
  if (smoothness < 0) {
    const gaps = entry ? entry.breakpoints.filter((b) => b.continuous === false) : [];
    if (!entry || !gaps.length) return [math('\\varphi'), text(' is not continuous on '), math('\\mathbb{R}')];
    const points = listInlines(gaps.map((b) => [math(familyLatex(b.at, entry.piecewise.period))]));
    const verb = discontinuitiesVerb(gaps);
    return entry.breakpoints.some((b) => b.continuous === null)
      ? [math('\\varphi'), text(` ${verb} at `), ...points]
      : [math('\\varphi'), text(' is continuous except at '), ...points, text(`, where it ${verb}`)];
  }
  return [math(`\\varphi \\in ${classLatex(smoothness)} \\setminus ${classLatex(smoothness + 1)}`)];
}

export function continuityStep(entry: EntryAnalysis, gradient: Scalar | null): Step {
  const data = plotData(entry);
  // No figure where doubles cannot show φ (breakpoints near 10^20, values near the largest double).
  const plot: Block[] = data
    ? [
        {
          kind: 'plot',
          plot: data,
          caption: [
            math('\\varphi'),
            text(' (solid) and '),
            math("\\varphi'"),
            text(' (dashed) near the breakpoints; filled dots are values taken at a breakpoint, open circles one-sided limits that are not.'),
          ],
        },
      ]
    : [];
  if (entry.piecewise.breakpoints.length === 0)
    return {
      kind: 'continuity',
      title: [text('Continuity of '), math("\\varphi'")],
      established: 'exact',
      blocks: [
        paragraph(text('An elementary expression defined on all of '), math('\\mathbb{R}'), text(' has derivatives of every order there, so '), ...classInlines('inf'), text('.')),
        ...plot,
      ],
    };
  const global: Block[] =
    entry.differentiable === true && gradient
      ? [
          paragraph(text('Collecting the pieces and the breakpoints, '), math('\\varphi'), text(' is differentiable at every '), math('t'), text(' with')),
          display(`\\varphi'(t) = ${phiLatex(gradient)}.`),
        ]
      : [];
  return {
    kind: 'continuity',
    title: [text('Continuity of '), math("\\varphi'"), text(' and the class of '), math('\\varphi')],
    established: entry.smoothness === null ? 'unknown' : 'exact',
    blocks: [
      ...global,
      ...entry.breakpoints.flatMap(atBreakpoint),
      paragraph(text('Away from the breakpoints '), math('\\varphi'), text(' is elementary, hence smooth. Altogether, '), ...classInlines(entry.smoothness, entry), text('.')),
      ...plot,
    ],
  };
}
