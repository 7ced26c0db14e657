/** The options of the LaTeX renderer, apart from it so that the command line can check them without loading it. */

/** Where a fragment's headings sit in the host: its title at this level and the steps one below, or bold run-in headings ('none'). */
export type SectionLevel = 'section' | 'subsection' | 'none';
export const SECTION_LEVELS: readonly SectionLevel[] = ['section', 'subsection', 'none'];

/** Characters of a label prefix: those of labels like `sec:intro` or `eq_2.1-a` (no braces, backslashes, spaces or %). */
export const LABEL_PREFIX = /^[A-Za-z0-9:._-]{1,40}$/;
export const LABEL_PREFIX_RULE = 'use 1 to 40 letters, digits or the characters : . _ -';
export const DEFAULT_LABEL_PREFIX = 'kp';

export interface LatexOptions {
  /** No preamble and no `\begin{document}`: for `\input` into another document (default false). */
  readonly fragment?: boolean;
  /** The fragment's heading level (default 'section'). */
  readonly sectionLevel?: SectionLevel;
  /** A fragment labels its steps `<prefix>:<step kind>` (default 'kp'); must match LABEL_PREFIX. */
  readonly labelPrefix?: string;
}
