/**
 * Numbers and matrices of a structured analysis as LaTeX. The analysis hands
 * over doubles, each the nearest double of an exact number: a double that is
 * exactly p/q with a small q is printed as that fraction, any other as its
 * shortest decimal. Unit matrices E_ij are recognised, so a set reads
 * conv{E_11, E_12} rather than as two 2×2 arrays.
 */
import type { Matrix, SetAnswer } from '../../../symbolic/index.js';
import { shortestLatex, valueLatex } from '../numbers.js';
import { bmatrix, fitsOnALine, smallShape } from '../matrixLayout.js';

const MAX_DENOMINATOR = 1000;

/** p/q with q ≤ 1000 that is exactly the double x, or null. */
export function smallFraction(x: number): { p: number; q: number } | null {
  if (!Number.isFinite(x)) return null;
  if (Number.isInteger(x)) return { p: x === 0 ? 0 : x, q: 1 };
  for (let q = 2; q <= MAX_DENOMINATOR; q++) {
    const p = Math.round(x * q);
    if (p / q === x && Number.isSafeInteger(p)) return { p, q };
  }
  return null;
}

/** A number: an integer, \frac{p}{q}, or the shortest decimal that reads back as the double. */
export function numberLatex(x: number, small = false): string {
  const f = smallFraction(x);
  if (!f) return shortestLatex(x);
  if (f.q === 1) return String(f.p);
  const frac = small ? '\\tfrac' : '\\frac';
  return `${f.p < 0 ? '-' : ''}${frac}{${Math.abs(f.p)}}{${f.q}}`;
}

/** Printed entry by entry when the shape is small and the rows fit a line; larger ones are described by their shape. */
const entriesLatex = (M: Matrix): string[][] => M.map((r) => r.map((x) => roundedLatex(x, true)));

export const printable = (M: Matrix): boolean => smallShape(M.length, M[0]?.length ?? 0) && fitsOnALine(entriesLatex(M));

/** Every entry is exactly an integer or a fraction p/q with q ≤ 1000 (else entries are rounded to 7 digits). */
export const exactEntries = (M: Matrix): boolean => M.every((r) => r.every((x) => smallFraction(x) !== null));

/** Every number the set is written with (center, matrices, bounds, radii) is an integer or a small fraction: the set is exact as printed. */
export function exactSet(s: SetAnswer): boolean {
  const flat = (M: readonly (readonly number[])[]): number[] => M.flat();
  const numbers = [
    ...flat(s.center),
    ...s.parts.flatMap((p) =>
      p.kind === 'segment' ? [...flat(p.matrix), p.lo, p.hi] : p.kind === 'hull' ? p.vertices.flatMap(flat) : [p.radius, ...p.components.flatMap((c) => [...flat(c.matrix), c.lo, c.hi])],
    ),
  ];
  return numbers.every((x) => smallFraction(x) !== null);
}

/** The number, or rounded to 7 significant digits when it is not a small fraction (then say ≈). */
export const roundedLatex = (x: number, small = false): string => (smallFraction(x) ? numberLatex(x, small) : valueLatex(x));

export function matrixLatex(M: Matrix): string {
  if (!printable(M)) return `\\text{(a ${M.length} by ${M[0]?.length ?? 0} matrix, in the JSON output)}`;
  return bmatrix(entriesLatex(M));
}

export const isZeroMatrix = (M: Matrix): boolean => M.every((r) => r.every((x) => x === 0));

/** c·E_ij: the matrix has exactly one non-zero entry (indices from 0). */
export function unitEntry(M: Matrix): { i: number; j: number; c: number } | null {
  let found: { i: number; j: number; c: number } | null = null;
  for (let i = 0; i < M.length; i++)
    for (let j = 0; j < M[i]!.length; j++) {
      const x = M[i]![j]!;
      if (x === 0) continue;
      if (found) return null;
      found = { i, j, c: x };
    }
  return found;
}

/** The subscript of entry (i, j) (from 0): `12`, or `10,3` once an index has two digits. */
export const indexLatex = (i: number, j: number): string => (i >= 9 || j >= 9 ? `${i + 1},${j + 1}` : `${i + 1}${j + 1}`);

/** E_{ij}, with its coefficient: 2E_{11}, -E_{12}, \frac{1}{2}E_{21}. */
export function unitLatex(u: { i: number; j: number; c: number }): string {
  const e = `E_{${indexLatex(u.i, u.j)}}`;
  if (u.c === 1) return e;
  if (u.c === -1) return `-${e}`;
  return `${numberLatex(u.c)} ${e}`;
}

/** A matrix as c·E_ij when it is one, else printed (or null when it is too large to print). */
export function namedOrPrinted(M: Matrix): string | null {
  const u = unitEntry(M);
  if (u) return unitLatex(u);
  if (isZeroMatrix(M)) return '0';
  return printable(M) ? matrixLatex(M) : null;
}

/** The set K of entries as LaTeX: \{(1,1), (2,2)\}. */
export const entrySetLatex = (entries: readonly { i: number; j: number }[]): string =>
  `\\{${entries.map((e) => `(${e.i + 1}, ${e.j + 1})`).join(', ')}\\}`;
