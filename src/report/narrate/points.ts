/**
 * The answer at a given matrix (a docs fence's `at:` line, the CLI's --at):
 * f(X), and ∇f(X), or the set ∂f(X) entry by entry, or why neither exists.
 * The values were decided exactly by the analysis and rounded to doubles; this
 * step only writes them down.
 */
import type { PointResult } from '../../symbolic/index.js';
import type { Block, Step } from '../model.js';
import { display, math, paragraph, text } from '../model.js';
import { shortestLatex } from './numbers.js';

const matrixLatex = (rows: readonly (readonly string[])[]): string =>
  `\\begin{pmatrix} ${rows.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;

const numbersLatex = (rows: readonly (readonly number[])[]): string => matrixLatex(rows.map((r) => r.map(shortestLatex)));

const intervalLatex = ([lo, hi]: readonly [number, number]): string =>
  lo === hi ? `\\{${shortestLatex(lo)}\\}` : `[${shortestLatex(lo)}, ${shortestLatex(hi)}]`;

function derivativeBlocks(p: PointResult): Block[] {
  if (p.gradient) return [display(`\\nabla f(X) = ${numbersLatex(p.gradient)}`)];
  if (p.subdifferential) {
    const symbol = p.subdifferentialKind === 'clarke' ? '\\partial_C' : '\\partial';
    const name = p.subdifferentialKind === 'clarke' ? 'Clarke’s generalized gradient' : 'the subdifferential';
    return [
      paragraph(math('f'), text(` is not differentiable at this X; ${name} is the set of matrices whose entries lie in these sets:`)),
      display(`${symbol} f(X) = \\{ G : G_{ij} \\in S_{ij} \\}, \\quad S = ${matrixLatex(p.subdifferential.map((r) => r.map(intervalLatex)))}`),
    ];
  }
  return [paragraph(text(p.reason ?? 'Neither a gradient nor a subdifferential was decided here.'))];
}

/** One step per point, in the order given. */
export function pointStep(p: PointResult): Step {
  return {
    kind: 'point',
    title: [text('At '), math(`X = ${numbersLatex(p.X)}`)],
    established: p.differentiable === null ? 'unknown' : 'exact',
    blocks: [
      display(`f(X) = ${shortestLatex(p.value)}`),
      ...derivativeBlocks(p),
      paragraph(text('Decided with the exact entries; the numbers shown are the exact values rounded to the nearest double.')),
    ],
  };
}
