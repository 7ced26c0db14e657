/** The definitions of the named algebraic numbers r₁, r₂, … (symbolic/scalar/rootNames.ts), said once where the breakpoints are listed. */
import { rootPartsLatex } from '../../symbolic/index.js';
import type { RootNames } from '../../symbolic/index.js';
import type { Inlines } from '../model.js';
import { math, text } from '../model.js';
import { listInlines } from './notation.js';

/** "r_1 ≈ −3.385219 is the root of 3t³ + 6t² − 12t + 7 in (−4, −3), and r_2 ≈ …"; empty when no root is named. */
export function rootDefinitions(names: RootNames): Inlines {
  return listInlines(
    names.roots.map((root, i) => {
      const { polynomial, interval, value } = rootPartsLatex(root, 't');
      return [math(`r_{${i + 1}} \\approx ${value}`), text(' is the root of '), math(polynomial), text(' in '), math(interval)];
    }),
  );
}
