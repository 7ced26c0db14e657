/**
 * Recursive-descent parser for LaTeX math input. It builds the same `Expr` as
 * the ASCII parser, with spans into the LaTeX text, so shapes, reduction and
 * every error position work on it unchanged. Lowest to highest: `+ -`; products
 * (`\cdot \times * / \odot \circ \oslash` and juxtaposition); unary `- +`;
 * superscripts and `'`; primaries (numbers, letters, groups, fences, commands).
 * Inside `\sum_{i,j}` the summand is read entry by entry: its products, quotients
 * and powers are entry-wise, and `x_{ij}` is an entry of X.
 */
import { KinkproofError } from '../../diagnostics.js';
import type { BinaryOperator, Expr, Span } from './ast.js';
import { closerText, fenceAt, isSizeCommand, plainBar, type FenceToken } from './latexFences.js';
import { LatexLexer, type LatexToken } from './latexLexer.js';
import { commandPrimitive, isFunctionName, letterPrimitive, uprightName } from './latexNames.js';
import { primitives } from '../primitives/registry.js';
import { isReduction } from '../shapes.js';
import { MAX_DEPTH, MAX_SOURCE_LENGTH, numberProblem } from './parse.js';

const PRODUCT_OPERATORS: Readonly<Record<string, BinaryOperator>> = {
  '*': '*',
  '\\cdot': '*',
  '\\times': '*',
  '/': '/',
  '\\odot': '.*',
  '\\circ': '.*',
  '\\oslash': './',
};
/** The entry-wise operator a product, quotient or power means inside `\sum_{i,j}`. */
const ENTRY_WISE: Partial<Record<BinaryOperator, BinaryOperator>> = { '*': '.*', '/': './', '^': '.^' };
const TRANSPOSE_MARKS = new Set(['\\top', '\\intercal', 'T']);
/** Greek letters read as constants' names (\sigma and \pi are the functions relu and pi). */
const GREEK_NAMES = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'rho', 'tau', 'phi', 'varphi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Phi', 'Psi', 'Omega']);
const FRACTIONS = new Set(['\\frac', '\\dfrac', '\\tfrac']);
const UPRIGHT = new Set(['\\operatorname', '\\mathrm', '\\text', '\\textrm']);
/** Commands that can only follow an operand. */
const NOT_OPERAND_START = new Set([...Object.keys(PRODUCT_OPERATORS), '\\right', '\\top', '\\intercal']);

export function parseLatex(source: string): Expr {
  if (source.length > MAX_SOURCE_LENGTH) {
    const span = { start: MAX_SOURCE_LENGTH, end: source.length };
    throw new KinkproofError('limit', `expression is longer than ${MAX_SOURCE_LENGTH} characters`, span, source);
  }
  // The token limit first: the readings of plain bars below parse the text again.
  const lexer = new LatexLexer(source);
  while (lexer.next().kind !== 'eof');
  return readBars(source);
}

/** At most this many readings of plain bars per input, each a parse (see `readBars`). */
const MAX_BAR_READINGS = 64;

type Reading = { readonly opens: ReadonlySet<number>; readonly expr: Expr };
type PlainBar = { readonly at: number; readonly fence: NonNullable<ReturnType<typeof plainBar>> };

const cover = (a: Span, b: Span): Span => ({ start: a.start, end: b.end });

/**
 * The one reading of the text's plain bars. A plain bar that closes where it
 * could also open a factor (|2|x|-1|: |2|·x·|-1| or |2|x|-1||) is a choice; every
 * combination of choices is tried, depth first, until two readings parse (the
 * text is ambiguous: refused) or none is left. No reading: the first parse's
 * error. More than MAX_BAR_READINGS parses, or a parse stopped by a resource
 * limit: whether another reading exists is not known, and the text is refused.
 */
