/**
 * Formatting PlotData for TikZ and SVG. Deterministic: fixed decimals, the
 * same bounds for both outputs, and a missing sample (null or non-finite) breaks
 * the line instead of joining across a jump.
 */
import type { PlotData, PlotMark } from './model.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface PlotBounds {
  readonly xmin: number;
  readonly xmax: number;
  readonly ymin: number;
  readonly ymax: number;
}

/** Fixed-point with trailing zeros removed and no "-0": 0.5, -2, 1.0625. */
export function formatNumber(v: number, decimals = 4): string {
  const fixed = v.toFixed(decimals);
  const s = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return s === '-0' ? '0' : s;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The unbroken runs of a curve, split at missing samples. */
export function curveSegments(plot: PlotData, curve: PlotMark['curve']): Point[][] {
  const ys = curve === 'phi' ? plot.phi : plot.dphi;
  const segments: Point[][] = [];
  let current: Point[] = [];
  plot.xs.forEach((x, i) => {
    const y = ys[i];
    if (finite(x) && finite(y)) current.push({ x, y });
    else if (current.length > 0) segments.push(current), (current = []);
  });
  if (current.length > 0) segments.push(current);
  return segments;
}

/**
 * How far a drawn line may pass from a sample it leaves out: this fraction of the y range, measured
 * vertically (never less than the distance across the line, whatever the figure's width): 0.04 pt
 * of a 5.5 cm figure, a twentieth of the width of its line.
 */
export const DRAWN_TOLERANCE = 2.5e-4;

/**
 * The samples of one run a polyline needs, its ends always among them (Douglas–Peucker with the
 * vertical distance): every sample left out lies within `tolerance` of the line between the kept
 * samples beside it. A piece that is a line needs only its ends: TeX reads and the browser
 * draws a fraction of the samples.
 */
export function drawnPoints(run: readonly Point[], tolerance: number): Point[] {
  if (run.length <= 2) return [...run];
  const keep = new Uint8Array(run.length);
  keep[0] = keep[run.length - 1] = 1;
  const spans: [number, number][] = [[0, run.length - 1]];
  for (let span = spans.pop(); span; span = spans.pop()) {
    const [a, b] = span;
    const [p, q] = [run[a]!, run[b]!];
    const slope = (q.y - p.y) / (q.x - p.x);
    let [far, farthest] = [-1, tolerance];
    for (let i = a + 1; i < b; i++) {
      const off = Math.abs(run[i]!.y - (p.y + slope * (run[i]!.x - p.x)));
      // NaN (samples at one x) counts as far: such samples are kept.
      if (!(off <= farthest)) [far, farthest] = [i, Number.isNaN(off) ? Infinity : off];
    }
    if (far < 0) continue;
    keep[far] = 1;
    spans.push([a, far], [far, b]);
  }
  return run.filter((_, i) => keep[i] === 1);
}

/** The unbroken runs of a curve as drawn in `bounds` (`plotBounds`): each with the samples its polyline needs (`drawnPoints`). */
export function drawnSegments(plot: PlotData, curve: PlotMark['curve'], bounds: PlotBounds): Point[][] {
  const tolerance = DRAWN_TOLERANCE * (bounds.ymax - bounds.ymin);
  return curveSegments(plot, curve).map((run) => drawnPoints(run, tolerance));
}

/** Open circles (limits not taken) under filled dots (values taken): where both fall on one point, the value shows. */
export const marksInDrawingOrder = (marks: readonly PlotMark[]): PlotMark[] => [...marks.filter((m) => m.kind === 'limit'), ...marks.filter((m) => m.kind === 'value')];

/**
 * A range a figure can show: finite, and at least 10⁻⁷ of its offset, so that doubles tell its
 * points apart and a tick label needs at most about eight digits (t near 10⁷ is shown, near 10¹⁰ not).
 */
const showable = (lo: number, hi: number): boolean =>
  Number.isFinite(hi - lo) && hi - lo >= 1e-7 * Math.max(Math.abs(lo), Math.abs(hi));

/**
 * The x range of the samples, and the y range of curves and marks padded by 8 % (±1 when flat).
 * Throws for a plot no figure can show (see `drawable`).
 */
export function plotBounds(plot: PlotData): PlotBounds {
  const xs = plot.xs.filter(finite);
  const ys = [...plot.phi, ...plot.dphi, ...plot.marks.map((m) => m.y)].filter(finite);
  if (xs.length === 0 || ys.length === 0) throw new Error('plot has no finite samples');
  const [xmin, xmax] = [Math.min(...xs), Math.max(...xs)];
  const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
  const pad = hi > lo ? 0.08 * (hi - lo) : 1;
  const bounds = { xmin, xmax: xmax > xmin ? xmax : xmin + 1, ymin: lo - pad, ymax: hi + pad };
  if (!showable(bounds.xmin, bounds.xmax) || !showable(bounds.ymin, bounds.ymax)) throw new Error('plot ranges cannot be shown in doubles');
  return bounds;
}

/** Whether a figure can show the plot: finite samples, and ranges wide enough beside their offsets (see `showable`). */
export function drawable(plot: PlotData): boolean {
  try {
    plotBounds(plot);
    return true;
  } catch {
    return false;
  }
}

/** A tick label: `mantissa`·10^`power`, or `mantissa` alone when `power` is null. */
export interface TickLabel {
  readonly mantissa: string;
  readonly power: number | null;
}

export interface Tick {
  readonly value: number;
  readonly label: TickLabel;
}

const MANTISSAS = [1, 2, 5] as const;
/** m·10^e, correctly rounded (10^e is no double for e < 0: divide by 10^−e instead). */
const scaled = (m: number, e: number): number => (e < 0 ? m / 10 ** -e : m * 10 ** e);

/** Widths in em of what tick labels are made of (Computer Modern and serif digits are half an em). */
const EM = { digit: 0.5, minus: 0.78, dot: 0.28, exponent: 0.36, gap: 0.4 } as const;

/** A label's width in em: its mantissa, and ·10 with a raised exponent where it has a power. */
export function labelWidth({ mantissa, power }: TickLabel): number {
  const width = (text: string, digit: number): number =>
    [...text].reduce((w, c) => w + (c === '-' ? EM.minus : c === '.' ? EM.dot : digit), 0);
  return width(mantissa, EM.digit) + (power === null ? 0 : EM.dot + 2 * EM.digit + width(String(power), EM.exponent));
}

/**
 * The labels of ticks k·m·10^e. Plain decimals, as many as the step has, unless the step is
 * 10⁵ or more or every tick is below 10⁻³: then they share the power of ten of the largest
 * (2·10¹³, 0.5·10⁻⁶), where fixed digits would run wide or show 0 for every tick.
 */
function tickLabels(ks: readonly number[], m: number, e: number): TickLabel[] {
  const largest = Math.max(...ks.map((k) => Math.abs(scaled(k * m, e))));
  const shared = largest > 0 && (e >= 5 || largest < 1e-3);
  const power = shared ? Math.floor(Math.log10(largest) + 1e-9) : 0;
  return ks.map((k) => {
    const mantissa = formatNumber(scaled(k * m, e - power), Math.max(0, power - e));
    return { mantissa, power: power === 0 || mantissa === '0' ? null : power };
  });
}

/** The ticks of step m·10^e in [lo, hi]; undefined where k·step would not tell neighbours apart. */
function ticksOfStep(lo: number, hi: number, m: number, e: number): Tick[] | undefined {
  const step = scaled(m, e);
  const [first, last] = [Math.ceil(lo / step), Math.floor(hi / step + 1e-9)];
  if (!(Math.abs(first * m) < 2 ** 52 && Math.abs(last * m) < 2 ** 52)) return undefined;
  const ks = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
  const labels = tickLabels(ks, m, e);
  // + 0: no tick at -0.
  return ks.map((k, i) => ({ value: scaled(k * m, e) + 0, label: labels[i]! }));
}

/** Neighbouring labels, each centred on its tick, keep a gap on an axis `length` em long. */
function labelsFit(ticks: readonly Tick[], lo: number, hi: number, length: number): boolean {
  for (let i = 1; i < ticks.length; i++) {
    const apart = ((ticks[i]!.value - ticks[i - 1]!.value) / (hi - lo)) * length;
    if ((labelWidth(ticks[i - 1]!.label) + labelWidth(ticks[i]!.label)) / 2 + EM.gap > apart) return false;
  }
  return true;
}

/**
 * Round ticks for [lo, hi]: the finest step of 1, 2 or 5 times a power of ten with at most nine
 * ticks, and, on an axis `length` em long, labels that do not run into each other. None where
 * the range is empty or not finite, or too narrow for its offset to be told apart in doubles.
 */
export function axisTicks(lo: number, hi: number, length = Infinity): Tick[] {
  const span = hi - lo;
  if (!(span > 0 && Number.isFinite(span))) return [];
  let e = Math.floor(Math.log10(span / 8));
  let i = 0;
  const coarser = (): void => {
    if (++i === MANTISSAS.length) [i, e] = [0, e + 1];
  };
  while (scaled(MANTISSAS[i]!, e) < span / 8) coarser();
  for (let tries = 0; tries < 12; tries++, coarser()) {
    const ticks = ticksOfStep(lo, hi, MANTISSAS[i]!, e);
    if (ticks === undefined) return [];
    if (labelsFit(ticks, lo, hi, length)) return ticks;
  }
  return [];
}

export interface SvgArea {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Maps plot coordinates to an SVG drawing area (y grows downwards in SVG). */
export function svgTransform(bounds: PlotBounds, area: SvgArea): (p: Point) => Point {
  return (p: Point): Point => ({
    x: area.left + ((p.x - bounds.xmin) / (bounds.xmax - bounds.xmin)) * area.width,
    y: area.top + ((bounds.ymax - p.y) / (bounds.ymax - bounds.ymin)) * area.height,
  });
}

/** SVG `points="…"` of one segment, already transformed, two decimals. */
export const svgPolylinePoints = (segment: readonly Point[]): string =>
  segment.map((p) => `${formatNumber(p.x, 2)},${formatNumber(p.y, 2)}`).join(' ');
