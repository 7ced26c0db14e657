/** One step per point given with --at: f there, the exact decision, and the gradient or the set. */
import type { StructuredAnalysis, StructuredPoint } from '../../../symbolic/index.js';
import type { Block, Step } from '../../model.js';
import { display, math, paragraph, text } from '../../model.js';
import { exactEntries, matrixLatex, roundedLatex, smallFraction } from './matrices.js';
import { setLatex } from './sets.js';

function pointBlocks(p: StructuredPoint): { blocks: Block[]; established: Step['established']; citation?: string } {
  const value = Number.isNaN(p.value) ? '= \\text{undefined}' : `${smallFraction(p.value) ? '=' : '\\approx'} ${roundedLatex(p.value)}`;
  // Two lines: an 8-column X beside f(X) runs off the page.
  const head: Block[] = [display(`X = ${matrixLatex(p.X)}`), display(`f(X) ${value}`)];
  const G = p.gradient ?? [];
  if (p.differentiable === true)
    return {
      established: 'exact',
      blocks: [
        ...head,
        paragraph(text('The one-sided directional derivative '), math("E \\mapsto f'(X; E)"), text(' is linear here (exact arithmetic), so '), math('f'), text(' is differentiable at this '), math('X'), text(', with')),
        display(`\\nabla f(X) ${exactEntries(G) ? '=' : '\\approx'} ${matrixLatex(G)}.`),
        ...(exactEntries(G) && smallFraction(p.value) ? [] : [paragraph(text('(Numbers that are not fractions with a small denominator are rounded to 7 significant digits here; the JSON output has them to full double precision.)'))]),
      ],
    };
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
  blocks.push(paragraph(text(`Rule: ${s.rule}.`)));
  return { established: 'theorem', citation: s.rule, blocks };
}

export function pointSteps(a: StructuredAnalysis): Step[] {
  return a.json.at.map((p, k) => {
    const { blocks, established, citation } = pointBlocks(p);
    const title = [text(a.json.at.length === 1 ? 'At the given point' : `At the given point ${k + 1}`)];
    return { kind: 'point', title, established, ...(citation ? { citation } : {}), blocks };
  });
}
