/**
 * fast-check arbitraries for fuzzing kinkproof: well-formed expressions of
 * the input language (README, "The input language") with bounded depth, some
 * deliberately non-separable or ill-typed ones, and random character and byte
 * strings. Every arbitrary yields the expression as the user would type it.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';

/** Maximum nesting of the entry-wise part (each level is one operator or call). */
export const MAX_ENTRY_DEPTH = 3;

// ---------------------------------------------------------------- numbers

const UNSIGNED = ['0', '1', '2', '3', '4', '10', '0.5', '0.25', '1.5', '2.5', '0.1', '0.2', '3.75', '.5', '1e-3', '2e1'] as const;

/** A small number as typed: integers, decimals, negatives (`(-2)`), and exact fractions `(1/3)`. */
export const number: Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...UNSIGNED) },
  { weight: 2, arbitrary: fc.constantFrom(...UNSIGNED).map((n) => `(-${n})`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 7 })).map(([p, q]) => `(${p}/${q})`) },
);

/** A number that is never zero (divisors). */
const nonZero: Arbitrary<string> = fc.constantFrom('2', '3', '0.5', '(-2)', '4', '1.5', '(-0.25)', '10');

/** Exponents of `.^`: small integers and half-integers, some negative, in the spellings users type. */
export const exponent: Arbitrary<string> = fc.constantFrom(
  '0', '1', '2', '3', '4', '-1', '-2', '0.5', '1.5', '2.5', '-0.5', '(1/2)', '(3/2)', '(-1)', '(-1/2)',
);

// ---------------------------------------------------------------- entry-wise matrix expressions

/** An entry-wise expression in X, and whether its entry function is defined on all of R. */
export interface Entrywise {
  readonly text: string;
  /** Built only from operations defined everywhere (no log, sqrt, negative or fractional power, or ./ of a possibly-zero divisor). */
  readonly total: boolean;
}

const TOTAL_UNARY = ['relu', 'pos', 'sigma', 'abs', 'sign', 'heaviside', 'exp'] as const;
const PARTIAL_UNARY = ['sqrt', 'log'] as const;
const BINARY_CALLS = ['max', 'min'] as const;
const TOTAL_EXPONENT = new Set(['0', '1', '2', '3', '4']);

const paren = (s: string): string => `(${s})`;
const leafOf = (text: string): Entrywise => ({ text, total: true });

const entryLevels: Arbitrary<Entrywise>[] = [];

/** Entry-wise expressions in X of nesting depth at most `depth` (memoised per depth). */
export function entrywiseTagged(depth: number = MAX_ENTRY_DEPTH): Arbitrary<Entrywise> {
  const cached = entryLevels[depth];
  if (cached) return cached;
  const leaf: Arbitrary<Entrywise> = fc.oneof(
    { weight: 6, arbitrary: fc.constant(leafOf('X')) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('+', '-'), number).map(([op, c]) => leafOf(`(X ${op} ${c})`)) },
    { weight: 1, arbitrary: number.map((c) => leafOf(`${c}*X`)) },
  );
  if (depth <= 0) {
    entryLevels[depth] = leaf;
    return leaf;
  }
  const sub = entrywiseTagged(depth - 1);
  const subOrNumber: Arbitrary<Entrywise> = fc.oneof(sub, number.map(leafOf));
  const arb: Arbitrary<Entrywise> = fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...TOTAL_UNARY), sub).map(([f, a]) => ({ text: `${f}(${a.text})`, total: a.total })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PARTIAL_UNARY), sub).map(([f, a]) => ({ text: `${f}(${a.text})`, total: false })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('sqrt(abs(#))', 'sqrt(relu(#))', 'log(1 + exp(#))', 'log(1 + (#).^2)', 'sqrt(1 + (#).^2)', '(abs(#)).^1.5', '(relu(#)).^(3/2)'), sub)
        .map(([form, a]) => ({ text: form.replace('#', a.text), total: a.total })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...BINARY_CALLS), sub, subOrNumber).map(([f, a, b]) => ({ text: `${f}(${a.text}, ${b.text})`, total: a.total && b.total })),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(sub, fc.constantFrom('+', '-', '.*'), sub).map(([a, op, b]) => ({ text: `${paren(a.text)} ${op} ${paren(b.text)}`, total: a.total && b.total })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(sub, fc.constantFrom('+', '-', '.*', '*'), number, fc.boolean())
        .map(([a, op, c, left]) => ({ text: left ? `${c} ${op} ${paren(a.text)}` : `${paren(a.text)} ${op} ${c}`, total: a.total })),
    },
    { weight: 1, arbitrary: fc.tuple(sub, nonZero).map(([a, c]) => ({ text: `${paren(a.text)} / ${c}`, total: a.total })) },
    { weight: 1, arbitrary: fc.tuple(sub, sub).map(([a, b]) => ({ text: `${paren(a.text)} ./ ${paren(b.text)}`, total: false })) },
    {
      weight: 1,
      arbitrary: fc.tuple(sub, fc.constantFrom('1 + abs', '2 + relu', 'exp')).map(([a, f]) => ({ text: `${paren(a.text)} ./ (${f}(X))`, total: a.total })),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(sub, exponent).map(([a, k]) => ({ text: `${paren(a.text)}.^${k}`, total: a.total && TOTAL_EXPONENT.has(k) })),
    },
    { weight: 1, arbitrary: sub.map((a) => ({ text: `-${paren(a.text)}`, total: a.total })) },
  );
  entryLevels[depth] = arb;
  return arb;
}

