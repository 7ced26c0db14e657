/**
 * `kinkproof/remark`: a remark (unified) plugin for docs builds — Docusaurus,
 * Astro, Next/MDX, remark-cli. Each ```kinkproof fence becomes its derivation
 * as standard mdast (headings, paragraphs, tables, `math` / `inlineMath` for
 * remark-math + rehype-katex); a false claim, a failed verification or bad
 * input fails the build through vfile at the fence.
 */
import { expandFence } from './remark/expand.js';
import type { ExpandOptions } from './remark/expand.js';
import type { File, HeadingDepth, Node, Tree } from './remark/mdast.js';

export type { File, Flow, HeadingDepth, Node, Point, Position, Tree } from './remark/mdast.js';

export interface RemarkKinkproofOptions {
  /** Depth of each derivation's heading (default 3); its steps are one level deeper (at most 6). */
  readonly headingDepth?: HeadingDepth;
  /** Seed of the numeric cross-check and of a claim's point search (default 1: builds are reproducible). */
  readonly seed?: number;
  /** Budget of the symbolic work per fence, in seconds (default 20). */
  readonly timeoutSeconds?: number;
}

/** Replace every ```kinkproof fence under `parent`, at any depth (lists, block quotes). */
function expandUnder(parent: Node, file: File, options: ExpandOptions): void {
  const children = parent.children;
  if (!children) return;
  parent.children = children.flatMap((child) => {
    if (child.type === 'code' && child.lang === 'kinkproof')
      return expandFence(child, file, options);
    expandUnder(child, file, options);
    return [child];
  });
}

/** The plugin: `unified().use(remarkParse).use(remarkMath).use(remarkKinkproof, options)…`. Synchronous, so `processSync` works too. */
export default function remarkKinkproof(options: RemarkKinkproofOptions = {}): (tree: Tree, file: File) => undefined {
  const settings: ExpandOptions = { headingDepth: options.headingDepth ?? 3, seed: options.seed ?? 1, timeoutSeconds: options.timeoutSeconds };
  return (tree, file) => {
    expandUnder(tree, file, settings);
    return undefined;
  };
}
