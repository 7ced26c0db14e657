import type { Span } from './symbolic/index.js';

/**
 * Why a request could not be answered. Every kind maps to exit code 2 in the
 * CLI except `timeout`-free internal faults, which are bugs and never typed here.
 */
export type ProblemKind =
  | 'syntax' // the text does not parse
  | 'input' // parses, but names, arities, shapes or numbers are wrong
  | 'unsupported' // well-formed, but outside what kinkproof can decide yet
  | 'limit'; // a resource limit (size, depth, time) was reached

/** The one error type kinkproof raises for bad or unsupported input. */
export class KinkproofError extends Error {
  readonly kind: ProblemKind;
  /** Position in `source` the problem refers to, when there is one. */
  readonly span: Span | undefined;
  /** The text `span` points into (the expression as given). */
  readonly source: string | undefined;

  constructor(kind: ProblemKind, message: string, span?: Span, source?: string) {
    super(message);
    this.name = 'KinkproofError';
    this.kind = kind;
    this.span = span;
    this.source = source;
  }

  /** One line for stderr: `kinkproof: <kind>: message (column N)`; control characters from user text are escaped. */
  oneLine(): string {
    const where = this.span ? ` (column ${this.span.start + 1})` : '';
    return `${this.kind === 'unsupported' ? 'not supported yet' : this.kind + ' error'}: ${oneLineText(this.message)}${where}`;
  }

  /** The source line with a caret under the offending span, or '' without a span. */
  caret(): string {
    if (!this.span || this.source === undefined) return '';
    const line = terminalText(this.source.replace(/[\r\n\t]/g, ' '));
    const width = Math.max(1, Math.min(this.span.end, line.length + 1) - this.span.start);
    return `  ${line}\n  ${' '.repeat(this.span.start)}${'^'.repeat(width)}`;
  }
}

/**
 * C0 and C1 controls other than tab and newline (ESC, CSI, CR), DEL, and the
 * bidirectional overrides and isolates: a terminal acts on them, or they
 * reorder what is shown, rather than being shown. Every output of user text
 * leaves them out or makes them visible (report/escape.ts, the CLI's text).
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Those and tab and newline: what one line of text escapes. */
const LINE_BREAKING = new RegExp(`[\\t\\n]|${CONTROL_CHARACTERS.source}`, 'g');

/** Text for a terminal: each such character (not newlines and tabs) becomes U+FFFD, one column as before. */
export function terminalText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '\ufffd');
}

/** Newlines, tabs and other control characters as visible escapes (\n, \u001b). */
export function oneLineText(text: string): string {
  return text.replace(LINE_BREAKING, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Failures of exact arithmetic that reach the user: an expansion too large to
 * do (a limit) or an expression with no real value (not supported).
 */
export function asProblem(e: unknown): KinkproofError | undefined {
  if (e instanceof KinkproofError) return e;
  if (!(e instanceof Error)) return undefined;
  if (e.name === 'TooLarge') return new KinkproofError('limit', `too large to expand exactly: ${e.message}`);
  if (e.name === 'Undefined') return new KinkproofError('unsupported', `an expression has no real value (${e.message})`);
  return undefined;
}
