/**
 * Precedence-climbing parser for the ASCII input language, a subset of
 * mathjs's grammar (lowest to highest): `+ -`, `* / .* ./`, unary `- +`,
 * `^ .^` (right associative), postfix `'`, primaries.
 */
import { KinkproofError } from '../../diagnostics.js';
import type { BinaryOperator, Expr, Span } from './ast.js';
import { Lexer, type Token, type TokenKind } from './lexer.js';
import { decimalOrder, MIN_DECIMAL_EXPONENT } from '../exact/rational.js';

export const MAX_SOURCE_LENGTH = 10000;
export const MAX_DEPTH = 200;

const ADDITIVE = 1;
const MULTIPLICATIVE = 2;
const PRECEDENCE: Readonly<Record<string, number>> = {
  '+': ADDITIVE,
  '-': ADDITIVE,
  '*': MULTIPLICATIVE,
  '/': MULTIPLICATIVE,
  '.*': MULTIPLICATIVE,
  './': MULTIPLICATIVE,
};
const NAMED_OPERATORS = new Set(['mod', 'to', 'in', 'and', 'xor', 'or', 'not']);
const OPERAND_START = new Set(['number', 'string', 'identifier', '(']);

/** Why a number literal cannot be read exactly (beyond the largest double, or a nonzero below 10^−1000), for both input languages. */
export function numberProblem(text: string, value: number): { kind: 'input' | 'limit'; message: string } | undefined {
  if (!Number.isFinite(value)) return { kind: 'input', message: `number ${text} is too large` };
  const order = decimalOrder(text);
  if (order !== null && order < MIN_DECIMAL_EXPONENT)
    return { kind: 'limit', message: `number ${text.length > 40 ? `${text.slice(0, 40)}...` : text} is nonzero but smaller than 1e${MIN_DECIMAL_EXPONENT} in magnitude` };
  return undefined;
}

export function parse(source: string): Expr {
  if (source.length > MAX_SOURCE_LENGTH) {
    const span = { start: MAX_SOURCE_LENGTH, end: source.length };
    throw new KinkproofError('limit', `expression is longer than ${MAX_SOURCE_LENGTH} characters`, span, source);
  }
  return new Parser(source).parseAll();
}

class Parser {
  private readonly lexer: Lexer;
  private token: Token;
  private depth = 0;
  /** Innermost-last: whether each open '(' belongs to a call. */
  private readonly open: boolean[] = [];

  constructor(private readonly source: string) {
    this.lexer = new Lexer(source);
    this.token = this.lexer.next();
  }

  parseAll(): Expr {
    if (this.token.kind === 'eof') throw this.error('input', 'empty expression');
    const expr = this.parseBinary(ADDITIVE);
    if (!this.at('eof')) throw this.unexpected();
    return expr;
  }

  /** A method, not `this.token.kind ===`, so TypeScript does not keep a stale narrowing. */
  private at(kind: TokenKind): boolean {
    return this.token.kind === kind;
  }

  private advance(): Token {
    const t = this.token;
    this.token = this.lexer.next();
    return t;
  }

  private error(kind: 'syntax' | 'input' | 'limit', message: string, span = this.token.span): KinkproofError {
    return new KinkproofError(kind, message, span, this.source);
  }

  /** Every recursion that can nest without bound goes through here. */
  private nested<T>(opener: Token, parse: () => T): T {
    if (++this.depth > MAX_DEPTH) {
      throw this.error('limit', `expression is nested more than ${MAX_DEPTH} levels deep`, opener.span);
    }
    const result = parse();
    this.depth--;
    return result;
  }

  private parseBinary(minPrecedence: number): Expr {
    let left = this.parseUnary();
    for (;;) {
      const prec = this.token.kind === 'operator' ? PRECEDENCE[this.token.text] : undefined;
      if (prec === undefined || prec < minPrecedence) return left;
      const op = this.advance().text as BinaryOperator;
      const right = this.parseBinary(prec + 1);
      left = { kind: 'binary', op, left, right, span: cover(left.span, right.span) };
    }
  }

  private parseUnary(): Expr {
    const t = this.token;
    if (t.kind === 'operator' && (t.text === '-' || t.text === '+')) {
      const op = t.text;
      const arg = this.nested(t, () => {
        this.advance();
        return this.parseUnary();
      });
      return { kind: 'unary', op, arg, span: cover(t.span, arg.span) };
    }
    return this.parsePower();
  }

  private parsePower(): Expr {
    const base = this.parsePostfix();
    const t = this.token;
    if (t.kind !== 'operator' || (t.text !== '^' && t.text !== '.^')) return base;
    const op = t.text;
    // Right associative, and the exponent may carry a sign: 2^-3^2 = 2^(-(3^2)).
    const exponent = this.nested(t, () => {
      this.advance();
      return this.parseUnary();
    });
    return { kind: 'binary', op, left: base, right: exponent, span: cover(base.span, exponent.span) };
  }

