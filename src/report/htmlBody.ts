/**
 * The HTML of a Derivation's parts — inlines, blocks, steps — with math rendered
 * by KaTeX under DESIGN.md's rules. No Node APIs here, so a web page (the
 * playground's Web Worker) renders with exactly the code of the HTML report.
 * Every user string goes through escapeHtml; every math string through
 * assertSafeMath and KaTeX with `trust: false`.
 */
import type { KatexOptions } from 'katex';
import { casesLatex } from './cases.js';
import { escapeHtml } from './escape.js';
import { breakDisplay } from './mathBreak.js';
import { lineRuns, paragraphRuns } from './mathRuns.js';
import type { Run } from './mathRuns.js';
import { assertSafeMath } from './mathGuard.js';
import { handleBlock, math, text } from './model.js';
import type { Block, BlockHandlers, Inlines, Step, TableBlock } from './model.js';
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

export type RenderMath = (latex: string, display: boolean) => string;

/**
 * KaTeX's output by expression and mode, for one page or for pages rendered
 * together (`kinkproof build` keeps one per build): half the formulas of a
 * report recur on its own page (φ(t), the cases, the sets), the same ones on
 * every page of a build, and rendering them was most of its HTML time. Outputs
 * only: an expression KaTeX refuses is refused again each time.
 */
export type MathCache = Map<string, string>;

/** KaTeX, imported on first use (producing .tex or .md never loads it), its outputs kept in `cache`. */
export async function loadKatex(cache: MathCache = new Map()): Promise<RenderMath> {
  const { renderToString } = await import('katex');
  // In HTML the MathML namespace is implied; dropping it keeps the page free of URLs.
  const render: RenderMath = (latex, display) =>
    renderToString(assertSafeMath(latex), { ...KATEX_OPTIONS, displayMode: display }).replaceAll(
      ' xmlns="http://www.w3.org/1998/Math/MathML"',
      '',
    );
  return (latex, display) => {
    const key = `${display ? 'display' : 'inline'} ${latex}`;
    let html = cache.get(key);
    if (html === undefined) cache.set(key, (html = render(latex, display)));
    return html;
  };
}

export interface HtmlRenderer {
  /** Text escaped, math typeset. */
  readonly inlines: (parts: Inlines) => string;
  readonly block: (b: Block) => string;
  /** One numbered step as a <section>; `index` counts from 0. */
  readonly step: (s: Step, index: number) => string;
}

/** A period, comma or semicolon right after inline math, moved into it: a browser would otherwise let it wrap to a line of its own. */
function withPunctuation(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const before = out.at(-1);
    const mark = r.kind === 'text' ? /^[.,;]/.exec(r.text)?.[0] : undefined;
    if (mark !== undefined && r.kind === 'text' && before?.kind === 'math') {
      out[out.length - 1] = math(`${before.latex}${mark}`);
      if (r.text.length > 1) out.push(text(r.text.slice(1)));
    } else out.push(r);
  }
  return out;
}

export function htmlRenderer(renderMath: RenderMath): HtmlRenderer {
  // As in LaTeX: inline math breakable, too long for a line of a paragraph displayed, long displays broken.
  const run = (r: Run): string => (r.kind === 'text' ? escapeHtml(r.text) : renderMath(r.latex, r.kind === 'display'));
  const inlines = (parts: Inlines, inParagraph = false): string =>
    withPunctuation((inParagraph ? paragraphRuns : lineRuns)(parts)).map(run).join('');
  const displayMath = (latex: string): string => renderMath(breakDisplay(latex), true);

  const table = (b: TableBlock): string => {
    const cls = (i: number): string => (b.columns[i]?.align === 'right' ? ' class="right"' : '');
    const head = b.columns.map((c, i) => `<th${cls(i)}>${inlines(c.header)}</th>`).join('');
    const rows = b.rows.map((r) => `<tr>${r.map((cell, i) => `<td${cls(i)}>${inlines(cell)}</td>`).join('')}</tr>`);
    const caption = b.caption ? [`<caption>${inlines(b.caption)}</caption>`] : [];
    return ['<table>', ...caption, `<thead><tr>${head}</tr></thead>`, '<tbody>', ...rows, '</tbody>', '</table>'].join('\n');
  };

  const blocks: BlockHandlers<string> = {
    paragraph: (b) => `<p>${inlines(b.parts, true)}</p>`,
    math: (b) => displayMath(b.latex),
    cases: (b) => displayMath(casesLatex(b)),
    table,
    plot: (b) =>
      ['<figure>', renderSvgPlot(b.plot, { standalone: false }), ...(b.caption ? [`<figcaption>${inlines(b.caption)}</figcaption>`] : []), '</figure>'].join('\n'),
  };
  const block = (b: Block): string => handleBlock(blocks, b);

  const step = (s: Step, index: number): string =>
    [
      `<section class="step step-${s.kind}" id="step-${index + 1}">`,
      `<h2>${stepNumber(index)} ${inlines(s.title)}</h2>`,
      `<p class="established established-${s.established}">${escapeHtml(establishedText(s))}</p>`,
      ...s.blocks.map(block),
      '</section>',
    ].join('\n');

  return { inlines, block, step };
}
