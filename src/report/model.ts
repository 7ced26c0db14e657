/**
 * The Derivation: the one model every report renders (DESIGN.md, pipeline:
 * narrate → Derivation → render). Plain serialisable data, so JSON is a
 * rendering too and the LaTeX, HTML and Markdown outputs cannot disagree.
 *
 * Two kinds of strings live here, and the difference matters for safety:
 * - text (`Inline` of kind 'text', table header words, titles): plain text
 *   that may come from users; every renderer escapes it.
 * - LaTeX math (`Inline` of kind 'math', `MathBlock`, `CasesBlock`): generated
 *   from the parsed tree, never user text. Renderers still check it against a
 *   whitelist (mathGuard.ts) and reject anything outside it.
 */

/** How a step was established (DESIGN.md: a numeric-only result is never "proved"). */
export type Established = 'exact' | 'theorem' | 'numeric' | 'unknown';

export type StepKind =
  | 'statement'
  | 'reduction'
  | 'cases'
  | 'piece-derivatives'
  | 'breakpoint-limits'
  | 'continuity'
  | 'lifting-theorem'
  | 'gradient'
  /** The non-smooth surfaces of a structured f, after terms on one surface are combined. */
  | 'surfaces'
  /** Where a structured f is differentiable, and its class. */
  | 'differentiability'
  /** Convexity decided for a structured f (a separable f decides it in its 'subdifferential' step). */
  | 'convexity'
  | 'subdifferential'
  | 'verification'
  | 'conclusion'
  /** The statements of a proof file with their verdicts (docs builds). */
  | 'proof'
  /** A claimed gradient with its verdict (docs fences). */
  | 'claim'
  /** f and ∇f or ∂f at a given matrix (docs fences). */
  | 'point';

/** A run of a paragraph, heading or table cell: plain text or inline math. */
export type Inline = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'math'; readonly latex: string };

/** Paragraph text with inline math, in reading order. */
export type Inlines = readonly Inline[];

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly parts: Inlines;
}

/** One displayed equation (its own line, centred). */
export interface MathBlock {
  readonly kind: 'math';
  readonly latex: string;
}

/** `lhs = { value if condition; … }`; every field is LaTeX math. */
export interface CasesBlock {
  readonly kind: 'cases';
  readonly lhs: string;
  readonly rows: readonly { readonly value: string; readonly condition: string }[];
}

export type ColumnAlign = 'left' | 'right';

export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly { readonly header: Inlines; readonly align: ColumnAlign }[];
  /** Each row has one cell per column. */
  readonly rows: readonly (readonly Inlines[])[];
  readonly caption?: Inlines;
}

export interface PlotBlock {
  readonly kind: 'plot';
  readonly plot: PlotData;
  readonly caption?: Inlines;
}

export type Block = ParagraphBlock | MathBlock | CasesBlock | TableBlock | PlotBlock;
export type BlockKind = Block['kind'];

/** A point drawn on a curve: a value the function takes (filled dot), or a one-sided limit it does not take (open circle). */
export interface PlotMark {
  readonly x: number;
  readonly y: number;
  readonly curve: 'phi' | 'dphi';
  readonly kind: 'value' | 'limit';
}

/**
 * φ and φ′ sampled by the numeric layer at `xs` (never user expressions).
 * `null` (or a non-finite number) breaks the line: put one at every point where a
 * curve jumps or is undefined, or the renderers draw a vertical segment there.
 */
export interface PlotData {
  readonly xs: readonly number[];
  readonly phi: readonly (number | null)[];
  readonly dphi: readonly (number | null)[];
  /** Breakpoints of φ, drawn as dashed vertical lines. */
  readonly breakpoints: readonly number[];
  readonly marks: readonly PlotMark[];
}

export interface Step {
  readonly kind: StepKind;
  readonly title: Inlines;
  readonly established: Established;
  /** The named result a 'theorem' step rests on (plain text). */
  readonly citation?: string;
  readonly blocks: readonly Block[];
}

export interface Derivation {
  readonly title: Inlines;
  readonly subtitle?: Inlines;
  readonly steps: readonly Step[];
}

// Builders, so that hand-written derivations read like prose.
export const text = (t: string): Inline => ({ kind: 'text', text: t });
export const math = (latex: string): Inline => ({ kind: 'math', latex });
export const paragraph = (...parts: Inline[]): ParagraphBlock => ({ kind: 'paragraph', parts });
export const display = (latex: string): MathBlock => ({ kind: 'math', latex });

/** One handler per block kind: a new kind without a handler is a compile error in every renderer. */
export type BlockHandlers<R> = { readonly [K in BlockKind]: (block: Extract<Block, { kind: K }>) => R };

export const handleBlock = <R>(handlers: BlockHandlers<R>, block: Block): R =>
  (handlers[block.kind] as (b: Block) => R)(block);
