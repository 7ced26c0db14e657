/**
 * Seeded random SMOOTH entry functions φ(t) for the nerdamer-prime oracle
 * (nerdamerOracle.test.ts): + − * /, integer powers, rational powers, sqrt and
 * log of expressions positive by construction, exp, the registry's analytic
 * functions (sin, cos, tanh, sigmoid, softplus), decimal constants. No
 * max/abs/sign/relu/heaviside — nerdamer is never a witness at a kink.
 *
 * One tree, two spellings: kinkproof's (`sum(E(X))`, entry-wise operators) and
 * nerdamer's (in t).
 */

export type Smooth =
  | { readonly k: 't' }
  | { readonly k: 'const'; readonly text: string }
  | { readonly k: 'add' | 'sub' | 'mul' | 'div'; readonly a: Smooth; readonly b: Smooth }
  | { readonly k: 'exp' | 'log'; readonly a: Smooth }
  | { readonly k: 'fn'; readonly name: Analytic; readonly a: Smooth }
  /** a^(p/q), q ≥ 1 and gcd(p, q) = 1; q > 1 or p < 0 only for a positive base. */
  | { readonly k: 'pow'; readonly a: Smooth; readonly p: number; readonly q: number };

/** The registry's functions analytic on ℝ (nerdamer spells sigmoid and softplus out with exp and log). */
export type Analytic = 'sin' | 'cos' | 'tanh' | 'sigmoid' | 'softplus';
export const ANALYTIC: readonly Analytic[] = ['sin', 'cos', 'tanh', 'sigmoid', 'softplus'];

/** mulberry32: a small seeded generator, identical on every platform. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const T: Smooth = { k: 't' };
const bin = (k: 'add' | 'sub' | 'mul' | 'div', a: Smooth, b: Smooth): Smooth => ({ k, a, b });
const pow = (a: Smooth, p: number, q = 1): Smooth => ({ k: 'pow', a, p, q });

/**
 * A rational power of a positive base — but never of a constant: nerdamer-prime
 * 1.5.0 differentiates powers of products of radicals of constants wrongly
 * (`diff((2*3^(1/2)*5^(1/2)*t)^2, t)` is 120, the hand derivation of 60t² gives
 * 120t; `diff((6.2^(-3/2)*2*t)^2, t)` is 1000/29791 for 1000t/29791). kinkproof's
 * exact answers there were right; nerdamer is no witness for radicals of constants.
 */
const rationalPow = (a: Smooth, p: number, q: number): Smooth => (dependsOnT(a) ? pow(a, p, q) : a);

/** Exponents of positive bases: p/q in lowest terms, halves included (sqrt). */
const RATIONAL_EXPONENTS: readonly (readonly [number, number])[] = [
  [1, 2], [-1, 2], [3, 2], [-3, 2], [5, 2], [1, 3], [-1, 3], [2, 3], [-2, 3], [1, 4], [3, 4], [-1, 1], [-2, 1],
];

export class SmoothGen {
  private readonly r: () => number;
  constructor(seed: number) {
    this.r = rng(seed);
  }
  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  private pick<A>(xs: readonly A[]): A {
    return xs[this.int(0, xs.length - 1)];
  }
  /** A decimal constant such as 0.25, -1.5, 3 or 0.1 (read exactly by kinkproof, as a fraction by nerdamer). */
  constant(positive = false): Smooth {
    const den = this.pick([1, 2, 4, 5, 10, 100]);
    let num = this.int(positive ? 1 : -40, 40);
    if (num === 0) num = 1;
    const text = (num / den).toString(); // den divides a power of 10: a short exact decimal
    return { k: 'const', text };
  }

  /** Any smooth expression of t, depth at most d. */
  any(d: number): Smooth {
    if (d <= 0) return this.r() < 0.75 ? T : this.constant();
    switch (this.int(0, 11)) {
      case 0:
        return bin('add', this.any(d - 1), this.any(d - 1));
      case 1:
        return bin('sub', this.any(d - 1), this.any(d - 1));
      case 2:
        return bin('mul', this.any(d - 1), this.any(d - 1));
      case 3:
        return bin('mul', this.constant(), this.any(d - 1));
      case 4:
        return bin('div', this.any(d - 1), this.positive(d - 1));
      case 5:
        return pow(this.any(d - 1), this.int(2, 3));
      case 6:
        return { k: 'exp', a: this.small(d - 1) };
      case 7:
        return { k: 'log', a: this.positive(d - 1) };
      case 8: {
        const [p, q] = this.pick(RATIONAL_EXPONENTS);
        return rationalPow(this.positive(d - 1), p, q);
      }
      case 9:
        return this.positive(d - 1);
      case 10:
        return { k: 'fn', name: this.pick(ANALYTIC), a: this.small(d - 1) };
      default:
        return bin('add', this.any(d - 1), T);
    }
  }

  /** An argument of exp that stays moderate: t, a·t, a polynomial of low degree, sqrt/log of a positive. */
  private small(d: number): Smooth {
    switch (this.int(0, 4)) {
      case 0:
        return T;
      case 1:
        return bin('mul', this.constant(), T);
      case 2:
        return bin('add', bin('mul', this.constant(), pow(T, 2)), this.constant());
      case 3:
        return { k: 'log', a: this.positive(d) };
      default:
        return d > 0 ? this.any(d - 1) : T;
    }
  }

