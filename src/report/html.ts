/**
 * The Derivation as one self-contained HTML page: math rendered here with KaTeX
 * (no script on the page), KaTeX's CSS and fonts inlined, SVG plots, and a
 * Content-Security-Policy that forbids every network fetch. KaTeX is imported
 * on first use, so producing .tex or .md never loads it.
 */
import { htmlDocument } from './htmlPage.js';
import type { KatexOptions } from 'katex';
import { casesLatex } from './cases.js';
import { escapeHtml } from './escape.js';
import { katexCss } from './katexAssets.js';
import { assertSafeMath } from './mathGuard.js';
import { handleBlock } from './model.js';
import type { BlockHandlers, Derivation, Inlines, Step, TableBlock } from './model.js';
import { renderSvgPlot } from './svgPlot.js';
import { establishedText, stepNumber } from './wording.js';

/**
 * KaTeX as DESIGN.md prescribes: no trusted commands, strict, errors thrown, sizes and macro expansion bounded.
 * (`satisfies`, not a type annotation: the package's .d.ts then needs no KaTeX types, which need the DOM's.)
 */
export const KATEX_OPTIONS = {
  throwOnError: true,
  trust: false,
  strict: 'error',
  maxSize: 10,
  maxExpand: 200,
  output: 'htmlAndMathml',
} as const satisfies KatexOptions;

const PAGE_CSS = `
body { margin: 0; background: #fff; color: #111; }
main { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; font: 17px/1.55 Georgia, 'Times New Roman', serif; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.established { font-style: italic; color: #444; margin-top: -0.4rem; }
.katex-display { overflow-x: auto; overflow-y: hidden; }
table { border-collapse: collapse; margin: 1rem auto; border-top: 2px solid #111; border-bottom: 2px solid #111; }
th { border-bottom: 1px solid #111; font-weight: normal; }
th, td { padding: 0.2rem 0.7rem; text-align: left; } .right { text-align: right; }
caption { caption-side: bottom; font-size: 0.9rem; padding-top: 0.4rem; }
figure { margin: 1rem 0; text-align: center; } figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.9rem; }`;

/** No scripts, no network: styles and fonts come from this page only. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

type RenderMath = (latex: string, display: boolean) => string;

/**
 * KaTeX's output by expression and mode, for pages rendered together (`kinkproof
 * build` keeps one per build): the same formulas recur on every page of a
 * build, and rendering them was most of its HTML time. Outputs only: an
 * expression KaTeX refuses is refused again each time.
 */
export type MathCache = Map<string, string>;

async function loadKatex(cache: MathCache | undefined): Promise<RenderMath> {
  const { renderToString } = await import('katex');
  // In HTML the MathML namespace is implied; dropping it keeps the page free of URLs.
  const render: RenderMath = (latex, display) =>
    renderToString(assertSafeMath(latex), { ...KATEX_OPTIONS, displayMode: display }).replaceAll(
      ' xmlns="http://www.w3.org/1998/Math/MathML"',
      '',
    );
  if (!cache) return render;
  return (latex, display) => {
    const key = `${display ? 'display' : 'inline'} ${latex}`;
    let html = cache.get(key);
    if (html === undefined) cache.set(key, (html = render(latex, display)));
    return html;
  };
}

/** Plain text of a heading, math as its LaTeX source (for `<title>`). */
const plainText = (parts: Inlines): string => parts.map((p) => (p.kind === 'text' ? p.text : p.latex)).join('');

function renderer(renderMath: RenderMath) {
  const inlines = (parts: Inlines): string =>
    parts.map((p) => (p.kind === 'text' ? escapeHtml(p.text) : renderMath(p.latex, false))).join('');

  const table = (b: TableBlock): string => {
    const cls = (i: number): string => (b.columns[i]?.align === 'right' ? ' class="right"' : '');
    const head = b.columns.map((c, i) => `<th${cls(i)}>${inlines(c.header)}</th>`).join('');
    const rows = b.rows.map((r) => `<tr>${r.map((cell, i) => `<td${cls(i)}>${inlines(cell)}</td>`).join('')}</tr>`);
    const caption = b.caption ? [`<caption>${inlines(b.caption)}</caption>`] : [];
    return ['<table>', ...caption, `<thead><tr>${head}</tr></thead>`, '<tbody>', ...rows, '</tbody>', '</table>'].join('\n');
  };

  const blocks: BlockHandlers<string> = {
    paragraph: (b) => `<p>${inlines(b.parts)}</p>`,
    math: (b) => renderMath(b.latex, true),
    cases: (b) => renderMath(casesLatex(b), true),
    table,
    plot: (b) =>
      ['<figure>', renderSvgPlot(b.plot, { standalone: false }), ...(b.caption ? [`<figcaption>${inlines(b.caption)}</figcaption>`] : []), '</figure>'].join('\n'),
  };

  const step = (s: Step, index: number): string =>
    [
      `<section class="step step-${s.kind}" id="step-${index + 1}">`,
      `<h2>${stepNumber(index)} ${inlines(s.title)}</h2>`,
      `<p class="established established-${s.established}">${escapeHtml(establishedText(s))}</p>`,
      ...s.blocks.map((b) => handleBlock(blocks, b)),
      '</section>',
    ].join('\n');

  return { inlines, step };
}

/** The whole page as one HTML string. Async: KaTeX and its fonts are loaded on first use. */
export async function renderHtml(d: Derivation, options: { readonly mathCache?: MathCache } = {}): Promise<string> {
  const { inlines, step } = renderer(await loadKatex(options.mathCache));
  return htmlDocument({
    title: escapeHtml(plainText(d.title)),
    csp: CSP,
    styles: [await katexCss(), PAGE_CSS],
    main: [`<h1>${inlines(d.title)}</h1>`, ...(d.subtitle ? [`<p class="subtitle">${inlines(d.subtitle)}</p>`] : []), ...d.steps.map(step)],
  });
}