function readBars(source: string): Expr {
  const search = { parses: 0 };
  const found: Reading[] = [];
  let firstError: unknown;
  const explore = (opens: ReadonlySet<number>, after: number): void => {
    if (++search.parses > MAX_BAR_READINGS)
      throw new KinkproofError('limit', `more than ${MAX_BAR_READINGS} readings of plain bars to tell apart: write \\left| \\right| or \\lvert \\rvert`, undefined, source);
    const parser = new LatexParser(source, opens);
    let complete = true;
    try {
      found.push({ opens, expr: parser.parseAll() });
    } catch (e) {
      if (!(e instanceof KinkproofError) || e.kind === 'limit') throw e;
      firstError ??= e;
      complete = false;
    }
    const { choices, juxtaposed } = parser.bars();
    for (const { at, fence } of choices) {
      if (found.length > 1) return;
      // Opening at `at` leaves two more bars open than this reading, which read to the end; only a later bar it opened
      // after an operand (a factor) can close instead, so without one no reading with this bar opening parses.
      if (at > after && (!complete || juxtaposed.some((j) => j.fence === fence && j.at > at))) explore(new Set([...opens, at]), at);
    }
  };
  explore(new Set(), -1);
  if (found.length === 0) throw firstError;
  if (found.length === 1) return found[0]!.expr;
  const [a, b] = found as [Reading, Reading];
  const at = Math.min(...[...a.opens, ...b.opens].filter((x) => !(a.opens.has(x) && b.opens.has(x))));
  const bar = source.startsWith('\\', at) ? 2 : 1;
  throw new KinkproofError(
    'syntax',
    `ambiguous bars: this '${source.slice(at, at + bar)}' can close or open a factor, and the text reads both ways (|2|x|-1| is |2|·x·|-1| or |2|x|-1||); write \\left| \\right|, \\lvert \\rvert (\\lVert \\rVert), or \\cdot after the bars`,
    { start: at, end: at + bar },
    source,
  );
}

class LatexParser {
  private readonly lexer: LatexLexer;
  private token: LatexToken;
  private depth = 0;
  /** Bars and double bars open around the current position (within its brackets): a plain `|` then closes rather than opens. */
  private readonly open = { bar: 0, norm: 0 };
  /** Fenced norms without a subscript, which may still take one after their superscript. */
  private readonly bareNorms = new WeakSet<Expr>();
  /** Inside a `\sum_{i,j}` summand (and not inside a matrix in brackets `[…]_{ij}`). */
  private entryWise = false;

  /** The plain bars this parse closed where they could also have opened a factor, the text going on as its inside. */
  private readonly choices: PlainBar[] = [];
  /** The plain bars this parse opened right after an operand (a factor of a product), not inside another of their kind. */
  private readonly juxtaposed: PlainBar[] = [];

  /**
   * How this parse reads plain bars `|` and `\|`: a bar after an operand, inside
   * a plain bar of its kind, closes it, except the bars at the offsets in
   * `opens`, which open a factor instead (readBars).
   */
  constructor(
    private readonly source: string,
    private readonly opens: ReadonlySet<number>,
  ) {
    this.lexer = new LatexLexer(source);
    this.token = this.lexer.next();
  }

  /** The plain bars this parse met that matter to other readings (see `readBars`), in order. */
  bars(): { readonly choices: readonly PlainBar[]; readonly juxtaposed: readonly PlainBar[] } {
    return { choices: this.choices, juxtaposed: this.juxtaposed };
  }

  parseAll(): Expr {
    if (this.token.kind === 'eof') throw this.error('input', 'empty expression');
    const e = this.parseSum();
    if (!this.is('eof')) throw this.unexpected();
    return e;
  }

  // ------------------------------------------------------------ helpers

  private is(kind: LatexToken['kind'], text?: string): boolean {
    return this.token.kind === kind && (text === undefined || this.token.text === text);
  }

  private advance(): LatexToken {
    const t = this.token;
    this.token = this.lexer.next();
    return t;
  }

  private error(kind: 'syntax' | 'input' | 'limit', message: string, span: Span = this.token.span): KinkproofError {
    return new KinkproofError(kind, message, span, this.source);
  }

