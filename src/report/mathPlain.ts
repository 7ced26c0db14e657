/**
 * Generated math as plain Unicode text, for what cannot hold math: PDF
 * bookmarks of headings (hyperref's `\texorpdfstring`). `\lVert \sigma(X)
 * \rVert_F^{2}` reads `‖σ(X)‖_F^2`; commands with a character of their own
 * (escape.ts's table) become it, other commands their names (`\max` → max).
 */
import { mathCommandChar } from './escape.js';

const SPACES = new Set([',', ':', ';', ' ', 'quad', 'qquad']);
const DROPPED = new Set(['!', 'left', 'right', 'big', 'Big', 'bigl', 'bigr', 'Bigl', 'Bigr', 'displaystyle', 'limits']);
const STYLES = new Set(['operatorname', 'text', 'mathrm', 'mathbf', 'mathcal', 'boldsymbol', 'mathit']);
const SYMBOLS: Readonly<Record<string, string>> = {
  lVert: '‖', rVert: '‖', Vert: '‖', lvert: '|', rvert: '|', vert: '|', '{': '{', '}': '}', ldots: '…', dots: '…', times: '×', cdot: '·', le: '≤', ge: '≥', ne: '≠',
};
const DOUBLE_STRUCK: Readonly<Record<string, string>> = { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ' };

interface Cursor {
  readonly s: string;
  i: number;
}

/** The brace group (or single token) at the cursor, as plain text. */
function argument(c: Cursor): string {
  while (c.s[c.i] === ' ') c.i++;
  if (c.s[c.i] !== '{') return token(c);
  let depth = 0;
  const start = ++c.i;
  for (; c.i < c.s.length; c.i++) {
    if (c.s[c.i] === '\\') c.i++;
    else if (c.s[c.i] === '{') depth++;
    else if (c.s[c.i] === '}' && depth-- === 0) break;
  }
  return plain(c.s.slice(start, c.i++));
}

/** Parentheses around what is more than one character. */
const grouped = (t: string): string => ([...t].length > 1 ? `(${t})` : t);

/** One command, group or character at the cursor, as plain text. */
function token(c: Cursor): string {
  const ch = c.s[c.i++] ?? '';
  if (ch === '{') {
    c.i--;
    return argument(c);
  }
  if (ch === '}' || ch === '&') return ch === '&' ? ' ' : '';
  if (ch === '^' || ch === '_') {
    const arg = argument(c);
    return /^′+$/.test(arg) ? arg : `${ch}${grouped(arg)}`;
  }
  if (ch === "'") return '′';
  if (ch !== '\\') return ch;
  const name = /^[A-Za-z]+/.exec(c.s.slice(c.i))?.[0] ?? c.s[c.i] ?? '';
  c.i += name.length;
  if (name === '\\' || SPACES.has(name)) return ' ';
  if (DROPPED.has(name)) return c.s[c.i] === '.' ? (c.i++, '') : '';
  if (name === 'prime') return '′';
  if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
    const num = argument(c);
    return `${grouped(num)}/${grouped(argument(c))}`;
  }
  if (name === 'sqrt') return `√${grouped(argument(c))}`;
  if (name === 'mathbb') {
    const arg = argument(c);
    return DOUBLE_STRUCK[arg] ?? arg;
  }
  if (STYLES.has(name)) return argument(c);
  if (name === 'begin' || name === 'end') return (argument(c), ' ');
  const symbol = SYMBOLS[name] ?? mathCommandChar(name);
  if (symbol === undefined) return name;
  // The space that ends a letter's name is no space in the formula (`\\partial \\varphi` is ∂φ).
  if (/^[\p{L}∂∇]$/u.test(symbol) && c.s[c.i] === ' ') c.i++;
  return symbol;
}

/** Generated math LaTeX as plain Unicode text. */
export function mathPlainText(latex: string): string {
  return plain(latex)
    .replace(/\s+/g, ' ')
    .replace(/([([{⟨]) | (?=[)\]}⟩])/g, '$1')
    .replace(/([\p{L}\p{N}]) (?=\()/gu, '$1')
    .replace(/([‖|]) ?([^‖|]*?) ?\1/g, '$1$2$1')
    .trim();
}

function plain(latex: string): string {
  const c: Cursor = { s: latex, i: 0 };
  let out = '';
  while (c.i < latex.length) out += token(c);
  return out;
}
