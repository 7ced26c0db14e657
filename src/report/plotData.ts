/**
 * Samples of φ and φ′ for the report's figure. Each open interval is sampled
 * with the elementary piece φ equals there (compiled by the numeric layer), so
 * a sample never lands on the wrong branch of a kinked function; the values
 * at the breakpoints and the one-sided limits come from the exact analysis.
 * A curve is broken (null) wherever it jumps, is undefined or runs off the scale.
 */
import { approximate, sameFinite } from '../symbolic/index.js';
import type { BreakpointAnalysis, EntryAnalysis, Limit } from '../symbolic/index.js';
import { compileEntry } from '../numeric/compile.js';
import type { PlotData, PlotMark } from './model.js';
import { drawable } from './plot.js';

/** Uniform samples across the plotted range (the breakpoints are added to them). */
export const PLOT_SAMPLES = 200;
/** Margin around the outermost breakpoints, and the half-width without breakpoints. */
const MARGIN = 2;
/** Samples larger than this many times the 90th percentile of |y| are off the scale. */
const CLIP_FACTOR = 10;
/** Samples and marks larger than this are off the scale whatever the others are (their differences overflow). */
const LARGEST = 1e300;

const finiteOrNull = (y: number): number | null => (Number.isFinite(y) ? y : null);
const limitValue = (l: Limit): number | undefined => (l.kind === 'finite' ? approximate(l.value) : undefined);

function sampleXs(breakpoints: readonly number[]): number[] {
  const lo = breakpoints.length ? Math.min(...breakpoints) - MARGIN : -MARGIN;
  const hi = breakpoints.length ? Math.max(...breakpoints) + MARGIN : MARGIN;
  const step = (hi - lo) / PLOT_SAMPLES;
  const uniform = Array.from({ length: PLOT_SAMPLES + 1 }, (_, k) => lo + k * step);
  const clear = uniform.filter((x) => breakpoints.every((c) => Math.abs(x - c) > 1e-6 * step));
  return [...clear, ...breakpoints].sort((a, b) => a - b);
}

/** φ′ is continuous at c: differentiable there, and both one-sided limits of φ′ equal φ′(c). */
function derivativeContinuous(b: BreakpointAnalysis): boolean {
  return (
    b.differentiable === true &&
    sameFinite(b.leftLimits[1]!, b.leftDerivative) === true &&
    sameFinite(b.rightLimits[1]!, b.leftDerivative) === true
  );
}

/** A filled dot for the value taken at c, open circles for different one-sided limits. */
function breakpointMarks(x: number, curve: PlotMark['curve'], value: Limit | undefined, limits: readonly Limit[]): PlotMark[] {
  const marks: PlotMark[] = [];
  const y = value && limitValue(value);
  if (value && y !== undefined) marks.push({ x, y, curve, kind: 'value' });
  const seen: Limit[] = value ? [value] : [];
  for (const l of limits) {
    const ly = limitValue(l);
    if (ly === undefined || seen.some((s) => sameFinite(s, l) !== false)) continue;
    seen.push(l);
    marks.push({ x, y: ly, curve, kind: 'limit' });
  }
  return marks;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;
}

/** The samples for φ's figure, or undefined where no figure can show them (see `drawable`). */
export function plotData(entry: EntryAnalysis): PlotData | undefined {
  const breakpoints = entry.piecewise.breakpoints.map((c) => approximate(c));
  const phiPieces = entry.piecewise.pieces.map((p) => compileEntry(p.display));
  const dphiPieces = entry.derivativePieces.map((p) => compileEntry(p.display));
  const xs = sampleXs(breakpoints);
  const phi: (number | null)[] = [];
  const dphi: (number | null)[] = [];
  for (const x of xs) {
    const at = breakpoints.indexOf(x);
    const b = entry.breakpoints[at];
    if (b) {
      phi.push(b.continuous === true ? approximate(b.value) : null);
      dphi.push(derivativeContinuous(b) ? limitValue(b.leftDerivative)! : null);
      continue;
    }
    const piece = breakpoints.filter((c) => c < x).length;
    phi.push(finiteOrNull(phiPieces[piece]!(x)));
    dphi.push(finiteOrNull(dphiPieces[piece]!(x)));
  }
  const marks = entry.breakpoints.flatMap((b, i) => [
    ...breakpointMarks(breakpoints[i]!, 'phi', { kind: 'finite', value: b.value }, [b.leftLimits[0]!, b.rightLimits[0]!]),
    ...breakpointMarks(breakpoints[i]!, 'dphi', b.differentiable === true ? b.leftDerivative : undefined, [b.leftLimits[1]!, b.rightLimits[1]!]),
  ]);
  const sizes = [...phi, ...dphi].filter((y): y is number => y !== null).map(Math.abs);
  const cap = Math.min(LARGEST, CLIP_FACTOR * Math.max(1, quantile(sizes, 0.9)));
  const clip = (y: number | null): number | null => (y !== null && Math.abs(y) <= cap ? y : null);
  const data = {
    xs,
    phi: phi.map(clip),
    dphi: dphi.map(clip),
    breakpoints,
    marks: marks.filter((m) => Math.abs(m.y) <= cap),
  };
  return drawable(data) ? data : undefined;
}
