/**
 * ∂f(X) written as a textbook writes it: a condition on each entry x_ij and
 * the set G_ij ranges over there, in text and in LaTeX.
 */
import { exactLatex, exactText, fromPoly, intervalBounds, P, printLatex, printText } from '../symbolic/index.js';
import type { BreakpointSet, EntryAnalysis, Piecewise, Poly, Subdifferential } from '../symbolic/index.js';
import { moduloText } from '../analysisText.js';
import { pieceCondition as pieceLatex, pointCondition as pointLatex } from './narrate/notation.js';

export interface SetNotation {
  readonly text: string;
  readonly latex: string;
}

interface Row {
  readonly text: { value: string; condition: string };
  readonly latex: { value: string; condition: string };
}

const TEXT_VAR = { variable: 'x_ij', matrix: false };
const LATEX_VAR = { variable: 'x_{ij}', matrix: false };

/** The condition that x_ij lies in piece i (for a periodic φ, in any copy of it), in text and LaTeX. */
function pieceCondition(bps: readonly Poly[], i: number, period: Poly | undefined): { text: string; latex: string } {
  if (bps.length === 0) return { text: 'every entry', latex: '\\text{every entry}' };
  const { lo, hi } = intervalBounds(bps, i, period);
  const text = lo && hi ? `${exactText(lo)} < x_ij < ${exactText(hi)}` : hi ? `x_ij < ${exactText(hi)}` : `x_ij > ${exactText(lo!)}`;
  return { text: `${text}${moduloText(period)}`, latex: pieceLatex(bps, i, period, 'x_{ij}') };
}

/** x_ij = c (for a periodic φ, modulo the period), in text and LaTeX. */
const pointCondition = (c: Poly, period: Poly | undefined): { text: string; latex: string } => ({
  text: `x_ij = ${exactText(c)}${moduloText(period)}`,
  latex: pointLatex(c, period, 'x_{ij}'),
});

/** The set [lo, hi] (lo ≤ hi) in LaTeX: \\{lo\\} when lo = hi. */
export const setLatex = (lo: Poly, hi: Poly): string =>
  P.isZero(P.sub(lo, hi)) ? `\\{${exactLatex(lo)}\\}` : `\\left[${exactLatex(lo)}, ${exactLatex(hi)}\\right]`;

/**
 * The box of sets: G_ij = φ′(x_ij) inside a piece, in ∂φ(c) at a breakpoint c
 * listed in `sets`, and (`missing`) no condition at the other breakpoints,
 * which the caller excludes in words.
 */
function boxNotation(kind: 'convex' | 'clarke', pieces: Subdifferential['pieces'], sets: readonly BreakpointSet[], pw: Piecewise): SetNotation {
  const { breakpoints: bps, period } = pw;
  const rows: Row[] = pieces.map((d, i) => {
    const cond = pieceCondition(bps, i, period);
    return {
      text: { value: `= ${printText(d, TEXT_VAR)}`, condition: cond.text },
      latex: { value: `= ${printLatex(d, LATEX_VAR)}`, condition: cond.latex },
    };
  });
  for (const s of sets) {
    const point = P.isZero(P.sub(s.lo, s.hi));
    rows.push({
      text: {
        value: point ? `= ${exactText(s.lo)}` : `in [${exactText(s.lo)}, ${exactText(s.hi)}]`,
        condition: pointCondition(s.at, period).text,
      },
      latex: {
        value: point ? `= ${exactLatex(s.lo)}` : `\\in \\left[${exactLatex(s.lo)}, ${exactLatex(s.hi)}\\right]`,
        condition: pointCondition(s.at, period).latex,
      },
    });
  }
  const symbol = kind === 'convex' ? { text: '∂f(X)', latex: '\\partial f(X)' } : { text: '∂_C f(X)', latex: '\\partial_C f(X)' };
  const text = `${symbol.text} = {G : ${rows.map((r) => `G_ij ${r.text.value} if ${r.text.condition}`).join(', ')}}`;
  const cases = rows.map((r) => `G_{ij} ${r.latex.value} & \\text{if } ${r.latex.condition}`).join(' \\\\ ');
  const latex = `${symbol.latex} = \\left\\{ G \\in \\mathbb{R}^{m \\times n} : \\begin{array}{ll} ${cases} \\end{array} \\right\\}`;
  return { text, latex };
}

/**
 * The subdifferential of f. Where some breakpoints have no set, the text says
 * where there is none and gives Clarke's set at every X whose entries avoid
 * them (null LaTeX then: the report says it in words around `kinkSetsNotation`).
 */
export function subdifferentialNotation(sub: Subdifferential, pw: Piecewise): SetNotation {
  if (sub.kind !== null) return boxNotation(sub.kind, sub.pieces, sub.breakpoints, pw);
  const reasons = [...new Set(sub.missing.map((m) => m.reason))];
  const where = (reason: string): string =>
    ` where some ${sub.missing.filter((m) => m.reason === reason).map((m) => pointCondition(m.at, pw.period).text).join(' or ')}: ${reason}`;
  const none = reasons.length ? `no subdifferential${reasons.map(where).join(';')}` : `no subdifferential: ${sub.reason}`;
  const rest = kinkSetsNotation(sub, pw);
  return { text: rest ? `${none}; at every other X, ${rest.text}` : none, latex: `\\text{no subdifferential}` };
}

/** Clarke's set at the X whose entries avoid every breakpoint without a set; null when no breakpoint has a set (f is differentiable at those X). */
export function kinkSetsNotation(sub: Extract<Subdifferential, { kind: null }>, pw: Piecewise): SetNotation | null {
  if (sub.missing.length === 0 || sub.breakpoints.length === 0) return null;
  return boxNotation('clarke', sub.pieces, sub.breakpoints, pw);
}

/**
 * ∇f(X) entry by entry when no single formula was verified: φ′ on each open
 * piece and at the breakpoints where φ is differentiable. Where f has kinks
 * the condition leaves them out ("away from the kinks").
 */
export function gradientCases(entry: EntryAnalysis): SetNotation {
  const { breakpoints: bps, period } = entry.piecewise;
  const rows: Row[] = entry.derivativePieces.map((d, i) => {
    const cond = pieceCondition(bps, i, period);
    // The canonical form is valid on its piece and often shorter (3/2·√t, not t/(2√t) + √t).
    const canonical = fromPoly(d.nf);
    const shown = printText(canonical, TEXT_VAR).length < printText(d.display, TEXT_VAR).length ? canonical : d.display;
    return {
      text: { value: printText(shown, TEXT_VAR), condition: cond.text },
      latex: { value: printLatex(shown, LATEX_VAR), condition: cond.latex },
    };
  });
  for (const b of entry.breakpoints)
    if (b.differentiable === true && b.leftDerivative.kind === 'finite')
      rows.push({
        text: { value: exactText(b.leftDerivative.value), condition: pointCondition(b.at, period).text },
        latex: { value: exactLatex(b.leftDerivative.value), condition: pointCondition(b.at, period).latex },
      });
  const [only] = rows;
  // One formula for every entry is no case split.
  if (rows.length === 1 && only && bps.length === 0) return { text: `∇f(X)_ij = ${only.text.value}`, latex: `\\nabla f(X)_{ij} = ${only.latex.value}` };
  const text = `∇f(X)_ij = ${rows.map((r) => `${r.text.value} if ${r.text.condition}`).join(', ')}`;
  const cases = rows.map((r) => `${r.latex.value} & \\text{if } ${r.latex.condition}`).join(' \\\\ ');
  return { text, latex: `\\nabla f(X)_{ij} = \\begin{cases} ${cases} \\end{cases}` };
}
