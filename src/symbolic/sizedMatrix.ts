/**
 * ones(m,n) and identity(n): the all-ones matrix and the identity sized by X's dimensions, as
 * derive prints them in gradients (sign(sum(X))*ones(m,n), 2*trace(X)*identity(n)), so that a
 * printed gradient reads back as a claim. Their arguments are the names m and n (X is m×n) or
 * positive integers.
 */
import type { Expr } from './syntax/ast.js';

type Call = Extract<Expr, { kind: 'call' }>;

/** Integer dimensions up to this size (larger ones are no shape X can have). */
const MAX_SIZE = 100_000;

export const isSizedMatrix = (name: string): boolean => name === 'ones' || name === 'identity';

/** rows × cols of a call of ones or identity for X of shape m × n, or why it has none. */
export function sizedMatrixShape<D>(e: Call, m: D, n: D, size: (k: number) => D): { rows: D; cols: D } | string {
  const want = e.name === 'ones' ? 2 : 1;
  if (e.args.length !== want) return `${e.name} takes ${want} argument${want === 1 ? '' : 's'}, got ${e.args.length}`;
  const dims = e.args.map((a): D | undefined => {
    if (a.kind === 'symbol' && (a.name === 'm' || a.name === 'n')) return a.name === 'm' ? m : n;
    return a.kind === 'number' && Number.isInteger(a.value) && a.value >= 1 && a.value <= MAX_SIZE ? size(a.value) : undefined;
  });
  if (dims.some((d) => d === undefined)) return `the arguments of ${e.name} are m and n, the dimensions of X (m×n), or positive integers`;
  const [rows, cols] = dims as D[];
  return { rows: rows!, cols: e.name === 'ones' ? cols! : rows! };
}
