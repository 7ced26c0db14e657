/**
 * Seeded random separable expressions for the differential test, each with
 * its own evaluators of the entry function φ (f([[t]]) = c + φ(t)): one in
 * floating point, one in exact rational arithmetic (which gives up, returning
 * null, as soon as an irrational number appears). Nothing here comes from
 * kinkproof: the tree is built, printed and evaluated independently of its
 * parser, reduction and kernels, so the numeric detector judges the symbolic
 * results against the expression exactly as the user would type it.
 */

// ---------------------------------------------------------------- exact rationals (own, tiny)

export interface Rat {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

export function rat(n: bigint, d: bigint = 1n): Rat {
  if (d === 0n) throw new RangeError('zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

const R = {
  add: (a: Rat, b: Rat): Rat => rat(a.n * b.d + b.n * a.d, a.d * b.d),
  sub: (a: Rat, b: Rat): Rat => rat(a.n * b.d - b.n * a.d, a.d * b.d),
  mul: (a: Rat, b: Rat): Rat => rat(a.n * b.n, a.d * b.d),
  div: (a: Rat, b: Rat): Rat | null => (b.n === 0n ? null : rat(a.n * b.d, a.d * b.n)),
  sign: (a: Rat): -1 | 0 | 1 => (a.n > 0n ? 1 : a.n < 0n ? -1 : 0),
  cmp: (a: Rat, b: Rat): -1 | 0 | 1 => R.sign(R.sub(a, b)),
  toNumber: (a: Rat): number => Number(a.n) / Number(a.d),
};

/** The exact q-th root of a non-negative integer, or null. */
function integerRoot(x: bigint, q: number): bigint | null {
  if (x < 0n) return null;
  if (x < 2n) return x;
  const r = BigInt(Math.round(Math.pow(Number(x), 1 / q)));
  for (const c of [r - 1n, r, r + 1n]) if (c >= 0n && c ** BigInt(q) === x) return c;
  return null;
}

/** a^(p/q) exactly, or null when irrational or undefined. */
function ratPow(a: Rat, p: number, q: number): Rat | null {
  if (q === 1) {
    if (p >= 0) return rat(a.n ** BigInt(p), a.d ** BigInt(p));
    return a.n === 0n ? null : rat(a.d ** BigInt(-p), a.n ** BigInt(-p));
  }
  if (a.n < 0n) return null;
  if (a.n === 0n) return p > 0 ? rat(0n) : null;
  const n = integerRoot(a.n, q);
  const d = integerRoot(a.d, q);
  return n === null || d === null ? null : ratPow(rat(n, d), p, 1);
}

/** A decimal or fraction as typed ('0.1', '(-2.5)', '(1/3)') read exactly. */
export function exactOf(text: string): Rat {
  let s = text.replace(/[()\s]/g, '');
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  let v: Rat;
  if (s.includes('/')) {
    const [p, q] = s.split('/');
    v = rat(BigInt(p!), BigInt(q!));
  } else {
    const [i, f = ''] = s.split('.');
    v = rat(BigInt((i || '0') + f), 10n ** BigInt(f.length));
  }
  return negative ? rat(-v.n, v.d) : v;
}

// ---------------------------------------------------------------- expression trees

/** A node of the entry-wise expression: its text as typed, and φ-level evaluators. */
export interface Node {
  readonly text: string;
  /** Floating point; NaN where undefined. Records intermediate magnitudes in `mag`. */
  readonly num: (t: number, mag: Magnitude) => number;
  /** Exact rational, null when irrational or undefined. */
  readonly exact: (t: Rat) => Rat | null;
  readonly children: readonly Node[];
}

export interface Magnitude {
  max: number;
}

const note = (mag: Magnitude, x: number): number => {
  const a = Math.abs(x);
  if (a > mag.max) mag.max = a;
  return x;
};

/** Below this a negative float under a fractional power is taken for a rounded 0 (as in reference.ts). */
const ROUNDED_ZERO = 1e-13;

function numPow(x: number, p: number, q: number): number {
  if (q !== 1 && x < 0 && x > -ROUNDED_ZERO) x = 0;
  if (q !== 1 && x < 0) return NaN;
  if (x === 0 && p < 0) return NaN;
  return Math.pow(x, p / q);
}

const node = (text: string, children: readonly Node[], num: Node['num'], exact: Node['exact']): Node => ({ text, num, exact, children });

export const T: Node = node('X', [], (t, m) => note(m, t), (t) => t);

export function constant(text: string): Node {
  const e = exactOf(text);
  const v = R.toNumber(e);
  return node(text, [], (_t, m) => note(m, v), () => e);
}

const lift1 = (a: Rat | null, f: (x: Rat) => Rat | null): Rat | null => (a === null ? null : f(a));
const lift2 = (a: Rat | null, b: Rat | null, f: (x: Rat, y: Rat) => Rat | null): Rat | null => (a === null || b === null ? null : f(a, b));

export function binary(op: '+' | '-' | '.*' | './' | '/', a: Node, b: Node): Node {
  const text = `(${a.text}) ${op} (${b.text})`;
  switch (op) {
    case '+':
      return node(text, [a, b], (t, m) => note(m, a.num(t, m) + b.num(t, m)), (t) => lift2(a.exact(t), b.exact(t), R.add));
    case '-':
      return node(text, [a, b], (t, m) => note(m, a.num(t, m) - b.num(t, m)), (t) => lift2(a.exact(t), b.exact(t), R.sub));
    case '.*':
      return node(text, [a, b], (t, m) => note(m, a.num(t, m) * b.num(t, m)), (t) => lift2(a.exact(t), b.exact(t), R.mul));
    case './':
    case '/':
      return node(
        text,
        [a, b],
        (t, m) => {
          const y = b.num(t, m);
          return y === 0 ? NaN : note(m, a.num(t, m) / y);
        },
        (t) => lift2(a.exact(t), b.exact(t), R.div),
      );
  }
}

export function negate(a: Node): Node {
  return node(`-(${a.text})`, [a], (t, m) => -a.num(t, m), (t) => lift1(a.exact(t), (x) => rat(-x.n, x.d)));
}

/** a.^(p/q), spelled as given (e.g. '0.5', '(1/2)', '1.5'). */
export function power(a: Node, spelling: string, p: number, q: number): Node {
  return node(`(${a.text}).^${spelling}`, [a], (t, m) => note(m, numPow(a.num(t, m), p, q)), (t) => lift1(a.exact(t), (x) => ratPow(x, p, q)));
}

const ONE: Rat = rat(1n);
const ZERO: Rat = rat(0n);

export type Unary = 'relu' | 'pos' | 'abs' | 'sign' | 'heaviside' | 'exp' | 'log' | 'sqrt';

export function call1(f: Unary, a: Node): Node {
  const text = `${f}(${a.text})`;
  const k = (num: (x: number) => number, exact: (x: Rat) => Rat | null): Node =>
    node(text, [a], (t, m) => note(m, num(a.num(t, m))), (t) => lift1(a.exact(t), exact));
  switch (f) {
    case 'relu':
    case 'pos':
      return k((x) => (x > 0 ? x : x <= 0 ? 0 : NaN), (x) => (R.sign(x) > 0 ? x : ZERO));
    case 'abs':
      return k(Math.abs, (x) => (R.sign(x) < 0 ? rat(-x.n, x.d) : x));
    case 'sign':
      return k((x) => (x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN), (x) => rat(BigInt(R.sign(x))));
    case 'heaviside':
      return k((x) => (x > 0 ? 1 : x < 0 ? 0 : x === 0 ? 0.5 : NaN), (x) => (R.sign(x) > 0 ? ONE : R.sign(x) < 0 ? ZERO : rat(1n, 2n)));
    case 'exp':
      return k(Math.exp, (x) => (x.n === 0n ? ONE : null));
    case 'log':
      return k((x) => (x > 0 ? Math.log(x) : NaN), (x) => (x.n === x.d ? ZERO : null));
    case 'sqrt':
      return k((x) => numPow(x, 1, 2), (x) => ratPow(x, 1, 2));
  }
}

export function call2(f: 'max' | 'min', a: Node, b: Node): Node {
  const pick = f === 'max' ? 1 : -1;
  return node(
    `${f}(${a.text}, ${b.text})`,
    [a, b],
    (t, m) => note(m, f === 'max' ? Math.max(a.num(t, m), b.num(t, m)) : Math.min(a.num(t, m), b.num(t, m))),
    (t) => lift2(a.exact(t), b.exact(t), (x, y) => (R.cmp(x, y) * pick >= 0 ? x : y)),
  );
}

// ---------------------------------------------------------------- seeded random generation

/** mulberry32: small, fast, seeded. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<A>(xs: readonly A[]): A {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** Pick by weight: [[weight, value], ...]. */
  weighted<A>(choices: readonly (readonly [number, A])[]): A {
    const total = choices.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of choices) if ((r -= w) < 0) return v;
    return choices[choices.length - 1]![1];
  }
}

const SHIFTS = ['1', '2', '0.5', '1.5', '0.1', '0.25', '3', '(1/3)', '2.5', '0.3', '0.75', '(2/3)'] as const;
const COEFFS = ['2', '3', '0.5', '(-1)', '(-2)', '1.5', '(-0.5)', '0.1', '(1/3)', '4'] as const;

/** Fractional and integer exponents: [spelling, p, q]. */
const FRACTIONAL: readonly (readonly [string, number, number])[] = [
  ['0.5', 1, 2], ['(1/2)', 1, 2], ['1.5', 3, 2], ['(3/2)', 3, 2], ['(1/3)', 1, 3], ['(2/3)', 2, 3], ['2.5', 5, 2],
  ['(5/2)', 5, 2], ['(4/3)', 4, 3], ['(5/3)', 5, 3], ['(1/4)', 1, 4], ['(3/4)', 3, 4], ['(7/3)', 7, 3],
];
const INTEGER: readonly (readonly [string, number, number])[] = [['2', 2, 1], ['3', 3, 1], ['4', 4, 1]];

/** An exact rational as typed: '3' or '(2/3)' or '(-1/5)'. */
export const ratText = (a: Rat): string => (a.d === 1n ? (a.n < 0n ? `(${a.n})` : `${a.n}`) : `(${a.n}/${a.d})`);

const signed = (rng: Rng, c: string): string => (rng.next() < 0.35 ? `(-${c.replace(/[()]/g, '')})` : c);

function shifted(rng: Rng): Node {
  const c = rng.pick(SHIFTS);
  return binary(rng.next() < 0.6 ? '-' : '+', T, constant(c));
}

/** Non-negative radicands with real zeros (some with multiplicity), as users write them. */
function radicand(rng: Rng, depth: number): Node {
  const c = rng.pick(SHIFTS);
  const C = constant(c);
  const d = rng.pick(SHIFTS);
  return rng.weighted<() => Node>([
    [3, () => power(binary('-', T, C), '2', 2, 1)],
    [2, () => binary('+', binary('-', power(T, '2', 2, 1), binary('.*', constant('2'), T)), constant('1'))], // X.^2-2*X+1
    [1, () => binary('+', binary('-', power(T, '2', 2, 1), binary('.*', constant(ratText(R.mul(rat(2n), exactOf(c)))), T)), power(C, '2', 2, 1))],
    [2, () => call1('abs', binary(rng.next() < 0.5 ? '-' : '+', T, C))],
    [2, () => call1('relu', binary(rng.next() < 0.5 ? '-' : '+', T, C))],
    [1, () => (rng.next() < 0.5 ? power(T, '2', 2, 1) : power(T, '4', 4, 1))],
    [1, () => power(binary('-', power(T, '2', 2, 1), C), '2', 2, 1)],
    [1, () => binary('.*', power(binary('-', T, C), '2', 2, 1), power(binary('+', T, constant(d)), '2', 2, 1))],
    [1, () => power(binary('-', T, C), '4', 4, 1)],
    [1, () => binary('+', power(T, '2', 2, 1), constant(rng.pick(['1', '0.5', '2'])))],
    [1, () => call1('exp', shifted(rng))],
    [depth > 0 ? 2 : 0, () => power(entry(rng, depth - 1), '2', 2, 1)],
    [depth > 0 ? 2 : 0, () => call1('abs', entry(rng, depth - 1))],
    [depth > 0 ? 1 : 0, () => call1('relu', entry(rng, depth - 1))],
    [depth > 0 ? 1 : 0, () => entry(rng, depth - 1)], // may be negative somewhere: refused
  ])();
}

function leaf(rng: Rng): Node {
  return rng.weighted<() => Node>([
    [4, () => T],
    [4, () => shifted(rng)],
    [1, () => binary('.*', constant(rng.pick(COEFFS)), T)],
    [1, () => binary('-', power(T, '2', 2, 1), constant(rng.pick(['1', '2', '0.25', '3'])))],
    [1, () => binary('+', binary('-', power(T, '2', 2, 1), binary('.*', constant('2'), T)), constant('1'))],
  ])();
}

/** An entry-wise expression of nesting depth at most `depth`. */
export function entry(rng: Rng, depth: number): Node {
  if (depth <= 0) return leaf(rng);
  const sub = (): Node => entry(rng, depth - 1);
  return rng.weighted<() => Node>([
    [2, () => leaf(rng)],
    [5, () => call1(rng.pick(['relu', 'pos', 'abs', 'sign', 'heaviside', 'abs', 'relu'] as const), sub())],
    [1, () => call1('exp', binary('/', sub(), constant(rng.pick(['2', '4', '1']))))],
    [5, () => {
      const [s, p, q] = rng.pick(FRACTIONAL);
      return rng.next() < 0.25 && q === 2 && p === 1 ? call1('sqrt', radicand(rng, depth - 1)) : power(radicand(rng, depth - 1), s, p, q);
    }],
    [2, () => {
      const [s, p, q] = rng.pick(INTEGER);
      return rng.next() < 0.5 ? power(call1('sqrt', radicand(rng, depth - 1)), s, p, q) : call1('sqrt', radicand(rng, depth - 1));
    }],
    [1, () => call1('log', binary('+', constant('1'), radicand(rng, depth - 1)))],
    [1, () => call1('log', binary('+', constant('1'), call1('exp', sub())))],
    [1, () => call1('sqrt', sub())], // often negative somewhere: refused
    [3, () => call2(rng.pick(['max', 'min'] as const), sub(), rng.next() < 0.5 ? sub() : constant(signed(rng, rng.pick(SHIFTS))))],
    [3, () => binary(rng.pick(['+', '-', '.*'] as const), sub(), sub())],
    [2, () => binary(rng.pick(['+', '-', '.*'] as const), sub(), constant(signed(rng, rng.pick(SHIFTS))))],
    [1, () => binary('.*', constant(rng.pick(COEFFS)), sub())],
    [1, () => binary('/', sub(), constant(rng.pick(['2', '3', '0.5', '(-4)'])))],
    [1, () => binary('./', sub(), rng.pick([binary('+', constant('1'), call1('abs', T)), binary('+', constant('2'), call1('relu', T)), binary('+', constant('1'), power(T, '2', 2, 1))]))],
    [2, () => {
      const [s, p, q] = rng.pick(INTEGER);
      return power(sub(), s, p, q);
    }],
    [1, () => negate(sub())],
  ])();
}

/** A separable f: its text, and φ as a node with f([[t]]) = φ(t) exactly. */
export interface Case {
  readonly text: string;
  readonly phi: Node;
  /** The entry-wise parts, for shrinking a failure to a smaller input. */
  readonly parts: readonly Node[];
}

const square = (e: Node): Node => node(`(${e.text})^2`, [e], (t, m) => note(m, e.num(t, m) ** 2), (t) => lift1(e.exact(t), (x) => R.mul(x, x)));

export function separableCase(rng: Rng, depth: number): Case {
  const E = entry(rng, depth);
  return rng.weighted<() => Case>([
    [6, () => ({ text: `sum(${E.text})`, phi: E, parts: [E] })],
    [2, () => ({ text: `norm(${E.text},'fro')^2`, phi: square(E), parts: [E] })],
    [1, () => ({ text: `trace((${E.text})'*(${E.text}))`, phi: square(E), parts: [E] })],
    [1, () => {
      const c = signed(rng, rng.pick(SHIFTS));
      return { text: `sum(${E.text}) + ${c}`, phi: binary('+', E, constant(c)), parts: [E] };
    }],
    [1, () => ({ text: `sum(${E.text})/3`, phi: binary('/', E, constant('3')), parts: [E] })],
    [2, () => {
      const F = entry(rng, Math.max(1, depth - 1));
      const a = rng.pick(COEFFS);
      const b = rng.pick(COEFFS);
      const phi = binary('+', binary('.*', constant(a), E), binary('.*', constant(b), F));
      return { text: `${a}*sum(${E.text}) + ${b}*sum(${F.text})`, phi, parts: [E, F] };
    }],
  ])();
}

/** Every sub-expression of `n` (n included), for shrinking. */
export function subtrees(n: Node): Node[] {
  return [n, ...n.children.flatMap(subtrees)];
}

/** A case for one entry-wise expression E: sum(E). */
export const sumCase = (E: Node): Case => ({ text: `sum(${E.text})`, phi: E, parts: [E] });
