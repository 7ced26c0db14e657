/** Exact rational numbers on BigInt, always in lowest terms with a positive denominator. */
import { checkBudgetNow } from '../budget.js';

export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * Numerators and denominators have at most this many bits (about 9,900 decimal
 * digits). Past it exact arithmetic gets slow (a gcd of two 64-kbit numbers
 * takes seconds) and memory-hungry (2^(10^9) needs 125 MB), so kinkproof
 * refuses instead: 2^(10^9), 10^(10^6), sqrt(2)^100000 are limits, not answers.
 */
export const MAX_BITS = 32_768;
const LIMIT = 1n << BigInt(MAX_BITS);
const NEG_LIMIT = -LIMIT;

/** Raised when a result would grow past what we are willing to compute exactly. */
export class TooLarge extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TooLarge';
  }
}

const tooManyBits = (): TooLarge => new TooLarge(`an exact number would have more than ${MAX_BITS} bits`);

/** Below this, integers are exact doubles: Euclid runs on numbers, many times faster than on BigInt. */
const EXACT_DOUBLE = 1n << 53n;

export const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  if (a < EXACT_DOUBLE && b < EXACT_DOUBLE) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const r = x % y;
      x = y;
      y = r;
    }
    return BigInt(x);
  }
  // Euclid on numbers near the size limit runs for a while: look at the clock now and then.
  for (let i = 1; b !== 0n; i++) {
    const r = a % b;
    a = b;
    b = r;
    if ((i & 1023) === 0) checkBudgetNow();
  }
  return a;
};

