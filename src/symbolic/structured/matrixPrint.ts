/**
 * Matrix expressions as kinkproof's ASCII (mathjs syntax, re-parseable: `*`
 * the matrix product, `.*` ⊙, `'` transpose) and as LaTeX (\sigma, \odot,
 * A^{\top}, \lVert·\rVert_F). The text is also the node's identity: two nodes
 * with the same text are the same expression (`keyOf`).
 */
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';
import { primitives } from '../primitives/registry.js';
import { applicationLatex } from '../primitives/spec.js';
import { applyLatex, parenLatex, rationalText } from '../scalar/print.js';
import type { Dim, Factor, MExpr, MShape } from './matrixExpr.js';

/** Binding strength, lowest first (as the parser reads them). */
export const PREC = { add: 1, mul: 2, unary: 3, pow: 4, postfix: 5, atom: 6 } as const;

export interface Printed {
  readonly s: string;
  readonly prec: number;
  /** LaTeX only: a big operator (Σ, max over entries) reaches to the right; bracketed unless last in a product. */
  readonly big?: boolean;
}

const wrapText = (p: Printed, min: number): string => (p.prec < min ? `(${p.s})` : p.s);
const wrapLatex = (p: Printed, min: number): string => (p.prec < min || (p.big && min > PREC.add) ? parenLatex(p.s) : p.s);
const atom = (s: string): Printed => ({ s, prec: PREC.atom });

/** A matrix product and an entry-wise one bind alike; brackets keep a reader from guessing which applies first. */
const entrywiseProduct = (e: MExpr): boolean => e.k === 'had' || (e.k === 'bin' && (e.op === '.*' || e.op === './'));
const matrixProduct = (e: MExpr): boolean => e.k === 'bin' && e.op === '*' && e.a.shape.kind === 'matrix' && e.b.shape.kind === 'matrix';
/** The left operand's minimum binding strength under a multiplicative operator. */
function leftMin(op: '*' | 'entrywise', left: MExpr): number {
  const mixed = op === '*' ? entrywiseProduct(left) : matrixProduct(left);
  return mixed ? PREC.mul + 1 : PREC.mul;
}

function rationalPrinted(q: Rational): Printed {
  const t = rationalText(q);
  if (Q.sign(q) < 0) return { s: t, prec: PREC.unary };
  return { s: t, prec: t.includes('/') ? PREC.mul : PREC.atom };
}

function rationalLatex(q: Rational): Printed {
  const body = Q.isInteger(q) ? (q.num < 0n ? -q.num : q.num).toString() : `\\frac{${(q.num < 0n ? -q.num : q.num).toString()}}{${q.den.toString()}}`;
  return Q.sign(q) < 0 ? { s: `-${body}`, prec: PREC.unary } : atom(body);
}

const dimText = (d: Dim): string => `${d}`;

// ---------------------------------------------------------------- text

const textMemo = new WeakMap<MExpr, Printed>();

/** The expression in kinkproof's ASCII; also its identity. */
export const keyOf = (e: MExpr): string => text(e).s;
export const printMatrixText = (e: MExpr): string => text(e).s;

function factorText(f: Factor, pow: '^' | '.^'): Printed {
  const e = Q.sign(f.exp) < 0 ? Q.neg(f.exp) : f.exp;
  if (Q.isOne(e)) return text(f.base);
  const p = rationalPrinted(e);
  return { s: `${wrapText(text(f.base), PREC.postfix)}${pow}${p.prec < PREC.atom ? `(${p.s})` : p.s}`, prec: PREC.pow };
}

/** base1.*base2./base3 …: numerator factors first, then divisions. */
function productText(fs: readonly Factor[], op: '*' | '.*', pow: '^' | '.^'): Printed {
  const div = op === '*' ? '/' : './';
  const up = fs.filter((f) => Q.sign(f.exp) > 0);
  const down = fs.filter((f) => Q.sign(f.exp) < 0);
  let s = up.length
    ? up.map((f, i) => wrapText(factorText(f, pow), i === 0 ? (op === '.*' && Q.isOne(f.exp) ? leftMin('entrywise', f.base) : PREC.mul) : PREC.mul + 1)).join(op)
    : '1';
  for (const f of down) s += `${div}${wrapText(factorText(f, pow), PREC.mul + 1)}`;
  return { s, prec: up.length === 1 && down.length === 0 ? factorText(up[0]!, pow).prec : PREC.mul };
}

