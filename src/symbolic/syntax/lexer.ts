/**
 * On-demand tokenizer for the ASCII input language. The parser pulls one
 * token at a time, so the leftmost problem in the text is the one reported.
 */
import { KinkproofError } from '../../diagnostics.js';
import type { Span } from './ast.js';

export const MAX_TOKENS = 5000;

export type TokenKind =
  | 'number'
  | 'string'
  | 'identifier'
  | 'operator' // + - * / ^ .* ./ .^
  | 'transpose' // ' directly after an operand
  | '('
  | ')'
  | ','
  | 'unsupported' // an operator of mathjs that is not part of the language
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Exact source text; strings keep their quotes. */
  readonly text: string;
  readonly span: Span;
}

// Longest first, so '>>>' wins over '>>' and '>'.
const UNSUPPORTED = [
  '>>>', '==', '!=', '<=', '>=', '<<', '>>', '??', '?.', '^|',
  '%', '~', '!', '&', '|', '=', ':', '?', ';', '<', '>', '[', ']', '{', '}',
];

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isIdentStart = (c: string): boolean =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdentPart = (c: string): boolean => isIdentStart(c) || isDigit(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isPrintable = (c: string): boolean => c >= ' ' && c <= '~';

/** `'#'` for printable ASCII, `'\u00E9'` (or `'\u{1F600}'`) for anything else. */
export function describeChar(codePoint: number): string {
  if (codePoint >= 0x21 && codePoint <= 0x7e) return `'${String.fromCharCode(codePoint)}'`;
  const hex = codePoint.toString(16).toUpperCase();
  return codePoint > 0xffff ? `'\\u{${hex}}'` : `'\\u${hex.padStart(4, '0')}'`;
}

export class Lexer {
  private pos = 0;
  private count = 0;
  /** Kind and end of the previous token, to tell transpose from a string. */
  private prev: Token | undefined;

  constructor(private readonly source: string) {}

  next(): Token {
    const token = this.scan();
    if (token.kind !== 'eof' && ++this.count > MAX_TOKENS) {
      throw new KinkproofError(
        'limit',
        `expression has more than ${MAX_TOKENS} tokens`,
        token.span,
        this.source,
      );
    }
    this.prev = token;
    return token;
  }

  private scan(): Token {
    const src = this.source;
    while (this.pos < src.length && isSpace(src[this.pos]!)) this.pos++;
    const start = this.pos;
    if (start >= src.length) return { kind: 'eof', text: '', span: { start, end: start + 1 } };
    const c = src[start]!;
    const c2 = src[start + 1] ?? '';

    if (isDigit(c) || (c === '.' && isDigit(c2))) return this.number(start);
    if (isIdentStart(c)) {
      let end = start + 1;
      while (end < src.length && isIdentPart(src[end]!)) end++;
      return this.take('identifier', start, end);
    }
    if (c === "'" && this.followsOperand(start)) return this.take('transpose', start, start + 1);
    if (c === "'" || c === '"') return this.string(start, c);
    if (c === '.' && (c2 === '*' || c2 === '/' || c2 === '^')) {
      return this.take('operator', start, start + 2);
    }
    if (c === '+' || c === '-' || c === '*' || c === '/' || c === '^') {
      // '^|' is a mathjs operator; let the unsupported table claim it.
      if (!(c === '^' && c2 === '|')) return this.take('operator', start, start + 1);
    }
    if (c === '(' || c === ')' || c === ',') return this.take(c, start, start + 1);
    const op = UNSUPPORTED.find((u) => src.startsWith(u, start));
    if (op !== undefined) return this.take('unsupported', start, start + op.length);
    throw this.unexpectedChar(start);
  }

  private take(kind: TokenKind, start: number, end: number): Token {
    this.pos = end;
    return { kind, text: this.source.slice(start, end), span: { start, end } };
  }

  private followsOperand(at: number): boolean {
    const p = this.prev;
    if (p === undefined || p.span.end !== at) return false;
    return p.kind === 'identifier' || p.kind === 'number' || p.kind === ')' || p.kind === 'transpose';
  }

  /** `2`, `2.5`, `.5`, `2.`, `1e-3`; a '.' before `* / ^` belongs to the operator, as in mathjs. */
  private number(start: number): Token {
    const src = this.source;
    let end = start;
    while (isDigit(src[end] ?? '')) end++;
    const after = src[end + 1] ?? '';
    if (src[end] === '.' && after !== '*' && after !== '/' && after !== '^') {
      end++;
      while (isDigit(src[end] ?? '')) end++;
    }
    if (src[end] === 'e' || src[end] === 'E') {
      const sign = src[end + 1] === '+' || src[end + 1] === '-' ? 1 : 0;
      if (isDigit(src[end + 1 + sign] ?? '')) {
        end += 1 + sign;
        while (isDigit(src[end] ?? '')) end++;
      } else if (sign === 1) {
        const span = { start, end: end + 2 };
        const text = src.slice(start, end + 2);
        throw new KinkproofError('syntax', `malformed number ${text} (exponent digits expected)`, span, src);
      }
    }
    return this.take('number', start, end);
  }

  private string(start: number, quote: string): Token {
    const src = this.source;
    let end = start + 1;
    while (end < src.length && src[end] !== quote) {
      if (!isPrintable(src[end]!)) throw this.unexpectedChar(end);
      end++;
    }
    if (end >= src.length) {
      throw new KinkproofError('syntax', 'unterminated string', { start, end: src.length }, src);
    }
    return this.take('string', start, end + 1);
  }

  private unexpectedChar(at: number): KinkproofError {
    const cp = this.source.codePointAt(at) ?? 0;
    const span = { start: at, end: at + (cp > 0xffff ? 2 : 1) };
    return new KinkproofError('syntax', `unexpected character ${describeChar(cp)}`, span, this.source);
  }
}
