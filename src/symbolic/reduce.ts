/**
 * Reduction of f to the separable form f(X) = offset + Σ_ij φ(x_ij), or a
 * clear "not supported yet" — never a wrong answer. Recognised: sums of
 * entry-wise expressions, scalar multiples, ‖R‖_F² (norm(R,'fro')^2) and
 * tr(RᵀS) = Σ R∘S. The entry-wise ℓ1 norm is written sum(abs(R)): norm keeps
 * mathjs's meanings (norm(R,1) is the largest column sum), see shapes.ts.
 */
import * as Q from './exact/rational.js';
import * as P from './exact/poly.js';
import { KinkproofError } from '../diagnostics.js';
import type { Expr } from './syntax/ast.js';
import { dependsOnX } from './syntax/ast.js';
import type { ShapeEnv } from './shapes.js';
import { isReduction } from './shapes.js';
import { lookupPrimitive, lookupConstant, primitives } from './primitives/registry.js';
import { call, int, num, VAR, dependsOnT } from './scalar/expr.js';
import type { Scalar } from './scalar/expr.js';
import { addS, divS, mulS, negS, powS, subS } from './scalar/build.js';
import { toPiecewise } from './piecewise.js';

export interface Separable {
  /** The constant part of f. */
  readonly offset: Scalar;
  /** The entry function φ(t). */
  readonly phi: Scalar;
  /** How f was recognised, one line per rule used (for the report). */
  readonly rules: readonly string[];
}

export interface EntryWise {
  readonly phi: Scalar;
  /** The expression reads X' rather than X (entry (i,j) depends on x_ji). */
  readonly transposed: boolean;
}


export class Reducer {
  private readonly rules = new Set<string>();
  constructor(
    private readonly env: ShapeEnv,
    private readonly source: string,
  ) {}

  private unsupported(why: string, e: Expr): never {
    throw new KinkproofError('unsupported', why, e.span, this.source);
  }

  private text(e: Expr): string {
    return this.source.slice(e.span.start, e.span.end);
  }

  /** f, a scalar-valued expression, as offset + Σ φ(x_ij). */
  separable(e: Expr): Separable {
    const { offset, phi } = this.scalar(e);
    return { offset, phi, rules: [...this.rules] };
  }

  private scalar(e: Expr): { offset: Scalar; phi: Scalar } {
    if (!dependsOnX(e)) return { offset: this.entry(e).phi, phi: int(0) };
    switch (e.kind) {
      case 'unary': {
        const r = this.scalar(e.arg);
        return e.op === '-' ? { offset: negS(r.offset), phi: negS(r.phi) } : r;
      }
      case 'binary':
        return this.scalarBinary(e);
      case 'call':
        if (isReduction(e.name)) return { offset: int(0), phi: this.reduction(e) };
        break;
      default:
        break;
    }
    return this.unsupported(
      `${this.text(e)} is not a sum over entries: kinkproof decides f(X) = sum_ij phi(x_ij) (use sum, norm(.,'fro')^2, trace(R'*R), sum(abs(.)))`,
      e,
    );
  }

  private scalarBinary(e: Extract<Expr, { kind: 'binary' }>): { offset: Scalar; phi: Scalar } {
    const { left, right, op } = e;
    if (op === '+' || op === '-') {
      const a = this.scalar(left);
      const b = this.scalar(right);
      return op === '+'
        ? { offset: addS(a.offset, b.offset), phi: addS(a.phi, b.phi) }
        : { offset: subS(a.offset, b.offset), phi: subS(a.phi, b.phi) };
    }
    if ((op === '*' || op === '.*') && !dependsOnX(left)) {
      const c = this.entry(left).phi;
      const r = this.scalar(right);
      return { offset: mulS(c, r.offset), phi: mulS(c, r.phi) };
    }
    if ((op === '*' || op === '.*' || op === '/' || op === './') && !dependsOnX(right)) {
      const c = this.entry(right).phi;
      const r = this.scalar(left);
      const scale = op === '/' || op === './' ? (x: Scalar) => divS(x, c) : (x: Scalar) => mulS(x, c);
      return { offset: scale(r.offset), phi: scale(r.phi) };
    }
    if ((op === '^' || op === '.^') && left.kind === 'call' && left.name === 'norm' && this.isFrobenius(left)) {
      const exponent = this.constantExponent(right);
      if (Q.equals(exponent, Q.rat(2))) {
        this.rules.add('frobenius');
        return { offset: int(0), phi: powS(this.entryOf(left.args[0]!), Q.rat(2)) };
      }
    }
    return this.unsupported(`${this.text(e)} is not separable: it does not split into a sum over entries`, e);
  }

  /** norm(R,'fro') only: norm(R) is the spectral norm, as in mathjs. */
  private isFrobenius(e: Extract<Expr, { kind: 'call' }>): boolean {
    const kind = e.args[1];
    return kind?.kind === 'string' && kind.value === 'fro';
  }

  private reduction(e: Extract<Expr, { kind: 'call' }>): Scalar {
    const [arg] = e.args;
    if (!arg) return this.unsupported(`${e.name} needs an argument`, e);
    switch (e.name) {
      case 'sum':
        this.rules.add('sum');
        return this.entryOf(arg);
      case 'norm':
        if (this.isFrobenius(e))
          return this.unsupported(`${this.text(e)} is sqrt(sum_ij ...), not a sum over entries; norm(.,'fro')^2 is supported`, e);
        // Spectral, column-sum and row-sum norms (mathjs's norm(R), norm(R,1), norm(R,'inf')) are not separable.
        return this.unsupported(`${this.text(e)} is not the entry-wise l1 norm (that is sum(abs(.))) and not separable`, e);
      case 'trace':
        return this.trace(e, arg);
      default:
        return this.unsupported(`unknown reduction ${e.name}`, e);
    }
  }