  private parsePostfix(): Expr {
    let node = this.parsePrimary();
    while (this.token.kind === 'transpose') {
      node = { kind: 'transpose', arg: node, span: cover(node.span, this.advance().span) };
    }
    const t = this.token;
    if (t.kind === 'unsupported') throw this.unsupported();
    if (t.kind === 'identifier' && NAMED_OPERATORS.has(t.text)) {
      throw this.error('syntax', `operator '${t.text}' is not supported`);
    }
    if (OPERAND_START.has(t.kind)) throw this.missingOperator(node);
    return node;
  }

  private parsePrimary(): Expr {
    const t = this.token;
    switch (t.kind) {
      case 'number': {
        this.advance();
        const value = Number(t.text);
        const problem = numberProblem(t.text, value);
        if (problem) throw this.error(problem.kind, problem.message, t.span);
        return { kind: 'number', text: t.text, value, span: t.span };
      }
      case 'string':
        this.advance();
        return { kind: 'string', value: t.text.slice(1, -1), span: t.span };
      case 'identifier':
        this.advance();
        if (this.token.kind === '(') return this.parseCall(t);
        return { kind: 'symbol', name: t.text, span: t.span };
      case '(':
        return this.parseParenthesised();
      default:
        throw this.missingOperand();
    }
  }

  private parseParenthesised(): Expr {
    const open = this.advance();
    this.rejectEofAfter(open);
    const inner = this.nested(open, () => {
      this.open.push(false);
      const e = this.parseBinary(ADDITIVE);
      this.open.pop();
      return e;
    });
    this.expectClose(open);
    return { ...inner, span: { start: open.span.start, end: this.advance().span.end } };
  }

  private parseCall(name: Token): Expr {
    const open = this.advance();
    this.rejectEofAfter(open);
    const args = this.nested(open, () => {
      const list: Expr[] = [];
      if (this.token.kind === ')') return list;
      this.open.push(true);
      list.push(this.parseBinary(ADDITIVE));
      while (this.token.kind === ',') {
        this.advance();
        list.push(this.parseBinary(ADDITIVE));
      }
      this.open.pop();
      return list;
    });
    this.expectClose(open);
    const close = this.advance();
    return { kind: 'call', name: name.text, nameSpan: name.span, args, span: cover(name.span, close.span) };
  }

  /** `f(` and `(` at the very end are better explained by the '(' than by a missing operand. */
  private rejectEofAfter(open: Token): void {
    if (this.at('eof')) throw this.error('syntax', "unmatched '('", open.span);
  }

  private expectClose(open: Token): void {
    if (this.token.kind === ')') return;
    if (this.token.kind === 'eof') throw this.error('syntax', "unmatched '('", open.span);
    throw this.unexpected();
  }

  private missingOperand(): KinkproofError {
    const t = this.token;
    switch (t.kind) {
      case 'eof':
        return this.error('syntax', 'missing operand at end of expression');
      case 'unsupported':
        return this.unsupported();
      case ')':
        return this.open.length === 0 ? this.unexpected() : this.error('syntax', "missing operand before ')'");
      case ',':
        return this.open.at(-1) === true ? this.error('syntax', "missing operand before ','") : this.unexpected();
      default:
        return this.error('syntax', `missing operand before '${t.text}'`);
    }
  }

  private missingOperator(left: Expr): KinkproofError {
    const a = abbreviate(this.source.slice(left.span.start, left.span.end));
    const b = this.token.kind === '(' ? '(...)' : this.token.text;
    return this.error('syntax', `missing operator between ${a} and ${b} (write ${a}*${b})`);
  }

  private unsupported(): KinkproofError {
    const text = this.token.text;
    if (text === '[' || text === ']') return this.error('syntax', "matrix literals '[...]' are not supported");
    if (text === '{' || text === '}') return this.error('syntax', "object literals '{...}' are not supported");
    return this.error('syntax', `operator '${text}' is not supported`);
  }

  private unexpected(): KinkproofError {
    const t = this.token;
    if (t.kind === ',') return this.error('syntax', "unexpected ',' outside a function call");
    if (t.kind === 'eof') return this.error('syntax', 'unexpected end of expression');
    return this.error('syntax', `unexpected '${t.text}'`);
  }
}

function cover(a: Span, b: Span): Span {
  return { start: a.start, end: b.end };
}

function abbreviate(text: string): string {
  return text.length <= 20 ? text : `...${text.slice(-17)}`;
}
