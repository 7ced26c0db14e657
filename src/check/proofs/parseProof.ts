/**
 * Proof files (docs/proof-format.md): one proof per file, one statement per
 * line, each remembered with its line number so that every verdict can name
 * `file:line`. Parsing checks syntax and shapes; the mathematics is checked
 * in checkProof.ts.
 */
import { inferShapes, parseInput } from '../../symbolic/index.js';
import type { ConstantMatrix, Rational } from '../../symbolic/index.js';
import { KinkproofError } from '../../diagnostics.js';
import { LiteralError, numberMatrix, setMatrix } from './literal.js';
import type { SetEntry } from './literal.js';

interface At {
  readonly line: number;
  /** The line as written (trimmed), for reports. */
  readonly text: string;
}

export type Statement = At &
  (
    | { readonly kind: 'function'; readonly expr: string }
    /** `= expr`: equal to `previous`, the chain's last expression, written at `previousLine`. */
    | {
        readonly kind: 'step';
        readonly expr: string;
        readonly previous: string;
        readonly previousLine: number;
        readonly chain: 'function' | 'gradient';
      }
    | { readonly kind: 'gradient'; readonly expr: string; readonly subgradient: boolean }
    | { readonly kind: 'refuteGradient'; readonly expr: string }
    | { readonly kind: 'differentiable'; readonly value: boolean }
    | { readonly kind: 'class'; readonly value: string }
    | { readonly kind: 'kinks'; readonly points: readonly string[] }
    | { readonly kind: 'convex'; readonly value: boolean }
    | { readonly kind: 'subdifferential'; readonly at: Rational[][]; readonly set: SetEntry[][] | 'none' }
    | { readonly kind: 'identity'; readonly lhs: string; readonly rhs: string; readonly expect: 'holds' | 'refuted' }
  );

export interface Proof {
  readonly file: string;
  readonly title: string | null;
  readonly statements: readonly Statement[];
}

const KEYS = ['title', 'function', 'gradient', 'subgradient', 'differentiable', 'class', 'kinks', 'convex', 'subdifferential at M', 'identity', 'refute', 'refute gradient'];
export const MAX_PROOF_LINES = 2000;

interface Chain {
  readonly kind: 'function' | 'gradient';
  readonly last: string;
  readonly line: number;
}

class ProofParser {
  private title: string | null = null;
  private fn: string | null = null;
  /** The chain a `= expr` line continues, if the previous statement belongs to one. */
  private chain: Chain | null = null;
  private readonly statements: Statement[] = [];

  constructor(
    private readonly file: string,
    private readonly constants: ReadonlyMap<string, ConstantMatrix>,
  ) {}

  fail(line: number, message: string, cause?: KinkproofError): never {
    throw new KinkproofError(cause?.kind ?? 'input', `${this.file}:${line}: ${message}`, cause?.span, cause?.source);
  }

  /** Parse and type an expression now, so a typo is reported at its line. */
  private expr(text: string, line: number): string {
    const e = text.trim();
    if (!e) this.fail(line, 'missing expression');
    try {
      inferShapes(parseInput(e), { constants: this.constants }, e);
    } catch (err) {
      if (err instanceof KinkproofError) this.fail(line, err.message, err);
      throw err;
    }
    return e;
  }

  private needFunction(line: number, key: string): void {
    if (this.fn === null) this.fail(line, `'${key}:' needs a 'function:' line before it`);
  }

  private yesNo(value: string, line: number, key: string): boolean {
    const v = value.trim().toLowerCase();
    if (v === 'yes' || v === 'true') return true;
    if (v === 'no' || v === 'false') return false;
    return this.fail(line, `${key}: expected yes or no, got ${JSON.stringify(value.trim())}`);
  }

  private classOf(value: string, line: number): string {
    const v = value.trim().replace(/\s+/g, '').replace('^', '').replace('∞', 'inf').replace('¹', '1').replace('²', '2');
    if (/^C(\d+|inf)$/i.test(v)) return `C${v.slice(1).toLowerCase()}`;
    if (/^(discontinuous|C-1)$/i.test(v)) return 'discontinuous';
    return this.fail(line, `class: expected C0, C1, C2, ..., Cinf or discontinuous, got ${JSON.stringify(value.trim())}`);
  }

  private literal<T>(read: (t: string) => T, text: string, line: number, what: string): T {
    try {
      return read(text);
    } catch (e) {
      if (e instanceof LiteralError || e instanceof RangeError) return this.fail(line, `${what}: ${e.message}`);
      throw e;
    }
  }

