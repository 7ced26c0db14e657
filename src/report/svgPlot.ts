/** An SVG figure of φ and φ′ from precomputed samples: the HTML and Markdown counterpart of tikzPlot.ts. */
import type { PlotData, PlotMark } from './model.js';
import { drawnSegments, formatNumber, plotBounds, plotTicks, svgPolylinePoints, svgTransform, tickLabels } from './plot.js';
import type { PlotBounds, SvgArea } from './plot.js';
import { PLOT_LEGEND } from './wording.js';

const WIDTH = 640;
const HEIGHT = 380;
const AREA: SvgArea = { left: 56, top: 40, width: WIDTH - 56 - 20, height: HEIGHT - 40 - 52 };
const CURVE_STYLE: Record<PlotMark['curve'], { color: string; dash: string }> = {
  phi: { color: '#1f4fd1', dash: '' },
  dphi: { color: '#c8261d', dash: ' stroke-dasharray="6 4"' },
};

const n2 = (v: number): string => formatNumber(v, 2);
/** Tick labels, with typographic minus signs and the power of ten raised. */
const labels = (ticks: readonly number[]): string[] =>
  tickLabels(ticks).map(({ mantissa, power }) => {
    const m = mantissa.replace('-', '−');
    return power === null ? m : `${m}·10<tspan dy="-6" font-size="10">${String(power).replace('-', '−')}</tspan>`;
  });

function axes(b: PlotBounds, at: (p: { x: number; y: number }) => { x: number; y: number }): string[] {
  const { left, top, width, height } = AREA;
  const bottom = top + height;
  const out = [`<rect x="${left}" y="${top}" width="${width}" height="${height}" fill="none" stroke="#888"/>`];
  const xTicks = plotTicks(b.xmin, b.xmax);
  const xLabels = labels(xTicks);
  xTicks.forEach((x, i) => {
    const px = n2(at({ x, y: 0 }).x);
    out.push(`<line x1="${px}" y1="${top}" x2="${px}" y2="${bottom}" stroke="#eee"/>`);
    out.push(`<text x="${px}" y="${bottom + 18}" text-anchor="middle">${xLabels[i]}</text>`);
  });
  const yTicks = plotTicks(b.ymin, b.ymax);
  const yLabels = labels(yTicks);
  yTicks.forEach((y, i) => {
    const py = n2(at({ x: 0, y }).y);
    out.push(`<line x1="${left}" y1="${py}" x2="${left + width}" y2="${py}" stroke="#eee"/>`);
    out.push(`<text x="${left - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${yLabels[i]}</text>`);
  });
  out.push(`<text x="${left + width / 2}" y="${bottom + 40}" text-anchor="middle" font-style="italic">t</text>`);
  return out;
}

function legend(): string[] {
  return (['phi', 'dphi'] as const).flatMap((curve, i) => {
    const x = AREA.left + AREA.width / 2 - 110 + i * 130;
    const s = CURVE_STYLE[curve];
    return [
      `<line x1="${x}" y1="20" x2="${x + 28}" y2="20" stroke="${s.color}" stroke-width="2"${s.dash}/>`,
      `<text x="${x + 34}" y="20" dominant-baseline="middle">${PLOT_LEGEND[curve]}</text>`,
    ];
  });
}

/**
 * The plot as an `<svg>` element. `standalone` adds the SVG namespace, needed
 * for a separate .svg file or a data: URL but not inside an HTML page.
 */
export function renderSvgPlot(plot: PlotData, opts: { standalone: boolean }): string {
  const b = plotBounds(plot);
  const at = svgTransform(b, AREA);
  const top = n2(AREA.top);
  const bottom = n2(AREA.top + AREA.height);
  const breakpoints = plot.breakpoints.filter(Number.isFinite).map((c) => {
    const x = n2(at({ x: c, y: 0 }).x);
    return `<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="#888" stroke-dasharray="4 4"/>`;
  });
  const curves = (['phi', 'dphi'] as const).flatMap((curve) =>
    drawnSegments(plot, curve).map((segment) => {
      const s = CURVE_STYLE[curve];
      return `<polyline points="${svgPolylinePoints(segment.map(at))}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash}/>`;
    }),
  );
  const marks = plot.marks.map((m) => {
    const p = at(m);
    const color = CURVE_STYLE[m.curve].color;
    return `<circle cx="${n2(p.x)}" cy="${n2(p.y)}" r="4" fill="${m.kind === 'value' ? color : '#fff'}" stroke="${color}" stroke-width="1.5"/>`;
  });
  const namespace = opts.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : '';
  return [
    `<svg${namespace} viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="Plot of ${PLOT_LEGEND.phi} and ${PLOT_LEGEND.dphi}" font-family="serif" font-size="13">`,
    ...axes(b, at),
    ...breakpoints,
    ...curves,
    ...marks,
    ...legend(),
    '</svg>',
  ].join('\n');
}