export function rat(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('rational with zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = d === 1n ? 1n : gcd(n, d);
  if (g > 1n) {
    n /= g;
    d /= g;
  }
  if (n > LIMIT || n < NEG_LIMIT || d > LIMIT) throw tooManyBits();
  return { num: n, den: d };
}

export const ZERO = rat(0);
export const ONE = rat(1);
export const MINUS_ONE = rat(-1);
export const HALF = rat(1, 2);

export const isZero = (a: Rational): boolean => a.num === 0n;
export const isOne = (a: Rational): boolean => a.num === 1n && a.den === 1n;
export const isInteger = (a: Rational): boolean => a.den === 1n;
export const sign = (a: Rational): -1 | 0 | 1 => (a.num > 0n ? 1 : a.num < 0n ? -1 : 0);
export const equals = (a: Rational, b: Rational): boolean => a.num === b.num && a.den === b.den;
export const compare = (a: Rational, b: Rational): -1 | 0 | 1 => sign(sub(a, b));

export const add = (a: Rational, b: Rational): Rational => rat(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rational, b: Rational): Rational => rat(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational): Rational => rat(a.num * b.num, a.den * b.den);
export const neg = (a: Rational): Rational => ({ num: -a.num, den: a.den });
export const inv = (a: Rational): Rational => rat(a.den, a.num);
export const div = (a: Rational, b: Rational): Rational => rat(a.num * b.den, a.den * b.num);

/** a^k for an integer k (k < 0 needs a ≠ 0). */
export function powInt(a: Rational, k: bigint): Rational {
  if (k < 0n) return powInt(inv(a), -k);
  if (k === 0n) return ONE;
  const magnitude = a.num < 0n ? -a.num : a.num;
  if (a.den === 1n && magnitude <= 1n) return a.num === -1n && k % 2n === 0n ? ONE : a; // 0, 1, -1: no growth
  // |a.num|^k or a.den^k has at least (bits − 1)·k + 1 bits: refuse before computing it.
  const bits = BigInt(bitLength(magnitude > a.den ? magnitude : a.den));
  if ((bits - 1n) * k > BigInt(MAX_BITS)) throw tooManyBits();
  const out = { num: a.num ** k, den: a.den ** k };
  if (out.num > LIMIT || out.num < NEG_LIMIT || out.den > LIMIT) throw tooManyBits();
  return out;
}

/** The number of bits of a non-negative BigInt (0 for 0). */
export function bitLength(n: bigint): number {
  if (n <= 0xffffffffn) return 32 - Math.clz32(Number(n));
  const hex = n.toString(16);
  return hex.length * 4 - (Math.clz32(Number.parseInt(hex[0]!, 16)) - 28);
}

/** floor(a) as a BigInt. */
export function floor(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

/** The double nearest a/b (ties to even), also when a and b are huge. */
export function toNumber(a: Rational): number {
  const small = 2n ** 53n;
  // Both exact as doubles: IEEE division rounds correctly.
  if (a.den < small && a.num < small && a.num > -small) return Number(a.num) / Number(a.den);
  const magnitude = a.num < 0n ? -a.num : a.num;
  // A quotient of about 64 bits, its last bit set when the division is inexact (a sticky bit),
  // so that Number() rounds it as the exact quotient would be rounded.
  const k = 64 - (bitLength(magnitude) - bitLength(a.den));
  const [N, D] = k >= 0 ? [magnitude << BigInt(k), a.den] : [magnitude, a.den << BigInt(-k)];
  let q = N / D;
  if (q * D !== N) q |= 1n;
  let value = Number(q);
  // value·2^−k, in steps whose partial products stay within range (each step is exact).
  for (let e = -k; e !== 0; ) {
    const step = Math.max(-1000, Math.min(1000, e));
    value *= 2 ** step;
    e -= step;
  }
  return a.num < 0n ? -value : value;
}

/**
 * Nonzero decimals kinkproof reads exactly are at least 10^MIN_DECIMAL_EXPONENT in magnitude, in
 * expressions, matrices and proof files alike: 1e-9999999999 would need a power of ten with that
 * many digits.
 */
export const MIN_DECIMAL_EXPONENT = -1000;

/** The power of ten of a decimal literal's leading nonzero digit ("0.05" → −2, "120" → 2); null for zero. */
export function decimalOrder(text: string): number | null {
  const m = /^[+-]?([0-9]*)\.?([0-9]*)(?:[eE]([+-]?[0-9]+))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal literal: ${text}`);
  const digits = (m[1] ?? '') + (m[2] ?? '');
  const lead = digits.search(/[1-9]/);
  return lead < 0 ? null : (m[1] ?? '').length - lead - 1 + Number(m[3] ?? '0');
}

/** Exact value of a decimal literal such as "0.2", "-2.5e-3", ".5". */
export function fromDecimal(text: string): Rational {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text.trim());
  if (!m || !/[0-9]/.test((m[2] ?? '') + (m[3] ?? ''))) throw new RangeError(`not a decimal literal: ${text}`);
  const whole = m[2] ?? '';
  const frac = m[3] ?? '';
  const exp = BigInt(m[4] ?? '0') - BigInt(frac.length);
  const digits = BigInt((whole + frac).replace(/^0+(?=.)/, '') || '0');
  // 0e-9999999999999 is 0: no power of ten to form.
  if (digits === 0n) return ZERO;
  const magnitude = exp >= 0n ? rat(digits * 10n ** exp) : rat(digits, 10n ** -exp);
  return m[1] === '-' ? neg(magnitude) : magnitude;
}

/** The shortest decimal that reads back as the double x (JavaScript's own printing): 0.1 → 1/10. */
export function fromShortestDecimal(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  return fromDecimal(String(x));
}

/** Exact value of a finite double (every double is a dyadic rational). */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (Number.isInteger(x)) return rat(BigInt(x));
  let den = 1n;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  return rat(BigInt(v), den);
}

/** "3", "-1/2". */
export const toText = (a: Rational): string => (a.den === 1n ? `${a.num}` : `${a.num}/${a.den}`);

/**
 * Integer k-th root of a non-negative BigInt when it is exact, else undefined.
 * Newton's iteration on BigInt.
 */
export function exactRoot(n: bigint, k: bigint): bigint | undefined {
  if (n < 0n) return undefined;
  if (n < 2n || k === 1n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / Number(k)) + 1);
  for (;;) {
    const y = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (y >= x) break;
    x = y;
  }
  return x ** k === n ? x : undefined;
}
