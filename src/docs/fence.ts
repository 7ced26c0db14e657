/**
 * A ```kinkproof fence: the first non-blank line is f, later lines are
 * `key: value`:
 *
 *     norm(relu(X),'fro')^2
 *     claim: 2*max(X,0)
 *     at: [[0,1],[-2,0]]
 *     show: cases, gradient, subdifferential, verification
 *
 * `claim` (at most once) is a claimed gradient, `at` (repeatable) a matrix to
 * evaluate at, `show` (at most once) the parts of the derivation to include.
 */
import type { StepKind } from '../report/model.js';

/** What `show:` may name, and the steps of the derivation each part stands for. */
export const SHOW_PARTS = {
  statement: ['statement', 'reduction'],
  cases: ['cases', 'piece-derivatives', 'breakpoint-limits', 'continuity', 'surfaces', 'differentiability'],
  gradient: ['lifting-theorem', 'gradient'],
  subdifferential: ['convexity', 'subdifferential'],
  claim: ['claim'],
  at: ['point'],
  verification: ['verification'],
  conclusion: ['conclusion'],
} as const satisfies Record<string, readonly StepKind[]>;

export type ShowPart = keyof typeof SHOW_PARTS;

export interface Fence {
  readonly formula: string;
  readonly claim: string | null;
  /** Matrices as written (`[[0,1],[-2,0]]`), in order. */
  readonly at: readonly string[];
  /** null: show everything. */
  readonly show: readonly ShowPart[] | null;
}

/** A malformed fence; `line` counts the fence's own lines from 1. */
export class FenceError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'FenceError';
  }
}

const isShowPart = (word: string): word is ShowPart => Object.hasOwn(SHOW_PARTS, word);

function showParts(value: string, line: number): ShowPart[] {
  const words = value.split(',').map((w) => w.trim());
  for (const w of words) {
    if (!isShowPart(w)) throw new FenceError(`show: unknown part ${JSON.stringify(w)} (known: ${Object.keys(SHOW_PARTS).join(', ')})`, line);
  }
  return words as ShowPart[];
}

export function parseFence(body: string): Fence {
  let formula: string | null = null;
  let claim: string | null = null;
  let show: ShowPart[] | null = null;
  const at: string[] = [];
  for (const [index, raw] of body.split(/\r?\n/).entries()) {
    const line = index + 1;
    const text = raw.trim();
    if (text === '') continue;
    if (formula === null) {
      formula = text;
      continue;
    }
    const m = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(text);
    if (!m) throw new FenceError("expected 'claim:', 'at:' or 'show:' after the formula", line);
    const key = m[1]!;
    const value = m[2]!;
    if (value === '') throw new FenceError(`${key}: the value is missing`, line);
    if (key === 'claim' && claim === null) claim = value;
    else if (key === 'show' && show === null) show = showParts(value, line);
    else if (key === 'at') at.push(value);
    else if (key === 'claim' || key === 'show') throw new FenceError(`${key}: given twice`, line);
    else throw new FenceError(`unknown key ${JSON.stringify(key)} (known: claim, at, show)`, line);
  }
  if (formula === null) throw new FenceError('the fence is empty: its first line should be the function f', 1);
  return { formula, claim, at, show };
}
