/** Picking what is shown: the shortest proposal that is proved equal to the form it replaces. */
import { keyOf } from '../scalar/expr.js';
import type { Scalar } from '../scalar/expr.js';
import { printText } from '../scalar/print.js';

/**
 * The shortest candidate (by its printed text; on a tie the earlier one) that
 * `proved` accepts, or undefined when none is. Candidates are tried shortest
 * first, so a proof is attempted only until one succeeds.
 */
export function shortestProved(candidates: readonly Scalar[], proved: (s: Scalar) => boolean): Scalar | undefined {
  const seen = new Set<string>();
  const ranked = candidates
    .filter((s) => {
      const key = keyOf(s);
      return !seen.has(key) && (seen.add(key), true);
    })
    .map((s, i) => ({ s, i, length: printText(s).length }))
    .sort((a, b) => a.length - b.length || a.i - b.i);
  return ranked.find(({ s }) => proved(s))?.s;
}
