/**
 * The example docs folder through real docs pipelines: unified (remark-parse →
 * remark-math → kinkproof/remark → remark-rehype → rehype-katex →
 * rehype-stringify) and @mdx-js/mdx, as Docusaurus and Astro run them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from '@mdx-js/mdx';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkKinkproof from '../../src/remark.js';
import { Fragment, Html, jsx, jsxs } from './htmlRuntime.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const page = (path: string): VFile => new VFile({ path, value: readFileSync(join(root, path), 'utf8') });
const EXAMPLE = 'examples/docs/nonsmooth-gradients.md';
const FALSE_CLAIM = 'test/remark/fixtures/false-claim.md';
/** The line of the ```kinkproof fence in the false-claim page. */
const FALSE_CLAIM_FENCE_LINE = 5;

const unifiedHtml = async (file: VFile): Promise<string> =>
  String(await unified().use(remarkParse).use(remarkMath).use(remarkKinkproof).use(remarkRehype).use(rehypeKatex).use(rehypeStringify).process(file));

async function mdxHtml(file: VFile): Promise<string> {
  const { default: Content } = await evaluate(file, {
    Fragment,
    jsx,
    jsxs,
    remarkPlugins: [remarkMath, remarkKinkproof],
    rehypePlugins: [rehypeKatex],
  });
  const html: unknown = Content({});
  if (!(html instanceof Html)) throw new Error('the MDX content did not render through the test runtime');
  return html.html;
}

/** What must hold of the example page, however it was built (`&` may be written &amp; or &#x26;). */
function expectDerivations(html: string): void {
  const page = html.replace(/&#x26;|&amp;/g, '&');
  const expectIn = (part: string): void => expect(page.includes(part), `the page should contain ${part}`).toBe(true);
  expect(page.includes('katex-error'), 'KaTeX reported an error').toBe(false);
  // The founding example: its gradient, the verified claim, the point and the cross-check, typeset by KaTeX.
  expectIn('<annotation encoding="application/x-tex">\\nabla f(X) = 2 \\sigma(X)');
  expectIn('Correct: the claim equals ∇f wherever f is differentiable.');
  expectIn('<annotation encoding="application/x-tex">\\nabla f(X) = \\begin{pmatrix} 0 & 2 \\\\ 0 & 0 \\end{pmatrix}');
  expectIn('Numeric cross-check');
  // The l1 norm: its subdifferential at a matrix with zero entries, as intervals.
  expectIn('S = \\begin{pmatrix} [-1, 1] & \\{1\\} \\\\ \\{-1\\} & [-1, 1] \\end{pmatrix}');
  // The page's own text and math survive around the fences.
  expectIn('The founding example');
  expectIn('<annotation encoding="application/x-tex">2\\sigma(X)</annotation>');
}

const failure = async (run: Promise<unknown>): Promise<{ message: string; line: number | undefined; file: string | undefined }> => {
  try {
    await run;
  } catch (e) {
    const m = e as { message: string; line?: number; file?: string };
    return { message: m.message, line: m.line, file: m.file };
  }
  throw new Error('the build did not fail');
};

describe('the example docs folder through a unified pipeline', () => {
  it('renders every fence: the derivation is there and KaTeX reports no error', { timeout: 120_000 }, async () => {
    expectDerivations(await unifiedHtml(page(EXAMPLE)));
  });

  it('a false claim fails the build at the fence, with the counterexample', { timeout: 120_000 }, async () => {
    const f = await failure(unifiedHtml(page(FALSE_CLAIM)));
    expect(f.line).toBe(FALSE_CLAIM_FENCE_LINE);
    expect(f.file).toBe(FALSE_CLAIM);
    expect(f.message).toMatch(/the claim ∇f = relu\(X\) for f = norm\(relu\(X\),'fro'\)\^2 is false: .*X = \[\[1\]\]/);
  });
});

describe('the example docs folder through @mdx-js/mdx', () => {
  it('compiles as MDX (no raw HTML nodes) and renders the same derivations', { timeout: 120_000 }, async () => {
    expectDerivations(await mdxHtml(page(EXAMPLE)));
  });

  it('a false claim fails the MDX build at the fence', { timeout: 120_000 }, async () => {
    const f = await failure(mdxHtml(page(FALSE_CLAIM)));
    expect(f.line).toBe(FALSE_CLAIM_FENCE_LINE);
    expect(f.message).toContain('is false');
  });
});
