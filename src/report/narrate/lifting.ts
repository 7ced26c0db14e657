/**
 * From one entry to the matrix: the (cited) theorem that a separable sum is
 * Fréchet differentiable exactly where every entry is a point of
 * differentiability of φ, applied to this φ.
 */
import { exactLatex, P } from '../../symbolic/index.js';
import type { SymbolicAnalysis } from '../../symbolic/index.js';
import type { Block, Inline, Step } from '../model.js';
import { display, math, paragraph, text } from '../model.js';
import { classLatex, domainLatex, familyLatex } from './notation.js';

export const LIFTING_CITATION =
  'a sum of φ over the entries of X is Fréchet differentiable at X iff φ is differentiable at every entry, the gradient being φ′ entry-wise; ' +
  'continuous partial derivatives imply C¹ (Rudin, Principles of Mathematical Analysis, Thm 9.21)';

function application(a: SymbolicAnalysis): Block[] {
  const { entry } = a;
  const k = entry.smoothness;
  if (entry.differentiable === true) {
    const cls: Inline[] =
      typeof k === 'number' && k >= 1
        ? [
            text('. Its partial derivatives '),
            math("\\partial f / \\partial x_{ij} = \\varphi'(x_{ij})"),
            text(' are continuous, so '),
            math('f \\in C^{1}'),
            text('; applying the same to the partial derivatives of higher order, which are '),
            math('\\varphi^{(k)}(x_{ij})'),
            text(' or 0, gives '),
            math(`f \\in ${classLatex(k)} \\setminus ${classLatex(k + 1)}`),
          ]
        : k === 'inf'
          ? [text(', and by the same argument for every order '), math('f \\in C^{\\infty}')]
          : [text('; its class beyond differentiability is not decided')];
    return [
      paragraph(
        text('Here '),
        math('\\varphi'),
        text(' is differentiable at every real number, so '),
        math('f'),
        text(' is Fréchet differentiable at every '),
        math(`X \\in ${domainLatex(a.dims)}`),
        text(' with '),
        math("\\nabla f(X)_{ij} = \\varphi'(x_{ij})"),
        ...cls,
        text('.'),
      ),
    ];
  }
  const kinkText: Inline[] = a.kinks.length
    ? [
        text('It is not differentiable at any '),
        math('X'),
        text(' with an entry in '),
        // One set, or for a periodic φ the union of the kink families.
        math(a.entry.piecewise.period ? a.kinks.map((c) => (P.isZero(c) ? familyLatex(c, a.entry.piecewise.period) : `(${familyLatex(c, a.entry.piecewise.period)})`)).join(' \\cup ') : `\\{${a.kinks.map(exactLatex).join(', ')}\\}`),
        text('. '),
      ]
    : [];
  const undecidedText: Inline[] = a.undecided.length
    ? [text('At entries in '), math(`\\{${a.undecided.map(exactLatex).join(', ')}\\}`), text(' differentiability is not decided. ')]
    : [];
  return [
    paragraph(
      math('f'),
      text(' is Fréchet differentiable at every '),
      math('X'),
      text(' whose entries avoid the breakpoints where '),
      math('\\varphi'),
      text(' is not differentiable, with '),
      math("\\nabla f(X)_{ij} = \\varphi'(x_{ij})"),
      text('. '),
      ...kinkText,
      ...undecidedText,
    ),
  ];
}

export function liftingStep(a: SymbolicAnalysis): Step {
  const blocks: Block[] = [
    paragraph(text('For '), math(`H \\in ${domainLatex(a.dims)}`), text(' the remainder of the linearisation splits over the entries:')),
    display(
      "f(X + H) - f(X) - \\sum_{i,j} \\varphi'(x_{ij}) h_{ij} = \\sum_{i,j} \\bigl( \\varphi(x_{ij} + h_{ij}) - \\varphi(x_{ij}) - \\varphi'(x_{ij}) h_{ij} \\bigr).",
    ),
    paragraph(
      text('If '),
      math('\\varphi'),
      text(' is differentiable at every '),
      math('x_{ij}'),
      text(', each term is '),
      math('o(\\lvert h_{ij} \\rvert)'),
      text(', hence '),
      math('o(\\lVert H \\rVert_F)'),
      text('. Conversely, '),
      math('f(X + h E_{ij}) = \\varphi(x_{ij} + h) + \\text{const}'),
      text(', so '),
      math('f'),
      text(' can only be differentiable at '),
      math('X'),
      text(' if '),
      math('\\varphi'),
      text(' is differentiable at '),
      math('x_{ij}'),
      text('.'),
    ),
    ...application(a),
  ];
  return {
    kind: 'lifting-theorem',
    title: [text('From entries to the matrix function')],
    established: 'theorem',
    citation: LIFTING_CITATION,
    blocks,
  };
}
