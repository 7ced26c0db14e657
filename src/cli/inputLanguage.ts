/** `--input latex|ascii`, and the LaTeX front end loaded only for LaTeX input (ASCII starts as fast as before). */
import { KinkproofError } from '../diagnostics.js';
import { detectLanguage, loadLatexFrontEnd } from '../symbolic/index.js';
import type { InputLanguage } from '../symbolic/index.js';

export function parseInputLanguage(value: string | undefined): InputLanguage | undefined {
  if (value === undefined || value === 'latex' || value === 'ascii') return value;
  throw new KinkproofError('input', `--input is latex or ascii, got ${JSON.stringify(value.slice(0, 40))}`);
}

/** Load the LaTeX parser if `language` says LaTeX, or if it is not given and some text is detected as LaTeX. */
export async function loadFrontEndFor(texts: readonly string[], language: InputLanguage | undefined): Promise<void> {
  if (language === 'latex' || (language === undefined && texts.some((t) => detectLanguage(t) === 'latex'))) await loadLatexFrontEnd();
}
