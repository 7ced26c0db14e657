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

/** Function names of the printed expressions with a LaTeX of their own; any other applied name is an operator name. */
const FUNCTIONS: Readonly<Record<string, string>> = { sqrt: '\\operatorname{sqrt}' };

/** A function name's LaTeX: the registry's symbol for a primitive (sqrt is a power there), else an operator name. */
function functionLatex(name: string): string {
  if (Object.hasOwn(FUNCTIONS, name)) return FUNCTIONS[name]!;
  const primitive = lookupPrimitive(name);
  return primitive ? primitives[primitive].symbol : `\\operatorname{${name}}`;
}

/** Long decimals (point coordinates) are shortened to 6 significant digits. */
const LONG_DECIMAL = 12;

/** Whitespace, 3x4, sqrt(2), names, numbers, ^-6 or ^(1/3), any other character. */
const TOKEN = /(\s+)|(\d+x\d+)|sqrt\((\d+)\)|([A-Za-z]+)|(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|\^(\(-?\d+\/\d+\)|[-−]?\d+)|([\s\S])/gu;

function numberLatex(value: string): string {
  const x = Number(value);
  const shortened = value.length > LONG_DECIMAL && Number.isFinite(x) ? String(Number(x.toPrecision(6))) : value;
  const m = /^(-?[\d.]+)e([+-]?\d+)$/.exec(shortened);
  return m ? `${m[1]} \\cdot 10^{${Number(m[2])}}` : shortened;
}

/** One token's LaTeX, or undefined when it is not whitelisted; `applied`: the next token is "(". */
function tokenLatex(m: RegExpMatchArray, applied: boolean): string | undefined {
  const [whole, space, dims, root, name, num, power] = m;
  if (space) return ' ';
  if (dims) return `\\;(${dims.replace('x', ' \\times ')})`;
  if (root) return `\\sqrt{${root}}`;
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

/** The formula's LaTeX, or undefined when some part of it is not whitelisted. */
export function notationLatex(formula: string): string | undefined {
  const tokens = [...formula.matchAll(TOKEN)];
  let out = '';
  for (const [i, m] of tokens.entries()) {
    const piece = tokenLatex(m, tokens[i + 1]?.[0] === '(');
    if (piece === undefined) return undefined;
    out += piece;
  }
  return out.trim();
}