  private nested<T>(opener: LatexToken, parse: () => T): T {
    if (++this.depth > MAX_DEPTH) throw this.error('limit', `expression is nested more than ${MAX_DEPTH} levels deep`, opener.span);
    const result = parse();
    this.depth--;
    return result;
  }

  private fence(): FenceToken | undefined {
    return fenceAt(this.token, () => this.lexer.peek());
  }

  private expectSymbol(text: string, what: string): LatexToken {
    if (this.is('symbol', text)) return this.advance();
    throw this.error('syntax', this.is('eof') ? `${what}: '${text}' expected at end of expression` : `${what}: '${text}' expected, got '${this.token.text}'`);
  }

  private unexpected(): KinkproofError {
    if (this.is('eof')) return this.error('syntax', 'unexpected end of expression');
    if (this.is('symbol', ',')) return this.error('syntax', "unexpected ',' outside a function's arguments");
    return this.error('syntax', `unexpected '${this.token.text}'`);
  }

  private missingOperand(): KinkproofError {
    if (this.is('eof')) return this.error('syntax', 'missing operand at end of expression');
    return this.error('syntax', `missing operand before '${this.token.text}'`);
  }

  // ------------------------------------------------------------ operators

  private parseSum(): Expr {
    let left = this.parseProduct();
    while (this.is('symbol', '+') || this.is('symbol', '-')) {
      const op = this.advance().text as '+' | '-';
      const right = this.parseProduct();
      left = { kind: 'binary', op, left, right, span: cover(left.span, right.span) };
    }
    return left;
  }

  private parseProduct(): Expr {
    let left = this.parseUnary();
    // The right operand of the last `/`, while nothing else has followed it.
    let divisor: Expr | undefined;
    // The last factor read.
    let factor = left;
    for (;;) {
      const t = this.token;
      const written = t.kind === 'symbol' || t.kind === 'command' ? PRODUCT_OPERATORS[t.text] : undefined;
      if (written === undefined && !this.startsOperand()) return left;
      const bar = written === undefined ? plainBar(this.fence()) : undefined;
      if (bar && !this.opens.has(t.span.start)) this.juxtaposed.push({ at: t.span.start, fence: bar });
      // Readers (and mathjs, by the kind of operand) differ on x/2x: (x/2)·x or x/(2x). A proof tool does not guess.
      if (written === undefined && divisor)
        throw this.error('syntax', 'a factor right after a quotient is ambiguous (is x/2x (x/2)x or x/(2x)?): write \\frac{..}{..}, or \\cdot before the factor', cover(divisor.span, t.span));
      // TeX sets 2 3 as 23, 1\,000 as a thousand and 2\frac12 as a mixed number: numbers side by side are not read as a product.
      if (written === undefined && factor.kind === 'number' && (t.kind === 'number' || FRACTIONS.has(t.text)))
        throw this.error('syntax', `a number right after a number reads as one number in print (2 3 as 23, 2\\frac12 as 2 1/2): write 23, 2 \\cdot 3 or 2 + \\frac12`, cover(factor.span, t.span));
      if (written !== undefined) this.advance();
      const op = this.entryWiseOf(written ?? '*');
      const right = this.parseUnary();
      factor = right;
      divisor = written === '/' || written === './' ? right : undefined;
      left = { kind: 'binary', op, left, right, span: cover(left.span, right.span) };
    }
  }

  private entryWiseOf(op: BinaryOperator): BinaryOperator {
    return this.entryWise ? ENTRY_WISE[op] ?? op : op;
  }

  /** After an operand: does the next token begin another one (juxtaposition, `2 \sigma(X)`)? */
  private startsOperand(): boolean {
    const t = this.token;
    if (t.kind === 'number' || t.kind === 'letter' || (t.kind === 'symbol' && t.text === '{')) return true;
    const f = this.fence();
    if (f) {
      const bar = plainBar(f);
      return f.role === 'open' || (bar !== undefined && (this.open[bar] === 0 || this.opens.has(t.span.start)));
    }
    return t.kind === 'command' && !NOT_OPERAND_START.has(t.text) && !isSizeCommand(t);
  }