/** Entry-wise expressions as text. */
export const entrywise = (depth: number = MAX_ENTRY_DEPTH): Arbitrary<string> => entrywiseTagged(depth).map((e) => e.text);

/** Entry-wise expressions whose entry function is defined on all of R. */
export const totalEntrywise = (depth: number = MAX_ENTRY_DEPTH): Arbitrary<string> =>
  entrywiseTagged(depth)
    .filter((e) => e.total)
    .map((e) => e.text);

// ---------------------------------------------------------------- separable scalar functions

/** One separable reduction of an entry-wise expression. */
export function reduction(depth: number = MAX_ENTRY_DEPTH, E: Arbitrary<string> = entrywise(depth)): Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: E.map((e) => `sum(${e})`) },
    { weight: 3, arbitrary: E.map((e) => `norm(${e},'fro')^2`) },
    { weight: 2, arbitrary: E.map((e) => `sum(abs(${e}))`) },
    { weight: 2, arbitrary: E.map((e) => `trace((${e})'*(${e}))`) },
    { weight: 1, arbitrary: fc.tuple(E, E).map(([a, b]) => `trace((${a})'*(${b}))`) },
    { weight: 1, arbitrary: fc.tuple(E, E).map(([a, b]) => `trace((${a})*(${b})')`) },
  );
}

/** Separable scalar f: reductions, and linear combinations of them with constants. */
export function separable(depth: number = MAX_ENTRY_DEPTH, E: Arbitrary<string> = entrywise(depth)): Arbitrary<string> {
  const r = reduction(depth, E);
  return fc.oneof(
    { weight: 6, arbitrary: r },
    { weight: 2, arbitrary: fc.tuple(number, r).map(([c, f]) => `${c}*${f}`) },
    { weight: 2, arbitrary: fc.tuple(r, fc.constantFrom('+', '-'), r).map(([f, op, g]) => `${f} ${op} ${g}`) },
    { weight: 1, arbitrary: fc.tuple(r, fc.constantFrom('+', '-'), number).map(([f, op, c]) => `${f} ${op} ${c}`) },
    { weight: 1, arbitrary: fc.tuple(r, nonZero).map(([f, c]) => `${f}/${c}`) },
    { weight: 1, arbitrary: fc.tuple(number, r, number, r).map(([a, f, b, g]) => `${a}*${f} + ${b}*${g}`) },
    { weight: 1, arbitrary: r.map((f) => `-(${f})`) },
  );
}

/** Separable f whose entry function is defined on all of R. */
export const totalSeparable = (depth: number = MAX_ENTRY_DEPTH): Arbitrary<string> => separable(depth, totalEntrywise(depth));

/** Rewrites that leave an expression's value unchanged wherever it is defined ('#' is the expression). */
export const identityRewrite: Arbitrary<string> = fc.constantFrom(
  '# + 0', '0 + #', '1 .* #', '# * 1', '# / 1', '# ./ 1', '-(-#)', '# - X + X', '(# + 1) - 1', '2*#/2', '0.5*(# + #)', '# + 0*X', '#.^1',
);

// ---------------------------------------------------------------- deliberately wrong inputs

