/**
 * The verifier describes its checks in plain text ("φ'₊(0) = 0",
 * "t = 0 − δ, δ = 2^-6 … 2^-17", "X ~ N(0, 1²) 3x4"). For the report those
 * strings become runs of words and math: English words stay text, and only
 * whitelisted characters are transliterated into math, so the LaTeX cannot
 * contain anything the table below does not produce. Anything unexpected stays
 * text, which every renderer escapes.
 */
import type { Inline, Inlines } from '../model.js';
import { math, text } from '../model.js';
import { assertSafeMath, UnsafeMathError } from '../mathGuard.js';

/** Characters that become math, and their LaTeX. */
const MATH_CHARS: Readonly<Record<string, string>> = {
  'φ': '\\varphi ',
  '∇': '\\nabla ',
  '′': "'",
  "'": "'",
  '₋': '_{-}',
  '₊': '_{+}',
  '⁻': '^{-}',
  '⁺': '^{+}',
  '²': '^{2}',
  '→': '\\to ',
  '∞': '\\infty ',
  '−': '-',
  '-': '-',
  '+': '+',
  '~': '\\sim ',
  '…': '\\dots ',
  '±': '\\pm ',
  'δ': '\\delta ',
  'σ': '\\sigma ',
  '∂': '\\partial ',
  '∈': '\\in ',
  '⟨': '\\langle ',
  '⟩': '\\rangle ',
  '≥': '\\geq ',
  '≤': '\\leq ',
  '≠': '\\neq ',
  '·': '\\cdot ',
  '×': '\\times ',
  '𝟙': '\\mathbf{1}',
  '{': '\\{',
  '}': '\\}',
  '|': '|',
  '=': '=',
  '<': '<',
  '>': '>',
  '(': '(',
  ')': ')',
  '[': '[',
  ']': ']',
  '*': '\\cdot ',
  '/': '/',
  '.': '.',
  ',': ',',
  ';': ';',
  ':': ':',
};

/** Function names in the verifier's expressions, as LaTeX. */
const FUNCTIONS: Readonly<Record<string, string>> = {
  relu: '\\sigma',
  heaviside: 'H',
  abs: '\\operatorname{abs}',
  sign: '\\operatorname{sign}',
  sqrt: '\\operatorname{sqrt}',
  exp: '\\exp',
  log: '\\log',
  max: '\\max',
  min: '\\min',
};

/**
 * Punctuation that ends a phrase when followed by a space, outside brackets or
 * next to an English word: "(1, 2)" and "⟨G, D⟩" stay math, "(Clarke; φ′₋ > φ′₊, so …)" does not.
 */
const PHRASE_END = new Set([',', ';', ':', '.']);
const OPENING = new Set(['(', '[', '{', '⟨']);
const CLOSING = new Set([')', ']', '}', '⟩']);

/** Long decimals (point coordinates) are shortened to 6 significant digits. */
const LONG_DECIMAL = 12;

type Token = { kind: 'space' | 'word' | 'number' | 'dims' | 'power' | 'root' | 'char'; value: string };

/** Whitespace, 3x4, words, numbers, ^-6 or ^(1/3), sqrt(2), any other character. */
const TOKEN = /(\s+)|(\d+x\d+)|sqrt\((\d+)\)|([A-Za-z]+(?:'s)?)|(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|\^(\(-?\d+\/\d+\)|[-−]?\d+)|([\s\S])/gu;

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(TOKEN)) {
    const [whole, space, dims, root, word, num, power] = m;
    const kind = space ? 'space' : dims ? 'dims' : root ? 'root' : word ? 'word' : num ? 'number' : power ? 'power' : 'char';
    out.push({ kind, value: root ?? power ?? whole });
  }
  return out;
}

function numberLatex(value: string): string {
  const x = Number(value);
  const shortened = value.length > LONG_DECIMAL && Number.isFinite(x) ? String(Number(x.toPrecision(6))) : value;
  const m = /^(-?[\d.]+)e([+-]?\d+)$/.exec(shortened);
  return m ? `${m[1]} \\cdot 10^{${Number(m[2])}}` : shortened;
}

/** A word of prose: longer than one letter (or the article "a" before another word) and not a function applied to "(…)". */
function isProse(t: Token | undefined, next: Token | undefined, afterNext: Token | undefined): boolean {
  if (t?.kind !== 'word') return false;
  if (t.value.length === 1) return t.value === 'a' && next?.kind === 'space' && afterNext?.kind === 'word' && afterNext.value.length > 1;
  return !(FUNCTIONS[t.value] !== undefined && next?.value === '(');
}

/** The math for one token, or undefined when it is text. */
function tokenMath(tokens: readonly Token[], i: number, depth: number): string | undefined {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  switch (t.kind) {
    case 'space':
      return undefined;
    case 'dims':
      return `\\;(${t.value.replace('x', ' \\times ')})`;
    case 'number':
      return numberLatex(t.value);
    case 'power':
      return `^{${t.value.replace(/[()]/g, '').replace('−', '-')}}`;
    case 'root':
      return `\\sqrt{${t.value}}`;
    case 'word':
      if (isProse(t, next, tokens[i + 2])) return undefined;
      if (t.value.length === 1) return t.value;
      return FUNCTIONS[t.value] !== undefined && next?.value === '(' ? FUNCTIONS[t.value] : undefined;
    case 'char':
      // Parentheses around prose, "(convex)", are text.
      if (t.value === '(' && isProse(next, tokens[i + 2], tokens[i + 3])) return undefined;
      if (t.value === ')' && isProse(tokens[i - 1], t, next)) return undefined;
      if (PHRASE_END.has(t.value) && (next === undefined || next.kind === 'space')) {
        const beside = isProse(tokens[i - 1], t, next) || isProse(tokens[i + 2], tokens[i + 3], tokens[i + 4]);
        if (depth === 0 || beside) return undefined;
      }
      return MATH_CHARS[t.value];
  }
}

/** Verifier text → inline runs: words as text, formulas as whitelisted math. */
export function verifierInlines(s: string): Inlines {
  const tokens = tokenize(s);
  let depth = 0;
  const maths = tokens.map((t, i) => {
    const m = tokenMath(tokens, i, depth);
    if (OPENING.has(t.value)) depth++;
    if (CLOSING.has(t.value)) depth = Math.max(0, depth - 1);
    return m;
  });
  const runs: { kind: 'math' | 'text'; value: string }[] = [];
  tokens.forEach((t, i) => {
    // A space between two formulas belongs to the formula; elsewhere it is text.
    const between = t.kind === 'space' && maths[i - 1] !== undefined && maths[i + 1] !== undefined;
    const kind = maths[i] !== undefined || between ? 'math' : 'text';
    const value = kind === 'math' ? (maths[i] ?? ' ') : t.value;
    const previous = runs[runs.length - 1];
    if (previous?.kind === kind) previous.value += value;
    else runs.push({ kind, value });
  });
  return runs.map(toInline);
}

function toInline(run: { kind: 'math' | 'text'; value: string }): Inline {
  if (run.kind === 'text') return text(run.value);
  const latex = run.value.trim();
  try {
    return math(assertSafeMath(latex));
  } catch (e) {
    if (e instanceof UnsafeMathError) return text(run.value);
    throw e;
  }
}
