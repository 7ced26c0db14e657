/**
 * On-demand tokenizer for LaTeX math input. Letters are single tokens (in
 * LaTeX `ab` is a times b); commands keep their backslash; spacing commands
 * are dropped here so the parser never sees them.
 */
import { KinkproofError } from '../../diagnostics.js';
import type { Span } from './ast.js';
import { describeChar, MAX_TOKENS } from './lexer.js';

export type LatexTokenKind = 'number' | 'letter' | 'command' | 'symbol' | 'eof';

export interface LatexToken {
  readonly kind: LatexTokenKind;
  /** Exact source text: `\frac`, `\|`, `x`, `2.5`, `(`. */
  readonly text: string;
  readonly span: Span;
}

/** Thin, medium and negative spaces and quads: layout only. */
const SPACING = new Set(['\\,', '\\;', '\\:', '\\!', '\\ ', '\\quad', '\\qquad']);
const SYMBOLS = new Set(['+', '-', '*', '/', '^', '_', '(', ')', '[', ']', '{', '}', '|', ',', "'"]);

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

export class LatexLexer {
  private pos = 0;
  private count = 0;
  private lookahead: LatexToken | undefined;

  constructor(private readonly source: string) {}

  next(): LatexToken {
    const token = this.peek();
    this.lookahead = undefined;
    return token;
  }

  /** The token `next()` will return, without consuming it. */
  peek(): LatexToken {
    if (this.lookahead) return this.lookahead;
    let token = this.scan();
    while (token.kind === 'command' && SPACING.has(token.text)) token = this.scan();
    if (token.kind !== 'eof' && ++this.count > MAX_TOKENS)
      throw new KinkproofError('limit', `expression has more than ${MAX_TOKENS} tokens`, token.span, this.source);
    this.lookahead = token;
    return token;
  }

  private scan(): LatexToken {
    const src = this.source;
    while (this.pos < src.length && isSpace(src[this.pos]!)) this.pos++;
    const start = this.pos;
    if (start >= src.length) return { kind: 'eof', text: '', span: { start, end: start + 1 } };
    const c = src[start]!;
    if (isDigit(c) || (c === '.' && isDigit(src[start + 1] ?? ''))) return this.number(start);
    if (isLetter(c)) return this.take('letter', start, start + 1);
    if (c === '\\') return this.command(start);
    if (SYMBOLS.has(c)) return this.take('symbol', start, start + 1);
    const cp = src.codePointAt(start) ?? 0;
    const span = { start, end: start + (cp > 0xffff ? 2 : 1) };
    throw new KinkproofError('syntax', `unexpected character ${describeChar(cp)}`, span, src);
  }

  /** `2`, `2.5`, `.5` (LaTeX has no exponent notation: 10^{-3} is a power). */
  private number(start: number): LatexToken {
    const src = this.source;
    let end = start;
    while (isDigit(src[end] ?? '')) end++;
    if (src[end] === '.' && isDigit(src[end + 1] ?? '')) {
      end++;
      while (isDigit(src[end] ?? '')) end++;
    }
    return this.take('number', start, end);
  }

  /** `\name` (letters) or `\c` (one other character, as in `\|` and `\,`). */
  private command(start: number): LatexToken {
    const src = this.source;
    let end = start + 1;
    if (end >= src.length) throw new KinkproofError('syntax', 'a lone backslash at the end', { start, end }, src);
    if (isLetter(src[end]!)) while (end < src.length && isLetter(src[end]!)) end++;
    else end += (src.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
    return this.take('command', start, end);
  }

  private take(kind: LatexTokenKind, start: number, end: number): LatexToken {
    this.pos = end;
    return { kind, text: this.source.slice(start, end), span: { start, end } };
  }
}
