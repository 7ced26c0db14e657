import fc from 'fast-check';
import {
  isConstantNode,
  isFunctionNode,
  isOperatorNode,
  isParenthesisNode,
  isSymbolNode,
  parse as mathParse,
  type MathNode,
} from 'mathjs';
import { describe, expect, it } from 'vitest';
import { KinkproofError } from '../../../src/diagnostics.js';
import type { Expr } from '../../../src/symbolic/syntax/ast.js';
import { parse } from '../../../src/symbolic/syntax/parse.js';

/** Fully parenthesised canonical form shared by our AST and mathjs's. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'string':
      return JSON.stringify(e.value);
    case 'symbol':
      return e.name;
    case 'unary':
      return `(${e.op}${show(e.arg)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'transpose':
      return `(${show(e.arg)})'`;
    case 'call':
      return `${e.name}(${e.args.map(show).join(', ')})`;
  }
}

const MATHJS_BINARY: Readonly<Record<string, string>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  dotMultiply: '.*',
  dotDivide: './',
  dotPow: '.^',
};

function showMathjs(n: MathNode): string {
  if (isParenthesisNode(n)) return showMathjs(n.content);
  if (isConstantNode(n)) return typeof n.value === 'string' ? JSON.stringify(n.value) : String(n.value);
  if (isSymbolNode(n)) return n.name;
  if (isFunctionNode(n)) return `${n.fn.name}(${n.args.map(showMathjs).join(', ')})`;
  if (isOperatorNode(n)) {
    const [a, b] = n.args;
    // Widened: mathjs's typings omit 'ctranspose', which its parser emits for X'.
    const fn: string = n.fn;
    if (fn === 'unaryMinus' && a) return `(-${showMathjs(a)})`;
    if (fn === 'unaryPlus' && a) return `(+${showMathjs(a)})`;
    if ((fn === 'ctranspose' || fn === 'transpose') && a) return `(${showMathjs(a)})'`;
    const op = MATHJS_BINARY[fn];
    if (op !== undefined && a && b) return `(${showMathjs(a)} ${op} ${showMathjs(b)})`;
  }
  throw new Error(`unexpected mathjs node ${n.type}`);
}

function failure(source: string): KinkproofError {
  try {
    parse(source);
  } catch (e) {
    if (e instanceof KinkproofError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(source)} to fail`);
}

function* nodes(e: Expr): Generator<Expr> {
  yield e;
  if (e.kind === 'unary' || e.kind === 'transpose') yield* nodes(e.arg);
  if (e.kind === 'binary') {
    yield* nodes(e.left);
    yield* nodes(e.right);
  }
  if (e.kind === 'call') for (const a of e.args) yield* nodes(a);
}

describe('parse: structure', () => {
  it.each([
    ["norm(relu(X),'fro')^2", '(norm(relu(X), "fro") ^ 2)'],
    ['sum(relu(X).^2)', 'sum((relu(X) .^ 2))'],
    ["trace(relu(X)'*relu(X))", "trace(((relu(X))' * relu(X)))"],
    ['sum(relu(X + 1).^2)', 'sum((relu((X + 1)) .^ 2))'],
    ['sum(max(X, 0.2*X))', 'sum(max(X, (0.2 * X)))'],
    ['sum(abs(X - 1).^3)', 'sum((abs((X - 1)) .^ 3))'],
    ['-X.^2', '(-(X .^ 2))'],
    ['-2^2', '(-(2 ^ 2))'],
    ['2^-1', '(2 ^ (-1))'],
    ['2^3^2', '(2 ^ (3 ^ 2))'],
    ['2^-3^2', '(2 ^ (-(3 ^ 2)))'],
    ['X.^-1', '(X .^ (-1))'],
    ["X''", "((X)')'"],
    ["X'^2", "((X)' ^ 2)"],
    ["A*X'", "(A * (X)')"],
    ["(A*X)'", "((A * X))'"],
    ['2*-X', '(2 * (-X))'],
    ['1e-3*X', '(0.001 * X)'],
    ['.5*X', '(0.5 * X)'],
    ['2.*X', '(2 .* X)'],
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['A / B ./ C .* D', '(((A / B) ./ C) .* D)'],
    ['f()', 'f()'],
    ['f (X)', 'f(X)'],
    ['\t( X\n+ 1 ) ', '(X + 1)'],
  ])('%s', (source, expected) => {
    expect(show(parse(source))).toBe(expected);
  });

  it('keeps the exact number text', () => {
    for (const text of ['2', '2.5', '.5', '2.', '1e-3', '2.5E+3', '007']) {
      expect(parse(text)).toEqual({ kind: 'number', text, value: Number(text), span: { start: 0, end: text.length } });
    }
  });

  it('reads both quote styles as strings', () => {
    expect(parse(`"fro"`)).toEqual({ kind: 'string', value: 'fro', span: { start: 0, end: 5 } });
    expect(parse(`f(X, 'nuc')`)).toMatchObject({ args: [{}, { kind: 'string', value: 'nuc' }] });
    expect(parse(`f('')`)).toMatchObject({ args: [{ kind: 'string', value: '' }] });
  });
});

describe('parse: spans', () => {
  it('records call and name spans', () => {
    const e = parse('sum(relu(X)) + foo(X)');
    if (e.kind !== 'binary' || e.right.kind !== 'call' || e.left.kind !== 'call') throw new Error(show(e));
    expect(e.span).toEqual({ start: 0, end: 21 });
    expect(e.right.nameSpan).toEqual({ start: 15, end: 18 });
    expect(e.right.span).toEqual({ start: 15, end: 21 });
    expect(e.left.args[0]?.span).toEqual({ start: 4, end: 11 });
  });

  it('covers operators, transposes and parentheses', () => {
    const e = parse(" -( X )' ^ 2");
    expect(e.span).toEqual({ start: 1, end: 12 });
    if (e.kind !== 'unary' || e.arg.kind !== 'binary' || e.arg.left.kind !== 'transpose') throw new Error(show(e));
    expect(e.arg.span).toEqual({ start: 2, end: 12 });
    expect(e.arg.left.span).toEqual({ start: 2, end: 8 });
    expect(e.arg.left.arg).toEqual({ kind: 'symbol', name: 'X', span: { start: 2, end: 7 } });
  });

  it('gives every node a span whose text parses to the same node', () => {
    const source = "norm(relu(-(X) + 1e-3), 'fro')^2 - trace(A'*B'') ./ (2 .^ -Y)";
    for (const node of nodes(parse(source))) {
      expect(show(parse(source.slice(node.span.start, node.span.end)))).toBe(show(node));
    }
  });
});

const AGREED = [
  'X',
  '2.5',
  '.5',
  '2.',
  '1e-3',
  '2.5E+3',
  "'fro'",
  'X + Y - Z',
  'X - Y - Z',
  'X * Y / Z',
  'X / Y * Z',
  'X .* Y ./ Z',
  'X + Y * Z',
  '(X + Y) * Z',
  '-X',
  '+X',
  '--X',
  '-X * Y',
  '-X.^2',
  '-2^2',
  '2^3^2',
  '2^-1',
  '2^-3^2',
  'X.^-1',
  '2*-X',
  'X^+-Y',
  "X'",
  "X''",
  "X'^2",
  "2^X'",
  "-X'",
  "A*X'",
  "(A*X)'",
  '2.*X',
  '2./X',
  '1.5.^2',
  "norm(relu(X),'fro')^2",
  'sum(relu(X).^2)',
  "trace(relu(X)'*relu(X))",
  'sum(relu(X + 1).^2)',
  'sum(max(X, 0.2*X))',
  'sum(abs(X - 1).^3)',
  'f()',
  'f(X, Y, "nuc")',
  'f (X)',
  'max(X, 0) - min(-X, 0) ./ (1 + exp(-X))',
];

describe('parse: agrees with mathjs', () => {
  it.each(AGREED)('%s', (source) => {
    expect(show(parse(source))).toBe(showMathjs(mathParse(source)));
  });

  it('on generated expressions', () => {
    const space = fc.constantFrom('', ' ');
    const { expr } = fc.letrec<{ expr: string; atom: string; arg: string }>((tie) => ({
      expr: fc.oneof(
        { depthSize: 'small', maxDepth: 6 },
        tie('atom'),
        fc.tuple(tie('expr'), space, fc.constantFrom('+', '-', '*', '/', '^', '.*', './', '.^'), space, tie('expr'))
          .map((parts) => parts.join('')),
        fc.tuple(fc.constantFrom('-', '+'), space, tie('expr')).map((parts) => parts.join('')),
        tie('expr').map((e) => `${e}'`),
        tie('expr').map((e) => `(${e})`),
        fc.tuple(fc.constantFrom('f', 'relu', 'norm'), fc.array(tie('arg'), { maxLength: 3 }))
          .map(([name, args]) => `${name}(${args.join(', ')})`),
      ),
      atom: fc.constantFrom('X', 'Y', 'b_1', '2', '2.5', '.5', '2.', '1e-3', '2.5E+3', '0'),
      arg: fc.oneof(tie('expr'), fc.constantFrom("'fro'", '"nuc"')),
    }));
    fc.assert(
      fc.property(expr, (source) => {
        expect(show(parse(source))).toBe(showMathjs(mathParse(source)));
        for (const node of nodes(parse(source))) {
          expect(show(parse(source.slice(node.span.start, node.span.end)))).toBe(show(node));
        }
      }),
      { numRuns: 500, seed: 20261201 },
    );
  });
});

describe('parse: errors', () => {
  const long = 'X'.repeat(10001);
  const cases: readonly (readonly [string, string, string, number])[] = [
    ['', 'input', 'empty expression', 0],
    [' \t\n', 'input', 'empty expression', 3],
    ['X # comment', 'syntax', "unexpected character '#'", 2],
    ['X + é', 'syntax', "unexpected character '\\u00E9'", 4],
    ['X\u0000', 'syntax', "unexpected character '\\u0000'", 1],
    ['\u{1F600}', 'syntax', "unexpected character '\\u{1F600}'", 0],
    ['X.Y', 'syntax', "unexpected character '.'", 1],
    ["f('a\u0007')", 'syntax', "unexpected character '\\u0007'", 4],
    ['1e999', 'input', 'number 1e999 is too large', 0],
    ['X + 1e+', 'syntax', 'malformed number 1e+ (exponent digits expected)', 4],
    ['2X', 'syntax', 'missing operator between 2 and X (write 2*X)', 1],
    ['2(X)', 'syntax', 'missing operator between 2 and (...) (write 2*(...))', 1],
    ['X X', 'syntax', 'missing operator between X and X (write X*X)', 2],
    ['(X)(X)', 'syntax', 'missing operator between (X) and (...) (write (X)*(...))', 3],
    ["X 'fro'", 'syntax', "missing operator between X and 'fro' (write X*'fro')", 2],
    ["X '", 'syntax', 'unterminated string', 2],
    ['norm(X, "fro)', 'syntax', 'unterminated string', 8],
    ['(X', 'syntax', "unmatched '('", 0],
    ['f(g(X)', 'syntax', "unmatched '('", 1],
    ['f(', 'syntax', "unmatched '('", 1],
    ['X)', 'syntax', "unexpected ')'", 1],
    [')', 'syntax', "unexpected ')'", 0],
    ['()', 'syntax', "missing operand before ')'", 1],
    ['f(X,)', 'syntax', "missing operand before ')'", 4],
    ['f(,X)', 'syntax', "missing operand before ','", 2],
    ['X + ', 'syntax', 'missing operand at end of expression', 4],
    ['*X', 'syntax', "missing operand before '*'", 0],
    ['X * / Y', 'syntax', "missing operand before '/'", 4],
    ['X, Y', 'syntax', "unexpected ',' outside a function call", 1],
    ['(X, Y)', 'syntax', "unexpected ',' outside a function call", 2],
    ['X % 2', 'syntax', "operator '%' is not supported", 2],
    ['X!', 'syntax', "operator '!' is not supported", 1],
    ['!X', 'syntax', "operator '!' is not supported", 0],
    ['X = 1', 'syntax', "operator '=' is not supported", 2],
    ['X == 1', 'syntax', "operator '==' is not supported", 2],
    ['X >>> 1', 'syntax', "operator '>>>' is not supported", 2],
    ['1:3', 'syntax', "operator ':' is not supported", 1],
    ['X mod 2', 'syntax', "operator 'mod' is not supported", 2],
    ['[1, 2]', 'syntax', "matrix literals '[...]' are not supported", 0],
    ['X[1]', 'syntax', "matrix literals '[...]' are not supported", 1],
    [long, 'limit', 'expression is longer than 10000 characters', 10000],
    [`${'('.repeat(201)}X${')'.repeat(201)}`, 'limit', 'expression is nested more than 200 levels deep', 200],
    [`${'-'.repeat(201)}X`, 'limit', 'expression is nested more than 200 levels deep', 200],
    [`X${"'".repeat(5000)}`, 'limit', 'expression has more than 5000 tokens', 5000],
  ];
  for (const [source, kind, message, column] of cases) {
    const label = source.length > 30 ? `${source.slice(0, 12)}... (${source.length} chars)` : source;
    it(`${JSON.stringify(label)}: ${message}`, () => {
      const e = failure(source);
      expect({ kind: e.kind, message: e.message, start: e.span?.start, source: e.source }).toEqual({
        kind,
        message,
        start: column,
        source,
      });
    });
  }

  it('accepts nesting and token counts right at the limits', () => {
    expect(() => parse(`${'('.repeat(200)}X${')'.repeat(200)}`)).not.toThrow();
    expect(() => parse(`${'f('.repeat(200)}X${')'.repeat(200)}`)).not.toThrow();
    expect(() => parse(`${'-'.repeat(200)}X`)).not.toThrow();
    expect(() => parse(`X${'^X'.repeat(200)}`)).not.toThrow();
    expect(() => parse(`X${"'".repeat(4999)}`)).not.toThrow();
    expect(() => parse(`X${' '.repeat(9999)}`)).not.toThrow();
    expect(failure(`X${'^X'.repeat(201)}`).kind).toBe('limit');
    expect(failure(`${'f('.repeat(201)}X${')'.repeat(201)}`).kind).toBe('limit');
  });

  it('throws only KinkproofError, with a span inside the text, for any string', () => {
    const pieces = ['X', 'f', '(', ')', ',', '+', '-', '*', '^', '.*', '.^', "'", '"', '1', '.5', '1e', ' ', '.', '%', '['];
    const inputs = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: fc.constantFrom(...pieces), maxLength: 40 }),
    );
    fc.assert(
      fc.property(inputs, (source) => {
        try {
          parse(source);
        } catch (e) {
          expect(e).toBeInstanceOf(KinkproofError);
          const span = (e as KinkproofError).span;
          expect(span).toBeDefined();
          expect(span!.start).toBeLessThanOrEqual(source.length);
          expect(span!.end).toBeGreaterThan(span!.start);
        }
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });
});
