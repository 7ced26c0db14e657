/**
 * The matrix-level expression tree produced by the parser. Plain data with
 * source positions; every later stage reads it, none rebuilds it from text.
 */
import * as Q from '../exact/rational.js';

/** Half-open character range [start, end) in the source text (0-based). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type BinaryOperator = '+' | '-' | '*' | '/' | '^' | '.*' | './' | '.^';
export type UnaryOperator = '-' | '+';

export type Expr =
  | { readonly kind: 'number'; readonly text: string; readonly value: number; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'symbol'; readonly name: string; readonly span: Span }
  | { readonly kind: 'unary'; readonly op: UnaryOperator; readonly arg: Expr; readonly span: Span }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOperator;
      readonly left: Expr;
      readonly right: Expr;
      readonly span: Span;
    }
  | { readonly kind: 'transpose'; readonly arg: Expr; readonly span: Span }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly nameSpan: Span;
      readonly args: readonly Expr[];
      readonly span: Span;
    };

/** Does the expression read the variable X anywhere? */
export function dependsOnX(e: Expr): boolean {
  switch (e.kind) {
    case 'number':
    case 'string':
      return false;
    case 'symbol':
      return e.name === 'X';
    case 'unary':
    case 'transpose':
      return dependsOnX(e.arg);
    case 'binary':
      return dependsOnX(e.left) || dependsOnX(e.right);
    case 'call':
      return e.args.some(dependsOnX);
  }
}

/** The same expression up to spacing and spelling of numbers (2.50 = 2.5, exactly): equal trees without positions. */
export function sameExpr(a: Expr, b: Expr): boolean {
  switch (a.kind) {
    case 'number':
      // Exact values, not doubles: 3 and 3.0000000000000000001 are different numbers.
      return b.kind === 'number' && Q.equals(Q.fromDecimal(a.text), Q.fromDecimal(b.text));
    case 'string':
      return b.kind === 'string' && a.value === b.value;
    case 'symbol':
      return b.kind === 'symbol' && a.name === b.name;
    case 'unary':
      return b.kind === 'unary' && a.op === b.op && sameExpr(a.arg, b.arg);
    case 'transpose':
      return b.kind === 'transpose' && sameExpr(a.arg, b.arg);
    case 'binary':
      return b.kind === 'binary' && a.op === b.op && sameExpr(a.left, b.left) && sameExpr(a.right, b.right);
    case 'call':
      return b.kind === 'call' && a.name === b.name && a.args.length === b.args.length && a.args.every((x, i) => sameExpr(x, b.args[i]!));
  }
}

/** The names the expression reads: symbols (X, constants) and called names (an indexed constant A(1,2) is a call). */
export function symbolNames(e: Expr, out: Set<string> = new Set()): Set<string> {
  switch (e.kind) {
    case 'symbol':
      out.add(e.name);
      break;
    case 'unary':
    case 'transpose':
      symbolNames(e.arg, out);
      break;
    case 'binary':
      symbolNames(e.left, out);
      symbolNames(e.right, out);
      break;
    case 'call':
      out.add(e.name);
      for (const arg of e.args) symbolNames(arg, out);
      break;
    default:
      break;
  }
  return out;
}
