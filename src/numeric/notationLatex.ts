/**
 * LaTeX for one formula of a check's wording ("φ'₊(sqrt(2)) = 2^(1/3)",
 * "2*relu(t)", "~ N(0, 1²) 3x4"): the formulas checkText.ts writes, with
 * exact constants and expressions as the symbolic printer writes them. Only
 * whitelisted characters and names are transliterated; a formula with
 * anything else has no LaTeX (undefined) and the report shows it as text, so
 * the LaTeX cannot contain anything the tables below do not produce.
 */
import { lookupPrimitive, primitives } from '../symbolic/index.js';

/** Characters and their LaTeX. */
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
  'γ': '\\gamma ',
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
  // A superscript that is not a number: δ^γ.
  '^': '^',
};

/** A function name's LaTeX: the registry's symbol for a primitive, else an operator name (sqrt(…) is a radical, see `convert`). */
function functionLatex(name: string): string {
  const primitive = lookupPrimitive(name);
  return primitive ? primitives[primitive].symbol : `\\operatorname{${name}}`;
}

/** Long decimals (point coordinates) are shortened to 6 significant digits. */
const LONG_DECIMAL = 12;

/** Whitespace, 3x4, sqrt(2), a named algebraic root r1, names, numbers, ^-6 or ^(1/3), any other character. */
const TOKEN = /(\s+)|(\d+x\d+)|sqrt\((\d+)\)|\br(\d+)\b|([A-Za-z]+)|(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|\^(\(-?\d+\/\d+\)|[-−]?\d+)|([\s\S])/gu;

function numberLatex(value: string): string {
  const x = Number(value);
  const shortened = value.length > LONG_DECIMAL && Number.isFinite(x) ? String(Number(x.toPrecision(6))) : value;
  const m = /^(-?[\d.]+)e([+-]?\d+)$/.exec(shortened);
  return m ? `${m[1]} \\cdot 10^{${Number(m[2])}}` : shortened;
}

/** One token's LaTeX, or undefined when it is not whitelisted; `applied`: the next token is "(". */
function tokenLatex(m: RegExpMatchArray, applied: boolean): string | undefined {
  const [whole, space, dims, root, rootName, name, num, power] = m;
  if (space) return ' ';
  if (dims) return `\\;(${dims.replace('x', ' \\times ')})`;
  if (root) return `\\sqrt{${root}}`;
  if (rootName) return `r_{${rootName}}`;
  if (name) {
    if (name.length === 1) return name;
    // A longer name is a function only when applied; a word inside a formula is a mistake, so the formula stays text.
    if (!applied) return undefined;
    return functionLatex(name);
  }
  if (num) return numberLatex(num);
  if (power) return `^{${power.replace(/[()]/g, '').replace('−', '-')}}`;
  return MATH_CHARS[whole];
}

/** The index of the ")" closing the "(" at `open`, before `end`; undefined when it is not closed. */
function closing(tokens: readonly RegExpMatchArray[], open: number, end: number): number | undefined {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const t = tokens[i]![0];
    if (t === '(') depth++;
    else if (t === ')' && --depth === 0) return i;
  }
  return undefined;
}

/** Tokens start … end − 1 as LaTeX, sqrt(…) as a radical; undefined when some part is not whitelisted. */
function convert(tokens: readonly RegExpMatchArray[], start: number, end: number): string | undefined {
  let out = '';
  for (let i = start; i < end; i++) {
    const m = tokens[i]!;
    const applied = i + 1 < end && tokens[i + 1]![0] === '(';
    if (m[5] === 'sqrt' && applied) {
      const close = closing(tokens, i + 1, end);
      const inner = close === undefined ? undefined : convert(tokens, i + 2, close);
      if (inner === undefined) return undefined;
      out += `\\sqrt{${inner.trim()}}`;
      i = close!;
      continue;
    }
    const piece = tokenLatex(m, applied);
    if (piece === undefined) return undefined;
    out += piece;
  }
  return out;
}

/** The formula's LaTeX, or undefined when some part of it is not whitelisted. */
export function notationLatex(formula: string): string | undefined {
  const tokens = [...formula.matchAll(TOKEN)];
  return convert(tokens, 0, tokens.length)?.trim();
}
