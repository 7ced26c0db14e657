/**
 * The values of options to typed data: matrices (--at, --const), --shape,
 * --seed and --timeout. Only command modules load this (it needs exact
 * rationals); `kinkproof --help` does not. Every problem is a one-line input error.
 */
import { KinkproofError } from '../diagnostics.js';
import { isReduction, lookupPrimitive, primitives, Q } from '../symbolic/index.js';
import type { ConstantMatrix, Rational } from '../symbolic/index.js';
import { MAX_ENTRIES } from '../sizeLimits.js';
import { LABEL_PREFIX, LABEL_PREFIX_RULE, SECTION_LEVELS } from '../report/latexOptions.js';
import type { SectionLevel } from '../report/latexOptions.js';

export const MAX_DIMENSION = 100_000;
/** Longest number token in a matrix (characters). */
export const MAX_NUMBER_LENGTH = 1000;

const JSON_NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class MatrixText {
  private pos = 0;
  /** Exact values of recent tokens: a matrix of zeros makes one rational, not a million. */
  private readonly cache = new Map<string, Rational>();

  constructor(
    private readonly text: string,
    private readonly what: string,
    private readonly maxEntries: number,
  ) {}

  fail(problem: string): never {
    const at = this.pos < this.text.length ? `unexpected ${JSON.stringify(this.text.slice(this.pos, this.pos + 10))} at character ${this.pos + 1}` : problem;
    throw new KinkproofError('input', `${this.what}: not a JSON matrix like [[1,2],[3,4]]: ${at} of ${JSON.stringify(this.text.slice(0, 40))}${this.text.length > 40 ? '...' : ''}`);
  }

  space(): void {
    const t = this.text;
    let p = this.pos;
    for (let c = t.charCodeAt(p); c === 32 || c === 9 || c === 10 || c === 13; c = t.charCodeAt(++p));
    this.pos = p;
  }

  peek(): string | undefined {
    this.space();
    return this.text[this.pos];
  }

  expect(c: string): void {
    if (this.peek() !== c) this.fail(`missing '${c}' at the end`);
    this.pos++;
  }

  /** A number token, or undefined (position unchanged) when there is none here. */
  numberToken(): string | undefined {
    this.space();
    JSON_NUMBER.lastIndex = this.pos;
    const m = JSON_NUMBER.exec(this.text);
    if (!m) return undefined;
    this.pos = JSON_NUMBER.lastIndex;
    return m[0];
  }

  /** Skip any JSON value (for naming a wrong entry), without recursion; returns its text. */
  skipValue(): string {
    this.space();
    const start = this.pos;
    let depth = 0;
    do {
      const c = this.peek();
      if (c === undefined) this.fail('unexpected end');
      if (c === '[' || c === '{') {
        depth++;
        this.pos++;
        continue;
      }
      if (c === ']' || c === '}') {
        if (depth === 0) this.fail('a missing value');
        depth--;
        this.pos++;
      } else if (c === ',' || c === ':') {
        if (depth === 0) this.fail('a missing value');
        this.pos++;
        continue;
      } else if (c === '"') {
        const m = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
        m.lastIndex = this.pos;
        if (!m.exec(this.text)) this.fail('an unterminated string');
        this.pos = m.lastIndex;
      } else if (this.numberToken() === undefined) {
        const m = /true|false|null/y;
        m.lastIndex = this.pos;
        if (!m.exec(this.text)) this.fail('not JSON');
        this.pos = m.lastIndex;
      }
      if (depth > 0) {
        const next = this.peek();
        if (next !== ',' && next !== ':' && next !== ']' && next !== '}') this.fail('not JSON');
      }
    } while (depth > 0);
    return this.text.slice(start, this.pos);
  }

  /** The entry (i,j), a number or a fraction a/b (as in proof files): its nearest double and its exact value. */
  entry(i: number, j: number): [number, Rational] {
    const [x, q] = this.decimal(i, j);
    this.space();
    if (this.peek() !== '/') return [x, q];
    this.pos++;
    const [, d] = this.decimal(i, j);
    if (Q.isZero(d)) throw new KinkproofError('input', `${this.what}: entry (${i + 1},${j + 1}) divides by zero`);
    const exact = Q.div(q, d);
    return [Q.toNumber(exact), exact];
  }

  /** A decimal number at entry (i,j): its nearest double and its exact value as written. */
  private decimal(i: number, j: number): [number, Rational] {
    const token = this.numberToken();
    const where = (): string => `${this.what}: entry (${i + 1},${j + 1})`;
    if (token === undefined) {
      const shown = this.skipValue();
      throw new KinkproofError('input', `${where()} is ${shown.length > 40 ? `${shown.slice(0, 40)}...` : shown}, not a finite number`);
    }
    if (token.length > MAX_NUMBER_LENGTH) throw new KinkproofError('limit', `${where()} is a number longer than ${MAX_NUMBER_LENGTH} characters`);
    const value = Number(token);
    if (!Number.isFinite(value)) throw new KinkproofError('input', `${where()} is ${value}, not a finite number (${token.slice(0, 40)} is beyond the largest double)`);
    let exact = this.cache.get(token);
    if (exact === undefined) {
      const mantissa = token.replace(/[eE].*$/, '');
      if (!/[1-9]/.test(mantissa)) return [value, Q.ZERO]; // 0e999999999 is 0: no powers of ten
      // Nonzero, but below the smallest double: its exact value would need huge powers of ten.
      if (value === 0 && Q.decimalOrder(token)! < Q.MIN_DECIMAL_EXPONENT)
        throw new KinkproofError('limit', `${where()} is ${token.slice(0, 40)}, nonzero but smaller than 1e${Q.MIN_DECIMAL_EXPONENT} in magnitude`);
      exact = Q.fromDecimal(token);
      if (this.cache.size >= 4096) this.cache.clear();
      this.cache.set(token, exact);
    }
    return [value, exact];
  }

  matrix(): ConstantMatrix {
    const first = this.peek();
    if (first === undefined) throw new KinkproofError('input', `${this.what}: not a JSON matrix like [[1,2],[3,4]]: nothing given`);
    if (first !== '[') {
      if (this.numberToken() === undefined) {
        this.skipValue();
        this.end();
        throw new KinkproofError('input', `${this.what}: expected a non-empty array of rows`);
      }
      this.pos = 0;
      const [x, q] = this.entry(0, 0);
      this.end();
      return { rows: 1, cols: 1, data: [[x]], exact: [[q]] };
    }
    this.pos++;
    const second = this.peek();
    if (second === ']') {
      this.pos++;
      this.end();
      throw new KinkproofError('input', `${this.what}: expected a non-empty array of rows`);
    }
    if (second !== '[') {
      // One row written flat: [1, 2, 3].
      if (second !== '-' && !(second !== undefined && second >= '0' && second <= '9')) this.rowsExpected();
      const [data, exact] = this.row(0, undefined);
      this.end();
      return { rows: 1, cols: data.length, data: [data], exact: [exact] };
    }
    const data: number[][] = [];
    const exact: Rational[][] = [];
    let cols: number | undefined;
    for (;;) {
      const i = data.length;
      if (this.peek() !== '[') {
        if (cols === undefined) this.rowsExpected();
        this.skipValue();
        throw new KinkproofError('input', `${this.what}: row ${i + 1} has no entries, expected ${cols} (not rectangular)`);
      }
      this.pos++;
      if (this.peek() === ']') {
        if (cols === undefined) this.rowsExpected();
        throw new KinkproofError('input', `${this.what}: row ${i + 1} has 0 entries, expected ${cols} (not rectangular)`);
      }
      if (cols !== undefined && (i + 1) * cols > this.maxEntries) this.tooMany();
      const [r, q] = this.row(i, cols);
      if (cols === undefined) cols = r.length;
      else if (r.length !== cols) throw new KinkproofError('input', `${this.what}: row ${i + 1} has ${r.length} entries, expected ${cols} (not rectangular)`);
      data.push(r);
      exact.push(q);
      if (this.closes()) break;
    }
    this.end();
    return { rows: data.length, cols: cols!, data, exact };
  }

  /** The entries of row i after its '[' up to and including its ']'; stops early past the entry limit. */
  private row(i: number, cols: number | undefined): [number[], Rational[]] {
    const data: number[] = [];
    const exact: Rational[] = [];
    for (;;) {
      const j = data.length;
      if (cols === undefined && j + 1 > this.maxEntries) this.tooMany();
      if (cols !== undefined && j === cols) this.skipRow(i, cols);
      const [x, q] = this.entry(i, j);
      data.push(x);
      exact.push(q);
      if (this.closes()) return [data, exact];
    }
  }

  /** After an element: true at the closing ']', false at ','; anything else is an error. */
  private closes(): boolean {
    const sep = this.peek();
    if (sep !== ']' && sep !== ',') this.fail("missing ']' at the end");
    this.pos++;
    return sep === ']';
  }

  /** Row i has more than `cols` entries: count them (without keeping them) for the message. */
  private skipRow(i: number, cols: number): never {
    let n = cols + 1;
    for (;;) {
      this.skipValue();
      if (this.closes()) break;
      n++;
    }
    throw new KinkproofError('input', `${this.what}: row ${i + 1} has ${n} entries, expected ${cols} (not rectangular)`);
  }

  private rowsExpected(): never {
    throw new KinkproofError('input', `${this.what}: expected rows like [[1,2],[3,4]]`);
  }

  private tooMany(): never {
    throw new KinkproofError('limit', `${this.what}: more than ${this.maxEntries} entries`);
  }

  private end(): void {
    if (this.peek() !== undefined) this.fail('text after the matrix');
  }
}

