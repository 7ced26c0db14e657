/**
 * The widths a LaTeX fragment is laid out for, and the TeX conditional that picks one by the
 * host's \linewidth where the fragment is input (a fragment cannot know its column).
 */
import { LINE_EM } from './mathBreak.js';

/** A width the blocks are laid out for. */
export interface Measure {
  /** The line width assumed, in em (mathBreak.ts's estimates). */
  readonly line: number;
  /** Chosen where the host's \linewidth is below this many em; the widest measure has no bound. */
  readonly below?: number;
  /** Tables in smaller type with tighter columns and headers word under word (a column of a two-column page). */
  readonly compactTables?: CompactTables;
}

/** A size command for compact tables, and its em against the text's (\footnotesize: 8 pt in 10 pt). */
export interface CompactTables {
  readonly size: '\\footnotesize' | '\\scriptsize';
  readonly em: number;
}

/**
 * A fragment's layouts, narrowest first, for any host: columns of two-column pages (a two-column
 * article has 19.1 em at 12 pt and 22.9 em at 10 pt, IEEEtran 25 em), an article at 11 or 12 pt
 * (33 em), and the 10 pt article the standalone report is. TeX picks one by \linewidth where the
 * fragment is input.
 */
export const MEASURES: readonly Measure[] = [
  // \scriptsize is 8 pt in the 12 pt two-column article, as \footnotesize is in the 10 pt one.
  { line: 19, below: 22, compactTables: { size: '\\scriptsize', em: 0.7 } },
  { line: 22, below: 27, compactTables: { size: '\\footnotesize', em: 0.8 } },
  { line: 27, below: 34 },
  { line: LINE_EM },
];
export const ARTICLE_MEASURE = MEASURES.at(-1)!;

/** `render` for every measure, as one TeX conditional on \linewidth (layouts that come out the same merged). */
export function forEveryWidth(render: (m: Measure) => string): string {
  const variants = MEASURES.map((m) => ({ m, tex: render(m) })).filter((v, i, all) => v.tex !== all[i + 1]?.tex);
  const chain = ([first, ...rest]: typeof variants): string =>
    rest.length === 0 ? first!.tex : `\\ifdim\\linewidth<${first!.m.below}em\\relax\n${first!.tex}\n\\else\n${chain(rest)}\n\\fi`;
  return chain(variants);
}
