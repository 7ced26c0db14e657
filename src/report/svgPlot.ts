/** An SVG figure of φ and φ′ from precomputed samples: the HTML and Markdown counterpart of tikzPlot.ts. */
import type { PlotData, PlotMark } from './model.js';
import { axisTicks, drawnSegments, formatNumber, labelWidth, marksInDrawingOrder, plotBounds, svgPolylinePoints, svgTransform } from './plot.js';
import type { PlotBounds, SvgArea, Tick, TickLabel } from './plot.js';
import { PLOT_LEGEND } from './wording.js';

const WIDTH = 640;
const HEIGHT = 380;
const FONT_SIZE = 13;
/** The plot area, its left edge leaving room for the widest y label. */
const area = (yTicks: readonly Tick[]): SvgArea => {
  const left = Math.max(56, Math.ceil(FONT_SIZE * Math.max(0, ...yTicks.map((t) => labelWidth(t.label))) + 14));
  return { left, top: 40, width: WIDTH - left - 20, height: HEIGHT - 40 - 52 };
};
const CURVE_STYLE: Record<PlotMark['curve'], { color: string; dash: string }> = {
  phi: { color: '#1f4fd1', dash: '' },
  dphi: { color: '#c8261d', dash: ' stroke-dasharray="6 4"' },
};

const n2 = (v: number): string => formatNumber(v, 2);
/** A tick label, with typographic minus signs and the power of ten raised. */
function label({ mantissa, power }: TickLabel): string {
  const m = mantissa.replace('-', '−');
  return power === null ? m : `${m}·10<tspan dy="-6" font-size="10">${String(power).replace('-', '−')}</tspan>`;
}

function axes(b: PlotBounds, box: SvgArea, yTicks: readonly Tick[], at: (p: { x: number; y: number }) => { x: number; y: number }): string[] {
  const { left, top, width, height } = box;
  const bottom = top + height;
  const out = [`<rect x="${left}" y="${top}" width="${width}" height="${height}" fill="none" stroke="#888"/>`];
  for (const { value, label: text } of axisTicks(b.xmin, b.xmax, width / FONT_SIZE)) {
    const px = n2(at({ x: value, y: 0 }).x);
    out.push(`<line x1="${px}" y1="${top}" x2="${px}" y2="${bottom}" stroke="#eee"/>`);
    out.push(`<text x="${px}" y="${bottom + 18}" text-anchor="middle">${label(text)}</text>`);
  }
  for (const { value, label: text } of yTicks) {
    const py = n2(at({ x: 0, y: value }).y);
    out.push(`<line x1="${left}" y1="${py}" x2="${left + width}" y2="${py}" stroke="#eee"/>`);
    out.push(`<text x="${left - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${label(text)}</text>`);
  }
  out.push(`<text x="${left + width / 2}" y="${bottom + 40}" text-anchor="middle" font-style="italic">t</text>`);
  return out;
}

function legend(box: SvgArea): string[] {
  return (['phi', 'dphi'] as const).flatMap((curve, i) => {
    const x = box.left + box.width / 2 - 110 + i * 130;
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
  const yTicks = axisTicks(b.ymin, b.ymax);
  const box = area(yTicks);
  const at = svgTransform(b, box);
  const top = n2(box.top);
  const bottom = n2(box.top + box.height);
  const breakpoints = plot.breakpoints.filter(Number.isFinite).map((c) => {
    const x = n2(at({ x: c, y: 0 }).x);
    return `<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="#888" stroke-dasharray="4 4"/>`;
  });
  const curves = (['phi', 'dphi'] as const).flatMap((curve) =>
    drawnSegments(plot, curve, b).map((segment) => {
      const s = CURVE_STYLE[curve];
      return `<polyline points="${svgPolylinePoints(segment.map(at))}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash}/>`;
    }),
  );
  const marks = marksInDrawingOrder(plot.marks).map((m) => {
    const p = at(m);
    const color = CURVE_STYLE[m.curve].color;
    return `<circle cx="${n2(p.x)}" cy="${n2(p.y)}" r="4" fill="${m.kind === 'value' ? color : '#fff'}" stroke="${color}" stroke-width="1.5"/>`;
  });
  const namespace = opts.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : '';
  return [
    `<svg${namespace} viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="Plot of ${PLOT_LEGEND.phi} and ${PLOT_LEGEND.dphi}" font-family="serif" font-size="${FONT_SIZE}">`,
    ...axes(b, box, yTicks, at),
    ...breakpoints,
    ...curves,
    ...marks,
    ...legend(box),
    '</svg>',
  ].join('\n');
}