/** Well-formed but not separable: must be refused (exit 2), never answered wrongly or crash. */
export function nonSeparable(depth = 2): Arbitrary<string> {
  const E = entrywise(depth);
  return fc.oneof(
    E.map((e) => `norm(${e},'fro')`),
    E.map((e) => `sum(${e})^2`),
    E.map((e) => `norm(${e},'fro')^3`),
    E.map((e) => `sum((${e})*(${e}))`),
    E.map((e) => `sum(X*(${e}))`),
    E.map((e) => `trace(${e})`),
    E.map((e) => `trace(X*(${e}))`),
    E.map((e) => `sum((${e}) .* X')`),
    E.map((e) => `sqrt(sum(${e}))`),
    E.map((e) => `exp(sum(${e}))`),
    E.map((e) => `relu(sum(${e}))`),
    E.map((e) => `abs(norm(${e}, 1))`),
    E.map((e) => `norm(${e})^2`), // mathjs: the spectral norm, refused (not the Frobenius norm)
    E.map((e) => `norm(${e}, 1)`), // mathjs: the largest column sum, refused (not sum(abs(.)))
    fc.tuple(E, E).map(([a, b]) => `sum(${a}) * sum(${b})`),
    fc.tuple(E, E).map(([a, b]) => `max(sum(${a}), sum(${b}))`),
    E.map((e) => `sum(${e})/sum(X)`),
    E.map((e) => `2^sum(${e})`),
    E.map((e) => `sum(${e}).^2`),
  );
}

/** Ill-typed or malformed inputs: wrong arities, shapes, names, norms and operators. */
export function illTyped(depth = 2): Arbitrary<string> {
  const E = entrywise(depth);
  return fc.oneof(
    E, // matrix-valued f
    E.map((e) => `${e}'`),
    E.map((e) => `max(${e})`),
    E.map((e) => `relu(${e}, X)`),
    E.map((e) => `norm(${e}, 2)`),
    E.map((e) => `norm(${e}, 'inf')`),
    E.map((e) => `norm(${e}, 'fro', 1)`),
    E.map((e) => `sum(${e}, 1)`),
    E.map((e) => `sum(${e}) + X`),
    E.map((e) => `sum(${e} ^ 2)`),
    E.map((e) => `sum(2 .^ (${e}))`),
    E.map((e) => `sum(X / (${e}))`),
    E.map((e) => `sum(foo(${e}))`),
    E.map((e) => `sum(Y .* (${e}))`),
    E.map((e) => `sum('fro' + ${e})`),
    E.map((e) => `trace(${e} * X)`),
    E.map((e) => `sum(${e}`),
    E.map((e) => `sum(${e}))`),
    E.map((e) => `sum(${e}) sum(X)`),
    E.map((e) => `sum(${e},)`),
    E.map((e) => `sum(${e}) == 1`),
    E.map((e) => `sum([${e}])`),
    fc.constantFrom('', ' ', 'sum()', 'trace()', 'norm()', 'X', "'fro'", 'sum(X)^X', '2', '-1.5', 'sum(X) mod 2', '1e999*sum(X)', 'sum(X.^1e999)', "sum(X)'", 'sum(1e-400 * X)'),
  );
}

/** Any expression: mostly separable scalar functions, some wrong ones. */
export function expression(depth: number = MAX_ENTRY_DEPTH): Arbitrary<string> {
  return fc.oneof(
    { weight: 14, arbitrary: separable(depth) },
    { weight: 3, arbitrary: nonSeparable(Math.min(depth, 2)) },
    { weight: 3, arbitrary: illTyped(Math.min(depth, 2)) },
  );
}

// ---------------------------------------------------------------- random strings

const TOKENS = [
  'X', 'X', 'Y', '1', '0', '2.5', '.5', '1e3', '1e', '1e+', '(', '(', ')', ')', ',', "'", "'fro'", '"fro"', '+', '-', '*', '/', '^',
  '.*', './', '.^', '.', 'sum', 'trace', 'norm', 'relu', 'pos', 'sigma', 'max', 'min', 'abs', 'sign', 'heaviside', 'sqrt',
  'exp', 'log', ' ', '\t', '\n', '[', ']', '{', '}', '=', '==', ';', ':', '!', '%', '&', '|', '<', '>', '?', '~', '^|',
  'mod', 'and', 'e', 'pi', 'Infinity', 'NaN', '\u00e9', '\u{1F600}', '\u0000', '\r',
] as const;