function text(e: MExpr): Printed {
  const hit = textMemo.get(e);
  if (hit) return hit;
  const p = textUncached(e);
  textMemo.set(e, p);
  return p;
}

/** The right operand of + or −, in parentheses when it starts with a sign itself (max(-abs(X))-(-abs(X)), not --abs(X)). */
const termAfterSign = (b: Printed): string => (b.s.startsWith('-') ? `(${b.s})` : wrapText(b, PREC.add + 1));

function textUncached(e: MExpr): Printed {
  switch (e.k) {
    case 'X':
      return atom('X');
    case 'const':
      return atom(e.name);
    case 'num':
      return rationalPrinted(e.q);
    case 'pi':
      return atom('pi');
    case 'neg':
      return { s: `-${wrapText(text(e.a), PREC.unary)}`, prec: PREC.unary };
    case 'tr':
      return { s: `${wrapText(text(e.a), PREC.postfix)}'`, prec: PREC.postfix };
    case 'bin': {
      const a = text(e.a);
      const b = text(e.b);
      switch (e.op) {
        case '+':
        case '-':
          return { s: `${wrapText(a, PREC.add)}${e.op}${termAfterSign(b)}`, prec: PREC.add };
        case '*':
        case '/':
        case '.*':
        case './':
          return { s: `${wrapText(a, leftMin(e.op === '*' || e.op === '/' ? '*' : 'entrywise', e.a))}${e.op}${wrapText(b, PREC.mul + 1)}`, prec: PREC.mul };
        case '^':
        case '.^':
          return { s: `${wrapText(a, PREC.postfix)}${e.op}${wrapText(b, PREC.atom)}`, prec: PREC.pow };
      }
      break;
    }
    case 'app':
      return atom(`${e.f}(${e.args.map((x) => text(x).s).join(',')})`);
    case 'reduce':
      return atom(e.f === 'norm' ? `norm(${text(e.a).s},'fro')` : `${e.f}(${text(e.a).s})`);
    case 'ones': {
      const s = e.shape as Extract<MShape, { kind: 'matrix' }>;
      return atom(`ones(${dimText(s.rows)},${dimText(s.cols)})`);
    }
    case 'eye': {
      const s = e.shape as Extract<MShape, { kind: 'matrix' }>;
      return atom(`identity(${dimText(s.rows)})`);
    }
    case 'unit': {
      // 1 − sign(max(M) − M) is 1 at the maximiser and 0 where M is smaller: E_{i*j*} where the maximiser is unique.
      const m = text(e.a).s;
      const inner = e.f === 'max' ? `max(${m})-${termAfterSign(text(e.a))}` : `${wrapText(text(e.a), PREC.add)}-min(${m})`;
      return { s: `1-sign(${inner})`, prec: PREC.add };
    }
    case 'had':
      return productText(e.fs, '.*', '.^');
  }
  throw new Error('unreachable');
}

// ---------------------------------------------------------------- LaTeX

const latexMemo = new WeakMap<MExpr, Printed>();

export const printMatrixLatex = (e: MExpr): string => latex(e).s;

/** A constant's name: one letter as it is, longer names upright (underscores literal). */
function nameLatex(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_]/g, '');
  return safe.length === 1 ? safe : `\\mathrm{${safe.replace(/_/g, '\\_')}}`;
}

/** Juxtaposition, with \cdot where a digit or sign would glue to the left factor. */
function juxtapose(parts: readonly string[]): string {
  return parts.reduce((acc, r) => (acc === '' ? r : /^[0-9.-]/.test(r) ? `${acc} \\cdot ${r}` : `${acc} ${r}`), '');
}

function productLatexParts(items: readonly Printed[]): string {
  return juxtapose(items.map((p, i) => (i === items.length - 1 && p.big ? p.s : wrapLatex(p, i === 0 ? PREC.mul : PREC.mul + 1))));
}

function factorLatex(f: Factor, entrywise: boolean): Printed {
  const e = Q.sign(f.exp) < 0 ? Q.neg(f.exp) : f.exp;
  if (Q.isOne(e)) return latex(f.base);
  const base = latex(f.base);
  const b = base.big || base.prec < PREC.atom ? parenLatex(base.s) : base.s;
  return { s: `${b}^{${entrywise ? '\\circ ' : ''}${rationalLatex(e).s}}`, prec: PREC.pow };
}