  private parseUnary(): Expr {
    const t = this.token;
    if (t.kind === 'symbol' && (t.text === '-' || t.text === '+')) {
      const op = t.text;
      const arg = this.nested(t, () => {
        this.advance();
        return this.parseUnary();
      });
      return { kind: 'unary', op, arg, span: cover(t.span, arg.span) };
    }
    return this.parseScripts(this.parsePrimary());
  }

  /** `'` and one superscript: `X^\top`, `X^{T}`, `X^{\circ 2}`, `X^2`. */
  private parseScripts(base: Expr): Expr {
    let node = base;
    let superscripted = false;
    for (;;) {
      if (this.is('symbol', "'")) {
        node = { kind: 'transpose', arg: node, span: cover(node.span, this.advance().span) };
      } else if (this.is('symbol', '^')) {
        if (superscripted) throw this.error('syntax', 'double superscript (write {X^{a}}^{b} with braces)');
        superscripted = true;
        node = this.parseSuperscript(node);
      } else if (this.is('symbol', '_')) {
        // \|R\|^2_F: the norm's subscript after its power, as often written.
        const power = node.kind === 'binary' && superscripted && this.bareNorms.has(node.left) ? node : undefined;
        if (!power) throw this.error('syntax', 'a subscript is read only on a norm (\\|R\\|_F) and on an entry x_{ij} under \\sum_{i,j}');
        const norm = power.left as Extract<Expr, { kind: 'call' }>;
        const subscripted = this.parseNormSubscript(norm.args[0]!, norm.nameSpan, norm.span);
        node = { ...power, left: subscripted, span: cover(power.span, subscripted.span) };
      } else return node;
    }
  }

  private parseSuperscript(base: Expr): Expr {
    const caret = this.advance();
    if (!this.is('symbol', '{')) {
      const t = this.token;
      if (TRANSPOSE_MARKS.has(t.text)) {
        this.advance();
        return { kind: 'transpose', arg: base, span: cover(base.span, t.span) };
      }
      if ((t.kind === 'number' && t.text.length === 1) || t.kind === 'letter') {
        const exponent = this.parsePrimary();
        return this.power(base, exponent, exponent.span, '^');
      }
      throw this.error('syntax', `write the exponent in braces: ^{${t.kind === 'eof' ? '...' : t.text}}`, t.kind === 'eof' ? caret.span : t.span);
    }
    const open = this.advance();
    if (TRANSPOSE_MARKS.has(this.token.text) && this.lexer.peek().text === '}') {
      this.advance();
      return { kind: 'transpose', arg: base, span: cover(base.span, this.advance().span) };
    }
    const entryWise = this.is('command', '\\circ');
    if (entryWise) this.advance();
    if (this.is('symbol', '}')) throw this.error('syntax', 'empty superscript');
    const exponent = this.nested(open, () => this.enclosed(() => this.parseSum()));
    const close = this.expectSymbol('}', 'superscript');
    return this.power(base, exponent, close.span, entryWise ? '.^' : '^');
  }

  private power(base: Expr, exponent: Expr, end: Span, op: '^' | '.^'): Expr {
    return { kind: 'binary', op: op === '^' ? this.entryWiseOf('^') : op, left: base, right: exponent, span: cover(base.span, end) };
  }

  // ------------------------------------------------------------ primaries

  private parsePrimary(): Expr {
    const t = this.token;
    if (t.kind === 'number') {
      this.advance();
      const value = Number(t.text);
      const problem = numberProblem(t.text, value);
      if (problem) throw this.error(problem.kind, problem.message, t.span);
      return { kind: 'number', text: t.text, value, span: t.span };
    }
    if (t.kind === 'letter') return this.parseLetter();
    if (t.kind === 'symbol' && t.text === '{') return this.parseGroup();
    const f = this.fence();
    if (f && f.role !== 'close') return this.parseFenced(f);
    if (t.kind === 'command') return this.parseCommand();
    throw this.missingOperand();
  }

