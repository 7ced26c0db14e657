/**
 * The sign of the leading term of samples g(δ_k), δ_k = δ₀·2⁻ᵏ, whose
 * expansion g(δ) = A·δ^γ₀ + Σ a_γ·δ^γ (γ > γ₀) has exponents known exactly
 * from the one-sided series. Each known exponent γ above γ₀ is removed by
 * the difference g(δ/2) − 2^{−γ}·g(δ), which multiplies δ^γ₀ by
 * 2^{−γ₀} − 2^{−γ} > 0: the sign of A survives every step. What is left is
 * A·K·δ^γ₀ plus terms beyond those removed. A divergence such as ½·δ^{−½}
 * beside a slope of 10¹¹ grows by less than the slope's rounding, yet stands
 * out once the slope (δ⁰) and its curvature (δ¹, δ², …) are removed.
 */
import { UNIT_ROUNDOFF } from './errorModel.js';

/** Exponents removed at most: each costs a sample and adds rounding. */
const REMOVED = 4;
/**
 * A residue counts when it exceeds its rounding bound this many times. The
 * bounds are worst-case sums (each removal adds them up), so a factor 2 is
 * already sure of the sign; the run of agreeing ratios below guards the rest.
 */
const RESOLVED = 2;
/** Consecutive residues that must agree with A·K·δ^γ₀ (sign and the ratio 2^{−γ₀}). */
const AGREEING = 3;
/** How far a ratio of residues may stray from 2^{−γ₀} at most. */
const RATIO_SLACK = 0.25;

/**
 * The sign of A when the residues show it: resolved beyond RESOLVED × their
 * rounding, with one sign, and growing by 2^{−γ₀} per halving over AGREEING
 * consecutive samples; else null (the numbers do not say). The ratio's slack
 * stays below half the distance to the next term's ratio 2^{−γ}, so a term
 * left in cannot pass for the leading one.
 */
export function leadingSign(
  samples: readonly number[],
  rounding: readonly number[],
  leading: number,
  exponents: readonly number[],
): 1 | -1 | null {
  const above = [...new Set(exponents.filter((e) => e > leading))].sort((a, b) => a - b);
  const removed = above.slice(0, REMOVED);
  const next = above[REMOVED];
  const slack = next === undefined ? RATIO_SLACK : Math.min(RATIO_SLACK, (1 - 2 ** (leading - next)) / 2);
  let values = [...samples];
  let errors = [...rounding];
  for (const e of removed) {
    const factor = 2 ** -e;
    const previous = values;
    values = previous.slice(1).map((v, k) => v - factor * previous[k]!);
    // The rounding of the terms, of the factor and of the difference itself.
    errors = errors.slice(1).map((r, k) => r + factor * errors[k]! + 4 * UNIT_ROUNDOFF * (Math.abs(previous[k + 1]!) + factor * Math.abs(previous[k]!)));
  }
  const growth = 2 ** -leading;
  let run = 0;
  let sign = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    const resolved = Number.isFinite(v) && Math.abs(v) > RESOLVED * errors[k]!;
    const ratio = k > 0 ? v / values[k - 1]! : NaN;
    const follows = run > 0 && Math.sign(v) === sign && Math.abs(ratio / growth - 1) <= slack;
    run = !resolved ? 0 : follows ? run + 1 : 1;
    sign = resolved ? Math.sign(v) : 0;
    if (run >= AGREEING) return sign as 1 | -1;
  }
  return null;
}