  /** tr(PᵀQ) = tr(PQᵀ) = Σ_ij p_ij q_ij for entry-wise P, Q of one shape. */
  private trace(e: Expr, arg: Expr): Scalar {
    if (arg.kind === 'binary' && arg.op === '*') {
      const { left, right } = arg;
      const pair =
        left.kind === 'transpose' ? [left.arg, right] : right.kind === 'transpose' ? [left, right.arg] : undefined;
      if (pair && dependsOnX(pair[0]!) && dependsOnX(pair[1]!)) {
        const a = this.entry(pair[0]!);
        const b = this.entry(pair[1]!);
        if (a.transposed === b.transposed) {
          this.rules.add('trace');
          return mulS(a.phi, b.phi);
        }
      }
    }
    return this.unsupported(`${this.text(e)}: only trace(P'*Q) and trace(P*Q') of entry-wise P, Q are separable`, e);
  }

  private entryOf(e: Expr): Scalar {
    return this.entry(e).phi;
  }

  private constantExponent(e: Expr): Q.Rational {
    const s = this.entry(e).phi;
    // A constant may use kinked primitives (X.^relu(-1)): its piecewise form is one constant piece.
    const q = dependsOnT(s) ? undefined : P.asRational(toPiecewise(s).pieces[0]!.nf);
    if (!q) return this.unsupported(`the exponent ${this.text(e)} must be a constant rational number`, e);
    return q;
  }

  /** An entry-wise expression: entry (i,j) is φ(x_ij) (or φ(x_ji) when transposed). */
  entry(e: Expr): EntryWise {
    switch (e.kind) {
      case 'number':
        return { phi: num(Q.fromDecimal(e.text)), transposed: false };
      case 'string':
        return this.unsupported(`unexpected string '${e.value}'`, e);
      case 'symbol': {
        if (e.name === 'X') return { phi: VAR, transposed: false };
        const named = lookupConstant(e.name);
        if (named) return { phi: call(named), transposed: false };
        const c = this.env.constants.get(e.name);
        if (c && c.rows === 1 && c.cols === 1) return { phi: num(c.exact[0]![0]!), transposed: false }; // as written: 0.1 is 1/10
        return this.unsupported(
          `the constant matrix ${e.name} used entry-wise makes phi differ between entries; not supported yet`,
          e,
        );
      }
      case 'unary': {
        const r = this.entry(e.arg);
        return e.op === '-' ? { ...r, phi: negS(r.phi) } : r;
      }
      case 'transpose': {
        const r = this.entry(e.arg);
        return { ...r, transposed: !r.transposed };
      }
      case 'binary':
        return this.entryBinary(e);
      case 'call':
        return this.entryCall(e);
    }
  }

  private both(e: Expr, a: EntryWise, b: EntryWise): boolean {
    const da = dependsOnT(a.phi);
    const db = dependsOnT(b.phi);
    if (da && db && a.transposed !== b.transposed)
      this.unsupported(`${this.text(e)} mixes X and X' entry-wise; not separable`, e);
    return da ? a.transposed : b.transposed;
  }

  private entryBinary(e: Extract<Expr, { kind: 'binary' }>): EntryWise {
    const a = this.entry(e.left);
    if (e.op === '^' || e.op === '.^') {
      const exponent = this.constantExponent(e.right);
      return { phi: powS(a.phi, exponent), transposed: a.transposed };
    }
    const b = this.entry(e.right);
    const transposed = this.both(e, a, b);
    switch (e.op) {
      case '+':
        return { phi: addS(a.phi, b.phi), transposed };
      case '-':
        return { phi: subS(a.phi, b.phi), transposed };
      case '.*':
        return { phi: mulS(a.phi, b.phi), transposed };
      case './':
      case '/':
        return { phi: divS(a.phi, b.phi), transposed };
      case '*':
        if (dependsOnX(e.left) && dependsOnX(e.right) && !this.isScalarExpr(e.left) && !this.isScalarExpr(e.right))
          return this.unsupported(`${this.text(e)} is a matrix product; not entry-wise (use .* for the entry-wise product)`, e);
        return { phi: mulS(a.phi, b.phi), transposed };
    }
  }

  /** Scalar-shaped by construction (a reduction, or built from numbers only). */
  private isScalarExpr(e: Expr): boolean {
    return !dependsOnX(e) || (e.kind === 'call' && isReduction(e.name));
  }

  private entryCall(e: Extract<Expr, { kind: 'call' }>): EntryWise {
    if (isReduction(e.name))
      return this.unsupported(`${this.text(e)} inside an entry-wise expression couples all entries; not separable`, e);
    const args = e.args.map((a) => this.entry(a));
    const [first, second] = args;
    const transposed = first && second ? this.both(e, first, second) : (first?.transposed ?? false);
    const phis = args.map((a) => a.phi);
    if (e.name === 'sqrt') return { phi: powS(phis[0]!, Q.HALF), transposed };
    const prim = lookupPrimitive(e.name);
    if (!prim) return this.unsupported(`unknown function '${e.name}'`, e);
    // max(R) with one argument is the maximum over all entries: it couples them.
    if (args.length !== primitives[prim].arity) return this.unsupported(`${this.text(e)} couples all entries; not separable`, e);
    return { phi: call(prim, ...phis), transposed };
  }
}