  private parseGroup(): Expr {
    const open = this.advance();
    if (this.is('symbol', '}')) throw this.error('syntax', 'empty group {}');
    const inner = this.nested(open, () => this.enclosed(() => this.parseSum()));
    const close = this.expectSymbol('}', `group opened at column ${open.span.start + 1}`);
    return { ...inner, span: cover(open.span, close.span) };
  }

  private parseLetter(): Expr {
    const t = this.advance();
    if (this.is('letter') && this.token.span.start === t.span.end) {
      let end = this.advance().span.end;
      while (this.is('letter') && this.token.span.start === end) end = this.advance().span.end;
      const word = this.source.slice(t.span.start, end);
      throw this.error(
        'syntax',
        `'${word}' reads as a product of single letters in LaTeX; write ${[...word].join(' ')} (spaced) for the product, \\operatorname{${word}} for a function or \\mathrm{${word}} for a name`,
        { start: t.span.start, end },
      );
    }
    const primitive = letterPrimitive(t.text);
    if (primitive && this.opensParenthesis()) return this.parseApplication(primitive, t.span);
    if (this.is('symbol', '_')) {
      if (!this.entryWise) throw this.error('syntax', `an entry ${t.text}_{ij} is read only under \\sum_{i,j}`);
      const end = this.parseEntryIndex();
      // x_{ij} is the entry of X; A_{ij} the entry of the constant A.
      return { kind: 'symbol', name: t.text === 'x' ? 'X' : t.text, span: cover(t.span, end) };
    }
    return { kind: 'symbol', name: t.text, span: t.span };
  }

  /** `_{ij}`, `_{i,j}` or `_{i j}`; returns the span of the closing brace. */
  private parseEntryIndex(): Span {
    const underscore = this.advance();
    const fail = (): never => {
      throw this.error('syntax', 'expected the entry subscript _{ij}', cover(underscore.span, this.token.span));
    };
    if (!this.is('symbol', '{')) fail();
    this.advance();
    if (!this.is('letter', 'i')) fail();
    this.advance();
    if (this.is('symbol', ',')) this.advance();
    if (!this.is('letter', 'j')) fail();
    this.advance();
    if (!this.is('symbol', '}')) fail();
    return this.advance().span;
  }

  private opensParenthesis(): boolean {
    const f = this.fence();
    return f !== undefined && f.fence === 'paren' && f.role === 'open';
  }

  /** Consume a delimiter of `length` tokens; its span. */
  private takeFence(f: FenceToken): Span {
    const first = this.advance();
    return f.length === 2 ? cover(first.span, this.advance().span) : first.span;
  }

  /** The closer of `opener`: \right for \left, an explicit closer (\rvert, \bigr|) for an explicit opener, a plain one for a plain one. */
  private closeFence(opener: FenceToken, openSpan: Span): Span {
    const { fence, sizing } = opener;
    const f = this.fence();
    const text = this.source.slice(openSpan.start, openSpan.end);
    const role = opener.role === 'either' ? 'either' : 'close';
    if (f && f.fence === fence && f.role === role && (sizing === 'left') === (f.sizing === 'right')) return this.takeFence(f);
    if (this.is('eof')) throw this.error('syntax', `unmatched '${text}'`, openSpan);
    const got = f?.length === 2 ? `${this.token.text}${this.lexer.peek().text}` : this.token.text;
    throw this.error('syntax', `expected '${closerText(fence, sizing, opener.role)}' to close '${text}' (column ${openSpan.start + 1}), got '${got}'`);
  }

