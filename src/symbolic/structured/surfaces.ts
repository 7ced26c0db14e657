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
import { exactLatex, exactText } from '../scalar/print.js';
import type { Model } from './model.js';
import type { SurfaceJson } from './result.js';
import type { Univariate } from './univariate.js';
import type { Direction } from './directions.js';

const order = (o: number | 'inf' | null): string | null => (o === null ? null : o === 'inf' ? 'Cinf' : o < 0 ? 'discontinuous' : `C${o}`);

const latexLabel = (label: string): string =>
  label === 'X' ? 'X' : `(${label.replace(/[\\{}$&#^_%~]/g, (c) => `\\${c}`).replace(/\*/g, '').replace(/'/g, '^{\\top}')})`;

export function surfaceGroups(model: Model, atoms: readonly { dir: Direction; phi: Scalar }[], analyses: readonly Univariate[]): SurfaceJson[] {
  const groups = new Map<string, { text: string; latex: string; count: number; smoothness: string | null; entries: string[] }>();
  atoms.forEach((atom, k) => {
    const origin = model.origins.get(atom.dir.key)?.[0];
    for (const b of analyses[k]!.entry.breakpoints) {
      if (b.order === 'inf') continue;
      const smoothness = order(b.order);
      let text: string;
      let latex: string;
      let entry: string;
      if (origin) {
        const value: Poly = P.add(P.mul(constantPoly(origin.scale), b.at), constantPoly(origin.offset));
        text = `(${origin.label})_ij = ${exactText(value)}`;
        latex = `${latexLabel(origin.label)}_{ij} = ${exactLatex(value)}`;
        entry = `${origin.i + 1},${origin.j + 1}`;
      } else {
        text = `<d, X> = ${exactText(b.at)} for a direction d`;
        latex = `\\langle D, X\\rangle = ${exactLatex(b.at)}`;
        entry = atom.dir.key;
      }
      const key = `${text}|${smoothness}`;
      const g = groups.get(key);
      if (g) {
        g.count++;
        if (g.entries.length < 6) g.entries.push(entry);
      } else groups.set(key, { text, latex, count: 1, smoothness, entries: [entry] });
    }
  });
  return [...groups.values()].map(({ text, latex, count, smoothness, entries }) => ({
    text: `${text} at (i,j) = ${entries.map((e) => `(${e})`).join(', ')}${count > entries.length ? ', ...' : ''}`,
    latex,
    count,
    smoothness,
  }));
}
