/**
 * Printing entry functions. Two notations from one walker: the input language
 * (ASCII, what users type back in) and LaTeX. In matrix mode t prints as X and
 * products/powers of non-constant factors are entry-wise (.*, .^; ⊙, ∘).
 */
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';
import type { Poly } from '../exact/poly.js';
import { primitives } from '../primitives/registry.js';
import { applicationLatex } from '../primitives/spec.js';
import type { AlgebraicRoot } from '../exact/algebraic.js';
import { dependsOnT, num, VAR } from './expr.js';
import type { Scalar } from './expr.js';
import { fromPoly } from './fromPoly.js';
import { addS, mulS, powS } from './build.js';
import { rootNumber, rootsInForce } from './rootNames.js';

export interface PrintOptions {
  /** Name printed for the variable: 't' for φ(t), 'X' for matrix expressions. */
  readonly variable: string;
  /** Entry-wise operators between non-constant factors. */
  readonly matrix: boolean;
}

export const SCALAR: PrintOptions = { variable: 't', matrix: false };
export const MATRIX: PrintOptions = { variable: 'X', matrix: true };

const PREC = { add: 1, mul: 2, neg: 2, pow: 3, atom: 4 } as const;

/** Decimal when the rational is a short terminating decimal (0.2, 2.5), else p/q. */
export function rationalText(q: Rational): string {
  if (Q.isInteger(q)) return q.num.toString();
  let den = q.den;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) (den /= 2n), twos++;
  while (den % 5n === 0n) (den /= 5n), fives++;
  const digits = Math.max(twos, fives);
  if (den !== 1n || digits > 6) return `${q.num}/${q.den}`;
  const scaled = (q.num * 10n ** BigInt(digits)) / q.den;
  const sign = scaled < 0n ? '-' : '';
  const s = (scaled < 0n ? -scaled : scaled).toString().padStart(digits + 1, '0');
  return `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

interface Printed {
  readonly text: string;
  readonly prec: number;
}

/** The polynomial of an algebraic number, highest power first. */
function definingPolynomial(root: AlgebraicRoot): Scalar {
  const terms = root.poly.map((c, k) => mulS(num(Q.rat(c)), powS(VAR, Q.rat(k)))).reverse();
  return addS(...terms);
}

/** The spelling of a root that has no name in force: the same α prints many times in one answer, so each is made once. */
const printedRoots = { text: new WeakMap<AlgebraicRoot, string>(), latex: new WeakMap<AlgebraicRoot, string>() };
/** The variable of an unnamed root's polynomial: x, apart from the answer's t. */
const UNNAMED_VARIABLE = 'x';

/** "the root of 3*t^3 - 2 in (0, 1), ~0.8735805": α's polynomial in `variable`, isolating interval and value. */
export function rootPhraseText(root: AlgebraicRoot, variable: string): string {
  const { lo, hi, value } = algebraicParts(root);
  return `the root of ${printText(definingPolynomial(root), { variable, matrix: false })} in (${rationalText(lo)}, ${rationalText(hi)}), ~${value}`;
}

/** α's polynomial in `variable`, isolating interval and value (to 7 significant digits), as LaTeX. */
export function rootPartsLatex(root: AlgebraicRoot, variable: string): { polynomial: string; interval: string; value: string } {
  const { lo, hi, value } = algebraicParts(root);
  return { polynomial: printLatex(definingPolynomial(root), { variable, matrix: false }), interval: `(${rationalLatex(lo)}, ${rationalLatex(hi)})`, value };
}

/** α as a phrase in parentheses, as printed where it has no name. */
function unnamedText(root: AlgebraicRoot): string {
  let out = printedRoots.text.get(root);
  if (out === undefined) printedRoots.text.set(root, (out = `(${rootPhraseText(root, UNNAMED_VARIABLE)})`));
  return out;
}

function algebraicText(root: AlgebraicRoot): string {
  const n = rootNumber(root);
  return n === undefined ? unnamedText(root) : `r${n}`;
}

/** Text printed where no names were in force (a stored check record's formula), with the named roots' phrases replaced by their names. */
export const nameRootsIn = (printed: string): string => rootsInForce().reduce((out, root, i) => out.replaceAll(unnamedText(root), `r${i + 1}`), printed);

function algebraicLatex(root: AlgebraicRoot): string {
  const n = rootNumber(root);
  if (n !== undefined) return `r_{${n}}`;
  let out = printedRoots.latex.get(root);
  if (out === undefined) {
    const { polynomial, interval, value } = rootPartsLatex(root, UNNAMED_VARIABLE);
    printedRoots.latex.set(root, (out = `\\bigl(\\text{the root of } ${polynomial} \\text{ in } ${interval} \\approx ${value}\\bigr)`));
  }
  return out;
}

/** α's isolating interval for display and its value to 7 significant digits, or more where that would round to an end. */
function algebraicParts(root: AlgebraicRoot): { lo: Rational; hi: Rational; value: string } {
  const { lo, hi } = root.displayInterval();
  const x = root.approximate();
  let digits = 7;
  while (digits < 17 && [lo, hi].some((e) => Q.toNumber(e) === Number(x.toPrecision(digits)))) digits++;
  return { lo, hi, value: Number(x.toPrecision(digits)).toString() };
}

const wrap = (p: Printed, min: number): string => (p.prec < min ? `(${p.text})` : p.text);

/** Split a product into its rational coefficient, numerator factors and denominator factors. */
function splitProduct(s: Scalar): { coef: Rational; num: Scalar[]; den: Scalar[] } {
  const factors = s.kind === 'mul' ? s.factors : [s];
  let coef = Q.ONE;
  const num: Scalar[] = [];
  const den: Scalar[] = [];
  for (const f of factors) {
    if (f.kind === 'const') coef = Q.mul(coef, f.value);
    else if (f.kind === 'pow' && Q.sign(f.exponent) < 0)
      den.push(Q.equals(f.exponent, Q.MINUS_ONE) ? f.base : { ...f, exponent: Q.neg(f.exponent) });
    else num.push(f);
  }
  // Constant factors first: in matrix notation c*A.*B is (c*A).*B, while A*c*B would be a matrix product.
  const constantsFirst = (xs: Scalar[]): Scalar[] => [...xs.filter((x) => !dependsOnT(x)), ...xs.filter(dependsOnT)];
  return { coef, num: constantsFirst(num), den: constantsFirst(den) };
}

const isNegativeTerm = (term: Scalar): boolean => Q.sign(splitProduct(term).coef) < 0;

/** A sum starts with a positive term when it has one: 1 − t, not −t + 1. Otherwise the terms keep their order. */
function naturalOrder(terms: readonly Scalar[]): readonly Scalar[] {
  const first = terms.findIndex((t) => !isNegativeTerm(t));
  return first <= 0 ? terms : [terms[first]!, ...terms.slice(0, first), ...terms.slice(first + 1)];
}

function text(s: Scalar, o: PrintOptions): Printed {
  switch (s.kind) {
    case 'const': {
      const t = rationalText(s.value);
      return { text: t, prec: Q.sign(s.value) < 0 || t.includes('/') ? PREC.neg : PREC.atom };
    }
    case 'algebraic':
      return { text: algebraicText(s.root), prec: PREC.atom };
    case 'var':
      return { text: o.variable, prec: PREC.atom };
    case 'add': {
      let out = '';
      naturalOrder(s.terms).forEach((term, i) => {
        const { coef } = splitProduct(term);
        const negative = Q.sign(coef) < 0;
        const body = negative ? text(negateTerm(term), o) : text(term, o);
        const part = wrap(body, PREC.mul);
        out += i === 0 ? (negative ? `-${part}` : part) : negative ? ` - ${part}` : ` + ${part}`;
      });
      return { text: out, prec: PREC.add };
    }
    case 'mul': {
      const { coef, num, den } = splitProduct(s);
      if (Q.sign(coef) < 0) return { text: `-${wrap(text(negateTerm(s), o), PREC.mul)}`, prec: PREC.neg };
      const times = (a: Scalar, b: Scalar): string => (o.matrix && dependsOnT(a) && dependsOnT(b) ? '.*' : '*');
      const parts: string[] = [];
      let prev: Scalar | undefined;
      // A short decimal coefficient (0.2*t) reads better than t/5.
      const decimal = !Q.isInteger(coef) && !rationalText(coef).includes('/');
      const numeratorCoef = decimal ? coef : Q.rat(coef.num);
      if (!Q.isOne(numeratorCoef) || num.length === 0) parts.push(rationalText(numeratorCoef)), (prev = { kind: 'const', value: numeratorCoef });
      for (const f of num) {
        if (prev) parts.push(times(prev, f));
        parts.push(wrap(text(f, o), PREC.mul + 1));
        prev = f;
      }
      let out = parts.join('');
      const denominators: Scalar[] = [...(coef.den !== 1n && !decimal ? [{ kind: 'const', value: Q.rat(coef.den) } as Scalar] : []), ...den];
      for (const d of denominators) out += `${o.matrix && dependsOnT(d) ? './' : '/'}${wrap(text(d, o), PREC.pow)}`;
      return { text: out, prec: PREC.mul };
    }
    case 'pow': {
      if (Q.equals(s.exponent, Q.HALF)) return { text: `sqrt(${text(s.base, o).text})`, prec: PREC.atom };
      if (Q.sign(s.exponent) < 0) return text({ kind: 'mul', factors: [s] }, o);
      const op = o.matrix && dependsOnT(s.base) ? '.^' : '^';
      const e = rationalText(s.exponent);
      return { text: `${wrap(text(s.base, o), PREC.atom)}${op}${e.includes('/') ? `(${e})` : e}`, prec: PREC.pow };
    }
    case 'call': {
      const name = primitives[s.fn].names[0];
      if (primitives[s.fn].arity === 0) return { text: name, prec: PREC.atom }; // a constant: pi
      return { text: `${name}(${s.args.map((a) => text(a, o).text).join(', ')})`, prec: PREC.atom };
    }
  }
}

function negateTerm(s: Scalar): Scalar {
  if (s.kind === 'const') return { kind: 'const', value: Q.neg(s.value) };
  if (s.kind === 'mul') {
    const [first, ...rest] = s.factors;
    if (first?.kind === 'const') {
      const c = Q.neg(first.value);
      if (Q.isOne(c)) return rest.length === 1 ? rest[0]! : { kind: 'mul', factors: rest };
      return { kind: 'mul', factors: [{ kind: 'const', value: c }, ...rest] };
    }
  }
  return s;
}

export const printText = (s: Scalar, o: PrintOptions = SCALAR): string => text(s, o).text;

// ---------------------------------------------------------------- LaTeX

function rationalLatex(q: Rational): string {
  const t = rationalText(Q.sign(q) < 0 ? Q.neg(q) : q);
  const body = t.includes('/') ? `\\frac{${q.num < 0n ? -q.num : q.num}}{${q.den}}` : t;
  return Q.sign(q) < 0 ? `-${body}` : body;
}

/** LaTeX taller than a line of text: fractions, big operators, arrays, auto-sized delimiters. */
const TALL_LATEX = /\\(?:[dt]?frac|sum|prod|int|begin|left)(?![A-Za-z])/;

/**
 * `inner` in parentheses: plain ones around text-height math, `{\left(…\right)}`
 * around taller math. The braces make the group an ordinary atom, so no thin
 * space follows it before punctuation or precedes it after a coefficient.
 */
export function parenLatex(inner: string): string {
  return TALL_LATEX.test(inner) ? `{\\left(${inner}\\right)}` : `(${inner})`;
}

/**
 * A function applied to its arguments, as a reader writes it: `\sigma(X)`,
 * `\max(t, 0)`; around tall arguments `{\sigma\!\left(…\right)}`, where `\!`
 * cancels the thin space TeX puts between a symbol and `\left(`. Operator
 * names (`\max`, `\operatorname{sign}`) keep their operator spacing before.
 */
export function applyLatex(name: string, args: readonly string[]): string {
  const list = args.join(', ');
  if (!TALL_LATEX.test(list)) return `${name}(${list})`;
  const applied = `${name}\\!\\left(${list}\\right)`;
  return /^\\(?:operatorname|max|min|exp|log|sin|cos|tanh)(?![A-Za-z])/.test(name) ? applied : `{${applied}}`;
}

/** `|inner|`: `\lvert … \rvert` around text-height math (a leading minus stays unary), `{\left|…\right|}` around taller math. */
export function absLatex(inner: string): string {
  return TALL_LATEX.test(inner) ? `{\\left|${inner}\\right|}` : `\\lvert ${inner} \\rvert`;
}

function latex(s: Scalar, o: PrintOptions): Printed {
  switch (s.kind) {
    case 'const':
      return { text: rationalLatex(s.value), prec: Q.sign(s.value) < 0 ? PREC.neg : PREC.atom };
    case 'algebraic':
      return { text: algebraicLatex(s.root), prec: PREC.atom };
    case 'var':
      return { text: o.variable, prec: PREC.atom };
    case 'add': {
      let out = '';
      naturalOrder(s.terms).forEach((term, i) => {
        const negative = isNegativeTerm(term);
        const part = wrap(latex(negative ? negateTerm(term) : term, o), PREC.mul);
        out += i === 0 ? (negative ? `-${part}` : part) : negative ? ` - ${part}` : ` + ${part}`;
      });
      return { text: out, prec: PREC.add };
    }
    case 'mul': {
      const { coef, num, den } = splitProduct(s);
      if (Q.sign(coef) < 0) return { text: `-${wrap(latex(negateTerm(s), o), PREC.mul)}`, prec: PREC.neg };
      const sep = (a: Scalar, b: Scalar): string => (o.matrix && dependsOnT(a) && dependsOnT(b) ? ' \\odot ' : ' ');
      const render = (fs: Scalar[], c: bigint): string => {
        const parts: string[] = [];
        let prev: Scalar | undefined;
        if (c !== 1n || fs.length === 0) parts.push(c.toString()), (prev = { kind: 'const', value: Q.rat(c) });
        for (const f of fs) {
          if (prev) parts.push(sep(prev, f));
          parts.push(wrap(latex(f, o), PREC.mul + 1));
          prev = f;
        }
        return parts.join('');
      };
      if (den.length === 0 && coef.den === 1n) return { text: render(num, coef.num), prec: PREC.mul };
      return { text: `\\frac{${render(num, coef.num)}}{${render(den, coef.den)}}`, prec: PREC.mul };
    }
    case 'pow': {
      if (Q.equals(s.exponent, Q.HALF)) return { text: `\\sqrt{${latex(s.base, o).text}}`, prec: PREC.atom };
      if (Q.sign(s.exponent) < 0) return latex({ kind: 'mul', factors: [s] }, o);
      const circ = o.matrix && dependsOnT(s.base) ? '\\circ ' : '';
      return { text: `${wrap(latex(s.base, o), PREC.atom)}^{${circ}${rationalLatex(s.exponent)}}`, prec: PREC.pow };
    }
    case 'call':
      return { text: applicationLatex(primitives[s.fn], s.args.map((a) => latex(a, o).text)), prec: PREC.atom };
  }
}

export const printLatex = (s: Scalar, o: PrintOptions = SCALAR): string => latex(s, o).text;

/** An exact constant as text ("sqrt(2)", "-1/2"). */
export const exactText = (c: Poly): string => printText(fromPoly(c));
export const exactLatex = (c: Poly): string => printLatex(fromPoly(c));