  private parseFenced(f: FenceToken): Expr {
    const opener = this.token;
    const openSpan = this.takeFence(f);
    const outerEntryWise = this.entryWise;
    // A matrix in brackets under a sum, [E]_{ij}, and a norm's argument are written at matrix level.
    if (f.fence === 'bracket' || f.fence === 'norm') this.entryWise = false;
    // Inside a plain bar a plain bar after an operand closes it; inside \lvert … \rvert or \left| … \right| it opens a factor.
    const plain = plainBar(f);
    const inner = this.nested(opener, () => (plain ? this.within(plain) : this.enclosed(() => this.parseSum())));
    this.entryWise = outerEntryWise;
    const closeSpan = this.closeFence(f, openSpan);
    // Could this bar open a factor instead, the text going on as its inside (a plain bar next would then open too)?
    if (plain && (this.startsOperand() || this.is('symbol', '-') || this.is('symbol', '+') || plainBar(this.fence())))
      this.choices.push({ at: closeSpan.start, fence: plain });
    const span = cover(openSpan, closeSpan);
    switch (f.fence) {
      case 'paren':
        return { ...inner, span };
      case 'bracket':
        return outerEntryWise ? { ...inner, span: cover(span, this.parseEntryIndexOrFail()) } : { ...inner, span };
      case 'bar':
        return { kind: 'call', name: 'abs', nameSpan: openSpan, args: [inner], span };
      case 'norm': {
        const norm = this.parseNormSubscript(inner, openSpan, span);
        if (norm.kind === 'call' && norm.args.length === 1) this.bareNorms.add(norm);
        return norm;
      }
    }
  }

  /** The inside of a bar or double bar. */
  private within(fence: 'bar' | 'norm'): Expr {
    this.open[fence]++;
    const inner = this.parseSum();
    this.open[fence]--;
    return inner;
  }

  /** Inside parentheses, brackets or braces a plain bar opens, whatever is open outside: |\max(X, 2|Y|)|. */
  private enclosed<T>(parse: () => T): T {
    const { bar, norm } = this.open;
    this.open.bar = 0;
    this.open.norm = 0;
    const result = parse();
    this.open.bar = bar;
    this.open.norm = norm;
    return result;
  }

  private parseEntryIndexOrFail(): Span {
    if (!this.is('symbol', '_')) throw this.error('syntax', 'a matrix in brackets under \\sum_{i,j} needs its entry subscript: [...]_{ij}');
    return this.parseEntryIndex();
  }

  /**
   * `\|R\|_F` is norm(R,'fro'); `_1`, `_2`, `_\infty` and no subscript keep the
   * ASCII language's (mathjs's) meanings, so shapes refuses them as it does there.
   */
  private parseNormSubscript(arg: Expr, nameSpan: Span, fenced: Span): Expr {
    const call = (args: Expr[], end: Span): Expr => ({ kind: 'call', name: 'norm', nameSpan, args, span: cover(fenced, end) });
    if (!this.is('symbol', '_')) return call([arg], fenced);
    const underscore = this.advance();
    const braced = this.is('symbol', '{');
    if (braced) this.advance();
    const kind = this.parseNormKind(underscore);
    const end = braced ? this.expectSymbol('}', 'norm subscript').span : kind.span;
    return call([arg, kind], end);
  }

  private parseNormKind(underscore: LatexToken): Expr {
    const t = this.token;
    const refuse = (): never => {
      throw this.error('syntax', "a norm's subscript is F (Frobenius), 1, 2 or \\infty", t.kind === 'eof' ? underscore.span : t.span);
    };
    if (t.kind === 'letter' && t.text === 'F') return { kind: 'string', value: 'fro', span: this.advance().span };
    if (t.kind === 'number' && (t.text === '1' || t.text === '2')) return { kind: 'number', text: t.text, value: Number(t.text), span: this.advance().span };
    if (t.kind === 'command' && t.text === '\\infty') return { kind: 'string', value: 'inf', span: this.advance().span };
    if (t.kind === 'command' && UPRIGHT.has(t.text)) {
      const { word, span } = this.parseWord();
      if (word === 'F' || word === 'fro') return { kind: 'string', value: 'fro', span };
    }
    return refuse();
  }

  // ------------------------------------------------------------ commands