  /** An expression positive for every real t by construction. */
  positive(d: number): Smooth {
    if (d <= 0) return this.r() < 0.3 ? this.constant(true) : bin('add', pow(T, 2), this.constant(true));
    switch (this.int(0, 8)) {
      case 0:
        return bin('add', pow(this.any(d - 1), 2), this.constant(true));
      case 1:
        return { k: 'exp', a: this.small(d - 1) };
      case 2:
        return bin('add', { k: 'exp', a: this.small(d - 1) }, this.constant(true));
      case 3:
        return bin('mul', this.positive(d - 1), this.positive(d - 1));
      case 4:
        return bin('add', this.positive(d - 1), this.positive(d - 1));
      case 5:
        return bin('div', this.positive(d - 1), this.positive(d - 1));
      case 6: {
        const [p, q] = this.pick(RATIONAL_EXPONENTS);
        return rationalPow(this.positive(d - 1), p, q);
      }
      case 7:
        // log(1 + P) > 0 for P > 0
        return { k: 'log', a: bin('add', { k: 'const', text: '1' }, this.positive(d - 1)) };
      default:
        return bin('add', pow(T, 4), bin('add', pow(T, 2), this.constant(true)));
    }
  }

  /** A depth for the next expression: max − 1 or max, evenly. */
  depth(max: number): number {
    return this.int(max - 1, max);
  }

  /** A smooth φ that depends on t. */
  expression(depth: number): Smooth {
    for (;;) {
      const e = this.any(depth);
      if (dependsOnT(e)) return e;
    }
  }
}

/** The analytic functions e uses. */
export function analyticIn(e: Smooth, out = new Set<Analytic>()): Set<Analytic> {
  if (e.k === 'fn') out.add(e.name);
  if ('a' in e) analyticIn(e.a, out);
  if ('b' in e) analyticIn(e.b, out);
  return out;
}

export function dependsOnT(e: Smooth): boolean {
  switch (e.k) {
    case 't':
      return true;
    case 'const':
      return false;
    case 'exp':
    case 'log':
    case 'fn':
    case 'pow':
      return dependsOnT(e.a);
    default:
      return dependsOnT(e.a) || dependsOnT(e.b);
  }
}

const paren = (s: string): string => `(${s})`;

/** kinkproof's input language: φ applied entry-wise to X. */
export function kinkproofText(e: Smooth): string {
  switch (e.k) {
    case 't':
      return 'X';
    case 'const':
      return paren(e.text);
    case 'add':
      return paren(`${kinkproofText(e.a)} + ${kinkproofText(e.b)}`);
    case 'sub':
      return paren(`${kinkproofText(e.a)} - ${kinkproofText(e.b)}`);
    case 'mul':
      return paren(`${kinkproofText(e.a)} .* ${kinkproofText(e.b)}`);
    case 'div':
      return paren(`${kinkproofText(e.a)} ./ ${kinkproofText(e.b)}`);
    case 'exp':
    case 'log':
      return `${e.k}(${kinkproofText(e.a)})`;
    case 'fn':
      return `${e.name}(${kinkproofText(e.a)})`;
    case 'pow':
      if (e.p === 1 && e.q === 2) return `sqrt(${kinkproofText(e.a)})`;
      return paren(`${kinkproofText(e.a)}.^${e.q === 1 ? paren(String(e.p)) : paren(`${e.p}/${e.q}`)}`);
  }
}

/** nerdamer-prime's spelling in t (sqrt for the power ½, as users write it). */
export function nerdamerText(e: Smooth): string {
  switch (e.k) {
    case 't':
      return 't';
    case 'const':
      return paren(e.text);
    case 'add':
      return paren(`${nerdamerText(e.a)}+${nerdamerText(e.b)}`);
    case 'sub':
      return paren(`${nerdamerText(e.a)}-${nerdamerText(e.b)}`);
    case 'mul':
      return paren(`${nerdamerText(e.a)}*${nerdamerText(e.b)}`);
    case 'div':
      return paren(`${nerdamerText(e.a)}/${nerdamerText(e.b)}`);
    case 'exp':
    case 'log':
      return `${e.k}(${nerdamerText(e.a)})`;
    case 'fn': {
      const a = nerdamerText(e.a);
      if (e.name === 'sigmoid') return `(1/(1+exp(-${paren(a)})))`;
      if (e.name === 'softplus') return `log(1+exp(${a}))`;
      return `${e.name}(${a})`;
    }
    case 'pow': {
      if (e.p === 1 && e.q === 2) return `sqrt(${nerdamerText(e.a)})`;
      return paren(`${paren(nerdamerText(e.a))}^${e.q === 1 ? paren(String(e.p)) : paren(`${e.p}/${e.q}`)}`);
    }
  }
}

/** φ(t) in plain double arithmetic: the reference for reading the expression, not for derivatives. */
export function evaluateSmooth(e: Smooth, t: number): number {
  switch (e.k) {
    case 't':
      return t;
    case 'const':
      return Number(e.text);
    case 'add':
      return evaluateSmooth(e.a, t) + evaluateSmooth(e.b, t);
    case 'sub':
      return evaluateSmooth(e.a, t) - evaluateSmooth(e.b, t);
    case 'mul':
      return evaluateSmooth(e.a, t) * evaluateSmooth(e.b, t);
    case 'div':
      return evaluateSmooth(e.a, t) / evaluateSmooth(e.b, t);
    case 'exp':
      return Math.exp(evaluateSmooth(e.a, t));
    case 'log':
      return Math.log(evaluateSmooth(e.a, t));
    case 'fn':
      return ANALYTIC_VALUE[e.name](evaluateSmooth(e.a, t));
    case 'pow': {
      const b = evaluateSmooth(e.a, t);
      return e.p === 1 && e.q === 2 ? Math.sqrt(b) : b ** (e.p / e.q);
    }
  }
}

const ANALYTIC_VALUE: Readonly<Record<Analytic, (x: number) => number>> = {
  sin: Math.sin,
  cos: Math.cos,
  tanh: Math.tanh,
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  softplus: (x) => Math.log(1 + Math.exp(x)),
};
