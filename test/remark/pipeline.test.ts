/**
 * The example docs folder through real docs pipelines: unified (remark-parse →
 * remark-math → kinkproof/remark → remark-rehype → rehype-katex →
 * rehype-stringify) and @mdx-js/mdx, as Docusaurus and Astro run them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '@mdx-js/mdx';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkKinkproof from '../../src/remark.js';
import { EXAMPLE, expectDerivations, FALSE_CLAIM, FALSE_CLAIM_FENCE_LINE, root, unifiedHtml } from './examplePage.js';
import { Fragment, Html, jsx, jsxs } from './htmlRuntime.js';

const page = (path: string): VFile => new VFile({ path, value: readFileSync(join(root, path), 'utf8') });

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
    expectDerivations(await unifiedHtml(page(EXAMPLE), true));
  });

  it('a false claim fails the build at the fence, with the counterexample', { timeout: 120_000 }, async () => {
    const f = await failure(unifiedHtml(page(FALSE_CLAIM), true));
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
