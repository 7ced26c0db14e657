/**
 * The mdast this plugin reads and writes, declared structurally so that the
 * package's types need neither @types/mdast nor unified: a tree from
 * remark-parse fits `Tree`, and every node written is standard mdast
 * (with remark-math's `math` and `inlineMath`) — never raw HTML, which MDX
 * cannot handle.
 */

export interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset?: number | undefined;
}

export interface Position {
  readonly start: Point;
  readonly end: Point;
}

/** Any node of the tree being transformed. */
export interface Node {
  readonly type: string;
  readonly position?: Position | undefined;
  children?: Node[];
  /** `code` nodes: the fence's language (`kinkproof`) and its text. */
  readonly lang?: string | null | undefined;
  readonly value?: string;
}

export interface Tree extends Node {
  children: Node[];
}

/** The part of a vfile the plugin uses (`file.fail` stops the build; `file.message` warns). */
export interface File {
  fail(reason: string, place?: Node | Position | null): never;
  message(reason: string, place?: Node | Position | null): unknown;
}

export interface TextNode { readonly type: 'text'; readonly value: string }
/**
 * remark-math's nodes carry their hast (`data.hName`, `hChildren`): remark-rehype
 * turns them into `<code class="language-math math-inline">` and
 * `<pre><code class="language-math math-display">`, which rehype-katex renders.
 */
interface HastText { readonly type: 'text'; readonly value: string }
interface MathCode { readonly type: 'element'; readonly tagName: 'code'; readonly properties: { readonly className: string[] }; readonly children: HastText[] }
export interface InlineMathNode {
  readonly type: 'inlineMath';
  readonly value: string;
  readonly data: { readonly hName: 'code'; readonly hProperties: { readonly className: string[] }; readonly hChildren: HastText[] };
}
export interface EmphasisNode { readonly type: 'emphasis'; readonly children: Phrasing[] }
export interface ImageNode { readonly type: 'image'; readonly url: string; readonly alt: string }
export type Phrasing = TextNode | InlineMathNode | EmphasisNode | ImageNode;

export type HeadingDepth = 1 | 2 | 3 | 4 | 5 | 6;
export interface HeadingNode { readonly type: 'heading'; readonly depth: HeadingDepth; readonly children: Phrasing[] }
export interface ParagraphNode { readonly type: 'paragraph'; readonly children: Phrasing[] }
export interface MathNode {
  readonly type: 'math';
  readonly value: string;
  readonly meta: null;
  readonly data: { readonly hName: 'pre'; readonly hChildren: [MathCode] };
}
export interface TableCellNode { readonly type: 'tableCell'; readonly children: Phrasing[] }
export interface TableRowNode { readonly type: 'tableRow'; readonly children: TableCellNode[] }
export interface TableNode { readonly type: 'table'; readonly align: ('left' | 'right')[]; readonly children: TableRowNode[] }
/** What a fence expands into. */
export type Flow = HeadingNode | ParagraphNode | MathNode | TableNode;
