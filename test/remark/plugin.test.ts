/** The plugin on mdast: what a fence becomes, what fails the build, and where. */
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkKinkproof from '../../src/remark.js';
import type { Node } from '../../src/remark.js';

/** Standard mdast and remark-math's nodes: never `html`, which MDX cannot handle. */
const WRITTEN_TYPES = new Set(['heading', 'paragraph', 'text', 'emphasis', 'inlineMath', 'math', 'table', 'tableRow', 'tableCell', 'image']);

function transform(markdown: string, options: Parameters<typeof remarkKinkproof>[0] = {}): Node {
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkKinkproof, options);
  return processor.runSync(processor.parse(markdown), new VFile({ path: 'page.md', value: markdown })) as Node;
}

const all = (n: Node): Node[] => [n, ...(n.children ?? []).flatMap(all)];
const headings = (tree: Node): string[] =>
  all(tree)
    .filter((n) => n.type === 'heading')
    .map((h) => all(h).filter((c) => c.type === 'text' || c.type === 'inlineMath').map((c) => c.value).join(''));

function buildFailure(markdown: string): { message: string; line: number | undefined } {
  try {
    transform(markdown);
  } catch (e) {
    const m = e as { message: string; line?: number };
    return { message: m.message, line: m.line };
  }
  throw new Error('the build did not fail');
}

describe('kinkproof/remark', () => {
  it('replaces the fence by pure mdast and leaves everything else alone', { timeout: 60_000 }, () => {
    const tree = transform('# Page\n\n```js\nlet x = 1;\n```\n\n```kinkproof\nsum(abs(X))\n```\n\nAfter $x$.\n');
    const nodes = all(tree);
    expect(nodes.filter((n) => n.type === 'code').map((n) => n.lang)).toEqual(['js']);
    expect(nodes.map((n) => n.type).filter((t) => !WRITTEN_TYPES.has(t) && t !== 'root' && t !== 'code')).toEqual([]);
    expect(['math', 'inlineMath', 'table'].map((t) => nodes.some((n) => n.type === t))).toEqual([true, true, true]);
    expect(headings(tree).slice(0, 3)).toEqual(['Page', 'Differentiability of f(X) = \\sum_{i,j} \\left[\\lvert X \\rvert\\right]_{ij}', '1. Statement']);
    expect(tree.children?.at(-1)?.children?.map((n) => n.value)).toEqual(['After ', 'x', '.']);
  });

  it('show: picks the steps; claim and at add theirs; headingDepth moves them', { timeout: 60_000 }, () => {
    const tree = transform("```kinkproof\nnorm(relu(X),'fro')^2\nclaim: 2*relu(X)\nat: [[1,-1]]\nshow: gradient, claim, at\n```\n", { headingDepth: 2 });
    const depths = all(tree).filter((n) => n.type === 'heading').map((h) => (h as Node & { depth: number }).depth);
    expect(depths).toEqual([2, 3, 3, 3, 3]);
    expect(headings(tree).slice(1)).toEqual([
      '1. From entries to the matrix function',
      '2. Gradient',
      '3. The claimed gradient',
      '4. At the given point',
    ]);
  });

  it('expands fences inside lists and block quotes', { timeout: 60_000 }, () => {
    const tree = transform('- item\n\n  ```kinkproof\n  sum(relu(X))\n  show: conclusion\n  ```\n\n> ```kinkproof\n> sum(X)\n> show: conclusion\n> ```\n');
    expect(all(tree).filter((n) => n.type === 'code')).toEqual([]);
    expect(headings(tree).filter((h) => h === '1. Conclusion')).toHaveLength(2);
  });

  it('user text stays text: the formula as typed is a text node, never markup', { timeout: 60_000 }, () => {
    const tree = transform("```kinkproof\nnorm(relu(X),'fro')^2 + sum(X) * 0\nshow: statement\n```\n");
    const input = all(tree).find((n) => n.type === 'text' && n.value?.startsWith('Input: '));
    expect(input?.value).toBe("Input: norm(relu(X),'fro')^2 + sum(X) * 0");
  });

  it('fails the build at the fence: bad input, a malformed fence, a false claim', { timeout: 60_000 }, () => {
    const syntax = buildFailure('Text.\n\n```kinkproof\nsum(relu(X)\n```\n');
    expect(syntax.line).toBe(3);
    expect(syntax.message).toMatch(/^kinkproof: syntax error: .*\(column \d+\)$/);
    const hostile = buildFailure('```kinkproof\n<img src=x onerror=alert(1)>\n```\n');
    expect(hostile.line).toBe(1);
    expect(hostile.message).toMatch(/^kinkproof: syntax error/);
    expect(buildFailure('x\n\n\n```kinkproof\nsum(X)\nwhere: here\n```\n')).toEqual({
      message: 'kinkproof: fence line 2: unknown key "where" (known: claim, at, show)',
      line: 4,
    });
    expect(buildFailure('```kinkproof\nsum(X)\nat: [[1,2]\n```\n').message).toMatch(/^kinkproof: input error: at #1: /);
    const claim = buildFailure('# T\n\n```kinkproof\nsum(abs(X))\nclaim: X\n```\n');
    expect(claim.line).toBe(3);
    expect(claim.message).toMatch(/^kinkproof: the claim ∇f = X for f = sum\(abs\(X\)\) is false: /);
  });
});
