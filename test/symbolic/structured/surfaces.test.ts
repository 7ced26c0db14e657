/**
 * Kink surfaces are named by the expression the user wrote: "(L)_ij = v" must hold exactly where f
 * has its kinks. Each case lists points that lie on a kink (derived by hand); the printed label L,
 * evaluated there by mathjs (independent of kinkproof), must equal v at an entry the surface names,
 * and kinkproof's own point decision must call the point not differentiable. A scalar added to a
 * linear map (A*X + 1, X*W - 1, 0.5 - A*X) once kept the map's label without the scalar.
 */
import { evaluate, matrix } from 'mathjs';
import type { Matrix as MathMatrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { cli, parsed } from '../../cli/inProcess.js';

interface SurfaceCase {
  readonly expr: string;
  readonly consts: Record<string, number[][]>;
  readonly shape: string;
  /** Points on a kink surface, with the surface's (i, j) entry that vanishes there (1-based). */
  readonly onKink: readonly { readonly X: number[][]; readonly entry: readonly [number, number] }[];
}

const A = [[1, 2], [3, 4]];
const CASES: readonly SurfaceCase[] = [
  // relu(z) kinks at z = 0, z = (A x)_i + 1: x = (-1, 0) makes (A x)_1 = -1.
  { expr: 'sum(relu(A*X+1))', consts: { A }, shape: '2,1', onKink: [{ X: [[-1], [0]], entry: [1, 1] }, { X: [[-1], [0.5]], entry: [2, 1] }] },
  // relu(B - A x) kinks at (A x)_i = 1/2: x = (1/2, 0) for i = 1; x = (0, 1/8) for i = 2.
  { expr: 'sum(relu(0.5-A*X))', consts: { A }, shape: '2,1', onKink: [{ X: [[0.5], [0]], entry: [1, 1] }, { X: [[0], [0.125]], entry: [2, 1] }] },
  { expr: 'sum(relu(-(A*X)+2))', consts: { A }, shape: '2,1', onKink: [{ X: [[2], [0]], entry: [1, 1] }] },
  // |X w - 1| kinks at x_i1 + 2 x_i2 = 1.
  { expr: 'sum(abs(X*W-1))', consts: { W: [[1], [2]] }, shape: '2,2', onKink: [{ X: [[1, 0], [5, 5]], entry: [1, 1] }, { X: [[0, 0], [-1, 1]], entry: [2, 1] }] },
  // A 1×1 constant is a scalar added to every entry.
  { expr: 'sum(relu(A*X+B))', consts: { A, B: [[1]] }, shape: '2,1', onKink: [{ X: [[-1], [0]], entry: [1, 1] }] },
  { expr: "norm(relu(A*X+B),'fro')^2+sum(abs(A*X+B))", consts: { A: [[1, 2]], B: [[1]] }, shape: '2,1', onKink: [{ X: [[1], [-1]], entry: [1, 1] }] },
  // Two offsets on one direction: both surfaces, named by one label.
  { expr: 'sum(relu(A*X-0.5))+sum(relu(A*X))', consts: { A }, shape: '2,1', onKink: [{ X: [[0.5], [0]], entry: [1, 1] }, { X: [[0], [0]], entry: [1, 1] }] },
  // A full offset matrix (it was right before).
  { expr: 'sum(relu(A*X+B))', consts: { A, B: [[1], [2]] }, shape: '2,1', onKink: [{ X: [[-1], [0]], entry: [1, 1] }] },
];

const constFlags = (consts: SurfaceCase['consts']): string[] => Object.entries(consts).map(([k, v]) => `--const=${k}=${JSON.stringify(v)}`);

/** "(L)_ij = v at (i,j) = (1,1), (2,1)" → L, v and the entries. */
function surface(text: string): { label: string; value: string; entries: string[] } {
  const m = /^\((.*)\)_ij = (\S+)(?: at \(i,j\) = (.*))?$/.exec(text);
  if (!m) throw new Error(`not a labelled surface: ${text}`);
  return { label: m[1]!, value: m[2]!, entries: [...(m[3] ?? '').matchAll(/\((\d+),(\d+)\)/g)].map((e) => `${e[1]},${e[2]}`) };
}

describe('kink surfaces name the expression whose entry vanishes there', () => {
  it.each(CASES)('$expr', async ({ expr, consts, shape, onKink }) => {
    const at = onKink.map((p) => `--at=${JSON.stringify(p.X)}`);
    const out = parsed<{ surfaces: { text: string }[]; at: { differentiable: boolean | null }[] }>(
      await cli(['derive', expr, ...constFlags(consts), '--shape', shape, ...at, '--json', '--no-verify']),
    );
    const surfaces = out.surfaces.map((s) => surface(s.text));
    onKink.forEach(({ X, entry: [i, j] }, k) => {
      expect(out.at[k]!.differentiable, `kinkproof at ${JSON.stringify(X)}`).toBe(false);
      const scope = { ...Object.fromEntries(Object.entries(consts).map(([name, v]) => [name, v.length === 1 && v[0]!.length === 1 ? v[0]![0]! : matrix(v)])), X: matrix(X) };
      const holds = surfaces.some(({ label, value, entries }) => {
        if (!entries.includes(`${i},${j}`)) return false;
        const L = evaluate(label, scope) as MathMatrix;
        return Math.abs((L.get([i - 1, j - 1]) as number) - Number(evaluate(value))) < 1e-12;
      });
      expect(holds, `${JSON.stringify(X)} on none of ${out.surfaces.map((s) => s.text).join('; ')}`).toBe(true);
    });
  });
});