/** The entry of a matrix under Σ or max: x_{ij}, σ(x_{ij}) for an entry-wise function of X, else [M]_{ij}. */
function entryLatex(a: MExpr): string {
  if (a.k === 'X') return 'x_{ij}';
  if (a.k === 'app' && a.args.every((x) => x.k === 'X' || x.shape.kind === 'scalar'))
    return a.f === 'sqrt'
      ? '\\sqrt{x_{ij}}'
      : applicationLatex(primitives[a.f], a.args.map((x) => (x.k === 'X' ? 'x_{ij}' : latex(x).s)));
  return `\\left[${latex(a).s}\\right]_{ij}`;
}

function latex(e: MExpr): Printed {
  const hit = latexMemo.get(e);
  if (hit) return hit;
  const p = latexUncached(e);
  latexMemo.set(e, p);
  return p;
}

function latexUncached(e: MExpr): Printed {
  switch (e.k) {
    case 'X':
      return atom('X');
    case 'const':
      return atom(nameLatex(e.name));
    case 'num':
      return rationalLatex(e.q);
    case 'pi':
      return atom('\\pi');
    case 'neg': {
      const a = latex(e.a);
      return { s: `-${a.big ? a.s : wrapLatex(a, PREC.unary)}`, prec: PREC.unary };
    }
    case 'tr':
      return { s: `${wrapLatex(latex(e.a), PREC.atom)}^{\\top}`, prec: PREC.postfix };
    case 'bin': {
      const a = latex(e.a);
      const b = latex(e.b);
      switch (e.op) {
        case '+':
        case '-':
          return { s: `${a.s} ${e.op} ${b.big ? b.s : wrapLatex(b, PREC.add + 1)}`, prec: PREC.add };
        case '*':
          return { s: juxtapose([wrapLatex(a, leftMin('*', e.a)), b.big ? b.s : wrapLatex(b, PREC.mul + 1)]), prec: PREC.mul };
        case '.*':
          return { s: `${wrapLatex(a, leftMin('entrywise', e.a))} \\odot ${wrapLatex(b, PREC.mul + 1)}`, prec: PREC.mul };
        case './':
          return { s: `${wrapLatex(a, leftMin('entrywise', e.a))} \\oslash ${wrapLatex(b, PREC.mul + 1)}`, prec: PREC.mul };
        case '/':
          return atom(`\\frac{${a.s}}{${b.s}}`);
        case '^':
          return { s: `${wrapLatex(a, PREC.atom)}^{${b.s}}`, prec: PREC.pow };
        case '.^':
          return { s: `${wrapLatex(a, PREC.atom)}^{\\circ ${b.s}}`, prec: PREC.pow };
      }
      break;
    }
    case 'app': {
      if (e.f === 'sqrt') return atom(`\\sqrt{${latex(e.args[0]!).s}}`);
      return atom(applicationLatex(primitives[e.f], e.args.map((x) => latex(x).s)));
    }
    case 'reduce':
      switch (e.f) {
        case 'norm':
          return atom(`\\lVert ${latex(e.a).s} \\rVert_F`);
        case 'trace':
          return atom(applyLatex('\\operatorname{tr}', [latex(e.a).s]));
        case 'sum':
          return { s: `\\sum_{i,j} ${entryLatex(e.a)}`, prec: PREC.add, big: true };
        case 'max':
        case 'min':
          return { s: `\\${e.f}_{i,j} ${entryLatex(e.a)}`, prec: PREC.add, big: true };
      }
      break;
    case 'ones': {
      const s = e.shape as Extract<MShape, { kind: 'matrix' }>;
      return atom(`\\mathbf{1}_{${dimText(s.rows)} \\times ${dimText(s.cols)}}`);
    }
    case 'eye': {
      const s = e.shape as Extract<MShape, { kind: 'matrix' }>;
      return atom(`I_{${dimText(s.rows)}}`);
    }
    case 'unit': {
      if (e.a.k === 'X') return atom(e.f === 'max' ? 'E_{i^{*}j^{*}}' : 'E_{i_{*}j_{*}}');
      return atom(`E_{\\operatorname{arg\\,${e.f}} ${wrapLatex(latex(e.a), PREC.atom)}}`);
    }
    case 'had': {
      const up = e.fs.filter((f) => Q.sign(f.exp) > 0);
      const down = e.fs.filter((f) => Q.sign(f.exp) < 0);
      let s = up.length
        ? up.map((f, i) => wrapLatex(factorLatex(f, true), i === 0 ? (Q.isOne(f.exp) ? leftMin('entrywise', f.base) : PREC.mul) : PREC.mul + 1)).join(' \\odot ')
        : '\\mathbf{1}';
      for (const f of down) s += ` \\oslash ${wrapLatex(factorLatex(f, true), PREC.mul + 1)}`;
      return { s, prec: PREC.mul };
    }
  }
  throw new Error('unreachable');
}

