/**
 * Entries of matrix expressions as sums of ridge functions: an entry is
 * c + Σ_d φ_d(⟨d, X⟩), one φ per direction d (directions.ts). Linear
 * operations (sums, scaling, products with constant matrices, sum, trace)
 * keep that form; an entry-wise nonlinear function needs one direction per
 * entry, since φ(⟨d₁,X⟩ + ⟨d₂,X⟩) with d₁ ∦ d₂ is no longer a ridge function.
 * Atoms on the same direction are added into one φ here, which is where kinks
 * on one surface are brought together before anything is decided
 * (NONSMOOTH.md: σ(t)² + σ(−t)² = t²).
 */
import type { Scalar } from '../scalar/expr.js';
import { dependsOnT, int, VAR } from '../scalar/expr.js';
import { addS, mulS } from '../scalar/build.js';
import type { Direction } from './directions.js';

export interface Atom {
  readonly dir: Direction;
  /** φ(t) with t = ⟨dir, X⟩. */
  readonly phi: Scalar;
}

export interface Cell {
  /** The part that does not depend on X (a constant expression). */
  readonly c: Scalar;
  /** At most one atom per direction. */
  readonly atoms: readonly Atom[];
}

export const ZERO_CELL: Cell = { c: int(0), atoms: [] };
export const constantCell = (c: Scalar): Cell => ({ c, atoms: [] });
export const linearCell = (dir: Direction, scale: Scalar): Cell => ({ c: int(0), atoms: [{ dir, phi: mulS(scale, VAR) }] });

export function addCells(...cells: readonly Cell[]): Cell {
  if (cells.length === 1) return cells[0]!;
  const byKey = new Map<string, { dir: Direction; phis: Scalar[] }>();
  const constants: Scalar[] = [];
  for (const cell of cells) {
    constants.push(cell.c);
    for (const a of cell.atoms) {
      const slot = byKey.get(a.dir.key);
      if (slot) slot.phis.push(a.phi);
      else byKey.set(a.dir.key, { dir: a.dir, phis: [a.phi] });
    }
  }
  const atoms: Atom[] = [];
  for (const { dir, phis } of byKey.values()) {
    const phi = phis.length === 1 ? phis[0]! : addS(...phis);
    // Terms that cancelled (relu(t) − relu(t)) leave a constant: it is no longer a function of this direction.
    if (dependsOnT(phi)) atoms.push({ dir, phi });
    else constants.push(phi);
  }
  return { c: addS(...constants), atoms };
}

export const scaleCell = (cell: Cell, k: Scalar): Cell => ({ c: mulS(k, cell.c), atoms: cell.atoms.map((a) => ({ dir: a.dir, phi: mulS(k, a.phi) })) });

/** The entry as one expression in t when it has at most one direction; else the two directions that meet. */
export function asSingle(cell: Cell): { dir: Direction | null; expr: Scalar } | { clash: [Direction, Direction] } {
  if (cell.atoms.length === 0) return { dir: null, expr: cell.c };
  if (cell.atoms.length > 1) return { clash: [cell.atoms[0]!.dir, cell.atoms[1]!.dir] };
  const atom = cell.atoms[0]!;
  return { dir: atom.dir, expr: addS(cell.c, atom.phi) };
}

/** A cell made of one function of one direction (or a constant). */
export const singleCell = (dir: Direction | null, expr: Scalar): Cell =>
  dir === null ? constantCell(expr) : { c: int(0), atoms: [{ dir, phi: expr }] };
