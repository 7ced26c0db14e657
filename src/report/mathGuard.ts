/**
 * Defence in depth for generated math. Math is built from the parsed tree, never
 * from user text (DESIGN.md, "Security of generated documents"), but a bug
 * upstream must not turn into `\input` in a document a docs build compiles. So
 * every renderer passes math through `assertSafeMath`: ASCII only, balanced
 * braces, no `^^`, `%`, `#`, `$`, `~`, and only the commands listed below —
 * each with a sample that the tests render with both KaTeX and pdflatex.
 */

/** Commands used without arguments; sample: `x \cmd y`. */
const SYMBOL_COMMANDS = `
  alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi rho varrho
  sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega
  cdot odot circ times otimes oplus pm mp ast setminus cup cap wedge vee
  le leq ge geq ne neq to mapsto rightarrow leftarrow Rightarrow Leftarrow iff implies in notin ni
  subset subseteq supset supseteq approx equiv sim propto mid perp coloneqq
  infty partial nabla emptyset varnothing forall exists neg ell prime top intercal
  dots ldots cdots quad qquad colon vert Vert lvert rvert lVert rVert langle rangle lfloor rfloor lceil rceil
  sum prod int sup inf max min exp log ln sin cos tan sinh cosh tanh det displaystyle textstyle`;

/** Commands that take arguments or pair up, with a sample use. */
const COMMAND_SAMPLES: Record<string, string> = {
  frac: '\\frac{1}{2}',
  dfrac: '\\dfrac{1}{2}',
  tfrac: '\\tfrac{1}{2}',
  sqrt: '\\sqrt{t}',
  text: '\\text{if }',
  operatorname: '\\operatorname{tr}',
  mathrm: '\\mathrm{d}X',
  mathbf: '\\mathbf{J}',
  mathbb: '\\mathbb{R}',
  mathcal: '\\mathcal{C}',
  boldsymbol: '\\boldsymbol{x}',
  hat: '\\hat{x}',
  bar: '\\bar{x}',
  tilde: '\\tilde{x}',
  overline: '\\overline{x}',
  underline: '\\underline{x}',
  lim: '\\lim_{h \\to 0^+}',
  limsup: '\\limsup_{h \\to 0}',
  liminf: '\\liminf_{h \\to 0}',
  left: '\\left( x \\right)',
  right: '\\left[ x \\right]',
  big: '\\big( x \\big)',
  Big: '\\Big( x \\Big)',
  bigl: '\\bigl( x \\bigr)',
  bigr: '\\bigl[ x \\bigr]',
};

/** Environments allowed after \begin / \end, with a sample each (array takes a column spec of l, c, r). */
export const MATH_ENVIRONMENT_SAMPLES: Readonly<Record<string, string>> = {
  cases: '\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}',
  aligned: '\\begin{aligned} a &= b \\\\ &= c \\end{aligned}',
  array: '\\left\\{ \\begin{array}{ll} a & \\text{if } x \\\\ b & \\text{if } y \\end{array} \\right\\}',
  matrix: '\\begin{matrix} 1 & 2 \\end{matrix}',
  pmatrix: '\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}',
  bmatrix: '\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}',
  vmatrix: '\\begin{vmatrix} 1 & 2 \\\\ 3 & 4 \\end{vmatrix}',
};

/** Every allowed command with a sample use (for tests; also the guard's whitelist). */
export const MATH_COMMAND_SAMPLES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(SYMBOL_COMMANDS.trim().split(/\s+/).map((name) => [name, `x \\${name} y`])),
  ...COMMAND_SAMPLES,
  begin: MATH_ENVIRONMENT_SAMPLES.cases,
  end: MATH_ENVIRONMENT_SAMPLES.cases,
};

const CONTROL_SYMBOLS = new Set([...',;:! |{}\\%#$&_']);
const MAX_MATH_LENGTH = 20_000;

/** Letters, digits, whitespace and the punctuation math needs; no % # $ ~ " ` @ or non-ASCII. */
const ALLOWED_CHAR = /^[A-Za-z0-9 \n+\-*/=<>()[\],.;:!?'|^_{}&\\]$/;

export class UnsafeMathError extends Error {
  constructor(latex: string, why: string) {
    super(`refusing to render math ${JSON.stringify(latex.slice(0, 80))}: ${why}`);
    this.name = 'UnsafeMathError';
  }
}

/** Return `latex` unchanged if it is within the whitelist, else throw UnsafeMathError. */
export function assertSafeMath(latex: string): string {
  const fail = (why: string): never => {
    throw new UnsafeMathError(latex, why);
  };
  if (latex.length > MAX_MATH_LENGTH) fail('too long');
  if (latex.includes('^^')) fail('contains ^^');
  if (/\n[ ]*\n/.test(latex)) fail('contains a blank line');
  const environments: string[] = [];
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i]!;
    if (!ALLOWED_CHAR.test(c)) fail(`character ${JSON.stringify(c)} is not allowed`);
    if (c === '{') depth++;
    if (c === '}' && --depth < 0) fail('unbalanced }');
    if (c !== '\\') continue;
    const name = /^[A-Za-z]+/.exec(latex.slice(i + 1))?.[0];
    if (name === undefined) {
      const symbol = latex[i + 1] ?? '';
      if (!CONTROL_SYMBOLS.has(symbol)) fail(`control symbol \\${symbol} is not allowed`);
      i++;
      continue;
    }
    if (!Object.hasOwn(MATH_COMMAND_SAMPLES, name)) fail(`command \\${name} is not allowed`);
    i += name.length;
    if (name === 'begin' || name === 'end') {
      const env = /^\{([a-z]+)\}/.exec(latex.slice(i + 1))?.[1];
      if (env === undefined || !Object.hasOwn(MATH_ENVIRONMENT_SAMPLES, env)) fail(`environment after \\${name} is not allowed`);
      if (name === 'begin') environments.push(env!);
      else if (environments.pop() !== env) fail(`\\end{${env}} does not match`);
      i += env!.length + 2;
      if (name === 'begin' && env === 'array' && !/^\{[lcr]{1,20}\}/.test(latex.slice(i + 1))) fail('array needs a column spec of l, c, r');
    }
  }
  if (depth !== 0) fail('unbalanced {');
  if (environments.length > 0) fail(`\\begin{${environments.at(-1)}} is not closed`);
  return latex;
}
