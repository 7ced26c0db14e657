/** Picking what is shown: the shortest proposal that is proved equal to the form it replaces. */
import { keyOf } from '../scalar/expr.js';
import type { Scalar } from '../scalar/expr.js';
import { printText } from '../scalar/print.js';

/**
 * How long a formula reads: its printed text without spaces, each function
 * name one symbol (typeset, heaviside(t) is H(t) and sqrt(t) is √t).
 */
const readingLength = (s: Scalar): number => printText(s).replace(/\s+/g, '').replace(/[A-Za-z]{2,}/g, 'f').length;

/**
 * The shortest candidate (by its reading length; on a tie the earlier one) that
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
    .map((s, i) => ({ s, i, length: readingLength(s) }))
    .sort((a, b) => a.length - b.length || a.i - b.i);
  return ranked.find(({ s }) => proved(s))?.s;
}
