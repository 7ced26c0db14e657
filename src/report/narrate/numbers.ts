/** Floating-point numbers from the verifier as LaTeX (display only: these numbers never decide anything). */

const trimZeros = (s: string): string => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

function scientific(x: number, digits: number): string {
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  const m = trimZeros(mantissa!);
  const e = Number(exponent);
  return m === '1' ? `10^{${e}}` : m === '-1' ? `-10^{${e}}` : `${m} \\cdot 10^{${e}}`;
}

/**
 * A value with `digits` significant digits (4.406668, -0.7784150); beyond
 * [10^{-4}, 10^{6}) in scientific notation, with 3 digits below, where values
 * are rounding noise around 0.
 */
export function valueLatex(x: number, digits = 7): string {
  if (Number.isNaN(x)) return '\\text{n/a}';
  if (!Number.isFinite(x)) return x > 0 ? '+\\infty' : '-\\infty';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-4) return scientific(x, 3);
  if (a >= 1e6) return scientific(x, digits);
  return trimZeros(x.toPrecision(digits));
}

/** A relative error with two significant digits: 0, 3.1 \cdot 10^{-11}. */
export function errorLatex(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return '\\infty';
  return x >= 0.01 ? trimZeros(x.toPrecision(2)) : scientific(x, 2);
}

/** A double as the shortest decimal that reads back as it (22.25, 1.5 \cdot 10^{-7}): for values that are exact, then rounded. */
export function shortestLatex(x: number): string {
  if (!Number.isFinite(x)) return valueLatex(x);
  const [mantissa, exponent] = String(x).split('e');
  return exponent === undefined ? mantissa! : `${mantissa} \\cdot 10^{${Number(exponent)}}`;
}
