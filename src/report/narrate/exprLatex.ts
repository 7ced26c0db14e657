/**
 * The parsed input expression as LaTeX, for the statement of f. Built from the
 * tree only: numbers are re-printed from their validated digits, names go
 * through `safeIdentifier`, and primitives use the registry's own LaTeX.
 */
import { applicationLatex, applyLatex, lookupPrimitive, parenLatex, primitives } from '../../symbolic/index.js';
import type { Expr } from '../../symbolic/index.js';
import { safeIdentifier } from '../escape.js';

interface Printed {
  readonly latex: string;
  readonly prec: number;
  /** A big operator (Σ) reaches to the right, so it needs no parentheses as the last factor: 2 Σ x_ij. */
  readonly bigOperator?: boolean;
}

/** A superscript needs an atom below it, so `X^{\top}` and `A^{2}` are wrapped before another one. */
const PREC = { add: 1, mul: 2, unary: 2, pow: 3, postfix: 4, atom: 5 } as const;

const wrap = (p: Printed, min: number): string => (p.prec < min ? parenLatex(p.latex) : p.latex);
const atom = (latex: string): Printed => ({ latex, prec: PREC.atom });

const NUMBER = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** `2.5`, `.5` → `0.5`, `1e-3` → `1 \cdot 10^{-3}`. */
function numberLatex(textValue: string): string {
  const m = NUMBER.exec(textValue);
  if (!m) throw new Error(`unexpected number literal ${JSON.stringify(textValue)}`);
  const whole = m[1] || '0';
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  const mantissa = fraction ? `${whole}.${fraction}` : whole;
  if (m[3] === undefined) return mantissa;
  const exponent = String(Number(m[3]));
  return mantissa === '1' ? `10^{${exponent}}` : `${mantissa} \\cdot 10^{${exponent}}`;
}

/** A constant's name: one letter as it is, longer names upright (`W\_1` keeps the underscore literal). */
function nameLatex(name: string): string {
  const safe = safeIdentifier(name);
  return safe.length === 1 ? safe : `\\mathrm{${safe.replace(/_/g, '\\_')}}`;
}

function normLatex(args: readonly Expr[]): Printed {
  const [arg, kind] = args;
  const body = print(arg!).latex;
  const entrywiseOne = kind?.kind === 'number' && kind.value === 1;
  return atom(`\\left\\lVert ${body} \\right\\rVert_{${entrywiseOne ? '1' : 'F'}}`);
}

function callLatex(e: Extract<Expr, { kind: 'call' }>): Printed {
  const args = e.args.map((a) => print(a).latex);
  switch (e.name) {
    case 'norm':
      return normLatex(e.args);
    case 'trace':
      return atom(applyLatex('\\operatorname{tr}', args));
    case 'sum': {
      const [arg] = e.args;
      const entry = arg?.kind === 'symbol' && arg.name === 'X' ? 'x_{ij}' : `\\left[${args[0]}\\right]_{ij}`;
      return { latex: `\\sum_{i,j} ${entry}`, prec: PREC.add, bigOperator: true };
    }
    case 'sqrt':
      return atom(`\\sqrt{${args[0]}}`);
  }
  const primitive = lookupPrimitive(e.name);
  if (primitive) return atom(applicationLatex(primitives[primitive], args));
  return atom(applyLatex(nameLatex(e.name), args));
}

function product(left: Printed, right: Printed): string {
  const l = wrap(left, PREC.mul);
  const r = right.bigOperator ? right.latex : wrap(right, PREC.mul + 1);
  // Juxtaposition would glue 2 and 3 into 23, or read 2 -X as a difference.
  return /^[0-9.-]/.test(r) ? `${l} \\cdot ${r}` : `${l} ${r}`;
}

function binaryLatex(e: Extract<Expr, { kind: 'binary' }>): Printed {
  const left = print(e.left);
  const right = print(e.right);
  switch (e.op) {
    case '+':
      return { latex: `${left.latex} + ${wrap(right, PREC.add + 1)}`, prec: PREC.add };
    case '-':
      return { latex: `${left.latex} - ${wrap(right, PREC.add + 1)}`, prec: PREC.add };
    case '*':
      return { latex: product(left, right), prec: PREC.mul };
    case '.*':
      return { latex: `${wrap(left, PREC.mul)} \\odot ${wrap(right, PREC.mul + 1)}`, prec: PREC.mul };
    case '/':
    case './':
      // Binds like a power: bracketed before ^, not in a product.
      return { latex: `\\frac{${left.latex}}{${right.latex}}`, prec: PREC.pow };
    case '^':
      return { latex: `${wrap(left, PREC.atom)}^{${right.latex}}`, prec: PREC.pow };
    case '.^':
      return { latex: `${wrap(left, PREC.atom)}^{\\circ ${right.latex}}`, prec: PREC.pow };
  }
}

function print(e: Expr): Printed {
  switch (e.kind) {
    case 'number':
      return atom(numberLatex(e.text));
    case 'string':
      return atom(`\\text{${e.value === 'fro' ? 'fro' : 'string'}}`);
    case 'symbol':
      return atom(nameLatex(e.name));
    case 'unary':
      if (e.op === '+') return print(e.arg);
      return { latex: `-${print(e.arg).bigOperator ? print(e.arg).latex : wrap(print(e.arg), PREC.mul)}`, prec: PREC.unary };
    case 'transpose':
      return { latex: `${wrap(print(e.arg), PREC.atom)}^{\\top}`, prec: PREC.postfix };
    case 'binary':
      return binaryLatex(e);
    case 'call':
      return callLatex(e);
  }
}

/** The input expression as LaTeX math. */
export const exprLatex = (e: Expr): string => print(e).latex;
