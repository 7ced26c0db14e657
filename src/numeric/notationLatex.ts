/**
 * LaTeX for one formula of a check's wording ("φ'₊(sqrt(2)) = 2^(1/3)",
 * "2*relu(t)", "~ N(0, 1²) 3x4"): the formulas checkText.ts writes, with
 * exact constants and expressions as the symbolic printer writes them. Only
 * whitelisted characters and names are transliterated; a formula with
 * anything else has no LaTeX (undefined) and the report shows it as text, so
 * the LaTeX cannot contain anything the tables below do not produce.
 */

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

/** Function names of the printed expressions, as LaTeX (when applied: "relu(…)"). */
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

/** The formula's LaTeX, or undefined when some part of it is not whitelisted. */
export function notationLatex(formula: string): string | undefined {
  const tokens = [...formula.matchAll(TOKEN)];
  let out = '';
  for (const [i, m] of tokens.entries()) {
    const [whole, space, dims, root, name, num, power] = m;
    const applied = tokens[i + 1]?.[0] === '(';
    const piece = space
      ? ' '
      : dims
        ? `\\;(${dims.replace('x', ' \\times ')})`
        : root
          ? `\\sqrt{${root}}`
          : name
            ? name.length === 1
              ? name
              : applied && Object.hasOwn(FUNCTIONS, name)
                ? FUNCTIONS[name]
                : undefined
            : num
              ? numberLatex(num)
              : power
                ? `^{${power.replace(/[()]/g, '').replace('−', '-')}}`
                : MATH_CHARS[whole];
    if (piece === undefined) return undefined;
    out += piece;
  }
  return out.trim();
}
