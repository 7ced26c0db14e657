/**
 * The structured path at scale (issue 12): a point decision and gradient for
 * a linear layer ‖σ(AX + B) − Y‖_F² with A 200×200 and X 200×50 (10,000
 * ridge functions, every one distinct), exact at the point.
 */
import { analyzeAny } from '../src/symbolic/derive.js';
import { matrixFromNumbers } from '../src/symbolic/shapes.js';
import { Rng } from '../src/numeric/rng.js';

const REPEATS = 3;

/** Entries with two decimals in [−1, 1] (exact decimals, as a user writes them). */
function decimals(rng: Rng, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.round((rng.uniform() * 2 - 1) * 100) / 100));
}

export function structuredBench(): { median: number; first: number; differentiable: boolean | null } {
  const rng = new Rng(12, 0);
  const constants = new Map([
    ['A', matrixFromNumbers(decimals(rng, 200, 200))],
    ['B', matrixFromNumbers(decimals(rng, 200, 50))],
    ['Y', matrixFromNumbers(decimals(rng, 200, 50))],
  ]);
  const at = [matrixFromNumbers(decimals(rng, 200, 50))];
  const times: number[] = [];
  let differentiable: boolean | null = null;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    const a = analyzeAny("norm(relu(A*X+B)-Y,'fro')^2", { constants, at });
    times.push(performance.now() - t0);
    if (a.kind !== 'structured' || !a.json.at[0]!.gradient) throw new Error('expected a structured answer with a gradient');
    differentiable = a.json.at[0]!.differentiable;
  }
  const first = times[0]!;
  times.sort((x, y) => x - y);
  return { first, median: times[Math.floor(times.length / 2)]!, differentiable };
}