// ---------------------------------------------------------------- terms

/** coef · Π scalar factors · core (a matrix, or null for a scalar term). */
export interface PrintableTerm {
  readonly coef: Rational;
  readonly scalars: readonly Factor[];
  readonly core: MExpr | null;
}

/** One term without its sign: numerator parts, then `/` the denominator. */
function termText(t: PrintableTerm, alone: boolean): string {
  const c = Q.sign(t.coef) < 0 ? Q.neg(t.coef) : t.coef;
  const up: Printed[] = [];
  if (c.num !== 1n) up.push(atom(c.num.toString()));
  for (const f of t.scalars) if (Q.sign(f.exp) > 0) up.push(factorText(f, '^'));
  const down: Printed[] = [];
  if (c.den !== 1n) down.push(atom(c.den.toString()));
  for (const f of t.scalars) if (Q.sign(f.exp) < 0) down.push(factorText(f, '^'));
  if (t.core) {
    const core = text(t.core);
    if (alone && !up.length && !down.length) return core.s;
    // Scalars commute with every product: c*A*B = c*(A*B), (A*B)/c = A*(B/c), so a product core needs no brackets.
    up.push({ s: wrapText(core, PREC.mul), prec: PREC.atom });
  }
  const numerator = up.length ? up.map((p, i) => wrapText(p, i === 0 ? PREC.mul : PREC.mul + 1)).join('*') : '1';
  if (!down.length) return numerator;
  const denominator = down.length === 1 ? wrapText(down[0]!, PREC.mul + 1) : `(${down.map((p, i) => wrapText(p, i === 0 ? PREC.mul : PREC.mul + 1)).join('*')})`;
  return `${numerator}/${denominator}`;
}

function termLatex(t: PrintableTerm, alone: boolean): string {
  const c = Q.sign(t.coef) < 0 ? Q.neg(t.coef) : t.coef;
  const up: Printed[] = t.scalars.filter((x) => Q.sign(x.exp) > 0).map((f) => factorLatex(f, false));
  const down: Printed[] = t.scalars.filter((x) => Q.sign(x.exp) < 0).map((f) => factorLatex(f, false));
  // As in the text, scalars commute with a product core: 2 A^T σ(Z) needs no brackets around A^T σ(Z).
  const core: Printed[] = t.core ? [latex(t.core)].map((p) => (p.prec === PREC.mul ? { ...p, prec: PREC.atom } : p)) : [];
  if (down.length) {
    const coefNum = c.num !== 1n ? [atom(c.num.toString())] : [];
    const coefDen = c.den !== 1n ? [atom(c.den.toString())] : [];
    const numerator = [...coefNum, ...up, ...core];
    return `\\frac{${numerator.length ? productLatexParts(numerator) : '1'}}{${productLatexParts([...coefDen, ...down])}}`;
  }
  const parts = [...(Q.isOne(c) ? [] : [rationalLatex(c)]), ...up, ...core];
  if (alone && parts.length === 1 && core.length) return core[0]!.s;
  return parts.length ? productLatexParts(parts) : '1';
}

/** A sum of terms: t1+t2-t3 (0 when there is none). */
export function sumText(terms: readonly PrintableTerm[]): string {
  if (!terms.length) return '0';
  return terms.map((t, i) => (Q.sign(t.coef) < 0 ? '-' : i ? '+' : '') + termText(t, terms.length === 1 && Q.sign(t.coef) > 0)).join('');
}

export function sumLatex(terms: readonly PrintableTerm[]): string {
  if (!terms.length) return '0';
  return terms.map((t, i) => (Q.sign(t.coef) < 0 ? (i ? ' - ' : '-') : i ? ' + ' : '') + termLatex(t, terms.length === 1 && Q.sign(t.coef) > 0)).join('');
}
