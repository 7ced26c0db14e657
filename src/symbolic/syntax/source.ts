/**
 * Which parser reads a text. The rule: a text with a backslash is LaTeX (the
 * ASCII language has no backslash, so no valid ASCII input is read as LaTeX);
 * `language` overrides it, for LaTeX without commands such as `|X|` or `X^T`.
 *
 * The LaTeX parser is loaded on demand so that ASCII input never pays for it:
 * `loadLatexFrontEnd()` (awaited once, before parsing LaTeX) fills the slot.
 * The library's entry point loads it; the CLI loads it only for LaTeX input.
 */
import type { Expr } from './ast.js';
import { parse } from './parse.js';

export type InputLanguage = 'ascii' | 'latex';

export const detectLanguage = (text: string): InputLanguage => (text.includes('\\') ? 'latex' : 'ascii');

let latexParser: ((text: string) => Expr) | undefined;

export async function loadLatexFrontEnd(): Promise<void> {
  latexParser ??= (await import('./latex.js')).parseLatex;
}

/** Parse `text` in `language` (default: detected). */
export function parseInput(text: string, language: InputLanguage = detectLanguage(text)): Expr {
  if (language === 'ascii') return parse(text);
  if (!latexParser) throw new Error('the LaTeX front end is not loaded (await loadLatexFrontEnd() first)');
  return latexParser(text);
}
