/**
 * Kink surfaces named the way the user wrote f: the surface ⟨d, X⟩ = c of a
 * ridge function is z_ij = λc + β for the entry z_ij = λ⟨d, X⟩ + β of a
 * linear map Z of X that produced d (model.ts, Origin). Surfaces that read
 * the same apart from their entry are grouped and counted.
 */
import type { Poly } from '../exact/poly.js';
import * as P from '../exact/poly.js';
import type { Scalar } from '../scalar/expr.js';
import { constantPoly } from './univariate.js';
import { exactLatex, exactText, rationalText } from '../scalar/print.js';
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';
import type { Model } from './model.js';
import type { SurfaceJson } from './result.js';
import type { Univariate } from './univariate.js';
import type { Direction } from './directions.js';

const order = (o: number | 'inf' | null): string | null => (o === null ? null : o === 'inf' ? 'Cinf' : o < 0 ? 'discontinuous' : `C${o}`);

const latexLabel = (label: string): string =>
  label === 'X' ? 'X' : `(${label.replace(/[\\{}$&#^_%~]/g, (c) => `\\${c}`).replace(/\*/g, '').replace(/'/g, '^{\\top}')})`;

/** Terms of ⟨D, X⟩ written out entry by entry, up to this many; past it, uᵀ X w with u and w written out. */
const MAX_FORM_TERMS = 6;

/** ⟨D, X⟩ for D = u wᵀ as a formula in the entries of X: x_11 + x_12 - 2 x_21, or uᵀ X w. */
function formOf(model: Model, dir: Direction): { text: string; latex: string } {
  const u = model.table.vectors[dir.u]!;
  const w = model.table.vectors[dir.w]!;
  const terms: { q: Rational; i: number; j: number }[] = [];
  u.forEach((a, i) => w.forEach((b, j) => (Q.isZero(a) || Q.isZero(b) ? undefined : terms.push({ q: Q.mul(a, b), i, j }))));
  const big = u.length > 9 || w.length > 9;
  const index = (i: number, j: number): string => (big ? `${i + 1},${j + 1}` : `${i + 1}${j + 1}`);
  if (terms.length <= MAX_FORM_TERMS) {
    const term = (t: (typeof terms)[number], k: number, name: string): string => {
      const abs = Q.sign(t.q) < 0 ? Q.neg(t.q) : t.q;
      const sign = Q.sign(t.q) < 0 ? (k === 0 ? '-' : ' - ') : k === 0 ? '' : ' + ';
      return `${sign}${Q.isOne(abs) ? '' : `${rationalText(abs)} `}${name}`;
    };
    return {
      text: terms.map((t, k) => term(t, k, `x_${index(t.i, t.j)}`)).join(''),
      latex: terms.map((t, k) => term(t, k, `x_{${index(t.i, t.j)}}`)).join('').replace(/(\d+)\/(\d+) /g, '\\tfrac{$1}{$2} '),
    };
  }
  const vector = (v: readonly Rational[]): string[] => v.map((q) => exactLatex(P.constant(q)));
  return {
    text: `[${u.map(rationalText).join(', ')}] X [${w.map(rationalText).join(', ')}]^T`,
    latex: `\\begin{bmatrix} ${vector(u).join(' & ')} \\end{bmatrix} X \\begin{bmatrix} ${vector(w).join(' \\\\ ')} \\end{bmatrix}`,
  };
}

export function surfaceGroups(model: Model, atoms: readonly { dir: Direction; phi: Scalar }[], analyses: readonly Univariate[]): SurfaceJson[] {
  const groups = new Map<string, { text: string; latex: string; count: number; smoothness: string | null; infiniteSlope: boolean; entries: string[] }>();
  atoms.forEach((atom, k) => {
    const origin = model.origins.get(atom.dir.key)?.[0];
    for (const b of analyses[k]!.entry.breakpoints) {
      if (b.order === 'inf') continue;
      const smoothness = order(b.order);
      const infiniteSlope = b.continuous === true && (b.leftDerivative.kind === 'infinite' || b.rightDerivative.kind === 'infinite');
      let text: string;
      let latex: string;
      let entry: string;
      if (origin) {
        const value: Poly = P.add(P.mul(constantPoly(origin.scale), b.at), constantPoly(origin.offset));
        text = `(${origin.label})_ij = ${exactText(value)}`;
        latex = `${latexLabel(origin.label)}_{ij} = ${exactLatex(value)}`;
        entry = `${origin.i + 1},${origin.j + 1}`;
      } else {
        const form = formOf(model, atom.dir);
        text = `${form.text} = ${exactText(b.at)}`;
        latex = `${form.latex} = ${exactLatex(b.at)}`;
        entry = '';
      }
      const key = `${text}|${smoothness}|${infiniteSlope}`;
      const g = groups.get(key);
      if (g) {
        g.count++;
        if (g.entries.length < 6 && entry) g.entries.push(entry);
      } else groups.set(key, { text, latex, count: 1, smoothness, infiniteSlope, entries: entry ? [entry] : [] });
    }
  });
  return [...groups.values()].map(({ text, latex, count, smoothness, infiniteSlope, entries }) => ({
    text: entries.length ? `${text} at (i,j) = ${entries.map((e) => `(${e})`).join(', ')}${count > entries.length ? ', ...' : ''}` : text,
    latex,
    count,
    smoothness,
    infiniteSlope,
  }));
}
