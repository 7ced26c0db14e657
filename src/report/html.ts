/**
 * The Derivation as one self-contained HTML page: math rendered here with KaTeX
 * (no script on the page), KaTeX's CSS and fonts inlined, SVG plots, and a
 * Content-Security-Policy that forbids every network fetch. KaTeX is imported
 * on first use, so producing .tex or .md never loads it. The parts of the page
 * are rendered by htmlBody.ts (no Node APIs), which the web playground shares.
 */
import { htmlDocument } from './htmlPage.js';
import { escapeHtml } from './escape.js';
import { htmlRenderer, loadKatex } from './htmlBody.js';
import type { MathCache } from './htmlBody.js';

export type { MathCache };
import { katexCss } from './katexAssets.js';
import type { Derivation, Inlines } from './model.js';

export { KATEX_OPTIONS } from './htmlBody.js';

const PAGE_CSS = `
body { margin: 0; background: #fff; color: #111; }
main { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; font: 17px/1.55 Georgia, 'Times New Roman', serif; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
h1, h2, p { overflow-wrap: anywhere; }
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

/** Plain text of a heading, math as its LaTeX source (for `<title>`). */
const plainText = (parts: Inlines): string => parts.map((p) => (p.kind === 'text' ? p.text : p.latex)).join('');

/** The whole page as one HTML string. Async: KaTeX and its fonts are loaded on first use. */
export async function renderHtml(d: Derivation, options: { readonly mathCache?: MathCache } = {}): Promise<string> {
  const { inlines, step } = htmlRenderer(await loadKatex(options.mathCache));
  return htmlDocument({
    title: escapeHtml(plainText(d.title)),
    csp: CSP,
    styles: [await katexCss(), PAGE_CSS],
    main: [`<h1>${inlines(d.title)}</h1>`, ...(d.subtitle ? [`<p class="subtitle">${inlines(d.subtitle)}</p>`] : []), ...d.steps.map(step)],
  });
}