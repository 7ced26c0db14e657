/**
 * Delimiters of LaTeX math: parentheses, brackets, bars (abs) and double bars
 * (norms), each alone or after a size command (`\left`, `\bigl`, …). A plain
 * bar is ambiguous (it opens and closes); the parser resolves it by position.
 */
import type { LatexToken } from './latexLexer.js';

export type Fence = 'paren' | 'bracket' | 'bar' | 'norm';
export type Role = 'open' | 'close' | 'either';
/** `\left`/`\right` must pair with each other; `\bigl`, `\big` and friends need not. */
export type Sizing = 'left' | 'right' | 'none';

const DELIMITERS: Readonly<Record<string, { fence: Fence; role: Role }>> = {
  '(': { fence: 'paren', role: 'open' },
  ')': { fence: 'paren', role: 'close' },
  '[': { fence: 'bracket', role: 'open' },
  ']': { fence: 'bracket', role: 'close' },
  '|': { fence: 'bar', role: 'either' },
  '\\vert': { fence: 'bar', role: 'either' },
  '\\lvert': { fence: 'bar', role: 'open' },
  '\\rvert': { fence: 'bar', role: 'close' },
  '\\|': { fence: 'norm', role: 'either' },
  '\\Vert': { fence: 'norm', role: 'either' },
  '\\lVert': { fence: 'norm', role: 'open' },
  '\\rVert': { fence: 'norm', role: 'close' },
};

const SIZE_ROLE: Readonly<Record<string, Role>> = {
  '\\bigl': 'open', '\\Bigl': 'open', '\\biggl': 'open', '\\Biggl': 'open',
  '\\bigr': 'close', '\\Bigr': 'close', '\\biggr': 'close', '\\Biggr': 'close',
  '\\big': 'either', '\\Big': 'either', '\\bigg': 'either', '\\Bigg': 'either',
};

export interface FenceToken {
  readonly fence: Fence;
  readonly role: Role;
  readonly sizing: Sizing;
  /** Tokens it takes: 2 with a size command. */
  readonly length: 1 | 2;
}

/** The kind of a plain bar or double bar (`|`, `\\|`, `\\big|`), which opens or closes by position; undefined for any other fence. */
export const plainBar = (f: FenceToken | undefined): 'bar' | 'norm' | undefined =>
  f && f.role === 'either' && (f.fence === 'bar' || f.fence === 'norm') ? f.fence : undefined;

/** Is this token a size command (`\left`, `\bigr`, …) that must be followed by a delimiter? */
export const isSizeCommand = (t: LatexToken): boolean =>
  t.kind === 'command' && (t.text === '\\left' || t.text === '\\right' || Object.hasOwn(SIZE_ROLE, t.text));

/** The delimiter that `t` (and `next`, after a size command) spell, if any. */
export function fenceAt(t: LatexToken, next: () => LatexToken): FenceToken | undefined {
  if (t.kind === 'symbol' || (t.kind === 'command' && !isSizeCommand(t))) {
    const d = Object.hasOwn(DELIMITERS, t.text) ? DELIMITERS[t.text] : undefined;
    return d && { ...d, sizing: 'none', length: 1 };
  }
  if (!isSizeCommand(t)) return undefined;
  const n = next();
  const d = Object.hasOwn(DELIMITERS, n.text) && n.kind !== 'letter' ? DELIMITERS[n.text] : undefined;
  if (!d) return undefined;
  const sizeRole: Role = t.text === '\\left' ? 'open' : t.text === '\\right' ? 'close' : SIZE_ROLE[t.text]!;
  if (sizeRole !== 'either' && d.role !== 'either' && d.role !== sizeRole) return undefined;
  const role = sizeRole === 'either' ? d.role : sizeRole;
  return { fence: d.fence, role, sizing: t.text === '\\left' ? 'left' : t.text === '\\right' ? 'right' : 'none', length: 2 };
}

/** How the closing delimiter for an opener of `fence` is written, for messages. */
export function closerText(fence: Fence, sizing: Sizing, role: Role): string {
  const plain = { paren: ')', bracket: ']', bar: '|', norm: '\\|' }[fence];
  if (sizing === 'left') return `\\right${plain}`;
  if (role === 'either' || fence === 'paren' || fence === 'bracket') return plain;
  return fence === 'bar' ? '\\rvert' : '\\rVert';
}
