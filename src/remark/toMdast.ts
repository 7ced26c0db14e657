/**
 * The Derivation as mdast: one small handler per block kind (a new kind without
 * one is a compile error), the same words and numbering as the Markdown report.
 * Text becomes `text` nodes, which every pipeline escapes; math becomes `math` /
 * `inlineMath` nodes after the same whitelist as every other renderer.
 */
import { casesLatex } from '../report/cases.js';
import { svgDataUrl } from '../report/markdown.js';
import { assertSafeMath } from '../report/mathGuard.js';
import { handleBlock } from '../report/model.js';
import type { BlockHandlers, Derivation, Inlines, Step, TableBlock } from '../report/model.js';
import { establishedText, PLOT_LEGEND, stepNumber } from '../report/wording.js';
import type { Flow, HeadingDepth, InlineMathNode, MathNode, Phrasing, TableNode } from './mdast.js';

/** Nodes exactly as remark-math makes them (see mdast.ts). */
function inlineMath(latex: string): InlineMathNode {
  const value = assertSafeMath(latex).replace(/\s*\n\s*/g, ' ').trim();
  return { type: 'inlineMath', value, data: { hName: 'code', hProperties: { className: ['language-math', 'math-inline'] }, hChildren: [{ type: 'text', value }] } };
}

function displayMath(latex: string): MathNode {
  const value = assertSafeMath(latex).trim();
  const className = ['language-math', 'math-display'];
  return { type: 'math', value, meta: null, data: { hName: 'pre', hChildren: [{ type: 'element', tagName: 'code', properties: { className }, children: [{ type: 'text', value }] }] } };
}

const phrasing = (parts: Inlines): Phrasing[] => parts.map((p) => (p.kind === 'text' ? { type: 'text', value: p.text } : inlineMath(p.latex)));

const caption = (parts: Inlines | undefined): Flow[] => (parts ? [{ type: 'paragraph', children: phrasing(parts) }] : []);

function table(b: TableBlock): Flow[] {
  const row = (cells: readonly Inlines[]): TableNode['children'][number] => ({
    type: 'tableRow',
    children: cells.map((c) => ({ type: 'tableCell', children: phrasing(c) })),
  });
  const node: TableNode = { type: 'table', align: b.columns.map((c) => c.align), children: [row(b.columns.map((c) => c.header)), ...b.rows.map(row)] };
  return [node, ...caption(b.caption)];
}

const BLOCKS: BlockHandlers<Flow[]> = {
  paragraph: (b) => [{ type: 'paragraph', children: phrasing(b.parts) }],
  math: (b) => [displayMath(b.latex)],
  cases: (b) => [displayMath(casesLatex(b))],
  table,
  plot: (b) => [
    { type: 'paragraph', children: [{ type: 'image', url: svgDataUrl(b), alt: `Plot of ${PLOT_LEGEND.phi} and ${PLOT_LEGEND.dphi}` }] },
    ...caption(b.caption),
  ],
};

const deeper = (depth: HeadingDepth): HeadingDepth => (depth < 6 ? ((depth + 1) as HeadingDepth) : 6);

/** The derivation's title as a heading of `depth`, its steps one level deeper, numbered 1., 2., … */
export function derivationToMdast(d: Derivation, depth: HeadingDepth): Flow[] {
  const step = (s: Step, index: number): Flow[] => [
    { type: 'heading', depth: deeper(depth), children: [{ type: 'text', value: `${stepNumber(index)} ` }, ...phrasing(s.title)] },
    { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: establishedText(s) }] }] },
    ...s.blocks.flatMap((b) => handleBlock(BLOCKS, b)),
  ];
  return [
    { type: 'heading', depth, children: phrasing(d.title) },
    ...caption(d.subtitle),
    ...d.steps.flatMap(step),
  ];
}
