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
      if (off > farthest) [far, farthest] = [i, off];
    }
    if (far < 0) continue;
    keep[far] = 1;
    spans.push([a, far], [far, b]);
  }
  return run.filter((_, i) => keep[i] === 1);
}

/** `DRAWN_TOLERANCE` of the plot's y range. */
const drawnTolerance = (plot: PlotData): number => {
  const b = plotBounds(plot);
  return DRAWN_TOLERANCE * (b.ymax - b.ymin);
};

/** The unbroken runs of a curve as drawn: each with the samples its polyline needs (`drawnPoints`). */
export function drawnSegments(plot: PlotData, curve: PlotMark['curve']): Point[][] {
  const tolerance = drawnTolerance(plot);
  return curveSegments(plot, curve).map((run) => drawnPoints(run, tolerance));
}

/** The x range of the samples, and the y range of curves and marks padded by 8 % (±1 when flat). */
export function plotBounds(plot: PlotData): PlotBounds {
  const xs = plot.xs.filter(finite);
  const ys = [...plot.phi, ...plot.dphi, ...plot.marks.map((m) => m.y)].filter(finite);
  if (xs.length === 0 || ys.length === 0) throw new Error('plot has no finite samples');
  const [xmin, xmax] = [Math.min(...xs), Math.max(...xs)];
  const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
  const pad = hi > lo ? 0.08 * (hi - lo) : 1;
  return { xmin, xmax: xmax > xmin ? xmax : xmin + 1, ymin: lo - pad, ymax: hi + pad };
}

/** Round tick values: the finest step of 1, 2 or 5 times a power of ten with at most nine ticks on the axis. */
export function plotTicks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 8;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  // + 0: no tick at -0.
  for (let k = Math.ceil(lo / step); k * step <= hi + 1e-9 * step; k++) out.push(k * step + 0);
  return out;
}

/** A tick label: `mantissa`·10^`power`, or `mantissa` alone when `power` is null. */
export interface TickLabel {
  readonly mantissa: string;
  readonly power: number | null;
}

/**
 * The labels of `plotTicks`' values, with as many decimals as their step has (0.5, not 0.5000).
 * Where the largest is 10⁵ or more, or below 10⁻³, they share a power of ten (2·10¹³, 5·10⁻⁷):
 * fixed decimals would show 0 for every tick, or run wider than a column.
 */
export function tickLabels(ticks: readonly number[]): TickLabel[] {
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const largest = Math.max(...ticks.map(Math.abs));
  const magnitude = largest > 0 ? Math.floor(Math.log10(largest) + 1e-9) : 0;
  const power = magnitude >= 5 || magnitude <= -4 ? magnitude : 0;
  const decimals = Math.max(0, -Math.floor(Math.log10(step / 10 ** power) + 1e-9));
  return ticks.map((v) => {
    const mantissa = formatNumber(v / 10 ** power, decimals);
    return { mantissa, power: power === 0 || mantissa === '0' ? null : power };
  });
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
