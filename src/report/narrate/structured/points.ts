/** One step per point given with --at: f there, the exact decision, and the gradient or the set. */
import type { StructuredAnalysis, StructuredPoint } from '../../../symbolic/index.js';
import type { Block, Step } from '../../model.js';
import { display, math, paragraph, text } from '../../model.js';
import { exactEntries, exactSet, matrixLatex, roundedLatex, smallFraction } from './matrices.js';
import { bmatrix, fitsOnALine } from '../matrixLayout.js';
import { setLatex } from './sets.js';

/** Longest exact f(X) displayed; a longer one is shown rounded (as for separable f). */
const MAX_VALUE_LATEX = 120;

/** X and f(X) share a line up to this many columns of X and this much LaTeX. */
const MAX_COLUMNS_BESIDE = 4;
const MAX_LATEX_BESIDE = 160;

/** X as the user wrote it (exact), else its doubles. */
function pointLatex(p: StructuredPoint): string {
  const exact = p.exact.latex.X;
  return exact.length && fitsOnALine(exact) ? bmatrix(exact) : matrixLatex(p.X);
}

/** f(X) exactly, or rounded with ≈ when it has no short exact form. */
function valueOf(p: StructuredPoint): { latex: string; exact: boolean } {
  const v = p.exact.latex.value;
  if (v !== null && v.length <= MAX_VALUE_LATEX) return { latex: `= ${v}`, exact: true };
  if (Number.isNaN(p.value)) return { latex: '= \\text{undefined}', exact: true };
  return { latex: `${smallFraction(p.value) && v === null ? '=' : '\\approx'} ${roundedLatex(p.value)}`, exact: false };
}

/** ∇f(X) exactly, or its doubles with ≈ when they are not all exact. */
function gradientOf(p: StructuredPoint): { latex: string; exact: boolean } {
  const exact = p.exact.latex.gradient;
  if (exact && fitsOnALine(exact)) return { latex: `= ${bmatrix(exact)}`, exact: true };
  const G = p.gradient ?? [];
  return exactEntries(G) ? { latex: `= ${matrixLatex(G)}`, exact: true } : { latex: `\\approx ${matrixLatex(G)}`, exact: false };
}

/** At a point where a ridge function jumps or has an infinite slope: f′(X; E) does not exist for E across that surface. */
function notLipschitzBlocks(why: string, differentiable: boolean | null): Block[] {
  return [
    paragraph(
      text(`Here ${why}. Along a direction `),
      math('E'),
      text(' across that surface the quotients '),
      math('(f(X + hE) - f(X))/h'),
      text(' are unbounded as '),
      math('h \\to 0^{+}'),
      text(', so '),
      math("f'(X; E)"),
      text(' does not exist and '),
      math('f'),
      text(' is not locally Lipschitz near this '),
      math('X'),
      text(differentiable === false ? '; it is not differentiable here and has no Clarke generalized gradient here.' : '; it has no Clarke generalized gradient here.'),
    ),
  ];
}

function pointBlocks(p: StructuredPoint): { blocks: Block[]; established: Step['established']; citation?: string } {
  const value = valueOf(p);
  // One line for a narrow X; two for a wide one (an 8-column X beside f(X) runs off the page).
  const X = pointLatex(p);
  const narrow = (p.X[0]?.length ?? 0) <= MAX_COLUMNS_BESIDE && X.length + value.latex.length <= MAX_LATEX_BESIDE;
  const head: Block[] = narrow ? [display(`X = ${X}, \\qquad f(X) ${value.latex}`)] : [display(`X = ${X}`), display(`f(X) ${value.latex}`)];
  const rounded = [paragraph(text('(Values that have no short exact form are rounded to 7 significant digits here; the JSON output has them to full double precision.)'))];
  if (p.differentiable === true) {
    const G = gradientOf(p);
    return {
      established: 'exact',
      blocks: [
        ...head,
        paragraph(text('The one-sided directional derivative '), math("E \\mapsto f'(X; E)"), text(' is linear here (exact arithmetic), so '), math('f'), text(' is differentiable at this '), math('X'), text(', with')),
        display(`\\nabla f(X) ${G.latex}.`),
        ...(G.exact && value.exact ? [] : rounded),
      ],
    };
  }
  if (p.notLipschitz) return { established: 'exact', blocks: [...head, ...notLipschitzBlocks(p.notLipschitz, p.differentiable), ...(value.exact ? [] : rounded)] };
  if (p.differentiable === null)
    return { established: 'unknown', blocks: [...head, paragraph(text(`Differentiability at this point was not decided: ${p.reason ?? 'no reason given'}.`))] };
  const blocks: Block[] = [
    ...head,
    paragraph(text('The one-sided directional derivative '), math("E \\mapsto f'(X; E)"), text(' is not linear here (exact arithmetic), so '), math('f'), text(' is not differentiable at this '), math('X'), text('.')),
  ];
  const s = p.subdifferential;
  if (!s) {
    blocks.push(paragraph(text(`No set is stated here: ${p.reason ?? 'no theorem gives it'}.`)));
    return { established: 'exact', blocks };
  }
  const { set, definitions } = setLatex(s);
  const roundedSet = !exactSet(s);
  const symbol = s.kind === 'convex' ? '\\partial f(X)' : '\\partial_C f(X)';
  blocks.push(
    paragraph(
      ...(s.kind === 'convex'
        ? [text('Its subdifferential is the set whose support function is '), math("f'(X; \\cdot)"), text(':')]
        : [text(s.relation === 'equal' ? 'Its Clarke generalized gradient is, by the rule below,' : 'Its Clarke generalized gradient is contained in the following set (only the inclusion is proved here):')]),
    ),
    display(`${symbol} ${s.relation === 'equal' ? '=' : '\\subseteq'} ${set}`),
  );
  if (definitions.length) {
    blocks.push(paragraph(text('where')));
    for (let i = 0; i < definitions.length; i += 3) blocks.push(display(definitions.slice(i, i + 3).join(', \\qquad ')));
  }
  if (roundedSet || !value.exact) blocks.push(paragraph(text('(Numbers that are not fractions with a small denominator are the nearest doubles of exact numbers, shown rounded or to double precision; the decision above is exact.)')));
  // The rule is the step's citation (shown with its label), not repeated in the text.
  return { established: 'theorem', citation: s.rule, blocks };
}

export function pointSteps(a: StructuredAnalysis): Step[] {
  return a.json.at.map((p, k) => {
    const { blocks, established, citation } = pointBlocks(p);
    const title = [text(a.json.at.length === 1 ? 'At the given point' : `At the given point ${k + 1}`)];
    return { kind: 'point', title, established, ...(citation ? { citation } : {}), blocks };
  });
}
