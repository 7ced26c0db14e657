/** Steps 3–4: φ in cases (open pieces and the value at each breakpoint), and φ′ on each open piece. */
import type { EntryAnalysis, Poly, RootNames, SymbolicAnalysis } from '../../symbolic/index.js';
import type { Block, CasesBlock, Step } from '../model.js';
import { display, math, paragraph, text } from '../model.js';
import { domainLatex, exact, listInlines, phiLatex, pieceCondition, pointCondition } from './notation.js';
import { rootDefinitions } from './rootDefinitions.js';
import { entrySumLatex, entryWiseInlines } from './statement.js';

type Row = CasesBlock['rows'][number];

/** Rows in reading order: piece, breakpoint value, piece, … */
function phiRows(entry: EntryAnalysis): Row[] {
  const { breakpoints, pieces, values, period } = entry.piecewise;
  return pieces.flatMap((piece, i): Row[] => {
    const row = { value: phiLatex(piece.display), condition: pieceCondition(breakpoints, i, period) };
    const c = breakpoints[i];
    return c ? [row, { value: exact(values[i]!), condition: pointCondition(c, period) }] : [row];
  });
}

/** Why one period tells all: φ(t + P) = φ(t). */
const periodicNote = (period: Poly): Block =>
  paragraph(
    text('The variable occurs only inside sine and cosine of linear arguments, so '),
    math(`\\varphi(t + ${exact(period)}) = \\varphi(t)`),
    text(' for every '),
    math('t'),
    text(': each case holds on every copy of its interval, and everything shown at a breakpoint holds at every member of its family.'),
  );

/** `names`: the algebraic breakpoints' names, defined here where the breakpoints are first listed. */
export function casesStep(entry: EntryAnalysis, names: RootNames): Step {
  const { breakpoints: bps, period } = entry.piecewise;
  const blocks: Block[] =
    bps.length === 0
      ? [
          display(`\\varphi(t) = ${phiLatex(entry.piecewise.pieces[0]!.display)} \\qquad \\text{for every } t \\in \\mathbb{R}.`),
          paragraph(text('This is one elementary expression on all of '), math('\\mathbb{R}'), text(': '), math('\\varphi'), text(' has no breakpoints.')),
        ]
      : [
          paragraph(
            text('Splitting every piecewise-defined function (such as abs, max, sign) where its case changes, '),
            math('\\varphi'),
            text(' is elementary on each open interval between the breakpoints, and its value at each breakpoint follows from the definitions:'),
          ),
          { kind: 'cases', lhs: '\\varphi(t)', rows: phiRows(entry) },
          paragraph(
            text(bps.length === 1 ? 'The only breakpoint is ' : 'The breakpoints are '),
            ...listInlines(bps.map((c) => [math(pointCondition(c, period))])),
            ...(names.roots.length ? [text(', where '), ...rootDefinitions(names)] : []),
            text('.'),
          ),
          ...(period ? [periodicNote(period)] : []),
        ];
  return { kind: 'cases', title: [text('The entry function in cases')], established: 'exact', blocks };
}

export function pieceDerivativesStep(entry: EntryAnalysis): Step {
  const bps = entry.piecewise.breakpoints;
  const pieces = entry.derivativePieces;
  const blocks: Block[] =
    bps.length === 0
      ? [
          paragraph(text('Differentiating the elementary expression,')),
          display(`\\varphi'(t) = ${phiLatex(pieces[0]!.display)} \\qquad \\text{for every } t \\in \\mathbb{R}.`),
        ]
      : [
          paragraph(
            text('On each open interval '),
            math('\\varphi'),
            text(' coincides with an elementary function, so it is differentiable there with that function’s derivative:'),
          ),
          {
            kind: 'cases',
            lhs: "\\varphi'(t)",
            rows: pieces.map((p, i) => ({ value: phiLatex(p.display), condition: pieceCondition(bps, i, entry.piecewise.period) })),
          },
          paragraph(text('The breakpoints need the one-sided limits of the next '), text(bps.length === 1 ? 'step.' : 'steps.')),
        ];
  return { kind: 'piece-derivatives', title: [text('Derivative on each open piece')], established: 'exact', blocks };
}

/** For --brief: f as a sum of φ over the entries, and φ in cases (statement, reduction and cases in one step), with the names of algebraic breakpoints defined. */
export function statementInCasesStep(a: SymbolicAnalysis, names: RootNames): Step {
  const { entry } = a;
  const phi: Block[] =
    entry.piecewise.breakpoints.length === 0
      ? [display(`${entrySumLatex(a)}, \\qquad \\varphi(t) = ${phiLatex(a.separable.phi)}.`)]
      : [display(`${entrySumLatex(a)},`), { kind: 'cases', lhs: '\\varphi(t)', rows: phiRows(entry) }];
  const blocks: Block[] = [
    paragraph(text('Let '), math(`X = (x_{ij}) \\in ${domainLatex(a.dims)}`), text('. '), ...entryWiseInlines(a), text(' Then '), math('f'), text(' is a sum of one scalar function over the entries:')),
    ...phi,
    ...(names.roots.length ? [paragraph(text('Here '), ...rootDefinitions(names), text('.'))] : []),
    ...(entry.piecewise.period ? [periodicNote(entry.piecewise.period)] : []),
  ];
  return { kind: 'statement', title: [text('Statement')], established: 'exact', blocks };
}