  private identity(value: string, line: number, key: string): [string, string] {
    const parts = value.split('=');
    if (parts.length !== 2) this.fail(line, `${key}: expected 'A = B' with exactly one '='`);
    return [this.expr(parts[0]!, line), this.expr(parts[1]!, line)];
  }

  private add(s: Statement, chain: Chain | null = null): void {
    this.statements.push(s);
    this.chain = chain;
  }

  line(raw: string, line: number): void {
    const text = raw.trim();
    if (!text || text.startsWith('#')) return;
    if (text.startsWith('=')) {
      if (!this.chain) this.fail(line, "a step '= expr' must follow 'function:', 'gradient:', 'subgradient:' or another step");
      const expr = this.expr(text.slice(1), line);
      const { kind, last, line: previousLine } = this.chain;
      return this.add({ kind: 'step', line, text, expr, previous: last, previousLine, chain: kind }, { kind, last: expr, line });
    }
    const colon = text.indexOf(':');
    if (colon < 0) this.fail(line, "expected 'key: value' or '= expression'");
    const key = text.slice(0, colon).trim().toLowerCase().replace(/\s+/g, ' ');
    const value = text.slice(colon + 1);
    const at = { line, text };
    if (key.startsWith('subdifferential at ')) {
      this.needFunction(line, 'subdifferential');
      const point = this.literal(numberMatrix, text.slice(text.toLowerCase().indexOf(' at ') + 4, colon), line, 'subdifferential at');
      const set = value.trim().toLowerCase() === 'none' ? 'none' : this.literal(setMatrix, value, line, 'subdifferential');
      if (set !== 'none' && (set.length !== point.length || set[0]!.length !== point[0]!.length))
        this.fail(line, `the set is ${set.length}x${set[0]!.length} but the point is ${point.length}x${point[0]!.length}`);
      return this.add({ ...at, kind: 'subdifferential', at: point, set });
    }
    switch (key) {
      case 'title':
        if (this.title !== null) this.fail(line, 'a second title: one proof per file');
        this.title = value.trim();
        return;
      case 'function': {
        if (this.fn !== null) this.fail(line, "a second 'function:': one proof per file");
        const expr = this.expr(value, line);
        this.fn = expr;
        return this.add({ ...at, kind: 'function', expr }, { kind: 'function', last: expr, line });
      }
      case 'gradient':
      case 'subgradient': {
        this.needFunction(line, key);
        const expr = this.expr(value, line);
        return this.add({ ...at, kind: 'gradient', expr, subgradient: key === 'subgradient' }, { kind: 'gradient', last: expr, line });
      }
      case 'refute gradient':
        this.needFunction(line, key);
        return this.add({ ...at, kind: 'refuteGradient', expr: this.expr(value, line) });
      case 'differentiable':
        this.needFunction(line, key);
        return this.add({ ...at, kind: 'differentiable', value: this.yesNo(value, line, key) });
      case 'class':
        this.needFunction(line, key);
        return this.add({ ...at, kind: 'class', value: this.classOf(value, line) });
      case 'kinks': {
        this.needFunction(line, key);
        const v = value.trim();
        const points = v.toLowerCase() === 'none' ? [] : v.split(',').map((p) => this.expr(p, line));
        return this.add({ ...at, kind: 'kinks', points });
      }
      case 'convex':
        this.needFunction(line, key);
        return this.add({ ...at, kind: 'convex', value: this.yesNo(value, line, key) });
      case 'identity':
      case 'refute': {
        const [lhs, rhs] = this.identity(value, line, key);
        return this.add({ ...at, kind: 'identity', lhs, rhs, expect: key === 'refute' ? 'refuted' : 'holds' });
      }
      default:
        return this.fail(line, `unknown key '${key}' (known: ${KEYS.join(', ')})`);
    }
  }

  result(): Proof {
    if (this.statements.length === 0) this.fail(1, 'no statements: a proof needs at least a function: or an identity: line');
    return { file: this.file, title: this.title, statements: this.statements };
  }
}

/** Parse a proof file; every problem is a KinkproofError naming file:line. */
export function parseProof(text: string, file: string, constants: ReadonlyMap<string, ConstantMatrix> = new Map()): Proof {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > MAX_PROOF_LINES) throw new KinkproofError('limit', `${file}: more than ${MAX_PROOF_LINES} lines`);
  const parser = new ProofParser(file, constants);
  lines.forEach((raw, i) => parser.line(raw, i + 1));
  return parser.result();
}