/**
 * A JSON array of rows of finite numbers (or one number, or one flat row),
 * read from its text: each entry keeps the exact decimal written (0.1 is 1/10,
 * 0.10000000000000000001 stays itself) beside its nearest double. Refused
 * with one line naming the position or entry: malformed text, ragged rows,
 * entries that are not finite numbers, and more than `maxEntries` entries
 * (found while reading, so a huge input stops early).
 */
export function parseMatrix(text: string, what: string, maxEntries: number = MAX_ENTRIES): ConstantMatrix {
  return new MatrixText(text, what, maxEntries).matrix();
}

export function parseShape(text: string): [number, number] {
  const m = /^\s*(\d+)\s*[,x×]\s*(\d+)\s*$/.exec(text);
  if (!m) throw new KinkproofError('input', `--shape: expected m,n (two positive integers), got ${JSON.stringify(text)}`);
  const rows = Number(m[1]);
  const cols = Number(m[2]);
  if (rows < 1 || cols < 1) throw new KinkproofError('input', `--shape: dimensions must be at least 1`);
  if (rows > MAX_DIMENSION || cols > MAX_DIMENSION || rows * cols > MAX_ENTRIES)
    throw new KinkproofError('limit', `--shape ${rows},${cols}: at most ${MAX_ENTRIES} entries (${MAX_DIMENSION} per dimension)`);
  return [rows, cols];
}

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