  private parseCommand(): Expr {
    const t = this.token;
    if (FRACTIONS.has(t.text)) return this.parseFraction();
    if (t.text === '\\sqrt') return this.parseSqrt();
    if (t.text === '\\sum') return this.parseEntrySum();
    if (UPRIGHT.has(t.text)) return this.parseUpright();
    const primitive = commandPrimitive(t.text);
    if (primitive) {
      this.advance();
      if (primitives[primitive].arity === 0) return { kind: 'symbol', name: primitive, span: t.span };
      if (!this.opensParenthesis())
        throw this.error('syntax', `${t.text} is a function here: write ${t.text}(...) with its argument in parentheses`, t.span);
      return this.parseApplication(primitive, t.span);
    }
    // A Greek letter no function claims (\lambda, \mu) is a constant's name, as in a paper: --const lambda=0.1.
    if (GREEK_NAMES.has(t.text.slice(1))) return { kind: 'symbol', name: this.advance().text.slice(1), span: t.span };
    if (isSizeCommand(t)) throw this.error('syntax', `${t.text} must be followed by a delimiter such as ( [ | \\|`);
    if (NOT_OPERAND_START.has(t.text)) throw this.missingOperand();
    throw this.error('syntax', `unknown LaTeX command ${t.text}`);
  }

  /** `name(a, b, …)`: the parentheses may be sized (`\left(`, `\bigl(`). */
  private parseApplication(name: string, nameSpan: Span): Expr {
    const f = this.fence()!;
    const opener = this.token;
    const openSpan = this.takeFence(f);
    // A reduction's argument is a matrix, written at matrix level even under \sum_{i,j}: tr(A B) is the matrix product's trace.
    const outerEntryWise = this.entryWise;
    if (isReduction(name)) this.entryWise = false;
    const args = this.nested(opener, () =>
      this.enclosed(() => {
        const list = [this.parseSum()];
        while (this.is('symbol', ',')) {
          this.advance();
          list.push(this.parseSum());
        }
        return list;
      }),
    );
    this.entryWise = outerEntryWise;
    const close = this.closeFence(f, openSpan);
    if (this.entryWise && (name === 'max' || name === 'min') && args.length === 1)
      throw this.error('syntax', `under \\sum_{i,j} the summand is read entry by entry: write the ${name} over all entries, \\${name}(M), outside the sum`, cover(nameSpan, close));
    return { kind: 'call', name, nameSpan, args, span: cover(nameSpan, close) };
  }

  /** `\frac{a}{b}` is entry-wise division (ASCII `./`), which for a scalar b is ordinary division. */
  private parseFraction(): Expr {
    const command = this.advance();
    const numerator = this.fractionArgument(command, 'numerator');
    const denominator = this.fractionArgument(command, 'denominator');
    return { kind: 'binary', op: './', left: numerator, right: denominator, span: cover(command.span, denominator.span) };
  }

  /**
   * An argument of \frac: a group, or, as TeX reads it, one digit or one letter
   * without braces (\frac12, \frac1n). A digit is split off its number token;
   * digits left over after the denominator (\frac123) are refused, not read as a factor.
   */
  private fractionArgument(command: LatexToken, what: 'numerator' | 'denominator'): Expr {
    const t = this.token;
    if (t.kind === 'letter') return { kind: 'symbol', name: this.advance().text, span: t.span };
    if (t.kind !== 'number' || !/^\d+$/.test(t.text)) return this.braced(command, what);
    if (what === 'denominator' && t.text.length > 1)
      throw this.error('syntax', `${command.text} takes one digit without braces: write {${t.text.slice(0, 2)}}, or {${t.text[0]}} and then ${t.text.slice(1)}`, t.span);
    const digit = { start: t.span.start, end: t.span.start + 1 };
    if (t.text.length > 1) this.token = { kind: 'number', text: t.text.slice(1), span: { start: digit.end, end: t.span.end } };
    else this.advance();
    return { kind: 'number', text: t.text[0]!, value: Number(t.text[0]), span: digit };
  }

