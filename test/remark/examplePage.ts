/** The example docs page, the page with a false claim, and what every build of the example must show. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { expect } from 'vitest';
import remarkKinkproof from '../../src/remark.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLE = 'examples/docs/nonsmooth-gradients.md';
export const FALSE_CLAIM = 'test/remark/fixtures/false-claim.md';
/** The line of the ```kinkproof fence in the false-claim page. */
export const FALSE_CLAIM_FENCE_LINE = 5;

/** remark-parse → remark-math → (the plugin) → remark-rehype → rehype-katex → rehype-stringify. */
export async function unifiedHtml(file: VFile, withPlugin: boolean): Promise<string> {
  const plugin = withPlugin ? [remarkKinkproof] : [];
  return String(await unified().use(remarkParse).use(remarkMath).use(plugin).use(remarkRehype).use(rehypeKatex).use(rehypeStringify).process(file));
}

/** What must hold of the example page, however it was built (`&` may be written &amp; or &#x26;). */
export function expectDerivations(html: string): void {
  const page = html.replace(/&#x26;|&amp;/g, '&');
  const expectIn = (part: string): void => expect(page.includes(part), `the page should contain ${part}`).toBe(true);
  expect(page.includes('katex-error'), 'KaTeX reported an error').toBe(false);
  // The founding example: its gradient, the verified claim, the point and the cross-check, typeset by KaTeX.
  expectIn('<annotation encoding="application/x-tex">\\nabla f(X) = 2 \\sigma(X)');
  expectIn('Correct: the claim equals ∇f wherever f is differentiable.');
  expectIn('<annotation encoding="application/x-tex">\\nabla f(X) = \\begin{bmatrix} 0 & 2 \\\\ 0 & 0 \\end{bmatrix}');
  expectIn('Numeric cross-check');
  // The l1 norm: its subdifferential at a matrix with zero entries, as intervals.
  expectIn('S = \\begin{bmatrix} \\left[-1, 1\\right] & \\{1\\} \\\\ \\{-1\\} & \\left[-1, 1\\right] \\end{bmatrix}');
  // The page's own text and math survive around the fences.
  expectIn('The founding example');
  expectIn('<annotation encoding="application/x-tex">2\\sigma(X)</annotation>');
}

