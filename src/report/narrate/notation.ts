/**
 * The small pieces of notation every narration step shares: exact constants,
 * limits, intervals, derivatives of φ and one-sided approaches, all as LaTeX
 * generated from the analysis (never from user text).
 */
import { applyLatex, exactLatex, intervalBounds, isNamedRoot, P, parenLatex, printLatex, SCALAR } from '../../symbolic/index.js';
import type { Limit, Poly, Scalar } from '../../symbolic/index.js';
import type { Inline, Inlines } from '../model.js';
import { math, text } from '../model.js';

export type Side = -1 | 1;
export const SIDES: readonly Side[] = [-1, 1];

export const exact = (p: Poly): string => exactLatex(p);
export const phiLatex = (s: Scalar): string => printLatex(s, SCALAR);

/** `a - b`, with b in parentheses when it is negative. */
export const difference = (a: string, b: string): string => `${a} - ${b.startsWith('-') ? parenLatex(b) : b}`;

/** A decided limit's value: an exact constant or ±∞. */
export const knownLimitLatex = (l: Exclude<Limit, { kind: 'unknown' }>): string =>
  l.kind === 'finite' ? exact(l.value) : l.sign > 0 ? '+\\infty' : '-\\infty';

/** A limit's value, or undefined when it was not decided. */
export const limitLatex = (l: Limit): string | undefined => (l.kind === 'unknown' ? undefined : knownLimitLatex(l));

/** A non-negative integer or a named root (r_{1}) reads as one symbol, so `c^{+}` is unambiguous. */
function isAtomic(c: Poly): boolean {
  const q = P.asRational(c);
  return (q !== undefined && q.num >= 0n && q.den === 1n) || isNamedRoot(c);
}

/** `c^{+}` or `(c)^{-}`: the point approached from one side. */
export function approach(c: Poly, side: Side): string {
  const sup = side < 0 ? '^{-}' : '^{+}';
  return isAtomic(c) ? `${exact(c)}${sup}` : `${parenLatex(exact(c))}${sup}`;
}

/** `\varphi(0)`, or `{\varphi\!\left(\frac{\sqrt{2}}{2}\right)}` where plain parentheses would be too small (applyLatex). */
export function at(c: Poly, f = '\\varphi'): string {
  const value = exact(c);
  return applyLatex(f, [value]);
}

/** `\lim_{t\to c^{+}}`, with any variable name. */
export const limitOperator = (variable: string, target: string): string => `\\lim_{${variable} \\to ${target}}`;

/** `\varphi'`, `\varphi''`, `\varphi^{(k)}`. */
export function derivativeSymbol(k: number, base = '\\varphi'): string {
  if (k === 0) return base;
  if (k <= 2) return `${base}${"'".repeat(k)}`;
  return `${base}^{(${k})}`;
}

/** `\varphi'_{-}(c)` / `\varphi'_{+}(c)`: a one-sided derivative. */
export const oneSidedDerivative = (c: Poly, side: Side): string => at(c, `\\varphi'_{${side < 0 ? '-' : '+'}}`);

/** The condition for the open interval (lo, hi) in the variable v. */
/**
 * The condition that v lies in piece i between the breakpoints; for a
 * periodic φ (period P) in any copy of it, (lo, hi) + Pℤ.
 */
export function pieceCondition(bps: readonly Poly[], i: number, period: Poly | undefined, v = 't'): string {
  const { lo, hi } = intervalBounds(bps, i, period);
  if (period && lo && hi) return `${v} \\in \\left(${exact(lo)}, ${exact(hi)}\\right) + ${exact(period)}\\mathbb{Z}`;
  return intervalCondition(lo, hi, v);
}

/** The point c, or for a periodic φ its family c + Pℤ. */
export const familyLatex = (c: Poly, period: Poly | undefined): string =>
  !period ? exact(c) : P.isZero(c) ? `${exact(period)}\\mathbb{Z}` : `${exact(c)} + ${exact(period)}\\mathbb{Z}`;

/** "equal to 0 or 1", or for a periodic φ "in 2πℤ or π + 2πℤ": where an entry sits on one of the points. */
export const onPoints = (points: readonly Poly[], period: Poly | undefined): Inline[] => [
  text(period ? ' in ' : ' equal to '),
  ...listInlines(points.map((c) => [math(familyLatex(c, period))]), 'or'),
];

/** v = c, or for a periodic φ v ∈ c + Pℤ (the family c stands for). */
export const pointCondition = (c: Poly, period: Poly | undefined, v = 't'): string =>
  !period ? `${v} = ${exact(c)}` : P.isZero(c) ? `${v} \\in ${exact(period)}\\mathbb{Z}` : `${v} \\in ${exact(c)} + ${exact(period)}\\mathbb{Z}`;

function intervalCondition(lo: Poly | undefined, hi: Poly | undefined, v: string): string {
  if (lo && hi) return `${exact(lo)} < ${v} < ${exact(hi)}`;
  if (hi) return `${v} < ${exact(hi)}`;
  if (lo) return `${v} > ${exact(lo)}`;
  return `${v} \\in \\mathbb{R}`;
}

/** "left" / "right", for prose. */
export const sideWord = (side: Side): string => (side < 0 ? 'left' : 'right');

export interface Dims {
  readonly m: number | string;
  readonly n: number | string;
}

const dim = (d: number | string, fallback: string): string => (typeof d === 'number' ? String(d) : fallback);

/** ℝ^{m×n}, with the dimensions fixed by the input where it fixes them. */
export const domainLatex = (dims: Dims): string => `\\mathbb{R}^{${dim(dims.m, 'm')} \\times ${dim(dims.n, 'n')}}`;

/** `\sum_{i=1}^{m} \sum_{j=1}^{n}`, with fixed dimensions where known. */
export const entrySum = (dims: Dims): string => `\\sum_{i=1}^{${dim(dims.m, 'm')}} \\sum_{j=1}^{${dim(dims.n, 'n')}}`;

/** Joins inline runs with text separators: [a], [b], [c] → a, b and c. */
export function listInlines(items: readonly Inline[][], conjunction = 'and'): Inlines {
  const out: Inline[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(text(i === items.length - 1 ? ` ${conjunction} ` : ', '));
    out.push(...item);
  });
  return out;
}

/** `C^{k}`, `C^{\infty}`. */
export const classLatex = (k: number | 'inf'): string => (k === 'inf' ? 'C^{\\infty}' : `C^{${k}}`);