  private braced(command: LatexToken, what: string): Expr {
    if (!this.is('symbol', '{')) throw this.error('syntax', `${command.text} needs its ${what} in braces {...}`);
    return this.parseGroup();
  }

  /**
   * `\sqrt{x}` is sqrt(x); `\sqrt[n]{x}` is x.^(1/n), as ASCII writes a root,
   * except that an odd n gives the real root sign(x).*abs(x).^(1/n), as in
   * mathematics (∛−8 = −2), where x.^(1/n) would be mathjs's complex principal power.
   */
  private parseSqrt(): Expr {
    const command = this.advance();
    if (!this.is('symbol', '[')) {
      const radicand = this.braced(command, 'radicand');
      return { kind: 'call', name: 'sqrt', nameSpan: command.span, args: [radicand], span: cover(command.span, radicand.span) };
    }
    const open = this.advance();
    const index = this.nested(open, () => this.parseSum());
    const close = this.expectSymbol(']', 'root index');
    // Whether the root is real for x < 0 turns on the index being an odd integer: read only where that is plain (6/2 was not).
    if (index.kind !== 'number') throw this.error('syntax', 'a root index is a number here: \\sqrt[3]{x} (other powers: x^{p/q})', index.span);
    const radicand = this.braced(command, 'radicand');
    const one: Expr = { kind: 'number', text: '1', value: 1, span: cover(open.span, close.span) };
    const exponent: Expr = { kind: 'binary', op: '/', left: one, right: index, span: cover(open.span, close.span) };
    const span = cover(command.span, radicand.span);
    const odd = Number.isInteger(index.value) && Math.abs(index.value % 2) === 1;
    if (!odd) return { kind: 'binary', op: '.^', left: radicand, right: exponent, span };
    const of = (name: string): Expr => ({ kind: 'call', name, nameSpan: command.span, args: [radicand], span });
    const magnitude: Expr = { kind: 'binary', op: '.^', left: of('abs'), right: exponent, span };
    return { kind: 'binary', op: '.*', left: of('sign'), right: magnitude, span };
  }

  /** `\sum_{i,j}` (or `_{ij}`) over the summand, a product read entry by entry. */
  private parseEntrySum(): Expr {
    const command = this.advance();
    if (!this.is('symbol', '_')) throw this.error('syntax', '\\sum needs its indices: \\sum_{i,j}', command.span);
    this.parseEntryIndex();
    const outer = this.entryWise;
    this.entryWise = true;
    const body = this.nested(command, () => this.parseProduct());
    this.entryWise = outer;
    return { kind: 'call', name: 'sum', nameSpan: command.span, args: [body], span: cover(command.span, body.span) };
  }

  /** `\operatorname{relu}(X)`, `\mathrm{tr}(X)`, `\mathrm{W\_1}` (a constant's name). */
  private parseUpright(): Expr {
    const { word, span } = this.parseWord();
    const name = uprightName(word);
    if (this.opensParenthesis()) return this.parseApplication(name, span);
    if (isFunctionName(name)) throw this.error('syntax', `${this.source.slice(span.start, span.end)} is a function: write it with its argument in parentheses`, span);
    return { kind: 'symbol', name, span };
  }

  /** `\mathrm{word}`: letters, digits and `\_`; the word and the span of the whole command. */
  private parseWord(): { word: string; span: Span } {
    const command = this.advance();
    if (!this.is('symbol', '{')) throw this.error('syntax', `${command.text} needs a name in braces, e.g. ${command.text}{relu}`);
    this.advance();
    let word = '';
    while (this.is('letter') || this.is('number') || this.is('command', '\\_')) {
      if (this.is('number') && this.token.text.includes('.')) break;
      word += this.advance().text.replace('\\', '');
    }
    if (!word) throw this.error('syntax', `${command.text}{...} needs a name of letters, digits and \\_`);
    const close = this.expectSymbol('}', `${command.text}{${word}`);
    return { word, span: cover(command.span, close.span) };
  }
}