export function parseConstants(specs: readonly string[]): Map<string, ConstantMatrix> {
  const out = new Map<string, ConstantMatrix>();
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const name = eq > 0 ? spec.slice(0, eq).trim() : '';
    if (!NAME.test(name)) throw new KinkproofError('input', `--const: expected NAME=MATRIX with a name like A or W_1, got ${JSON.stringify(spec.slice(0, 40))}`);
    if (name === 'X') throw new KinkproofError('input', `--const: X is the variable and cannot be a constant`);
    // f would still read pi as π and relu(·) as the function: the definition would be silently ignored.
    const primitive = lookupPrimitive(name);
    // Beside the primitives, the reductions (sum, trace, norm) and sqrt, which shape inference reads itself.
    if (primitive || isReduction(name) || name === 'sqrt')
      throw new KinkproofError('input', `--const: ${name} is a ${primitive && primitives[primitive].arity === 0 ? 'constant' : 'function'} of the input language; give the constant another name`);
    out.set(name, parseMatrix(spec.slice(eq + 1), `--const ${name}`));
  }
  return out;
}

export function parseSeed(text: string | undefined): number {
  if (text === undefined) return 1;
  if (!/^\d{1,9}$/.test(text)) throw new KinkproofError('input', `--seed: expected a non-negative integer below 10^9`);
  return Number(text);
}

export function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(seconds > 0) || seconds > 3600)
    throw new KinkproofError('input', `--timeout: expected seconds between 0 and 3600, got ${JSON.stringify(text)}`);
  return seconds;
}

export function parseSectionLevel(text: string | undefined): SectionLevel | undefined {
  if (text === undefined) return undefined;
  const level = SECTION_LEVELS.find((l) => l === text);
  if (level === undefined) throw new KinkproofError('input', `--section-level: expected section, subsection or none, got ${JSON.stringify(text.slice(0, 40))}`);
  return level;
}

export function parseLabelPrefix(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!LABEL_PREFIX.test(text)) throw new KinkproofError('input', `--label-prefix: ${LABEL_PREFIX_RULE}, got ${JSON.stringify(text.slice(0, 40))}`);
  return text;
}
