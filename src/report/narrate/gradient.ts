/** ∇f in matrix notation and the differential df = ⟨∇f, dX⟩ = tr(∇fᵀ dX), from the gradient's entry function. */
import { applyLatex, dependsOnT, MATRIX, parenLatex, printLatex } from '../../symbolic/index.js';
import type { Scalar, SymbolicAnalysis } from '../../symbolic/index.js';
import type { Block, Inline, Step } from '../model.js';
import { display, math, paragraph, text } from '../model.js';
import { onPoints } from './notation.js';
import { gradientCases } from '../setNotation.js';

/** Longest LaTeX of ∇f written out inside df. */
const SHORT_GRADIENT = 48;

/** A constant factor in front of a matrix: `2 `, `-`, `` for 1. */
function coefficientLatex(c: Scalar): string {
  const latex = printLatex(c, MATRIX);
  return latex === '1' ? '' : latex === '-1' ? '-' : `${latex} `;
}

/** G as c·R with the constant c pulled out, so df reads 2 tr(σ(X)ᵀ dX). */
function splitCoefficient(g: Scalar): { coefficient: string; rest: Scalar } {
  const [first, ...others] = g.kind === 'mul' ? g.factors : [];
  if (first?.kind !== 'const' || others.length === 0) return { coefficient: '', rest: g };
  return { coefficient: coefficientLatex(first), rest: others.length === 1 ? others[0]! : { kind: 'mul', factors: others } };
}

const transposed = (s: Scalar): string => {
  const latex = printLatex(s, MATRIX);
  return s.kind === 'call' || s.kind === 'var' ? `${latex}^{\\top}` : `${parenLatex(latex)}^{\\top}`;
};

/** ∇f and (unless `brief`) df from the gradient's entry function; a constant gradient is c times the all-ones matrix J. */
function gradientBlocks(g: Scalar, brief: boolean): Block[] {
  if (!dependsOnT(g)) {
    if (printLatex(g, MATRIX) === '0') return [display(brief ? '\\nabla f(X) = 0.' : '\\nabla f(X) = 0, \\qquad \\mathrm{d}f = 0.')];
    const c = coefficientLatex(g);
    return [
      display(brief ? `\\nabla f(X) = ${c}J,` : `\\nabla f(X) = ${c}J, \\qquad \\mathrm{d}f = \\langle ${c}J, \\mathrm{d}X \\rangle = ${c}\\sum_{i,j} \\mathrm{d}x_{ij},`),
      paragraph(text('where '), math('J'), text(' is the matrix of ones.')),
    ];
  }
  const G = printLatex(g, MATRIX);
  if (brief) return [display(`\\nabla f(X) = ${G}.`)];
  const { coefficient, rest } = splitCoefficient(g);
  // Written out twice, a long gradient would not fit on the line.
  const df =
    G.length <= SHORT_GRADIENT
      ? `\\mathrm{d}f = \\langle ${G}, \\mathrm{d}X \\rangle = ${coefficient}${applyLatex('\\operatorname{tr}', [`${transposed(rest)} \\, \\mathrm{d}X`])}.`
      : '\\mathrm{d}f = \\langle \\nabla f(X), \\mathrm{d}X \\rangle = \\operatorname{tr}(\\nabla f(X)^{\\top} \\, \\mathrm{d}X).';
  return [display(`\\nabla f(X) = ${G},`), display(df)];
}

/** "For every X … , in matrix notation:" — where ∇f exists, ending with how it is written. */
function whereInlines(a: SymbolicAnalysis, ending: 'matrix' | 'cases'): Inline[] {
  if (a.entry.differentiable === true)
    return [text('For every '), math('X'), text(ending === 'matrix' ? ', in matrix notation (functions applied entry-wise, ' : ', entry by entry:')]
      .concat(ending === 'matrix' ? [math('\\odot'), text(' the entry-wise product):')] : []);
  return [
    text('At every '),
    math('X'),
    text(' with '),
    ...avoidingList(a),
    text(a.undecided.length ? ' (where ' : ' (exactly where '),
    math('f'),
    text(a.undecided.length ? ' is known to be differentiable), ' : ' is differentiable), '),
    text(ending === 'matrix' ? 'in matrix notation:' : 'entry by entry:'),
  ];
}

/** ∇f where f is differentiable; `brief` leaves out df and how the formula was checked. */
export function gradientStep(a: SymbolicAnalysis, brief = false): Step {
  if (!a.gradient)
    // No single closed formula for all pieces was verified: φ′ piece by piece, as computed.
    return {
      kind: 'gradient',
      title: [text('Gradient')],
      established: 'exact',
      blocks: [
        paragraph(...whereInlines(a, 'cases')),
        display(`${gradientCases(a.entry).latex}.`),
        paragraph(text('No single formula valid on every piece was verified, so the derivative of each piece is given as computed.')),
      ],
    };
  return {
    kind: 'gradient',
    title: [text('Gradient')],
    established: 'exact',
    blocks: [
      paragraph(...whereInlines(a, 'matrix')),
      ...gradientBlocks(a.gradient, brief),
      ...(brief
        ? []
        : [
            paragraph(
              text('This formula was checked exactly against '),
              math("\\varphi'"),
              text(' on every open piece and at every breakpoint where '),
              math('\\varphi'),
              text(' is differentiable; it is not claimed at the others.'),
            ),
          ]),
    ],
  };
}

function avoidingList(a: SymbolicAnalysis): Inline[] {
  return [text('no entry'), ...onPoints([...a.kinks, ...a.undecided], a.entry.piecewise.period)];
}
