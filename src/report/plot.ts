/**
 * Formatting PlotData for pgfplots and SVG. Deterministic: fixed decimals, the
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
  const s = v.toFixed(decimals).replace(/\.?0+$/, '');
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

/** pgfplots `coordinates {…}` body; with `unbounded coords=jump` a nan sample breaks the line. */
export function pgfplotsCoordinates(plot: PlotData, curve: PlotMark['curve']): string {
  const ys = curve === 'phi' ? plot.phi : plot.dphi;
  const coordinates: string[] = [];
  plot.xs.forEach((x, i) => {
    const y = ys[i];
    if (finite(x)) coordinates.push(`(${formatNumber(x)},${finite(y) ? formatNumber(y) : 'nan'})`);
  });
  return coordinates.join(' ');
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
