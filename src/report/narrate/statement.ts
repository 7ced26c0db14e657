/** Steps 1–2: what f is, and its reduction to one scalar function of one entry. */
import { lookupPrimitive, P, primitives } from '../../symbolic/index.js';
import type { Expr, PrimitiveName, SymbolicAnalysis } from '../../symbolic/index.js';
import type { Block, Inline, Step } from '../model.js';
import { display, math, paragraph, text } from '../model.js';
import { exprLatex } from './exprLatex.js';
import { domainLatex, entrySum, exact, listInlines, phiLatex } from './notation.js';

/** `f(X) = …` as the user wrote it. */
export const statementLatex = (a: SymbolicAnalysis): string => `f(X) = ${exprLatex(a.expr)}`;

export function primitivesUsed(e: Expr, out: Set<PrimitiveName>): Set<PrimitiveName> {
  switch (e.kind) {
    case 'unary':
    case 'transpose':
      return primitivesUsed(e.arg, out);
    case 'binary':
      primitivesUsed(e.left, out);
      return primitivesUsed(e.right, out);
    case 'call': {
      const p = lookupPrimitive(e.name);
      if (p) out.add(p);
      for (const arg of e.args) primitivesUsed(arg, out);
      return out;
    }
    default:
      return out;
  }
}

/** "Scalar functions of a matrix act entry-wise, with …": the definitions a reader needs, in particular the values at the switching point (H(0) = 1/2, sign(0) = 0). */
export function entryWiseInlines(a: SymbolicAnalysis): Inline[] {
  const used = [...primitivesUsed(a.expr, new Set())].sort();
  const definitions = used.flatMap((p) => primitives[p].definition ?? []);
  return [text('Scalar functions of a matrix act entry-wise'), ...(definitions.length ? [text(', with '), ...listInlines(definitions.map((d) => [math(d)]))] : []), text('.')];
}

/** f as a sum of φ over the entries (LaTeX, without φ's formula). */
export const entrySumLatex = (a: SymbolicAnalysis): string => `f(X) = ${P.isZero(a.offset) ? '' : `${exact(a.offset)} + `}${entrySum(a.dims)} \\varphi(x_{ij})`;

export function statementStep(a: SymbolicAnalysis): Step {
  const blocks: Block[] = [
    paragraph(text('Let '), math(`X = (x_{ij}) \\in ${domainLatex(a.dims)}`), text(' and')),
    display(`${statementLatex(a)}.`),
    paragraph(...entryWiseInlines(a)),
    paragraph(text(`Input: ${a.input}`)),
  ];
  return { kind: 'statement', title: [text('Statement')], established: 'exact', blocks };
}

/** Why a reduction rule holds, as a formula in a generic entry-wise matrix R (or P, Q). */
const RULES: Readonly<Record<string, { latex: string; name: string }>> = {
  frobenius: { latex: '\\left\\lVert R \\right\\rVert_F^2 = \\sum_{i,j} r_{ij}^2', name: 'the squared Frobenius norm' },
  trace: { latex: '\\operatorname{tr}(P^{\\top} Q) = \\sum_{i,j} p_{ij} q_{ij}', name: 'the trace inner product' },
  l1: { latex: '\\left\\lVert R \\right\\rVert_1 = \\sum_{i,j} \\left|r_{ij}\\right|', name: 'the entry-wise norm' },
  sum: { latex: '\\sum_{i,j} \\left[R\\right]_{ij} = \\sum_{i,j} r_{ij}', name: 'the sum of entries' },
};

export function reductionStep(a: SymbolicAnalysis): Step {
  const rules = a.separable.rules.flatMap((r): Inline[][] => {
    const rule = RULES[r];
    return rule ? [[text(`${rule.name} `), math(rule.latex)]] : [[text(r)]];
  });
  const blocks: Block[] = [
    paragraph(
      text('Each entry of an entry-wise expression '),
      math('R'),
      text(' depends only on the matching entry of '),
      math('X'),
      text(', '),
      math('r_{ij} = \\rho(x_{ij})'),
      text('. '),
      ...(rules.length ? [text('Using '), ...listInlines(rules), text(', and the linearity of sums, ')] : [text('By the linearity of sums, ')]),
      math('f'),
      text(' is a sum of one scalar function over the entries:'),
    ),
    display(`${entrySumLatex(a)}, \\qquad \\varphi(t) = ${phiLatex(a.separable.phi)}.`),
  ];
  return { kind: 'reduction', title: [text('Reduction to one entry')], established: 'exact', blocks };
}