/** Random sequences of the language's tokens (and near-misses): reaches deep into the parser. */
export const tokenSoup: Arbitrary<string> = fc
  .tuple(fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }), fc.constantFrom('', ' '))
  .map(([tokens, sep]) => tokens.join(sep));

/** Random bytes read as Latin-1 (every byte value, including NUL and controls). */
export const byteString: Arbitrary<string> = fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b).toString('latin1'));

/** Random bytes read as UTF-8 (invalid sequences become U+FFFD, as from a terminal). */
export const utf8ByteString: Arbitrary<string> = fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b).toString('utf8'));

/** A well-formed expression with one random edit: a character deleted, inserted or replaced, or a cut. */
export const mutated: Arbitrary<string> = fc
  .tuple(expression(2), fc.nat(), fc.constantFrom('delete', 'insert', 'replace', 'truncate', 'duplicate'), fc.constantFrom(...TOKENS))
  .map(([e, at, edit, token]) => {
    const i = e.length === 0 ? 0 : at % e.length;
    switch (edit) {
      case 'delete':
        return e.slice(0, i) + e.slice(i + 1);
      case 'insert':
        return e.slice(0, i) + token + e.slice(i);
      case 'replace':
        return e.slice(0, i) + token + e.slice(i + 1);
      case 'truncate':
        return e.slice(0, i);
      case 'duplicate':
        return e.slice(0, i) + e.slice(i, i + 8) + e.slice(i);
    }
  });

/** Two expressions run together, with line breaks or tabs for spaces: "missing operator" errors quoting multi-line text. */
export const runTogether: Arbitrary<string> = fc
  .tuple(expression(1), fc.constantFrom('\n', '\r\n', '\t', ' '), expression(1))
  .map(([a, space, b]) => `${a.replaceAll(' ', space)}${b}`);

/** Any string at all. */
export const randomString: Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: runTogether },
  { weight: 3, arbitrary: tokenSoup },
  { weight: 3, arbitrary: mutated },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 40 }) },
  { weight: 1, arbitrary: byteString },
  { weight: 1, arbitrary: utf8ByteString },
);

// ---------------------------------------------------------------- command lines

const FLAG_VALUE: Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '1', '0', '-1', '2,3', '3x4', '100000,100000', '100001,1', '0,5', '4001,4001', '[[1,2],[3,4]]', '[[1]]', '[]', '[[]]', '[1,2]', '5',
    'A=[[1,2]]', 'X=[[1]]', 'B=2', 'A=[[1,2],[3]]', 'A=', '=[[1]]', '0.01', '1e-9', '3600', '3601', 'NaN', '', ' ', '1e400',
    '[[1e308,1e308]]', '999999999', '1000000000', '[[null]]', '{"a":1}', '"x"', '[[1,2],[3,4],[5,6]]',
  ),
  randomString,
);

const FLAG: Arbitrary<readonly string[]> = fc.oneof<Arbitrary<readonly string[]>[]>(
  fc
    .tuple(fc.constantFrom('--at', '--shape', '--const', '--seed', '--claim', '--timeout', '--title', '--at=', '--shape=', '--seed=', '--timeout='), FLAG_VALUE)
    .map(([f, v]) => (f.endsWith('=') ? [f + v] : [f, v])),
  fc.constantFrom(['--json'], ['--no-verify'], ['--equal'], ['--help'], ['--version'], ['-h'], ['--'], ['--frobnicate'], ['--json=1'], ['-x'], ['--at'], ['-'], ['--']),
);

/**
 * Whole command lines: a command (or junk), positional arguments (expressions
 * or junk) and flags with good and bad values. No report flags (--tex, --html,
 * --md, --pdf write files) and no prove/build (they read files).
 */
export const commandLine: Arbitrary<string[]> = fc
  .tuple(
    fc.constantFrom('derive', 'derive', 'derive', 'check', 'check', 'help', '--json', '--help', '', 'frobnicate', '-h'),
    fc.array(fc.oneof(expression(2), randomString), { maxLength: 3 }),
    fc.array(FLAG, { maxLength: 5 }),
  )
  .map(([command, positional, flags]) => [command, ...positional, ...flags.flat()]);
