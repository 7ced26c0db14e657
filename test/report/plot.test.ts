import { describe, expect, it } from 'vitest';
import type { PlotData } from '../../src/report/model.js';
import { axisTicks, curveSegments, DRAWN_TOLERANCE, drawnPoints, drawnSegments, formatNumber, plotBounds, svgPolylinePoints } from '../../src/report/plot.js';
import type { Point } from '../../src/report/plot.js';
import { renderSvgPlot } from '../../src/report/svgPlot.js';
import { signPlot } from './helpers.js';

describe('formatNumber', () => {
  it('uses fixed decimals without trailing zeros or negative zero', () => {
    expect([0.5, -2, 1 / 3, 1e-9, -1e-9, 123456.78].map((v) => formatNumber(v))).toEqual(['0.5', '-2', '0.3333', '0', '0', '123456.78']);
    expect(formatNumber(Math.PI, 2)).toBe('3.14');
    expect([200, -1000, 0.4, -0.4].map((v) => formatNumber(v, 0))).toEqual(['200', '-1000', '0', '0']);
  });
});

describe('curves', () => {
  it('break at null and non-finite samples', () => {
    expect(curveSegments(signPlot, 'phi')).toEqual([
      [{ x: -1, y: -1 }, { x: -0.5, y: -1 }],
      [{ x: 0.5, y: 1 }, { x: 1, y: 1 }],
    ]);
    expect(curveSegments(signPlot, 'dphi')).toHaveLength(2);
  });

  it('have round ticks, at most nine per axis, the finest such step', () => {
    const values = (lo: number, hi: number, length?: number): number[] => axisTicks(lo, hi, length).map((t) => t.value);
    expect(values(-2, 2)).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]);
    expect(values(-0.32, 4.32)).toEqual([0, 1, 2, 3, 4]);
    expect(values(-4.4, 5.9)).toEqual([-4, -2, 0, 2, 4]);
    expect(values(0, 1200)).toEqual([0, 200, 400, 600, 800, 1000, 1200]);
    expect(values(0.1, 0.4)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4]);
  });

  it('take a coarser step where the labels would run into each other on a short axis', () => {
    const values = (lo: number, hi: number, length?: number): number[] => axisTicks(lo, hi, length).map((t) => t.value);
    // On 15.8 em (a column of a two-column page): "−1.5" beside "−1" needs more than 4/8 of it.
    expect(values(-2, 2, 15.84)).toEqual([-2, -1, 0, 1, 2]);
    expect(values(-12, -8, 15.84)).toEqual([-12, -11, -10, -9, -8]);
    expect(values(-12, -8, 15.84).length).toBeLessThan(values(-12, -8).length);
    // "100.5" beside "101" needs 2.29 em: more than 15.84/8, less than 21.6/8.
    expect(values(98, 102, 15.84)).toEqual([98, 99, 100, 101, 102]);
    expect(values(98, 102, 21.6)).toEqual([98, 98.5, 99, 99.5, 100, 100.5, 101, 101.5, 102]);
  });

  it('are none for an empty, infinite or NaN range, or one too narrow for its offset', () => {
    for (const [lo, hi] of [[1, 1], [2, 1], [0, Infinity], [Number.NaN, 1], [-Infinity, 0], [1e16, 1e16 + 4]])
      expect(axisTicks(lo!, hi!), `${lo}..${hi}`).toEqual([]);
  });

  it('are labelled with the decimals their step needs, sharing a power of ten from a step of 10^5 and below 10^-3', () => {
    const texts = (lo: number, hi: number): string[] => axisTicks(lo, hi).map(({ label: l }) => (l.power === null ? l.mantissa : `${l.mantissa}e${l.power}`));
    expect(texts(-2, 2)).toEqual(['-2', '-1.5', '-1', '-0.5', '0', '0.5', '1', '1.5', '2']);
    expect(texts(0.1, 0.4)).toEqual(['0.1', '0.15', '0.2', '0.25', '0.3', '0.35', '0.4']);
    expect(texts(0, 1200)).toEqual(['0', '200', '400', '600', '800', '1000', '1200']);
    expect(texts(-5000, 99999)).toEqual(['0', '20000', '40000', '60000', '80000']);
    expect(texts(123454, 123458)).toEqual(['123454', '123454.5', '123455', '123455.5', '123456', '123456.5', '123457', '123457.5', '123458']);
    // Four fixed decimals showed 0 for all of these; fixed digits ran 15 characters wide for those.
    expect(texts(-0.16e-6, 2.16e-6)).toEqual(['0', '0.5e-6', '1e-6', '1.5e-6', '2e-6']);
    expect(texts(-3e12, 9e13)).toEqual(['0', '2e13', '4e13', '6e13', '8e13']);
    expect(texts(-0.0021, 0.0021)).toEqual(['-0.002', '-0.001', '0', '0.001', '0.002']);
    expect(texts(-0.00021, 0.00021)).toEqual(['-2e-4', '-1e-4', '0', '1e-4', '2e-4']);
  });

  it('read back as their values, evenly spaced by 1, 2 or 5 times a power of ten (random ranges)', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      const centre = (random() - 0.5) * 10 ** Math.floor(random() * 16 - 6);
      const span = Math.abs(centre) * 10 ** -Math.floor(random() * 6) + 10 ** Math.floor(random() * 12 - 6);
      const ticks = axisTicks(centre - span / 2, centre + span / 2, [Infinity, 15.84, 21.6][i % 3]);
      expect(ticks.length, `${centre} ± ${span / 2}`).toBeLessThanOrEqual(9);
      for (const [k, t] of ticks.entries()) {
        const read = Number(t.label.mantissa) * 10 ** (t.label.power ?? 0);
        expect(Math.abs(read - t.value)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(t.value), span));
        if (k === 0) continue;
        const step = t.value - ticks[k - 1]!.value;
        const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
        expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6), `step ${step}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('become SVG points with two decimals', () => {
    expect(svgPolylinePoints([{ x: 1.005, y: 2 }, { x: -0.333333, y: 10 / 3 }])).toBe('1,2 -0.33,3.33');
  });

  it('share padded bounds that include the marks', () => {
    expect(plotBounds(signPlot)).toEqual({ xmin: -1, xmax: 1, ymin: -1.16, ymax: 1.16 });
    expect(plotBounds({ ...signPlot, phi: [0, 0, 0, 0, 0], dphi: [0, 0, 0, 0, 0], marks: [] })).toEqual({ xmin: -1, xmax: 1, ymin: -1, ymax: 1 });
    expect(() => plotBounds({ ...signPlot, phi: [null], dphi: [null], marks: [] })).toThrow('no finite samples');
  });
});

/** `count + 1` samples of `f` evenly across [lo, hi]. */
const sampled = (f: (x: number) => number, lo: number, hi: number, count: number): Point[] =>
  Array.from({ length: count + 1 }, (_, k) => lo + ((hi - lo) * k) / count).map((x) => ({ x, y: f(x) }));

/** The largest vertical distance from a sample to the polyline through `kept` (found by a scan, not by the simplifier's recursion). */
function largestMiss(samples: readonly Point[], kept: readonly Point[]): number {
  let worst = 0;
  for (const s of samples) {
    const j = kept.findIndex((k) => k.x >= s.x);
    if (kept[j]!.x === s.x) continue;
    const [p, q] = [kept[j - 1]!, kept[j]!];
    worst = Math.max(worst, Math.abs(s.y - (p.y + ((q.y - p.y) * (s.x - p.x)) / (q.x - p.x))));
  }
  return worst;
}

describe('the drawn points of a curve', () => {
  it('keep only the ends of a line, and the corners of a kinked line', () => {
    expect(drawnPoints(sampled((x) => 3 * x - 1, -2, 2, 200), 1e-9)).toEqual([{ x: -2, y: -7 }, { x: 2, y: 5 }]);
    expect(drawnPoints(sampled(Math.abs, -1, 1, 4), 1e-9)).toEqual([{ x: -1, y: 1 }, { x: 0, y: 0 }, { x: 1, y: 1 }]);
    expect(drawnPoints(sampled((x) => Math.max(0, x - 0.25), -1, 1, 8), 1e-9)).toEqual([{ x: -1, y: 0 }, { x: 0.25, y: 0 }, { x: 1, y: 0.75 }]);
  });

  it('keep a single spike, every sample of a curve without tolerance, and runs of one or two samples', () => {
    const spike = sampled((x) => (x === 0 ? 1 : 0), -5, 5, 10);
    expect(drawnPoints(spike, 0.5)).toEqual([{ x: -5, y: 0 }, { x: -1, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 0 }, { x: 5, y: 0 }]);
    const parabola = sampled((x) => x * x, -1, 1, 8);
    expect(drawnPoints(parabola, 0)).toEqual(parabola);
    expect(drawnPoints([{ x: 0, y: 1 }], 1)).toEqual([{ x: 0, y: 1 }]);
    expect(drawnPoints([{ x: 0, y: 1 }, { x: 1, y: 5 }], 1)).toEqual([{ x: 0, y: 1 }, { x: 1, y: 5 }]);
  });

  it('pass within the tolerance of every sample left out, keeping both ends, for curved and kinked samples', () => {
    const curves: [string, (x: number) => number][] = [
      ['sin 3t', (x) => Math.sin(3 * x)],
      ['t^3 - t', (x) => x ** 3 - x],
      ['sqrt|t|', (x) => Math.sqrt(Math.abs(x))],
      ['exp t', Math.exp],
      ['|t| sin t', (x) => Math.abs(x) * Math.sin(x)],
    ];
    let checked = 0;
    for (const [name, f] of curves)
      for (const tolerance of [1e-6, 1e-4, 1e-2, 0.1]) {
        const samples = sampled(f, -3, 3, 200);
        const kept = drawnPoints(samples, tolerance);
        expect([kept[0], kept.at(-1)], name).toEqual([samples[0], samples.at(-1)]);
        expect(kept.every((k) => samples.includes(k)), name).toBe(true);
        expect(largestMiss(samples, kept), `${name} at ${tolerance}`).toBeLessThanOrEqual(tolerance);
        checked += samples.length - kept.length;
      }
    expect(checked).toBeGreaterThan(1500);
  });

  it("drawn on the plot, leave out at most the plot's tolerance of its y range and break where the samples do", () => {
    const xs = Array.from({ length: 201 }, (_, k) => -2 + k / 50);
    const plot: PlotData = { xs, phi: xs.map((x) => (x < 0 ? 0 : x * x)), dphi: xs.map((x) => (x === 0 ? null : x < 0 ? 0 : 2 * x)), breakpoints: [0], marks: [] };
    const b = plotBounds(plot);
    const tolerance = DRAWN_TOLERANCE * (b.ymax - b.ymin);
    const [phi] = drawnSegments(plot, 'phi', b);
    expect(phi!.slice(0, 3)).toEqual([{ x: -2, y: 0 }, { x: 0, y: 0 }, expect.objectContaining({ x: expect.closeTo(0.04, 12) })]);
    expect(largestMiss(curveSegments(plot, 'phi')[0]!, phi!)).toBeLessThanOrEqual(tolerance);
    const rounded = drawnSegments(plot, 'dphi', b).map((run) => run.map((p) => `(${formatNumber(p.x)},${formatNumber(p.y)})`));
    expect(rounded).toEqual([['(-2,0)', '(-0.02,0)'], ['(0.02,0.04)', '(2,4)']]);
  });
});

describe('renderSvgPlot', () => {
  it('draws one polyline per segment, dashed breakpoints, filled values and open limits', () => {
    const svg = renderSvgPlot(signPlot, { standalone: false });
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(svg.match(/stroke-dasharray="4 4"/g)).toHaveLength(1);
    expect(svg.match(/<circle [^>]*fill="#fff"/g)).toHaveLength(2);
    expect(svg.match(/<circle [^>]*fill="#1f4fd1"/g)).toHaveLength(1);
    expect(svg).not.toContain('xmlns');
    expect(svg).toContain('>−1</text>');
  });

  it('adds the namespace only when standalone, and is deterministic', () => {
    expect(renderSvgPlot(signPlot, { standalone: true })).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    expect(renderSvgPlot(signPlot, { standalone: true })).toBe(renderSvgPlot(signPlot, { standalone: true }));
  });
});
